//! A customer: who invoices go to, in which language.

use serde::{Deserialize, Serialize};

/// A customer as the user keeps it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Customer {
    /// 0 until stored.
    pub id: i64,
    pub name: String,
    /// NIP, IČO, USt-IdNr or any tax id, as the user writes it.
    pub tax_id: Option<String>,
    /// Where invoices go (To), at least one.
    pub to: Vec<String>,
    /// Who gets a copy (Cc).
    pub cc: Vec<String>,
    /// The language of the mails (`en`, `pl`, `cs`, `de`…); the window's when not set.
    pub language: Option<String>,
    pub notes: String,
}

/// A tax id as it is compared: letters and digits only, uppercase, without a leading country
/// prefix, so `PL 123-456-32-18`, `123-456-32-18` and `1234563218` are one id.
#[must_use]
pub fn tax_key(tax_id: &str) -> Option<String> {
    let key: String = tax_id
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect();
    // A two-letter EU country prefix before digits (PL, CZ, DE…) is not part of the number.
    let bytes = key.as_bytes();
    let key = if bytes.len() > 4
        && bytes[..2].iter().all(u8::is_ascii_alphabetic)
        && bytes[2..].iter().all(u8::is_ascii_digit)
    {
        key[2..].to_owned()
    } else {
        key
    };
    (!key.is_empty()).then_some(key)
}

#[cfg(test)]
mod tests {
    use super::tax_key;

    #[test]
    fn tax_ids_compare_by_their_digits() {
        assert_eq!(tax_key("PL 123-456-32-18").as_deref(), Some("1234563218"));
        assert_eq!(tax_key("123-456-32-18").as_deref(), Some("1234563218"));
        assert_eq!(tax_key("CZ12345678").as_deref(), Some("12345678"));
        assert_eq!(tax_key("DE 123 456 789").as_deref(), Some("123456789"));
        assert_eq!(tax_key("ATU12345678").as_deref(), Some("ATU12345678"));
        assert_eq!(tax_key(" - "), None);
    }
}
