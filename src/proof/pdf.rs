//! `proof.pdf`: the confirmation of sending a bookkeeper or a court can read, in the user's
//! language: the mail, its hashes, the stages reached and what each proves, the connection,
//! the time stamp, the timeline, how to check it all, and the SMTP conversation.

mod layout;

use jiff::Timestamp;
use jiff::tz::TimeZone;

use self::layout::{Layout, MARGIN, NEVER, REACHED, Style, WAITING};
use super::evidence::{EvidenceError, Material, STAMPED, SUMS_FILE};
use super::{Proof, proof};
use crate::model::{Attempt, Message, Outcome, RecipientKind};
use crate::t;

/// The PDF for `m`; `attachment_files` are the attachments' names in the evidence.
pub fn proof_pdf(m: &Material<'_>, attachment_files: &[String]) -> Result<Vec<u8>, EvidenceError> {
    let msg = m.message;
    let zone = &m.time_zone;
    let when = |at: Option<Timestamp>| at.map_or_else(|| "—".to_owned(), |t| zoned(t, zone));
    let mut l = Layout::new().ok_or_else(|| EvidenceError::Pdf("the fonts do not load".into()))?;
    let title = t!("pdf-title");
    l.paragraph(Style::Title, MARGIN, &title);
    l.paragraph(
        Style::Small,
        MARGIN,
        &t!(
            "pdf-subtitle",
            version = env!("CARGO_PKG_VERSION"),
            when = zoned(m.written_at, zone)
        ),
    );

    mail_section(&mut l, msg, &when);
    attachments_section(&mut l, msg, attachment_files);

    let p = proof(msg);
    stages(&mut l, &p, &when);

    let sent_attempt = msg
        .attempts
        .iter()
        .rev()
        .find(|a| a.outcome == Some(Outcome::Sent))
        .or_else(|| msg.attempts.last());
    if let Some(a) = sent_attempt {
        connection(&mut l, a);
    }

    l.heading(&t!("pdf-timestamp"));
    // The stamp's time and signer as stored when its token was checked.
    let stamp_text = match msg.stamp.as_ref() {
        Some(s) if m.receipt_at_send_token.is_some() && s.stamped_at.is_some() => t!(
            "pdf-timestamp-line",
            authority = s.authority.clone().unwrap_or_default(),
            when = when(s.stamped_at)
        ),
        Some(s) if s.last_error.is_some() => t!(
            "pdf-timestamp-pending",
            reason = s.last_error.clone().unwrap_or_default()
        ),
        _ => t!("pdf-timestamp-none"),
    };
    l.paragraph(Style::Body, MARGIN, &stamp_text);

    if !msg.events.is_empty() {
        l.heading(&t!("pdf-timeline"));
        for e in &msg.events {
            let what = [
                Some(e.state.label()),
                e.recipient.clone(),
                e.status.clone(),
                e.remote_mta.clone(),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · ");
            l.field(&when(e.at), &what);
        }
    }

    how_to_check(&mut l);

    for (n, a) in msg.attempts.iter().enumerate() {
        if a.transcript.is_empty() {
            continue;
        }
        let attempt = n + 1;
        l.heading(&t!("pdf-transcript", n = attempt));
        for line in &a.transcript {
            l.paragraph(Style::Mono, MARGIN, &line.to_string());
        }
    }

    let message_id = &msg.message_id;
    l.render(&title, |page, pages| {
        format!(
            "{} · {message_id}",
            t!("pdf-page", page = page, pages = pages)
        )
    })
    .map_err(EvidenceError::Pdf)
}

fn mail_section(l: &mut Layout, msg: &Message, when: &dyn Fn(Option<Timestamp>) -> String) {
    l.heading(&t!("pdf-mail"));
    l.field(&t!("pdf-from"), &msg.from);
    for kind in [RecipientKind::To, RecipientKind::Cc, RecipientKind::Bcc] {
        let list: Vec<&str> = msg
            .recipients
            .iter()
            .filter(|r| r.kind == kind)
            .map(|r| r.address.as_str())
            .collect();
        if !list.is_empty() {
            let label = match kind {
                RecipientKind::To => t!("pdf-to"),
                RecipientKind::Cc => t!("pdf-cc"),
                RecipientKind::Bcc => t!("pdf-bcc"),
            };
            l.field(&label, &list.join(", "));
        }
    }
    l.field(&t!("pdf-subject"), &msg.subject);
    l.field(&t!("pdf-message-id"), &msg.message_id);
    l.field(&t!("pdf-sent"), &when(msg.sent_at));
    l.field(
        &t!("pdf-size"),
        &msg.size.map_or_else(String::new, crate::i18n::size),
    );
    l.hash_field(&t!("pdf-sha256"), msg.sha256.as_deref().unwrap_or("—"));
}

fn attachments_section(l: &mut Layout, msg: &Message, attachment_files: &[String]) {
    l.heading(&t!("pdf-attachments"));
    if msg.attachments.is_empty() {
        l.paragraph(Style::Body, MARGIN, &t!("pdf-no-attachments"));
    }
    for (a, file) in msg.attachments.iter().zip(attachment_files) {
        l.field(
            &a.filename,
            &format!("{} · {}", crate::i18n::size(a.size), file),
        );
        l.hash_field("SHA-256", &a.sha256);
    }
}

/// A moment with seconds and its zone, in the language's date order.
fn zoned(at: Timestamp, zone: &TimeZone) -> String {
    let local = at.to_zoned(zone.clone());
    let pattern = match crate::i18n::language() {
        "pl" | "de" => "%d.%m.%Y %H:%M:%S %Z (UTC%:z)",
        "cs" => "%-d. %-m. %Y %H:%M:%S %Z (UTC%:z)",
        _ => "%Y-%m-%d %H:%M:%S %Z (UTC%:z)",
    };
    local.strftime(pattern).to_string()
}

fn stages(l: &mut Layout, p: &Proof, when: &dyn Fn(Option<Timestamp>) -> String) {
    l.heading(&t!("pdf-stages"));
    match &p.submitted {
        Some(s) => {
            l.paragraph(
                Style::Body,
                MARGIN,
                &format!(
                    "{REACHED} {}",
                    t!(
                        "proof-stage-1",
                        queue_id = s.queue_id.clone().unwrap_or_else(|| "—".into())
                    )
                ),
            );
            l.paragraph(Style::Small, MARGIN + 12.0, &t!("proof-stage-1-means"));
            l.field(&t!("pdf-sent"), &when(s.at));
        }
        None if p.settled_by.is_some() => {
            l.paragraph(
                Style::Body,
                MARGIN,
                &format!("{REACHED} {}", t!("proof-settled")),
            );
        }
        None => {}
    }
    l.gap(4.0);
    for h in &p.accepted {
        let server = h
            .remote_mta
            .clone()
            .or_else(|| h.reporting_mta.clone())
            .unwrap_or_default();
        l.paragraph(
            Style::Body,
            MARGIN,
            &format!(
                "{REACHED} {}",
                t!("proof-stage-2", server = server, when = when(h.at))
            ),
        );
        l.field(
            &h.recipient.clone().unwrap_or_default(),
            &[
                Some(h.state.label()),
                h.status.clone(),
                h.reporting_mta.clone(),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · "),
        );
    }
    if p.accepted.is_empty() {
        let dsn_missing = p.submitted.as_ref().and_then(|s| s.dsn_offered) == Some(false);
        let text = if p.bounced {
            format!("{NEVER} {}", t!("proof-stage-2-bounced"))
        } else if dsn_missing {
            format!("{NEVER} {}", t!("proof-stage-2-never"))
        } else {
            format!("{WAITING} {}", t!("proof-stage-2-waiting"))
        };
        l.paragraph(Style::Body, MARGIN, &text);
    } else {
        l.paragraph(Style::Small, MARGIN + 12.0, &t!("proof-stage-2-means"));
    }
    l.gap(4.0);
    for r in &p.read {
        l.paragraph(
            Style::Body,
            MARGIN,
            &format!("{REACHED} {}", t!("proof-stage-3", when = when(r.at))),
        );
    }
}

fn connection(l: &mut Layout, a: &Attempt) {
    l.heading(&t!("pdf-connection"));
    l.field(&t!("pdf-server"), a.server.as_deref().unwrap_or("—"));
    if let Some(peer) = &a.peer_address {
        l.field(&t!("pdf-address"), peer);
    }
    let tls = match (&a.tls_version, &a.tls_cipher) {
        (Some(v), Some(c)) => format!("{v} · {c}"),
        (Some(v), None) => v.clone(),
        _ => t!("pdf-tls-none"),
    };
    l.field(&t!("pdf-tls"), &tls);
    if let Some(subject) = &a.cert_subject {
        let verified = if a.cert_verified == Some(true) {
            t!("pdf-cert-verified")
        } else {
            t!("pdf-cert-not-verified")
        };
        l.field(&t!("pdf-certificate"), &format!("{subject} ({verified})"));
    }
    if let Some(fp) = &a.cert_sha256 {
        l.hash_field(&t!("pdf-fingerprint"), fp);
    }
    let reply = [
        a.reply_code.map(|c| c.to_string()),
        a.enhanced_status.clone(),
        a.reply_text.clone(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    l.field(&t!("pdf-server-reply"), &reply);
    if let Some(q) = &a.queue_id {
        l.field(&t!("pdf-queue-id"), q);
    }
}

fn how_to_check(l: &mut Layout) {
    l.heading(&t!("pdf-check"));
    l.paragraph(Style::Body, MARGIN, &t!("pdf-check-intro"));
    l.gap(3.0);
    l.paragraph(Style::Body, MARGIN, &t!("pdf-check-sums"));
    l.paragraph(
        Style::Mono,
        MARGIN + 12.0,
        &format!("sha256sum -c {SUMS_FILE}"),
    );
    l.gap(3.0);
    l.paragraph(Style::Body, MARGIN, &t!("pdf-check-stamp"));
    for (data, token) in STAMPED {
        l.paragraph(
            Style::Mono,
            MARGIN + 12.0,
            &format!("openssl ts -verify -data {data} -in {token} -CAfile CA.pem"),
        );
    }
    l.gap(3.0);
    l.paragraph(Style::Body, MARGIN, &t!("pdf-check-stempel"));
    l.paragraph(Style::Mono, MARGIN + 12.0, "stempel verify FILE.zip");
}
