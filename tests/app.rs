//! The window's flows, driven through its accessibility tree (`egui_kittest`) with the real app
//! state: a store in a temporary folder, the real sender thread, and the sandbox SMTP server
//! on loopback. Controls are found by their labels, as a user (or a screen reader) finds them.
#![cfg(feature = "gui")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::missing_panics_doc)]

mod common;

use common::window::{Window, open};
use eframe::egui;
use eframe::egui::accesskit::Role;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use stempel::model::DeliveryState;
use stempel::store::{NewDeliveryEvent, Store};

#[test]
fn compose_buffer_send_and_read_the_receipt() {
    let mut w = open();
    w.wait_for("0 mails waiting");
    w.sandbox_compose();
    w.type_into("Cc", "ksiegowosc@example.com");
    w.click("Put in buffer");
    w.wait_for("1 mail waiting");
    // The Buffer lists it, with both recipients.
    w.wait_for("klient@example.com, ksiegowosc@example.com");

    w.click("Send all");
    w.wait_for("1 mail sent");
    w.click("Sent  (1)");
    // The row carries the sandbox's queue id.
    w.wait_for("SBX");
    w.open_row("Invoice FV/2026/11/001");
    w.wait_for("Sandbox receipt");
    // The Sent tab: the reply in words, the queue id and the conversation.
    w.wait_for("250: the server accepted the mail");
    w.wait_for("queued as SBX");
    w.wait_for("C: MAIL FROM:<you@sandbox.stempel.invalid>");
    w.wait_for("C: RCPT TO:<ksiegowosc@example.com>");
    w.wait_for("S: 221 2.0.0 Bye");
    assert!(w.harness.query_by_label("Copy").is_some());
    // The proof in stages: stage 1 reached, stage 2 waiting for a success report.
    w.wait_for("Stage 1: your mail server took the mail (queue id SBX");
    w.wait_for("Stage 2: no success report yet");
}

#[test]
fn a_success_report_shows_stage_two_on_the_sent_tab() {
    let mut w = open();
    send_and_report(
        &mut w,
        DeliveryState::Relayed,
        Some("2.0.0"),
        None,
        (Some("dns; smtp.firma.pl"), Some("dns; mx.example.com")),
    );
    w.click("Sent  (1)");
    w.click("Refresh");
    w.open_row("Invoice FV/2026/11/001");
    w.wait_for("Stage 2: the recipient's server took the mail (dns; mx.example.com");
    w.wait_for("it does not show that the mail was read");

    // "Save proof…" writes the evidence file, and it holds.
    w.click("Save proof…");
    w.wait_for("Proof saved:");
    let file = std::fs::read_dir(&w.paths.data_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().ends_with(".zip"))
        .expect("an evidence file in the data folder");
    let out = assert_cmd::Command::cargo_bin("stempel")
        .unwrap()
        .env("LC_ALL", "C.UTF-8")
        .env("STEMPEL_DATA_DIR", &w.paths.data_dir)
        .arg("verify")
        .arg(&file)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("proof.pdf: its SHA-256 matches"), "{text}");
}

#[test]
fn a_refused_recipient_shows_the_explanation_in_failed() {
    let mut w = open();
    w.sandbox_compose();
    let to = w.harness.get_by_role_and_label(Role::TextInput, "To");
    to.focus();
    w.harness.step();
    // Select all and replace the example address with one the sandbox refuses.
    w.harness
        .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    w.harness.step();
    w.harness
        .get_by_role_and_label(Role::TextInput, "To")
        .type_text("nobody@firma.invalid");
    w.harness.step();
    w.click("Send now");
    w.wait_for("was not sent");
    w.click("Failed  (1)");
    w.open_row("Invoice FV/2026/11/001");
    w.wait_for("What happened");
    w.wait_for("the recipient's domain does not exist or accepts no mail");
    w.wait_for("check the part of the address after the @");
    w.wait_for("550 5.1.2");
}

#[test]
fn invalid_input_is_flagged_inline_and_nothing_is_stored() {
    let mut w = open();
    w.sandbox_compose();
    w.type_into("Bcc", "not an address");
    w.wait_for("Not a valid address: not an address");
    w.click("Put in buffer");
    w.wait_for("\"not an address\" is not a valid e-mail address");
    let store = Store::open(&w.paths.database()).unwrap();
    assert!(store.counts().unwrap().iter().all(|(_, n)| *n == 0));
}

/// Sends the sandbox mail at once, then stores a delivery report about it for
/// klient@example.com, as the scanner would; `mtas` is (reporting, remote).
fn send_and_report(
    w: &mut Window,
    state: DeliveryState,
    status: Option<&str>,
    diagnostic: Option<&str>,
    (reporting_mta, remote_mta): (Option<&str>, Option<&str>),
) {
    w.sandbox_compose();
    w.click("Send now");
    w.wait_for("1 mail sent");
    let mut store = Store::open(&w.paths.database()).unwrap();
    let id = store
        .list_ids(&stempel::store::ListQuery::default())
        .unwrap()[0];
    store
        .add_delivery_event(&NewDeliveryEvent {
            message: id,
            recipient: Some("klient@example.com"),
            kind: "dsn",
            state,
            status,
            diagnostic,
            reporting_mta,
            remote_mta,
            reported_at: None,
            matched_by: "envid",
            raw: b"Content-Type: multipart/report; report-type=delivery-status\r\n\r\n",
        })
        .unwrap();
}

#[test]
fn a_bounce_shows_the_recipient_as_bounced() {
    let mut w = open();
    send_and_report(
        &mut w,
        DeliveryState::Bounced,
        Some("5.1.1"),
        Some("smtp; 550 5.1.1 <klient@example.com>: User unknown"),
        (Some("mx.example.com"), None),
    );
    w.click("Sent  (1)");
    w.click("Refresh");
    w.wait_for("Bounced");
    w.open_row("Invoice FV/2026/11/001");
    w.wait_for("Conversation with the server");
    w.wait_for("Stage 2 will not come: a report says the mail could not be delivered");
    w.click("Delivery");
    w.wait_for("the address does not exist");
    w.wait_for("User unknown");
    assert!(w.harness.query_all_by_label("Bounced").count() >= 2);
}

#[test]
fn accounts_are_added_with_presets_and_tested() {
    let mut w = open();
    w.click("Accounts");
    w.click("Add the sandbox account");
    w.wait_for("sandbox.stempel.invalid");
    w.click("Test connection");
    w.wait_for("sandbox works: connected, secured and logged in");
    w.wait_for("S: 220 sandbox.stempel.invalid ESMTP");

    // A new account from the Gmail preset: the hint about app passwords shows.
    w.click("Add account");
    w.harness.get_by_label("Provider").click();
    w.wait_for("Gmail / Google Workspace");
    w.click("Gmail / Google Workspace");
    w.wait_for("Gmail needs an app password");
    w.type_into("Name", "firma");
    w.type_into("Sender (Name <address>)", "Firma Nowak <faktury@firma.pl>");
    w.click("Save");
    w.wait_for("smtp.gmail.com:587 (STARTTLS)");
    let store = Store::open(&w.paths.database()).unwrap();
    let account = store.account("firma").unwrap();
    assert_eq!(account.smtp.host, "smtp.gmail.com");
    assert_eq!(account.imap.unwrap().host, "imap.gmail.com");

    // A bad sender is refused with the reason, and nothing is stored.
    w.click("Add account");
    w.type_into("Name", "zly");
    w.type_into("Sender (Name <address>)", "no address here");
    w.type_into("SMTP server", "smtp.example.com");
    w.click("Save");
    w.wait_for("is not a valid e-mail address");
    assert!(store.account("zly").is_err());
}

#[test]
fn a_draft_is_saved_edited_and_queued_in_place() {
    let mut w = open();
    w.sandbox_compose();
    w.click("Save draft");
    w.wait_for("Drafts  (1)");
    // The saved draft is shown at once, with its actions.
    w.wait_for("Edit");
    w.click("Edit");
    w.wait_for("Edit mail");
    w.type_into("Subject", " (korekta)");
    w.click("Put in buffer");
    w.wait_for("1 mail waiting");
    w.wait_for("Drafts  (0)");
    w.wait_for("Invoice FV/2026/11/001 (korekta)");
    let store = Store::open(&w.paths.database()).unwrap();
    let ids = store
        .list_ids(&stempel::store::ListQuery::default())
        .unwrap();
    assert_eq!(ids.len(), 1, "the edit replaced the draft");
    let m = store.message(ids[0]).unwrap();
    assert_eq!(m.state, stempel::model::MessageState::Queued);
    assert_eq!(m.subject, "Invoice FV/2026/11/001 (korekta)");
}

#[test]
fn files_are_attached_through_stempels_own_picker_and_a_missing_invoice_is_asked_about() {
    let mut w = open();
    let folder = w.paths.data_dir.join("faktury");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("FV-2026-11-002.pdf"), b"%PDF-1.7 invoice 002").unwrap();
    std::fs::create_dir(folder.join("2025")).unwrap();
    w.sandbox_compose();
    // The example comes with its example invoice; without it, the text still speaks of one.
    w.wait_for("FV-2026-11-001.pdf");
    w.click("Remove");
    w.click("Put in buffer");
    w.wait_for("nothing is attached");

    w.click("Add files…");
    w.wait_for("Home");
    w.replace_in("Folder", &folder.display().to_string());
    w.harness.key_press(egui::Key::Enter);
    w.wait_for("📁 2025");
    w.harness
        .query_all_by_label_contains("FV-2026-11-002.pdf")
        .find(|n| n.accesskit_node().role() == Role::CheckBox)
        .expect("the file is listed with a check box")
        .click();
    w.harness.step();
    w.click("Add 1 file");
    w.wait_for("📎 FV-2026-11-002.pdf");
    // The question is gone with the change, and the mail goes in.
    assert!(!w.shows("nothing is attached"));
    w.click("Put in buffer");
    w.wait_for("1 mail waiting");
    let store = Store::open(&w.paths.database()).unwrap();
    let id = store
        .list_ids(&stempel::store::ListQuery::default())
        .unwrap()[0];
    let attached = store.attachments_with_data(id).unwrap();
    assert_eq!(attached.len(), 1);
    assert_eq!(attached[0].data, b"%PDF-1.7 invoice 002");
}
