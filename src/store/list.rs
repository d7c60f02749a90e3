//! What the window's mail lists read: ids in the chosen order, then rows for the visible part.
//!
//! A list of 100,000 mails is 100,000 ids (800 KB); the rows themselves are read a page at a
//! time as the user scrolls, each page one indexed query by primary key.

use std::fmt::Write as _;

use jiff::Timestamp;
use rusqlite::params;

use super::{Result, Store, StoreError, parse_state, ts};
use crate::model::{DeliveryState, MessageState};

/// The column a list is ordered by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortKey {
    /// Sent, else created.
    #[default]
    Date,
    Recipient,
    Subject,
    QueueId,
    State,
}

/// Which mails a list shows, and in which order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListQuery {
    /// Empty means every state.
    pub states: Vec<MessageState>,
    /// Matched against subject, sender and recipients.
    pub search: String,
    /// Sent (else created) at or after this moment.
    pub since: Option<Timestamp>,
    /// Sent (else created) before this moment.
    pub until: Option<Timestamp>,
    pub sort: SortKey,
    pub descending: bool,
}

/// One line of a mail list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListRow {
    pub id: i64,
    pub state: MessageState,
    pub account: String,
    /// Sent, else created.
    pub date: Timestamp,
    pub recipients: Vec<String>,
    pub subject: String,
    /// The invoice the mail carries, when it was given one.
    pub invoice_number: Option<String>,
    pub queue_id: Option<String>,
    /// Each recipient's delivery state, in recipient order.
    pub delivery: Vec<DeliveryState>,
    pub attempt_count: u32,
    pub last_error: Option<String>,
    /// When a queued mail that was tried before is tried again.
    pub next_attempt_at: Option<Timestamp>,
    /// How many files are attached.
    pub attachments: u32,
}

impl ListRow {
    /// A queued mail that was tried before: Stempel tries it again at `next_attempt_at`.
    #[must_use]
    pub fn is_retry(&self) -> bool {
        self.state == MessageState::Queued && self.attempt_count > 0
    }

    /// The state that matters most to the user: a bounce before anything else, then the
    /// least advanced recipient (one read receipt does not make the mail "read").
    #[must_use]
    pub fn delivery_summary(&self) -> Option<DeliveryState> {
        if self.delivery.contains(&DeliveryState::Bounced) {
            return Some(DeliveryState::Bounced);
        }
        if self.delivery.contains(&DeliveryState::Rejected) {
            return Some(DeliveryState::Rejected);
        }
        self.delivery.iter().copied().min_by_key(|d| d.rank())
    }
}

/// Sends and outcomes of one day, for the chart over the Sent list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DayStats {
    /// `YYYY-MM-DD` in local time.
    pub day: String,
    pub sent: u32,
    pub delivered: u32,
    pub problems: u32,
}

/// The same expression as the `messages_date` index, so ranges and sorting use it.
const DATE: &str = "COALESCE(m.sent_at, m.created_at)";

impl Store {
    /// The ids of the mails `query` selects, in its order.
    pub fn list_ids(&self, query: &ListQuery) -> Result<Vec<i64>> {
        let mut sql = String::from("SELECT m.id FROM messages m WHERE 1 = 1");
        let mut args: Vec<Box<dyn rusqlite::ToSql>> = Vec::new();
        if !query.states.is_empty() {
            let list: Vec<String> = query
                .states
                .iter()
                .map(|s| format!("'{}'", s.as_str()))
                .collect();
            let _ = write!(sql, " AND m.state IN ({})", list.join(", "));
        }
        push_search(&mut sql, &mut args, &query.search);
        if let Some(since) = query.since {
            args.push(Box::new(since.as_millisecond()));
            let _ = write!(sql, " AND {DATE} >= ?{}", args.len());
        }
        if let Some(until) = query.until {
            args.push(Box::new(until.as_millisecond()));
            let _ = write!(sql, " AND {DATE} < ?{}", args.len());
        }
        let key = match query.sort {
            SortKey::Date => DATE,
            SortKey::Recipient => {
                "(SELECT r.address FROM recipients r WHERE r.message_id = m.id
                  ORDER BY r.position LIMIT 1) COLLATE NOCASE"
            }
            SortKey::Subject => "m.subject COLLATE NOCASE",
            SortKey::QueueId => "m.queue_id",
            SortKey::State => "m.state",
        };
        let dir = if query.descending { "DESC" } else { "ASC" };
        let _ = write!(sql, " ORDER BY {key} {dir}, m.id {dir}");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(
            rusqlite::params_from_iter(args.iter().map(AsRef::as_ref)),
            |r| r.get(0),
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The rows for `ids`, in the order given (ids that no longer exist are left out).
    pub fn rows(&self, ids: &[i64]) -> Result<Vec<ListRow>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let json = serde_json::to_string(ids).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT m.id, m.state, a.name, COALESCE(m.sent_at, m.created_at), m.subject,
                m.queue_id, m.attempt_count, m.last_error, m.next_attempt_at,
                (SELECT COUNT(*) FROM attachments f WHERE f.message_id = m.id),
                (SELECT group_concat(r.address, char(31)) FROM
                    (SELECT address FROM recipients WHERE message_id = m.id ORDER BY position) r),
                (SELECT group_concat(r.delivery_state, ',') FROM
                    (SELECT delivery_state FROM recipients WHERE message_id = m.id
                     ORDER BY position) r),
                m.invoice_number
             FROM messages m JOIN accounts a ON a.id = m.account_id
             WHERE m.id IN (SELECT value FROM json_each(?1))",
        )?;
        let found = stmt.query_map(params![json], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, i64>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, Option<String>>(5)?,
                r.get::<_, u32>(6)?,
                r.get::<_, Option<String>>(7)?,
                (r.get::<_, Option<i64>>(8)?, r.get::<_, u32>(9)?),
                r.get::<_, Option<String>>(10)?,
                (
                    r.get::<_, Option<String>>(11)?,
                    r.get::<_, Option<String>>(12)?,
                ),
            ))
        })?;
        let mut by_id = std::collections::HashMap::with_capacity(ids.len());
        for row in found {
            let (id, state, account, date, subject, queue_id, attempts, error, extra, to, more) =
                row?;
            let (delivery, invoice_number) = more;
            let (next_attempt_at, attachments) = extra;
            let delivery = delivery
                .unwrap_or_default()
                .split(',')
                .filter(|s| !s.is_empty())
                .map(|s| {
                    DeliveryState::parse(s)
                        .ok_or_else(|| StoreError::Corrupt(format!("delivery state {s:?}")))
                })
                .collect::<Result<Vec<_>>>()?;
            by_id.insert(
                id,
                ListRow {
                    id,
                    state: parse_state(&state)?,
                    account,
                    date: ts(Some(date)).unwrap_or(Timestamp::UNIX_EPOCH),
                    recipients: to
                        .unwrap_or_default()
                        .split('\u{1f}')
                        .filter(|s| !s.is_empty())
                        .map(str::to_owned)
                        .collect(),
                    subject,
                    invoice_number,
                    queue_id,
                    delivery,
                    attempt_count: attempts,
                    last_error: error,
                    next_attempt_at: ts(next_attempt_at),
                    attachments,
                },
            );
        }
        Ok(ids.iter().filter_map(|id| by_id.remove(id)).collect())
    }

    /// Mails sent per local day since `since`, with how many recipients a report called
    /// delivered (or read) and how many had a problem (bounced or rejected).
    pub fn daily_stats(&self, since: Timestamp) -> Result<Vec<DayStats>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT date(m.sent_at / 1000, 'unixepoch', 'localtime') AS day, COUNT(DISTINCT m.id),
                COUNT(CASE WHEN r.delivery_state IN ('delivered', 'read') THEN 1 END),
                COUNT(CASE WHEN r.delivery_state IN ('bounced', 'rejected') THEN 1 END)
             FROM messages m JOIN recipients r ON r.message_id = m.id
             WHERE m.state = 'sent' AND m.sent_at >= ?1
             GROUP BY day ORDER BY day",
        )?;
        let rows = stmt.query_map([since.as_millisecond()], |r| {
            Ok(DayStats {
                day: r.get(0)?,
                sent: r.get(1)?,
                delivered: r.get(2)?,
                problems: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The report a delivery event came from, as received.
    pub fn event_raw(&self, event: i64) -> Result<Option<Vec<u8>>> {
        use rusqlite::OptionalExtension as _;
        Ok(self
            .conn
            .query_row(
                "SELECT raw FROM delivery_events WHERE id = ?1",
                [event],
                |r| r.get(0),
            )
            .optional()?)
    }
}

/// Adds the list search (subject, sender, any recipient, the invoice number, a recipient's
/// customer by name or tax id; `%` and `_` taken literally) to a query over `messages m`.
pub(super) fn push_search(
    sql: &mut String,
    args: &mut Vec<Box<dyn rusqlite::ToSql>>,
    search: &str,
) {
    let search = search.trim();
    if search.is_empty() {
        return;
    }
    let escaped = search
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    args.push(Box::new(format!("%{escaped}%")));
    let n = args.len();
    // A tax id is found however it is written (`PL 123-456-32-18` or `1234563218`).
    args.push(Box::new(crate::model::tax_key(search)));
    let k = args.len();
    let _ = write!(
        sql,
        " AND (m.subject LIKE ?{n} ESCAPE '\\' OR m.from_addr LIKE ?{n} ESCAPE '\\'
           OR m.from_name LIKE ?{n} ESCAPE '\\' OR m.invoice_number LIKE ?{n} ESCAPE '\\'
           OR EXISTS (SELECT 1 FROM recipients r WHERE r.message_id = m.id
                      AND r.address LIKE ?{n} ESCAPE '\\')
           OR EXISTS (SELECT 1 FROM recipients r
                        JOIN customer_addresses ca ON ca.address = r.address
                        JOIN customers c ON c.id = ca.customer_id
                      WHERE r.message_id = m.id
                        AND (c.name LIKE ?{n} ESCAPE '\\' OR c.tax_key = ?{k})))"
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mail::Built;
    use crate::model::{Account, Compose, Mailbox, RecipientKind};
    use crate::store::NewMessage;

    fn store() -> Store {
        let mut s = Store::open_in_memory().unwrap();
        s.add_account(&Account::new(
            "firma",
            Mailbox {
                name: None,
                address: "faktury@firma.pl".into(),
            },
            "smtp.firma.pl",
        ))
        .unwrap();
        s
    }

    fn insert(s: &mut Store, to: &str, subject: &str) -> i64 {
        let from = Mailbox {
            name: None,
            address: "faktury@firma.pl".into(),
        };
        let (message_id, envelope_id) = crate::mail::new_ids(&from);
        let built = Built {
            bytes: b"x".to_vec(),
            sha256: crate::mail::sha256_hex(b"x"),
        };
        s.insert_message(&NewMessage {
            account: "firma",
            from: &from,
            compose: &Compose {
                to: vec![to.into()],
                subject: subject.into(),
                ..Compose::default()
            },
            recipients: &[(RecipientKind::To, to.into())],
            reply_to: None,
            attachments: &[],
            message_id: &message_id,
            envelope_id: &envelope_id,
            built: Some(&built),
            resend: false,
        })
        .unwrap()
    }

    #[test]
    fn ids_follow_filter_and_sort_and_rows_follow_ids() {
        let mut store = store();
        let a = insert(&mut store, "zeta@example.com", "Faktura 2");
        let b = insert(&mut store, "alpha@example.com", "Faktura 1");
        let c = insert(&mut store, "klient@firma.cz", "Upomínka");
        let q = |f: fn(&mut ListQuery)| {
            let mut q = ListQuery::default();
            f(&mut q);
            q
        };
        let ids = |q: ListQuery| store.list_ids(&q).unwrap();
        assert_eq!(ids(q(|q| q.sort = SortKey::Recipient)), vec![b, c, a]);
        assert_eq!(
            ids(q(|q| {
                q.sort = SortKey::Subject;
                q.descending = true;
            })),
            vec![c, a, b]
        );
        assert_eq!(ids(q(|q| q.search = "FAKTURA".into())).len(), 2);
        assert_eq!(ids(q(|q| q.search = "firma.cz".into())), vec![c]);
        // A wildcard in the search is taken literally.
        assert!(ids(q(|q| q.search = "%".into())).is_empty());
        assert!(
            ids(q(|q| q.since = Some(
                Timestamp::now() + jiff::SignedDuration::from_hours(1)
            )))
            .is_empty()
        );
        assert_eq!(
            ids(q(|q| q.until = Some(
                Timestamp::now() + jiff::SignedDuration::from_hours(1)
            )))
            .len(),
            3
        );
        assert!(ids(q(|q| q.states = vec![MessageState::Sent])).is_empty());
        assert_eq!(ids(q(|q| q.states = vec![MessageState::Queued])).len(), 3);

        let rows = store.rows(&[c, 999, a]).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].id, c);
        assert_eq!(rows[0].recipients, ["klient@firma.cz"]);
        assert_eq!(rows[0].subject, "Upomínka");
        assert_eq!(rows[0].delivery, [DeliveryState::Pending]);
        assert_eq!(rows[0].account, "firma");
        assert_eq!(rows[1].id, a);
        assert!(store.daily_stats(Timestamp::UNIX_EPOCH).unwrap().is_empty());
    }

    #[test]
    fn summary_puts_bounces_first_then_the_least_advanced() {
        use DeliveryState::{Accepted, Bounced, Delivered, Read};
        let row = |delivery: Vec<DeliveryState>| ListRow {
            id: 1,
            state: MessageState::Sent,
            account: String::new(),
            date: Timestamp::UNIX_EPOCH,
            recipients: Vec::new(),
            subject: String::new(),
            invoice_number: None,
            queue_id: None,
            delivery,
            attempt_count: 1,
            last_error: None,
            next_attempt_at: None,
            attachments: 0,
        };
        assert_eq!(row(vec![Read, Bounced]).delivery_summary(), Some(Bounced));
        assert_eq!(
            row(vec![Read, Delivered]).delivery_summary(),
            Some(Delivered)
        );
        assert_eq!(row(vec![Accepted, Read]).delivery_summary(), Some(Accepted));
        assert_eq!(row(vec![]).delivery_summary(), None);
    }
}
