//! `stempel proof` (write evidence files) and `stempel verify` (check one).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{BadInput, open_store};
use crate::config::{Paths, Settings};
use crate::proof::check::{Verdict, check};
use crate::t;
use crate::worker::evidence::{self, evidence_zip};
use crate::worker::stamper;

/// `stempel proof ID... [--out PATH]`: one ZIP per mail; prints each file's path. A fresh
/// stamp the authority could not give is a warning: the file is written without it.
pub(super) fn proof(paths: &Paths, ids: &[i64], out: Option<&Path>) -> anyhow::Result<ExitCode> {
    let store = open_store(paths)?;
    // A settings file that does not read is said, not taken for "no authority".
    let settings = Settings::load(&paths.settings())?;
    let tsa = stamper::authority(settings.tsa().as_ref())?;
    let out = out.unwrap_or(Path::new("."));
    let into_folder = ids.len() > 1 || out.is_dir() || out.extension().is_none();
    for &id in ids {
        // An unknown id is the user's mistake before anything is written.
        store.message(id)?;
    }
    let mut stdout = std::io::stdout().lock();
    for &id in ids {
        let written = evidence_zip(&store, id, tsa.as_ref())?;
        let path: PathBuf = if into_folder {
            std::fs::create_dir_all(out)?;
            out.join(format!("stempel-proof-{id}.zip"))
        } else {
            out.to_owned()
        };
        evidence::write_whole(&path, &written.zip)?;
        if let Some(problem) = written.stamp_problem {
            eprintln!(
                "{}",
                super::print::visible(&t!("cli-proof-no-fresh-stamp", reason = problem))
            );
        }
        writeln!(stdout, "{}", path.display())?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `stempel verify FILE [--ca-file PEM]`: a line per check, then the verdict.
pub(super) fn verify(file: &Path, ca_file: Option<&Path>) -> anyhow::Result<ExitCode> {
    // Larger than any evidence file may unpack to: not one (and not read into memory).
    if std::fs::metadata(file).is_ok_and(|m| m.len() > 1 << 30) {
        return Err(BadInput(t!(
            "cli-verify-not-evidence",
            path = file.display().to_string(),
            reason = "more than 1 GB".to_owned()
        ))
        .into());
    }
    let bytes = std::fs::read(file).map_err(|e| {
        BadInput(t!(
            "cli-verify-unreadable",
            path = file.display().to_string(),
            reason = e.to_string()
        ))
    })?;
    let anchors = crate::tsa::trust_anchors(ca_file)?;
    let findings = check(&bytes, &anchors).map_err(|e| {
        BadInput(t!(
            "cli-verify-not-evidence",
            path = file.display().to_string(),
            reason = e.to_string()
        ))
    })?;
    let mut out = std::io::stdout().lock();
    let mut off = 0;
    let mut unstamped = false;
    for f in &findings {
        let file = super::print::visible(&f.file);
        let line = match &f.verdict {
            Verdict::Matches => t!("verify-matches", file = file),
            Verdict::Missing => t!("verify-missing", file = file),
            Verdict::Changed => t!("verify-changed", file = file),
            Verdict::Unlisted => t!("verify-unlisted", file = file),
            Verdict::DiffersFromReceipt => t!("verify-differs", file = file),
            Verdict::Stamped { at, authority } => t!(
                "verify-stamped",
                file = file,
                when = crate::i18n::datetime(*at),
                authority = super::print::visible(authority)
            ),
            Verdict::StampFails(why) => t!(
                "verify-stamp-fails",
                file = file,
                reason = super::print::visible(why)
            ),
            Verdict::NoStamp => t!("verify-no-stamp", file = file),
        };
        let mark = if !f.verdict.holds() {
            off += 1;
            "✖"
        } else if f.verdict.warns() {
            unstamped = true;
            "⚠"
        } else {
            "✔"
        };
        writeln!(out, "{mark} {line}")?;
    }
    if off == 0 {
        writeln!(out, "{}", t!("verify-all-holds"))?;
        if unstamped {
            writeln!(out, "{}", t!("verify-unstamped-note"))?;
        }
        Ok(ExitCode::SUCCESS)
    } else {
        writeln!(out, "{}", t!("verify-something-off", count = off))?;
        Ok(ExitCode::from(1))
    }
}
