//! The sender's journal: a second store connection on its own thread, so that the durable
//! commits of a batch run while the next body is on the wire.
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

use jiff::Timestamp;

use super::MailReport;
use crate::store::{AttemptRecord, Finish, Store, StoreError};

/// A sent mail whose receipt is not committed yet.
pub(super) struct Pending {
    pub attempt: i64,
    pub record: AttemptRecord,
    pub finish: Finish,
    pub report: MailReport,
}

/// One group commit: an optional receipt and the next mail's attempt with its mark.
pub(super) struct Job {
    pub finish: Option<Pending>,
    pub message: i64,
    pub server: String,
    pub started: Timestamp,
}

/// The new attempt's id, and the receipt that went with it (to report, or, when the commit
/// failed, to commit another way).
pub(super) type Done = (Result<i64, String>, Option<Pending>);

pub(super) struct Journal {
    jobs: Option<SyncSender<Job>>,
    done: Receiver<Done>,
    thread: Option<JoinHandle<()>>,
    busy: bool,
}

impl Journal {
    /// Opens the journal's own connection to the database at `db` on a named thread.
    pub fn open(db: &Path) -> std::io::Result<Self> {
        let (jobs, job_rx) = sync_channel::<Job>(1);
        let (done_tx, done) = sync_channel::<Done>(1);
        let db = db.to_path_buf();
        let thread = std::thread::Builder::new()
            .name("sender-journal".into())
            .spawn(move || {
                let mut store = Store::open(&db).map_err(|e| e.to_string());
                while let Ok(job) = job_rx.recv() {
                    let result = match &mut store {
                        Ok(s) => s
                            .finish_and_start(
                                job.finish
                                    .as_ref()
                                    .map(|p| (p.attempt, &p.record, p.finish)),
                                job.message,
                                &job.server,
                                job.started,
                            )
                            .map_err(|e: StoreError| e.to_string()),
                        Err(e) => Err(e.clone()),
                    };
                    if done_tx.send((result, job.finish)).is_err() {
                        return;
                    }
                }
            })?;
        Ok(Self {
            jobs: Some(jobs),
            done,
            thread: Some(thread),
            busy: false,
        })
    }

    /// Starts a commit; gives the job back when the journal's thread is gone.
    pub fn begin(&mut self, job: Job) -> Result<(), Box<Job>> {
        debug_assert!(!self.busy, "one commit at a time");
        let Some(jobs) = &self.jobs else {
            return Err(Box::new(job));
        };
        match jobs.send(job) {
            Ok(()) => {
                self.busy = true;
                Ok(())
            }
            Err(e) => Err(Box::new(e.0)),
        }
    }

    /// Waits for the commit begun last; `None` when none is under way.
    pub fn wait(&mut self) -> Option<Done> {
        if !self.busy {
            return None;
        }
        self.busy = false;
        Some(
            self.done
                .recv()
                .unwrap_or_else(|_| (Err("the journal thread stopped".into()), None)),
        )
    }
}

impl Drop for Journal {
    fn drop(&mut self) {
        self.jobs = None;
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}
