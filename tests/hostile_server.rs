//! The sender against servers that try to hold it, fill its database or mislead its words:
//! each finding of the hostile-server probe, against the real TLS peer of `tests/peer`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failure should panic

mod common;
mod faults;
mod peer;

use std::time::{Duration, Instant};

use peer::{Act, Peer, Script};
use stempel::model::{Account, Compose, Mailbox, MessageState, Security};
use stempel::outbox::{self, Destination};
use stempel::store::Store;

/// Queues `mails` mails to the peer and sends them in one batch; returns the data folder, the
/// ids and how long the batch took.
fn send(script: Script, mails: usize, to: &str) -> (tempfile::TempDir, Vec<i64>, Duration, Peer) {
    send_with(script, mails, to, "printf pw")
}

fn send_with(
    script: Script,
    mails: usize,
    to: &str,
    password_command: &str,
) -> (tempfile::TempDir, Vec<i64>, Duration, Peer) {
    let peer = Peer::start(script);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("stempel.db");
    let mut store = Store::open(&db).unwrap();
    let from = Mailbox {
        name: Some("Firma".into()),
        address: "faktury@firma.pl".into(),
    };
    let mut account = Account::new("peer", from, "localhost");
    account.smtp.port = peer.port;
    account.smtp.security = Security::Starttls;
    account.smtp.user = "faktury@firma.pl".into();
    account.password_command = Some(password_command.into());
    account.ca_file = Some(peer.ca_path());
    store.add_account(&account).unwrap();
    let ids = (0..mails)
        .map(|i| {
            let compose = Compose {
                to: vec![to.to_owned()],
                subject: format!("Faktura FV/{i}"),
                body_text: "Dzień dobry".into(),
                ..Compose::default()
            };
            outbox::submit(&mut store, "peer", &compose, &[], Destination::Queue).unwrap()
        })
        .collect();
    let started = Instant::now();
    faults::send_batch(
        db,
        Duration::from_millis(1500),
        None,
        Duration::from_mins(2),
    );
    let took = started.elapsed();
    (dir, ids, took, peer)
}

fn folder_size(dir: &std::path::Path) -> u64 {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap().len())
        .sum()
}

#[test]
fn a_trickling_server_cannot_hold_a_send_past_the_deadline() {
    // 2,000 bytes of greeting, one every 20 ms: 40 s if each byte reset the timeout.
    let greeting = format!("220-{}\n220 ok", "x".repeat(2000));
    let script = Script {
        greeting: Act::Trickle(greeting, Duration::from_millis(20)),
        ..Script::default()
    };
    let (dir, ids, took, _peer) = send(script, 1, "klient@example.com");
    assert!(took < Duration::from_secs(8), "took {took:?}");
    let store = Store::open(&dir.path().join("stempel.db")).unwrap();
    let m = store.message(ids[0]).unwrap();
    assert_eq!(m.state, MessageState::Queued, "{:?}", m.last_error);
    assert_eq!(
        m.attempts[0].explanation_key.as_deref(),
        Some("smtp-greeting-timeout")
    );
}

#[test]
fn a_huge_greeting_ehlo_and_final_reply_do_not_bloat_the_database() {
    // Nearly the most a reply may be: 190 lines of 8,000 bytes, in the greeting, both EHLOs and
    // every mail's final reply.
    let line = "y".repeat(8000);
    let big = |code: &str, last: &str| {
        let mut text = format!("{code}-{line}\n").repeat(190);
        text.push_str(last);
        text
    };
    let script = Script {
        greeting: Act::Reply(big("220", "220 peer.test ready")),
        ehlo: Act::Reply(big(
            "250",
            "250-STARTTLS\n250-AUTH PLAIN LOGIN\n250-PIPELINING\n250 8BITMIME",
        )),
        data_end: Act::Reply(big("250", "250 2.0.0 Ok: queued as 4Fq2Zk3Y5Vz9")),
        ..Script::default()
    };
    let (dir, ids, _took, _peer) = send(script, 20, "klient@example.com");
    let store = Store::open(&dir.path().join("stempel.db")).unwrap();
    for id in &ids {
        assert_eq!(store.message(*id).unwrap().state, MessageState::Sent);
    }
    let transcript = &store.message(ids[0]).unwrap().attempts[0].transcript;
    assert!(
        transcript
            .iter()
            .any(|l| l.line.contains("more reply lines")),
        "the transcript says what it left out"
    );
    drop(store);
    let size = folder_size(dir.path());
    assert!(size < 5_000_000, "data folder is {size} bytes");
}

#[test]
fn a_look_alike_domain_goes_on_the_wire_as_the_domain_it_stands_for() {
    let (dir, ids, _took, peer) = send(Script::default(), 1, "jan@klient\u{3002}firma.pl");
    let seen = peer.seen();
    assert!(
        seen.commands
            .iter()
            .any(|c| c.starts_with("RCPT TO:<jan@klient.firma.pl>")),
        "{:?}",
        seen.commands
    );
    let store = Store::open(&dir.path().join("stempel.db")).unwrap();
    let m = store.message(ids[0]).unwrap();
    assert_eq!(m.recipients[0].address, "jan@klient.firma.pl");
}

#[test]
fn a_stray_250_to_starttls_is_not_read_as_an_accepted_mail() {
    let script = Script {
        starttls: Act::Reply("250 2.0.0 ok".into()),
        ..Script::default()
    };
    let (dir, ids, _took, _peer) = send(script, 1, "klient@example.com");
    let store = Store::open(&dir.path().join("stempel.db")).unwrap();
    let m = store.message(ids[0]).unwrap();
    assert_ne!(m.state, MessageState::Sent);
    assert_eq!(
        m.attempts[0].explanation_key.as_deref(),
        Some("smtp-unexpected-reply")
    );
}

#[test]
fn a_password_command_that_echoes_its_secret_leaves_no_trace_of_it() {
    let secret = "Tajne-Haslo-7731";
    // The command's text (stored with the account) does not hold the secret; its stderr does.
    let command = "printf 'could not unlock: Tajne-%s-7731' Haslo >&2; exit 3";
    let (dir, ids, _took, _peer) = send_with(Script::default(), 1, "klient@example.com", command);
    let store = Store::open(&dir.path().join("stempel.db")).unwrap();
    let m = store.message(ids[0]).unwrap();
    assert_eq!(
        m.state,
        MessageState::Queued,
        "a fixable account problem waits"
    );
    assert!(m.last_error.unwrap_or_default().contains("exit status: 3"));
    drop(store);
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        assert!(
            !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
            "{} holds the secret",
            path.display()
        );
    }
}

#[test]
fn a_receipt_says_whether_the_server_offers_delivery_reports() {
    let without = Script {
        ehlo: Act::Reply(
            "250-peer.test\n250-PIPELINING\n250-STARTTLS\n250-AUTH PLAIN LOGIN\n250 8BITMIME"
                .into(),
        ),
        ..Script::default()
    };
    for (script, offered) in [(without, false), (Script::default(), true)] {
        let (dir, ids, _took, peer) = send(script, 1, "klient@example.com");
        let store = Store::open(&dir.path().join("stempel.db")).unwrap();
        let attempt = store.message(ids[0]).unwrap().attempts.remove(0);
        assert_eq!(attempt.dsn_offered, Some(offered));
        let noted = attempt
            .transcript
            .iter()
            .any(|l| l.line.contains("offers no DSN"));
        assert_eq!(noted, !offered);
        let asked = peer.seen().commands.iter().any(|c| c.contains("NOTIFY="));
        assert_eq!(asked, offered, "DSN asked for exactly when offered");
    }
}
