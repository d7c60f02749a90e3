//! The command line: the same binary as the window, for invoicing programs and scripts.
//!
//! The verbs and flags are a contract that other programs drive; change them only by adding.
//! Arguments are parsed by clap into [`Cli`] (`args`), then each verb runs against the store and
//! prints either words for people (`print`) or `--json` for programs: the account verbs in
//! `account`, the outbox's in `outbox`, the evidence files in `proof`, the readings of server replies and bounces in `explain`.
//! Exit status: 0 success, 2 bad input (a wrong flag, an invalid address, a missing attachment,
//! an unknown id), 1 anything else; [`exit_code`] is the one place errors become one, and the
//! error goes to stderr as one sentence. Whether to open the window instead is `main`'s choice.

mod account;
mod args;
mod batch;
mod customer;
mod explain;
mod outbox;
mod print;
mod proof;
mod template;

use std::process::ExitCode;

use clap::Parser;

pub use args::{
    AccountArgs, AccountCommand, BatchArgs, Cli, Command, CustomerArgs, CustomerChanges,
    CustomerCommand, QueueArgs, TemplateCommand,
};

use crate::config::Paths;
use crate::mail;
use crate::outbox::SubmitError;
use crate::secrets::SecretError;
use crate::store::{Store, StoreError};
use crate::t;

/// A failure caused by the user's input: exit status 2.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct BadInput(pub String);

/// The command line of this process, checked by clap. `--help`, `--version` and usage errors
/// end the process here (a usage error with exit status 2).
#[must_use]
pub fn parse() -> Cli {
    Cli::parse()
}

/// Runs one parsed command. Without one (only a build without the window gets here) that is
/// bad input.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let paths = Paths::resolve(cli.data_dir.as_deref())?;
    // Messages for people follow the settings' language, else the OS's; JSON never changes.
    let language = crate::config::Settings::load(&paths.settings())
        .ok()
        .and_then(|s| s.language);
    crate::i18n::set_language(crate::i18n::choose(language.as_deref()));
    let Some(command) = cli.command else {
        return Err(BadInput(t!("cli-no-window")).into());
    };
    match command {
        Command::Account(cmd) => account::run(&paths, cmd),
        Command::Queue(args) => outbox::queue(&paths, &args),
        Command::QueueBatch(args) => batch::queue_batch(&paths, &args),
        Command::Customer(cmd) => customer::run(&paths, cmd),
        Command::Template(cmd) => template::run(&paths, cmd),
        Command::List {
            state,
            search,
            json,
        } => outbox::list(&paths, state.as_deref(), search, json),
        Command::Show { id, json } => outbox::show(&paths, id, json),
        Command::Send { all, retries, ids } => outbox::send(&paths, all, retries, ids),
        Command::Explain { reply, json } => explain::explain(&reply, json),
        Command::ParseBounce { files, json } => explain::parse_bounce(&files, json),
        Command::CheckBounces { account } => outbox::check_bounces(&paths, account.as_deref()),
        Command::Proof { ids, out } => proof::proof(&paths, &ids, out.as_deref()),
        Command::Verify { file, ca_file } => proof::verify(&file, ca_file.as_deref()),
    }
}

/// The one place an outcome becomes the exit status: a verb's own status, or for an error 2
/// when it was bad input and 1 otherwise, with the error as one sentence on stderr.
#[must_use]
pub fn exit_code(outcome: anyhow::Result<ExitCode>) -> ExitCode {
    match outcome {
        Ok(code) => code,
        Err(err) => {
            let code = if is_bad_input(&err) { 2 } else { 1 };
            eprintln!("stempel: {}", one_sentence(&err));
            ExitCode::from(code)
        }
    }
}

/// The error as one sentence: the user's own mistakes in the user's language, anything else
/// with its causes as they say themselves.
fn one_sentence(err: &anyhow::Error) -> String {
    // The user's own mistakes, in the user's language; everything else as the error says it.
    let mail_error =
        err.downcast_ref::<mail::MailError>()
            .or_else(|| match err.downcast_ref::<SubmitError>() {
                Some(SubmitError::Mail(e)) => Some(e),
                _ => None,
            });
    if let Some(e) = mail_error {
        return e.localized();
    }
    let store_error =
        err.downcast_ref::<StoreError>()
            .or_else(|| match err.downcast_ref::<SubmitError>() {
                Some(SubmitError::Store(e)) => Some(e),
                _ => None,
            });
    if let Some(e) = store_error
        && !matches!(e, StoreError::Sqlite(_) | StoreError::Corrupt(_))
    {
        return e.localized();
    }
    let mut text = err.to_string();
    for cause in err.chain().skip(1) {
        let cause = cause.to_string();
        if !text.contains(&cause) {
            text.push_str(": ");
            text.push_str(&cause);
        }
    }
    text
}

/// Whether the error was caused by what the user typed (exit status 2) rather than by the
/// world: the network, the keychain, the disk (1).
fn is_bad_input(err: &anyhow::Error) -> bool {
    if err.downcast_ref::<BadInput>().is_some() {
        return true;
    }
    if let Some(e) = err.downcast_ref::<SubmitError>() {
        return e.is_bad_input();
    }
    if err.downcast_ref::<mail::MailError>().is_some() {
        return true;
    }
    if let Some(e) = err.downcast_ref::<StoreError>() {
        return matches!(
            e,
            StoreError::NoSuchAccount(_)
                | StoreError::NoSuchMessage(_)
                | StoreError::AccountExists(_)
                | StoreError::IllegalTransition { .. }
                | StoreError::NotDeletable { .. }
                | StoreError::AccountInUse { .. }
                | StoreError::InvoiceAlreadyQueued { .. }
                | StoreError::CustomerExists(_)
                | StoreError::NoSuchCustomer(_)
                | StoreError::Template(_)
        );
    }
    matches!(
        err.downcast_ref::<SecretError>(),
        Some(SecretError::Empty | SecretError::Missing(_))
    )
}

/// The store in the data folder, which is made when missing.
fn open_store(paths: &Paths) -> anyhow::Result<Store> {
    create_private(paths)?;
    Ok(Store::open(&paths.database())?)
}

/// Makes the data folder (private), saying what was tightened.
fn create_private(paths: &Paths) -> anyhow::Result<()> {
    for path in paths.create()? {
        let path = path.display().to_string();
        eprintln!("{}", t!("notice-tightened", path = path));
    }
    Ok(())
}
