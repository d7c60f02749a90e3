//! Bounces that do not follow RFC 3464: the text of a notice written for people.
//!
//! The rules are for shapes shared by many MTAs, not for single files:
//! - who sent it (MAILER-DAEMON, postmaster, "Mail Delivery System"), `X-Failed-Recipients`,
//!   bounce subjects in several languages, and failure sentences in the text;
//! - where the notice ends and the returned message starts (the `--- Below this line is a
//!   copy`, `----- Original message -----`, `Unsent message follows` family);
//! - recipient lines: an address alone on its line (qmail, Exim, Yahoo, Gmail), `<addr>:`,
//!   `<addr>... User unknown` (sendmail), `RCPT TO:<addr>` in a transcript;
//! - the diagnostic after the recipient line, its enhanced status or reply code, else the
//!   reason its words describe.

mod words;

use mail_parser::MessageParser;

use super::{Kind, Original, Reason, RecipientReport, Report, angle, reason, text};
use words::{AUTOREPLY_SUBJECTS, BOUNCE_SUBJECTS, DAEMONS, FAILURE_PHRASES, ORIGINAL_MARKERS};

/// The bounce mail's own headers that matter.
pub struct Head {
    from: String,
    from_name: String,
    subject: String,
    to: Vec<String>,
    return_path_empty: bool,
    failed_recipients: Vec<String>,
    auto_submitted: String,
    autoreply_header: bool,
    precedence: String,
}

impl Head {
    pub fn from_message(m: &mail_parser::Message<'_>) -> Self {
        let raw = |name: &str| m.header_raw(name).map_or("", str::trim).to_owned();
        let (from, from_name) = m
            .from()
            .and_then(|a| a.first())
            .map(|a| {
                (
                    a.address().unwrap_or("").to_lowercase(),
                    a.name().unwrap_or("").to_lowercase(),
                )
            })
            .unwrap_or_default();
        let return_path = raw("Return-Path");
        Self {
            from,
            from_name,
            subject: m.subject().unwrap_or("").to_lowercase(),
            to: super::to_addresses(m),
            return_path_empty: return_path == "<>"
                || return_path.is_empty() && m.header_raw("Return-Path").is_some(),
            failed_recipients: text::addresses(&raw("X-Failed-Recipients"))
                .into_iter()
                .map(|f| f.address)
                .collect(),
            auto_submitted: raw("Auto-Submitted").to_lowercase(),
            autoreply_header: m.header_raw("X-Autoreply").is_some()
                || m.header_raw("X-Autorespond").is_some()
                || m.header_raw("X-Autoresponder").is_some(),
            precedence: raw("Precedence").to_lowercase(),
        }
    }

    fn sender_is_daemon(&self) -> bool {
        let local = self.from.split('@').next().unwrap_or("");
        DAEMONS.iter().any(|d| local.starts_with(d))
            || [
                "mail delivery",
                "mailer-daemon",
                "mailer daemon",
                "postmaster",
                "mail administrator",
                "delivery subsystem",
            ]
            .iter()
            .any(|n| self.from_name.contains(n))
    }

    fn subject_is_bounce(&self) -> bool {
        BOUNCE_SUBJECTS.iter().any(|s| self.subject.contains(s))
    }

    pub fn is_auto_reply(&self) -> bool {
        self.auto_submitted.starts_with("auto-replied")
            || self.autoreply_header
            || matches!(self.precedence.as_str(), "auto_reply" | "auto-reply")
            || AUTOREPLY_SUBJECTS
                .iter()
                .any(|s| self.subject.starts_with(s) || self.subject.contains(s))
    }
}

fn is_marker(line: &str) -> bool {
    let t = line.trim();
    if t.len() > 110 || t.is_empty() {
        return false;
    }
    let lower = t.to_lowercase();
    let decorated =
        t.starts_with(['-', '=', '*', '[', '_', '#', '<']) || t.ends_with(['-', '=', '*', ':']);
    (decorated || t.len() < 60) && ORIGINAL_MARKERS.iter().any(|m| lower.contains(m))
}

/// The notice (before the marker) and the returned message (after it).
fn split_notice(text: &str) -> (&str, Option<&str>) {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if offset > 0 && is_marker(line) {
            return (&text[..offset], Some(&text[offset + line.len()..]));
        }
        offset += line.len();
    }
    (text, None)
}

/// Headers of a returned message that is only text (after a marker line).
fn headers_in_text(text: &str) -> Option<Original> {
    let start = text.find(|c: char| !c.is_whitespace())?;
    let m = MessageParser::default().parse_headers(&text.as_bytes()[start..])?;
    let o = super::original_from(&m);
    if o.message_id.is_some() {
        return Some(o);
    }
    let has_headers = !o.to.is_empty() || o.subject.is_some();
    // Not a clean header block: look for the Message-ID line itself.
    let lower = text.to_ascii_lowercase();
    let id = lower
        .find("\nmessage-id:")
        .or_else(|| lower.find("message-id:").filter(|&i| i == 0))
        .and_then(|at| text[at..].trim_start().lines().next())
        .and_then(|line| line.split_once(':'))
        .and_then(|(_, v)| v.split_whitespace().next())
        .filter(|id| id.contains('@'))
        .map(|id| angle(id.trim_end_matches(['.', ','])));
    if id.is_none() && !has_headers {
        return None;
    }
    Some(Original {
        message_id: id,
        ..o
    })
}

/// The original's headers when they are only in the text parts.
pub(super) fn returned_headers(texts: &[String]) -> Option<Original> {
    texts
        .iter()
        .find_map(|t| split_notice(t).1.and_then(headers_in_text))
}

/// A guess at the recipient when a DSN names none.
pub(super) fn first_recipient(head: &Head, notice: &str) -> Option<String> {
    candidates(head, notice)
        .into_iter()
        .next()
        .map(|c| c.address)
}

#[derive(Clone, Debug)]
struct Candidate {
    address: String,
    strength: u8,
    line: usize,
}

fn ignored(head: &Head, addr: &str) -> bool {
    let local = addr.split('@').next().unwrap_or("");
    addr == head.from || DAEMONS[..5].iter().any(|d| local.starts_with(d)) || local == "postmaster"
}

/// At most this many distinct recipients are read from one notice.
const MAX_CANDIDATES: usize = 100;
/// Notices are short; a huge text part is read only this far (keeps every input linear).
const MAX_NOTICE: usize = 256 * 1024;

/// Recipient candidates in a notice, strongest first.
fn candidates(head: &Head, notice: &str) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    for (i, line) in notice.lines().enumerate() {
        if out.len() >= MAX_CANDIDATES {
            break;
        }
        let t = line.trim();
        let lower = t.to_lowercase();
        for f in text::addresses(t) {
            if ignored(head, &f.address) {
                continue;
            }
            let before = t[..f.start].trim_end_matches(['<', '"', '\'']).trim();
            let after = t[f.end..].trim_start_matches(['>', '"', '\'']).trim_start();
            let before_lower = before.to_lowercase();
            let strength = if before.is_empty()
                && (after.is_empty()
                    || after.starts_with(':')
                    || after.starts_with("...")
                    || after.starts_with('(')
                    || after.starts_with(',')
                    || after.starts_with('<')
                    || after.starts_with('['))
                || before_lower.ends_with("rcpt to:")
                || before_lower.ends_with("rcpt to: ")
                || before_lower.ends_with("recipient:")
                || before_lower.ends_with("original-recipient: rfc822;")
                || before_lower.ends_with("final-recipient: rfc822;")
                || before_lower.ends_with("failed recipient:")
                || before_lower.ends_with("to:")
                    && !before_lower.ends_with("mail from:")
                    && !before_lower.ends_with("reply-to:")
            {
                3
            } else if [
                "recipient",
                "address",
                "delivery to",
                "deliver to",
                "sent to",
                "addressed to",
                "mailbox",
                "user",
            ]
            .iter()
            .any(|w| lower.contains(w))
                && !lower.contains("mail from")
                && !lower.starts_with("from:")
            {
                2
            } else {
                // The sender's own lines name the sender, not a recipient.
                u8::from(
                    !(lower.contains("mail from")
                        || lower.starts_with("from:")
                        || lower.starts_with("reply-to:")),
                )
            };
            if strength == 0 {
                continue;
            }
            match out.iter_mut().find(|c| c.address == f.address) {
                Some(c) if c.strength < strength => {
                    c.strength = strength;
                    c.line = i;
                }
                Some(_) => {}
                None => out.push(Candidate {
                    address: f.address,
                    strength,
                    line: i,
                }),
            }
        }
    }
    let best = out.iter().map(|c| c.strength).max().unwrap_or(0);
    let mut chosen: Vec<Candidate> = out.into_iter().filter(|c| c.strength == best).collect();
    if best <= 1 {
        // Weak candidates: drop the bounce's addressee (the original sender).
        chosen.retain(|c| !head.to.contains(&c.address));
    }
    chosen
}

fn is_temporary(text: &str) -> bool {
    let l = text.to_lowercase();
    [
        "temporary",
        "delayed",
        "will be retried",
        "warning",
        "deferred",
        "try again",
        "still trying",
        "retrying",
    ]
    .iter()
    .any(|w| l.contains(w))
        && !l.contains("permanent")
        && !l.contains("given up")
        && !l.contains("giving up")
}

fn diagnostic_for(lines: &[&str], from: usize, until: usize) -> String {
    let end = until.min(from + 14).min(lines.len());
    lines[from.min(end)..end]
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn status_of(diagnostic: &str, notice: &str) -> (Option<String>, Reason) {
    let temporary = is_temporary(notice);
    let code = text::reply_code(diagnostic);
    let reason = text::enhanced_status(diagnostic)
        .as_deref()
        .filter(|s| !s.ends_with(".0.0"))
        .and_then(reason::from_status)
        .or_else(|| reason::from_text(diagnostic))
        .or_else(|| reason::from_text(notice))
        .unwrap_or(Reason::Other);
    if let Some(s) = text::enhanced_status(diagnostic) {
        return (Some(s), reason);
    }
    let class = match code {
        Some(c) if c >= 500 => '5',
        Some(c) if c >= 400 => '4',
        _ if temporary => '4',
        _ => '5',
    };
    (Some(reason.status(class)), reason)
}

/// The text that speaks of recipient `c`: from its line to the next recipient's, else the
/// lines just before it, else the whole notice.
fn diagnostic_of(c: &Candidate, lines: &[&str], positions: &[usize]) -> String {
    if c.line == usize::MAX {
        // Only named in a header: find its line in the text, else take the whole notice.
        lines
            .iter()
            .position(|l| l.to_lowercase().contains(&c.address))
            .map_or_else(
                || diagnostic_for(lines, 0, lines.len()),
                |p| diagnostic_for(lines, p, lines.len()),
            )
    } else {
        let next = positions
            .iter()
            .copied()
            .find(|&p| p > c.line)
            .unwrap_or(lines.len());
        let own = diagnostic_for(lines, c.line, next);
        if text::enhanced_status(&own).is_some()
            || text::reply_code(&own).is_some()
            || reason::from_text(&own).is_some()
        {
            own
        } else {
            // The words may stand before the address ("... failed: \n addr").
            let start = c.line.saturating_sub(6);
            let around = diagnostic_for(lines, start, next);
            if text::enhanced_status(&around).is_some() || reason::from_text(&around).is_some() {
                around
            } else {
                diagnostic_for(lines, 0, lines.len())
            }
        }
    }
}

/// A non-standard bounce, if the mail is one.
pub(super) fn analyze(
    head: &Head,
    texts: &[String],
    original: Option<&Original>,
) -> Option<Report> {
    let full = texts.join("\n");
    let (notice, returned) = split_notice(&full);
    let mut cut = notice.len().min(MAX_NOTICE);
    while !notice.is_char_boundary(cut) {
        cut -= 1;
    }
    let notice = &notice[..cut];
    let notice_lower = notice
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let phrases = FAILURE_PHRASES
        .iter()
        .filter(|p| notice_lower.contains(*p))
        .count();
    let signals = u8::from(head.sender_is_daemon())
        + u8::from(head.subject_is_bounce())
        + u8::from(!head.failed_recipients.is_empty()) * 2
        + u8::from(head.return_path_empty);
    if signals == 0 || (phrases == 0 && head.failed_recipients.is_empty() && signals < 2) {
        return None;
    }
    // An auto-reply from a person's mailbox is not a bounce, whatever its words.
    if head.is_auto_reply()
        && !head.sender_is_daemon()
        && head.failed_recipients.is_empty()
        && !head.subject_is_bounce()
    {
        return None;
    }
    let mut found = candidates(head, notice);
    for addr in &head.failed_recipients {
        if !found.iter().any(|c| &c.address == addr) {
            found.insert(
                0,
                Candidate {
                    address: addr.clone(),
                    strength: 3,
                    line: usize::MAX,
                },
            );
        }
    }
    let original = original
        .cloned()
        .or_else(|| returned.and_then(headers_in_text));
    if found.is_empty() {
        let to = original.as_ref().map(|o| o.to.clone()).unwrap_or_default();
        found = to
            .into_iter()
            .map(|address| Candidate {
                address,
                strength: 1,
                line: usize::MAX,
            })
            .collect();
    }
    if found.is_empty() && phrases == 0 {
        return None;
    }
    let lines: Vec<&str> = notice.lines().collect();
    let mut positions: Vec<usize> = found
        .iter()
        .map(|c| c.line)
        .filter(|&l| l != usize::MAX)
        .collect();
    positions.sort_unstable();
    let mut report = Report::empty(Kind::Bounce);
    if let Some(o) = original {
        report.message_id = o.message_id;
        report.original_subject = o.subject;
    }
    for c in &found {
        let diagnostic = diagnostic_of(c, &lines, &positions);
        let (status, reason) = status_of(&diagnostic, notice);
        let action = if status.as_deref().is_some_and(|s| s.starts_with('4')) {
            "delayed"
        } else {
            "failed"
        };
        report.recipients.push(RecipientReport {
            address: c.address.clone(),
            original_recipient: None,
            action: action.into(),
            status,
            diagnostic: Some(diagnostic.chars().take(1000).collect()),
            remote_mta: None,
            last_attempt: None,
            reason,
        });
    }
    Some(report)
}
