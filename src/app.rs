//! The desktop window (eframe/egui). The only module that knows egui.
//!
//! Shape after rerun's viewer: the app owns the live state and the workers' handles; `logic`
//! drains worker events (time-boxed) every frame, `ui` draws and never blocks. The sender and the
//! scanner run on their own threads and wake the window through `request_repaint`. Lists are read
//! from the store when they change (a quick indexed read), not every frame.

use std::fmt::Write as _;
use std::sync::Arc;
use std::time::{Duration, Instant};

use eframe::egui;

use crate::config::{Paths, Settings};
use crate::model::{Dir, Message, MessageState, Outcome};
use crate::store::{ListFilter, Store};
use crate::worker::{scanner, sender};

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
    let store = Store::open(&paths.database())?;
    let settings = Settings::load(&paths.settings())?;
    let db = paths.database();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Stempel")
            .with_inner_size([1100.0, 720.0])
            .with_min_inner_size([720.0, 480.0]),
        ..eframe::NativeOptions::default()
    };
    eframe::run_native(
        "Stempel",
        options,
        Box::new(move |cc| {
            let ctx = cc.egui_ctx.clone();
            let waker: crate::worker::Waker = Arc::new(move || ctx.request_repaint());
            let sender = sender::spawn(db.clone(), sender::Options::default(), waker.clone()).ok();
            let interval =
                Duration::from_secs(u64::from(settings.scan_interval_minutes.max(1)) * 60);
            let scanner = scanner::spawn(db, interval, scanner::Options::default(), waker).ok();
            Ok(Box::new(StempelApp::new(store, sender, scanner)))
        }),
    )
    .map_err(|e| AppError::Window(e.to_string()))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum View {
    Buffer,
    Sent,
    Failed,
    Drafts,
}

impl View {
    const ALL: [Self; 4] = [Self::Buffer, Self::Sent, Self::Failed, Self::Drafts];

    fn label(self) -> &'static str {
        match self {
            Self::Buffer => "Buffer",
            Self::Sent => "Sent",
            Self::Failed => "Failed",
            Self::Drafts => "Drafts",
        }
    }

    fn states(self) -> &'static [MessageState] {
        match self {
            Self::Buffer => &[MessageState::Queued, MessageState::Sending],
            Self::Sent => &[MessageState::Sent],
            Self::Failed => &[MessageState::Failed, MessageState::Uncertain],
            Self::Drafts => &[MessageState::Draft],
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tab {
    Message,
    Sent,
    Delivery,
}

/// Progress of a send batch.
#[derive(Clone, Copy, Debug, Default)]
struct Progress {
    done: usize,
    total: usize,
}

pub struct StempelApp {
    store: Store,
    sender: Option<sender::Handle>,
    scanner: Option<scanner::Handle>,
    view: View,
    rows: Vec<Message>,
    counts: Vec<(MessageState, u64)>,
    selected: Option<Message>,
    tab: Tab,
    sending: Option<Progress>,
    scanning: bool,
    last_check: Option<jiff::Timestamp>,
    /// Short messages for the user, newest last, with when they appeared.
    toasts: Vec<(String, Instant)>,
    error: Option<String>,
}

impl StempelApp {
    #[must_use]
    pub fn new(
        store: Store,
        sender: Option<sender::Handle>,
        scanner: Option<scanner::Handle>,
    ) -> Self {
        let mut app = Self {
            store,
            sender,
            scanner,
            view: View::Buffer,
            rows: Vec::new(),
            counts: Vec::new(),
            selected: None,
            tab: Tab::Message,
            sending: None,
            scanning: false,
            last_check: None,
            toasts: Vec::new(),
            error: None,
        };
        app.reload();
        // Look for reports once at start; then every interval (the scanner's own timer).
        if let Some(s) = &app.scanner
            && s.scan_now(None)
        {
            app.scanning = true;
        }
        app
    }

    fn reload(&mut self) {
        let mut rows = Vec::new();
        let mut result = Ok(());
        for &state in self.view.states() {
            match self.store.list(&ListFilter {
                state: Some(state),
                search: None,
                limit: Some(500),
            }) {
                Ok(mut r) => rows.append(&mut r),
                Err(e) => result = Err(e),
            }
        }
        self.rows = rows;
        match result.and_then(|()| self.store.counts()) {
            Ok(counts) => {
                self.counts = counts;
                self.error = None;
            }
            Err(e) => self.error = Some(e.to_string()),
        }
        if let Some(id) = self.selected.as_ref().map(|m| m.id) {
            self.selected = self.store.message(id).ok();
        }
    }

    fn count(&self, view: View) -> u64 {
        self.counts
            .iter()
            .filter(|(s, _)| view.states().contains(s))
            .map(|(_, n)| n)
            .sum()
    }

    fn toast(&mut self, text: impl Into<String>) {
        self.toasts.push((text.into(), Instant::now()));
    }

    /// Worker events, drained for at most a few milliseconds per frame.
    fn drain_events(&mut self) {
        let deadline = Instant::now() + Duration::from_millis(5);
        let mut changed = false;
        while Instant::now() < deadline {
            let Some(event) = self.sender.as_ref().and_then(|s| s.events.try_recv().ok()) else {
                break;
            };
            match event {
                sender::Event::BatchStarted { total } => {
                    self.sending = Some(Progress { done: 0, total });
                }
                sender::Event::MailDone(r) => {
                    self.sending = Some(Progress {
                        done: r.index,
                        total: r.total,
                    });
                    if matches!(r.outcome, Outcome::Failed | Outcome::Uncertain) {
                        let why = r.explanation.map_or("", |e| e.meaning);
                        self.toast(format!("Mail {} was not sent: {why}", r.id));
                    }
                    changed = true;
                }
                sender::Event::BatchFinished(s) => {
                    self.sending = None;
                    if s.sent > 0 {
                        self.toast(format!("{} sent", s.sent));
                    }
                    changed = true;
                }
                sender::Event::Problem(p) => self.toast(p),
            }
        }
        while Instant::now() < deadline {
            let Some(event) = self.scanner.as_ref().and_then(|s| s.events.try_recv().ok()) else {
                break;
            };
            match event {
                scanner::Event::Started => self.scanning = true,
                scanner::Event::Finished {
                    summaries,
                    errors,
                    at,
                } => {
                    self.scanning = false;
                    self.last_check = Some(at);
                    let n: usize = summaries.iter().map(|s| s.changes.len()).sum();
                    if n > 0 {
                        self.toast(format!("{n} delivery reports received"));
                    }
                    for (account, e) in errors {
                        self.toast(format!("{account}: {e}"));
                    }
                    changed = true;
                }
                scanner::Event::Problem(p) => {
                    self.scanning = false;
                    self.toast(p);
                }
            }
        }
        if changed {
            self.reload();
        }
        self.toasts
            .retain(|(_, at)| at.elapsed() < Duration::from_secs(8));
    }

    fn top_bar(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            ui.heading("Stempel");
            ui.separator();
            let waiting = self.count(View::Buffer);
            ui.label(format!("{waiting} mails waiting"));
            let can_send = waiting > 0 && self.sending.is_none() && self.sender.is_some();
            if ui
                .add_enabled(can_send, egui::Button::new("Send all"))
                .clicked()
                && let Some(s) = &self.sender
                && s.send_due(None)
            {
                self.sending = Some(Progress::default());
            }
            if let Some(p) = self.sending {
                let fraction = if p.total == 0 {
                    0.0
                } else {
                    p.done as f32 / p.total as f32
                };
                ui.add(
                    egui::ProgressBar::new(fraction)
                        .desired_width(180.0)
                        .text(format!("{}/{}", p.done, p.total)),
                );
            }
            ui.separator();
            let checked = self.last_check.map_or_else(
                || "Bounces not checked yet".to_owned(),
                |t| format!("Bounces checked at {}", t.strftime("%H:%M")),
            );
            ui.label(checked);
            if ui
                .add_enabled(
                    !self.scanning && self.scanner.is_some(),
                    egui::Button::new("Check now"),
                )
                .clicked()
                && let Some(s) = &self.scanner
                && s.scan_now(None)
            {
                self.scanning = true;
            }
            if ui.button("Refresh").clicked() {
                self.reload();
            }
        });
    }

    fn list(&mut self, ui: &mut egui::Ui) {
        if let Some(e) = &self.error {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        if self.rows.is_empty() {
            ui.label("Nothing here");
            return;
        }
        let mut clicked = None;
        egui::ScrollArea::vertical()
            .id_salt("mail-list")
            .max_height(ui.available_height() * 0.45)
            .show(ui, |ui| {
                egui::Grid::new("mails").striped(true).show(ui, |ui| {
                    for header in ["", "Date", "To", "Subject", "Queue id", "Delivery"] {
                        ui.strong(header);
                    }
                    ui.end_row();
                    for m in &self.rows {
                        let selected = self.selected.as_ref().is_some_and(|s| s.id == m.id);
                        if ui.selectable_label(selected, m.state.as_str()).clicked() {
                            clicked = Some(m.id);
                        }
                        ui.label(m.created_at.strftime("%Y-%m-%d %H:%M").to_string());
                        let to: Vec<&str> =
                            m.recipients.iter().map(|r| r.address.as_str()).collect();
                        ui.label(to.join(", "));
                        if ui.selectable_label(selected, &m.subject).clicked() {
                            clicked = Some(m.id);
                        }
                        ui.monospace(m.queue_id.as_deref().unwrap_or(""));
                        let delivery: Vec<&str> = m
                            .recipients
                            .iter()
                            .map(|r| r.delivery.state.as_str())
                            .collect();
                        ui.label(delivery.join(", "));
                        ui.end_row();
                    }
                });
            });
        if let Some(id) = clicked {
            self.selected = self.store.message(id).ok();
            self.tab = if self.view == View::Sent || self.view == View::Failed {
                Tab::Sent
            } else {
                Tab::Message
            };
        }
    }

    fn detail(&mut self, ui: &mut egui::Ui) {
        let Some(m) = &self.selected else {
            ui.label("Select a mail to see it, its receipt and its delivery");
            return;
        };
        ui.horizontal(|ui| {
            ui.selectable_value(&mut self.tab, Tab::Message, "Message");
            ui.selectable_value(&mut self.tab, Tab::Sent, "Sent");
            ui.selectable_value(&mut self.tab, Tab::Delivery, "Delivery");
        });
        ui.separator();
        egui::ScrollArea::vertical()
            .id_salt("detail")
            .show(ui, |ui| match self.tab {
                Tab::Message => message_tab(ui, m),
                Tab::Sent => sent_tab(ui, m),
                Tab::Delivery => delivery_tab(ui, m),
            });
    }
}

fn field(ui: &mut egui::Ui, name: &str, value: &str) {
    ui.label(egui::RichText::new(name).weak());
    ui.label(value);
    ui.end_row();
}

fn message_tab(ui: &mut egui::Ui, m: &Message) {
    egui::Grid::new("message-fields")
        .num_columns(2)
        .show(ui, |ui| {
            field(ui, "From", &m.from);
            for r in &m.recipients {
                field(ui, &r.kind.as_str().to_uppercase(), &r.address);
            }
            field(ui, "Subject", &m.subject);
            field(ui, "Message-ID", &m.message_id);
            if let Some(sha) = &m.sha256 {
                field(ui, "SHA-256", sha);
            }
            for a in &m.attachments {
                field(
                    ui,
                    "Attachment",
                    &format!("{} ({} bytes, sha256 {})", a.filename, a.size, a.sha256),
                );
            }
        });
    ui.separator();
    ui.label(&m.body_text);
}

fn sent_tab(ui: &mut egui::Ui, m: &Message) {
    let Some(a) = m.attempts.last() else {
        ui.label("Not sent yet");
        return;
    };
    egui::Grid::new("receipt").num_columns(2).show(ui, |ui| {
        if let Some(t) = a.started_at {
            field(ui, "Date", &t.strftime("%Y-%m-%d %H:%M:%S UTC").to_string());
        }
        field(ui, "From", &m.from);
        let to: Vec<&str> = m.recipients.iter().map(|r| r.address.as_str()).collect();
        field(ui, "To", &to.join(", "));
        field(ui, "Subject", &m.subject);
        field(ui, "Server", a.server.as_deref().unwrap_or("-"));
        field(
            ui,
            "TLS",
            a.tls_version.as_deref().unwrap_or("not encrypted"),
        );
        if let (Some(s), Some(f)) = (a.started_at, a.finished_at) {
            field(
                ui,
                "Duration",
                &format!("{} ms", (f - s).get_milliseconds()),
            );
        }
        if let Some(code) = a.reply_code {
            let text = a.reply_text.as_deref().unwrap_or("");
            let status = a.enhanced_status.as_deref().unwrap_or("");
            let meaning = crate::smtp::explain::explain_reply(code, Some(status), text).meaning;
            field(ui, "Reply", &format!("{code} {status} {text}"));
            field(ui, "Meaning", &format!("{code}: {meaning}"));
        }
        field(ui, "Queue id", a.queue_id.as_deref().unwrap_or("-"));
        field(ui, "Status", m.state.as_str());
        if let Some(e) = &a.error {
            field(ui, "Error", e);
        }
        if let Some(e) = &a.explanation {
            field(ui, "What to do", e);
        }
    });
    ui.separator();
    let text = a.transcript.iter().fold(String::new(), |mut text, l| {
        let dir = match l.dir {
            Dir::Client => "C:",
            Dir::Server => "S:",
            Dir::Info => "--",
        };
        let _ = writeln!(text, "{:>6} ms {dir} {}", l.t_ms, l.line);
        text
    });
    ui.horizontal(|ui| {
        ui.strong("Transcript");
        if ui.button("Copy").clicked() {
            ui.ctx().copy_text(text.clone());
        }
    });
    ui.monospace(text);
}

fn delivery_tab(ui: &mut egui::Ui, m: &Message) {
    egui::Grid::new("delivery").striped(true).show(ui, |ui| {
        for header in ["Recipient", "State", "Status", "Details"] {
            ui.strong(header);
        }
        ui.end_row();
        for r in &m.recipients {
            ui.label(&r.address);
            ui.label(r.delivery.state.as_str());
            ui.label(r.delivery.status.as_deref().unwrap_or(""));
            ui.label(r.delivery.diagnostic.as_deref().unwrap_or(""));
            ui.end_row();
        }
    });
    ui.separator();
    for e in &m.events {
        ui.label(format!(
            "{} {} {} ({}, matched by {})",
            e.recipient.as_deref().unwrap_or("-"),
            e.state.as_str(),
            e.status.as_deref().unwrap_or(""),
            e.kind,
            e.matched_by
        ));
    }
}

impl eframe::App for StempelApp {
    fn logic(&mut self, _ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.drain_events();
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::Panel::top("top").show(ui, |ui| self.top_bar(ui));
        if !self.toasts.is_empty() {
            egui::Panel::bottom("toasts").show(ui, |ui| {
                for (t, _) in &self.toasts {
                    ui.label(t);
                }
            });
        }
        egui::Panel::left("nav").show(ui, |ui| {
            ui.label(egui::RichText::new("E-mails").strong());
            for view in View::ALL {
                let text = format!("{} ({})", view.label(), self.count(view));
                if ui.selectable_label(self.view == view, text).clicked() && self.view != view {
                    self.view = view;
                    self.reload();
                }
            }
        });
        egui::CentralPanel::default().show(ui, |ui| {
            self.list(ui);
            ui.separator();
            self.detail(ui);
        });
        if self.sending.is_some() || self.scanning || !self.toasts.is_empty() {
            ui.ctx().request_repaint_after(Duration::from_millis(250));
        }
    }
}
