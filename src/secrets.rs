//! Passwords: the only module that touches the OS keychain.
//!
//! A password lives in the keychain (Secret Service, macOS Keychain, Windows Credential Manager)
//! under the service `stempel` and the key `account:{name}`, or comes from a *password command*
//! whose standard output is the password (like msmtp's `passwordeval`), for machines without a
//! keychain. It is never written to the database, the settings, a log or a transcript:
//! [`Secret`] prints as `****` and hands out its value only through [`Secret::expose`].
//!
//! The keychain may be missing, locked or broken (no session bus on a server, a locked login
//! keyring): every error here says so in words and names the password-command alternative.
//! Setting `STEMPEL_KEYCHAIN=mock` selects an in-memory store that forgets everything when the
//! process ends; it exists for tests of the code around the keychain, not for use.
//! `STEMPEL_KEYCHAIN=none` leaves the keychain alone (a desktop whose keyring prompts or hangs):
//! passwords then come from password commands or are kept for the session.

use std::collections::HashMap;
use std::fmt;
use std::process::{Command, Stdio};
use std::sync::{Mutex, OnceLock, PoisonError};

const SERVICE: &str = "stempel";

/// A password. Its `Debug` and `Display` never show it.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    #[must_use]
    pub fn new(value: String) -> Self {
        Self(value)
    }

    /// The password itself, for the one place that must send it.
    #[must_use]
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(****)")
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SecretError {
    #[error(
        "no keychain is reachable ({detail}); unlock or start your desktop keyring, or give the \
         account a password command (--password-command) that prints the password"
    )]
    NoKeychain { detail: String },
    #[error("the keychain refused the request: {0}")]
    Keychain(String),
    #[error("no password is stored for account {0:?}; run `stempel account set-password {0}`")]
    Missing(String),
    #[error("the password is empty")]
    Empty,
    #[error("the password command could not be run: {0}")]
    CommandSpawn(#[source] std::io::Error),
    /// What the command wrote to stderr went to the terminal (if any) and is kept nowhere:
    /// a command may echo its secret when it fails.
    #[error("the password command failed ({status})")]
    CommandFailed { status: String },
    #[error("the password command printed text that is not UTF-8")]
    CommandNotUtf8,
}

type Result<T, E = SecretError> = std::result::Result<T, E>;

/// Whether the keychain answered, decided once per process.
static READY: OnceLock<std::result::Result<(), String>> = OnceLock::new();

const TURNED_OFF: &str = "turned off for this run (STEMPEL_KEYCHAIN=none)";

/// Makes this process work without the OS keychain, as on a computer that has none; `false`
/// when the keychain was already used. `STEMPEL_KEYCHAIN=none` does the same from the start.
pub fn without_keychain() -> bool {
    READY.set(Err(TURNED_OFF.to_owned())).is_ok()
}

fn keychain_ready() -> Result<()> {
    let state = READY.get_or_init(|| {
        if std::env::var("STEMPEL_KEYCHAIN").as_deref() == Ok("none") {
            return Err(TURNED_OFF.to_owned());
        }
        if std::env::var("STEMPEL_KEYCHAIN").as_deref() == Ok("mock") {
            let store = keyring_core::mock::Store::new().map_err(|e| e.to_string())?;
            keyring_core::set_default_store(store);
            return Ok(());
        }
        // Initialises the platform store and makes it keyring-core's default.
        keyring::Entry::store_status()
            .as_ref()
            .copied()
            .map_err(ToString::to_string)
    });
    state
        .clone()
        .map_err(|detail| SecretError::NoKeychain { detail })
}

/// Whether the OS keychain can be reached (a D-Bus round trip on Linux the first time: call it
/// off the window's thread).
pub fn keychain_available() -> Result<()> {
    keychain_ready()
}

/// Passwords kept in memory for this run only, where no keychain can keep them.
fn session() -> &'static Mutex<HashMap<String, Secret>> {
    static SESSION: OnceLock<Mutex<HashMap<String, Secret>>> = OnceLock::new();
    SESSION.get_or_init(Mutex::default)
}

/// Keeps the password of `account` in memory until the process ends (never on disk).
pub fn keep_for_session(account: &str, secret: Secret) {
    session()
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .insert(account.to_owned(), secret);
}

/// Forgets a password kept for this session.
pub fn forget_for_session(account: &str) {
    session()
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .remove(account);
}

/// Whether a password for `account` is kept for this session.
#[must_use]
pub fn kept_for_session(account: &str) -> bool {
    session()
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .contains_key(account)
}

fn entry(account: &str) -> Result<keyring_core::Entry> {
    keychain_ready()?;
    keyring_core::Entry::new(SERVICE, &format!("account:{account}")).map_err(map_err)
}

fn map_err(e: keyring_core::Error) -> SecretError {
    match e {
        keyring_core::Error::NoDefaultStore | keyring_core::Error::NoStorageAccess(_) => {
            SecretError::NoKeychain {
                detail: e.to_string(),
            }
        }
        other => SecretError::Keychain(other.to_string()),
    }
}

/// Stores the password of `account` in the keychain.
pub fn store_password(account: &str, secret: &Secret) -> Result<()> {
    if secret.expose().is_empty() {
        return Err(SecretError::Empty);
    }
    entry(account)?
        .set_password(secret.expose())
        .map_err(map_err)
}

/// The keychain's password for `account`; `Ok(None)` when none is stored.
pub fn keychain_password(account: &str) -> Result<Option<Secret>> {
    match entry(account)?.get_password() {
        Ok(p) => Ok(Some(Secret(p))),
        Err(keyring_core::Error::NoEntry) => Ok(None),
        Err(e) => Err(map_err(e)),
    }
}

/// Removes the password of `account` from the keychain (nothing stored is fine).
pub fn delete_password(account: &str) -> Result<()> {
    match entry(account)?.delete_credential() {
        Ok(()) | Err(keyring_core::Error::NoEntry) => Ok(()),
        Err(e) => Err(map_err(e)),
    }
}

/// The password for an account: from its password command when it has one, else the one kept
/// for this session, else the keychain.
pub fn password(account: &str, password_command: Option<&str>) -> Result<Secret> {
    if let Some(cmd) = password_command {
        return run_password_command(cmd);
    }
    let kept = session()
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .get(account)
        .cloned();
    match kept {
        Some(secret) => Ok(secret),
        None => keychain_password(account)?.ok_or_else(|| SecretError::Missing(account.into())),
    }
}

/// Runs `cmd` through the shell; its standard output, less one trailing newline, is the
/// password.
pub fn run_password_command(cmd: &str) -> Result<Secret> {
    let (shell, flag) = if cfg!(windows) {
        ("cmd", "/C")
    } else {
        ("sh", "-c")
    };
    let out = Command::new(shell)
        .args([flag, cmd])
        .stdin(Stdio::null())
        // Shown once where Stempel was started (a terminal for the CLI), never read or stored.
        .stderr(Stdio::inherit())
        .output()
        .map_err(SecretError::CommandSpawn)?;
    if !out.status.success() {
        return Err(SecretError::CommandFailed {
            status: out.status.to_string(),
        });
    }
    let mut text = String::from_utf8(out.stdout).map_err(|_| SecretError::CommandNotUtf8)?;
    if text.ends_with('\n') {
        text.pop();
        if text.ends_with('\r') {
            text.pop();
        }
    }
    if text.is_empty() {
        return Err(SecretError::Empty);
    }
    Ok(Secret(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_secret() {
        let s = Secret::new("hunter2".into());
        assert_eq!(format!("{s:?}"), "Secret(****)");
        assert!(!format!("{:?}", Some(&s)).contains("hunter2"));
    }

    #[test]
    fn a_session_password_is_used_until_forgotten_and_a_command_comes_first() {
        let account = "session-test";
        keep_for_session(account, Secret::new("s3cret".into()));
        assert!(kept_for_session(account));
        assert_eq!(password(account, None).unwrap().expose(), "s3cret");
        #[cfg(unix)]
        assert_eq!(password(account, Some("echo cmd")).unwrap().expose(), "cmd");
        forget_for_session(account);
        assert!(!kept_for_session(account));
    }

    #[cfg(unix)]
    #[test]
    fn password_command() {
        assert_eq!(
            run_password_command("printf 'p@ss w0rd\\n'")
                .unwrap()
                .expose(),
            "p@ss w0rd"
        );
        assert!(matches!(
            run_password_command("echo oops >&2; exit 3"),
            Err(SecretError::CommandFailed { .. })
        ));
        assert!(matches!(
            run_password_command("true"),
            Err(SecretError::Empty)
        ));
    }
}
