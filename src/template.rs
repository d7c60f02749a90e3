//! Pure: mail templates with placeholders, checked when they are written and filled when a mail
//! is made from them.
//!
//! A placeholder is a name in braces, `{invoice_number}`; `{{` and `}}` stand for a brace. The
//! names a template may use are the standard fields ([`STANDARD_FIELDS`]) and the extra fields
//! it declares (columns of a bulk CSV, such as `order_ref`). Anything else is refused when the
//! template is saved, with the nearest known name as a suggestion, so a typo never reaches a
//! customer as a literal `{invoce_number}`. Filling refuses a placeholder without a value the
//! same way.

mod shipped;

use serde::{Deserialize, Serialize};

pub use shipped::shipped;

/// The fields every template may use; their values come from the bulk CSV's columns of the
/// same name, the customer, or the account.
pub const STANDARD_FIELDS: [&str; 7] = [
    "invoice_number",
    "customer",
    "amount",
    "currency",
    "due_date",
    "period",
    "sender_name",
];

/// A named subject and text in one language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Template {
    pub name: String,
    /// `en`, `pl`, `cs`, `de`, or any other language tag the user writes in.
    pub language: String,
    pub subject: String,
    pub body: String,
    /// Extra placeholders this template uses besides the standard fields.
    #[serde(default)]
    pub fields: Vec<String>,
    /// Shipped with Stempel and not changed by the user.
    #[serde(default)]
    pub shipped: bool,
}

/// Why a template cannot be saved or filled.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TemplateError {
    #[error("a {{ at character {at} is not closed (write {{{{ for a brace)")]
    Unclosed { at: usize },
    #[error("a }} at character {at} closes nothing (write }}}} for a brace)")]
    Unopened { at: usize },
    #[error("{{{name}}} is not a placeholder name (letters, digits and _ only)")]
    BadName { name: String },
    #[error("unknown placeholder {{{name}}}")]
    Unknown {
        name: String,
        /// The known name it is closest to, when it looks like a typo of one.
        suggestion: Option<String>,
    },
    #[error("no value for the placeholder {{{name}}}")]
    Missing { name: String },
    #[error("a template needs a name and a subject")]
    Empty,
}

impl TemplateError {
    /// The error in the user's language.
    #[must_use]
    pub fn localized(&self) -> String {
        use crate::t;
        match self {
            Self::Unclosed { at } => {
                let at = *at;
                t!("template-unclosed", at = at)
            }
            Self::Unopened { at } => {
                let at = *at;
                t!("template-unopened", at = at)
            }
            Self::BadName { name } => t!("template-bad-name", name = name.clone()),
            Self::Unknown {
                name,
                suggestion: Some(s),
            } => t!(
                "template-unknown-suggest",
                name = name.clone(),
                suggestion = s.clone()
            ),
            Self::Unknown {
                name,
                suggestion: None,
            } => t!("template-unknown", name = name.clone()),
            Self::Missing { name } => t!("template-missing", name = name.clone()),
            Self::Empty => t!("template-empty"),
        }
    }
}

/// A piece of a template's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Piece<'a> {
    Text(&'a str),
    Field(&'a str),
}

/// Splits `text` into literal text and placeholders.
fn pieces(text: &str) -> Result<Vec<Piece<'_>>, TemplateError> {
    let mut out = Vec::new();
    let mut rest = text;
    let mut offset = 0;
    while let Some(i) = rest.find(['{', '}']) {
        if i > 0 {
            out.push(Piece::Text(&rest[..i]));
        }
        let at = text[..offset + i].chars().count() + 1;
        let brace = &rest[i..=i];
        if rest[i + 1..].starts_with(brace) {
            out.push(Piece::Text(brace));
            offset += i + 2;
            rest = &rest[i + 2..];
            continue;
        }
        if brace == "}" {
            return Err(TemplateError::Unopened { at });
        }
        let Some(end) = rest[i + 1..].find(['}', '{', '\n']) else {
            return Err(TemplateError::Unclosed { at });
        };
        let end = i + 1 + end;
        if &rest[end..=end] != "}" {
            return Err(TemplateError::Unclosed { at });
        }
        let name = &rest[i + 1..end];
        if !is_field_name(name) {
            return Err(TemplateError::BadName {
                name: name.to_owned(),
            });
        }
        out.push(Piece::Field(name));
        offset += end + 1;
        rest = &rest[end + 1..];
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    Ok(out)
}

/// Whether `name` can be a placeholder: lowercase letters, digits and `_`, not empty.
#[must_use]
pub fn is_field_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// A column header as a field name: trimmed, lowercase, spaces and dashes as `_`
/// ("Invoice number" → `invoice_number`).
#[must_use]
pub fn field_name(header: &str) -> String {
    header
        .trim()
        .trim_start_matches('\u{feff}')
        .chars()
        .flat_map(|c| match c {
            ' ' | '-' | '.' => vec!['_'],
            c => c.to_lowercase().collect(),
        })
        .collect()
}

/// The placeholders `text` uses, in order, each once.
pub fn placeholders(text: &str) -> Result<Vec<String>, TemplateError> {
    let mut names: Vec<String> = Vec::new();
    for piece in pieces(text)? {
        if let Piece::Field(name) = piece
            && !names.iter().any(|n| n == name)
        {
            names.push(name.to_owned());
        }
    }
    Ok(names)
}

impl Template {
    /// The placeholders of the subject and the text together.
    pub fn placeholders(&self) -> Result<Vec<String>, TemplateError> {
        let mut names = placeholders(&self.subject)?;
        for name in placeholders(&self.body)? {
            if !names.contains(&name) {
                names.push(name);
            }
        }
        Ok(names)
    }

    /// Whether the template may be saved: a name, a subject, well-formed braces, and only
    /// placeholders it knows (the standard fields and its declared ones).
    pub fn check(&self) -> Result<(), TemplateError> {
        if self.name.trim().is_empty() || self.subject.trim().is_empty() {
            return Err(TemplateError::Empty);
        }
        for field in &self.fields {
            if !is_field_name(field) {
                return Err(TemplateError::BadName {
                    name: field.clone(),
                });
            }
        }
        for name in self.placeholders()? {
            if !self.knows(&name) {
                let known = STANDARD_FIELDS
                    .iter()
                    .copied()
                    .chain(self.fields.iter().map(String::as_str));
                return Err(TemplateError::Unknown {
                    suggestion: nearest(&name, known),
                    name,
                });
            }
        }
        Ok(())
    }

    /// Whether `name` is a standard field or one the template declares.
    #[must_use]
    pub fn knows(&self, name: &str) -> bool {
        STANDARD_FIELDS.contains(&name) || self.fields.iter().any(|f| f == name)
    }

    /// The subject and the text with every placeholder filled by `value`.
    pub fn fill(
        &self,
        value: &dyn Fn(&str) -> Option<String>,
    ) -> Result<(String, String), TemplateError> {
        Ok((fill(&self.subject, value)?, fill(&self.body, value)?))
    }
}

/// `text` with every placeholder replaced by its value; a placeholder without one (or with an
/// empty one) is an error, never left in the text.
pub fn fill(text: &str, value: &dyn Fn(&str) -> Option<String>) -> Result<String, TemplateError> {
    let mut out = String::with_capacity(text.len());
    for piece in pieces(text)? {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Field(name) => match value(name) {
                Some(v) if !v.trim().is_empty() => out.push_str(&v),
                _ => {
                    return Err(TemplateError::Missing {
                        name: name.to_owned(),
                    });
                }
            },
        }
    }
    Ok(out)
}

/// The known name closest to `name` when it is at most two edits away (a typo).
fn nearest<'a>(name: &str, known: impl Iterator<Item = &'a str>) -> Option<String> {
    known
        .map(|k| (edit_distance(name, k), k))
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k.to_owned())
}

/// Levenshtein distance over bytes (placeholder names are ASCII).
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn template(subject: &str, body: &str) -> Template {
        Template {
            name: "invoice".into(),
            language: "en".into(),
            subject: subject.into(),
            body: body.into(),
            fields: vec!["order_ref".into()],
            shipped: false,
        }
    }

    #[test]
    fn placeholders_are_filled_and_braces_escaped() {
        let t = template(
            "Invoice {invoice_number}",
            "Dear {customer},\n{{not a field}} {amount} {currency}, ref {order_ref}",
        );
        t.check().unwrap();
        let (subject, body) = t
            .fill(&|name| {
                Some(match name {
                    "invoice_number" => "FV/2026/11/001".into(),
                    "customer" => "Firma Sp. z o.o.".into(),
                    "amount" => "1 230,00".into(),
                    "currency" => "PLN".into(),
                    _ => "Z-17".into(),
                })
            })
            .unwrap();
        assert_eq!(subject, "Invoice FV/2026/11/001");
        assert_eq!(
            body,
            "Dear Firma Sp. z o.o.,\n{not a field} 1 230,00 PLN, ref Z-17"
        );
    }

    #[test]
    fn an_unknown_placeholder_cannot_be_saved_and_a_typo_gets_its_name() {
        let e = template("Invoice {invoce_number}", "").check().unwrap_err();
        assert_eq!(
            e,
            TemplateError::Unknown {
                name: "invoce_number".into(),
                suggestion: Some("invoice_number".into())
            }
        );
        let e = template("x", "{project}").check().unwrap_err();
        assert!(matches!(
            e,
            TemplateError::Unknown {
                suggestion: None,
                ..
            }
        ));
    }

    #[test]
    fn malformed_braces_are_refused_with_their_place() {
        assert_eq!(
            template("Invoice {invoice_number", "").check(),
            Err(TemplateError::Unclosed { at: 9 })
        );
        assert_eq!(
            template("x", "a } b").check(),
            Err(TemplateError::Unopened { at: 3 })
        );
        assert_eq!(
            template("x", "{Invoice Number}").check(),
            Err(TemplateError::BadName {
                name: "Invoice Number".into()
            })
        );
        assert_eq!(
            template("x", "{amount\n}").check(),
            Err(TemplateError::Unclosed { at: 1 })
        );
    }

    #[test]
    fn a_missing_or_empty_value_is_an_error_not_a_literal() {
        let t = template("Invoice {invoice_number}", "{amount}");
        let e = t
            .fill(&|n| (n == "invoice_number").then(|| "1".into()))
            .unwrap_err();
        assert_eq!(
            e,
            TemplateError::Missing {
                name: "amount".into()
            }
        );
        let e = t.fill(&|_| Some("  ".into())).unwrap_err();
        assert!(matches!(e, TemplateError::Missing { .. }));
    }

    #[test]
    fn headers_become_field_names() {
        assert_eq!(field_name("\u{feff}Invoice number "), "invoice_number");
        assert_eq!(field_name("due-date"), "due_date");
        assert!(is_field_name("order_ref2"));
        assert!(!is_field_name("Order"));
    }

    #[test]
    fn every_shipped_template_passes_its_own_check() {
        let all = shipped();
        for lang in ["en", "pl", "cs", "de"] {
            for name in ["invoice", "corrected-invoice", "payment-reminder"] {
                let t = all
                    .iter()
                    .find(|t| t.name == name && t.language == lang)
                    .unwrap_or_else(|| panic!("{name} in {lang}"));
                t.check().unwrap();
                assert!(t.shipped);
                assert!(t.placeholders().unwrap().contains(&"invoice_number".into()));
            }
        }
    }

    #[test]
    fn no_input_panics() {
        for text in [
            "{",
            "}",
            "{{",
            "}}",
            "{}",
            "{{}",
            "ą{ę}",
            "{\u{feff}}",
            "{a}{",
        ] {
            let _ = template(text, text).check();
            let _ = fill(text, &|_| Some("v".into()));
        }
    }
}
