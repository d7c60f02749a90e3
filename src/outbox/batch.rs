//! A month's invoices into the buffer at once: a sheet (or a list of files) is reviewed row by
//! row, then the good rows go into the store in one transaction.
//!
//! [`review`] turns the source into planned mails (`bulk::plan`) and adds what only the store
//! and the disk know: an address whose last mail bounced, an invoice already queued for the
//! address, a file that cannot be read, an address that is not one. Nothing is stored. [`queue`]
//! reads and builds every good row's mail first (the store's write lock is not held while
//! files are read; memory is about twice the invoices' size) and then stores them all in one
//! transaction: a batch is in the buffer whole or not at all. The store checks each invoice
//! number again inside that transaction, so two batches racing cannot both queue it.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{Destination, Edit, SubmitError, prepare};
use crate::bulk::{self, Context, FilePattern, Planned, Problem, SheetError};
use crate::mail;
use crate::model::{Account, Compose};
use crate::store::{Store, StoreError};

/// Where the rows come from.
pub enum Source {
    /// A CSV sheet; its files are named relative to its folder.
    Sheet(PathBuf),
    /// Invoice files, with the pattern their names follow (when the user set one).
    Files {
        paths: Vec<PathBuf>,
        pattern: Option<String>,
    },
}

/// What a batch is made of.
pub struct Request<'a> {
    /// The sending account; the only one when `None`.
    pub account: Option<&'a str>,
    pub template: &'a str,
    /// The language of customers without one.
    pub language: &'a str,
    pub source: Source,
    /// Invoices already queued for these addresses are sent again on purpose.
    pub resend: bool,
    /// Addresses the user corrected in the review, by line with the file that line named:
    /// each replaces the row's own address while the line still names that file (a sheet
    /// edited meanwhile does not move a correction to another customer's row).
    pub corrected: &'a std::collections::BTreeMap<u64, (String, String)>,
}

/// The reviewed rows, ready for [`queue`].
#[derive(Clone, Debug, Serialize)]
pub struct Review {
    pub account: String,
    /// The folder files are named relative to.
    #[serde(skip)]
    pub folder: PathBuf,
    pub rows: Vec<Planned>,
    #[serde(skip)]
    pub resend: bool,
}

impl Review {
    #[must_use]
    pub fn bad(&self) -> usize {
        self.rows.iter().filter(|r| !r.is_good()).count()
    }
}

/// Why a batch cannot be reviewed or queued at all.
#[derive(Debug, thiserror::Error)]
pub enum BatchError {
    #[error(transparent)]
    Sheet(#[from] SheetError),
    #[error("cannot read {path}: {reason}")]
    Unreadable { path: String, reason: String },
    #[error("the file-name pattern: {0}")]
    Pattern(crate::template::TemplateError),
    #[error("there is no account to send from")]
    NoAccount,
    #[error("there are several accounts; name the one to send from")]
    WhichAccount,
    #[error("{0} row(s) cannot be queued")]
    BadRows(usize),
    #[error(transparent)]
    Submit(#[from] SubmitError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl BatchError {
    /// The error in the user's language.
    #[must_use]
    pub fn localized(&self) -> String {
        use crate::t;
        match self {
            Self::Sheet(e) => e.localized(),
            Self::Unreadable { path, reason } => t!(
                "batch-unreadable",
                path = path.clone(),
                reason = reason.clone()
            ),
            Self::Pattern(e) => t!("batch-pattern", reason = e.localized()),
            Self::NoAccount => t!("batch-no-account"),
            Self::WhichAccount => t!("batch-which-account"),
            Self::BadRows(n) => {
                let n = *n;
                t!("batch-bad-rows", count = n)
            }
            Self::Submit(SubmitError::Mail(e)) => e.localized(),
            Self::Submit(SubmitError::Store(e)) | Self::Store(e) => e.localized(),
        }
    }

    /// Whether the user's input is at fault (the CLI exits with 2).
    #[must_use]
    pub fn is_bad_input(&self) -> bool {
        match self {
            Self::Submit(e) => e.is_bad_input(),
            Self::Store(e) => matches!(
                e,
                StoreError::NoSuchAccount(_) | StoreError::InvoiceAlreadyQueued { .. }
            ),
            _ => true,
        }
    }
}

/// Plans every row and finds its problems; stores nothing.
pub fn review(store: &Store, request: &Request<'_>) -> Result<Review, BatchError> {
    let account = choose_account(store, request.account)?;
    let customers = store.customers()?;
    let templates = store.templates()?;
    let sender_name = account
        .from
        .name
        .clone()
        .unwrap_or_else(|| account.from.address.clone());
    let ctx = Context {
        customers: &customers,
        templates: &templates,
        template: request.template,
        language: request.language,
        sender_name: &sender_name,
    };
    let (folder, rows) = match &request.source {
        Source::Sheet(path) => {
            let bytes = std::fs::read(path).map_err(|e| BatchError::Unreadable {
                path: path.display().to_string(),
                reason: e.to_string(),
            })?;
            let sheet = bulk::read_sheet(&bytes)?;
            bulk::check_columns(&sheet, &ctx)?;
            let folder = path.parent().map(Path::to_path_buf).unwrap_or_default();
            (folder, sheet.rows)
        }
        Source::Files { paths, pattern } => {
            let pattern = pattern
                .as_deref()
                .filter(|p| !p.trim().is_empty())
                .map(FilePattern::parse)
                .transpose()
                .map_err(BatchError::Pattern)?;
            let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
            (
                PathBuf::new(),
                bulk::rows_from_files(&names, pattern.as_ref(), &customers),
            )
        }
    };
    let mut rows = rows;
    for row in &mut rows {
        if let Some((file, address)) = request.corrected.get(&row.line)
            && row.get("file").unwrap_or_default() == file
        {
            row.cells.insert("email".to_owned(), address.clone());
        }
    }
    let mut planned = bulk::plan(&rows, &ctx);
    for row in &mut planned {
        add_stored_problems(store, &folder, row, request.resend)?;
    }
    Ok(Review {
        account: account.name,
        folder,
        rows: planned,
        resend: request.resend,
    })
}

/// The account to send from: the named one, else the only one (the sandbox aside).
fn choose_account(store: &Store, name: Option<&str>) -> Result<Account, BatchError> {
    if let Some(name) = name {
        return Ok(store.account(name)?);
    }
    let accounts: Vec<Account> = store
        .accounts()?
        .into_iter()
        .filter(|a| a.name != crate::sandbox::ACCOUNT)
        .collect();
    match accounts.len() {
        0 => Err(BatchError::NoAccount),
        1 => Ok(accounts.into_iter().next().ok_or(BatchError::NoAccount)?),
        _ => Err(BatchError::WhichAccount),
    }
}

/// What the disk and the store say about a row.
fn add_stored_problems(
    store: &Store,
    folder: &Path,
    row: &mut Planned,
    resend: bool,
) -> Result<(), StoreError> {
    if let Some(file) = &row.file {
        let path = folder.join(file);
        match std::fs::metadata(&path) {
            Ok(m) if m.is_file() => {}
            Ok(_) => row.problems.push(Problem::FileUnreadable {
                path: file.clone(),
                reason: crate::t!("batch-not-a-file"),
            }),
            Err(e) => row.problems.push(Problem::FileUnreadable {
                path: file.clone(),
                reason: e.to_string(),
            }),
        }
    }
    let mut parsed = Vec::new();
    for address in row.to.iter().chain(&row.cc) {
        match mail::parse_address(address) {
            Ok(a) => parsed.push(a),
            Err(e) => row.problems.push(Problem::InvalidAddress {
                address: address.clone(),
                reason: e.localized(),
            }),
        }
    }
    for address in &parsed {
        row.problems.extend(bounced_before(store, address)?);
        if let Some(invoice) = &row.invoice_number
            && !resend
            && let Some(id) = store.invoice_sent_to(invoice, address)?
        {
            row.problems.push(Problem::AlreadyQueued {
                invoice: invoice.clone(),
                id,
            });
        }
    }
    Ok(())
}

/// What to warn of before another mail goes to `address`: its last mail bounced or was
/// refused (the review's problem, and Compose's warning under the addresses).
pub fn bounced_before(store: &Store, address: &str) -> Result<Option<Problem>, StoreError> {
    Ok(store
        .last_failure_to(address)?
        .map(|h| Problem::BouncedBefore {
            address: address.to_owned(),
            status: h.status,
            diagnostic: h.diagnostic.map(|d| crate::text::cut(&d, 80)),
            at: h.at,
        }))
}

/// Stores every good row's mail in one transaction; with bad rows, refuses unless `skip_bad`.
/// Returns each queued row's line and mail id.
pub fn queue(
    store: &mut Store,
    review: &Review,
    skip_bad: bool,
) -> Result<Vec<(u64, i64)>, BatchError> {
    let bad = review.bad();
    if bad > 0 && !skip_bad {
        return Err(BatchError::BadRows(bad));
    }
    let account = store.account(&review.account)?;
    let good: Vec<&Planned> = review.rows.iter().filter(|r| r.is_good()).collect();
    // Read and build first, outside the transaction, on every core.
    let mails = prepare_rows(&account, &good, review)?;
    let mut batch = store.batch()?;
    let mut ids = Vec::with_capacity(mails.len());
    for (line, compose, prepared) in &mails {
        let new = prepared.new_message(&account, compose, review.resend);
        ids.push((*line, batch.add(&new)?));
    }
    batch.commit()?;
    Ok(ids)
}

/// A row's mail as it will be stored: its line, what was composed, its bytes.
type Made = (u64, Compose, super::Prepared);

/// Reads and builds every row's mail, the rows split over the machine's cores (reading a file
/// and building its base64 is most of a batch's time); the order stays the rows'.
fn prepare_rows(
    account: &Account,
    rows: &[&Planned],
    review: &Review,
) -> Result<Vec<Made>, BatchError> {
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .clamp(1, 4);
    let chunk = rows.len().div_ceil(threads).max(1);
    let results: Vec<Result<Vec<Made>, SubmitError>> = std::thread::scope(|scope| {
        let handles: Vec<_> = rows
            .chunks(chunk)
            .map(|part| {
                std::thread::Builder::new()
                    .name("batch-build".into())
                    .spawn_scoped(scope, move || {
                        part.iter().map(|row| make(account, row, review)).collect()
                    })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| match h {
                Ok(h) => h.join().unwrap_or_else(|_| {
                    Err(SubmitError::Mail(crate::mail::MailError::Serialize(
                        std::io::Error::other("a build thread stopped"),
                    )))
                }),
                Err(e) => Err(SubmitError::Mail(crate::mail::MailError::Serialize(e))),
            })
            .collect()
    });
    let mut out = Vec::with_capacity(rows.len());
    for part in results {
        out.extend(part?);
    }
    Ok(out)
}

fn make(account: &Account, row: &Planned, review: &Review) -> Result<Made, SubmitError> {
    let compose = Compose {
        to: row.to.clone(),
        cc: row.cc.clone(),
        subject: row.subject.clone(),
        body_text: row.body.clone(),
        notify_delivery: true,
        invoice_number: row.invoice_number.clone(),
        ..Compose::default()
    };
    let files: Vec<PathBuf> = row.file.iter().map(|f| review.folder.join(f)).collect();
    let edit = Edit {
        account: &account.name,
        compose: &compose,
        kept: &[],
        files: &files,
        destination: Destination::Queue,
        replaces: None,
        resend: review.resend,
    };
    let prepared = prepare(account, &edit)?;
    Ok((row.line, compose, prepared))
}
