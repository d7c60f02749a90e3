use super::*;
use crate::mail::Built;
use crate::model::{
    Account, Compose, DeliveryState, Mailbox, MessageState, Outcome, RecipientKind, TranscriptLine,
};

mod accounts;
mod invoices;

fn account() -> Account {
    let from = Mailbox {
        name: Some("Firma".into()),
        address: "faktury@firma.pl".into(),
    };
    let mut a = Account::new("firma", from, "smtp.firma.pl");
    a.smtp.user = "faktury@firma.pl".into();
    a.imap_folders = vec!["Spam".into()];
    a
}

fn store() -> Store {
    let mut s = Store::open_in_memory().unwrap();
    s.add_account(&account()).unwrap();
    s
}

fn insert(s: &mut Store, queued: bool) -> i64 {
    let from = account().from;
    let compose = Compose {
        to: vec!["klient@example.com".into()],
        subject: "Faktura".into(),
        body_text: "treść".into(),
        ..Compose::default()
    };
    let (message_id, envelope_id) = crate::mail::new_ids(&from);
    let built = Built {
        bytes: b"Subject: x\r\n\r\nbody\r\n".to_vec(),
        sha256: crate::mail::sha256_hex(b"Subject: x\r\n\r\nbody\r\n"),
    };
    s.insert_message(&NewMessage {
        account: "firma",
        from: &from,
        compose: &compose,
        recipients: &[
            (RecipientKind::To, "klient@example.com".into()),
            (RecipientKind::Bcc, "archiwum@firma.pl".into()),
        ],
        reply_to: None,
        attachments: &[],
        message_id: &message_id,
        envelope_id: &envelope_id,
        built: queued.then_some(&built),
        resend: false,
    })
    .unwrap()
}

fn built() -> Built {
    Built {
        bytes: b"x".to_vec(),
        sha256: crate::mail::sha256_hex(b"x"),
    }
}

fn state(s: &Store, id: i64) -> MessageState {
    s.message(id).unwrap().state
}

/// Brings a fresh mail into `target` through legal transitions only.
fn mail_in(s: &mut Store, target: MessageState) -> i64 {
    use MessageState::{Draft, Failed, Queued, Sending, Sent, Uncertain};
    let id = insert(s, target != Draft);
    match target {
        Draft | Queued => {}
        Sending => {
            s.transition(id, Sending).unwrap();
        }
        Sent | Failed | Uncertain => {
            s.transition(id, Sending).unwrap();
            s.transition(id, target).unwrap();
        }
    }
    assert_eq!(state(s, id), target);
    id
}

#[test]
fn every_transition_is_checked() {
    let mut s = store();
    for from in MessageState::ALL {
        for to in MessageState::ALL {
            let id = mail_in(&mut s, from);
            let result = if from == MessageState::Draft && to == MessageState::Queued {
                assert!(matches!(s.transition(id, to), Err(StoreError::NotBuilt(_))));
                s.queue_draft(id, &built())
            } else {
                s.transition(id, to)
            };
            if from.can_become(to) {
                result.unwrap_or_else(|e| panic!("{from} -> {to}: {e}"));
                assert_eq!(state(&s, id), to);
            } else {
                assert!(
                    matches!(result, Err(StoreError::IllegalTransition { .. })),
                    "{from} -> {to} was allowed"
                );
                assert_eq!(
                    state(&s, id),
                    from,
                    "a refused transition changed the state"
                );
            }
        }
    }
}

#[test]
fn migrates_from_empty_and_reopens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("stempel.db");
    {
        let mut s = Store::open(&path).unwrap();
        s.add_account(&account()).unwrap();
        insert(&mut s, true);
    }
    let s = Store::open(&path).unwrap();
    let v: i64 = s
        .conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, schema_version());
    let mode: String = s
        .conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let sync: i64 = s
        .conn
        .query_row("PRAGMA synchronous", [], |r| r.get(0))
        .unwrap();
    assert_eq!(sync, 2, "synchronous=FULL");
    let fk: i64 = s
        .conn
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .unwrap();
    assert_eq!(fk, 1);
    assert_eq!(s.list(&ListFilter::default()).unwrap().len(), 1);
}

#[test]
fn newer_schema_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.db");
    {
        let c = Connection::open(&path).unwrap();
        c.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 999;")
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    match Store::open(&path) {
        Err(StoreError::NewerSchema { found: 999, known }) => assert_eq!(known, schema_version()),
        Err(other) => panic!("unexpected error {other}"),
        Ok(_) => panic!("a newer schema was opened"),
    }
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert!(!dir.path().join("future.db-wal").exists());
}

#[test]
fn queue_and_claim() {
    let mut s = store();
    let draft = insert(&mut s, false);
    let queued = insert(&mut s, true);
    assert_eq!(s.raw(draft).unwrap(), None);
    assert!(s.raw(queued).unwrap().is_some());
    // Drafts are never claimed.
    let claimed = s.claim_due(Timestamp::now(), None).unwrap();
    assert_eq!(claimed, vec![queued]);
    assert_eq!(state(&s, queued), MessageState::Sending);
    // Nothing left to claim: a mail is never claimed twice.
    assert!(s.claim_due(Timestamp::now(), None).unwrap().is_empty());

    let built = Built {
        bytes: b"x".to_vec(),
        sha256: crate::mail::sha256_hex(b"x"),
    };
    s.queue_draft(draft, &built).unwrap();
    let m = s.message(draft).unwrap();
    assert_eq!(m.state, MessageState::Queued);
    assert_eq!(m.sha256.as_deref(), Some(built.sha256.as_str()));
    assert_eq!(
        s.claim_due(Timestamp::now(), Some(&[999])).unwrap(),
        Vec::<i64>::new()
    );
    assert_eq!(
        s.claim_due(Timestamp::now(), Some(&[draft])).unwrap(),
        vec![draft]
    );
}

/// A queued mail whose one attempt was deferred until `later`.
fn deferred_until(s: &mut Store, later: Timestamp) -> i64 {
    let id = insert(s, true);
    s.claim_due(Timestamp::now(), None).unwrap();
    let attempt = s
        .start_attempt(id, "smtp.firma.pl:587", Timestamp::now())
        .unwrap();
    let record = AttemptRecord {
        error: Some("451 try later".into()),
        ..AttemptRecord::default()
    };
    s.finish_attempt(
        attempt,
        &record,
        Finish::Deferred {
            next_attempt_at: later,
        },
    )
    .unwrap();
    id
}

#[test]
fn deferred_mail_waits_for_its_time() {
    let mut s = store();
    let later = Timestamp::now() + jiff::SignedDuration::from_secs(60);
    let id = deferred_until(&mut s, later);
    assert_eq!(state(&s, id), MessageState::Queued);
    assert!(s.claim_due(Timestamp::now(), None).unwrap().is_empty());
    assert_eq!(
        s.claim_due(later + jiff::SignedDuration::from_secs(1), None)
            .unwrap(),
        vec![id]
    );
}

#[test]
fn retries_are_the_mails_tried_before_not_the_ones_never_sent() {
    let mut s = store();
    // As stored: to the millisecond.
    let now = Timestamp::from_millisecond(Timestamp::now().as_millisecond()).unwrap();
    let soon = now + jiff::SignedDuration::from_secs(60);
    let later = now + jiff::SignedDuration::from_hours(1);
    let first = deferred_until(&mut s, later);
    let second = deferred_until(&mut s, soon);
    // Queued and due but never tried: it waits for the user's "Send".
    insert(&mut s, true);
    assert_eq!(
        s.retries(now).unwrap(),
        Retries {
            due: vec![],
            next_at: Some(soon)
        }
    );
    let r = s.retries(soon).unwrap();
    assert_eq!((r.due, r.next_at), (vec![second], Some(later)));
    let r = s.retries(later).unwrap();
    assert_eq!((r.due, r.next_at), (vec![first, second], None));
}

#[test]
fn naming_a_deferred_mail_sends_it_now() {
    let mut s = store();
    let id = deferred_until(
        &mut s,
        Timestamp::now() + jiff::SignedDuration::from_hours(1),
    );
    assert!(s.claim_due(Timestamp::now(), None).unwrap().is_empty());
    assert_eq!(
        s.claim_due(Timestamp::now(), Some(&[id])).unwrap(),
        vec![id]
    );
}

#[test]
fn group_commit_is_all_or_nothing() {
    let mut s = store();
    let first = insert(&mut s, true);
    let second = insert(&mut s, true);
    s.claim_due(Timestamp::now(), None).unwrap();
    let a1 = s
        .finish_and_start(None, first, "smtp.firma.pl:587", Timestamp::now())
        .unwrap();
    let record = AttemptRecord {
        reply_code: Some(250),
        queue_id: Some("Q1".into()),
        data_end_sent: Some(true),
        ..AttemptRecord::default()
    };
    // The first mail's receipt and the second mail's mark, together.
    let a2 = s
        .finish_and_start(
            Some((a1, &record, Finish::Sent)),
            second,
            "smtp.firma.pl:587",
            Timestamp::now(),
        )
        .unwrap();
    assert_eq!(state(&s, first), MessageState::Sent);
    assert_ne!(a1, a2);
    // A crash now: the second mail may have reached the server, so it is uncertain.
    assert_eq!(s.recover_interrupted().unwrap(), (0, 1));
    assert_eq!(state(&s, second), MessageState::Uncertain);

    // When the mark cannot be written (the mail is not being sent), the receipt is not
    // written either: the caller still holds it and commits it another way.
    let third = insert(&mut s, true);
    s.claim_due(Timestamp::now(), Some(&[third])).unwrap();
    let a3 = s
        .finish_and_start(None, third, "smtp.firma.pl:587", Timestamp::now())
        .unwrap();
    let draft = insert(&mut s, false);
    let refused = s.finish_and_start(
        Some((a3, &record, Finish::Sent)),
        draft,
        "smtp.firma.pl:587",
        Timestamp::now(),
    );
    assert!(refused.is_err());
    assert_eq!(state(&s, third), MessageState::Sending);
}

#[test]
fn receipt_is_stored() {
    let mut s = store();
    let id = insert(&mut s, true);
    s.claim_due(Timestamp::now(), None).unwrap();
    let attempt = s
        .start_attempt(id, "smtp.firma.pl:587", Timestamp::now())
        .unwrap();
    let record = AttemptRecord {
        tls_version: Some("TLSv1.3".into()),
        reply_code: Some(250),
        enhanced_status: Some("2.0.0".into()),
        reply_text: Some("Ok: queued as 4Fq2Zk3Y5Vz9".into()),
        queue_id: Some("4Fq2Zk3Y5Vz9".into()),
        transcript: vec![TranscriptLine {
            t_ms: 3,
            dir: crate::model::Dir::Server,
            line: "220 smtp.firma.pl ESMTP".into(),
        }],
        rcpt: vec![
            ("klient@example.com".into(), true, "250 2.1.5 Ok".into()),
            (
                "archiwum@firma.pl".into(),
                false,
                "550 5.1.1 no such user".into(),
            ),
        ],
        ..AttemptRecord::default()
    };
    s.finish_attempt(attempt, &record, Finish::Sent).unwrap();
    let m = s.message(id).unwrap();
    assert_eq!(m.state, MessageState::Sent);
    assert_eq!(m.queue_id.as_deref(), Some("4Fq2Zk3Y5Vz9"));
    assert_eq!(m.attempts.len(), 1);
    assert_eq!(m.attempts[0].transcript.len(), 1);
    assert_eq!(m.attempts[0].outcome, Some(Outcome::Sent));
    assert_eq!(m.recipients[0].delivery.state, DeliveryState::Accepted);
    assert_eq!(m.recipients[1].delivery.state, DeliveryState::Rejected);
    // Listing leaves transcripts out.
    let listed = s.list(&ListFilter::default()).unwrap();
    assert!(listed[0].attempts[0].transcript.is_empty());
}

#[test]
fn interrupted_sends_are_resolved_by_the_data_end_mark() {
    let mut s = store();
    let before_data = insert(&mut s, true);
    let after_data = insert(&mut s, true);
    let untouched = insert(&mut s, true);
    s.claim_due(Timestamp::now(), Some(&[before_data, after_data]))
        .unwrap();
    s.start_attempt(before_data, "h:1", Timestamp::now())
        .unwrap();
    // As the sender records it: the attempt and the data-end mark in one commit.
    s.finish_and_start(None, after_data, "h:1", Timestamp::now())
        .unwrap();
    assert_eq!(s.recover_interrupted().unwrap(), (1, 1));
    assert_eq!(state(&s, before_data), MessageState::Queued);
    assert_eq!(state(&s, after_data), MessageState::Uncertain);
    assert_eq!(state(&s, untouched), MessageState::Queued);
    // An uncertain mail is never claimed without the user's say.
    let claimed = s.claim_due(Timestamp::now(), None).unwrap();
    assert!(!claimed.contains(&after_data));
    s.requeue(after_data).unwrap();
    assert_eq!(state(&s, after_data), MessageState::Queued);
}

#[test]
fn only_mails_that_reached_no_server_can_be_deleted() {
    let mut s = store();
    for st in MessageState::ALL {
        let id = mail_in(&mut s, st);
        let r = s.delete(id);
        let deletable = matches!(
            st,
            MessageState::Draft | MessageState::Queued | MessageState::Failed
        );
        assert_eq!(r.is_ok(), deletable, "{st}");
        if r.is_err() {
            assert_eq!(state(&s, id), st);
        }
    }
}

#[test]
fn search_matches_subject_sender_and_recipients() {
    let mut s = store();
    insert(&mut s, true);
    let find = |s: &Store, q: &str| {
        s.list(&ListFilter {
            search: Some(q.into()),
            ..ListFilter::default()
        })
        .unwrap()
        .len()
    };
    assert_eq!(find(&s, "faktura"), 1);
    assert_eq!(find(&s, "klient@"), 1);
    assert_eq!(find(&s, "archiwum"), 1);
    assert_eq!(find(&s, "faktury@firma"), 1);
    assert_eq!(find(&s, "nothing"), 0);
    assert_eq!(find(&s, "%"), 0, "LIKE wildcards are escaped");
    let by_state = s
        .list(&ListFilter {
            state: Some(MessageState::Draft),
            ..ListFilter::default()
        })
        .unwrap();
    assert!(by_state.is_empty());
}

#[test]
fn delivery_events_are_idempotent() {
    let mut s = store();
    let id = mail_in(&mut s, MessageState::Sent);
    let event = NewDeliveryEvent {
        message: id,
        recipient: Some("KLIENT@example.com"),
        kind: "dsn",
        state: DeliveryState::Bounced,
        status: Some("5.1.1"),
        diagnostic: Some("smtp; 550 5.1.1 user unknown"),
        reporting_mta: None,
        remote_mta: None,
        reported_at: None,
        matched_by: "envid",
        raw: b"report bytes",
    };
    assert!(s.add_delivery_event(&event).unwrap());
    assert!(!s.add_delivery_event(&event).unwrap());
    let m = s.message(id).unwrap();
    assert_eq!(m.events.len(), 1);
    assert_eq!(m.recipients[0].delivery.state, DeliveryState::Bounced);
    assert_eq!(m.recipients[0].delivery.status.as_deref(), Some("5.1.1"));
}

fn report_event(message: i64, matched_by: &str) -> NewDeliveryEvent<'_> {
    NewDeliveryEvent {
        message,
        recipient: Some("klient@example.com"),
        kind: "dsn",
        state: DeliveryState::Relayed,
        status: Some("2.0.0"),
        diagnostic: None,
        reporting_mta: Some("dns; mx.firma.pl"),
        remote_mta: Some("dns; mx.example.com"),
        reported_at: None,
        matched_by,
        raw: b"a success report",
    }
}

#[test]
fn a_report_tied_by_its_ids_settles_an_uncertain_mail() {
    let mut s = store();
    let id = mail_in(&mut s, MessageState::Uncertain);
    let message_id = s.message(id).unwrap().message_id;
    assert_eq!(s.find_by_message_id(&message_id).unwrap(), Some(id));
    assert!(s.add_delivery_event(&report_event(id, "envid")).unwrap());
    let m = s.message(id).unwrap();
    assert_eq!(m.state, MessageState::Sent);
    assert!(m.sent_at.is_some());
    assert_eq!(m.settled_by, Some(m.events[0].id));
}

#[test]
fn a_probable_match_does_not_settle_an_uncertain_mail() {
    let mut s = store();
    let id = mail_in(&mut s, MessageState::Uncertain);
    assert!(s.add_delivery_event(&report_event(id, "probable")).unwrap());
    let m = s.message(id).unwrap();
    assert_eq!(m.state, MessageState::Uncertain);
    assert_eq!(m.settled_by, None);
}

/// A database written by an earlier schema (versions 3 and 4) opens, upgrades in place and
/// keeps its mails; mails sent before time stamps existed are not stamped after the fact.
#[test]
fn an_older_database_upgrades_in_place() {
    for version in [3, 4] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("stempel.db");
        {
            let conn = rusqlite::Connection::open(&path).unwrap();
            for sql in &schema::MIGRATIONS[..version] {
                conn.execute_batch(sql).unwrap();
            }
            conn.pragma_update(None, "user_version", version as i64)
                .unwrap();
            // A sent mail as that version wrote it.
            conn.execute_batch(
                "INSERT INTO accounts (id, name, from_addr, smtp_host, smtp_port, smtp_security,
                     smtp_user, created_at)
                 VALUES (1, 'firma', 'faktury@firma.pl', 'smtp.firma.pl', 587, 'starttls', '', 1);
                 INSERT INTO messages (id, account_id, state, envelope_id, message_id, from_addr,
                     subject, sha256, size, created_at, updated_at, sent_at, queue_id)
                 VALUES (1, 1, 'sent', 'e1', 'm1@firma.pl', 'faktury@firma.pl', 'Faktura', 'ab',
                     2, 1, 1, 2, '4Fq2Zk3Y5Vz9');",
            )
            .unwrap();
        }
        let s = Store::open(&path).unwrap();
        let m = s.message(1).unwrap();
        assert_eq!(m.state, MessageState::Sent, "from version {version}");
        assert_eq!(m.queue_id.as_deref(), Some("4Fq2Zk3Y5Vz9"));
        assert_eq!(m.settled_by, None);
        assert_eq!(m.stamp, None);
        assert!(s.stamps_due(Timestamp::now(), true, 10).unwrap().is_empty());
        let v: i64 = s
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, schema_version());
    }
}

#[test]
fn a_failed_mail_that_may_have_arrived_before_is_kept() {
    let mut s = store();
    let id = insert(&mut s, true);
    // The first attempt breaks after the end of the data: uncertain.
    s.claim_due(Timestamp::now(), Some(&[id])).unwrap();
    s.finish_and_start(None, id, "smtp.firma.pl:587", Timestamp::now())
        .unwrap();
    s.recover_interrupted().unwrap();
    assert_eq!(state(&s, id), MessageState::Uncertain);
    // Sent again, every server refuses it: failed, yet the first attempt may have arrived.
    s.requeue(id).unwrap();
    s.claim_due(Timestamp::now(), Some(&[id])).unwrap();
    s.transition(id, MessageState::Failed).unwrap();
    assert!(matches!(s.delete(id), Err(StoreError::NotDeletable { .. })));
    assert_eq!(state(&s, id), MessageState::Failed);
}
