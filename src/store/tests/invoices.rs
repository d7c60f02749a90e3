//! Invoices: the same number not queued twice for a recipient, customers, templates, and a
//! database of schema 6 upgraded in place.

use super::*;
use crate::model::Customer;
use crate::template::Template;

fn queue_invoice(s: &mut Store, invoice: &str, to: &str, resend: bool) -> Result<i64> {
    let from = account().from;
    let compose = Compose {
        to: vec![to.into()],
        subject: format!("Faktura {invoice}"),
        invoice_number: Some(invoice.into()),
        ..Compose::default()
    };
    let (message_id, envelope_id) = crate::mail::new_ids(&from);
    let built = built();
    s.insert_message(&NewMessage {
        account: "firma",
        from: &from,
        compose: &compose,
        recipients: &[(RecipientKind::To, to.into())],
        reply_to: None,
        attachments: &[],
        message_id: &message_id,
        envelope_id: &envelope_id,
        built: Some(&built),
        resend,
    })
}

#[test]
fn an_invoice_is_not_queued_twice_for_the_same_recipient() {
    let mut s = store();
    let first = queue_invoice(&mut s, "FV/1", "klient@example.com", false).unwrap();
    // The same number to the same address, in another case: refused, naming the first mail.
    match queue_invoice(&mut s, "FV/1", "Klient@Example.com", false) {
        Err(StoreError::InvoiceAlreadyQueued { invoice, id }) => {
            assert_eq!((invoice.as_str(), id), ("FV/1", first));
        }
        other => panic!("{other:?}"),
    }
    // Another address, another number, or a resend on purpose: queued.
    queue_invoice(&mut s, "FV/1", "inny@example.com", false).unwrap();
    queue_invoice(&mut s, "FV/2", "klient@example.com", false).unwrap();
    let again = queue_invoice(&mut s, "FV/1", "klient@example.com", true).unwrap();
    assert_eq!(s.invoice_mail_ids("FV/1").unwrap().len(), 3);
    assert_eq!(
        s.message(again).unwrap().invoice_number.as_deref(),
        Some("FV/1")
    );
    // A refused mail (failed) was never sent: fixing it is not a second invoice.
    let mut t = store();
    let failed = queue_invoice(&mut t, "FV/9", "klient@example.com", false).unwrap();
    t.claim_due(Timestamp::now(), Some(&[failed])).unwrap();
    t.transition(failed, MessageState::Failed).unwrap();
    queue_invoice(&mut t, "FV/9", "klient@example.com", false).unwrap();
}

#[test]
fn a_batch_is_stored_whole_or_not_at_all() {
    let mut s = store();
    queue_invoice(&mut s, "FV/3", "c@example.com", false).unwrap();
    let from = account().from;
    let built = built();
    let mails: Vec<(Compose, String)> = ["a@example.com", "b@example.com", "c@example.com"]
        .iter()
        .map(|to| {
            (
                Compose {
                    to: vec![(*to).into()],
                    subject: "x".into(),
                    invoice_number: Some("FV/3".into()),
                    ..Compose::default()
                },
                (*to).to_owned(),
            )
        })
        .collect();
    let before = s.list(&ListFilter::default()).unwrap().len();
    let mut batch = s.batch().unwrap();
    let mut result = Ok(0);
    for (compose, to) in &mails {
        let (message_id, envelope_id) = crate::mail::new_ids(&from);
        let recipients = [(RecipientKind::To, to.clone())];
        result = batch.add(&NewMessage {
            account: "firma",
            from: &from,
            compose,
            recipients: &recipients,
            reply_to: None,
            attachments: &[],
            message_id: &message_id,
            envelope_id: &envelope_id,
            built: Some(&built),
            resend: false,
        });
        if result.is_err() {
            break;
        }
    }
    assert!(matches!(
        result,
        Err(StoreError::InvoiceAlreadyQueued { .. })
    ));
    drop(batch);
    assert_eq!(s.list(&ListFilter::default()).unwrap().len(), before);
}

#[test]
fn customers_are_found_by_name_tax_id_and_address_and_searched_with_their_mails() {
    let mut s = store();
    let id = s
        .save_customer(&Customer {
            name: "Kowalski Sp. z o.o.".into(),
            tax_id: Some("PL 123-456-32-18".into()),
            to: vec!["faktury@kowalski.pl".into()],
            cc: vec!["ksiegowa@kowalski.pl".into()],
            language: Some("pl".into()),
            ..Customer::default()
        })
        .unwrap();
    assert_eq!(s.customer("kowalski sp. z o.o.").unwrap().id, id);
    assert_eq!(s.customer("1234563218").unwrap().id, id);
    assert_eq!(
        s.customer(&id.to_string()).unwrap().cc,
        ["ksiegowa@kowalski.pl"]
    );
    assert_eq!(
        s.customer_of("Faktury@Kowalski.pl").unwrap().map(|c| c.id),
        Some(id)
    );
    // Another customer with the same tax id is refused.
    assert!(matches!(
        s.save_customer(&Customer {
            name: "Inny".into(),
            tax_id: Some("123 456 32 18".into()),
            to: vec!["x@example.com".into()],
            ..Customer::default()
        }),
        Err(StoreError::CustomerExists(_))
    ));
    let mail = queue_invoice(&mut s, "FV/2026/11/014", "faktury@kowalski.pl", false).unwrap();
    queue_invoice(&mut s, "FV/2026/11/015", "ktos@example.com", false).unwrap();
    assert_eq!(s.customer_mail_ids(id, 10).unwrap(), [mail]);
    for search in ["Kowalski", "11/014", "1234563218"] {
        let found = s
            .list(&ListFilter {
                search: Some(search.into()),
                ..ListFilter::default()
            })
            .unwrap();
        assert_eq!(
            found.iter().map(|m| m.id).collect::<Vec<_>>(),
            [mail],
            "{search}"
        );
    }
    let (added, changed) = s
        .import_customers(&[
            Customer {
                name: "Kowalski (nowa nazwa)".into(),
                tax_id: Some("1234563218".into()),
                to: vec!["nowe@kowalski.pl".into()],
                ..Customer::default()
            },
            Customer {
                name: "Nowak".into(),
                to: vec!["nowak@example.com".into()],
                ..Customer::default()
            },
        ])
        .unwrap();
    assert_eq!((added, changed), (1, 1));
    assert_eq!(s.customer("1234563218").unwrap().to, ["nowe@kowalski.pl"]);
}

#[test]
fn the_last_bounce_to_an_address_is_known() {
    let mut s = store();
    let id = queue_invoice(&mut s, "FV/5", "zly@example.com", false).unwrap();
    assert_eq!(s.last_failure_to("zly@example.com").unwrap(), None);
    s.claim_due(Timestamp::now(), Some(&[id])).unwrap();
    s.transition(id, MessageState::Sent).unwrap();
    s.add_delivery_event(&NewDeliveryEvent {
        state: DeliveryState::Bounced,
        status: Some("5.1.1"),
        diagnostic: Some("user unknown"),
        recipient: Some("zly@example.com"),
        ..report_event(id, "envid")
    })
    .unwrap();
    let h = s.last_failure_to("ZLY@example.com").unwrap().unwrap();
    assert_eq!((h.message, h.status.as_deref()), (id, Some("5.1.1")));
}

#[test]
fn templates_shadow_the_shipped_ones_and_unknown_placeholders_are_refused() {
    let mut s = store();
    let shipped = s.templates().unwrap();
    assert_eq!(shipped.len(), 12);
    let mut mine = shipped
        .iter()
        .find(|t| t.name == "invoice" && t.language == "pl")
        .unwrap()
        .clone();
    mine.subject = "FV {invoice_number} od {sender_name}".into();
    mine.shipped = false;
    s.save_template(&mine).unwrap();
    let all = s.templates().unwrap();
    assert_eq!(all.len(), 12);
    assert!(all.contains(&mine));
    let bad = Template {
        subject: "FV {invoce_number}".into(),
        ..mine.clone()
    };
    assert!(matches!(
        s.save_template(&bad),
        Err(StoreError::Template(
            crate::template::TemplateError::Unknown { .. }
        ))
    ));
    s.remove_template("invoice", "pl").unwrap();
    assert_eq!(s.templates().unwrap(), shipped);
}

/// A database of schema 6 (before invoices) opens, upgrades in place and keeps its mails,
/// which carry no invoice number.
#[test]
fn a_database_before_invoices_upgrades_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("stempel.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        for sql in &schema::MIGRATIONS[..6] {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "user_version", 6).unwrap();
        conn.execute_batch(
            "INSERT INTO accounts (id, name, from_addr, smtp_host, smtp_port, smtp_security,
                 smtp_user, created_at)
             VALUES (1, 'firma', 'faktury@firma.pl', 'smtp.firma.pl', 587, 'starttls', '', 1);
             INSERT INTO messages (id, account_id, state, envelope_id, message_id, from_addr,
                 subject, sha256, size, created_at, updated_at, sent_at, queue_id)
             VALUES (1, 1, 'sent', 'e1', 'm1@firma.pl', 'faktury@firma.pl', 'Faktura', 'ab',
                 2, 1, 1, 2, '4Fq2Zk3Y5Vz9');
             INSERT INTO recipients (message_id, position, kind, address)
             VALUES (1, 0, 'to', 'klient@example.com');",
        )
        .unwrap();
    }
    let mut s = Store::open(&path).unwrap();
    let m = s.message(1).unwrap();
    assert_eq!((m.state, m.invoice_number), (MessageState::Sent, None));
    assert!(s.customers().unwrap().is_empty());
    assert_eq!(s.templates().unwrap().len(), 12);
    s.save_customer(&Customer {
        name: "Klient".into(),
        to: vec!["klient@example.com".into()],
        ..Customer::default()
    })
    .unwrap();
    assert_eq!(s.customer_mail_ids(1, 5).unwrap(), [1]);
}

/// A failed invoice fixed in a copy that went: sending the failed one again is refused.
#[test]
fn a_failed_invoice_is_not_sent_again_after_its_copy_went() {
    let mut s = store();
    let failed = queue_invoice(&mut s, "FV/8", "klient@example.com", false).unwrap();
    s.claim_due(Timestamp::now(), Some(&[failed])).unwrap();
    s.transition(failed, MessageState::Failed).unwrap();
    let copy = queue_invoice(&mut s, "FV/8", "klient@example.com", false).unwrap();
    match s.requeue(failed) {
        Err(StoreError::InvoiceAlreadyQueued { id, .. }) => assert_eq!(id, copy),
        other => panic!("{other:?}"),
    }
    assert_eq!(state(&s, failed), MessageState::Failed);
}

#[test]
fn an_import_keeps_what_it_does_not_give() {
    let mut s = store();
    s.save_customer(&Customer {
        name: "Kowalski".into(),
        tax_id: Some("1234563218".into()),
        to: vec!["a@kowalski.pl".into()],
        cc: vec!["ksiegowa@kowalski.pl".into()],
        language: Some("pl".into()),
        notes: "płaci w terminie".into(),
        ..Customer::default()
    })
    .unwrap();
    s.import_customers(&[Customer {
        name: "Kowalski".into(),
        to: vec!["b@kowalski.pl".into()],
        ..Customer::default()
    }])
    .unwrap();
    let c = s.customer("Kowalski").unwrap();
    assert_eq!(c.to, ["b@kowalski.pl"]);
    assert_eq!(c.cc, ["ksiegowa@kowalski.pl"]);
    assert_eq!(
        (c.tax_id.as_deref(), c.language.as_deref(), c.notes.as_str()),
        (Some("1234563218"), Some("pl"), "płaci w terminie")
    );
}
