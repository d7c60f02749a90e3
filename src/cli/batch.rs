//! `stempel queue-batch`: a sheet of invoices into the buffer, all or none.
//!
//! Standard output carries the new ids, one per line (`--json`: the rows with their ids), or
//! with `--dry-run` the reviewed rows. Bad rows go to stderr, each with its line number, and
//! the exit status is 2; nothing is stored unless `--skip-bad` is given.

use std::io::Write;
use std::process::ExitCode;

use serde_json::json;

use super::{BadInput, BatchArgs, open_store};
use crate::bulk::Planned;
use crate::config::Paths;
use crate::outbox::batch::{self, BatchError, Request, Review, Source};
use crate::t;

/// `stempel queue-batch`.
pub(super) fn queue_batch(paths: &Paths, a: &BatchArgs) -> anyhow::Result<ExitCode> {
    let mut store = open_store(paths)?;
    let request = Request {
        account: a.account.as_deref(),
        template: &a.template,
        language: crate::i18n::language(),
        source: Source::Sheet(a.csv.clone()),
        resend: a.resend,
        corrected: &std::collections::BTreeMap::new(),
    };
    let review = batch::review(&store, &request).map_err(bad)?;
    let bad_rows: Vec<&Planned> = review.rows.iter().filter(|r| !r.is_good()).collect();
    for row in &bad_rows {
        for problem in &row.problems {
            let line = row.line;
            eprintln!(
                "{}",
                t!("cli-batch-row", line = line, problem = problem.localized())
            );
        }
    }
    let mut out = std::io::stdout().lock();
    if a.dry_run {
        print_review(&mut out, &review, a.json)?;
        return Ok(if bad_rows.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(2)
        });
    }
    if !bad_rows.is_empty() && !a.skip_bad {
        return Err(BadInput(t!("cli-batch-refused", count = bad_rows.len())).into());
    }
    let ids = batch::queue(&mut store, &review, a.skip_bad).map_err(bad)?;
    if a.json {
        let rows: Vec<_> = ids
            .iter()
            .map(|(line, id)| {
                let row = review.rows.iter().find(|r| r.line == *line);
                json!({
                    "line": line,
                    "id": id,
                    "invoice_number": row.and_then(|r| r.invoice_number.clone()),
                    "to": row.map(|r| r.to.clone()),
                })
            })
            .collect();
        writeln!(out, "{}", serde_json::Value::Array(rows))?;
    } else {
        for (_, id) in &ids {
            writeln!(out, "{id}")?;
        }
    }
    // With --skip-bad the bad rows were asked to be left out: they are listed above.
    eprintln!("{}", t!("cli-batch-queued", count = ids.len()));
    Ok(ExitCode::SUCCESS)
}

/// A batch error as the CLI tells it: the user's own mistakes as bad input (exit 2).
fn bad(e: BatchError) -> anyhow::Error {
    if e.is_bad_input() {
        BadInput(e.localized()).into()
    } else {
        anyhow::Error::new(e)
    }
}

fn print_review(out: &mut dyn Write, review: &Review, json: bool) -> anyhow::Result<()> {
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(review)?)?;
        return Ok(());
    }
    for row in &review.rows {
        let mark = if row.is_good() { "ok" } else { "--" };
        writeln!(
            out,
            "{mark} {:>4}  {}  {}  {}  {}",
            row.line,
            row.file.as_deref().unwrap_or("-"),
            row.invoice_number.as_deref().unwrap_or("-"),
            row.to.join(", "),
            crate::cli::print::visible(&row.subject),
        )?;
    }
    Ok(())
}
