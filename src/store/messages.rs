//! Mails: inserting drafts and queued mails, the user's state changes (queue, unqueue, send
//! again, delete), and reading a mail whole or a filtered list of them.

use std::fmt::Write as _;

use jiff::Timestamp;
use rusqlite::{OptionalExtension, params};

use super::list::push_search;
use super::{Result, Store, StoreError, now_ms, parse_state, state_in, transition_in, ts};
use crate::mail::Built;
use crate::model::{
    Attachment, Attempt, Compose, Delivery, DeliveryEvent, DeliveryState, Mailbox, Message,
    MessageState, Outcome, Recipient, RecipientKind,
};

/// A mail to insert: a draft when `built` is `None`, a queued mail otherwise.
pub struct NewMessage<'a> {
    pub account: &'a str,
    pub from: &'a Mailbox,
    pub compose: &'a Compose,
    pub recipients: &'a [(RecipientKind, String)],
    pub reply_to: Option<&'a str>,
    pub attachments: &'a [Attachment],
    pub message_id: &'a str,
    pub envelope_id: &'a str,
    pub built: Option<&'a Built>,
    /// The user means to send this invoice again: the check for one already sent is skipped.
    pub resend: bool,
}

/// Which mails [`Store::list`] returns.
#[derive(Clone, Debug, Default)]
pub struct ListFilter {
    pub state: Option<MessageState>,
    /// Matched against subject, sender and recipients (case-insensitive for ASCII).
    pub search: Option<String>,
    pub limit: Option<u32>,
}

impl Store {
    /// Inserts a draft (`built` is `None`) or a queued mail, with its recipients and attachment
    /// snapshots, in one transaction.
    pub fn insert_message(&mut self, m: &NewMessage<'_>) -> Result<i64> {
        self.insert_replacing(None, m)
    }

    /// Stores an edited mail in place of the draft `old`, in one transaction: the edit is
    /// either wholly there (with a new id) or not at all, and the old draft goes with it.
    pub fn replace_draft(&mut self, old: i64, m: &NewMessage<'_>) -> Result<i64> {
        self.insert_replacing(Some(old), m)
    }

    fn insert_replacing(&mut self, old: Option<i64>, m: &NewMessage<'_>) -> Result<i64> {
        let tx = self.write_tx()?;
        if let Some(old) = old {
            let state = state_in(&tx, old)?;
            if state != MessageState::Draft {
                return Err(StoreError::NotDeletable { id: old, state });
            }
            tx.execute("DELETE FROM messages WHERE id = ?1", [old])?;
        }
        let id = insert_in(&tx, m)?;
        tx.commit()?;
        Ok(id)
    }

    /// Starts a batch of mails stored together: all of them or none (see [`Batch`]).
    pub fn batch(&mut self) -> Result<Batch<'_>> {
        Ok(Batch {
            tx: self.write_tx()?,
        })
    }

    /// Moves a mail to `to`, refusing what the state machine does not allow. A draft enters
    /// the queue only through [`Store::queue_draft`], which stores its built bytes.
    pub fn transition(&mut self, id: i64, to: MessageState) -> Result<()> {
        let tx = self.write_tx()?;
        if state_in(&tx, id)? == MessageState::Draft && to == MessageState::Queued {
            return Err(StoreError::NotBuilt(id));
        }
        transition_in(&tx, id, to)?;
        tx.commit()?;
        Ok(())
    }

    /// Freezes a draft: stores its built bytes and puts it in the queue.
    pub fn queue_draft(&mut self, id: i64, built: &Built) -> Result<()> {
        let tx = self.write_tx()?;
        let from = state_in(&tx, id)?;
        if from != MessageState::Draft {
            return Err(StoreError::IllegalTransition {
                id,
                from,
                to: MessageState::Queued,
            });
        }
        // The bytes first: a queued mail without them is refused by the schema.
        let now = now_ms();
        tx.execute(
            "UPDATE messages SET sha256 = ?2, size = ?3, queued_at = ?4,
                next_attempt_at = ?4, attempt_count = 0, last_error = NULL WHERE id = ?1",
            params![id, built.sha256, built.bytes.len() as i64, now],
        )?;
        tx.execute(
            "INSERT OR REPLACE INTO bodies (message_id, raw) VALUES (?1, ?2)",
            params![id, built.bytes],
        )?;
        transition_in(&tx, id, MessageState::Queued)?;
        tx.commit()?;
        Ok(())
    }

    /// Takes a queued mail back to the drafts for editing; its frozen bytes are dropped.
    pub fn unqueue(&mut self, id: i64) -> Result<()> {
        let tx = self.write_tx()?;
        transition_in(&tx, id, MessageState::Draft)?;
        tx.execute(
            "UPDATE messages SET sha256 = NULL, size = NULL, queued_at = NULL,
                next_attempt_at = NULL WHERE id = ?1",
            [id],
        )?;
        tx.execute("DELETE FROM bodies WHERE message_id = ?1", [id])?;
        tx.commit()?;
        Ok(())
    }

    /// The user's "send again" for a failed or uncertain mail: queued, due now.
    pub fn requeue(&mut self, id: i64) -> Result<()> {
        let tx = self.write_tx()?;
        // Not through an account the user removed: nothing could send it.
        let removed: Option<String> = tx
            .query_row(
                "SELECT a.name FROM messages m JOIN accounts a ON a.id = m.account_id
                  WHERE m.id = ?1 AND a.removed_at IS NOT NULL",
                [id],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(name) = removed {
            return Err(StoreError::NoSuchAccount(name));
        }
        // A failed invoice whose copy went meanwhile is not sent a second time.
        if let Some((invoice, recipients)) = super::invoices::invoice_of(&tx, id)?
            && let Some(other) = super::invoices::invoice_sent_in(&tx, &invoice, &recipients, id)?
        {
            return Err(StoreError::InvoiceAlreadyQueued { invoice, id: other });
        }
        transition_in(&tx, id, MessageState::Queued)?;
        tx.execute(
            "UPDATE messages SET next_attempt_at = ?2, attempt_count = 0 WHERE id = ?1",
            params![id, now_ms()],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Deletes a draft or a queued mail; anything that may have left the machine stays.
    pub fn delete(&mut self, id: i64) -> Result<()> {
        let tx = self.write_tx()?;
        let state = state_in(&tx, id)?;
        // A failed mail whose earlier attempt broke after the end of the data, or that has a
        // report, may have arrived: that record is proof and stays.
        let may_have_arrived: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM attempts WHERE message_id = ?1
                              AND data_end_sent = 1 AND reply_code IS NULL)
                 OR EXISTS (SELECT 1 FROM delivery_events WHERE message_id = ?1)",
            [id],
            |r| r.get(0),
        )?;
        if !state.is_deletable() || (state == MessageState::Failed && may_have_arrived) {
            return Err(StoreError::NotDeletable { id, state });
        }
        tx.execute("DELETE FROM messages WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(())
    }

    /// The frozen bytes of a queued (or sent) mail.
    pub fn raw(&self, id: i64) -> Result<Option<Vec<u8>>> {
        self.conn
            .query_row(
                "SELECT b.raw FROM messages m LEFT JOIN bodies b ON b.message_id = m.id
                 WHERE m.id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or(StoreError::NoSuchMessage(id))
    }

    /// One mail with recipients, attachments, attempts (with transcripts) and events.
    pub fn message(&self, id: i64) -> Result<Message> {
        let mut m = self
            .conn
            .query_row(
                &format!("{MESSAGE_SELECT} WHERE m.id = ?1"),
                [id],
                message_row,
            )
            .optional()?
            .ok_or(StoreError::NoSuchMessage(id))??;
        self.fill(&mut m, true)?;
        m.stamp = self.stamp_status(id)?;
        Ok(m)
    }

    /// Mails matching `filter`, newest first, without transcripts.
    pub fn list(&self, filter: &ListFilter) -> Result<Vec<Message>> {
        let mut sql = format!("{MESSAGE_SELECT} WHERE 1 = 1");
        let mut args: Vec<Box<dyn rusqlite::ToSql>> = Vec::new();
        if let Some(state) = filter.state {
            args.push(Box::new(state.as_str()));
            let _ = write!(sql, " AND m.state = ?{}", args.len());
        }
        if let Some(search) = filter.search.as_deref() {
            push_search(&mut sql, &mut args, search);
        }
        sql.push_str(" ORDER BY m.created_at DESC, m.id DESC");
        if let Some(limit) = filter.limit {
            let _ = write!(sql, " LIMIT {limit}");
        }
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(
            rusqlite::params_from_iter(args.iter().map(AsRef::as_ref)),
            message_row,
        )?;
        let mut out = Vec::new();
        for row in rows {
            let mut m = row??;
            self.fill(&mut m, false)?;
            out.push(m);
        }
        Ok(out)
    }

    /// Number of mails per state.
    pub fn counts(&self) -> Result<Vec<(MessageState, u64)>> {
        let mut stmt = self
            .conn
            .prepare("SELECT state, COUNT(*) FROM messages GROUP BY state")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
        let mut out = Vec::new();
        for row in rows {
            let (s, n) = row?;
            out.push((parse_state(&s)?, n as u64));
        }
        Ok(out)
    }

    fn fill(&self, m: &mut Message, transcripts: bool) -> Result<()> {
        self.fill_recipients(m)?;
        self.fill_attachments(m)?;
        self.fill_attempts(m, transcripts)?;
        self.fill_events(m)
    }

    fn fill_recipients(&self, m: &mut Message) -> Result<()> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT address, kind, delivery_state, status, diagnostic, delivery_at
             FROM recipients WHERE message_id = ?1 ORDER BY position",
        )?;
        let rows = stmt.query_map([m.id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, Option<i64>>(5)?,
            ))
        })?;
        for row in rows {
            let (address, kind, state, status, diagnostic, at) = row?;
            m.recipients.push(Recipient {
                address,
                kind: RecipientKind::parse(&kind)
                    .ok_or_else(|| StoreError::Corrupt(format!("recipient kind {kind:?}")))?,
                delivery: Delivery {
                    state: DeliveryState::parse(&state)
                        .ok_or_else(|| StoreError::Corrupt(format!("delivery state {state:?}")))?,
                    status,
                    diagnostic,
                    at: ts(at),
                },
            });
        }
        Ok(())
    }

    /// A mail's attachment snapshots with their bytes (for editing a draft).
    pub fn attachments_with_data(&self, id: i64) -> Result<Vec<Attachment>> {
        self.attachments(id, true)
    }

    fn fill_attachments(&self, m: &mut Message) -> Result<()> {
        m.attachments = self.attachments(m.id, false)?;
        Ok(())
    }

    /// A mail's attachments in order; their bytes only when `with_data` (they can be large).
    fn attachments(&self, id: i64, with_data: bool) -> Result<Vec<Attachment>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT filename, mime_type, size, sha256, CASE WHEN ?2 THEN data ELSE X'' END
             FROM attachments WHERE message_id = ?1 ORDER BY position",
        )?;
        let rows = stmt.query_map(params![id, with_data], |r| {
            Ok(Attachment {
                filename: r.get(0)?,
                mime_type: r.get(1)?,
                size: r.get::<_, i64>(2)? as u64,
                sha256: r.get(3)?,
                data: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn fill_attempts(&self, m: &mut Message, transcripts: bool) -> Result<()> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, started_at, finished_at, server, tls_version, reply_code, enhanced_status,
                reply_text, queue_id, outcome, error, explanation, transcript, explanation_key,
                dsn_offered, peer_address, tls_cipher, cert_subject, cert_sha256, cert_verified
             FROM attempts WHERE message_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([m.id], |r| {
            Ok((
                Attempt {
                    id: r.get(0)?,
                    started_at: ts(r.get(1)?),
                    finished_at: ts(r.get(2)?),
                    server: r.get(3)?,
                    peer_address: r.get(15)?,
                    tls_version: r.get(4)?,
                    tls_cipher: r.get(16)?,
                    cert_subject: r.get(17)?,
                    cert_sha256: r.get(18)?,
                    cert_verified: r.get(19)?,
                    reply_code: r.get(5)?,
                    enhanced_status: r.get(6)?,
                    reply_text: r.get(7)?,
                    queue_id: r.get(8)?,
                    outcome: r
                        .get::<_, Option<String>>(9)?
                        .as_deref()
                        .and_then(Outcome::parse),
                    error: r.get(10)?,
                    explanation: r.get(11)?,
                    explanation_key: r.get(13)?,
                    dsn_offered: r.get(14)?,
                    transcript: Vec::new(),
                },
                r.get::<_, String>(12)?,
            ))
        })?;
        for row in rows {
            let (mut attempt, transcript) = row?;
            if transcripts {
                attempt.transcript = serde_json::from_str(&transcript)
                    .map_err(|e| StoreError::Corrupt(format!("transcript: {e}")))?;
            }
            m.attempts.push(attempt);
        }
        Ok(())
    }

    fn fill_events(&self, m: &mut Message) -> Result<()> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.id, r.address, e.kind, e.state, e.status, e.diagnostic, e.reported_at,
                e.matched_by, e.reporting_mta, e.remote_mta
             FROM delivery_events e LEFT JOIN recipients r ON r.id = e.recipient_id
             WHERE e.message_id = ?1 ORDER BY e.id",
        )?;
        let rows = stmt.query_map([m.id], |r| {
            let state: String = r.get(3)?;
            Ok((
                state,
                DeliveryEvent {
                    id: r.get(0)?,
                    recipient: r.get(1)?,
                    kind: r.get(2)?,
                    state: DeliveryState::Pending,
                    status: r.get(4)?,
                    diagnostic: r.get(5)?,
                    at: ts(r.get(6)?),
                    matched_by: r.get(7)?,
                    reporting_mta: r.get(8)?,
                    remote_mta: r.get(9)?,
                },
            ))
        })?;
        for row in rows {
            let (state, mut event) = row?;
            event.state = DeliveryState::parse(&state)
                .ok_or_else(|| StoreError::Corrupt(format!("event state {state:?}")))?;
            m.events.push(event);
        }
        Ok(())
    }
}

/// Many mails in one transaction: [`Batch::add`] each, then [`Batch::commit`]; dropped
/// without a commit, none of them is stored. Each mail's bytes can be dropped once it is added,
/// so a batch of a thousand invoices never holds them all in memory.
pub struct Batch<'a> {
    tx: rusqlite::Transaction<'a>,
}

impl Batch<'_> {
    /// Adds one mail, with the same checks as [`Store::insert_message`].
    pub fn add(&mut self, m: &NewMessage<'_>) -> Result<i64> {
        insert_in(&self.tx, m)
    }

    pub fn commit(self) -> Result<()> {
        Ok(self.tx.commit()?)
    }
}

/// Inserts one mail inside the caller's transaction.
fn insert_in(tx: &rusqlite::Transaction<'_>, m: &NewMessage<'_>) -> Result<i64> {
    let account_id: i64 = tx
        .prepare_cached("SELECT id FROM accounts WHERE name = ?1 AND removed_at IS NULL")?
        .query_row([m.account], |r| r.get(0))
        .optional()?
        .ok_or_else(|| StoreError::NoSuchAccount(m.account.to_owned()))?;
    let invoice = m
        .compose
        .invoice_number
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty());
    if let Some(invoice) = invoice
        && m.built.is_some()
        && !m.resend
        && let Some(id) = super::invoices::invoice_sent_in(tx, invoice, m.recipients, 0)?
    {
        return Err(StoreError::InvoiceAlreadyQueued {
            invoice: invoice.to_owned(),
            id,
        });
    }
    let now = now_ms();
    let state = if m.built.is_some() {
        MessageState::Queued
    } else {
        MessageState::Draft
    };
    tx.prepare_cached(
        "INSERT INTO messages (account_id, state, envelope_id, message_id, from_name, from_addr,
            reply_to, subject, notify_delivery, read_receipt, sha256,
            size, created_at, updated_at, queued_at, next_attempt_at, invoice_number)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13, ?14, ?14, ?15)",
    )?
    .execute(params![
        account_id,
        state.as_str(),
        m.envelope_id,
        m.message_id,
        m.from.name,
        m.from.address,
        m.reply_to,
        m.compose.subject,
        m.compose.notify_delivery,
        m.compose.read_receipt,
        m.built.map(|b| &b.sha256),
        m.built.map(|b| b.bytes.len() as i64),
        now,
        m.built.map(|_| now),
        invoice,
    ])?;
    let id = tx.last_insert_rowid();
    tx.prepare_cached("INSERT INTO texts (message_id, body_text, body_html) VALUES (?1, ?2, ?3)")?
        .execute(params![id, m.compose.body_text, m.compose.body_html])?;
    if let Some(b) = m.built {
        tx.prepare_cached("INSERT INTO bodies (message_id, raw) VALUES (?1, ?2)")?
            .execute(params![id, b.bytes])?;
    }
    let mut insert_recipient = tx.prepare_cached(
        "INSERT INTO recipients (message_id, position, kind, address) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (pos, (kind, address)) in m.recipients.iter().enumerate() {
        insert_recipient.execute(params![id, pos as i64, kind.as_str(), address])?;
    }
    let mut insert_attachment = tx.prepare_cached(
        "INSERT INTO attachments (message_id, position, filename, mime_type, size, sha256, data)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (pos, a) in m.attachments.iter().enumerate() {
        insert_attachment.execute(params![
            id,
            pos as i64,
            a.filename,
            a.mime_type,
            a.size as i64,
            a.sha256,
            a.data
        ])?;
    }
    Ok(id)
}

const MESSAGE_SELECT: &str = "SELECT m.id, a.name, m.state, m.message_id, m.envelope_id,
    m.subject, m.from_name, m.from_addr, m.reply_to, COALESCE(t.body_text, ''), m.notify_delivery,
    m.read_receipt, m.sha256, m.size, m.created_at, m.queued_at, m.sent_at, m.attempt_count,
    m.next_attempt_at, m.last_error, m.queue_id, m.settled_by, m.invoice_number
    FROM messages m JOIN accounts a ON a.id = m.account_id
    LEFT JOIN texts t ON t.message_id = m.id";

fn message_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Result<Message>> {
    let state: String = r.get(2)?;
    let state = match parse_state(&state) {
        Ok(s) => s,
        Err(e) => return Ok(Err(e)),
    };
    let from = Mailbox {
        name: r.get(6)?,
        address: r.get(7)?,
    };
    let created: i64 = r.get(14)?;
    Ok(Ok(Message {
        id: r.get(0)?,
        account: r.get(1)?,
        state,
        message_id: format!("<{}>", r.get::<_, String>(3)?),
        envelope_id: r.get(4)?,
        subject: r.get(5)?,
        from: from.to_string(),
        reply_to: r.get(8)?,
        invoice_number: r.get(22)?,
        body_text: r.get(9)?,
        notify_delivery: r.get(10)?,
        read_receipt: r.get(11)?,
        sha256: r.get(12)?,
        size: r.get::<_, Option<i64>>(13)?.map(|s| s as u64),
        created_at: ts(Some(created)).unwrap_or(Timestamp::UNIX_EPOCH),
        queued_at: ts(r.get(15)?),
        sent_at: ts(r.get(16)?),
        attempt_count: r.get(17)?,
        next_attempt_at: ts(r.get(18)?),
        last_error: r.get(19)?,
        queue_id: r.get(20)?,
        recipients: Vec::new(),
        attachments: Vec::new(),
        attempts: Vec::new(),
        events: Vec::new(),
        settled_by: r.get(21)?,
        stamp: None,
    }))
}
