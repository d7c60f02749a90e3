//! Delivery reports: finding the mail a report is about, storing it once, and the scanner's
//! position in each folder.

use jiff::Timestamp;
use rusqlite::{OptionalExtension, params};

use super::{Result, Store, StoreError, now_ms, state_in, transition_in, ts};
use crate::model::{DeliveryState, MessageState};

/// A report matched to a mail, for [`Store::add_delivery_event`].
#[derive(Clone, Debug)]
pub struct NewDeliveryEvent<'a> {
    pub message: i64,
    pub recipient: Option<&'a str>,
    pub kind: &'a str,
    pub state: DeliveryState,
    pub status: Option<&'a str>,
    pub diagnostic: Option<&'a str>,
    pub reporting_mta: Option<&'a str>,
    pub remote_mta: Option<&'a str>,
    pub reported_at: Option<Timestamp>,
    pub matched_by: &'a str,
    pub raw: &'a [u8],
}

impl Store {
    /// The mail Stempel sent with this envelope id (ENVID), if any.
    pub fn find_by_envelope_id(&self, envelope_id: &str) -> Result<Option<i64>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id FROM messages WHERE envelope_id = ?1
                   AND (sent_at IS NOT NULL OR state = 'uncertain')",
                [envelope_id.trim()],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// The sent mail with this Message-ID (with or without angle brackets), if any.
    pub fn find_by_message_id(&self, message_id: &str) -> Result<Option<i64>> {
        let id = message_id
            .trim()
            .trim_start_matches('<')
            .trim_end_matches('>');
        Ok(self
            .conn
            .query_row(
                "SELECT id FROM messages WHERE message_id = ?1
                   AND (sent_at IS NOT NULL OR state = 'uncertain')",
                [id],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// The latest mail sent to `recipient` between `after` and `before`: the fallback match
    /// for reports that name neither an envelope id nor a Message-ID.
    pub fn find_probable(
        &self,
        recipient: &str,
        after: Timestamp,
        before: Timestamp,
    ) -> Result<Option<i64>> {
        Ok(self
            .conn
            .query_row(
                "SELECT m.id FROM messages m JOIN recipients r ON r.message_id = m.id
                 WHERE lower(r.address) = lower(?1) AND m.sent_at BETWEEN ?2 AND ?3
                 ORDER BY m.sent_at DESC LIMIT 1",
                params![recipient, after.as_millisecond(), before.as_millisecond()],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// When the account's oldest sent mail went out (where a first scan starts).
    pub fn oldest_sent(&self, account: &str) -> Result<Option<Timestamp>> {
        let ms: Option<i64> = self.conn.query_row(
            "SELECT MIN(m.sent_at) FROM messages m JOIN accounts a ON a.id = m.account_id
             WHERE a.name = ?1",
            [account],
            |r| r.get(0),
        )?;
        Ok(ts(ms))
    }

    /// The scanner's position in a folder: `(uidvalidity, last_uid)`.
    pub fn scan_state(&self, account: &str, folder: &str) -> Result<Option<(u32, u32)>> {
        Ok(self
            .conn
            .query_row(
                "SELECT s.uidvalidity, s.last_uid FROM scan_state s
                 JOIN accounts a ON a.id = s.account_id WHERE a.name = ?1 AND s.folder = ?2",
                [account, folder],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    }

    pub fn set_scan_state(
        &mut self,
        account: &str,
        folder: &str,
        uidvalidity: u32,
        last_uid: u32,
    ) -> Result<()> {
        let tx = self.write_tx()?;
        let account_id: i64 = tx
            .query_row("SELECT id FROM accounts WHERE name = ?1", [account], |r| {
                r.get(0)
            })
            .optional()?
            .ok_or_else(|| StoreError::NoSuchAccount(account.to_owned()))?;
        tx.execute(
            "INSERT INTO scan_state (account_id, folder, uidvalidity, last_uid) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (account_id, folder) DO UPDATE SET uidvalidity = ?3, last_uid = ?4",
            params![account_id, folder, uidvalidity, last_uid],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Stores a matched report and updates the recipient's state. Idempotent: the same report
    /// for the same recipient is stored once; returns whether it was new.
    pub fn add_delivery_event(&mut self, e: &NewDeliveryEvent<'_>) -> Result<bool> {
        let tx = self.write_tx()?;
        let recipient_id: Option<i64> = match e.recipient {
            Some(addr) => tx
                .query_row(
                    "SELECT id FROM recipients WHERE message_id = ?1 AND lower(address) = lower(?2)
                     ORDER BY position LIMIT 1",
                    params![e.message, addr],
                    |r| r.get(0),
                )
                .optional()?,
            None => None,
        };
        let digest = crate::mail::sha256_hex(e.raw);
        let inserted = tx.execute(
            "INSERT OR IGNORE INTO delivery_events (message_id, recipient_id, kind, state, status,
                diagnostic, reporting_mta, remote_mta, reported_at, matched_by, report_sha256, raw,
                created_at)
             SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13
             WHERE NOT EXISTS (SELECT 1 FROM delivery_events WHERE report_sha256 = ?11
                               AND recipient_id IS ?2)",
            params![
                e.message,
                recipient_id,
                e.kind,
                e.state.as_str(),
                e.status,
                e.diagnostic,
                e.reporting_mta,
                e.remote_mta,
                e.reported_at.map(Timestamp::as_millisecond),
                e.matched_by,
                digest,
                e.raw,
                now_ms(),
            ],
        )? == 1;
        let current: Option<String> = match recipient_id {
            Some(rid) => tx
                .query_row(
                    "SELECT delivery_state FROM recipients WHERE id = ?1",
                    [rid],
                    |r| r.get(0),
                )
                .optional()?,
            None => None,
        };
        let advances = current
            .as_deref()
            .and_then(DeliveryState::parse)
            .is_none_or(|c| e.state.rank() >= c.rank());
        // A report tied to an uncertain mail by its own ids proves the server had the mail:
        // it is sent, settled by this report (a "probable" match proves nothing).
        if inserted
            && e.matched_by != "probable"
            && state_in(&tx, e.message)? == MessageState::Uncertain
        {
            let event = tx.last_insert_rowid();
            transition_in(&tx, e.message, MessageState::Sent)?;
            tx.execute(
                "UPDATE messages SET sent_at = COALESCE(
                        (SELECT MAX(finished_at) FROM attempts WHERE message_id = ?1), ?3),
                    settled_by = ?2, last_error = NULL WHERE id = ?1",
                params![e.message, event, now_ms()],
            )?;
            super::stamps::want_stamp_in(&tx, e.message)?;
        }
        if inserted
            && advances
            && let Some(rid) = recipient_id
        {
            tx.execute(
                "UPDATE recipients SET delivery_state = ?2, status = ?3, diagnostic = ?4,
                    delivery_at = ?5 WHERE id = ?1",
                params![
                    rid,
                    e.state.as_str(),
                    e.status,
                    e.diagnostic,
                    e.reported_at.map_or_else(now_ms, Timestamp::as_millisecond),
                ],
            )?;
        }
        tx.commit()?;
        Ok(inserted)
    }
}
