//! Helpers shared by the integration tests: the real binary (`cli`), a test account built the
//! way the code builds one, and access to the real servers of `tests/mailserver/start.sh`
//! (`MailServer`, `Imap`) for the end-to-end tests.
// Each test crate compiles this module and uses only some of it: the rest would be dead code.
// Helpers outside #[test] fns: a failure should panic.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

pub mod cli;
pub mod english;
pub mod evidence;
pub mod tsa;
#[cfg(feature = "gui")]
pub mod window;

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use stempel::model::Account;

/// An account named `name` sending as `from` (`Name <address>` or `address`) through
/// `host:port`: `Account::new`'s defaults otherwise (STARTTLS, no login name, no IMAP, no
/// password command, password login, no CA file). Tests set what else differs.
pub fn account(name: &str, from: &str, host: &str, port: u16) -> Account {
    let mut account = Account::new(name, stempel::mail::parse_mailbox(from).unwrap(), host);
    account.smtp.port = port;
    account
}

/// The environment `start.sh` wrote (`$STEMPEL_MAILSERVER_DIR/env`).
pub struct MailServer {
    vars: HashMap<String, String>,
}

impl MailServer {
    pub fn from_env() -> Self {
        let dir = std::env::var("STEMPEL_MAILSERVER_DIR")
            .unwrap_or_else(|_| "/tmp/stempel-mailserver".into());
        let path = PathBuf::from(&dir).join("env");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "{} missing ({e}): start the servers with tests/mailserver/start.sh",
                path.display()
            )
        });
        let vars = text
            .lines()
            .filter_map(|l| l.strip_prefix("export "))
            .filter_map(|l| l.split_once('='))
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
        Self { vars }
    }

    pub fn var(&self, name: &str) -> &str {
        self.vars
            .get(name)
            .unwrap_or_else(|| panic!("{name} not in the mail server env"))
    }

    pub fn port(&self, name: &str) -> u16 {
        self.var(name).parse().unwrap()
    }

    pub fn ca_pem(&self) -> Vec<u8> {
        std::fs::read(self.var("STEMPEL_MS_CA_FILE")).unwrap()
    }

    pub fn postfix_log(&self) -> String {
        std::fs::read_to_string(self.var("STEMPEL_MS_POSTFIX_LOG")).unwrap_or_default()
    }

    /// Waits until Postfix logs `message-id=<mid>` and returns that line's queue id.
    pub fn postfix_queue_id_of(&self, message_id: &str) -> String {
        let needle = format!(": message-id=<{}>", message_id.trim_matches(['<', '>']));
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            for line in self.postfix_log().lines() {
                if let Some(pos) = line.find(&needle) {
                    let head = &line[..pos];
                    return head.rsplit(' ').next().unwrap().to_owned();
                }
            }
            assert!(
                Instant::now() < deadline,
                "Postfix never logged {message_id}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

fn tls_config(ca_pem: &[u8]) -> Arc<rustls::ClientConfig> {
    use rustls::pki_types::CertificateDer;
    use rustls::pki_types::pem::PemObject;
    let mut roots = rustls::RootCertStore::empty();
    for cert in CertificateDer::pem_slice_iter(ca_pem) {
        roots.add(cert.unwrap()).unwrap();
    }
    Arc::new(
        rustls::ClientConfig::builder_with_provider(Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_root_certificates(roots)
        .with_no_client_auth(),
    )
}

/// A minimal IMAPS reader for checking the servers' side of things in tests: logs in and
/// fetches whole messages with `BODY.PEEK[]` (flags untouched).
pub struct Imap {
    stream: BufReader<rustls::StreamOwned<rustls::ClientConnection, TcpStream>>,
    tag: u32,
}

impl Imap {
    pub fn connect(port: u16, ca_pem: &[u8], user: &str, password: &str) -> Self {
        let tcp = TcpStream::connect(("127.0.0.1", port)).unwrap();
        tcp.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        let conn =
            rustls::ClientConnection::new(tls_config(ca_pem), "localhost".try_into().unwrap())
                .unwrap();
        let mut imap = Self {
            stream: BufReader::new(rustls::StreamOwned::new(conn, tcp)),
            tag: 0,
        };
        let mut greeting = String::new();
        imap.stream.read_line(&mut greeting).unwrap();
        assert!(greeting.starts_with("* OK"), "{greeting}");
        imap.command(&format!("LOGIN \"{user}\" \"{password}\""));
        imap.command("SELECT INBOX");
        imap
    }

    /// Runs a command; returns the untagged lines and literals as raw bytes.
    pub fn command(&mut self, cmd: &str) -> Vec<u8> {
        self.tag += 1;
        let tag = format!("a{}", self.tag);
        write!(self.stream.get_mut(), "{tag} {cmd}\r\n").unwrap();
        self.stream.get_mut().flush().unwrap();
        let mut out = Vec::new();
        loop {
            let mut line = Vec::new();
            self.stream.read_until(b'\n', &mut line).unwrap();
            assert!(!line.is_empty(), "connection closed during {cmd}");
            let text = String::from_utf8_lossy(&line).into_owned();
            if text.starts_with(&format!("{tag} ")) {
                assert!(text[tag.len() + 1..].starts_with("OK"), "{cmd}: {text}");
                return out;
            }
            out.extend_from_slice(&line);
            // A literal {n} follows this line.
            if let Some(n) = text
                .trim_end()
                .strip_suffix('}')
                .and_then(|t| t.rsplit_once('{'))
                .and_then(|(_, n)| n.parse::<usize>().ok())
            {
                let mut buf = vec![0; n];
                self.stream.read_exact(&mut buf).unwrap();
                out.extend_from_slice(&buf);
            }
        }
    }

    /// All messages in INBOX, whole, without setting `\Seen`.
    pub fn fetch_all(&mut self) -> Vec<u8> {
        self.command("NOOP");
        self.command("UID FETCH 1:* (FLAGS BODY.PEEK[])")
    }
}

/// Polls INBOX until a message contains all of `needles`; returns everything fetched.
pub fn wait_for_mail(server: &MailServer, user: &str, password: &str, needles: &[&str]) -> String {
    let deadline = Instant::now() + Duration::from_secs(15);
    let mut imap = Imap::connect(
        server.port("STEMPEL_MS_IMAPS_PORT"),
        &server.ca_pem(),
        user,
        password,
    );
    loop {
        let all = String::from_utf8_lossy(&imap.fetch_all()).into_owned();
        if needles.iter().all(|n| all.contains(n)) {
            return all;
        }
        assert!(
            Instant::now() < deadline,
            "no mail with {needles:?} arrived for {user}"
        );
        std::thread::sleep(Duration::from_millis(250));
    }
}
