//! The SQLite store: the outbox, the receipts and the delivery reports.
//!
//! This is the only module that holds SQL, and every change of a mail's state goes through
//! [`Store::transition`] (or a method built on it) inside one transaction. The state machine
//! itself is [`MessageState::can_become`]; the store refuses anything it does not allow.
//!
//! Durability: WAL with `synchronous=FULL`, so a commit that returned survives a power cut.
//! One [`Store`] per thread (a `rusqlite::Connection` is `Send`, not `Sync`).

mod accounts;
mod attempts;
mod customers;
mod invoices;
mod list;
mod messages;
mod reports;
mod schema;
mod seed;
mod stamps;
mod templates;
#[cfg(test)]
mod tests;

use std::path::Path;
use std::time::Duration;

use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};

pub use attempts::{AttemptRecord, DueMail, Finish, Retries};
pub use customers::AddressHistory;
pub use list::{DayStats, ListQuery, ListRow, SortKey};
pub use messages::{Batch, ListFilter, NewMessage};
pub use reports::NewDeliveryEvent;
pub use stamps::KeptStamp;

use crate::model::MessageState;

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
    #[error(
        "account {name:?} still has {waiting} mail(s) in the buffer or the drafts; send or delete them first"
    )]
    AccountInUse { name: String, waiting: u64 },
    #[error(
        "mail {id} is {state} and cannot be deleted (only drafts, queued and failed mails can)"
    )]
    NotDeletable { id: i64, state: MessageState },
    #[error(
        "invoice {invoice} was already queued for this recipient as mail {id}; resend it on purpose to send it again"
    )]
    InvoiceAlreadyQueued { invoice: String, id: i64 },
    #[error("a customer named {0:?} or with that tax id already exists")]
    CustomerExists(String),
    #[error("no customer {0:?}")]
    NoSuchCustomer(String),
    #[error("{0}")]
    Template(#[from] crate::template::TemplateError),
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
                let (id, from, to) = (*id, from.label(), to.label());
                t!("store-illegal-transition", id = id, from = from, to = to)
            }
            Self::NoSuchMessage(id) => {
                let id = *id;
                t!("store-no-such-message", id = id)
            }
            Self::NoSuchAccount(name) => t!("store-no-such-account", account = name.clone()),
            Self::AccountExists(name) => t!("store-account-exists", account = name.clone()),
            Self::AccountInUse { name, waiting } => {
                let waiting = *waiting;
                t!(
                    "store-account-in-use",
                    account = name.clone(),
                    count = waiting
                )
            }
            Self::NotDeletable { id, state } => {
                let (id, state) = (*id, state.label());
                t!("store-not-deletable", id = id, state = state)
            }
            Self::InvoiceAlreadyQueued { invoice, id } => {
                let id = *id;
                t!(
                    "store-invoice-already-queued",
                    invoice = invoice.clone(),
                    id = id
                )
            }
            Self::CustomerExists(name) => t!("store-customer-exists", customer = name.clone()),
            Self::NoSuchCustomer(name) => t!("store-no-such-customer", customer = name.clone()),
            Self::Template(e) => e.localized(),
            Self::NotBuilt(_) | Self::Corrupt(_) | Self::Sqlite(_) => self.to_string(),
        }
    }
}

type Result<T, E = StoreError> = std::result::Result<T, E>;

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
}

fn parse_state(s: &str) -> Result<MessageState> {
    MessageState::parse(s).ok_or_else(|| StoreError::Corrupt(format!("message state {s:?}")))
}

fn state_in(tx: &Transaction<'_>, id: i64) -> Result<MessageState> {
    let s: String = tx
        .prepare_cached("SELECT state FROM messages WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
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
    tx.prepare_cached("UPDATE messages SET state = ?2, updated_at = ?3 WHERE id = ?1")?
        .execute(params![id, to.as_str(), now_ms()])?;
    Ok(())
}
