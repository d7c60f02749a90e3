//! Stempel: send invoices by e-mail and keep the mail server's own receipt for each.
//!
//! The layers and what may import what are in ARCHITECTURE.md ("Layers"); `tests/layers.rs`
//! checks them.

#[cfg(feature = "gui")]
pub mod app;
pub mod bounce;
pub mod bulk;
pub mod cli;
pub mod config;
pub mod i18n;
pub mod imap;
pub mod mail;
pub mod model;
pub mod outbox;
pub mod presets;
pub mod proof;
pub mod sandbox;
pub mod secrets;
pub mod smtp;
pub mod store;
pub mod template;
pub mod text;
pub mod timestamp;
pub mod tls;
pub mod tsa;
pub mod worker;
