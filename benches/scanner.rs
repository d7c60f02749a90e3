//! Scanner speed: a mailbox of 10,000 mails holding 100 delivery reports about mails in the
//! store, on the harness's Dovecot (`tests/mailserver/start.sh` must be running). Prints the time
//! of the first scan, of a re-scan with nothing new, and how many messages each fetched.
//! Goals: first scan <= 3 s, re-scan <= 20 ms on loopback.
//!
//! Run: `sudo tests/mailserver/start.sh && cargo bench --bench scanner`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a benchmark

mod common;

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use jiff::Timestamp;
use stempel::model::{Account, Compose, Endpoint, Mailbox, Security};
use stempel::outbox::{self, Destination};
use stempel::store::{AttemptRecord, Finish, Store};
use stempel::worker::scanner;

const MAILS: usize = 10_000;
const REPORTS: usize = 100;

fn dsn(envid: &str, rcpt: &str, n: usize) -> String {
    format!(
        "Return-Path: <>\r\nFrom: MAILER-DAEMON@mx.stempel.test (Mail Delivery System)\r\n\
         To: bench@stempel.test\r\nSubject: Undelivered Mail Returned to Sender\r\n\
         Date: {date}\r\nMessage-ID: <dsn-{n}@mx.stempel.test>\r\nMIME-Version: 1.0\r\n\
         Content-Type: multipart/report; report-type=delivery-status; boundary=\"B{n}\"\r\n\r\n\
         --B{n}\r\nContent-Type: text/plain\r\n\r\nYour message could not be delivered.\r\n\r\n\
         --B{n}\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.stempel.test\r\n\
         Original-Envelope-Id: {envid}\r\n\r\nFinal-Recipient: rfc822; {rcpt}\r\nAction: failed\r\n\
         Status: 5.1.1\r\nDiagnostic-Code: smtp; 550 5.1.1 <{rcpt}>: User unknown\r\n\r\n--B{n}--\r\n",
        date = Timestamp::now().strftime("%a, %d %b %Y %H:%M:%S +0000"),
    )
}

fn plain(n: usize) -> String {
    format!(
        "From: Klient {n} <klient{n}@example.com>\r\nTo: bench@stempel.test\r\n\
         Subject: Re: Faktura {n}\r\nDate: {date}\r\nMessage-ID: <plain-{n}@example.com>\r\n\r\n\
         Dziękuję, zapłacone. {pad}\r\n",
        date = Timestamp::now().strftime("%a, %d %b %Y %H:%M:%S +0000"),
        pad = "x".repeat(2000),
    )
}

fn main() {
    let env = common::mail_server_env();
    let maildir = PathBuf::from(&env["STEMPEL_MS_BENCH_MAILDIR"]);

    // The store: 100 sent mails the reports are about.
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("stempel.db")).unwrap();
    let account = {
        let mut a = Account::new(
            "bench",
            Mailbox {
                name: None,
                address: "bench@stempel.test".into(),
            },
            "127.0.0.1",
        );
        a.smtp.port = 1;
        a.smtp.security = Security::None;
        a.imap = Some(Endpoint {
            host: "localhost".into(),
            port: env["STEMPEL_MS_IMAPS_PORT"].parse().unwrap(),
            security: Security::Tls,
            user: env["STEMPEL_MS_BENCH_USER"].clone(),
        });
        a.password_command = Some(format!("printf '{}'", env["STEMPEL_MS_BENCH_PASSWORD"]));
        a.ca_file = Some(env["STEMPEL_MS_CA_FILE"].clone());
        a
    };
    store.add_account(&account).unwrap();
    let mut envids = Vec::new();
    for i in 0..REPORTS {
        let compose = Compose {
            to: vec![format!("nobody{i}@stempel.test")],
            subject: format!("Faktura {i}"),
            body_text: "x".into(),
            ..Compose::default()
        };
        let id = outbox::submit(&mut store, "bench", &compose, &[], Destination::Queue).unwrap();
        store.claim_due(Timestamp::now(), Some(&[id])).unwrap();
        let attempt = store.start_attempt(id, "bench", Timestamp::now()).unwrap();
        store
            .finish_attempt(attempt, &AttemptRecord::default(), Finish::Sent)
            .unwrap();
        envids.push(store.message(id).unwrap().envelope_id);
    }

    // The mailbox: 10,000 mails, 100 of them reports, written into Dovecot's Maildir.
    let _ = std::fs::remove_dir_all(&maildir);
    for sub in ["new", "cur", "tmp"] {
        std::fs::create_dir_all(maildir.join(sub)).unwrap();
    }
    let every = MAILS / REPORTS;
    let mut written = 0;
    for n in 0..MAILS {
        let body = if n % every == every - 1 {
            let i = n / every;
            dsn(&envids[i], &format!("nobody{i}@stempel.test"), n)
        } else {
            plain(n)
        };
        let path = maildir
            .join("new")
            .join(format!("{}.{n}.bench", 1_700_000_000 + n));
        std::fs::File::create(&path)
            .unwrap()
            .write_all(body.as_bytes())
            .unwrap();
        written += 1;
    }
    // Dovecot runs the mailbox as nobody: hand the files over.
    let _ = std::process::Command::new("chown")
        .args(["-R", "nobody:nogroup"])
        .arg(maildir.parent().unwrap())
        .status();

    let rt = scanner::runtime().unwrap();
    let options = scanner::Options::default();
    let start = Instant::now();
    let first = scanner::scan_account(&rt, &mut store, &account, &options).unwrap();
    let first_time = start.elapsed();
    let start = Instant::now();
    let again = scanner::scan_account(&rt, &mut store, &account, &options).unwrap();
    let again_time = start.elapsed();
    // The scanner thread keeps its session between periodic scans: a re-scan on it.
    let mut sessions = scanner::Sessions::default();
    scanner::scan_account_with(&rt, &mut store, &account, &options, &mut sessions).unwrap();
    let start = Instant::now();
    let kept =
        scanner::scan_account_with(&rt, &mut store, &account, &options, &mut sessions).unwrap();
    let kept_time = start.elapsed();
    sessions.close(&rt, options.timeout);

    // How much of a scan is opening the session (TLS, login: Dovecot starts a process per login).
    let imap = account.imap.clone().unwrap();
    let password =
        stempel::secrets::run_password_command(account.password_command.as_deref().unwrap())
            .unwrap();
    let start = Instant::now();
    let connect_time = rt.block_on(async {
        let mut s = stempel::imap::connect(
            &imap,
            &password,
            account.auth,
            account.ca_file.as_deref(),
            options.timeout,
        )
        .await
        .unwrap();
        let t = start.elapsed();
        s.logout(options.timeout).await;
        t
    });
    let start = Instant::now();
    let _ = stempel::secrets::run_password_command(account.password_command.as_deref().unwrap())
        .unwrap();
    let password_time = start.elapsed();

    println!("mailbox: {written} mails, {REPORTS} reports about mails in the store");
    println!(
        "first scan: {:.0} ms, {} messages fetched, {} reports, {} changes (goal <= 3000 ms)",
        first_time.as_secs_f64() * 1e3,
        first.fetched,
        first.reports,
        first.changes.len()
    );
    println!(
        "re-scan, session kept (the scanner thread): {:.1} ms, {} messages fetched, {} changes (goal <= 20 ms)",
        kept_time.as_secs_f64() * 1e3,
        kept.fetched,
        kept.changes.len()
    );
    println!(
        "re-scan, new session (stempel check-bounces): {:.1} ms, {} messages fetched, {} changes",
        again_time.as_secs_f64() * 1e3,
        again.fetched,
        again.changes.len()
    );
    println!(
        "of a scan: connect + TLS + login {:.1} ms, password command {:.1} ms",
        connect_time.as_secs_f64() * 1e3,
        password_time.as_secs_f64() * 1e3
    );
    assert_eq!(first.changes.len(), REPORTS);
    assert_eq!(again.changes.len(), 0);
    assert_eq!(kept.changes.len(), 0);
}
