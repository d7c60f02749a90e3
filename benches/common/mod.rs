//! What several benchmarks share: the test mail servers' environment, an outbox of invoices.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)] // benchmark support

use std::collections::HashMap;

use stempel::model::Compose;
use stempel::outbox::{self, Destination};
use stempel::store::Store;

/// The environment `tests/mailserver/start.sh` wrote (`$STEMPEL_MAILSERVER_DIR/env`).
pub fn mail_server_env() -> HashMap<String, String> {
    let dir = std::env::var("STEMPEL_MAILSERVER_DIR")
        .unwrap_or_else(|_| "/tmp/stempel-mailserver".into());
    let text = std::fs::read_to_string(std::path::Path::new(&dir).join("env"))
        .expect("start the mail servers first: sudo tests/mailserver/start.sh");
    text.lines()
        .filter_map(|l| l.strip_prefix("export "))
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
}

/// Queues `count` invoice mails of about `size` bytes of text each from `account` to `to`.
pub fn queue_invoices(store: &mut Store, account: &str, to: &str, count: usize, size: usize) {
    let line = "Pozycja faktury 0123456789 abcdefghij klmnopqrstuvwxyz ABCDEFGHIJ 0123456789\n";
    let body = line.repeat(size / line.len());
    for i in 0..count {
        let compose = Compose {
            to: vec![to.to_owned()],
            subject: format!("Faktura {i}"),
            body_text: body.clone(),
            ..Compose::default()
        };
        outbox::submit(store, account, &compose, &[], Destination::Queue).unwrap();
    }
}
