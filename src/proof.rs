//! The proof a sent mail has, in stages, built from what the store holds (pure: a `Message` in,
//! the stages out).
//!
//! - Stage 1, *submitted*: the user's own server answered the end of the mail with 250 and a
//!   queue id. It proves that server took the mail; not that the recipient's server did.
//! - Stage 2, *accepted by the recipient's side*: a success report (DSN) with the action
//!   `delivered` or `relayed`, tied to the mail, names the server that wrote it, the remote
//!   server and when. It proves the recipient's side took the mail; not that it was read.
//! - Stage 3, *read*: a read receipt (MDN, `displayed`) came back.
//!
//! Delays and bounces are on the mail's delivery timeline beside these; they are not proof of
//! reception. What the window, the command line and the evidence file say about proof comes
//! from here, so they never disagree.

pub mod check;
pub mod evidence;
mod pdf;
pub mod receipt;

use jiff::Timestamp;
use serde::Serialize;

use crate::model::{DeliveryState, Message, Outcome};

/// The SHA-256 of `bytes`, lowercase hex (as the store and `sha256sum` write it).
#[must_use]
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(bytes))
}

/// Stage 1: the submission server's receipt.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Submitted {
    pub at: Option<Timestamp>,
    /// `host:port` as configured.
    pub server: Option<String>,
    pub reply_code: Option<u16>,
    pub queue_id: Option<String>,
    /// Whether the server offered DSN, so that stage 2 can come at all.
    pub dsn_offered: Option<bool>,
}

/// Stage 2: a recipient's server took the mail (a success report).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Handover {
    pub recipient: Option<String>,
    /// `delivered` (into the mailbox) or `relayed` (passed on to a system that sends no reports).
    pub state: DeliveryState,
    pub at: Option<Timestamp>,
    pub reporting_mta: Option<String>,
    pub remote_mta: Option<String>,
    pub status: Option<String>,
    /// The delivery event that carries the report.
    pub event: i64,
}

/// Stage 3: a read receipt.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Read {
    pub recipient: Option<String>,
    pub at: Option<Timestamp>,
    pub event: i64,
}

/// Every stage a mail has reached.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Proof {
    pub submitted: Option<Submitted>,
    pub accepted: Vec<Handover>,
    pub read: Vec<Read>,
    /// For a mail that was uncertain: the event of the report that showed the server had it.
    pub settled_by: Option<i64>,
    /// A report says the mail could not be delivered (to at least one recipient): stage 2
    /// will not come for it.
    pub bounced: bool,
}

impl Proof {
    /// The highest stage reached: 0 (none), 1, 2 or 3.
    #[must_use]
    pub fn stage(&self) -> u8 {
        if !self.read.is_empty() {
            3
        } else if !self.accepted.is_empty() {
            2
        } else {
            u8::from(self.submitted.is_some() || self.settled_by.is_some())
        }
    }
}

/// The proof stages of `m`, from its attempts and delivery events.
#[must_use]
pub fn proof(m: &Message) -> Proof {
    let submitted = m
        .attempts
        .iter()
        .rev()
        .find(|a| a.outcome == Some(Outcome::Sent))
        .map(|a| Submitted {
            at: a.finished_at,
            server: a.server.clone(),
            reply_code: a.reply_code,
            queue_id: a.queue_id.clone(),
            dsn_offered: a.dsn_offered,
        });
    let mut proof = Proof {
        submitted,
        settled_by: m.settled_by,
        ..Proof::default()
    };
    for e in &m.events {
        match e.state {
            DeliveryState::Delivered | DeliveryState::Relayed if e.kind == "dsn" => {
                proof.accepted.push(Handover {
                    recipient: e.recipient.clone(),
                    state: e.state,
                    at: e.at,
                    reporting_mta: e.reporting_mta.clone(),
                    remote_mta: e.remote_mta.clone(),
                    status: e.status.clone(),
                    event: e.id,
                });
            }
            DeliveryState::Read => proof.read.push(Read {
                recipient: e.recipient.clone(),
                at: e.at,
                event: e.id,
            }),
            DeliveryState::Bounced => proof.bounced = true,
            _ => {}
        }
    }
    proof
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Attempt, DeliveryEvent, MessageState};

    fn sent_mail() -> Message {
        let attempt = Attempt {
            id: 1,
            started_at: None,
            finished_at: Timestamp::from_second(1_800_000_000).ok(),
            server: Some("smtp.firma.pl:587".into()),
            peer_address: None,
            tls_version: None,
            tls_cipher: None,
            cert_subject: None,
            cert_sha256: None,
            cert_verified: None,
            reply_code: Some(250),
            enhanced_status: None,
            reply_text: None,
            queue_id: Some("4Fq2Zk3Y5Vz9".into()),
            outcome: Some(Outcome::Sent),
            error: None,
            explanation: None,
            explanation_key: None,
            dsn_offered: Some(true),
            transcript: Vec::new(),
        };
        Message {
            invoice_number: None,
            id: 1,
            account: "firma".into(),
            state: MessageState::Sent,
            message_id: "<m@firma.pl>".into(),
            envelope_id: "e".into(),
            subject: "Faktura".into(),
            from: "faktury@firma.pl".into(),
            reply_to: None,
            body_text: String::new(),
            notify_delivery: true,
            read_receipt: true,
            sha256: None,
            size: None,
            created_at: Timestamp::UNIX_EPOCH,
            queued_at: None,
            sent_at: None,
            attempt_count: 1,
            next_attempt_at: None,
            last_error: None,
            queue_id: Some("4Fq2Zk3Y5Vz9".into()),
            recipients: Vec::new(),
            attachments: Vec::new(),
            attempts: vec![attempt],
            events: Vec::new(),
            settled_by: None,
            stamp: None,
        }
    }

    fn event(id: i64, kind: &str, state: DeliveryState) -> DeliveryEvent {
        DeliveryEvent {
            id,
            recipient: Some("klient@example.com".into()),
            kind: kind.into(),
            state,
            status: Some("2.0.0".into()),
            diagnostic: None,
            at: None,
            matched_by: "envid".into(),
            reporting_mta: Some("dns; mx.firma.pl".into()),
            remote_mta: Some("dns; mx.example.com".into()),
        }
    }

    #[test]
    fn stages_come_from_the_receipt_success_reports_and_read_receipts() {
        let mut m = sent_mail();
        assert_eq!(proof(&m).stage(), 1);
        assert_eq!(
            proof(&m).submitted.unwrap().queue_id.as_deref(),
            Some("4Fq2Zk3Y5Vz9")
        );
        // A delay or a bounce is on the timeline, but proves no reception.
        m.events.push(event(1, "dsn", DeliveryState::Delayed));
        m.events.push(event(2, "bounce", DeliveryState::Bounced));
        assert_eq!(proof(&m).stage(), 1);
        assert!(proof(&m).bounced);
        m.events.push(event(3, "dsn", DeliveryState::Relayed));
        let p = proof(&m);
        assert_eq!(p.stage(), 2);
        assert_eq!(
            p.accepted[0].remote_mta.as_deref(),
            Some("dns; mx.example.com")
        );
        m.events.push(event(4, "mdn", DeliveryState::Read));
        assert_eq!(proof(&m).stage(), 3);
    }

    #[test]
    fn an_unsent_mail_has_no_proof() {
        let mut m = sent_mail();
        m.attempts[0].outcome = Some(Outcome::Failed);
        assert_eq!(proof(&m).stage(), 0);
    }
}
