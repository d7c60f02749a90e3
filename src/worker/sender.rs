//! The sender: takes due mails from the store and sends them, one connection per account per
//! batch, keeping the receipt of every attempt.
//!
//! Runs on a thread named `sender` with its own store connection. Each batch runs under the
//! data folder's [`SendLock`] and first resolves mails an earlier run left in *sending*
//! ([`Store::recover_interrupted`]). For each mail an attempt is marked durably before the end
//! of DATA, so a crash after that point leaves the mail *uncertain*, never silently queued for
//! a second send; then its receipt is stored.
//!
//! The parts: [`session`] opens a connection (connect, TLS, login), [`batch`] sends the
//! claimed mails per account, [`receipts`] owns every commit of a receipt and of a data-end
//! mark (the group commit, with the journal thread when there is one), [`retry`] is the
//! backoff, [`lock`] keeps a second process from sending from the same folder.

mod batch;
mod journal;
mod lock;
mod receipts;
mod retry;
mod session;

use std::path::PathBuf;
use std::sync::mpsc::RecvTimeoutError;
use std::time::Duration;

use jiff::Timestamp;

pub use lock::SendLock;
pub use retry::{backoff, next_attempt};
pub use session::{OpenFailure, open_session};

use crate::model::Outcome;
use crate::smtp::client::Timeouts;
use crate::smtp::explain::Explanation;
use crate::store::Store;
use crate::worker::{Waker, WorkerCommand};

/// What the sender is asked to do.
#[derive(Clone, Debug)]
pub enum Command {
    /// Send the due mails (all, or only these ids).
    SendDue {
        only: Option<Vec<i64>>,
    },
    Shutdown,
}

impl WorkerCommand for Command {
    fn shutdown() -> Self {
        Self::Shutdown
    }
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

/// How one mail of a batch ended.
#[derive(Clone, Debug)]
pub struct MailReport {
    pub id: i64,
    /// Its place in the batch (1-based) and the batch's size.
    pub index: usize,
    pub total: usize,
    pub outcome: Outcome,
    pub queue_id: Option<String>,
    pub error: Option<String>,
    pub explanation: Option<Explanation>,
    pub next_attempt_at: Option<Timestamp>,
}

/// How many mails of a batch ended which way.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub sent: usize,
    pub deferred: usize,
    pub failed: usize,
    pub uncertain: usize,
}

impl Summary {
    fn count(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Sent => self.sent += 1,
            Outcome::Deferred => self.deferred += 1,
            Outcome::Failed => self.failed += 1,
            Outcome::Uncertain => self.uncertain += 1,
        }
    }
}

/// How the sender talks to servers.
#[derive(Clone, Debug, Default)]
pub struct Options {
    pub timeouts: Timeouts,
    /// Name for EHLO; `None` uses the sender's domain.
    pub helo_name: Option<String>,
    /// Send the buffer's retries by itself when they come due (the window).
    pub send_retries: bool,
}

/// The caller's side of a running sender.
pub type Handle = crate::worker::Handle<Command, Event>;

impl Handle {
    /// Asks for a batch; never blocks (a full queue means a batch is already asked for).
    #[must_use]
    pub fn send_due(&self, only: Option<Vec<i64>>) -> bool {
        self.ask(Command::SendDue { only })
    }
}

/// Starts the sender thread on the database at `db`.
///
/// With [`Options::send_retries`] the thread also keeps a timer on the buffer's earliest
/// retry and sends the retries that come due by themselves (the window); without, it sends
/// only when asked (the CLI, whose `stempel send` is the timer).
pub fn spawn(db: PathBuf, options: Options, waker: Waker) -> std::io::Result<Handle> {
    Handle::spawn("sender", (4, 1024), waker, move |commands, events| {
        let emit = |e: Event| events.emit(e);
        let mut store = match Store::open(&db) {
            Ok(s) => s,
            Err(e) => return emit(Event::Problem(e.to_string())),
        };
        let mut retries = RetryTimer::default();
        loop {
            let asked = if options.send_retries {
                let wait = retries.wait(&store);
                match commands.recv_timeout(wait) {
                    Ok(command) => Some(command),
                    Err(RecvTimeoutError::Timeout) => None,
                    Err(RecvTimeoutError::Disconnected) => break,
                }
            } else {
                match commands.recv() {
                    Ok(command) => Some(command),
                    Err(_) => break,
                }
            };
            let by_itself = asked.is_none();
            let only = match asked {
                Some(Command::SendDue { only }) => only,
                Some(Command::Shutdown) => break,
                // The timer: the retries due now, if any (another process may have sent them).
                None => match store.retries(Timestamp::now()) {
                    Ok(r) if !r.due.is_empty() => Some(r.due),
                    Ok(_) => continue,
                    Err(e) => {
                        retries.hold();
                        emit(Event::Problem(e.to_string()));
                        continue;
                    }
                },
            };
            // One sender per data folder at a time (the window and a script may both be
            // running): recovering another process's in-flight mails would send them twice.
            let _lock = match SendLock::acquire(&db) {
                Ok(lock) => lock,
                // A retry of its own meets `stempel send` at work: that one sends them.
                Err(_) if by_itself => {
                    retries.hold();
                    continue;
                }
                Err(e) => {
                    emit(Event::Problem(e));
                    emit(Event::BatchFinished(Summary::default()));
                    continue;
                }
            };
            if let Err(e) = store.recover_interrupted() {
                emit(Event::Problem(e.to_string()));
            }
            match batch::run(&mut store, &db, only.as_deref(), &options, &emit) {
                Ok(summary) => emit(Event::BatchFinished(summary)),
                Err(e) => {
                    emit(Event::Problem(e.to_string()));
                    emit(Event::BatchFinished(Summary::default()));
                }
            }
            if by_itself {
                // A retry that could not even start (its account gone) is not tried in a loop.
                retries.hold();
            }
        }
    })
}

/// How long the sender waits for a command before it looks at the retries again.
#[derive(Debug, Default)]
struct RetryTimer {
    /// Set after a round of its own: the next one waits at least [`Self::PAUSE`].
    held_until: Option<std::time::Instant>,
}

impl RetryTimer {
    /// Longest wait: mails deferred by another process (`stempel send`) are seen this late.
    const LONGEST: Duration = Duration::from_mins(5);
    /// Wait after a round of its own (the shortest backoff), so a retry that cannot start or
    /// a busy folder is not tried in a loop.
    const PAUSE: Duration = Duration::from_mins(1);

    /// Until the earliest retry (at once when one is due), at most [`Self::LONGEST`].
    fn wait(&mut self, store: &Store) -> Duration {
        if let Some(until) = self.held_until.take() {
            let left = until.saturating_duration_since(std::time::Instant::now());
            if !left.is_zero() {
                self.held_until = Some(until);
                return left;
            }
        }
        let now = Timestamp::now();
        match store.retries(now) {
            Ok(r) if !r.due.is_empty() => Duration::ZERO,
            Ok(r) => r.next_at.map_or(Self::LONGEST, |at| {
                // A millisecond-precise wait; the next look finds the mail due.
                Duration::try_from(at.duration_since(now))
                    .unwrap_or(Duration::ZERO)
                    .min(Self::LONGEST)
            }),
            Err(_) => Self::PAUSE,
        }
    }

    fn hold(&mut self) {
        self.held_until = Some(std::time::Instant::now() + Self::PAUSE);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Account, Compose, Mailbox, MessageState, Security};

    #[test]
    fn a_busy_lock_leaves_the_queue_alone() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("stempel.db");
        let mut store = Store::open(&db).unwrap();
        let from = Mailbox {
            name: None,
            address: "a@firma.pl".into(),
        };
        let mut account = Account::new("a", from, "127.0.0.1");
        account.smtp.port = 1;
        account.smtp.security = Security::None;
        store.add_account(&account).unwrap();
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
}
