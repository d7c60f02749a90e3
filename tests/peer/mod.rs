//! A scripted SMTP server on 127.0.0.1 with real TLS (rcgen certificates), for fault injection.
//! It is not a mail server: the real Postfix of `tests/mailserver/` is the truth.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::too_many_lines
)] // test support

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rcgen::{BasicConstraints, CertificateParams, CertifiedIssuer, DnType, IsCa, KeyPair};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};

/// What the peer does at one step.
#[derive(Clone, Debug)]
pub enum Act {
    /// Answer with these lines (`\n`-separated; CRLF added).
    Reply(String),
    /// Answer with these lines, then close the connection (as servers that rate-limit do).
    ReplyAndClose(String),
    /// Close the connection without a word.
    Drop,
    /// Say nothing for this long, then close.
    Stall(Duration),
    /// Answer with these lines one byte at a time, this long apart (a trickling server).
    Trickle(String, Duration),
}

fn r(s: &str) -> Act {
    Act::Reply(s.to_owned())
}

/// Which certificate the peer shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CertKind {
    Good,
    WrongHost,
    Expired,
}

/// How the peer behaves during the TLS part.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TlsMode {
    Normal,
    /// Answers the `ClientHello` with a "protocol version" alert, as a TLS 1.1-only server does.
    OnlyTls11,
    /// Sends a second reply right behind `220` to STARTTLS (command injection).
    InjectAfterStarttls,
}

#[derive(Clone, Debug)]
pub struct Script {
    pub implicit_tls: bool,
    pub cert: CertKind,
    pub tls: TlsMode,
    pub greeting: Act,
    pub ehlo: Act,
    pub extensions: Vec<String>,
    pub starttls: Act,
    pub auth: Act,
    /// With `AUTH XOAUTH2`: the bearer token the peer accepts (a wrong one gets Gmail's
    /// 334 JSON challenge, then 535 after the client's empty answer).
    pub xoauth2: Option<String>,
    pub mail: Act,
    /// Per recipient, in order; missing ones get `250 2.1.5 Ok`.
    pub rcpt: Vec<Act>,
    pub data: Act,
    /// Drop the connection after this many body bytes.
    pub drop_mid_body: Option<usize>,
    pub data_end: Act,
    /// With `CHUNKING` among the extensions: the answer to `BDAT … LAST` (else `data_end`'s).
    pub bdat: Option<Act>,
    /// Offers CHUNKING (if listed) yet answers BDAT as an unknown command, without reading
    /// the chunk: its bytes are then read as commands, as a server that does not know BDAT does.
    pub bdat_unknown: bool,
    /// Recipients answered `550 5.1.1` whatever `rcpt` says.
    pub unknown_users: Vec<String>,
}

impl Default for Script {
    fn default() -> Self {
        Self {
            implicit_tls: false,
            cert: CertKind::Good,
            tls: TlsMode::Normal,
            greeting: r("220 peer.test ESMTP ready"),
            ehlo: r(
                "250-peer.test\n250-PIPELINING\n250-SIZE 50000000\n250-STARTTLS\n250-AUTH PLAIN LOGIN\n250-ENHANCEDSTATUSCODES\n250-8BITMIME\n250 DSN",
            ),
            extensions: Vec::new(),
            starttls: r("220 2.0.0 Ready to start TLS"),
            auth: r("235 2.7.0 Authentication successful"),
            xoauth2: None,
            mail: r("250 2.1.0 Ok"),
            rcpt: Vec::new(),
            data: r("354 End data with <CR><LF>.<CR><LF>"),
            drop_mid_body: None,
            data_end: r("250 2.0.0 Ok: queued as 4Fq2Zk3Y5Vz9"),
            bdat: None,
            bdat_unknown: false,
            unknown_users: Vec::new(),
        }
    }
}

/// What the peer saw.
#[derive(Clone, Debug, Default)]
pub struct Seen {
    pub commands: Vec<String>,
    /// Message bodies as received (dot-stuffing undone), one per completed DATA.
    pub messages: Vec<Vec<u8>>,
    pub connections: usize,
}

pub struct Peer {
    pub port: u16,
    pub ca_file: tempfile::NamedTempFile,
    pub seen: Arc<Mutex<Seen>>,
}

struct Certs {
    ca_pem: String,
    good: (Vec<CertificateDer<'static>>, PrivateKeyDer<'static>),
    wrong_host: (Vec<CertificateDer<'static>>, PrivateKeyDer<'static>),
    expired: (Vec<CertificateDer<'static>>, PrivateKeyDer<'static>),
}

fn certs() -> Certs {
    let ca_key = KeyPair::generate().unwrap();
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca_params
        .distinguished_name
        .push(DnType::CommonName, "Stempel Peer CA");
    let ca = CertifiedIssuer::self_signed(ca_params, ca_key).unwrap();
    let leaf = |names: Vec<String>, expired: bool| {
        let key = KeyPair::generate().unwrap();
        let mut p = CertificateParams::new(names).unwrap();
        p.distinguished_name.push(DnType::CommonName, "peer.test");
        if expired {
            p.not_before = rcgen::date_time_ymd(2020, 1, 1);
            p.not_after = rcgen::date_time_ymd(2021, 1, 1);
        }
        let cert = p.signed_by(&key, &ca).unwrap();
        (
            vec![cert.der().clone()],
            PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der())),
        )
    };
    Certs {
        ca_pem: ca.pem(),
        good: leaf(vec!["localhost".into()], false),
        wrong_host: leaf(vec!["wrong.example".into()], false),
        expired: leaf(vec!["localhost".into()], true),
    }
}

fn server_config(
    cert: &(Vec<CertificateDer<'static>>, PrivateKeyDer<'static>),
) -> Arc<rustls::ServerConfig> {
    Arc::new(
        rustls::ServerConfig::builder_with_provider(Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(cert.0.clone(), cert.1.clone_key())
        .unwrap(),
    )
}

enum Conn {
    Plain(TcpStream),
    Tls(Box<rustls::StreamOwned<rustls::ServerConnection, TcpStream>>),
}

impl Read for Conn {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match self {
            Self::Plain(s) => s.read(buf),
            Self::Tls(s) => s.read(buf),
        }
    }
}
impl Write for Conn {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Self::Plain(s) => s.write(buf),
            Self::Tls(s) => s.write(buf),
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Self::Plain(s) => s.flush(),
            Self::Tls(s) => s.flush(),
        }
    }
}

impl Peer {
    /// Starts serving `script` to every connection, on a thread named `peer`.
    pub fn start(script: Script) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let certs = certs();
        let mut ca_file = tempfile::NamedTempFile::new().unwrap();
        ca_file.write_all(certs.ca_pem.as_bytes()).unwrap();
        let config = server_config(match script.cert {
            CertKind::Good => &certs.good,
            CertKind::WrongHost => &certs.wrong_host,
            CertKind::Expired => &certs.expired,
        });
        let seen = Arc::new(Mutex::new(Seen::default()));
        let seen2 = seen.clone();
        std::thread::Builder::new()
            .name("peer".into())
            .spawn(move || {
                for stream in listener.incoming() {
                    let Ok(stream) = stream else { return };
                    seen2.lock().unwrap().connections += 1;
                    let _ = serve(&stream, &script, &config, &seen2);
                }
            })
            .unwrap();
        Self {
            port,
            ca_file,
            seen,
        }
    }

    pub fn ca_path(&self) -> String {
        self.ca_file.path().display().to_string()
    }

    pub fn seen(&self) -> Seen {
        self.seen.lock().unwrap().clone()
    }
}

/// Plays one act; `false` means the connection is over.
fn act(conn: &mut Conn, a: &Act) -> bool {
    match a {
        Act::Reply(text) => {
            for line in text.split('\n') {
                let _ = write!(conn, "{line}\r\n");
            }
            let _ = conn.flush();
            true
        }
        Act::ReplyAndClose(text) => {
            act(conn, &Act::Reply(text.clone()));
            false
        }
        Act::Drop => false,
        Act::Trickle(text, gap) => {
            for byte in text.replace('\n', "\r\n").bytes().chain(*b"\r\n") {
                if conn.write_all(&[byte]).and_then(|()| conn.flush()).is_err() {
                    return false;
                }
                std::thread::sleep(*gap);
            }
            true
        }
        Act::Stall(d) => {
            std::thread::sleep(*d);
            false
        }
    }
}

fn serve(
    stream: &TcpStream,
    script: &Script,
    config: &Arc<rustls::ServerConfig>,
    seen: &Arc<Mutex<Seen>>,
) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut conn = if script.implicit_tls {
        let tls = rustls::ServerConnection::new(config.clone()).unwrap();
        Conn::Tls(Box::new(rustls::StreamOwned::new(tls, stream.try_clone()?)))
    } else {
        Conn::Plain(stream.try_clone()?)
    };
    if !act(&mut conn, &script.greeting) {
        return Ok(());
    }
    let mut reader = BufReader::new(conn);
    let mut rcpt_index = 0;
    // The transaction as BDAT sees it: MAIL taken, recipients taken, the chunks so far.
    let mut mail_taken = false;
    let mut rcpt_taken = 0;
    let mut chunks = Vec::new();
    let chunking = script.extensions.iter().any(|e| e == "CHUNKING");
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 {
            return Ok(());
        }
        let cmd = line.trim_end().to_owned();
        seen.lock().unwrap().commands.push(cmd.clone());
        let verb = cmd.split(' ').next().unwrap_or("").to_ascii_uppercase();
        let conn = reader.get_mut();
        let next = match verb.as_str() {
            "EHLO" | "HELO" => {
                let mut a = script.ehlo.clone();
                if let Act::Reply(text) = &mut a
                    && text.starts_with("250")
                {
                    let encrypted = matches!(conn, Conn::Tls(_));
                    let mut lines: Vec<String> = text
                        .split('\n')
                        .filter(|l| !(encrypted && l.contains("STARTTLS")))
                        .map(str::to_owned)
                        .collect();
                    for e in &script.extensions {
                        lines.insert(1, format!("250-{e}"));
                    }
                    let n = lines.len();
                    for (i, l) in lines.iter_mut().enumerate() {
                        let rest = l.get(4..).unwrap_or("").to_owned();
                        *l = format!("250{}{rest}", if i + 1 == n { ' ' } else { '-' });
                    }
                    *text = lines.join("\n");
                }
                act(conn, &a)
            }
            "STARTTLS" => {
                match script.tls {
                    TlsMode::InjectAfterStarttls => {
                        let _ = conn.write_all(b"220 2.0.0 Ready\r\n250 injected\r\n");
                        let _ = conn.flush();
                        std::thread::sleep(Duration::from_millis(300));
                        return Ok(());
                    }
                    TlsMode::OnlyTls11 => {
                        act(conn, &script.starttls);
                        let mut hello = [0u8; 5];
                        let _ = reader.read_exact(&mut hello);
                        // Fatal alert "protocol_version" in a TLS 1.1 record.
                        let _ = reader
                            .get_mut()
                            .write_all(&[0x15, 0x03, 0x02, 0x00, 0x02, 0x02, 0x46]);
                        std::thread::sleep(Duration::from_millis(300));
                        return Ok(());
                    }
                    TlsMode::Normal => {}
                }
                if !act(conn, &script.starttls) {
                    return Ok(());
                }
                if matches!(script.starttls, Act::Reply(ref t) if t.starts_with("220")) {
                    let tcp = stream.try_clone()?;
                    let tls = rustls::ServerConnection::new(config.clone()).unwrap();
                    reader =
                        BufReader::new(Conn::Tls(Box::new(rustls::StreamOwned::new(tls, tcp))));
                }
                true
            }
            "AUTH" if script.xoauth2.is_some() => {
                let token = script.xoauth2.clone().unwrap_or_default();
                let sent = cmd.split(' ').nth(2).unwrap_or("");
                let decoded =
                    base64::Engine::decode(&base64::engine::general_purpose::STANDARD, sent)
                        .unwrap_or_default();
                let want = format!("user=faktury@firma.pl\x01auth=Bearer {token}\x01\x01");
                if cmd.to_ascii_uppercase().starts_with("AUTH XOAUTH2 ")
                    && decoded == want.as_bytes()
                {
                    act(conn, &r("235 2.7.0 Accepted"))
                } else {
                    act(
                        conn,
                        &r(
                            "334 eyJzdGF0dXMiOiI0MDEiLCJzY2hlbWVzIjoiYmVhcmVyIiwic2NvcGUiOiJodHRwczovL21haWwuZ29vZ2xlLmNvbS8ifQ==",
                        ),
                    );
                    let mut answer = String::new();
                    reader.read_line(&mut answer)?;
                    seen.lock()
                        .unwrap()
                        .commands
                        .push(answer.trim_end().to_owned());
                    let conn = reader.get_mut();
                    act(
                        conn,
                        &r(
                            "535-5.7.8 Username and Password not accepted. Learn more at\n535 5.7.8  https://support.google.com/mail/?p=BadCredentials",
                        ),
                    )
                }
            }
            "AUTH" => act(conn, &script.auth),
            "MAIL" => {
                rcpt_index = 0;
                rcpt_taken = 0;
                mail_taken = matches!(script.mail, Act::Reply(ref t) if t.starts_with('2'));
                act(conn, &script.mail)
            }
            "RCPT" => {
                let unknown = script
                    .unknown_users
                    .iter()
                    .any(|u| cmd.contains(u.as_str()));
                let a = if unknown {
                    r("550 5.1.1 <user>: Recipient address rejected: User unknown")
                } else {
                    script
                        .rcpt
                        .get(rcpt_index)
                        .cloned()
                        .unwrap_or_else(|| r("250 2.1.5 Ok"))
                };
                rcpt_index += 1;
                if matches!(a, Act::Reply(ref t) if t.starts_with('2')) {
                    rcpt_taken += 1;
                }
                act(conn, &a)
            }
            "BDAT" if chunking && !script.bdat_unknown => {
                let mut words = cmd.split_whitespace().skip(1);
                let size: usize = words.next().and_then(|n| n.parse().ok()).unwrap_or(0);
                let last = words.next().is_some_and(|w| w.eq_ignore_ascii_case("LAST"));
                // The chunk is read whatever the answer (RFC 3030), unless the line drops.
                if let Some(n) = script.drop_mid_body.filter(|n| *n < size) {
                    let mut part = vec![0; n];
                    let _ = reader.read_exact(&mut part);
                    return Ok(());
                }
                let mut chunk = vec![0; size];
                reader.read_exact(&mut chunk)?;
                chunks.extend_from_slice(&chunk);
                let conn = reader.get_mut();
                if !mail_taken || rcpt_taken == 0 {
                    chunks.clear();
                    act(conn, &r("554 5.5.1 Error: no valid recipients"))
                } else if !last {
                    act(conn, &r(&format!("250 2.0.0 {size} bytes received")))
                } else {
                    let a = script
                        .bdat
                        .clone()
                        .unwrap_or_else(|| script.data_end.clone());
                    let body = std::mem::take(&mut chunks);
                    if matches!(a, Act::Reply(ref t) if t.starts_with('2')) {
                        seen.lock().unwrap().messages.push(body);
                    }
                    mail_taken = false;
                    act(conn, &a)
                }
            }
            "DATA" if !mail_taken || rcpt_taken == 0 => {
                act(conn, &r("554 5.5.1 Error: no valid recipients"))
            }
            "DATA" => {
                if !act(conn, &script.data) {
                    return Ok(());
                }
                if !matches!(script.data, Act::Reply(ref t) if t.starts_with("354")) {
                    continue;
                }
                // Read the body up to "\r\n.\r\n", undoing dot-stuffing.
                let mut body = Vec::new();
                let mut total = 0;
                loop {
                    let mut l = Vec::new();
                    if reader.read_until(b'\n', &mut l)? == 0 {
                        return Ok(());
                    }
                    total += l.len();
                    if script.drop_mid_body.is_some_and(|n| total >= n) {
                        return Ok(());
                    }
                    if l == b".\r\n" {
                        break;
                    }
                    if l.starts_with(b".") {
                        l.remove(0);
                    }
                    body.extend_from_slice(&l);
                }
                let a = script.data_end.clone();
                if matches!(a, Act::Reply(ref t) if t.starts_with('2')) {
                    seen.lock().unwrap().messages.push(body);
                }
                act(reader.get_mut(), &a)
            }
            "RSET" | "NOOP" => {
                mail_taken = false;
                chunks.clear();
                act(conn, &r("250 2.0.0 Ok"))
            }
            "QUIT" => {
                act(conn, &r("221 2.0.0 Bye"));
                return Ok(());
            }
            _ => act(conn, &r("502 5.5.2 Error: command not recognized")),
        };
        if !next {
            return Ok(());
        }
    }
}
