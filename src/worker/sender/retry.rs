//! The backoff: when a temporarily refused mail is tried again, and when Stempel gives up.
//! A pure function of the attempts made and the time, so it is tested without a clock.

use jiff::{SignedDuration, Timestamp};

use crate::store::Finish;

/// The wait after `tries` failed tries: 1 min, 5 min, 15 min, 1 h, then 4 h. The sender's
/// backoff for deferred mails and the stamper's for an authority that failed.
#[must_use]
pub fn backoff(tries: u32) -> SignedDuration {
    match tries {
        0 | 1 => SignedDuration::from_mins(1),
        2 => SignedDuration::from_mins(5),
        3 => SignedDuration::from_mins(15),
        4 => SignedDuration::from_hours(1),
        _ => SignedDuration::from_hours(4),
    }
}

/// When to try a deferred mail again (see [`backoff`]), giving up (`None`) once the mail has
/// waited two days.
#[must_use]
pub fn next_attempt(attempts_made: u32, queued_at: Timestamp, now: Timestamp) -> Option<Timestamp> {
    let next = now + backoff(attempts_made);
    (next <= queued_at + SignedDuration::from_hours(48)).then_some(next)
}

/// After a temporary failure of attempt number `attempts_made + 1`: back to the queue for the
/// next try, or failed when the mail has waited too long (see [`next_attempt`]).
#[must_use]
pub fn retry_or_give_up(attempts_made: u32, queued_at: Timestamp) -> Finish {
    match next_attempt(attempts_made + 1, queued_at, Timestamp::now()) {
        Some(next_attempt_at) => Finish::Deferred { next_attempt_at },
        None => Finish::Failed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_schedule() {
        let q = Timestamp::from_second(1_800_000_000).unwrap();
        let mins = |n: i64| SignedDuration::from_mins(n);
        assert_eq!(next_attempt(1, q, q), Some(q + mins(1)));
        assert_eq!(next_attempt(2, q, q), Some(q + mins(5)));
        assert_eq!(next_attempt(3, q, q), Some(q + mins(15)));
        assert_eq!(next_attempt(4, q, q), Some(q + mins(60)));
        assert_eq!(next_attempt(9, q, q), Some(q + mins(240)));
        // Two days after queueing it gives up.
        let late = q + SignedDuration::from_hours(47);
        assert_eq!(next_attempt(20, q, late), None);
        assert!(next_attempt(20, q, q + SignedDuration::from_hours(40)).is_some());
    }

    #[test]
    fn a_mail_waiting_too_long_fails() {
        let long_ago = Timestamp::now() - SignedDuration::from_hours(49);
        assert_eq!(retry_or_give_up(3, long_ago), Finish::Failed);
        assert!(matches!(
            retry_or_give_up(0, Timestamp::now()),
            Finish::Deferred { .. }
        ));
    }
}
