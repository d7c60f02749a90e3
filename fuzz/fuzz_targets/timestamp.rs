//! The time-stamp reply check and the evidence-file check on arbitrary bytes: they must never
//! panic (a reply comes from a server, a ZIP from anyone). The first byte picks the target.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    if which % 2 == 0 {
        let _ = stempel::timestamp::check(rest, &[0; 32], Some(42), &[]);
    } else {
        let _ = stempel::proof::check::check(rest, &[]);
    }
});
