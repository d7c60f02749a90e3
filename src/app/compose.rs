//! Compose and edit: account, To/Cc/Bcc with inline validation, Reply-To, subject, body,
//! attachments (file dialog or dropped on the window), delivery and read receipts, and
//! Save draft / Put in buffer / Send now. The buttons return a [`Command`]; the app then stores
//! the mail through [`ComposeForm::submit`] after the frame, by `outbox::submit_edit`, the same
//! validation and snapshot path the CLI uses. Drawing the form reads nothing from the store.

use std::path::PathBuf;

use eframe::egui;

use super::command::Command;
use super::{Folder, Screen};
use crate::mail;
use crate::model::{Attachment, Compose, Message, MessageState, RecipientKind};
use crate::outbox::{self, Destination, SubmitError};
use crate::store::{Store, StoreError};
use crate::t;

/// The mail being written or edited, as typed.
#[derive(Default)]
#[allow(clippy::struct_excessive_bools)] // the form's check boxes and its two flags
pub struct ComposeForm {
    accounts: Vec<String>,
    account: String,
    to: String,
    cc: String,
    bcc: String,
    reply_to: String,
    subject: String,
    body: String,
    /// The invoice the mail carries, as typed.
    invoice_number: String,
    /// The user sends an invoice again on purpose ("Send again" of a sent mail).
    resend: bool,
    /// The addresses whose history was last looked up, and what it warns of.
    looked_up: Vec<String>,
    address_warnings: Vec<String>,
    /// Attachments already stored with the draft being edited.
    kept: Vec<Attachment>,
    files: Vec<PathBuf>,
    notify_delivery: bool,
    read_receipt: bool,
    /// The draft being edited.
    editing: Option<i64>,
    /// Why the last Save did not store the mail, and the form as it was then: shown until the
    /// form changes.
    error: Option<(String, u64)>,
    /// Whether the user was asked about a mail that mentions an invoice and has none attached
    /// (asked once; the next Save goes through).
    asked_attachment: bool,
}

/// The example invoice that comes with the sandbox's example mail.
const EXAMPLE_INVOICE: &[u8] = include_bytes!("../../assets/example-invoice.pdf");

/// Whether `text` speaks of an invoice, in the languages Stempel speaks: "invoice", Polish and
/// Czech "faktur-" in any case ending, German "Rechnung" (also in compounds).
fn mentions_invoice(text: &str) -> bool {
    let text = text.to_lowercase();
    ["invoice", "faktur", "rechnung"]
        .iter()
        .any(|word| text.contains(word))
}

/// The addresses in a To/Cc/Bcc field: separated by commas, semicolons or line breaks.
pub fn split_addresses(text: &str) -> Vec<String> {
    text.split([',', ';', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The addresses in `text` that are not valid, for the inline hint.
fn invalid(text: &str) -> Vec<String> {
    split_addresses(text)
        .into_iter()
        .filter(|a| mail::parse_address(a).is_err())
        .collect()
}

impl ComposeForm {
    /// An empty form for a new mail, with the first account chosen.
    pub fn new(store: &Store) -> Self {
        let accounts: Vec<String> = store
            .accounts()
            .map(|a| a.into_iter().map(|a| a.name).collect())
            .unwrap_or_default();
        Self {
            account: accounts.first().cloned().unwrap_or_default(),
            accounts,
            // Invoices ask for the delivery report, as the example mail and the CLI do.
            notify_delivery: true,
            ..Self::default()
        }
    }

    /// A filled-in example mail from `account`.
    pub fn example(store: &Store, account: &str) -> Self {
        Self {
            account: account.to_owned(),
            to: "klient@example.com".to_owned(),
            subject: t!("sandbox-example-subject"),
            body: t!("sandbox-example-body"),
            kept: vec![Attachment {
                filename: "FV-2026-11-001.pdf".to_owned(),
                mime_type: "application/pdf".to_owned(),
                size: EXAMPLE_INVOICE.len() as u64,
                sha256: mail::sha256_hex(EXAMPLE_INVOICE),
                data: EXAMPLE_INVOICE.to_vec(),
            }],
            notify_delivery: true,
            ..Self::new(store)
        }
    }

    /// The form for an existing draft or queued mail (a queued one goes back to the drafts
    /// while it is edited, so the sender cannot take it meanwhile).
    pub fn edit(store: &mut Store, id: i64) -> Result<Self, StoreError> {
        let m = store.message(id)?;
        if m.state == MessageState::Queued {
            store.unqueue(id)?;
        }
        Ok(Self {
            editing: Some(id),
            ..Self::filled_from(store, &m)?
        })
    }

    /// A new mail filled from the mail `id` (a failed one, to be fixed and sent again): its
    /// account, recipients, subject, text, options and attachments. `id` stays as it is.
    pub fn copy_of(store: &Store, id: i64) -> Result<Self, StoreError> {
        Self::filled_from(store, &store.message(id)?)
    }

    /// The form filled from the mail `m` as stored (its attachments read again by id).
    fn filled_from(store: &Store, m: &Message) -> Result<Self, StoreError> {
        let new = Self::new(store);
        // A mail of a removed account is sent again from the first account in use.
        let account = if new.accounts.contains(&m.account) {
            m.account.clone()
        } else {
            new.account.clone()
        };
        let kept = store.attachments_with_data(m.id)?;
        let list = |kind: RecipientKind| {
            m.recipients
                .iter()
                .filter(|r| r.kind == kind)
                .map(|r| r.address.clone())
                .collect::<Vec<_>>()
                .join(", ")
        };
        Ok(Self {
            account,
            to: list(RecipientKind::To),
            cc: list(RecipientKind::Cc),
            bcc: list(RecipientKind::Bcc),
            reply_to: m.reply_to.clone().unwrap_or_default(),
            subject: m.subject.clone(),
            body: m.body_text.clone(),
            invoice_number: m.invoice_number.clone().unwrap_or_default(),
            kept,
            notify_delivery: m.notify_delivery,
            read_receipt: m.read_receipt,
            ..new
        })
    }

    pub fn add_files(&mut self, files: Vec<PathBuf>) {
        for f in files {
            if !self.files.contains(&f) {
                self.files.push(f);
            }
        }
    }

    fn compose(&self) -> Compose {
        Compose {
            to: split_addresses(&self.to),
            cc: split_addresses(&self.cc),
            bcc: split_addresses(&self.bcc),
            reply_to: Some(self.reply_to.trim().to_owned()).filter(|r| !r.is_empty()),
            subject: self.subject.clone(),
            body_text: self.body.clone(),
            body_html: None,
            notify_delivery: self.notify_delivery,
            read_receipt: self.read_receipt,
            invoice_number: Some(self.invoice_number.trim().to_owned()).filter(|n| !n.is_empty()),
        }
    }

    /// A fingerprint of what was typed and attached, to tell when the form changed.
    fn fingerprint(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (&self.account, &self.to, &self.cc, &self.bcc, &self.reply_to).hash(&mut h);
        (&self.subject, &self.body, &self.files, self.kept.len()).hash(&mut h);
        (&self.invoice_number, self.resend).hash(&mut h);
        h.finish()
    }

    fn refuse(&mut self, why: String) -> Option<i64> {
        self.error = Some((why, self.fingerprint()));
        None
    }

    /// Validates and stores the mail, returning its id; on error the form keeps everything and
    /// shows why. Called by the app's command handling after the frame, never while drawing.
    pub fn submit(&mut self, store: &mut Store, destination: Destination) -> Option<i64> {
        let compose = self.compose();
        let nothing_attached = self.kept.is_empty() && self.files.is_empty();
        if destination == Destination::Queue
            && nothing_attached
            && !self.asked_attachment
            && mentions_invoice(&format!("{}\n{}", self.subject, self.body))
        {
            self.asked_attachment = true;
            return self.refuse(t!("compose-no-attachment"));
        }
        let result = outbox::submit_edit(
            store,
            &outbox::Edit {
                account: &self.account,
                compose: &compose,
                kept: &self.kept,
                files: &self.files,
                destination,
                replaces: self.editing,
                resend: self.resend,
            },
        );
        match result {
            Ok(id) => {
                self.error = None;
                Some(id)
            }
            Err(SubmitError::Mail(e)) => self.refuse(e.localized()),
            Err(SubmitError::Store(StoreError::NoSuchAccount(_))) => {
                self.refuse(t!("error-choose-account"))
            }
            Err(SubmitError::Store(e)) => self.refuse(e.localized()),
        }
    }

    /// Draws the form; returns what its buttons asked for (storing happens after the frame).
    pub fn show(&mut self, ui: &mut egui::Ui) -> Option<Command> {
        let mut command = None;
        ui.heading(if self.editing.is_some() {
            t!("compose-edit-title")
        } else {
            t!("compose-title")
        });
        if self.accounts.is_empty() {
            ui.colored_label(ui.visuals().warn_fg_color, t!("compose-no-account"));
        }
        egui::ScrollArea::vertical()
            .id_salt("compose")
            .auto_shrink(false)
            .show(ui, |ui| {
                egui::Grid::new("compose-fields")
                    .num_columns(2)
                    .spacing([12.0, 6.0])
                    .min_col_width(90.0)
                    .show(ui, |ui| self.fields(ui));
                for warning in &self.address_warnings {
                    ui.colored_label(ui.visuals().warn_fg_color, format!("⚠ {warning}"));
                }
                ui.add_space(6.0);
                let body = ui.label(t!("field-body"));
                ui.add(
                    egui::TextEdit::multiline(&mut self.body)
                        .desired_rows(10)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(body.id);
                ui.add_space(6.0);
                if self.attachments(ui) {
                    command = Some(Command::PickFiles);
                }
                ui.add_space(6.0);
                ui.checkbox(&mut self.notify_delivery, t!("request-delivery"))
                    .on_hover_text(t!("request-delivery-hint"));
                ui.checkbox(&mut self.read_receipt, t!("request-read"))
                    .on_hover_text(t!("request-read-hint"));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    let save = |destination, send_now| {
                        Some(Command::SaveMail {
                            destination,
                            send_now,
                        })
                    };
                    if ui.button(t!("save-draft")).clicked() {
                        command = save(Destination::Draft, false);
                    }
                    if ui
                        .button(t!("put-in-buffer"))
                        .on_hover_text(t!("put-in-buffer-hint"))
                        .clicked()
                    {
                        command = save(Destination::Queue, false);
                    }
                    if ui.button(t!("send-now")).clicked() {
                        command = save(Destination::Queue, true);
                    }
                    if ui.button(t!("cancel")).clicked() {
                        command = Some(Command::Show(Screen::Mails(Folder::Buffer)));
                    }
                });
                // Below the buttons, so they stay where they are; gone once the form changes.
                if self
                    .error
                    .as_ref()
                    .is_some_and(|(_, at)| *at != self.fingerprint())
                {
                    self.error = None;
                }
                if let Some((why, _)) = &self.error {
                    ui.colored_label(ui.visuals().error_fg_color, why);
                }
            });
        // The typed addresses changed: what happened to their last mails is looked up.
        let typed = self.typed_addresses();
        if command.is_none() && typed != self.looked_up {
            command = Some(Command::LookUpAddresses(typed));
        }
        command
    }

    fn fields(&mut self, ui: &mut egui::Ui) {
        let label = ui.label(t!("field-account"));
        egui::ComboBox::from_id_salt("compose-account")
            .selected_text(self.account.clone())
            .show_ui(ui, |ui| {
                for a in &self.accounts {
                    ui.selectable_value(&mut self.account, a.clone(), a);
                }
            })
            .response
            .labelled_by(label.id);
        ui.end_row();
        for (name, text, hint) in [
            (t!("field-to"), &mut self.to, t!("to-hint")),
            (t!("field-cc"), &mut self.cc, String::new()),
            (t!("field-bcc"), &mut self.bcc, String::new()),
            (t!("field-reply-to"), &mut self.reply_to, String::new()),
        ] {
            let label = ui.label(name);
            ui.vertical(|ui| {
                ui.add(
                    egui::TextEdit::singleline(text)
                        .hint_text(hint)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
                let bad = invalid(text);
                if !bad.is_empty() {
                    ui.colored_label(
                        ui.visuals().error_fg_color,
                        t!("invalid-addresses", addresses = bad.join(", ")),
                    );
                }
            });
            ui.end_row();
        }
        let label = ui.label(t!("field-subject"));
        ui.add(egui::TextEdit::singleline(&mut self.subject).desired_width(f32::INFINITY))
            .labelled_by(label.id);
        ui.end_row();
        let label = ui.label(t!("field-invoice-number"));
        ui.add(
            egui::TextEdit::singleline(&mut self.invoice_number)
                .hint_text(t!("invoice-number-hint"))
                .desired_width(220.0),
        )
        .labelled_by(label.id);
        ui.end_row();
    }

    /// The valid addresses typed, to look up what happened to their last mails.
    fn typed_addresses(&self) -> Vec<String> {
        [&self.to, &self.cc, &self.bcc]
            .iter()
            .flat_map(|t| split_addresses(t))
            .filter_map(|a| mail::parse_address(&a).ok())
            .collect()
    }

    /// Warnings for addresses whose last mail bounced, looked up after the frame.
    pub fn set_address_warnings(&mut self, looked_up: Vec<String>, warnings: Vec<String>) {
        self.looked_up = looked_up;
        self.address_warnings = warnings;
    }

    /// The attachments with their sizes and Remove buttons; true when "Add files…" was clicked.
    fn attachments(&mut self, ui: &mut egui::Ui) -> bool {
        let pick = ui
            .horizontal(|ui| {
                ui.strong(t!("attachments"));
                let pick = ui.button(t!("add-files")).clicked();
                ui.weak(t!("drop-files-hint"));
                pick
            })
            .inner;
        let mut remove_kept = None;
        for (i, a) in self.kept.iter().enumerate() {
            ui.horizontal(|ui| {
                ui.label(format!("📎 {} ({})", a.filename, crate::i18n::size(a.size)));
                if ui.small_button(t!("remove")).clicked() {
                    remove_kept = Some(i);
                }
            });
        }
        if let Some(i) = remove_kept {
            self.kept.remove(i);
        }
        let mut remove = None;
        for (i, path) in self.files.iter().enumerate() {
            ui.horizontal(|ui| {
                let name = path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into(),
                );
                match std::fs::metadata(path) {
                    // A quick stat of a file the user just chose, not a read.
                    Ok(meta) if meta.is_file() => {
                        ui.label(format!("📎 {name} ({})", crate::i18n::size(meta.len())))
                            .on_hover_text(path.display().to_string());
                    }
                    _ => {
                        ui.colored_label(
                            ui.visuals().error_fg_color,
                            t!("attachment-missing", name = name),
                        );
                    }
                }
                if ui.small_button(t!("remove")).clicked() {
                    remove = Some(i);
                }
            });
        }
        if let Some(i) = remove {
            self.files.remove(i);
        }
        pick
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invoices_are_recognised_in_every_language_and_case() {
        for text in [
            "Invoice 7",
            "please find the INVOICE attached",
            "w załączeniu faktura",
            "przesyłam fakturę",
            "v příloze zasílám fakturu",
            "Rechnung Nr. 5",
            "anbei die Monatsrechnung",
        ] {
            assert!(mentions_invoice(text), "{text}");
        }
        for text in ["Dzień dobry", "Order confirmation", "Angebot", "objednávka"] {
            assert!(!mentions_invoice(text), "{text}");
        }
    }

    #[test]
    fn address_fields_split_and_flag_bad_ones() {
        assert_eq!(
            split_addresses(" a@b.cz, c@d.pl;\ne@f.de ,, "),
            ["a@b.cz", "c@d.pl", "e@f.de"]
        );
        assert_eq!(invalid("a@b.cz, not an address"), ["not an address"]);
        assert!(invalid("").is_empty());
    }
}
