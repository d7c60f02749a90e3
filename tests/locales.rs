//! The translations: every language has every key, with the same placeholders; every key is
//! used by the code; the catalogue texts in English match the code's; plurals, dates and sizes
//! come out right. One test function: the language is process-wide.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::missing_panics_doc)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast;
use stempel::smtp::explain::explain_reply;
use stempel::{i18n, t};

const LANGS: [&str; 4] = ["en", "pl", "cs", "de"];

/// Message id → the variables its value uses (in any variant).
fn messages(lang: &str) -> BTreeMap<String, BTreeSet<String>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("locales/{lang}/stempel.ftl"));
    let text = std::fs::read_to_string(&path).unwrap();
    let resource = fluent_syntax::parser::parse(text.as_str())
        .unwrap_or_else(|(_, errors)| panic!("{lang}: {errors:?}"));
    let mut out = BTreeMap::new();
    for entry in resource.body {
        match entry {
            ast::Entry::Message(m) => {
                let mut vars = BTreeSet::new();
                if let Some(p) = &m.value {
                    pattern_vars(p, &mut vars);
                }
                let id = m.id.name.to_owned();
                assert!(out.insert(id.clone(), vars).is_none(), "{lang}: {id} twice");
            }
            ast::Entry::Junk { content } => panic!("{lang}: cannot parse {content:?}"),
            _ => {}
        }
    }
    out
}

fn pattern_vars(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &p.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for v in variants {
                pattern_vars(&v.value, vars);
            }
        }
        ast::Expression::Inline(i) => inline_vars(i, vars),
    }
}

fn inline_vars(i: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_owned());
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        _ => {}
    }
}

/// Every Rust source file's text under `src/<under>`, concatenated.
fn sources(under: &str) -> String {
    fn walk(dir: &Path, out: &mut String) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push_str(&std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    let mut out = String::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("src")
            .join(under),
        &mut out,
    );
    out
}

#[test]
fn translations_are_complete_consistent_and_used() {
    let en = messages("en");
    same_keys_and_placeholders(&en);
    every_key_used_and_every_named_key_present(&en);
    english_is_the_codes_text();
    plurals_dates_and_sizes();
}

fn same_keys_and_placeholders(en: &BTreeMap<String, BTreeSet<String>>) {
    assert!(en.len() > 300, "only {} English keys", en.len());

    // Same keys and same placeholders in every language.
    for lang in &LANGS[1..] {
        let other = messages(lang);
        let missing: Vec<_> = en.keys().filter(|k| !other.contains_key(*k)).collect();
        let extra: Vec<_> = other.keys().filter(|k| !en.contains_key(*k)).collect();
        assert!(missing.is_empty(), "{lang} lacks {missing:?}");
        assert!(
            extra.is_empty(),
            "{lang} has keys English does not: {extra:?}"
        );
        for (key, vars) in en {
            assert_eq!(&other[key], vars, "{lang}: placeholders of {key}");
        }
    }
}

fn every_key_used_and_every_named_key_present(en: &BTreeMap<String, BTreeSet<String>>) {
    // Every key is used: by t!("key") in the code, or as a catalogue key the code names
    // (explanations and their -advice, bounce reasons, provider presets).
    let code = sources("");
    let presets: BTreeSet<String> = stempel::presets::PRESETS
        .iter()
        .map(|p| format!("preset-{}", p.id))
        .collect();
    for key in en.keys() {
        let base = key.strip_suffix("-advice").unwrap_or(key);
        let used = code.contains(&format!("\"{base}\"")) || presets.contains(key);
        assert!(used, "{key} is in locales/ but no code uses it");
    }
    // And every catalogue key the protocol and worker code names has an English text.
    let catalogue = sources("smtp") + &sources("bounce") + &sources("worker");
    let mut rest = catalogue.as_str();
    while let Some(at) = rest.find('"') {
        rest = &rest[at + 1..];
        let Some(end) = rest.find('"') else { break };
        let literal = &rest[..end];
        let is_key = ["smtp-", "tls-", "bounce-", "secret-"]
            .iter()
            .any(|p| literal.starts_with(p))
            && literal
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if is_key && !literal.ends_with('-') {
            assert!(
                en.contains_key(literal),
                "the code names {literal} but English lacks it"
            );
            if !literal.starts_with("bounce-") {
                let advice = format!("{literal}-advice");
                assert!(en.contains_key(&advice), "English lacks {advice}");
            }
        }
        rest = &rest[end + 1..];
    }
}

/// The English texts are the code's own (the code keeps them for logs and JSON).
fn english_is_the_codes_text() {
    for (code, status, text) in [
        (535, Some("5.7.8"), "Authentication failed"),
        (550, Some("5.1.1"), "User unknown"),
        (421, None, "Try later"),
        (250, Some("2.0.0"), "Ok: queued as X"),
    ] {
        let e = explain_reply(code, status, text);
        assert_eq!(
            stempel::i18n::text(e.key).as_deref(),
            Some(e.meaning),
            "{}",
            e.key
        );
        assert_eq!(e.advice_text(), e.advice, "{}", e.key);
    }
    for p in stempel::presets::PRESETS {
        assert_eq!(p.hint_text(), p.hint, "{}", p.id);
    }
}

/// Plurals, with arguments and no invisible bidi marks; numbers and sizes per language.
fn plurals_dates_and_sizes() {
    let cases: [(&str, u64, &str); 10] = [
        ("en", 1, "1 mail waiting"),
        ("en", 2, "2 mails waiting"),
        ("pl", 1, "1 mail czeka"),
        ("pl", 3, "3 maile czekają"),
        ("pl", 5, "5 maili czeka"),
        ("pl", 22, "22 maile czekają"),
        ("cs", 4, "4 e-maily čekají"),
        ("cs", 5, "5 e-mailů čeká"),
        ("de", 1, "1 Mail wartet"),
        ("de", 7, "7 Mails warten"),
    ];
    for (lang, count, want) in cases {
        i18n::set_language(lang);
        assert_eq!(i18n::language(), lang);
        let got = t!("mails-waiting", count = count);
        assert_eq!(got, want, "{lang} {count}");
        assert!(!got.contains(['\u{2068}', '\u{2069}']));
    }
    i18n::set_language("pl");
    assert_eq!(i18n::size(1_500_000), "1,5\u{a0}MB");
    assert_eq!(i18n::count(12_345), "12\u{a0}345");
    assert_eq!(
        stempel::smtp::explain::explain_reply(550, Some("5.1.1"), "").meaning_text(),
        "adres odbiorcy nie istnieje"
    );
    i18n::set_language("de");
    assert_eq!(i18n::count(12_345), "12.345");
    i18n::set_language("en");
    assert_eq!(i18n::size(1_500_000), "1.5\u{a0}MB");
    assert_eq!(i18n::size(999), "999\u{a0}B");
    // An unknown language falls back to English.
    i18n::set_language("fr");
    assert_eq!(i18n::language(), "en");
}
