//! The verbs that say what a mail server's words mean: `explain` for an SMTP reply, and
//! `parse-bounce` for bounce and report mails saved as files.
//!
//! Both are pure readings (`smtp::explain`, `bounce::parse`) put on the command line for support
//! and for invoicing programs; neither opens the store or the network.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use super::BadInput;
use super::print;
use crate::t;

/// `stempel explain`: what the reply means and what to do; bad input when it has no code.
pub(super) fn explain(reply: &str, json: bool) -> anyhow::Result<ExitCode> {
    let (parsed, explanation) = crate::smtp::explain::explain_text(reply);
    if parsed.code.is_none() {
        return Err(BadInput(t!("cli-not-a-reply", reply = reply.to_owned())).into());
    }
    let mut out = std::io::stdout().lock();
    if json {
        let v = serde_json::json!({
            "code": parsed.code,
            "enhanced_status": parsed.enhanced_status,
            "text": parsed.text,
            "queue_id": parsed.queue_id,
            "positive": parsed.is_positive(),
            "explanation": explanation,
        });
        writeln!(out, "{v}")?;
    } else {
        write!(
            out,
            "{}",
            print::visible(&print::explained_reply(&parsed, &explanation))
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `stempel parse-bounce`: each file's report, a JSON line or text per file. A file that
/// cannot be read is said on stderr; exit status 1 only when none could be read.
pub(super) fn parse_bounce(files: &[PathBuf], json: bool) -> anyhow::Result<ExitCode> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut unreadable = 0;
    for file in files {
        let raw = match std::fs::read(file) {
            Ok(raw) => raw,
            Err(e) => {
                eprintln!("stempel: cannot read {}: {e}", file.display());
                unreadable += 1;
                continue;
            }
        };
        let report = crate::bounce::parse(&raw);
        if json {
            let recipients: Vec<serde_json::Value> = report
                .recipients
                .iter()
                .map(|r| {
                    serde_json::json!({
                        "address": r.address,
                        "action": r.action,
                        "status": r.status,
                        "diagnostic": r.diagnostic,
                        "reason": r.reason,
                        "explanation": r.reason.explanation(),
                        "remote_mta": r.remote_mta,
                    })
                })
                .collect();
            let v = serde_json::json!({
                "file": file.display().to_string(),
                "is_bounce": report.is_bounce(),
                "kind": report.kind,
                "recipients": recipients,
                "message_id": report.message_id,
                "envelope_id": report.envelope_id,
                "original_subject": report.original_subject,
                "disposition": report.disposition,
            });
            writeln!(out, "{v}")?;
        } else {
            write!(
                out,
                "{}",
                print::visible(&print::bounce_report(file, &report))
            )?;
        }
    }
    out.flush()?;
    Ok(if unreadable > 0 && unreadable == files.len() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
