//! How states read and look wherever they are shown: a mail's state and a recipient's delivery
//! as words, icons and colours, and a transcript as text. Shared by the list, the message view
//! and the accounts screen so that one state always looks the same.

use std::fmt::Write as _;

use eframe::egui;

use crate::model::{DeliveryState, MessageState, TranscriptLine};

/// The icon of a mail's state in the list, with its colour.
pub fn state_icon(state: MessageState, v: &egui::Visuals) -> (&'static str, egui::Color32) {
    match state {
        MessageState::Draft => ("✏", v.weak_text_color()),
        MessageState::Queued => ("⏳", v.text_color()),
        MessageState::Sending => ("➡", v.hyperlink_color),
        MessageState::Sent => ("✔", ok_color(v)),
        MessageState::Failed => ("✖", v.error_fg_color),
        MessageState::Uncertain => ("❓", v.warn_fg_color),
    }
}

/// Green for what went well, readable on the light and the dark theme.
fn ok_color(v: &egui::Visuals) -> egui::Color32 {
    if v.dark_mode {
        egui::Color32::from_rgb(110, 200, 120)
    } else {
        egui::Color32::from_rgb(20, 130, 40)
    }
}

pub fn delivery_color(d: DeliveryState, v: &egui::Visuals) -> egui::Color32 {
    match d {
        DeliveryState::Delivered | DeliveryState::Read => ok_color(v),
        DeliveryState::Bounced | DeliveryState::Rejected => v.error_fg_color,
        DeliveryState::Delayed => v.warn_fg_color,
        DeliveryState::Pending | DeliveryState::Accepted | DeliveryState::Relayed => v.text_color(),
    }
}

/// A transcript as text: offset, direction and line, one per line.
pub fn transcript_text(lines: &[TranscriptLine]) -> String {
    lines.iter().fold(String::new(), |mut text, l| {
        let _ = writeln!(text, "{l}");
        text
    })
}
