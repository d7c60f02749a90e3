//! RFC 3161 time stamps, pure: the request for a SHA-256 digest, and the check of a reply
//! (bytes in, the stamp's facts or the reason it does not hold out; no I/O).
//!
//! A reply holds only when all of this holds, in this order: its status is *granted*; the
//! token is CMS `SignedData` over a `TSTInfo`; the `TSTInfo`'s message imprint is SHA-256 of
//! exactly our data; the nonce is ours (when we sent one); the signed attributes name the
//! `TSTInfo` content type and carry its digest; the signature verifies with the signer's
//! certificate from the token; and that certificate chains to a trust anchor, with the
//! time-stamping extended key usage, at the stamp's own time (`genTime`), so a token stays
//! checkable after the authority's certificate expires (`openssl ts -verify` checks at the
//! current time unless given `-attime`). Not checked here: the ESS signing-certificate
//! attribute, which `openssl ts -verify` also checks; with the signer found by issuer and serial
//! (or key id) and verified by its own key, it adds a binding, not a different verdict for the
//! tokens authorities issue.
//!
//! Parsing is `RustCrypto`'s (`x509-tsp`, `cms`, `der`); signatures and chains are webpki's
//! (the code rustls trusts for TLS), with ring.

use der::asn1::{Int, ObjectIdentifier, OctetString};
use der::{Decode, Encode};
use jiff::Timestamp;
use rustls::pki_types::{CertificateDer, SignatureVerificationAlgorithm, TrustAnchor, UnixTime};
use sha2::{Digest, Sha256, Sha384, Sha512};
use x509_cert::Certificate;
use x509_cert::spki::AlgorithmIdentifier;
use x509_tsp::{MessageImprint, TimeStampReq, TimeStampResp, TspVersion, TstInfo};

use cms::cert::CertificateChoices;
use cms::signed_data::{SignedData, SignerIdentifier, SignerInfo};

const SHA_256: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.1");
const SHA_384: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.2");
const SHA_512: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.3");
const SIGNED_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.2");
const TST_INFO: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.16.1.4");
const CONTENT_TYPE: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.3");
const MESSAGE_DIGEST: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.4");
const SUBJECT_KEY_ID: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.14");
const RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
const RSA_PSS: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.10");
const RSA_SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.11");
const RSA_SHA384: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.12");
const RSA_SHA512: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.13");
const EC_KEY: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
const ECDSA_SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.2");
const ECDSA_SHA384: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.3");
const ED25519: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.112");
/// id-kp-timeStamping (1.3.6.1.5.5.7.3.8), as the DER value webpki compares.
const EKU_TIME_STAMPING: &[u8] = &[0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x08];

/// Why a time-stamp reply does not hold. The text is English (stored with the mail and printed
/// by `stempel verify`); the window shows its own sentence beside it.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum StampError {
    #[error("not a time-stamp reply ({0})")]
    Malformed(String),
    #[error("the authority refused the request (status {status}{text})")]
    Refused { status: String, text: String },
    #[error("the reply holds no time-stamp token")]
    NoToken,
    #[error("the token is not a signed time-stamp (content type {0})")]
    NotATimeStamp(String),
    #[error("the token stamps other data: its imprint is not the SHA-256 of this file")]
    WrongImprint,
    #[error("the token's nonce is not the one asked for: it answers another request")]
    WrongNonce,
    #[error("the token's signed attributes are missing or do not match its content")]
    SignedAttributes,
    #[error("the token does not carry its signer's certificate")]
    NoSignerCertificate,
    #[error("the token uses an algorithm Stempel does not check ({0})")]
    Unsupported(String),
    #[error("the token's signature does not verify")]
    BadSignature,
    #[error("the signer is not trusted: {0}")]
    Untrusted(String),
}

/// A request for a stamp over `sha256` with `nonce`, asking for the signer's certificate.
pub fn request(sha256: &[u8; 32], nonce: u64) -> Result<Vec<u8>, StampError> {
    let malformed = |e: der::Error| StampError::Malformed(e.to_string());
    let req = TimeStampReq {
        version: TspVersion::V1,
        message_imprint: MessageImprint {
            hash_algorithm: AlgorithmIdentifier {
                oid: SHA_256,
                parameters: None,
            },
            hashed_message: OctetString::new(sha256.to_vec()).map_err(malformed)?,
        },
        req_policy: None,
        nonce: Some(nonce_int(nonce).map_err(malformed)?),
        cert_req: true,
        extensions: None,
    };
    req.to_der().map_err(malformed)
}

/// The nonce as a positive INTEGER: its minimal big-endian bytes, with a 0x00 in front when
/// the first byte's top bit is set (which would otherwise make it negative).
fn nonce_int(nonce: u64) -> der::Result<Int> {
    let bytes = nonce.to_be_bytes();
    let start = bytes.iter().position(|&b| b != 0).unwrap_or(7);
    let mut minimal = Vec::with_capacity(9);
    if bytes[start] & 0x80 != 0 {
        minimal.push(0);
    }
    minimal.extend_from_slice(&bytes[start..]);
    Int::new(&minimal)
}

/// What a checked stamp says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stamp {
    /// The authority's time for the data (`genTime`).
    pub time: Timestamp,
    /// The signer certificate's subject (`CN=…,O=…`).
    pub authority: String,
    /// The token's serial number, hex.
    pub serial: String,
    /// The authority's policy OID.
    pub policy: String,
}

/// Most bytes of a reply: a token with its certificate chain is a few KB.
pub const MAX_REPLY: usize = 64 << 10;

/// Checks `reply` (a DER `TimeStampResp`, as a `.tsr` file holds) as a stamp over data whose
/// SHA-256 is `sha256`, with `nonce` when the request sent one, against `anchors`.
pub fn check(
    reply: &[u8],
    sha256: &[u8; 32],
    nonce: Option<u64>,
    anchors: &[TrustAnchor<'_>],
) -> Result<Stamp, StampError> {
    if reply.len() > MAX_REPLY {
        return Err(StampError::Malformed(format!(
            "{} bytes, more than a time-stamp reply holds",
            reply.len()
        )));
    }
    let resp = TimeStampResp::from_der(reply).map_err(|e| StampError::Malformed(e.to_string()))?;
    // PKIStatus: 0 granted, 1 granted with modifications; anything else is a refusal.
    let status = resp.status.status as u8;
    if status > 1 {
        let text = resp
            .status
            .status_string
            .as_ref()
            .map(|s| {
                let parts: Vec<&str> = s.iter().map(|t| t.as_str()).collect();
                format!(": {}", crate::text::cut(&parts.join("; "), 200))
            })
            .unwrap_or_default();
        return Err(StampError::Refused {
            status: format!("{:?}", resp.status.status),
            text,
        });
    }
    let token = resp.time_stamp_token.ok_or(StampError::NoToken)?;
    if token.content_type != SIGNED_DATA {
        return Err(StampError::NotATimeStamp(token.content_type.to_string()));
    }
    let signed = token
        .content
        .decode_as::<SignedData>()
        .map_err(|e| StampError::Malformed(e.to_string()))?;
    if signed.encap_content_info.econtent_type != TST_INFO {
        return Err(StampError::NotATimeStamp(
            signed.encap_content_info.econtent_type.to_string(),
        ));
    }
    let content = signed
        .encap_content_info
        .econtent
        .as_ref()
        .ok_or(StampError::NotATimeStamp("empty".into()))?;
    let content = content.value();
    let info = TstInfo::from_der(content).map_err(|e| StampError::Malformed(e.to_string()))?;
    if info.message_imprint.hash_algorithm.oid != SHA_256
        || info.message_imprint.hashed_message.as_bytes() != sha256
    {
        return Err(StampError::WrongImprint);
    }
    if let Some(nonce) = nonce {
        let ours = nonce_int(nonce).map_err(|e| StampError::Malformed(e.to_string()))?;
        if info.nonce.as_ref().map(Int::as_bytes) != Some(ours.as_bytes()) {
            return Err(StampError::WrongNonce);
        }
    }
    let signer_info = one_signer(&signed)?;
    check_signed_attributes(signer_info, content)?;
    let cert = signer_certificate(&signed, &signer_info.sid)?;
    let cert_der = cert
        .to_der()
        .map_err(|e| StampError::Malformed(e.to_string()))?;
    let signed_attrs = signer_info
        .signed_attrs
        .as_ref()
        .ok_or(StampError::SignedAttributes)?
        .to_der()
        .map_err(|e| StampError::Malformed(e.to_string()))?;
    let cert_der = CertificateDer::from(cert_der);
    let end_entity = webpki::EndEntityCert::try_from(&cert_der)
        .map_err(|e| StampError::Malformed(e.to_string()))?;
    verify_signature(&end_entity, signer_info, &signed_attrs)?;
    let gen_time = info.gen_time.to_unix_duration();
    let intermediates: Vec<CertificateDer<'static>> = certificates(&signed)
        .filter(|c| *c != cert)
        .filter_map(|c| c.to_der().ok())
        .map(CertificateDer::from)
        .collect();
    end_entity
        .verify_for_usage(
            webpki::ALL_VERIFICATION_ALGS,
            anchors,
            &intermediates,
            UnixTime::since_unix_epoch(gen_time),
            webpki::KeyUsage::required(EKU_TIME_STAMPING),
            None,
            None,
        )
        .map_err(|e| StampError::Untrusted(untrusted_reason(&e)))?;
    Ok(Stamp {
        time: Timestamp::from_second(i64::try_from(gen_time.as_secs()).unwrap_or(i64::MAX))
            .unwrap_or(Timestamp::UNIX_EPOCH),
        authority: cert.tbs_certificate.subject.to_string(),
        serial: hex::encode(info.serial_number.as_bytes()),
        policy: info.policy.to_string(),
    })
}

fn untrusted_reason(e: &webpki::Error) -> String {
    match e {
        webpki::Error::UnknownIssuer => {
            "its certificate is not issued by a trusted authority".into()
        }
        webpki::Error::CertExpired { .. } | webpki::Error::CertNotValidYet { .. } => {
            "its certificate was not valid at the stamp's time".into()
        }
        webpki::Error::RequiredEkuNotFoundContext(_) => {
            "its certificate is not for time-stamping".into()
        }
        other => format!("{other:?}"),
    }
}

fn one_signer(signed: &SignedData) -> Result<&SignerInfo, StampError> {
    let mut signers = signed.signer_infos.0.iter();
    match (signers.next(), signers.next()) {
        (Some(one), None) => Ok(one),
        _ => Err(StampError::SignedAttributes),
    }
}

fn certificates(signed: &SignedData) -> impl Iterator<Item = &Certificate> {
    signed
        .certificates
        .iter()
        .flat_map(|set| set.0.iter())
        .filter_map(|c| match c {
            CertificateChoices::Certificate(cert) => Some(cert),
            CertificateChoices::Other(_) => None,
        })
}

fn signer_certificate<'a>(
    signed: &'a SignedData,
    sid: &SignerIdentifier,
) -> Result<&'a Certificate, StampError> {
    certificates(signed)
        .find(|cert| match sid {
            SignerIdentifier::IssuerAndSerialNumber(ias) => {
                cert.tbs_certificate.issuer == ias.issuer
                    && cert.tbs_certificate.serial_number == ias.serial_number
            }
            SignerIdentifier::SubjectKeyIdentifier(ski) => {
                subject_key_id(cert).as_deref() == Some(ski.0.as_bytes())
            }
        })
        .ok_or(StampError::NoSignerCertificate)
}

fn subject_key_id(cert: &Certificate) -> Option<Vec<u8>> {
    let ext = cert
        .tbs_certificate
        .extensions
        .as_ref()?
        .iter()
        .find(|e| e.extn_id == SUBJECT_KEY_ID)?;
    let inner = OctetString::from_der(ext.extn_value.as_bytes()).ok()?;
    Some(inner.as_bytes().to_vec())
}

/// The signed attributes must name the `TSTInfo` content type and carry its digest.
fn check_signed_attributes(signer: &SignerInfo, content: &[u8]) -> Result<(), StampError> {
    let attrs = signer
        .signed_attrs
        .as_ref()
        .ok_or(StampError::SignedAttributes)?;
    let value_of = |oid: ObjectIdentifier| {
        attrs
            .iter()
            .find(|a| a.oid == oid)
            .and_then(|a| a.values.iter().next())
    };
    let content_type = value_of(CONTENT_TYPE)
        .and_then(|v| v.decode_as::<ObjectIdentifier>().ok())
        .ok_or(StampError::SignedAttributes)?;
    let digest = value_of(MESSAGE_DIGEST)
        .and_then(|v| v.decode_as::<OctetString>().ok())
        .ok_or(StampError::SignedAttributes)?;
    let ours = digest_of(signer.digest_alg.oid, content)?;
    if content_type != TST_INFO || digest.as_bytes() != ours.as_slice() {
        return Err(StampError::SignedAttributes);
    }
    Ok(())
}

fn digest_of(alg: ObjectIdentifier, data: &[u8]) -> Result<Vec<u8>, StampError> {
    Ok(match alg {
        SHA_256 => Sha256::digest(data).to_vec(),
        SHA_384 => Sha384::digest(data).to_vec(),
        SHA_512 => Sha512::digest(data).to_vec(),
        other => return Err(StampError::Unsupported(other.to_string())),
    })
}

/// Verifies the signature over the signed attributes with the webpki algorithms that fit the
/// signer's digest and signature algorithm (the key's curve picks among the ECDSA ones).
fn verify_signature(
    cert: &webpki::EndEntityCert<'_>,
    signer: &SignerInfo,
    message: &[u8],
) -> Result<(), StampError> {
    use webpki::ring as alg;
    let digest = signer.digest_alg.oid;
    let sig = signer.signature_algorithm.oid;
    let by_digest = |d256, d384, d512| match digest {
        SHA_256 => Some(d256),
        SHA_384 => Some(d384),
        SHA_512 => Some(d512),
        _ => None,
    };
    let candidates: Vec<&dyn SignatureVerificationAlgorithm> = match sig {
        RSA_SHA256 => vec![alg::RSA_PKCS1_2048_8192_SHA256],
        RSA_SHA384 => vec![alg::RSA_PKCS1_2048_8192_SHA384],
        RSA_SHA512 => vec![alg::RSA_PKCS1_2048_8192_SHA512],
        RSA => by_digest(
            alg::RSA_PKCS1_2048_8192_SHA256,
            alg::RSA_PKCS1_2048_8192_SHA384,
            alg::RSA_PKCS1_2048_8192_SHA512,
        )
        .into_iter()
        .collect(),
        RSA_PSS => by_digest(
            alg::RSA_PSS_2048_8192_SHA256_LEGACY_KEY,
            alg::RSA_PSS_2048_8192_SHA384_LEGACY_KEY,
            alg::RSA_PSS_2048_8192_SHA512_LEGACY_KEY,
        )
        .into_iter()
        .collect(),
        ECDSA_SHA256 => vec![alg::ECDSA_P256_SHA256, alg::ECDSA_P384_SHA256],
        ECDSA_SHA384 => vec![alg::ECDSA_P384_SHA384, alg::ECDSA_P256_SHA384],
        EC_KEY if digest == SHA_256 => vec![alg::ECDSA_P256_SHA256, alg::ECDSA_P384_SHA256],
        EC_KEY if digest == SHA_384 => vec![alg::ECDSA_P384_SHA384, alg::ECDSA_P256_SHA384],
        ED25519 => vec![alg::ED25519],
        _ => Vec::new(),
    };
    if candidates.is_empty() {
        return Err(StampError::Unsupported(format!("{sig} with {digest}")));
    }
    let signature = signer.signature.as_bytes();
    let mut bad = false;
    for candidate in candidates {
        match cert.verify_signature(candidate, message, signature) {
            Ok(()) => return Ok(()),
            Err(webpki::Error::UnsupportedSignatureAlgorithmForPublicKeyContext(_)) => {}
            Err(_) => bad = true,
        }
    }
    if bad {
        Err(StampError::BadSignature)
    } else {
        Err(StampError::Unsupported(format!("{sig} for this key")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_carries_the_digest_the_nonce_and_asks_for_the_certificate() {
        let der = request(&[7; 32], 0x8123_4567_89ab_cdef).unwrap();
        let req = TimeStampReq::from_der(&der).unwrap();
        assert_eq!(req.message_imprint.hashed_message.as_bytes(), &[7; 32]);
        assert_eq!(req.message_imprint.hash_algorithm.oid, SHA_256);
        assert!(req.cert_req);
        // A set top bit gets a 0x00 in front: the INTEGER stays positive.
        assert_eq!(
            req.nonce.unwrap().as_bytes(),
            &[0x00, 0x81, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef]
        );
        // So does a shorter nonce whose first byte has it (one request in 256).
        for nonce in [0x0080_0000_0000_0001_u64, 0x7f, 0x80, 1] {
            let req = TimeStampReq::from_der(&request(&[0; 32], nonce).unwrap()).unwrap();
            let bytes = req.nonce.unwrap().as_bytes().to_vec();
            assert!(bytes[0] & 0x80 == 0, "{nonce:#x}: {bytes:02x?}");
            assert_eq!(
                u64::from_be_bytes({
                    let mut b = [0u8; 8];
                    let tail = &bytes[bytes.len().saturating_sub(8)..];
                    b[8 - tail.len()..].copy_from_slice(tail);
                    b
                }),
                nonce
            );
        }
    }

    #[test]
    fn garbage_is_not_a_reply() {
        for bytes in [
            &b""[..],
            b"<html>502 Bad Gateway</html>",
            &[0x30, 0x82, 0xff],
        ] {
            assert!(matches!(
                check(bytes, &[0; 32], None, &[]),
                Err(StampError::Malformed(_))
            ));
        }
    }
}
