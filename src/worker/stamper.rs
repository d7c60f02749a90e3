//! The stamp job, off the sender's critical path: for every mail that became sent it keeps the
//! receipt as it stands right then (`receipt-at-send.json`, canonical bytes, never changed
//! afterwards) and, when an authority is set, gets an RFC 3161 token over that receipt's
//! SHA-256, so the receipt provably existed at that time. A token is checked (status,
//! imprint, nonce, signature, chain) before it is stored; an authority that is down, slow or
//! wrong leaves the mail as it was, with the reason kept beside the stamp, and is tried again
//! later (the sender's backoff: 1 min, 5 min, 15 min, 1 h, then every 4 h).
//!
//! The CLI runs [`stamp_due`] after `stempel send`; the window runs it on the `stamper`
//! thread after each batch and every few minutes ([`spawn`]).

use std::cell::Cell;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, RecvTimeoutError, TryRecvError};
use std::time::Duration;

use jiff::Timestamp;

use super::{Emitter, Handle, Waker, WorkerCommand};
use crate::config::TsaSetting;
use crate::store::{Store, StoreError};
use crate::tsa::{Tsa, TsaError};

/// Most mails one round handles (the rest wait for the next round).
const ROUND: usize = 200;

/// What one round did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StampSummary {
    /// Receipts kept as they stood after sending.
    pub kept: usize,
    /// Tokens received, checked and stored.
    pub stamped: usize,
    /// Mails whose token could not be had this time.
    pub failed: usize,
    /// Why the last of them failed (English).
    pub last_error: Option<String>,
}

/// One round at `now`: keeps every missing receipt-at-send, then asks `tsa` (when set) for
/// each due token. A failure that is the authority's (down, slow, HTTP error) ends the round's
/// requests: the mails not asked about yet stay due, untouched, for the next round, rather
/// than each waiting its own timeout. `keep_going` is asked before each mail (a window closing).
pub fn stamp_due(
    store: &mut Store,
    tsa: Option<&Tsa>,
    now: Timestamp,
    keep_going: &dyn Fn() -> bool,
) -> Result<StampSummary, StoreError> {
    let mut summary = StampSummary::default();
    let mut down = false;
    for id in store.stamps_due(now, tsa.is_some(), ROUND)? {
        if !keep_going() {
            break;
        }
        let Some(status) = store.stamp_status(id)? else {
            continue; // deleted meanwhile
        };
        // The receipt just kept, or the one kept before (also when another process kept it
        // first, which is why a refused write reads it back).
        let mut kept = None;
        if !status.receipt_kept {
            let message = store.message(id)?;
            let receipt = crate::proof::receipt::at_send(&message, now);
            if store.keep_receipt_at_send(id, &receipt)? {
                summary.kept += 1;
                kept = Some(receipt);
            }
        }
        let Some(tsa) = tsa else { continue };
        if down || status.stamped_at.is_some() || status.next_try_at.is_some_and(|at| at > now) {
            continue;
        }
        let receipt = match kept {
            Some(receipt) => receipt,
            None => match store.kept_stamp(id)?.receipt {
                Some(receipt) => receipt,
                None => continue,
            },
        };
        let result = tsa.stamp(&receipt).map_err(|e| {
            down = matches!(
                e,
                TsaError::Unreachable(_) | TsaError::Timeout(_) | TsaError::Http(_)
            );
            e.to_string()
        });
        match result {
            Ok(token) => {
                store.keep_stamp_token(
                    id,
                    tsa.url(),
                    &token.reply,
                    token.stamp.time,
                    &token.stamp.authority,
                )?;
                summary.stamped += 1;
            }
            Err(reason) => {
                let next = now
                    .checked_add(super::sender::backoff(status.tries.saturating_add(1)))
                    .unwrap_or(now);
                store.stamp_failed(id, tsa.url(), &reason, next)?;
                summary.failed += 1;
                summary.last_error = Some(reason);
            }
        }
    }
    Ok(summary)
}

/// The authority of `setting`, with the client's default deadline.
pub fn authority(setting: Option<&TsaSetting>) -> Result<Option<Tsa>, TsaError> {
    setting
        .map(|s| Tsa::new(&s.url, s.ca_file.as_deref(), crate::tsa::TIMEOUT))
        .transpose()
}

/// What the window asks the stamper thread.
pub enum Command {
    /// Run a round now (after a batch; or when the authority changed).
    StampDue(Option<TsaSetting>),
    Shutdown,
}

impl WorkerCommand for Command {
    fn shutdown() -> Self {
        Self::Shutdown
    }
}

/// What the stamper thread reports after a round that did something.
#[derive(Clone, Debug)]
pub enum Event {
    Round(StampSummary),
    Problem(String),
}

/// The stamper thread: a round when asked and every `interval` with the last setting it was
/// given (retries fall due in between). A shutdown asked during a round ends it before the
/// next mail.
pub fn spawn(
    database: PathBuf,
    interval: Duration,
    waker: Waker,
) -> std::io::Result<Handle<Command, Event>> {
    Handle::spawn("stamper", (4, 16), waker, move |commands, events| {
        run(&database, interval, &commands, &events);
    })
}

fn run(
    database: &std::path::Path,
    interval: Duration,
    commands: &Receiver<Command>,
    events: &Emitter<Event>,
) {
    let mut store = match Store::open(database) {
        Ok(s) => s,
        Err(e) => {
            events.emit(Event::Problem(e.to_string()));
            return;
        }
    };
    let mut setting: Option<TsaSetting> = None;
    // A problem is told once, not every round while it lasts.
    let mut told: Option<String> = None;
    let mut tell = |problem: String| {
        if told.as_ref() != Some(&problem) {
            events.emit(Event::Problem(problem.clone()));
            told = Some(problem);
        }
    };
    let stop = Cell::new(false);
    let keep_going = || {
        match commands.try_recv() {
            Ok(Command::Shutdown) | Err(TryRecvError::Disconnected) => stop.set(true),
            Ok(Command::StampDue(_)) | Err(TryRecvError::Empty) => {}
        }
        !stop.get()
    };
    loop {
        match commands.recv_timeout(interval) {
            Ok(Command::Shutdown) | Err(RecvTimeoutError::Disconnected) => return,
            Ok(Command::StampDue(s)) => setting = s,
            Err(RecvTimeoutError::Timeout) => {}
        }
        let tsa = match authority(setting.as_ref()) {
            Ok(tsa) => tsa,
            Err(e) => {
                tell(e.to_string());
                None
            }
        };
        let round = stamp_due(&mut store, tsa.as_ref(), Timestamp::now(), &keep_going);
        if stop.get() {
            return;
        }
        match round {
            Ok(s) if s == StampSummary::default() => {}
            Ok(s) => events.emit(Event::Round(s)),
            Err(e) => tell(e.to_string()),
        }
    }
}
