//! Putting mails into the outbox: the one path from a composed mail to a stored one.
//!
//! Both fronts (CLI, app) call [`submit`]: it validates every field, snapshots the attachments
//! (the invoice file may be moved or deleted later), builds the exact bytes and stores them in
//! one transaction. Any error leaves the store as it was: nothing is queued half-way.

pub mod batch;

use std::path::PathBuf;

use jiff::Timestamp;

use crate::mail::{self, BuildInput, MailError};
use crate::model::{Attachment, Compose};
use crate::store::{NewMessage, Store, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum SubmitError {
    #[error(transparent)]
    Mail(#[from] MailError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl SubmitError {
    /// Whether the user's input is at fault (the CLI exits with 2 for these).
    #[must_use]
    pub fn is_bad_input(&self) -> bool {
        match self {
            Self::Mail(e) => !matches!(e, MailError::Serialize(_)),
            Self::Store(e) => matches!(
                e,
                StoreError::NoSuchAccount(_) | StoreError::InvoiceAlreadyQueued { .. }
            ),
        }
    }
}

/// Whether [`submit`] keeps the mail as a draft or puts it in the buffer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Destination {
    Draft,
    Queue,
}

/// Validates, snapshots, builds and stores a mail; returns its id.
pub fn submit(
    store: &mut Store,
    account: &str,
    compose: &Compose,
    attachments: &[PathBuf],
    destination: Destination,
) -> Result<i64, SubmitError> {
    submit_edit(
        store,
        &Edit {
            account,
            compose,
            kept: &[],
            files: attachments,
            destination,
            replaces: None,
            resend: false,
        },
    )
}

/// A composed mail from the window: attachments already in the store (`kept`, when editing)
/// and files to read, and the draft it replaces.
pub struct Edit<'a> {
    pub account: &'a str,
    pub compose: &'a Compose,
    pub kept: &'a [Attachment],
    pub files: &'a [PathBuf],
    pub destination: Destination,
    /// The draft this edit replaces; it goes in the same transaction.
    pub replaces: Option<i64>,
    /// The user sends this invoice again on purpose (see [`StoreError::InvoiceAlreadyQueued`]).
    pub resend: bool,
}

/// [`submit`] for an edit: same validation, one transaction with the replaced draft.
pub fn submit_edit(store: &mut Store, edit: &Edit<'_>) -> Result<i64, SubmitError> {
    let account = store.account(edit.account)?;
    let prepared = prepare(&account, edit)?;
    let new = prepared.new_message(&account, edit.compose, edit.resend);
    Ok(match edit.replaces {
        Some(old) => store.replace_draft(old, &new)?,
        None => store.insert_message(&new)?,
    })
}

/// A mail checked and built, ready to be stored (alone or in a batch).
pub(crate) struct Prepared {
    recipients: Vec<(crate::model::RecipientKind, String)>,
    reply_to: Option<String>,
    attachments: Vec<Attachment>,
    message_id: String,
    envelope_id: String,
    built: Option<mail::Built>,
}

impl Prepared {
    /// What the store inserts; borrows the account's sender and the mail it was built from.
    pub(crate) fn new_message<'a>(
        &'a self,
        account: &'a crate::model::Account,
        compose: &'a Compose,
        resend: bool,
    ) -> NewMessage<'a> {
        NewMessage {
            account: &account.name,
            from: &account.from,
            compose,
            recipients: &self.recipients,
            reply_to: self.reply_to.as_deref(),
            attachments: &self.attachments,
            message_id: &self.message_id,
            envelope_id: &self.envelope_id,
            built: self.built.as_ref(),
            resend,
        }
    }
}

/// Validates the edit, reads its files and builds its bytes; nothing is stored.
pub(crate) fn prepare(
    account: &crate::model::Account,
    edit: &Edit<'_>,
) -> Result<Prepared, SubmitError> {
    let compose = edit.compose;
    let validated = match mail::validate(compose) {
        // A draft may be saved before it has a recipient; it is checked again when queued.
        Err(MailError::NoRecipients) if edit.destination == Destination::Draft => mail::Validated {
            recipients: Vec::new(),
            reply_to: compose.reply_to.clone().filter(|r| !r.trim().is_empty()),
        },
        other => other?,
    };
    let mut attachments = edit.kept.to_vec();
    for path in edit.files {
        attachments.push(mail::read_attachment(path)?);
    }
    let reply_to = validated
        .reply_to
        .clone()
        .or_else(|| account.reply_to.clone());
    let validated = mail::Validated {
        reply_to: reply_to.clone(),
        ..validated
    };
    let (message_id, envelope_id) = mail::new_ids(&account.from);
    let built = match edit.destination {
        Destination::Draft => None,
        Destination::Queue => Some(mail::build(&BuildInput {
            from: &account.from,
            compose,
            validated: &validated,
            attachments: &attachments,
            message_id: &message_id,
            date: Timestamp::now().as_second(),
        })?),
    };
    Ok(Prepared {
        recipients: validated.recipients,
        reply_to,
        attachments,
        message_id,
        envelope_id,
        built,
    })
}

/// A customer as a front gave it, ready to store: a name, at least one address, and every
/// address valid (kept as `parse_address` writes it, the domain's A-label). The error is one
/// sentence in the user's language.
pub fn checked_customer(mut c: crate::model::Customer) -> Result<crate::model::Customer, String> {
    use crate::t;
    if c.name.trim().is_empty() {
        return Err(t!("cli-customer-no-name"));
    }
    if c.to.is_empty() {
        return Err(t!("cli-customer-no-email", customer = c.name.clone()));
    }
    for list in [&mut c.to, &mut c.cc] {
        for address in list.iter_mut() {
            *address = mail::parse_address(address).map_err(|e| e.localized())?;
        }
    }
    Ok(c)
}
