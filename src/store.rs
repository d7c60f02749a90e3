//! The SQLite store: the outbox, the receipts and the delivery reports.
//!
//! This is the only module that holds SQL, and every change of a mail's state goes through
//! [`Store::transition`] (or a method built on it) inside one transaction. The state machine
//! itself is [`MessageState::can_become`]; the store refuses anything it does not allow.
//!
//! Durability: WAL with `synchronous=FULL`, so a commit that returned survives a power cut.
//! One [`Store`] per thread (a `rusqlite::Connection` is `Send`, not `Sync`).

mod list;
mod schema;
mod seed;
#[cfg(test)]
mod tests;

use std::fmt::Write as _;
use std::path::Path;
use std::time::Duration;

use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};

pub use list::{DayStats, ListQuery, ListRow, SortKey};

use crate::mail::Built;
use crate::model::{
    Account, Attachment, Attempt, AuthMethod, Compose, Delivery, DeliveryEvent, DeliveryState,
    Endpoint, Mailbox, Message, MessageState, Outcome, Recipient, RecipientKind, Security,
    TranscriptLine,
};

/// Everything that can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "the database was written by a newer Stempel (schema version {found}, this version knows \
         up to {known}); update Stempel to open it"
    )]
    NewerSchema { found: i64, known: i64 },
    #[error("mail {id} cannot go from {from} to {to}")]
    IllegalTransition {
        id: i64,
        from: MessageState,
        to: MessageState,
    },
    #[error("mail {0} is a draft that was never built; queue it through the outbox")]
    NotBuilt(i64),
    #[error("no mail with id {0}")]
    NoSuchMessage(i64),
    #[error("no account named {0:?}")]
    NoSuchAccount(String),
    #[error("an account named {0:?} already exists")]
    AccountExists(String),
    #[error("mail {id} is {state} and cannot be deleted (only drafts and queued mails can)")]
    NotDeletable { id: i64, state: MessageState },
    #[error("the database holds a value this version does not understand: {0}")]
    Corrupt(String),
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

impl StoreError {
    /// The error in the user's language, for the window and the command line.
    #[must_use]
    pub fn localized(&self) -> String {
        use crate::t;
        match self {
            Self::NewerSchema { found, known } => {
                let (found, known) = (*found, *known);
                t!("store-newer-schema", found = found, known = known)
            }
            Self::IllegalTransition { id, from, to } => {
                let (id, from, to) = (*id, from.as_str(), to.as_str());
                t!("store-illegal-transition", id = id, from = from, to = to)
            }
            Self::NoSuchMessage(id) => {
                let id = *id;
                t!("store-no-such-message", id = id)
            }
            Self::NoSuchAccount(name) => t!("store-no-such-account", account = name.clone()),
            Self::AccountExists(name) => t!("store-account-exists", account = name.clone()),
            Self::NotDeletable { id, state } => {
                let (id, state) = (*id, state.as_str());
                t!("store-not-deletable", id = id, state = state)
            }
            Self::NotBuilt(_) | Self::Corrupt(_) | Self::Sqlite(_) => self.to_string(),
        }
    }
}

type Result<T, E = StoreError> = std::result::Result<T, E>;

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
}

/// Which mails [`Store::list`] returns.
#[derive(Clone, Debug, Default)]
pub struct ListFilter {
    pub state: Option<MessageState>,
    /// Matched against subject, sender and recipients (case-insensitive for ASCII).
    pub search: Option<String>,
    pub limit: Option<u32>,
}

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

/// How an attempt ends for the mail.
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

/// An open database.
pub struct Store {
    conn: Connection,
}

/// The schema version this build writes.
#[must_use]
pub fn schema_version() -> i64 {
    schema::MIGRATIONS.len() as i64
}

fn now_ms() -> i64 {
    Timestamp::now().as_millisecond()
}

fn ts(ms: Option<i64>) -> Option<Timestamp> {
    ms.and_then(|m| Timestamp::from_millisecond(m).ok())
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    ///
    /// A database from a newer Stempel is refused before anything is written to it.
    pub fn open(path: &Path) -> Result<Self> {
        Self::setup(Connection::open(path)?)
    }

    /// A private in-memory database, for tests and benchmarks.
    pub fn open_in_memory() -> Result<Self> {
        Self::setup(Connection::open_in_memory()?)
    }

    fn setup(conn: Connection) -> Result<Self> {
        // Read-only checks first: a newer database must stay byte-for-byte untouched.
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version > schema_version() {
            return Err(StoreError::NewerSchema {
                found: version,
                known: schema_version(),
            });
        }
        conn.busy_timeout(Duration::from_secs(5))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // 32 MiB of page cache: mail bodies read for a batch must not evict the pages every
        // state change and receipt touches.
        conn.pragma_update(None, "cache_size", -32_000)?;
        let mut store = Self { conn };
        store.migrate(version)?;
        Ok(store)
    }

    fn migrate(&mut self, from: i64) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Re-read inside the write lock: another process may have migrated meanwhile.
        let current: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let start = current.max(from);
        for (i, sql) in schema::MIGRATIONS.iter().enumerate().skip(start as usize) {
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", i as i64 + 1)?;
        }
        tx.commit()?;
        Ok(())
    }

    fn write_tx(&mut self) -> Result<Transaction<'_>> {
        Ok(self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?)
    }

    // ---------------------------------------------------------------------------------------
    // Accounts

    pub fn add_account(&mut self, a: &Account) -> Result<i64> {
        let tx = self.write_tx()?;
        let exists: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM accounts WHERE name = ?1)",
            [&a.name],
            |r| r.get(0),
        )?;
        if exists {
            return Err(StoreError::AccountExists(a.name.clone()));
        }
        let mut values = account_values(a)?;
        values.push(Box::new(now_ms()));
        tx.execute(
            "INSERT INTO accounts (name, from_name, from_addr, reply_to, smtp_host, smtp_port,
                smtp_security, smtp_user, imap_host, imap_port, imap_security, imap_user,
                imap_folders, password_command, ca_file, auth, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
            rusqlite::params_from_iter(values),
        )?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        Ok(id)
    }

    /// Replaces the settings of the account with `a.name`; its mails stay with it.
    pub fn update_account(&mut self, a: &Account) -> Result<()> {
        let tx = self.write_tx()?;
        let changed = tx.execute(
            "UPDATE accounts SET from_name = ?2, from_addr = ?3, reply_to = ?4, smtp_host = ?5,
                smtp_port = ?6, smtp_security = ?7, smtp_user = ?8, imap_host = ?9,
                imap_port = ?10, imap_security = ?11, imap_user = ?12, imap_folders = ?13,
                password_command = ?14, ca_file = ?15, auth = ?16
             WHERE name = ?1",
            rusqlite::params_from_iter(account_values(a)?),
        )?;
        if changed == 0 {
            return Err(StoreError::NoSuchAccount(a.name.clone()));
        }
        tx.commit()?;
        Ok(())
    }

    pub fn accounts(&self) -> Result<Vec<Account>> {
        let mut stmt = self
            .conn
            .prepare(&format!("{ACCOUNT_SELECT} ORDER BY name"))?;
        let rows = stmt.query_map([], account_row)?;
        rows.map(|r| r?).collect()
    }

    pub fn account(&self, name: &str) -> Result<Account> {
        self.conn
            .query_row(
                &format!("{ACCOUNT_SELECT} WHERE name = ?1"),
                [name],
                account_row,
            )
            .optional()?
            .ok_or_else(|| StoreError::NoSuchAccount(name.to_owned()))?
    }

    // ---------------------------------------------------------------------------------------
    // Mails

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
        let account_id: i64 = tx
            .query_row(
                "SELECT id FROM accounts WHERE name = ?1",
                [m.account],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| StoreError::NoSuchAccount(m.account.to_owned()))?;
        let now = now_ms();
        let state = if m.built.is_some() {
            MessageState::Queued
        } else {
            MessageState::Draft
        };
        tx.execute(
            "INSERT INTO messages (account_id, state, envelope_id, message_id, from_name, from_addr,
                reply_to, subject, notify_delivery, read_receipt, sha256,
                size, created_at, updated_at, queued_at, next_attempt_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13, ?14, ?14)",
            params![
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
            ],
        )?;
        let id = tx.last_insert_rowid();
        tx.execute(
            "INSERT INTO texts (message_id, body_text, body_html) VALUES (?1, ?2, ?3)",
            params![id, m.compose.body_text, m.compose.body_html],
        )?;
        if let Some(b) = m.built {
            tx.execute(
                "INSERT INTO bodies (message_id, raw) VALUES (?1, ?2)",
                params![id, b.bytes],
            )?;
        }
        for (pos, (kind, address)) in m.recipients.iter().enumerate() {
            tx.execute(
                "INSERT INTO recipients (message_id, position, kind, address) VALUES (?1, ?2, ?3, ?4)",
                params![id, pos as i64, kind.as_str(), address],
            )?;
        }
        for (pos, a) in m.attachments.iter().enumerate() {
            tx.execute(
                "INSERT INTO attachments (message_id, position, filename, mime_type, size, sha256, data)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![id, pos as i64, a.filename, a.mime_type, a.size as i64, a.sha256, a.data],
            )?;
        }
        tx.commit()?;
        Ok(id)
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
        if !state.is_deletable() {
            return Err(StoreError::NotDeletable { id, state });
        }
        tx.execute("DELETE FROM messages WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(())
    }

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

    /// Opens an attempt for a mail in *sending*; returns its id.
    pub fn begin_attempt(&mut self, message: i64, server: &str) -> Result<i64> {
        self.start_attempt(message, server, Timestamp::now(), false)
    }

    /// Opens an attempt that began at `started_at` and, when `data_end_sent`, records in the
    /// same durable commit that the end of DATA is about to be written: from then on an
    /// interruption makes the mail *uncertain*, never silently queued again. The sender calls
    /// it right before the final dot.
    pub fn start_attempt(
        &mut self,
        message: i64,
        server: &str,
        started_at: Timestamp,
        data_end_sent: bool,
    ) -> Result<i64> {
        let tx = self.write_tx()?;
        let id = start_attempt_in(&tx, message, server, started_at, data_end_sent)?;
        tx.commit()?;
        Ok(id)
    }

    /// The sender's group commit: the previous mail's receipt (`finish`) and the next mail's
    /// attempt with its data-end mark, in one durable transaction — one fsync per mail
    /// instead of two. Returns the new attempt's id.
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
                reply_text, queue_id, outcome, error, explanation, transcript, explanation_key
             FROM attempts WHERE message_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([m.id], |r| {
            Ok((
                Attempt {
                    id: r.get(0)?,
                    started_at: ts(r.get(1)?),
                    finished_at: ts(r.get(2)?),
                    server: r.get(3)?,
                    tls_version: r.get(4)?,
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
                e.matched_by
             FROM delivery_events e LEFT JOIN recipients r ON r.id = e.recipient_id
             WHERE e.message_id = ?1 ORDER BY e.id",
        )?;
        let rows = stmt.query_map([m.id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, Option<String>>(5)?,
                r.get::<_, Option<i64>>(6)?,
                r.get::<_, String>(7)?,
            ))
        })?;
        for row in rows {
            let (id, recipient, kind, state, status, diagnostic, at, matched_by) = row?;
            m.events.push(DeliveryEvent {
                id,
                recipient,
                kind,
                state: DeliveryState::parse(&state)
                    .ok_or_else(|| StoreError::Corrupt(format!("event state {state:?}")))?,
                status,
                diagnostic,
                at: ts(at),
                matched_by,
            });
        }
        Ok(())
    }

    // ---------------------------------------------------------------------------------------
    // Delivery reports

    /// The mail Stempel sent with this envelope id (ENVID), if any.
    pub fn find_by_envelope_id(&self, envelope_id: &str) -> Result<Option<i64>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id FROM messages WHERE envelope_id = ?1 AND sent_at IS NOT NULL",
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
                "SELECT id FROM messages WHERE message_id = ?1 AND sent_at IS NOT NULL",
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

fn parse_state(s: &str) -> Result<MessageState> {
    MessageState::parse(s).ok_or_else(|| StoreError::Corrupt(format!("message state {s:?}")))
}

fn state_in(tx: &Transaction<'_>, id: i64) -> Result<MessageState> {
    let s: String = tx
        .query_row("SELECT state FROM messages WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?
        .ok_or(StoreError::NoSuchMessage(id))?;
    parse_state(&s)
}

/// The one place a state changes; callers hold the transaction.
fn transition_in(tx: &Transaction<'_>, id: i64, to: MessageState) -> Result<()> {
    let from = state_in(tx, id)?;
    if !from.can_become(to) {
        return Err(StoreError::IllegalTransition { id, from, to });
    }
    tx.execute(
        "UPDATE messages SET state = ?2, updated_at = ?3 WHERE id = ?1",
        params![id, to.as_str(), now_ms()],
    )?;
    Ok(())
}

/// An account's columns in the order `add_account` and `update_account` bind them (?1–?16).
fn account_values(a: &Account) -> Result<Vec<Box<dyn rusqlite::ToSql + '_>>> {
    let folders =
        serde_json::to_string(&a.imap_folders).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    let imap = a.imap.as_ref();
    Ok(vec![
        Box::new(&a.name),
        Box::new(&a.from.name),
        Box::new(&a.from.address),
        Box::new(&a.reply_to),
        Box::new(&a.smtp.host),
        Box::new(a.smtp.port),
        Box::new(a.smtp.security.as_str()),
        Box::new(&a.smtp.user),
        Box::new(imap.map(|i| &i.host)),
        Box::new(imap.map(|i| i.port)),
        Box::new(imap.map(|i| i.security.as_str())),
        Box::new(imap.map(|i| &i.user)),
        Box::new(folders),
        Box::new(&a.password_command),
        Box::new(&a.ca_file),
        Box::new(a.auth.as_str()),
    ])
}

/// Adds the list search (subject, sender, any recipient; `%` and `_` taken literally) to a
/// query over `messages m`.
pub(super) fn push_search(
    sql: &mut String,
    args: &mut Vec<Box<dyn rusqlite::ToSql>>,
    search: &str,
) {
    let search = search.trim();
    if search.is_empty() {
        return;
    }
    let escaped = search
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    args.push(Box::new(format!("%{escaped}%")));
    let n = args.len();
    let _ = write!(
        sql,
        " AND (m.subject LIKE ?{n} ESCAPE '\\' OR m.from_addr LIKE ?{n} ESCAPE '\\'
           OR m.from_name LIKE ?{n} ESCAPE '\\'
           OR EXISTS (SELECT 1 FROM recipients r WHERE r.message_id = m.id
                      AND r.address LIKE ?{n} ESCAPE '\\'))"
    );
}

const ACCOUNT_SELECT: &str = "SELECT name, from_name, from_addr, reply_to, smtp_host, smtp_port,
    smtp_security, smtp_user, imap_host, imap_port, imap_security, imap_user, imap_folders,
    password_command, ca_file, auth FROM accounts";

fn account_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Result<Account>> {
    let security = |s: String| {
        Security::parse(&s).ok_or_else(|| StoreError::Corrupt(format!("security {s:?}")))
    };
    let smtp_security = r.get::<_, String>(6)?;
    let imap = match (
        r.get::<_, Option<String>>(8)?,
        r.get::<_, Option<u16>>(9)?,
        r.get::<_, Option<String>>(10)?,
        r.get::<_, Option<String>>(11)?,
    ) {
        (Some(host), Some(port), Some(sec), Some(user)) => Some((host, port, sec, user)),
        _ => None,
    };
    let folders: String = r.get(12)?;
    let build = || -> Result<Account> {
        Ok(Account {
            name: r.get(0)?,
            from: Mailbox {
                name: r.get(1)?,
                address: r.get(2)?,
            },
            reply_to: r.get(3)?,
            smtp: Endpoint {
                host: r.get(4)?,
                port: r.get(5)?,
                security: security(smtp_security)?,
                user: r.get(7)?,
            },
            imap: match imap {
                Some((host, port, sec, user)) => Some(Endpoint {
                    host,
                    port,
                    security: security(sec)?,
                    user,
                }),
                None => None,
            },
            imap_folders: serde_json::from_str(&folders)
                .map_err(|e| StoreError::Corrupt(format!("imap folders: {e}")))?,
            password_command: r.get(13)?,
            ca_file: r.get(14)?,
            auth: {
                let auth: String = r.get(15)?;
                AuthMethod::parse(&auth)
                    .ok_or_else(|| StoreError::Corrupt(format!("auth {auth:?}")))?
            },
        })
    };
    Ok(build())
}

const MESSAGE_SELECT: &str = "SELECT m.id, a.name, m.state, m.message_id, m.envelope_id,
    m.subject, m.from_name, m.from_addr, m.reply_to, COALESCE(t.body_text, ''), m.notify_delivery,
    m.read_receipt, m.sha256, m.size, m.created_at, m.queued_at, m.sent_at, m.attempt_count,
    m.next_attempt_at, m.last_error, m.queue_id
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
    }))
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
    tx.execute(
        "INSERT INTO attempts (message_id, started_at, server, data_end_sent)
         VALUES (?1, ?2, ?3, ?4)",
        params![message, started_at.as_millisecond(), server, data_end_sent],
    )?;
    let id = tx.last_insert_rowid();
    tx.execute(
        "UPDATE messages SET attempt_count = attempt_count + 1 WHERE id = ?1",
        [message],
    )?;
    Ok(id)
}

fn finish_attempt_in(
    tx: &Transaction<'_>,
    attempt: i64,
    record: &AttemptRecord,
    finish: Finish,
) -> Result<()> {
    let message: i64 = tx
        .query_row(
            "SELECT message_id FROM attempts WHERE id = ?1",
            [attempt],
            |r| r.get(0),
        )
        .optional()?
        .ok_or(StoreError::NoSuchMessage(attempt))?;
    let (to, outcome) = match finish {
        Finish::Sent => (MessageState::Sent, Outcome::Sent),
        Finish::Failed => (MessageState::Failed, Outcome::Failed),
        Finish::Uncertain => (MessageState::Uncertain, Outcome::Uncertain),
        Finish::Deferred { .. } => (MessageState::Queued, Outcome::Deferred),
    };
    transition_in(tx, message, to)?;
    let now = now_ms();
    let transcript = serde_json::to_string(&record.transcript)
        .map_err(|e| StoreError::Corrupt(e.to_string()))?;
    tx.execute(
        "UPDATE attempts SET finished_at = ?2, server = COALESCE(?3, server), peer_address = ?4,
            tls_version = ?5, tls_cipher = ?6, cert_subject = ?7, cert_sha256 = ?8,
            cert_verified = ?9, reply_code = ?10, enhanced_status = ?11, reply_text = ?12,
            queue_id = ?13, outcome = ?14, error = ?15, explanation = ?16, transcript = ?17,
            explanation_key = ?18, data_end_sent = COALESCE(?19, data_end_sent)
         WHERE id = ?1",
        params![
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
            record.reply_text,
            record.queue_id,
            outcome.as_str(),
            record.error,
            record.explanation,
            transcript,
            record.explanation_key,
            record.data_end_sent,
        ],
    )?;
    match finish {
        Finish::Sent => {
            tx.execute(
                "UPDATE messages SET sent_at = ?2, queue_id = ?3, last_error = NULL,
                    next_attempt_at = NULL WHERE id = ?1",
                params![message, now, record.queue_id],
            )?;
        }
        Finish::Deferred { next_attempt_at } => {
            tx.execute(
                "UPDATE messages SET next_attempt_at = ?2, last_error = ?3 WHERE id = ?1",
                params![message, next_attempt_at.as_millisecond(), record.error],
            )?;
        }
        Finish::Failed | Finish::Uncertain => {
            tx.execute(
                "UPDATE messages SET last_error = ?2, next_attempt_at = NULL WHERE id = ?1",
                params![message, record.error],
            )?;
        }
    }
    for (address, accepted, reply) in &record.rcpt {
        let (state, diagnostic) = if *accepted && finish == Finish::Sent {
            (DeliveryState::Accepted, None)
        } else if *accepted {
            (DeliveryState::Pending, None)
        } else {
            (DeliveryState::Rejected, Some(reply.as_str()))
        };
        tx.execute(
            "UPDATE recipients SET delivery_state = ?3, diagnostic = ?4, delivery_at = ?5
             WHERE message_id = ?1 AND address = ?2",
            params![message, address, state.as_str(), diagnostic, now],
        )?;
    }
    Ok(())
}
