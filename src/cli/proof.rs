//! `stempel proof` (write evidence files) and `stempel verify` (check one).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{BadInput, open_store};
use crate::config::{Paths, Settings};
use crate::proof::check::{Verdict, check};
use crate::t;
use crate::worker::evidence::evidence_zip;
use crate::worker::stamper;

/// `stempel proof ID... [--out PATH]`: one ZIP per mail; prints each file's path. A fresh
/// stamp the authority could not give is a warning: the file is written without it.
pub(super) fn proof(paths: &Paths, ids: &[i64], out: Option<&Path>) -> anyhow::Result<ExitCode> {
    let store = open_store(paths)?;
    let settings = Settings::load(&paths.settings()).unwrap_or_default();
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
        write_atomically(&path, &written.zip)?;
        if let Some(problem) = written.stamp_problem {
            eprintln!("{}", t!("cli-proof-no-fresh-stamp", reason = problem));
        }
        writeln!(stdout, "{}", path.display())?;
    }
    Ok(ExitCode::SUCCESS)
}

fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".part");
    let tmp = PathBuf::from(tmp);
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path)
}

/// `stempel verify FILE [--ca-file PEM]`: a line per check, then the verdict.
pub(super) fn verify(file: &Path, ca_file: Option<&Path>) -> anyhow::Result<ExitCode> {
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
            Verdict::StampFails(why) => t!("verify-stamp-fails", file = file, reason = why.clone()),
            Verdict::NoStamp => t!("verify-no-stamp", file = file),
        };
        let mark = if f.verdict.holds() { "✔" } else { "✖" };
        if !f.verdict.holds() {
            off += 1;
        }
        writeln!(out, "{mark} {line}")?;
    }
    if off == 0 {
        writeln!(out, "{}", t!("verify-all-holds"))?;
        Ok(ExitCode::SUCCESS)
    } else {
        writeln!(out, "{}", t!("verify-something-off", count = off))?;
        Ok(ExitCode::from(1))
    }
}
