//! One-off background work the window starts: each runs on its own named thread and reports
//! back over a bounded channel, waking the window. `ui()` only starts jobs and reads results.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, SyncSender, TrySendError};

use crate::model::{Account, TranscriptLine};
use crate::secrets::{self, Secret};
use crate::worker::{Waker, sender};

/// A finished job.
pub enum Done {
    /// Files chosen in the file dialog.
    Files(Vec<PathBuf>),
    /// "Test connection": the conversation, or why it failed with the conversation so far.
    Tested {
        account: String,
        result: Result<Vec<TranscriptLine>, Box<sender::OpenFailure>>,
    },
    /// A password written to the keychain.
    PasswordSaved {
        account: String,
        result: Result<(), String>,
    },
}

pub struct Jobs {
    tx: SyncSender<Done>,
    rx: Receiver<Done>,
    waker: Waker,
}

impl Jobs {
    pub fn new(waker: Waker) -> Self {
        let (tx, rx) = std::sync::mpsc::sync_channel(16);
        Self { tx, rx, waker }
    }

    pub fn try_recv(&self) -> Option<Done> {
        self.rx.try_recv().ok()
    }

    /// Runs `work` on a thread named `name`; its result arrives through [`Jobs::try_recv`].
    fn spawn(&self, name: &str, work: impl FnOnce() -> Done + Send + 'static) {
        let tx = self.tx.clone();
        let waker = self.waker.clone();
        let spawned = std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                let done = work();
                // A full channel means the window is gone or far behind; the result is
                // dropped, never blocking this thread forever.
                match tx.try_send(done) {
                    Ok(()) | Err(TrySendError::Full(_) | TrySendError::Disconnected(_)) => {}
                }
                waker();
            });
        // No thread means no result; the window keeps working without it.
        drop(spawned);
    }

    /// The native file dialog for attachments (it blocks its own thread, not the window).
    pub fn pick_files(&self) {
        self.spawn("file-dialog", || {
            let files = rfd::FileDialog::new().pick_files().unwrap_or_default();
            Done::Files(files)
        });
    }

    /// Connects, secures and logs in with `account`, then QUITs.
    pub fn test_connection(&self, account: Account) {
        self.spawn("connection-test", move || {
            let result = sender::open_session(&account, &sender::Options::default()).map(
                |(client, mut setup)| {
                    let start = client.transcript.lines.len();
                    setup.extend(client.quit().since(start));
                    setup
                },
            );
            Done::Tested {
                account: account.name,
                result,
            }
        });
    }

    /// Stores a password in the OS keychain (a D-Bus round trip on Linux).
    pub fn save_password(&self, account: String, password: Secret) {
        self.spawn("keychain-write", move || {
            let result = secrets::store_password(&account, &password).map_err(|e| e.to_string());
            Done::PasswordSaved { account, result }
        });
    }
}
