//! Stempel: send invoices by e-mail and keep the mail server's own receipt for each.
//!
//! Layers, imports pointing down only:
//! fronts (`app`, `cli`) → workers (`outbox`) → protocol and store (`store`, `mail`) →
//! plain data and pure parts (`model`, `config`, `secrets`). See ARCHITECTURE.md.

#[cfg(feature = "gui")]
pub mod app;
pub mod bounce;
pub mod cli;
pub mod config;
pub mod i18n;
pub mod imap;
pub mod mail;
pub mod model;
pub mod outbox;
pub mod presets;
pub mod sandbox;
pub mod secrets;
pub mod smtp;
pub mod store;
pub mod worker;
