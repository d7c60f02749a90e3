//! The fault matrix's driver: one mail through the real sender thread to the scripted peer,
//! and the checks every case makes (state, explanation, no password in the transcript).
#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)] // test support

use std::time::Duration;

use crate::common;
use crate::peer::{Act, Peer, Script};
use stempel::model::{Compose, MessageState, Security};
use stempel::outbox::{self, Destination};
use stempel::smtp::client::Timeouts;
use stempel::store::Store;
use stempel::worker::sender::{self, Event, MailReport};

pub const PASSWORD: &str = "s3cret-Peer-pw";

pub struct Result {
    pub report: MailReport,
    pub message: stempel::model::Message,
    pub peer: Peer,
}

pub fn r(s: &str) -> Act {
    Act::Reply(s.to_owned())
}

pub fn run(script: Script) -> Result {
    run_with(script, Security::Starttls, true, &["klient@example.com"])
}

pub fn run_with(script: Script, security: Security, trust: bool, to: &[&str]) -> Result {
    run_full(
        script,
        security,
        trust,
        to,
        "Dzień dobry,\n.\n..kropki\nfaktura w załączeniu.",
    )
}

pub fn run_full(
    script: Script,
    security: Security,
    trust: bool,
    to: &[&str],
    body: &str,
) -> Result {
    let auth = if script.xoauth2.is_some() {
        stempel::model::AuthMethod::Xoauth2
    } else {
        stempel::model::AuthMethod::Password
    };
    let peer = Peer::start(script);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("stempel.db");
    let mut store = Store::open(&db).unwrap();
    let mut account = common::account("peer", "Firma <faktury@firma.pl>", "localhost", peer.port);
    account.smtp.security = security;
    account.smtp.user = "faktury@firma.pl".into();
    account.password_command = Some(format!("printf '{PASSWORD}'"));
    account.auth = auth;
    account.ca_file = trust.then(|| peer.ca_path());
    store.add_account(&account).unwrap();
    let compose = Compose {
        to: to.iter().map(|s| (*s).to_owned()).collect(),
        subject: "Faktura FV/1".into(),
        body_text: body.to_owned(),
        ..Compose::default()
    };
    let id = outbox::submit(&mut store, "peer", &compose, &[], Destination::Queue).unwrap();
    let reports = send_batch(
        db,
        Duration::from_millis(700),
        Some("client.test".into()),
        Duration::from_secs(20),
    );
    let message = store.message(id).unwrap();
    Result {
        report: reports.into_iter().last().expect("one mail reported"),
        message,
        peer,
    }
}

#[track_caller]
pub fn expect(case: &str, script: Script, state: MessageState, key: &str) {
    let res = run(script);
    check(case, &res, state, key);
}

#[track_caller]
pub fn check(case: &str, res: &Result, state: MessageState, key: &str) {
    assert_eq!(
        res.message.state, state,
        "{case}: state ({:?})",
        res.report.error
    );
    let got = res.report.explanation.as_ref().map_or("(none)", |e| e.key);
    assert_eq!(got, key, "{case}: explanation ({:?})", res.report.error);
    let attempt = res.message.attempts.last().expect("an attempt is recorded");
    assert!(
        attempt.explanation.is_some() || state == MessageState::Sent,
        "{case}"
    );
    for line in &attempt.transcript {
        assert!(
            !line.line.contains(PASSWORD),
            "{case}: password in transcript"
        );
    }
}

/// Runs one batch of the real sender thread on the database at `db`, every server timeout set
/// to `timeout`; returns the mails' reports. Each event must come within `wait`.
pub fn send_batch(
    db: std::path::PathBuf,
    timeout: Duration,
    helo_name: Option<String>,
    wait: Duration,
) -> Vec<MailReport> {
    let handle = sender::spawn(
        db,
        sender::Options {
            timeouts: Timeouts {
                connect: timeout,
                greeting: timeout,
                command: timeout,
                data_block: timeout,
                data_end: timeout,
            },
            helo_name,
            send_retries: false,
        },
        stempel::worker::no_waker(),
    )
    .unwrap();
    assert!(handle.send_due(None));
    let mut reports = Vec::new();
    loop {
        match handle.events.recv_timeout(wait).unwrap() {
            Event::MailDone(r) => reports.push(r),
            Event::BatchFinished(_) => break,
            Event::Problem(p) => panic!("problem: {p}"),
            Event::BatchStarted { .. } => {}
        }
    }
    reports
}
