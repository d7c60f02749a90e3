//! `stempel customer`: add, edit, list, show, import and remove customers.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use super::{BadInput, CustomerArgs, CustomerChanges, CustomerCommand, open_store};
use crate::bulk::{self, split_addresses};
use crate::config::Paths;
use crate::model::Customer;
use crate::store::Store;
use crate::t;

pub(super) fn run(paths: &Paths, cmd: CustomerCommand) -> anyhow::Result<ExitCode> {
    let mut store = open_store(paths)?;
    match cmd {
        CustomerCommand::Add(a) => add(&mut store, a),
        CustomerCommand::Edit { customer, changes } => edit(&mut store, &customer, changes),
        CustomerCommand::List { json } => list(&store, json),
        CustomerCommand::Show { customer, json } => show(&store, &customer, json),
        CustomerCommand::Import { file } => import(&mut store, &file),
        CustomerCommand::Remove { customer } => {
            let c = store.customer(&customer)?;
            store.remove_customer(c.id)?;
            eprintln!("{}", t!("cli-customer-removed", customer = c.name));
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// [`crate::outbox::checked_customer`], its error as bad input.
fn checked(c: Customer) -> Result<Customer, BadInput> {
    crate::outbox::checked_customer(c).map_err(BadInput)
}

fn add(store: &mut Store, a: CustomerArgs) -> anyhow::Result<ExitCode> {
    let c = checked(Customer {
        id: 0,
        name: a.name,
        tax_id: a.tax_id,
        to: a.email.iter().flat_map(|e| split_addresses(e)).collect(),
        cc: a.cc.iter().flat_map(|e| split_addresses(e)).collect(),
        language: a.language,
        notes: a.notes,
    })?;
    let id = store.save_customer(&c)?;
    println!("{id}");
    Ok(ExitCode::SUCCESS)
}

fn edit(store: &mut Store, key: &str, changes: CustomerChanges) -> anyhow::Result<ExitCode> {
    let mut c = store.customer(key)?;
    if let Some(name) = changes.name {
        c.name = name;
    }
    if !changes.email.is_empty() {
        c.to = changes
            .email
            .iter()
            .flat_map(|e| split_addresses(e))
            .collect();
    }
    if !changes.cc.is_empty() {
        c.cc = changes.cc.iter().flat_map(|e| split_addresses(e)).collect();
    }
    if let Some(tax) = changes.tax_id {
        c.tax_id = Some(tax);
    }
    if let Some(language) = changes.language {
        c.language = Some(language);
    }
    if let Some(notes) = changes.notes {
        c.notes = notes;
    }
    store.save_customer(&checked(c)?)?;
    Ok(ExitCode::SUCCESS)
}

fn list(store: &Store, json: bool) -> anyhow::Result<ExitCode> {
    let customers = store.customers()?;
    let mut out = std::io::stdout().lock();
    if json {
        writeln!(out, "{}", serde_json::to_string(&customers)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    for c in &customers {
        writeln!(
            out,
            "{:>4}  {}  {}  {}",
            c.id,
            super::print::visible(&c.name),
            c.tax_id.as_deref().unwrap_or("-"),
            c.to.join(", ")
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

fn show(store: &Store, key: &str, json: bool) -> anyhow::Result<ExitCode> {
    let c = store.customer(key)?;
    let ids = store.customer_mail_ids(c.id, 20)?;
    let mails = store.rows(&ids)?;
    let mut out = std::io::stdout().lock();
    if json {
        let mails: Vec<_> = mails
            .iter()
            .map(|m| {
                serde_json::json!({
                    "id": m.id,
                    "state": m.state.as_str(),
                    "delivery": m.delivery.iter().map(|d| d.as_str()).collect::<Vec<_>>(),
                    "subject": m.subject,
                    "invoice_number": m.invoice_number,
                    "date": m.date,
                })
            })
            .collect();
        let mut v = serde_json::to_value(&c)?;
        if let Some(fields) = v.as_object_mut() {
            fields.insert("mails".into(), serde_json::Value::Array(mails));
        }
        writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    let text = super::print::customer_text(&c, &mails);
    write!(out, "{}", super::print::visible(&text))?;
    Ok(ExitCode::SUCCESS)
}

/// Reads customers from a sheet (`customer`, `email`, `cc`, `tax_id`, `language`, `notes`) and
/// stores them all or none; a bad row refuses the file with its line number.
fn import(store: &mut Store, file: &Path) -> anyhow::Result<ExitCode> {
    let bytes = std::fs::read(file).map_err(|e| {
        let path = file.display().to_string();
        BadInput(t!("batch-unreadable", path = path, reason = e.to_string()))
    })?;
    let sheet = bulk::read_sheet(&bytes).map_err(|e| BadInput(e.localized()))?;
    let mut customers = Vec::new();
    let mut bad = Vec::new();
    for row in &sheet.rows {
        let c = Customer {
            id: 0,
            name: row.get("customer").unwrap_or_default().to_owned(),
            tax_id: row.get("tax_id").map(str::to_owned),
            to: row.get("email").map(split_addresses).unwrap_or_default(),
            cc: row.get("cc").map(split_addresses).unwrap_or_default(),
            language: row.get("language").map(str::to_owned),
            notes: row.get("notes").unwrap_or_default().to_owned(),
        };
        match checked(c) {
            Ok(c) => customers.push(c),
            Err(e) => bad.push((row.line, e.0)),
        }
    }
    for (line, why) in &bad {
        let line = *line;
        eprintln!(
            "{}",
            t!("cli-batch-row", line = line, problem = why.clone())
        );
    }
    if !bad.is_empty() {
        return Err(BadInput(t!("cli-import-refused", count = bad.len())).into());
    }
    let (added, changed) = store.import_customers(&customers)?;
    eprintln!(
        "{}",
        t!("cli-customers-imported", added = added, changed = changed)
    );
    Ok(ExitCode::SUCCESS)
}
