//! Dot-stuffing (RFC 5321 4.5.2), streamed: a large body is never copied whole.

use std::io::{self, Write};

/// RFC 5321 4.5.2: a line starting with `.` gets another `.`; bare LF becomes CRLF and the
/// message ends with CRLF (the terminating `.` line is written separately). Streams slices
/// between line feeds into `out`, so a large body is never copied whole.
pub fn write_dot_stuffed(out: &mut impl Write, message: &[u8]) -> io::Result<()> {
    let mut start = 0;
    if message.first() == Some(&b'.') {
        out.write_all(b".")?;
    }
    for lf in memchr::memchr_iter(b'\n', message) {
        if lf == 0 || message[lf - 1] != b'\r' {
            out.write_all(&message[start..lf])?;
            out.write_all(b"\r\n")?;
            start = lf + 1;
        }
        if message.get(lf + 1) == Some(&b'.') {
            out.write_all(&message[start..=lf])?;
            out.write_all(b".")?;
            start = lf + 1;
        }
    }
    out.write_all(&message[start.min(message.len())..])?;
    if !message.ends_with(b"\r\n") && !message.ends_with(b"\n") {
        out.write_all(b"\r\n")?;
    }
    Ok(())
}

/// [`write_dot_stuffed`] into a new buffer.
#[must_use]
pub fn dot_stuff(message: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(message.len() + 64);
    // Writing into a Vec cannot fail.
    let _ = write_dot_stuffed(&mut out, message);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dot_stuffing() {
        assert_eq!(dot_stuff(b"a\r\n.b\r\n"), b"a\r\n..b\r\n");
        assert_eq!(dot_stuff(b".\r\n"), b"..\r\n");
        assert_eq!(dot_stuff(b"a\n.\nb"), b"a\r\n..\r\nb\r\n");
        assert_eq!(dot_stuff(b"x.y\r\n"), b"x.y\r\n");
        assert_eq!(dot_stuff(b""), b"\r\n");
        assert_eq!(dot_stuff(b".a\r\n"), b"..a\r\n");
        assert_eq!(dot_stuff(b"a\r\n..b\n"), b"a\r\n...b\r\n");
        assert_eq!(dot_stuff(b"a\r\n.\r\n.\r\n"), b"a\r\n..\r\n..\r\n");
        assert_eq!(dot_stuff(b"no newline"), b"no newline\r\n");
        assert_eq!(dot_stuff(b"\n.\n"), b"\r\n..\r\n");
    }

    /// The streaming writer against the obvious byte-by-byte definition.
    /// The streaming writer against the obvious byte-by-byte definition.
    #[test]
    fn dot_stuffing_matches_the_definition() {
        fn reference(message: &[u8]) -> Vec<u8> {
            let mut out = Vec::new();
            let mut at_line_start = true;
            let mut prev = 0u8;
            for &b in message {
                if at_line_start && b == b'.' {
                    out.push(b'.');
                }
                if b == b'\n' && prev != b'\r' {
                    out.push(b'\r');
                }
                out.push(b);
                at_line_start = b == b'\n';
                prev = b;
            }
            if !out.ends_with(b"\r\n") {
                out.extend_from_slice(b"\r\n");
            }
            out
        }
        let alphabet = [b'.', b'\r', b'\n', b'a'];
        let mut x: u32 = 12345;
        for len in 0..12 {
            for _ in 0..300 {
                let m: Vec<u8> = (0..len)
                    .map(|_| {
                        x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                        alphabet[(x >> 16) as usize % 4]
                    })
                    .collect();
                assert_eq!(dot_stuff(&m), reference(&m), "{m:?}");
            }
        }
    }
}
