//! The time-stamping authority client: RFC 3161 over HTTP (RFC 3161 §3.4), beside the SMTP
//! and IMAP clients in the protocol layer. One request, one reply, under one deadline; the
//! reply is checked (`timestamp::check`: status, imprint, nonce, signature, chain) before it is
//! handed back, so a caller never stores a stamp that does not hold.
//!
//! HTTP is ureq's (rustls with ring, the platform's verifier for `https://` authorities).
//! Trust anchors for the signer are the system's roots plus an optional CA file: public
//! authorities chain to the same roots browsers trust, a private one (or the test authority)
//! comes with its CA file.

use std::path::Path;
use std::time::Duration;

use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, TrustAnchor};
use sha2::{Digest, Sha256};

use crate::timestamp::{self, Stamp, StampError};

/// How long one request may take, connect to last byte, unless the caller says otherwise.
pub const TIMEOUT: Duration = Duration::from_secs(30);
/// A reply larger than this is not a time-stamp (tokens with a chain are a few KB).
const MAX_REPLY: u64 = crate::timestamp::MAX_REPLY as u64;

#[derive(Debug, thiserror::Error)]
pub enum TsaError {
    #[error(
        "the time-stamping authority's address {0:?} is not an http:// or https:// URL with a host"
    )]
    BadUrl(String),
    #[error("the CA file {path} cannot be read: {reason}")]
    CaFile { path: String, reason: String },
    #[error("the time-stamping authority cannot be reached: {0}")]
    Unreachable(String),
    #[error("the time-stamping authority did not answer within {0} seconds")]
    Timeout(u64),
    #[error("the time-stamping authority answered HTTP {0}")]
    Http(u16),
    #[error("the time-stamping authority's reply does not hold: {0}")]
    Stamp(#[from] StampError),
    #[error("no random nonce could be drawn: {0}")]
    Random(String),
}

/// A checked stamp with the reply it came in (stored as is: the `.tsr` file).
#[derive(Clone, Debug)]
pub struct Token {
    pub reply: Vec<u8>,
    pub stamp: Stamp,
}

/// One authority: its URL, the anchors its signer must chain to, the deadline.
pub struct Tsa {
    url: String,
    anchors: Vec<TrustAnchor<'static>>,
    agent: ureq::Agent,
    timeout: Duration,
}

impl Tsa {
    /// An authority at `url`, trusted through the system's roots and `ca_file`.
    pub fn new(url: &str, ca_file: Option<&Path>, timeout: Duration) -> Result<Self, TsaError> {
        let url = url.trim();
        let host = url
            .strip_prefix("http://")
            .or_else(|| url.strip_prefix("https://"))
            .and_then(|rest| rest.split(['/', '?', '#']).next())
            .unwrap_or("");
        if host.is_empty() {
            return Err(TsaError::BadUrl(crate::text::cut(url, 80)));
        }
        let tls = ureq::tls::TlsConfig::builder()
            .root_certs(ureq::tls::RootCerts::PlatformVerifier)
            .build();
        let agent = ureq::Agent::config_builder()
            .timeout_global(Some(timeout))
            .http_status_as_error(false)
            .tls_config(tls)
            .build()
            .new_agent();
        Ok(Self {
            url: url.to_owned(),
            anchors: trust_anchors(ca_file)?,
            agent,
            timeout,
        })
    }

    #[must_use]
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The anchors this authority's signer is checked against.
    #[must_use]
    pub fn anchors(&self) -> &[TrustAnchor<'static>] {
        &self.anchors
    }

    /// A stamp over `data` (its SHA-256), checked.
    pub fn stamp(&self, data: &[u8]) -> Result<Token, TsaError> {
        let digest: [u8; 32] = Sha256::digest(data).into();
        let nonce = getrandom::u64().map_err(|e| TsaError::Random(e.to_string()))?;
        let request = timestamp::request(&digest, nonce)?;
        let reply = self.post(&request)?;
        let stamp = timestamp::check(&reply, &digest, Some(nonce), &self.anchors)?;
        Ok(Token { reply, stamp })
    }

    fn post(&self, request: &[u8]) -> Result<Vec<u8>, TsaError> {
        let result = self
            .agent
            .post(&self.url)
            .header("Content-Type", "application/timestamp-query")
            .header("Accept", "application/timestamp-reply")
            .send(request);
        let mut response = match result {
            Ok(r) => r,
            Err(ureq::Error::Timeout(_)) => return Err(TsaError::Timeout(self.timeout.as_secs())),
            Err(e) => return Err(TsaError::Unreachable(crate::text::cut(&e.to_string(), 300))),
        };
        let status = response.status().as_u16();
        if status != 200 {
            return Err(TsaError::Http(status));
        }
        response
            .body_mut()
            .with_config()
            .limit(MAX_REPLY)
            .read_to_vec()
            .map_err(|e| match e {
                ureq::Error::Timeout(_) => TsaError::Timeout(self.timeout.as_secs()),
                other => TsaError::Unreachable(crate::text::cut(&other.to_string(), 300)),
            })
    }
}

/// The system's root certificates plus those in `ca_file` (PEM), as webpki trust anchors.
pub fn trust_anchors(ca_file: Option<&Path>) -> Result<Vec<TrustAnchor<'static>>, TsaError> {
    let mut certs: Vec<CertificateDer<'static>> = rustls_native_certs::load_native_certs().certs;
    if let Some(path) = ca_file {
        let ca_error = |reason: String| TsaError::CaFile {
            path: path.display().to_string(),
            reason,
        };
        let pem = std::fs::read(path).map_err(|e| ca_error(e.to_string()))?;
        let before = certs.len();
        certs.extend(CertificateDer::pem_slice_iter(&pem).filter_map(Result::ok));
        if certs.len() == before {
            return Err(ca_error("it holds no PEM certificate".into()));
        }
    }
    Ok(certs
        .iter()
        .filter_map(|c| webpki::anchor_from_trusted_cert(c).ok())
        .map(|a| a.to_owned())
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_urls_are_authorities() {
        for url in [
            "ftp://tsa.example",
            "tsa.example",
            "",
            "javascript:alert(1)",
            "https://",
            "http:///tsr",
        ] {
            assert!(matches!(
                Tsa::new(url, None, TIMEOUT),
                Err(TsaError::BadUrl(_))
            ));
        }
    }

    #[test]
    fn a_closed_port_is_unreachable_not_a_hang() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        drop(listener);
        let tsa = Tsa::new(&format!("http://127.0.0.1:{port}/"), None, TIMEOUT).unwrap();
        assert!(matches!(tsa.stamp(b"x"), Err(TsaError::Unreachable(_))));
    }
}
