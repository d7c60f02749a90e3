//! Shortening text that Stempel keeps or shows but did not write: server replies, refused
//! input. Pure.

/// `text` as kept: whole when it is at most `max` bytes, else its first `max` bytes (cut on a
/// character boundary) followed by `… [N bytes in all]`, so a reader knows it was cut and by
/// how much.
///
/// ```
/// # use stempel::text::cut;
/// assert_eq!(cut("250 ok", 10), "250 ok");
/// assert_eq!(cut("żółw", 3), "ż… [7 bytes in all]");
/// ```
#[must_use]
pub fn cut(text: &str, max: usize) -> String {
    if text.len() <= max {
        return text.to_owned();
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}… [{} bytes in all]", &text[..end], text.len())
}
