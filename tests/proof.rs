//! Proof that stands up, without the mail servers: a mail sent to the scripted peer, its
//! receipt kept and time-stamped by a real local authority (`openssl ts -reply`), a success
//! report recorded, then the evidence file checked the way anyone would: `sha256sum -c`,
//! `openssl ts -verify`, and `stempel verify` (which must name each file a byte was changed in).
//! The end-to-end suite does the same against Postfix and Dovecot.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failure should panic

mod common;
mod faults;
mod peer;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use jiff::{SignedDuration, Timestamp};

use common::evidence::{check_with_standard_tools, entries, tampered, unzip, zip_of};
use common::tsa::{Mode, TestTsa};
use peer::{Act, Script};
use stempel::model::{Compose, MessageState};
use stempel::outbox::{self, Destination};
use stempel::store::Store;
use stempel::tsa::Tsa;
use stempel::worker::{evidence, scanner, stamper};

const TO: &str = "klient@example.com";

/// One mail with a PDF attachment through the peer; the data folder, the database, the id.
fn sent_mail(script: Script) -> (tempfile::TempDir, PathBuf, i64, peer::Peer) {
    let peer = peer::Peer::start(script);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("stempel.db");
    let mut store = Store::open(&db).unwrap();
    let mut account = common::account("peer", "Firma <faktury@firma.pl>", "localhost", peer.port);
    account.smtp.user = "faktury@firma.pl".into();
    account.password_command = Some(format!("printf '{}'", faults::PASSWORD));
    account.ca_file = Some(peer.ca_path());
    store.add_account(&account).unwrap();
    let pdf = dir.path().join("Faktura FV 7-2026 zażółć.pdf");
    std::fs::write(&pdf, b"%PDF-1.4\n% an invoice\n").unwrap();
    let compose = Compose {
        to: vec![TO.into()],
        subject: "Faktura FV/7/2026".into(),
        body_text: "Dzień dobry,\nfaktura w załączeniu.".into(),
        notify_delivery: true,
        ..Compose::default()
    };
    let id = outbox::submit(&mut store, "peer", &compose, &[pdf], Destination::Queue).unwrap();
    faults::send_batch(
        db.clone(),
        Duration::from_secs(5),
        Some("client.test".into()),
        Duration::from_secs(20),
    );
    (dir, db, id, peer)
}

/// Postfix's own success report (from `tests/data/postfix-dsn`), about mail `id`.
fn success_dsn(store: &Store, id: i64) -> Vec<u8> {
    let m = store.message(id).unwrap();
    let raw = std::fs::read_to_string("tests/data/postfix-dsn/c_success_dsn_delivered.eml")
        .unwrap()
        .replace("INV-2026-0042-c", &m.envelope_id)
        .replace("client@mi.test", TO);
    raw.into_bytes()
}

fn record(store: &mut Store, raw: &[u8]) {
    let report = stempel::bounce::parse(raw);
    let changes = scanner::record_report(
        store,
        &report,
        raw,
        Timestamp::now(),
        SignedDuration::from_hours(24 * 7),
    )
    .unwrap();
    assert!(!changes.is_empty(), "the report is tied to the mail");
}

fn verify(dir: &Path, zip: &[u8], ca: &Path) -> std::process::Output {
    let path = dir.join("check.zip");
    std::fs::write(&path, zip).unwrap();
    common::cli::stempel(dir)
        .arg("verify")
        .arg(&path)
        .arg("--ca-file")
        .arg(ca)
        .output()
        .unwrap()
}

/// A byte changed in the mail, the attachment, the report or the receipt at send time makes
/// `stempel verify` fail naming that file.
fn every_changed_byte_is_named(dir: &Path, zip: &[u8], sums: &str, ca_file: &Path) {
    // One changed byte anywhere is found and named.
    let report = sums
        .lines()
        .find_map(|l| {
            l.split_once("  ")
                .map(|(_, f)| f)
                .filter(|f| f.starts_with("reports/"))
        })
        .unwrap()
        .to_owned();
    for file in [
        "message.eml",
        "attachments/1-Faktura FV 7-2026 zażółć.pdf",
        report.as_str(),
        "receipt-at-send.json",
    ] {
        let bad = verify(dir, &tampered(zip, file), ca_file);
        let text = String::from_utf8_lossy(&bad.stdout);
        assert_eq!(bad.status.code(), Some(1), "{file}: {text}");
        assert!(
            text.lines().any(|l| l.starts_with('✖') && l.contains(file)),
            "{file} is named: {text}"
        );
    }
}

#[test]
fn the_evidence_file_holds_for_sha256sum_openssl_and_stempel_verify() {
    let tsa = TestTsa::start();
    let (dir, db, id, _peer) = sent_mail(Script::default());
    let mut store = Store::open(&db).unwrap();
    assert_eq!(store.message(id).unwrap().state, MessageState::Sent);

    // Right after sending: the receipt is kept and stamped, once.
    let authority = Tsa::new(&tsa.url, Some(&tsa.ca_file), Duration::from_secs(20)).unwrap();
    let round =
        stamper::stamp_due(&mut store, Some(&authority), Timestamp::now(), &|| true).unwrap();
    assert_eq!((round.kept, round.stamped, round.failed), (1, 1, 0));
    let kept = store.kept_stamp(id).unwrap();
    let again =
        stamper::stamp_due(&mut store, Some(&authority), Timestamp::now(), &|| true).unwrap();
    assert_eq!(
        again,
        stamper::StampSummary::default(),
        "nothing is stamped twice"
    );
    assert_eq!(
        store.kept_stamp(id).unwrap(),
        kept,
        "the kept receipt never changes"
    );

    // Stage 2 arrives: Postfix's success report.
    let dsn = success_dsn(&store, id);
    record(&mut store, &dsn);
    let m = store.message(id).unwrap();
    let proof = stempel::proof::proof(&m);
    assert_eq!(proof.stage(), 2);

    let written = evidence::evidence_zip(&store, id, Some(&authority)).unwrap();
    assert_eq!(written.stamp_problem, None);
    let zip = written.zip;
    // For looking at what is rendered: `STEMPEL_TEST_KEEP=/tmp/proof.zip cargo test --test proof`.
    if let Some(keep) = std::env::var_os("STEMPEL_TEST_KEEP") {
        std::fs::write(keep, &zip).unwrap();
    }
    let out = dir.path().join("unpacked");
    unzip(&zip, &out);
    let sums = std::fs::read_to_string(out.join("SHA256SUMS")).unwrap();
    for file in [
        "message.eml",
        "receipt.json",
        "receipt-at-send.json",
        "receipt-at-send.json.tsr",
        "proof.pdf",
        "attachments/1-Faktura FV 7-2026 zażółć.pdf",
    ] {
        assert!(
            sums.contains(&format!("  {file}\n")),
            "{file} in SHA256SUMS:\n{sums}"
        );
    }
    assert!(sums.contains("  reports/"), "the report is in the evidence");
    // The exact bytes sent, with the stored SHA-256.
    let eml = std::fs::read(out.join("message.eml")).unwrap();
    assert_eq!(stempel::mail::sha256_hex(&eml), m.sha256.clone().unwrap());
    check_with_standard_tools(&out, &tsa.ca_file);
    let pdf = std::fs::read(out.join("proof.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(
        pdf.windows(9).any(|w| w == b"FontFile2"),
        "the fonts are embedded"
    );
    let receipt: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("receipt.json")).unwrap()).unwrap();
    assert_eq!(receipt["format"], "stempel-receipt/1");
    assert_eq!(receipt["proof"]["accepted"][0]["state"], "delivered");
    assert_eq!(receipt["attempts"][0]["queue_id"], "4Fq2Zk3Y5Vz9");

    let ok = verify(dir.path(), &zip, &tsa.ca_file);
    let text = String::from_utf8_lossy(&ok.stdout);
    assert_eq!(ok.status.code(), Some(0), "{text}");
    assert!(text.contains("Everything holds."), "{text}");

    every_changed_byte_is_named(dir.path(), &zip, &sums, &tsa.ca_file);
    // Without the authority's CA the stamps do not hold: nothing is trusted by default.
    let untrusted = common::cli::stempel(dir.path())
        .arg("verify")
        .arg(dir.path().join("check.zip"))
        .output()
        .unwrap();
    assert_eq!(untrusted.status.code(), Some(1));
    // Not an evidence file at all.
    std::fs::write(dir.path().join("x.zip"), b"%PDF-1.4").unwrap();
    let not = common::cli::stempel(dir.path())
        .arg("verify")
        .arg(dir.path().join("x.zip"))
        .output()
        .unwrap();
    assert_eq!(not.status.code(), Some(2));
}

#[test]
fn a_faulty_authority_leaves_the_mail_alone_and_a_later_round_stamps_it() {
    let tsa = TestTsa::start();
    let (_dir, db, id, _peer) = sent_mail(Script::default());
    let mut store = Store::open(&db).unwrap();
    let authority = Tsa::new(&tsa.url, Some(&tsa.ca_file), Duration::from_secs(3)).unwrap();
    let before = store.message(id).unwrap();
    let mut now = Timestamp::now();
    for mode in [
        Mode::Unavailable,
        Mode::Garbage,
        Mode::WrongImprint,
        Mode::WrongNonce,
        Mode::Untrusted,
        Mode::Slow,
    ] {
        tsa.set_mode(mode);
        let round = stamper::stamp_due(&mut store, Some(&authority), now, &|| true).unwrap();
        assert_eq!((round.stamped, round.failed), (0, 1), "{mode:?}");
        let status = store.stamp_status(id).unwrap().unwrap();
        assert!(status.receipt_kept);
        assert!(status.stamped_at.is_none());
        assert!(status.last_error.is_some(), "{mode:?}: the reason is kept");
        assert!(
            status.next_try_at.unwrap() > now,
            "{mode:?}: tried again later"
        );
        // Not due again before its time.
        let early = stamper::stamp_due(&mut store, Some(&authority), now, &|| true).unwrap();
        assert_eq!(early.failed, 0);
        let mut after = store.message(id).unwrap();
        after.stamp = before.stamp.clone();
        assert_eq!(after, before, "{mode:?}: the mail is untouched");
        now = status.next_try_at.unwrap();
    }
    tsa.set_mode(Mode::Good);
    let round = stamper::stamp_due(&mut store, Some(&authority), now, &|| true).unwrap();
    assert_eq!(round.stamped, 1);
    let status = store.stamp_status(id).unwrap().unwrap();
    assert!(status.stamped_at.is_some() && status.last_error.is_none());
}

#[test]
fn an_uncertain_mail_is_settled_by_its_delivery_report() {
    let script = Script {
        data_end: Act::Drop,
        ..Script::default()
    };
    let (_dir, db, id, _peer) = sent_mail(script);
    let mut store = Store::open(&db).unwrap();
    assert_eq!(store.message(id).unwrap().state, MessageState::Uncertain);
    let dsn = success_dsn(&store, id);
    record(&mut store, &dsn);
    let m = store.message(id).unwrap();
    assert_eq!(m.state, MessageState::Sent);
    let settled_by = m.settled_by.expect("the settling report is named");
    let event = m.events.iter().find(|e| e.id == settled_by).unwrap();
    assert_eq!(event.kind, "dsn");
    assert_eq!(event.matched_by, "envid");
    // A settled mail's receipt is kept and stamped like any sent one.
    assert_eq!(
        store.stamps_due(Timestamp::now(), false, 10).unwrap(),
        vec![id]
    );
}

#[test]
fn a_consistent_rewrite_is_caught_by_the_stamp_and_a_missing_stamp_is_said() {
    let tsa = TestTsa::start();
    let (dir, db, id, _peer) = sent_mail(Script::default());
    let mut store = Store::open(&db).unwrap();
    let authority = Tsa::new(&tsa.url, Some(&tsa.ca_file), Duration::from_secs(20)).unwrap();
    stamper::stamp_due(&mut store, Some(&authority), Timestamp::now(), &|| true).unwrap();
    let zip = evidence::evidence_zip(&store, id, Some(&authority))
        .unwrap()
        .zip;
    let files = entries(&zip);

    // The mail changed and SHA256SUMS rewritten to match: the stamp over SHA256SUMS fails.
    let mut forged = files.clone();
    for (name, bytes) in &mut forged {
        if name == "message.eml" {
            bytes.extend_from_slice(b"\r\nP.S. forged\r\n");
        }
    }
    let sums: String = forged
        .iter()
        .filter(|(n, _)| !n.starts_with("SHA256SUMS"))
        .map(|(n, b)| format!("{}  {n}\n", stempel::proof::sha256_hex(b)))
        .collect::<Vec<_>>()
        .concat();
    for (name, bytes) in &mut forged {
        if name == "SHA256SUMS" {
            *bytes = sums.clone().into_bytes();
        }
    }
    let out = verify(dir.path(), &zip_of(&forged), &tsa.ca_file);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.lines()
            .any(|l| l.starts_with('✖') && l.contains("SHA256SUMS.tsr")),
        "{text}"
    );

    // Without its stamps the file still checks, with a warning that nothing dates it.
    let unstamped: Vec<_> = files
        .iter()
        .filter(|(n, _)| !n.starts_with("receipt-at-send") && n != "SHA256SUMS.tsr")
        .cloned()
        .map(|(n, b)| {
            if n == "SHA256SUMS" {
                let kept: String = String::from_utf8(b)
                    .unwrap()
                    .lines()
                    .filter(|l| !l.contains("receipt-at-send"))
                    .map(|l| format!("{l}\n"))
                    .collect::<Vec<_>>()
                    .concat();
                (n, kept.into_bytes())
            } else {
                (n, b)
            }
        })
        .collect();
    let out = verify(dir.path(), &zip_of(&unstamped), &tsa.ca_file);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.lines()
            .any(|l| l.starts_with('⚠') && l.contains("SHA256SUMS.tsr")),
        "{text}"
    );
    assert!(
        text.contains("Nothing shows when this file was made"),
        "{text}"
    );

    // A name twice: readers disagree on which copy counts, so it is no evidence file.
    // The writer refuses a name twice; a hand-made ZIP does not: the last entry is renamed in
    // its headers below.
    let mut doubled = files.clone();
    doubled.push(("message.emX".into(), b"another mail".to_vec()));
    let mut raw = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in &doubled {
        raw.start_file(
            name,
            zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Stored),
        )
        .unwrap();
        raw.write_all(bytes).unwrap();
    }
    let mut bytes = raw.finish().unwrap().into_inner();
    // Rename the last entry to a name already there, in its local and central headers.
    let from = b"message.emX";
    let mut at = 0;
    while let Some(pos) = bytes[at..].windows(from.len()).position(|w| w == from) {
        bytes[at + pos + from.len() - 1] = b'l';
        at += pos + from.len();
    }
    let out = verify(dir.path(), &bytes, &tsa.ca_file);
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
