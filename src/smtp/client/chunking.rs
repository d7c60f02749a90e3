//! One mail over CHUNKING (RFC 3030), when the server offers it.
//!
//! With PIPELINING the whole mail is one write: a due RSET, MAIL, each RCPT and
//! `BDAT <size> LAST` followed by the message as it is (no dot-stuffing), then the replies are
//! read together: one round trip per mail, where DATA needs two (the envelope and DATA, then
//! the body and its final dot). Without PIPELINING the envelope goes command by command first.
//!
//! The durable mark sits where it sits with DATA: the mail's last byte leaves only once the
//! caller's `before_data_end` hook has returned. With PIPELINING its commit starts before the
//! first byte, so it overlaps the writing of the envelope and the body; on a session whose
//! server has not taken a chunk yet, the mark is made durable before the body goes. After the last byte any break without a
//! reply leaves the mail uncertain, even while the replies to MAIL and RCPT are still being
//! read: the server may have taken the mail.
//!
//! The reply to `BDAT … LAST` is the receipt. A server that offers CHUNKING and then answers
//! BDAT as a command it does not know (500, 502, 504) may be reading the body as commands: the
//! session is closed and [`SmtpError::ChunkingRefused`] tells the caller to send the mail again
//! on a new session without CHUNKING.

use std::io::Write;

use super::{Client, DataHooks, MailEnvelope, MailResult};
use crate::model::Dir;
use crate::smtp::error::{Phase, SmtpError};
use crate::smtp::reply::Reply;

impl Client {
    pub(super) fn send_chunked(
        &mut self,
        env: &MailEnvelope,
        message: &[u8],
        hooks: &mut dyn DataHooks,
        out: &mut MailResult,
    ) -> Result<Reply, SmtpError> {
        let commands = self.envelope_commands(env, message)?;
        let pipelined = self.extensions.pipelining;
        // What goes out before the body: with PIPELINING a due RSET and the envelope too.
        let mut wire = Vec::with_capacity(message.len() + 1024);
        let rset = pipelined && std::mem::take(&mut self.rset_due);
        if rset {
            self.queue_line(&mut wire, "RSET");
        }
        if pipelined {
            for (_, cmd) in &commands {
                self.queue_line(&mut wire, cmd.trim_end_matches("\r\n"));
            }
        } else {
            let replies = self.exchange(&commands)?;
            self.envelope_taken(env, &replies, out)?;
        }
        // The mark's commit runs while the envelope and the body go out; until this session's
        // server has taken a chunk it is made durable first: a server that offers CHUNKING
        // without knowing BDAT reads the body as commands, and could take a mail from it.
        hooks.data_accepted();
        if !self.bdat_taken {
            self.make_durable(hooks)?;
        }
        self.queue_line(&mut wire, &format!("BDAT {} LAST", message.len()));
        // One write, so that the server reads the envelope, the command and the body together
        // and answers them together (a server that answers each in its own packet makes the
        // last answer wait for an acknowledgement under Nagle's algorithm): everything but the
        // last byte now, the last once the mark is durable.
        wire.extend_from_slice(message);
        let last = wire.pop().unwrap_or(b'\n');
        self.set_timeout(self.endpoint.timeouts.data_block, Phase::Body)
            .inspect_err(|_| self.broken = true)?;
        let written = self.stream.get_mut().write_all(&wire);
        drop(wire);
        // Hashed once the chunk is out, while the server reads it and the mark commits.
        self.record_body(message);
        written.map_err(|e| self.break_off(Phase::Body, e))?;
        self.flush(Phase::Body)?;
        self.mark_data_end(hooks, out)?;
        self.stream
            .get_mut()
            .write_all(&[last])
            .map_err(|e| self.break_off(Phase::DataEnd, e))?;
        self.flush(Phase::DataEnd)?;
        hooks.data_end_written();

        if !pipelined {
            let reply = self.read_reply(Phase::DataEnd, self.endpoint.timeouts.data_end)?;
            return self.bdat_outcome(reply);
        }
        // The replies. A break while reading them comes after the whole mail was sent, unless
        // the server had refused the envelope before it broke.
        let mut suspect = false;
        if rset {
            match self.read_reply(Phase::DataEnd, self.endpoint.timeouts.command) {
                Ok(r) => suspect = r.code != 250,
                Err(e) => return Err(e),
            }
        }
        let mut replies = Vec::with_capacity(commands.len());
        for _ in &commands {
            match self.read_reply(Phase::DataEnd, self.endpoint.timeouts.command) {
                Ok(r) => replies.push(r),
                Err(e) => return Err(refused_before(env, &replies).unwrap_or(e)),
            }
        }
        let reply = match self.read_reply(Phase::DataEnd, self.endpoint.timeouts.data_end) {
            Ok(r) => r,
            Err(e) => return Err(refused_before(env, &replies).unwrap_or(e)),
        };
        // A server that does not know BDAT read the body as commands, whatever it said to
        // the envelope; one that refused RSET is out of step: neither session goes on.
        if suspect || matches!(reply.code, 500 | 502 | 504) {
            self.broken = true;
        }
        self.envelope_taken(env, &replies, out)?;
        self.bdat_outcome(reply)
    }

    fn bdat_outcome(&mut self, reply: Reply) -> Result<Reply, SmtpError> {
        match reply.code {
            200..=299 => {
                self.bdat_taken = true;
                Ok(reply)
            }
            500 | 502 | 504 => {
                self.transcript.push(
                    Dir::Info,
                    "the server offered CHUNKING but does not take BDAT: the mail goes again \
                     with DATA on a new connection",
                );
                self.broken = true;
                self.abort();
                Err(SmtpError::ChunkingRefused { reply })
            }
            code => {
                // A 4xx or 5xx refuses the mail; anything else leaves the session out of step.
                if code >= 400 {
                    self.reset();
                } else {
                    self.broken = true;
                }
                Err(SmtpError::Reply {
                    phase: Phase::DataEnd,
                    reply,
                })
            }
        }
    }

    /// Puts a command line in `wire` and in the transcript.
    fn queue_line(&mut self, wire: &mut Vec<u8>, line: &str) {
        self.transcript.push(Dir::Client, line);
        wire.extend_from_slice(line.as_bytes());
        wire.extend_from_slice(b"\r\n");
    }
}

/// The refusal the server gave before the line broke, if it gave one: MAIL refused, or every
/// recipient (each answered). Such a mail was not taken, whatever came after.
fn refused_before(env: &MailEnvelope, replies: &[Reply]) -> Option<SmtpError> {
    let mail = replies.first()?;
    if !mail.is_positive() {
        return Some(SmtpError::Reply {
            phase: Phase::Mail,
            reply: mail.clone(),
        });
    }
    let rcpt = &replies[1..];
    (rcpt.len() == env.recipients.len() && rcpt.iter().all(|r| !r.is_positive())).then(|| {
        SmtpError::AllRecipientsRejected {
            reply: rcpt[0].clone(),
        }
    })
}
