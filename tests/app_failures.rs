//! The window after a mail did not go out: retries it sends by itself, a failed mail edited
//! and sent again, deleting with a question first. Real app state, real sender thread, the
//! sandbox SMTP server on loopback (`egui_kittest`).
#![cfg(feature = "gui")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::missing_panics_doc)]

mod common;

use std::time::{Duration, Instant};

use common::window::open_in;
use stempel::model::{Compose, MessageState};
use stempel::outbox::{Destination, submit};
use stempel::sandbox::Sandbox;
use stempel::store::Store;

/// A port on loopback where nothing listens (bound, then let go).
fn closed_port() -> u16 {
    let listener = std::net::TcpListener::bind(("127.0.0.1", 0)).unwrap();
    listener.local_addr().unwrap().port()
}

fn invoice() -> Compose {
    Compose {
        to: vec!["klient@example.com".into()],
        subject: "Faktura FV/2026/11/007".into(),
        body_text: "W załączniku faktura.".into(),
        ..Compose::default()
    }
}

#[test]
fn a_deferred_mail_is_sent_by_the_window_alone_when_its_retry_comes() {
    let dir = tempfile::tempdir().unwrap();
    let sandbox = Sandbox::start().unwrap();
    let mut account = sandbox.account();
    account.name = "firma".into();
    account.smtp.port = closed_port();
    let db = dir.path().join("stempel.db");
    let id = {
        let mut store = Store::open(&db).unwrap();
        store.add_account(&account).unwrap();
        submit(&mut store, "firma", &invoice(), &[], Destination::Queue).unwrap()
    };

    // The user sends; nobody answers on the port, so the mail is deferred with a retry time.
    let mut w = open_in(dir.path(), [1280.0, 900.0]);
    w.click("Send all");
    w.wait_for("Tries again");
    let store = Store::open(&db).unwrap();
    let m = store.message(id).unwrap();
    assert_eq!(m.state, MessageState::Queued);
    assert!(m.next_attempt_at.is_some());
    drop(w);

    // The server is back, and the retry comes due five seconds from now (time passing).
    account.smtp.port = sandbox.addr.port();
    let mut store = Store::open(&db).unwrap();
    store.update_account(&account).unwrap();
    let soon = jiff::Timestamp::now().as_millisecond() + 5000;
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute(
            "UPDATE messages SET next_attempt_at = ?1 WHERE id = ?2",
            (soon, id),
        )
        .unwrap();

    // Nobody clicks anything: the window sends it when the time comes, not before.
    let mut w = open_in(dir.path(), [1280.0, 900.0]);
    w.harness.step();
    assert_eq!(store.message(id).unwrap().state, MessageState::Queued);
    let deadline = Instant::now() + Duration::from_secs(20);
    while store.message(id).unwrap().state != MessageState::Sent {
        assert!(Instant::now() < deadline, "the retry was not sent");
        w.harness.step();
        std::thread::sleep(Duration::from_millis(50));
    }
    // Tried again when the time came, not before.
    let m = store.message(id).unwrap();
    assert_eq!(m.attempts.len(), 2);
    let retried = m.attempts[1].started_at.unwrap().as_millisecond();
    assert!(retried >= soon, "retried {} ms early", soon - retried);
    w.wait_for("1 mail sent");
}

#[test]
fn a_failed_mail_is_fixed_in_a_copy_with_its_attachment_and_deleted_after_asking() {
    let dir = tempfile::tempdir().unwrap();
    let sandbox = Sandbox::start().unwrap();
    let mut account = sandbox.account();
    account.name = "firma".into();
    let pdf = dir.path().join("FV-2026-007.pdf");
    std::fs::write(&pdf, b"%PDF-1.7 invoice 007").unwrap();
    let db = dir.path().join("stempel.db");
    let failed = {
        let mut store = Store::open(&db).unwrap();
        store.add_account(&account).unwrap();
        let mut compose = invoice();
        // The sandbox refuses the reserved .invalid domain with 550 5.1.2.
        compose.to = vec!["klient@firma.invalid".into()];
        submit(&mut store, "firma", &compose, &[pdf], Destination::Queue).unwrap()
    };
    let mut w = open_in(dir.path(), [1280.0, 900.0]);
    w.click("Send all");
    w.wait_for("was not sent");
    w.click("Failed  (1)");
    w.open_row("Faktura FV/2026/11/007");
    w.wait_for("550 5.1.2");
    // Every server refused it: nothing warns of a double delivery.
    assert!(!w.shows("deliver it twice"));

    w.click("Edit and send again");
    w.wait_for("A copy of the mail is open for editing");
    w.wait_for("FV-2026-007.pdf");
    w.replace_in("To", "klient@example.com");
    w.click("Send now");
    w.wait_for("1 mail sent");
    let store = Store::open(&db).unwrap();
    let ids = store
        .list_ids(&stempel::store::ListQuery {
            states: vec![MessageState::Sent],
            ..Default::default()
        })
        .unwrap();
    assert_eq!(ids.len(), 1);
    let attached = store.attachments_with_data(ids[0]).unwrap();
    assert_eq!(attached.len(), 1);
    assert_eq!(attached[0].filename, "FV-2026-007.pdf");
    assert_eq!(attached[0].data, b"%PDF-1.7 invoice 007");
    // The failed mail is still there with its record.
    let old = store.message(failed).unwrap();
    assert_eq!(old.state, MessageState::Failed);
    assert_eq!(old.attempts.len(), 1);

    // Deleting it asks first; Cancel keeps it.
    w.click("Failed  (1)");
    w.open_row("Faktura FV/2026/11/007");
    w.wait_for("Edit and send again");
    w.click("Delete");
    w.wait_for("Delete this mail?");
    w.click_last("Cancel");
    assert!(store.message(failed).is_ok());
    w.click("Delete");
    w.wait_for("cannot be undone");
    w.click_last("Delete");
    w.wait_for("Failed  (0)");
    assert!(store.message(failed).is_err());
}
