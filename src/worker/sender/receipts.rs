//! The receipts of a batch, with one owner: every commit of a receipt or of a data-end mark
//! goes through [`Receipts`].
//!
//! The life of one mail: [`Receipts::start`] names its attempt-to-be; when the body is about to
//! go (the server answered DATA with 354, or before a BDAT chunk) the
//! [`journal`](super::journal) begins the group commit of the previous mail's receipt and this
//! mail's mark; before the mail's last byte (the final `.`, the chunk's last byte) the sender
//! waits for it
//! ([`MarkHooks`], the client's hooks); after the reply [`Receipts::close`] gives the
//! attempt's id and [`Receipts::finish`] stores the receipt — kept back to go with the next
//! mark when the mail was sent on a session that carries on, committed at once otherwise.
//! [`Receipts::flush`] commits what is kept back (a new session, the end of the batch).
//! Reports go out in the order the mails were sent.

use std::path::Path;

use jiff::Timestamp;

use super::MailReport;
use super::journal::{Done, Job, Journal};
use crate::smtp::client::DataHooks;
use crate::store::{AttemptRecord, Finish, Store, StoreError};

/// A mail's receipt as it will be stored, with its report.
pub(super) struct Pending {
    pub attempt: i64,
    pub record: AttemptRecord,
    pub finish: Finish,
    pub report: MailReport,
}

/// The attempt a mail's data-end mark opens.
#[derive(Clone, Debug)]
pub(super) struct Mark {
    pub message: i64,
    pub server: String,
    pub started: Timestamp,
}

/// What [`Receipts::close`] knows of the mail's attempt.
pub(super) struct Closed {
    pub attempt: i64,
    /// Its data-end mark was committed (so its receipt may wait for the next commit).
    pub marked: bool,
    /// The mark could not be committed: the mail stopped before its last byte.
    pub mark_error: Option<String>,
}

pub(super) struct Receipts {
    journal: Journal,
    /// The last sent mail's receipt, until the next mail's mark (or a flush) commits it.
    pending: Option<Pending>,
    /// The mail being sent.
    mark: Option<Mark>,
    /// Whether its group commit was begun, and how it ended.
    begun: bool,
    marked: Option<Result<i64, String>>,
    /// Reports of receipts committed with a mark, not told yet.
    ready: Vec<MailReport>,
}

impl Receipts {
    pub fn new(db: &Path) -> Self {
        Self {
            journal: Journal::open(db),
            pending: None,
            mark: None,
            begun: false,
            marked: None,
            ready: Vec::new(),
        }
    }

    /// A new mail is about to be sent.
    pub fn start(&mut self, mark: Mark) {
        self.mark = Some(mark);
        self.begun = false;
        self.marked = None;
    }

    /// The body is about to go: the group commit starts while it streams.
    fn begin(&mut self) {
        // A mail sent again on a new session (CHUNKING refused) keeps the mark it has.
        if self.begun || self.marked.is_some() {
            return;
        }
        let Some(mark) = self.mark.clone() else {
            return;
        };
        self.journal.begin(Job {
            finish: self.pending.take(),
            mark,
        });
        self.begun = true;
    }

    /// Right before the mail's last byte: the mark must be durable.
    fn make_durable(&mut self, store: &mut Store) -> Result<(), String> {
        if let Some(Ok(_)) = self.marked {
            return Ok(());
        }
        if !self.begun {
            self.begin();
        }
        match self.journal.wait(store) {
            Some(done) => self.settle(done),
            None => Err("the data-end mark was never begun".into()),
        }
    }

    fn settle(&mut self, (result, previous): Done) -> Result<(), String> {
        self.begun = false;
        match &result {
            // The previous receipt went with the mark: it is told first.
            Ok(_) => self.ready.extend(previous.map(|p| p.report)),
            // It did not: it is committed the other way, at the next flush.
            Err(_) => self.pending = previous,
        }
        let outcome = result.as_ref().map(|_| ()).map_err(Clone::clone);
        self.marked = Some(result);
        outcome
    }

    /// After the mail's last reply: its attempt (opened now when its mark never was), with
    /// every earlier receipt committed and reported first.
    pub fn close(
        &mut self,
        store: &mut Store,
        report: &mut dyn FnMut(MailReport),
    ) -> Result<Closed, StoreError> {
        // A body that broke off leaves the commit begun before it to be collected here.
        if self.begun
            && let Some(done) = self.journal.wait(store)
        {
            let _ = self.settle(done);
        }
        for r in self.ready.drain(..) {
            report(r);
        }
        self.flush(store, report)?;
        let mark = self.mark.take();
        let (marked, mark_error) = match self.marked.take() {
            Some(Ok(id)) => (Some(id), None),
            Some(Err(e)) => (None, Some(e)),
            None => (None, None),
        };
        let attempt = match (marked, mark) {
            (Some(id), _) => id,
            (None, Some(m)) => store.start_attempt(m.message, &m.server, m.started)?,
            (None, None) => return Err(StoreError::Corrupt("no mail is being sent".into())),
        };
        Ok(Closed {
            attempt,
            marked: marked.is_some(),
            mark_error,
        })
    }

    /// Stores a receipt: kept back for the next group commit when `keep`, else committed and
    /// reported now.
    pub fn finish(
        &mut self,
        store: &mut Store,
        receipt: Pending,
        keep: bool,
        report: &mut dyn FnMut(MailReport),
    ) -> Result<(), StoreError> {
        if keep {
            self.flush(store, report)?;
            self.pending = Some(receipt);
            return Ok(());
        }
        store.finish_attempt(receipt.attempt, &receipt.record, receipt.finish)?;
        report(receipt.report);
        Ok(())
    }

    /// Commits the receipt kept back, if any, and reports it.
    pub fn flush(
        &mut self,
        store: &mut Store,
        report: &mut dyn FnMut(MailReport),
    ) -> Result<(), StoreError> {
        if let Some(p) = self.pending.take() {
            self.finish(store, p, false, report)?;
        }
        Ok(())
    }
}

/// The client's hooks around one body: as it starts the group commit begins, before its last byte
/// the sender waits for it.
pub(super) struct MarkHooks<'a> {
    pub receipts: &'a mut Receipts,
    pub store: &'a mut Store,
}

impl DataHooks for MarkHooks<'_> {
    fn data_accepted(&mut self) {
        self.receipts.begin();
    }

    fn before_data_end(&mut self) -> Result<(), String> {
        self.receipts.make_durable(self.store)
    }
}
