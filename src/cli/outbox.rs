//! The verbs over the outbox: `queue`, `send`, `list`, `show` and `check-bounces`.
//!
//! `queue` goes through `outbox::submit`, the one path into the store that the window uses too;
//! `send` and `check-bounces` run the window's own workers (the sender thread, one scan) with a
//! waker that does nothing, and report as they go on stderr. Standard output carries only what a
//! program reads: the new mail's id, the list, the mail, the delivery changes.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use anyhow::anyhow;

use super::print;
use super::{BadInput, QueueArgs, open_store};
use crate::config::Paths;
use crate::model::{Compose, MessageState};
use crate::outbox::{self, Destination};
use crate::store::ListFilter;
use crate::t;

/// `stempel queue`: builds the mail, stores it in the buffer and prints its id.
pub(super) fn queue(paths: &Paths, a: &QueueArgs) -> anyhow::Result<ExitCode> {
    let body = match (&a.body, &a.body_file) {
        (Some(b), _) => b.clone(),
        (None, Some(f)) => std::fs::read_to_string(f).map_err(|e| {
            let path = f.display().to_string();
            BadInput(t!("cli-body-file", path = path, reason = e.to_string()))
        })?,
        (None, None) => return Err(BadInput(t!("cli-no-body")).into()),
    };
    let compose = Compose {
        to: a.to.clone(),
        cc: a.cc.clone(),
        bcc: a.bcc.clone(),
        reply_to: a.reply_to.clone(),
        subject: a.subject.clone(),
        body_text: body,
        body_html: None,
        notify_delivery: !a.no_notify_delivery,
        read_receipt: a.read_receipt,
        invoice_number: a.invoice_number.clone(),
    };
    let mut store = open_store(paths)?;
    let id = outbox::submit_edit(
        &mut store,
        &outbox::Edit {
            account: &a.account,
            compose: &compose,
            kept: &[],
            files: &a.attach,
            destination: Destination::Queue,
            replaces: None,
            resend: a.resend,
        },
    )?;
    println!("{id}");
    Ok(ExitCode::SUCCESS)
}

/// `stempel list`: the mails in `state` (all when `None`) matching `search`, a line each or JSON
/// without the transcripts.
pub(super) fn list(
    paths: &Paths,
    state: Option<&str>,
    search: Option<String>,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let store = open_store(paths)?;
    let filter = ListFilter {
        state: state.and_then(MessageState::parse),
        search,
        limit: None,
    };
    let mails = store.list(&filter)?;
    let mut out = std::io::stdout().lock();
    if json {
        let mut values = Vec::with_capacity(mails.len());
        for m in &mails {
            let mut v = serde_json::to_value(m)?;
            strip_transcripts(&mut v);
            values.push(v);
        }
        writeln!(out, "{}", serde_json::Value::Array(values))?;
    } else {
        for m in &mails {
            writeln!(out, "{}", print::visible(&print::list_line(m)))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `stempel show`: one mail with its attempts (transcripts included), reports and the proof
/// stages it has reached (`proof` in JSON).
pub(super) fn show(paths: &Paths, id: i64, json: bool) -> anyhow::Result<ExitCode> {
    let store = open_store(paths)?;
    let m = store.message(id)?;
    let mut out = std::io::stdout().lock();
    if json {
        let mut v = serde_json::to_value(&m)?;
        if let Some(fields) = v.as_object_mut() {
            fields.insert(
                "proof".into(),
                serde_json::to_value(crate::proof::proof(&m))?,
            );
        }
        writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
    } else {
        write!(out, "{}", print::visible(&print::show_text(&m)))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// A listing's JSON leaves out the conversations; `show` has them.
fn strip_transcripts(v: &mut serde_json::Value) {
    if let Some(attempts) = v.get_mut("attempts").and_then(|a| a.as_array_mut()) {
        for a in attempts {
            if let Some(obj) = a.as_object_mut() {
                obj.remove("transcript");
            }
        }
    }
}

/// The sandbox server runs inside the window: mails waiting for the sandbox account cannot be
/// sent from the command line, which is said before they are tried (they stay for the window).
fn warn_of_the_sandbox(paths: &Paths) -> anyhow::Result<()> {
    let store = open_store(paths)?;
    let waiting = store.list_ids(&crate::store::ListQuery {
        states: vec![crate::model::MessageState::Queued],
        ..crate::store::ListQuery::default()
    })?;
    let for_sandbox = store
        .rows(&waiting)?
        .iter()
        .filter(|r| r.account == crate::sandbox::ACCOUNT)
        .count();
    if for_sandbox > 0 {
        eprintln!("{}", t!("cli-sandbox-needs-window", count = for_sandbox));
    }
    Ok(())
}

/// `stempel send`: one batch of the sender thread, the due mails or the named `ids`. Exit
/// status 1 when any mail was not sent.
pub(super) fn send(
    paths: &Paths,
    all: bool,
    retries: bool,
    ids: Vec<i64>,
) -> anyhow::Result<ExitCode> {
    use crate::model::Outcome;
    use crate::worker::sender::{self, Event};
    super::create_private(paths)?;
    warn_of_the_sandbox(paths)?;
    let only = if retries {
        Some(open_store(paths)?.retries(jiff::Timestamp::now())?.due)
    } else if all || ids.is_empty() {
        None
    } else {
        // A mail named that does not exist is the user's mistake, said as such (exit 2).
        let store = open_store(paths)?;
        for &id in &ids {
            store.message(id)?;
        }
        Some(ids)
    };
    let handle = sender::spawn(
        paths.database(),
        sender::Options::default(),
        crate::worker::no_waker(),
    )?;
    if !handle.send_due(only) {
        return Err(anyhow!("the sender stopped before it began"));
    }
    let tty = std::io::stderr().is_terminal();
    let mut not_sent = 0;
    let mut problem = None;
    loop {
        let Ok(event) = handle.events.recv() else {
            return Err(anyhow!("the sender stopped unexpectedly"));
        };
        match event {
            Event::BatchStarted { total } => {
                if total == 0 {
                    eprintln!("{}", t!("cli-nothing-to-send"));
                }
            }
            Event::MailDone(r) => {
                if r.outcome != Outcome::Sent {
                    not_sent += 1;
                }
                let what = print::mail_done(&r);
                if tty {
                    let bar = print::progress_bar(r.index, r.total);
                    eprint!("\r\x1b[2K{bar} {what}\n");
                } else {
                    // A log or a pipe gets plain lines, no bar drawn with characters.
                    eprintln!("{}/{} {what}", r.index, r.total);
                }
            }
            Event::Problem(p) => problem = Some(p),
            Event::BatchFinished(s) => {
                eprintln!(
                    "{}",
                    t!(
                        "cli-send-summary",
                        sent = s.sent,
                        deferred = s.deferred,
                        failed = s.failed,
                        uncertain = s.uncertain
                    )
                );
                break;
            }
        }
    }
    drop(handle);
    stamp_after_send(paths);
    if let Some(p) = problem {
        return Err(anyhow!(p));
    }
    Ok(if not_sent > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// After a batch: keeps each new receipt as it stood and asks the authority (when one is set)
/// for its stamp. A stamp that cannot be had now is tried again by the next run; it never
/// changes the exit status of a send.
fn stamp_after_send(paths: &Paths) {
    use crate::worker::stamper;
    let round = crate::config::Settings::load(&paths.settings())
        .map_err(|e| e.to_string())
        .and_then(|settings| stamper::authority(settings.tsa().as_ref()).map_err(|e| e.to_string()))
        .and_then(|tsa| {
            let mut store = open_store(paths).map_err(|e| e.to_string())?;
            stamper::stamp_due(&mut store, tsa.as_ref(), jiff::Timestamp::now(), &|| true)
                .map_err(|e| e.to_string())
        });
    match round {
        Ok(s) if s.stamped > 0 || s.failed > 0 => {
            eprintln!(
                "{}",
                t!("cli-stamp-summary", stamped = s.stamped, failed = s.failed)
            );
            if let Some(reason) = s.last_error {
                eprintln!("{}", t!("cli-stamp-problem", reason = reason));
            }
        }
        Ok(_) => {}
        Err(reason) => eprintln!("{}", t!("cli-stamp-problem", reason = reason)),
    }
}

/// `stempel check-bounces`: one scan of the account's (or every account's) mailbox; a line per
/// delivery change on stdout, a summary per account on stderr. Exit status 1 when an account
/// could not be scanned.
pub(super) fn check_bounces(paths: &Paths, account: Option<&str>) -> anyhow::Result<ExitCode> {
    use crate::worker::scanner;
    let mut store = open_store(paths)?;
    if let Some(name) = account {
        let a = store.account(name)?;
        if a.imap.is_none() {
            return Err(BadInput(t!("cli-no-imap-settings", account = name)).into());
        }
    }
    let rt = scanner::runtime()?;
    let (summaries, errors) =
        scanner::scan_all(&rt, &mut store, account, &scanner::Options::default(), None)?;
    let mut out = std::io::stdout().lock();
    for s in &summaries {
        eprintln!(
            "{}",
            t!(
                "cli-scan-summary",
                account = s.account.clone(),
                folders = s.folders,
                fetched = s.fetched,
                reports = s.reports,
                changes = s.changes.len()
            )
        );
        for c in &s.changes {
            writeln!(out, "{}", print::visible(&print::change_line(c)))?;
        }
    }
    if summaries.is_empty() && errors.is_empty() {
        eprintln!("{}", t!("cli-no-imap"));
    }
    for (name, e) in &errors {
        eprintln!("stempel: {name}: {e}");
    }
    Ok(if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
