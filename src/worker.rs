//! Background workers: they take commands over a bounded channel, send events back, and wake
//! whoever listens (the window's repaint, or nothing for the CLI) through a [`Waker`].
//! Workers know no egui; the CLI runs the same workers as the window.
//!
//! [`Handle`] is the caller's side of any worker thread: `ask` never blocks, and dropping the
//! handle asks the thread to stop and waits for it.

pub mod evidence;
pub mod scanner;
pub mod sender;
pub mod stamper;

use std::sync::Arc;
use std::sync::mpsc::{Receiver, SyncSender, TrySendError, sync_channel};
use std::thread::JoinHandle;

/// Called after every event a worker sends, e.g. `egui::Context::request_repaint`.
pub type Waker = Arc<dyn Fn() + Send + Sync>;

/// A waker that does nothing (the CLI polls its channel).
#[must_use]
pub fn no_waker() -> Waker {
    Arc::new(|| {})
}

/// A worker's command set: the one every worker has is the request to stop.
pub trait WorkerCommand: Send + 'static {
    /// The command that ends the worker's loop.
    fn shutdown() -> Self;
}

/// The worker's side of the event channel: sends an event and wakes the listener.
pub struct Emitter<E> {
    events: SyncSender<E>,
    waker: Waker,
}

impl<E> Emitter<E> {
    /// Sends `event` (waiting while the channel is full) and wakes the listener. A listener
    /// that is gone (the front closed) has nothing left to be told.
    pub fn emit(&self, event: E) {
        let _ = self.events.send(event);
        (self.waker)();
    }
}

/// The caller's side of a running worker thread.
pub struct Handle<C: WorkerCommand, E> {
    commands: SyncSender<C>,
    /// What the worker reports, in order.
    pub events: Receiver<E>,
    thread: Option<JoinHandle<()>>,
}

impl<C: WorkerCommand, E: Send + 'static> Handle<C, E> {
    /// Starts `body` on a thread named `name` with bounded channels of the given sizes.
    pub fn spawn(
        name: &str,
        (commands_bound, events_bound): (usize, usize),
        waker: Waker,
        body: impl FnOnce(Receiver<C>, Emitter<E>) + Send + 'static,
    ) -> std::io::Result<Self> {
        let (commands, command_rx) = sync_channel(commands_bound);
        let (event_tx, events) = sync_channel(events_bound);
        let emitter = Emitter {
            events: event_tx,
            waker,
        };
        let thread = std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || body(command_rx, emitter))?;
        Ok(Self {
            commands,
            events,
            thread: Some(thread),
        })
    }

    /// Hands the worker a command without blocking; `false` when the worker is gone. A full
    /// channel counts as asked: the same work is already waiting.
    pub fn ask(&self, command: C) -> bool {
        match self.commands.try_send(command) {
            Ok(()) | Err(TrySendError::Full(_)) => true,
            Err(TrySendError::Disconnected(_)) => false,
        }
    }
}

impl<C: WorkerCommand, E> Drop for Handle<C, E> {
    fn drop(&mut self) {
        // The channel may be full of earlier commands: then the shutdown does not fit, but
        // dropping our sender disconnects it, which ends the worker's loop once it drains.
        let (closed, _) = sync_channel(0);
        let commands = std::mem::replace(&mut self.commands, closed);
        let _ = commands.try_send(C::shutdown());
        drop(commands);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}
