//! `gen-corpus`: writes the deterministic benchmark corpus to a folder, one `<id>.txt` per
//! article, and prints how many files and bytes it wrote.
//!
//! ```text
//! cargo run --release --example gen-corpus -- OUT_DIR [--articles N] [--seed S]
//! ```
//!
//! The articles come from `support/corpus.rs`, the same generator the criterion benches call
//! in-process, so `benches/add.py` and `benches/extract.rs` measure the same prose. Articles
//! are written as they are generated: memory stays flat whatever N is.

use std::fs;
use std::path::PathBuf;
use std::process::ExitCode;

// Shared with the other bench targets, which use the parts this one does not.
#[allow(dead_code)]
#[path = "support/corpus.rs"]
mod corpus;

const USAGE: &str = "usage: gen-corpus OUT_DIR [--articles N] [--seed S]";

struct Request {
    out_dir: PathBuf,
    articles: usize,
    seed: u64,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Request, String> {
    let mut out_dir = None;
    let mut articles = corpus::DEFAULT_ARTICLES;
    let mut seed = corpus::DEFAULT_SEED;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--articles" | "--seed" => {
                let value = args.next().ok_or(format!("{arg} needs a value"))?;
                let number: u64 = value
                    .parse()
                    .map_err(|_| format!("{arg} wants a whole number, not `{value}`"))?;
                if arg == "--articles" {
                    articles = number as usize;
                } else {
                    seed = number;
                }
            }
            "-h" | "--help" => return Err(USAGE.to_string()),
            other if other.starts_with("--") => return Err(format!("unknown option `{other}`")),
            other if out_dir.is_none() => out_dir = Some(PathBuf::from(other)),
            other => return Err(format!("unexpected argument `{other}`")),
        }
    }
    let out_dir = out_dir.ok_or("OUT_DIR is missing")?;
    Ok(Request {
        out_dir,
        articles,
        seed,
    })
}

fn run(request: &Request) -> std::io::Result<()> {
    fs::create_dir_all(&request.out_dir)?;
    let (mut files, mut bytes, mut italian) = (0usize, 0usize, 0usize);
    for article in corpus::generate(request.articles, request.seed) {
        fs::write(
            request.out_dir.join(format!("{}.txt", article.id)),
            &article.text,
        )?;
        files += 1;
        bytes += article.text.len();
        italian += usize::from(article.lang == "it");
    }
    println!(
        "wrote {files} files ({italian} it, {} en), {bytes} bytes ({:.1} MB) to {} (seed {})",
        files - italian,
        bytes as f64 / 1e6,
        request.out_dir.display(),
        request.seed
    );
    Ok(())
}

fn main() -> ExitCode {
    let request = match parse_args(std::env::args().skip(1)) {
        Ok(request) => request,
        Err(message) => {
            eprintln!("gen-corpus: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&request) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("gen-corpus: {}: {err}", request.out_dir.display());
            ExitCode::from(2)
        }
    }
}
