//! Delivery reports: one raw mail in, one [`Report`] out. Pure: no I/O, no panics on any input.
//!
//! A mail is classified as
//! - a **DSN** (RFC 3464, `message/delivery-status`): per recipient the action, status,
//!   diagnostic, remote MTA; the envelope id; the original Message-ID;
//! - a **non-standard bounce** (qmail, Exim without DSN, sendmail, Exchange, provider notices):
//!   recipients, diagnostics and statuses recovered from the text by rules for those shapes;
//! - an **MDN** read receipt (RFC 8098), an **auto-reply** (RFC 3834), an **ARF feedback
//!   report**, or **not a report** at all.
//!
//! MIME comes from mail-parser; the report fields (`dsn`), the text scanners (`text`), the
//! free-form rules (`freeform`) and the reason taxonomy (`reason`) are our own.

pub mod dsn;
mod freeform;
pub mod reason;
mod ses;
#[cfg(test)]
mod tests;
pub mod text;

use mail_parser::{MessageParser, MimeHeaders, PartType};
use serde::Serialize;

pub use reason::Reason;

/// What kind of mail a report is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Dsn,
    Bounce,
    Mdn,
    AutoReply,
    Feedback,
    NotReport,
}

/// What a report says about one recipient.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RecipientReport {
    pub address: String,
    pub original_recipient: Option<String>,
    /// `failed`, `delayed`, `delivered`, `relayed`, `expanded`; for MDNs `displayed`, …
    pub action: String,
    pub status: Option<String>,
    pub diagnostic: Option<String>,
    pub remote_mta: Option<String>,
    pub last_attempt: Option<String>,
    pub reason: Reason,
}

/// Everything read from one mail.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Report {
    pub kind: Kind,
    pub recipients: Vec<RecipientReport>,
    /// `Original-Envelope-Id` (Stempel sends its own id as ENVID).
    pub envelope_id: Option<String>,
    /// The Message-ID of the mail the report is about.
    pub message_id: Option<String>,
    pub original_subject: Option<String>,
    pub reporting_mta: Option<String>,
    /// For MDNs: `displayed`, `deleted`, …
    pub disposition: Option<String>,
    /// The report's own `Date:` (seconds since the Unix epoch).
    pub date: Option<i64>,
}

impl Report {
    fn empty(kind: Kind) -> Self {
        Self {
            kind,
            recipients: Vec::new(),
            envelope_id: None,
            message_id: None,
            original_subject: None,
            reporting_mta: None,
            disposition: None,
            date: None,
        }
    }

    /// DSNs of any action and non-standard bounces.
    #[must_use]
    pub fn is_bounce(&self) -> bool {
        matches!(self.kind, Kind::Dsn | Kind::Bounce)
    }
}

/// What the walk over the MIME parts collected.
#[derive(Default)]
struct Parts {
    delivery_status: Vec<String>,
    disposition: Option<String>,
    feedback: bool,
    original: Option<Original>,
    /// The raw returned message, when it may itself be a report (a forwarded bounce).
    nested: Option<Vec<u8>>,
    texts: Vec<String>,
}

/// Headers of the returned original message.
#[derive(Default, Clone)]
struct Original {
    message_id: Option<String>,
    subject: Option<String>,
    to: Vec<String>,
}

fn angle(id: &str) -> String {
    let id = id.trim();
    if id.starts_with('<') {
        id.to_owned()
    } else {
        format!("<{id}>")
    }
}

fn original_from(m: &mail_parser::Message<'_>) -> Original {
    Original {
        message_id: m.message_id().map(angle),
        subject: m.subject().map(str::to_owned),
        to: to_addresses(m),
    }
}

/// The `To:` addresses of a message, lowercase.
fn to_addresses(m: &mail_parser::Message<'_>) -> Vec<String> {
    m.to()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.address().map(str::to_lowercase))
                .collect()
        })
        .unwrap_or_default()
}

fn collect(msg: &mail_parser::Message<'_>) -> Parts {
    let mut parts = Parts::default();
    for part in &msg.parts {
        let (ctype, sub) =
            part.content_type()
                .map_or(("text".to_owned(), "plain".to_owned()), |ct| {
                    (
                        ct.ctype().to_ascii_lowercase(),
                        ct.subtype().unwrap_or("").to_ascii_lowercase(),
                    )
                });
        let bytes_text = || String::from_utf8_lossy(part.contents()).into_owned();
        match (ctype.as_str(), sub.as_str()) {
            ("message", "delivery-status" | "global-delivery-status") => {
                parts.delivery_status.push(bytes_text());
            }
            ("message", "disposition-notification" | "global-disposition-notification") => {
                parts.disposition = Some(bytes_text());
            }
            ("message", "feedback-report") => parts.feedback = true,
            ("message", "rfc822" | "global" | "rfc822-headers" | "global-headers")
            | ("text", "rfc822-headers") => {
                if parts.original.is_some() {
                    continue;
                }
                if let PartType::Message(m) = &part.body
                    && m.content_type().is_some_and(|ct| {
                        ct.subtype()
                            .is_some_and(|s| s.eq_ignore_ascii_case("report"))
                    })
                {
                    parts.nested = Some(m.raw_message().to_vec());
                }
                let original = match &part.body {
                    PartType::Message(m) => original_from(m),
                    _ => MessageParser::default()
                        .parse_headers(part.contents())
                        .map(|m| original_from(&m))
                        .unwrap_or_default(),
                };
                parts.original = Some(original);
            }
            ("multipart", _) => {}
            (_, "html") => {
                if let PartType::Html(h) = &part.body {
                    parts.texts.push(strip_html(h));
                }
            }
            ("text", _) => {
                if let PartType::Text(t) = &part.body {
                    parts.texts.push(t.to_string());
                } else {
                    parts.texts.push(bytes_text());
                }
            }
            _ => {}
        }
    }
    parts
}

fn strip_html(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
}

/// How deep reports wrapped in reports are followed.
const MAX_NESTING: usize = 3;

/// Reads one mail.
#[must_use]
pub fn parse(raw: &[u8]) -> Report {
    parse_at(raw, 0)
}

fn parse_at(raw: &[u8], depth: usize) -> Report {
    let Some(msg) = MessageParser::default().parse(raw) else {
        return Report::empty(Kind::NotReport);
    };
    let date = msg.date().map(mail_parser::DateTime::to_timestamp);
    let mut report = classify(&msg, raw, depth);
    report.date = report.date.or(date);
    report
}

fn classify(msg: &mail_parser::Message<'_>, raw: &[u8], depth: usize) -> Report {
    let report_type = msg
        .content_type()
        .and_then(|ct| ct.attribute("report-type"))
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let mut parts = collect(msg);
    if parts.texts.is_empty() && parts.delivery_status.is_empty() && parts.disposition.is_none() {
        // A multipart whose boundary never appears (seen in the wild): read the body as text.
        let start = (msg.root_part().offset_body as usize).min(raw.len());
        parts
            .texts
            .push(String::from_utf8_lossy(&raw[start..]).into_owned());
    }
    let head = freeform::Head::from_message(msg);

    if parts.feedback || report_type == "feedback-report" {
        return Report::empty(Kind::Feedback);
    }
    if let Some(text) = parts.disposition.as_deref() {
        return mdn(text, parts.original.as_ref());
    }
    if report_type == "disposition-notification" {
        return Report::empty(Kind::Mdn);
    }
    let ds_text = if parts.delivery_status.is_empty() {
        // Reports that put the DSN fields in a text part.
        parts.texts.iter().find_map(|t| inline_delivery_status(t))
    } else {
        Some(parts.delivery_status.join("\n\n"))
    };
    if let Some(text) = ds_text
        && let Some(report) = delivery_report(&text, &parts, &head)
    {
        return report;
    }
    if depth < MAX_NESTING
        && let Some(nested) = &parts.nested
    {
        let inner = parse_at(nested, depth + 1);
        if inner.kind == Kind::Dsn {
            return inner;
        }
    }
    if let Some(report) = parts.texts.iter().find_map(|t| ses::parse(t)) {
        return report;
    }
    if let Some(report) = freeform::analyze(&head, &parts.texts, parts.original.as_ref()) {
        return report;
    }
    if head.is_auto_reply() {
        return Report::empty(Kind::AutoReply);
    }
    Report::empty(Kind::NotReport)
}

/// The DSN fields embedded in a text part, from the first `Reporting-MTA:` or
/// `Final-Recipient:` line on.
fn inline_delivery_status(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    let final_at = lower.find("\nfinal-recipient:")?;
    if !lower[final_at..].contains("\nstatus:") && !lower[final_at..].contains("\naction:") {
        return None;
    }
    let start = lower[..final_at]
        .rfind("\nreporting-mta:")
        .unwrap_or(final_at);
    Some(text[start + 1..].to_owned())
}

fn mdn(text: &str, original: Option<&Original>) -> Report {
    let d = dsn::disposition(text);
    let mut report = Report::empty(Kind::Mdn);
    report.message_id = d
        .original_message_id
        .map(|m| angle(&m))
        .or_else(|| original.and_then(|o| o.message_id.clone()));
    report.disposition.clone_from(&d.disposition);
    if let Some(addr) = d.final_recipient {
        report.recipients.push(RecipientReport {
            address: addr.to_lowercase(),
            original_recipient: None,
            action: d.disposition.unwrap_or_else(|| "displayed".into()),
            status: None,
            diagnostic: None,
            remote_mta: None,
            last_attempt: None,
            reason: Reason::Delivered,
        });
    }
    report
}

fn delivery_report(text: &str, parts: &Parts, head: &freeform::Head) -> Option<Report> {
    let (message, recipients) = dsn::delivery_status(text);
    if recipients.is_empty() {
        return None;
    }
    let mut report = Report::empty(Kind::Dsn);
    report.envelope_id = message.envelope_id;
    report.reporting_mta = message.reporting_mta;
    let original = parts
        .original
        .clone()
        .or_else(|| freeform::returned_headers(&parts.texts));
    if let Some(o) = original {
        report.message_id = o.message_id;
        report.original_subject = o.subject;
    }
    let notice = parts.texts.join("\n");
    for r in recipients {
        // A recipient may be a command ("|/usr/bin/procmail … user@host"): take the address in it.
        let as_address = |v: &Option<String>| {
            v.as_deref()
                .and_then(|v| text::addresses(v).into_iter().next())
                .map(|f| f.address)
        };
        let Some(address) = as_address(&r.final_recipient)
            .or_else(|| as_address(&r.original_recipient))
            .or_else(|| freeform::first_recipient(head, &notice))
        else {
            continue;
        };
        let diagnostic = r.diagnostic.as_deref().map(dsn::typed_value_keep);
        let mut status = r.status.as_deref().and_then(text::enhanced_status);
        let from_text = diagnostic.as_deref().and_then(text::enhanced_status);
        if status.is_none()
            || status.as_deref().is_some_and(|s| s.ends_with(".0.0")) && from_text.is_some()
        {
            status = from_text.or(status);
        }
        let delivered = status.as_deref().is_some_and(|s| s.starts_with('2'))
            || matches!(
                r.action.as_deref(),
                Some("delivered" | "relayed" | "expanded")
            );
        let reason = delivered
            .then_some(Reason::Delivered)
            .or_else(|| {
                status
                    .as_deref()
                    .filter(|s| !s.ends_with(".0.0"))
                    .and_then(reason::from_status)
            })
            .or_else(|| diagnostic.as_deref().and_then(reason::from_text))
            .unwrap_or(Reason::Other);
        if status.is_none() {
            let class = match r.action.as_deref() {
                Some("delivered" | "relayed" | "expanded") => '2',
                Some("delayed") => '4',
                _ => diagnostic
                    .as_deref()
                    .and_then(text::reply_code)
                    .map_or('5', |c| if c < 500 { '4' } else { '5' }),
            };
            status = Some(if class == '2' {
                "2.0.0".into()
            } else {
                reason.status(class)
            });
        }
        let action = r
            .action
            .clone()
            .filter(|a| !a.is_empty())
            .unwrap_or_else(|| match status.as_deref().and_then(|s| s.chars().next()) {
                Some('2') => "delivered".into(),
                Some('4') => "delayed".into(),
                _ => "failed".into(),
            });
        report.recipients.push(RecipientReport {
            address: address.to_lowercase(),
            original_recipient: r.original_recipient,
            action,
            status,
            diagnostic,
            remote_mta: r.remote_mta,
            last_attempt: r.last_attempt,
            reason,
        });
    }
    (!report.recipients.is_empty()).then_some(report)
}
