//! One-off background work the window starts: each runs on its own named thread and reports
//! back over a bounded channel, waking the window. `ui()` only starts jobs and reads results.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, SyncSender, TrySendError};
use std::time::{Duration, Instant};

use crate::config::TsaSetting;
use crate::model::{Account, TranscriptLine};
use crate::secrets::{self, Secret};
use crate::store::Store;
use crate::worker::{Waker, evidence, sender, stamper};

/// A finished job.
pub enum Done {
    /// Files chosen in the file dialog.
    Files(Vec<PathBuf>),
    /// The file dialog could not open (no desktop portal): it came back at once with nothing,
    /// faster than a person can cancel it.
    NoFileDialog,
    /// A folder read for Stempel's own file picker.
    Folder {
        path: PathBuf,
        result: Result<Vec<super::file_picker::Entry>, String>,
    },
    /// "Test connection": the conversation, or why it failed with the conversation so far.
    Tested {
        account: String,
        result: Result<Vec<TranscriptLine>, Box<sender::OpenFailure>>,
    },
    /// A password written to the keychain; on failure it was kept for this session instead.
    PasswordSaved {
        account: String,
        result: Result<(), String>,
    },
    /// A removed account's password is gone from the keychain (or could not be removed).
    PasswordForgotten,
    /// Whether the keychain answers, and the accounts (of those asked about) with a password
    /// stored there.
    Passwords { keychain: bool, stored: Vec<String> },
    /// "Save proof…": where the evidence file went and why it has no fresh stamp, if so;
    /// `Ok(None)` when the user closed the dialog.
    ProofSaved {
        result: Result<Option<(PathBuf, Option<String>)>, String>,
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
            let opened = Instant::now();
            match rfd::FileDialog::new().pick_files() {
                Some(files) => Done::Files(files),
                None if dialog_failed(opened) => Done::NoFileDialog,
                None => Done::Files(Vec::new()),
            }
        });
    }

    /// Reads a folder for Stempel's own file picker (a slow or network folder never holds up
    /// the window).
    pub fn list_folder(&self, path: PathBuf) {
        self.spawn("list-folder", move || {
            let result = super::file_picker::list(&path).map_err(|e| e.to_string());
            Done::Folder { path, result }
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

    /// Stores a password in the OS keychain (a D-Bus round trip on Linux); when the keychain
    /// fails, the password is kept for this session, so sending works until the window closes.
    pub fn save_password(&self, account: String, password: Secret) {
        self.spawn("keychain-write", move || {
            let result = match secrets::store_password(&account, &password) {
                Ok(()) => {
                    secrets::forget_for_session(&account);
                    Ok(())
                }
                Err(e) => {
                    secrets::keep_for_session(&account, password);
                    Err(e.to_string())
                }
            };
            Done::PasswordSaved { account, result }
        });
    }

    /// Removes a removed account's password from the keychain (a failure leaves an unused
    /// entry, nothing else).
    pub fn forget_password(&self, account: String) {
        self.spawn("keychain-delete", move || {
            let _ = secrets::delete_password(&account);
            Done::PasswordForgotten
        });
    }

    /// Asks the keychain whether it answers and which of `accounts` have a password there.
    pub fn check_passwords(&self, accounts: Vec<String>) {
        self.spawn("keychain-check", move || {
            let keychain = secrets::keychain_available().is_ok();
            let stored = if keychain {
                accounts
                    .into_iter()
                    .filter(|a| matches!(secrets::keychain_password(a), Ok(Some(_))))
                    .collect()
            } else {
                Vec::new()
            };
            Done::Passwords { keychain, stored }
        });
    }

    /// Writes mail `id`'s evidence file: the save dialog (or straight into `folder`), then its
    /// own store connection, a fresh stamp from `tsa` when set, and the file written whole.
    pub fn save_proof(
        &self,
        database: PathBuf,
        id: i64,
        tsa: Option<TsaSetting>,
        folder: Option<PathBuf>,
    ) {
        self.spawn("save-proof", move || {
            let name = format!("stempel-proof-{id}.zip");
            let path = if let Some(dir) = folder {
                Some(dir.join(name))
            } else {
                let opened = Instant::now();
                let chosen = rfd::FileDialog::new()
                    .set_file_name(&name)
                    .add_filter("ZIP", &["zip"])
                    .save_file();
                // Without a dialog the file still gets written: in Documents (or the home
                // folder), and the toast says where.
                chosen
                    .or_else(|| dialog_failed(opened).then(|| unused_path(&documents_folder(), id)))
            };
            let result = match path {
                None => Ok(None),
                Some(path) => write_proof(&database, id, tsa.as_ref(), &path)
                    .map(|problem| Some((path, problem))),
            };
            Done::ProofSaved { result }
        });
    }
}

/// Whether a dialog that came back empty failed to open rather than being cancelled: a
/// missing desktop portal answers at once, a person takes longer than this to cancel.
fn dialog_failed(opened: Instant) -> bool {
    opened.elapsed() < Duration::from_millis(300)
}

/// The user's Documents folder, else the home folder, else the current one: where an evidence
/// file goes when no save dialog can open, and where Stempel's file picker starts.
pub(super) fn documents_folder() -> PathBuf {
    directories::UserDirs::new()
        .and_then(|d| {
            d.document_dir()
                .map(std::path::Path::to_path_buf)
                .or_else(|| Some(d.home_dir().to_path_buf()))
        })
        .unwrap_or_else(|| PathBuf::from("."))
}

/// `stempel-proof-ID.zip` in `dir`, or `stempel-proof-ID (2).zip` and so on when taken: a save
/// without a dialog (nobody to ask about replacing) never overwrites an earlier file.
fn unused_path(dir: &std::path::Path, id: i64) -> PathBuf {
    let named = |n: u32| {
        dir.join(if n == 1 {
            format!("stempel-proof-{id}.zip")
        } else {
            format!("stempel-proof-{id} ({n}).zip")
        })
    };
    (1..1000)
        .map(named)
        .find(|p| !p.exists())
        .unwrap_or_else(|| named(1))
}

/// The evidence of `id` at `path`, written whole; the fresh stamp's problem, if any.
fn write_proof(
    database: &std::path::Path,
    id: i64,
    tsa: Option<&TsaSetting>,
    path: &std::path::Path,
) -> Result<Option<String>, String> {
    let store = Store::open(database).map_err(|e| e.localized())?;
    let tsa = stamper::authority(tsa).map_err(|e| e.to_string())?;
    let written = evidence::evidence_zip(&store, id, tsa.as_ref()).map_err(|e| e.to_string())?;
    evidence::write_whole(path, &written.zip).map_err(|e| e.to_string())?;
    Ok(written.stamp_problem)
}
