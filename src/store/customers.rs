//! Customers and their addresses, and what the store knows of an address's last mail.

use jiff::Timestamp;
use rusqlite::{OptionalExtension, params};

use super::{Result, Store, StoreError, now_ms, ts};
use crate::model::{Customer, tax_key};

/// What happened to the last mail to an address, when it did not arrive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AddressHistory {
    /// The mail.
    pub message: i64,
    /// `bounced` or `rejected`.
    pub state: String,
    /// The enhanced status (5.1.1) when the report or the reply gave one.
    pub status: Option<String>,
    pub diagnostic: Option<String>,
    pub at: Option<Timestamp>,
}

impl Store {
    /// Every customer, by name.
    pub fn customers(&self) -> Result<Vec<Customer>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, name, tax_id, language, notes FROM customers ORDER BY name COLLATE NOCASE",
        )?;
        let rows = stmt.query_map([], customer_row)?;
        let mut out = rows.collect::<Result<Vec<_>, _>>()?;
        for c in &mut out {
            fill_addresses(&self.conn, c)?;
        }
        Ok(out)
    }

    /// The customer with this id, name (any case) or tax id.
    pub fn customer(&self, key: &str) -> Result<Customer> {
        let id: Option<i64> = key.parse().ok();
        let mut c = self
            .conn
            .query_row(
                "SELECT id, name, tax_id, language, notes FROM customers
                  WHERE id = ?1 OR name = ?2 COLLATE NOCASE OR tax_key = ?3
                  ORDER BY id = ?1 DESC, name = ?2 COLLATE NOCASE DESC LIMIT 1",
                params![id, key.trim(), tax_key(key)],
                customer_row,
            )
            .optional()?
            .ok_or_else(|| StoreError::NoSuchCustomer(key.to_owned()))?;
        fill_addresses(&self.conn, &mut c)?;
        Ok(c)
    }

    /// Stores a new customer (`id` 0) or changes one; returns its id. A name or tax id another
    /// customer has is refused.
    pub fn save_customer(&mut self, c: &Customer) -> Result<i64> {
        let tx = self.write_tx()?;
        let id = save_in(&tx, c)?;
        tx.commit()?;
        Ok(id)
    }

    /// Stores many customers in one transaction: each one matched to a stored customer by its
    /// tax id, else its name, is changed, the others added. Returns (added, changed). What an
    /// imported customer leaves empty (no tax id, language, notes or Cc) keeps its stored value.
    pub fn import_customers(&mut self, customers: &[Customer]) -> Result<(usize, usize)> {
        let tx = self.write_tx()?;
        let (mut added, mut changed) = (0, 0);
        for c in customers {
            let existing: Option<i64> = tx
                .query_row(
                    "SELECT id FROM customers WHERE tax_key = ?1 OR name = ?2 COLLATE NOCASE
                      ORDER BY tax_key = ?1 DESC LIMIT 1",
                    params![c.tax_id.as_deref().and_then(tax_key), c.name.trim()],
                    |r| r.get(0),
                )
                .optional()?;
            let mut c = c.clone();
            if let Some(id) = existing {
                let old = customer_in(&tx, id)?;
                c.id = id;
                c.tax_id = c.tax_id.or(old.tax_id);
                c.language = c.language.or(old.language);
                if c.notes.trim().is_empty() {
                    c.notes = old.notes;
                }
                if c.cc.is_empty() {
                    c.cc = old.cc;
                }
                changed += 1;
            } else {
                c.id = 0;
                added += 1;
            }
            save_in(&tx, &c)?;
        }
        tx.commit()?;
        Ok((added, changed))
    }

    /// Removes a customer (its mails stay; they were never tied to it but by address).
    pub fn remove_customer(&mut self, id: i64) -> Result<()> {
        let tx = self.write_tx()?;
        tx.execute("DELETE FROM customers WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(())
    }

    /// The customer an address belongs to, if any.
    pub fn customer_of(&self, address: &str) -> Result<Option<Customer>> {
        let id: Option<i64> = self
            .conn
            .query_row(
                "SELECT customer_id FROM customer_addresses WHERE address = ?1 LIMIT 1",
                [address.trim()],
                |r| r.get(0),
            )
            .optional()?;
        id.map(|id| self.customer(&id.to_string())).transpose()
    }

    /// The newest mails to any address of the customer, newest first.
    pub fn customer_mail_ids(&self, id: i64, limit: u32) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT DISTINCT m.id FROM messages m
               JOIN recipients r ON r.message_id = m.id
               JOIN customer_addresses ca ON ca.address = r.address
              WHERE ca.customer_id = ?1
              ORDER BY COALESCE(m.sent_at, m.created_at) DESC, m.id DESC LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![id, limit], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The last mail sent to `address`, when it bounced or was refused: what to warn of
    /// before another mail goes there.
    pub fn last_failure_to(&self, address: &str) -> Result<Option<AddressHistory>> {
        let last = self
            .conn
            .prepare_cached(
                "SELECT m.id, r.delivery_state, r.status, r.diagnostic,
                        COALESCE(r.delivery_at, m.sent_at, m.updated_at)
                   FROM recipients r JOIN messages m ON m.id = r.message_id
                  WHERE r.address = ?1 COLLATE NOCASE
                    AND r.delivery_state NOT IN ('pending')
                  ORDER BY COALESCE(m.sent_at, m.updated_at) DESC, m.id DESC LIMIT 1",
            )?
            .query_row([address.trim()], |r| {
                Ok(AddressHistory {
                    message: r.get(0)?,
                    state: r.get(1)?,
                    status: r.get(2)?,
                    diagnostic: r.get(3)?,
                    at: ts(r.get(4)?),
                })
            })
            .optional()?;
        Ok(last.filter(|h| h.state == "bounced" || h.state == "rejected"))
    }
}

/// One customer with its addresses, read on `conn` (a transaction too).
fn customer_in(conn: &rusqlite::Connection, id: i64) -> Result<Customer> {
    let mut c = conn.query_row(
        "SELECT id, name, tax_id, language, notes FROM customers WHERE id = ?1",
        [id],
        customer_row,
    )?;
    fill_addresses(conn, &mut c)?;
    Ok(c)
}

fn fill_addresses(conn: &rusqlite::Connection, c: &mut Customer) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "SELECT kind, address FROM customer_addresses WHERE customer_id = ?1 ORDER BY position",
    )?;
    let rows = stmt.query_map([c.id], |r| Ok((r.get::<_, String>(0)?, r.get(1)?)))?;
    for row in rows {
        let (kind, address) = row?;
        if kind == "cc" {
            c.cc.push(address);
        } else {
            c.to.push(address);
        }
    }
    Ok(())
}

fn customer_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Customer> {
    Ok(Customer {
        id: r.get(0)?,
        name: r.get(1)?,
        tax_id: r.get(2)?,
        language: r.get(3)?,
        notes: r.get(4)?,
        to: Vec::new(),
        cc: Vec::new(),
    })
}

/// Inserts or updates one customer inside the caller's transaction.
fn save_in(tx: &rusqlite::Transaction<'_>, c: &Customer) -> Result<i64> {
    let name = c.name.trim();
    let key = c.tax_id.as_deref().and_then(tax_key);
    let clash: Option<String> = tx
        .query_row(
            "SELECT name FROM customers
              WHERE id != ?1 AND (name = ?2 COLLATE NOCASE OR tax_key = ?3) LIMIT 1",
            params![c.id, name, key],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(other) = clash {
        return Err(StoreError::CustomerExists(other));
    }
    let tax_id = c.tax_id.as_deref().map(str::trim).filter(|t| !t.is_empty());
    let language = c
        .language
        .as_deref()
        .map(str::trim)
        .filter(|l| !l.is_empty());
    let now = now_ms();
    let id = if c.id == 0 {
        tx.execute(
            "INSERT INTO customers (name, tax_id, tax_key, language, notes, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
            params![name, tax_id, key, language, c.notes, now],
        )?;
        tx.last_insert_rowid()
    } else {
        let n = tx.execute(
            "UPDATE customers SET name = ?2, tax_id = ?3, tax_key = ?4, language = ?5, notes = ?6,
                updated_at = ?7 WHERE id = ?1",
            params![c.id, name, tax_id, key, language, c.notes, now],
        )?;
        if n == 0 {
            return Err(StoreError::NoSuchCustomer(c.id.to_string()));
        }
        tx.execute(
            "DELETE FROM customer_addresses WHERE customer_id = ?1",
            [c.id],
        )?;
        c.id
    };
    let addresses =
        c.to.iter()
            .map(|a| ("to", a))
            .chain(c.cc.iter().map(|a| ("cc", a)));
    for (pos, (kind, address)) in addresses.enumerate() {
        tx.execute(
            "INSERT INTO customer_addresses (customer_id, position, kind, address)
             VALUES (?1, ?2, ?3, ?4)",
            params![id, pos as i64, kind, address.trim()],
        )?;
    }
    Ok(id)
}
