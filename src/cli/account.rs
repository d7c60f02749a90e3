//! The `account` verbs: add, list, presets, set-password, test.
//!
//! An account is built from the flags here (a preset fills in what is not given) and checked
//! before the store sees it. The password never passes through here on its way anywhere but the
//! keychain (`set-password`); `test` runs the sender's own session opening, as the window does.

use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;

use anyhow::{Context, anyhow};

use super::print;
use super::{AccountArgs, AccountCommand, BadInput, open_store};
use crate::config::Paths;
use crate::mail;
use crate::model::{Account, AuthMethod, Endpoint, Security};
use crate::secrets::{self, Secret};
use crate::t;

/// Runs one `account` verb.
pub(super) fn run(paths: &Paths, cmd: AccountCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        AccountCommand::Add(args) => add(paths, &args),
        AccountCommand::List { json } => list(paths, json),
        AccountCommand::Presets => {
            let mut out = std::io::stdout().lock();
            for p in crate::presets::PRESETS {
                writeln!(out, "{}", print::preset(p))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        AccountCommand::SetPassword { name } => set_password(paths, &name),
        AccountCommand::Test { name } => test(paths, &name),
        AccountCommand::Remove { name } => remove(paths, &name),
    }
}

fn remove(paths: &Paths, name: &str) -> anyhow::Result<ExitCode> {
    let mut store = open_store(paths)?;
    let kept = store.remove_account(name)?;
    secrets::forget_for_session(name);
    // The account is gone either way; a keychain that cannot be reached keeps a password
    // nothing uses any more, which is said.
    if let Err(e) = secrets::delete_password(name) {
        eprintln!("{}", t!("cli-password-not-removed", reason = e.to_string()));
    }
    let account = name.to_owned();
    eprintln!(
        "{}",
        if kept {
            t!("account-removed-kept", account = account)
        } else {
            t!("account-removed", account = account)
        }
    );
    Ok(ExitCode::SUCCESS)
}

fn add(paths: &Paths, args: &AccountArgs) -> anyhow::Result<ExitCode> {
    let account = account_from_args(args)?;
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

fn list(paths: &Paths, json: bool) -> anyhow::Result<ExitCode> {
    let store = open_store(paths)?;
    let accounts = store.accounts()?;
    let mut out = std::io::stdout().lock();
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(&accounts)?)?;
    } else {
        for a in &accounts {
            writeln!(out, "{}", print::account_line(a))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn set_password(paths: &Paths, name: &str) -> anyhow::Result<ExitCode> {
    let store = open_store(paths)?;
    store.account(name)?;
    let secret = read_password()?;
    secrets::store_password(name, &secret)?;
    eprintln!("{}", t!("toast-password-saved", account = name.to_owned()));
    Ok(ExitCode::SUCCESS)
}

fn test(paths: &Paths, name: &str) -> anyhow::Result<ExitCode> {
    let store = open_store(paths)?;
    let account = store.account(name)?;
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
        writeln!(out, "{}", print::visible(&l.to_string()))?;
    }
    match ok {
        None => {
            writeln!(out, "{}", t!("account-test-ok", account = name.to_owned()))?;
            Ok(ExitCode::SUCCESS)
        }
        Some((error, explanation)) => Err(anyhow!(
            "{error}: {}; {}",
            explanation.meaning,
            explanation.advice
        )),
    }
}

/// The password from the terminal without echo, or all of standard input less one line end.
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

/// The account `account add` describes: a preset's servers unless flags say otherwise, the
/// sender's address as login name unless one is given. Every text is checked for header safety.
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
    let mut account = Account::new(name, from, smtp_host);
    account.reply_to = reply_to;
    account.smtp.port = smtp_port;
    account.smtp.security = security(&smtp_security)?;
    account.smtp.user = smtp_user;
    account.imap = imap;
    account.imap_folders.clone_from(&a.imap_folders);
    account.password_command.clone_from(&a.password_command);
    account.ca_file = ca_file;
    account.auth = AuthMethod::parse(&a.auth).unwrap_or_default();
    Ok(account)
}
