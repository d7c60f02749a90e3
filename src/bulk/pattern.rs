//! Invoices named by their files: a pattern the user sets, such as
//! `FV_{invoice_number}_{tax_id}.pdf`, reads the fields out of each file name; without one,
//! a customer is found whose tax id or name appears in the file name.
//!
//! Written by hand: glob crates match names but do not capture named parts, and a regex would
//! make the user write one.

use std::collections::BTreeMap;

use super::SheetRow;
use crate::model::{Customer, tax_key};
use crate::template::{TemplateError, is_field_name};

/// A file-name pattern: literal text (compared without case), `*` for anything, and fields in
/// braces.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FilePattern {
    parts: Vec<Part>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Part {
    Literal(String),
    Any,
    Field(String),
}

impl FilePattern {
    /// Parses a pattern; a malformed brace or field name is refused.
    pub fn parse(pattern: &str) -> Result<Self, TemplateError> {
        let mut parts = Vec::new();
        let mut literal = String::new();
        let mut chars = pattern.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            match c {
                '*' => {
                    flush(&mut parts, &mut literal);
                    parts.push(Part::Any);
                }
                '{' => {
                    flush(&mut parts, &mut literal);
                    let rest = &pattern[i + 1..];
                    let end = rest.find('}').ok_or(TemplateError::Unclosed {
                        at: pattern[..i].chars().count() + 1,
                    })?;
                    let name = &rest[..end];
                    if !is_field_name(name) {
                        return Err(TemplateError::BadName {
                            name: name.to_owned(),
                        });
                    }
                    parts.push(Part::Field(name.to_owned()));
                    while chars.peek().is_some_and(|(j, _)| *j <= i + 1 + end) {
                        chars.next();
                    }
                }
                c => literal.extend(c.to_lowercase()),
            }
        }
        flush(&mut parts, &mut literal);
        Ok(Self { parts })
    }

    /// The fields read from `name`, or `None` when the name does not fit the pattern.
    #[must_use]
    pub fn read(&self, name: &str) -> Option<BTreeMap<String, String>> {
        let chars: Vec<char> = name.chars().collect();
        let mut fields = BTreeMap::new();
        matches(&self.parts, &chars, &mut fields).then_some(fields)
    }
}

fn flush(parts: &mut Vec<Part>, literal: &mut String) {
    if !literal.is_empty() {
        parts.push(Part::Literal(std::mem::take(literal)));
    }
}

/// Backtracking match; fields and `*` take at least one character, as short as possible.
fn matches(parts: &[Part], name: &[char], fields: &mut BTreeMap<String, String>) -> bool {
    let Some((first, rest)) = parts.split_first() else {
        return name.is_empty();
    };
    match first {
        Part::Literal(text) => {
            let len = text.chars().count();
            name.len() >= len
                && name[..len]
                    .iter()
                    .flat_map(|c| c.to_lowercase())
                    .eq(text.chars())
                && matches(rest, &name[len..], fields)
        }
        Part::Any | Part::Field(_) => {
            for take in 1..=name.len() {
                if matches(rest, &name[take..], fields) {
                    if let Part::Field(field) = first {
                        fields.insert(field.clone(), name[..take].iter().collect());
                    }
                    return true;
                }
            }
            false
        }
    }
}

/// Rows for invoice files: the pattern's fields, else the customer whose tax id (its digits)
/// or name appears in the file name. Each row's line is the file's place from 1.
#[must_use]
pub fn rows_from_files(
    names: &[String],
    pattern: Option<&FilePattern>,
    customers: &[Customer],
) -> Vec<SheetRow> {
    names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let mut cells = BTreeMap::new();
            cells.insert("file".to_owned(), name.clone());
            let stem = name.rsplit(['/', '\\']).next().unwrap_or(name);
            if let Some(fields) = pattern.and_then(|p| p.read(stem)) {
                cells.extend(fields);
            } else if let Some(c) = customer_in_name(stem, customers) {
                cells.insert("customer".to_owned(), c.name.clone());
            }
            SheetRow {
                line: i as u64 + 1,
                cells,
            }
        })
        .collect()
}

/// The customer named in a file name: by its tax id's digits, else by its name (without case
/// or punctuation); the longest name wins when several fit.
fn customer_in_name<'a>(name: &str, customers: &'a [Customer]) -> Option<&'a Customer> {
    let digits: String = name.chars().filter(char::is_ascii_alphanumeric).collect();
    let digits = digits.to_ascii_uppercase();
    let by_tax = customers.iter().find(|c| {
        c.tax_id
            .as_deref()
            .and_then(tax_key)
            .is_some_and(|k| k.len() >= 6 && digits.contains(&k))
    });
    if by_tax.is_some() {
        return by_tax;
    }
    let plain = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let name = plain(name);
    customers
        .iter()
        .filter(|c| {
            let n = plain(&c.name);
            n.chars().count() >= 3 && name.contains(&n)
        })
        .max_by_key(|c| c.name.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pattern_reads_its_fields() {
        let p = FilePattern::parse("FV_{invoice_number}_{tax_id}.pdf").unwrap();
        let f = p.read("fv_2026-11-001_1234563218.PDF").unwrap();
        assert_eq!(f["invoice_number"], "2026-11-001");
        assert_eq!(f["tax_id"], "1234563218");
        assert_eq!(p.read("invoice.pdf"), None);
        let p = FilePattern::parse("*-{customer}.pdf").unwrap();
        assert_eq!(
            p.read("2026-11-Kowalski.pdf").unwrap()["customer"],
            "11-Kowalski"
        );
        assert!(FilePattern::parse("{invoice").is_err());
        assert!(FilePattern::parse("{Invoice}").is_err());
    }

    #[test]
    fn without_a_pattern_the_customer_is_found_in_the_name() {
        let customers = vec![
            Customer {
                name: "Kowalski".into(),
                ..Customer::default()
            },
            Customer {
                name: "Firma".into(),
                tax_id: Some("PL 123-456-32-18".into()),
                ..Customer::default()
            },
        ];
        let rows = rows_from_files(
            &[
                "FV 1 1234563218.pdf".into(),
                "dir/fv-kowalski-11.pdf".into(),
                "x.pdf".into(),
            ],
            None,
            &customers,
        );
        assert_eq!(rows[0].get("customer"), Some("Firma"));
        assert_eq!(rows[1].get("customer"), Some("Kowalski"));
        assert_eq!(rows[2].get("customer"), None);
        assert_eq!(rows[2].line, 3);
    }

    #[test]
    fn no_input_panics() {
        for p in ["", "*", "{", "}", "{}", "**", "{a}{b}", "ą{a}ß"] {
            if let Ok(p) = FilePattern::parse(p) {
                for n in ["", "a", "ąß", "ẞ", "İ"] {
                    let _ = p.read(n);
                }
            }
        }
    }
}
