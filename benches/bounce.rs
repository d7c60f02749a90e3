//! Bounce parser throughput on the public bounce corpus (`tests/data/bounces/`), single
//! threaded, against Sisimai 4.25 (Debian `libsisimai-perl`) on the same files in the same run.
//! Sisimai is timed inside Perl, after its modules are loaded, so its start-up is not counted.
//!
//! Run: `cargo bench --bench bounce`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::cast_precision_loss)] // a benchmark

use std::path::Path;
use std::process::Command;
use std::time::Instant;

const ROUNDS: usize = 50;

fn main() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/bounces");
    let list = std::fs::read_to_string(corpus.join("files.txt")).expect("the bounce corpus");
    let files: Vec<String> = list
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_owned)
        .collect();
    let mails: Vec<Vec<u8>> = files
        .iter()
        .map(|f| std::fs::read(corpus.join(f)).unwrap())
        .collect();
    let bytes: usize = mails.iter().map(Vec::len).sum();

    // Warm up once, then time ROUNDS passes over the whole set.
    let mut bounces = 0;
    for m in &mails {
        bounces += usize::from(stempel::bounce::parse(m).is_bounce());
    }
    let start = Instant::now();
    for _ in 0..ROUNDS {
        for m in &mails {
            std::hint::black_box(stempel::bounce::parse(std::hint::black_box(m)));
        }
    }
    let ours = (files.len() * ROUNDS) as f64 / start.elapsed().as_secs_f64();

    let script = r#"
        use Time::HiRes qw(time);
        my @f = map { chomp; $_ } <STDIN>;
        Sisimai->make($f[0]);
        my $t = time; my $n = 0;
        for my $f (@f) { my $v = Sisimai->make($f); $n++ if $v && @$v; }
        printf "%.6f %d\n", time - $t, $n;
    "#;
    let out = Command::new("perl")
        .args(["-MSisimai", "-e", script])
        .current_dir(&corpus)
        .stdin(std::fs::File::open(corpus.join("files.txt")).unwrap())
        .output();
    println!(
        "corpus: {} files, {:.1} MB, {bounces} bounces found",
        files.len(),
        bytes as f64 / 1e6
    );
    println!("stempel::bounce::parse: {ours:.0} files/s (single thread, {ROUNDS} rounds)");
    match out {
        Ok(o) if o.status.success() => {
            let text = String::from_utf8_lossy(&o.stdout);
            let secs: f64 = text.split_whitespace().next().unwrap().parse().unwrap();
            let sisimai = files.len() as f64 / secs;
            println!("Sisimai 4.25 (perl):    {sisimai:.0} files/s");
            println!("ratio: {:.1}x Sisimai (goal >= 20x)", ours / sisimai);
        }
        _ => println!("Sisimai not available (apt-get install libsisimai-perl): no ratio"),
    }
}
