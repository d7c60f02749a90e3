//! One mail on an open session: the envelope with the parameters the server supports
//! (SIZE, 8BITMIME, SMTPUTF8, DSN), pipelined when it can be, the body dot-stuffed after DATA
//! (or as one chunk, see [`chunking`](super::chunking)), and the hooks around the end of the
//! mail where the caller makes the mail's mark durable.

use std::io::{self, Write};

use lettre::Address;
use lettre::transport::smtp::commands::{Data, Mail, Rcpt, Rset};
use lettre::transport::smtp::extension::{MailBodyParameter, MailParameter, RcptParameter};
use sha2::{Digest, Sha256};

use super::stream::io_err;
use super::{Client, DataHooks, write_dot_stuffed};
use crate::model::Dir;
use crate::smtp::error::{Phase, SmtpError};
use crate::smtp::reply::Reply;

/// An envelope for one mail.
#[derive(Clone, Debug)]
pub struct MailEnvelope {
    pub from: String,
    pub recipients: Vec<String>,
    /// Stempel's id for the mail, sent as ENVID when the server offers DSN.
    pub envelope_id: String,
    /// Also ask for a success notification.
    pub notify_success: bool,
}

/// The per-recipient answer to RCPT.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RcptResult {
    pub address: String,
    pub accepted: bool,
    pub reply: String,
}

/// How one mail went on an open session.
#[derive(Debug)]
pub struct MailResult {
    pub rcpt: Vec<RcptResult>,
    pub result: Result<Reply, SmtpError>,
    /// Whether the end of DATA was written: an error after it makes the mail uncertain.
    pub data_end_sent: bool,
}

impl Client {
    /// Sends one mail. `hooks.before_data_end` runs right before its last byte is written; it
    /// is where the caller records, durably, that the mail may now reach the server.
    pub fn send_mail(
        &mut self,
        env: &MailEnvelope,
        message: &[u8],
        before_data_end: &mut dyn DataHooks,
    ) -> MailResult {
        let mut out = MailResult {
            rcpt: Vec::new(),
            result: Err(SmtpError::Closed { phase: Phase::Mail }),
            data_end_sent: false,
        };
        out.result = self.send_mail_inner(env, message, before_data_end, &mut out);
        out
    }

    /// Sends the envelope commands and reads their replies: in one write with PIPELINING
    /// (led by a due RSET), else one by one, stopping early when MAIL or every RCPT is
    /// refused.
    pub(super) fn exchange(
        &mut self,
        commands: &[(Phase, String)],
    ) -> Result<Vec<Reply>, SmtpError> {
        let mut replies = Vec::new();
        if self.extensions.pipelining {
            let rset = std::mem::take(&mut self.rset_due);
            if rset {
                self.write_line(Phase::Rset, &Rset.to_string(), None)?;
            }
            for (phase, cmd) in commands {
                self.write_line(*phase, cmd, None)?;
            }
            self.flush(Phase::Mail)?;
            if rset {
                let reply = self.read_reply(Phase::Rset, self.endpoint.timeouts.command);
                self.check_rset(reply)?;
            }
            for (phase, _) in commands {
                replies.push(self.read_reply(*phase, self.endpoint.timeouts.command)?);
            }
            return Ok(replies);
        }
        self.rset_now()?;
        for (i, (phase, cmd)) in commands.iter().enumerate() {
            self.write_line(*phase, cmd, None)?;
            self.flush(*phase)?;
            let reply = self.read_reply(*phase, self.endpoint.timeouts.command)?;
            let mail_refused = i == 0 && !reply.is_positive();
            let last_rcpt = *phase == Phase::Rcpt
                && commands
                    .get(i + 1)
                    .is_none_or(|(next, _)| *next != Phase::Rcpt);
            replies.push(reply);
            let all_rcpt_refused =
                last_rcpt && replies.iter().skip(1).all(|r: &Reply| !r.is_positive());
            if mail_refused || all_rcpt_refused {
                break;
            }
        }
        Ok(replies)
    }

    /// Whether the envelope was taken: MAIL accepted and at least one RCPT. Fills each
    /// recipient's answer into `out`; a refusal leaves RSET due.
    pub(super) fn envelope_taken(
        &mut self,
        env: &MailEnvelope,
        replies: &[Reply],
        out: &mut MailResult,
    ) -> Result<(), SmtpError> {
        let Some(mail_reply) = replies.first() else {
            return Err(SmtpError::Protocol {
                phase: Phase::Mail,
                what: "no reply to MAIL".into(),
            });
        };
        if !mail_reply.is_positive() {
            self.reset();
            return Err(SmtpError::Reply {
                phase: Phase::Mail,
                reply: mail_reply.clone(),
            });
        }
        for (r, reply) in env.recipients.iter().zip(replies.iter().skip(1)) {
            out.rcpt.push(RcptResult {
                address: r.clone(),
                accepted: reply.is_positive(),
                reply: reply.text(),
            });
        }
        if out.rcpt.iter().all(|r| !r.accepted) {
            let last = replies
                .get(1)
                .cloned()
                .unwrap_or_else(|| mail_reply.clone());
            self.reset();
            return Err(SmtpError::AllRecipientsRejected { reply: last });
        }
        Ok(())
    }

    pub(super) fn send_mail_inner(
        &mut self,
        env: &MailEnvelope,
        message: &[u8],
        hooks: &mut dyn DataHooks,
        out: &mut MailResult,
    ) -> Result<Reply, SmtpError> {
        if let Some(max) = self.extensions.size
            && max > 0
            && message.len() as u64 > max
        {
            return Err(SmtpError::TooBig {
                size: message.len() as u64,
                max,
            });
        }
        if self.extensions.chunking {
            return self.send_chunked(env, message, hooks, out);
        }
        let mut commands = self.envelope_commands(env, message)?;
        commands.push((Phase::Data, Data.to_string()));
        let replies = self.exchange(&commands)?;
        if let Err(e) = self.envelope_taken(env, &replies, out) {
            // A server that said 354 although it took no recipient waits for a body: the
            // session cannot carry another mail.
            if replies.last().is_some_and(|r| r.code == 354) {
                self.broken = true;
            }
            return Err(e);
        }
        let data_reply = replies
            .get(env.recipients.len() + 1)
            .ok_or(SmtpError::Protocol {
                phase: Phase::Data,
                what: "no reply to DATA".into(),
            })?;
        if data_reply.code != 354 {
            self.reset();
            return Err(SmtpError::Reply {
                phase: Phase::Data,
                reply: data_reply.clone(),
            });
        }
        hooks.data_accepted();

        // The body, dot-stuffed (mail-builder does not stuff lines starting with ".").
        self.set_timeout(self.endpoint.timeouts.data_block, Phase::Body)?;
        let written = {
            let mut body = io::BufWriter::with_capacity(64 * 1024, self.stream.get_mut());
            write_dot_stuffed(&mut body, message).and_then(|()| body.flush())
        };
        // Hashed once the body is out, while the server reads it and the mark commits: off
        // the critical path.
        self.record_body(message);
        written.map_err(|e| self.break_off(Phase::Body, e))?;
        self.flush(Phase::Body)?;
        self.mark_data_end(hooks, out)?;
        self.write_line(Phase::DataEnd, ".\r\n", None)?;
        self.flush(Phase::DataEnd)?;
        hooks.data_end_written();
        let reply = self.read_reply(Phase::DataEnd, self.endpoint.timeouts.data_end)?;
        if reply.code / 100 != 2 {
            return Err(SmtpError::Reply {
                phase: Phase::DataEnd,
                reply,
            });
        }
        Ok(reply)
    }

    /// The body's one line in the transcript: its size and SHA-256.
    pub(super) fn record_body(&mut self, message: &[u8]) {
        self.transcript.push(
            Dir::Client,
            format!(
                "[message: {} bytes, sha256 {}]",
                message.len(),
                hex::encode(Sha256::digest(message))
            ),
        );
    }

    /// Everything of the mail but its last byte has left: the caller makes its mark durable,
    /// and from here on a break leaves the mail uncertain (`out.data_end_sent`).
    pub(super) fn mark_data_end(
        &mut self,
        hooks: &mut dyn DataHooks,
        out: &mut MailResult,
    ) -> Result<(), SmtpError> {
        // A server that already hung up did not get the mail: say so before the end marker,
        // which would otherwise make the mail "uncertain".
        if self.peer_has_closed() {
            self.broken = true;
            return Err(SmtpError::Closed { phase: Phase::Body });
        }
        self.make_durable(hooks)?;
        out.data_end_sent = true;
        Ok(())
    }

    /// Waits for the caller's mark (a no-op once it is durable).
    pub(super) fn make_durable(&mut self, hooks: &mut dyn DataHooks) -> Result<(), SmtpError> {
        if let Err(what) = hooks.before_data_end() {
            // The server may hold a mail that lacks its end: the line goes, and the mail with it.
            self.broken = true;
            self.abort();
            return Err(SmtpError::Local { what });
        }
        Ok(())
    }

    /// An I/O error that leaves the session out of step (mid-body, mid-chunk).
    pub(super) fn break_off(&mut self, phase: Phase, e: io::Error) -> SmtpError {
        self.broken = true;
        io_err(phase, e)
    }

    pub(super) fn address(&self, addr: &str, phase: Phase) -> Result<Address, SmtpError> {
        let (local, domain) = addr.rsplit_once('@').ok_or_else(|| SmtpError::BadAddress {
            address: addr.to_owned(),
            phase,
        })?;
        if !local.is_ascii() && !self.extensions.smtputf8 {
            return Err(SmtpError::Utf8LocalPart {
                address: addr.to_owned(),
            });
        }
        // Without SMTPUTF8 an IDN domain goes as its A-label (UTS #46 processing, as lettre's
        // parser validates it).
        let domain = if domain.is_ascii() || self.extensions.smtputf8 {
            domain.to_owned()
        } else {
            idna::domain_to_ascii(domain).map_err(|_| SmtpError::BadAddress {
                address: addr.to_owned(),
                phase,
            })?
        };
        Address::new(local, domain).map_err(|_| SmtpError::BadAddress {
            address: addr.to_owned(),
            phase,
        })
    }

    /// MAIL and RCPT for each recipient, with the parameters the server supports.
    pub(super) fn envelope_commands(
        &self,
        env: &MailEnvelope,
        message: &[u8],
    ) -> Result<Vec<(Phase, String)>, SmtpError> {
        let mut mail_params = Vec::new();
        if self.extensions.size.is_some() {
            mail_params.push(MailParameter::Size(message.len()));
        }
        if self.extensions.eightbitmime && !message.is_ascii() {
            mail_params.push(MailParameter::Body(MailBodyParameter::EightBitMime));
        }
        let needs_utf8 = !env.from.is_ascii() || env.recipients.iter().any(|r| !r.is_ascii());
        if needs_utf8 && self.extensions.smtputf8 {
            mail_params.push(MailParameter::SmtpUtfEight);
        }
        if self.extensions.dsn {
            mail_params.push(MailParameter::Other {
                keyword: "RET".into(),
                value: Some("HDRS".into()),
            });
            mail_params.push(MailParameter::Other {
                keyword: "ENVID".into(),
                value: Some(env.envelope_id.clone()),
            });
        }
        let from = self.address(&env.from, Phase::Mail)?;
        let mut commands = vec![(Phase::Mail, Mail::new(Some(from), mail_params).to_string())];
        for r in &env.recipients {
            let address = self.address(r, Phase::Rcpt)?;
            let mut params = Vec::new();
            if self.extensions.dsn {
                let notify = if env.notify_success {
                    "SUCCESS,FAILURE,DELAY"
                } else {
                    "FAILURE,DELAY"
                };
                params.push(RcptParameter::Other {
                    keyword: "NOTIFY".into(),
                    value: Some(notify.into()),
                });
                params.push(RcptParameter::Other {
                    keyword: "ORCPT".into(),
                    value: Some(format!("rfc822;{address}")),
                });
            }
            commands.push((Phase::Rcpt, Rcpt::new(address, params).to_string()));
        }
        Ok(commands)
    }
}
