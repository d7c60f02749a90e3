//! The sandbox: a small SMTP server on loopback, for a first run without a real mail server.
//!
//! It speaks enough ESMTP for the sender (PIPELINING, 8BITMIME, SIZE, DSN, SMTPUTF8), answers
//! every mail with a queue id as a real server would, and delivers nothing. Its greeting and
//! its receipts say so, and the account that points at it is called "sandbox", so a receipt
//! from it can never pass for a real one. Recipients in the reserved `.invalid` domain
//! (RFC 2606) are refused with `550 5.1.2`, so a newcomer can see a failure too.
//!
//! Written by hand: it is a test double shipped in the product, a hundred lines of line
//! handling; a mail server crate would bring storage and delivery we must not have.

use std::io::{BufRead, BufReader, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use crate::model::{Account, Mailbox, Security};

/// The name of the account that sends through the sandbox.
pub const ACCOUNT: &str = "sandbox";

const HOST: &str = "sandbox.stempel.invalid";
/// Largest mail the sandbox takes (25 MB, as common providers).
const MAX_SIZE: usize = 25_000_000;

/// A running sandbox server. It lives as long as the process: its thread waits in `accept`.
#[derive(Clone, Copy, Debug)]
pub struct Sandbox {
    pub addr: SocketAddr,
}

impl Sandbox {
    /// Binds a free port on 127.0.0.1 and starts serving on a named thread.
    pub fn start() -> std::io::Result<Self> {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?;
        let addr = listener.local_addr()?;
        std::thread::Builder::new()
            .name("sandbox-smtp".into())
            .spawn(move || {
                for stream in listener.incoming().flatten() {
                    // One conversation at a time; a failed one only ends that conversation.
                    let _ = serve(stream);
                }
            })?;
        Ok(Self { addr })
    }

    /// The account that sends through this sandbox (no password, no encryption: loopback).
    #[must_use]
    pub fn account(&self) -> Account {
        let mut account = Account::new(
            ACCOUNT,
            Mailbox {
                name: Some("Stempel sandbox".to_owned()),
                address: "you@sandbox.stempel.invalid".to_owned(),
            },
            self.addr.ip().to_string(),
        );
        account.smtp.port = self.addr.port();
        account.smtp.security = Security::None;
        account
    }
}

static NEXT_ID: AtomicU64 = AtomicU64::new(1);

fn queue_id() -> String {
    let n = NEXT_ID.fetch_add(1, Ordering::Relaxed);
    let t = jiff::Timestamp::now().as_second() as u64;
    format!("SBX{:X}{n:04X}", t & 0xF_FFFF)
}

fn serve(stream: TcpStream) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_mins(5)))?;
    stream.set_nodelay(true)?;
    let mut out = stream.try_clone()?;
    let mut input = BufReader::new(stream);
    write!(
        out,
        "220 {HOST} ESMTP Stempel sandbox: mail is accepted here and delivered nowhere\r\n"
    )?;
    let mut recipients = 0usize;
    let mut in_mail = false;
    let mut line = Vec::new();
    loop {
        line.clear();
        if input.read_until(b'\n', &mut line)? == 0 {
            return Ok(());
        }
        let text = String::from_utf8_lossy(&line);
        let command = text.trim_end();
        let verb = command
            .split([' ', ':'])
            .next()
            .unwrap_or("")
            .to_ascii_uppercase();
        let reply = match verb.as_str() {
            "EHLO" => format!(
                "250-{HOST} greets you (sandbox)\r\n250-PIPELINING\r\n250-SIZE {MAX_SIZE}\r\n\
                 250-8BITMIME\r\n250-DSN\r\n250-SMTPUTF8\r\n250 ENHANCEDSTATUSCODES\r\n"
            ),
            "HELO" => format!("250 {HOST}\r\n"),
            "MAIL" => {
                in_mail = true;
                recipients = 0;
                "250 2.1.0 Ok\r\n".to_owned()
            }
            "RCPT" if !in_mail => "503 5.5.1 Error: need MAIL command\r\n".to_owned(),
            "RCPT" => {
                let address = command
                    .split_once('<')
                    .and_then(|(_, rest)| rest.split_once('>'))
                    .map_or("", |(a, _)| a);
                let domain = address.rsplit_once('@').map_or("", |(_, d)| d);
                let domain = domain.to_ascii_lowercase();
                if domain == "invalid" || domain.ends_with(".invalid") {
                    format!(
                        "550 5.1.2 <{address}>: Recipient address rejected: the domain does not \
                         exist (sandbox)\r\n"
                    )
                } else {
                    recipients += 1;
                    "250 2.1.5 Ok\r\n".to_owned()
                }
            }
            "DATA" if recipients == 0 => "554 5.5.1 Error: no valid recipients\r\n".to_owned(),
            "DATA" => {
                out.write_all(b"354 End data with <CR><LF>.<CR><LF>\r\n")?;
                out.flush()?;
                let size = read_data(&mut input)?;
                in_mail = false;
                recipients = 0;
                if size > MAX_SIZE {
                    "552 5.3.4 Message size exceeds fixed limit\r\n".to_owned()
                } else {
                    format!(
                        "250 2.0.0 Ok: queued as {} (sandbox: not delivered)\r\n",
                        queue_id()
                    )
                }
            }
            "RSET" => {
                in_mail = false;
                recipients = 0;
                "250 2.0.0 Ok\r\n".to_owned()
            }
            "NOOP" => "250 2.0.0 Ok\r\n".to_owned(),
            "QUIT" => {
                out.write_all(b"221 2.0.0 Bye\r\n")?;
                return out.flush();
            }
            _ => "502 5.5.2 Error: command not recognized\r\n".to_owned(),
        };
        out.write_all(reply.as_bytes())?;
        out.flush()?;
    }
}

/// Reads the message up to the lone dot; returns its size.
fn read_data(input: &mut impl BufRead) -> std::io::Result<usize> {
    let mut size = 0;
    let mut line = Vec::new();
    loop {
        line.clear();
        if input.read_until(b'\n', &mut line)? == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        if line == b".\r\n" || line == b".\n" {
            return Ok(size);
        }
        size += line.len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn talk(addr: SocketAddr, lines: &[&str]) -> String {
        let mut s = TcpStream::connect(addr).unwrap();
        for l in lines {
            s.write_all(l.as_bytes()).unwrap();
        }
        let mut out = String::new();
        std::io::Read::read_to_string(&mut s, &mut out).unwrap();
        out
    }

    #[test]
    fn accepts_with_a_queue_id_and_refuses_invalid_domains() {
        let sandbox = Sandbox::start().unwrap();
        let out = talk(
            sandbox.addr,
            &[
                "EHLO me\r\n",
                "MAIL FROM:<a@b.cz>\r\n",
                "RCPT TO:<nobody@firma.invalid>\r\n",
                "RCPT TO:<klient@example.com>\r\n",
                "DATA\r\n",
                "Subject: x\r\n\r\n..dot\r\n.\r\n",
                "QUIT\r\n",
            ],
        );
        assert!(out.starts_with("220 "), "{out}");
        assert!(out.contains("250-DSN"), "{out}");
        assert!(out.contains("550 5.1.2 <nobody@firma.invalid>"), "{out}");
        assert!(out.contains("250 2.1.5 Ok"), "{out}");
        let queued = out.lines().find(|l| l.contains("queued as")).unwrap();
        let receipt = crate::smtp::reply::ParsedReply::parse(queued);
        assert!(receipt.queue_id.unwrap().starts_with("SBX"), "{queued}");
        assert!(out.ends_with("221 2.0.0 Bye\r\n"), "{out}");
    }

    #[test]
    fn no_recipient_means_no_data() {
        let sandbox = Sandbox::start().unwrap();
        let out = talk(
            sandbox.addr,
            &["MAIL FROM:<a@b.cz>\r\n", "DATA\r\n", "QUIT\r\n"],
        );
        assert!(out.contains("554 5.5.1"), "{out}");
        assert_eq!(sandbox.account().smtp.security, Security::None);
    }
}
