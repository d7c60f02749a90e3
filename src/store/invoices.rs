//! The invoice-number rule: the same invoice does not go twice to the same address without the
//! user's say. `insert_in` (one mail, or each mail of a batch) and `requeue` ask
//! [`invoice_sent_in`] inside their own transaction; the review of a batch asks
//! [`Store::invoice_sent_to`] before anything is stored.

use rusqlite::{OptionalExtension, params};

use super::{Result, Store};
use crate::model::RecipientKind;

impl Store {
    /// The mails that carried an invoice number, oldest first: the original, resends,
    /// reminders.
    pub fn invoice_mail_ids(&self, invoice: &str) -> Result<Vec<i64>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id FROM messages WHERE invoice_number = ?1 ORDER BY id")?;
        let rows = stmt.query_map([invoice.trim()], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The first mail on its way or gone that carried `invoice` to `address`.
    pub fn invoice_sent_to(&self, invoice: &str, address: &str) -> Result<Option<i64>> {
        invoice_sent_in(
            &self.conn,
            invoice.trim(),
            &[(RecipientKind::To, address.to_owned())],
            0,
        )
    }
}

/// A mail's recipients as the duplicate check takes them.
type Recipients = Vec<(RecipientKind, String)>;

/// A mail's invoice number and recipients, when it carries one.
pub(super) fn invoice_of(
    tx: &rusqlite::Transaction<'_>,
    id: i64,
) -> Result<Option<(String, Recipients)>> {
    let invoice: Option<String> = tx
        .query_row(
            "SELECT invoice_number FROM messages WHERE id = ?1",
            [id],
            |r| r.get(0),
        )
        .optional()?
        .flatten();
    let Some(invoice) = invoice else {
        return Ok(None);
    };
    let mut stmt = tx.prepare_cached(
        "SELECT kind, address FROM recipients WHERE message_id = ?1 ORDER BY position",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
    })?;
    let mut recipients = Vec::new();
    for row in rows {
        let (kind, address) = row?;
        if let Some(kind) = RecipientKind::parse(&kind) {
            recipients.push((kind, address));
        }
    }
    Ok(Some((invoice, recipients)))
}

/// The first mail that carried `invoice` to any of `recipients` (To or Cc; addresses compared
/// without case) and is on its way or gone: queued, sending, sent or uncertain. A draft has
/// not left, and a failed mail was refused, so fixing it and sending it again is not a
/// second invoice.
/// `except` is a mail not to count (the one being sent again), 0 for none.
pub(super) fn invoice_sent_in(
    conn: &rusqlite::Connection,
    invoice: &str,
    recipients: &[(RecipientKind, String)],
    except: i64,
) -> Result<Option<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT m.id FROM messages m JOIN recipients r ON r.message_id = m.id
          WHERE m.invoice_number = ?1 AND m.state NOT IN ('draft', 'failed') AND r.kind != 'bcc'
            AND r.address = ?2 COLLATE NOCASE AND m.id != ?3
          ORDER BY m.id LIMIT 1",
    )?;
    for (kind, address) in recipients {
        if *kind == RecipientKind::Bcc {
            continue;
        }
        if let Some(id) = stmt
            .query_row(params![invoice, address, except], |r| r.get(0))
            .optional()?
        {
            return Ok(Some(id));
        }
    }
    Ok(None)
}
