//! The wire: writing command lines, reading replies under a timeout, and the socket's state.
//! Every line in either direction goes into the transcript here.

use std::io::{self, BufRead, Write};
use std::time::{Duration, Instant};

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

    /// Reads one (possibly multi-line) reply, all of it within `timeout`: a server that
    /// trickles bytes cannot hold the session longer than that. The transcript keeps the
    /// first [`TRANSCRIPT_REPLY_LINES`] lines of a reply and its last, each cut at
    /// [`TRANSCRIPT_LINE_MAX`] bytes, and says what it left out.
    pub(super) fn read_reply(
        &mut self,
        phase: Phase,
        timeout: Duration,
    ) -> Result<Reply, SmtpError> {
        let deadline = Instant::now() + timeout;
        self.set_timeout(timeout, phase)?;
        self.quick_ack();
        let mut lines = Vec::new();
        let mut left_out = (0usize, 0usize);
        loop {
            let mut raw = Vec::new();
            self.read_line(&mut raw, deadline, phase)?;
            if raw.is_empty() {
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
            let b = line.as_bytes();
            let code = (b.len() >= 3
                && b[..3].iter().all(u8::is_ascii_digit)
                && matches!(b.get(3), None | Some(b' ' | b'-')))
            .then(|| line[..3].parse::<u16>().ok())
            .flatten();
            let last = b.get(3) != Some(&b'-');
            if lines.len() < TRANSCRIPT_REPLY_LINES || last || code.is_none() {
                if left_out.0 > 0 {
                    self.transcript.push(
                        Dir::Info,
                        format!(
                            "[{} more reply lines, {} bytes, not kept]",
                            left_out.0, left_out.1
                        ),
                    );
                }
                self.transcript
                    .push(Dir::Server, crate::text::cut(&line, TRANSCRIPT_LINE_MAX));
            } else {
                left_out = (left_out.0 + 1, left_out.1 + line.len());
            }
            let Some(code) = code.filter(|c| (200..600).contains(c)) else {
                self.broken = true;
                return Err(SmtpError::Protocol {
                    phase,
                    what: format!("not an SMTP reply: {:?}", crate::text::cut(&line, 80)),
                });
            };
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

    /// Reads up to and including the next `\n` (at most `MAX_LINE + 1` bytes) into `raw`,
    /// before `deadline`; an empty `raw` means the server closed the connection.
    fn read_line(
        &mut self,
        raw: &mut Vec<u8>,
        deadline: Instant,
        phase: Phase,
    ) -> Result<(), SmtpError> {
        loop {
            if self.stream.buffer().is_empty() {
                let remaining = deadline.saturating_duration_since(Instant::now());
                if remaining.is_zero() {
                    self.broken = true;
                    return Err(SmtpError::Timeout { phase });
                }
                // Only shorten the socket's timeout when the deadline is near (the common
                // reply arrives in one read and costs no extra system call).
                if self
                    .timeout
                    .is_none_or(|t| remaining + Duration::from_secs(1) < t)
                {
                    self.set_timeout(remaining, phase)?;
                }
            }
            let buf = match self.stream.fill_buf() {
                Ok(buf) => buf,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.broken = true;
                    return Err(io_err(phase, e));
                }
            };
            if buf.is_empty() {
                return Ok(());
            }
            let room = (MAX_LINE + 1).saturating_sub(raw.len());
            let window = &buf[..buf.len().min(room)];
            if let Some(at) = memchr::memchr(b'\n', window) {
                raw.extend_from_slice(&window[..=at]);
                self.stream.consume(at + 1);
                return Ok(());
            }
            let n = window.len();
            raw.extend_from_slice(window);
            self.stream.consume(n);
            if raw.len() > MAX_LINE {
                return Ok(());
            }
        }
    }
}

/// Lines of one reply the transcript keeps before it only counts them (the last is kept too).
pub const TRANSCRIPT_REPLY_LINES: usize = 20;
/// Bytes of one reply line the transcript keeps.
pub const TRANSCRIPT_LINE_MAX: usize = 512;
