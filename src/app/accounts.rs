//! Accounts: add and edit with provider presets and their hints, the password into the OS
//! keychain (on a job thread), IMAP settings for the bounce scanner, and "Test connection"
//! showing the whole conversation.

use eframe::egui;

use super::jobs::Jobs;
use crate::model::{Account, AuthMethod, Endpoint, Security, TranscriptLine};
use crate::presets::{self, Preset};
use crate::sandbox::Sandbox;
use crate::secrets::Secret;
use crate::store::Store;
use crate::t;
use crate::worker::sender::OpenFailure;

#[derive(Default)]
pub struct AccountsScreen {
    accounts: Vec<Account>,
    /// Whether `accounts` was read since the screen was opened.
    loaded: bool,
    form: Option<Form>,
    /// The last connection test: account, and its transcript or failure.
    test: Option<(String, TestState)>,
    error: Option<String>,
}

enum TestState {
    Running,
    Done(Result<Vec<TranscriptLine>, Box<OpenFailure>>),
}

/// The account being added or edited, as typed.
#[derive(Clone, Default)]
struct Form {
    /// `None` for a new account; the name of the account being edited otherwise.
    editing: Option<String>,
    name: String,
    preset: Option<&'static Preset>,
    from: String,
    reply_to: String,
    smtp_host: String,
    smtp_port: String,
    smtp_security: Option<Security>,
    smtp_user: String,
    auth: AuthMethod,
    password: String,
    imap_host: String,
    imap_port: String,
    imap_security: Option<Security>,
    imap_user: String,
}

impl Form {
    fn from_account(a: &Account) -> Self {
        Self {
            editing: Some(a.name.clone()),
            name: a.name.clone(),
            preset: None,
            from: a.from.to_string(),
            reply_to: a.reply_to.clone().unwrap_or_default(),
            smtp_host: a.smtp.host.clone(),
            smtp_port: a.smtp.port.to_string(),
            smtp_security: Some(a.smtp.security),
            smtp_user: a.smtp.user.clone(),
            auth: a.auth,
            password: String::new(),
            imap_host: a.imap.as_ref().map(|i| i.host.clone()).unwrap_or_default(),
            imap_port: a
                .imap
                .as_ref()
                .map(|i| i.port.to_string())
                .unwrap_or_default(),
            imap_security: a.imap.as_ref().map(|i| i.security),
            imap_user: a.imap.as_ref().map(|i| i.user.clone()).unwrap_or_default(),
        }
    }

    fn apply_preset(&mut self, p: &'static Preset) {
        self.preset = Some(p);
        p.smtp.0.clone_into(&mut self.smtp_host);
        self.smtp_port = p.smtp.1.to_string();
        self.smtp_security = Some(p.smtp.2);
        p.imap.0.clone_into(&mut self.imap_host);
        self.imap_port = p.imap.1.to_string();
        self.imap_security = Some(p.imap.2);
    }

    /// The account the form describes, or what is wrong with it (in the user's language).
    fn account(&self, old: Option<&Account>) -> Result<Account, String> {
        let name = self.name.trim();
        if name.is_empty() {
            return Err(t!("error-account-name"));
        }
        let from = crate::mail::parse_mailbox(&self.from).map_err(|e| e.localized())?;
        let port = |text: &str| -> Result<u16, String> {
            text.trim()
                .parse::<u16>()
                .ok()
                .filter(|p| *p > 0)
                .ok_or_else(|| t!("error-port", port = text.to_owned()))
        };
        if self.smtp_host.trim().is_empty() {
            return Err(t!("error-smtp-host"));
        }
        let user = if self.smtp_user.trim().is_empty() {
            String::new()
        } else {
            self.smtp_user.trim().to_owned()
        };
        let imap = if self.imap_host.trim().is_empty() {
            None
        } else {
            Some(Endpoint {
                host: self.imap_host.trim().to_owned(),
                port: port(&self.imap_port)?,
                security: self.imap_security.unwrap_or(Security::Tls),
                user: if self.imap_user.trim().is_empty() {
                    user.clone()
                } else {
                    self.imap_user.trim().to_owned()
                },
            })
        };
        let reply_to = self.reply_to.trim();
        if !reply_to.is_empty() {
            crate::mail::parse_address(reply_to).map_err(|e| e.localized())?;
        }
        Ok(Account {
            name: name.to_owned(),
            from,
            reply_to: Some(reply_to.to_owned()).filter(|r| !r.is_empty()),
            smtp: Endpoint {
                host: self.smtp_host.trim().to_owned(),
                port: port(&self.smtp_port)?,
                security: self.smtp_security.unwrap_or(Security::Starttls),
                user,
            },
            imap,
            imap_folders: old.map(|o| o.imap_folders.clone()).unwrap_or_default(),
            password_command: old.and_then(|o| o.password_command.clone()),
            auth: self.auth,
            ca_file: old.and_then(|o| o.ca_file.clone()),
        })
    }
}

fn security_label(s: Security) -> String {
    match s {
        Security::Starttls => t!("security-starttls"),
        Security::Tls => t!("security-tls"),
        Security::None => t!("security-none"),
    }
}

/// The security of a listed account, short: the protocol's own name.
fn security_short(s: Security) -> String {
    match s {
        Security::Starttls => "STARTTLS".to_owned(),
        Security::Tls => "TLS".to_owned(),
        Security::None => t!("not-encrypted"),
    }
}

fn security_combo(ui: &mut egui::Ui, id: &str, label: egui::Id, value: &mut Option<Security>) {
    let shown = value.map(security_label).unwrap_or_default();
    egui::ComboBox::from_id_salt(id)
        .selected_text(shown)
        .show_ui(ui, |ui| {
            for s in [Security::Starttls, Security::Tls, Security::None] {
                ui.selectable_value(value, Some(s), security_label(s));
            }
        })
        .response
        .labelled_by(label);
}

impl AccountsScreen {
    pub fn reload(&mut self, store: &Store) {
        self.loaded = true;
        match store.accounts() {
            Ok(a) => self.accounts = a,
            Err(e) => self.error = Some(e.to_string()),
        }
    }

    pub fn start_new(&mut self) {
        self.form = Some(Form {
            smtp_port: "587".into(),
            smtp_security: Some(Security::Starttls),
            ..Form::default()
        });
    }

    /// A new-account form with a provider's settings filled in.
    pub fn start_with_preset(&mut self, id: &str) {
        self.start_new();
        if let (Some(form), Some(p)) = (&mut self.form, presets::find(id)) {
            form.apply_preset(p);
        }
    }

    pub fn tested(&mut self, account: &str, result: Result<Vec<TranscriptLine>, Box<OpenFailure>>) {
        self.test = Some((account.to_owned(), TestState::Done(result)));
    }

    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        store: &mut Store,
        jobs: &Jobs,
        sandbox: Option<&Sandbox>,
    ) {
        if !self.loaded {
            self.reload(store);
        }
        ui.heading(t!("accounts-title"));
        if let Some(e) = &self.error {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        ui.horizontal(|ui| {
            if ui.button(t!("account-add")).clicked() {
                self.start_new();
            }
            if let Some(sandbox) = sandbox
                && !self
                    .accounts
                    .iter()
                    .any(|a| a.name == crate::sandbox::ACCOUNT)
                && ui
                    .button(t!("account-add-sandbox"))
                    .on_hover_text(t!("account-sandbox-hint"))
                    .clicked()
            {
                match store.add_account(&sandbox.account()) {
                    Ok(_) => self.reload(store),
                    Err(e) => self.error = Some(e.to_string()),
                }
            }
        });
        ui.separator();
        let mut edit = None;
        let mut test = None;
        egui::Grid::new("accounts")
            .striped(true)
            .num_columns(4)
            .spacing([16.0, 6.0])
            .show(ui, |ui| {
                for a in &self.accounts {
                    ui.strong(&a.name);
                    ui.label(a.from.to_string());
                    ui.monospace(format!(
                        "{}:{} ({})",
                        a.smtp.host,
                        a.smtp.port,
                        security_short(a.smtp.security)
                    ));
                    ui.horizontal(|ui| {
                        if ui.button(t!("edit")).clicked() {
                            edit = Some(a.clone());
                        }
                        let running = matches!(self.test, Some((_, TestState::Running)));
                        if ui
                            .add_enabled(!running, egui::Button::new(t!("account-test")))
                            .on_hover_text(t!("account-test-hint"))
                            .clicked()
                        {
                            test = Some(a.clone());
                        }
                    });
                    ui.end_row();
                }
            });
        if let Some(a) = edit {
            self.form = Some(Form::from_account(&a));
        }
        if let Some(a) = test {
            self.test = Some((a.name.clone(), TestState::Running));
            jobs.test_connection(a);
        }
        self.test_result(ui);
        if self.form.is_some() {
            ui.separator();
            self.form_ui(ui, store, jobs);
        }
    }

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
                let (lines, verdict) = match result {
                    Ok(lines) => (lines, None),
                    Err(f) => (
                        &f.transcript,
                        Some(format!(
                            "{}\n{}\n{}",
                            f.error,
                            f.explanation.meaning_text(),
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
                let text = super::message::transcript_text(lines);
                egui::ScrollArea::vertical()
                    .id_salt("test-transcript")
                    .max_height(220.0)
                    .show(ui, |ui| {
                        ui.monospace(text);
                    });
            }
        }
    }

    #[allow(clippy::too_many_lines)] // a form reads best top to bottom, field by field
    fn form_ui(&mut self, ui: &mut egui::Ui, store: &mut Store, jobs: &Jobs) {
        let Some(form) = &mut self.form else { return };
        ui.heading(if form.editing.is_some() {
            t!("account-edit-title")
        } else {
            t!("account-new-title")
        });
        let mut save = false;
        let mut cancel = false;
        egui::Grid::new("account-form")
            .num_columns(2)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                let l = ui.label(t!("account-preset"));
                let shown = form
                    .preset
                    .map_or_else(|| t!("account-preset-none"), |p| p.name.to_owned());
                let mut chosen = None;
                egui::ComboBox::from_id_salt("preset")
                    .selected_text(shown)
                    .show_ui(ui, |ui| {
                        for p in presets::PRESETS {
                            if ui
                                .selectable_label(form.preset == Some(p), p.name)
                                .clicked()
                            {
                                chosen = Some(p);
                            }
                        }
                    })
                    .response
                    .labelled_by(l.id);
                if let Some(p) = chosen {
                    form.apply_preset(p);
                }
                ui.end_row();
                if let Some(p) = form.preset {
                    ui.label("");
                    ui.scope(|ui| {
                        // Hints are sentences: wrapped at a readable width, never cut off.
                        ui.set_max_width(560.0);
                        let hint =
                            egui::RichText::new(p.hint_text()).color(ui.visuals().warn_fg_color);
                        ui.add(egui::Label::new(hint).wrap());
                    });
                    ui.end_row();
                }
                let text_row =
                    |ui: &mut egui::Ui, name: String, value: &mut String, enabled: bool| {
                        let l = ui.label(name);
                        ui.add_enabled(
                            enabled,
                            egui::TextEdit::singleline(value).desired_width(320.0),
                        )
                        .labelled_by(l.id);
                        ui.end_row();
                    };
                let new = form.editing.is_none();
                text_row(ui, t!("account-name"), &mut form.name, new);
                text_row(ui, t!("account-from"), &mut form.from, true);
                text_row(ui, t!("field-reply-to"), &mut form.reply_to, true);
                ui.strong(t!("account-smtp"));
                ui.end_row();
                text_row(
                    ui,
                    t!("account-host", protocol = "SMTP"),
                    &mut form.smtp_host,
                    true,
                );
                text_row(
                    ui,
                    t!("account-port", protocol = "SMTP"),
                    &mut form.smtp_port,
                    true,
                );
                let l = ui.label(t!("account-security", protocol = "SMTP"));
                security_combo(ui, "smtp-security", l.id, &mut form.smtp_security);
                ui.end_row();
                text_row(
                    ui,
                    t!("account-user", protocol = "SMTP"),
                    &mut form.smtp_user,
                    true,
                );
                let l = ui.label(t!("account-login"));
                ui.horizontal(|ui| {
                    ui.selectable_value(&mut form.auth, AuthMethod::Password, t!("login-password"));
                    ui.selectable_value(&mut form.auth, AuthMethod::Xoauth2, t!("login-xoauth2"))
                        .on_hover_text(t!("login-xoauth2-hint"));
                })
                .response
                .labelled_by(l.id);
                ui.end_row();
                let l = ui.label(t!("account-password"));
                ui.add(
                    egui::TextEdit::singleline(&mut form.password)
                        .password(true)
                        .hint_text(t!("account-password-hint"))
                        .desired_width(320.0),
                )
                .labelled_by(l.id);
                ui.end_row();
                ui.strong(t!("account-imap"));
                ui.weak(t!("account-imap-hint"));
                ui.end_row();
                text_row(
                    ui,
                    t!("account-host", protocol = "IMAP"),
                    &mut form.imap_host,
                    true,
                );
                text_row(
                    ui,
                    t!("account-port", protocol = "IMAP"),
                    &mut form.imap_port,
                    true,
                );
                let l = ui.label(t!("account-security", protocol = "IMAP"));
                security_combo(ui, "imap-security", l.id, &mut form.imap_security);
                ui.end_row();
                text_row(
                    ui,
                    t!("account-user", protocol = "IMAP"),
                    &mut form.imap_user,
                    true,
                );
            });
        ui.horizontal(|ui| {
            save = ui.button(t!("save")).clicked();
            cancel = ui.button(t!("cancel")).clicked();
        });
        if cancel {
            self.form = None;
            return;
        }
        if !save {
            return;
        }
        let old = form
            .editing
            .as_ref()
            .and_then(|n| self.accounts.iter().find(|a| &a.name == n));
        let account = match form.account(old) {
            Ok(a) => a,
            Err(e) => {
                self.error = Some(e);
                return;
            }
        };
        let stored = if form.editing.is_some() {
            store.update_account(&account)
        } else {
            store.add_account(&account).map(|_| ())
        };
        if let Err(e) = stored {
            self.error = Some(e.to_string());
            return;
        }
        if !form.password.is_empty() {
            let password = Secret::new(std::mem::take(&mut form.password));
            jobs.save_password(account.name.clone(), password);
        }
        self.error = None;
        self.form = None;
        self.reload(store);
    }
}
