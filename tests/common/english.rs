//! Finds English sentences in text meant for a Polish, Czech or German reader: a line with two
//! or more English function words that those languages do not use. What servers said (a reply
//! starting with its code) and the conversation (`S:`, `C:`, `--` lines) are left alone: they
//! are quoted as received, in whatever language the server speaks.

/// Words common in English sentences and absent from Polish, Czech and German ones ("to", "a",
/// "was", "die" and the like are words there too, so they are not in the list).
const ENGLISH: &[&str] = &[
    "the", "is", "are", "could", "cannot", "been", "your", "this", "that", "with", "and", "not",
    "of", "has", "have", "does", "no", "there", "which", "will", "would", "should", "into",
];

/// Whether `line` is quoted from a server or the conversation rather than written by Stempel.
fn quoted(line: &str) -> bool {
    let t = line.trim_start();
    let conversation = ["S: ", "C: ", "-- "]
        .iter()
        .any(|m| t.contains(&format!(" ms {m}")) || t.starts_with(m));
    let reply = t.len() > 4 && t.as_bytes()[..3].iter().all(u8::is_ascii_digit);
    conversation || reply
}

/// The lines of `text` that read as English sentences.
pub fn english_lines(text: &str) -> Vec<String> {
    text.lines()
        .filter(|l| !quoted(l))
        .filter(|l| {
            let words: std::collections::BTreeSet<String> = l
                .split(|c: char| !c.is_alphabetic())
                .map(str::to_lowercase)
                .filter(|w| ENGLISH.contains(&w.as_str()))
                .collect();
            words.len() >= 2
        })
        .map(str::to_owned)
        .collect()
}
