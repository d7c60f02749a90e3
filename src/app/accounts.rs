//! Accounts: the stored accounts with Edit and "Test connection" (the whole conversation, on
//! a job thread), and the form to add or edit one (`form`: provider presets and their hints,
//! IMAP settings for the bounce scanner). Storing an account and writing its password to the
//! OS keychain are [`Command`]s the app carries out after the frame; this screen only draws
//! what it was given.

mod form;

use eframe::egui;

pub use self::form::PasswordKeep;
use self::form::{Form, FormAction};
use super::command::Command;
use super::labels::transcript_text;
use crate::model::{Account, Security, TranscriptLine};
use crate::presets;
use crate::store::Store;
use crate::t;
use crate::worker::sender::OpenFailure;

/// The accounts screen: the accounts as read when it came into view, the form if one is open,
/// the last connection test and the last error.
#[derive(Default)]
pub struct AccountsScreen {
    accounts: Vec<Account>,
    form: Option<Form>,
    /// The last connection test: account, and its transcript or failure.
    test: Option<(String, TestState)>,
    error: Option<String>,
    /// Whether the OS keychain answered (`None`: not asked yet).
    keychain: Option<bool>,
    /// The accounts with a password in the keychain, as last asked.
    in_keychain: std::collections::HashSet<String>,
}

/// A connection test: still on its job thread, or its conversation (or why it failed).
enum TestState {
    Running,
    Done(Result<Vec<TranscriptLine>, Box<OpenFailure>>),
}

/// The security of a listed account, short: the protocol's own name.
fn security_short(s: Security) -> String {
    match s {
        Security::Starttls => "STARTTLS".to_owned(),
        Security::Tls => "TLS".to_owned(),
        Security::None => t!("not-encrypted"),
    }
}

impl AccountsScreen {
    /// Reads the accounts again (when the screen comes into view or an account was stored).
    pub fn reload(&mut self, store: &Store) {
        match store.accounts() {
            Ok(a) => self.accounts = a,
            Err(e) => self.error = Some(e.localized()),
        }
    }

    /// An empty new-account form.
    pub fn start_new(&mut self) {
        self.form = Some(Form::new_account());
    }

    /// A new-account form with a provider's settings filled in.
    pub fn start_with_preset(&mut self, id: &str) {
        self.start_new();
        if let (Some(form), Some(p)) = (&mut self.form, presets::find(id)) {
            form.apply_preset(p);
        }
    }

    /// A connection test of `account` has started.
    pub fn testing(&mut self, account: &str) {
        self.test = Some((account.to_owned(), TestState::Running));
    }

    /// A connection test came back from its job.
    pub fn tested(&mut self, account: &str, result: Result<Vec<TranscriptLine>, Box<OpenFailure>>) {
        self.test = Some((account.to_owned(), TestState::Done(result)));
    }

    /// The account in the form was stored: the form closes and the list is read again.
    pub fn saved(&mut self, store: &Store) {
        self.error = None;
        self.form = None;
        self.reload(store);
    }

    /// The keychain's answer: whether it is there, and which accounts have a password in it.
    pub fn passwords_checked(&mut self, keychain: bool, stored: Vec<String>) {
        self.keychain = Some(keychain);
        self.in_keychain = stored.into_iter().collect();
    }

    /// Where the account's password comes from, or that it has none (weak / warning text).
    fn password_state(&self, a: &Account) -> Option<(String, bool)> {
        if a.smtp.user.is_empty() {
            return None; // no login: nothing to keep
        }
        Some(if a.password_command.is_some() {
            (t!("password-by-command"), false)
        } else if crate::secrets::kept_for_session(&a.name) {
            (t!("password-this-session"), false)
        } else if self.in_keychain.contains(&a.name) {
            (t!("password-in-keychain"), false)
        } else if self.keychain.is_none() {
            return None; // not known yet
        } else {
            (t!("password-missing"), true)
        })
    }

    /// Something the user should know about, above the list (a form stays open).
    pub fn show_error(&mut self, message: String) {
        self.error = Some(message);
    }

    /// Draws the screen; returns what the user asked for. `sandbox` offers the sandbox account
    /// while it is not added.
    pub fn show(&mut self, ui: &mut egui::Ui, sandbox: bool) -> Option<Command> {
        let mut command = None;
        ui.heading(t!("accounts-title"));
        if let Some(e) = &self.error {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        ui.horizontal(|ui| {
            if ui.button(t!("account-add")).clicked() {
                self.start_new();
            }
            if sandbox
                && !self
                    .accounts
                    .iter()
                    .any(|a| a.name == crate::sandbox::ACCOUNT)
                && ui
                    .button(t!("account-add-sandbox"))
                    .on_hover_text(t!("account-sandbox-hint"))
                    .clicked()
            {
                command = Some(Command::AddSandboxAccount);
            }
        });
        ui.separator();
        let mut edit = None;
        // One wrapped line per account: at 800 points the buttons move down, never off screen.
        for a in &self.accounts {
            ui.horizontal_wrapped(|ui| {
                ui.strong(&a.name);
                ui.label(a.from.to_string());
                ui.monospace(format!(
                    "{}:{} ({})",
                    a.smtp.host,
                    a.smtp.port,
                    security_short(a.smtp.security)
                ));
                match self.password_state(a) {
                    Some((text, true)) => {
                        ui.colored_label(ui.visuals().warn_fg_color, format!("⚠ {text}"));
                    }
                    Some((text, false)) => {
                        ui.weak(text);
                    }
                    None => {}
                }
                if ui.button(t!("edit")).clicked() {
                    edit = Some(Form::from_account(a));
                }
                if ui.button(t!("account-remove")).clicked() {
                    command = Some(Command::RemoveAccount(a.name.clone()));
                }
                let running = matches!(self.test, Some((_, TestState::Running)));
                if ui
                    .add_enabled(!running, egui::Button::new(t!("account-test")))
                    .on_hover_text(t!("account-test-hint"))
                    .clicked()
                {
                    command = Some(Command::TestConnection(a.clone()));
                }
            });
            ui.separator();
        }
        if edit.is_some() {
            self.form = edit;
        }
        // The form being filled in comes first, then the last connection test.
        if self.form.is_some() {
            ui.separator();
            if let Some(save) = self.form_ui(ui) {
                command = Some(save);
            }
        }
        self.test_result(ui);
        command
    }

    /// The last connection test: a spinner while it runs, then the verdict and the conversation.
    fn test_result(&self, ui: &mut egui::Ui) {
        let Some((name, state)) = &self.test else {
            return;
        };
        ui.separator();
        match state {
            TestState::Running => {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(t!("account-testing", account = name.clone()));
                });
            }
            TestState::Done(result) => {
                // In the user's words; the technical detail is in the conversation below.
                let (lines, verdict) = match result {
                    Ok(lines) => (lines, None),
                    Err(f) => (
                        &f.transcript,
                        Some(format!(
                            "{}\n{}",
                            t!(
                                "account-test-failed",
                                account = name.clone(),
                                meaning = f.explanation.meaning_text()
                            ),
                            f.explanation.advice_text()
                        )),
                    ),
                };
                match &verdict {
                    None => {
                        ui.label(
                            egui::RichText::new(t!("account-test-ok", account = name.clone()))
                                .strong(),
                        );
                    }
                    Some(v) => {
                        ui.colored_label(ui.visuals().error_fg_color, v);
                    }
                }
                let text = transcript_text(lines);
                egui::ScrollArea::vertical()
                    .id_salt("test-transcript")
                    .max_height(220.0)
                    .show(ui, |ui| {
                        ui.monospace(text);
                    });
            }
        }
    }

    /// The form, and what its buttons lead to: closing it, the reason it cannot be saved, or
    /// the account to store.
    fn form_ui(&mut self, ui: &mut egui::Ui) -> Option<Command> {
        let form = self.form.as_mut()?;
        match form.show(ui, self.keychain)? {
            FormAction::Cancel => {
                self.form = None;
                None
            }
            FormAction::Save => match form.save_command(&self.accounts) {
                Ok(command) => Some(command),
                Err(why) => {
                    self.error = Some(why);
                    None
                }
            },
        }
    }
}
