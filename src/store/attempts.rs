//! Attempts: claiming due mails, the data-end mark, the receipt of each attempt, and the
//! recovery of mails an interrupted run left in *sending*.

use jiff::Timestamp;
use rusqlite::{OptionalExtension, Transaction, params};

use super::{Result, Store, StoreError, now_ms, state_in, transition_in, ts};
use crate::model::{DeliveryState, MessageState, Outcome, TranscriptLine};

/// What the sender learnt in one attempt, to be stored as the receipt.
#[derive(Clone, Debug, Default)]
pub struct AttemptRecord {
    pub server: Option<String>,
    pub peer_address: Option<String>,
    pub tls_version: Option<String>,
    pub tls_cipher: Option<String>,
    pub cert_subject: Option<String>,
    pub cert_sha256: Option<String>,
    pub cert_verified: Option<bool>,
    /// Whether the server offered DSN: without it no delivery report is asked for, and the
    /// receipt says so.
    pub dsn_offered: Option<bool>,
    pub reply_code: Option<u16>,
    pub enhanced_status: Option<String>,
    pub reply_text: Option<String>,
    pub queue_id: Option<String>,
    pub error: Option<String>,
    pub explanation: Option<String>,
    /// The explanation's catalogue key (`smtp-535`), for showing it translated.
    pub explanation_key: Option<String>,
    /// Whether the final `.` was written, when known: corrects a data-end mark that was
    /// committed early (while the body was on the wire) for a body that never finished.
    pub data_end_sent: Option<bool>,
    pub transcript: Vec<TranscriptLine>,
    /// Per-recipient outcome at RCPT: `(address, accepted, reply)`.
    pub rcpt: Vec<(String, bool, String)>,
}

/// How an attempt ends for the mail: the attempt's outcome, the mail's next state and, for a
/// temporary failure, when to try again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Finish {
    Sent,
    Failed,
    Uncertain,
    /// Temporary failure: back to the queue until this time.
    Deferred {
        next_attempt_at: Timestamp,
    },
}

impl Finish {
    /// The attempt's outcome as stored and reported.
    #[must_use]
    pub fn outcome(self) -> Outcome {
        match self {
            Self::Sent => Outcome::Sent,
            Self::Failed => Outcome::Failed,
            Self::Uncertain => Outcome::Uncertain,
            Self::Deferred { .. } => Outcome::Deferred,
        }
    }

    /// The state the mail moves to.
    #[must_use]
    pub fn state(self) -> MessageState {
        match self {
            Self::Sent => MessageState::Sent,
            Self::Failed => MessageState::Failed,
            Self::Uncertain => MessageState::Uncertain,
            Self::Deferred { .. } => MessageState::Queued,
        }
    }

    /// When a deferred mail is tried again.
    #[must_use]
    pub fn next_attempt_at(self) -> Option<Timestamp> {
        match self {
            Self::Deferred { next_attempt_at } => Some(next_attempt_at),
            _ => None,
        }
    }
}

/// The retries in the buffer (see [`Store::retries`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Retries {
    /// Due now, oldest first.
    pub due: Vec<i64>,
    /// When the next of the others comes due.
    pub next_at: Option<Timestamp>,
}

/// What the sender needs to know of a claimed mail (its bytes are read when it is sent).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DueMail {
    pub id: i64,
    pub account: String,
    pub from: String,
    pub recipients: Vec<String>,
    pub envelope_id: String,
    pub notify_delivery: bool,
    pub queued_at: Timestamp,
    pub attempt_count: u32,
}

impl Store {
    /// Claims queued mails that are due (`next_attempt_at <= now`), oldest first, moving them
    /// to *sending* in one transaction. `ids` narrows the choice to those mails.
    ///
    /// Mails named in `ids` are the user's explicit "send now": they are claimed even when a
    /// retry is scheduled for later (a deferred mail the user wants to try again at once).
    pub fn claim_due(&mut self, now: Timestamp, ids: Option<&[i64]>) -> Result<Vec<i64>> {
        let tx = self.write_tx()?;
        // With ids, any time is "due"; without, only what the backoff allows now.
        let until = if ids.is_some() {
            i64::MAX
        } else {
            now.as_millisecond()
        };
        let due: Vec<i64> = {
            let mut stmt = tx.prepare(
                "SELECT id FROM messages WHERE state = 'queued'
                   AND COALESCE(next_attempt_at, 0) <= ?1 ORDER BY queued_at, id",
            )?;
            let rows = stmt.query_map([until], |r| r.get::<_, i64>(0))?;
            rows.collect::<Result<_, _>>()?
        };
        let chosen: Vec<i64> = due
            .into_iter()
            .filter(|id| ids.is_none_or(|ids| ids.contains(id)))
            .collect();
        for &id in &chosen {
            transition_in(&tx, id, MessageState::Sending)?;
        }
        tx.commit()?;
        Ok(chosen)
    }

    /// The retries waiting in the buffer: queued mails tried before (deferred, or set back to
    /// the queue by an interrupted run), as the ids due at `now` and the earliest later time.
    /// Mails never tried wait for the user's "Send"; these Stempel sends by itself.
    pub fn retries(&self, now: Timestamp) -> Result<Retries> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, next_attempt_at FROM messages
              WHERE state = 'queued' AND attempt_count > 0 ORDER BY queued_at, id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, Option<i64>>(1)?))
        })?;
        let mut retries = Retries::default();
        for row in rows {
            let (id, at) = row?;
            match ts(at) {
                Some(at) if at > now => {
                    retries.next_at = Some(retries.next_at.map_or(at, |n: Timestamp| n.min(at)));
                }
                _ => retries.due.push(id),
            }
        }
        Ok(retries)
    }

    /// Opens an attempt that began at `started_at` for a mail in *sending*, without the
    /// data-end mark (a session that never reached the end of DATA); returns its id. The
    /// marked kind is opened by [`Store::finish_and_start`].
    pub fn start_attempt(
        &mut self,
        message: i64,
        server: &str,
        started_at: Timestamp,
    ) -> Result<i64> {
        let tx = self.write_tx()?;
        let id = start_attempt_in(&tx, message, server, started_at, false)?;
        tx.commit()?;
        Ok(id)
    }

    /// The sender's group commit: the previous mail's receipt (`finish`) and the next mail's
    /// attempt with its data-end mark, in one durable transaction — one fsync per mail
    /// instead of two. From then on an interruption makes the mail *uncertain*, never
    /// silently queued again. Returns the new attempt's id.
    pub fn finish_and_start(
        &mut self,
        finish: Option<(i64, &AttemptRecord, Finish)>,
        message: i64,
        server: &str,
        started_at: Timestamp,
    ) -> Result<i64> {
        let tx = self.write_tx()?;
        if let Some((attempt, record, finish)) = finish {
            finish_attempt_in(&tx, attempt, record, finish)?;
        }
        let id = start_attempt_in(&tx, message, server, started_at, true)?;
        tx.commit()?;
        Ok(id)
    }

    /// Closes an attempt with its receipt (or error) and moves the mail accordingly, in one
    /// transaction.
    pub fn finish_attempt(
        &mut self,
        attempt: i64,
        record: &AttemptRecord,
        finish: Finish,
    ) -> Result<()> {
        let tx = self.write_tx()?;
        finish_attempt_in(&tx, attempt, record, finish)?;
        tx.commit()?;
        Ok(())
    }

    /// Adds lines (the closing QUIT of a batch) to an attempt's transcript.
    pub fn append_transcript(&mut self, attempt: i64, lines: &[TranscriptLine]) -> Result<()> {
        if lines.is_empty() {
            return Ok(());
        }
        let tx = self.write_tx()?;
        let text: String = tx.query_row(
            "SELECT transcript FROM attempts WHERE id = ?1",
            [attempt],
            |r| r.get(0),
        )?;
        let mut all: Vec<TranscriptLine> = serde_json::from_str(&text)
            .map_err(|e| StoreError::Corrupt(format!("transcript: {e}")))?;
        all.extend_from_slice(lines);
        let text = serde_json::to_string(&all).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        tx.execute(
            "UPDATE attempts SET transcript = ?2 WHERE id = ?1",
            params![attempt, text],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Resolves mails left in *sending* by an interrupted run: those whose end of DATA may have
    /// reached the server become *uncertain*, the others go back to the queue. Returns
    /// `(requeued, uncertain)`.
    pub fn recover_interrupted(&mut self) -> Result<(usize, usize)> {
        let tx = self.write_tx()?;
        let stuck: Vec<(i64, bool)> = {
            let mut stmt = tx.prepare(
                "SELECT m.id, EXISTS (SELECT 1 FROM attempts a WHERE a.message_id = m.id
                        AND a.outcome IS NULL AND a.data_end_sent = 1)
                 FROM messages m WHERE m.state = 'sending'",
            )?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<Result<_, _>>()?
        };
        let now = now_ms();
        let (mut requeued, mut uncertain) = (0, 0);
        for (id, data_end_sent) in stuck {
            let (to, outcome, error) = if data_end_sent {
                uncertain += 1;
                (
                    MessageState::Uncertain,
                    Outcome::Uncertain,
                    "interrupted after the end of the message was sent and before the server replied",
                )
            } else {
                requeued += 1;
                (
                    MessageState::Queued,
                    Outcome::Deferred,
                    "interrupted before the message was complete",
                )
            };
            transition_in(&tx, id, to)?;
            tx.execute(
                "UPDATE attempts SET outcome = ?2, error = ?3, finished_at = ?4
                 WHERE message_id = ?1 AND outcome IS NULL",
                params![id, outcome.as_str(), error, now],
            )?;
            tx.execute(
                "UPDATE messages SET last_error = ?2 WHERE id = ?1",
                params![id, error],
            )?;
        }
        tx.commit()?;
        Ok((requeued, uncertain))
    }

    /// The envelope of a mail, for the sender: no text, no bytes.
    pub fn due_mail(&self, id: i64) -> Result<DueMail> {
        let mut due = self
            .conn
            .query_row(
                "SELECT a.name, m.from_addr, m.envelope_id, m.notify_delivery,
                    COALESCE(m.queued_at, m.created_at), m.attempt_count
                 FROM messages m JOIN accounts a ON a.id = m.account_id WHERE m.id = ?1",
                [id],
                |r| {
                    Ok(DueMail {
                        id,
                        account: r.get(0)?,
                        from: r.get(1)?,
                        recipients: Vec::new(),
                        envelope_id: r.get(2)?,
                        notify_delivery: r.get(3)?,
                        queued_at: ts(r.get(4)?).unwrap_or(Timestamp::UNIX_EPOCH),
                        attempt_count: r.get(5)?,
                    })
                },
            )
            .optional()?
            .ok_or(StoreError::NoSuchMessage(id))?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT address FROM recipients WHERE message_id = ?1 ORDER BY position",
        )?;
        due.recipients = stmt
            .query_map([id], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(due)
    }
}

fn start_attempt_in(
    tx: &Transaction<'_>,
    message: i64,
    server: &str,
    started_at: Timestamp,
    data_end_sent: bool,
) -> Result<i64> {
    let state = state_in(tx, message)?;
    if state != MessageState::Sending {
        return Err(StoreError::IllegalTransition {
            id: message,
            from: state,
            to: MessageState::Sending,
        });
    }
    tx.prepare_cached(
        "INSERT INTO attempts (message_id, started_at, server, data_end_sent)
         VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![
        message,
        started_at.as_millisecond(),
        server,
        data_end_sent
    ])?;
    let id = tx.last_insert_rowid();
    tx.prepare_cached("UPDATE messages SET attempt_count = attempt_count + 1 WHERE id = ?1")?
        .execute([message])?;
    Ok(id)
}

/// Most bytes of a reply text, queue id or error the receipt keeps (the whole reply, up to
/// the transcript's caps, is in the transcript): a server cannot grow the database through
/// them.
const KEPT_TEXT_MAX: usize = 2000;

fn kept(text: &str) -> String {
    crate::text::cut(text, KEPT_TEXT_MAX)
}

fn finish_attempt_in(
    tx: &Transaction<'_>,
    attempt: i64,
    record: &AttemptRecord,
    finish: Finish,
) -> Result<()> {
    let message: i64 = tx
        .prepare_cached("SELECT message_id FROM attempts WHERE id = ?1")?
        .query_row([attempt], |r| r.get(0))
        .optional()?
        .ok_or(StoreError::NoSuchMessage(attempt))?;
    let outcome = finish.outcome();
    transition_in(tx, message, finish.state())?;
    let now = now_ms();
    let transcript = serde_json::to_string(&record.transcript)
        .map_err(|e| StoreError::Corrupt(e.to_string()))?;
    tx.prepare_cached(
        "UPDATE attempts SET finished_at = ?2, server = COALESCE(?3, server), peer_address = ?4,
            tls_version = ?5, tls_cipher = ?6, cert_subject = ?7, cert_sha256 = ?8,
            cert_verified = ?9, reply_code = ?10, enhanced_status = ?11, reply_text = ?12,
            queue_id = ?13, outcome = ?14, error = ?15, explanation = ?16, transcript = ?17,
            explanation_key = ?18, data_end_sent = COALESCE(?19, data_end_sent),
            dsn_offered = ?20
         WHERE id = ?1",
    )?
    .execute(params![
        attempt,
        now,
        record.server,
        record.peer_address,
        record.tls_version,
        record.tls_cipher,
        record.cert_subject,
        record.cert_sha256,
        record.cert_verified,
        record.reply_code,
        record.enhanced_status,
        record.reply_text.as_deref().map(kept),
        record.queue_id.as_deref().map(kept),
        outcome.as_str(),
        record.error.as_deref().map(kept),
        record.explanation,
        transcript,
        record.explanation_key,
        record.data_end_sent,
        record.dsn_offered,
    ])?;
    match finish {
        Finish::Sent => {
            tx.prepare_cached(
                "UPDATE messages SET sent_at = ?2, queue_id = ?3, last_error = NULL,
                    next_attempt_at = NULL WHERE id = ?1",
            )?
            .execute(params![message, now, record.queue_id.as_deref().map(kept)])?;
            super::stamps::want_stamp_in(tx, message)?;
        }
        Finish::Deferred { next_attempt_at } => {
            tx.prepare_cached(
                "UPDATE messages SET next_attempt_at = ?2, last_error = ?3 WHERE id = ?1",
            )?
            .execute(params![
                message,
                next_attempt_at.as_millisecond(),
                record.error.as_deref().map(kept)
            ])?;
        }
        Finish::Failed | Finish::Uncertain => {
            tx.prepare_cached(
                "UPDATE messages SET last_error = ?2, next_attempt_at = NULL WHERE id = ?1",
            )?
            .execute(params![message, record.error.as_deref().map(kept)])?;
        }
    }
    for (address, accepted, reply) in &record.rcpt {
        let (state, diagnostic) = if *accepted && finish == Finish::Sent {
            (DeliveryState::Accepted, None)
        } else if *accepted {
            (DeliveryState::Pending, None)
        } else {
            (DeliveryState::Rejected, Some(kept(reply)))
        };
        tx.prepare_cached(
            "UPDATE recipients SET delivery_state = ?3, diagnostic = ?4, delivery_at = ?5
             WHERE message_id = ?1 AND address = ?2",
        )?
        .execute(params![message, address, state.as_str(), diagnostic, now])?;
    }
    Ok(())
}
