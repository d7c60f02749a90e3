//! The accounts screen on a computer without a keychain, and removing an account, through the
//! window (`egui_kittest`, real app state). Its own test binary: the keychain is turned off for
//! the whole process.
#![cfg(feature = "gui")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::missing_panics_doc)]

mod common;

use common::window::open;
use eframe::egui::accesskit::Role;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use stempel::store::Store;

#[test]
fn without_a_keychain_the_password_is_kept_for_the_session_or_given_by_a_command() {
    stempel::secrets::without_keychain();
    let mut w = open();
    w.click("Accounts");
    w.click("Add account");
    // Said in words before anything is saved, with the alternatives offered.
    w.wait_for("no keychain Stempel can reach");
    w.wait_for("Given by a command");
    w.wait_for("For this session only");
    w.type_into("Name", "firma");
    w.type_into("Sender (Name <address>)", "Firma Nowak <faktury@firma.pl>");
    w.type_into("SMTP server", "smtp.firma.pl");
    // The login name follows the sender's address.
    w.harness.step();
    let user = w
        .harness
        .query_all_by_role_and_label(Role::TextInput, "SMTP user name")
        .next()
        .unwrap()
        .accesskit_node()
        .value();
    assert_eq!(user.as_deref(), Some("faktury@firma.pl"));
    w.type_into("Password", "s3cret");
    w.click("Save");
    w.wait_for("Password for this session");
    assert!(stempel::secrets::kept_for_session("firma"));
    let store = Store::open(&w.paths.database()).unwrap();
    let account = store.account("firma").unwrap();
    assert_eq!(account.smtp.user, "faktury@firma.pl");
    assert_eq!(account.password_command, None);

    // A command instead: stored with the account, shown in the list.
    w.click("Edit");
    w.click("Given by a command");
    w.type_into("Password command", "pass show mail/firma");
    w.click("Save");
    w.wait_for("Password by command");
    let account = store.account("firma").unwrap();
    assert_eq!(
        account.password_command.as_deref(),
        Some("pass show mail/firma")
    );
    assert!(!stempel::secrets::kept_for_session("firma"));

    // Removing asks first.
    w.click("Remove");
    w.wait_for("Remove the account firma?");
    w.click_last("Remove");
    w.wait_for("Account \"firma\" removed.");
    assert!(store.account("firma").is_err());
}
