//! The SMTP reply parser on arbitrary text: it must never panic.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = stempel::smtp::reply::ParsedReply::parse(text);
    }
});
