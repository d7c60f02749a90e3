//! The MIME builder never lets a bare CR, a bare LF or a NUL into a built mail, whatever the
//! text and the attachments hold (SMTP smuggling and broken 7bit parts start there).
#![no_main]

use libfuzzer_sys::fuzz_target;
use stempel::mail::{BuildInput, bare_line_end_or_nul, build, sha256_hex, validate};
use stempel::model::{Attachment, Compose, Mailbox};

fuzz_target!(|data: &[u8]| {
    let (text, file) = data.split_at(data.len() / 2);
    let text = String::from_utf8_lossy(text).into_owned();
    let compose = Compose {
        to: vec!["klient@example.com".into()],
        subject: "Faktura".into(),
        body_text: text.clone(),
        body_html: (text.len() % 2 == 0).then(|| text.clone()),
        ..Compose::default()
    };
    let Ok(validated) = validate(&compose) else {
        return;
    };
    let mime = if file.first().is_some_and(|b| b % 2 == 0) { "text/plain" } else { "application/pdf" };
    let attachment = Attachment {
        filename: "faktura.txt".into(),
        mime_type: mime.into(),
        size: file.len() as u64,
        sha256: sha256_hex(file),
        data: file.to_vec(),
    };
    let from = Mailbox { name: Some("Firma".into()), address: "faktury@firma.pl".into() };
    let built = build(&BuildInput {
        from: &from,
        compose: &compose,
        validated: &validated,
        attachments: &[attachment],
        message_id: "x.stempel@firma.pl",
        date: 1_790_000_000,
    });
    if let Ok(built) = built {
        assert_eq!(bare_line_end_or_nul(&built.bytes), None);
    }
});
