//! The sender: takes due mails from the store and sends them, one connection per account per
//! batch, keeping the receipt of every attempt.
//!
//! Runs on a thread named `sender` with its own store connection. At start it resolves mails an
//! earlier run left in *sending* ([`Store::recover_interrupted`]). For each mail it opens an
//! attempt and marks it durably before the end of DATA, so a crash after that point leaves the
//! mail *uncertain*, never silently queued for a second send; then it stores the receipt. The
//! [`journal`] does the commits of a batch on a second connection while bodies are on the wire:
//! the receipt of one mail goes in the same transaction as the next mail's mark.

mod journal;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, SyncSender, TrySendError, sync_channel};
use std::thread::JoinHandle;

use jiff::{SignedDuration, Timestamp};

use crate::model::{Account, Dir, Outcome, Security, TranscriptLine};
use crate::secrets::{self, SecretError};
use crate::smtp::client::{Client, DataHooks, Endpoint, MailEnvelope, Timeouts, Transcript};
use crate::smtp::reply::Reply;
use crate::smtp::error::SmtpError;
use crate::smtp::explain::{Explanation, explain_error};
use crate::smtp::tls;
use crate::store::{AttemptRecord, Finish, Store, StoreError};
use crate::worker::Waker;

/// What the sender is asked to do.
#[derive(Clone, Debug)]
pub enum Command {
    /// Send the due mails (all, or only these ids).
    SendDue {
        only: Option<Vec<i64>>,
    },
    Shutdown,
}

/// What the sender reports.
#[derive(Clone, Debug)]
pub enum Event {
    BatchStarted {
        total: usize,
    },
    MailDone(MailReport),
    BatchFinished(Summary),
    /// Something outside any one mail went wrong (the store, a missing account).
    Problem(String),
}

#[derive(Clone, Debug)]
pub struct MailReport {
    pub id: i64,
    pub index: usize,
    pub total: usize,
    pub outcome: Outcome,
    pub queue_id: Option<String>,
    pub error: Option<String>,
    pub explanation: Option<Explanation>,
    pub next_attempt_at: Option<Timestamp>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub sent: usize,
    pub deferred: usize,
    pub failed: usize,
    pub uncertain: usize,
}

#[derive(Clone, Debug, Default)]
pub struct Options {
    pub timeouts: Timeouts,
    /// Name for EHLO; `None` uses the sender's domain.
    pub helo_name: Option<String>,
}

/// The caller's side of a running sender.
pub struct Handle {
    commands: SyncSender<Command>,
    pub events: Receiver<Event>,
    thread: Option<JoinHandle<()>>,
}

impl Handle {
    /// Asks for a batch; never blocks (a full queue means a batch is already asked for).
    #[must_use]
    pub fn send_due(&self, only: Option<Vec<i64>>) -> bool {
        match self.commands.try_send(Command::SendDue { only }) {
            Ok(()) | Err(TrySendError::Full(_)) => true,
            Err(TrySendError::Disconnected(_)) => false,
        }
    }
}

impl Drop for Handle {
    fn drop(&mut self) {
        let _ = self.commands.try_send(Command::Shutdown);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Starts the sender thread on the database at `db`.
pub fn spawn(db: PathBuf, options: Options, waker: Waker) -> std::io::Result<Handle> {
    let (commands, command_rx) = sync_channel(4);
    let (event_tx, events) = sync_channel(1024);
    let thread = std::thread::Builder::new()
        .name("sender".into())
        .spawn(move || {
            let emit = |e: Event| {
                // The receiver is gone when the front closed: nothing left to tell.
                let _ = event_tx.send(e);
                waker();
            };
            let mut store = match Store::open(&db) {
                Ok(s) => s,
                Err(e) => {
                    emit(Event::Problem(e.to_string()));
                    return;
                }
            };
            while let Ok(Command::SendDue { only }) = command_rx.recv() {
                // One sender per data folder at a time (the window and a script may both be
                // running): recovering another process's in-flight mails would send them twice.
                let _lock = match SendLock::acquire(&db) {
                    Ok(lock) => lock,
                    Err(e) => {
                        emit(Event::Problem(e));
                        emit(Event::BatchFinished(Summary::default()));
                        continue;
                    }
                };
                if let Err(e) = store.recover_interrupted() {
                    emit(Event::Problem(e.to_string()));
                }
                match run_batch(&mut store, &db, only.as_deref(), &options, &emit) {
                    Ok(summary) => emit(Event::BatchFinished(summary)),
                    Err(e) => {
                        emit(Event::Problem(e.to_string()));
                        emit(Event::BatchFinished(Summary::default()));
                    }
                }
            }
        })?;
    Ok(Handle {
        commands,
        events,
        thread: Some(thread),
    })
}

/// An exclusive lock on `<database>.send-lock`, held while a batch is sent (released on drop).
pub struct SendLock {
    _file: std::fs::File,
}

impl SendLock {
    /// Takes the lock, or says who holds it.
    pub fn acquire(db: &std::path::Path) -> Result<Self, String> {
        let path = db.with_extension("send-lock");
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| format!("cannot open the send lock {}: {e}", path.display()))?;
        match file.try_lock() {
            Ok(()) => Ok(Self { _file: file }),
            Err(std::fs::TryLockError::WouldBlock) => Err(
                "another Stempel is sending from this data folder right now; try again when it \
                 has finished"
                    .into(),
            ),
            Err(std::fs::TryLockError::Error(e)) => {
                Err(format!("cannot take the send lock {}: {e}", path.display()))
            }
        }
    }
}

/// When to try a deferred mail again: 1 min, 5 min, 15 min, 1 h, then every 4 h, giving up
/// (`None`) once the mail has waited two days.
#[must_use]
pub fn next_attempt(attempts_made: u32, queued_at: Timestamp, now: Timestamp) -> Option<Timestamp> {
    let delay = match attempts_made {
        0 | 1 => SignedDuration::from_mins(1),
        2 => SignedDuration::from_mins(5),
        3 => SignedDuration::from_mins(15),
        4 => SignedDuration::from_hours(1),
        _ => SignedDuration::from_hours(4),
    };
    let next = now + delay;
    (next <= queued_at + SignedDuration::from_hours(48)).then_some(next)
}

/// After a temporary failure: back to the queue for the next try, or failed when the mail has
/// waited too long (see [`next_attempt`]).
fn retry_or_give_up(mail: &Due) -> (Finish, Outcome) {
    match next_attempt(mail.attempts + 1, mail.queued_at, Timestamp::now()) {
        Some(next_attempt_at) => (Finish::Deferred { next_attempt_at }, Outcome::Deferred),
        None => (Finish::Failed, Outcome::Failed),
    }
}

struct Due {
    id: i64,
    envelope: MailEnvelope,
    queued_at: Timestamp,
    attempts: u32,
}

fn run_batch(
    store: &mut Store,
    db: &Path,
    only: Option<&[i64]>,
    options: &Options,
    emit: &dyn Fn(Event),
) -> Result<Summary, StoreError> {
    let ids = store.claim_due(Timestamp::now(), only)?;
    let total = ids.len();
    emit(Event::BatchStarted { total });
    let mut by_account: BTreeMap<String, Vec<Due>> = BTreeMap::new();
    for id in ids {
        let m = store.due_mail(id)?;
        by_account.entry(m.account).or_default().push(Due {
            id,
            envelope: MailEnvelope {
                from: m.from,
                recipients: m.recipients,
                envelope_id: m.envelope_id,
                notify_success: m.notify_delivery,
            },
            queued_at: m.queued_at,
            attempts: m.attempt_count,
        });
    }
    let mut summary = Summary::default();
    let mut index = 0;
    // Without the journal's thread every commit happens here, one after the other.
    let mut journal = journal::Journal::open(db).ok();
    for (account, mails) in by_account {
        let account = store.account(&account)?;
        send_account(
            store,
            journal.as_mut(),
            &account,
            mails,
            options,
            &mut |report: MailReport| {
                match report.outcome {
                    Outcome::Sent => summary.sent += 1,
                    Outcome::Deferred => summary.deferred += 1,
                    Outcome::Failed => summary.failed += 1,
                    Outcome::Uncertain => summary.uncertain += 1,
                }
                index += 1;
                emit(Event::MailDone(MailReport {
                    index,
                    total,
                    ..report
                }));
            },
        )?;
    }
    Ok(summary)
}

/// An open session and the transcript lines every mail's receipt starts with.
struct Session {
    client: Client,
    setup: Vec<TranscriptLine>,
}

fn endpoint(account: &Account, options: &Options) -> Endpoint {
    let helo = options.helo_name.clone().unwrap_or_else(|| {
        account
            .from
            .address
            .rsplit_once('@')
            .map_or("localhost", |(_, d)| d)
            .to_owned()
    });
    Endpoint {
        host: account.smtp.host.clone(),
        port: account.smtp.port,
        security: account.smtp.security,
        helo_name: helo,
        timeouts: options.timeouts,
    }
}

/// Why a session could not be opened.
enum OpenError {
    Smtp(SmtpError, Transcript),
    Setup {
        error: String,
        explanation: Explanation,
        permanent: bool,
    },
}

/// Why [`open_session`] failed, with the conversation up to the failure.
#[derive(Debug)]
pub struct OpenFailure {
    pub error: String,
    pub explanation: Explanation,
    pub permanent: bool,
    pub transcript: Vec<TranscriptLine>,
    /// The server's refusal, when it gave one (e.g. 535 to AUTH).
    pub reply: Option<Reply>,
}

impl From<OpenError> for OpenFailure {
    fn from(e: OpenError) -> Self {
        match e {
            OpenError::Smtp(e, t) => Self {
                error: e.to_string(),
                explanation: explain_error(&e),
                permanent: e.is_permanent(),
                transcript: t.lines,
                reply: e.reply().cloned(),
            },
            OpenError::Setup {
                error,
                explanation,
                permanent,
            } => Self {
                error,
                explanation,
                permanent,
                transcript: Vec::new(),
                reply: None,
            },
        }
    }
}

/// Connects, secures and logs in (`stempel account test`, "Test connection").
pub fn open_session(
    account: &Account,
    options: &Options,
) -> Result<(Client, Vec<TranscriptLine>), Box<OpenFailure>> {
    open(account, options)
        .map(|s| (s.client, s.setup))
        .map_err(|e| Box::new(OpenFailure::from(e)))
}

fn open(account: &Account, options: &Options) -> Result<Session, OpenError> {
    let tls = tls::client_config(account.ca_file.as_deref()).map_err(|e| OpenError::Setup {
        error: e.to_string(),
        explanation: Explanation {
            key: "tls-setup",
            meaning: "the account's CA file cannot be used",
            advice: "check the CA file given for this account",
        },
        permanent: true,
    })?;
    let password = if account.smtp.user.is_empty() {
        None
    } else {
        Some(
            secrets::password(&account.name, account.password_command.as_deref()).map_err(|e| {
                let permanent = matches!(e, SecretError::Missing(_) | SecretError::Empty);
                OpenError::Setup {
                    error: e.to_string(),
                    explanation: Explanation {
                        key: if permanent { "secret-missing" } else { "secret-unavailable" },
                        meaning: if permanent {
                            "no password is stored for this account"
                        } else {
                            "the password could not be read from the keychain or the password command"
                        },
                        advice: if permanent {
                            "store the password (Accounts, or `stempel account set-password`)"
                        } else {
                            "unlock the keychain, or give the account a password command; Stempel tries again later"
                        },
                    },
                    permanent,
                }
            })?,
        )
    };
    let endpoint = endpoint(account, options);
    let mut client = Client::connect(&endpoint, &tls, Transcript::new())
        .map_err(|(e, t)| OpenError::Smtp(e, t))?;
    if account.smtp.security == Security::None {
        client
            .transcript
            .push(Dir::Info, "no encryption (security: none)");
    }
    if let Some(password) = &password
        && let Err(e) = client.authenticate(&account.smtp.user, password, account.auth)
    {
        let t = client.quit();
        return Err(OpenError::Smtp(e, t));
    }
    let setup = client.transcript.lines.clone();
    Ok(Session { client, setup })
}

fn tls_record(client: &Client, account: &Account) -> AttemptRecord {
    let tls = client.tls.clone().unwrap_or_default();
    AttemptRecord {
        server: Some(format!("{}:{}", account.smtp.host, account.smtp.port)),
        peer_address: Some(client.peer.to_string()),
        tls_version: client.tls.as_ref().map(|_| tls.version.clone()),
        tls_cipher: client.tls.as_ref().map(|_| tls.cipher.clone()),
        cert_subject: client.tls.as_ref().map(|_| tls.cert_subject.clone()),
        cert_sha256: client.tls.as_ref().map(|_| tls.cert_sha256.clone()),
        cert_verified: client.tls.as_ref().map(|_| tls.verified),
        ..AttemptRecord::default()
    }
}

fn send_account(
    store: &mut Store,
    mut journal: Option<&mut journal::Journal>,
    account: &Account,
    mails: Vec<Due>,
    options: &Options,
    report: &mut dyn FnMut(MailReport),
) -> Result<(), StoreError> {
    let server = format!("{}:{}", account.smtp.host, account.smtp.port);
    let mut session: Option<Session> = None;
    let mut reconnects = 0;
    let mut last_attempt = None;
    // The last sent mail's receipt, until the next mail's mark (or the end) commits it.
    let mut pending: Option<journal::Pending> = None;
    // Once a session cannot be opened, every remaining mail of the account shares that failure.
    let mut failure: Option<OpenFailure> = None;
    for mail in mails {
        if let Some(f) = &failure {
            commit_pending(store, &mut pending, report)?;
            finish_without_session(store, &server, &mail, f, report)?;
            continue;
        }
        if session.as_ref().is_none_or(|s| !s.client.is_usable()) {
            commit_pending(store, &mut pending, report)?;
            if let Some(s) = session.take() {
                let _ = s.client.quit();
            }
            let opened = if reconnects > 1 {
                // The server keeps dropping the line: the rest waits for the next batch.
                let closed = SmtpError::Closed {
                    phase: crate::smtp::error::Phase::Connect,
                };
                Err(OpenFailure {
                    error: "the connection broke repeatedly".into(),
                    explanation: explain_error(&closed),
                    permanent: false,
                    transcript: Vec::new(),
                    reply: None,
                })
            } else {
                reconnects += 1;
                open(account, options).map_err(OpenFailure::from)
            };
            match opened {
                Ok(s) => session = Some(s),
                Err(f) => {
                    finish_without_session(store, &server, &mail, &f, report)?;
                    failure = Some(f);
                    continue;
                }
            }
        }
        let Some(s) = session.as_mut() else { continue };
        let sending = Sending {
            account,
            server: &server,
            mail: &mail,
        };
        last_attempt = Some(send_one(
            store,
            journal.as_deref_mut(),
            &mut pending,
            s,
            &sending,
            report,
        )?);
    }
    commit_pending(store, &mut pending, report)?;
    if let Some(s) = session {
        let start = s.client.transcript.lines.len();
        let transcript = s.client.quit();
        if let Some(attempt) = last_attempt {
            store.append_transcript(attempt, &transcript.since(start))?;
        }
    }
    Ok(())
}

/// Commits a receipt still waiting for the journal, here and now, and reports it.
fn commit_pending(
    store: &mut Store,
    pending: &mut Option<journal::Pending>,
    report: &mut dyn FnMut(MailReport),
) -> Result<(), StoreError> {
    if let Some(p) = pending.take() {
        store.finish_attempt(p.attempt, &p.record, p.finish)?;
        report(p.report);
    }
    Ok(())
}

/// The mail being sent, with its account and server.
struct Sending<'a> {
    account: &'a Account,
    server: &'a str,
    mail: &'a Due,
}

/// The hooks around one body: at 354 the journal starts committing the previous receipt with
/// this mail's mark; before the final dot the sender waits for that commit.
struct Hooks<'a> {
    journal: Option<&'a mut journal::Journal>,
    store: &'a mut Store,
    pending: &'a mut Option<journal::Pending>,
    message: i64,
    server: &'a str,
    started: Timestamp,
    began: bool,
    /// This mail's attempt, once its mark is durable.
    attempt: Option<i64>,
    /// The previous mail's receipt: committed (to report) or handed back (to commit here).
    previous: Option<journal::Pending>,
    previous_committed: bool,
    mark_error: Option<String>,
}

impl Hooks<'_> {
    /// Waits for the commit begun at 354, if any.
    fn collect(&mut self) -> Result<(), String> {
        let Some((result, previous)) = self.journal.as_deref_mut().and_then(journal::Journal::wait)
        else {
            return Ok(());
        };
        match result {
            Ok(id) => {
                self.attempt = Some(id);
                self.previous = previous;
                self.previous_committed = true;
                Ok(())
            }
            Err(e) => {
                self.previous = previous;
                self.mark_error = Some(e.clone());
                Err(e)
            }
        }
    }
}

impl DataHooks for Hooks<'_> {
    fn data_accepted(&mut self) {
        let Some(journal) = self.journal.as_deref_mut() else {
            return;
        };
        let job = journal::Job {
            finish: self.pending.take(),
            message: self.message,
            server: self.server.to_owned(),
            started: self.started,
        };
        match journal.begin(job) {
            Ok(()) => self.began = true,
            Err(job) => *self.pending = job.finish,
        }
    }

    fn before_data_end(&mut self) -> Result<(), String> {
        if self.began {
            return self.collect();
        }
        // No journal: the same group commit, here (on failure the receipt is committed later).
        let previous = self.pending.take();
        let committed = self.store.finish_and_start(
            previous.as_ref().map(|p| (p.attempt, &p.record, p.finish)),
            self.message,
            self.server,
            self.started,
        );
        self.previous = previous;
        match committed {
            Ok(id) => {
                self.attempt = Some(id);
                self.previous_committed = true;
                Ok(())
            }
            Err(e) => {
                self.mark_error = Some(e.to_string());
                Err(e.to_string())
            }
        }
    }
}

/// Sends one mail on an open session and stores (or, when sent, hands to the journal) its
/// receipt; returns the attempt id.
#[allow(clippy::too_many_lines)] // one mail, in the order it happens
fn send_one(
    store: &mut Store,
    journal: Option<&mut journal::Journal>,
    pending: &mut Option<journal::Pending>,
    s: &mut Session,
    sending: &Sending<'_>,
    report: &mut dyn FnMut(MailReport),
) -> Result<i64, StoreError> {
    let Sending {
        account,
        server,
        mail,
    } = *sending;
    let started = Timestamp::now();
    // Read the frozen bytes only now: a batch never holds more than one mail in memory.
    let raw = store.raw(mail.id)?.unwrap_or_default();
    let start = s.client.transcript.lines.len();
    let mut hooks = Hooks {
        journal,
        store,
        pending,
        message: mail.id,
        server,
        started,
        began: false,
        attempt: None,
        previous: None,
        previous_committed: false,
        mark_error: None,
    };
    let result = s.client.send_mail(&mail.envelope, &raw, &mut hooks);
    // A body that broke off after 354 leaves the commit to be collected here.
    if hooks.began && hooks.attempt.is_none() && hooks.mark_error.is_none() {
        let _ = hooks.collect();
    }
    let Hooks {
        store,
        pending,
        attempt,
        previous,
        previous_committed,
        mark_error,
        ..
    } = hooks;
    // The previous mail first: its report precedes this one's.
    if let Some(p) = previous {
        if !previous_committed {
            store.finish_attempt(p.attempt, &p.record, p.finish)?;
        }
        report(p.report);
    }
    commit_pending(store, pending, report)?;
    let journaled = attempt.is_some();
    let attempt = match attempt {
        Some(id) => id,
        None => store.start_attempt(mail.id, server, started, false)?,
    };
    let mut record = tls_record(&s.client, account);
    record.data_end_sent = Some(result.data_end_sent);
    record.transcript.clone_from(&s.setup);
    record.transcript.extend(s.client.transcript.since(start));
    record.rcpt = result
        .rcpt
        .iter()
        .map(|r| (r.address.clone(), r.accepted, r.reply.clone()))
        .collect();
    let (finish, outcome, explanation, error) = match &result.result {
        Ok(reply) => {
            let r = reply.parsed();
            record.reply_code = Some(reply.code);
            record.enhanced_status.clone_from(&r.enhanced_status);
            record.reply_text = Some(r.text.clone());
            record.queue_id.clone_from(&r.queue_id);
            (Finish::Sent, Outcome::Sent, None, None)
        }
        Err(e) => {
            if let Some(reply) = e.reply() {
                let r = reply.parsed();
                record.reply_code = Some(reply.code);
                record.enhanced_status.clone_from(&r.enhanced_status);
                record.reply_text = Some(r.text);
            }
            let explanation = explain_error(e);
            let (finish, outcome) = if result.data_end_sent && e.reply().is_none() {
                (Finish::Uncertain, Outcome::Uncertain)
            } else if e.is_transient() {
                retry_or_give_up(mail)
            } else {
                (Finish::Failed, Outcome::Failed)
            };
            (finish, outcome, Some(explanation), Some(e.to_string()))
        }
    };
    record.error.clone_from(&error);
    record.explanation = explanation
        .as_ref()
        .map(|e| format!("{}; {}", e.meaning, e.advice));
    record.explanation_key = explanation.as_ref().map(|e| e.key.to_owned());
    let mail_report = MailReport {
        id: mail.id,
        index: 0,
        total: 0,
        outcome,
        queue_id: record.queue_id.clone(),
        error,
        explanation,
        next_attempt_at: match finish {
            Finish::Deferred { next_attempt_at } => Some(next_attempt_at),
            _ => None,
        },
    };
    if journaled && finish == Finish::Sent && s.client.is_usable() {
        // Committed with the next mail's mark, or when the batch ends.
        *pending = Some(journal::Pending {
            attempt,
            record,
            finish,
            report: mail_report,
        });
        return Ok(attempt);
    }
    store.finish_attempt(attempt, &record, finish)?;
    if let Some(e) = mark_error {
        return Err(StoreError::Corrupt(format!(
            "could not mark the end of data: {e}"
        )));
    }
    report(mail_report);
    Ok(attempt)
}

fn finish_without_session(
    store: &mut Store,
    server: &str,
    mail: &Due,
    failure: &OpenFailure,
    report: &mut dyn FnMut(MailReport),
) -> Result<(), StoreError> {
    let attempt = store.begin_attempt(mail.id, server)?;
    let (finish, outcome) = if failure.permanent {
        (Finish::Failed, Outcome::Failed)
    } else {
        retry_or_give_up(mail)
    };
    let receipt = failure.reply.as_ref().map(Reply::parsed);
    let record = AttemptRecord {
        server: Some(server.to_owned()),
        error: Some(failure.error.clone()),
        explanation: Some(format!(
            "{}; {}",
            failure.explanation.meaning, failure.explanation.advice
        )),
        explanation_key: Some(failure.explanation.key.to_owned()),
        transcript: failure.transcript.clone(),
        reply_code: failure.reply.as_ref().map(|r| r.code),
        enhanced_status: receipt.as_ref().and_then(|r| r.enhanced_status.clone()),
        reply_text: receipt.map(|r| r.text),
        ..AttemptRecord::default()
    };
    store.finish_attempt(attempt, &record, finish)?;
    report(MailReport {
        id: mail.id,
        index: 0,
        total: 0,
        outcome,
        queue_id: None,
        error: Some(failure.error.clone()),
        explanation: Some(failure.explanation.clone()),
        next_attempt_at: match finish {
            Finish::Deferred { next_attempt_at } => Some(next_attempt_at),
            _ => None,
        },
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_one_sender_per_data_folder() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("stempel.db");
        let held = SendLock::acquire(&db).unwrap();
        let second = SendLock::acquire(&db);
        assert!(second.is_err_and(|e| e.contains("another Stempel")));
        drop(held);
        assert!(SendLock::acquire(&db).is_ok());
    }

    #[test]
    fn a_busy_lock_leaves_the_queue_alone() {
        use crate::model::{Account, Compose, Endpoint, Mailbox, MessageState, Security};
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("stempel.db");
        let mut store = Store::open(&db).unwrap();
        store
            .add_account(&Account {
                name: "a".into(),
                from: Mailbox {
                    name: None,
                    address: "a@firma.pl".into(),
                },
                reply_to: None,
                smtp: Endpoint {
                    host: "127.0.0.1".into(),
                    port: 1,
                    security: Security::None,
                    user: String::new(),
                },
                imap: None,
                imap_folders: Vec::new(),
                password_command: None,
                auth: crate::model::AuthMethod::Password,
                ca_file: None,
            })
            .unwrap();
        let compose = Compose {
            to: vec!["k@example.com".into()],
            subject: "s".into(),
            ..Compose::default()
        };
        let id = crate::outbox::submit(
            &mut store,
            "a",
            &compose,
            &[],
            crate::outbox::Destination::Queue,
        )
        .unwrap();
        let _held = SendLock::acquire(&db).unwrap();
        let handle = spawn(db, Options::default(), crate::worker::no_waker()).unwrap();
        assert!(handle.send_due(None));
        let first = handle
            .events
            .recv_timeout(std::time::Duration::from_secs(10))
            .unwrap();
        assert!(
            matches!(first, Event::Problem(ref p) if p.contains("another Stempel")),
            "{first:?}"
        );
        assert_eq!(store.message(id).unwrap().state, MessageState::Queued);
    }

    #[test]
    fn backoff_schedule() {
        let q = Timestamp::from_second(1_800_000_000).unwrap();
        let mins = |n: i64| SignedDuration::from_mins(n);
        assert_eq!(next_attempt(1, q, q), Some(q + mins(1)));
        assert_eq!(next_attempt(2, q, q), Some(q + mins(5)));
        assert_eq!(next_attempt(3, q, q), Some(q + mins(15)));
        assert_eq!(next_attempt(4, q, q), Some(q + mins(60)));
        assert_eq!(next_attempt(9, q, q), Some(q + mins(240)));
        // Two days after queueing it gives up.
        let late = q + SignedDuration::from_hours(47);
        assert_eq!(next_attempt(20, q, late), None);
        assert!(next_attempt(20, q, q + SignedDuration::from_hours(40)).is_some());
    }
}
