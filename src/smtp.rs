//! SMTP: the client that records the whole conversation, replies as data, explanations.
//!
//! `reply`, `explain` and `error` are plain data and pure functions; `client` does the I/O
//! (over the shared TLS policy in [`crate::tls`]).

pub mod client;
pub mod error;
pub mod explain;
pub mod reply;
