//! The systemd user timer of `packaging/linux/` (sending while the window is closed): its
//! service runs commands this binary has, and they send what is due.
#![allow(clippy::unwrap_used)] // test helpers outside #[test] fns: a failure should panic

mod common;

use std::path::Path;

use common::cli::{queue, show, stempel};

const SERVICE: &str = include_str!("../packaging/linux/stempel-send.service");
const TIMER: &str = include_str!("../packaging/linux/stempel-send.timer");
const INSTALLED: &str = "/usr/bin/stempel";

/// The service's `ExecStart=` lines: (failure ignored, arguments after the binary).
fn exec_lines() -> Vec<(bool, Vec<String>)> {
    SERVICE
        .lines()
        .filter_map(|l| l.strip_prefix("ExecStart="))
        .map(|command| {
            let (ignored, command) = match command.strip_prefix('-') {
                Some(rest) => (true, rest),
                None => (false, command),
            };
            let mut words = command.split_whitespace();
            assert_eq!(words.next(), Some(INSTALLED), "{command}");
            (ignored, words.map(str::to_owned).collect())
        })
        .collect()
}

/// An account whose server does not answer: a send is tried and deferred.
fn account_without_server(dir: &Path) -> u16 {
    let port = std::net::TcpListener::bind(("127.0.0.1", 0))
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    stempel(dir)
        .args(["account", "add", "firma", "--from", "faktury@firma.pl"])
        .args(["--smtp-host", "127.0.0.1", "--smtp-port", &port.to_string()])
        .args([
            "--smtp-security",
            "none",
            "--password-command",
            "echo secret",
        ])
        .assert()
        .success();
    port
}

/// Queues an invoice for `firma`; returns its id.
fn invoice(dir: &Path, subject: &str) -> String {
    queue(
        dir,
        &[
            "--account",
            "firma",
            "--to",
            "klient@example.com",
            "--subject",
            subject,
            "--body",
            "W załączeniu faktura.",
        ],
    )
}

#[test]
fn the_service_sends_the_due_retries_and_leaves_untried_mails_waiting() {
    let lines = exec_lines();
    assert!(lines.iter().any(|(_, args)| args == &["send", "--retries"]));
    assert!(lines.iter().any(|(_, args)| args == &["check-bounces"]));
    let dir = tempfile::tempdir().unwrap();
    account_without_server(dir.path());
    let tried = invoice(dir.path(), "Faktura FV/2026/11/002");
    // The user sends it; nobody answers, so it is deferred. Then its retry comes due.
    stempel(dir.path()).args(["send", &tried]).output().unwrap();
    rusqlite::Connection::open(dir.path().join("stempel.db"))
        .unwrap()
        .execute(
            "UPDATE messages SET next_attempt_at = 0 WHERE id = ?1",
            [tried.parse::<i64>().unwrap()],
        )
        .unwrap();
    let untried = invoice(dir.path(), "Faktura FV/2026/11/003");
    for (_, args) in &lines {
        let out = stempel(dir.path()).args(args).output().unwrap();
        // Not sent yet is exit status 1 (which the unit ignores); anything else is a fault.
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let attempts = |id: &str| show(dir.path(), id)["attempts"].as_array().map(Vec::len);
    assert_eq!(attempts(&tried), Some(2), "the retry was tried again");
    assert_eq!(
        attempts(&untried),
        Some(0),
        "a mail never sent waits for Send"
    );
}

#[test]
fn the_timer_starts_the_service_and_systemd_reads_both() {
    assert!(TIMER.contains("[Timer]") && TIMER.contains("WantedBy=timers.target"));
    let dir = tempfile::tempdir().unwrap();
    // The units as installed, pointing at this build's binary.
    let binary = assert_cmd::cargo::cargo_bin("stempel");
    for (name, text) in [
        ("stempel-send.service", SERVICE),
        ("stempel-send.timer", TIMER),
    ] {
        let text = text.replace(INSTALLED, &binary.display().to_string());
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let Ok(out) = std::process::Command::new("systemd-analyze")
        .arg("verify")
        .arg(dir.path().join("stempel-send.service"))
        .arg(dir.path().join("stempel-send.timer"))
        .output()
    else {
        eprintln!("systemd-analyze is not installed: the units' syntax is checked by .ci/package");
        return;
    };
    assert!(
        out.status.success() && out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
