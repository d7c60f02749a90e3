//! Sender throughput: 1,000 mails of 100 KB over one connection to Postfix's `smtp-sink` on
//! loopback, every receipt persisted, against two anchors measured in the same run:
//!   - `smtp-source` sending the same count and size over one connection to the same sink;
//!   - a naive loop that opens a new connection for every mail (as most invoicing tools do),
//!     here lettre's `SmtpTransport` without a pool.
//!
//! Needs Postfix's `smtp-sink` and `smtp-source` (Debian package `postfix`).
//! Run: `cargo bench --bench sender`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_precision_loss,
    clippy::too_many_lines
)] // a benchmark

mod common;

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use lettre::address::Envelope;
use lettre::transport::smtp::client::Tls;
use lettre::{SmtpTransport, Transport};
use stempel::model::{Account, Mailbox, Security};
use stempel::store::Store;
use stempel::worker::sender::{self, Event};

const MAILS: usize = 1000;
const SIZE: usize = 100 * 1024;
const ROUNDS: usize = 3;

struct Sink(Child);

impl Drop for Sink {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn start_sink(port: u16) -> Sink {
    let mut cmd = Command::new("smtp-sink");
    if nix_is_root() {
        cmd.args(["-u", "nobody"]);
    }
    let child = cmd
        .args([&format!("127.0.0.1:{port}"), "256"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("smtp-sink (Debian package postfix) is needed");
    let deadline = Instant::now() + Duration::from_secs(5);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "smtp-sink did not start");
        std::thread::sleep(Duration::from_millis(20));
    }
    Sink(child)
}

fn nix_is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"))
}

fn rate(n: usize, d: Duration) -> f64 {
    n as f64 / d.as_secs_f64()
}

/// Stempel: one connection, receipts persisted (WAL, synchronous=FULL); every mail gets its
/// receipt.
fn stempel_round(db: &std::path::Path) -> Duration {
    let handle = sender::spawn(
        db.to_path_buf(),
        sender::Options::default(),
        stempel::worker::no_waker(),
    )
    .unwrap();
    let start = Instant::now();
    assert!(handle.send_due(None));
    let summary = loop {
        if let Event::BatchFinished(s) = handle.events.recv().unwrap() {
            break s;
        }
    };
    let took = start.elapsed();
    assert_eq!(summary.sent, MAILS, "{summary:?}");
    drop(handle);
    let store = Store::open(db).unwrap();
    let sent = store.list(&stempel::store::ListFilter::default()).unwrap();
    let with_receipt = sent
        .iter()
        .filter(|m| m.attempts.iter().any(|a| a.reply_code == Some(250)))
        .count();
    assert_eq!(with_receipt, MAILS);
    took
}

/// smtp-source: the same count and size over one connection (-d), one session (-s 1).
fn source_round(port: u16, size: usize) -> Duration {
    let start = Instant::now();
    let status = Command::new("smtp-source")
        .args([
            "-d",
            "-s",
            "1",
            "-m",
            &MAILS.to_string(),
            "-l",
            &size.to_string(),
            "-f",
            "faktury@firma.pl",
            "-t",
            "klient@example.com",
            &format!("127.0.0.1:{port}"),
        ])
        .stdout(Stdio::null())
        .status()
        .expect("smtp-source (Debian package postfix) is needed");
    assert!(status.success());
    start.elapsed()
}

fn main() {
    let port = free_port();
    let _sink = start_sink(port);

    // The outbox: 1,000 queued mails whose built size is about 100 KB each.
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("stempel.db");
    let mut store = Store::open(&db).unwrap();
    store
        .add_account(&{
            let mut a = Account::new(
                "bench",
                Mailbox {
                    name: None,
                    address: "faktury@firma.pl".into(),
                },
                "127.0.0.1",
            );
            a.smtp.port = port;
            a.smtp.security = Security::None;
            a
        })
        .unwrap();
    common::queue_invoices(&mut store, "bench", "klient@example.com", MAILS, SIZE);
    let raw = store.raw(1).unwrap().unwrap();
    let size = raw.len();
    drop(store);

    // Rounds that alternate Stempel and smtp-source, each on a fresh copy of the outbox, so
    // that a slow moment of the machine hits both; the best round of each counts.
    let mut stempel_time = Duration::MAX;
    let mut source_time = Duration::MAX;
    for round in 0..ROUNDS {
        let copy = dir.path().join(format!("round-{round}.db"));
        std::fs::copy(&db, &copy).unwrap();
        stempel_time = stempel_time.min(stempel_round(&copy));
        source_time = source_time.min(source_round(port, size));
    }

    // Naive: a new connection for every mail.
    let naive = SmtpTransport::builder_dangerous("127.0.0.1")
        .port(port)
        .tls(Tls::None)
        .build();
    let envelope = Envelope::new(
        Some("faktury@firma.pl".parse().unwrap()),
        vec!["klient@example.com".parse().unwrap()],
    )
    .unwrap();
    let start = Instant::now();
    for _ in 0..MAILS {
        naive.send_raw(&envelope, &raw).unwrap();
    }
    let naive_time = start.elapsed();

    let s = rate(MAILS, stempel_time);
    println!("mails: {MAILS} x {size} bytes over loopback to smtp-sink");
    println!(
        "stempel (one connection, receipts persisted): {s:.0} mails/s ({:.2} s)",
        stempel_time.as_secs_f64()
    );
    println!(
        "smtp-source (one connection):               {:.0} mails/s ({:.2} s)",
        rate(MAILS, source_time),
        source_time.as_secs_f64()
    );
    println!(
        "naive loop (new connection per mail):       {:.0} mails/s ({:.2} s)",
        rate(MAILS, naive_time),
        naive_time.as_secs_f64()
    );
    println!(
        "ratio to smtp-source: {:.2}x (goal >= 1.0x; best of {ROUNDS} alternating rounds each)",
        s / rate(MAILS, source_time)
    );
    println!("ratio to naive loop:  {:.2}x", s / rate(MAILS, naive_time));
}
