//! SMTP: the client that records the whole conversation, replies as data, explanations.
//!
//! `reply` and `explain` are pure; `client` does the I/O; `tls` is the shared TLS policy.

pub mod client;
pub mod error;
pub mod explain;
pub mod reply;
pub mod tls;
