//! The invoice screens through the window (`egui_kittest`, the real app state, sender thread
//! and sandbox): invoices dropped with a sheet are reviewed, an address that bounced before is
//! shown as a problem and corrected in the table, all go to the buffer and are sent, and the
//! Sent list shows them with their invoice numbers. Customers and templates are edited there.
#![cfg(feature = "gui")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::missing_panics_doc)]

mod common;

use common::window::{Window, open};
use eframe::egui;
use jiff::Timestamp;
use stempel::model::{Compose, DeliveryState, MessageState, RecipientKind};
use stempel::store::{NewDeliveryEvent, NewMessage, Store};

/// A mail to `address` that bounced (5.1.1), as the scanner would have stored it.
fn bounced_before(store: &mut Store, address: &str) {
    let account = store.account("sandbox").unwrap();
    let (message_id, envelope_id) = stempel::mail::new_ids(&account.from);
    let bytes = b"Subject: x\r\n\r\nx\r\n".to_vec();
    let built = stempel::mail::Built {
        sha256: stempel::mail::sha256_hex(&bytes),
        bytes,
    };
    let id = store
        .insert_message(&NewMessage {
            account: "sandbox",
            from: &account.from,
            compose: &Compose {
                to: vec![address.into()],
                subject: "Faktura FV/2026/10/007".into(),
                ..Compose::default()
            },
            recipients: &[(RecipientKind::To, address.into())],
            reply_to: None,
            attachments: &[],
            message_id: &message_id,
            envelope_id: &envelope_id,
            built: Some(&built),
            resend: false,
        })
        .unwrap();
    store.claim_due(Timestamp::now(), Some(&[id])).unwrap();
    store.transition(id, MessageState::Sent).unwrap();
    store
        .add_delivery_event(&NewDeliveryEvent {
            message: id,
            recipient: Some(address),
            kind: "dsn",
            state: DeliveryState::Bounced,
            status: Some("5.1.1"),
            diagnostic: Some("user unknown"),
            reporting_mta: None,
            remote_mta: None,
            reported_at: None,
            matched_by: "envid",
            raw: b"a bounce",
        })
        .unwrap();
}

/// A file dropped on the window, as the desktop hands it over.
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn drop_files(w: &mut Window, files: &[std::path::PathBuf]) {
    for f in files {
        w.harness
            .input_mut()
            .dropped_files
            .push(std::sync::Arc::new(Dropped(f.clone())));
    }
    w.harness.step();
    w.harness.step();
}

#[test]
fn invoices_with_a_sheet_are_reviewed_corrected_queued_and_sent() {
    let mut w = open();
    // The sandbox account, as a first run makes it.
    w.sandbox_compose();
    w.click("Cancel");
    let mut store = Store::open(&w.paths.database()).unwrap();
    bounced_before(&mut store, "stary@example.com");

    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for n in 1..=3 {
        let pdf = dir.path().join(format!("FV-{n}.pdf"));
        std::fs::write(&pdf, format!("%PDF-1.7 invoice {n}")).unwrap();
        files.push(pdf);
    }
    let csv = dir.path().join("invoices.csv");
    std::fs::write(
        &csv,
        "file;invoice_number;email;customer;amount;currency;due_date\n\
         FV-1.pdf;FV/2026/11/001;jan@example.com;Jan Kowalski;1 230,00;PLN;2026-12-14\n\
         FV-2.pdf;FV/2026/11/002;stary@example.com;Nowak;99,00;PLN;2026-12-14\n\
         FV-3.pdf;FV/2026/11/003;eva@example.com;Eva Novák;500,00;CZK;2026-12-14\n",
    )
    .unwrap();
    files.push(csv);

    w.click("Send invoices");
    w.wait_for("Drop the invoice PDFs");
    drop_files(&mut w, &files);
    // The review: three rows, one problem (the address that bounced before).
    w.wait_for("sheet: invoices.csv");
    w.wait_for("the last mail to stary@example.com did not arrive: 5.1.1 user unknown");
    w.wait_for("one row has a problem and is left out");
    assert!(w.shows("Put 2 in buffer"));
    // Corrected in the table: checked again, no problem left.
    w.replace_in("To, line 3", "nowak@example.com");
    w.harness.key_press(egui::Key::Enter);
    w.harness.step();
    w.wait_for("Put 3 in buffer");
    assert!(!w.shows("did not arrive"));
    w.click("Put 3 in buffer");
    w.wait_for("3 mails put in the buffer");
    w.wait_for("3 mails waiting");
    w.click("Send all");
    w.wait_for("3 mails sent");
    w.click("Sent  (4)");
    for n in 1..=3 {
        w.wait_for(&format!("Invoice FV/2026/11/00{n}"));
    }
    w.open_row("Invoice FV/2026/11/002");
    w.wait_for("nowak@example.com");
    w.wait_for("FV/2026/11/002");
    // The same sheet again: every invoice already went, nothing is offered.
    w.click("Send invoices");
    drop_files(&mut w, &files[3..]);
    w.wait_for("invoice FV/2026/11/001 is already queued or sent to this address");
    assert!(!w.shows("Put 1 in buffer"));
}

#[test]
fn customers_and_templates_are_edited_in_the_window() {
    let mut w = open();
    w.click("Customers");
    w.wait_for("No customers yet");
    w.click("New customer");
    w.type_into("Name", "Kowalski Sp. z o.o.");
    w.type_into("Tax id", "PL 123-456-32-18");
    w.type_into("E-mail", "nie-adres");
    w.click("Save customer");
    w.wait_for("\"nie-adres\" is not a valid e-mail address");
    w.replace_in("E-mail", "faktury@kowalski.pl");
    w.click("Save customer");
    w.wait_for("Kowalski Sp. z o.o.   PL 123-456-32-18   faktury@kowalski.pl");
    let store = Store::open(&w.paths.database()).unwrap();
    assert_eq!(
        store.customer("1234563218").unwrap().to,
        ["faktury@kowalski.pl"]
    );

    w.click("Templates");
    w.wait_for("invoice · pl — Faktura {invoice_number}");
    w.click("New template");
    w.type_into("Name", "reminder-2");
    w.type_into("Subject", "Invoice {invoce_number}");
    w.wait_for("did you mean {invoice_number}?");
    w.replace_in("Subject", "Invoice {invoice_number}");
    w.click("Save template");
    w.wait_for("reminder-2 · en — Invoice {invoice_number}   (yours)");
}
