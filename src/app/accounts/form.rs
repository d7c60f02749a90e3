//! The account being added or edited, as typed: the fields with their provider preset and
//! hint, and the check that turns them into an [`Account`] (or says, in the user's language,
//! what is wrong). It stores nothing; Save becomes a [`Command`] for the app.

use eframe::egui;

use crate::app::command::Command;
use crate::model::{Account, AuthMethod, Endpoint, Security};
use crate::presets::{self, Preset};
use crate::secrets::Secret;
use crate::t;

/// Where an account's password is kept.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PasswordKeep {
    /// The OS keychain.
    #[default]
    Keychain,
    /// Printed by a command the user gives, run at every login.
    Command,
    /// In memory until the window closes (no keychain on this computer).
    Session,
}

/// What the form's buttons asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormAction {
    Save,
    Cancel,
}

/// The account being added or edited, as typed.
#[derive(Clone, Default)]
pub struct Form {
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
    keep: PasswordKeep,
    password: String,
    password_command: String,
    /// The login name as filled in from the sender's address: it follows the sender until
    /// the user types another. `None` for a stored account: its login stays as it is (an
    /// empty one means no login at all).
    user_from_sender: Option<String>,
    imap_host: String,
    imap_port: String,
    imap_security: Option<Security>,
    imap_user: String,
}

impl Form {
    /// An empty form for a new account: port 587 with STARTTLS, as most providers want.
    pub fn new_account() -> Self {
        Self {
            smtp_port: "587".into(),
            smtp_security: Some(Security::Starttls),
            user_from_sender: Some(String::new()),
            ..Self::default()
        }
    }

    /// The form for editing a stored account (its password stays where it is, unshown); the
    /// provider's preset is the one whose server it uses.
    pub fn from_account(a: &Account) -> Self {
        let keep = if a.password_command.is_some() {
            PasswordKeep::Command
        } else if crate::secrets::kept_for_session(&a.name) {
            PasswordKeep::Session
        } else {
            PasswordKeep::Keychain
        };
        Self {
            editing: Some(a.name.clone()),
            name: a.name.clone(),
            preset: presets::PRESETS
                .iter()
                .find(|p| !p.smtp.0.is_empty() && p.smtp.0.eq_ignore_ascii_case(&a.smtp.host)),
            keep,
            password_command: a.password_command.clone().unwrap_or_default(),
            user_from_sender: None,
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

    /// Fills in a provider's servers, ports and security.
    pub fn apply_preset(&mut self, p: &'static Preset) {
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
        let user = self.smtp_user.trim().to_owned();
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
        let mut account = Account::new(name, from, self.smtp_host.trim());
        account.reply_to = Some(reply_to.to_owned()).filter(|r| !r.is_empty());
        account.smtp.port = port(&self.smtp_port)?;
        account.smtp.security = self.smtp_security.unwrap_or(Security::Starttls);
        account.smtp.user = user;
        account.imap = imap;
        account.auth = self.auth;
        if self.keep == PasswordKeep::Command {
            let command = self.password_command.trim();
            if command.is_empty() {
                return Err(t!("error-password-command"));
            }
            account.password_command = Some(command.to_owned());
        }
        // What the form does not show stays as it was.
        if let Some(old) = old {
            account.imap_folders.clone_from(&old.imap_folders);
            account.ca_file.clone_from(&old.ca_file);
        }
        Ok(account)
    }

    /// What Save asks for: the account to store (replacing the one edited) with the password
    /// typed, if any; or what is wrong with the form, in the user's language.
    pub fn save_command(&self, stored: &[Account]) -> Result<Command, String> {
        let old = self
            .editing
            .as_ref()
            .and_then(|n| stored.iter().find(|a| &a.name == n));
        let account = self.account(old)?;
        let password = Some(self.password.clone())
            .filter(|p| !p.is_empty())
            .map(Secret::new);
        Ok(Command::SaveAccount {
            account,
            existing: self.editing.is_some(),
            password,
            keep: self.keep,
        })
    }

    /// The login name follows the sender's address until the user types another one.
    fn follow_sender(&mut self) {
        if self.user_from_sender.as_ref() != Some(&self.smtp_user) {
            return;
        }
        let address = crate::mail::parse_mailbox(&self.from)
            .map(|m| m.address)
            .unwrap_or_default();
        self.smtp_user.clone_from(&address);
        self.user_from_sender = Some(address);
    }

    /// Where the password is kept, and the password or the command. `keychain`: whether the
    /// OS keychain answered (`None`: not known yet).
    fn password_rows(&mut self, ui: &mut egui::Ui, keychain: Option<bool>) {
        if keychain == Some(false) && self.keep == PasswordKeep::Keychain {
            // Nothing can be kept there: this session, unless the user gives a command.
            self.keep = PasswordKeep::Session;
        }
        let l = ui.label(t!("account-password-keep"));
        ui.horizontal_wrapped(|ui| {
            ui.add_enabled_ui(keychain != Some(false), |ui| {
                ui.selectable_value(&mut self.keep, PasswordKeep::Keychain, t!("keep-keychain"));
            });
            ui.selectable_value(&mut self.keep, PasswordKeep::Command, t!("keep-command"))
                .on_hover_text(t!("keep-command-hint"));
            ui.selectable_value(&mut self.keep, PasswordKeep::Session, t!("keep-session"))
                .on_hover_text(t!("keep-session-hint"));
        })
        .response
        .labelled_by(l.id);
        ui.end_row();
        if keychain == Some(false) {
            ui.label("");
            let text =
                egui::RichText::new(t!("keychain-unavailable")).color(ui.visuals().warn_fg_color);
            ui.add(egui::Label::new(text).wrap());
            ui.end_row();
        }
        if self.keep == PasswordKeep::Command {
            let l = ui.label(t!("account-password-command"));
            ui.add(
                egui::TextEdit::singleline(&mut self.password_command)
                    .hint_text("pass show mail/firma")
                    .desired_width(320.0),
            )
            .labelled_by(l.id);
        } else {
            let l = ui.label(t!("account-password"));
            ui.add(
                egui::TextEdit::singleline(&mut self.password)
                    .password(true)
                    .hint_text(t!("account-password-hint"))
                    .desired_width(320.0),
            )
            .labelled_by(l.id);
        }
        ui.end_row();
    }

    /// Draws the form; returns what its buttons asked for. `keychain`: whether the OS keychain
    /// answered (`None`: not known yet).
    #[allow(clippy::too_many_lines)] // a form reads best top to bottom, field by field
    pub fn show(&mut self, ui: &mut egui::Ui, keychain: Option<bool>) -> Option<FormAction> {
        self.follow_sender();
        ui.heading(if self.editing.is_some() {
            t!("account-edit-title")
        } else {
            t!("account-new-title")
        });
        egui::Grid::new("account-form")
            .num_columns(2)
            .spacing([12.0, 6.0])
            // Hints are sentences: wrapped at a readable width inside the window, never cut off.
            .max_col_width((ui.available_width() - 200.0).clamp(240.0, 560.0))
            .show(ui, |ui| {
                let l = ui.label(t!("account-preset"));
                let shown = self
                    .preset
                    .map_or_else(|| t!("account-preset-none"), |p| p.name.to_owned());
                let mut chosen = None;
                egui::ComboBox::from_id_salt("preset")
                    .selected_text(shown)
                    .show_ui(ui, |ui| {
                        for p in presets::PRESETS {
                            if ui
                                .selectable_label(self.preset == Some(p), p.name)
                                .clicked()
                            {
                                chosen = Some(p);
                            }
                        }
                    })
                    .response
                    .labelled_by(l.id);
                if let Some(p) = chosen {
                    self.apply_preset(p);
                }
                ui.end_row();
                if let Some(p) = self.preset {
                    ui.label("");
                    let hint = egui::RichText::new(p.hint_text()).color(ui.visuals().warn_fg_color);
                    ui.add(egui::Label::new(hint).wrap());
                    ui.end_row();
                }
                let new = self.editing.is_none();
                text_row(ui, t!("account-name"), &mut self.name, new);
                text_row(ui, t!("account-from"), &mut self.from, true);
                text_row(ui, t!("field-reply-to"), &mut self.reply_to, true);
                ui.strong(t!("account-smtp"));
                ui.end_row();
                endpoint_rows(
                    ui,
                    "SMTP",
                    (&mut self.smtp_host, &mut self.smtp_port),
                    &mut self.smtp_security,
                    &mut self.smtp_user,
                );
                let l = ui.label(t!("account-login"));
                ui.horizontal(|ui| {
                    ui.selectable_value(&mut self.auth, AuthMethod::Password, t!("login-password"));
                    ui.selectable_value(&mut self.auth, AuthMethod::Xoauth2, t!("login-xoauth2"))
                        .on_hover_text(t!("login-xoauth2-hint"));
                })
                .response
                .labelled_by(l.id);
                ui.end_row();
                self.password_rows(ui, keychain);
                ui.strong(t!("account-imap"));
                ui.weak(t!("account-imap-hint"));
                ui.end_row();
                endpoint_rows(
                    ui,
                    "IMAP",
                    (&mut self.imap_host, &mut self.imap_port),
                    &mut self.imap_security,
                    &mut self.imap_user,
                );
            });
        let mut action = None;
        ui.horizontal(|ui| {
            if ui.button(t!("save")).clicked() {
                action = Some(FormAction::Save);
            }
            if ui.button(t!("cancel")).clicked() {
                action = Some(FormAction::Cancel);
            }
        });
        action
    }
}

fn security_label(s: Security) -> String {
    match s {
        Security::Starttls => t!("security-starttls"),
        Security::Tls => t!("security-tls"),
        Security::None => t!("security-none"),
    }
}

/// One labelled text field in the form's grid.
fn text_row(ui: &mut egui::Ui, name: String, value: &mut String, enabled: bool) {
    let l = ui.label(name);
    ui.add_enabled(
        enabled,
        egui::TextEdit::singleline(value).desired_width(320.0),
    )
    .labelled_by(l.id);
    ui.end_row();
}

/// A server's rows (host, port, security, login name), named for `protocol` (`SMTP`, `IMAP`)
/// so screen readers tell the two servers apart.
fn endpoint_rows(
    ui: &mut egui::Ui,
    protocol: &str,
    (host, port): (&mut String, &mut String),
    security: &mut Option<Security>,
    user: &mut String,
) {
    text_row(ui, t!("account-host", protocol = protocol), host, true);
    text_row(ui, t!("account-port", protocol = protocol), port, true);
    let l = ui.label(t!("account-security", protocol = protocol));
    security_combo(
        ui,
        &format!("{}-security", protocol.to_ascii_lowercase()),
        l.id,
        security,
    );
    ui.end_row();
    text_row(ui, t!("account-user", protocol = protocol), user, true);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn firma() -> Account {
        let from = crate::mail::parse_mailbox("Firma Nowak <faktury@firma.pl>").unwrap();
        Account::new("firma", from, "smtp.firma.pl")
    }

    #[test]
    fn a_new_account_gets_the_defaults_and_what_was_typed() {
        let mut form = Form::new_account();
        form.name = " firma ".into();
        form.from = "Firma Nowak <faktury@firma.pl>".into();
        form.smtp_host = "smtp.firma.pl ".into();
        assert_eq!(form.account(None).unwrap(), firma());
    }

    #[test]
    fn an_edited_account_keeps_what_the_form_does_not_show() {
        let mut old = firma();
        old.imap_folders = vec!["Raporty".into()];
        old.password_command = Some("pass show mail/firma".into());
        old.ca_file = Some("/etc/stempel/ca.pem".into());
        let mut form = Form::from_account(&old);
        form.smtp_port = "465".into();
        form.smtp_security = Some(Security::Tls);
        let mut expected = old.clone();
        expected.smtp.port = 465;
        expected.smtp.security = Security::Tls;
        assert_eq!(form.account(Some(&old)).unwrap(), expected);
    }

    #[test]
    fn the_first_thing_wrong_is_said() {
        let mut form = Form::new_account();
        assert_eq!(form.account(None), Err(t!("error-account-name")));
        form.name = "firma".into();
        form.from = "Firma Nowak <faktury@firma.pl>".into();
        assert_eq!(form.account(None), Err(t!("error-smtp-host")));
        form.smtp_host = "smtp.firma.pl".into();
        form.smtp_port = "0".into();
        assert_eq!(
            form.account(None),
            Err(t!("error-port", port = "0".to_owned()))
        );
    }
}
