//! The bounce parser on arbitrary bytes: it must never panic or hang.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let report = stempel::bounce::parse(data);
    let _ = report.is_bounce();
});
