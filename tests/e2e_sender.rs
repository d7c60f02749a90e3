//! Stempel's own sender against the real Postfix of `tests/mailserver/start.sh`, through the
//! real binary: account, password in the real keychain, queue, send, and the receipt.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers: a failure should panic

mod common;

use std::path::Path;

use base64::Engine as _;
use common::MailServer;
use common::cli::{self, server_account, show, show_printed, stempel_with_os_keychain};

/// Adds the account `name` over the port `port_var` with `security`, its password in the OS
/// keychain.
fn add_account(dir: &Path, server: &MailServer, name: &str, port_var: &str, security: &str) {
    stempel_with_os_keychain(dir)
        .args(server_account(server, name, port_var, security))
        .assert()
        .success();
    stempel_with_os_keychain(dir)
        .args(["account", "set-password", name])
        .write_stdin(server.var("STEMPEL_MS_SENDER_PASSWORD"))
        .assert()
        .success();
}

/// Queues an invoice whose body has a line with a lone dot (dot-stuffing); returns its id.
fn queue(dir: &Path, account: &str, to: &str, extra: &[&str]) -> String {
    let invoice = [
        "--account",
        account,
        "--to",
        to,
        "--subject",
        "Faktura FV/2026/11/007",
        "--body",
        "Dzień dobry,\n.\nfaktura w załączeniu.",
    ];
    cli::queue(dir, &[&invoice[..], extra].concat())
}

#[test]
#[ignore = "needs the mail servers and a keychain: run .ci/e2e"]
fn send_over_starttls_keeps_the_servers_receipt() {
    let server = MailServer::from_env();
    let dir = tempfile::tempdir().unwrap();
    add_account(
        dir.path(),
        &server,
        "firma",
        "STEMPEL_MS_SUBMISSION_PORT",
        "starttls",
    );
    stempel_with_os_keychain(dir.path())
        .args(["account", "test", "firma"])
        .assert()
        .success()
        .stdout(predicates::str::contains("235"));
    let id = queue(
        dir.path(),
        "firma",
        server.var("STEMPEL_MS_CUSTOMER"),
        &["--notify-delivery"],
    );
    stempel_with_os_keychain(dir.path())
        .args(["send", "--all"])
        .assert()
        .success();

    let text = show_printed(dir.path(), &id);
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["state"], "sent");
    let attempt = &v["attempts"][0];
    assert_eq!(attempt["reply_code"], 250);
    assert_eq!(attempt["outcome"], "sent");
    assert!(
        attempt["reply_text"]
            .as_str()
            .unwrap()
            .contains("queued as")
    );
    let queue_id = attempt["queue_id"].as_str().unwrap();
    assert_eq!(
        queue_id,
        server.postfix_queue_id_of(v["message_id"].as_str().unwrap())
    );
    let tls = attempt["tls_version"].as_str().unwrap();
    assert!(tls == "TLSv1.3" || tls == "TLSv1.2", "{tls}");
    let transcript = attempt["transcript"].as_array().unwrap();
    let first_server = transcript.iter().find(|l| l["dir"] == "S").unwrap();
    assert!(
        first_server["line"].as_str().unwrap().starts_with("220 "),
        "starts with the greeting"
    );
    assert!(transcript.iter().any(|l| l["line"] == "STARTTLS"));
    assert!(transcript.iter().any(|l| l["line"] == "AUTH PLAIN ****"));
    // Postfix offers CHUNKING: the mail went as one BDAT chunk, the receipt is its reply.
    assert_eq!(body_command(attempt), "BDAT");
    assert!(
        transcript
            .iter()
            .any(|l| l["line"].as_str().unwrap().starts_with("221"))
    );
    // No password, and not its AUTH PLAIN base64 either.
    let password = server.var("STEMPEL_MS_SENDER_PASSWORD");
    let b64 = base64::engine::general_purpose::STANDARD
        .encode(format!("\0{}\0{password}", server.var("STEMPEL_MS_SENDER")));
    assert!(!text.contains(password) && !text.contains(&b64));
    // The DSN request reached Postfix: it logs the success notification it sends back.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !server
        .postfix_log()
        .contains(&format!("{queue_id}: sender delivery status notification"))
    {
        assert!(
            std::time::Instant::now() < deadline,
            "no success DSN logged for {queue_id}"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    // The database holds no password either.
    let db = std::fs::read(dir.path().join("stempel.db")).unwrap();
    assert!(!db.windows(password.len()).any(|w| w == password.as_bytes()));
}

#[test]
#[ignore = "needs the mail servers and a keychain: run .ci/e2e"]
fn send_over_implicit_tls() {
    let attempt = send_one_through("STEMPEL_MS_SUBMISSIONS_PORT", "tls");
    assert!(
        !attempt["transcript"]
            .as_array()
            .unwrap()
            .iter()
            .any(|l| l["line"] == "STARTTLS")
    );
    assert_eq!(body_command(&attempt), "BDAT");
}

/// One mail to the customer through the submission port in `port_var`: it is sent, and its
/// receipt's queue id is the one Postfix logged. Returns the receipt.
fn send_one_through(port_var: &str, security: &str) -> serde_json::Value {
    let server = MailServer::from_env();
    let dir = tempfile::tempdir().unwrap();
    add_account(dir.path(), &server, "firma", port_var, security);
    let id = queue(dir.path(), "firma", server.var("STEMPEL_MS_CUSTOMER"), &[]);
    stempel_with_os_keychain(dir.path())
        .args(["send", &id])
        .assert()
        .success();
    let v = show(dir.path(), &id);
    assert_eq!(v["state"], "sent");
    let attempt = v["attempts"][0].clone();
    assert_eq!(
        attempt["queue_id"].as_str().unwrap(),
        server.postfix_queue_id_of(v["message_id"].as_str().unwrap())
    );
    attempt
}

/// Which command carried the body: `BDAT` (the whole mail as one `BDAT <size> LAST` chunk,
/// whose size is the message's) or `DATA`; never both.
fn body_command(attempt: &serde_json::Value) -> &'static str {
    let lines: Vec<&str> = attempt["transcript"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["dir"] == "C")
        .map(|l| l["line"].as_str().unwrap())
        .collect();
    let bdat = lines.iter().position(|l| l.starts_with("BDAT "));
    let data = lines.iter().position(|l| *l == "DATA");
    match (bdat, data) {
        (Some(at), None) => {
            let size = lines[at]
                .strip_prefix("BDAT ")
                .and_then(|l| l.strip_suffix(" LAST"))
                .unwrap();
            assert!(
                lines[at + 1].starts_with(&format!("[message: {size} bytes, sha256 ")),
                "{lines:?}"
            );
            "BDAT"
        }
        (None, Some(_)) => "DATA",
        _ => panic!("one body command: {lines:?}"),
    }
}

#[test]
#[ignore = "needs the mail servers and a keychain: run .ci/e2e"]
fn a_server_without_chunking_gets_data() {
    let attempt = send_one_through("STEMPEL_MS_SUBMISSION_DATA_PORT", "starttls");
    assert_eq!(body_command(&attempt), "DATA");
}

#[test]
#[ignore = "needs the mail servers and a keychain: run .ci/e2e"]
fn wrong_password_fails_with_an_explanation() {
    let server = MailServer::from_env();
    let dir = tempfile::tempdir().unwrap();
    add_account(
        dir.path(),
        &server,
        "bad",
        "STEMPEL_MS_SUBMISSION_PORT",
        "starttls",
    );
    stempel_with_os_keychain(dir.path())
        .args(["account", "set-password", "bad"])
        .write_stdin("not-the-password")
        .assert()
        .success();
    let id = queue(dir.path(), "bad", server.var("STEMPEL_MS_CUSTOMER"), &[]);
    stempel_with_os_keychain(dir.path())
        .args(["send"])
        .assert()
        .code(1);
    let v = show(dir.path(), &id);
    assert_eq!(v["state"], "failed");
    assert_eq!(v["attempts"][0]["reply_code"], 535);
    assert!(
        v["attempts"][0]["explanation"]
            .as_str()
            .unwrap()
            .contains("refused the password")
    );
}
