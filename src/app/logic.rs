//! What runs every frame before anything is drawn: the sender's, the scanner's and the jobs'
//! events drained for a few milliseconds at most, the theme, the keyboard shortcuts and files
//! dropped on the window. Nothing here draws; what the user asked for goes through
//! [`Command`]s like a click would.

use std::time::{Duration, Instant};

use eframe::egui;

use super::command::Command;
use super::{Folder, Progress, Screen, StempelApp, jobs};
use crate::config::Theme;
use crate::model::Outcome;
use crate::t;
use crate::worker::{scanner, sender, stamper};

/// How long one frame may spend on worker and job events; the rest waits for the next frame.
const DRAIN_BUDGET: Duration = Duration::from_millis(5);

impl StempelApp {
    /// The per-frame work of `eframe::App::logic`.
    pub(super) fn run_logic(&mut self, ctx: &egui::Context) {
        self.drain_events();
        self.apply_theme(ctx);
        self.shortcuts(ctx);
        self.dropped_files(ctx);
    }

    /// Worker and job events, drained for at most [`DRAIN_BUDGET`] per frame.
    fn drain_events(&mut self) {
        let deadline = Instant::now() + DRAIN_BUDGET;
        let mut changed = false;
        while Instant::now() < deadline {
            let Some(event) = self.sender.as_ref().and_then(|s| s.events.try_recv().ok()) else {
                break;
            };
            changed |= self.on_sender(event);
        }
        while Instant::now() < deadline {
            let Some(event) = self.scanner.as_ref().and_then(|s| s.events.try_recv().ok()) else {
                break;
            };
            changed |= self.on_scanner(event);
        }
        while Instant::now() < deadline {
            let Some(event) = self.stamper.as_ref().and_then(|s| s.events.try_recv().ok()) else {
                break;
            };
            changed |= self.on_stamper(event);
        }
        while Instant::now() < deadline {
            let Some(done) = self.jobs.try_recv() else {
                break;
            };
            self.on_job(done);
        }
        if changed {
            self.reload();
        }
        self.toasts.expire();
    }

    /// Follows a send batch; true when mails changed state (the lists are read again).
    fn on_sender(&mut self, event: sender::Event) -> bool {
        match event {
            sender::Event::BatchStarted { total } => {
                self.sending = Some(Progress { done: 0, total });
                false
            }
            sender::Event::MailDone(r) => {
                self.sending = Some(Progress {
                    done: r.index,
                    total: r.total,
                });
                if matches!(r.outcome, Outcome::Failed | Outcome::Uncertain) {
                    let why = r.explanation.map(|e| e.meaning_text()).unwrap_or_default();
                    // Named as the user knows it: its subject and first recipient.
                    let (subject, to) = self.store.message(r.id).map_or_else(
                        |_| (format!("#{}", r.id), String::new()),
                        |m| {
                            let to = m.recipients.first().map(|r| r.address.clone());
                            (m.subject, to.unwrap_or_default())
                        },
                    );
                    self.toasts.error(t!(
                        "toast-send-failed",
                        subject = subject,
                        to = to,
                        why = why
                    ));
                }
                // The mail the user is looking at left the Buffer: follow it to its folder.
                if self.selected.as_ref().is_some_and(|m| m.id == r.id)
                    && self.screen == Screen::Mails(Folder::Buffer)
                {
                    let folder = match r.outcome {
                        Outcome::Sent => Some(Folder::Sent),
                        Outcome::Failed | Outcome::Uncertain => Some(Folder::Failed),
                        Outcome::Deferred => None,
                    };
                    if let Some(folder) = folder {
                        self.go(Screen::Mails(folder));
                        self.open(r.id);
                    }
                }
                true
            }
            sender::Event::BatchFinished(s) => {
                self.sending = None;
                self.stamp_due();
                if s.sent > 0 {
                    self.toasts.info(t!("toast-sent", count = s.sent));
                }
                true
            }
            sender::Event::Problem(p) => {
                self.sending = None;
                self.toasts.error(p);
                false
            }
        }
    }

    /// Follows a scan for reports; true when it may have changed deliveries.
    fn on_scanner(&mut self, event: scanner::Event) -> bool {
        match event {
            scanner::Event::Started => {
                self.scanning = true;
                false
            }
            scanner::Event::Finished {
                summaries,
                errors,
                at,
            } => {
                self.scanning = false;
                self.last_check = Some(at);
                let n: usize = summaries.iter().map(|s| s.changes.len()).sum();
                if n > 0 {
                    self.toasts.info(t!("toast-reports", count = n));
                }
                // Shown beside "Reports checked" until a check succeeds, not as a toast that
                // returns every few minutes.
                self.scan_failures = errors;
                true
            }
            scanner::Event::Problem(p) => {
                self.scanning = false;
                self.toasts.error(p);
                false
            }
        }
    }

    /// Follows the stamper; true when a receipt was kept or stamped (the Proof section shows
    /// it). An authority that fails is shown on the mail, not as a toast every few minutes.
    fn on_stamper(&mut self, event: stamper::Event) -> bool {
        match event {
            stamper::Event::Round(s) => s.kept > 0 || s.stamped > 0 || s.failed > 0,
            stamper::Event::Problem(p) => {
                self.toasts.error(t!("toast-stamp-problem", reason = p));
                false
            }
        }
    }

    /// Hands a finished job's result to the screen that started it.
    fn on_job(&mut self, done: jobs::Done) {
        match done {
            jobs::Done::Files(paths) => self.files_arrived(paths),
            jobs::Done::NoFileDialog => {
                // From now on "Add files…" opens Stempel's own picker at once.
                self.native_dialogs = false;
                self.open_picker();
            }
            jobs::Done::Folder { path, result } => {
                if let Some(picker) = &mut self.picker {
                    picker.listed(&path, result);
                }
            }
            jobs::Done::Tested { account, result } => self.accounts.tested(&account, result),
            jobs::Done::PasswordSaved { account, result } => {
                match result {
                    Ok(()) => self
                        .toasts
                        .info(t!("toast-password-saved", account = account)),
                    Err(_) => self
                        .accounts
                        .show_error(t!("keychain-failed-session", account = account)),
                }
                self.check_passwords();
            }
            jobs::Done::PasswordForgotten => {}
            jobs::Done::Passwords { keychain, stored } => {
                self.accounts.passwords_checked(keychain, stored);
            }
            jobs::Done::ProofSaved { result } => match result {
                Ok(None) => {}
                Ok(Some((path, problem))) => {
                    self.toasts
                        .info(t!("toast-proof-saved", path = path.display().to_string()));
                    if let Some(reason) = problem {
                        self.toasts
                            .error(t!("toast-proof-no-fresh-stamp", reason = reason));
                    }
                }
                Err(reason) => self.toasts.error(t!("toast-proof-failed", reason = reason)),
            },
        }
    }

    /// Ctrl+N new mail, Ctrl+Shift+S send all, Ctrl+F search.
    fn shortcuts(&mut self, ctx: &egui::Context) {
        let new_mail = egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::N);
        let send_all = egui::KeyboardShortcut::new(
            egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
            egui::Key::S,
        );
        let search = egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::F);
        if ctx.input_mut(|i| i.consume_shortcut(&new_mail)) {
            self.handle(Command::NewMail);
        }
        if ctx.input_mut(|i| i.consume_shortcut(&send_all)) && self.can_send_all() {
            self.handle(Command::SendAll);
        }
        if ctx.input_mut(|i| i.consume_shortcut(&search)) {
            self.handle(Command::Search);
        }
    }

    fn apply_theme(&mut self, ctx: &egui::Context) {
        if self.applied_theme == Some(self.settings.theme) {
            return;
        }
        ctx.set_theme(match self.settings.theme {
            Theme::System => egui::ThemePreference::System,
            Theme::Light => egui::ThemePreference::Light,
            Theme::Dark => egui::ThemePreference::Dark,
        });
        self.applied_theme = Some(self.settings.theme);
    }

    /// Files dropped on the window become attachments while a mail is being written, and
    /// invoices on the Send invoices screen.
    fn dropped_files(&mut self, ctx: &egui::Context) {
        if !matches!(self.screen, Screen::Compose | Screen::Invoices) {
            return;
        }
        let dropped: Vec<_> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if !dropped.is_empty() {
            self.files_arrived(dropped);
        }
    }
}
