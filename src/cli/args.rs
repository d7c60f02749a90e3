//! The command line's grammar: clap's definitions of the verbs and their flags, and nothing else.
//!
//! This is the contract that invoicing programs and scripts drive, so it changes only by adding.
//! What a verb does lives beside it (`account`, `outbox`, `explain`); turning errors into exit
//! codes lives in `cli` itself. Clap answers `--help`, `--version` and usage errors (status 2).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::model::MessageState;

/// The whole command line: where the data lives, and the verb (none opens the window).
#[derive(Debug, Parser)]
#[command(
    name = "stempel",
    version,
    about = "Send invoices by e-mail and keep the server's receipt"
)]
pub struct Cli {
    /// Keep the database and settings in DIR instead of the usual folders.
    #[arg(long, global = true, env = "STEMPEL_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The verbs.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Manage sending accounts.
    #[command(subcommand)]
    Account(AccountCommand),
    /// Put a mail in the buffer; prints its id.
    Queue(QueueArgs),
    /// Put a month's invoices in the buffer from a CSV sheet, one mail per row, all or none;
    /// prints the ids. Every bad row is listed with its line number (exit status 2).
    QueueBatch(BatchArgs),
    /// Keep customers: their addresses, tax id and language.
    #[command(subcommand)]
    Customer(CustomerCommand),
    /// The mail templates (shipped ones and the user's).
    #[command(subcommand)]
    Template(TemplateCommand),
    /// List mails.
    List {
        #[arg(long, value_parser = state_parser())]
        state: Option<String>,
        /// Find TEXT in the subject, the sender or a recipient.
        #[arg(long, value_name = "TEXT")]
        search: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Show one mail with its receipt and delivery reports.
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Send the buffer (or the given mails).
    Send {
        #[arg(long, conflicts_with = "ids")]
        all: bool,
        /// Only the retries that are due: mails tried before and deferred (what the window
        /// sends by itself; the user timer's choice). Mails never tried wait.
        #[arg(long, conflicts_with_all = ["ids", "all"])]
        retries: bool,
        ids: Vec<i64>,
    },
    /// Read the account's mailbox for bounces and read receipts.
    CheckBounces {
        #[arg(long)]
        account: Option<String>,
    },
    /// Write the evidence file of sent mails: one ZIP per mail with the mail as sent, its
    /// attachments, the reports, receipt.json, proof.pdf, SHA256SUMS and the time stamps.
    Proof {
        #[arg(required = true)]
        ids: Vec<i64>,
        /// A .zip file (for one mail) or a folder (stempel-proof-ID.zip for each mail);
        /// the current folder when not given.
        #[arg(long, value_name = "PATH")]
        out: Option<PathBuf>,
    },
    /// Check an evidence file: every hash, the mail against its receipt, the time stamps.
    /// Exit status 0 when all holds, 1 when something does not, 2 for a file that is not one.
    Verify {
        file: PathBuf,
        /// A CA file (PEM) the time-stamping authority may chain to besides the system's roots.
        #[arg(long, value_name = "PEM")]
        ca_file: Option<PathBuf>,
    },
    /// Parse bounce mails.
    ParseBounce {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// Explain an SMTP reply.
    Explain {
        reply: String,
        #[arg(long)]
        json: bool,
    },
}

/// The verbs under `stempel account`.
#[derive(Debug, Subcommand)]
pub enum AccountCommand {
    /// Add an account (the password goes to the keychain with `set-password`).
    Add(Box<AccountArgs>),
    /// List accounts.
    List {
        #[arg(long)]
        json: bool,
    },
    /// List the provider presets.
    Presets,
    /// Store the account's password in the OS keychain, read from standard input.
    SetPassword { name: String },
    /// Connect, secure, authenticate and quit, printing the conversation.
    Test { name: String },
    /// Remove an account and its stored password (refused while mails of it wait in the buffer
    /// or the drafts; its sent mails and their proof stay).
    Remove { name: String },
}

/// What `stempel account add` takes: a preset or the servers, and how to log in.
#[derive(Debug, Args)]
pub struct AccountArgs {
    pub name: String,
    /// The sender, as `Name <address>` or `address`.
    #[arg(long)]
    pub from: String,
    #[arg(long)]
    pub reply_to: Option<String>,
    /// Fill in a provider's servers (see `stempel account presets`).
    #[arg(long)]
    pub preset: Option<String>,
    #[arg(long, required_unless_present = "preset")]
    pub smtp_host: Option<String>,
    #[arg(long, required_unless_present = "preset")]
    pub smtp_port: Option<u16>,
    #[arg(long, value_parser = security_parser(), required_unless_present = "preset")]
    pub smtp_security: Option<String>,
    /// The login name; the sender's address when not given.
    #[arg(long)]
    pub smtp_user: Option<String>,
    #[arg(long, requires_all = ["imap_port", "imap_security", "imap_user"])]
    pub imap_host: Option<String>,
    #[arg(long, requires = "imap_host")]
    pub imap_port: Option<u16>,
    #[arg(long, value_parser = security_parser(), requires = "imap_host")]
    pub imap_security: Option<String>,
    #[arg(long, requires = "imap_host")]
    pub imap_user: Option<String>,
    /// A folder to scan for bounces besides INBOX (repeatable).
    #[arg(long = "imap-folder", value_name = "FOLDER")]
    pub imap_folders: Vec<String>,
    /// A command whose output is the password (or, with --auth xoauth2, a fresh OAuth 2.0
    /// access token), instead of the keychain. The command's text is stored with the account
    /// and shown by `account list`: let it fetch the secret, never contain it.
    #[arg(long, value_name = "CMD")]
    pub password_command: Option<String>,
    /// How to log in: `password` (PLAIN/LOGIN) or `xoauth2` (an OAuth 2.0 access token, as
    /// Gmail and Microsoft 365 accept; give --password-command that prints a current token).
    #[arg(long, default_value = "password", value_parser = ["password", "xoauth2"])]
    pub auth: String,
    /// An extra CA certificate (PEM) to trust for this account's servers.
    #[arg(long, value_name = "PEM")]
    pub ca_file: Option<PathBuf>,
}

/// What `stempel queue` takes: the account, the recipients, the mail and its attachments.
#[derive(Debug, Args)]
#[allow(clippy::struct_excessive_bools)] // flags
pub struct QueueArgs {
    #[arg(long)]
    pub account: String,
    #[arg(long, required = true)]
    pub to: Vec<String>,
    #[arg(long)]
    pub cc: Vec<String>,
    #[arg(long)]
    pub bcc: Vec<String>,
    #[arg(long)]
    pub subject: String,
    #[arg(
        long,
        required_unless_present = "body_file",
        conflicts_with = "body_file"
    )]
    pub body: Option<String>,
    #[arg(long, value_name = "FILE")]
    pub body_file: Option<PathBuf>,
    #[arg(long = "attach", value_name = "FILE")]
    pub attach: Vec<PathBuf>,
    #[arg(long)]
    pub reply_to: Option<String>,
    /// Ask the servers for a delivery notification (DSN NOTIFY=SUCCESS): the default, since
    /// a success report is stage 2 of the proof. Kept so older scripts still run.
    #[arg(long, overrides_with = "no_notify_delivery")]
    pub notify_delivery: bool,
    /// Ask only for reports of failures and delays, not for the success report.
    #[arg(long)]
    pub no_notify_delivery: bool,
    /// Ask the recipient's mail program for a read receipt.
    #[arg(long)]
    pub read_receipt: bool,
    /// The invoice the mail carries. The same number is not queued twice for the same
    /// recipient: an invoicing program that repeats a call gets the first mail's id in the
    /// error (exit status 2) and no second mail.
    #[arg(long, value_name = "NUMBER")]
    pub invoice_number: Option<String>,
    /// Send this invoice again on purpose, although it was queued for this recipient before.
    #[arg(long, requires = "invoice_number")]
    pub resend: bool,
}

/// What `stempel queue-batch` takes.
#[derive(Debug, Args)]
#[allow(clippy::struct_excessive_bools)] // flags
pub struct BatchArgs {
    /// The sheet: a header line, then one invoice per line. Columns: `file` (the PDF, relative
    /// to the sheet), `invoice_number`, `email` (or the customer's `tax_id` or `customer`
    /// name), `cc`, `amount`, `currency`, `due_date`, `period`, `language`, and any column a
    /// template uses.
    #[arg(long, value_name = "FILE")]
    pub csv: PathBuf,
    /// The template (its variant in each customer's language).
    #[arg(long, default_value = "invoice", value_name = "NAME")]
    pub template: String,
    /// The sending account; the only one when not given.
    #[arg(long)]
    pub account: Option<String>,
    /// Check every row and print what would be queued; store nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Queue the good rows and list the bad ones, instead of refusing the whole sheet.
    #[arg(long)]
    pub skip_bad: bool,
    /// Send invoices again on purpose, although they were queued for these recipients before.
    #[arg(long)]
    pub resend: bool,
    #[arg(long)]
    pub json: bool,
}

/// The verbs under `stempel customer`.
#[derive(Debug, Subcommand)]
pub enum CustomerCommand {
    /// Add a customer.
    Add(CustomerArgs),
    /// Change a customer (by name, tax id or id); the options given replace what it had.
    Edit {
        customer: String,
        #[command(flatten)]
        changes: CustomerChanges,
    },
    /// List customers.
    List {
        #[arg(long)]
        json: bool,
    },
    /// One customer with its recent mails and their delivery state.
    Show {
        customer: String,
        #[arg(long)]
        json: bool,
    },
    /// Add or update customers from a CSV sheet (columns `customer` or `name`, `email`, `cc`,
    /// `tax_id`, `language`, `notes`), all or none; a customer with the same tax id, else
    /// name, is updated.
    Import { file: PathBuf },
    /// Remove a customer (its mails stay).
    Remove { customer: String },
}

/// What `stempel customer add` takes.
#[derive(Debug, Args)]
pub struct CustomerArgs {
    pub name: String,
    /// Where invoices go (repeatable).
    #[arg(long = "email", value_name = "ADDRESS", required = true)]
    pub email: Vec<String>,
    /// A copy goes here (repeatable).
    #[arg(long, value_name = "ADDRESS")]
    pub cc: Vec<String>,
    /// NIP, IČO, USt-IdNr or any tax id.
    #[arg(long)]
    pub tax_id: Option<String>,
    /// The language of its mails (en, pl, cs, de).
    #[arg(long)]
    pub language: Option<String>,
    #[arg(long, default_value = "")]
    pub notes: String,
}

/// What `stempel customer edit` may change.
#[derive(Debug, Args)]
pub struct CustomerChanges {
    #[arg(long)]
    pub name: Option<String>,
    #[arg(long = "email", value_name = "ADDRESS")]
    pub email: Vec<String>,
    #[arg(long, value_name = "ADDRESS")]
    pub cc: Vec<String>,
    #[arg(long)]
    pub tax_id: Option<String>,
    #[arg(long)]
    pub language: Option<String>,
    #[arg(long)]
    pub notes: Option<String>,
}

/// The verbs under `stempel template`.
#[derive(Debug, Subcommand)]
pub enum TemplateCommand {
    /// List the templates and their languages.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Print one template.
    Show {
        name: String,
        #[arg(long, default_value = "en")]
        language: String,
    },
    /// Save a template (refused when it uses a placeholder it does not know).
    Set {
        name: String,
        #[arg(long, default_value = "en")]
        language: String,
        #[arg(long)]
        subject: String,
        /// The text, from a file.
        #[arg(long, value_name = "FILE")]
        body_file: PathBuf,
        /// An extra placeholder the template uses, filled from the sheet's column of that name
        /// (repeatable).
        #[arg(long = "field", value_name = "NAME")]
        fields: Vec<String>,
    },
    /// Remove the user's template (a shipped one of that name shows again).
    Remove {
        name: String,
        #[arg(long, default_value = "en")]
        language: String,
    },
}

fn state_parser() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(MessageState::ALL.map(MessageState::as_str))
}

fn security_parser() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(["starttls", "tls", "none"])
}
