use std::fmt::Write as _;

use super::*;

const DSN: &str = "From: MAILER-DAEMON@mx.example (Mail Delivery System)\r\n\
To: faktury@firma.pl\r\n\
Subject: Undelivered Mail Returned to Sender\r\n\
MIME-Version: 1.0\r\n\
Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\r\n\
\r\n\
--B\r\n\
Content-Type: text/plain\r\n\
\r\n\
I'm sorry to have to inform you that your message could not be delivered.\r\n\
\r\n\
--B\r\n\
Content-Type: message/delivery-status\r\n\
\r\n\
Reporting-MTA: dns; mx.example\r\n\
Original-Envelope-Id: 3ece802f33394c1a91967be68210ca34\r\n\
\r\n\
Final-Recipient: rfc822; klient@example.com\r\n\
Original-Recipient: rfc822;klient@example.com\r\n\
Action: failed\r\n\
Status: 5.1.1\r\n\
Remote-MTA: dns; mx.example.com\r\n\
Diagnostic-Code: smtp; 550 5.1.1 <klient@example.com>: Recipient address\r\n\
\x20\x20\x20\x20rejected: User unknown\r\n\
\r\n\
--B\r\n\
Content-Type: text/rfc822-headers\r\n\
\r\n\
From: Firma <faktury@firma.pl>\r\n\
Subject: Faktura FV/2026/11/001\r\n\
Message-ID: <abc.stempel@firma.pl>\r\n\
\r\n\
--B--\r\n";

#[test]
fn reads_a_dsn() {
    let r = parse(DSN.as_bytes());
    assert_eq!(r.kind, Kind::Dsn);
    assert!(r.is_bounce());
    assert_eq!(
        r.envelope_id.as_deref(),
        Some("3ece802f33394c1a91967be68210ca34")
    );
    assert_eq!(r.message_id.as_deref(), Some("<abc.stempel@firma.pl>"));
    assert_eq!(
        r.original_subject.as_deref(),
        Some("Faktura FV/2026/11/001")
    );
    assert_eq!(r.reporting_mta.as_deref(), Some("mx.example"));
    let rcpt = &r.recipients[0];
    assert_eq!(rcpt.address, "klient@example.com");
    assert_eq!(rcpt.action, "failed");
    assert_eq!(rcpt.status.as_deref(), Some("5.1.1"));
    assert_eq!(rcpt.reason, Reason::UserUnknown);
    assert_eq!(rcpt.remote_mta.as_deref(), Some("mx.example.com"));
    assert!(rcpt.diagnostic.as_deref().unwrap().contains("User unknown"));
}

#[test]
fn reads_an_mdn_and_it_is_not_a_bounce() {
    let mdn = "From: klient@example.com\r\nTo: faktury@firma.pl\r\nSubject: Read: Faktura\r\n\
        Content-Type: multipart/report; report-type=disposition-notification; boundary=\"M\"\r\n\r\n\
        --M\r\nContent-Type: text/plain\r\n\r\nThe message was displayed.\r\n\
        --M\r\nContent-Type: message/disposition-notification\r\n\r\n\
        Reporting-UA: klient.example.com; Thunderbird\r\nFinal-Recipient: rfc822;klient@example.com\r\n\
        Original-Message-ID: <abc.stempel@firma.pl>\r\n\
        Disposition: manual-action/MDN-sent-manually; displayed\r\n\r\n--M--\r\n";
    let r = parse(mdn.as_bytes());
    assert_eq!(r.kind, Kind::Mdn);
    assert!(!r.is_bounce());
    assert_eq!(r.disposition.as_deref(), Some("displayed"));
    assert_eq!(r.message_id.as_deref(), Some("<abc.stempel@firma.pl>"));
    assert_eq!(r.recipients[0].address, "klient@example.com");
}

#[test]
fn auto_replies_feedback_and_plain_mail_are_not_bounces() {
    let auto = "From: Jan <jan@example.com>\r\nTo: faktury@firma.pl\r\nSubject: Automatische Antwort: Faktura\r\n\
        Auto-Submitted: auto-replied\r\n\r\nIch bin bis Montag nicht im Büro.\r\n";
    assert_eq!(parse(auto.as_bytes()).kind, Kind::AutoReply);
    let arf = "From: abuse@isp.example\r\nContent-Type: multipart/report; report-type=feedback-report; boundary=F\r\n\r\n\
        --F\r\nContent-Type: message/feedback-report\r\n\r\nFeedback-Type: abuse\r\n\r\n--F--\r\n";
    assert_eq!(parse(arf.as_bytes()).kind, Kind::Feedback);
    let plain = "From: jan@example.com\r\nTo: faktury@firma.pl\r\nSubject: Re: Faktura\r\n\r\nDziękuję, zapłacone.\r\n";
    assert_eq!(parse(plain.as_bytes()).kind, Kind::NotReport);
}

#[test]
fn reads_a_qmail_bounce() {
    let q = "From: MAILER-DAEMON@mx.example.cz\r\nTo: faktury@firma.pl\r\nSubject: failure notice\r\n\r\n\
        Hi. This is the qmail-send program at mx.example.cz.\r\n\
        I'm afraid I wasn't able to deliver your message to the following addresses.\r\n\
        This is a permanent error; I've given up. Sorry it didn't work out.\r\n\r\n\
        <novak@example.cz>:\r\n192.0.2.7 does not like recipient.\r\n\
        Remote host said: 550 5.1.1 <novak@example.cz>... User unknown\r\n\r\n\
        --- Below this line is a copy of the message.\r\n\r\n\
        From: faktury@firma.pl\r\nMessage-ID: <q1.stempel@firma.pl>\r\nSubject: Faktura\r\n\r\nx\r\n";
    let r = parse(q.as_bytes());
    assert_eq!(r.kind, Kind::Bounce);
    assert_eq!(r.recipients.len(), 1);
    assert_eq!(r.recipients[0].address, "novak@example.cz");
    assert_eq!(r.recipients[0].status.as_deref(), Some("5.1.1"));
    assert_eq!(r.message_id.as_deref(), Some("<q1.stempel@firma.pl>"));
}

#[test]
fn truncated_reports_never_panic() {
    let bytes = DSN.as_bytes();
    for end in 0..bytes.len() {
        let _ = parse(&bytes[..end]);
    }
}

#[test]
fn binary_garbage_never_panics() {
    // A deterministic pseudo-random stream (xorshift), with report-like bits mixed in.
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    for round in 0..200 {
        let mut buf = Vec::with_capacity(4096);
        for _ in 0..4096 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            buf.push((x >> 24) as u8);
        }
        if round % 2 == 0 {
            buf.splice(0..0, DSN.as_bytes()[..DSN.len() / 2].iter().copied());
        }
        let _ = parse(&buf);
    }
    for input in [
        &b""[..],
        b"\0\0\0",
        b"From: x\r\n\r\n",
        b"\xff\xfe\xfd @@@ 5.1.1 550",
    ] {
        let _ = parse(input);
    }
}

#[test]
fn fifty_megabytes_are_read_in_linear_time() {
    let mut big = String::from(
        "From: MAILER-DAEMON@mx.example\r\nSubject: Undelivered Mail\r\n\r\n<klient@example.com>: 550 5.1.1 User unknown\r\n",
    );
    let line = "padding padding padding x@example.com padding 192.0.2.1 5.5.5 text\r\n";
    while big.len() < 50 * 1024 * 1024 {
        big.push_str(line);
    }
    let start = std::time::Instant::now();
    let r = parse(big.as_bytes());
    assert!(r.is_bounce());
    assert_eq!(r.recipients[0].address, "klient@example.com");
    // Generous bound for a debug build on a slow machine; quadratic behaviour would take minutes.
    assert!(
        start.elapsed() < std::time::Duration::from_mins(1),
        "{:?}",
        start.elapsed()
    );
}

#[test]
fn deeply_nested_mime_never_panics() {
    let mut mail = String::from("From: MAILER-DAEMON@mx.example\r\nSubject: Returned mail\r\n");
    for i in 0..2000 {
        let _ = write!(
            mail,
            "Content-Type: multipart/mixed; boundary=\"b{i}\"\r\n\r\n--b{i}\r\n"
        );
    }
    mail.push_str("Content-Type: message/rfc822\r\n\r\n");
    for i in 0..500 {
        let _ = write!(
            mail,
            "Subject: level {i}\r\nContent-Type: message/rfc822\r\n\r\n"
        );
    }
    let _ = parse(mail.as_bytes());
}

/// The real Postfix reports in `tests/data/postfix-dsn/`.
#[test]
fn postfix_reports() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/postfix-dsn");
    let cases = [
        (
            "b1_bounce_unknown_local_user.eml",
            "failed",
            "5.1.1",
            Reason::UserUnknown,
        ),
        (
            "b2_bounce_unknown_local_user_envid_ret_hdrs.eml",
            "failed",
            "5.1.1",
            Reason::UserUnknown,
        ),
        (
            "c_success_dsn_delivered.eml",
            "delivered",
            "2.0.0",
            Reason::Delivered,
        ),
        (
            "d_delay_dsn.eml",
            "delayed",
            "4.4.1",
            Reason::HostUnreachable,
        ),
        (
            "d_failed_after_retries_dsn.eml",
            "failed",
            "4.4.1",
            Reason::HostUnreachable,
        ),
        (
            "e1_bounce_remote_550_postfixB.eml",
            "failed",
            "5.1.1",
            Reason::UserUnknown,
        ),
        (
            "e2_bounce_remote_550_smtp_sink.eml",
            "failed",
            "5.1.1",
            Reason::UserUnknown,
        ),
        (
            "e3_relay_success_dsn_0.eml",
            "delivered",
            "2.0.0",
            Reason::Delivered,
        ),
        ("g_relayed_dsn.eml", "relayed", "2.0.0", Reason::Delivered),
    ];
    for (file, action, status, reason) in cases {
        let raw = std::fs::read(dir.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        let r = parse(&raw);
        assert_eq!(r.kind, Kind::Dsn, "{file}");
        assert_eq!(r.recipients.len(), 1, "{file}");
        let rc = &r.recipients[0];
        assert_eq!(
            (rc.action.as_str(), rc.status.as_deref(), rc.reason),
            (action, Some(status), reason),
            "{file}"
        );
        assert!(r.message_id.is_some(), "{file}: original Message-ID");
    }
    let b2 =
        parse(&std::fs::read(dir.join("b2_bounce_unknown_local_user_envid_ret_hdrs.eml")).unwrap());
    assert_eq!(b2.envelope_id.as_deref(), Some("INV-2026-0042-b2"));
}
