//! Small scanners over report text: e-mail addresses, status codes, reply codes.
//! Written by hand: they run over every line of every report, must never panic on any input,
//! and need exact control over what counts as a boundary (an IP address is not a status code).

/// An address found in text, with its byte range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub address: String,
    pub start: usize,
    pub end: usize,
}

fn is_local_char(c: char) -> bool {
    c.is_alphanumeric() || "._%+-=/!#$&'*?^`{|}~".contains(c)
}

fn is_domain_char(c: char) -> bool {
    c.is_alphanumeric() || c == '.' || c == '-'
}

/// Every address-like `local@domain` in `text`, in order.
#[must_use]
pub fn addresses(text: &str) -> Vec<Found> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices('@') {
        let before = &text[..at];
        let start = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| is_local_char(*c))
            .last()
            .map_or(at, |(i, _)| i);
        let after = &text[at + 1..];
        let len = after
            .char_indices()
            .take_while(|(_, c)| is_domain_char(*c))
            .last()
            .map_or(0, |(i, c)| i + c.len_utf8());
        let local = text[start..at].trim_start_matches(['.', '\'', '`', '=', '/', '|', '{', '}']);
        let domain = after[..len].trim_end_matches(['.', '-']);
        let start = at - local.len();
        if local.is_empty()
            || local.len() > 128
            || domain.len() < 3
            || !domain.contains('.')
            || domain.starts_with(['.', '-'])
            || domain.contains("..")
            || domain
                .rsplit('.')
                .next()
                .is_some_and(|tld| tld.len() < 2 || tld.chars().all(|c| c.is_ascii_digit()))
        {
            continue;
        }
        out.push(Found {
            address: format!("{local}@{domain}").to_lowercase(),
            start,
            end: at + 1 + domain.len(),
        });
    }
    out
}

fn is_boundary_before(text: &str, i: usize) -> bool {
    text[..i]
        .chars()
        .next_back()
        .is_none_or(|c| !(c.is_ascii_alphanumeric() || c == '.' || c == '-'))
}

fn is_boundary_after(text: &str, i: usize) -> bool {
    let mut rest = text[i..].chars();
    match rest.next() {
        Some(c) if c.is_ascii_alphanumeric() || c == '-' => false,
        // "5.1.1." ends a sentence; "5.1.1.2" is part of something else.
        Some('.') => !rest.next().is_some_and(|c| c.is_ascii_digit()),
        None | Some(_) => true,
    }
}

/// The first enhanced status code (`5.1.1`) in `text` that stands alone (not part of an IP
/// address or a version number).
#[must_use]
pub fn enhanced_status(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if !matches!(b, b'2' | b'4' | b'5') || bytes.get(i + 1) != Some(&b'.') {
            continue;
        }
        if !is_boundary_before(text, i) {
            continue;
        }
        let rest = &text[i + 2..];
        let d1 = rest.bytes().take_while(u8::is_ascii_digit).count();
        if !(1..=3).contains(&d1) || rest.as_bytes().get(d1) != Some(&b'.') {
            continue;
        }
        let rest2 = &rest[d1 + 1..];
        let d2 = rest2.bytes().take_while(u8::is_ascii_digit).count();
        if !(1..=3).contains(&d2) {
            continue;
        }
        let end = i + 2 + d1 + 1 + d2;
        if is_boundary_after(text, end) {
            return Some(text[i..end].to_owned());
        }
    }
    None
}

/// The first SMTP reply code (`550`) in `text`, standing alone and followed by a space, `-`
/// or end of text.
#[must_use]
pub fn reply_code(text: &str) -> Option<u16> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i + 3 <= bytes.len() {
        let w = &bytes[i..i + 3];
        if matches!(w[0], b'2' | b'4' | b'5')
            && w[1].is_ascii_digit()
            && w[2].is_ascii_digit()
            && w[1] <= b'5'
            && (i == 0
                || !(bytes[i - 1].is_ascii_alphanumeric()
                    || matches!(bytes[i - 1], b'.' | b'-' | b'#' | b'/')))
            && bytes
                .get(i + 3)
                .is_none_or(|c| matches!(c, b' ' | b'-' | b'\t' | b'\r' | b'\n'))
        {
            return std::str::from_utf8(w).ok()?.parse().ok();
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_addresses() {
        let f = addresses("<kijitora@example.ed.jp>: and \"x\" neko@libsisimai.org. also a@b");
        let a: Vec<&str> = f.iter().map(|f| f.address.as_str()).collect();
        assert_eq!(a, ["kijitora@example.ed.jp", "neko@libsisimai.org"]);
        assert!(addresses("user@192.0.2.1").is_empty());
        assert!(addresses("@@@ @. .@").is_empty());
        assert_eq!(
            addresses("RCPT TO:<Big@Example.COM>")[0].address,
            "big@example.com"
        );
    }

    #[test]
    fn finds_status_codes_but_not_ips() {
        assert_eq!(
            enhanced_status("said: 550 5.1.1 <x>").as_deref(),
            Some("5.1.1")
        );
        assert_eq!(
            enhanced_status("remote host 192.0.2.32 said: 550 (#5.5.0)").as_deref(),
            Some("5.5.0")
        );
        assert_eq!(enhanced_status("version 4.2.2.1"), None);
        assert_eq!(enhanced_status("ends with 4.2.2."), Some("4.2.2".into()));
        assert_eq!(enhanced_status("nothing"), None);
        assert_eq!(reply_code("host said: 550 Unknown user"), Some(550));
        assert_eq!(reply_code("192.0.2.250 ok"), None);
        assert_eq!(reply_code("#5.5.0"), None);
    }
}
