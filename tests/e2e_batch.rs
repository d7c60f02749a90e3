//! A month's invoices through the real Postfix of `tests/mailserver/start.sh`: 50 invoices from
//! a CSV sheet, queued by `queue-batch` in one go and sent by `send`; every receipt's queue id
//! is the one Postfix logged for that mail.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers: a failure should panic

mod common;

use std::fmt::Write as _;

use common::MailServer;
use common::cli::{list, server_account, show, stempel_with_os_keychain};

const INVOICES: usize = 50;

#[test]
#[ignore = "needs the mail servers and a keychain: run .ci/e2e"]
fn fifty_invoices_from_a_sheet_get_the_queue_ids_postfix_logged() {
    let server = MailServer::from_env();
    let dir = tempfile::tempdir().unwrap();
    stempel_with_os_keychain(dir.path())
        .args(server_account(
            &server,
            "firma",
            "STEMPEL_MS_SUBMISSION_PORT",
            "starttls",
        ))
        .assert()
        .success();
    stempel_with_os_keychain(dir.path())
        .args(["account", "set-password", "firma"])
        .write_stdin(server.var("STEMPEL_MS_SENDER_PASSWORD"))
        .assert()
        .success();
    let customer = server.var("STEMPEL_MS_CUSTOMER");
    let mut csv = String::from("file;invoice_number;email;customer;amount;currency;due_date\n");
    for n in 1..=INVOICES {
        let pdf = dir.path().join(format!("FV-{n:03}.pdf"));
        std::fs::write(&pdf, format!("%PDF-1.7 invoice {n}\n").repeat(200)).unwrap();
        writeln!(
            csv,
            "FV-{n:03}.pdf;FV/2026/11/{n:03};{customer};Klient {n};{n}00,00;PLN;2026-12-14"
        )
        .unwrap();
    }
    let sheet = dir.path().join("invoices.csv");
    std::fs::write(&sheet, csv).unwrap();
    let out = stempel_with_os_keychain(dir.path())
        .args(["queue-batch", "--csv"])
        .arg(&sheet)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ids: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    assert_eq!(ids.len(), INVOICES);
    stempel_with_os_keychain(dir.path())
        .args(["send", "--all"])
        .assert()
        .success();
    assert!(list(dir.path()).iter().all(|m| m["state"] == "sent"));
    for id in &ids {
        let v = show(dir.path(), id);
        let queue_id = v["attempts"][0]["queue_id"].as_str().unwrap();
        assert_eq!(
            queue_id,
            server.postfix_queue_id_of(v["message_id"].as_str().unwrap()),
            "mail {id} ({})",
            v["invoice_number"]
        );
    }
    // Queued again, the sheet is refused whole: every invoice already went.
    let out = stempel_with_os_keychain(dir.path())
        .args(["queue-batch", "--csv"])
        .arg(&sheet)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(list(dir.path()).len(), INVOICES);
}
