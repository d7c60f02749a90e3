//! The conversation as it happened: every line with its millisecond offset.

use std::time::Instant;

use crate::model::{Dir, TranscriptLine};

/// The conversation so far.
#[derive(Clone, Debug)]
pub struct Transcript {
    start: Instant,
    pub lines: Vec<TranscriptLine>,
}

impl Transcript {
    #[must_use]
    pub fn new() -> Self {
        Self {
            start: Instant::now(),
            lines: Vec::new(),
        }
    }

    pub fn push(&mut self, dir: Dir, line: impl Into<String>) {
        let t_ms = u64::try_from(self.start.elapsed().as_millis()).unwrap_or(u64::MAX);
        self.lines.push(TranscriptLine {
            t_ms,
            dir,
            line: line.into(),
        });
    }

    /// Lines from `from` on, with offsets kept (for a mail's own part of a session).
    #[must_use]
    pub fn since(&self, from: usize) -> Vec<TranscriptLine> {
        self.lines.get(from..).unwrap_or_default().to_vec()
    }
}

impl Default for Transcript {
    fn default() -> Self {
        Self::new()
    }
}
