//! Putting mails into the outbox: the one path from a composed mail to a stored one.
//!
//! Both fronts (CLI, app) call [`submit`]: it validates every field, snapshots the attachments
//! (the invoice file may be moved or deleted later), builds the exact bytes and stores them in
//! one transaction. Any error leaves the store as it was: nothing is queued half-way.

use std::path::PathBuf;

use jiff::Timestamp;

use crate::mail::{self, BuildInput, MailError};
use crate::model::Compose;
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
            Self::Store(e) => matches!(e, StoreError::NoSuchAccount(_)),
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
    let account = store.account(account)?;
    let validated = mail::validate(compose)?;
    let attachments = attachments
        .iter()
        .map(|p| mail::read_attachment(p))
        .collect::<Result<Vec<_>, _>>()?;
    let reply_to = validated
        .reply_to
        .clone()
        .or_else(|| account.reply_to.clone());
    let validated = mail::Validated {
        reply_to: reply_to.clone(),
        ..validated
    };
    let (message_id, envelope_id) = mail::new_ids(&account.from);
    let built = match destination {
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
    Ok(store.insert_message(&NewMessage {
        account: &account.name,
        from: &account.from,
        compose,
        recipients: &validated.recipients,
        reply_to: reply_to.as_deref(),
        attachments: &attachments,
        message_id: &message_id,
        envelope_id: &envelope_id,
        built: built.as_ref(),
    })?)
}
