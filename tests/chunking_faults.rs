//! The sender over CHUNKING (RFC 3030) against the scripted peer: the whole mail in one write
//! with `BDAT <size> LAST`, the receipt from its reply, and every fault ending as it does with
//! DATA (a refusal fails or defers, a break after the last byte leaves the mail uncertain).
#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers: a failure should panic

mod common;
mod faults;
mod peer;

use std::time::Duration;

use peer::{Act, Peer, Script};
use stempel::model::{Compose, Dir, MessageState, Security, TranscriptLine};
use stempel::outbox::{self, Destination};
use stempel::store::Store;

use faults::{check, r, run, run_full, send_batch};

fn chunking() -> Script {
    Script {
        extensions: vec!["CHUNKING".into()],
        ..Script::default()
    }
}

fn lines(transcript: &[TranscriptLine]) -> Vec<&str> {
    transcript.iter().map(|l| l.line.as_str()).collect()
}

/// The client lines from the first MAIL on, up to the first server line after it: what went
/// out in one write.
fn one_write(transcript: &[TranscriptLine]) -> Vec<&str> {
    let from = transcript
        .iter()
        .position(|l| l.line.starts_with("MAIL FROM") || l.line == "RSET")
        .expect("a MAIL");
    transcript[from..]
        .iter()
        .take_while(|l| l.dir != Dir::Server)
        .filter(|l| l.dir == Dir::Client)
        .map(|l| l.line.as_str())
        .collect()
}

#[test]
fn a_mail_goes_in_one_write_and_its_receipt_is_the_reply_to_bdat_last() {
    let res = run(chunking());
    check("chunking", &res, MessageState::Sent, "(none)");
    assert_eq!(res.message.queue_id.as_deref(), Some("4Fq2Zk3Y5Vz9"));
    let attempt = &res.message.attempts[0];
    let sent = one_write(&attempt.transcript);
    assert_eq!(sent.len(), 4, "{sent:?}");
    assert!(
        sent[0].starts_with("MAIL FROM:<faktury@firma.pl>"),
        "{sent:?}"
    );
    assert!(
        sent[1].starts_with("RCPT TO:<klient@example.com>"),
        "{sent:?}"
    );
    assert!(
        sent[2].starts_with("BDAT ") && sent[2].ends_with(" LAST"),
        "{sent:?}"
    );
    assert!(sent[3].starts_with("[message: "), "{sent:?}");
    assert!(!lines(&attempt.transcript).contains(&"DATA"));
    // The chunk is the message as stored: its size in the command, its bytes unstuffed.
    let seen = res.peer.seen();
    assert_eq!(seen.messages.len(), 1);
    let body = &seen.messages[0];
    assert_eq!(sent[2], format!("BDAT {} LAST", body.len()));
    let text = String::from_utf8_lossy(body);
    assert!(
        text.contains("\r\n.\r\n..kropki\r\n") || text.contains("=2E"),
        "{text}"
    );
    assert!(seen.commands.iter().all(|c| c != "DATA"));
}

#[test]
fn without_pipelining_the_envelope_goes_first_and_the_body_with_bdat() {
    let res = run(Script {
        ehlo: r("250-peer.test\n250-STARTTLS\n250-AUTH PLAIN\n250 CHUNKING"),
        ..Script::default()
    });
    check(
        "chunking, no pipelining",
        &res,
        MessageState::Sent,
        "(none)",
    );
    let sent = one_write(&res.message.attempts[0].transcript);
    assert_eq!(sent.len(), 1, "MAIL waits for its reply: {sent:?}");
    assert_eq!(res.peer.seen().messages.len(), 1);
}

#[test]
fn refusals_and_breaks_end_as_with_data() {
    use MessageState::{Failed, Queued, Uncertain};
    let cases = [
        (
            "BDAT LAST 554 spam",
            Act::Reply("554 5.7.1 Message rejected as spam".into()),
            Failed,
            "smtp-spam",
        ),
        (
            "BDAT LAST 451 greylisted",
            Act::Reply("451 4.7.1 Greylisted, try again later".into()),
            Queued,
            "smtp-greylisted",
        ),
        (
            "drop after BDAT LAST",
            Act::Drop,
            Uncertain,
            "smtp-uncertain",
        ),
        (
            "stall after BDAT LAST",
            Act::Stall(Duration::from_secs(2)),
            Uncertain,
            "smtp-uncertain",
        ),
    ];
    for (case, bdat, state, key) in cases {
        let res = run(Script {
            bdat: Some(bdat),
            ..chunking()
        });
        check(case, &res, state, key);
        assert!(res.peer.seen().messages.is_empty(), "{case}");
    }
}

#[test]
fn a_refused_envelope_is_a_refusal_not_an_uncertain_mail() {
    let res = run(Script {
        mail: r("553 5.7.1 <faktury@firma.pl>: Sender address rejected: not owned by user"),
        ..chunking()
    });
    let key = res.report.explanation.as_ref().map_or("?", |e| e.key);
    assert_ne!(key, "smtp-uncertain");
    check("MAIL refused", &res, MessageState::Failed, key);
    assert_eq!(res.message.attempts[0].reply_code, Some(553));
    let res = run(Script {
        unknown_users: vec!["klient@example.com".into()],
        ..chunking()
    });
    assert_eq!(
        res.message.state,
        MessageState::Failed,
        "every RCPT refused"
    );
    assert_eq!(res.message.attempts[0].reply_code, Some(550));
    assert!(res.peer.seen().messages.is_empty());
}

/// Rate-limiting servers refuse MAIL and hang up: the refusal decides, even though the whole
/// mail had been written behind MAIL by then.
#[test]
fn a_refusal_followed_by_a_hang_up_is_not_uncertain() {
    let res = run(Script {
        mail: Act::ReplyAndClose("421 4.7.0 Too many messages, closing connection".into()),
        ..chunking()
    });
    assert_eq!(
        res.message.state,
        MessageState::Queued,
        "{:?}",
        res.report.error
    );
    assert!(res.peer.seen().messages.is_empty());
}

#[test]
fn a_line_that_drops_mid_chunk_did_not_deliver() {
    let big = "Pozycja faktury 0123456789 abcdefghij\n".repeat(200_000);
    let res = run_full(
        Script {
            drop_mid_body: Some(40),
            ..chunking()
        },
        Security::Starttls,
        true,
        &["a@example.com"],
        &big,
    );
    check(
        "drop mid-chunk",
        &res,
        MessageState::Queued,
        "smtp-connection-lost",
    );
}

#[test]
fn a_server_that_offers_chunking_and_refuses_bdat_gets_the_mail_with_data() {
    let res = run(Script {
        bdat_unknown: true,
        ..chunking()
    });
    check("BDAT unknown", &res, MessageState::Sent, "(none)");
    assert_eq!(res.message.attempts.len(), 1, "one attempt tells it all");
    let attempt = &res.message.attempts[0];
    let said = lines(&attempt.transcript);
    let bdat = said.iter().position(|l| l.starts_with("BDAT ")).unwrap();
    let data = said.iter().position(|l| *l == "DATA").unwrap();
    assert!(bdat < data, "{said:?}");
    assert!(
        said[bdat..data].iter().any(|l| l.starts_with("220 ")),
        "a new connection in between: {said:?}"
    );
    assert_eq!(res.message.queue_id.as_deref(), Some("4Fq2Zk3Y5Vz9"));
    let seen = res.peer.seen();
    assert_eq!(seen.connections, 2);
    assert_eq!(seen.messages.len(), 1);
    // The second connection resumed the first one's TLS session.
    assert_eq!(
        said.iter()
            .filter(|l| l.starts_with("TLS session resumed"))
            .count(),
        1,
        "{said:?}"
    );
    // Offsets keep running across the two connections.
    assert!(
        attempt
            .transcript
            .windows(2)
            .all(|w| w[0].t_ms <= w[1].t_ms)
    );
}

/// A refused mail leaves RSET due; it goes in the next mail's write, not a round trip of its own.
#[test]
fn rset_after_a_refused_mail_leads_the_next_mails_write() {
    for script in [chunking(), Script::default()] {
        let peer = Peer::start(Script {
            unknown_users: vec!["nikt@example.com".into()],
            ..script
        });
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("stempel.db");
        let mut store = Store::open(&db).unwrap();
        let mut account =
            common::account("peer", "Firma <faktury@firma.pl>", "localhost", peer.port);
        account.smtp.security = Security::Starttls;
        account.smtp.user = "faktury@firma.pl".into();
        account.password_command = Some(format!("printf '{}'", faults::PASSWORD));
        account.ca_file = Some(peer.ca_path());
        store.add_account(&account).unwrap();
        let mut ids = Vec::new();
        for to in ["nikt@example.com", "klient@example.com"] {
            let compose = Compose {
                to: vec![to.into()],
                subject: "Faktura".into(),
                body_text: "Faktura w załączeniu.".into(),
                ..Compose::default()
            };
            ids.push(
                outbox::submit(&mut store, "peer", &compose, &[], Destination::Queue).unwrap(),
            );
        }
        send_batch(
            db,
            Duration::from_secs(5),
            Some("client.test".into()),
            Duration::from_secs(20),
        );
        let refused = store.message(ids[0]).unwrap();
        let sent = store.message(ids[1]).unwrap();
        assert_eq!(refused.state, MessageState::Failed);
        assert_eq!(
            sent.state,
            MessageState::Sent,
            "{:#?}",
            lines(&sent.attempts[0].transcript)
        );
        assert!(
            !lines(&refused.attempts[0].transcript).contains(&"RSET"),
            "no RSET of its own"
        );
        let write = one_write(&sent.attempts[0].transcript);
        assert_eq!(write.first(), Some(&"RSET"), "{write:?}");
        assert!(write[1].starts_with("MAIL FROM"), "{write:?}");
        assert_eq!(peer.seen().connections, 1);
    }
}
