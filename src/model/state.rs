//! The outbox states of a mail and the delivery states of its recipients: their names (stored
//! and shown), their order, and which state may follow which.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Where a mail stands in the outbox.
///
/// ```text
/// draft ──▶ queued ──▶ sending ──▶ sent
///   ▲         │  ▲        │ ├────▶ failed ────┐
///   └─────────┘  │        │ └────▶ uncertain ─┤ (user's say: send again)
///                └────────┘ (deferred)       │
///                ▲───────────────────────────┘
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MessageState {
    /// Being written; may change freely, nothing built yet.
    Draft,
    /// Built and frozen; waits for the sender (`next_attempt_at` may lie in the future).
    Queued,
    /// Claimed by a sender; a mail found here at start-up was interrupted.
    Sending,
    /// The server accepted it with a 250 reply: the receipt exists.
    Sent,
    /// Permanently refused, or given up after retries.
    Failed,
    /// The connection died after the end of DATA and before the reply: the server may or may not
    /// have taken it. Never sent again without the user's say.
    Uncertain,
}

impl MessageState {
    pub const ALL: [Self; 6] = [
        Self::Draft,
        Self::Queued,
        Self::Sending,
        Self::Sent,
        Self::Failed,
        Self::Uncertain,
    ];

    /// The state in the user's language, as the window, the CLI and errors name it.
    #[must_use]
    pub fn label(self) -> String {
        match self {
            Self::Draft => crate::t!("state-draft"),
            Self::Queued => crate::t!("state-queued"),
            Self::Sending => crate::t!("state-sending"),
            Self::Sent => crate::t!("state-sent"),
            Self::Failed => crate::t!("state-failed"),
            Self::Uncertain => crate::t!("state-uncertain"),
        }
    }

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Queued => "queued",
            Self::Sending => "sending",
            Self::Sent => "sent",
            Self::Failed => "failed",
            Self::Uncertain => "uncertain",
        }
    }

    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|state| state.as_str() == s)
    }

    /// The outbox state machine: whether `self → next` is a legal transition.
    ///
    /// `queued → draft` takes a mail back for editing; `failed | uncertain → queued` is the user's
    /// explicit "send again". Everything else not listed is illegal, including staying put.
    #[must_use]
    pub fn can_become(self, next: Self) -> bool {
        use MessageState::{Draft, Failed, Queued, Sending, Sent, Uncertain};
        matches!(
            (self, next),
            (Draft | Sending | Failed | Uncertain, Queued)
                | (Queued, Draft | Sending)
                | (Sending, Sent | Failed | Uncertain)
                // A report about an uncertain mail proves the server had it.
                | (Uncertain, Sent)
        )
    }

    /// Whether the user may delete a mail in this state: never one that reached a server or
    /// may have (sent, uncertain, or on the wire). A failed mail was refused by every server
    /// that answered.
    #[must_use]
    pub fn is_deletable(self) -> bool {
        matches!(self, Self::Draft | Self::Queued | Self::Failed)
    }
}

impl fmt::Display for MessageState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What is known about one recipient after the server's receipt.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DeliveryState {
    /// Not sent yet.
    Pending,
    /// The server accepted RCPT and the mail (the receipt).
    Accepted,
    /// The server refused this recipient at RCPT.
    Rejected,
    /// A report says it was delivered to the mailbox.
    Delivered,
    /// A report says it was relayed to a system that sends no reports.
    Relayed,
    /// A report says delivery is delayed and still being tried.
    Delayed,
    /// A report says it could not be delivered.
    Bounced,
    /// A read receipt came back.
    Read,
}

impl DeliveryState {
    pub const ALL: [Self; 8] = [
        Self::Pending,
        Self::Accepted,
        Self::Rejected,
        Self::Delivered,
        Self::Relayed,
        Self::Delayed,
        Self::Bounced,
        Self::Read,
    ];

    /// The delivery state in the user's language (window, CLI, proof.pdf).
    #[must_use]
    pub fn label(self) -> String {
        match self {
            Self::Pending => crate::t!("delivery-pending"),
            Self::Accepted => crate::t!("delivery-accepted"),
            Self::Rejected => crate::t!("delivery-rejected"),
            Self::Delivered => crate::t!("delivery-delivered"),
            Self::Relayed => crate::t!("delivery-relayed"),
            Self::Delayed => crate::t!("delivery-delayed"),
            Self::Bounced => crate::t!("delivery-bounced"),
            Self::Read => crate::t!("delivery-read"),
        }
    }

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Accepted => "accepted",
            Self::Rejected => "rejected",
            Self::Delivered => "delivered",
            Self::Relayed => "relayed",
            Self::Delayed => "delayed",
            Self::Bounced => "bounced",
            Self::Read => "read",
        }
    }

    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.as_str() == s)
    }

    /// How far along a recipient is: a later report never moves it back
    /// (a delay warning that arrives after the success notice changes nothing).
    #[must_use]
    pub fn rank(self) -> u8 {
        match self {
            Self::Pending => 0,
            Self::Accepted | Self::Rejected => 1,
            Self::Delayed => 2,
            Self::Relayed => 3,
            Self::Delivered | Self::Bounced => 4,
            Self::Read => 5,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_names_round_trip() {
        for state in MessageState::ALL {
            assert_eq!(MessageState::parse(state.as_str()), Some(state));
        }
        for d in DeliveryState::ALL {
            assert_eq!(DeliveryState::parse(d.as_str()), Some(d));
        }
        assert_eq!(MessageState::parse("bogus"), None);
    }

    #[test]
    fn state_machine_table() {
        use MessageState::{Draft, Failed, Queued, Sending, Sent, Uncertain};
        let legal = [
            (Draft, Queued),
            (Queued, Draft),
            (Queued, Sending),
            (Sending, Sent),
            (Sending, Failed),
            (Sending, Uncertain),
            (Sending, Queued),
            (Failed, Queued),
            (Uncertain, Queued),
            (Uncertain, Sent),
        ];
        for from in MessageState::ALL {
            for to in MessageState::ALL {
                assert_eq!(
                    from.can_become(to),
                    legal.contains(&(from, to)),
                    "{from} -> {to}"
                );
            }
        }
    }
}
