//! The "floor" for a full build (issue 6): pulldown-cmark rendering every body, one
//! file written per input, nothing else. `bench/compare` times it beside ladderbook and Hugo.
//!
//! `cargo run --release --example floor -- CONTENT_DIR OUT_DIR`: every `*.md` under
//! CONTENT_DIR, its TOML front-matter (between `+++` lines) skipped, is rendered with the
//! same pulldown-cmark options as ladderbook and written to OUT_DIR at the same relative path
//! with `.html`. One thread, as a plain static-site generator's inner loop would be.

use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(content), Some(out)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: floor CONTENT_DIR OUT_DIR");
        std::process::exit(2);
    };
    let content = Path::new(content);
    let mut files = 0;
    for entry in walkdir::WalkDir::new(content).sort_by_file_name() {
        let entry = entry.expect("readable content");
        let path = entry.path();
        if !entry.file_type().is_file() || path.extension().and_then(|e| e.to_str()) != Some("md") {
            continue;
        }
        let text = std::fs::read_to_string(path).expect("UTF-8 text");
        // The body starts after the second `+++` line.
        let body = text
            .strip_prefix("+++")
            .and_then(|rest| rest.split_once("\n+++").map(|(_, b)| b))
            .unwrap_or(&text);
        let mut html = String::with_capacity(body.len() * 3 / 2);
        let parser = pulldown_cmark::Parser::new_ext(body, ladderbook::markdown::options());
        pulldown_cmark::html::push_html(&mut html, parser);
        let target = Path::new(out)
            .join(path.strip_prefix(content).expect("under content"))
            .with_extension("html");
        std::fs::create_dir_all(target.parent().expect("a parent")).expect("writable output");
        std::fs::write(&target, html).expect("writable output");
        files += 1;
    }
    eprintln!("rendered {files} files");
}
