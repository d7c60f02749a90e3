use std::io::{Read, Write};

use super::*;
use crate::bounce::{Kind, Reason, RecipientReport, Report};
use crate::model::{Compose, Endpoint, Mailbox, MessageState, Security};
use crate::outbox::{self, Destination};
use crate::store::{AttemptRecord, Finish};

fn account(imap_port: u16) -> Account {
    let mut account = Account::new(
        "firma",
        Mailbox {
            name: None,
            address: "faktury@firma.pl".into(),
        },
        "127.0.0.1",
    );
    account.smtp.port = 1;
    account.smtp.security = Security::None;
    account.imap = Some(Endpoint {
        host: "127.0.0.1".into(),
        port: imap_port,
        security: Security::None,
        user: "faktury@firma.pl".into(),
    });
    account.password_command = Some("printf pw".into());
    account
}

/// A store with one sent mail to `klient@example.com`; returns (store, id, message-id, envid).
fn store_with_sent_mail() -> (Store, i64, String, String) {
    let mut store = Store::open_in_memory().unwrap();
    store.add_account(&account(1)).unwrap();
    let compose = Compose {
        to: vec!["klient@example.com".into()],
        subject: "Faktura".into(),
        body_text: "x".into(),
        ..Compose::default()
    };
    let id = outbox::submit(&mut store, "firma", &compose, &[], Destination::Queue).unwrap();
    store.claim_due(Timestamp::now(), None).unwrap();
    let attempt = store.start_attempt(id, "h:1", Timestamp::now()).unwrap();
    let record = AttemptRecord {
        rcpt: vec![("klient@example.com".into(), true, "250 ok".into())],
        ..AttemptRecord::default()
    };
    store
        .finish_attempt(attempt, &record, Finish::Sent)
        .unwrap();
    let m = store.message(id).unwrap();
    assert_eq!(m.state, MessageState::Sent);
    (store, id, m.message_id, m.envelope_id)
}

fn report(envelope_id: Option<&str>, message_id: Option<&str>, date: Option<i64>) -> Report {
    Report {
        kind: Kind::Dsn,
        recipients: vec![RecipientReport {
            address: "klient@example.com".into(),
            original_recipient: None,
            action: "failed".into(),
            status: Some("5.1.1".into()),
            diagnostic: Some("550 5.1.1 user unknown".into()),
            remote_mta: None,
            last_attempt: None,
            reason: Reason::UserUnknown,
        }],
        envelope_id: envelope_id.map(str::to_owned),
        message_id: message_id.map(str::to_owned),
        original_subject: None,
        reporting_mta: None,
        disposition: None,
        date,
    }
}

#[test]
fn matching_by_envid_message_id_and_probable() {
    let (store, id, mid, envid) = store_with_sent_mail();
    let now = Timestamp::now() + SignedDuration::from_secs(5);
    let w = SignedDuration::from_hours(24);
    let m = |r: &Report| match_report(&store, r, now, w).unwrap();
    assert_eq!(m(&report(Some(&envid), None, None)), Some((id, "envid")));
    assert_eq!(m(&report(None, Some(&mid), None)), Some((id, "message-id")));
    let bare = mid.trim_matches(['<', '>']).to_owned();
    assert_eq!(
        m(&report(None, Some(&bare), None)),
        Some((id, "message-id"))
    );
    assert_eq!(m(&report(None, None, None)), Some((id, "probable")));
    // A report that names another mail is not ours, even if the recipient matches.
    assert_eq!(m(&report(None, Some("<other@example.org>"), None)), None);
    assert_eq!(m(&report(Some("someone-elses-envid"), None, None)), None);
    // A report written before the mail was sent cannot be about it.
    let before = Timestamp::now().as_second() - 3600;
    assert_eq!(m(&report(None, None, Some(before))), None);
}

#[test]
fn recording_is_idempotent_and_updates_the_recipient() {
    let (mut store, id, _, envid) = store_with_sent_mail();
    let r = report(Some(&envid), None, None);
    let w = SignedDuration::from_hours(24);
    let first = record_report(&mut store, &r, b"raw report", Timestamp::now(), w).unwrap();
    assert_eq!(first.len(), 1);
    assert_eq!(first[0].state, DeliveryState::Bounced);
    let again = record_report(&mut store, &r, b"raw report", Timestamp::now(), w).unwrap();
    assert!(again.is_empty());
    let m = store.message(id).unwrap();
    assert_eq!(m.events.len(), 1);
    assert_eq!(m.recipients[0].delivery.state, DeliveryState::Bounced);
    // An unmatched report is not stored.
    let stranger = report(Some("nope"), None, None);
    assert!(
        record_report(&mut store, &stranger, b"other", Timestamp::now(), w)
            .unwrap()
            .is_empty()
    );
    assert_eq!(store.message(id).unwrap().events.len(), 1);
}

#[test]
fn uidvalidity_change_starts_the_folder_over() {
    assert_eq!(first_uid(None, 7), 0);
    assert_eq!(first_uid(Some((7, 41)), 7), 42);
    assert_eq!(
        first_uid(Some((7, 41)), 8),
        0,
        "renumbered folder is read again"
    );
    assert_eq!(first_uid(Some((7, u32::MAX)), 7), u32::MAX);
}

/// A server that greets, then answers every line with garbage.
fn hostile_server(reply: &'static [u8]) -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::Builder::new()
        .name("hostile-imap".into())
        .spawn(move || {
            for stream in listener.incoming().take(2) {
                let Ok(mut s) = stream else { return };
                let _ = s.write_all(b"* OK hostile ready\r\n");
                let mut buf = [0u8; 1024];
                let _ = s.read(&mut buf);
                let _ = s.write_all(reply);
                std::thread::sleep(std::time::Duration::from_millis(200));
            }
        })
        .unwrap();
    port
}

#[test]
fn hostile_imap_gives_an_error_and_keeps_the_state() {
    for reply in [
        &b"\xff\xfe\x00 garbage {99999999999}\r\n* 1 FETCH (BODY[] {5}\r\nab"[..],
        b"A0001 OK [CAPABILITY IMAP4rev1] LOGIN done\r\n* 4294967296 EXISTS\r\n* BYE (((\r\n",
        b"* OK [UIDVALIDITY x] \r\nA0001 NO go away\r\n",
    ] {
        let port = hostile_server(reply);
        let mut store = Store::open_in_memory().unwrap();
        let acct = account(port);
        store.add_account(&acct).unwrap();
        store.set_scan_state("firma", "INBOX", 9, 41).unwrap();
        let rt = runtime().unwrap();
        let options = Options {
            timeout: std::time::Duration::from_secs(2),
            ..Options::default()
        };
        let result = scan_account(&rt, &mut store, &acct, &options);
        assert!(result.is_err(), "garbage was accepted: {result:?}");
        assert_eq!(store.scan_state("firma", "INBOX").unwrap(), Some((9, 41)));
    }
}
