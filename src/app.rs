//! The desktop window (eframe/egui). The only module that knows egui.
//!
//! For now the window shows the E-mails module read-only: the buffer, sent, failed and drafts
//! lists from the store. `ui()` never blocks: the lists are read when the view changes (a quick
//! indexed read), not every frame.

use eframe::egui;

use crate::config::Paths;
use crate::model::{Message, MessageState};
use crate::store::{ListFilter, Store};

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
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Stempel")
            .with_inner_size([1000.0, 680.0])
            .with_min_inner_size([640.0, 400.0]),
        ..eframe::NativeOptions::default()
    };
    eframe::run_native(
        "Stempel",
        options,
        Box::new(|_cc| Ok(Box::new(StempelApp::new(store)))),
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

pub struct StempelApp {
    store: Store,
    view: View,
    rows: Vec<Message>,
    counts: Vec<(MessageState, u64)>,
    error: Option<String>,
}

impl StempelApp {
    #[must_use]
    pub fn new(store: Store) -> Self {
        let mut app = Self {
            store,
            view: View::Buffer,
            rows: Vec::new(),
            counts: Vec::new(),
            error: None,
        };
        app.reload();
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
    }

    fn count(&self, view: View) -> u64 {
        self.counts
            .iter()
            .filter(|(s, _)| view.states().contains(s))
            .map(|(_, n)| n)
            .sum()
    }
}

impl eframe::App for StempelApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::Panel::top("top").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.heading("Stempel");
                ui.separator();
                ui.label(format!("{} mails waiting", self.count(View::Buffer)));
                if ui.button("Refresh").clicked() {
                    self.reload();
                }
            });
        });
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
            if let Some(e) = &self.error {
                ui.colored_label(ui.visuals().error_fg_color, e);
            }
            if self.rows.is_empty() {
                ui.label("Nothing here");
                return;
            }
            egui::ScrollArea::vertical().show(ui, |ui| {
                egui::Grid::new("mails").striped(true).show(ui, |ui| {
                    for m in &self.rows {
                        ui.label(m.state.as_str());
                        ui.label(m.created_at.strftime("%Y-%m-%d %H:%M").to_string());
                        ui.label(
                            m.recipients
                                .iter()
                                .map(|r| r.address.as_str())
                                .collect::<Vec<_>>()
                                .join(", "),
                        );
                        ui.label(&m.subject);
                        ui.label(m.queue_id.as_deref().unwrap_or(""));
                        ui.end_row();
                    }
                });
            });
        });
    }
}
