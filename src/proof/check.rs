//! Checking an evidence file (`stempel verify`), pure: the ZIP's bytes and the trust anchors
//! in, a verdict per file out. The checks are the ones a person makes with `sha256sum -c` and
//! `openssl ts -verify`, plus the receipt's own hashes: `message.eml`, every attachment and
//! every report must be the bytes `receipt.json` names.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;

use jiff::Timestamp;
use rustls::pki_types::TrustAnchor;
use sha2::{Digest, Sha256};

use super::evidence::{RECEIPT_AT_SEND_FILE, RECEIPT_FILE, STAMPED, SUMS_FILE, SUMS_TOKEN};
use super::receipt::ReceiptFiles;

/// Most bytes one entry may unpack to, and all entries together (a ZIP bomb stops here).
const MAX_ENTRY: u64 = 512 << 20;
const MAX_TOTAL: u64 = 1 << 30;
/// Most entries (an evidence file has a dozen or so).
const MAX_ENTRIES: usize = 10_000;

/// Why a file is not an evidence file at all.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum NotEvidence {
    #[error("it is not a ZIP file ({0})")]
    NotZip(String),
    #[error("it holds no {0}")]
    Missing(&'static str),
    #[error("it unpacks to more than {} MB", MAX_TOTAL >> 20)]
    TooLarge,
    #[error("its receipt.json cannot be read ({0})")]
    BadReceipt(String),
    #[error("it holds a file name twice")]
    DuplicateNames,
}

/// What holds, or does not, for one file.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verdict {
    /// Its SHA-256 is the one in `SHA256SUMS`.
    Matches,
    /// `SHA256SUMS` lists it, the ZIP does not hold it.
    Missing,
    /// Its SHA-256 is not the one in `SHA256SUMS`.
    Changed,
    /// The ZIP holds it, `SHA256SUMS` does not list it.
    Unlisted,
    /// Its SHA-256 is not the one `receipt.json` names for it.
    DiffersFromReceipt,
    /// A time stamp over it holds.
    Stamped { at: Timestamp, authority: String },
    /// A time stamp over it does not hold (why, in English).
    StampFails(String),
    /// It has no time stamp (no authority was set): nothing is off, but nothing shows when
    /// the file was made either.
    NoStamp,
}

impl Verdict {
    /// Whether this check holds (a missing stamp holds: it is a warning).
    #[must_use]
    pub fn holds(&self) -> bool {
        matches!(self, Self::Matches | Self::Stamped { .. } | Self::NoStamp)
    }

    /// Whether this is worth a warning although it holds.
    #[must_use]
    pub fn warns(&self) -> bool {
        matches!(self, Self::NoStamp)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub file: String,
    pub verdict: Verdict,
}

/// Every check of the evidence file `zip`; time stamps are checked against `anchors`.
pub fn check(zip: &[u8], anchors: &[TrustAnchor<'_>]) -> Result<Vec<Finding>, NotEvidence> {
    let files = unpack(zip)?;
    let sums = get(&files, SUMS_FILE).ok_or(NotEvidence::Missing(SUMS_FILE))?;
    let receipt_bytes = get(&files, RECEIPT_FILE).ok_or(NotEvidence::Missing(RECEIPT_FILE))?;
    let receipt: ReceiptFiles = serde_json::from_slice(receipt_bytes)
        .map_err(|e| NotEvidence::BadReceipt(e.to_string()))?;
    if !receipt.format.starts_with("stempel-receipt/") {
        return Err(NotEvidence::BadReceipt(format!(
            "format {:?}",
            receipt.format
        )));
    }
    let mut findings = listed_findings(&files, sums);
    findings.extend(receipt_findings(&files, &receipt));
    findings.extend(stamp_findings(&files, anchors));
    Ok(findings)
}

/// The unpacked files by name (names are unique: duplicates are refused).
type Files = BTreeMap<String, Vec<u8>>;

fn get<'a>(files: &'a Files, name: &str) -> Option<&'a Vec<u8>> {
    files.get(name)
}

/// Each file against `SHA256SUMS`, and each file it does not list.
fn listed_findings(files: &Files, sums: &[u8]) -> Vec<Finding> {
    let get = |name: &str| get(files, name);
    let mut findings = Vec::new();
    let mut listed = BTreeSet::new();
    for line in String::from_utf8_lossy(sums).lines() {
        let Some((hash, name)) = line.split_once("  ").or_else(|| line.split_once(" *")) else {
            findings.push(Finding {
                file: SUMS_FILE.into(),
                verdict: Verdict::Changed,
            });
            continue;
        };
        if !listed.insert(name.to_owned()) {
            // Listed twice: the second line could hide a changed file behind the first.
            findings.push(Finding {
                file: SUMS_FILE.into(),
                verdict: Verdict::Changed,
            });
            continue;
        }
        let verdict = match get(name) {
            None => Verdict::Missing,
            Some(bytes) if super::sha256_hex(bytes) == hash.to_ascii_lowercase() => {
                Verdict::Matches
            }
            Some(_) => Verdict::Changed,
        };
        findings.push(Finding {
            file: name.to_owned(),
            verdict,
        });
    }
    for name in files.keys() {
        if name != SUMS_FILE && name != SUMS_TOKEN && !listed.contains(name) {
            findings.push(Finding {
                file: name.clone(),
                verdict: Verdict::Unlisted,
            });
        }
    }
    findings
}

/// The mail, each attachment and each report against the SHA-256 the receipts name.
fn receipt_findings(files: &Files, receipt: &ReceiptFiles) -> Vec<Finding> {
    let get = |name: &str| get(files, name);
    let mut findings = Vec::new();
    // The receipts' own hashes: the mail, each attachment, each report.
    let mut named: Vec<(String, Option<String>)> =
        vec![(receipt.message.file.clone(), receipt.message.sha256.clone())];
    named.extend(
        receipt
            .attachments
            .iter()
            .map(|a| (a.file.clone(), Some(a.sha256.clone()))),
    );
    named.extend(
        receipt
            .events
            .iter()
            .filter_map(|e| Some((e.report_file.clone()?, e.report_sha256.clone()))),
    );
    match get(RECEIPT_AT_SEND_FILE).map(|b| serde_json::from_slice::<ReceiptFiles>(b)) {
        Some(Ok(at_send)) => {
            named.push((at_send.message.file.clone(), at_send.message.sha256.clone()));
            named.extend(
                at_send
                    .attachments
                    .iter()
                    .map(|a| (a.file.clone(), Some(a.sha256.clone()))),
            );
        }
        Some(Err(_)) => findings.push(Finding {
            file: RECEIPT_AT_SEND_FILE.into(),
            verdict: Verdict::DiffersFromReceipt,
        }),
        None => {}
    }
    let mut seen = BTreeSet::new();
    for (file, sha256) in named {
        let verdict = match (get(&file), sha256) {
            (Some(bytes), Some(sha)) if super::sha256_hex(bytes) == sha => continue,
            (Some(_), _) => Verdict::DiffersFromReceipt,
            (None, _) => Verdict::Missing,
        };
        if seen.insert((file.clone(), verdict.clone())) {
            findings.push(Finding { file, verdict });
        }
    }
    findings
}

/// Each time stamp against its file.
fn stamp_findings(files: &Files, anchors: &[TrustAnchor<'_>]) -> Vec<Finding> {
    let get = |name: &str| get(files, name);
    let mut findings = Vec::new();
    for (data, token) in STAMPED {
        let verdict = match (get(data), get(token)) {
            (None, _) => Verdict::NoStamp,
            (Some(bytes), token) => stamp_verdict(bytes, token, anchors),
        };
        findings.push(Finding {
            file: token.to_owned(),
            verdict,
        });
    }
    findings
}

/// A stamp over `bytes`: holds, fails (why), or is not there.
fn stamp_verdict(bytes: &[u8], token: Option<&Vec<u8>>, anchors: &[TrustAnchor<'_>]) -> Verdict {
    let Some(reply) = token else {
        return Verdict::NoStamp;
    };
    let digest: [u8; 32] = Sha256::digest(bytes).into();
    match crate::timestamp::check(reply, &digest, None, anchors) {
        Ok(stamp) => Verdict::Stamped {
            at: stamp.time,
            authority: stamp.authority,
        },
        Err(e) => Verdict::StampFails(e.to_string()),
    }
}

/// Every file of the ZIP with its bytes, bounded in count and size; a name twice is refused
/// (readers disagree on which copy counts).
fn unpack(zip: &[u8]) -> Result<Files, NotEvidence> {
    let not_zip = |e: &dyn std::fmt::Display| NotEvidence::NotZip(e.to_string());
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).map_err(|e| not_zip(&e))?;
    if archive.has_duplicate_names() {
        return Err(NotEvidence::DuplicateNames);
    }
    if archive.len() > MAX_ENTRIES {
        return Err(NotEvidence::TooLarge);
    }
    let mut files = Files::new();
    let mut total = 0u64;
    for i in 0..archive.len() {
        let entry = archive.by_index(i).map_err(|e| not_zip(&e))?;
        if entry.is_dir() {
            continue;
        }
        let name = entry.name().map_err(|e| not_zip(&e))?.into_owned();
        let budget = MAX_ENTRY.min(MAX_TOTAL - total);
        let mut bytes = Vec::new();
        entry
            .take(budget + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| not_zip(&e))?;
        if bytes.len() as u64 > budget {
            return Err(NotEvidence::TooLarge);
        }
        total += bytes.len() as u64;
        if files.insert(name, bytes).is_some() {
            return Err(NotEvidence::DuplicateNames);
        }
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_not_a_zip_is_not_evidence() {
        assert!(matches!(
            check(b"%PDF-1.7", &[]),
            Err(NotEvidence::NotZip(_))
        ));
        assert!(matches!(check(b"", &[]), Err(NotEvidence::NotZip(_))));
    }
}
