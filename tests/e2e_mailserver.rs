//! Smoke test of the mail-server harness, with lettre directly (not Stempel's sender):
//! AUTH over STARTTLS with the test CA trusted explicitly, the 250 reply's queue id equal to the
//! id Postfix logs, and a failure DSN for an unknown user fetched over IMAP.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers: a failure should panic

mod common;

use common::{MailServer, wait_for_mail};
use lettre::address::Envelope;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::{Address, SmtpTransport, Transport};
use stempel::smtp::reply::ParsedReply;

fn transport(server: &MailServer) -> SmtpTransport {
    let tls = TlsParameters::builder("localhost".into())
        .add_root_certificate(Certificate::from_pem(&server.ca_pem()).unwrap())
        .build_rustls()
        .unwrap();
    SmtpTransport::builder_dangerous("127.0.0.1")
        .port(server.port("STEMPEL_MS_SUBMISSION_PORT"))
        .tls(Tls::Required(tls))
        .credentials(Credentials::new(
            server.var("STEMPEL_MS_SENDER").into(),
            server.var("STEMPEL_MS_SENDER_PASSWORD").into(),
        ))
        .build()
}

fn mail(from: &str, to: &str, message_id: &str) -> Vec<u8> {
    format!(
        "From: {from}\r\nTo: {to}\r\nSubject: harness smoke {message_id}\r\n\
         Message-ID: <{message_id}>\r\n\r\nFaktura w załączeniu.\r\n"
    )
    .into_bytes()
}

#[test]
#[ignore = "needs the mail servers: run tests/mailserver/start.sh"]
fn harness_smoke() {
    let server = MailServer::from_env();
    let sender = server.var("STEMPEL_MS_SENDER").to_owned();
    let smtp = transport(&server);

    // AUTH over STARTTLS, certificate verified against the test CA.
    let id = format!(
        "smoke-{}-{}@stempel.test",
        std::process::id(),
        jiff::Timestamp::now().as_millisecond()
    );
    let customer = server.var("STEMPEL_MS_CUSTOMER").to_owned();
    let envelope = Envelope::new(
        Some(sender.parse::<Address>().unwrap()),
        vec![customer.parse::<Address>().unwrap()],
    )
    .unwrap();
    let response = smtp
        .send_raw(&envelope, &mail(&sender, &customer, &id))
        .unwrap();
    let reply = format!(
        "{} {}",
        response.code(),
        response.message().collect::<Vec<_>>().join("\n")
    );
    let receipt = ParsedReply::parse(&reply);
    assert_eq!(receipt.code, Some(250), "{reply}");
    let queue_id = receipt.queue_id.expect("Postfix names its queue id");
    assert_eq!(queue_id, server.postfix_queue_id_of(&id), "{reply}");
    let log = server.postfix_log();
    assert!(
        log.contains(&format!("{queue_id}: client=")) && log.contains("sasl_method=PLAIN"),
        "the submission was authenticated"
    );

    // A mail to an unknown user comes back as a DSN in the sender's INBOX.
    let bounce_id = format!("bounce-{id}");
    let unknown = format!("nobody-{}@stempel.test", std::process::id());
    let envelope = Envelope::new(
        Some(sender.parse::<Address>().unwrap()),
        vec![unknown.parse::<Address>().unwrap()],
    )
    .unwrap();
    smtp.send_raw(&envelope, &mail(&sender, &unknown, &bounce_id))
        .unwrap();
    let inbox = wait_for_mail(
        &server,
        &sender,
        server.var("STEMPEL_MS_SENDER_PASSWORD"),
        &[
            &bounce_id,
            "Status: 5.1.1",
            &format!("Final-Recipient: rfc822; {unknown}"),
        ],
    );
    assert!(inbox.contains("multipart/report"));
    assert!(inbox.contains("report-type=delivery-status"));
}

#[test]
#[ignore = "needs the mail servers: run tests/mailserver/start.sh"]
fn submission_refuses_auth_before_starttls() {
    let server = MailServer::from_env();
    let smtp = SmtpTransport::builder_dangerous("127.0.0.1")
        .port(server.port("STEMPEL_MS_SUBMISSION_PORT"))
        .tls(Tls::None)
        .credentials(Credentials::new(
            server.var("STEMPEL_MS_SENDER").into(),
            server.var("STEMPEL_MS_SENDER_PASSWORD").into(),
        ))
        .build();
    let sender: Address = server.var("STEMPEL_MS_SENDER").parse().unwrap();
    let envelope = Envelope::new(Some(sender.clone()), vec![sender]).unwrap();
    assert!(
        smtp.send_raw(&envelope, b"Subject: x\r\n\r\nx\r\n")
            .is_err()
    );
}
