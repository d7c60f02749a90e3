//! Plain data shared by every layer: the outbox states, accounts, mails, recipients, receipts.
//!
//! Nothing here does I/O or knows SQL, SMTP or egui. The rules about which state may follow which
//! are data too ([`MessageState::can_become`]); only `store/` applies them, inside a transaction.

use std::fmt;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

mod customer;
mod state;
pub use customer::{Customer, tax_key};
pub use state::{DeliveryState, MessageState};

/// How a recipient was addressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RecipientKind {
    To,
    Cc,
    /// In the envelope only, never in the headers.
    Bcc,
}

impl RecipientKind {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::To => "to",
            Self::Cc => "cc",
            Self::Bcc => "bcc",
        }
    }

    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        [Self::To, Self::Cc, Self::Bcc]
            .into_iter()
            .find(|k| k.as_str() == s)
    }
}

/// Transport security of a connection.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Security {
    /// Plain connection upgraded with STARTTLS; a server without STARTTLS is refused.
    Starttls,
    /// TLS from the first byte (SMTPS 465, IMAPS 993).
    Tls,
    /// No encryption: for local relays only; AUTH is refused unless the host is loopback.
    None,
}

impl Security {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Starttls => "starttls",
            Self::Tls => "tls",
            Self::None => "none",
        }
    }

    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        [Self::Starttls, Self::Tls, Self::None]
            .into_iter()
            .find(|v| v.as_str() == s)
    }
}

/// How Stempel logs in to the account's servers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AuthMethod {
    /// A password (SASL PLAIN or LOGIN, whichever the server offers).
    #[default]
    Password,
    /// An OAuth 2.0 access token (SASL XOAUTH2, as Gmail and Microsoft 365 take), usually from
    /// `password_command`, since such tokens expire within the hour.
    Xoauth2,
}

impl AuthMethod {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Password => "password",
            Self::Xoauth2 => "xoauth2",
        }
    }

    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        [Self::Password, Self::Xoauth2]
            .into_iter()
            .find(|v| v.as_str() == s)
    }
}

/// A name and an address, as in `From: Anna Nowak <anna@firma.pl>`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mailbox {
    pub name: Option<String>,
    pub address: String,
}

impl fmt::Display for Mailbox {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.name {
            Some(name) => write!(f, "{name} <{}>", self.address),
            None => f.write_str(&self.address),
        }
    }
}

/// Server settings of one side (SMTP or IMAP) of an account.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Endpoint {
    pub host: String,
    pub port: u16,
    pub security: Security,
    pub user: String,
}

/// A sending identity. Holds no secret: the password is in the keychain or comes from
/// `password_command`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    pub name: String,
    pub from: Mailbox,
    pub reply_to: Option<String>,
    pub smtp: Endpoint,
    pub imap: Option<Endpoint>,
    /// Folders the bounce scanner reads besides INBOX.
    pub imap_folders: Vec<String>,
    /// A shell command whose standard output is the password (for headless use).
    pub password_command: Option<String>,
    /// How to log in; the secret (keychain or `password_command`) is a password or a token.
    #[serde(default)]
    pub auth: AuthMethod,
    /// An extra CA certificate (PEM) to trust for this account's servers.
    pub ca_file: Option<String>,
}

impl Account {
    /// An account named `name` sending as `from`, with everything else at its default: SMTP on
    /// `smtp_host`:587 with STARTTLS and no login name, no IMAP, no password command, no CA
    /// file, password login. Callers set what differs.
    #[must_use]
    pub fn new(name: impl Into<String>, from: Mailbox, smtp_host: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            from,
            reply_to: None,
            smtp: Endpoint {
                host: smtp_host.into(),
                port: 587,
                security: Security::Starttls,
                user: String::new(),
            },
            imap: None,
            imap_folders: Vec::new(),
            password_command: None,
            auth: AuthMethod::Password,
            ca_file: None,
        }
    }
}

/// A mail as composed, before it is built: what a draft holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Compose {
    pub to: Vec<String>,
    pub cc: Vec<String>,
    pub bcc: Vec<String>,
    pub reply_to: Option<String>,
    pub subject: String,
    pub body_text: String,
    pub body_html: Option<String>,
    pub notify_delivery: bool,
    pub read_receipt: bool,
    /// The invoice the mail carries: the same number is not sent to the same recipient twice
    /// unless the user says so.
    pub invoice_number: Option<String>,
}

/// An attachment snapshotted into the store.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Attachment {
    pub filename: String,
    pub mime_type: String,
    pub size: u64,
    pub sha256: String,
    #[serde(skip)]
    pub data: Vec<u8>,
}

/// Who wrote a transcript line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Dir {
    /// The client (Stempel).
    #[serde(rename = "C")]
    Client,
    /// The server.
    #[serde(rename = "S")]
    Server,
    /// A fact recorded by Stempel (address, TLS version, certificate).
    #[serde(rename = "I")]
    Info,
}

/// One line of an SMTP conversation, `t_ms` after the attempt started.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TranscriptLine {
    pub t_ms: u64,
    pub dir: Dir,
    pub line: String,
}

/// `    12 ms C: EHLO firma.pl`: offset, direction (`C:` Stempel, `S:` the server, `--` a fact
/// Stempel noted) and the line, as the window, the command line and the proof show it.
impl fmt::Display for TranscriptLine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let dir = match self.dir {
            Dir::Client => "C:",
            Dir::Server => "S:",
            Dir::Info => "--",
        };
        write!(f, "{:>6} ms {dir} {}", self.t_ms, self.line)
    }
}

/// How a send attempt ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// 250 after the end of DATA: the receipt.
    Sent,
    /// A temporary failure; the mail was queued again.
    Deferred,
    /// A permanent failure.
    Failed,
    /// The line died after the end of DATA and before the reply.
    Uncertain,
}

impl Outcome {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Sent => "sent",
            Self::Deferred => "deferred",
            Self::Failed => "failed",
            Self::Uncertain => "uncertain",
        }
    }

    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        [Self::Sent, Self::Deferred, Self::Failed, Self::Uncertain]
            .into_iter()
            .find(|o| o.as_str() == s)
    }
}

/// One try at sending a mail: the receipt when it succeeded.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Attempt {
    pub id: i64,
    pub started_at: Option<Timestamp>,
    pub finished_at: Option<Timestamp>,
    /// `host:port` as configured.
    pub server: Option<String>,
    /// The address connected to (`203.0.113.5:587`).
    pub peer_address: Option<String>,
    pub tls_version: Option<String>,
    pub tls_cipher: Option<String>,
    /// The server certificate's subject and SHA-256 fingerprint, and whether it verified.
    pub cert_subject: Option<String>,
    pub cert_sha256: Option<String>,
    pub cert_verified: Option<bool>,
    pub reply_code: Option<u16>,
    pub enhanced_status: Option<String>,
    pub reply_text: Option<String>,
    pub queue_id: Option<String>,
    pub outcome: Option<Outcome>,
    pub error: Option<String>,
    pub explanation: Option<String>,
    /// The explanation's catalogue key, for showing it translated.
    pub explanation_key: Option<String>,
    /// Whether the server offered DSN (delivery reports); `None` before it was known.
    pub dsn_offered: Option<bool>,
    pub transcript: Vec<TranscriptLine>,
}

impl Attempt {
    /// What happened and what to do, in the user's language where the catalogue has the
    /// explanation's key, else as stored (English, `meaning; advice`).
    #[must_use]
    pub fn explained(&self) -> Option<(String, String)> {
        match (&self.explanation_key, &self.explanation) {
            (Some(key), stored) => {
                let (meaning, advice) = stored
                    .as_deref()
                    .and_then(|s| s.split_once("; "))
                    .unwrap_or(("", ""));
                Some((
                    crate::i18n::text_or(key, meaning),
                    crate::i18n::advice_or(key, advice),
                ))
            }
            (None, Some(stored)) => Some((stored.clone(), String::new())),
            (None, None) => None,
        }
    }
}

/// What the store knows about a recipient's delivery.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Delivery {
    pub state: DeliveryState,
    pub status: Option<String>,
    pub diagnostic: Option<String>,
    pub at: Option<Timestamp>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Recipient {
    pub address: String,
    pub kind: RecipientKind,
    pub delivery: Delivery,
}

/// A delivery report (DSN, MDN, bounce) matched to a mail.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DeliveryEvent {
    pub id: i64,
    pub recipient: Option<String>,
    pub kind: String,
    pub state: DeliveryState,
    pub status: Option<String>,
    pub diagnostic: Option<String>,
    pub at: Option<Timestamp>,
    /// How the report was tied to the mail: `envid`, `message-id` or `probable`.
    pub matched_by: String,
    /// The server that wrote the report (`dns; mx.firma.pl`).
    pub reporting_mta: Option<String>,
    /// The recipient's server the report names (`dns; mx.example.com`), when it does.
    pub remote_mta: Option<String>,
}

/// A mail with everything the store knows about it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Message {
    pub id: i64,
    pub account: String,
    pub state: MessageState,
    pub message_id: String,
    /// Stempel's id for the mail, sent as the DSN envelope id (ENVID).
    pub envelope_id: String,
    pub subject: String,
    pub from: String,
    pub reply_to: Option<String>,
    /// The invoice the mail carries, when it was given one.
    pub invoice_number: Option<String>,
    pub body_text: String,
    pub notify_delivery: bool,
    pub read_receipt: bool,
    /// SHA-256 of the built bytes (none for drafts).
    pub sha256: Option<String>,
    pub size: Option<u64>,
    pub created_at: Timestamp,
    pub queued_at: Option<Timestamp>,
    pub sent_at: Option<Timestamp>,
    pub attempt_count: u32,
    pub next_attempt_at: Option<Timestamp>,
    pub last_error: Option<String>,
    /// Queue id of the receipt, when sent.
    pub queue_id: Option<String>,
    pub recipients: Vec<Recipient>,
    pub attachments: Vec<Attachment>,
    pub attempts: Vec<Attempt>,
    pub events: Vec<DeliveryEvent>,
    /// The delivery event whose report settled this mail when it was uncertain: the report
    /// proves the server had it, so it counts as sent.
    pub settled_by: Option<i64>,
    /// The time stamp of the receipt as it stood right after sending, once there is one.
    pub stamp: Option<StampStatus>,
}

/// Where a sent mail's time stamp stands: the receipt kept at send time, the authority's
/// token over it, or why there is no token yet.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct StampStatus {
    /// Whether `receipt-at-send.json` is written (the job writes it right after sending).
    pub receipt_kept: bool,
    /// SHA-256 of `receipt-at-send.json`.
    pub receipt_sha256: Option<String>,
    /// The authority's time in the token, once stamped.
    pub stamped_at: Option<Timestamp>,
    /// The authority's signer (`CN=…`) and URL.
    pub authority: Option<String>,
    pub tsa_url: Option<String>,
    pub tries: u32,
    /// Why the last try gave no token (English, as stored).
    pub last_error: Option<String>,
    pub next_try_at: Option<Timestamp>,
}
