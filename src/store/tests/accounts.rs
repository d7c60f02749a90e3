//! Accounts: round trip, unique names, removal.

use super::*;

#[test]
fn accounts_round_trip_and_names_are_unique() {
    let s = store();
    assert_eq!(s.account("firma").unwrap(), account());
    assert!(matches!(
        s.account("nope"),
        Err(StoreError::NoSuchAccount(_))
    ));
    let mut s = s;
    assert!(matches!(
        s.add_account(&account()),
        Err(StoreError::AccountExists(_))
    ));
}

#[test]
fn an_account_is_removed_only_when_nothing_of_it_waits_and_its_sent_mails_stay() {
    let mut s = store();
    let queued = mail_in(&mut s, MessageState::Queued);
    assert!(matches!(
        s.remove_account("firma"),
        Err(StoreError::AccountInUse { waiting: 1, .. })
    ));
    s.delete(queued).unwrap();
    let sent = mail_in(&mut s, MessageState::Sent);
    assert!(s.remove_account("firma").unwrap(), "kept for its sent mail");
    assert!(s.accounts().unwrap().is_empty());
    assert!(s.account("firma").is_err());
    let kept = s.message(sent).unwrap();
    assert!(
        kept.account.starts_with("firma (removed "),
        "{}",
        kept.account
    );
    // The name is free again; an account without mails goes entirely.
    s.add_account(&account()).unwrap();
    assert!(!s.remove_account("firma").unwrap());
    assert!(matches!(
        s.remove_account("firma"),
        Err(StoreError::NoSuchAccount(_))
    ));
}

#[test]
fn a_mail_of_a_removed_account_is_not_sent_again() {
    let mut s = store();
    let id = mail_in(&mut s, MessageState::Failed);
    s.remove_account("firma").unwrap();
    assert!(matches!(s.requeue(id), Err(StoreError::NoSuchAccount(_))));
    assert_eq!(state(&s, id), MessageState::Failed);
}
