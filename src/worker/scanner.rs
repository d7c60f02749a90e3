//! The bounce scanner: reads an account's mailbox and turns delivery reports about mails
//! Stempel sent into delivery events per recipient.
//!
//! For each folder (INBOX, the account's configured folders, and folders named like Junk or
//! Spam) it remembers UIDVALIDITY and the last UID seen, so a scan reads only new mail; a
//! changed UIDVALIDITY starts the folder over (events are idempotent, nothing doubles). A first
//! scan looks back only to the oldest sent mail. The server narrows the candidates (SEARCH);
//! the parser decides. A report is tied to a mail by its envelope id (ENVID), else by the
//! original Message-ID, else by recipient and time ("probable"); reports about other mail are
//! ignored and not stored. Mail is never moved and no flag is changed.
//!
//! [`scan_account`] does one scan (the CLI's `check-bounces`); [`spawn`] runs scans on a named
//! thread, periodically and on request, with its own current-thread tokio runtime.

use std::path::PathBuf;
use std::sync::mpsc::RecvTimeoutError;
use std::time::Duration;

use jiff::{SignedDuration, Timestamp};

use crate::bounce::{self, Kind, Report};
use crate::imap::{self, ImapError};
use crate::model::{Account, DeliveryState};
use crate::secrets::{self, SecretError};
use crate::store::{NewDeliveryEvent, Store, StoreError};
use crate::worker::{Waker, WorkerCommand};

#[derive(Debug, thiserror::Error)]
pub enum ScanError {
    #[error("account {0:?} has no IMAP settings")]
    NoImap(String),
    #[error(transparent)]
    Imap(#[from] ImapError),
    #[error(transparent)]
    Secret(#[from] SecretError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the scanner could not start its runtime: {0}")]
    Runtime(#[source] std::io::Error),
}

#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// Limit for each IMAP step.
    pub timeout: Duration,
    /// How far back a report may point for a "probable" match.
    pub probable_window: SignedDuration,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            timeout: Duration::from_mins(1),
            probable_window: SignedDuration::from_hours(24 * 14),
        }
    }
}

/// A recipient's state changed because of a report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub message: i64,
    pub recipient: Option<String>,
    pub state: DeliveryState,
    pub status: Option<String>,
    pub explanation: &'static str,
    pub matched_by: &'static str,
}

/// What one scan of one account found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub account: String,
    pub folders: usize,
    pub fetched: usize,
    pub reports: usize,
    pub changes: Vec<Change>,
}

fn state_of(report: &Report, action: &str) -> DeliveryState {
    if report.kind == Kind::Mdn {
        return if action == "displayed" {
            DeliveryState::Read
        } else {
            DeliveryState::Delivered
        };
    }
    match action {
        "delayed" => DeliveryState::Delayed,
        "delivered" => DeliveryState::Delivered,
        "relayed" | "expanded" => DeliveryState::Relayed,
        _ => DeliveryState::Bounced,
    }
}

/// Ties a report to a sent mail: `(message id, how)`.
pub fn match_report(
    store: &Store,
    report: &Report,
    now: Timestamp,
    window: SignedDuration,
) -> Result<Option<(i64, &'static str)>, StoreError> {
    if let Some(envid) = report.envelope_id.as_deref()
        && let Some(id) = store.find_by_envelope_id(envid)?
    {
        return Ok(Some((id, "envid")));
    }
    if let Some(mid) = report.message_id.as_deref()
        && let Some(id) = store.find_by_message_id(mid)?
    {
        return Ok(Some((id, "message-id")));
    }
    if report.envelope_id.is_some() || report.message_id.is_some() {
        // The report names its mail, and it is not one of ours.
        return Ok(None);
    }
    // Neither: the latest mail to a recipient it names, sent before the report was written.
    let at = report
        .date
        .and_then(|d| Timestamp::from_second(d).ok())
        .map_or(now, |d| d.min(now));
    for r in &report.recipients {
        if let Some(id) = store.find_probable(&r.address, at - window, at)? {
            return Ok(Some((id, "probable")));
        }
    }
    Ok(None)
}

/// Stores the events of one report; returns the changes it made (none when seen before).
pub fn record_report(
    store: &mut Store,
    report: &Report,
    raw: &[u8],
    now: Timestamp,
    window: SignedDuration,
) -> Result<Vec<Change>, StoreError> {
    let Some((message, matched_by)) = match_report(store, report, now, window)? else {
        return Ok(Vec::new());
    };
    let kind = match report.kind {
        Kind::Dsn => "dsn",
        Kind::Mdn => "mdn",
        _ => "bounce",
    };
    let mut changes = Vec::new();
    for r in &report.recipients {
        let state = state_of(report, &r.action);
        let event = NewDeliveryEvent {
            message,
            recipient: Some(&r.address),
            kind,
            state,
            status: r.status.as_deref(),
            diagnostic: r.diagnostic.as_deref(),
            reporting_mta: report.reporting_mta.as_deref(),
            remote_mta: r.remote_mta.as_deref(),
            reported_at: reported_at(report, r),
            matched_by,
            raw,
        };
        if store.add_delivery_event(&event)? {
            changes.push(Change {
                message,
                recipient: Some(r.address.clone()),
                state,
                status: r.status.clone(),
                explanation: if report.kind == Kind::Mdn {
                    "the recipient opened the mail"
                } else {
                    r.reason.explanation()
                },
                matched_by,
            });
        }
    }
    Ok(changes)
}

/// When a report says its event happened: the recipient's `Last-Attempt-Date` (the remote
/// server's hand-over), else the report's own `Date:`.
fn reported_at(report: &Report, r: &bounce::RecipientReport) -> Option<Timestamp> {
    r.last_attempt
        .as_deref()
        .and_then(mail_parser::DateTime::parse_rfc822)
        .map(|d| d.to_timestamp())
        .or(report.date)
        .and_then(|s| Timestamp::from_second(s).ok())
}

/// The first UID to read in a folder: after the last one seen, or from the start when the
/// folder is new to us or its UIDVALIDITY changed (its UIDs were renumbered).
#[must_use]
pub fn first_uid(known: Option<(u32, u32)>, uidvalidity: u32) -> u32 {
    match known {
        Some((validity, last)) if validity == uidvalidity => last.saturating_add(1),
        _ => 0,
    }
}

/// One scan of one account.
pub fn scan_account(
    runtime: &tokio::runtime::Runtime,
    store: &mut Store,
    account: &Account,
    options: &Options,
) -> Result<Summary, ScanError> {
    let mut sessions = Sessions::default();
    let result = scan_account_with(runtime, store, account, options, &mut sessions);
    sessions.close(runtime, options.timeout);
    result
}

/// IMAP sessions kept open between scans, per account: the scanner thread's periodic scans
/// then cost a few round trips instead of a TLS handshake and a login each time.
#[derive(Debug, Default)]
pub struct Sessions {
    open: std::collections::HashMap<String, imap::Session>,
}

impl Sessions {
    /// Logs every kept session out.
    pub fn close(&mut self, runtime: &tokio::runtime::Runtime, limit: Duration) {
        for (_, mut s) in self.open.drain() {
            runtime.block_on(s.logout(limit));
        }
    }
}

/// One scan of one account on a kept session (opened, or opened again after an error).
pub fn scan_account_with(
    runtime: &tokio::runtime::Runtime,
    store: &mut Store,
    account: &Account,
    options: &Options,
    sessions: &mut Sessions,
) -> Result<Summary, ScanError> {
    let imap = account
        .imap
        .clone()
        .ok_or_else(|| ScanError::NoImap(account.name.clone()))?;
    runtime.block_on(async {
        // A kept session is tried first; the server may have closed it while idle, and then a
        // new one is opened below.
        if let Some(mut session) = sessions.open.remove(&account.name)
            && let Ok(summary) = scan_folders(&mut session, store, account, options).await
        {
            sessions.open.insert(account.name.clone(), session);
            return Ok(summary);
        }
        let password = secrets::password(&account.name, account.password_command.as_deref())?;
        let mut session = imap::connect(
            &imap,
            &password,
            account.auth,
            account.ca_file.as_deref(),
            options.timeout,
        )
        .await?;
        let summary = match scan_folders(&mut session, store, account, options).await {
            Ok(summary) => summary,
            Err(e) => {
                session.logout(options.timeout).await;
                return Err(e);
            }
        };
        sessions.open.insert(account.name.clone(), session);
        Ok(summary)
    })
}

async fn scan_folders(
    session: &mut imap::Session,
    store: &mut Store,
    account: &Account,
    options: &Options,
) -> Result<Summary, ScanError> {
    let limit = options.timeout;
    let mut folders = vec!["INBOX".to_owned()];
    for f in account
        .imap_folders
        .iter()
        .cloned()
        .chain(session.junk_folders(limit).await?)
    {
        if !folders.iter().any(|x| x.eq_ignore_ascii_case(&f)) {
            folders.push(f);
        }
    }
    let mut summary = Summary {
        account: account.name.clone(),
        ..Summary::default()
    };
    let oldest = store.oldest_sent(&account.name)?;
    for name in folders {
        let folder = session.examine(&name, limit).await?;
        summary.folders += 1;
        let start = first_uid(store.scan_state(&account.name, &name)?, folder.uidvalidity);
        if folder.exists == 0 {
            store.set_scan_state(
                &account.name,
                &name,
                folder.uidvalidity,
                start.saturating_sub(1),
            )?;
            continue;
        }
        // The folder's highest UID now ("UID *" names it).
        let highest = session
            .uid_search("UID *", limit)
            .await?
            .last()
            .copied()
            .unwrap_or(0);
        if start > highest {
            continue; // nothing new
        }
        let scope = if start > 0 {
            format!("UID {start}:*")
        } else if let Some(oldest) = oldest {
            // First scan: only as far back as the oldest sent mail (a day's margin for zones).
            let since = (oldest - SignedDuration::from_hours(24)).strftime("%d-%b-%Y");
            format!("SINCE {since}")
        } else {
            // Nothing sent yet: nothing here can be about our mail.
            store.set_scan_state(&account.name, &name, folder.uidvalidity, highest)?;
            continue;
        };
        let query = format!("{scope} {}", imap::report_criteria());
        let candidates: Vec<u32> = session
            .uid_search(&query, limit)
            .await?
            .into_iter()
            .filter(|&u| u >= start && u <= highest)
            .collect();
        let now = Timestamp::now();
        for fetched in session.fetch(&candidates, limit).await? {
            summary.fetched += 1;
            let report = bounce::parse(&fetched.raw);
            if !(report.is_bounce() || report.kind == Kind::Mdn) {
                continue;
            }
            summary.reports += 1;
            summary.changes.extend(record_report(
                store,
                &report,
                &fetched.raw,
                now,
                options.probable_window,
            )?);
        }
        store.set_scan_state(&account.name, &name, folder.uidvalidity, highest)?;
    }
    Ok(summary)
}

#[cfg(test)]
mod tests;

/// What the scanner thread is asked to do.
#[derive(Clone, Debug)]
pub enum Command {
    /// Scan now (one account, or all with IMAP settings).
    ScanNow {
        account: Option<String>,
    },
    Shutdown,
}

/// What the scanner thread reports.
#[derive(Clone, Debug)]
pub enum Event {
    Started,
    Finished {
        summaries: Vec<Summary>,
        errors: Vec<(String, String)>,
        at: Timestamp,
    },
    Problem(String),
}

/// The caller's side of the scanner thread.
pub type Handle = crate::worker::Handle<Command, Event>;

impl WorkerCommand for Command {
    fn shutdown() -> Self {
        Self::Shutdown
    }
}

impl Handle {
    /// Asks for a scan now (one account, or all); never blocks.
    #[must_use]
    pub fn scan_now(&self, account: Option<String>) -> bool {
        self.ask(Command::ScanNow { account })
    }
}

/// Per-account results of [`scan_all`], and `(account, error)` for those that failed.
pub type ScanResults = (Vec<Summary>, Vec<(String, String)>);

/// Scans every account with IMAP settings (or `only`).
pub fn scan_all(
    runtime: &tokio::runtime::Runtime,
    store: &mut Store,
    only: Option<&str>,
    options: &Options,
    mut sessions: Option<&mut Sessions>,
) -> Result<ScanResults, StoreError> {
    let mut summaries = Vec::new();
    let mut errors = Vec::new();
    for account in store.accounts()? {
        if only.is_some_and(|o| o != account.name) || (only.is_none() && account.imap.is_none()) {
            continue;
        }
        let result = match sessions.as_deref_mut() {
            Some(kept) => scan_account_with(runtime, store, &account, options, kept),
            None => scan_account(runtime, store, &account, options),
        };
        match result {
            Ok(s) => summaries.push(s),
            Err(e) => errors.push((account.name.clone(), e.to_string())),
        }
    }
    Ok((summaries, errors))
}

/// A current-thread runtime for scans.
pub fn runtime() -> Result<tokio::runtime::Runtime, ScanError> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(ScanError::Runtime)
}

/// Starts the scanner thread: it scans every `interval` and whenever asked.
pub fn spawn(
    db: PathBuf,
    interval: Duration,
    options: Options,
    waker: Waker,
) -> std::io::Result<Handle> {
    Handle::spawn("scanner", (4, 64), waker, move |command_rx, events| {
        let emit = |e: Event| events.emit(e);
        let (mut store, rt) = match (Store::open(&db), runtime()) {
            (Ok(s), Ok(rt)) => (s, rt),
            (Err(e), _) => return emit(Event::Problem(e.to_string())),
            (_, Err(e)) => return emit(Event::Problem(e.to_string())),
        };
        let mut sessions = Sessions::default();
        loop {
            let only = match command_rx.recv_timeout(interval) {
                Ok(Command::ScanNow { account }) => account,
                Err(RecvTimeoutError::Timeout) => None,
                Ok(Command::Shutdown) | Err(RecvTimeoutError::Disconnected) => {
                    sessions.close(&rt, options.timeout);
                    return;
                }
            };
            emit(Event::Started);
            match scan_all(
                &rt,
                &mut store,
                only.as_deref(),
                &options,
                Some(&mut sessions),
            ) {
                Ok((summaries, errors)) => emit(Event::Finished {
                    summaries,
                    errors,
                    at: Timestamp::now(),
                }),
                Err(e) => emit(Event::Problem(e.to_string())),
            }
        }
    })
}
