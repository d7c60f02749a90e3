//! The byte stream under the client: plain TCP or rustls over it, and how I/O errors become
//! [`SmtpError`]s.

use std::io::{self, Read, Write};
use std::net::TcpStream;
use std::sync::Arc;

use rustls::pki_types::ServerName;

use crate::smtp::error::{Phase, SmtpError};

pub(super) enum Stream {
    Plain(TcpStream),
    Tls(Box<rustls::StreamOwned<rustls::ClientConnection, TcpStream>>),
}

impl Stream {
    pub(super) fn tcp(&self) -> &TcpStream {
        match self {
            Self::Plain(s) => s,
            Self::Tls(s) => &s.sock,
        }
    }
}

impl Read for Stream {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            Self::Plain(s) => s.read(buf),
            Self::Tls(s) => s.read(buf),
        }
    }
}

impl Write for Stream {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Self::Plain(s) => s.write(buf),
            Self::Tls(s) => s.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Self::Plain(s) => s.flush(),
            Self::Tls(s) => s.flush(),
        }
    }
}

pub(super) fn io_err(phase: Phase, e: io::Error) -> SmtpError {
    if matches!(
        e.kind(),
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
    ) {
        SmtpError::Timeout { phase }
    } else if matches!(
        e.kind(),
        io::ErrorKind::UnexpectedEof
            | io::ErrorKind::ConnectionReset
            | io::ErrorKind::ConnectionAborted
            | io::ErrorKind::BrokenPipe
    ) {
        SmtpError::Closed { phase }
    } else if let Some(tls) = e
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<rustls::Error>())
    {
        SmtpError::Tls {
            phase,
            error: tls.clone(),
        }
    } else {
        SmtpError::Io { phase, source: e }
    }
}

pub(super) fn wrap_tls(
    tcp: TcpStream,
    host: &str,
    config: &Arc<rustls::ClientConfig>,
    phase: Phase,
) -> Result<rustls::StreamOwned<rustls::ClientConnection, TcpStream>, SmtpError> {
    let name = ServerName::try_from(host.to_owned()).map_err(|_| SmtpError::Protocol {
        phase,
        what: format!("{host:?} is not a valid server name"),
    })?;
    let mut conn = rustls::ClientConnection::new(config.clone(), name)
        .map_err(|error| SmtpError::Tls { phase, error })?;
    let mut tcp = tcp;
    // Complete the handshake now, so that its errors are reported as such.
    while conn.is_handshaking() {
        conn.complete_io(&mut tcp).map_err(|e| io_err(phase, e))?;
    }
    Ok(rustls::StreamOwned::new(conn, tcp))
}
