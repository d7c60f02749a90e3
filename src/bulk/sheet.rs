//! A bulk sheet: a CSV file with a header line, read the way spreadsheets write it.
//!
//! The delimiter is the header line's most frequent of `,`, `;` and tab (Excel in Polish,
//! Czech and German writes `;`); a UTF-8 byte order mark is dropped; headers become field
//! names (`Invoice number` → `invoice_number`) and common names in the four languages map to
//! the standard ones (`NIP`, `IČO`, `USt-IdNr` → `tax_id`; `e-mail` → `email`). Parsing by the
//! `csv` crate (quotes, doubled quotes, line breaks in a quoted cell).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::template::{TemplateError, field_name};

/// A parsed sheet: its field names, and its rows with their line numbers.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Sheet {
    pub columns: Vec<String>,
    pub rows: Vec<SheetRow>,
}

/// One row: its line in the file (the header is line 1) and its non-empty cells by field.
#[derive(Clone, Debug, Default, Serialize)]
pub struct SheetRow {
    pub line: u64,
    pub cells: BTreeMap<String, String>,
}

impl SheetRow {
    /// The cell of `field`, trimmed, when it is not empty.
    #[must_use]
    pub fn get(&self, field: &str) -> Option<&str> {
        self.cells
            .get(field)
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())
    }
}

/// Why a sheet cannot be used at all.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SheetError {
    #[error("the file is empty")]
    Empty,
    #[error("line {line} is not UTF-8 text (save the sheet as \"CSV UTF-8\")")]
    NotUtf8 { line: u64 },
    #[error("line {line}: {reason}")]
    Malformed { line: u64, reason: String },
    #[error("the column {column:?} appears twice")]
    DuplicateColumn { column: String },
    #[error("the template ({language}) uses {{{column}}}, and the sheet has no column {column:?}")]
    MissingColumn { column: String, language: String },
    #[error("the template ({language}): {error}")]
    Template {
        language: String,
        error: TemplateError,
    },
}

impl SheetError {
    /// The error in the user's language.
    #[must_use]
    pub fn localized(&self) -> String {
        use crate::t;
        match self {
            Self::Empty => t!("sheet-empty"),
            Self::NotUtf8 { line } => {
                let line = *line;
                t!("sheet-not-utf8", line = line)
            }
            Self::Malformed { line, reason } => {
                let line = *line;
                t!("sheet-malformed", line = line, reason = reason.clone())
            }
            Self::DuplicateColumn { column } => {
                t!("sheet-duplicate-column", column = column.clone())
            }
            Self::MissingColumn { column, language } => t!(
                "sheet-missing-column",
                column = column.clone(),
                language = language.clone()
            ),
            Self::Template { language, error } => t!(
                "sheet-template",
                language = language.clone(),
                reason = error.localized()
            ),
        }
    }
}

/// Other names of the standard columns, after [`field_name`].
const ALIASES: &[(&str, &[&str])] = &[
    (
        "email",
        &[
            "e_mail",
            "mail",
            "to",
            "address",
            "email_address",
            "adres_email",
            "adres",
        ],
    ),
    (
        "tax_id",
        &[
            "nip",
            "ico",
            "ičo",
            "dic",
            "dič",
            "ust_idnr",
            "ust_id",
            "vat",
            "vat_id",
            "tax_number",
        ],
    ),
    (
        "file",
        &[
            "pdf",
            "attachment",
            "filename",
            "file_name",
            "plik",
            "soubor",
            "datei",
        ],
    ),
    (
        "invoice_number",
        &[
            "invoice",
            "invoice_no",
            "invoice_nr",
            "number",
            "numer_faktury",
            "cislo_faktury",
            "číslo_faktury",
            "rechnungsnummer",
        ],
    ),
    (
        "customer",
        &["client", "klient", "odbiorca", "odběratel", "kunde", "name"],
    ),
    ("amount", &["total", "kwota", "částka", "castka", "betrag"]),
    (
        "due_date",
        &["due", "termin_płatności", "splatnost", "fällig", "faellig"],
    ),
    (
        "currency",
        &["waluta", "měna", "mena", "währung", "wahrung"],
    ),
];

fn canonical(header: &str) -> String {
    let name = field_name(header);
    ALIASES
        .iter()
        .find(|(_, others)| others.contains(&name.as_str()))
        .map_or(name, |(standard, _)| (*standard).to_owned())
}

/// Reads a sheet from its bytes.
pub fn read_sheet(bytes: &[u8]) -> Result<Sheet, SheetError> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let header_end = bytes
        .iter()
        .position(|&b| b == b'\n')
        .unwrap_or(bytes.len());
    let header = &bytes[..header_end];
    if header.iter().all(u8::is_ascii_whitespace) {
        return Err(SheetError::Empty);
    }
    let delimiter = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| memchr::memchr_iter(*d, header).count())
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(false)
        .from_reader(bytes);
    let mut records = reader.byte_records();
    let header = match records.next() {
        Some(Ok(h)) => h,
        Some(Err(e)) => return Err(malformed(bytes, &e)),
        None => return Err(SheetError::Empty),
    };
    let mut columns = Vec::new();
    for (i, cell) in header.iter().enumerate() {
        let text = std::str::from_utf8(cell).map_err(|_| SheetError::NotUtf8 { line: 1 })?;
        // A column whose name cannot be a placeholder (`Miejscowość`, `Kunde (Firma)`) is kept
        // and read, but no template can use it; one without a name (a trailing `;`) is numbered.
        let name = match canonical(text) {
            name if name.is_empty() => format!("column_{}", i + 1),
            name => name,
        };
        if columns.contains(&name) {
            return Err(SheetError::DuplicateColumn { column: name });
        }
        columns.push(name);
    }
    let mut rows = Vec::new();
    for record in records {
        let record = record.map_err(|e| malformed(bytes, &e))?;
        let line = record.position().map_or(0, |p| line_at(bytes, p.byte()));
        if record.iter().all(|c| c.iter().all(u8::is_ascii_whitespace)) {
            continue;
        }
        let mut cells = BTreeMap::new();
        for (i, cell) in record.iter().enumerate() {
            let text = std::str::from_utf8(cell).map_err(|_| SheetError::NotUtf8 { line })?;
            match columns.get(i) {
                Some(column) => {
                    cells.insert(column.clone(), text.to_owned());
                }
                None if text.trim().is_empty() => {}
                None => {
                    return Err(SheetError::Malformed {
                        line,
                        reason: format!("more cells than the header's {}", columns.len()),
                    });
                }
            }
        }
        rows.push(SheetRow { line, cells });
    }
    Ok(Sheet { columns, rows })
}

/// The line (from 1) of a record the csv reader places at byte `offset`. The reader places a
/// record where it resumed reading (after the `\r` of a CRLF, before skipped empty lines), so
/// line ends are passed over first.
fn line_at(bytes: &[u8], offset: u64) -> u64 {
    let mut start = usize::try_from(offset)
        .unwrap_or(usize::MAX)
        .min(bytes.len());
    while start < bytes.len() && matches!(bytes[start], b'\r' | b'\n') {
        start += 1;
    }
    memchr::memchr_iter(b'\n', &bytes[..start]).count() as u64 + 1
}

fn malformed(bytes: &[u8], e: &csv::Error) -> SheetError {
    SheetError::Malformed {
        line: e.position().map_or(0, |p| line_at(bytes, p.byte())),
        reason: crate::text::cut(&e.to_string(), 200),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_semicolons_bom_aliases_and_quotes() {
        let sheet = read_sheet(
            "\u{feff}Plik;Numer faktury;NIP;E-mail;Kwota\r\n\
             fv1.pdf;FV/1;123-456-32-18;a@firma.pl;\"1 230,00\"\r\n\
             \r\n\
             fv2.pdf;FV/2;;\"b@firma.pl, c@firma.pl\";99\r\n"
                .as_bytes(),
        )
        .unwrap();
        assert_eq!(
            sheet.columns,
            ["file", "invoice_number", "tax_id", "email", "amount"]
        );
        assert_eq!(sheet.rows.len(), 2);
        assert_eq!(sheet.rows[0].line, 2);
        assert_eq!(sheet.rows[0].get("amount"), Some("1 230,00"));
        assert_eq!(sheet.rows[1].line, 4);
        assert_eq!(sheet.rows[1].get("tax_id"), None);
        assert_eq!(sheet.rows[1].get("email"), Some("b@firma.pl, c@firma.pl"));
    }

    #[test]
    fn bad_sheets_say_where() {
        assert_eq!(read_sheet(b"").unwrap_err(), SheetError::Empty);
        assert_eq!(
            read_sheet(b"file,email\nx.pdf,\xff@x\n").unwrap_err(),
            SheetError::NotUtf8 { line: 2 }
        );
        assert!(matches!(
            read_sheet(b"file,email\na,b,c\n"),
            Err(SheetError::Malformed { line: 2, .. })
        ));
        assert!(matches!(
            read_sheet(b"file,File\n"),
            Err(SheetError::DuplicateColumn { .. })
        ));
        assert_eq!(
            read_sheet(b"file;email;\n").unwrap().columns,
            ["file", "email", "column_3"]
        );
        // Headers in capitals with diacritics map to the standard fields; others are kept.
        let sheet = read_sheet("IČO;Číslo faktury;Miejscowość\n1;2;3\n".as_bytes()).unwrap();
        assert_eq!(sheet.columns, ["tax_id", "invoice_number", "miejscowość"]);
    }

    #[test]
    fn no_input_panics() {
        for bytes in [
            &b"\""[..],
            b"a\n\"",
            b"\n\n",
            b"a;b\tc,d\n1",
            b"\xef\xbb\xbf",
            b"\r",
        ] {
            let _ = read_sheet(bytes);
        }
    }
}
