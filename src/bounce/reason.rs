//! Why a delivery failed, in our own words: a small taxonomy the UI can explain, with the
//! status code each reason implies when a report gives none.

use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    UserUnknown,
    MailboxFull,
    DomainNotFound,
    MessageTooLarge,
    Spam,
    Policy,
    Suspended,
    Expired,
    HostUnreachable,
    RateLimited,
    Delivered,
    Other,
}

impl Reason {
    /// The translation key of the reason's explanation.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Self::UserUnknown => "bounce-user-unknown",
            Self::MailboxFull => "bounce-mailbox-full",
            Self::DomainNotFound => "bounce-domain-not-found",
            Self::MessageTooLarge => "bounce-too-large",
            Self::Spam => "bounce-spam",
            Self::Policy => "bounce-policy",
            Self::Suspended => "bounce-suspended",
            Self::Expired => "bounce-expired",
            Self::HostUnreachable => "bounce-host-unreachable",
            Self::RateLimited => "bounce-rate-limited",
            Self::Delivered => "bounce-delivered",
            Self::Other => "bounce-other",
        }
    }

    /// The plain-English explanation (the `en` text of [`Reason::key`]).
    #[must_use]
    pub fn explanation(self) -> &'static str {
        match self {
            Self::UserUnknown => "the address does not exist",
            Self::MailboxFull => "the recipient's mailbox is full",
            Self::DomainNotFound => "the recipient's domain does not exist or takes no mail",
            Self::MessageTooLarge => "the mail is too large for the recipient's server",
            Self::Spam => "the recipient's server took the mail for spam",
            Self::Policy => "the recipient's server refused the mail by its policy",
            Self::Suspended => "the recipient's mailbox is disabled or suspended",
            Self::Expired => "the mail could not be delivered in time and was given up",
            Self::HostUnreachable => "the recipient's server could not be reached",
            Self::RateLimited => "the recipient's server is limiting how much mail it takes",
            Self::Delivered => "the mail was delivered",
            Self::Other => "the mail could not be delivered",
        }
    }

    /// The status this reason implies, in class `class` (`'4'` or `'5'`).
    #[must_use]
    pub fn status(self, class: char) -> String {
        let detail = match self {
            Self::UserUnknown => "1.1",
            Self::MailboxFull => "2.2",
            Self::DomainNotFound => "1.2",
            Self::MessageTooLarge => "3.4",
            Self::Spam | Self::Policy => "7.1",
            Self::Suspended => "2.1",
            Self::Expired => "4.7",
            Self::HostUnreachable => "4.1",
            Self::RateLimited => "7.0",
            Self::Delivered => return "2.0.0".into(),
            Self::Other => "0.0",
        };
        format!("{class}.{detail}")
    }
}

/// Phrases, lowercase, in the order they are tried: specific before general.
const PHRASES: &[(Reason, &[&str])] = &[
    (
        Reason::MailboxFull,
        &[
            "mailbox full",
            "mailbox is full",
            "mailbox quota",
            "quota exceeded",
            "over quota",
            "overquota",
            "exceeded storage",
            "insufficient disk space",
            "out of storage",
            "mail box full",
            "mailfolder is full",
            "too many messages in",
            "storage limit",
            "exceeds its quota",
            "exceeded its quota",
            "user is over",
            "full mailbox",
        ],
    ),
    (
        Reason::MessageTooLarge,
        &[
            "message too large",
            "message is too large",
            "message size exceeds",
            "too big",
            "exceeds the maximum size",
            "size limit",
            "message length exceeds",
            "mail is too large",
            "exceeds size limit",
            "message exceeds",
        ],
    ),
    (
        Reason::Suspended,
        &[
            "account disabled",
            "account has been disabled",
            "is disabled",
            "suspended",
            "mailbox is inactive",
            "account is inactive",
            "has been deactivated",
            "inactive user",
            "mailbox disabled",
            "mailbox has been disabled",
            "not active",
        ],
    ),
    (
        Reason::UserUnknown,
        &[
            "user unknown",
            "unknown user",
            "no such user",
            "no such mailbox",
            "does not exist",
            "doesn't exist",
            "doesn't have a",
            "does not have a",
            "no mailbox",
            "mailbox not found",
            "invalid recipient",
            "unknown recipient",
            "recipient unknown",
            "user not found",
            "address rejected",
            "not a valid mailbox",
            "invalid mailbox",
            "unrouteable address",
            "no such recipient",
            "mailbox unavailable",
            "is not a known user",
            "bad destination mailbox",
            "recipient not found",
            "no such account",
            "address unknown",
            "unknown address",
            "not our customer",
            "user doesn't",
            "user does not",
            "mailbox does not",
            "no user",
            "non-existent",
            "nonexistent",
            "unknown local part",
            "recipient rejected",
            "account does not",
            "addressee unknown",
            "no longer available",
            "invalid address",
            "unknown or illegal alias",
            "not listed in",
            "user invalid",
            "not exist",
        ],
    ),
    (
        Reason::DomainNotFound,
        &[
            "host unknown",
            "unknown host",
            "domain not found",
            "no such domain",
            "host not found",
            "name or service not known",
            "domain does not exist",
            "unrouteable domain",
            "no mx",
            "indicated no smtp service",
            "nxdomain",
            "domain name not found",
            "unknown domain",
            "host or domain name not found",
            "no route to domain",
            "domain is not",
            "hostname lookup failed",
        ],
    ),
    (
        Reason::RateLimited,
        &[
            "rate limit",
            "too many connections",
            "too many messages",
            "throttl",
            "try again later",
        ],
    ),
    (
        Reason::Spam,
        &[
            "spam",
            "junk mail",
            "blacklist",
            "blocklist",
            "listed at",
            "dnsbl",
            "rbl",
            "reputation",
            "content rejected",
            "message content",
            "virus",
        ],
    ),
    (
        Reason::Policy,
        &[
            "blocked",
            "policy",
            "not allowed",
            "relay access denied",
            "relaying denied",
            "relay not permitted",
            "please use the smtp server",
            "access denied",
            "dmarc",
            "spf",
            "not authorized",
            "unauthenticated",
            "rejected by",
            "refused",
            "prohibited",
            "not permitted",
            "domain filter",
            "sender verify failed",
        ],
    ),
    (
        Reason::Expired,
        &[
            "retry timeout exceeded",
            "message expired",
            "gave up",
            "giving up",
            "retry time",
            "too long in queue",
            "cannot send message for",
            "could not be delivered for",
            "delivery time expired",
            "expired",
            "maximum time",
        ],
    ),
    (
        Reason::HostUnreachable,
        &[
            "connection timed out",
            "connection refused",
            "network is unreachable",
            "no route to host",
            "could not connect",
            "connect to",
            "host is unreachable",
            "timed out",
            "unable to connect",
            "lost connection",
        ],
    ),
];

/// The reason a diagnostic text speaks of, if any phrase is known.
#[must_use]
pub fn from_text(text: &str) -> Option<Reason> {
    let lower = text.to_lowercase();
    PHRASES
        .iter()
        .find(|(_, phrases)| phrases.iter().any(|p| lower.contains(p)))
        .map(|(r, _)| *r)
}

/// The reason an enhanced status code stands for.
#[must_use]
pub fn from_status(status: &str) -> Option<Reason> {
    let mut parts = status.split('.');
    let class = parts.next()?;
    let subject = parts.next()?;
    let detail = parts.next()?;
    if class == "2" {
        return Some(Reason::Delivered);
    }
    Some(match (subject, detail) {
        ("1", "1" | "0" | "6" | "10") => Reason::UserUnknown,
        ("1", "2") | ("4", "4") => Reason::DomainNotFound,
        ("2", "2") => Reason::MailboxFull,
        ("2", "1") => Reason::Suspended,
        ("2", "3") | ("3", "4") => Reason::MessageTooLarge,
        ("4", "7") => Reason::Expired,
        ("4", "1" | "2") => Reason::HostUnreachable,
        ("7", "0" | "1") => Reason::Policy,
        _ => return None,
    })
}
