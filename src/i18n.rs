//! The user's language: Fluent translations from `locales/`, and locale-aware dates and sizes.
//!
//! Strings live in `locales/<lang>/stempel.ftl` (English is the fallback and the reference) and
//! are embedded in the binary. Code asks for them with [`t!`](crate::t), which checks at compile
//! time that the key exists in English and that the arguments match. Keys chosen at run time
//! (the explanation catalogue, bounce reasons) go through [`text`], with the English text from
//! the code as the fallback.
//!
//! Why Fluent (through `i18n-embed`): Polish and Czech have three plural forms (`one`, `few`,
//! `many`), which Fluent selects from CLDR rules; `i18n-embed-fl` catches a misspelt key or a
//! missing argument when building instead of on the user's screen.
//!
//! The language is process-wide: one user, one language. It is chosen once at start-up (from the
//! settings, else the OS) and again when the user changes it in Settings.

use std::sync::LazyLock;

use i18n_embed::LanguageLoader as _;
use i18n_embed::fluent::{FluentLanguageLoader, fluent_language_loader};
use i18n_embed::unic_langid::LanguageIdentifier;
use rust_embed::RustEmbed;

#[derive(RustEmbed)]
#[folder = "locales/"]
struct Localizations;

/// The loader behind [`t!`](crate::t). Starts in English.
pub static LOADER: LazyLock<FluentLanguageLoader> = LazyLock::new(|| {
    let loader: FluentLanguageLoader = fluent_language_loader!();
    // The English file is compiled in; failing to load it would be a build error caught by the
    // tests, so the loader stays empty (keys shown as-is) rather than panicking.
    let _ = loader.load_fallback_language(&Localizations);
    // Without this Fluent wraps every argument in invisible bidi isolation marks, which show
    // up as boxes in egui and break copy-paste of addresses.
    loader.set_use_isolating(false);
    loader
});

/// A translated string: `t!("key")` or `t!("key", name = value, ...)`.
#[macro_export]
macro_rules! t {
    ($id:literal) => {{
        i18n_embed_fl::fl!($crate::i18n::LOADER, $id)
    }};
    ($id:literal, $($args:tt)*) => {{
        i18n_embed_fl::fl!($crate::i18n::LOADER, $id, $($args)*)
    }};
}

/// The languages Stempel speaks: code and the language's own name.
pub const LANGUAGES: [(&str, &str); 4] = [
    ("en", "English"),
    ("pl", "Polski"),
    ("cs", "Čeština"),
    ("de", "Deutsch"),
];

/// The supported language for a locale tag such as `pl-PL`, `cs_CZ.UTF-8` or `de`.
#[must_use]
pub fn supported(tag: &str) -> Option<&'static str> {
    let primary = tag
        .split(['-', '_', '.', '@'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    LANGUAGES
        .iter()
        .map(|(code, _)| *code)
        .find(|code| *code == primary)
}

/// The language to use: the setting if it names a supported one, else the OS's first
/// supported language, else English.
#[must_use]
pub fn choose(setting: Option<&str>) -> &'static str {
    setting
        .and_then(supported)
        .or_else(|| sys_locale::get_locales().find_map(|l| supported(&l)))
        .unwrap_or("en")
}

/// Switches the process to `lang` (a code from [`LANGUAGES`]); English fills any gap.
pub fn set_language(lang: &str) {
    let lang = supported(lang).unwrap_or("en");
    let Ok(id) = lang.parse::<LanguageIdentifier>() else {
        return;
    };
    // Loading only fails for a language with no file, which `supported` rules out.
    let _ = LOADER.load_languages(&Localizations, &[id]);
    LOADER.set_use_isolating(false);
}

/// The current language's code.
#[must_use]
pub fn language() -> &'static str {
    let current = LOADER.current_language();
    supported(&current.to_string()).unwrap_or("en")
}

/// The translation of a key chosen at run time, or `None` when no language has it.
#[must_use]
pub fn text(key: &str) -> Option<String> {
    LOADER.has(key).then(|| LOADER.get(key))
}

/// The translation of catalogue key `key`, else `english` (the catalogue's own text).
#[must_use]
pub fn text_or(key: &str, english: &str) -> String {
    text(key).unwrap_or_else(|| english.to_owned())
}

/// The translated advice of catalogue key `key` (`<key>-advice`), else `english`.
#[must_use]
pub fn advice_or(key: &str, english: &str) -> String {
    text(&format!("{key}-advice")).unwrap_or_else(|| english.to_owned())
}

/// A moment in the user's time zone, written the way the current language writes dates.
#[must_use]
pub fn datetime(at: jiff::Timestamp) -> String {
    let local = at.to_zoned(jiff::tz::TimeZone::system());
    // jiff formats with strftime; the patterns are each language's common short form
    // (CLDR "medium" date, 24-hour time). No locale database is needed for four languages.
    let pattern = match language() {
        "pl" | "de" => "%d.%m.%Y %H:%M",
        "cs" => "%-d. %-m. %Y %H:%M",
        _ => "%Y-%m-%d %H:%M",
    };
    local.strftime(pattern).to_string()
}

/// A day and month, short, for chart axes (`11-23`, `23.11.`, `23. 11.`).
#[must_use]
pub fn day_month(day: jiff::civil::Date) -> String {
    let pattern = match language() {
        "pl" | "de" => "%d.%m.",
        "cs" => "%-d. %-m.",
        _ => "%m-%d",
    };
    day.strftime(pattern).to_string()
}

/// A byte count for people: `1.5 MB` in English, `1,5 MB` in Polish, Czech and German.
#[must_use]
pub fn size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["B", "KB", "MB", "GB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1000.0 && unit + 1 < UNITS.len() {
        value /= 1000.0;
        unit += 1;
    }
    let number = if unit == 0 {
        format!("{bytes}")
    } else if value < 10.0 {
        format!("{value:.1}")
    } else {
        format!("{value:.0}")
    };
    let number = if language() == "en" {
        number
    } else {
        number.replace('.', ",")
    };
    // A no-break space keeps the number and its unit on one line.
    format!("{number}\u{a0}{}", UNITS[unit])
}

/// A whole number with the language's thousands separator (`12,345`, `12 345`, `12.345`).
#[must_use]
pub fn count(n: u64) -> String {
    let sep = match language() {
        "pl" | "cs" => '\u{a0}',
        "de" => '.',
        _ => ',',
    };
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_tags_map_to_languages() {
        assert_eq!(supported("pl-PL"), Some("pl"));
        assert_eq!(supported("cs_CZ.UTF-8"), Some("cs"));
        assert_eq!(supported("de"), Some("de"));
        assert_eq!(supported("EN-gb"), Some("en"));
        assert_eq!(supported("fr-FR"), None);
        assert_eq!(supported(""), None);
        assert_eq!(choose(Some("cs")), "cs");
    }
}
