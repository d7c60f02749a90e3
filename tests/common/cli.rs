//! The real `stempel` binary, as the CLI tests and the end-to-end tests drive it: command
//! builders over a data folder, the verbs whose output a test reads (`queue`, `list`, `show`), and
//! the `account add` arguments for the test mail servers.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

use super::MailServer;

/// `stempel` keeping its data in `dir` and touching nothing outside it: messages in English,
/// the in-memory test keychain, no session bus. `dir` is made private first, as Stempel makes
/// its own folder (a temporary folder is open to others, which Stempel would tighten with a
/// notice on the first run: [`stempel_as_found`] keeps that).
pub fn stempel(dir: &Path) -> Command {
    make_private(dir);
    stempel_as_found(dir)
}

/// `dir` readable by its owner alone, as Stempel makes its own data folder.
fn make_private(dir: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700));
    }
}

/// `stempel` as [`stempel`], with `dir`'s permissions left as they are.
pub fn stempel_as_found(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("stempel").unwrap();
    // Messages for people follow the OS language; the tests read English.
    cmd.env("LC_ALL", "C.UTF-8");
    cmd.env("STEMPEL_DATA_DIR", dir)
        .env("STEMPEL_KEYCHAIN", "mock")
        .env_remove("DBUS_SESSION_BUS_ADDRESS");
    cmd
}

/// `stempel` keeping its data in `dir` with the real OS keychain of the session (`.ci/e2e`
/// provides one), for the tests of passwords that go through it.
pub fn stempel_with_os_keychain(dir: &Path) -> Command {
    make_private(dir);
    let mut cmd = Command::cargo_bin("stempel").unwrap();
    cmd.env("STEMPEL_DATA_DIR", dir)
        .env_remove("STEMPEL_KEYCHAIN");
    cmd
}

/// `stempel queue ARGS` in `dir`: asserts that it succeeded and printed the new mail's id
/// alone, and returns the id.
pub fn queue(dir: &Path, args: &[&str]) -> String {
    let out = stempel(dir).arg("queue").args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        text.lines().count(),
        1,
        "queue prints the id alone: {text:?}"
    );
    text.trim().to_owned()
}

/// `stempel list --json` in `dir`: every mail.
pub fn list(dir: &Path) -> Vec<Value> {
    let out = stempel(dir).args(["list", "--json"]).output().unwrap();
    assert!(out.status.success());
    match serde_json::from_slice(&out.stdout).unwrap() {
        Value::Array(mails) => mails,
        other => panic!("list --json printed no array: {other}"),
    }
}

/// `stempel show ID --json` in `dir`, exactly as printed.
pub fn show_printed(dir: &Path, id: &str) -> String {
    let out = stempel(dir).args(["show", id, "--json"]).output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

/// `stempel show ID --json` in `dir`, parsed.
pub fn show(dir: &Path, id: &str) -> Value {
    serde_json::from_str(&show_printed(dir, id)).unwrap()
}

/// The `account add NAME` arguments for the test servers' sender: `Faktury <sender>` over
/// localhost at the port `start.sh` wrote as `port_var`, with `security`, the sender's address
/// as login and the servers' CA trusted. The caller adds how the password comes.
pub fn server_account(
    server: &MailServer,
    name: &str,
    port_var: &str,
    security: &str,
) -> Vec<String> {
    let sender = server.var("STEMPEL_MS_SENDER");
    [
        "account",
        "add",
        name,
        "--from",
        &format!("Faktury <{sender}>"),
        "--smtp-host",
        "localhost",
        "--smtp-port",
        server.var(port_var),
        "--smtp-security",
        security,
        "--smtp-user",
        sender,
        "--ca-file",
        server.var("STEMPEL_MS_CA_FILE"),
    ]
    .map(str::to_owned)
    .to_vec()
}

/// Adds the account `name` in `dir` as the test servers' sender, sending over submission with
/// STARTTLS and reading reports over IMAPS, the password from a command.
pub fn add_reporting_account(dir: &Path, server: &MailServer, name: &str) {
    stempel(dir)
        .args(server_account(
            server,
            name,
            "STEMPEL_MS_SUBMISSION_PORT",
            "starttls",
        ))
        .args([
            "--imap-host",
            "localhost",
            "--imap-port",
            server.var("STEMPEL_MS_IMAPS_PORT"),
            "--imap-security",
            "tls",
            "--imap-user",
            server.var("STEMPEL_MS_SENDER"),
        ])
        .args(sender_password_command(server))
        .assert()
        .success();
}

/// `--password-command` printing the test servers' sender password: no keychain needed.
pub fn sender_password_command(server: &MailServer) -> [String; 2] {
    [
        "--password-command".to_owned(),
        format!("printf '{}'", server.var("STEMPEL_MS_SENDER_PASSWORD")),
    ]
}
