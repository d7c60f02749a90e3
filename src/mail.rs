//! Building the exact bytes of a mail, once, at queue time.
//!
//! What the receipt proves is what was queued: [`build`] turns a validated [`Compose`] into the
//! RFC 5322 bytes and their SHA-256, and the sender later transmits those bytes unchanged.
//! Validation lives here too: addresses (IDN domains allowed), header values free of CR, LF and
//! NUL, attachments that exist and can be read. Nothing here touches the store or the network;
//! [`read_attachment`] is the only file access.

use std::path::Path;

use mail_builder::MessageBuilder;
use mail_builder::headers::address::Address as HeaderAddress;
use mail_builder::headers::message_id::MessageId;

use crate::model::{Attachment, Compose, Mailbox, RecipientKind};

/// Why a mail (or an address) cannot be built. Every variant is the user's input, never ours.
#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("invalid e-mail address {0:?}")]
    InvalidAddress(String),
    #[error("the {field} contains a line break or NUL character, which is not allowed in a header")]
    HeaderInjection { field: &'static str },
    #[error("a mail needs at least one recipient")]
    NoRecipients,
    #[error("attachment {path:?} cannot be read: {source}")]
    Attachment {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("attachment {0:?} is not a file")]
    AttachmentNotFile(String),
    #[error("the mail could not be serialised: {0}")]
    Serialize(#[source] std::io::Error),
}

impl MailError {
    /// The error in the user's language, for the window.
    #[must_use]
    pub fn localized(&self) -> String {
        match self {
            Self::InvalidAddress(a) => crate::t!("error-invalid-address", address = a.clone()),
            Self::HeaderInjection { field } => {
                crate::t!("error-header-injection", field = (*field).to_owned())
            }
            Self::NoRecipients => crate::t!("error-no-recipients"),
            Self::Attachment { path, source } => crate::t!(
                "error-attachment",
                path = path.clone(),
                reason = source.to_string()
            ),
            Self::AttachmentNotFile(path) => {
                crate::t!("error-attachment-not-file", path = path.clone())
            }
            Self::Serialize(e) => e.to_string(),
        }
    }
}

/// Checks an address and returns it as it goes on the wire: trimmed, the domain in its ASCII
/// form after UTS #46 processing (`faktury@żółw.pl` → `faktury@xn--w-uga1v8h.pl`). This is
/// the one place a domain is mapped, so the envelope, the headers, the window and the receipt
/// all show the domain the mail really goes to: look-alike forms (an ideographic full stop,
/// full-width letters, a soft hyphen) become the domain they stand for, not a different one.
///
/// ```
/// # use stempel::mail::parse_address;
/// assert_eq!(parse_address("faktury@żółw.pl").unwrap(), "faktury@xn--w-uga1v8h.pl");
/// assert_eq!(parse_address("jan@klient\u{3002}firma.pl").unwrap(), "jan@klient.firma.pl");
/// assert!(parse_address("no at sign").is_err());
/// assert!(parse_address("a@b.cz\r\nBcc: x@y.z").is_err());
/// ```
pub fn parse_address(input: &str) -> Result<String, MailError> {
    let invalid = || MailError::InvalidAddress(crate::text::cut(input, SHOWN_MAX));
    let trimmed = input.trim();
    if trimmed.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return Err(invalid());
    }
    let (local, domain) = trimmed.rsplit_once('@').ok_or_else(invalid)?;
    let domain = idna::domain_to_ascii_strict(domain).map_err(|_| invalid())?;
    let address = format!("{local}@{domain}");
    // lettre's parser checks the local part and the domain's shape.
    address
        .parse::<lettre::Address>()
        .map(|_| address.clone())
        .map_err(|_| invalid())
}

/// Longest piece of a refused input echoed back in an error, in bytes.
const SHOWN_MAX: usize = 80;

/// Parses `Name <address>`, `"Name" <address>`, `<address>` or a bare address.
pub fn parse_mailbox(input: &str) -> Result<Mailbox, MailError> {
    check_header_value("sender", input)?;
    let input = input.trim();
    if let (Some(open), true) = (input.rfind('<'), input.ends_with('>')) {
        let address = parse_address(&input[open + 1..input.len() - 1])?;
        let name = input[..open].trim().trim_matches('"').trim();
        let name = (!name.is_empty()).then(|| name.to_owned());
        return Ok(Mailbox { name, address });
    }
    Ok(Mailbox {
        name: None,
        address: parse_address(input)?,
    })
}

/// Refuses CR, LF and NUL: in a header value they would start a new header (injection).
pub fn check_header_value(field: &'static str, value: &str) -> Result<(), MailError> {
    if value.contains(['\r', '\n', '\0']) {
        return Err(MailError::HeaderInjection { field });
    }
    Ok(())
}

/// Reads an attachment into memory, with its MIME type guessed from the file name.
pub fn read_attachment(path: &Path) -> Result<Attachment, MailError> {
    let shown = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|source| MailError::Attachment {
        path: shown.clone(),
        source,
    })?;
    if !meta.is_file() {
        return Err(MailError::AttachmentNotFile(shown));
    }
    let data = std::fs::read(path).map_err(|source| MailError::Attachment {
        path: shown.clone(),
        source,
    })?;
    let filename = path.file_name().map_or_else(
        || "attachment".to_owned(),
        |n| n.to_string_lossy().into_owned(),
    );
    check_header_value("attachment name", &filename)?;
    let mime_type = mime_guess::from_path(path)
        .first_or_octet_stream()
        .essence_str()
        .to_owned();
    Ok(Attachment {
        sha256: sha256_hex(&data),
        size: data.len() as u64,
        filename,
        mime_type,
        data,
    })
}

/// A mail whose fields were all checked: safe to build.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Validated {
    pub recipients: Vec<(RecipientKind, String)>,
    pub reply_to: Option<String>,
}

/// Checks every header-bound field of a composed mail.
pub fn validate(compose: &Compose) -> Result<Validated, MailError> {
    check_header_value("subject", &compose.subject)?;
    let mut recipients = Vec::new();
    for (kind, list) in [
        (RecipientKind::To, &compose.to),
        (RecipientKind::Cc, &compose.cc),
        (RecipientKind::Bcc, &compose.bcc),
    ] {
        for addr in list {
            check_header_value("recipient", addr)?;
            recipients.push((kind, parse_address(addr)?));
        }
    }
    if recipients.is_empty() {
        return Err(MailError::NoRecipients);
    }
    let reply_to = match &compose.reply_to {
        Some(r) if !r.trim().is_empty() => {
            check_header_value("reply-to", r)?;
            Some(parse_address(r)?)
        }
        _ => None,
    };
    Ok(Validated {
        recipients,
        reply_to,
    })
}

/// The frozen bytes of a mail and their digest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Built {
    pub bytes: Vec<u8>,
    pub sha256: String,
}

/// What a mail is built from: the checked fields plus the identity decided at queue time.
pub struct BuildInput<'a> {
    pub from: &'a Mailbox,
    pub compose: &'a Compose,
    pub validated: &'a Validated,
    pub attachments: &'a [Attachment],
    /// Without angle brackets: `local@domain`.
    pub message_id: &'a str,
    /// Seconds since the Unix epoch.
    pub date: i64,
}

/// Builds the RFC 5322 bytes. Bcc recipients never appear in the headers.
pub fn build(input: &BuildInput<'_>) -> Result<Built, MailError> {
    let from = header_mailbox(input.from);
    let mut builder = MessageBuilder::new()
        .from(from.clone())
        .message_id(MessageId::new(input.message_id.to_owned()))
        .date(input.date)
        .subject(input.compose.subject.clone());
    let pick = |kind: RecipientKind| -> Vec<HeaderAddress<'static>> {
        input
            .validated
            .recipients
            .iter()
            .filter(|(k, _)| *k == kind)
            .map(|(_, a)| HeaderAddress::new_address(None::<String>, a.clone()))
            .collect()
    };
    let to = pick(RecipientKind::To);
    if !to.is_empty() {
        builder = builder.to(HeaderAddress::new_list(to));
    }
    let cc = pick(RecipientKind::Cc);
    if !cc.is_empty() {
        builder = builder.cc(HeaderAddress::new_list(cc));
    }
    if let Some(reply_to) = &input.validated.reply_to {
        builder = builder.reply_to(HeaderAddress::new_address(None::<String>, reply_to.clone()));
    }
    if input.compose.read_receipt {
        builder = builder.header("Disposition-Notification-To", from);
    }
    builder = builder.text_body(plain_lines(&input.compose.body_text));
    if let Some(html) = &input.compose.body_html {
        builder = builder.html_body(plain_lines(html));
    }
    for a in input.attachments {
        // A text part is written as it is when it looks like plain text, so a file with a
        // bare CR or a NUL goes as bytes (base64) instead; its content stays exactly the same.
        let mime =
            if a.mime_type.starts_with("text/") && a.data.iter().any(|&b| b == b'\r' || b == 0) {
                "application/octet-stream".to_owned()
            } else {
                a.mime_type.clone()
            };
        builder = builder.attachment(mime, a.filename.clone(), a.data.as_slice());
    }
    let bytes = builder.write_to_vec().map_err(MailError::Serialize)?;
    if let Some(at) = bare_line_end_or_nul(&bytes) {
        return Err(MailError::Serialize(std::io::Error::other(format!(
            "the built mail has a bare line ending or NUL at byte {at}"
        ))));
    }
    Ok(Built {
        sha256: sha256_hex(&bytes),
        bytes,
    })
}

/// A text with every line ending as `\n` (CRLF, and a CR alone, which SMTP smuggling uses
/// as a line end) and NUL as U+FFFD, for the builder, which writes each `\n` as CRLF.
fn plain_lines(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\0', "\u{fffd}")
}

/// Where a built mail has a CR not followed by LF, an LF not after CR, or a NUL.
#[must_use]
pub fn bare_line_end_or_nul(bytes: &[u8]) -> Option<usize> {
    // Only line ends and NULs need a look; memchr finds them without a branch per byte.
    memchr::memchr3_iter(0, b'\r', b'\n', bytes).find(|&i| match bytes[i] {
        b'\r' => bytes.get(i + 1) != Some(&b'\n'),
        b'\n' => i == 0 || bytes[i - 1] != b'\r',
        _ => true,
    })
}

fn header_mailbox(m: &Mailbox) -> HeaderAddress<'static> {
    HeaderAddress::new_address(m.name.clone(), m.address.clone())
}

/// A new Message-ID (without brackets) on the sender's domain, and the envelope id it embeds.
#[must_use]
pub fn new_ids(from: &Mailbox) -> (String, String) {
    let envelope_id = uuid::Uuid::new_v4().simple().to_string();
    let domain = from
        .address
        .rsplit_once('@')
        .map_or("localhost", |(_, d)| d);
    (format!("{envelope_id}.stempel@{domain}"), envelope_id)
}

/// SHA-256 as lowercase hex: the proof's function (pure), the one used everywhere.
pub use crate::proof::sha256_hex;

#[cfg(test)]
mod tests {
    #[test]
    fn bare_line_ends_and_nuls_are_found_where_they_are() {
        assert_eq!(bare_line_end_or_nul(b"a\r\nb\r\n"), None);
        assert_eq!(bare_line_end_or_nul(b"a\rb"), Some(1));
        assert_eq!(bare_line_end_or_nul(b"ab\n"), Some(2));
        assert_eq!(bare_line_end_or_nul(b"\n"), Some(0));
        assert_eq!(bare_line_end_or_nul(b"a\r\n\0"), Some(3));
        assert_eq!(bare_line_end_or_nul(b"a\r"), Some(1));
        assert_eq!(bare_line_end_or_nul(b"\r\n\r\r\n"), Some(2));
    }

    use super::*;

    fn compose() -> Compose {
        Compose {
            to: vec!["klient@example.com".into()],
            cc: vec!["ksiegowosc@example.com".into()],
            bcc: vec!["archiwum@firma.pl".into()],
            subject: "Faktura FV/2026/11/001 — zażółć gęślą jaźń".into(),
            body_text: "W załączeniu faktura.\n.\nPozdrawiam".into(),
            read_receipt: true,
            ..Compose::default()
        }
    }

    fn from() -> Mailbox {
        Mailbox {
            name: Some("Firma Nowak".into()),
            address: "faktury@firma.pl".into(),
        }
    }

    fn built(c: &Compose, attachments: &[Attachment]) -> String {
        let v = validate(c).unwrap();
        let b = build(&BuildInput {
            from: &from(),
            compose: c,
            validated: &v,
            attachments,
            message_id: "abc.stempel@firma.pl",
            date: 1_790_000_000,
        })
        .unwrap();
        assert_eq!(b.sha256, sha256_hex(&b.bytes));
        String::from_utf8(b.bytes).unwrap()
    }

    #[test]
    fn look_alike_domains_become_the_domain_they_stand_for() {
        for (typed, wire) in [
            ("jan@klient\u{3002}firma.pl", "jan@klient.firma.pl"),
            (
                "jan@\u{ff46}\u{ff49}\u{ff52}\u{ff4d}\u{ff41}.pl",
                "jan@firma.pl",
            ),
            ("jan@fir\u{ad}ma.pl", "jan@firma.pl"),
            ("jan@Firma.PL", "jan@firma.pl"),
            ("faktury@müller.de", "faktury@xn--mller-kva.de"),
        ] {
            assert_eq!(parse_address(typed).unwrap(), wire, "{typed}");
        }
    }

    #[test]
    fn an_overlong_refused_address_is_echoed_cut() {
        let long = format!("{}@", "a".repeat(5000));
        let err = parse_address(&long).unwrap_err().to_string();
        assert!(err.len() < 200, "{err}");
        assert!(err.contains('…'));
    }

    /// Random bodies and text attachments full of CR, LF, NUL and dots never put a bare line
    /// end or a NUL into the built bytes (and so never onto the wire).
    #[test]
    fn no_bare_cr_lf_or_nul_in_any_built_mail() {
        let alphabet: &[&str] = &["\r", "\n", "\0", ".", "a", "ż", " ", "\r\n", "\r.\r"];
        let mut x: u32 = 7;
        let mut next = || {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (x >> 16) as usize
        };
        for _ in 0..400 {
            let len = next() % 40;
            let text: String = (0..len)
                .map(|_| alphabet[next() % alphabet.len()])
                .collect();
            let data: Vec<u8> = text.bytes().collect();
            let c = Compose {
                body_text: text.clone(),
                body_html: (next() % 2 == 0).then(|| text.clone()),
                ..compose()
            };
            let attachment = Attachment {
                filename: "notes.txt".into(),
                mime_type: "text/plain".into(),
                size: data.len() as u64,
                sha256: sha256_hex(&data),
                data,
            };
            let raw = built(&c, &[attachment]);
            assert_eq!(bare_line_end_or_nul(raw.as_bytes()), None, "{text:?}");
        }
    }

    #[test]
    fn addresses() {
        for ok in [
            "a@b.cz",
            "jan.novak+faktury@example.com",
            "faktury@żółw.pl",
            " x@y.de ",
        ] {
            assert!(parse_address(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "a",
            "a@",
            "@b.cz",
            "a b@c.cz",
            "a@b.cz\r\nBcc: evil@x.y",
            "a@b\0.cz",
            "a@@b.cz",
        ] {
            assert!(parse_address(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn mailboxes() {
        let m = parse_mailbox("Firma Nowak <faktury@firma.pl>").unwrap();
        assert_eq!(m, from());
        let m = parse_mailbox("\"Müller, GmbH\" <rechnung@müller.de>").unwrap();
        assert_eq!(m.name.as_deref(), Some("Müller, GmbH"));
        assert_eq!(parse_mailbox("<a@b.cz>").unwrap().name, None);
        assert_eq!(parse_mailbox("a@b.cz").unwrap().address, "a@b.cz");
        assert!(parse_mailbox("Evil\r\nBcc: x@y.z <a@b.cz>").is_err());
        assert!(parse_mailbox("Name <not an address>").is_err());
    }

    #[test]
    fn headers_and_bcc() {
        let text = built(&compose(), &[]);
        let head = text.split("\r\n\r\n").next().unwrap();
        assert!(
            head.contains("Message-ID: <abc.stempel@firma.pl>"),
            "{head}"
        );
        assert!(head.contains("Disposition-Notification-To:"), "{head}");
        assert!(head.contains("klient@example.com"));
        assert!(
            head.contains("Cc: <ksiegowosc@example.com>")
                || head.contains("ksiegowosc@example.com")
        );
        assert!(head.contains("Date: "));
        assert!(!text.contains("archiwum@firma.pl"), "Bcc leaked: {text}");
        assert!(!text.to_ascii_lowercase().contains("\nbcc:"));
    }

    #[test]
    fn no_read_receipt_header_unless_asked() {
        let mut c = compose();
        c.read_receipt = false;
        assert!(!built(&c, &[]).contains("Disposition-Notification-To"));
    }

    #[test]
    fn injection_is_refused() {
        let mut c = compose();
        c.subject = "Faktura\r\nBcc: evil@example.com".into();
        assert!(matches!(
            validate(&c),
            Err(MailError::HeaderInjection { field: "subject" })
        ));
        let mut c = compose();
        c.to = vec!["a@b.cz\nX: y".into()];
        assert!(validate(&c).is_err());
        let mut c = compose();
        c.reply_to = Some("a@b.cz\r\n".into());
        assert!(validate(&c).is_err());
        assert!(check_header_value("subject", "nul\0byte").is_err());
    }

    #[test]
    fn needs_a_recipient() {
        let c = Compose {
            subject: "x".into(),
            ..Compose::default()
        };
        assert!(matches!(validate(&c), Err(MailError::NoRecipients)));
    }

    #[test]
    fn attachments_are_read_and_hashed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("FV 2026-001.pdf");
        std::fs::write(&path, b"%PDF-1.7 fake").unwrap();
        let a = read_attachment(&path).unwrap();
        assert_eq!(a.mime_type, "application/pdf");
        assert_eq!(a.size, 13);
        assert_eq!(a.sha256, sha256_hex(b"%PDF-1.7 fake"));
        let text = built(&compose(), &[a]);
        assert!(text.contains("application/pdf"));
        assert!(read_attachment(&dir.path().join("missing.pdf")).is_err());
        assert!(matches!(
            read_attachment(dir.path()),
            Err(MailError::AttachmentNotFile(_))
        ));
    }

    #[test]
    fn message_id_is_on_the_sender_domain_and_unique() {
        let (a, envid) = new_ids(&from());
        let (b, _) = new_ids(&from());
        assert!(a.ends_with("@firma.pl"));
        assert!(a.starts_with(&envid));
        assert_ne!(a, b);
    }
}
