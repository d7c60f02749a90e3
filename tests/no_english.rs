//! No English sentence reaches a Polish, Czech or German user: the command line's output for
//! the usual verbs (a deferred and a refused mail, an account that cannot be removed, `show`,
//! `explain`), in each language. Servers' replies and the conversation are quoted as received.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::missing_panics_doc)]

mod common;

use std::path::Path;

use common::cli::{queue, stempel};
use common::english::english_lines;

/// Everything `stempel ARGS` printed, on both streams.
fn run(dir: &Path, args: &[&str]) -> String {
    let out = stempel(dir).args(args).output().unwrap();
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn the_detector_tells_english_from_the_other_languages() {
    assert_eq!(
        english_lines("the server refused every recipient and could not be reached").len(),
        1
    );
    for other in [
        "Serwer odbiorcy przyjął maila; to nie dowodzi, że mail został przeczytany.",
        "Server příjemce e-mail přijal; to ještě neznamená, že byl přečten.",
        "Der Server des Empfängers hat die Mail angenommen; was das nicht beweist.",
        "  12 ms S: 550 5.1.1 the user does not exist here",
        "550 5.1.2 this domain is not known",
    ] {
        assert!(english_lines(other).is_empty(), "{other}");
    }
}

#[test]
fn the_command_line_speaks_the_users_language() {
    for lang in ["pl", "cs", "de"] {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("settings.toml"),
            format!("language = \"{lang}\"\n"),
        )
        .unwrap();
        let port = std::net::TcpListener::bind(("127.0.0.1", 0))
            .unwrap()
            .local_addr()
            .unwrap()
            .port()
            .to_string();
        let pdf = dir.path().join("FV-2026-11-003.pdf");
        std::fs::write(&pdf, b"%PDF-1.7 invoice 003").unwrap();
        let mut said = run(
            dir.path(),
            &[
                "account",
                "add",
                "firma",
                "--from",
                "faktury@firma.pl",
                "--smtp-host",
                "127.0.0.1",
                "--smtp-port",
                &port,
                "--smtp-security",
                "none",
                "--password-command",
                "echo secret",
            ],
        );
        let id = queue(
            dir.path(),
            &[
                "--account",
                "firma",
                "--to",
                "klient@example.com",
                "--subject",
                "Faktura 3",
                "--body",
                "W załączeniu faktura.",
                "--attach",
                pdf.to_str().unwrap(),
            ],
        );
        for args in [
            &["send"][..],
            &["show", &id],
            &["account", "remove", "firma"],
            &[
                "explain",
                "550 5.1.1 <klient@example.com>: Recipient address rejected",
            ],
            &["explain", "451 4.7.1 Greylisted, try again later"],
            &["show", "999"],
            &[
                "queue",
                "--account",
                "firma",
                "--to",
                "not an address",
                "--subject",
                "x",
                "--body",
                "y",
            ],
        ] {
            said.push_str(&run(dir.path(), args));
        }
        // The language was the one chosen ("Subject" as each language says it).
        let subject = match lang {
            "pl" => "Temat:",
            "cs" => "Předmět:",
            _ => "Betreff:",
        };
        assert!(said.contains(subject), "{lang}: {said}");
        let english = english_lines(&said);
        assert!(
            english.is_empty(),
            "{lang}: English reached the user:\n{}\n\nall output:\n{said}",
            english.join("\n")
        );
    }
}

/// The texts on screen: every label and value of the window's accessibility tree.
#[cfg(feature = "gui")]
fn on_screen(w: &common::window::Window) -> String {
    let tree = format!("{:#?}", w.harness.root());
    let mut texts = String::new();
    for part in tree
        .split("label: \"")
        .chain(tree.split("value: \""))
        .skip(1)
    {
        // Up to the closing quote (the debug form escapes quotes inside).
        let mut text = String::new();
        let mut chars = part.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => match chars.next() {
                    Some('n') => text.push('\n'),
                    Some(other) => text.push(other),
                    None => break,
                },
                '"' => break,
                c => text.push(c),
            }
        }
        texts.push_str(&text);
        texts.push('\n');
    }
    texts
}

#[cfg(feature = "gui")]
#[test]
fn the_window_speaks_the_users_language() {
    use stempel::t;
    stempel::i18n::set_language("pl");
    stempel::secrets::without_keychain();
    let mut w = common::window::open();
    let mut seen = String::new();
    w.wait_for(&t!("welcome-try-sandbox"));
    seen.push_str(&on_screen(&w));
    w.click(&t!("welcome-try-sandbox"));
    w.wait_for(&t!("send-now"));
    seen.push_str(&on_screen(&w));
    // A refused mail, followed into Failed, on its Sent tab.
    w.replace_in(&t!("field-to"), "nikt@firma.invalid");
    w.click(&t!("send-now"));
    w.wait_for(&t!("field-what-happened"));
    seen.push_str(&on_screen(&w));
    w.click(&t!("nav-accounts"));
    w.click(&t!("account-add"));
    w.wait_for(&t!("keep-session"));
    seen.push_str(&on_screen(&w));
    w.click(&t!("nav-settings"));
    w.harness.step();
    seen.push_str(&on_screen(&w));
    // The screens were read: sentences of each are among the texts.
    assert!(seen.contains(&t!("keychain-unavailable")), "{seen}");
    assert!(seen.contains(&t!("field-what-to-do")), "{seen}");
    let english = english_lines(&seen);
    assert!(
        english.is_empty(),
        "English reached the window:\n{}",
        english.join("\n")
    );
}
