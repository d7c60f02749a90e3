//! SMTP replies as data: the code, the enhanced status, the text, and the receipt's queue id.
//!
//! [`ParsedReply::parse`] is a pure function from the reply a server gave to the end of DATA (or to
//! BDAT LAST, or LMTP's per-recipient reply) to what a person would quote as proof: "250, queued
//! as 4Fq2Zk3Y5Vz9". Servers word this in many ways; the rules below are written for families of
//! servers, not for single replies:
//!
//! - Microsoft: `[InternalId=NNN]` wins over the Message-ID in the same reply;
//! - `queued as ID`, `queued on HOST [as] ID`, `queued with id ID`, `Message ID accepted`;
//! - `id=ID` (Exim, GMX/IONOS, amavisd), not to be confused with `InternalId=`/`SESSIONID=`;
//! - `SESSIONID=<ID>` (Cyrus LMTP) when nothing better is there;
//! - `(ID)` (Haraka);
//! - `<rcpt> ID Saved` (Dovecot LMTP) and `<message-id>` (Exchange, Outlook);
//! - a token after `OK` (Gmail, Amazon SES, Courier, `OK <timestamp> <id>`), and qmail's
//!   `ok <timestamp> qp <pid>`;
//! - an id first, before the words (sendmail, OpenSMTPD).
//!
//! A candidate must look like an id (it has a digit, or an `@`), so that words like `dirdel` or
//! `freedom` are never mistaken for one. Multi-line replies are read from the last line up.

use serde::Serialize;

/// A reply as it came over the wire: its code and its lines (each with the code prefix).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reply {
    pub code: u16,
    pub lines: Vec<String>,
}

impl Reply {
    /// A 2xx or 3xx reply.
    #[must_use]
    pub fn is_positive(&self) -> bool {
        (200..400).contains(&self.code)
    }

    /// The lines joined by `\n`, as [`ParsedReply::parse`] takes them.
    #[must_use]
    pub fn text(&self) -> String {
        self.lines.join("\n")
    }

    /// The reply split into code, status, text and queue id.
    #[must_use]
    pub fn parsed(&self) -> ParsedReply {
        ParsedReply::parse(&self.text())
    }
}

/// A reply split into its parts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ParsedReply {
    /// The three-digit code; `None` when the line carried none (as some logs quote it).
    pub code: Option<u16>,
    /// The RFC 3463 enhanced status (`2.0.0`), when given.
    pub enhanced_status: Option<String>,
    /// The text after code and status; lines joined by `\n`.
    pub text: String,
    /// The server-assigned id a person would quote, when the reply carries one.
    pub queue_id: Option<String>,
}

impl ParsedReply {
    /// Parses a reply as received (`\n` or `\r\n` between lines of a multi-line reply).
    #[must_use]
    pub fn parse(reply: &str) -> Self {
        let lines: Vec<Line<'_>> = reply
            .split('\n')
            .map(|l| l.trim_end_matches('\r').trim())
            .filter(|l| !l.is_empty())
            .map(Line::split)
            .collect();
        let last = lines.last();
        let code = last
            .and_then(|l| l.code)
            .or_else(|| lines.iter().find_map(|l| l.code));
        let enhanced_status = last
            .and_then(|l| l.enhanced)
            .or_else(|| lines.iter().find_map(|l| l.enhanced))
            .map(str::to_owned);
        let text = lines.iter().map(|l| l.text).collect::<Vec<_>>().join("\n");
        let queue_id = lines.iter().rev().find_map(|l| queue_id(l.text));
        Self {
            code,
            enhanced_status,
            text,
            queue_id,
        }
    }

    /// 2xx.
    #[must_use]
    pub fn is_positive(&self) -> bool {
        matches!(self.code, Some(200..=299))
    }
}

struct Line<'a> {
    code: Option<u16>,
    enhanced: Option<&'a str>,
    text: &'a str,
}

impl<'a> Line<'a> {
    fn split(line: &'a str) -> Self {
        let mut rest = line;
        let mut code = None;
        let b = rest.as_bytes();
        if b.len() >= 3
            && b[..3].iter().all(u8::is_ascii_digit)
            && (b.len() == 3 || b[3] == b' ' || b[3] == b'-')
        {
            code = rest[..3].parse().ok();
            rest = rest.get(4..).unwrap_or("").trim_start();
        }
        let mut enhanced = None;
        let token_end = rest.find(' ').unwrap_or(rest.len());
        let token = rest[..token_end].trim_end_matches(':');
        if is_enhanced_status(token) {
            enhanced = Some(token);
            rest = rest[token_end..].trim_start();
        }
        Self {
            code,
            enhanced,
            text: rest,
        }
    }
}

fn is_enhanced_status(token: &str) -> bool {
    let parts: Vec<&str> = token.split('.').collect();
    parts.len() == 3
        && matches!(parts[0], "2" | "4" | "5")
        && parts[1..]
            .iter()
            .all(|p| (1..=3).contains(&p.len()) && p.bytes().all(|c| c.is_ascii_digit()))
}

/// Whether a token can be an id: id characters only, and a digit or an `@` in it.
fn looks_like_id(token: &str) -> bool {
    token.len() >= 4
        && token
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || b"-._+=@~:!,/$#%".contains(&c))
        && token.bytes().any(|c| c.is_ascii_digit() || c == b'@')
        && token.bytes().any(|c| c.is_ascii_alphanumeric())
}

/// Trims punctuation that ends a sentence, not an id.
fn clean(token: &str) -> &str {
    token
        .trim_end_matches(['.', ',', ';', ')', ']'])
        .trim_start_matches(['(', '['])
}

fn unbracket(token: &str) -> &str {
    token
        .strip_prefix('<')
        .and_then(|t| t.strip_suffix('>'))
        .unwrap_or(token)
}

fn words(text: &str) -> Vec<&str> {
    text.split_whitespace().collect()
}

/// Case-insensitive search for `needle` (ASCII) in `hay`; returns the byte index after it.
fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    hay.to_ascii_lowercase()
        .find(&needle.to_ascii_lowercase())
        .map(|i| i + needle.len())
}

/// `key=VALUE` where `key` starts a word; VALUE up to whitespace, `]`, `;` or `,`.
fn key_value<'a>(text: &'a str, key: &str) -> Option<&'a str> {
    let lower = text.to_ascii_lowercase();
    let key = key.to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = lower[from..].find(&key) {
        let start = from + pos;
        let boundary = start == 0 || !text.as_bytes()[start - 1].is_ascii_alphanumeric();
        let value_start = start + key.len();
        if boundary {
            let value: &str = &text[value_start..];
            let end = value
                .find(|c: char| c.is_whitespace() || matches!(c, ']' | ';'))
                .unwrap_or(value.len());
            let v = unbracket(clean(&value[..end]));
            if looks_like_id(v) {
                return Some(v);
            }
        }
        from = value_start;
    }
    None
}

fn queue_id(text: &str) -> Option<String> {
    rule_queued(text)
        .or_else(|| key_value(text, "InternalId="))
        .or_else(|| key_value(text, "id="))
        .or_else(|| key_value(text, "SESSIONID="))
        .or_else(|| rule_parenthesised(text))
        .or_else(|| rule_angle(text))
        .or_else(|| rule_after_ok(text))
        .or_else(|| rule_first(text))
        .map(str::to_owned)
}

/// `queued as ID`, `queued on HOST [as] ID`, `queued with id ID`, `Message ID accepted`.
fn rule_queued(text: &str) -> Option<&str> {
    // Microsoft's InternalId is the id its support asks for, even when "queued" appears too.
    if find_ci(text, "internalid=").is_some() {
        return None;
    }
    let w = words(text);
    let lw: Vec<String> = w.iter().map(|s| s.to_ascii_lowercase()).collect();
    for i in 0..w.len() {
        let next = |k: usize| w.get(i + k).map(|t| unbracket(clean(t)));
        match lw[i].as_str() {
            "queued" => match lw.get(i + 1).map(String::as_str) {
                Some("as") => return next(2).filter(|t| looks_like_id(t)),
                Some("on") => {
                    return if lw.get(i + 3).map(String::as_str) == Some("as") {
                        next(4).filter(|t| looks_like_id(t))
                    } else {
                        next(3).filter(|t| looks_like_id(t))
                    };
                }
                Some("with") if lw.get(i + 2).map(String::as_str) == Some("id") => {
                    return next(3).filter(|t| looks_like_id(t));
                }
                _ => {}
            },
            "message"
                if lw.get(i + 2).is_some_and(|x| x.starts_with("accepted"))
                    && next(1).is_some_and(looks_like_id) =>
            {
                return next(1);
            }
            _ => {}
        }
    }
    None
}

/// Haraka: `Message Queued (ID)`; a single id-like token in parentheses.
fn rule_parenthesised(text: &str) -> Option<&str> {
    let open = text.find('(')?;
    let close = open + text[open..].find(')')?;
    let inner = text[open + 1..close].trim();
    (!inner.contains(char::is_whitespace) && looks_like_id(inner)).then_some(inner)
}

/// `<addr> ID Saved` (LMTP) or `<message-id>` (Exchange, Outlook).
fn rule_angle(text: &str) -> Option<&str> {
    let w = words(text);
    let (pos, token) = w
        .iter()
        .enumerate()
        .find(|(_, t)| t.starts_with('<') && t.ends_with('>') && t.contains('@'))?;
    let inner = unbracket(token);
    if let Some(next) = w.get(pos + 1).map(|t| clean(t))
        && looks_like_id(next)
        && !next.contains('=')
    {
        return Some(next);
    }
    // A Message-ID whose left part looks generated, not a mailbox like <alice@example.org>.
    let local = inner.split('@').next().unwrap_or("");
    (local.len() >= 8 && local.bytes().any(|c| c.is_ascii_digit())).then_some(inner)
}

/// A token after `OK` (Gmail `OK <ts> <id> - gsmtp`, SES, Courier) or qmail's
/// `ok <ts> qp <pid> [<id>]`.
fn rule_after_ok(text: &str) -> Option<&str> {
    let w = words(text);
    let pos = w.iter().position(|t| {
        let t = t.trim_end_matches([':', '.', ',']);
        t.eq_ignore_ascii_case("ok")
    })?;
    let rest: Vec<&str> = w[pos + 1..].iter().map(|t| clean(t)).collect();
    let is_stamp = |t: &str| t.len() >= 9 && t.bytes().all(|c| c.is_ascii_digit());
    match rest.as_slice() {
        [stamp, qp, pid, more @ ..] if is_stamp(stamp) && qp.eq_ignore_ascii_case("qp") => {
            if let Some(id) = more.first().filter(|t| looks_like_id(t)) {
                return Some(id);
            }
            // The whole "1375388751 qp 26627" is qmail's receipt.
            let start = text.find(stamp)?;
            let end = text[start..].find(pid).map(|i| start + i + pid.len())?;
            Some(&text[start..end])
        }
        [stamp, id, ..] if is_stamp(stamp) && looks_like_id(id) => Some(id),
        [id, ..] if looks_like_id(id) && !id.starts_with('<') => Some(id),
        _ => None,
    }
}

/// sendmail and OpenSMTPD: the id first, then words.
fn rule_first(text: &str) -> Option<&str> {
    let w = words(text);
    let first = clean(w.first()?);
    let second = w.get(1)?;
    (looks_like_id(first) && !first.starts_with('<') && second.chars().all(char::is_alphabetic))
        .then_some(first)
}

#[cfg(test)]
mod tests;
