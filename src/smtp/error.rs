//! What can go wrong in an SMTP session, and whether trying again later can help.

use std::fmt;

use crate::smtp::reply::Reply;

/// Where in the conversation something happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Phase {
    Connect,
    Greeting,
    /// The TLS handshake of a connection that is encrypted from its first byte.
    TlsHandshake,
    Ehlo,
    StartTls,
    Auth,
    Mail,
    Rcpt,
    Data,
    Body,
    DataEnd,
    Rset,
    Quit,
}

impl fmt::Display for Phase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Connect => "connecting",
            Self::Greeting => "the greeting",
            Self::TlsHandshake => "the TLS handshake",
            Self::Ehlo => "EHLO",
            Self::StartTls => "STARTTLS",
            Self::Auth => "AUTH",
            Self::Mail => "MAIL FROM",
            Self::Rcpt => "RCPT TO",
            Self::Data => "DATA",
            Self::Body => "sending the message",
            Self::DataEnd => "the end of the message",
            Self::Rset => "RSET",
            Self::Quit => "QUIT",
        })
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SmtpError {
    #[error("cannot find the server {host}: {source}")]
    Resolve {
        host: String,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot connect to the server: {source}")]
    Connect {
        #[source]
        source: std::io::Error,
    },
    #[error("the server did not answer in time ({phase})")]
    Timeout { phase: Phase },
    #[error("the server closed the connection ({phase})")]
    Closed { phase: Phase },
    #[error("network error ({phase}): {source}")]
    Io {
        phase: Phase,
        #[source]
        source: std::io::Error,
    },
    #[error("TLS failed ({phase}): {error}")]
    Tls { phase: Phase, error: rustls::Error },
    #[error("the server does not offer STARTTLS, which this account requires")]
    StartTlsMissing,
    #[error("the connection is not encrypted; the password is not sent over it")]
    AuthWithoutTls,
    #[error("the server offers no password login Stempel knows (it offers: {offered:?})")]
    AuthNotOffered { offered: String },
    #[error("the server refused {phase}: {}", short(reply))]
    Reply { phase: Phase, reply: Reply },
    #[error("the server refused the OAuth 2.0 token: {}", short(reply))]
    TokenRefused { reply: Reply },
    /// The server offered CHUNKING and then answered BDAT as a command it does not know.
    #[error("the server offered CHUNKING but refused BDAT: {}", short(reply))]
    ChunkingRefused { reply: Reply },
    #[error("the server refused every recipient: {}", short(reply))]
    AllRecipientsRejected { reply: Reply },
    #[error("the mail is {size} bytes; the server takes at most {max}")]
    TooBig { size: u64, max: u64 },
    #[error("{address} has a non-ASCII local part and the server does not support SMTPUTF8")]
    Utf8LocalPart { address: String },
    #[error("{address} cannot be sent ({phase})")]
    BadAddress { address: String, phase: Phase },
    #[error("protocol error ({phase}): {what}")]
    Protocol { phase: Phase, what: String },
    #[error("could not record the send locally: {what}")]
    Local { what: String },
}

/// Longest piece of a reply an error message quotes, in bytes: the whole reply is in the
/// transcript.
pub const QUOTED_REPLY_MAX: usize = 300;

/// A reply as an error message quotes it: cut at [`QUOTED_REPLY_MAX`].
fn short(reply: &Reply) -> String {
    crate::text::cut(&reply.text(), QUOTED_REPLY_MAX)
}

impl SmtpError {
    /// The server's reply, when the error is one.
    #[must_use]
    pub fn reply(&self) -> Option<&Reply> {
        match self {
            Self::Reply { reply, .. }
            | Self::AllRecipientsRejected { reply }
            | Self::ChunkingRefused { reply }
            | Self::TokenRefused { reply } => Some(reply),
            _ => None,
        }
    }

    #[must_use]
    pub fn phase(&self) -> Option<Phase> {
        match self {
            Self::Timeout { phase }
            | Self::Closed { phase }
            | Self::Io { phase, .. }
            | Self::Tls { phase, .. }
            | Self::Reply { phase, .. }
            | Self::BadAddress { phase, .. }
            | Self::Protocol { phase, .. } => Some(*phase),
            Self::Resolve { .. } | Self::Connect { .. } => Some(Phase::Connect),
            Self::AllRecipientsRejected { .. } => Some(Phase::Rcpt),
            Self::ChunkingRefused { .. } => Some(Phase::DataEnd),
            Self::TokenRefused { .. } => Some(Phase::Auth),
            _ => None,
        }
    }

    /// Trying again later may help: 4xx replies, timeouts, network trouble.
    #[must_use]
    pub fn is_transient(&self) -> bool {
        match self {
            Self::Reply { reply, .. }
            | Self::AllRecipientsRejected { reply }
            | Self::TokenRefused { reply } => reply.code / 100 == 4,
            Self::Resolve { .. }
            | Self::Connect { .. }
            | Self::Timeout { .. }
            | Self::Closed { .. }
            | Self::Io { .. }
            | Self::Local { .. }
            // Sent again at once with DATA; if that cannot be done, later.
            | Self::ChunkingRefused { .. }
            // A garbled reply or a broken STARTTLS exchange is usually a network middlebox
            // or an overloaded server, not a permanent refusal.
            | Self::Protocol { .. } => true,
            Self::Tls { .. }
            | Self::StartTlsMissing
            | Self::AuthWithoutTls
            | Self::AuthNotOffered { .. }
            | Self::TooBig { .. }
            | Self::Utf8LocalPart { .. }
            | Self::BadAddress { .. } => false,
        }
    }

    /// Trying again will not help without a change (of password, address, settings).
    #[must_use]
    pub fn is_permanent(&self) -> bool {
        !self.is_transient()
    }
}
