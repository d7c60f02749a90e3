//! Sending over a real distance: 100 mails of 100 KB through a delay proxy (20 ms each way,
//! RTT 40 ms) to the real Postfix of `tests/mailserver/` (STARTTLS and AUTH), in round trips
//! per mail, amortised over the batch (connection, TLS and login included):
//!   - Stempel on Postfix's submission port, which offers CHUNKING (one write per mail);
//!   - Stempel on the port without CHUNKING (DATA: the envelope, then the body);
//!   - the anchor: a loop that opens a new connection for every mail (what most invoicing
//!     tools do), here lettre's `SmtpTransport` without a pool, over fewer mails.
//!
//! The proxy is this file's own: a thread per direction holds each chunk it reads for the
//! delay and writes it on in order (these kernels have no netem). Its sockets use an Internet
//! MSS and acknowledge at once, as Stempel's socket does. What it cannot model is the time an
//! acknowledgement takes to travel: Postfix's smtpd keeps Nagle's algorithm on and sends the
//! replies to MAIL and RCPT while the chunk still arrives, so on a real path a mail that
//! arrives in less than a round trip may wait for that acknowledgement before its last reply
//! (up to one more round trip; DATA pays that round trip always).
//!
//! Needs the servers: `tests/mailserver/start.sh` (root), then `cargo bench --bench wan`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_precision_loss,
    clippy::too_many_lines
)] // a benchmark

mod common;

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use lettre::address::Envelope;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::{SmtpTransport, Transport};
use stempel::model::{Account, Mailbox, Security};
use stempel::store::Store;
use stempel::worker::sender::{self, Event};

const MAILS: usize = 100;
const NAIVE_MAILS: usize = 20;
const SIZE: usize = 100 * 1024;
const ONE_WAY: Duration = Duration::from_millis(20);

fn spawn(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .name("delay-proxy".into())
        .spawn(f)
        .unwrap();
}

/// Copies `from` to `to`, each chunk held for `delay` after it was read.
fn delayed_pipe(mut from: TcpStream, mut to: TcpStream, delay: Duration) {
    // Bounded: a writer that cannot keep up slows the reader, as a full path would.
    let (tx, rx) = mpsc::sync_channel::<(Instant, Vec<u8>)>(1024);
    spawn(move || {
        let mut buf = vec![0; 64 * 1024];
        loop {
            // Acknowledge at once, as Stempel's own socket does (see `quick_ack` in the SMTP
            // client); what a user-space proxy cannot do is delay the acknowledgement by the
            // one-way time.
            let _ = socket2::SockRef::from(&from).set_tcp_quickack(true);
            let Ok(n) = from.read(&mut buf) else { break };

            if n == 0
                || tx
                    .send((Instant::now() + delay, buf[..n].to_vec()))
                    .is_err()
            {
                break;
            }
        }
    });
    spawn(move || {
        for (due, chunk) in rx {
            std::thread::sleep(due.saturating_duration_since(Instant::now()));
            if to.write_all(&chunk).is_err() {
                break;
            }
        }
        let _ = to.shutdown(Shutdown::Write);
    });
}

/// Segments of an Internet path (Ethernet's MTU), not loopback's 64 KB: servers size their
/// writes and switch Nagle's algorithm by it (Postfix turns it off when its buffer exceeds the
/// MSS), so the proxy's sockets say so.
const MSS: u32 = 1460;

fn internet_socket() -> socket2::Socket {
    let socket = socket2::Socket::new(socket2::Domain::IPV4, socket2::Type::STREAM, None).unwrap();
    socket.set_tcp_mss(MSS).unwrap();
    socket
}

/// A proxy on 127.0.0.1 to `target` that adds `one_way` in each direction; returns its port.
fn delay_proxy(target: u16, one_way: Duration) -> u16 {
    let listener = internet_socket();
    listener.set_reuse_address(true).unwrap();
    listener
        .bind(&std::net::SocketAddr::from(([127, 0, 0, 1], 0)).into())
        .unwrap();
    listener.listen(16).unwrap();
    let listener: TcpListener = listener.into();
    let port = listener.local_addr().unwrap().port();
    spawn(move || {
        for client in listener.incoming() {
            let Ok(client) = client else { return };
            let server = internet_socket();
            server
                .connect(&std::net::SocketAddr::from(([127, 0, 0, 1], target)).into())
                .unwrap();
            let server: TcpStream = server.into();
            let _ = client.set_nodelay(true);
            let _ = server.set_nodelay(true);
            delayed_pipe(
                client.try_clone().unwrap(),
                server.try_clone().unwrap(),
                one_way,
            );
            delayed_pipe(server, client, one_way);
        }
    });
    port
}

/// Stempel's batch of `MAILS` through the proxy to `port`; the batch's time.
fn stempel_batch(ms: &HashMap<String, String>, port: u16) -> Duration {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("stempel.db");
    let mut store = Store::open(&db).unwrap();
    let mut account = Account::new(
        "wan",
        Mailbox {
            name: None,
            address: ms["STEMPEL_MS_SENDER"].clone(),
        },
        "127.0.0.1",
    );
    account.smtp.port = port;
    account.smtp.security = Security::Starttls;
    account.smtp.user.clone_from(&ms["STEMPEL_MS_SENDER"]);
    account.password_command = Some(format!("printf '{}'", ms["STEMPEL_MS_SENDER_PASSWORD"]));
    account.ca_file = Some(ms["STEMPEL_MS_CA_FILE"].clone());
    store.add_account(&account).unwrap();
    common::queue_invoices(&mut store, "wan", &ms["STEMPEL_MS_BENCH_USER"], MAILS, SIZE);
    let handle =
        sender::spawn(db, sender::Options::default(), stempel::worker::no_waker()).unwrap();
    let start = Instant::now();
    assert!(handle.send_due(None));
    let summary = loop {
        if let Event::BatchFinished(s) = handle.events.recv().unwrap() {
            break s;
        }
    };
    let took = start.elapsed();
    assert_eq!(summary.sent, MAILS, "{summary:?}");
    took
}

/// A new connection (STARTTLS, AUTH) for every mail: lettre without a pool.
fn reconnect_loop(ms: &HashMap<String, String>, port: u16) -> Duration {
    let ca = std::fs::read(&ms["STEMPEL_MS_CA_FILE"]).unwrap();
    let tls = TlsParameters::builder("127.0.0.1".into())
        .add_root_certificate(Certificate::from_pem(&ca).unwrap())
        .build()
        .unwrap();
    let naive = SmtpTransport::builder_dangerous("127.0.0.1")
        .port(port)
        .tls(Tls::Required(tls))
        .credentials(Credentials::new(
            ms["STEMPEL_MS_SENDER"].clone(),
            ms["STEMPEL_MS_SENDER_PASSWORD"].clone(),
        ))
        .build();
    let envelope = Envelope::new(
        Some(ms["STEMPEL_MS_SENDER"].parse().unwrap()),
        vec![ms["STEMPEL_MS_BENCH_USER"].parse().unwrap()],
    )
    .unwrap();
    let mut raw = b"Subject: Faktura\r\n\r\n".to_vec();
    raw.extend(b"Pozycja faktury 0123456789\r\n".repeat(SIZE / 28));
    let start = Instant::now();
    for _ in 0..NAIVE_MAILS {
        naive.send_raw(&envelope, &raw).unwrap();
    }
    start.elapsed()
}

fn round_trips(took: Duration, mails: usize) -> f64 {
    took.as_secs_f64() / mails as f64 / (2 * ONE_WAY).as_secs_f64()
}

fn main() {
    let ms = common::mail_server_env();
    let port = |name: &str| ms[name].parse::<u16>().unwrap();
    let chunking = delay_proxy(port("STEMPEL_MS_SUBMISSION_PORT"), ONE_WAY);
    let data = delay_proxy(port("STEMPEL_MS_SUBMISSION_DATA_PORT"), ONE_WAY);

    let with_chunking = stempel_batch(&ms, chunking);
    let with_data = stempel_batch(&ms, data);
    let naive = reconnect_loop(&ms, chunking);

    println!(
        "mails of {} KB to the real Postfix (STARTTLS, AUTH) through a proxy adding {} ms each way (RTT {} ms)",
        SIZE / 1024,
        ONE_WAY.as_millis(),
        2 * ONE_WAY.as_millis()
    );
    println!(
        "stempel, CHUNKING ({MAILS} mails):        {:.2} round trips per mail ({:.1} ms per mail; goal <= 1.2)",
        round_trips(with_chunking, MAILS),
        with_chunking.as_secs_f64() * 1000.0 / MAILS as f64
    );
    println!(
        "stempel, DATA ({MAILS} mails):            {:.2} round trips per mail ({:.1} ms per mail)",
        round_trips(with_data, MAILS),
        with_data.as_secs_f64() * 1000.0 / MAILS as f64
    );
    println!(
        "reconnect per mail ({NAIVE_MAILS} mails, lettre): {:.2} round trips per mail ({:.1} ms per mail)",
        round_trips(naive, NAIVE_MAILS),
        naive.as_secs_f64() * 1000.0 / NAIVE_MAILS as f64
    );
}
