//! Inputs that fail well: special files refused without being opened (a FIFO would block),
//! UTF-16 with a BOM decoded, 8-bit text named as such, the input size limit. Each test drives
//! the real binary on files in a temp dir; the FIFO tests run under a deadline so that a
//! regression fails instead of hanging.

mod common;

use std::path::Path;
use std::process::Output;
use std::time::Duration;

use common::{Workspace, fixture, stderr_of, stdout_of};
use serde_json::Value;

/// Longer than any run here takes; a claimlint that opens a FIFO waits forever instead.
const DEADLINE: Duration = Duration::from_secs(30);

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success(), "mkfifo {}", path.display());
}

fn run_with_deadline(workspace: &Workspace, args: &[&str]) -> Output {
    let output = workspace
        .claimlint(args)
        .timeout(DEADLINE)
        .output()
        .unwrap();
    assert!(
        output.status.code().is_some(),
        "claimlint was killed after {DEADLINE:?}: it blocked (on the FIFO?)\n{}",
        stderr_of(&output)
    );
    output
}

/// Runs claimlint, expects exit 2 (an input error), and returns its stderr.
fn refused(workspace: &Workspace, args: &[&str]) -> String {
    let output = workspace.claimlint(args).output().unwrap();
    let stderr = stderr_of(&output);
    assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
    stderr
}

fn fifo_message(path: &Path) -> String {
    format!(
        "{}: not a regular file (a FIFO); claimlint reads regular files or `-` for stdin",
        path.display()
    )
}

#[test]
fn a_fifo_given_to_add_extract_check_or_diff_is_refused_without_blocking() {
    let workspace = Workspace::new();
    let fifo = workspace.path("pipe.txt");
    mkfifo(&fifo);
    let other = workspace.write("other.txt", "Il PIL è cresciuto del 2% nel 2023.\n");
    let fifo_arg = fifo.to_str().unwrap();
    let runs: [&[&str]; 4] = [
        &["add", fifo_arg],
        &["extract", fifo_arg],
        &["check", fifo_arg],
        &["diff", other.to_str().unwrap(), fifo_arg],
    ];
    for args in runs {
        let command = args[0];
        let output = run_with_deadline(&workspace, args);
        assert_eq!(output.status.code(), Some(2), "{command}");
        // `check` in human format lists input errors in its report, on stdout.
        let printed = format!("{}{}", stderr_of(&output), stdout_of(&output));
        assert!(
            printed.contains(&fifo_message(&fifo)),
            "{command}: {printed}"
        );
    }
}

#[test]
fn a_fifo_inside_a_directory_is_an_item_error_and_the_other_files_are_added() {
    let workspace = Workspace::new();
    workspace.write("batch/a.txt", "Il PIL è cresciuto del 2% nel 2023.\n");
    workspace.write("batch/c.txt", "Unemployment fell to 5% in 2023.\n");
    let fifo = workspace.path("batch/b.txt");
    mkfifo(&fifo);
    let batch = workspace.path("batch");
    let output = run_with_deadline(&workspace, &["add", batch.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr_of(&output);
    assert!(stderr.contains(&fifo_message(&fifo)), "{stderr}");
    assert!(
        stderr.contains("1 input(s) could not be added; the others were"),
        "{stderr}"
    );
    let stdout = stdout_of(&output);
    assert!(stdout.contains("added a draft 1"), "{stdout}");
    assert!(stdout.contains("added c draft 1"), "{stdout}");
}

#[test]
fn stdin_through_a_pipe_is_still_read() {
    let workspace = Workspace::new();
    let output = workspace
        .claimlint(&["add", "-", "--id", "piped"])
        .write_stdin("Il PIL è cresciuto del 2% nel 2023.\n")
        .timeout(DEADLINE)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert!(stdout_of(&output).starts_with("added piped draft 1"));
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut bytes = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for unit in text.encode_utf16() {
        bytes.extend(if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    bytes
}

/// `extract --format json` of a file, without its `source` field.
fn extraction_of(workspace: &Workspace, path: &Path) -> Value {
    let output = workspace
        .claimlint(&["extract", path.to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let mut json: Value = serde_json::from_slice(&output.stdout).unwrap();
    json.as_object_mut().unwrap().remove("source");
    json
}

#[test]
fn utf16_files_with_a_bom_give_the_claims_of_their_utf8_original() {
    let workspace = Workspace::new();
    let original = std::fs::read_to_string(fixture("cina-russia-2024-01-it.txt")).unwrap();
    // Word and Notepad write CRLF line ends, too.
    let windows_text = original.replace('\n', "\r\n");
    let utf8 = extraction_of(&workspace, &fixture("cina-russia-2024-01-it.txt"));
    assert!(!utf8["claims"].as_array().unwrap().is_empty());
    for (name, big_endian) in [("le.txt", false), ("be.txt", true)] {
        let path = workspace.write(name, utf16(&windows_text, big_endian));
        assert_eq!(extraction_of(&workspace, &path), utf8, "{name}");
    }
    // And `add` stores them as the same draft as the UTF-8 file.
    let le = workspace.path("le.txt");
    let original_path = fixture("cina-russia-2024-01-it.txt");
    for path in [&original_path, &le] {
        let output = workspace
            .claimlint(&["add", path.to_str().unwrap(), "--id", "story"])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    }
    let drafts = workspace
        .claimlint(&["drafts", "story", "--format", "json"])
        .output()
        .unwrap();
    let drafts: Value = serde_json::from_slice(&drafts.stdout).unwrap();
    assert_eq!(drafts.as_array().unwrap().len(), 1, "{drafts}");
}

#[test]
fn a_utf16_file_with_an_odd_byte_count_names_the_byte() {
    let workspace = Workspace::new();
    let mut bytes = utf16("Il PIL è cresciuto del 2%.\n", false);
    bytes.push(b'x');
    let path = workspace.write("odd.txt", &bytes);
    let stderr = refused(&workspace, &["add", path.to_str().unwrap()]);
    let expected = format!(
        "{}: UTF-16 file: odd number of bytes, the last character is cut in half at byte {} (line 2)",
        path.display(),
        bytes.len() - 1
    );
    assert!(stderr.contains(&expected), "{stderr}");
}

#[test]
fn windows_1252_text_is_refused_with_a_conversion_hint() {
    let workspace = Workspace::new();
    // A curly apostrophe (0x92) on line 2 of a Windows-1252 file.
    let path = workspace.write("legacy.txt", b"Titolo\nL\x92inflazione \xe8 al 5%.\n");
    let stderr = refused(&workspace, &["add", path.to_str().unwrap()]);
    let expected = format!(
        "error: {}: not valid UTF-8 at line 2, byte 8 (0x92); it looks like Windows-1252 or Latin-1 text: \
         save it as UTF-8 (for example: iconv -f WINDOWS-1252 -t UTF-8 FILE > NEW-FILE)\n",
        path.display()
    );
    assert!(stderr.starts_with(&expected), "{stderr}");
}

#[test]
fn inputs_over_the_size_limit_are_refused_with_the_size_and_how_to_raise_it() {
    let workspace = Workspace::new();
    let sentence = "Il PIL è cresciuto del 2% nel 2023.\n";
    let big = workspace.write("big.txt", sentence.repeat(40)); // 1,480 bytes
    let small = workspace.write("small.txt", sentence);
    let output = workspace
        .claimlint(&[
            "--max-input-size",
            "1K",
            "add",
            big.to_str().unwrap(),
            small.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let expected = format!(
        "{}: the file is 1480 bytes (1.4 KiB), more than the input size limit of 1 KiB; raise the \
         limit with --max-input-size SIZE or CLAIMLINT_MAX_INPUT_SIZE (for example --max-input-size 1MiB)",
        big.display()
    );
    assert!(
        stderr_of(&output).contains(&expected),
        "{}",
        stderr_of(&output)
    );
    assert!(stdout_of(&output).contains("added small draft 1"));

    // The environment variable sets it too, and a file exactly at the limit passes.
    let exact = workspace.write("exact.txt", sentence.repeat(2));
    let limit = (sentence.len() * 2).to_string();
    let output = workspace
        .claimlint(&["extract", exact.to_str().unwrap()])
        .env("CLAIMLINT_MAX_INPUT_SIZE", &limit)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let output = workspace
        .claimlint(&["extract", big.to_str().unwrap()])
        .env("CLAIMLINT_MAX_INPUT_SIZE", &limit)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let expected = format!("more than the input size limit of {limit} bytes");
    assert!(
        stderr_of(&output).contains(&expected),
        "{}",
        stderr_of(&output)
    );
}

#[test]
fn stdin_past_the_size_limit_stops_being_read() {
    let workspace = Workspace::new();
    let output = workspace
        .claimlint(&["--max-input-size", "1K", "add", "-", "--id", "piped"])
        .write_stdin("Il PIL è cresciuto del 2% nel 2023.\n".repeat(1000))
        .timeout(DEADLINE)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains(
            "<stdin>: the input goes on past 1 KiB (reading stopped there), more than the input size limit of 1 KiB"
        ),
        "{}",
        stderr_of(&output)
    );
}

#[test]
fn a_bad_size_limit_is_a_usage_error() {
    let workspace = Workspace::new();
    let stderr = refused(&workspace, &["--max-input-size", "lots", "extract", "-"]);
    assert!(stderr.contains("`lots` is not a size"), "{stderr}");
}
