//! The desktop window (eframe/egui). The only module that knows egui.
//!
//! Shape after rerun's viewer: [`StempelApp`] owns the live state and the workers' handles;
//! `logic` drains worker and job events (time-boxed) every frame, `ui` draws and never blocks.
//! The sender and the scanner run on their own threads and wake the window through
//! `request_repaint`; slow one-off work the window starts (a connection test, a keychain write,
//! the file dialog) runs as a [`jobs`] thread and comes back the same way. Lists read ids once
//! per change and rows a page at a time (a quick indexed read), never the whole table per frame.
//!
//! Screens: `list` (Buffer, Sent, Failed, Drafts) with `message` (the selected mail's tabs),
//! `compose`, `accounts`, `settings`. Every string comes from `locales/` through `t!`.

mod accounts;
mod compose;
mod jobs;
mod list;
mod message;
mod settings;

use std::sync::Arc;
use std::time::{Duration, Instant};

use eframe::egui;

use crate::config::{Paths, Settings, Theme};
use crate::model::{Message, MessageState, Outcome};
use crate::sandbox::Sandbox;
use crate::store::Store;
use crate::t;
use crate::worker::{Waker, scanner, sender};

pub use list::Folder;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    #[error(transparent)]
    Config(#[from] crate::config::ConfigError),
    #[error("the window could not be opened: {0}")]
    Window(String),
}

/// Opens the window and runs until it is closed.
pub fn run(paths: &Paths) -> Result<(), AppError> {
    paths.create()?;
    let settings = Settings::load(&paths.settings())?;
    crate::i18n::set_language(crate::i18n::choose(settings.language.as_deref()));
    let store = Store::open(&paths.database())?;
    let paths = paths.clone();
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Stempel")
        .with_app_id("app.stempel.Stempel")
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([760.0, 480.0])
        .with_drag_and_drop(true);
    if let Ok(icon) = eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon-256.png"))
    {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport,
        // Window size and the lists' column widths, kept beside the settings.
        persistence_path: Some(paths.config_dir.join("window.ron")),
        ..eframe::NativeOptions::default()
    };
    eframe::run_native(
        "Stempel",
        options,
        Box::new(move |cc| {
            let services = Services::start(store, &paths, settings, &cc.egui_ctx);
            let mut app = StempelApp::new(&cc.egui_ctx, services);
            // For scripts (tests/screenshots.sh) and people who want to land on one screen.
            if let Ok(screen) = std::env::var("STEMPEL_OPEN") {
                app.open_screen(&screen);
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| AppError::Window(e.to_string()))
}

/// What the window works with: the store, the workers and where things live.
pub struct Services {
    pub store: Store,
    pub sender: Option<sender::Handle>,
    pub scanner: Option<scanner::Handle>,
    pub sandbox: Option<Sandbox>,
    pub settings: Settings,
    pub paths: Paths,
}

impl Services {
    /// Starts the workers and the sandbox for the data folder in `paths`.
    pub fn start(store: Store, paths: &Paths, settings: Settings, ctx: &egui::Context) -> Self {
        let waker = waker(ctx);
        let db = paths.database();
        let sender = sender::spawn(db.clone(), sender::Options::default(), waker.clone()).ok();
        let interval = Duration::from_secs(u64::from(settings.scan_interval_minutes.max(1)) * 60);
        let scanner = scanner::spawn(db, interval, scanner::Options::default(), waker).ok();
        Self {
            store,
            sender,
            scanner,
            sandbox: Sandbox::start().ok(),
            settings,
            paths: paths.clone(),
        }
    }
}

fn waker(ctx: &egui::Context) -> Waker {
    let ctx = ctx.clone();
    Arc::new(move || ctx.request_repaint())
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Screen {
    Mails(Folder),
    Compose,
    Accounts,
    Settings,
}

/// Progress of a send batch.
#[derive(Clone, Copy, Debug, Default)]
struct Progress {
    done: usize,
    total: usize,
}

/// A short message for the user in the corner of the window.
struct Toast {
    text: String,
    error: bool,
    at: Instant,
}

pub struct StempelApp {
    store: Store,
    sender: Option<sender::Handle>,
    scanner: Option<scanner::Handle>,
    sandbox: Option<Sandbox>,
    settings: Settings,
    paths: Paths,
    jobs: jobs::Jobs,
    screen: Screen,
    list: list::MailList,
    selected: Option<Message>,
    tab: message::Tab,
    compose: compose::ComposeForm,
    accounts: accounts::AccountsScreen,
    counts: Vec<(MessageState, u64)>,
    sending: Option<Progress>,
    scanning: bool,
    last_check: Option<jiff::Timestamp>,
    toasts: Vec<Toast>,
    /// A resend waiting for the user's yes.
    confirm_resend: Option<Vec<i64>>,
    /// The theme last applied, to apply a change once.
    applied_theme: Option<Theme>,
}

impl StempelApp {
    #[must_use]
    pub fn new(ctx: &egui::Context, services: Services) -> Self {
        let Services {
            store,
            sender,
            scanner,
            sandbox,
            settings,
            paths,
        } = services;
        let mut app = Self {
            store,
            sender,
            scanner,
            sandbox,
            settings,
            paths,
            jobs: jobs::Jobs::new(waker(ctx)),
            screen: Screen::Mails(Folder::Buffer),
            list: list::MailList::new(Folder::Buffer),
            selected: None,
            tab: message::Tab::Message,
            compose: compose::ComposeForm::default(),
            accounts: accounts::AccountsScreen::default(),
            counts: Vec::new(),
            sending: None,
            scanning: false,
            last_check: None,
            toasts: Vec::new(),
            confirm_resend: None,
            applied_theme: None,
        };
        app.refresh_sandbox_account();
        app.reload();
        // Look for reports once at start; then every interval (the scanner's own timer).
        if let Some(s) = &app.scanner
            && s.scan_now(None)
        {
            app.scanning = true;
        }
        app
    }

    /// Shows a named screen: `buffer`, `sent`, `failed`, `drafts` (a list), `sent-tab` or
    /// `delivery` (the newest sent mail on that tab), `compose` (an example mail), `accounts`,
    /// `settings`. Unknown names leave the Buffer.
    pub fn open_screen(&mut self, name: &str) {
        let newest_sent = |app: &mut Self, tab: message::Tab| {
            app.go(Screen::Mails(Folder::Sent));
            if let Some(id) = app.list.first() {
                app.open(id);
                app.tab = tab;
            }
        };
        match name {
            "sent" => self.go(Screen::Mails(Folder::Sent)),
            "failed" => self.go(Screen::Mails(Folder::Failed)),
            "drafts" => self.go(Screen::Mails(Folder::Drafts)),
            "sent-tab" => newest_sent(self, message::Tab::Sent),
            "delivery" => newest_sent(self, message::Tab::Delivery),
            "compose" => {
                let first = self
                    .store
                    .accounts()
                    .ok()
                    .and_then(|a| a.into_iter().next());
                let account = first.map(|a| a.name).unwrap_or_default();
                self.compose = compose::ComposeForm::example(&self.store, &account);
                self.go(Screen::Compose);
            }
            "accounts" => {
                self.go(Screen::Accounts);
                self.accounts.start_with_preset("gmail");
            }
            "settings" => self.go(Screen::Settings),
            _ => self.go(Screen::Mails(Folder::Buffer)),
        }
    }

    /// Points an existing sandbox account at this run's sandbox port.
    fn refresh_sandbox_account(&mut self) {
        let Some(sandbox) = self.sandbox else { return };
        if self.store.account(crate::sandbox::ACCOUNT).is_ok()
            && let Err(e) = self.store.update_account(&sandbox.account())
        {
            self.toast_error(e.localized());
        }
    }

    /// Re-reads the counts, the current list and the selected mail.
    fn reload(&mut self) {
        match self.store.counts() {
            Ok(c) => self.counts = c,
            Err(e) => self.toast_error(e.localized()),
        }
        if let Err(e) = self.list.reload(&self.store) {
            self.toast_error(e.localized());
        }
        if let Some(id) = self.selected.as_ref().map(|m| m.id) {
            self.selected = self.store.message(id).ok();
        }
    }

    fn count(&self, folder: Folder) -> u64 {
        self.counts
            .iter()
            .filter(|(s, _)| folder.states().contains(s))
            .map(|(_, n)| n)
            .sum()
    }

    fn toast(&mut self, text: impl Into<String>) {
        self.toasts.push(Toast {
            text: text.into(),
            error: false,
            at: Instant::now(),
        });
    }

    fn toast_error(&mut self, text: impl Into<String>) {
        self.toasts.push(Toast {
            text: text.into(),
            error: true,
            at: Instant::now(),
        });
    }

    fn open(&mut self, id: i64) {
        match self.store.message(id) {
            Ok(m) => {
                self.tab = match m.state {
                    MessageState::Sent | MessageState::Failed | MessageState::Uncertain => {
                        message::Tab::Sent
                    }
                    _ => message::Tab::Message,
                };
                self.selected = Some(m);
            }
            Err(e) => self.toast_error(e.localized()),
        }
    }

    fn go(&mut self, screen: Screen) {
        if self.screen == screen {
            return;
        }
        self.screen = screen;
        if let Screen::Mails(folder) = screen {
            self.list.set_folder(folder);
            self.selected = None;
            self.reload();
        }
        if screen == Screen::Accounts {
            self.accounts.reload(&self.store);
        }
    }

    /// Asks the sender for `only` (or everything due); false when it is not running.
    fn send(&mut self, only: Option<Vec<i64>>) -> bool {
        let started = self.sender.as_ref().is_some_and(|s| s.send_due(only));
        if started {
            self.sending.get_or_insert_with(Progress::default);
        } else {
            self.toast_error(t!("sender-not-running"));
        }
        started
    }

    /// Worker and job events, drained for at most a few milliseconds per frame.
    fn drain_events(&mut self) {
        let deadline = Instant::now() + Duration::from_millis(5);
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
            let Some(done) = self.jobs.try_recv() else {
                break;
            };
            self.on_job(done);
        }
        if changed {
            self.reload();
        }
        self.toasts
            .retain(|t| t.at.elapsed() < Duration::from_secs(if t.error { 12 } else { 6 }));
    }

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
                    self.toast_error(t!("toast-send-failed", id = r.id, why = why));
                }
                true
            }
            sender::Event::BatchFinished(s) => {
                self.sending = None;
                if s.sent > 0 {
                    self.toast(t!("toast-sent", count = s.sent));
                }
                true
            }
            sender::Event::Problem(p) => {
                self.sending = None;
                self.toast_error(p);
                false
            }
        }
    }

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
                    self.toast(t!("toast-reports", count = n));
                }
                for (account, e) in errors {
                    self.toast_error(format!("{account}: {e}"));
                }
                true
            }
            scanner::Event::Problem(p) => {
                self.scanning = false;
                self.toast_error(p);
                false
            }
        }
    }

    fn on_job(&mut self, done: jobs::Done) {
        match done {
            jobs::Done::Files(paths) => self.compose.add_files(paths),
            jobs::Done::Tested { account, result } => self.accounts.tested(&account, result),
            jobs::Done::PasswordSaved { account, result } => match result {
                Ok(()) => self.toast(t!("toast-password-saved", account = account)),
                Err(e) => self.toast_error(e),
            },
        }
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        let new_mail = egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::N);
        let send_all = egui::KeyboardShortcut::new(
            egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
            egui::Key::S,
        );
        let search = egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::F);
        if ctx.input_mut(|i| i.consume_shortcut(&new_mail)) {
            self.compose = compose::ComposeForm::new(&self.store);
            self.go(Screen::Compose);
        }
        if ctx.input_mut(|i| i.consume_shortcut(&send_all)) && self.can_send_all() {
            self.send(None);
        }
        if ctx.input_mut(|i| i.consume_shortcut(&search)) {
            if !matches!(self.screen, Screen::Mails(_)) {
                self.go(Screen::Mails(Folder::Sent));
            }
            self.list.focus_search = true;
        }
    }

    fn can_send_all(&self) -> bool {
        self.count(Folder::Buffer) > 0 && self.sending.is_none() && self.sender.is_some()
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

    fn top_bar(&mut self, ui: &mut egui::Ui) {
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
                self.send(None);
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
                if ui
                    .add_enabled(
                        !self.scanning && self.scanner.is_some(),
                        egui::Button::new(t!("check-now")),
                    )
                    .on_hover_text(t!("check-now-hint"))
                    .clicked()
                    && let Some(s) = &self.scanner
                    && s.scan_now(None)
                {
                    self.scanning = true;
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
            });
        });
    }

    fn navigation(&mut self, ui: &mut egui::Ui) {
        ui.add_space(4.0);
        if ui
            .add_sized(
                [ui.available_width(), 28.0],
                egui::Button::new(t!("new-mail")),
            )
            .on_hover_text(t!("new-mail-hint"))
            .clicked()
        {
            self.compose = compose::ComposeForm::new(&self.store);
            self.go(Screen::Compose);
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
                self.go(Screen::Mails(folder));
            }
        }
        ui.add_space(8.0);
        ui.separator();
        if ui
            .selectable_label(self.screen == Screen::Accounts, t!("nav-accounts"))
            .clicked()
        {
            self.go(Screen::Accounts);
        }
        if ui
            .selectable_label(self.screen == Screen::Settings, t!("nav-settings"))
            .clicked()
        {
            self.go(Screen::Settings);
        }
    }

    fn toasts(&self, ctx: &egui::Context) {
        if self.toasts.is_empty() {
            return;
        }
        egui::Area::new(egui::Id::unique("toasts"))
            .anchor(egui::Align2::RIGHT_BOTTOM, [-12.0, -12.0])
            .order(egui::Order::Foreground)
            .show(ctx, |ui| {
                for toast in &self.toasts {
                    egui::Frame::popup(ui.style()).show(ui, |ui| {
                        ui.set_max_width(420.0);
                        if toast.error {
                            ui.colored_label(ui.visuals().error_fg_color, &toast.text);
                        } else {
                            ui.label(&toast.text);
                        }
                    });
                }
            });
    }

    fn resend_dialog(&mut self, ctx: &egui::Context) {
        let Some(ids) = self.confirm_resend.clone() else {
            return;
        };
        let mut decided = None;
        egui::Modal::new(egui::Id::unique("confirm-resend")).show(ctx, |ui| {
            ui.set_max_width(440.0);
            ui.heading(t!("resend-title", count = ids.len()));
            ui.label(t!("resend-warning"));
            ui.horizontal(|ui| {
                if ui.button(t!("resend-confirm")).clicked() {
                    decided = Some(true);
                }
                if ui.button(t!("cancel")).clicked() {
                    decided = Some(false);
                }
            });
        });
        match decided {
            Some(true) => {
                self.confirm_resend = None;
                let mut requeued = Vec::new();
                for id in ids {
                    match self.store.requeue(id) {
                        Ok(()) => requeued.push(id),
                        Err(e) => self.toast_error(e.localized()),
                    }
                }
                self.reload();
                if !requeued.is_empty() {
                    self.send(Some(requeued));
                }
            }
            Some(false) => self.confirm_resend = None,
            None => {}
        }
    }

    fn mails(&mut self, ui: &mut egui::Ui, folder: Folder) {
        if folder == Folder::Sent {
            self.list.chart(ui);
        }
        let action = self.list.toolbar(ui);
        self.act(action);
        egui::Panel::bottom("detail")
            .resizable(true)
            .default_size(ui.available_height() * 0.55)
            .min_size(120.0)
            .show(ui, |ui| {
                if let Some(m) = &self.selected {
                    if let Some(action) = message::show(ui, &self.store, m, &mut self.tab) {
                        self.act(action);
                    }
                } else {
                    ui.centered_and_justified(|ui| {
                        ui.weak(t!("select-a-mail"));
                    });
                }
            });
        let selected = self.selected.as_ref().map(|m| m.id);
        // Column lines end where the list ends, not over the mail below it.
        let action = ui
            .scope(|ui| {
                ui.shrink_clip_rect(ui.max_rect());
                self.list.table(ui, &self.store, selected)
            })
            .inner;
        self.act(action);
        // No mail at all yet: show how to start.
        if folder == Folder::Buffer && self.counts.iter().all(|(_, n)| *n == 0) {
            self.first_run(ui);
        }
    }

    /// The empty Buffer on a first run: how to start, with the sandbox.
    fn first_run(&mut self, ui: &mut egui::Ui) {
        ui.add_space(12.0);
        ui.group(|ui| {
            ui.heading(t!("welcome-title"));
            ui.label(t!("welcome-text"));
            ui.horizontal(|ui| {
                if ui.button(t!("welcome-add-account")).clicked() {
                    self.go(Screen::Accounts);
                    self.accounts.start_new();
                }
                if self.sandbox.is_some() && ui.button(t!("welcome-try-sandbox")).clicked() {
                    self.act(list::Action::UseSandbox);
                }
            });
        });
    }

    /// Carries out what the user asked for in a list, the message view or a form.
    fn act(&mut self, action: list::Action) {
        use list::Action;
        match action {
            Action::None => {}
            Action::Open(id) => self.open(id),
            Action::Send(ids) => {
                self.send(Some(ids));
            }
            Action::Resend(ids) => self.confirm_resend = Some(ids),
            Action::Delete(ids) => {
                for id in ids {
                    if let Err(e) = self.store.delete(id) {
                        self.toast_error(e.localized());
                    }
                    if self.selected.as_ref().is_some_and(|m| m.id == id) {
                        self.selected = None;
                    }
                }
                self.reload();
            }
            Action::Edit(id) => match compose::ComposeForm::edit(&mut self.store, id) {
                Ok(form) => {
                    self.compose = form;
                    self.selected = None;
                    self.reload();
                    self.screen = Screen::Compose;
                }
                Err(e) => self.toast_error(e.localized()),
            },
            Action::Reload => self.reload(),
            Action::UseSandbox => {
                if let Some(sandbox) = self.sandbox {
                    let account = sandbox.account();
                    let result = if self.store.account(&account.name).is_ok() {
                        self.store.update_account(&account)
                    } else {
                        self.store.add_account(&account).map(|_| ())
                    };
                    match result {
                        Ok(()) => {
                            self.compose =
                                compose::ComposeForm::example(&self.store, crate::sandbox::ACCOUNT);
                            self.screen = Screen::Compose;
                        }
                        Err(e) => self.toast_error(e.localized()),
                    }
                }
            }
        }
    }
}

impl eframe::App for StempelApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.drain_events();
        self.apply_theme(ctx);
        self.shortcuts(ctx);
        if self.screen == Screen::Compose {
            let dropped: Vec<_> = ctx.input(|i| {
                i.raw
                    .dropped_files
                    .iter()
                    .map(|f| f.path().to_path_buf())
                    .collect()
            });
            if !dropped.is_empty() {
                self.compose.add_files(dropped);
            }
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }
}

impl StempelApp {
    /// One frame of the whole window: what `eframe::App::ui` draws, callable without eframe
    /// (the window benchmark runs it on a bare `egui::Context`).
    pub fn show(&mut self, ui: &mut egui::Ui) {
        egui::Panel::top("top").show(ui, |ui| self.top_bar(ui));
        egui::Panel::left("nav")
            .resizable(false)
            .exact_size(170.0)
            .show(ui, |ui| self.navigation(ui));
        egui::CentralPanel::default().show(ui, |ui| match self.screen {
            Screen::Mails(folder) => self.mails(ui, folder),
            Screen::Compose => {
                let outcome = self.compose.show(ui, &mut self.store, &self.jobs);
                match outcome {
                    compose::Outcome::Stay => {}
                    compose::Outcome::Saved {
                        id,
                        draft,
                        send_now,
                    } => {
                        let folder = if draft {
                            Folder::Drafts
                        } else {
                            Folder::Buffer
                        };
                        self.compose = compose::ComposeForm::default();
                        // From Compose `go` always changes screen, which reloads the list.
                        self.go(Screen::Mails(folder));
                        self.open(id);
                        if send_now {
                            self.send(Some(vec![id]));
                        }
                    }
                    compose::Outcome::Cancelled => self.go(Screen::Mails(Folder::Buffer)),
                }
            }
            Screen::Accounts => {
                self.accounts
                    .show(ui, &mut self.store, &self.jobs, self.sandbox.as_ref());
            }
            Screen::Settings => {
                settings::show(ui, &mut self.settings, &self.paths);
            }
        });
        let ctx = ui.ctx().clone();
        self.resend_dialog(&ctx);
        self.toasts(&ctx);
        if self.sending.is_some() || self.scanning || !self.toasts.is_empty() {
            ctx.request_repaint_after(Duration::from_millis(250));
        }
    }
}
