//! Build script: compiles the bundled rules (`rules/*.rhai`) into the binary.
//!
//! It writes `bundled_rules.rs` into OUT_DIR: a slice of `(file name, source)` pairs built with
//! `include_str!`, sorted by name, so adding a rule file is all it takes to bundle it (the
//! loader then checks each header). Cargo re-runs this script when the `rules` directory
//! changes (a file added, removed or edited).

use std::fmt::Write;
use std::path::Path;

fn main() {
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR");
    let rules_dir = Path::new(&manifest_dir).join("rules");
    println!("cargo:rerun-if-changed={}", rules_dir.display());
    let mut files = Vec::new();
    if let Ok(entries) = std::fs::read_dir(&rules_dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|ext| ext == "rhai") {
                println!("cargo:rerun-if-changed={}", path.display());
                files.push(path);
            }
        }
    }
    files.sort();
    let mut code = String::from("&[\n");
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy();
        writeln!(
            code,
            "    ({name:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .unwrap();
    }
    code.push_str("]\n");
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("bundled_rules.rs");
    std::fs::write(out, code).expect("write bundled_rules.rs");
}
