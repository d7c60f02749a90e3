//! What the server offers, read from its EHLO reply.

use crate::smtp::reply::Reply;

/// What the server said it supports in its EHLO reply.
#[allow(clippy::struct_excessive_bools)] // one flag per EHLO keyword, as the server lists them
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Extensions {
    pub starttls: bool,
    pub pipelining: bool,
    pub dsn: bool,
    pub eightbitmime: bool,
    pub smtputf8: bool,
    pub enhanced_status_codes: bool,
    /// RFC 3030: the body may go as `BDAT <size> LAST`, without dot-stuffing and in the same
    /// write as the envelope.
    pub chunking: bool,
    /// `SIZE n`; `Some(0)` means "no fixed limit".
    pub size: Option<u64>,
    pub auth: Vec<String>,
}

impl Extensions {
    pub(super) fn parse(reply: &Reply) -> Self {
        let mut ext = Self::default();
        for line in reply.lines.iter().skip(1) {
            let words: Vec<String> = line
                .get(4..)
                .unwrap_or("")
                .split_whitespace()
                .map(str::to_ascii_uppercase)
                .collect();
            match words.first().map(String::as_str) {
                Some("STARTTLS") => ext.starttls = true,
                Some("PIPELINING") => ext.pipelining = true,
                Some("DSN") => ext.dsn = true,
                Some("8BITMIME") => ext.eightbitmime = true,
                Some("SMTPUTF8") => ext.smtputf8 = true,
                Some("ENHANCEDSTATUSCODES") => ext.enhanced_status_codes = true,
                Some("CHUNKING") => ext.chunking = true,
                Some("SIZE") => {
                    ext.size = Some(words.get(1).and_then(|n| n.parse().ok()).unwrap_or(0));
                }
                Some("AUTH") => ext.auth.extend(words[1..].iter().cloned()),
                _ => {}
            }
        }
        ext
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_from_ehlo() {
        let reply = Reply {
            code: 250,
            lines: [
                "250-mx.example",
                "250-PIPELINING",
                "250-SIZE 10240000",
                "250-STARTTLS",
                "250-AUTH PLAIN LOGIN",
                "250-ENHANCEDSTATUSCODES",
                "250-8BITMIME",
                "250-DSN",
                "250-CHUNKING",
                "250 SMTPUTF8",
            ]
            .map(String::from)
            .to_vec(),
        };
        let e = Extensions::parse(&reply);
        assert!(e.pipelining && e.starttls && e.dsn && e.eightbitmime && e.smtputf8);
        assert!(e.chunking);
        assert_eq!(e.size, Some(10_240_000));
        assert_eq!(e.auth, ["PLAIN", "LOGIN"]);
    }
}
