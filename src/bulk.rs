//! Pure: a month's invoices as rows, from a CSV sheet or from file names, each turned into the
//! mail it will be (recipients, subject, text from a template) with the problems that stop it.
//!
//! Nothing here reads a file or the store: the caller gives the sheet's bytes, the customers
//! and the templates, and adds what only the store and the disk know (an address that bounced
//! before, an invoice already sent, a file that cannot be read) in `outbox::batch`.

mod pattern;
mod sheet;

use jiff::Timestamp;
use serde::Serialize;

pub use pattern::{FilePattern, rows_from_files};
pub use sheet::{Sheet, SheetError, SheetRow, read_sheet};

use crate::model::{Customer, tax_key};
use crate::template::{Template, TemplateError};

/// What the rows are filled with besides their own cells.
pub struct Context<'a> {
    pub customers: &'a [Customer],
    pub templates: &'a [Template],
    /// The template's name; its variant in the row's language is used.
    pub template: &'a str,
    /// The language of a row whose customer has none.
    pub language: &'a str,
    /// `{sender_name}`: the account's sender name.
    pub sender_name: &'a str,
}

/// One invoice mail as it will be queued, with what stops it.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Planned {
    /// The CSV line (the header is line 1), or the file's place in the list from 1.
    pub line: u64,
    /// The invoice file, as the sheet names it (relative to the sheet's folder).
    pub file: Option<String>,
    pub invoice_number: Option<String>,
    pub customer: Option<String>,
    pub language: String,
    pub to: Vec<String>,
    pub cc: Vec<String>,
    pub subject: String,
    pub body: String,
    pub problems: Vec<Problem>,
}

impl Planned {
    #[must_use]
    pub fn is_good(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Why a row cannot be queued.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum Problem {
    /// No invoice file named.
    NoFile,
    /// The file cannot be read.
    FileUnreadable { path: String, reason: String },
    /// Neither an address nor a customer with one.
    NoRecipient,
    /// The row names a customer (by name or tax id) that is not stored.
    UnknownCustomer { key: String },
    /// An address that is not one.
    InvalidAddress { address: String, reason: String },
    /// The last mail to this address bounced or was refused.
    BouncedBefore {
        address: String,
        status: Option<String>,
        diagnostic: Option<String>,
        at: Option<Timestamp>,
    },
    /// This invoice number already went to this address.
    AlreadyQueued { invoice: String, id: i64 },
    /// The same invoice to the same address earlier in this batch.
    Repeated { invoice: String, line: u64 },
    /// No such template in any language.
    NoTemplate { name: String },
    /// A placeholder without a value in this row.
    NoValue { field: String },
}

impl Problem {
    /// The problem as one sentence in the user's language.
    #[must_use]
    pub fn localized(&self) -> String {
        use crate::t;
        match self {
            Self::NoFile => t!("bulk-no-file"),
            Self::FileUnreadable { path, reason } => {
                t!(
                    "bulk-file-unreadable",
                    path = path.clone(),
                    reason = reason.clone()
                )
            }
            Self::NoRecipient => t!("bulk-no-recipient"),
            Self::UnknownCustomer { key } => t!("bulk-unknown-customer", customer = key.clone()),
            // The reason names the address already when it comes from the address check.
            Self::InvalidAddress { address, reason } if !reason.contains(address.as_str()) => t!(
                "bulk-invalid-address",
                address = address.clone(),
                reason = reason.clone()
            ),
            Self::InvalidAddress { reason, .. } => reason.clone(),
            Self::BouncedBefore {
                address,
                status,
                diagnostic,
                at,
            } => {
                let why = [status.clone(), diagnostic.clone()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" ");
                let date = at.map(crate::i18n::datetime).unwrap_or_default();
                let why = [why, date]
                    .into_iter()
                    .filter(|s| !s.trim().is_empty())
                    .collect::<Vec<_>>()
                    .join(", ");
                t!("bulk-bounced-before", address = address.clone(), why = why)
            }
            Self::AlreadyQueued { invoice, id } => {
                let id = *id;
                t!("bulk-already-queued", invoice = invoice.clone(), id = id)
            }
            Self::Repeated { invoice, line } => {
                let line = *line;
                t!("bulk-repeated", invoice = invoice.clone(), line = line)
            }
            Self::NoTemplate { name } => t!("bulk-no-template", template = name.clone()),
            Self::NoValue { field } => t!("bulk-no-value", field = field.clone()),
        }
    }
}

/// The sheet's columns are checked against the template before any row: a placeholder no
/// column and nothing else can fill refuses the whole sheet, naming the column.
pub fn check_columns(sheet: &Sheet, ctx: &Context<'_>) -> Result<(), SheetError> {
    for t in ctx.templates.iter().filter(|t| t.name == ctx.template) {
        for field in t.placeholders().map_err(|e| SheetError::Template {
            language: t.language.clone(),
            error: e,
        })? {
            // The customer's name and the sender come from the store and the account.
            let elsewhere = matches!(field.as_str(), "customer" | "sender_name");
            if !elsewhere && !sheet.columns.contains(&field) {
                return Err(SheetError::MissingColumn {
                    column: field,
                    language: t.language.clone(),
                });
            }
        }
    }
    Ok(())
}

/// Every row of the sheet as the mail it will be.
#[must_use]
pub fn plan(rows: &[SheetRow], ctx: &Context<'_>) -> Vec<Planned> {
    let mut out: Vec<Planned> = rows.iter().map(|row| plan_row(row, ctx)).collect();
    mark_repeats(&mut out);
    out
}

fn plan_row(row: &SheetRow, ctx: &Context<'_>) -> Planned {
    let mut p = Planned {
        line: row.line,
        file: row.get("file").map(str::to_owned),
        invoice_number: row.get("invoice_number").map(str::to_owned),
        ..Planned::default()
    };
    if p.file.is_none() {
        p.problems.push(Problem::NoFile);
    }
    let customer = match find_customer(row, ctx.customers) {
        Ok(c) => c,
        Err(key) => {
            p.problems.push(Problem::UnknownCustomer { key });
            None
        }
    };
    p.customer = customer
        .map(|c| c.name.clone())
        .or_else(|| row.get("customer").map(str::to_owned));
    p.to = match row.get("email") {
        Some(list) => split_addresses(list),
        None => customer.map(|c| c.to.clone()).unwrap_or_default(),
    };
    p.cc = match row.get("cc") {
        Some(list) => split_addresses(list),
        None => customer.map(|c| c.cc.clone()).unwrap_or_default(),
    };
    if p.to.is_empty() {
        p.problems.push(Problem::NoRecipient);
    }
    p.language = row
        .get("language")
        .map(str::to_owned)
        .or_else(|| customer.and_then(|c| c.language.clone()))
        .unwrap_or_else(|| ctx.language.to_owned());
    let Some(template) = choose_template(ctx, &p.language) else {
        p.problems.push(Problem::NoTemplate {
            name: ctx.template.to_owned(),
        });
        return p;
    };
    // The language that goes out, when the template has no variant in the customer's.
    p.language.clone_from(&template.language);
    let customer_name = p.customer.clone();
    let value = |field: &str| -> Option<String> {
        match row.get(field) {
            Some(v) => Some(v.to_owned()),
            None if field == "customer" => customer_name.clone(),
            None if field == "sender_name" => Some(ctx.sender_name.to_owned()),
            None => None,
        }
    };
    match template.fill(&value) {
        Ok((subject, body)) => {
            p.subject = subject;
            p.body = body;
        }
        // An unknown customer was told already; its missing name is the same problem.
        Err(TemplateError::Missing { name })
            if name == "customer"
                && p.problems
                    .iter()
                    .any(|x| matches!(x, Problem::UnknownCustomer { .. })) => {}
        Err(TemplateError::Missing { name }) => p.problems.push(Problem::NoValue { field: name }),
        // A stored template was checked when it was saved; a malformed one (a shipped template
        // never is) is told as the template that cannot be used rather than lost.
        Err(_) => p.problems.push(Problem::NoTemplate {
            name: ctx.template.to_owned(),
        }),
    }
    p
}

/// The row's customer: by tax id, else by name, else by its address. `Err` names a tax id
/// or name the row gives that no customer has, when the row has no address of its own either
/// (with one, the name is only the greeting and the tax id only a column).
fn find_customer<'a>(
    row: &SheetRow,
    customers: &'a [Customer],
) -> Result<Option<&'a Customer>, String> {
    let by_tax = row.get("tax_id").and_then(|tax| {
        let key = tax_key(tax)?;
        customers
            .iter()
            .find(|c| c.tax_id.as_deref().and_then(tax_key).as_ref() == Some(&key))
    });
    let by_name = || {
        row.get("customer").and_then(|name| {
            let name = name.trim().to_lowercase();
            customers
                .iter()
                .find(|c| c.name.trim().to_lowercase() == name)
        })
    };
    let by_address = || {
        let first = split_addresses(row.get("email")?).into_iter().next()?;
        customers
            .iter()
            .find(|c| c.to.iter().any(|a| a.eq_ignore_ascii_case(&first)))
    };
    if let Some(c) = by_tax.or_else(by_name).or_else(by_address) {
        return Ok(Some(c));
    }
    match (row.get("email"), row.get("tax_id"), row.get("customer")) {
        (Some(_), ..) | (None, None, None) => Ok(None),
        (None, Some(key), _) | (None, None, Some(key)) => Err(key.to_owned()),
    }
}

/// The template's variant in `language`, else in the context's language, else English, else
/// any.
fn choose_template<'a>(ctx: &Context<'a>, language: &str) -> Option<&'a Template> {
    let named = || ctx.templates.iter().filter(|t| t.name == ctx.template);
    [language, ctx.language, "en"]
        .iter()
        .find_map(|l| named().find(|t| t.language.eq_ignore_ascii_case(l)))
        .or_else(|| named().next())
}

/// Addresses in one cell, separated by commas, semicolons or spaces.
#[must_use]
pub fn split_addresses(cell: &str) -> Vec<String> {
    cell.split([',', ';', ' ', '\t'])
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The second row with the same invoice number to an address of the first (To or Cc) is a
/// problem of that row.
fn mark_repeats(rows: &mut [Planned]) {
    for i in 0..rows.len() {
        let Some(invoice) = rows[i].invoice_number.clone() else {
            continue;
        };
        // To and Cc, without case, as the store compares them.
        let addresses = |r: &Planned| -> Vec<String> {
            r.to.iter()
                .chain(&r.cc)
                .map(|a| a.trim().to_lowercase())
                .collect()
        };
        let mine = addresses(&rows[i]);
        let earlier = rows[..i].iter().find(|r| {
            r.invoice_number.as_deref() == Some(invoice.as_str())
                && addresses(r).iter().any(|a| mine.contains(a))
        });
        if let Some(line) = earlier.map(|r| r.line) {
            rows[i].problems.push(Problem::Repeated { invoice, line });
        }
    }
}

#[cfg(test)]
mod tests;
