//! A local time-stamping authority for the tests: `openssl ts -reply` behind a small HTTP server
//! on loopback, with its own test CA (an EC root) and an RSA signer with the critical
//! time-stamping key usage, made by `openssl` in a temporary folder. `Mode` turns it into the
//! faulty authorities a client must survive.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};
use std::time::Duration;

use der::{Decode, Encode};

/// How the authority answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Mode {
    /// A correct token for the request.
    Good = 0,
    /// Sleeps this long before answering: past a client's timeout.
    Slow = 1,
    /// 200 with bytes that are no reply.
    Garbage = 2,
    /// A correct token, for other data.
    WrongImprint = 3,
    /// A correct token for the data, with another nonce.
    WrongNonce = 4,
    /// A token signed by an authority from another CA than `ca_file`.
    Untrusted = 5,
    /// HTTP 503.
    Unavailable = 6,
}

pub struct TestTsa {
    pub url: String,
    /// The CA that signed the good signer (`--ca-file`, `openssl ts -verify -CAfile`).
    pub ca_file: PathBuf,
    dir: tempfile::TempDir,
    mode: Arc<AtomicU8>,
    stop: Arc<AtomicBool>,
    port: u16,
}

fn openssl(dir: &Path, args: &[&str]) {
    let out = Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the tests need the openssl command (package openssl)");
    assert!(
        out.status.success(),
        "openssl {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A CA (`<name>-ca.pem`) and a time-stamping signer (`<name>-tsa.pem`, `.key`) with its
/// `openssl ts` configuration (`<name>.cnf`).
fn authority(dir: &Path, name: &str) {
    let ca = format!("{name}-ca");
    let tsa = format!("{name}-tsa");
    openssl(
        dir,
        &[
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-nodes",
            "-keyout",
            &format!("{ca}.key"),
            "-out",
            &format!("{ca}.pem"),
            "-days",
            "3650",
            "-subj",
            &format!("/O=Stempel tests/CN={name} root"),
            "-addext",
            "basicConstraints=critical,CA:TRUE",
            "-addext",
            "keyUsage=critical,keyCertSign,cRLSign",
        ],
    );
    openssl(
        dir,
        &[
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            &format!("{tsa}.key"),
            "-out",
            &format!("{tsa}.csr"),
            "-subj",
            &format!("/O=Stempel tests/CN={name} TSA"),
        ],
    );
    std::fs::write(
        dir.join(format!("{tsa}.ext")),
        "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\n\
         extendedKeyUsage=critical,timeStamping\nsubjectKeyIdentifier=hash\n\
         authorityKeyIdentifier=keyid\n",
    )
    .unwrap();
    openssl(
        dir,
        &[
            "x509",
            "-req",
            "-in",
            &format!("{tsa}.csr"),
            "-CA",
            &format!("{ca}.pem"),
            "-CAkey",
            &format!("{ca}.key"),
            "-CAcreateserial",
            "-out",
            &format!("{tsa}.pem"),
            "-days",
            "3650",
            "-extfile",
            &format!("{tsa}.ext"),
        ],
    );
    std::fs::write(dir.join(format!("{name}.serial")), "01\n").unwrap();
    let d = dir.display();
    std::fs::write(
        dir.join(format!("{name}.cnf")),
        format!(
            "[ tsa ]\ndefault_tsa = tsa_config\n[ tsa_config ]\ndir = {d}\n\
             serial = $dir/{name}.serial\ncrypto_device = builtin\n\
             signer_cert = $dir/{tsa}.pem\ncerts = $dir/{ca}.pem\nsigner_key = $dir/{tsa}.key\n\
             signer_digest = sha256\ndefault_policy = 1.2.3.4.1\ndigests = sha256, sha384, sha512\n\
             accuracy = secs:1\nordering = no\ntsa_name = yes\ness_cert_id_chain = no\n\
             ess_cert_id_alg = sha256\n"
        ),
    )
    .unwrap();
}

impl TestTsa {
    pub fn start() -> Self {
        let dir = tempfile::tempdir().unwrap();
        authority(dir.path(), "good");
        authority(dir.path(), "rogue");
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let mode = Arc::new(AtomicU8::new(Mode::Good as u8));
        let stop = Arc::new(AtomicBool::new(false));
        let (m, s, d) = (mode.clone(), stop.clone(), dir.path().to_owned());
        std::thread::Builder::new()
            .name("test-tsa".into())
            .spawn(move || {
                for conn in listener.incoming() {
                    if s.load(Ordering::SeqCst) {
                        break;
                    }
                    if let Ok(conn) = conn {
                        let mode = m.load(Ordering::SeqCst);
                        let d = d.clone();
                        // One thread per request, so a slow answer does not hold the next.
                        let _ = std::thread::Builder::new()
                            .name("test-tsa-request".into())
                            .spawn(move || serve(conn, mode, &d));
                    }
                }
            })
            .unwrap();
        Self {
            url: format!("http://127.0.0.1:{port}/tsa"),
            ca_file: dir.path().join("good-ca.pem"),
            dir,
            mode,
            stop,
            port,
        }
    }

    pub fn set_mode(&self, mode: Mode) {
        self.mode.store(mode as u8, Ordering::SeqCst);
    }

    /// The other CA's root: a file that does not make the good signer trusted.
    pub fn rogue_ca_file(&self) -> PathBuf {
        self.dir.path().join("rogue-ca.pem")
    }
}

impl Drop for TestTsa {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

fn serve(mut conn: TcpStream, mode: u8, dir: &Path) {
    let Some(body) = read_request(&mut conn) else {
        return;
    };
    let reply = match mode {
        m if m == Mode::Slow as u8 => {
            std::thread::sleep(Duration::from_secs(8));
            Some(sign(dir, "good", &body))
        }
        m if m == Mode::Garbage as u8 => Some(b"<html>hello</html>".to_vec()),
        m if m == Mode::WrongImprint as u8 => Some(sign(dir, "good", &with_digest(&body, [9; 32]))),
        m if m == Mode::WrongNonce as u8 => Some(sign(dir, "good", &with_nonce(&body, 42))),
        m if m == Mode::Untrusted as u8 => Some(sign(dir, "rogue", &body)),
        m if m == Mode::Unavailable as u8 => None,
        _ => Some(sign(dir, "good", &body)),
    };
    let head = match &reply {
        Some(r) => format!(
            "HTTP/1.1 200 OK\r\nContent-Type: application/timestamp-reply\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            r.len()
        ),
        None => {
            "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                .into()
        }
    };
    let _ = conn.write_all(head.as_bytes());
    if let Some(r) = reply {
        let _ = conn.write_all(&r);
    }
}

fn read_request(conn: &mut TcpStream) -> Option<Vec<u8>> {
    conn.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&buf[..end]).to_ascii_lowercase();
            let len: usize = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse().ok())?;
            while buf.len() < end + 4 + len {
                let n = conn.read(&mut chunk).ok()?;
                if n == 0 {
                    return None;
                }
                buf.extend_from_slice(&chunk[..n]);
            }
            return Some(buf[end + 4..end + 4 + len].to_vec());
        }
        let n = conn.read(&mut chunk).ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    }
}

/// `openssl ts -reply` for `query` with the `name` authority.
fn sign(dir: &Path, name: &str, query: &[u8]) -> Vec<u8> {
    let tmp = tempfile::Builder::new().tempdir_in(dir).unwrap();
    let q = tmp.path().join("q.tsq");
    let r = tmp.path().join("r.tsr");
    std::fs::write(&q, query).unwrap();
    let out = Command::new("openssl")
        .args(["ts", "-reply", "-config"])
        .arg(dir.join(format!("{name}.cnf")))
        .arg("-queryfile")
        .arg(&q)
        .arg("-out")
        .arg(&r)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::read(r).unwrap()
}

fn with_digest(query: &[u8], digest: [u8; 32]) -> Vec<u8> {
    let mut req = x509_tsp::TimeStampReq::from_der(query).unwrap();
    req.message_imprint.hashed_message = der::asn1::OctetString::new(digest.to_vec()).unwrap();
    req.to_der().unwrap()
}

fn with_nonce(query: &[u8], nonce: u8) -> Vec<u8> {
    let mut req = x509_tsp::TimeStampReq::from_der(query).unwrap();
    req.nonce = Some(der::asn1::Int::new(&[nonce]).unwrap());
    req.to_der().unwrap()
}
