//! Text for people: how the verbs write a mail, an account, a report or a step of a batch when
//! `--json` is not given.
//!
//! Pure functions from values to text, in the user's language where a sentence is translated
//! (`t!`) and with local times. They do no I/O; the verbs decide where the text goes. JSON, the
//! form for programs, is not made here: it stays English and stable whatever the language.

use std::fmt::Write as _;
use std::path::Path;

use crate::bounce::Report;
use crate::model::{Account, Message, Outcome};
use crate::presets::Preset;
use crate::smtp::explain::Explanation;
use crate::smtp::reply::ParsedReply;
use crate::t;
use crate::worker::scanner::Change;
use crate::worker::sender::MailReport;

/// A moment for people: local time, written the way the user's language writes it.
pub(super) fn when(t: Option<jiff::Timestamp>) -> String {
    t.map_or_else(|| "-".into(), crate::i18n::datetime)
}

/// One mail in `stempel list`: id, state, created, recipients, subject, queue id; tab-separated.
pub(super) fn list_line(m: &Message) -> String {
    let to = m
        .recipients
        .iter()
        .map(|r| r.address.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "{}\t{}\t{}\t{}\t{}\t{}",
        m.id,
        m.state,
        when(Some(m.created_at)),
        to,
        m.subject,
        m.queue_id.as_deref().unwrap_or("-")
    )
}

/// One mail in `stempel show`: headers, attachments, every attempt with its conversation, and
/// the reports received.
pub(super) fn show_text(m: &Message) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "Mail {} ({})", m.id, m.state);
    let _ = writeln!(s, "Message-ID: {}", m.message_id);
    let _ = writeln!(s, "From:       {}", m.from);
    for r in &m.recipients {
        let _ = writeln!(
            s,
            "{:<11} {} [{}{}]",
            format!("{}:", r.kind.as_str()),
            r.address,
            r.delivery.state.as_str(),
            r.delivery
                .status
                .as_deref()
                .map(|st| format!(" {st}"))
                .unwrap_or_default()
        );
    }
    let _ = writeln!(s, "Subject:    {}", m.subject);
    let _ = writeln!(s, "Created:    {}", when(Some(m.created_at)));
    if let Some(sha) = &m.sha256 {
        let _ = writeln!(s, "SHA-256:    {sha} ({} bytes)", m.size.unwrap_or(0));
    }
    for a in &m.attachments {
        let _ = writeln!(
            s,
            "Attachment: {} ({}, {} bytes, sha256 {})",
            a.filename, a.mime_type, a.size, a.sha256
        );
    }
    if let Some(st) = &m.stamp {
        match (st.stamped_at, &st.last_error) {
            (Some(at), _) => {
                let _ = writeln!(
                    s,
                    "Stamped:    {} by {}",
                    when(Some(at)),
                    st.authority.as_deref().unwrap_or("-")
                );
            }
            (None, Some(e)) => {
                let _ = writeln!(
                    s,
                    "Stamped:    not yet ({e}); next try {}",
                    when(st.next_try_at)
                );
            }
            (None, None) => {}
        }
    }
    for (i, a) in m.attempts.iter().enumerate() {
        let _ = writeln!(s, "\nAttempt {} at {}", i + 1, when(a.started_at));
        if let Some(server) = &a.server {
            let _ = writeln!(s, "  Server:   {server}");
        }
        if let Some(tls) = &a.tls_version {
            let _ = writeln!(s, "  TLS:      {tls}");
        }
        if let (Some(code), Some(text)) = (a.reply_code, &a.reply_text) {
            let _ = writeln!(s, "  Reply:    {code} {text}");
        }
        if let Some(q) = &a.queue_id {
            let _ = writeln!(s, "  Queue id: {q}");
        }
        if let Some(e) = &a.error {
            let _ = writeln!(s, "  Error:    {e}");
        }
        if let Some(e) = &a.explanation {
            let _ = writeln!(s, "  Meaning:  {e}");
        }
        for l in &a.transcript {
            let _ = writeln!(s, "  {l}");
        }
    }
    for e in &m.events {
        let _ = writeln!(
            s,
            "\nReport: {} {} {} {}",
            e.recipient.as_deref().unwrap_or("-"),
            e.state.as_str(),
            e.status.as_deref().unwrap_or(""),
            e.diagnostic.as_deref().unwrap_or("")
        );
    }
    s
}

/// One account in `stempel account list`: name, sender, SMTP server and its security.
pub(super) fn account_line(a: &Account) -> String {
    format!(
        "{}\t{}\t{}:{} ({})",
        a.name,
        a.from,
        a.smtp.host,
        a.smtp.port,
        a.smtp.security.as_str()
    )
}

/// One provider in `stempel account presets`: id, name, servers, then its hint on a second line.
pub(super) fn preset(p: &Preset) -> String {
    format!(
        "{}\t{}\tSMTP {}:{} ({}), IMAP {}:{} ({})\n\t{}",
        p.id,
        p.name,
        p.smtp.0,
        p.smtp.1,
        p.smtp.2.as_str(),
        p.imap.0,
        p.imap.1,
        p.imap.2.as_str(),
        p.hint_text()
    )
}

/// How far a batch is: `[#####     ] 5/10`.
pub(super) fn progress_bar(index: usize, total: usize) -> String {
    let width = 20;
    let filled = index * width / total.max(1);
    format!(
        "[{}{}] {}/{}",
        "#".repeat(filled),
        " ".repeat(width - filled),
        index,
        total
    )
}

/// What became of one mail of a batch: sent with its queue id, or why not.
pub(super) fn mail_done(r: &MailReport) -> String {
    let why = r
        .explanation
        .as_ref()
        .map(Explanation::meaning_text)
        .unwrap_or_default();
    let id = r.id;
    match r.outcome {
        Outcome::Sent => {
            let queue_id = r.queue_id.clone().unwrap_or_else(|| "-".to_owned());
            t!("cli-mail-sent", id = id, queue_id = queue_id)
        }
        Outcome::Deferred => {
            let time = when(r.next_attempt_at);
            t!("cli-mail-deferred", id = id, time = time, why = why)
        }
        Outcome::Failed => t!("cli-mail-failed", id = id, why = why),
        Outcome::Uncertain => t!("cli-mail-uncertain", id = id, why = why),
    }
}

/// One delivery change `stempel check-bounces` found: mail, recipient, state, status, what it
/// means and how the report was tied to the mail.
pub(super) fn change_line(c: &Change) -> String {
    format!(
        "mail {}\t{}\t{}\t{}\t{} ({})",
        c.message,
        c.recipient.as_deref().unwrap_or("-"),
        c.state.as_str(),
        c.status.as_deref().unwrap_or("-"),
        c.explanation,
        c.matched_by
    )
}

/// What a bounce or report file says, for `stempel parse-bounce`: its kind, then a line per
/// recipient.
pub(super) fn bounce_report(file: &Path, report: &Report) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{}: {:?}", file.display(), report.kind);
    for r in &report.recipients {
        let _ = writeln!(
            s,
            "  {} {} {} ({})",
            r.address,
            r.action,
            r.status.as_deref().unwrap_or("-"),
            r.reason.explanation()
        );
    }
    s
}

/// An SMTP reply explained, for `stempel explain`: code and status with their meaning, the
/// queue id when the reply names one, and what to do when it is not a success.
pub(super) fn explained_reply(reply: &ParsedReply, explanation: &Explanation) -> String {
    let mut s = String::new();
    let code = reply.code.map(|c| c.to_string()).unwrap_or_default();
    let status = reply
        .enhanced_status
        .as_deref()
        .map(|st| format!(" {st}"))
        .unwrap_or_default();
    let _ = writeln!(s, "{code}{status}: {}", explanation.meaning_text());
    if let Some(q) = &reply.queue_id {
        let _ = writeln!(s, "{}", t!("cli-queue-id", queue_id = q.clone()));
    }
    if !reply.is_positive() {
        let advice = explanation.advice_text();
        let _ = writeln!(s, "{}", t!("cli-what-to-do", advice = advice));
    }
    s
}

/// Text from servers and mails as a terminal should get it: control characters (ESC, BEL, a
/// bare CR…) written visibly escaped (`\u{1b}`), so a server cannot move the cursor, recolour
/// the screen or hide a line. Line feeds and tabs stay.
#[must_use]
pub fn visible(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() && c != '\n' && c != '\t' {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod visible_tests {
    use super::visible;

    #[test]
    fn control_characters_are_shown_escaped() {
        assert_eq!(
            visible("250 ok\u{1b}[2J\u{7}\rhidden\nnext\tcol"),
            "250 ok\\u{1b}[2J\\u{7}\\rhidden\nnext\tcol"
        );
    }
}
