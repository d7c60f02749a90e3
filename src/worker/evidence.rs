//! One evidence file, the way both fronts write it: the mail's stored material from the store,
//! the pure building (`proof::evidence`), a fresh time stamp over `SHA256SUMS` when an
//! authority is set, the ZIP. Runs on the caller's thread (the CLI, or a window job).

use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::proof::evidence::{Evidence, EvidenceError, Material};
use crate::store::{Store, StoreError};
use crate::tsa::Tsa;

#[derive(Debug, thiserror::Error)]
pub enum WriteEvidenceError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Evidence(#[from] EvidenceError),
}

/// Writes `bytes` to `path` whole or not at all: to `path.part`, then renamed over `path`, so
/// a half-written evidence file never carries the real name.
pub fn write_whole(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut part = path.as_os_str().to_owned();
    part.push(".part");
    let part = std::path::PathBuf::from(part);
    std::fs::write(&part, bytes)?;
    std::fs::rename(&part, path)
}

/// An evidence ZIP, and why it has no fresh stamp when the authority failed (the file is
/// complete otherwise: the stamp from send time is in it).
pub struct WrittenEvidence {
    pub zip: Vec<u8>,
    pub stamp_problem: Option<String>,
}

/// The evidence ZIP of mail `id`, stamped by `tsa` when given.
pub fn evidence_zip(
    store: &Store,
    id: i64,
    tsa: Option<&Tsa>,
) -> Result<WrittenEvidence, WriteEvidenceError> {
    let message = store.message(id)?;
    let eml = store.raw(id)?.unwrap_or_default();
    let attachments = store.attachments_with_data(id)?;
    let mut reports = Vec::new();
    for e in &message.events {
        if let Some(raw) = store.event_raw(e.id)? {
            reports.push((e.id, raw));
        }
    }
    let kept = store.kept_stamp(id)?;
    let evidence = Evidence::build(&Material {
        message: &message,
        eml: &eml,
        attachments: &attachments,
        reports: &reports,
        receipt_at_send: kept.receipt.as_deref(),
        receipt_at_send_token: kept.token.as_deref(),
        written_at: Timestamp::now(),
        time_zone: TimeZone::system(),
    })?;
    let (token, stamp_problem) = match tsa.map(|t| t.stamp(&evidence.sums)) {
        Some(Ok(token)) => (Some(token.reply), None),
        Some(Err(e)) => (None, Some(e.to_string())),
        None => (None, None),
    };
    Ok(WrittenEvidence {
        zip: evidence.zip(token.as_deref())?,
        stamp_problem,
    })
}
