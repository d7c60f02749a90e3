//! The time-stamping client against a real authority: `openssl ts -reply` behind a small HTTP
//! server on loopback (`common::tsa`), correct and faulty. What Stempel accepts, `openssl ts
//! -verify` accepts; what it refuses, it refuses with the reason.
#![allow(clippy::unwrap_used)] // test code: a failure should panic

mod common;

use std::process::Command;
use std::time::Duration;

use common::tsa::{Mode, TestTsa};
use stempel::timestamp::StampError;
use stempel::tsa::{Tsa, TsaError};

/// What a faulty authority's error must look like.
type Expected = fn(&TsaError) -> bool;

fn client(tsa: &TestTsa, timeout: Duration) -> Tsa {
    Tsa::new(&tsa.url, Some(&tsa.ca_file), timeout).unwrap()
}

#[test]
fn a_good_stamp_is_checked_and_openssl_agrees() {
    let tsa = TestTsa::start();
    let data = b"receipt bytes\n";
    let token = client(&tsa, Duration::from_secs(20)).stamp(data).unwrap();
    assert!(
        token.stamp.authority.contains("good TSA"),
        "{:?}",
        token.stamp
    );
    let age = jiff::Timestamp::now().as_second() - token.stamp.time.as_second();
    assert!((-5..60).contains(&age), "stamp time {}", token.stamp.time);

    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("data"), data).unwrap();
    std::fs::write(dir.path().join("data.tsr"), &token.reply).unwrap();
    let verify = |data: &str| {
        Command::new("openssl")
            .args(["ts", "-verify", "-data", data, "-in", "data.tsr", "-CAfile"])
            .arg(&tsa.ca_file)
            .current_dir(dir.path())
            .output()
            .unwrap()
    };
    let out = verify("data");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::write(dir.path().join("other"), b"receipt bytes!\n").unwrap();
    assert!(!verify("other").status.success());

    // The stored reply checks again later, offline, without the nonce.
    let digest: [u8; 32] = sha2::Digest::finalize(sha2::Digest::chain_update(
        <sha2::Sha256 as sha2::Digest>::new(),
        data,
    ))
    .into();
    let anchors = stempel::tsa::trust_anchors(Some(&tsa.ca_file)).unwrap();
    stempel::timestamp::check(&token.reply, &digest, None, &anchors).unwrap();
    // Without the test CA, the signer chains to nothing the system trusts.
    let system = stempel::tsa::trust_anchors(None).unwrap();
    assert!(matches!(
        stempel::timestamp::check(&token.reply, &digest, None, &system),
        Err(StampError::Untrusted(_))
    ));
}

#[test]
fn every_faulty_authority_is_refused_with_its_reason() {
    let tsa = TestTsa::start();
    let c = client(&tsa, Duration::from_secs(3));
    let cases: [(Mode, Expected); 6] = [
        (Mode::Garbage, |e| {
            matches!(e, TsaError::Stamp(StampError::Malformed(_)))
        }),
        (Mode::WrongImprint, |e| {
            matches!(e, TsaError::Stamp(StampError::WrongImprint))
        }),
        (Mode::WrongNonce, |e| {
            matches!(e, TsaError::Stamp(StampError::WrongNonce))
        }),
        (Mode::Untrusted, |e| {
            matches!(e, TsaError::Stamp(StampError::Untrusted(_)))
        }),
        (Mode::Unavailable, |e| matches!(e, TsaError::Http(503))),
        (Mode::Slow, |e| matches!(e, TsaError::Timeout(3))),
    ];
    for (mode, expected) in cases {
        tsa.set_mode(mode);
        let err = c.stamp(b"data").unwrap_err();
        assert!(expected(&err), "{mode:?}: {err}");
    }
    tsa.set_mode(Mode::Good);
    c.stamp(b"data").unwrap();
}

#[test]
fn a_signer_from_another_ca_is_untrusted() {
    let tsa = TestTsa::start();
    let c = Tsa::new(
        &tsa.url,
        Some(&tsa.rogue_ca_file()),
        Duration::from_secs(20),
    )
    .unwrap();
    let err = c.stamp(b"data").unwrap_err();
    assert!(
        matches!(err, TsaError::Stamp(StampError::Untrusted(_))),
        "{err}"
    );
}

#[test]
fn a_changed_byte_in_the_signature_is_refused() {
    let tsa = TestTsa::start();
    let token = client(&tsa, Duration::from_secs(20))
        .stamp(b"data")
        .unwrap();
    let digest: [u8; 32] = sha2::Digest::finalize(sha2::Digest::chain_update(
        <sha2::Sha256 as sha2::Digest>::new(),
        b"data",
    ))
    .into();
    let anchors = stempel::tsa::trust_anchors(Some(&tsa.ca_file)).unwrap();
    // The signature is the reply's last field: its last byte belongs to it.
    let mut bad = token.reply.clone();
    let last = bad.len() - 1;
    bad[last] ^= 0x01;
    assert_eq!(
        stempel::timestamp::check(&bad, &digest, None, &anchors),
        Err(StampError::BadSignature)
    );
    // A changed byte in the signed content (the serial number's region) breaks the digest.
    assert!(stempel::timestamp::check(&token.reply, &[1; 32], None, &anchors).is_err());
}
