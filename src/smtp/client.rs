//! A small synchronous SMTP client that records the whole conversation.
//!
//! lettre's `SmtpConnection` reads and drops the server's greeting and keeps the TLS session
//! private, so the receipt could not show either. This client owns the I/O loop over a TCP or
//! rustls stream and reuses lettre's protocol pieces (the command types, their parameter
//! encoding, `Credentials` and `Mechanism`). Every line in both directions goes into the
//! [`Transcript`] with its millisecond offset, except secrets: AUTH data is written as `****`.
//! The message body stands as one line, `[message: N bytes, sha256 …]`.
//!
//! What it refuses: a server without STARTTLS when STARTTLS is required; bytes sent by the server
//! after its reply to STARTTLS and before the handshake (command injection); AUTH over an
//! unencrypted connection to anything but loopback; TLS older than 1.2 and unverifiable
//! certificates (see [`crate::tls`]); replies longer than [`MAX_REPLY_LINES`] lines of
//! [`MAX_LINE`] bytes.

mod auth;
mod chunking;
mod dot_stuff;
mod extensions;
mod mail;
mod stream;
mod transcript;
mod wire;

use std::io::{self, BufReader};
use std::net::{SocketAddr, TcpStream, ToSocketAddrs};
use std::sync::Arc;
use std::time::Duration;

use lettre::transport::smtp::commands::{Ehlo, Quit, Rset, Starttls};
use lettre::transport::smtp::extension::ClientId;
use sha2::{Digest, Sha256};

pub use dot_stuff::{dot_stuff, write_dot_stuffed};
pub use extensions::Extensions;
pub use mail::{MailEnvelope, MailResult, RcptResult};
pub use transcript::Transcript;

use crate::model::{Dir, Security};
use crate::smtp::error::{Phase, SmtpError};
use crate::smtp::reply::Reply;
use stream::{Stream, io_err, wrap_tls};

/// Longest reply line accepted (RFC 5321 says 512; servers are generous).
pub const MAX_LINE: usize = 8192;
/// How long a silent server is waited for before the greeting is given up.
pub const GREETING_SILENCE: Duration = Duration::from_secs(30);
/// Most lines in one multi-line reply.
pub const MAX_REPLY_LINES: usize = 200;

/// RFC 5321 section 4.5.3.2 timeouts (shorter ones for tests).
#[derive(Clone, Copy, Debug)]
pub struct Timeouts {
    pub connect: Duration,
    pub greeting: Duration,
    pub command: Duration,
    pub data_block: Duration,
    pub data_end: Duration,
}

impl Default for Timeouts {
    fn default() -> Self {
        Self {
            connect: Duration::from_secs(30),
            greeting: Duration::from_mins(5),
            command: Duration::from_mins(5),
            data_block: Duration::from_mins(3),
            data_end: Duration::from_mins(10),
        }
    }
}

/// Where and how to connect.
#[derive(Clone, Debug)]
pub struct Endpoint {
    pub host: String,
    pub port: u16,
    pub security: Security,
    /// Name sent in EHLO.
    pub helo_name: String,
    pub timeouts: Timeouts,
}

/// The facts of the TLS session, for the receipt.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TlsFacts {
    pub version: String,
    pub cipher: String,
    pub cert_subject: String,
    pub cert_sha256: String,
    pub verified: bool,
}

/// An open, greeted, secured and (optionally) authenticated SMTP session.
pub struct Client {
    stream: BufReader<Stream>,
    pub transcript: Transcript,
    pub extensions: Extensions,
    pub tls: Option<TlsFacts>,
    pub peer: SocketAddr,
    endpoint: Endpoint,
    broken: bool,
    /// A refused mail left the server's transaction open: RSET goes before the next MAIL,
    /// in the same write when the server pipelines.
    rset_due: bool,
    /// The server took a mail as a BDAT chunk on this session: it knows BDAT.
    bdat_taken: bool,
    /// The socket timeout last set (saves two syscalls per command).
    timeout: Option<Duration>,
}

/// What the caller does around a mail's body. `data_accepted` runs when the body is about to
/// follow (at 354, or before a chunk; a caller may start slow work that must be done by the
/// end); `before_data_end` runs right before the mail's last byte (the final `.`, or the
/// chunk's last byte) and must return only once the caller has durably recorded that the mail
/// may reach the server. An error there stops the mail before its end. `data_end_written` runs
/// once the end has left, while the server's reply is on its way (a caller may prepare the
/// next mail).
pub trait DataHooks {
    fn data_accepted(&mut self) {}
    fn before_data_end(&mut self) -> Result<(), String>;
    fn data_end_written(&mut self) {}
}

/// A closure is a `before_data_end` hook.
impl<F: FnMut() -> Result<(), String>> DataHooks for F {
    fn before_data_end(&mut self) -> Result<(), String> {
        self()
    }
}

impl Client {
    /// Connects, reads the greeting, says EHLO, secures the connection as `endpoint.security`
    /// demands, and says EHLO again. `transcript` may already hold lines (e.g. from a batch).
    pub fn connect(
        endpoint: &Endpoint,
        tls: &Arc<rustls::ClientConfig>,
        mut transcript: Transcript,
    ) -> Result<Self, (SmtpError, Transcript)> {
        let addrs: Vec<SocketAddr> = match (endpoint.host.as_str(), endpoint.port).to_socket_addrs()
        {
            Ok(a) => a.collect(),
            Err(e) => {
                transcript.push(Dir::Info, format!("cannot resolve {}: {e}", endpoint.host));
                return Err((
                    SmtpError::Resolve {
                        host: endpoint.host.clone(),
                        source: e,
                    },
                    transcript,
                ));
            }
        };
        let mut last = None;
        let mut tcp = None;
        for addr in &addrs {
            transcript.push(Dir::Info, format!("connecting to {addr}"));
            match TcpStream::connect_timeout(addr, endpoint.timeouts.connect) {
                Ok(s) => {
                    tcp = Some((s, *addr));
                    break;
                }
                Err(e) => {
                    transcript.push(Dir::Info, format!("{addr}: {e}"));
                    last = Some(e);
                }
            }
        }
        let Some((tcp, peer)) = tcp else {
            let e = last.unwrap_or_else(|| io::Error::other("no address"));
            return Err((SmtpError::Connect { source: e }, transcript));
        };
        transcript.push(Dir::Info, format!("connected to {peer}"));
        let _ = tcp.set_nodelay(true);
        // The handshake of implicit TLS is bounded like the greeting it stands before: a
        // server that never answers the ClientHello must not hold the send forever.
        if let Err(e) = tcp
            .set_read_timeout(Some(endpoint.timeouts.greeting))
            .and_then(|()| tcp.set_write_timeout(Some(endpoint.timeouts.greeting)))
        {
            return Err((io_err(Phase::TlsHandshake, e), transcript));
        }
        let stream = if endpoint.security == Security::Tls {
            match wrap_tls(tcp, &endpoint.host, tls, Phase::TlsHandshake) {
                Ok(s) => Stream::Tls(Box::new(s)),
                Err(e) => return Err((e, transcript)),
            }
        } else {
            Stream::Plain(tcp)
        };
        let mut client = Self {
            stream: BufReader::new(stream),
            transcript,
            extensions: Extensions::default(),
            tls: None,
            peer,
            endpoint: endpoint.clone(),
            broken: false,
            rset_due: false,
            bdat_taken: false,
            timeout: None,
        };
        match client.setup(tls) {
            Ok(()) => Ok(client),
            Err(e) => {
                client.abort();
                Err((e, client.transcript))
            }
        }
    }

    fn setup(&mut self, tls: &Arc<rustls::ClientConfig>) -> Result<(), SmtpError> {
        if let Stream::Tls(s) = self.stream.get_ref() {
            // Implicit TLS: the handshake completes on the first read or write.
            let _ = s;
        }
        // A server that says nothing for this long is most often an implicit-TLS port (465)
        // waiting for our TLS hello: say so in seconds, not after RFC 5321's five minutes.
        let limit = self.endpoint.timeouts.greeting.min(GREETING_SILENCE);
        let greeting = self.read_reply(Phase::Greeting, limit)?;
        if greeting.code != 220 {
            return Err(SmtpError::Reply {
                phase: Phase::Greeting,
                reply: greeting,
            });
        }
        self.record_tls();
        self.ehlo()?;
        if self.endpoint.security == Security::Starttls {
            if !self.extensions.starttls {
                return Err(SmtpError::StartTlsMissing);
            }
            self.command(Phase::StartTls, &Starttls.to_string(), 220)?;
            self.upgrade(tls)?;
            self.ehlo()?;
        }
        Ok(())
    }

    fn ehlo(&mut self) -> Result<(), SmtpError> {
        let cmd = Ehlo::new(ClientId::Domain(self.endpoint.helo_name.clone())).to_string();
        let reply = self.command(Phase::Ehlo, &cmd, 250)?;
        self.extensions = Extensions::parse(&reply);
        Ok(())
    }

    fn upgrade(&mut self, tls: &Arc<rustls::ClientConfig>) -> Result<(), SmtpError> {
        // Anything the server sent after its 220 and before the handshake would be read as if
        // it came over TLS: refuse it (CVE-2011-0411 style command injection).
        if !self.stream.buffer().is_empty() {
            self.transcript.push(
                Dir::Info,
                format!(
                    "the server sent {} bytes after its reply to STARTTLS",
                    self.stream.buffer().len()
                ),
            );
            return Err(SmtpError::Protocol {
                phase: Phase::StartTls,
                what: "the server sent data after its reply to STARTTLS".into(),
            });
        }
        let placeholder = Stream::Plain(
            self.stream
                .get_ref()
                .tcp()
                .try_clone()
                .map_err(|e| io_err(Phase::StartTls, e))?,
        );
        let old = std::mem::replace(&mut self.stream, BufReader::new(placeholder));
        let Stream::Plain(tcp) = old.into_inner() else {
            return Err(SmtpError::Protocol {
                phase: Phase::StartTls,
                what: "STARTTLS on a connection that is already encrypted".into(),
            });
        };
        let tls_stream = wrap_tls(tcp, &self.endpoint.host, tls, Phase::StartTls)?;
        self.stream = BufReader::new(Stream::Tls(Box::new(tls_stream)));
        self.record_tls();
        Ok(())
    }

    fn record_tls(&mut self) {
        let Stream::Tls(s) = self.stream.get_ref() else {
            return;
        };
        if self.tls.is_some() {
            return;
        }
        let conn = &s.conn;
        let version = conn
            .protocol_version()
            .map(crate::tls::version_name)
            .unwrap_or_default();
        let cipher = conn
            .negotiated_cipher_suite()
            .map(|c| format!("{:?}", c.suite()))
            .unwrap_or_default();
        let (subject, fingerprint) = conn
            .peer_certificates()
            .and_then(|c| c.first())
            .map(|der| {
                let subject = x509_parser::parse_x509_certificate(der).map_or_else(
                    |_| "(unreadable certificate)".into(),
                    |(_, cert)| cert.subject().to_string(),
                );
                (subject, hex::encode(Sha256::digest(der)))
            })
            .unwrap_or_default();
        // A batch that reconnects resumes its TLS session (one round trip less): the
        // certificate is the one verified when the session was made.
        let verified = if conn.handshake_kind() == Some(rustls::HandshakeKind::Resumed) {
            "TLS session resumed; the certificate was verified for this host name when the \
             session was made (TLS 1.2 or newer required)"
        } else {
            "certificate verified for this host name (TLS 1.2 or newer required)"
        };
        for line in [
            format!("TLS {version}, cipher {cipher}"),
            format!("server certificate: {subject}"),
            format!("certificate SHA-256: {fingerprint}"),
            verified.to_owned(),
        ] {
            self.transcript.push(Dir::Info, line);
        }
        self.tls = Some(TlsFacts {
            version,
            cipher,
            cert_subject: subject,
            cert_sha256: fingerprint,
            verified: true,
        });
    }

    /// After a refused mail: RSET goes before the next one, so the session can carry it. It
    /// costs no round trip of its own with PIPELINING (it leads the next mail's write), and
    /// none at all when the session ends instead.
    pub fn reset(&mut self) {
        self.rset_due = !self.broken;
    }

    /// Sends the RSET a refused mail left due, without PIPELINING (with it, the RSET leads the
    /// next mail's write: see `exchange`).
    fn rset_now(&mut self) -> Result<(), SmtpError> {
        if std::mem::take(&mut self.rset_due) {
            let reply = self.command(Phase::Rset, &Rset.to_string(), 250);
            self.check_rset(reply)?;
        }
        Ok(())
    }

    /// A session whose RSET failed cannot carry the mail: the mail waits for a new session
    /// (a transient error, whatever the server's code; the mail was not refused).
    fn check_rset(&mut self, reply: Result<Reply, SmtpError>) -> Result<(), SmtpError> {
        match reply {
            Ok(r) if r.code == 250 => Ok(()),
            Ok(_) | Err(SmtpError::Reply { .. }) => {
                self.broken = true;
                Err(SmtpError::Protocol {
                    phase: Phase::Rset,
                    what: "the server did not take RSET".into(),
                })
            }
            Err(e) => {
                self.broken = true;
                Err(e)
            }
        }
    }

    /// The conversation so far, taken from a session that is over (it keeps an empty one).
    #[must_use]
    pub fn take_transcript(&mut self) -> Transcript {
        self.broken = true;
        self.abort();
        std::mem::take(&mut self.transcript)
    }

    /// Whether the session can carry another mail.
    #[must_use]
    pub fn is_usable(&self) -> bool {
        !self.broken
    }

    /// QUIT, politely; errors are of no consequence any more.
    #[must_use]
    pub fn quit(mut self) -> Transcript {
        if !self.broken {
            let _ = self.command(Phase::Quit, &Quit.to_string(), 221);
        }
        self.abort();
        self.transcript
    }
}
