//! Background workers: they take commands over a bounded channel, send events back, and wake
//! whoever listens (the window's repaint, or nothing for the CLI) through a [`Waker`].
//! Workers know no egui; the CLI runs the same workers as the window.

pub mod scanner;
pub mod sender;

use std::sync::Arc;

/// Called after every event a worker sends, e.g. `egui::Context::request_repaint`.
pub type Waker = Arc<dyn Fn() + Send + Sync>;

/// A waker that does nothing (the CLI polls its channel).
#[must_use]
pub fn no_waker() -> Waker {
    Arc::new(|| {})
}
