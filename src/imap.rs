//! Reading a mailbox over IMAP, read-only, for the bounce scanner.
//!
//! Built on async-imap (maintained, used by Delta Chat) over tokio-rustls with the same TLS
//! policy as SMTP ([`crate::tls`]): TLS 1.2+, verified certificates, an optional CA file.
//! IMAPS or STARTTLS; a plain connection only to loopback. Folders are opened with `EXAMINE`
//! and messages fetched with `BODY.PEEK[]`, so scanning can never set `\Seen` or change flags.
//! Every network call has a timeout; a hostile or broken server gives an error, never a hang.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use futures_util::TryStreamExt;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpStream;

use crate::model::{AuthMethod, Endpoint, Security};
use crate::secrets::Secret;

#[derive(Debug, thiserror::Error)]
pub enum ImapError {
    #[error("cannot connect to the IMAP server {server}: {source}")]
    Connect {
        server: String,
        #[source]
        source: std::io::Error,
    },
    #[error("TLS with the IMAP server failed: {0}")]
    Tls(#[source] std::io::Error),
    #[error("the IMAP server {0:?} is not a valid server name")]
    BadName(String),
    #[error("the IMAP connection is not encrypted; the password is not sent over it")]
    Plaintext,
    #[error("the IMAP server refused the login: {0}")]
    Login(String),
    #[error("the IMAP server did not answer in time ({0})")]
    Timeout(&'static str),
    #[error("IMAP error ({what}): {error}")]
    Protocol { what: &'static str, error: String },
    #[error(transparent)]
    TlsSetup(#[from] crate::tls::TlsSetupError),
}

/// A folder opened read-only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Folder {
    pub name: String,
    pub uidvalidity: u32,
    pub exists: u32,
}

/// One fetched message.
#[derive(Clone, Debug)]
pub struct Fetched {
    pub uid: u32,
    pub raw: Vec<u8>,
}

type TlsStream = tokio_rustls::client::TlsStream<TcpStream>;

/// A logged-in session over TLS, or over plain TCP to loopback.
pub enum Session {
    Tls(Box<async_imap::Session<TlsStream>>),
    Plain(async_imap::Session<TcpStream>),
}

impl fmt::Debug for Session {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Tls(_) => "Session::Tls",
            Self::Plain(_) => "Session::Plain",
        })
    }
}

async fn timed<T, E: fmt::Display>(
    what: &'static str,
    limit: Duration,
    f: impl Future<Output = Result<T, E>>,
) -> Result<T, ImapError> {
    match tokio::time::timeout(limit, f).await {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => Err(ImapError::Protocol {
            what,
            error: e.to_string(),
        }),
        Err(_) => Err(ImapError::Timeout(what)),
    }
}

async fn tls_wrap(
    tcp: TcpStream,
    host: &str,
    ca_file: Option<&str>,
) -> Result<TlsStream, ImapError> {
    let config = crate::tls::client_config(ca_file)?;
    let name = rustls::pki_types::ServerName::try_from(host.to_owned())
        .map_err(|_| ImapError::BadName(host.to_owned()))?;
    tokio_rustls::TlsConnector::from(Arc::<rustls::ClientConfig>::clone(&config))
        .connect(name, tcp)
        .await
        .map_err(ImapError::Tls)
}

async fn greet<T>(client: &mut async_imap::Client<T>, limit: Duration) -> Result<(), ImapError>
where
    T: AsyncRead + AsyncWrite + Unpin + fmt::Debug + Send,
{
    match tokio::time::timeout(limit, client.read_response()).await {
        Ok(Ok(Some(_))) => Ok(()),
        Ok(Ok(None)) => Err(ImapError::Protocol {
            what: "greeting",
            error: "the server closed the connection".into(),
        }),
        Ok(Err(e)) => Err(ImapError::Protocol {
            what: "greeting",
            error: e.to_string(),
        }),
        Err(_) => Err(ImapError::Timeout("greeting")),
    }
}

/// SASL XOAUTH2 for IMAP `AUTHENTICATE`: the bearer token first; an empty answer to the
/// server's error challenge, after which it sends the final NO.
struct XOAuth2<'a> {
    user: &'a str,
    token: &'a Secret,
    sent: bool,
}

impl async_imap::Authenticator for XOAuth2<'_> {
    type Response = String;

    fn process(&mut self, _challenge: &[u8]) -> String {
        if self.sent {
            return String::new();
        }
        self.sent = true;
        format!(
            "user={}\x01auth=Bearer {}\x01\x01",
            self.user,
            self.token.expose()
        )
    }
}

async fn login<T>(
    client: async_imap::Client<T>,
    user: &str,
    password: &Secret,
    auth: AuthMethod,
    limit: Duration,
) -> Result<async_imap::Session<T>, ImapError>
where
    T: AsyncRead + AsyncWrite + Unpin + fmt::Debug + Send,
{
    let result = match auth {
        AuthMethod::Password => {
            tokio::time::timeout(limit, client.login(user, password.expose())).await
        }
        AuthMethod::Xoauth2 => {
            let xoauth2 = XOAuth2 {
                user,
                token: password,
                sent: false,
            };
            tokio::time::timeout(limit, client.authenticate("XOAUTH2", xoauth2)).await
        }
    };
    match result {
        Ok(Ok(s)) => Ok(s),
        Ok(Err((e, _))) => Err(ImapError::Login(e.to_string())),
        Err(_) => Err(ImapError::Timeout("login")),
    }
}

/// Connects, secures (IMAPS or STARTTLS) and logs in.
pub async fn connect(
    endpoint: &Endpoint,
    password: &Secret,
    auth: AuthMethod,
    ca_file: Option<&str>,
    limit: Duration,
) -> Result<Session, ImapError> {
    let server = format!("{}:{}", endpoint.host, endpoint.port);
    let tcp = match tokio::time::timeout(
        limit,
        TcpStream::connect((endpoint.host.as_str(), endpoint.port)),
    )
    .await
    {
        Ok(Ok(t)) => t,
        Ok(Err(source)) => return Err(ImapError::Connect { server, source }),
        Err(_) => return Err(ImapError::Timeout("connect")),
    };
    let _ = tcp.set_nodelay(true);
    match endpoint.security {
        Security::Tls => {
            let tls = tls_wrap(tcp, &endpoint.host, ca_file).await?;
            let mut client = async_imap::Client::new(tls);
            greet(&mut client, limit).await?;
            Ok(Session::Tls(Box::new(
                login(client, &endpoint.user, password, auth, limit).await?,
            )))
        }
        Security::Starttls => {
            let mut client = async_imap::Client::new(tcp);
            greet(&mut client, limit).await?;
            timed(
                "STARTTLS",
                limit,
                client.run_command_and_check_ok("STARTTLS", None),
            )
            .await?;
            let tcp = client.into_inner();
            let tls = tls_wrap(tcp, &endpoint.host, ca_file).await?;
            let client = async_imap::Client::new(tls);
            Ok(Session::Tls(Box::new(
                login(client, &endpoint.user, password, auth, limit).await?,
            )))
        }
        Security::None => {
            let loopback = tcp.peer_addr().is_ok_and(|a| a.ip().is_loopback());
            if !loopback {
                return Err(ImapError::Plaintext);
            }
            let mut client = async_imap::Client::new(tcp);
            greet(&mut client, limit).await?;
            Ok(Session::Plain(
                login(client, &endpoint.user, password, auth, limit).await?,
            ))
        }
    }
}

macro_rules! each {
    ($session:expr, $s:ident => $body:expr) => {
        match $session {
            Session::Tls($s) => $body,
            Session::Plain($s) => $body,
        }
    };
}

impl Session {
    /// Folder names whose name says spam or junk (reports land there too).
    pub async fn junk_folders(&mut self, limit: Duration) -> Result<Vec<String>, ImapError> {
        let names: Vec<String> = each!(self, s => {
            let stream = timed("LIST", limit, s.list(Some(""), Some("*"))).await?;
            let names: Vec<async_imap::types::Name> =
                timed("LIST", limit, stream.try_collect()).await?;
            names.iter().map(|n| n.name().to_owned()).collect()
        });
        Ok(names
            .into_iter()
            .filter(|n| {
                let l = n.to_lowercase();
                ["junk", "spam", "spam-", "bulk", "nevyžádan", "niechcian"]
                    .iter()
                    .any(|w| l.contains(w))
            })
            .collect())
    }

    /// Opens a folder read-only (`EXAMINE`).
    pub async fn examine(&mut self, name: &str, limit: Duration) -> Result<Folder, ImapError> {
        let mailbox = each!(self, s => timed("EXAMINE", limit, s.examine(name)).await?);
        Ok(Folder {
            name: name.to_owned(),
            uidvalidity: mailbox.uid_validity.unwrap_or(0),
            exists: mailbox.exists,
        })
    }

    /// `UID SEARCH` with the given criteria; sorted UIDs.
    pub async fn uid_search(
        &mut self,
        query: &str,
        limit: Duration,
    ) -> Result<Vec<u32>, ImapError> {
        let set = each!(self, s => timed("UID SEARCH", limit, s.uid_search(query)).await?);
        let mut uids: Vec<u32> = set.into_iter().collect();
        uids.sort_unstable();
        Ok(uids)
    }

    /// Whole messages by UID, without touching their flags (`BODY.PEEK[]`).
    pub async fn fetch(
        &mut self,
        uids: &[u32],
        limit: Duration,
    ) -> Result<Vec<Fetched>, ImapError> {
        let mut out = Vec::new();
        for chunk in uids.chunks(50) {
            let set = chunk
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(",");
            let fetched: Vec<async_imap::types::Fetch> = each!(self, s => {
                let stream = timed("UID FETCH", limit, s.uid_fetch(&set, "(UID BODY.PEEK[])")).await?;
                timed("UID FETCH", limit, stream.try_collect()).await?
            });
            for f in fetched {
                if let (Some(uid), Some(body)) = (f.uid, f.body()) {
                    out.push(Fetched {
                        uid,
                        raw: body.to_vec(),
                    });
                }
            }
        }
        Ok(out)
    }

    pub async fn logout(&mut self, limit: Duration) {
        each!(self, s => {
            let _ = tokio::time::timeout(limit, s.logout()).await;
        });
    }
}

/// The server-side filter: mails that may be delivery reports. The parser decides.
#[must_use]
pub fn report_criteria() -> String {
    let criteria = [
        "FROM \"mailer-daemon\"",
        "FROM \"postmaster\"",
        "FROM \"mail delivery\"",
        "HEADER Content-Type \"report\"",
        "HEADER X-Failed-Recipients \"@\"",
        "SUBJECT \"undeliver\"",
        "SUBJECT \"delivery\"",
        "SUBJECT \"failure\"",
        "SUBJECT \"returned\"",
        "SUBJECT \"delayed\"",
        "SUBJECT \"read:\"",
        "SUBJECT \"zustell\"",
        "SUBJECT \"gelesen\"",
        "SUBJECT \"nedoru\"",
        "SUBJECT \"přečten\"",
        "SUBJECT \"niedostarcz\"",
        "SUBJECT \"przeczytan\"",
    ];
    // IMAP's OR takes two keys: OR a OR b OR c … d.
    let mut query = String::new();
    for c in &criteria[..criteria.len() - 1] {
        query.push_str("OR ");
        query.push_str(c);
        query.push(' ');
    }
    query.push_str(criteria[criteria.len() - 1]);
    query
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn criteria_are_a_balanced_or_chain() {
        let q = report_criteria();
        assert_eq!(q.matches("OR ").count() + 1, q.matches('"').count() / 2);
        assert!(q.starts_with("OR FROM \"mailer-daemon\""));
    }
}
