//! Opening a session for an account: the CA file, the password (keychain or command),
//! connect, TLS, EHLO and login, with the conversation kept for the receipts.

use crate::model::{Account, Dir, Security, TranscriptLine};
use crate::secrets::{self, SecretError};
use crate::smtp::client::{Client, Endpoint, Transcript};
use crate::smtp::error::SmtpError;
use crate::smtp::explain::{Explanation, explain_error};
use crate::smtp::reply::Reply;
use crate::store::AttemptRecord;
use crate::tls;

use super::Options;

/// An open session and the transcript lines every mail's receipt starts with.
pub(super) struct Session {
    pub client: Client,
    pub setup: Vec<TranscriptLine>,
}

/// The server and how to greet it. EHLO names the sender's domain as its A-label: an account
/// stored before addresses were normalised may still hold a Unicode domain.
fn endpoint(account: &Account, options: &Options) -> Endpoint {
    let helo = options.helo_name.clone().unwrap_or_else(|| {
        let domain = account
            .from
            .address
            .rsplit_once('@')
            .map_or("localhost", |(_, d)| d);
        idna::domain_to_ascii(domain).unwrap_or_else(|_| "localhost".to_owned())
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
pub(super) enum OpenError {
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

pub(super) fn open(account: &Account, options: &Options) -> Result<Session, OpenError> {
    open_after(account, options, Transcript::new(), true)
}

/// [`open`], with the conversation going on from `earlier` (a mail sent again on a new
/// session keeps one transcript); the session's own setup lines are those after it. Without
/// `chunking` the session uses DATA even when the server offers CHUNKING (it refused BDAT).
pub(super) fn open_after(
    account: &Account,
    options: &Options,
    earlier: Transcript,
    chunking: bool,
) -> Result<Session, OpenError> {
    let from = earlier.lines.len();
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
                OpenError::Setup {
                    error: e.to_string(),
                    explanation: secret_explanation(&e),
                    // A missing password is set later (the window, set-password): the mail
                    // waits for it with the usual retries rather than failing for good.
                    permanent: false,
                }
            })?,
        )
    };
    let endpoint = endpoint(account, options);
    let mut client =
        Client::connect(&endpoint, &tls, earlier).map_err(|(e, t)| OpenError::Smtp(e, t))?;
    client.extensions.chunking &= chunking;
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
    if !client.extensions.dsn {
        client.transcript.push(
            Dir::Info,
            "the server offers no DSN: no delivery report is asked for, so this receipt is the \
             last proof Stempel will get from it",
        );
    }
    let setup = client.transcript.since(from);
    Ok(Session { client, setup })
}

/// Why the password could not be had, and what to do. Only a password that is not stored at
/// all fails the mail; an empty one or an unreachable keychain is fixed on the account and the
/// mail waits for the next try.
fn secret_explanation(e: &SecretError) -> Explanation {
    match e {
        SecretError::Missing(_) => Explanation {
            key: "secret-missing",
            meaning: "no password is stored for this account",
            advice: "store the password for this account (Accounts)",
        },
        SecretError::Empty => Explanation {
            key: "secret-empty",
            meaning: "the password for this account is empty (the keychain entry or the password command gave nothing)",
            advice: "store the password again, or check the account's password command; Stempel tries again later",
        },
        _ => Explanation {
            key: "secret-unavailable",
            meaning: "the password could not be read from the keychain or the password command",
            advice: "unlock the keychain, or give the account a password command; Stempel tries again later",
        },
    }
}

pub(super) fn tls_record(client: &Client, account: &Account) -> AttemptRecord {
    let tls = client.tls.clone().unwrap_or_default();
    AttemptRecord {
        server: Some(format!("{}:{}", account.smtp.host, account.smtp.port)),
        peer_address: Some(client.peer.to_string()),
        tls_version: client.tls.as_ref().map(|_| tls.version.clone()),
        tls_cipher: client.tls.as_ref().map(|_| tls.cipher.clone()),
        cert_subject: client.tls.as_ref().map(|_| tls.cert_subject.clone()),
        cert_sha256: client.tls.as_ref().map(|_| tls.cert_sha256.clone()),
        cert_verified: client.tls.as_ref().map(|_| tls.verified),
        dsn_offered: Some(client.extensions.dsn),
        ..AttemptRecord::default()
    }
}
