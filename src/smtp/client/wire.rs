//! The wire: writing command lines, reading replies under a timeout, and the socket's state.
//! Every line in either direction goes into the transcript here.

use std::io::{self, BufRead, Read, Write};
use std::time::Duration;

use super::Client;
use super::stream::io_err;
use crate::model::Dir;
use crate::smtp::client::{MAX_LINE, MAX_REPLY_LINES};
use crate::smtp::error::{Phase, SmtpError};
use crate::smtp::reply::Reply;

impl Client {
    /// Whether the server has closed or reset the connection (checked without blocking).
    pub(super) fn peer_has_closed(&self) -> bool {
        let tcp = self.stream.get_ref().tcp();
        if tcp.set_nonblocking(true).is_err() {
            return false;
        }
        let mut byte = [0u8; 1];
        let closed = match tcp.peek(&mut byte) {
            Ok(0) => true,
            Ok(_) => false,
            Err(e) => matches!(
                e.kind(),
                io::ErrorKind::ConnectionReset
                    | io::ErrorKind::ConnectionAborted
                    | io::ErrorKind::BrokenPipe
            ),
        };
        let _ = tcp.set_nonblocking(false);
        closed
    }

    pub(super) fn abort(&mut self) {
        let _ = self
            .stream
            .get_ref()
            .tcp()
            .shutdown(std::net::Shutdown::Both);
    }

    /// Acknowledges incoming data at once. A server that writes each pipelined reply
    /// separately with Nagle's algorithm on waits for our ACK before its next reply, and
    /// Linux delays ACKs by up to 40 ms: without this every pipelined mail stalls. The kernel
    /// leaves quick-ACK mode by itself, so it is set again before each read.
    pub(super) fn quick_ack(&self) {
        #[cfg(any(target_os = "linux", target_os = "android"))]
        {
            let _ = socket2::SockRef::from(self.stream.get_ref().tcp()).set_tcp_quickack(true);
        }
    }

    pub(super) fn set_timeout(&mut self, t: Duration, phase: Phase) -> Result<(), SmtpError> {
        if self.timeout == Some(t) {
            return Ok(());
        }
        let tcp = self.stream.get_ref().tcp();
        tcp.set_read_timeout(Some(t))
            .and_then(|()| tcp.set_write_timeout(Some(t)))
            .map_err(|e| io_err(phase, e))?;
        self.timeout = Some(t);
        Ok(())
    }

    pub(super) fn write_line(
        &mut self,
        phase: Phase,
        line: &str,
        shown: Option<&str>,
    ) -> Result<(), SmtpError> {
        self.transcript
            .push(Dir::Client, shown.unwrap_or(line.trim_end_matches("\r\n")));
        self.set_timeout(self.endpoint.timeouts.command, phase)?;
        let r = self.stream.get_mut().write_all(line.as_bytes());
        r.map_err(|e| {
            self.broken = true;
            io_err(phase, e)
        })
    }

    pub(super) fn flush(&mut self, phase: Phase) -> Result<(), SmtpError> {
        let r = self.stream.get_mut().flush();
        r.map_err(|e| {
            self.broken = true;
            io_err(phase, e)
        })
    }

    pub(super) fn command(
        &mut self,
        phase: Phase,
        line: &str,
        expect: u16,
    ) -> Result<Reply, SmtpError> {
        self.write_line(phase, line, None)?;
        self.flush(phase)?;
        let reply = self.read_reply(phase, self.endpoint.timeouts.command)?;
        if reply.code == expect {
            Ok(reply)
        } else {
            Err(SmtpError::Reply { phase, reply })
        }
    }

    pub(super) fn command_redacted(
        &mut self,
        phase: Phase,
        line: &str,
        shown: &str,
    ) -> Result<Reply, SmtpError> {
        self.write_line(phase, line, Some(shown))?;
        self.flush(phase)?;
        self.read_reply(phase, self.endpoint.timeouts.command)
    }

    /// Reads one (possibly multi-line) reply.
    pub(super) fn read_reply(
        &mut self,
        phase: Phase,
        timeout: Duration,
    ) -> Result<Reply, SmtpError> {
        self.set_timeout(timeout, phase)?;
        self.quick_ack();
        let mut lines = Vec::new();
        loop {
            let mut raw = Vec::new();
            let n = (&mut self.stream)
                .take(MAX_LINE as u64 + 1)
                .read_until(b'\n', &mut raw);
            let n = n.map_err(|e| {
                self.broken = true;
                io_err(phase, e)
            })?;
            if n == 0 {
                self.broken = true;
                self.transcript
                    .push(Dir::Info, "the server closed the connection");
                return Err(SmtpError::Closed { phase });
            }
            if raw.len() > MAX_LINE {
                self.broken = true;
                return Err(SmtpError::Protocol {
                    phase,
                    what: format!("a reply line longer than {MAX_LINE} bytes"),
                });
            }
            let line = String::from_utf8_lossy(&raw)
                .trim_end_matches(['\r', '\n'])
                .to_owned();
            self.transcript.push(Dir::Server, line.clone());
            let b = line.as_bytes();
            let code = (b.len() >= 3
                && b[..3].iter().all(u8::is_ascii_digit)
                && matches!(b.get(3), None | Some(b' ' | b'-')))
            .then(|| line[..3].parse::<u16>().ok())
            .flatten();
            let Some(code) = code.filter(|c| (200..600).contains(c)) else {
                self.broken = true;
                return Err(SmtpError::Protocol {
                    phase,
                    what: format!("not an SMTP reply: {:?}", truncate(&line, 80)),
                });
            };
            let last = b.get(3) != Some(&b'-');
            lines.push(line);
            if last {
                return Ok(Reply { code, lines });
            }
            if lines.len() >= MAX_REPLY_LINES {
                self.broken = true;
                return Err(SmtpError::Protocol {
                    phase,
                    what: format!("a reply of more than {MAX_REPLY_LINES} lines"),
                });
            }
        }
    }
}

fn truncate(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}
