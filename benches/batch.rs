//! A month's invoices into the buffer: 1,000 invoices with PDFs of 200 KB queued by one
//! `stempel queue-batch --csv`, against the anchor measured in the same run: 1,000 separate
//! `stempel queue` calls, as an invoicing program that calls Stempel once per invoice does.
//! Both through the real binary, into a fresh data folder each, durable (WAL, `synchronous=FULL`).
//!
//! Goal: queue-batch at least 10× faster than the separate calls, and under 10 s.
//! Run: `cargo bench --bench batch`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::cast_precision_loss)] // a benchmark

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const INVOICES: usize = 1000;
const PDF_SIZE: usize = 200 * 1024;

fn stempel(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_stempel"));
    cmd.env("STEMPEL_DATA_DIR", dir)
        .env("STEMPEL_KEYCHAIN", "mock")
        .env("LC_ALL", "C.UTF-8")
        .env_remove("DBUS_SESSION_BUS_ADDRESS");
    cmd
}

fn run(mut cmd: Command) {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A data folder with an account, and the invoice PDFs (pseudo-random, so nothing compresses).
fn setup(dir: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700)).unwrap();
    }
    let mut cmd = stempel(dir);
    cmd.args([
        "account",
        "add",
        "firma",
        "--from",
        "Firma <faktury@firma.pl>",
    ])
    .args(["--smtp-host", "127.0.0.1", "--smtp-port", "2587"])
    .args(["--smtp-security", "starttls"]);
    run(cmd);
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for n in 0..INVOICES {
        let mut pdf = Vec::with_capacity(PDF_SIZE);
        pdf.extend_from_slice(b"%PDF-1.7\n");
        while pdf.len() < PDF_SIZE {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            pdf.extend_from_slice(&seed.to_le_bytes());
        }
        std::fs::write(dir.join(format!("FV-{n:04}.pdf")), &pdf).unwrap();
    }
}

fn batch(dir: &Path) -> Duration {
    let mut csv = String::from("file,invoice_number,email,customer,amount,currency,due_date\n");
    for n in 0..INVOICES {
        writeln!(
            csv,
            "FV-{n:04}.pdf,FV/2026/11/{n:04},klient{n}@example.com,Klient {n},1 230.00,PLN,2026-12-14"
        )
        .unwrap();
    }
    std::fs::write(dir.join("batch.csv"), csv).unwrap();
    let start = Instant::now();
    let mut cmd = stempel(dir);
    cmd.args(["queue-batch", "--csv"])
        .arg(dir.join("batch.csv"));
    run(cmd);
    start.elapsed()
}

fn separate(dir: &Path) -> Duration {
    let start = Instant::now();
    for n in 0..INVOICES {
        let mut cmd = stempel(dir);
        cmd.args(["queue", "--account", "firma"])
            .args(["--to", &format!("klient{n}@example.com")])
            .args(["--subject", &format!("Invoice FV/2026/11/{n:04}")])
            .args(["--body", "Dear Klient, please find attached the invoice."])
            .args(["--invoice-number", &format!("FV/2026/11/{n:04}")])
            .arg("--attach")
            .arg(dir.join(format!("FV-{n:04}.pdf")));
        run(cmd);
    }
    start.elapsed()
}

fn main() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    setup(a.path());
    setup(b.path());
    let batch = batch(a.path());
    let separate = separate(b.path());
    let ratio = separate.as_secs_f64() / batch.as_secs_f64();
    println!(
        "queue-batch: {INVOICES} invoices of {} KB in {:.2} s ({:.1} ms each)",
        PDF_SIZE / 1024,
        batch.as_secs_f64(),
        batch.as_secs_f64() * 1000.0 / INVOICES as f64
    );
    println!(
        "anchor, {INVOICES} separate `stempel queue` calls: {:.2} s ({:.1} ms each)",
        separate.as_secs_f64(),
        separate.as_secs_f64() * 1000.0 / INVOICES as f64
    );
    println!("queue-batch is {ratio:.1}x the separate calls (goal: >= 10x, under 10 s)");
}
