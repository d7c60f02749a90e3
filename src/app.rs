//! The desktop window (eframe/egui). The only module that knows egui.
//!
//! Shape after rerun's viewer: [`StempelApp`] owns the live state and the workers' handles.
//! Each frame `logic` drains worker and job events (time-boxed), applies the theme and the
//! shortcuts; `frame` draws, and the panels return [`Command`]s instead of acting themselves;
//! `command` carries them out at the end of the frame. Drawing never blocks and never writes:
//! the store is read by primary key or through the list's queries, and slow one-off work (a
//! connection test, a keychain write, the file dialog) runs as a [`jobs`] thread that reports
//! back through `request_repaint`, as the sender and the scanner do.
//!
//! Screens: `list` (Buffer, Sent, Failed, Drafts) with `message` (the selected mail's tabs),
//! `compose`, `bulk` (Send invoices), `customers`, `templates`, `accounts`, `settings`. Every string comes from `locales/` through `t!`.

mod accounts;
mod bulk;
mod command;
mod compose;
mod customers;
mod file_picker;
mod frame;
mod jobs;
mod labels;
mod list;
mod logic;
mod message;
mod settings;
mod templates;
mod toasts;

use std::sync::Arc;
use std::time::Duration;

use eframe::egui;

use crate::config::{Paths, Settings, Theme};
use crate::model::{Message, MessageState};
use crate::sandbox::Sandbox;
use crate::store::Store;
use crate::t;
use crate::worker::{Waker, scanner, sender, stamper};

use command::Command;
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
    let tightened = paths.create()?;
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
    if let Ok(icon) = eframe::icon_data::from_png_bytes(include_bytes!("../assets/icon-256.png")) {
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
            for path in tightened {
                let path = path.display().to_string();
                app.toasts.info(t!("notice-tightened", path = path));
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
    pub stamper: Option<StamperHandle>,
    pub sandbox: Option<Sandbox>,
    pub settings: Settings,
    pub paths: Paths,
    /// Where "Save proof…" writes without asking (tests, scripts); `None`: the save dialog.
    pub proof_folder: Option<std::path::PathBuf>,
    /// Whether to try the desktop's file dialog first (false: Stempel's own picker at once).
    pub native_dialogs: bool,
}

/// The stamper thread's handle.
pub type StamperHandle = crate::worker::Handle<stamper::Command, stamper::Event>;

/// How often the stamper looks for due stamps on its own (retries come due in between).
const STAMP_INTERVAL: Duration = Duration::from_mins(5);

impl Services {
    /// Starts the workers and the sandbox for the data folder in `paths`.
    pub fn start(store: Store, paths: &Paths, settings: Settings, ctx: &egui::Context) -> Self {
        let waker = waker(ctx);
        let db = paths.database();
        let options = sender::Options {
            send_retries: true,
            ..sender::Options::default()
        };
        let sender = sender::spawn(db.clone(), options, waker.clone()).ok();
        let interval = Duration::from_secs(u64::from(settings.scan_interval_minutes.max(1)) * 60);
        let scanner = scanner::spawn(
            db.clone(),
            interval,
            scanner::Options::default(),
            waker.clone(),
        )
        .ok();
        let stamper = stamper::spawn(db, STAMP_INTERVAL, waker).ok();
        Self {
            store,
            sender,
            scanner,
            stamper,
            sandbox: Sandbox::start().ok(),
            settings,
            paths: paths.clone(),
            proof_folder: None,
            native_dialogs: true,
        }
    }
}

/// Wakes the window from another thread: a repaint, whose `logic` then drains the events.
fn waker(ctx: &egui::Context) -> Waker {
    let ctx = ctx.clone();
    Arc::new(move || ctx.request_repaint())
}

/// What fills the window beside the navigation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Screen {
    Mails(Folder),
    Compose,
    /// Send invoices: many files at once.
    Invoices,
    Customers,
    Templates,
    Accounts,
    Settings,
}

/// Progress of a send batch.
#[derive(Clone, Copy, Debug, Default)]
struct Progress {
    done: usize,
    total: usize,
}

/// The window's live state. The domain lives in the store; this holds what is on screen and
/// the handles to the workers.
pub struct StempelApp {
    store: Store,
    sender: Option<sender::Handle>,
    scanner: Option<scanner::Handle>,
    stamper: Option<StamperHandle>,
    sandbox: Option<Sandbox>,
    settings: Settings,
    paths: Paths,
    proof_folder: Option<std::path::PathBuf>,
    /// False once the desktop's file dialog failed to open: Stempel's own picker from then on.
    native_dialogs: bool,
    /// Stempel's own file picker, while open.
    picker: Option<file_picker::FilePicker>,
    /// Where the picker was last closed.
    picker_folder: Option<std::path::PathBuf>,
    jobs: jobs::Jobs,
    screen: Screen,
    list: list::MailList,
    selected: Option<Message>,
    tab: message::Tab,
    compose: compose::ComposeForm,
    accounts: accounts::AccountsScreen,
    bulk: bulk::BulkScreen,
    customers: customers::CustomersScreen,
    templates: templates::TemplatesScreen,
    counts: Vec<(MessageState, u64)>,
    sending: Option<Progress>,
    scanning: bool,
    last_check: Option<jiff::Timestamp>,
    /// The accounts whose last look for reports failed, with why (technical, for the tooltip).
    scan_failures: Vec<(String, String)>,
    /// Whether some account has IMAP settings (else there are no reports to look for).
    reports_possible: bool,
    toasts: toasts::Toasts,
    /// A resend or a deletion waiting for the user's yes.
    confirm: Option<command::Confirm>,
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
            stamper,
            sandbox,
            settings,
            paths,
            proof_folder,
            native_dialogs,
        } = services;
        let mut app = Self {
            store,
            sender,
            scanner,
            stamper,
            sandbox,
            settings,
            paths,
            proof_folder,
            native_dialogs,
            picker: None,
            picker_folder: None,
            jobs: jobs::Jobs::new(waker(ctx)),
            screen: Screen::Mails(Folder::Buffer),
            list: list::MailList::new(Folder::Buffer),
            selected: None,
            tab: message::Tab::Message,
            compose: compose::ComposeForm::default(),
            accounts: accounts::AccountsScreen::default(),
            bulk: bulk::BulkScreen::default(),
            customers: customers::CustomersScreen::default(),
            templates: templates::TemplatesScreen::default(),
            counts: Vec::new(),
            sending: None,
            scanning: false,
            last_check: None,
            scan_failures: Vec::new(),
            reports_possible: false,
            toasts: toasts::Toasts::default(),
            confirm: None,
            applied_theme: None,
        };
        app.refresh_sandbox_account();
        app.reload();
        // Look for reports once at start; then every interval (the scanner's own timer).
        app.handle(Command::CheckNow);
        // Receipts sent while the window was closed are kept and stamped now.
        app.stamp_due();
        app
    }

    /// Shows a named screen: `buffer`, `sent`, `failed`, `drafts` (a list), `sent-tab` or
    /// `delivery` (the newest sent mail on that tab), `failed-tab` (the newest failed mail),
    /// `compose` (an example mail), `accounts`, `settings`, `invoices` (`invoices=SHEET.csv`:
    /// with that sheet reviewed), `customers`, `templates`. Unknown names leave the Buffer.
    pub fn open_screen(&mut self, name: &str) {
        let newest = |app: &mut Self, folder: Folder, tab: message::Tab| {
            app.go(Screen::Mails(folder));
            if let Some(id) = app.list.first() {
                app.open(id);
                app.tab = tab;
            }
        };
        match name {
            "sent" => self.go(Screen::Mails(Folder::Sent)),
            "failed" => self.go(Screen::Mails(Folder::Failed)),
            "drafts" => self.go(Screen::Mails(Folder::Drafts)),
            "sent-tab" => newest(self, Folder::Sent, message::Tab::Sent),
            "delivery" => newest(self, Folder::Sent, message::Tab::Delivery),
            "failed-tab" => newest(self, Folder::Failed, message::Tab::Sent),
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
            "invoices" => self.go(Screen::Invoices),
            // A sheet to review at once (the screenshots of the review table).
            _ if name.starts_with("invoices=") => {
                self.go(Screen::Invoices);
                let sheet = std::path::PathBuf::from(&name["invoices=".len()..]);
                self.files_arrived(vec![sheet]);
            }
            "customers" => {
                self.go(Screen::Customers);
                if let Some(first) = self
                    .store
                    .customers()
                    .ok()
                    .and_then(|c| c.into_iter().next())
                {
                    self.customers.choose(&self.store, first);
                }
            }
            "templates" => {
                self.go(Screen::Templates);
                self.templates.choose("invoice", crate::i18n::language());
            }
            _ => self.go(Screen::Mails(Folder::Buffer)),
        }
    }

    /// Points an existing sandbox account at this run's sandbox port.
    fn refresh_sandbox_account(&mut self) {
        let Some(sandbox) = self.sandbox else { return };
        if self.store.account(crate::sandbox::ACCOUNT).is_ok()
            && let Err(e) = self.store.update_account(&sandbox.account())
        {
            self.toasts.error(e.localized());
        }
    }

    /// Re-reads the counts, the current list and the selected mail.
    fn reload(&mut self) {
        self.reports_possible = self
            .store
            .accounts()
            .is_ok_and(|a| a.iter().any(|a| a.imap.is_some()));
        match self.store.counts() {
            Ok(c) => self.counts = c,
            Err(e) => self.toasts.error(e.localized()),
        }
        if let Err(e) = self.list.reload(&self.store) {
            self.toasts.error(e.localized());
        }
        if let Some(id) = self.selected.as_ref().map(|m| m.id) {
            self.selected = self.store.message(id).ok();
        }
    }

    /// How many mails `folder` holds, from the counts read at the last reload.
    fn count(&self, folder: Folder) -> u64 {
        self.counts
            .iter()
            .filter(|(s, _)| folder.states().contains(s))
            .map(|(_, n)| n)
            .sum()
    }

    /// Whether "Send all" can start: something waits, no batch runs, the sender is there.
    fn can_send_all(&self) -> bool {
        self.count(Folder::Buffer) > 0 && self.sending.is_none() && self.sender.is_some()
    }

    /// Selects the mail `id` (one row by primary key), on the tab that fits its state.
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
            Err(e) => self.toasts.error(e.localized()),
        }
    }

    /// Changes the screen; a list or the accounts are read again when they come into view.
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
        match screen {
            Screen::Accounts => {
                self.accounts.reload(&self.store);
                self.check_passwords();
            }
            Screen::Invoices => self.bulk.reload(&self.store),
            Screen::Customers => self.customers.reload(&self.store),
            Screen::Templates => self.templates.reload(&self.store),
            Screen::Mails(_) | Screen::Compose | Screen::Settings => {}
        }
    }

    /// Asks the sender for `only` (or everything due); says so when it is not running.
    fn send(&mut self, only: Option<Vec<i64>>) {
        if self.sender.as_ref().is_some_and(|s| s.send_due(only)) {
            self.sending.get_or_insert_with(Progress::default);
        } else {
            self.toasts.error(t!("sender-not-running"));
        }
    }
}

impl eframe::App for StempelApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.run_logic(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }
}
