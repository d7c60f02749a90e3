//! Sample data for benchmarks and demonstrations: many sent mails in one transaction.

use jiff::Timestamp;
use rusqlite::params;

use super::{Result, Store, StoreError};

impl Store {
    /// Adds `count` mails from `account`, already sent with a receipt, spread over the days
    /// before `now`, with one or two recipients each (some delivered, some bounced, some read).
    /// One transaction; for the window benchmark and screenshots, never for real mail.
    pub fn seed_sent(&mut self, account: &str, count: u32, now: Timestamp) -> Result<()> {
        let tx = self.write_tx()?;
        let (account_id, from): (i64, String) = tx
            .query_row(
                "SELECT id, from_addr FROM accounts WHERE name = ?1",
                [account],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map_err(|_| StoreError::NoSuchAccount(account.to_owned()))?;
        let start = now.as_millisecond();
        {
            let mut message = tx.prepare(
                "INSERT INTO messages (account_id, state, envelope_id, message_id, from_addr,
                    subject, sha256, size, created_at, updated_at, queued_at, sent_at,
                    attempt_count, queue_id)
                 VALUES (?1, 'sent', ?2, ?3, ?4, ?5, ?6, 2048, ?7, ?7, ?7, ?7, 1, ?8)",
            )?;
            let mut text = tx.prepare(
                "INSERT INTO texts (message_id, body_text) VALUES (?1, 'Faktura w załączniku.')",
            )?;
            let mut recipient = tx.prepare(
                "INSERT INTO recipients (message_id, position, kind, address, delivery_state)
                 VALUES (?1, ?2, 'to', ?3, ?4)",
            )?;
            for i in 0..count {
                // Three minutes apart, newest first.
                let at = start - i64::from(i) * 180_000;
                let n = i + 1;
                message.execute(params![
                    account_id,
                    format!("seed-{n}"),
                    format!("seed-{n}@stempel.invalid"),
                    from,
                    format!(
                        "Faktura FV/{}/{:05} — usługi księgowe",
                        2026 - i / 50_000,
                        n
                    ),
                    format!("{:064x}", u64::from(n)),
                    at,
                    format!("4F{n:08X}"),
                ])?;
                let id = tx.last_insert_rowid();
                text.execute([id])?;
                let state = match n % 10 {
                    0 => "bounced",
                    1..=3 => "accepted",
                    4 => "read",
                    _ => "delivered",
                };
                recipient.execute(params![
                    id,
                    0,
                    format!("klient{}@firma{}.pl", n % 997, n % 89),
                    state
                ])?;
                if n % 3 == 0 {
                    recipient.execute(params![
                        id,
                        1,
                        format!("ksiegowosc@firma{}.cz", n % 89),
                        "accepted"
                    ])?;
                }
            }
        }
        tx.commit()?;
        Ok(())
    }
}
