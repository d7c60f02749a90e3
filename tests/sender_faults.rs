//! The sender against a misbehaving peer: every fault ends in the right state with the right
//! explanation, and nothing panics. The peer is real TCP with real TLS (see `tests/peer`).
#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers: a failure should panic

mod common;
mod faults;
mod peer;

use base64::Engine as _;
use std::time::Duration;
use stempel::model::DeliveryState::{Accepted, Rejected};

use peer::{Act, CertKind, Script, TlsMode};
use stempel::model::{Compose, MessageState, Outcome, Security};
use stempel::outbox::{self, Destination};
use stempel::store::Store;
use stempel::worker::sender::{self, Event};

use faults::{PASSWORD, check, expect, r, run, run_full, run_with};

#[test]
fn success_records_the_receipt() {
    let res = run_with(
        Script::default(),
        Security::Starttls,
        true,
        &["a@example.com", "b@example.com"],
    );
    assert_eq!(res.message.state, MessageState::Sent);
    assert_eq!(res.report.outcome, Outcome::Sent);
    assert_eq!(res.message.queue_id.as_deref(), Some("4Fq2Zk3Y5Vz9"));
    let a = &res.message.attempts[0];
    assert_eq!(a.reply_code, Some(250));
    assert_eq!(a.enhanced_status.as_deref(), Some("2.0.0"));
    assert_eq!(a.tls_version.as_deref(), Some("TLSv1.3"));
    let lines: Vec<&str> = a.transcript.iter().map(|l| l.line.as_str()).collect();
    let first_server = a
        .transcript
        .iter()
        .find(|l| l.dir == stempel::model::Dir::Server)
        .unwrap();
    assert_eq!(
        first_server.line, "220 peer.test ESMTP ready",
        "starts with the greeting"
    );
    assert!(lines.contains(&"STARTTLS"));
    assert!(lines.contains(&"AUTH PLAIN ****"));
    // A server without CHUNKING gets DATA.
    assert!(lines.contains(&"DATA") && !lines.iter().any(|l| l.starts_with("BDAT")));
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("[message: ") && l.contains("sha256"))
    );
    assert_eq!(
        lines.last(),
        Some(&"221 2.0.0 Bye"),
        "QUIT ends the last receipt"
    );
    // Neither the password nor its base64 (AUTH PLAIN's "\0user\0password").
    let b64 =
        base64::engine::general_purpose::STANDARD.encode(format!("\0faktury@firma.pl\0{PASSWORD}"));
    assert!(
        lines
            .iter()
            .all(|l| !l.contains(&b64) && !l.contains(PASSWORD))
    );
    // The peer got the message unchanged, dot-stuffing undone.
    let seen = res.peer.seen();
    assert_eq!(seen.messages.len(), 1);
    let body = String::from_utf8_lossy(&seen.messages[0]);
    assert!(
        body.contains("\r\n.\r\n..kropki\r\n") || body.contains("=2E"),
        "{body}"
    );
    // DSN parameters, because the peer offers DSN.
    let mail_from = seen
        .commands
        .iter()
        .find(|c| c.starts_with("MAIL FROM"))
        .unwrap();
    assert!(
        mail_from.contains("RET=HDRS")
            && mail_from.contains(&format!("ENVID={}", res.message.envelope_id)),
        "{mail_from}"
    );
    let rcpt = seen
        .commands
        .iter()
        .find(|c| c.starts_with("RCPT TO"))
        .unwrap();
    assert!(
        rcpt.contains("NOTIFY=FAILURE,DELAY") && rcpt.contains("ORCPT=rfc822;a@example.com"),
        "{rcpt}"
    );
    assert!(
        res.message
            .recipients
            .iter()
            .all(|r| r.delivery.state == stempel::model::DeliveryState::Accepted)
    );
}

#[test]
fn greeting_faults() {
    use MessageState::{Failed, Queued};
    expect(
        "greeting 421",
        Script {
            greeting: r("421 4.3.2 Service shutting down"),
            ..Script::default()
        },
        Queued,
        "smtp-421",
    );
    expect(
        "greeting 554",
        Script {
            greeting: r("554 5.7.1 No SMTP service here"),
            ..Script::default()
        },
        Failed,
        "smtp-spam",
    );
    expect(
        "drop at greeting",
        Script {
            greeting: Act::Drop,
            ..Script::default()
        },
        Queued,
        "smtp-connection-lost",
    );
    expect(
        "stall at greeting",
        Script {
            greeting: Act::Stall(Duration::from_secs(2)),
            ..Script::default()
        },
        Queued,
        "smtp-greeting-timeout",
    );
    expect(
        "garbage greeting",
        Script {
            greeting: r("HTTP/1.1 400 Bad Request"),
            ..Script::default()
        },
        Queued,
        "smtp-protocol",
    );
    expect(
        "EHLO 500",
        Script {
            ehlo: r("500 5.5.1 Command unrecognized"),
            ..Script::default()
        },
        Failed,
        "smtp-500",
    );
}

#[test]
fn tls_faults() {
    use MessageState::{Failed, Queued};
    let no_starttls = Script {
        ehlo: r("250-peer.test\n250-AUTH PLAIN\n250 8BITMIME"),
        ..Script::default()
    };
    expect(
        "STARTTLS not offered",
        no_starttls,
        Failed,
        "smtp-starttls-missing",
    );
    expect(
        "STARTTLS 454",
        Script {
            starttls: r("454 4.7.0 TLS not available"),
            ..Script::default()
        },
        Queued,
        "smtp-454",
    );
    expect(
        "TLS 1.1 only",
        Script {
            tls: TlsMode::OnlyTls11,
            ..Script::default()
        },
        Failed,
        "tls-old-version",
    );
    expect(
        "wrong-host certificate",
        Script {
            cert: CertKind::WrongHost,
            ..Script::default()
        },
        Failed,
        "tls-cert-wrong-host",
    );
    expect(
        "expired certificate",
        Script {
            cert: CertKind::Expired,
            ..Script::default()
        },
        Failed,
        "tls-cert-expired",
    );
    expect(
        "injection after STARTTLS",
        Script {
            tls: TlsMode::InjectAfterStarttls,
            ..Script::default()
        },
        Queued,
        "smtp-protocol",
    );
    let untrusted = run_with(
        Script::default(),
        Security::Starttls,
        false,
        &["a@example.com"],
    );
    check("untrusted CA", &untrusted, Failed, "tls-cert-untrusted");
    let implicit = run_with(
        Script {
            implicit_tls: true,
            ..Script::default()
        },
        Security::Tls,
        true,
        &["a@example.com"],
    );
    check("implicit TLS", &implicit, MessageState::Sent, "(none)");
}

#[test]
fn auth_faults() {
    use MessageState::{Failed, Queued};
    expect(
        "AUTH 535",
        Script {
            auth: r("535 5.7.8 Error: authentication failed"),
            ..Script::default()
        },
        Failed,
        "smtp-535",
    );
    expect(
        "AUTH 534 app password",
        Script {
            auth: r("534-5.7.9 Application-specific password required.\n534 5.7.9 Learn more"),
            ..Script::default()
        },
        Failed,
        "smtp-app-password",
    );
    expect(
        "AUTH 454",
        Script {
            auth: r("454 4.7.0 Temporary authentication failure"),
            ..Script::default()
        },
        Queued,
        "smtp-454",
    );
    expect(
        "AUTH not offered",
        Script {
            ehlo: r("250-peer.test\n250-STARTTLS\n250 8BITMIME"),
            ..Script::default()
        },
        Failed,
        "smtp-auth-not-offered",
    );
    // XOAUTH2: the token (from the password command) in the initial response, never in the
    // transcript; a refused token ends as Gmail refuses it.
    let xoauth2 = |accepts: &str| Script {
        ehlo: r("250-peer.test\n250-STARTTLS\n250-AUTH PLAIN LOGIN XOAUTH2\n250 8BITMIME"),
        xoauth2: Some(accepts.to_owned()),
        ..Script::default()
    };
    let ok = run(xoauth2(PASSWORD));
    check("XOAUTH2", &ok, MessageState::Sent, "(none)");
    let lines: Vec<&str> = ok.message.attempts[0]
        .transcript
        .iter()
        .map(|l| l.line.as_str())
        .collect();
    assert!(lines.contains(&"AUTH XOAUTH2 ****"), "{lines:?}");
    let token_b64 = base64::engine::general_purpose::STANDARD.encode(format!(
        "user=faktury@firma.pl\x01auth=Bearer {PASSWORD}\x01\x01"
    ));
    assert!(lines.iter().all(|l| !l.contains(&token_b64)));
    expect(
        "XOAUTH2 token refused",
        xoauth2("another-token"),
        Failed,
        "smtp-token-refused",
    );
    expect(
        "XOAUTH2 not offered",
        Script {
            xoauth2: Some(PASSWORD.into()),
            ..Script::default()
        },
        Failed,
        "smtp-auth-not-offered",
    );
    // Plain connection to loopback with security "none": AUTH allowed there, mail goes through.
    let plain = run_with(Script::default(), Security::None, true, &["a@example.com"]);
    check(
        "security none on loopback",
        &plain,
        MessageState::Sent,
        "(none)",
    );
}

#[test]
fn envelope_faults() {
    use MessageState::{Failed, Queued};
    expect(
        "MAIL 451",
        Script {
            mail: r("451 4.3.0 Local error"),
            ..Script::default()
        },
        Queued,
        "smtp-451",
    );
    expect(
        "MAIL 553",
        Script {
            mail: r("553 5.7.1 Sender address rejected: not owned by user"),
            ..Script::default()
        },
        Failed,
        "smtp-553",
    );
    expect(
        "MAIL 550 5.7.1",
        Script {
            mail: r("550 5.7.1 Relaying denied"),
            ..Script::default()
        },
        Failed,
        "smtp-policy",
    );
    expect(
        "RCPT 550 5.1.1",
        Script {
            rcpt: vec![r("550 5.1.1 <klient@example.com>: User unknown")],
            ..Script::default()
        },
        Failed,
        "smtp-user-unknown",
    );
    expect(
        "RCPT 452",
        Script {
            rcpt: vec![r("452 4.5.3 Too many recipients")],
            ..Script::default()
        },
        Queued,
        "smtp-452",
    );
    expect(
        "RCPT 421",
        Script {
            rcpt: vec![r("421 4.7.0 Too many errors, closing")],
            ..Script::default()
        },
        Queued,
        "smtp-rate-limited",
    );
    expect(
        "DATA 554",
        Script {
            data: r("554 5.5.1 No valid recipients"),
            ..Script::default()
        },
        Failed,
        "smtp-554",
    );
    expect(
        "DATA 451",
        Script {
            data: r("451 4.3.0 Try again"),
            ..Script::default()
        },
        Queued,
        "smtp-451",
    );
    let no_pipelining = Script {
        ehlo: r("250-peer.test\n250-STARTTLS\n250-AUTH PLAIN\n250 8BITMIME"),
        rcpt: vec![r("550 5.1.1 nope")],
        ..Script::default()
    };
    expect(
        "RCPT 550 without pipelining",
        no_pipelining,
        Failed,
        "smtp-user-unknown",
    );
}

#[test]
fn partial_recipient_rejection_sends_to_the_rest() {
    let res = run_with(
        Script {
            rcpt: vec![
                r("250 2.1.5 Ok"),
                r("550 5.1.1 <zly@example.com>: User unknown"),
            ],
            ..Script::default()
        },
        Security::Starttls,
        true,
        &["dobry@example.com", "zly@example.com"],
    );
    assert_eq!(res.message.state, MessageState::Sent);
    assert_eq!(res.message.recipients[0].delivery.state, Accepted);
    assert_eq!(res.message.recipients[1].delivery.state, Rejected);
    assert!(
        res.message.recipients[1]
            .delivery
            .diagnostic
            .as_deref()
            .unwrap()
            .contains("5.1.1")
    );
}

#[test]
fn end_of_data_faults() {
    use MessageState::{Failed, Queued, Uncertain};
    expect(
        "end of DATA 552 5.3.4",
        Script {
            data_end: r("552 5.3.4 Message size exceeds fixed limit"),
            ..Script::default()
        },
        Failed,
        "smtp-too-big",
    );
    expect(
        "end of DATA 451 4.7.1",
        Script {
            data_end: r("451 4.7.1 Greylisted, try again later"),
            ..Script::default()
        },
        Queued,
        "smtp-greylisted",
    );
    expect(
        "end of DATA 554 spam",
        Script {
            data_end: r("554 5.7.1 Message rejected as spam"),
            ..Script::default()
        },
        Failed,
        "smtp-spam",
    );
    expect(
        "end of DATA 550 5.7.26",
        Script {
            data_end: r(
                "550 5.7.26 Unauthenticated email from firma.pl is not accepted due to DMARC",
            ),
            ..Script::default()
        },
        Failed,
        "smtp-auth-policy",
    );
    expect(
        "drop after end of DATA",
        Script {
            data_end: Act::Drop,
            ..Script::default()
        },
        Uncertain,
        "smtp-uncertain",
    );
    expect(
        "stall after end of DATA",
        Script {
            data_end: Act::Stall(Duration::from_secs(2)),
            ..Script::default()
        },
        Uncertain,
        "smtp-uncertain",
    );
    // A body larger than the socket buffers: the drop surfaces while it is being written.
    let big = "Pozycja faktury 0123456789 abcdefghij\n".repeat(200_000);
    let res = run_full(
        Script {
            drop_mid_body: Some(40),
            ..Script::default()
        },
        Security::Starttls,
        true,
        &["a@example.com"],
        &big,
    );
    check("drop mid-body", &res, Queued, "smtp-connection-lost");
    expect(
        "SIZE exceeded",
        Script {
            ehlo: r("250-peer.test\n250-STARTTLS\n250-AUTH PLAIN\n250 SIZE 100"),
            ..Script::default()
        },
        Failed,
        "smtp-size-exceeded",
    );
}

#[test]
fn connection_refused_is_deferred() {
    // Bind and drop a listener: its port is closed.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("stempel.db");
    let mut store = Store::open(&db).unwrap();
    store
        .add_account(&common::account(
            "closed",
            "faktury@firma.pl",
            "127.0.0.1",
            port,
        ))
        .unwrap();
    let compose = Compose {
        to: vec!["a@example.com".into()],
        subject: "x".into(),
        ..Compose::default()
    };
    let id = outbox::submit(&mut store, "closed", &compose, &[], Destination::Queue).unwrap();
    let handle =
        sender::spawn(db, sender::Options::default(), stempel::worker::no_waker()).unwrap();
    assert!(handle.send_due(None));
    let mut key = None;
    loop {
        match handle.events.recv_timeout(Duration::from_secs(20)).unwrap() {
            Event::MailDone(r) => key = r.explanation.map(|e| e.key),
            Event::BatchFinished(_) => break,
            _ => {}
        }
    }
    assert_eq!(key, Some("smtp-refused"));
    let m = store.message(id).unwrap();
    assert_eq!(m.state, MessageState::Queued);
    assert!(m.next_attempt_at.unwrap() > jiff::Timestamp::now());
}
