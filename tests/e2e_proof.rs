//! Proof against the real Postfix and Dovecot of `tests/mailserver/start.sh` and a local
//! time-stamping authority (`openssl ts -reply` on loopback): an invoice sent with a success
//! report, the report scanned in (stage 2), the evidence file written by `stempel proof` and
//! checked with `sha256sum -c`, `openssl ts -verify` and `stempel verify`; `proof.pdf` read
//! back with `pdftotext` in all four languages.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test

mod common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use common::MailServer;
use common::cli::{self, add_reporting_account, show, stempel};
use common::evidence::{check_with_standard_tools, tampered, unzip};
use common::tsa::TestTsa;

#[test]
#[ignore = "needs the mail servers: run .ci/e2e"]
fn a_delivered_invoice_has_an_evidence_file_that_holds() {
    let server = MailServer::from_env();
    let tsa = TestTsa::start();
    let dir = tempfile::tempdir().unwrap();
    let customer = server.var("STEMPEL_MS_CUSTOMER");
    add_reporting_account(dir.path(), &server, "proof");
    let invoice = dir.path().join("Faktura FV-7-2026.pdf");
    std::fs::write(&invoice, b"%PDF-1.4\n% faktura\n").unwrap();
    let id = cli::queue(
        dir.path(),
        &[
            "--account",
            "proof",
            "--to",
            customer,
            "--subject",
            "Faktura FV/7/2026",
            "--body",
            "Dzień dobry, faktura w załączeniu.",
            "--attach",
            invoice.to_str().unwrap(),
        ],
    );
    // The send stamps the receipt right after (the authority from the environment).
    stempel(dir.path())
        .args(["send", "--all"])
        .env("STEMPEL_TSA_URL", &tsa.url)
        .env("STEMPEL_TSA_CA_FILE", &tsa.ca_file)
        .assert()
        .success();
    let stamp = &show(dir.path(), &id)["stamp"];
    assert!(stamp["stamped_at"].is_string(), "stamped at send: {stamp}");

    // Stage 2: Postfix's success report, scanned from the sender's mailbox.
    let deadline = Instant::now() + Duration::from_secs(18);
    let proof = loop {
        stempel(dir.path())
            .args(["check-bounces", "--account", "proof"])
            .assert()
            .success();
        let v = show(dir.path(), &id);
        if v["proof"]["accepted"]
            .as_array()
            .is_some_and(|a| !a.is_empty())
        {
            break v["proof"].clone();
        }
        assert!(Instant::now() < deadline, "no stage 2: {}", v["proof"]);
        std::thread::sleep(Duration::from_millis(500));
    };
    let handover = &proof["accepted"][0];
    assert_eq!(handover["state"], "delivered");
    assert!(handover["at"].is_string(), "{handover}");
    assert!(handover["reporting_mta"].is_string(), "{handover}");
    let v = show(dir.path(), &id);
    let queue_id = v["queue_id"].as_str().unwrap().to_owned();
    let sha256 = v["sha256"].as_str().unwrap().to_owned();

    for lang in ["en", "pl", "cs", "de"] {
        let zip = dir.path().join(format!("proof-{lang}.zip"));
        let out = stempel(dir.path())
            .args(["proof", &id, "--out"])
            .arg(&zip)
            .env("LC_ALL", format!("{lang}.UTF-8"))
            .env("STEMPEL_TSA_URL", &tsa.url)
            .env("STEMPEL_TSA_CA_FILE", &tsa.ca_file)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        // For looking at the pages: `STEMPEL_TEST_KEEP=/tmp/dir .ci/e2e`.
        if let Some(keep) = std::env::var_os("STEMPEL_TEST_KEEP") {
            std::fs::copy(&zip, Path::new(&keep).join(format!("proof-{lang}.zip"))).unwrap();
        }
        let unpacked = dir.path().join(format!("proof-{lang}"));
        unzip(&std::fs::read(&zip).unwrap(), &unpacked);
        check_with_standard_tools(&unpacked, &tsa.ca_file);
        let verify = stempel(dir.path())
            .arg("verify")
            .arg(&zip)
            .arg("--ca-file")
            .arg(&tsa.ca_file)
            .output()
            .unwrap();
        assert_eq!(
            verify.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&verify.stdout)
        );
        // proof.pdf, as text: the queue id, the message's SHA-256 and the recipient.
        let text = Command::new("pdftotext")
            .args(["-layout", "proof.pdf", "-"])
            .current_dir(&unpacked)
            .output()
            .expect("pdftotext (poppler-utils; .ci/e2e installs it)");
        let text = String::from_utf8_lossy(&text.stdout);
        for needle in [queue_id.as_str(), sha256.as_str(), customer] {
            assert!(
                text.contains(needle),
                "{lang}: {needle} in proof.pdf:\n{text}"
            );
        }
        let title = match lang {
            "pl" => "Potwierdzenie wysłania",
            "cs" => "Potvrzení o odeslání",
            "de" => "Versandbestätigung",
            _ => "Confirmation of sending",
        };
        assert!(text.contains(title), "{lang}: title in proof.pdf:\n{text}");
    }

    // One changed byte in the mail is found and named.
    let bad = dir.path().join("tampered.zip");
    std::fs::write(
        &bad,
        tampered(
            &std::fs::read(dir.path().join("proof-en.zip")).unwrap(),
            "message.eml",
        ),
    )
    .unwrap();
    let out = stempel(dir.path())
        .arg("verify")
        .arg(&bad)
        .arg("--ca-file")
        .arg(&tsa.ca_file)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.lines()
            .any(|l| l.starts_with('✖') && l.contains("message.eml")),
        "{text}"
    );
}
