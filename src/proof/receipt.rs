//! `receipt.json`: everything the store knows about a sent mail, as a stable, documented
//! format (`stempel-receipt/1`) with each file of the evidence named by its SHA-256. The same
//! builder writes `receipt-at-send.json` right after sending, so the two differ only by what
//! happened since (reports, settling).
//!
//! Canonical bytes: fields in a fixed order, pretty-printed with two spaces, UTF-8, a final
//! newline; no maps with unordered keys. The same mail and history give the same bytes.

use jiff::Timestamp;
use serde::Serialize;

use super::{Proof, proof};
use crate::model::{Attempt, Message};

/// The receipt format's name and version.
pub const FORMAT: &str = "stempel-receipt/1";

#[derive(Serialize)]
struct Receipt<'a> {
    format: &'static str,
    /// When this receipt was written.
    written_at: Timestamp,
    stempel: &'static str,
    message: Mail<'a>,
    attachments: Vec<AttachmentFile<'a>>,
    attempts: &'a [Attempt],
    events: Vec<EventFacts<'a>>,
    proof: Proof,
}

#[derive(Serialize)]
struct Mail<'a> {
    /// The file of the exact bytes sent.
    file: &'static str,
    sha256: Option<&'a str>,
    size: Option<u64>,
    id: i64,
    account: &'a str,
    state: &'static str,
    message_id: &'a str,
    envelope_id: &'a str,
    from: &'a str,
    reply_to: Option<&'a str>,
    subject: &'a str,
    recipients: Vec<RecipientFacts<'a>>,
    delivery_reports_asked: bool,
    read_receipt_asked: bool,
    created_at: Timestamp,
    queued_at: Option<Timestamp>,
    sent_at: Option<Timestamp>,
}

#[derive(Serialize)]
struct RecipientFacts<'a> {
    kind: &'static str,
    address: &'a str,
    delivery: &'static str,
    status: Option<&'a str>,
    at: Option<Timestamp>,
}

#[derive(Serialize)]
struct AttachmentFile<'a> {
    file: String,
    filename: &'a str,
    mime_type: &'a str,
    size: u64,
    sha256: &'a str,
}

#[derive(Serialize)]
struct EventFacts<'a> {
    #[serde(flatten)]
    delivery: &'a crate::model::DeliveryEvent,
    /// The report as received, in `reports/`.
    report_file: Option<String>,
    report_sha256: Option<String>,
}

/// Where an event's report is in the evidence file, and its SHA-256.
pub struct ReportRef {
    pub event: i64,
    pub file: String,
    pub sha256: String,
}

/// The receipt of `m` as canonical bytes. `attachment_files` names each attachment's file in
/// the evidence (in order), `reports` each event's report file.
#[must_use]
pub fn receipt_json(
    m: &Message,
    written_at: Timestamp,
    attachment_files: &[String],
    reports: &[ReportRef],
) -> Vec<u8> {
    let receipt = Receipt {
        format: FORMAT,
        written_at,
        stempel: env!("CARGO_PKG_VERSION"),
        message: Mail {
            file: super::evidence::MESSAGE_FILE,
            sha256: m.sha256.as_deref(),
            size: m.size,
            id: m.id,
            account: &m.account,
            state: m.state.as_str(),
            message_id: &m.message_id,
            envelope_id: &m.envelope_id,
            from: &m.from,
            reply_to: m.reply_to.as_deref(),
            subject: &m.subject,
            recipients: m
                .recipients
                .iter()
                .map(|r| RecipientFacts {
                    kind: r.kind.as_str(),
                    address: &r.address,
                    delivery: r.delivery.state.as_str(),
                    status: r.delivery.status.as_deref(),
                    at: r.delivery.at,
                })
                .collect(),
            delivery_reports_asked: m.notify_delivery,
            read_receipt_asked: m.read_receipt,
            created_at: m.created_at,
            queued_at: m.queued_at,
            sent_at: m.sent_at,
        },
        attachments: m
            .attachments
            .iter()
            .zip(attachment_files)
            .map(|(a, file)| AttachmentFile {
                file: file.clone(),
                filename: &a.filename,
                mime_type: &a.mime_type,
                size: a.size,
                sha256: &a.sha256,
            })
            .collect(),
        attempts: &m.attempts,
        events: m
            .events
            .iter()
            .map(|e| {
                let report = reports.iter().find(|r| r.event == e.id);
                EventFacts {
                    delivery: e,
                    report_file: report.map(|r| r.file.clone()),
                    report_sha256: report.map(|r| r.sha256.clone()),
                }
            })
            .collect(),
        proof: proof(m),
    };
    // Serialising plain structs of strings and numbers cannot fail.
    let mut bytes = serde_json::to_vec_pretty(&receipt).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

/// `receipt-at-send.json` for `m`: its receipt as it stands right after sending, with the
/// attachments named as the evidence file names them (reports come later, if at all).
#[must_use]
pub fn at_send(m: &Message, written_at: Timestamp) -> Vec<u8> {
    let files: Vec<String> = m
        .attachments
        .iter()
        .enumerate()
        .map(|(i, a)| super::evidence::attachment_file(i, &a.filename))
        .collect();
    receipt_json(m, written_at, &files, &[])
}

/// What `stempel verify` reads back from a receipt: the files it names and their hashes.
#[derive(Debug, Default, serde::Deserialize)]
pub struct ReceiptFiles {
    pub format: String,
    pub message: ReceiptMessage,
    #[serde(default)]
    pub attachments: Vec<ReceiptFile>,
    #[serde(default)]
    pub events: Vec<ReceiptEvent>,
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct ReceiptMessage {
    pub file: String,
    pub sha256: Option<String>,
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct ReceiptFile {
    pub file: String,
    pub sha256: String,
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct ReceiptEvent {
    pub report_file: Option<String>,
    pub report_sha256: Option<String>,
}
