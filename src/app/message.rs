//! One mail: the Message, Sent (the receipt) and Delivery tabs, and the buttons for what can
//! be done with it in its state (returned as a [`Command`]). The raw text of a report is read
//! from the store only while its section is open, one row by primary key.

use eframe::egui;

use super::command::Command;
use super::labels::{delivery_color, transcript_text};
use crate::model::{Message, MessageState, Outcome};
use crate::smtp::explain;
use crate::store::Store;
use crate::t;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Message,
    Sent,
    Delivery,
}

/// Draws the mail; returns what the user asked for.
pub fn show(
    ui: &mut egui::Ui,
    store: &Store,
    m: &Message,
    tab: &mut Tab,
    stamping: bool,
) -> Option<Command> {
    let mut command = None;
    ui.horizontal(|ui| {
        ui.selectable_value(tab, Tab::Message, t!("tab-message"));
        ui.selectable_value(tab, Tab::Sent, t!("tab-sent"));
        ui.selectable_value(tab, Tab::Delivery, t!("tab-delivery"));
        ui.separator();
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            command = actions(ui, m);
            // The subject gets what the buttons leave, cut short rather than under them.
            ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                ui.add(egui::Label::new(egui::RichText::new(&m.subject).strong()).truncate());
            });
        });
    });
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt(("detail", m.id))
        .auto_shrink(false)
        .show(ui, |ui| match tab {
            Tab::Message => message_tab(ui, m),
            Tab::Sent => sent_tab(ui, m, stamping),
            Tab::Delivery => delivery_tab(ui, store, m),
        });
    command
}

/// The buttons for what can be done with a mail in its state, right to left (the first is the
/// rightmost). Every button is drawn; the one clicked gives the command.
fn actions(ui: &mut egui::Ui, m: &Message) -> Option<Command> {
    let id = m.id;
    let clicked = match m.state {
        MessageState::Draft => vec![
            button(ui, t!("delete"), None, Command::Delete(vec![id])),
            button(ui, t!("edit"), None, Command::Edit(id)),
        ],
        MessageState::Queued => vec![
            button(ui, t!("delete"), None, Command::Delete(vec![id])),
            button(
                ui,
                t!("edit"),
                Some(t!("edit-queued-hint")),
                Command::Edit(id),
            ),
            button(ui, t!("send-now"), None, Command::Send(vec![id])),
        ],
        MessageState::Failed => vec![
            button(ui, t!("delete"), None, Command::Delete(vec![id])),
            button(
                ui,
                t!("resend"),
                Some(t!("resend-hint")),
                Command::Resend(vec![id]),
            ),
            button(
                ui,
                t!("edit-and-resend"),
                Some(t!("edit-and-resend-hint")),
                Command::EditCopy(id),
            ),
        ],
        MessageState::Uncertain => vec![button(
            ui,
            t!("resend"),
            Some(t!("resend-hint")),
            Command::Resend(vec![id]),
        )],
        MessageState::Sent => vec![button(
            ui,
            t!("save-proof"),
            Some(t!("save-proof-hint")),
            Command::SaveProof(id),
        )],
        MessageState::Sending => Vec::new(),
    };
    clicked.into_iter().flatten().next()
}

/// A button, with its hint when it has one, that gives `command` when clicked.
fn button(
    ui: &mut egui::Ui,
    text: String,
    hint: Option<String>,
    command: Command,
) -> Option<Command> {
    let mut response = ui.button(text);
    if let Some(hint) = hint {
        response = response.on_hover_text(hint);
    }
    response.clicked().then_some(command)
}

fn field(ui: &mut egui::Ui, name: &str, value: impl Into<egui::WidgetText>) {
    ui.label(egui::RichText::new(name).weak());
    ui.add(egui::Label::new(value).wrap());
    ui.end_row();
}

/// The widest a field's value may be in a two-column grid of the pane: the rest after the
/// names (about 170 points).
fn value_width(ui: &egui::Ui) -> f32 {
    (ui.available_width() - 170.0).max(200.0)
}

fn message_tab(ui: &mut egui::Ui, m: &Message) {
    egui::Grid::new("message-fields")
        .num_columns(2)
        .spacing([16.0, 4.0])
        // Long values (advice, diagnostics) wrap inside the pane instead of running off it.
        .max_col_width(value_width(ui))
        .show(ui, |ui| {
            field(ui, &t!("field-account"), &m.account);
            field(ui, &t!("field-from"), &m.from);
            for r in &m.recipients {
                let name = match r.kind {
                    crate::model::RecipientKind::To => t!("field-to"),
                    crate::model::RecipientKind::Cc => t!("field-cc"),
                    crate::model::RecipientKind::Bcc => t!("field-bcc"),
                };
                field(ui, &name, &r.address);
            }
            if let Some(r) = &m.reply_to {
                field(ui, &t!("field-reply-to"), r);
            }
            field(ui, &t!("field-subject"), &m.subject);
            if let Some(invoice) = &m.invoice_number {
                field(ui, &t!("field-invoice-number"), invoice);
            }
            field(ui, &t!("field-state"), m.state.label());
            field(
                ui,
                &t!("field-created"),
                crate::i18n::datetime(m.created_at),
            );
            field(
                ui,
                "Message-ID",
                egui::RichText::new(&m.message_id).monospace(),
            );
            if let Some(size) = m.size {
                field(ui, &t!("field-size"), crate::i18n::size(size));
            }
            if let Some(sha) = &m.sha256 {
                field(ui, "SHA-256", egui::RichText::new(sha).monospace());
            }
            let mut asked = Vec::new();
            if m.notify_delivery {
                asked.push(t!("asked-delivery"));
            }
            if m.read_receipt {
                asked.push(t!("asked-read"));
            }
            if !asked.is_empty() {
                field(ui, &t!("field-requested"), asked.join(", "));
            }
            for a in &m.attachments {
                ui.label(egui::RichText::new(t!("field-attachment")).weak());
                ui.vertical(|ui| {
                    ui.label(format!("{} ({})", a.filename, crate::i18n::size(a.size)));
                    ui.label(egui::RichText::new(format!("SHA-256 {}", a.sha256)).monospace());
                });
                ui.end_row();
            }
        });
    ui.separator();
    ui.add(egui::Label::new(&m.body_text).wrap());
}

/// The stages of proof in plain words, each with what it proves and what it does not.
/// `stamping`: whether a time-stamping authority is set now.
fn proof_section(ui: &mut egui::Ui, m: &Message, stamping: bool) {
    let p = crate::proof::proof(m);
    if p.stage() == 0 {
        return;
    }
    ui.strong(t!("proof"));
    // ✔ reached, ⏳ may still come, ✖ cannot come.
    let stage = |ui: &mut egui::Ui, icon: &str, text: String, means: Option<String>| {
        ui.horizontal_wrapped(|ui| {
            ui.label(icon);
            ui.label(text);
        });
        if let Some(means) = means {
            ui.indent("means", |ui| ui.weak(means));
        }
    };
    if let Some(s) = &p.submitted {
        let queue_id = s.queue_id.clone().unwrap_or_else(|| "-".into());
        stage(
            ui,
            "✔",
            t!("proof-stage-1", queue_id = queue_id),
            Some(t!("proof-stage-1-means")),
        );
    }
    if p.settled_by.is_some() {
        stage(ui, "✔", t!("proof-settled"), None);
    }
    match p.accepted.first() {
        Some(h) => {
            let server = h
                .remote_mta
                .clone()
                .or_else(|| h.reporting_mta.clone())
                .unwrap_or_else(|| "-".into());
            let when = h.at.map_or_else(|| "-".into(), crate::i18n::datetime);
            stage(
                ui,
                "✔",
                t!("proof-stage-2", server = server, when = when),
                Some(t!("proof-stage-2-means")),
            );
        }
        None if p.bounced => stage(ui, "✖", t!("proof-stage-2-bounced"), None),
        None if p.submitted.as_ref().and_then(|s| s.dsn_offered) == Some(false) => {
            stage(ui, "✖", t!("proof-stage-2-never"), None);
        }
        None => stage(ui, "⏳", t!("proof-stage-2-waiting"), None),
    }
    if let Some(r) = p.read.first() {
        let when = r.at.map_or_else(|| "-".into(), crate::i18n::datetime);
        stage(ui, "✔", t!("proof-stage-3", when = when), None);
    }
    stamp_line(ui, m, stamping);
    ui.separator();
}

/// Where the receipt's time stamp stands.
fn stamp_line(ui: &mut egui::Ui, m: &Message, stamping: bool) {
    let Some(s) = &m.stamp else { return };
    let (icon, text) = match (&s.stamped_at, &s.last_error) {
        (None, _) if !stamping => ("", t!("proof-stamp-none")),
        (Some(at), _) => (
            "✔",
            t!(
                "proof-stamp",
                authority = s.authority.clone().unwrap_or_default(),
                when = crate::i18n::datetime(*at)
            ),
        ),
        (None, Some(reason)) => (
            "⏳",
            t!(
                "proof-stamp-waiting",
                reason = reason.clone(),
                when = s
                    .next_try_at
                    .map_or_else(|| "-".into(), crate::i18n::datetime)
            ),
        ),
        (None, None) => return,
    };
    ui.horizontal_wrapped(|ui| {
        if !icon.is_empty() {
            ui.label(icon);
        }
        ui.weak(text);
    });
}

fn sent_tab(ui: &mut egui::Ui, m: &Message, stamping: bool) {
    let Some(a) = m.attempts.last() else {
        ui.weak(t!("not-sent-yet"));
        return;
    };
    if a.server.as_deref().is_some_and(|s| s.starts_with("127.")) && m.account == "sandbox" {
        ui.colored_label(ui.visuals().warn_fg_color, t!("sandbox-receipt"));
    }
    proof_section(ui, m, stamping);
    egui::Grid::new("receipt")
        .num_columns(2)
        .spacing([16.0, 4.0])
        // Long values (advice, diagnostics) wrap inside the pane instead of running off it.
        .max_col_width(value_width(ui))
        .show(ui, |ui| {
            if let Some(at) = a.started_at {
                field(ui, &t!("field-date"), crate::i18n::datetime(at));
            }
            field(ui, &t!("field-from"), &m.from);
            let to: Vec<&str> = m.recipients.iter().map(|r| r.address.as_str()).collect();
            field(ui, &t!("field-to"), to.join(", "));
            field(ui, &t!("field-subject"), &m.subject);
            if let Some(invoice) = &m.invoice_number {
                field(ui, &t!("field-invoice-number"), invoice);
            }
            field(ui, &t!("field-server"), a.server.as_deref().unwrap_or("-"));
            let tls = a.tls_version.clone().unwrap_or_else(|| t!("not-encrypted"));
            field(ui, "TLS", tls);
            if let (Some(s), Some(f)) = (a.started_at, a.finished_at) {
                let ms = f.duration_since(s).as_millis();
                field(ui, &t!("field-duration"), t!("duration-ms", ms = ms));
            }
            if let Some(code) = a.reply_code {
                let text = a.reply_text.as_deref().unwrap_or("");
                let status = a.enhanced_status.as_deref();
                let meaning = explain::explain_reply(code, status, text).meaning_text();
                let reply = format!("{code} {} {text}", status.unwrap_or(""));
                field(
                    ui,
                    &t!("field-reply"),
                    egui::RichText::new(reply).monospace(),
                );
                field(ui, &t!("field-meaning"), format!("{code}: {meaning}"));
            }
            let queue_id = a.queue_id.as_deref().unwrap_or("-");
            field(
                ui,
                &t!("field-queue-id"),
                egui::RichText::new(queue_id).monospace().strong(),
            );
            let status = match a.outcome {
                Some(Outcome::Sent) => t!("outcome-sent"),
                Some(Outcome::Deferred) => t!("outcome-deferred"),
                Some(Outcome::Failed) => t!("outcome-failed"),
                Some(Outcome::Uncertain) => t!("outcome-uncertain"),
                None => m.state.label(),
            };
            field(ui, &t!("field-status"), status);
            if m.attempts.len() > 1 {
                field(ui, &t!("field-attempts"), m.attempts.len().to_string());
            }
            if let Some(next) = m
                .next_attempt_at
                .filter(|_| m.state == MessageState::Queued)
            {
                field(ui, &t!("field-next-attempt"), crate::i18n::datetime(next));
                field(ui, "", egui::RichText::new(t!("retry-while-open")).weak());
            }
            let explained = a.explained();
            // The technical error only where no explanation in the user's words exists (the
            // conversation below has every detail).
            if let (Some(e), None) = (&a.error, &explained) {
                let color = ui.visuals().error_fg_color;
                ui.label(egui::RichText::new(t!("field-error")).weak());
                ui.colored_label(color, e);
                ui.end_row();
            }
            if let Some((meaning, advice)) = explained {
                field(ui, &t!("field-what-happened"), meaning);
                if !advice.is_empty() {
                    field(
                        ui,
                        &t!("field-what-to-do"),
                        egui::RichText::new(advice).strong(),
                    );
                }
            }
        });
    ui.separator();
    let text = transcript_text(&a.transcript);
    ui.horizontal(|ui| {
        ui.strong(t!("transcript"));
        if ui
            .button(t!("copy"))
            .on_hover_text(t!("copy-hint"))
            .clicked()
        {
            ui.ctx().copy_text(text.clone());
        }
    });
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.add(egui::Label::new(egui::RichText::new(text).monospace()).extend());
    });
}

fn delivery_tab(ui: &mut egui::Ui, store: &Store, m: &Message) {
    egui::Grid::new("delivery")
        .striped(true)
        .num_columns(4)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            for header in [
                t!("col-recipient"),
                t!("col-state"),
                t!("col-status"),
                t!("col-details"),
            ] {
                ui.strong(header);
            }
            ui.end_row();
            for r in &m.recipients {
                ui.label(&r.address);
                let d = r.delivery.state;
                ui.colored_label(delivery_color(d, ui.visuals()), d.label());
                ui.monospace(r.delivery.status.as_deref().unwrap_or(""));
                let reason = r
                    .delivery
                    .status
                    .as_deref()
                    .and_then(crate::bounce::reason::from_status)
                    .map(|reason| crate::i18n::text_or(reason.key(), reason.explanation()));
                let details = match (reason, r.delivery.diagnostic.as_deref()) {
                    (Some(reason), Some(d)) => format!("{reason}\n{d}"),
                    (Some(reason), None) => reason,
                    (None, Some(d)) => d.to_owned(),
                    (None, None) => String::new(),
                };
                ui.add(egui::Label::new(details).wrap());
                ui.end_row();
            }
        });
    ui.add_space(8.0);
    ui.strong(t!("timeline"));
    if let Some(sent) = m.sent_at {
        ui.label(format!(
            "{}  {}",
            crate::i18n::datetime(sent),
            t!(
                "timeline-accepted",
                queue_id = m.queue_id.clone().unwrap_or_default()
            )
        ));
    }
    if m.events.is_empty() {
        // Say when none can come, rather than "not yet" for ever.
        ui.weak(if m.account == crate::sandbox::ACCOUNT {
            t!("no-reports-sandbox")
        } else {
            match m.state {
                MessageState::Failed => t!("no-reports-refused"),
                MessageState::Draft | MessageState::Queued | MessageState::Sending => {
                    t!("no-reports-unsent")
                }
                MessageState::Sent | MessageState::Uncertain => t!("no-reports"),
            }
        });
    }
    for e in &m.events {
        let when = e.at.map(crate::i18n::datetime).unwrap_or_default();
        let header = format!(
            "{when}  {}: {}  {}",
            e.recipient.as_deref().unwrap_or("-"),
            e.state.label(),
            e.status.as_deref().unwrap_or("")
        );
        egui::CollapsingHeader::new(header)
            .id_salt(("event", e.id))
            .show(ui, |ui| {
                ui.label(t!(
                    "event-details",
                    kind = e.kind.clone(),
                    matched = e.matched_by.clone()
                ));
                if let Some(d) = &e.diagnostic {
                    ui.label(d);
                }
                // The raw report is read when opened (one row by primary key).
                match store.event_raw(e.id) {
                    Ok(Some(raw)) => {
                        ui.label(egui::RichText::new(t!("raw-report")).weak());
                        let text = String::from_utf8_lossy(&raw);
                        let shown: String = text.chars().take(20_000).collect();
                        ui.add(egui::Label::new(
                            egui::RichText::new(shown).monospace().small(),
                        ));
                    }
                    Ok(None) => {}
                    Err(err) => {
                        ui.colored_label(ui.visuals().error_fg_color, err.localized());
                    }
                }
            });
    }
}
