//! Time stamps: the receipt kept as it stood right after sending, and the authority's token
//! over it (or why there is none yet, and when to try again).

use jiff::Timestamp;
use rusqlite::{OptionalExtension, Transaction, params};

use super::{Result, Store, ts};
use crate::model::StampStatus;

/// The stored bytes of a stamp, for the evidence file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KeptStamp {
    /// `receipt-at-send.json`.
    pub receipt: Option<Vec<u8>>,
    /// The authority's reply over it (`receipt-at-send.json.tsr`).
    pub token: Option<Vec<u8>>,
}

/// Marks `message` as wanting its receipt kept and stamped (inside the transaction that makes
/// it sent).
pub(super) fn want_stamp_in(tx: &Transaction<'_>, message: i64) -> Result<()> {
    tx.prepare_cached("INSERT OR IGNORE INTO stamps (message_id) VALUES (?1)")?
        .execute([message])?;
    Ok(())
}

impl Store {
    /// Sent mails whose receipt is not kept yet, and, when `stamping`, those without a token
    /// whose next try is due at `now`; oldest first.
    pub fn stamps_due(&self, now: Timestamp, stamping: bool, limit: usize) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT message_id FROM stamps
             WHERE receipt IS NULL
                OR (?1 AND token IS NULL AND COALESCE(next_try_at, 0) <= ?2)
             ORDER BY message_id LIMIT ?3",
        )?;
        let rows = stmt.query_map(params![stamping, now.as_millisecond(), limit as i64], |r| {
            r.get(0)
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Keeps `receipt` as the mail's receipt at send time. Written once: a receipt already
    /// kept is never replaced (returns `false` then).
    pub fn keep_receipt_at_send(&mut self, message: i64, receipt: &[u8]) -> Result<bool> {
        let changed = self.conn.execute(
            "UPDATE stamps SET receipt = ?2, receipt_sha256 = ?3
             WHERE message_id = ?1 AND receipt IS NULL",
            params![message, receipt, crate::mail::sha256_hex(receipt)],
        )?;
        Ok(changed == 1)
    }

    /// Stores a checked token over the kept receipt.
    pub fn keep_stamp_token(
        &mut self,
        message: i64,
        tsa_url: &str,
        token: &[u8],
        stamped_at: Timestamp,
        authority: &str,
    ) -> Result<()> {
        self.conn.execute(
            "UPDATE stamps SET token = ?2, tsa_url = ?3, stamped_at = ?4, tsa_name = ?5,
                tries = tries + 1, last_error = NULL, next_try_at = NULL
             WHERE message_id = ?1 AND token IS NULL AND receipt IS NOT NULL",
            params![
                message,
                token,
                tsa_url,
                stamped_at.as_millisecond(),
                authority
            ],
        )?;
        Ok(())
    }

    /// Records a try that gave no token: why, and when to try again; the number of tries so
    /// far (`None`: stamped meanwhile by another process, or the mail is gone). The mail itself
    /// is not touched.
    pub fn stamp_failed(
        &mut self,
        message: i64,
        tsa_url: &str,
        error: &str,
        next_try_at: Timestamp,
    ) -> Result<Option<u32>> {
        Ok(self.conn.query_row(
            "UPDATE stamps SET tries = tries + 1, tsa_url = ?2, last_error = ?3, next_try_at = ?4
             WHERE message_id = ?1 AND token IS NULL RETURNING tries",
            params![
                message,
                tsa_url,
                crate::text::cut(error, 500),
                next_try_at.as_millisecond()
            ],
            |r| r.get(0),
        )
        .optional()?)
    }

    /// Where the mail's stamp stands (`None`: the mail was never sent).
    pub fn stamp_status(&self, message: i64) -> Result<Option<StampStatus>> {
        Ok(self
            .conn
            .query_row(
                "SELECT receipt IS NOT NULL, receipt_sha256, stamped_at, tsa_name, tsa_url, tries,
                    last_error, next_try_at
                 FROM stamps WHERE message_id = ?1",
                [message],
                |r| {
                    Ok(StampStatus {
                        receipt_kept: r.get(0)?,
                        receipt_sha256: r.get(1)?,
                        stamped_at: ts(r.get(2)?),
                        authority: r.get(3)?,
                        tsa_url: r.get(4)?,
                        tries: r.get(5)?,
                        last_error: r.get(6)?,
                        next_try_at: ts(r.get(7)?),
                    })
                },
            )
            .optional()?)
    }

    /// The kept receipt and token bytes.
    pub fn kept_stamp(&self, message: i64) -> Result<KeptStamp> {
        Ok(self
            .conn
            .query_row(
                "SELECT receipt, token FROM stamps WHERE message_id = ?1",
                [message],
                |r| {
                    Ok(KeptStamp {
                        receipt: r.get(0)?,
                        token: r.get(1)?,
                    })
                },
            )
            .optional()?
            .unwrap_or_default())
    }
}
