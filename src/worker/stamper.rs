//! The stamp job, off the sender's critical path: for every mail that became sent it keeps the
//! receipt as it stands right then (`receipt-at-send.json`, canonical bytes, never changed
//! afterwards) and, when an authority is set, gets an RFC 3161 token over that receipt's
//! SHA-256, so the receipt provably existed at that time. A token is checked (status,
//! imprint, nonce, signature, chain) before it is stored; an authority that is down, slow or
//! wrong leaves the mail as it was, with the reason kept beside the stamp, and is tried again
//! later (1 min, 5 min, 15 min, 1 h, then every 4 h).
//!
//! The CLI runs [`stamp_due`] after `stempel send`; the window runs it on the `stamper`
//! thread after each batch and every few minutes ([`spawn`]).

use std::path::PathBuf;
use std::sync::mpsc::RecvTimeoutError;
use std::time::Duration;

use jiff::{SignedDuration, Timestamp};

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

/// The wait before try `tries + 1` after `tries` failed ones.
#[must_use]
pub fn retry_delay(tries: u32) -> SignedDuration {
    let minutes = match tries {
        0 | 1 => 1,
        2 => 5,
        3 => 15,
        4 => 60,
        _ => 240,
    };
    SignedDuration::from_mins(minutes)
}

/// One round at `now`: keeps every missing receipt-at-send, then asks `tsa` (when set) for
/// each due token. A failure that is the authority's (down, slow, HTTP error) ends the round's
/// requests: the rest are put off with the same reason rather than each waiting its timeout.
pub fn stamp_due(
    store: &mut Store,
    tsa: Option<&Tsa>,
    now: Timestamp,
) -> Result<StampSummary, StoreError> {
    let mut summary = StampSummary::default();
    let mut down: Option<String> = None;
    for id in store.stamps_due(now, tsa.is_some(), ROUND)? {
        let status = store.stamp_status(id)?.unwrap_or_default();
        if !status.receipt_kept {
            let message = store.message(id)?;
            let receipt = crate::proof::receipt::at_send(&message, Timestamp::now());
            if store.keep_receipt_at_send(id, &receipt)? {
                summary.kept += 1;
            }
        }
        let Some(tsa) = tsa else { continue };
        if status.stamped_at.is_some() {
            continue;
        }
        if status.next_try_at.is_some_and(|at| at > now) {
            continue;
        }
        let Some(receipt) = store.kept_stamp(id)?.receipt else {
            continue;
        };
        let result = match &down {
            Some(reason) => Err(reason.clone()),
            None => tsa.stamp(&receipt).map_err(|e| {
                let reason = e.to_string();
                if matches!(
                    e,
                    TsaError::Unreachable(_) | TsaError::Timeout(_) | TsaError::Http(_)
                ) {
                    down = Some(reason.clone());
                }
                reason
            }),
        };
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
                    .checked_add(retry_delay(status.tries + 1))
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
/// given (retries fall due in between).
pub fn spawn(
    database: PathBuf,
    interval: Duration,
    waker: Waker,
) -> std::io::Result<Handle<Command, Event>> {
    Handle::spawn(
        "stamper",
        (4, 16),
        waker,
        move |commands, events: Emitter<Event>| {
            let mut store = match Store::open(&database) {
                Ok(s) => s,
                Err(e) => {
                    events.emit(Event::Problem(e.to_string()));
                    return;
                }
            };
            let mut setting: Option<TsaSetting> = None;
            loop {
                match commands.recv_timeout(interval) {
                    Ok(Command::Shutdown) | Err(RecvTimeoutError::Disconnected) => return,
                    Ok(Command::StampDue(s)) => setting = s,
                    Err(RecvTimeoutError::Timeout) => {}
                }
                let tsa = match authority(setting.as_ref()) {
                    Ok(tsa) => tsa,
                    Err(e) => {
                        events.emit(Event::Problem(e.to_string()));
                        None
                    }
                };
                match stamp_due(&mut store, tsa.as_ref(), Timestamp::now()) {
                    Ok(s) if s == StampSummary::default() => {}
                    Ok(s) => events.emit(Event::Round(s)),
                    Err(e) => events.emit(Event::Problem(e.to_string())),
                }
            }
        },
    )
}
