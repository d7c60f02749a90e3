//! One frame of the window: the top bar (Send all, progress, the last check for reports), the
//! navigation, the current screen, the resend dialog and the toasts. Panels return
//! [`Command`]s; they are carried out after everything is drawn, so a frame draws one
//! consistent state and never writes to the store while drawing.

use std::time::Duration;

use eframe::egui;

use super::command::{Command, Confirm};
use super::{Folder, Screen, StempelApp, message, settings};
use crate::t;

/// Height the mail list keeps below the toolbar when a mail is open: about four rows.
const LIST_MIN_HEIGHT: f32 = 100.0;

/// Height below which the Sent list leaves out its chart.
const CHART_MIN_ROOM: f32 = 640.0;

impl StempelApp {
    /// One frame of the whole window: what `eframe::App::ui` draws, callable without eframe
    /// (the window benchmark runs it on a bare `egui::Context`).
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let mut commands = Vec::new();
        egui::Panel::top("top").show(ui, |ui| commands.extend(self.top_bar(ui)));
        egui::Panel::left("nav")
            .resizable(false)
            .exact_size(170.0)
            .show(ui, |ui| commands.extend(self.navigation(ui)));
        egui::CentralPanel::default().show(ui, |ui| match self.screen {
            Screen::Mails(folder) => commands.extend(self.mails(ui, folder)),
            Screen::Compose => commands.extend(self.compose.show(ui)),
            Screen::Accounts => {
                // The form is taller than a small window.
                egui::ScrollArea::vertical()
                    .id_salt("accounts")
                    .auto_shrink(false)
                    .show(ui, |ui| {
                        commands.extend(self.accounts.show(ui, self.sandbox.is_some()));
                    });
            }
            Screen::Settings => {
                commands.extend(settings::show(ui, &mut self.settings, &self.paths));
            }
            Screen::Invoices => commands.extend(self.bulk.show(ui)),
            Screen::Customers => {
                egui::ScrollArea::vertical()
                    .id_salt("customers-screen")
                    .auto_shrink(false)
                    .show(ui, |ui| commands.extend(self.customers.show(ui)));
            }
            Screen::Templates => {
                egui::ScrollArea::vertical()
                    .id_salt("templates-screen")
                    .auto_shrink(false)
                    .show(ui, |ui| commands.extend(self.templates.show(ui)));
            }
        });
        let ctx = ui.ctx().clone();
        commands.extend(self.confirm_dialog(&ctx));
        if let Some(picker) = &mut self.picker {
            commands.extend(picker.show(&ctx));
        }
        if !commands.is_empty() {
            for command in commands {
                self.handle(command);
            }
            // The next frame shows what the commands changed.
            ctx.request_repaint();
        }
        self.toasts.show(&ctx);
        if self.sending.is_some() || self.scanning || !self.toasts.is_empty() {
            ctx.request_repaint_after(Duration::from_millis(250));
        }
    }

    fn top_bar(&self, ui: &mut egui::Ui) -> Option<Command> {
        let mut command = None;
        ui.horizontal(|ui| {
            ui.heading("Stempel");
            ui.separator();
            let waiting = self.count(Folder::Buffer);
            ui.label(t!("mails-waiting", count = waiting));
            if ui
                .add_enabled(self.can_send_all(), egui::Button::new(t!("send-all")))
                .on_hover_text(t!("send-all-hint"))
                .clicked()
            {
                command = Some(Command::SendAll);
            }
            if let Some(p) = self.sending {
                let fraction = if p.total == 0 {
                    0.0
                } else {
                    p.done as f32 / p.total as f32
                };
                ui.add(
                    egui::ProgressBar::new(fraction)
                        .desired_width(200.0)
                        .text(t!("sending-progress", done = p.done, total = p.total)),
                );
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if !self.reports_possible {
                    return; // no account reads a mailbox: no reports to look for
                }
                if ui
                    .add_enabled(
                        !self.scanning && self.scanner.is_some(),
                        egui::Button::new(t!("check-now")),
                    )
                    .on_hover_text(t!("check-now-hint"))
                    .clicked()
                {
                    command = Some(Command::CheckNow);
                }
                let checked = if self.scanning {
                    t!("bounces-checking")
                } else {
                    self.last_check.map_or_else(
                        || t!("bounces-not-checked"),
                        |at| t!("bounces-checked", time = crate::i18n::datetime(at)),
                    )
                };
                ui.label(checked);
                if self.scanning {
                    ui.spinner();
                }
                if !self.scan_failures.is_empty() {
                    let accounts: Vec<&str> =
                        self.scan_failures.iter().map(|(a, _)| a.as_str()).collect();
                    let why: Vec<String> = self
                        .scan_failures
                        .iter()
                        .map(|(a, e)| format!("{a}: {e}"))
                        .collect();
                    ui.colored_label(
                        ui.visuals().warn_fg_color,
                        t!("bounces-check-failed", accounts = accounts.join(", ")),
                    )
                    .on_hover_text(why.join("\n"));
                }
            });
        });
        command
    }

    fn navigation(&self, ui: &mut egui::Ui) -> Option<Command> {
        let mut command = None;
        ui.add_space(4.0);
        if ui
            .add_sized(
                [ui.available_width(), 28.0],
                egui::Button::new(t!("new-mail")),
            )
            .on_hover_text(t!("new-mail-hint"))
            .clicked()
        {
            command = Some(Command::NewMail);
        }
        ui.add_space(8.0);
        ui.label(egui::RichText::new(t!("nav-emails")).strong());
        for folder in Folder::ALL {
            let text = format!(
                "{}  ({})",
                folder.label(),
                crate::i18n::count(self.count(folder))
            );
            if ui
                .selectable_label(self.screen == Screen::Mails(folder), text)
                .clicked()
            {
                command = Some(Command::Show(Screen::Mails(folder)));
            }
        }
        ui.add_space(8.0);
        ui.separator();
        for (screen, label) in [
            (Screen::Invoices, t!("nav-invoices")),
            (Screen::Customers, t!("nav-customers")),
            (Screen::Templates, t!("nav-templates")),
        ] {
            if ui.selectable_label(self.screen == screen, label).clicked() {
                command = Some(Command::Show(screen));
            }
        }
        ui.add_space(8.0);
        ui.separator();
        for (screen, label) in [
            (Screen::Accounts, t!("nav-accounts")),
            (Screen::Settings, t!("nav-settings")),
        ] {
            if ui.selectable_label(self.screen == screen, label).clicked() {
                command = Some(Command::Show(screen));
            }
        }
        command
    }

    /// "Send again?" or "Delete?" while one waits for the user's yes.
    fn confirm_dialog(&self, ctx: &egui::Context) -> Option<Command> {
        let (title, warning, yes) = match self.confirm.as_ref()? {
            Confirm::Resend(ids) => (
                t!("resend-title", count = ids.len()),
                t!("resend-warning"),
                t!("resend-confirm"),
            ),
            Confirm::Delete(ids) => (
                t!("delete-title", count = ids.len()),
                t!("delete-warning"),
                t!("delete"),
            ),
            Confirm::RemoveAccount(name) => (
                t!("account-remove-title", account = name.clone()),
                t!("account-remove-warning"),
                t!("account-remove"),
            ),
        };
        let mut command = None;
        egui::Modal::new(egui::Id::unique("confirm")).show(ctx, |ui| {
            ui.set_max_width(440.0);
            ui.heading(title);
            ui.label(warning);
            ui.horizontal(|ui| {
                if ui.button(yes).clicked() {
                    command = Some(Command::Confirmed);
                }
                if ui.button(t!("cancel")).clicked() {
                    command = Some(Command::Cancelled);
                }
            });
        });
        command
    }

    /// A list with the selected mail below it.
    fn mails(&mut self, ui: &mut egui::Ui, folder: Folder) -> Vec<Command> {
        let mut commands = Vec::new();
        // The chart only where it leaves the list and the mail room (not at 800×600).
        if folder == Folder::Sent && ui.available_height() >= CHART_MIN_ROOM {
            self.list.chart(ui);
        }
        commands.extend(self.list.toolbar(ui));
        // The list keeps room for a few rows however small the window (a height remembered
        // from a larger window would otherwise take all of it).
        let room = ui.available_height();
        egui::Panel::bottom("detail")
            .resizable(true)
            .default_size(room * 0.55)
            .min_size(120.0)
            .max_size((room - LIST_MIN_HEIGHT).max(120.0))
            .show(ui, |ui| {
                if let Some(m) = &self.selected {
                    commands.extend(message::show(
                        ui,
                        &self.store,
                        m,
                        &mut self.tab,
                        self.settings.tsa().is_some(),
                    ));
                } else {
                    ui.centered_and_justified(|ui| {
                        ui.weak(t!("select-a-mail"));
                    });
                }
            });
        let selected = self.selected.as_ref().map(|m| m.id);
        // Column lines end where the list ends, not over the mail below it.
        let table = ui
            .scope(|ui| {
                ui.shrink_clip_rect(ui.max_rect());
                self.list.table(ui, &self.store, selected)
            })
            .inner;
        commands.extend(table);
        // No mail at all yet: show how to start.
        if folder == Folder::Buffer && self.counts.iter().all(|(_, n)| *n == 0) {
            commands.extend(self.first_run(ui));
        }
        commands
    }

    /// The empty Buffer on a first run: how to start, with the sandbox.
    fn first_run(&self, ui: &mut egui::Ui) -> Option<Command> {
        let mut command = None;
        ui.add_space(12.0);
        ui.group(|ui| {
            ui.heading(t!("welcome-title"));
            ui.label(t!("welcome-text"));
            ui.horizontal(|ui| {
                if ui.button(t!("welcome-add-account")).clicked() {
                    command = Some(Command::NewAccount);
                }
                if self.sandbox.is_some() && ui.button(t!("welcome-try-sandbox")).clicked() {
                    command = Some(Command::UseSandbox);
                }
            });
        });
        command
    }
}
