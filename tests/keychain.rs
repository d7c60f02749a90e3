//! The real OS keychain (Secret Service on Linux), not the test store.
//!
//! Needs a session bus with an unlocked keyring; `.ci/e2e` provides one with
//! `dbus-run-session` and `gnome-keyring-daemon`. Plain `cargo test` shows it as ignored.

use stempel::secrets::{self, Secret};

#[test]
#[ignore = "needs a Secret Service: run .ci/e2e"]
fn password_round_trips_through_the_real_keychain() {
    assert!(
        std::env::var_os("STEMPEL_KEYCHAIN").is_none(),
        "this test is about the real keychain"
    );
    let account = format!("keychain-test-{}", std::process::id());
    let secret = Secret::new("Zq7-real-keychain-s3cret".into());
    secrets::store_password(&account, &secret).unwrap();
    assert_eq!(
        secrets::keychain_password(&account).unwrap(),
        Some(secret.clone())
    );
    assert_eq!(secrets::password(&account, None).unwrap(), secret);
    secrets::delete_password(&account).unwrap();
    assert_eq!(secrets::keychain_password(&account).unwrap(), None);
    assert!(matches!(
        secrets::password(&account, None),
        Err(secrets::SecretError::Missing(_))
    ));
}
