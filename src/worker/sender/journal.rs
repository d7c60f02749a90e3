//! The sender's journal: where the group commits of a batch run. With its own thread and a
//! second store connection they run while the next body is on the wire; without (the thread
//! could not start) the same commit runs on the sender's connection when it is awaited.
//!
//! Per mail the sender needs two durable facts: before the final `.`, "the end of DATA may
//! have been sent" (else a crash could send the mail twice), and after the 250, the receipt.
//! The journal puts the receipt of mail N and the mark of mail N+1 in one transaction, begun
//! when the server answers N+1's DATA with 354 and awaited before N+1's final `.`: one fsync
//! per mail, overlapping the body transfer. The receipt of N is therefore durable a little
//! later (at the next mail's 354, or when the batch ends); a crash in between leaves N
//! *uncertain* (the safe side), never queued again.

use std::path::Path;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::thread::JoinHandle;

use super::receipts::{Mark, Pending};
use crate::store::Store;

/// One group commit: an optional receipt and the next mail's attempt with its mark.
pub(super) struct Job {
    pub finish: Option<Pending>,
    pub mark: Mark,
}

/// The new attempt's id, and the receipt that went with it (to report, or, when the commit
/// failed, to commit another way).
pub(super) type Done = (Result<i64, String>, Option<Pending>);

/// The one group commit, on whichever connection runs it.
fn commit(store: &mut Store, job: Job) -> Done {
    let result = store
        .finish_and_start(
            job.finish
                .as_ref()
                .map(|p| (p.attempt, &p.record, p.finish)),
            job.mark.message,
            &job.mark.server,
            job.mark.started,
        )
        .map_err(|e| e.to_string());
    (result, job.finish)
}

pub(super) enum Journal {
    /// The `sender-journal` thread with its own connection; `busy` while a commit runs.
    Thread {
        /// Dropped (`None`) to end the thread's loop.
        jobs: Option<SyncSender<Job>>,
        done: Receiver<Done>,
        thread: Option<JoinHandle<()>>,
        busy: bool,
    },
    /// No thread: the job waits here and is committed on the sender's connection.
    Inline(Option<Box<Job>>),
}

impl Journal {
    /// Opens the journal's own connection to the database at `db` on a named thread, or the
    /// inline journal when the thread cannot start.
    pub fn open(db: &Path) -> Self {
        let (jobs, job_rx) = sync_channel::<Job>(1);
        let (done_tx, done) = sync_channel::<Done>(1);
        let db = db.to_path_buf();
        let spawned = std::thread::Builder::new()
            .name("sender-journal".into())
            .spawn(move || {
                let mut store = Store::open(&db).map_err(|e| e.to_string());
                while let Ok(job) = job_rx.recv() {
                    let done = match &mut store {
                        Ok(s) => commit(s, job),
                        Err(e) => (Err(e.clone()), job.finish),
                    };
                    if done_tx.send(done).is_err() {
                        return;
                    }
                }
            });
        match spawned {
            Ok(thread) => Self::Thread {
                jobs: Some(jobs),
                done,
                thread: Some(thread),
                busy: false,
            },
            Err(_) => Self::Inline(None),
        }
    }

    /// Starts a commit (one at a time). When the thread is gone the job stays here and is
    /// committed inline when awaited.
    pub fn begin(&mut self, job: Job) {
        match self {
            Self::Thread {
                jobs: Some(jobs),
                busy,
                ..
            } => match jobs.send(job) {
                Ok(()) => *busy = true,
                Err(e) => *self = Self::Inline(Some(Box::new(e.0))),
            },
            Self::Thread { jobs: None, .. } | Self::Inline(_) => {
                *self = Self::Inline(Some(Box::new(job)));
            }
        }
    }

    /// Waits for the commit begun last (or runs it on `store`); `None` when none is under way.
    pub fn wait(&mut self, store: &mut Store) -> Option<Done> {
        match self {
            Self::Thread { done, busy, .. } => {
                if !std::mem::take(busy) {
                    return None;
                }
                Some(
                    done.recv()
                        .unwrap_or_else(|_| (Err("the journal thread stopped".into()), None)),
                )
            }
            Self::Inline(slot) => slot.take().map(|job| commit(store, *job)),
        }
    }
}

impl Drop for Journal {
    fn drop(&mut self) {
        if let Self::Thread { jobs, thread, .. } = self {
            // Closing the channel ends the thread's loop.
            jobs.take();
            if let Some(t) = thread.take() {
                let _ = t.join();
            }
        }
    }
}
