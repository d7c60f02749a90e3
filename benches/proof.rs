//! Evidence files per second: 1,000 sent mails of 100 KB (a 70 KB PDF attachment inside),
//! each with a 30-line transcript and a delivery report, built into the whole evidence ZIP
//! (receipt.json, proof.pdf with its fonts subset, SHA256SUMS, deflate) on one thread. The
//! anchor, in the same run, is the floor any evidence file pays: the same mail, attachment and
//! report deflated into a ZIP with the same crate, nothing else. Goal: at least 20 files/s.
//!
//! Run: `cargo bench --bench proof`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::cast_precision_loss)] // a benchmark

use std::io::Write;
use std::time::Instant;

use jiff::Timestamp;
use jiff::tz::TimeZone;
use stempel::model::{
    Attachment, Attempt, DeliveryEvent, DeliveryState, Dir, Message, MessageState, Outcome,
    Recipient, RecipientKind, TranscriptLine,
};
use stempel::proof::evidence::{Evidence, Material};

const MAILS: usize = 1_000;

/// Bytes that deflate like a PDF's (half text-like, half noise).
fn filler(len: usize, seed: u64) -> Vec<u8> {
    let mut x = seed | 1;
    (0..len)
        .map(|i| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            if i % 2 == 0 {
                b"stream /Length 1024 obj endobj "[i % 31]
            } else {
                x.to_le_bytes()[0]
            }
        })
        .collect()
}

/// One mail as the store holds it: the mail, its bytes, its attachments, its reports.
type Stored = (Message, Vec<u8>, Vec<Attachment>, Vec<(i64, Vec<u8>)>);

fn mail(n: u64) -> Stored {
    let eml = filler(100_000, n);
    let pdf = filler(70_000, n + 7);
    let at = Timestamp::from_second(1_800_000_000 + n as i64).unwrap();
    let transcript = (0..30)
        .map(|i| TranscriptLine {
            t_ms: i,
            dir: if i % 2 == 0 { Dir::Client } else { Dir::Server },
            line: format!("250-smtp.firma.pl line {i} of the conversation"),
        })
        .collect();
    let attempt = Attempt {
        id: 1,
        started_at: Some(at),
        finished_at: Some(at),
        server: Some("smtp.firma.pl:587".into()),
        peer_address: Some("203.0.113.5:587".into()),
        tls_version: Some("TLSv1.3".into()),
        tls_cipher: Some("TLS13_AES_256_GCM_SHA384".into()),
        cert_subject: Some("CN=smtp.firma.pl".into()),
        cert_sha256: Some("ab".repeat(32)),
        cert_verified: Some(true),
        reply_code: Some(250),
        enhanced_status: Some("2.0.0".into()),
        reply_text: Some(format!("Ok: queued as 4F{n:08X}")),
        queue_id: Some(format!("4F{n:08X}")),
        outcome: Some(Outcome::Sent),
        error: None,
        explanation: None,
        explanation_key: None,
        dsn_offered: Some(true),
        transcript,
    };
    let attachment = Attachment {
        filename: format!("Faktura FV-{n}-2026.pdf"),
        mime_type: "application/pdf".into(),
        size: pdf.len() as u64,
        sha256: stempel::proof::sha256_hex(&pdf),
        data: pdf,
    };
    let report = filler(3_000, n + 13);
    let message = Message {
        invoice_number: None,
        id: n as i64,
        account: "firma".into(),
        state: MessageState::Sent,
        message_id: format!("<{n}@firma.pl>"),
        envelope_id: format!("env-{n}"),
        subject: format!("Faktura FV/{n}/2026 — usługi księgowe"),
        from: "Biuro Rachunkowe <faktury@firma.pl>".into(),
        reply_to: None,
        body_text: "Dzień dobry, w załączeniu faktura.".into(),
        notify_delivery: true,
        read_receipt: false,
        sha256: Some(stempel::proof::sha256_hex(&eml)),
        size: Some(eml.len() as u64),
        created_at: at,
        queued_at: Some(at),
        sent_at: Some(at),
        attempt_count: 1,
        next_attempt_at: None,
        last_error: None,
        queue_id: Some(format!("4F{n:08X}")),
        recipients: vec![Recipient {
            address: format!("klient{n}@example.com"),
            kind: RecipientKind::To,
            delivery: stempel::model::Delivery {
                state: DeliveryState::Delivered,
                status: Some("2.0.0".into()),
                diagnostic: None,
                at: Some(at),
            },
        }],
        attachments: vec![attachment.clone()],
        attempts: vec![attempt],
        events: vec![DeliveryEvent {
            id: 1,
            recipient: Some(format!("klient{n}@example.com")),
            kind: "dsn".into(),
            state: DeliveryState::Delivered,
            status: Some("2.0.0".into()),
            diagnostic: None,
            at: Some(at),
            matched_by: "envid".into(),
            reporting_mta: Some("dns; smtp.firma.pl".into()),
            remote_mta: Some("dns; mx.example.com".into()),
        }],
        settled_by: None,
        stamp: None,
    };
    (message, eml, vec![attachment], vec![(1, report)])
}

fn main() {
    let mails: Vec<_> = (1..=MAILS as u64).map(mail).collect();
    let written_at = Timestamp::now();

    // The anchor: the same three files deflated into a ZIP, nothing else.
    let start = Instant::now();
    let mut anchor_bytes = 0;
    for (_, eml, attachments, reports) in &mails {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, bytes) in [
            ("message.eml", eml),
            ("attachments/1.pdf", &attachments[0].data),
            ("reports/1-dsn.eml", &reports[0].1),
        ] {
            zip.start_file(name, options).unwrap();
            zip.write_all(bytes).unwrap();
        }
        anchor_bytes += zip.finish().unwrap().into_inner().len();
    }
    let anchor = MAILS as f64 / start.elapsed().as_secs_f64();

    let start = Instant::now();
    let mut bytes = 0;
    for (message, eml, attachments, reports) in &mails {
        let evidence = Evidence::build(&Material {
            message,
            eml,
            attachments,
            reports,
            receipt_at_send: None,
            receipt_at_send_token: None,
            written_at,
            time_zone: TimeZone::UTC,
        })
        .unwrap();
        bytes += std::hint::black_box(evidence.zip(None).unwrap()).len();
    }
    let ours = MAILS as f64 / start.elapsed().as_secs_f64();

    println!("{MAILS} sent mails of 100 KB (a 70 KB attachment, a report, 30 transcript lines)");
    println!(
        "anchor, the same files deflated into a ZIP: {anchor:.0} files/s ({:.0} KB each)",
        anchor_bytes as f64 / MAILS as f64 / 1e3
    );
    println!(
        "evidence files (receipt.json, proof.pdf, SHA256SUMS, ZIP): {ours:.0} files/s ({:.0} KB each)",
        bytes as f64 / MAILS as f64 / 1e3
    );
    println!(
        "ratio to the anchor: {:.2}x; goal: at least 20 files/s: {}",
        ours / anchor,
        if ours >= 20.0 { "met" } else { "NOT met" }
    );
}
