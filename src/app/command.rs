//! What the user asked for, as data: every panel returns [`Command`]s instead of acting, and
//! the app carries them out at the end of the frame (rerun's "commands to run at the end of
//! the frame"). This is the one place where the window writes to the store, starts a send or
//! a scan, or starts a job; drawing only reads.

use super::accounts::PasswordKeep;
use super::compose::ComposeForm;
use super::{Folder, Screen, StempelApp};
use crate::model::{Account, MessageState};
use crate::outbox::Destination;
use crate::secrets::{self, Secret};
use crate::t;
use crate::worker::stamper;

/// What waits for the user's yes in a dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Confirm {
    /// Mails that may already have reached the customer, to be sent again.
    Resend(Vec<i64>),
    /// Mails to be deleted with everything kept about them.
    Delete(Vec<i64>),
    /// An account to be removed (its sent mails stay).
    RemoveAccount(String),
}

/// One thing the user asked for in a list, the message view, a form, a dialog or a shortcut.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Show another screen; a list or the accounts are read again as they come into view.
    Show(Screen),
    /// An empty Compose with the first account chosen.
    NewMail,
    /// Select a mail and show it below the list.
    Open(i64),
    /// Send these mails now, even if a retry is scheduled later.
    Send(Vec<i64>),
    /// Send everything due in the Buffer.
    SendAll,
    /// Ask the scanner to look for reports now.
    CheckNow,
    /// Focus the search field of a list (the Sent list when no list is shown).
    Search,
    /// Send failed or uncertain mails again: asks first when one may already have arrived.
    Resend(Vec<i64>),
    /// Delete drafts, queued or failed mails: asks first.
    Delete(Vec<i64>),
    /// The user said yes to what is being asked about.
    Confirmed,
    /// The user said no to what is being asked about.
    Cancelled,
    /// Open a draft or a queued mail in Compose (a queued one goes back to the drafts).
    Edit(i64),
    /// A failed mail's text, recipients and attachments as a new draft in Compose; the failed
    /// mail stays as it is, with its attempts.
    EditCopy(i64),
    /// Read the counts, the list and the selected mail again.
    Reload,
    /// Add (or point at this run's port) the sandbox account and compose an example mail.
    UseSandbox,
    /// The accounts screen with an empty new-account form.
    NewAccount,
    /// Add the sandbox account from the accounts screen.
    AddSandboxAccount,
    /// Store an account checked by its form; its password, if typed, goes to the keychain.
    SaveAccount {
        account: Account,
        /// Whether it replaces a stored account of that name (else it is added).
        existing: bool,
        password: Option<Secret>,
        /// Where the password goes.
        keep: PasswordKeep,
    },
    /// Remove an account: asks first.
    RemoveAccount(String),
    /// Connect, secure and log in with an account, then QUIT (a job).
    TestConnection(Account),
    /// Store the mail in Compose as a draft or in the buffer; `send_now` sends it at once.
    SaveMail {
        destination: Destination,
        send_now: bool,
    },
    /// The file dialog for attachments (a job), or Stempel's own picker where the desktop
    /// offers none.
    PickFiles,
    /// Stempel's file picker shows this folder (read by a job).
    PickerOpen(std::path::PathBuf),
    /// Stempel's file picker closes with these files (none: cancelled).
    PickerDone(Vec<std::path::PathBuf>),
    /// Write a sent mail's evidence file (the save dialog and the writing are a job).
    SaveProof(i64),
    /// The time-stamping setting changed: the stamper uses the new one from now on.
    TsaChanged,
    /// Review the invoices of the Send invoices screen.
    ReviewBatch,
    /// Put the reviewed invoices' good rows in the buffer, in one transaction.
    QueueBatch,
    /// Show a customer in the form, with its recent mails.
    ChooseCustomer(i64),
    SaveCustomer(crate::model::Customer),
    RemoveCustomer(i64),
    SaveTemplate(crate::template::Template),
    /// Remove the user's template of this name and language.
    RemoveTemplate(String, String),
    /// Show one mail in the list it is in.
    ShowMail(i64),
    /// Compose's addresses changed: warn of those whose last mail bounced.
    LookUpAddresses(Vec<String>),
}

impl StempelApp {
    /// Carries out one command. Runs after the frame's drawing (or from `logic`), never in it.
    pub(super) fn handle(&mut self, command: Command) {
        match command {
            Command::Show(screen) => self.go(screen),
            Command::NewMail => {
                self.compose = ComposeForm::new(&self.store);
                self.go(Screen::Compose);
            }
            Command::Open(id) => self.open(id),
            Command::Send(ids) => self.send(Some(ids)),
            Command::SendAll => self.send(None),
            Command::CheckNow => {
                if let Some(s) = &self.scanner
                    && s.scan_now(None)
                {
                    self.scanning = true;
                }
            }
            Command::Search => {
                if !matches!(self.screen, Screen::Mails(_)) {
                    self.go(Screen::Mails(Folder::Sent));
                }
                self.list.focus_search = true;
            }
            Command::Resend(ids) => self.resend(ids),
            Command::Delete(ids) => self.confirm = Some(Confirm::Delete(ids)),
            Command::Confirmed => match self.confirm.take() {
                Some(Confirm::Resend(ids)) => self.requeue_and_send(ids),
                Some(Confirm::Delete(ids)) => self.delete(&ids),
                Some(Confirm::RemoveAccount(name)) => self.remove_account(&name),
                None => {}
            },
            Command::Cancelled => self.confirm = None,
            Command::Edit(id) => self.edit(id),
            Command::EditCopy(id) => self.edit_copy(id),
            Command::Reload => self.reload(),
            Command::UseSandbox => self.use_sandbox(),
            Command::NewAccount => {
                self.go(Screen::Accounts);
                self.accounts.start_new();
            }
            Command::AddSandboxAccount => self.add_sandbox_account(),
            Command::SaveAccount {
                account,
                existing,
                password,
                keep,
            } => self.save_account(&account, existing, password, keep),
            Command::RemoveAccount(name) => self.confirm = Some(Confirm::RemoveAccount(name)),
            Command::TestConnection(account) => {
                self.accounts.testing(&account.name);
                self.jobs.test_connection(account);
            }
            Command::SaveMail {
                destination,
                send_now,
            } => self.save_mail(destination, send_now),
            Command::PickFiles => {
                if self.native_dialogs {
                    self.jobs.pick_files();
                } else {
                    self.open_picker();
                }
            }
            Command::PickerOpen(folder) => {
                if let Some(picker) = &mut self.picker {
                    picker.go(folder.clone());
                    self.jobs.list_folder(folder);
                }
            }
            Command::PickerDone(files) => {
                if let Some(picker) = self.picker.take() {
                    self.picker_folder = Some(picker.folder().to_path_buf());
                }
                self.files_arrived(files);
            }
            Command::SaveProof(id) => self.jobs.save_proof(
                self.paths.database(),
                id,
                self.settings.tsa(),
                self.proof_folder.clone(),
            ),
            Command::TsaChanged => self.stamp_due(),
            Command::ReviewBatch
            | Command::QueueBatch
            | Command::ChooseCustomer(_)
            | Command::SaveCustomer(_)
            | Command::RemoveCustomer(_)
            | Command::SaveTemplate(_)
            | Command::RemoveTemplate(..)
            | Command::ShowMail(_)
            | Command::LookUpAddresses(_) => self.handle_invoices(command),
        }
    }

    /// The commands of the invoice screens: Send invoices, Customers, Templates.
    fn handle_invoices(&mut self, command: Command) {
        match command {
            Command::ReviewBatch => {
                let review = crate::outbox::batch::review(&self.store, &self.bulk.request())
                    .map_err(|e| e.localized());
                self.bulk.reviewed(review);
            }
            Command::QueueBatch => self.queue_batch(),
            Command::ChooseCustomer(id) => match self.store.customer(&id.to_string()) {
                Ok(c) => self.customers.choose(&self.store, c),
                Err(e) => self.toasts.error(e.localized()),
            },
            Command::SaveCustomer(c) => {
                let result = crate::outbox::checked_customer(c)
                    .and_then(|c| self.store.save_customer(&c).map_err(|e| e.localized()));
                self.customers.saved(&self.store, result);
            }
            Command::RemoveCustomer(id) => match self.store.remove_customer(id) {
                Ok(()) => self.customers.removed(&self.store),
                Err(e) => self.toasts.error(e.localized()),
            },
            Command::SaveTemplate(t) => {
                let result = self.store.save_template(&t).map_err(|e| e.localized());
                self.templates.saved(&self.store, result);
            }
            Command::RemoveTemplate(name, language) => {
                let result = self
                    .store
                    .remove_template(&name, &language)
                    .map_err(|e| e.localized());
                self.templates.saved(&self.store, result);
            }
            Command::ShowMail(id) => self.show_mail(id),
            Command::LookUpAddresses(addresses) => {
                let warnings = addresses
                    .iter()
                    .filter_map(|a| crate::outbox::batch::bounced_before(&self.store, a).ok()?)
                    .map(|p| p.localized())
                    .collect();
                self.compose.set_address_warnings(addresses, warnings);
            }
            _ => {}
        }
    }

    /// Files chosen or dropped go to the screen that asked: Send invoices, else Compose.
    pub(super) fn files_arrived(&mut self, files: Vec<std::path::PathBuf>) {
        if self.screen == Screen::Invoices {
            self.bulk.add_files(files);
            self.handle(Command::ReviewBatch);
        } else {
            self.compose.add_files(files);
        }
    }

    /// Stores the reviewed invoices and shows them in the Buffer.
    fn queue_batch(&mut self) {
        let Some(review) = self.bulk.review().cloned() else {
            return;
        };
        match crate::outbox::batch::queue(&mut self.store, &review, true) {
            Ok(ids) => {
                self.toasts.info(t!("cli-batch-queued", count = ids.len()));
                self.bulk.clear();
                self.go(Screen::Mails(Folder::Buffer));
                self.reload();
            }
            Err(e) => {
                let why = e.localized();
                self.bulk.reviewed(Err(why));
            }
        }
    }

    /// Shows mail `id` selected in the list of its state.
    fn show_mail(&mut self, id: i64) {
        let folder = match self.store.message(id).map(|m| m.state) {
            Ok(MessageState::Draft) => Folder::Drafts,
            Ok(MessageState::Queued | MessageState::Sending) => Folder::Buffer,
            Ok(MessageState::Failed | MessageState::Uncertain) => Folder::Failed,
            Ok(MessageState::Sent) => Folder::Sent,
            Err(e) => {
                self.toasts.error(e.localized());
                return;
            }
        };
        self.go(Screen::Mails(folder));
        self.open(id);
    }

    /// Opens Stempel's own file picker where it was last left, else in Documents.
    pub(super) fn open_picker(&mut self) {
        let folder = self
            .picker_folder
            .clone()
            .unwrap_or_else(super::jobs::documents_folder);
        self.jobs.list_folder(folder.clone());
        self.picker = Some(super::file_picker::FilePicker::new(folder));
    }

    /// Asks the stamper for a round with the current setting.
    pub(super) fn stamp_due(&self) {
        if let Some(s) = &self.stamper {
            s.ask(stamper::Command::StampDue(self.settings.tsa()));
        }
    }

    /// Sends mails again; asks first when one of them may already have reached the customer
    /// (uncertain, or sent). A failed mail was refused everywhere: it goes at once.
    fn resend(&mut self, ids: Vec<i64>) {
        let may_have_arrived = ids.iter().any(|&id| {
            self.store
                .message(id)
                .map_or(true, |m| m.state != MessageState::Failed)
        });
        if may_have_arrived {
            self.confirm = Some(Confirm::Resend(ids));
        } else {
            self.requeue_and_send(ids);
        }
    }

    fn requeue_and_send(&mut self, ids: Vec<i64>) {
        let mut requeued = Vec::new();
        for id in ids {
            match self.store.requeue(id) {
                Ok(()) => requeued.push(id),
                Err(e) => self.toasts.error(e.localized()),
            }
        }
        self.reload();
        if !requeued.is_empty() {
            self.send(Some(requeued));
        }
    }

    fn delete(&mut self, ids: &[i64]) {
        for &id in ids {
            match self.store.delete(id) {
                Ok(()) if self.selected.as_ref().is_some_and(|m| m.id == id) => {
                    self.selected = None;
                }
                Ok(()) => {}
                Err(e) => self.toasts.error(e.localized()),
            }
        }
        self.reload();
    }

    fn edit(&mut self, id: i64) {
        match ComposeForm::edit(&mut self.store, id) {
            Ok(form) => {
                self.compose = form;
                self.selected = None;
                self.reload();
                self.screen = Screen::Compose;
            }
            Err(e) => self.toasts.error(e.localized()),
        }
    }

    fn edit_copy(&mut self, id: i64) {
        match ComposeForm::copy_of(&self.store, id) {
            Ok(form) => {
                self.compose = form;
                self.selected = None;
                self.screen = Screen::Compose;
                self.toasts.info(t!("toast-copy-to-edit"));
            }
            Err(e) => self.toasts.error(e.localized()),
        }
    }

    fn use_sandbox(&mut self) {
        let Some(sandbox) = self.sandbox else { return };
        let account = sandbox.account();
        let result = if self.store.account(&account.name).is_ok() {
            self.store.update_account(&account)
        } else {
            self.store.add_account(&account).map(|_| ())
        };
        match result {
            Ok(()) => {
                self.compose = ComposeForm::example(&self.store, crate::sandbox::ACCOUNT);
                self.screen = Screen::Compose;
            }
            Err(e) => self.toasts.error(e.localized()),
        }
    }

    fn add_sandbox_account(&mut self) {
        let Some(sandbox) = self.sandbox else { return };
        match self.store.add_account(&sandbox.account()) {
            Ok(_) => self.accounts.reload(&self.store),
            Err(e) => self.accounts.show_error(e.localized()),
        }
    }

    fn save_account(
        &mut self,
        account: &Account,
        existing: bool,
        password: Option<Secret>,
        keep: PasswordKeep,
    ) {
        let stored = if existing {
            self.store.update_account(account)
        } else {
            self.store.add_account(account).map(|_| ())
        };
        if let Err(e) = stored {
            self.accounts.show_error(e.localized());
            return;
        }
        let name = account.name.clone();
        match (keep, password) {
            (PasswordKeep::Session, Some(password)) => secrets::keep_for_session(&name, password),
            // A failed write keeps the password for this session and says so.
            (PasswordKeep::Keychain, Some(password)) => self.jobs.save_password(name, password),
            (PasswordKeep::Command, _) => secrets::forget_for_session(&name),
            (_, None) => {}
        }
        self.accounts.saved(&self.store);
        self.check_passwords();
    }

    fn remove_account(&mut self, name: &str) {
        match self.store.remove_account(name) {
            Ok(kept) => {
                secrets::forget_for_session(name);
                self.jobs.forget_password(name.to_owned());
                let account = name.to_owned();
                self.toasts.info(if kept {
                    t!("account-removed-kept", account = account)
                } else {
                    t!("account-removed", account = account)
                });
                self.accounts.saved(&self.store);
                self.reload();
            }
            Err(e) => self.accounts.show_error(e.localized()),
        }
    }

    /// Has a job find out whether the keychain answers and which accounts have a password
    /// there, for the accounts screen.
    pub(super) fn check_passwords(&self) {
        let names = self
            .store
            .accounts()
            .map(|a| a.into_iter().map(|a| a.name).collect())
            .unwrap_or_default();
        self.jobs.check_passwords(names);
    }

    fn save_mail(&mut self, destination: Destination, send_now: bool) {
        let Some(id) = self.compose.submit(&mut self.store, destination) else {
            // The form shows why.
            return;
        };
        let folder = match destination {
            Destination::Draft => Folder::Drafts,
            Destination::Queue => Folder::Buffer,
        };
        self.compose = ComposeForm::default();
        // From Compose `go` always changes screen, which reloads the list.
        self.go(Screen::Mails(folder));
        self.open(id);
        if send_now {
            self.send(Some(vec![id]));
        }
    }
}
