//! Crash safety against the real Postfix: `stempel send` is killed (SIGKILL) at points during a
//! batch, then run again. Every mail ends sent with a receipt or uncertain, never lost, and
//! Postfix's log shows no mail delivered twice.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test: a failure should panic

mod common;

use std::collections::HashMap;
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::MailServer;
use common::cli::{list, queue, sender_password_command, server_account, show_printed, stempel};
use serde_json::Value;

const MAILS: usize = 30;

fn count(mails: &[Value], state: &str) -> usize {
    mails.iter().filter(|m| m["state"] == state).count()
}

/// Message-ID → queue ids that Postfix delivered to a mailbox.
fn deliveries(log: &str) -> HashMap<String, Vec<String>> {
    let mut mid_of = HashMap::new();
    let mut delivered = Vec::new();
    for line in log.lines() {
        let Some((head, rest)) = line.split_once("]: ") else {
            continue;
        };
        let _ = head;
        let Some((qid, what)) = rest.split_once(": ") else {
            continue;
        };
        if let Some(mid) = what.strip_prefix("message-id=") {
            mid_of.insert(qid.to_owned(), mid.trim().to_owned());
        } else if what.starts_with("to=<") && what.contains("status=sent") {
            delivered.push(qid.to_owned());
        }
    }
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    for qid in delivered {
        if let Some(mid) = mid_of.get(&qid) {
            out.entry(mid.clone()).or_default().push(qid);
        }
    }
    out
}

#[test]
#[ignore = "needs the mail servers: run .ci/e2e"]
fn killing_the_sender_never_loses_or_doubles_a_mail() {
    let server = MailServer::from_env();
    let dir = tempfile::tempdir().unwrap();
    stempel(dir.path())
        .args(server_account(
            &server,
            "crash",
            "STEMPEL_MS_SUBMISSION_PORT",
            "starttls",
        ))
        .args(sender_password_command(&server))
        .assert()
        .success();
    let body = "Pozycja faktury 0123456789 abcdefghij klmnopqrst\n".repeat(2_000);
    for i in 0..MAILS {
        let subject = format!("Crash test {i}");
        queue(
            dir.path(),
            &[
                "--account",
                "crash",
                "--to",
                server.var("STEMPEL_MS_CUSTOMER"),
                "--subject",
                &subject,
                "--body",
                &body,
            ],
        );
    }

    let bin = assert_cmd::cargo::cargo_bin("stempel");
    let mut interrupted_mid_batch = 0;
    for delay_ms in [5, 20, 40, 70, 110, 160, 230, 320, 450] {
        let mut child = std::process::Command::new(&bin)
            .args(["send", "--all"])
            .env("STEMPEL_DATA_DIR", dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let mails = list(dir.path());
        let done = count(&mails, "sent") + count(&mails, "uncertain");
        if done > 0 && done < MAILS {
            interrupted_mid_batch += 1;
        }
        for m in &mails {
            let state = m["state"].as_str().unwrap();
            assert!(
                ["queued", "sending", "sent", "uncertain"].contains(&state),
                "after a kill: {state}"
            );
        }
    }
    assert!(
        interrupted_mid_batch >= 2,
        "the kills never landed inside a batch"
    );

    // A last run finishes the rest (and resolves what the kills left in "sending").
    let _ = stempel(dir.path())
        .args(["send", "--all"])
        .output()
        .unwrap();
    let mails = list(dir.path());
    assert_eq!(mails.len(), MAILS, "no mail lost");
    assert_eq!(count(&mails, "sent") + count(&mails, "uncertain"), MAILS);

    // Wait until Postfix has delivered every mail it took.
    let deadline = Instant::now() + Duration::from_secs(30);
    let sent: Vec<&Value> = mails.iter().filter(|m| m["state"] == "sent").collect();
    let mut delivered = deliveries(&server.postfix_log());
    while sent
        .iter()
        .any(|m| !delivered.contains_key(m["message_id"].as_str().unwrap()))
    {
        assert!(
            Instant::now() < deadline,
            "Postfix did not deliver every sent mail"
        );
        std::thread::sleep(Duration::from_millis(200));
        delivered = deliveries(&server.postfix_log());
    }
    for m in &mails {
        let mid = m["message_id"].as_str().unwrap();
        let got = delivered.get(mid).map_or(0, Vec::len);
        match m["state"].as_str().unwrap() {
            "sent" => {
                assert_eq!(got, 1, "{mid} delivered {got} times");
                let receipt = m["attempts"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|a| a["outcome"] == "sent")
                    .unwrap();
                assert_eq!(
                    receipt["queue_id"].as_str(),
                    Some(delivered[mid][0].as_str())
                );
                // Postfix offers CHUNKING: the kills landed around `BDAT … LAST`.
                let shown = show_printed(dir.path(), &m["id"].to_string());
                assert!(
                    shown.contains("\"BDAT ") && !shown.contains("\"DATA\""),
                    "{mid} went without BDAT"
                );
            }
            _ => assert!(got <= 1, "uncertain {mid} delivered {got} times"),
        }
    }
    eprintln!(
        "{} sent, {} uncertain, {interrupted_mid_batch} kills inside a batch",
        count(&mails, "sent"),
        count(&mails, "uncertain")
    );
}
