//! The bounce scanner against the real Postfix and Dovecot of `tests/mailserver/start.sh`:
//! real delivery reports in a real mailbox become delivery states per recipient.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::cli::{self, add_reporting_account, show, stempel};
use common::{Imap, MailServer};
use lettre::address::Envelope;
use lettre::transport::smtp::client::Tls;
use lettre::{SmtpTransport, Transport};
use serde_json::Value;

/// Queues an invoice from the `scan` account to `to`, with `extra` arguments; returns its id.
fn queue(dir: &Path, to: &str, subject: &str, extra: &[&str]) -> String {
    let invoice = [
        "--account",
        "scan",
        "--to",
        to,
        "--subject",
        subject,
        "--body",
        "Faktura w załączeniu.",
    ];
    cli::queue(dir, &[&invoice[..], extra].concat())
}

fn delivery(v: &Value) -> String {
    v["recipients"][0]["delivery"]["state"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// An RFC 8098 read receipt from the customer's mail program, for `message_id`.
fn mdn(customer: &str, sender: &str, message_id: &str) -> Vec<u8> {
    format!(
        "From: {customer}\r\nTo: {sender}\r\nSubject: Read: Faktura D\r\n\
         Message-ID: <mdn-{n}@stempel.test>\r\nMIME-Version: 1.0\r\n\
         Content-Type: multipart/report; report-type=disposition-notification; boundary=\"MDN\"\r\n\r\n\
         --MDN\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nThe message was displayed.\r\n\r\n\
         --MDN\r\nContent-Type: message/disposition-notification\r\n\r\n\
         Reporting-UA: customer.stempel.test; Test\r\nFinal-Recipient: rfc822;{customer}\r\n\
         Original-Message-ID: {message_id}\r\nDisposition: manual-action/MDN-sent-manually; displayed\r\n\r\n\
         --MDN--\r\n",
        n = std::process::id()
    )
    .into_bytes()
}

#[test]
#[ignore = "needs the mail servers: run .ci/e2e"]
fn reports_in_the_mailbox_become_delivery_states() {
    let server = MailServer::from_env();
    let dir = tempfile::tempdir().unwrap();
    let sender = server.var("STEMPEL_MS_SENDER");
    let customer = server.var("STEMPEL_MS_CUSTOMER");
    add_reporting_account(dir.path(), &server, "scan");
    let unknown = format!("nobody-{}@stempel.test", std::process::id());
    let a = queue(dir.path(), &unknown, "Faktura A", &[]);
    let b = queue(dir.path(), customer, "Faktura B", &["--notify-delivery"]);
    let c = queue(
        dir.path(),
        &format!("late@{}", server.var("STEMPEL_MS_DELAY_DOMAIN")),
        "Faktura C",
        &[],
    );
    let d = queue(dir.path(), customer, "Faktura D", &["--read-receipt"]);
    stempel(dir.path())
        .args(["send", "--all"])
        .assert()
        .success();

    // The customer's mail program sends a read receipt for D.
    let d_mid = show(dir.path(), &d)["message_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let mx = SmtpTransport::builder_dangerous("127.0.0.1")
        .port(server.port("STEMPEL_MS_SMTP_PORT"))
        .tls(Tls::None)
        .build();
    let envelope = Envelope::new(
        Some(customer.parse().unwrap()),
        vec![sender.parse().unwrap()],
    )
    .unwrap();
    mx.send_raw(&envelope, &mdn(customer, sender, &d_mid))
        .unwrap();

    // Reports arrive within seconds; scan until all four have changed.
    let deadline = Instant::now() + Duration::from_secs(18);
    loop {
        stempel(dir.path())
            .args(["check-bounces", "--account", "scan"])
            .assert()
            .success();
        let states = [&a, &b, &c, &d].map(|id| delivery(&show(dir.path(), id)));
        if states == ["bounced", "delivered", "delayed", "read"] {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "states after waiting: {states:?}"
        );
        std::thread::sleep(Duration::from_millis(500));
    }
    let va = show(dir.path(), &a);
    let ra = &va["recipients"][0]["delivery"];
    assert_eq!(ra["status"], "5.1.1");
    assert!(ra["diagnostic"].as_str().unwrap().contains("5.1.1"));
    let ev = &va["events"][0];
    assert_eq!(ev["matched_by"], "envid");
    assert_eq!(ev["state"], "bounced");
    assert_eq!(
        show(dir.path(), &c)["recipients"][0]["delivery"]["status"],
        "4.4.1"
    );
    let vd = show(dir.path(), &d);
    assert!(
        vd["events"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["kind"] == "mdn" && e["matched_by"] == "message-id")
    );

    // A second scan finds nothing new.
    let before: usize = [&a, &b, &c, &d]
        .iter()
        .map(|id| show(dir.path(), id)["events"].as_array().unwrap().len())
        .sum();
    let out = stempel(dir.path())
        .args(["check-bounces"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        out.stdout.is_empty(),
        "changes on a re-scan: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    let after: usize = [&a, &b, &c, &d]
        .iter()
        .map(|id| show(dir.path(), id)["events"].as_array().unwrap().len())
        .sum();
    assert_eq!(before, after);

    // Nothing in the mailbox was marked as read.
    let mut imap = Imap::connect(
        server.port("STEMPEL_MS_IMAPS_PORT"),
        &server.ca_pem(),
        sender,
        server.var("STEMPEL_MS_SENDER_PASSWORD"),
    );
    let flags = String::from_utf8_lossy(&imap.command("UID FETCH 1:* (FLAGS)")).into_owned();
    assert!(flags.contains("FETCH"), "{flags}");
    assert!(
        !flags.contains("\\Seen"),
        "a message gained \\Seen: {flags}"
    );
}
