//! The command line: the same binary as the window, for invoicing programs and scripts.
//!
//! The verbs and flags are a contract that other programs drive; change them only by adding.
//! Arguments are parsed by clap into [`Cli`], then each verb runs against the store and prints
//! either words for people or `--json` for programs. Exit status: 0 success, 2 bad input
//! (a wrong flag, an invalid address, a missing attachment, an unknown id), 1 anything else.
//! Errors go to stderr as one sentence.

use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, anyhow};
use clap::{Args, Parser, Subcommand};

use crate::config::Paths;
use crate::mail;
use crate::model::{Account, Compose, Endpoint, Message, MessageState, Security};
use crate::outbox::{self, Destination, SubmitError};
use crate::secrets::{self, Secret, SecretError};
use crate::store::{ListFilter, Store, StoreError};
use crate::t;

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

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Manage sending accounts.
    #[command(subcommand)]
    Account(AccountCommand),
    /// Put a mail in the buffer; prints its id.
    Queue(QueueArgs),
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
        ids: Vec<i64>,
    },
    /// Read the account's mailbox for bounces and read receipts.
    CheckBounces {
        #[arg(long)]
        account: Option<String>,
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
}

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
    /// access token), instead of the keychain.
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

#[derive(Debug, Args)]
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
    /// Ask the servers for a delivery notification (DSN NOTIFY=SUCCESS).
    #[arg(long)]
    pub notify_delivery: bool,
    /// Ask the recipient's mail program for a read receipt.
    #[arg(long)]
    pub read_receipt: bool,
}

fn state_parser() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(MessageState::ALL.map(MessageState::as_str))
}

fn security_parser() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(["starttls", "tls", "none"])
}

/// A failure caused by the user's input: exit status 2.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct BadInput(pub String);

/// Runs the CLI and maps errors to exit codes once, here.
#[must_use]
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            let code = if is_bad_input(&err) { 2 } else { 1 };
            eprintln!("stempel: {}", one_sentence(&err));
            ExitCode::from(code)
        }
    }
}

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
        );
    }
    matches!(
        err.downcast_ref::<SecretError>(),
        Some(SecretError::Empty | SecretError::Missing(_))
    )
}

fn open_store(paths: &Paths) -> anyhow::Result<Store> {
    paths.create()?;
    Ok(Store::open(&paths.database())?)
}

/// Runs one parsed command.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let paths = Paths::resolve(cli.data_dir.as_deref())?;
    // Messages for people follow the settings' language, else the OS's; JSON never changes.
    let language = crate::config::Settings::load(&paths.settings())
        .ok()
        .and_then(|s| s.language);
    crate::i18n::set_language(crate::i18n::choose(language.as_deref()));
    let Some(command) = cli.command else {
        #[cfg(feature = "gui")]
        {
            crate::app::run(&paths)?;
            return Ok(ExitCode::SUCCESS);
        }
        #[cfg(not(feature = "gui"))]
        return Err(BadInput(t!("cli-no-window")).into());
    };
    match command {
        Command::Account(cmd) => account(&paths, cmd),
        Command::Queue(args) => queue(&paths, &args),
        Command::List {
            state,
            search,
            json,
        } => {
            let store = open_store(&paths)?;
            let filter = ListFilter {
                state: state.as_deref().and_then(MessageState::parse),
                search,
                limit: None,
            };
            let mails = store.list(&filter)?;
            let mut out = std::io::stdout().lock();
            if json {
                let mut values = Vec::with_capacity(mails.len());
                for m in &mails {
                    let mut v = serde_json::to_value(m)?;
                    strip_transcripts(&mut v);
                    values.push(v);
                }
                writeln!(out, "{}", serde_json::Value::Array(values))?;
            } else {
                for m in &mails {
                    writeln!(out, "{}", list_line(m))?;
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Show { id, json } => {
            let store = open_store(&paths)?;
            let m = store.message(id)?;
            let mut out = std::io::stdout().lock();
            if json {
                writeln!(out, "{}", serde_json::to_string_pretty(&m)?)?;
            } else {
                write!(out, "{}", show_text(&m))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Send { all, ids } => send(&paths, all, ids),
        Command::Explain { reply, json } => {
            let (receipt, explanation) = crate::smtp::explain::explain_text(&reply);
            if receipt.code.is_none() {
                return Err(BadInput(t!("cli-not-a-reply", reply = reply.clone())).into());
            }
            let mut out = std::io::stdout().lock();
            if json {
                let v = serde_json::json!({
                    "code": receipt.code,
                    "enhanced_status": receipt.enhanced_status,
                    "text": receipt.text,
                    "queue_id": receipt.queue_id,
                    "positive": receipt.is_positive(),
                    "explanation": explanation,
                });
                writeln!(out, "{v}")?;
            } else {
                let code = receipt.code.map(|c| c.to_string()).unwrap_or_default();
                let status = receipt
                    .enhanced_status
                    .as_deref()
                    .map(|s| format!(" {s}"))
                    .unwrap_or_default();
                writeln!(out, "{code}{status}: {}", explanation.meaning_text())?;
                if let Some(q) = &receipt.queue_id {
                    writeln!(out, "{}", t!("cli-queue-id", queue_id = q.clone()))?;
                }
                if !receipt.is_positive() {
                    let advice = explanation.advice_text();
                    writeln!(out, "{}", t!("cli-what-to-do", advice = advice))?;
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::ParseBounce { files, json } => parse_bounce(&files, json),
        Command::CheckBounces { account } => check_bounces(&paths, account.as_deref()),
    }
}

fn strip_transcripts(v: &mut serde_json::Value) {
    if let Some(attempts) = v.get_mut("attempts").and_then(|a| a.as_array_mut()) {
        for a in attempts {
            if let Some(obj) = a.as_object_mut() {
                obj.remove("transcript");
            }
        }
    }
}

fn account(paths: &Paths, cmd: AccountCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        AccountCommand::Add(args) => {
            let account = account_from_args(&args)?;
            let mut store = open_store(paths)?;
            store.add_account(&account)?;
            eprintln!(
                "{}",
                t!("cli-account-added", account = account.name.clone())
            );
            if let Some(p) = args.preset.as_deref().and_then(crate::presets::find) {
                eprintln!("{}: {}", p.name, p.hint_text());
            }
            if account.password_command.is_none() {
                let command = format!("stempel account set-password {}", account.name);
                eprintln!("{}", t!("cli-set-password", command = command));
            }
            Ok(ExitCode::SUCCESS)
        }
        AccountCommand::List { json } => {
            let store = open_store(paths)?;
            let accounts = store.accounts()?;
            let mut out = std::io::stdout().lock();
            if json {
                writeln!(out, "{}", serde_json::to_string_pretty(&accounts)?)?;
            } else {
                for a in &accounts {
                    writeln!(
                        out,
                        "{}\t{}\t{}:{} ({})",
                        a.name,
                        a.from,
                        a.smtp.host,
                        a.smtp.port,
                        a.smtp.security.as_str()
                    )?;
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        AccountCommand::Presets => {
            let mut out = std::io::stdout().lock();
            for p in crate::presets::PRESETS {
                writeln!(
                    out,
                    "{}\t{}\tSMTP {}:{} ({}), IMAP {}:{} ({})\n\t{}",
                    p.id,
                    p.name,
                    p.smtp.0,
                    p.smtp.1,
                    p.smtp.2.as_str(),
                    p.imap.0,
                    p.imap.1,
                    p.imap.2.as_str(),
                    p.hint_text()
                )?;
            }
            Ok(ExitCode::SUCCESS)
        }
        AccountCommand::SetPassword { name } => {
            let store = open_store(paths)?;
            store.account(&name)?;
            let secret = read_password()?;
            secrets::store_password(&name, &secret)?;
            eprintln!("{}", t!("toast-password-saved", account = name.clone()));
            Ok(ExitCode::SUCCESS)
        }
        AccountCommand::Test { name } => {
            let store = open_store(paths)?;
            let account = store.account(&name)?;
            let options = crate::worker::sender::Options::default();
            let (ok, transcript) = match crate::worker::sender::open_session(&account, &options) {
                Ok((client, setup)) => {
                    let mut lines = setup;
                    let start = client.transcript.lines.len();
                    lines.extend(client.quit().since(start));
                    (None, lines)
                }
                Err(f) => (Some((f.error, f.explanation)), f.transcript),
            };
            let mut out = std::io::stdout().lock();
            for l in &transcript {
                writeln!(out, "{l}")?;
            }
            match ok {
                None => {
                    writeln!(out, "{}", t!("account-test-ok", account = name.clone()))?;
                    Ok(ExitCode::SUCCESS)
                }
                Some((error, explanation)) => Err(anyhow!(
                    "{error}: {}; {}",
                    explanation.meaning,
                    explanation.advice
                )),
            }
        }
    }
}

fn read_password() -> anyhow::Result<Secret> {
    let stdin = std::io::stdin();
    let text = if stdin.is_terminal() {
        rpassword::prompt_password("Password: ").context("cannot read the password")?
    } else {
        let mut text = String::new();
        stdin
            .lock()
            .read_to_string(&mut text)
            .context("cannot read the password from standard input")?;
        if text.ends_with('\n') {
            text.pop();
            if text.ends_with('\r') {
                text.pop();
            }
        }
        text
    };
    Ok(Secret::new(text))
}

fn account_from_args(a: &AccountArgs) -> anyhow::Result<Account> {
    let name = a.name.trim();
    if name.is_empty() || name.chars().any(char::is_control) {
        return Err(BadInput(t!("cli-account-name")).into());
    }
    let preset = match &a.preset {
        Some(id) => Some(
            crate::presets::find(id)
                .ok_or_else(|| BadInput(t!("cli-no-preset", preset = id.clone())))?,
        ),
        None => None,
    };
    let from = mail::parse_mailbox(&a.from)?;
    let smtp_host = a.smtp_host.clone().or(preset.map(|p| p.smtp.0.to_owned()));
    let smtp_port = a.smtp_port.or(preset.map(|p| p.smtp.1));
    let smtp_security = a
        .smtp_security
        .clone()
        .or(preset.map(|p| p.smtp.2.as_str().to_owned()));
    let (Some(smtp_host), Some(smtp_port), Some(smtp_security)) =
        (smtp_host, smtp_port, smtp_security)
    else {
        return Err(BadInput(t!("cli-smtp-settings")).into());
    };
    let smtp_user = a.smtp_user.clone().unwrap_or_else(|| from.address.clone());
    for (field, value) in [
        ("smtp host", smtp_host.as_str()),
        ("smtp user", smtp_user.as_str()),
    ] {
        mail::check_header_value(field, value)?;
    }
    let reply_to = a.reply_to.as_deref().map(mail::parse_address).transpose()?;
    let security = |s: &str| {
        Security::parse(s).ok_or_else(|| BadInput(t!("cli-unknown-security", security = s)))
    };
    let imap = match (&a.imap_host, a.imap_port, &a.imap_security, &a.imap_user) {
        (Some(host), Some(port), Some(sec), Some(user)) => Some(Endpoint {
            host: host.clone(),
            port,
            security: security(sec)?,
            user: user.clone(),
        }),
        _ => preset.map(|p| Endpoint {
            host: p.imap.0.to_owned(),
            port: p.imap.1,
            security: p.imap.2,
            user: smtp_user.clone(),
        }),
    };
    let ca_file = match &a.ca_file {
        Some(p) => {
            if !p.is_file() {
                let path = p.display().to_string();
                return Err(BadInput(t!("cli-no-ca-file", path = path)).into());
            }
            Some(
                std::fs::canonicalize(p)
                    .unwrap_or_else(|_| p.clone())
                    .display()
                    .to_string(),
            )
        }
        None => None,
    };
    Ok(Account {
        name: name.to_owned(),
        from,
        reply_to,
        smtp: Endpoint {
            host: smtp_host,
            port: smtp_port,
            security: security(&smtp_security)?,
            user: smtp_user,
        },
        imap,
        imap_folders: a.imap_folders.clone(),
        password_command: a.password_command.clone(),
        ca_file,
        auth: crate::model::AuthMethod::parse(&a.auth).unwrap_or_default(),
    })
}

fn queue(paths: &Paths, a: &QueueArgs) -> anyhow::Result<ExitCode> {
    let body = match (&a.body, &a.body_file) {
        (Some(b), _) => b.clone(),
        (None, Some(f)) => std::fs::read_to_string(f).map_err(|e| {
            let path = f.display().to_string();
            BadInput(t!("cli-body-file", path = path, reason = e.to_string()))
        })?,
        (None, None) => return Err(BadInput(t!("cli-no-body")).into()),
    };
    let compose = Compose {
        to: a.to.clone(),
        cc: a.cc.clone(),
        bcc: a.bcc.clone(),
        reply_to: a.reply_to.clone(),
        subject: a.subject.clone(),
        body_text: body,
        body_html: None,
        notify_delivery: a.notify_delivery,
        read_receipt: a.read_receipt,
    };
    let mut store = open_store(paths)?;
    let id = outbox::submit(
        &mut store,
        &a.account,
        &compose,
        &a.attach,
        Destination::Queue,
    )?;
    println!("{id}");
    Ok(ExitCode::SUCCESS)
}

fn send(paths: &Paths, all: bool, ids: Vec<i64>) -> anyhow::Result<ExitCode> {
    use crate::model::Outcome;
    use crate::worker::sender::{self, Event};
    paths.create()?;
    let only = if all || ids.is_empty() {
        None
    } else {
        Some(ids)
    };
    let handle = sender::spawn(
        paths.database(),
        sender::Options::default(),
        crate::worker::no_waker(),
    )?;
    if !handle.send_due(only) {
        return Err(anyhow!("the sender stopped before it began"));
    }
    let tty = std::io::stderr().is_terminal();
    let mut not_sent = 0;
    let mut problem = None;
    loop {
        let Ok(event) = handle.events.recv() else {
            return Err(anyhow!("the sender stopped unexpectedly"));
        };
        match event {
            Event::BatchStarted { total } => {
                if total == 0 {
                    eprintln!("{}", t!("cli-nothing-to-send"));
                }
            }
            Event::MailDone(r) => {
                let why = r
                    .explanation
                    .as_ref()
                    .map(crate::smtp::explain::Explanation::meaning_text)
                    .unwrap_or_default();
                let id = r.id;
                let what = match r.outcome {
                    Outcome::Sent => {
                        let queue_id = r.queue_id.clone().unwrap_or_else(|| "-".to_owned());
                        t!("cli-mail-sent", id = id, queue_id = queue_id)
                    }
                    Outcome::Deferred => {
                        let time = when(r.next_attempt_at);
                        t!("cli-mail-deferred", id = id, time = time, why = why)
                    }
                    Outcome::Failed => t!("cli-mail-failed", id = id, why = why),
                    Outcome::Uncertain => t!("cli-mail-uncertain", id = id, why = why),
                };
                if r.outcome != Outcome::Sent {
                    not_sent += 1;
                }
                let width = 20;
                let filled = r.index * width / r.total.max(1);
                let bar = format!(
                    "[{}{}] {}/{}",
                    "#".repeat(filled),
                    " ".repeat(width - filled),
                    r.index,
                    r.total
                );
                if tty {
                    eprint!("\r\x1b[2K{bar} {what}\n");
                } else {
                    eprintln!("{bar} {what}");
                }
            }
            Event::Problem(p) => problem = Some(p),
            Event::BatchFinished(s) => {
                eprintln!(
                    "{}",
                    t!(
                        "cli-send-summary",
                        sent = s.sent,
                        deferred = s.deferred,
                        failed = s.failed,
                        uncertain = s.uncertain
                    )
                );
                break;
            }
        }
    }
    if let Some(p) = problem {
        return Err(anyhow!(p));
    }
    Ok(if not_sent > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn check_bounces(paths: &Paths, account: Option<&str>) -> anyhow::Result<ExitCode> {
    use crate::worker::scanner;
    let mut store = open_store(paths)?;
    if let Some(name) = account {
        let a = store.account(name)?;
        if a.imap.is_none() {
            return Err(BadInput(t!("cli-no-imap-settings", account = name)).into());
        }
    }
    let rt = scanner::runtime()?;
    let (summaries, errors) =
        scanner::scan_all(&rt, &mut store, account, &scanner::Options::default(), None)?;
    let mut out = std::io::stdout().lock();
    for s in &summaries {
        eprintln!(
            "{}",
            t!(
                "cli-scan-summary",
                account = s.account.clone(),
                folders = s.folders,
                fetched = s.fetched,
                reports = s.reports,
                changes = s.changes.len()
            )
        );
        for c in &s.changes {
            writeln!(
                out,
                "mail {}\t{}\t{}\t{}\t{} ({})",
                c.message,
                c.recipient.as_deref().unwrap_or("-"),
                c.state.as_str(),
                c.status.as_deref().unwrap_or("-"),
                c.explanation,
                c.matched_by
            )?;
        }
    }
    if summaries.is_empty() && errors.is_empty() {
        eprintln!("{}", t!("cli-no-imap"));
    }
    for (name, e) in &errors {
        eprintln!("stempel: {name}: {e}");
    }
    Ok(if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn parse_bounce(files: &[PathBuf], json: bool) -> anyhow::Result<ExitCode> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut unreadable = 0;
    for file in files {
        let raw = match std::fs::read(file) {
            Ok(raw) => raw,
            Err(e) => {
                eprintln!("stempel: cannot read {}: {e}", file.display());
                unreadable += 1;
                continue;
            }
        };
        let report = crate::bounce::parse(&raw);
        if json {
            let recipients: Vec<serde_json::Value> = report
                .recipients
                .iter()
                .map(|r| {
                    serde_json::json!({
                        "address": r.address,
                        "action": r.action,
                        "status": r.status,
                        "diagnostic": r.diagnostic,
                        "reason": r.reason,
                        "explanation": r.reason.explanation(),
                        "remote_mta": r.remote_mta,
                    })
                })
                .collect();
            let v = serde_json::json!({
                "file": file.display().to_string(),
                "is_bounce": report.is_bounce(),
                "kind": report.kind,
                "recipients": recipients,
                "message_id": report.message_id,
                "envelope_id": report.envelope_id,
                "original_subject": report.original_subject,
                "disposition": report.disposition,
            });
            writeln!(out, "{v}")?;
        } else {
            writeln!(out, "{}: {:?}", file.display(), report.kind)?;
            for r in &report.recipients {
                writeln!(
                    out,
                    "  {} {} {} ({})",
                    r.address,
                    r.action,
                    r.status.as_deref().unwrap_or("-"),
                    r.reason.explanation()
                )?;
            }
        }
    }
    out.flush()?;
    Ok(if unreadable > 0 && unreadable == files.len() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// A moment for people: local time, written the way the user's language writes it.
fn when(t: Option<jiff::Timestamp>) -> String {
    t.map_or_else(|| "-".into(), crate::i18n::datetime)
}

fn list_line(m: &Message) -> String {
    let to = m
        .recipients
        .iter()
        .map(|r| r.address.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "{}\t{}\t{}\t{}\t{}\t{}",
        m.id,
        m.state,
        when(Some(m.created_at)),
        to,
        m.subject,
        m.queue_id.as_deref().unwrap_or("-")
    )
}

fn show_text(m: &Message) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    let _ = writeln!(s, "Mail {} ({})", m.id, m.state);
    let _ = writeln!(s, "Message-ID: {}", m.message_id);
    let _ = writeln!(s, "From:       {}", m.from);
    for r in &m.recipients {
        let _ = writeln!(
            s,
            "{:<11} {} [{}{}]",
            format!("{}:", r.kind.as_str()),
            r.address,
            r.delivery.state.as_str(),
            r.delivery
                .status
                .as_deref()
                .map(|st| format!(" {st}"))
                .unwrap_or_default()
        );
    }
    let _ = writeln!(s, "Subject:    {}", m.subject);
    let _ = writeln!(s, "Created:    {}", when(Some(m.created_at)));
    if let Some(sha) = &m.sha256 {
        let _ = writeln!(s, "SHA-256:    {sha} ({} bytes)", m.size.unwrap_or(0));
    }
    for a in &m.attachments {
        let _ = writeln!(
            s,
            "Attachment: {} ({}, {} bytes, sha256 {})",
            a.filename, a.mime_type, a.size, a.sha256
        );
    }
    for (i, a) in m.attempts.iter().enumerate() {
        let _ = writeln!(s, "\nAttempt {} at {}", i + 1, when(a.started_at));
        if let Some(server) = &a.server {
            let _ = writeln!(s, "  Server:   {server}");
        }
        if let Some(tls) = &a.tls_version {
            let _ = writeln!(s, "  TLS:      {tls}");
        }
        if let (Some(code), Some(text)) = (a.reply_code, &a.reply_text) {
            let _ = writeln!(s, "  Reply:    {code} {text}");
        }
        if let Some(q) = &a.queue_id {
            let _ = writeln!(s, "  Queue id: {q}");
        }
        if let Some(e) = &a.error {
            let _ = writeln!(s, "  Error:    {e}");
        }
        if let Some(e) = &a.explanation {
            let _ = writeln!(s, "  Meaning:  {e}");
        }
        for l in &a.transcript {
            let _ = writeln!(s, "  {l}");
        }
    }
    for e in &m.events {
        let _ = writeln!(
            s,
            "\nReport: {} {} {} {}",
            e.recipient.as_deref().unwrap_or("-"),
            e.state.as_str(),
            e.status.as_deref().unwrap_or(""),
            e.diagnostic.as_deref().unwrap_or("")
        );
    }
    s
}
