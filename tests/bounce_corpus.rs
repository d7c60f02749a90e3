//! The public part of the bounce corpus (`tests/data/bounces/`), scored by its own
//! `score.py`: fails under 0.98 or with any false detection.
#![allow(clippy::unwrap_used)] // test helpers: a failure should panic

use std::io::Write;
use std::path::Path;

#[test]
fn public_bounce_corpus_scores_at_least_0_98() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/bounces");
    let files = std::fs::read_to_string(corpus.join("files.txt")).unwrap_or_else(|e| {
        panic!("the bounce corpus is missing ({e}): it lives in tests/data/bounces")
    });
    let mut out = tempfile::NamedTempFile::new().unwrap();
    for file in files.lines().filter(|l| !l.trim().is_empty()) {
        let raw = std::fs::read(corpus.join(file)).unwrap();
        let r = stempel::bounce::parse(&raw);
        let recipients: Vec<_> = r
            .recipients
            .iter()
            .map(|x| serde_json::json!({"address": x.address, "action": x.action, "status": x.status}))
            .collect();
        let row = serde_json::json!({
            "file": file, "is_bounce": r.is_bounce(), "recipients": recipients, "message_id": r.message_id,
        });
        writeln!(out, "{row}").unwrap();
    }
    out.flush().unwrap();
    let result = std::process::Command::new("python3")
        .arg(corpus.join("score.py"))
        .arg(out.path())
        .arg("--files")
        .arg(corpus.join("files.txt"))
        .args(["--fail-under", "0.98"])
        .output()
        .expect("python3 runs the corpus scorer");
    let report = String::from_utf8_lossy(&result.stdout);
    let score = report
        .lines()
        .find(|l| l.starts_with("score:"))
        .unwrap_or("score: none");
    eprintln!("{score}");
    assert!(result.status.success(), "{score}\n{report}");
    assert!(
        report.contains("precision 100.0%"),
        "a non-bounce was counted as a bounce:\n{report}"
    );
}
