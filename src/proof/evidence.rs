//! The evidence file: one ZIP per mail that anyone can check with `sha256sum -c` and
//! `openssl ts -verify` alone. Pure: stored data in, file bytes out (the caller fetches the
//! fresh time stamp over `SHA256SUMS` in between, since that is network work).
//!
//! Layout:
//!
//! ```text
//! message.eml                  the exact bytes sent (SHA-256 as stored at queue time)
//! attachments/N-name           each attachment as sent
//! reports/E-kind.eml           each delivery report as received (E: its first event)
//! receipt.json                 everything known now (stempel-receipt/1)
//! receipt-at-send.json         the receipt as it stood right after sending (never changed)
//! receipt-at-send.json.tsr     the authority's RFC 3161 reply over it, when there is one
//! proof.pdf                    the confirmation of sending, for people
//! SHA256SUMS                   every file above, for `sha256sum -c`
//! SHA256SUMS.tsr               a fresh RFC 3161 reply over SHA256SUMS, when an authority is set
//! ```

use std::io::Write;

use jiff::Timestamp;
use jiff::tz::TimeZone;
use zip::write::SimpleFileOptions;

use super::receipt::{ReportRef, receipt_json};
use crate::model::{Attachment, Message};

pub const MESSAGE_FILE: &str = "message.eml";
pub const RECEIPT_FILE: &str = "receipt.json";
pub const RECEIPT_AT_SEND_FILE: &str = "receipt-at-send.json";
pub const RECEIPT_AT_SEND_TOKEN: &str = "receipt-at-send.json.tsr";
pub const PDF_FILE: &str = "proof.pdf";
pub const SUMS_FILE: &str = "SHA256SUMS";
pub const SUMS_TOKEN: &str = "SHA256SUMS.tsr";
/// Each time-stamped file with its token's file.
pub const STAMPED: [(&str, &str); 2] = [
    (RECEIPT_AT_SEND_FILE, RECEIPT_AT_SEND_TOKEN),
    (SUMS_FILE, SUMS_TOKEN),
];

#[derive(Debug, thiserror::Error)]
pub enum EvidenceError {
    #[error("mail {0} was never sent: it has no proof")]
    NotSent(i64),
    #[error("the stored bytes of mail {0} are missing")]
    NoBytes(i64),
    #[error("the stored bytes of mail {0} do not match their SHA-256: the database was changed")]
    BytesChanged(i64),
    #[error("proof.pdf cannot be written: {0}")]
    Pdf(String),
    #[error("the ZIP cannot be written: {0}")]
    Zip(String),
}

/// What the store holds about one sent mail, for its evidence.
pub struct Material<'a> {
    /// The mail with attempts (and transcripts) and events.
    pub message: &'a Message,
    /// `message.eml`.
    pub eml: &'a [u8],
    /// The attachments with their bytes, in order.
    pub attachments: &'a [Attachment],
    /// Each event's report as received: `(event id, raw bytes)`.
    pub reports: &'a [(i64, Vec<u8>)],
    /// `receipt-at-send.json` and the authority's reply over it.
    pub receipt_at_send: Option<&'a [u8]>,
    pub receipt_at_send_token: Option<&'a [u8]>,
    /// When the evidence is written, and the time zone its dates are shown in.
    pub written_at: Timestamp,
    pub time_zone: TimeZone,
}

/// One file of the evidence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EvidenceFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The files of an evidence ZIP and their `SHA256SUMS`, before the fresh time stamp.
#[derive(Clone, Debug)]
pub struct Evidence {
    pub files: Vec<EvidenceFile>,
    pub sums: Vec<u8>,
    written_at: Timestamp,
}

impl Evidence {
    /// All files of `m`'s evidence, checked against the stored hashes.
    pub fn build(m: &Material<'_>) -> Result<Self, EvidenceError> {
        let msg = m.message;
        if crate::proof::proof(msg).stage() == 0 {
            return Err(EvidenceError::NotSent(msg.id));
        }
        if m.eml.is_empty() {
            return Err(EvidenceError::NoBytes(msg.id));
        }
        if msg.sha256.as_deref() != Some(super::sha256_hex(m.eml).as_str()) {
            return Err(EvidenceError::BytesChanged(msg.id));
        }
        let mut files = vec![EvidenceFile {
            name: MESSAGE_FILE.into(),
            bytes: m.eml.to_vec(),
        }];
        let mut attachment_files = Vec::new();
        for (i, a) in m.attachments.iter().enumerate() {
            let name = attachment_file(i, &a.filename);
            attachment_files.push(name.clone());
            files.push(EvidenceFile {
                name,
                bytes: a.data.clone(),
            });
        }
        let mut report_refs: Vec<ReportRef> = Vec::new();
        for (event, raw) in m.reports {
            let sha256 = super::sha256_hex(raw);
            // One report can be about several recipients (several events): one file.
            let file = if let Some(same) = report_refs.iter().find(|r| r.sha256 == sha256) {
                same.file.clone()
            } else {
                let kind = msg
                    .events
                    .iter()
                    .find(|e| e.id == *event)
                    .map_or("report", |e| e.kind.as_str());
                let name = format!("reports/{event}-{}.eml", safe_name(kind));
                files.push(EvidenceFile {
                    name: name.clone(),
                    bytes: raw.clone(),
                });
                name
            };
            report_refs.push(ReportRef {
                event: *event,
                file,
                sha256,
            });
        }
        let receipt = receipt_json(msg, m.written_at, &attachment_files, &report_refs);
        files.push(EvidenceFile {
            name: RECEIPT_FILE.into(),
            bytes: receipt,
        });
        if let Some(at_send) = m.receipt_at_send {
            files.push(EvidenceFile {
                name: RECEIPT_AT_SEND_FILE.into(),
                bytes: at_send.to_vec(),
            });
            if let Some(token) = m.receipt_at_send_token {
                files.push(EvidenceFile {
                    name: RECEIPT_AT_SEND_TOKEN.into(),
                    bytes: token.to_vec(),
                });
            }
        }
        let pdf = super::pdf::proof_pdf(m, &attachment_files)?;
        files.push(EvidenceFile {
            name: PDF_FILE.into(),
            bytes: pdf,
        });
        let sums = sha256sums(&files);
        Ok(Self {
            files,
            sums,
            written_at: m.written_at,
        })
    }

    /// The ZIP: every file, `SHA256SUMS`, and `SHA256SUMS.tsr` when there is one. Entries
    /// carry the evidence's time, so the same evidence gives the same bytes.
    pub fn zip(&self, sums_token: Option<&[u8]>) -> Result<Vec<u8>, EvidenceError> {
        let zip_error = |e: &dyn std::fmt::Display| EvidenceError::Zip(e.to_string());
        let time = self.written_at.to_zoned(TimeZone::UTC);
        let modified = zip::DateTime::from_date_and_time(
            u16::try_from(time.year()).unwrap_or(1980),
            time.month().unsigned_abs(),
            time.day().unsigned_abs(),
            time.hour().unsigned_abs(),
            time.minute().unsigned_abs(),
            time.second().unsigned_abs(),
        )
        .unwrap_or_default();
        let options = SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(modified)
            .unix_permissions(0o644);
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let sums = EvidenceFile {
            name: SUMS_FILE.into(),
            bytes: self.sums.clone(),
        };
        let token = sums_token.map(|t| EvidenceFile {
            name: SUMS_TOKEN.into(),
            bytes: t.to_vec(),
        });
        for file in self.files.iter().chain([&sums]).chain(token.as_ref()) {
            zip.start_file(file.name.as_str(), options)
                .map_err(|e| zip_error(&e))?;
            zip.write_all(&file.bytes).map_err(|e| zip_error(&e))?;
        }
        let cursor = zip.finish().map_err(|e| zip_error(&e))?;
        Ok(cursor.into_inner())
    }
}

/// The evidence's file for attachment number `index` (from 0) named `filename`.
#[must_use]
pub fn attachment_file(index: usize, filename: &str) -> String {
    format!("attachments/{}-{}", index + 1, safe_name(filename))
}

/// `SHA256SUMS` in the format `sha256sum -c` reads: `<hex>  <name>` per line (text mode,
/// which is byte-exact on Linux; names never need escaping, see `safe_name`).
#[must_use]
pub fn sha256sums(files: &[EvidenceFile]) -> Vec<u8> {
    let mut out = String::new();
    for f in files {
        out.push_str(&super::sha256_hex(&f.bytes));
        out.push_str("  ");
        out.push_str(&f.name);
        out.push('\n');
    }
    out.into_bytes()
}

/// A file name safe in a ZIP and in `SHA256SUMS`: no folders, no control characters, no
/// backslash (which `sha256sum` would escape), no leading dot; letters of any script stay.
#[must_use]
pub fn safe_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                '_'
            } else {
                c
            }
        })
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.');
    let cleaned: String = cleaned.chars().take(100).collect();
    if cleaned.is_empty() {
        "file".into()
    } else {
        cleaned
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_cannot_escape_or_break_the_sums_file() {
        assert_eq!(safe_name("../../etc/passwd"), "_.._etc_passwd");
        assert_eq!(safe_name("faktura\n2026.pdf"), "faktura_2026.pdf");
        assert_eq!(safe_name("a\\b.pdf"), "a_b.pdf");
        assert_eq!(
            safe_name("Faktura č. 7 – září.pdf"),
            "Faktura č. 7 – září.pdf"
        );
        assert_eq!(safe_name(".."), "file");
        assert_eq!(safe_name(""), "file");
    }

    #[test]
    fn sums_are_in_sha256sum_format() {
        let files = [EvidenceFile {
            name: "message.eml".into(),
            bytes: b"abc".to_vec(),
        }];
        assert_eq!(
            String::from_utf8(sha256sums(&files)).unwrap(),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  message.eml\n"
        );
    }
}
