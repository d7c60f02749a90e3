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

/// A customer with its recent mails (`stempel customer show`).
pub(super) fn customer_text(c: &crate::model::Customer, mails: &[crate::store::ListRow]) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{}", c.name);
    let rows = [
        (t!("customer-tax-id"), c.tax_id.clone().unwrap_or_default()),
        (t!("customer-email"), c.to.join(", ")),
        (t!("customer-cc"), c.cc.join(", ")),
        (
            t!("customer-language"),
            c.language.clone().unwrap_or_default(),
        ),
        (t!("customer-notes"), c.notes.clone()),
    ];
    for (name, value) in rows.iter().filter(|(_, v)| !v.is_empty()) {
        let _ = writeln!(s, "{}{value}", label(name));
    }
    if !mails.is_empty() {
        let _ = writeln!(s, "\n{}", t!("customer-recent-mails"));
    }
    for m in mails {
        let delivery = m
            .delivery
            .iter()
            .map(|d| d.label())
            .collect::<Vec<_>>()
            .join(", ");
        let _ = writeln!(
            s,
            "{}\t{}\t{}\t{}\t{}\t{}",
            m.id,
            when(Some(m.date)),
            m.state.label(),
            delivery,
            m.invoice_number.as_deref().unwrap_or("-"),
            m.subject
        );
    }
    s
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

/// `Label:` padded to the width of the longest label of `show`, so values line up.
fn label(name: &str) -> String {
    let width: usize = 14;
    let shown = format!("{name}:");
    let pad = width.saturating_sub(shown.chars().count());
    format!("{shown}{}", " ".repeat(pad))
}

/// One mail in `stempel show`: headers, attachments, every attempt with its conversation, and
/// the reports received. Labels in the user's language; what servers said as they said it.
pub(super) fn show_text(m: &Message) -> String {
    use crate::model::RecipientKind;
    let mut s = String::new();
    let _ = writeln!(s, "#{} ({})", m.id, m.state.label());
    let _ = writeln!(s, "{}{}", label("Message-ID"), m.message_id);
    let _ = writeln!(s, "{}{}", label(&t!("field-from")), m.from);
    for r in &m.recipients {
        let kind = match r.kind {
            RecipientKind::To => t!("field-to"),
            RecipientKind::Cc => t!("field-cc"),
            RecipientKind::Bcc => t!("field-bcc"),
        };
        let status = r
            .delivery
            .status
            .as_deref()
            .map(|st| format!(" {st}"))
            .unwrap_or_default();
        let state = r.delivery.state.label();
        let _ = writeln!(s, "{}{} [{state}{status}]", label(&kind), r.address);
    }
    let _ = writeln!(s, "{}{}", label(&t!("field-subject")), m.subject);
    if let Some(invoice) = &m.invoice_number {
        let _ = writeln!(s, "{}{invoice}", label(&t!("field-invoice-number")));
    }
    let _ = writeln!(
        s,
        "{}{}",
        label(&t!("field-created")),
        when(Some(m.created_at))
    );
    if let Some(sha) = &m.sha256 {
        let size = crate::i18n::size(m.size.unwrap_or(0));
        let _ = writeln!(s, "{}{sha} ({size})", label("SHA-256"));
    }
    for a in &m.attachments {
        let size = crate::i18n::size(a.size);
        let _ = writeln!(
            s,
            "{}{} ({}, {size}, SHA-256 {})",
            label(&t!("field-attachment")),
            a.filename,
            a.mime_type,
            a.sha256
        );
    }
    if let Some(st) = &m.stamp {
        let name = label(&t!("pdf-timestamp"));
        match (st.stamped_at, &st.last_error) {
            (Some(at), _) => {
                let authority = st.authority.clone().unwrap_or_else(|| "-".to_owned());
                let time = when(Some(at));
                let _ = writeln!(s, "{name}{time} ({authority})");
            }
            (None, Some(e)) => {
                let _ = writeln!(
                    s,
                    "{name}{}; {} {}",
                    t!("pdf-timestamp-pending", reason = e.clone()),
                    t!("field-next-attempt"),
                    when(st.next_try_at)
                );
            }
            (None, None) => {}
        }
    }
    for (i, a) in m.attempts.iter().enumerate() {
        attempt_text(&mut s, i + 1, a);
    }
    for e in &m.events {
        let _ = writeln!(
            s,
            "\n{}{} {} {} {}",
            label(&t!("tab-delivery")),
            e.recipient.as_deref().unwrap_or("-"),
            e.state.label(),
            e.status.as_deref().unwrap_or(""),
            e.diagnostic.as_deref().unwrap_or("")
        );
    }
    s
}

/// One attempt of `show`: server, TLS, reply, queue id, what happened, the conversation.
fn attempt_text(s: &mut String, n: usize, a: &crate::model::Attempt) {
    let time = when(a.started_at);
    let _ = writeln!(s, "\n{}", t!("cli-attempt", n = n, time = time));
    if let Some(server) = &a.server {
        let _ = writeln!(s, "  {}{server}", label(&t!("field-server")));
    }
    if let Some(tls) = &a.tls_version {
        let _ = writeln!(s, "  {}{tls}", label("TLS"));
    }
    if let (Some(code), Some(text)) = (a.reply_code, &a.reply_text) {
        let _ = writeln!(s, "  {}{code} {text}", label(&t!("field-reply")));
    }
    if let Some(q) = &a.queue_id {
        let _ = writeln!(s, "  {}{q}", label(&t!("field-queue-id")));
    }
    // What happened in the user's words; the technical error only when there are none.
    match (a.explained(), &a.error) {
        (Some((meaning, advice)), _) => {
            let _ = writeln!(s, "  {}{meaning}", label(&t!("field-what-happened")));
            if !advice.is_empty() {
                let _ = writeln!(s, "  {}{advice}", label(&t!("field-what-to-do")));
            }
        }
        (None, Some(e)) => {
            let _ = writeln!(s, "  {}{e}", label(&t!("field-error")));
        }
        (None, None) => {}
    }
    for l in &a.transcript {
        let _ = writeln!(s, "  {l}");
    }
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
