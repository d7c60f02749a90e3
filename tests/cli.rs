//! The CLI contract, through the real binary.
#![allow(clippy::unwrap_used)] // test helpers outside #[test] fns: a failure should panic

mod common;

use std::path::Path;

use common::cli::{list, queue, show, stempel, stempel_with_os_keychain};
use serde_json::Value;
use sha2::Digest;

fn add_account(dir: &Path) {
    stempel(dir)
        .args([
            "account",
            "add",
            "firma",
            "--from",
            "Firma Nowak <faktury@firma.pl>",
            "--smtp-host",
            "127.0.0.1",
            "--smtp-port",
            "2587",
            "--smtp-security",
            "starttls",
            "--smtp-user",
            "faktury",
        ])
        .assert()
        .success();
}

/// Queues the test invoice from `firma` to three recipients, with `extra` arguments.
fn queue_ok(dir: &Path, extra: &[&str]) -> i64 {
    let invoice = [
        "--account",
        "firma",
        "--to",
        "klient@example.com",
        "--cc",
        "biuro@example.com",
        "--bcc",
        "archiwum@firma.pl",
        "--subject",
        "Faktura FV/2026/11/001 — zażółć",
        "--body",
        "W załączeniu faktura.",
    ];
    queue(dir, &[&invoice[..], extra].concat()).parse().unwrap()
}

#[test]
fn queue_list_show_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    add_account(dir.path());
    let pdf = dir.path().join("FV-2026-001.pdf");
    std::fs::write(&pdf, b"%PDF-1.7 invoice bytes").unwrap();
    let id = queue_ok(
        dir.path(),
        &[
            "--attach",
            pdf.to_str().unwrap(),
            "--read-receipt",
            "--notify-delivery",
        ],
    );

    let out = stempel(dir.path())
        .args(["show", &id.to_string(), "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["id"], id);
    assert_eq!(v["state"], "queued");
    assert_eq!(v["subject"], "Faktura FV/2026/11/001 — zażółć");
    assert_eq!(v["from"], "Firma Nowak <faktury@firma.pl>");
    let mid = v["message_id"].as_str().unwrap();
    assert!(mid.starts_with('<') && mid.ends_with("@firma.pl>"), "{mid}");
    let sha = v["sha256"].as_str().unwrap();
    assert_eq!(sha.len(), 64);
    assert!(sha.chars().all(|c| c.is_ascii_hexdigit()));
    let rcpts = v["recipients"].as_array().unwrap();
    assert_eq!(rcpts.len(), 3);
    for (r, (addr, kind)) in rcpts.iter().zip([
        ("klient@example.com", "to"),
        ("biuro@example.com", "cc"),
        ("archiwum@firma.pl", "bcc"),
    ]) {
        assert_eq!(r["address"], addr);
        assert_eq!(r["kind"], kind);
        assert_eq!(r["delivery"]["state"], "pending");
        assert!(r["delivery"]["status"].is_null());
        assert!(r["delivery"]["diagnostic"].is_null());
        assert!(r["delivery"]["at"].is_null());
    }
    assert_eq!(v["attempts"].as_array().unwrap().len(), 0);
    assert_eq!(v["events"].as_array().unwrap().len(), 0);
    assert_eq!(v["read_receipt"], true);
    assert_eq!(v["notify_delivery"], true);
    let att = &v["attachments"][0];
    assert_eq!(att["filename"], "FV-2026-001.pdf");
    assert_eq!(att["mime_type"], "application/pdf");
    assert_eq!(att["size"], 22);

    let out = stempel(dir.path())
        .args(["list", "--json"])
        .output()
        .unwrap();
    let list: Value = serde_json::from_slice(&out.stdout).unwrap();
    let row = &list.as_array().unwrap()[0];
    assert_eq!(row["id"], id);
    assert_eq!(row["sha256"], sha);
    assert_eq!(row["message_id"], mid);

    let out = stempel(dir.path())
        .args(["list", "--state", "sent", "--json"])
        .output()
        .unwrap();
    assert_eq!(
        serde_json::from_slice::<Value>(&out.stdout).unwrap(),
        Value::Array(vec![])
    );
    let out = stempel(dir.path())
        .args(["list", "--search", "klient@", "--json"])
        .output()
        .unwrap();
    assert_eq!(
        serde_json::from_slice::<Value>(&out.stdout)
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        1
    );

    // Human output names the mail too.
    stempel(dir.path())
        .args(["show", &id.to_string()])
        .assert()
        .success()
        .stdout(predicates::str::contains("FV-2026-001.pdf"));
}

#[test]
fn attachment_snapshot_survives_the_source_file() {
    let dir = tempfile::tempdir().unwrap();
    add_account(dir.path());
    let pdf = dir.path().join("invoice.pdf");
    let bytes = b"%PDF-1.4 the real invoice".to_vec();
    std::fs::write(&pdf, &bytes).unwrap();
    let id = queue_ok(dir.path(), &["--attach", pdf.to_str().unwrap()]);
    let before = show(dir.path(), &id.to_string());
    std::fs::remove_file(&pdf).unwrap();
    let after = show(dir.path(), &id.to_string());
    assert_eq!(before["sha256"], after["sha256"]);
    assert_eq!(before["attachments"], after["attachments"]);
    let expected = hex::encode(sha2::Sha256::digest(&bytes));
    assert_eq!(after["attachments"][0]["sha256"], expected.as_str());
}

#[test]
fn bad_input_exits_2_and_stores_nothing() {
    let dir = tempfile::tempdir().unwrap();
    add_account(dir.path());
    let cases: &[&[&str]] = &[
        // Header injection in the subject.
        &[
            "--to",
            "a@example.com",
            "--subject",
            "Faktura\r\nBcc: evil@example.com",
            "--body",
            "x",
        ],
        // Header injection in a recipient.
        &[
            "--to",
            "a@example.com\nBcc: evil@example.com",
            "--subject",
            "s",
            "--body",
            "x",
        ],
        // Invalid addresses.
        &["--to", "not-an-address", "--subject", "s", "--body", "x"],
        &[
            "--to",
            "a@example.com",
            "--cc",
            "b@",
            "--subject",
            "s",
            "--body",
            "x",
        ],
        // Missing attachment.
        &[
            "--to",
            "a@example.com",
            "--subject",
            "s",
            "--body",
            "x",
            "--attach",
            "/nonexistent/fv.pdf",
        ],
    ];
    for args in cases {
        let out = stempel(dir.path())
            .args(["queue", "--account", "firma"])
            .args(*args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.trim().lines().count(), 1, "one clear sentence: {err}");
        assert!(out.stdout.is_empty());
        assert_eq!(list(dir.path()).len(), 0, "{args:?} stored something");
    }
    // Unknown account and unknown id are bad input too.
    stempel(dir.path())
        .args([
            "queue",
            "--account",
            "nope",
            "--to",
            "a@b.cz",
            "--subject",
            "s",
            "--body",
            "x",
        ])
        .assert()
        .code(2);
    stempel(dir.path()).args(["show", "4242"]).assert().code(2);
    // A clap usage error is 2 as well.
    stempel(dir.path())
        .args(["list", "--state", "bogus"])
        .assert()
        .code(2);
}

#[test]
fn password_never_reaches_the_database() {
    let dir = tempfile::tempdir().unwrap();
    add_account(dir.path());
    let password = "Zq7-unique-s3cret-value";
    stempel(dir.path())
        .args(["account", "set-password", "firma"])
        .write_stdin(format!("{password}\n"))
        .assert()
        .success();
    queue_ok(dir.path(), &[]);
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        assert!(
            !bytes
                .windows(password.len())
                .any(|w| w == password.as_bytes()),
            "password found in {}",
            path.display()
        );
    }
    // The account listing shows no secret field at all.
    let out = stempel(dir.path())
        .args(["account", "list", "--json"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains(password));
    assert!(text.contains("\"firma\""));
}

#[test]
fn set_password_without_a_keychain_names_the_alternative() {
    let dir = tempfile::tempdir().unwrap();
    add_account(dir.path());
    let out = stempel_with_os_keychain(dir.path())
        .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
        .args(["account", "set-password", "firma"])
        .write_stdin("pw\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("password command"), "{err}");
}

#[test]
fn duplicate_account_and_bad_from_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    add_account(dir.path());
    stempel(dir.path())
        .args([
            "account",
            "add",
            "firma",
            "--from",
            "x@y.cz",
            "--smtp-host",
            "h",
            "--smtp-port",
            "25",
            "--smtp-security",
            "none",
            "--smtp-user",
            "u",
        ])
        .assert()
        .code(2);
    stempel(dir.path())
        .args([
            "account",
            "add",
            "other",
            "--from",
            "Bad <nope>",
            "--smtp-host",
            "h",
            "--smtp-port",
            "25",
            "--smtp-security",
            "none",
            "--smtp-user",
            "u",
        ])
        .assert()
        .code(2);
}

#[test]
fn presets_fill_in_the_servers() {
    let dir = tempfile::tempdir().unwrap();
    let out = stempel(dir.path())
        .args([
            "account",
            "add",
            "g",
            "--preset",
            "gmail",
            "--from",
            "Firma <firma@gmail.com>",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("app password"));
    let out = stempel(dir.path())
        .args(["account", "list", "--json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let a = &v[0];
    assert_eq!(a["smtp"]["host"], "smtp.gmail.com");
    assert_eq!(a["smtp"]["port"], 587);
    assert_eq!(a["smtp"]["security"], "starttls");
    assert_eq!(a["smtp"]["user"], "firma@gmail.com");
    assert_eq!(a["imap"]["host"], "imap.gmail.com");
    assert_eq!(a["imap"]["security"], "tls");
    stempel(dir.path())
        .args([
            "account", "add", "x", "--preset", "nosuch", "--from", "a@b.cz",
        ])
        .assert()
        .code(2);
    stempel(dir.path())
        .args(["account", "add", "y", "--from", "a@b.cz"])
        .assert()
        .code(2);
    stempel(dir.path())
        .args(["account", "presets"])
        .assert()
        .success()
        .stdout(predicates::str::contains("smtp.seznam.cz"));
}

#[test]
fn messages_for_people_follow_the_language_and_json_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let reply = "550 5.1.1 <jan@firma.pl>: Recipient address rejected: User unknown";
    // The OS language.
    let out = stempel(dir.path())
        .env("LC_ALL", "pl_PL.UTF-8")
        .args(["explain", reply])
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        text.contains("550 5.1.1: adres odbiorcy nie istnieje"),
        "{text}"
    );
    assert!(text.contains("co zrobić: sprawdź, czy w adresie"), "{text}");
    // The setting wins over the OS.
    std::fs::write(dir.path().join("settings.toml"), "language = \"cs\"\n").unwrap();
    let out = stempel(dir.path())
        .env("LC_ALL", "pl_PL.UTF-8")
        .args(["explain", reply])
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(text.contains("adresa příjemce neexistuje"), "{text}");
    // A mistake in the input is told in the user's language too (exit 2, nothing stored).
    add_account(dir.path());
    let out = stempel(dir.path())
        .env("LC_ALL", "de_DE.UTF-8")
        .args(["queue", "--account", "firma", "--to", "kein-at-zeichen"])
        .args(["--subject", "Rechnung", "--body", "x"])
        .assert()
        .code(2);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    // The settings file says Czech, which wins over the OS's German.
    assert!(err.contains("není platná e-mailová adresa"), "{err}");
    // JSON is for programs: English and stable whatever the language.
    let out = stempel(dir.path())
        .args(["explain", reply, "--json"])
        .assert()
        .success();
    let v: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(
        v["explanation"]["meaning"],
        "the recipient address does not exist"
    );
}

#[test]
fn an_account_can_log_in_with_an_oauth_token() {
    let dir = tempfile::tempdir().unwrap();
    stempel(dir.path())
        .args(["account", "add", "m365", "--preset", "microsoft365"])
        .args([
            "--from",
            "Firma <faktury@firma.pl>",
            "--smtp-user",
            "faktury@firma.pl",
        ])
        .args([
            "--auth",
            "xoauth2",
            "--password-command",
            "oama access faktury@firma.pl",
        ])
        .assert()
        .success();
    let out = stempel(dir.path())
        .args(["account", "list", "--json"])
        .assert()
        .success();
    let v: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(v[0]["auth"], "xoauth2");
    assert_eq!(v[0]["smtp"]["host"], "smtp.office365.com");
    stempel(dir.path())
        .args([
            "account",
            "add",
            "x",
            "--from",
            "a@b.cz",
            "--smtp-host",
            "h",
        ])
        .args(["--auth", "kerberos"])
        .assert()
        .code(2);
}

#[test]
fn refusals_are_told_in_the_users_language() {
    let dir = tempfile::tempdir().unwrap();
    let out = stempel(dir.path())
        .env("LC_ALL", "pl_PL.UTF-8")
        .args(["show", "12345"])
        .assert()
        .code(2);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert_eq!(err.trim(), "stempel: nie ma maila o numerze 12345");
    let out = stempel(dir.path())
        .env("LC_ALL", "de_DE.UTF-8")
        .args([
            "queue",
            "--account",
            "nikt",
            "--to",
            "a@b.cz",
            "--subject",
            "x",
        ])
        .args(["--body", "x"])
        .assert()
        .code(2);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(err.contains("kein Konto namens „nikt“"), "{err}");
}

#[test]
fn invoices_ask_for_the_success_report_unless_told_not_to() {
    let dir = tempfile::tempdir().unwrap();
    add_account(dir.path());
    let plain = queue_ok(dir.path(), &[]);
    let without = queue_ok(dir.path(), &["--no-notify-delivery"]);
    let old_flag = queue_ok(dir.path(), &["--notify-delivery"]);
    let asked = |id: i64| show(dir.path(), &id.to_string())["notify_delivery"].clone();
    assert_eq!(asked(plain), true);
    assert_eq!(asked(without), false);
    assert_eq!(asked(old_flag), true);
}

#[test]
fn an_account_is_removed_unless_mails_of_it_wait() {
    let dir = tempfile::tempdir().unwrap();
    add_account(dir.path());
    queue_ok(dir.path(), &[]);
    let out = stempel(dir.path())
        .args(["account", "remove", "firma"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("still has 1 mail in the buffer"), "{said}");

    let empty = tempfile::tempdir().unwrap();
    add_account(empty.path());
    stempel(empty.path())
        .args(["account", "remove", "firma"])
        .assert()
        .success()
        .stderr(predicates::str::contains("Account \"firma\" removed."));
    let out = stempel(empty.path())
        .args(["account", "list", "--json"])
        .output()
        .unwrap();
    assert_eq!(
        serde_json::from_slice::<Value>(&out.stdout).unwrap(),
        serde_json::json!([])
    );
}

#[test]
fn a_send_for_the_sandbox_says_the_sandbox_needs_the_window() {
    let dir = tempfile::tempdir().unwrap();
    stempel(dir.path())
        .args([
            "account",
            "add",
            "sandbox",
            "--from",
            "you@sandbox.stempel.invalid",
        ])
        .args([
            "--smtp-host",
            "127.0.0.1",
            "--smtp-port",
            "9",
            "--smtp-security",
            "none",
        ])
        .assert()
        .success();
    queue(
        dir.path(),
        &[
            "--account",
            "sandbox",
            "--to",
            "klient@example.com",
            "--subject",
            "s",
            "--body",
            "b",
        ],
    );
    let out = stempel(dir.path()).arg("send").output().unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains(
            "1 mail is for the sandbox, which runs only while the Stempel window is open"
        ),
        "{said}"
    );
}

#[cfg(unix)]
#[test]
fn a_data_folder_readable_by_others_is_made_private_with_a_notice() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    add_account(dir.path());
    let db = dir.path().join("stempel.db");
    for (path, mode) in [(dir.path(), 0o755), (db.as_path(), 0o644)] {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    }
    let out = common::cli::stempel_as_found(dir.path())
        .args(["account", "list"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("it is now yours alone"), "{said}");
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!((mode(dir.path()), mode(&db)), (0o700, 0o600));
    // The accounts are all still there.
    assert!(String::from_utf8_lossy(&out.stdout).contains("firma"));
}

#[test]
fn sending_a_mail_that_does_not_exist_is_bad_input_and_a_pipe_gets_no_bar() {
    let dir = tempfile::tempdir().unwrap();
    add_account(dir.path());
    let out = stempel(dir.path()).args(["send", "999"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "stempel: no mail with id 999"
    );
    // stderr is a pipe here: the mail's line carries its place, not a drawn bar.
    let id = queue_ok(dir.path(), &[]);
    let out = stempel(dir.path())
        .args(["send", &id.to_string()])
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("1/1 mail"), "{said}");
    assert!(!said.contains('#'), "{said}");
}
