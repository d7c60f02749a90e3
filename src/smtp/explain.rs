//! Plain-language explanations of SMTP replies and failures, with what to do about them.
//!
//! Each [`Explanation`] has a stable `key` (the translation id in `locales/`), an English
//! sentence saying what happened and one saying what to do. Pure: code, status and text in,
//! explanation out. More specific rules (enhanced status, provider wording) come first.

use serde::Serialize;

use crate::smtp::error::{Phase, SmtpError};

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Explanation {
    pub key: &'static str,
    pub meaning: &'static str,
    pub advice: &'static str,
}

impl Explanation {
    /// What happened, in the user's language (English when no translation has the key).
    #[must_use]
    pub fn meaning_text(&self) -> String {
        crate::i18n::text_or(self.key, self.meaning)
    }

    /// What to do, in the user's language.
    #[must_use]
    pub fn advice_text(&self) -> String {
        crate::i18n::advice_or(self.key, self.advice)
    }
}

const fn ex(key: &'static str, meaning: &'static str, advice: &'static str) -> Explanation {
    Explanation {
        key,
        meaning,
        advice,
    }
}

/// Explains a reply: its code, enhanced status (`5.1.1`) and text.
#[must_use]
#[allow(clippy::too_many_lines)] // a catalogue reads best as one table
pub fn explain_reply(code: u16, status: Option<&str>, text: &str) -> Explanation {
    let t = text.to_ascii_lowercase();
    let status = status.unwrap_or("");
    // Provider wordings first: they are more precise than the codes.
    if t.contains("application-specific password")
        || t.contains("app password")
        || status == "5.7.9"
    {
        return ex(
            "smtp-app-password",
            "the server wants an app password, not the account's normal password",
            "create an app password in the account's security settings (for Gmail: Google account, Security, App passwords) and store it as the account's password",
        );
    }
    if status == "5.7.26"
        || status == "5.7.23"
        || status == "5.7.25"
        || t.contains("dmarc")
        || t.contains("spf") && code >= 500
    {
        return ex(
            "smtp-auth-policy",
            "the receiving server refused the mail because the sender's domain failed its SPF, DKIM or DMARC check",
            "ask whoever runs your domain to publish SPF and DKIM records for the server you send through",
        );
    }
    match (code, status) {
        (250 | 251, _) => ex(
            "smtp-accepted",
            "the server accepted the mail",
            "nothing to do; delivery reports may follow",
        ),
        (421, s) if s.starts_with("4.7") => ex(
            "smtp-rate-limited",
            "the server is limiting how fast it takes mail from you",
            "Stempel tries again later by itself; send fewer mails at once if this repeats",
        ),
        (421, _) => ex(
            "smtp-421",
            "the server is not available right now and closed the connection",
            "Stempel tries again later by itself",
        ),
        (450, _) => ex(
            "smtp-450",
            "the recipient's mailbox is temporarily unavailable (busy, or the server delays new senders)",
            "Stempel tries again later by itself",
        ),
        (451, s) if s.starts_with("4.7") => ex(
            "smtp-greylisted",
            "the server delays mail from senders it does not know yet (greylisting) or is checking it for spam",
            "Stempel tries again later by itself; it usually goes through within the hour",
        ),
        (451, _) => ex(
            "smtp-451",
            "the server had a temporary problem handling the mail",
            "Stempel tries again later by itself",
        ),
        (452, _) => ex(
            "smtp-452",
            "the server is short of storage or got too many recipients at once",
            "Stempel tries again later by itself; fewer recipients per mail help",
        ),
        (454, _) => ex(
            "smtp-454",
            "the server could not start encryption or check the login right now",
            "Stempel tries again later by itself",
        ),
        (500, _) => ex(
            "smtp-500",
            "the server did not understand a command",
            "check the account's server and port; this often means a non-mail service answered",
        ),
        (501, _) => ex(
            "smtp-501",
            "the server refused the form of a command, often a malformed address",
            "check the sender and recipient addresses",
        ),
        (502, _) => ex(
            "smtp-502",
            "the server does not support a command Stempel needs",
            "check the account's server and port",
        ),
        (503, _) => ex(
            "smtp-503",
            "the server expected the commands in another order, often because it wants a login first",
            "check that the account has a user name and password",
        ),
        (504, _) => ex(
            "smtp-504",
            "the server does not support a parameter Stempel sent",
            "check the account's server and port",
        ),
        (530, _) => ex(
            "smtp-530",
            "the server requires a login, or encryption, before it takes mail",
            "give the account a user name and password, and use STARTTLS or TLS",
        ),
        (534, _) => ex(
            "smtp-534",
            "the server wants a stronger login method or an app password",
            "create an app password for Stempel in the mail account's security settings",
        ),
        (535, _) => ex(
            "smtp-535",
            "the server refused the password; Gmail needs an app password",
            "check the user name and store the right password (an app password for Gmail, Microsoft 365 with MFA, Seznam, WP) as the account's password",
        ),
        (550 | 551 | 553, "5.1.1" | "5.1.0" | "5.1.6") => ex(
            "smtp-user-unknown",
            "the recipient address does not exist",
            "check the address for typos or ask the customer for the right one",
        ),
        (_, "5.1.2" | "5.4.4" | "5.1.10") => ex(
            "smtp-domain-unknown",
            "the recipient's domain does not exist or accepts no mail",
            "check the part of the address after the @",
        ),
        (_, "5.2.2") => ex(
            "smtp-mailbox-full",
            "the recipient's mailbox is full",
            "tell the customer another way, or try again in a few days",
        ),
        (552 | 554, "5.3.4" | "5.2.3") => ex(
            "smtp-too-big",
            "the mail is larger than the server accepts",
            "make the attachments smaller or send them separately",
        ),
        (550, s) if s.starts_with("5.7") => ex(
            "smtp-policy",
            "the server refused the mail by its policy: relaying not allowed, the sender not permitted, or suspected spam",
            "check that the From address belongs to the account you send with",
        ),
        (550, _) => ex(
            "smtp-550",
            "the server refused the mail for this mailbox",
            "read the server's words in the transcript; most often the address is wrong",
        ),
        (551, _) => ex(
            "smtp-551",
            "the recipient is not handled by this server",
            "check the recipient address",
        ),
        (552, _) => ex(
            "smtp-552",
            "the mail exceeds the storage the server allows (too large, or the mailbox is full)",
            "make the attachments smaller, or try again later",
        ),
        (553, _) => ex(
            "smtp-553",
            "the server does not allow this address (as sender or as recipient)",
            "check that the From address belongs to the account and that the recipient is spelled right",
        ),
        (554, s) if s.starts_with("5.7") || t.contains("spam") => ex(
            "smtp-spam",
            "the server rejected the mail as spam or by policy",
            "check the text and attachments for what may look like spam, and the sender's domain settings",
        ),
        (554, _) => ex(
            "smtp-554",
            "the server refused the mail",
            "read the server's words in the transcript",
        ),
        (c, _) if (400..500).contains(&c) => ex(
            "smtp-temporary",
            "the server refused the mail for now",
            "Stempel tries again later by itself",
        ),
        (c, _) if (500..600).contains(&c) => ex(
            "smtp-permanent",
            "the server refused the mail",
            "read the server's words in the transcript",
        ),
        _ => ex(
            "smtp-unknown-reply",
            "the server gave a reply Stempel does not know",
            "read the server's words in the transcript",
        ),
    }
}

/// Parses a reply given as text (`stempel explain`) and explains it.
#[must_use]
pub fn explain_text(reply: &str) -> (crate::smtp::reply::ParsedReply, Explanation) {
    let r = crate::smtp::reply::ParsedReply::parse(reply);
    let e = explain_reply(r.code.unwrap_or(0), r.enhanced_status.as_deref(), &r.text);
    (r, e)
}

/// Explains a failed send.
#[must_use]
#[allow(clippy::too_many_lines)] // a catalogue reads best as one table
pub fn explain_error(err: &SmtpError) -> Explanation {
    if let SmtpError::TokenRefused { reply } = err
        && reply.code / 100 == 5
    {
        return ex(
            "smtp-token-refused",
            "the server refused the OAuth 2.0 token: it may have expired, or lack the mail permission",
            "check the account's password command: it must print a current access token for this address with the mail scope",
        );
    }
    if let Some(reply) = err.reply() {
        // A positive reply is an error only where it does not fit the step (a 250 to
        // STARTTLS): it must not read as "the server accepted the mail".
        if reply.is_positive() && err.phase() != Some(Phase::DataEnd) {
            return ex(
                "smtp-unexpected-reply",
                "the server gave an answer that does not fit this step of the conversation",
                "check the server name, port and security of the account; Stempel tries again later",
            );
        }
        let r = reply.parsed();
        return explain_reply(reply.code, r.enhanced_status.as_deref(), &r.text);
    }
    // After the end of the mail, any break without a reply leaves the server holding it or
    // not: the mail is uncertain, whatever the break was.
    if err.phase() == Some(Phase::DataEnd) {
        return ex(
            "smtp-uncertain",
            "the connection broke after the whole mail was sent and before the server confirmed it; the server may or may not have it",
            "ask the recipient whether it arrived before sending it again",
        );
    }
    match err {
        SmtpError::Resolve { .. } => ex(
            "smtp-dns",
            "the server's name could not be found",
            "check the server name in the account and the internet connection",
        ),
        SmtpError::Connect { source } if source.kind() == std::io::ErrorKind::ConnectionRefused => {
            ex(
                "smtp-refused",
                "the server refused the connection on this port",
                "check the port: 587 for STARTTLS, 465 for TLS",
            )
        }
        SmtpError::Connect { source } if source.kind() == std::io::ErrorKind::TimedOut => ex(
            "smtp-connect-timeout",
            "the server did not answer the connection",
            "check the server name, the port and whether a firewall blocks outgoing mail",
        ),
        SmtpError::Connect { .. } => ex(
            "smtp-connect",
            "Stempel could not connect to the server",
            "check the internet connection, the server name and the port",
        ),
        SmtpError::Timeout {
            phase: Phase::Greeting,
        } => ex(
            "smtp-greeting-timeout",
            "the server did not greet Stempel; a port that expects TLS from the first byte (465) stays silent like this",
            "check the port and security of the account: TLS for port 465, STARTTLS for 587",
        ),
        SmtpError::Timeout { .. } => ex(
            "smtp-timeout",
            "the server stopped answering",
            "Stempel tries again later by itself",
        ),
        SmtpError::Closed { .. } | SmtpError::Io { .. } => ex(
            "smtp-connection-lost",
            "the connection to the server broke",
            "Stempel tries again later by itself",
        ),
        SmtpError::Tls { error, .. } => explain_tls(error),
        SmtpError::StartTlsMissing => ex(
            "smtp-starttls-missing",
            "the server does not offer encryption (STARTTLS), so the password and mail would travel in clear",
            "check the port (587 offers STARTTLS, 465 uses TLS from the start); Stempel does not send unencrypted",
        ),
        SmtpError::AuthWithoutTls => ex(
            "smtp-auth-plaintext",
            "the connection is not encrypted, so Stempel does not send the password over it",
            "choose STARTTLS or TLS security for this account",
        ),
        SmtpError::AuthNotOffered { .. } => ex(
            "smtp-auth-not-offered",
            "the server offers no login method Stempel can use",
            "check the port: login is usually offered on 587 or 465, not on 25",
        ),
        SmtpError::TooBig { .. } => ex(
            "smtp-size-exceeded",
            "the mail is larger than the server's announced limit, so it was not sent",
            "make the attachments smaller or send them separately",
        ),
        SmtpError::Utf8LocalPart { .. } => ex(
            "smtp-utf8-address",
            "an address has non-ASCII letters before the @ and the server cannot carry them",
            "use an ASCII address for this recipient",
        ),
        SmtpError::BadAddress { .. } => ex(
            "smtp-bad-address",
            "an address cannot be sent as given",
            "check the sender and recipient addresses",
        ),
        SmtpError::Protocol { .. } => ex(
            "smtp-protocol",
            "the server answered in a way that breaks the mail protocol",
            "check the server and port; Stempel tries again later",
        ),
        SmtpError::Local { .. } => ex(
            "smtp-local",
            "Stempel could not record the send in its database, so it stopped before finishing",
            "check the free disk space; the mail stays in the buffer",
        ),
        SmtpError::Reply { .. }
        | SmtpError::ChunkingRefused { .. }
        | SmtpError::AllRecipientsRejected { .. }
        | SmtpError::TokenRefused { .. } => ex(
            "smtp-unknown-reply",
            "the server refused the mail",
            "read the server's words in the transcript",
        ),
    }
}

fn explain_tls(error: &rustls::Error) -> Explanation {
    use rustls::{AlertDescription, CertificateError, Error};
    let certificate = |e: &CertificateError| match e {
        CertificateError::Expired | CertificateError::ExpiredContext { .. } => ex(
            "tls-cert-expired",
            "the server's certificate has expired",
            "the server's operator must renew it; until then mail is not sent there",
        ),
        CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. } => ex(
            "tls-cert-wrong-host",
            "the server's certificate belongs to another name than the one in the account",
            "use the server name your provider documents (e.g. smtp.gmail.com)",
        ),
        CertificateError::UnknownIssuer => ex(
            "tls-cert-untrusted",
            "the server's certificate is not signed by an authority this computer trusts",
            "use the provider's documented server name, or give the account its CA file",
        ),
        _ => ex(
            "tls-cert-invalid",
            "the server's certificate is not valid",
            "check the server name; Stempel only sends to servers it can verify",
        ),
    };
    match error {
        Error::InvalidCertificate(e) => certificate(e),
        Error::AlertReceived(AlertDescription::ProtocolVersion) | Error::PeerIncompatible(_) => ex(
            "tls-old-version",
            "the server only offers outdated encryption (older than TLS 1.2)",
            "ask the provider for a current server; Stempel does not use TLS older than 1.2",
        ),
        other => {
            let text = format!("{other:?}");
            if text.contains("Expired") {
                certificate(&CertificateError::Expired)
            } else if text.contains("NotValidForName") {
                certificate(&CertificateError::NotValidForName)
            } else if text.contains("UnknownIssuer") {
                certificate(&CertificateError::UnknownIssuer)
            } else {
                ex(
                    "tls-handshake",
                    "encryption could not be set up with the server",
                    "check the port and security setting (587 with STARTTLS, 465 with TLS)",
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_covers_the_common_replies() {
        let cases: &[(u16, &str, &str, &str)] = &[
            (250, "2.0.0", "Ok: queued as X", "smtp-accepted"),
            (
                421,
                "4.7.0",
                "Try again later, rate limit",
                "smtp-rate-limited",
            ),
            (421, "", "Service not available", "smtp-421"),
            (450, "4.2.1", "mailbox busy", "smtp-450"),
            (451, "4.7.1", "greylisted", "smtp-greylisted"),
            (451, "4.3.0", "local error", "smtp-451"),
            (452, "4.5.3", "too many recipients", "smtp-452"),
            (454, "4.7.0", "TLS not available", "smtp-454"),
            (500, "5.5.2", "syntax error", "smtp-500"),
            (501, "5.1.3", "bad address syntax", "smtp-501"),
            (502, "5.5.1", "not implemented", "smtp-502"),
            (503, "5.5.1", "bad sequence", "smtp-503"),
            (504, "5.5.4", "not implemented", "smtp-504"),
            (530, "5.7.0", "Authentication required", "smtp-530"),
            (
                534,
                "5.7.14",
                "Please log in via your web browser",
                "smtp-534",
            ),
            (
                534,
                "5.7.9",
                "Application-specific password required",
                "smtp-app-password",
            ),
            (
                535,
                "5.7.8",
                "Username and Password not accepted",
                "smtp-535",
            ),
            (550, "5.1.1", "User unknown", "smtp-user-unknown"),
            (550, "5.7.1", "Relaying denied", "smtp-policy"),
            (
                550,
                "5.7.26",
                "Unauthenticated email is not accepted (DMARC)",
                "smtp-auth-policy",
            ),
            (550, "5.1.2", "Host unknown", "smtp-domain-unknown"),
            (552, "5.2.2", "Mailbox full", "smtp-mailbox-full"),
            (
                552,
                "5.3.4",
                "Message size exceeds fixed limit",
                "smtp-too-big",
            ),
            (553, "5.7.1", "Sender address rejected", "smtp-553"),
            (554, "5.7.1", "Message rejected as spam", "smtp-spam"),
            (554, "5.0.0", "Transaction failed", "smtp-554"),
            (550, "", "mailbox unavailable", "smtp-550"),
            (551, "", "User not local", "smtp-551"),
        ];
        for (code, status, text, key) in cases {
            let e = explain_reply(*code, Some(status).filter(|s| !s.is_empty()).copied(), text);
            assert_eq!(e.key, *key, "{code} {status} {text}");
            assert!(!e.meaning.is_empty() && !e.advice.is_empty());
        }
        assert_eq!(
            explain_reply(535, Some("5.7.8"), "").meaning,
            "the server refused the password; Gmail needs an app password"
        );
        assert_eq!(
            explain_reply(550, Some("5.1.1"), "").meaning,
            "the recipient address does not exist"
        );
    }

    #[test]
    fn failures_without_a_reply() {
        use std::io::{Error, ErrorKind};
        let refused = SmtpError::Connect {
            source: Error::from(ErrorKind::ConnectionRefused),
        };
        assert_eq!(explain_error(&refused).key, "smtp-refused");
        assert_eq!(
            explain_error(&SmtpError::StartTlsMissing).key,
            "smtp-starttls-missing"
        );
        assert_eq!(
            explain_error(&SmtpError::Closed {
                phase: Phase::DataEnd
            })
            .key,
            "smtp-uncertain"
        );
        // Any break after the end of the mail is uncertain, not "tries again later".
        assert_eq!(
            explain_error(&SmtpError::Timeout {
                phase: Phase::DataEnd
            })
            .key,
            "smtp-uncertain"
        );
        // A 250 where it does not belong is not "the server accepted the mail".
        let stray = SmtpError::Reply {
            phase: Phase::StartTls,
            reply: crate::smtp::reply::Reply {
                code: 250,
                lines: vec!["250 ok".into()],
            },
        };
        assert_eq!(explain_error(&stray).key, "smtp-unexpected-reply");
        assert_eq!(
            explain_error(&SmtpError::Tls {
                phase: Phase::StartTls,
                error: rustls::Error::InvalidCertificate(rustls::CertificateError::Expired)
            })
            .key,
            "tls-cert-expired"
        );
        assert_eq!(
            explain_error(&SmtpError::TooBig { size: 2, max: 1 }).key,
            "smtp-size-exceeded"
        );
    }
}
