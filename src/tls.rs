//! The TLS policy, shared by SMTP and IMAP: rustls with the ring provider, TLS 1.2 or newer,
//! certificates verified against the OS trust store plus an optional CA file. There is no
//! "accept invalid certificates" switch.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use rustls::ClientConfig;
use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;

#[derive(Debug, thiserror::Error)]
pub enum TlsSetupError {
    #[error("the CA file {path} cannot be read: {source}")]
    CaFile {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("the CA file {0} holds no PEM certificate")]
    CaEmpty(String),
    #[error("TLS cannot be set up: {0}")]
    Rustls(#[from] rustls::Error),
}

/// A client configuration for this account's servers. `ca_file` adds a trusted root
/// (a company CA or a test CA) to the platform's own. Built once per CA file and process:
/// loading the platform's roots costs milliseconds, every connection would pay it again.
pub fn client_config(ca_file: Option<&str>) -> Result<Arc<ClientConfig>, TlsSetupError> {
    static CACHE: OnceLock<Mutex<HashMap<Option<String>, Arc<ClientConfig>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
    let key = ca_file.map(str::to_owned);
    if let Some(config) = cache.lock().ok().and_then(|c| c.get(&key).cloned()) {
        return Ok(config);
    }
    let config = build_config(ca_file)?;
    if let Ok(mut c) = cache.lock() {
        c.insert(key, config.clone());
    }
    Ok(config)
}

fn build_config(ca_file: Option<&str>) -> Result<Arc<ClientConfig>, TlsSetupError> {
    let extra = match ca_file {
        Some(path) => read_ca(path)?,
        None => Vec::new(),
    };
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let verifier =
        rustls_platform_verifier::Verifier::new_with_extra_roots(extra, provider.clone())?;
    let config = ClientConfig::builder_with_provider(provider)
        // TLS 1.2 and 1.3 only: rustls has nothing older.
        .with_protocol_versions(&[&rustls::version::TLS13, &rustls::version::TLS12])?
        .dangerous() // the "dangerous" API is only how a custom verifier is plugged in
        .with_custom_certificate_verifier(Arc::new(verifier))
        .with_no_client_auth();
    Ok(Arc::new(config))
}

fn read_ca(path: &str) -> Result<Vec<CertificateDer<'static>>, TlsSetupError> {
    let pem = std::fs::read(path).map_err(|source| TlsSetupError::CaFile {
        path: path.to_owned(),
        source,
    })?;
    let certs: Vec<_> = CertificateDer::pem_slice_iter(&pem)
        .filter_map(Result::ok)
        .collect();
    if certs.is_empty() {
        return Err(TlsSetupError::CaEmpty(path.to_owned()));
    }
    Ok(certs)
}

/// `TLSv1.3` style name of a negotiated version.
#[must_use]
pub fn version_name(v: rustls::ProtocolVersion) -> String {
    match v {
        rustls::ProtocolVersion::TLSv1_3 => "TLSv1.3".into(),
        rustls::ProtocolVersion::TLSv1_2 => "TLSv1.2".into(),
        other => format!("{other:?}"),
    }
}
