//! Invoices through the real binary: customers, templates, `queue-batch` (all or none, line
//! numbers, `--skip-bad`, `--dry-run`) and the same invoice not queued twice.
#![allow(clippy::unwrap_used)] // test helpers outside #[test] fns: a failure should panic

mod common;

use std::path::Path;

use common::cli::{list, queue, stempel};
use serde_json::Value;

fn add_account(dir: &Path) {
    stempel(dir)
        .args([
            "account",
            "add",
            "firma",
            "--from",
            "Firma Nowak <faktury@firma.pl>",
        ])
        .args(["--smtp-host", "127.0.0.1", "--smtp-port", "2587"])
        .args(["--smtp-security", "starttls", "--smtp-user", "faktury"])
        .assert()
        .success();
}

fn add_customer(dir: &Path, name: &str, tax_id: &str, email: &str, language: &str) {
    stempel(dir)
        .args([
            "customer", "add", name, "--tax-id", tax_id, "--email", email,
        ])
        .args(["--language", language])
        .assert()
        .success();
}

/// A data folder with an account, two customers and three invoice PDFs.
fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    add_account(dir.path());
    add_customer(
        dir.path(),
        "Kowalski Sp. z o.o.",
        "PL 123-456-32-18",
        "faktury@kowalski.pl",
        "pl",
    );
    add_customer(
        dir.path(),
        "Novák s.r.o.",
        "CZ12345678",
        "fakturace@novak.cz",
        "cs",
    );
    for n in 1..=3 {
        std::fs::write(
            dir.path().join(format!("FV-{n}.pdf")),
            format!("%PDF-1.7 {n}"),
        )
        .unwrap();
    }
    dir
}

fn sheet(dir: &Path, rows: &str) -> String {
    let path = dir.join("batch.csv");
    std::fs::write(
        &path,
        format!("Plik;Numer faktury;NIP;E-mail;Kwota;Waluta;due_date\n{rows}"),
    )
    .unwrap();
    path.display().to_string()
}

const GOOD: &str = "FV-1.pdf;FV/2026/11/001;1234563218;;1 230,00;PLN;2026-12-14\n\
                    FV-2.pdf;FV/2026/11/002;CZ 12345678;;500,00;CZK;2026-12-14\n";

#[test]
fn a_sheet_with_a_bad_row_is_refused_whole_with_its_line_and_skip_bad_queues_the_rest() {
    let dir = setup();
    let csv = sheet(
        dir.path(),
        &format!("{GOOD}FV-3.pdf;FV/2026/11/003;;kto@@example.com;10;EUR;2026-12-14\n"),
    );
    let out = stempel(dir.path())
        .args(["queue-batch", "--csv", &csv])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("line 4:") && err.contains("kto@@example.com"),
        "{err}"
    );
    assert!(
        !err.contains("line 2:") && !err.contains("line 3:"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
    assert!(list(dir.path()).is_empty(), "nothing is stored");

    let out = stempel(dir.path())
        .args(["queue-batch", "--csv", &csv, "--skip-bad", "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let queued: Value = serde_json::from_slice(&out.stdout).unwrap();
    let lines: Vec<i64> = queued
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["line"].as_i64().unwrap())
        .collect();
    assert_eq!(lines, [2, 3]);
    let mails = list(dir.path());
    assert_eq!(mails.len(), 2);
    let kowalski = mails
        .iter()
        .find(|m| m["invoice_number"] == "FV/2026/11/001")
        .unwrap();
    assert_eq!(kowalski["subject"], "Faktura FV/2026/11/001");
    assert_eq!(kowalski["state"], "queued");
    assert_eq!(kowalski["attachments"][0]["filename"], "FV-1.pdf");
    assert!(
        kowalski["body_text"]
            .as_str()
            .unwrap()
            .contains("1 230,00 PLN")
    );
    let novak = mails
        .iter()
        .find(|m| m["invoice_number"] == "FV/2026/11/002")
        .unwrap();
    assert_eq!(novak["subject"], "Faktura FV/2026/11/002");
    assert!(
        novak["body_text"]
            .as_str()
            .unwrap()
            .starts_with("Dobrý den")
    );

    // The same sheet again: every row is an invoice already queued, refused with its mail.
    let out = stempel(dir.path())
        .args(["queue-batch", "--csv", &csv])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("line 2: invoice FV/2026/11/001 is already queued or sent"),
        "{err}"
    );
    assert_eq!(list(dir.path()).len(), 2);
}

#[test]
fn a_dry_run_stores_nothing_and_shows_the_rows() {
    let dir = setup();
    let csv = sheet(dir.path(), GOOD);
    let out = stempel(dir.path())
        .args(["queue-batch", "--csv", &csv, "--dry-run", "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let review: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(review["rows"].as_array().unwrap().len(), 2);
    assert_eq!(review["rows"][0]["to"][0], "faktury@kowalski.pl");
    assert!(list(dir.path()).is_empty());
}

#[test]
fn a_sheet_missing_a_placeholders_column_is_refused_naming_it() {
    let dir = setup();
    let path = dir.path().join("batch.csv");
    std::fs::write(
        &path,
        "file;invoice_number;email;amount;currency\nFV-1.pdf;1;a@b.cz;1;PLN\n",
    )
    .unwrap();
    let out = stempel(dir.path())
        .args(["queue-batch", "--csv", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no column \"due_date\""), "{err}");
}

#[test]
fn the_same_invoice_is_not_queued_twice_unless_it_is_a_resend() {
    let dir = setup();
    let args = [
        "--account",
        "firma",
        "--to",
        "faktury@kowalski.pl",
        "--subject",
        "Faktura FV/7",
        "--body",
        "x",
        "--attach",
    ];
    let pdf = dir.path().join("FV-1.pdf");
    let first = queue(
        dir.path(),
        &[
            &args[..],
            &[pdf.to_str().unwrap(), "--invoice-number", "FV/7"],
        ]
        .concat(),
    );
    // An invoicing program repeats its call: refused, with the first mail's id.
    let out = stempel(dir.path())
        .arg("queue")
        .args(args)
        .args([pdf.to_str().unwrap(), "--invoice-number", "FV/7"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("as mail {first}")), "{err}");
    assert_eq!(list(dir.path()).len(), 1);
    queue(
        dir.path(),
        &[
            &args[..],
            &[
                pdf.to_str().unwrap(),
                "--invoice-number",
                "FV/7",
                "--resend",
            ],
        ]
        .concat(),
    );
    assert_eq!(list(dir.path()).len(), 2);
    // Found by its number.
    let out = stempel(dir.path())
        .args(["list", "--search", "FV/7", "--json"])
        .output()
        .unwrap();
    let found: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(found.as_array().unwrap().len(), 2);
}

#[test]
fn a_template_with_an_unknown_placeholder_cannot_be_saved() {
    let dir = setup();
    let body = dir.path().join("body.txt");
    std::fs::write(&body, "Dear {customer}, invoice {invoce_number}.").unwrap();
    let out = stempel(dir.path())
        .args([
            "template",
            "set",
            "mine",
            "--subject",
            "Invoice {invoice_number}",
            "--body-file",
        ])
        .arg(&body)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("{invoce_number}") && err.contains("{invoice_number}?"),
        "{err}"
    );
    // Declared as an extra field, a column of the sheet fills it.
    std::fs::write(&body, "Dear {customer}, order {order_ref}.").unwrap();
    stempel(dir.path())
        .args([
            "template",
            "set",
            "mine",
            "--subject",
            "Invoice {invoice_number}",
        ])
        .args(["--field", "order_ref", "--body-file"])
        .arg(&body)
        .assert()
        .success();
    let path = dir.path().join("orders.csv");
    std::fs::write(
        &path,
        "file,invoice_number,tax_id,order_ref\nFV-1.pdf,A1,1234563218,Z-17\n",
    )
    .unwrap();
    let out = stempel(dir.path())
        .args([
            "queue-batch",
            "--template",
            "mine",
            "--csv",
            path.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mails = list(dir.path());
    assert_eq!(
        mails[0]["body_text"],
        "Dear Kowalski Sp. z o.o., order Z-17."
    );
}

#[test]
fn customers_are_imported_all_or_none_and_shown_with_their_mails() {
    let dir = setup();
    let path = dir.path().join("customers.csv");
    std::fs::write(
        &path,
        "name;email;NIP\nNowak;nowak@example.com;\nZły;nie-adres;\n",
    )
    .unwrap();
    let out = stempel(dir.path())
        .arg("customer")
        .arg("import")
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 3:"));
    std::fs::write(
        &path,
        "name;email;NIP\nNowak;nowak@example.com;\nKowalski Nowy;nowe@kowalski.pl;1234563218\n",
    )
    .unwrap();
    stempel(dir.path())
        .arg("customer")
        .arg("import")
        .arg(&path)
        .assert()
        .success();
    let out = stempel(dir.path())
        .args(["customer", "list", "--json"])
        .output()
        .unwrap();
    let customers: Value = serde_json::from_slice(&out.stdout).unwrap();
    let names: Vec<&str> = customers
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Kowalski Nowy", "Novák s.r.o.", "Nowak"]);
    queue(
        dir.path(),
        &[
            "--account",
            "firma",
            "--to",
            "nowak@example.com",
            "--subject",
            "Faktura",
            "--body",
            "x",
            "--invoice-number",
            "N/1",
        ],
    );
    let out = stempel(dir.path())
        .args(["customer", "show", "Nowak", "--json"])
        .output()
        .unwrap();
    let shown: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(shown["mails"][0]["invoice_number"], "N/1");
    assert_eq!(shown["mails"][0]["state"], "queued");
}
