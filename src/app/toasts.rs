//! Short messages for the user in the corner of the window: what a batch or a scan did, and
//! errors that have no better place. Each fades after a while (errors stay longer); they
//! are never the only record of anything, the store is.

use std::time::{Duration, Instant};

use eframe::egui;

/// One message and when it appeared.
struct Toast {
    text: String,
    error: bool,
    at: Instant,
}

/// The messages on screen, oldest first.
#[derive(Default)]
pub struct Toasts(Vec<Toast>);

impl Toasts {
    /// A message about something that went well.
    pub fn info(&mut self, text: impl Into<String>) {
        self.push(text.into(), false);
    }

    /// A message about something that went wrong, shown in the error colour.
    pub fn error(&mut self, text: impl Into<String>) {
        self.push(text.into(), true);
    }

    fn push(&mut self, text: String, error: bool) {
        self.0.push(Toast {
            text,
            error,
            at: Instant::now(),
        });
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Drops what has been shown long enough: 6 s, an error 12 s.
    pub fn expire(&mut self) {
        self.0
            .retain(|t| t.at.elapsed() < Duration::from_secs(if t.error { 12 } else { 6 }));
    }

    /// Draws the messages in the window's bottom right corner, above everything else.
    pub fn show(&self, ctx: &egui::Context) {
        if self.0.is_empty() {
            return;
        }
        egui::Area::new(egui::Id::unique("toasts"))
            .anchor(egui::Align2::RIGHT_BOTTOM, [-12.0, -12.0])
            .order(egui::Order::Foreground)
            .show(ctx, |ui| {
                for toast in &self.0 {
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
}
