//! Accounts: the sending identities and their servers. No secret is ever stored here.

use rusqlite::OptionalExtension;

use super::{Result, Store, StoreError, now_ms};
use crate::model::{Account, AuthMethod, Endpoint, Mailbox, Security};

impl Store {
    pub fn add_account(&mut self, a: &Account) -> Result<i64> {
        let tx = self.write_tx()?;
        let exists: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM accounts WHERE name = ?1)",
            [&a.name],
            |r| r.get(0),
        )?;
        if exists {
            return Err(StoreError::AccountExists(a.name.clone()));
        }
        let mut values = account_values(a)?;
        values.push(Box::new(now_ms()));
        tx.execute(
            "INSERT INTO accounts (name, from_name, from_addr, reply_to, smtp_host, smtp_port,
                smtp_security, smtp_user, imap_host, imap_port, imap_security, imap_user,
                imap_folders, password_command, ca_file, auth, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
            rusqlite::params_from_iter(values),
        )?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        Ok(id)
    }

    /// Replaces the settings of the account with `a.name`; its mails stay with it.
    pub fn update_account(&mut self, a: &Account) -> Result<()> {
        let tx = self.write_tx()?;
        let changed = tx.execute(
            "UPDATE accounts SET from_name = ?2, from_addr = ?3, reply_to = ?4, smtp_host = ?5,
                smtp_port = ?6, smtp_security = ?7, smtp_user = ?8, imap_host = ?9,
                imap_port = ?10, imap_security = ?11, imap_user = ?12, imap_folders = ?13,
                password_command = ?14, ca_file = ?15, auth = ?16
             WHERE name = ?1 AND removed_at IS NULL",
            rusqlite::params_from_iter(account_values(a)?),
        )?;
        if changed == 0 {
            return Err(StoreError::NoSuchAccount(a.name.clone()));
        }
        tx.commit()?;
        Ok(())
    }

    /// Removes the account `name`, refused while mails of it wait (queued, being sent, or
    /// drafts). An account that sent mails keeps its row, so their receipts and proof keep
    /// their account: it is marked removed and renamed `name (removed YYYY-MM-DD HH:MM)`, which
    /// frees the name. Returns whether the row was kept.
    pub fn remove_account(&mut self, name: &str) -> Result<bool> {
        let tx = self.write_tx()?;
        let id: i64 = tx
            .query_row(
                "SELECT id FROM accounts WHERE name = ?1 AND removed_at IS NULL",
                [name],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| StoreError::NoSuchAccount(name.to_owned()))?;
        let (waiting, any): (i64, bool) = tx.query_row(
            "SELECT COUNT(CASE WHEN state IN ('draft', 'queued', 'sending') THEN 1 END),
                    COUNT(*) > 0
               FROM messages WHERE account_id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        if waiting > 0 {
            return Err(StoreError::AccountInUse {
                name: name.to_owned(),
                waiting: waiting as u64,
            });
        }
        if any {
            let now = jiff::Timestamp::now();
            let when = now
                .to_zoned(jiff::tz::TimeZone::system())
                .strftime("%Y-%m-%d %H:%M:%S")
                .to_string();
            // The row's id keeps the new name unique however often a name is removed.
            tx.execute(
                "UPDATE accounts SET removed_at = ?2, name = ?3 WHERE id = ?1",
                rusqlite::params![
                    id,
                    now.as_millisecond(),
                    format!("{name} (removed {when}, #{id})")
                ],
            )?;
        } else {
            tx.execute("DELETE FROM accounts WHERE id = ?1", [id])?;
        }
        tx.commit()?;
        Ok(any)
    }

    /// The accounts in use (not removed), by name.
    pub fn accounts(&self) -> Result<Vec<Account>> {
        let mut stmt = self.conn.prepare(&format!(
            "{ACCOUNT_SELECT} WHERE removed_at IS NULL ORDER BY name"
        ))?;
        let rows = stmt.query_map([], account_row)?;
        rows.map(|r| r?).collect()
    }

    pub fn account(&self, name: &str) -> Result<Account> {
        self.conn
            .query_row(
                &format!("{ACCOUNT_SELECT} WHERE name = ?1 AND removed_at IS NULL"),
                [name],
                account_row,
            )
            .optional()?
            .ok_or_else(|| StoreError::NoSuchAccount(name.to_owned()))?
    }
}

/// An account's columns in the order `add_account` and `update_account` bind them (?1–?16).
fn account_values(a: &Account) -> Result<Vec<Box<dyn rusqlite::ToSql + '_>>> {
    let folders =
        serde_json::to_string(&a.imap_folders).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    let imap = a.imap.as_ref();
    Ok(vec![
        Box::new(&a.name),
        Box::new(&a.from.name),
        Box::new(&a.from.address),
        Box::new(&a.reply_to),
        Box::new(&a.smtp.host),
        Box::new(a.smtp.port),
        Box::new(a.smtp.security.as_str()),
        Box::new(&a.smtp.user),
        Box::new(imap.map(|i| &i.host)),
        Box::new(imap.map(|i| i.port)),
        Box::new(imap.map(|i| i.security.as_str())),
        Box::new(imap.map(|i| &i.user)),
        Box::new(folders),
        Box::new(&a.password_command),
        Box::new(&a.ca_file),
        Box::new(a.auth.as_str()),
    ])
}

const ACCOUNT_SELECT: &str = "SELECT name, from_name, from_addr, reply_to, smtp_host, smtp_port,
    smtp_security, smtp_user, imap_host, imap_port, imap_security, imap_user, imap_folders,
    password_command, ca_file, auth FROM accounts";

fn account_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Result<Account>> {
    let security = |s: String| {
        Security::parse(&s).ok_or_else(|| StoreError::Corrupt(format!("security {s:?}")))
    };
    let smtp_security = r.get::<_, String>(6)?;
    let imap = match (
        r.get::<_, Option<String>>(8)?,
        r.get::<_, Option<u16>>(9)?,
        r.get::<_, Option<String>>(10)?,
        r.get::<_, Option<String>>(11)?,
    ) {
        (Some(host), Some(port), Some(sec), Some(user)) => Some((host, port, sec, user)),
        _ => None,
    };
    let folders: String = r.get(12)?;
    let build = || -> Result<Account> {
        let from = Mailbox {
            name: r.get(1)?,
            address: r.get(2)?,
        };
        let mut account = Account::new(r.get::<_, String>(0)?, from, r.get::<_, String>(4)?);
        account.reply_to = r.get(3)?;
        account.smtp.port = r.get(5)?;
        account.smtp.security = security(smtp_security)?;
        account.smtp.user = r.get(7)?;
        account.imap = match imap {
            Some((host, port, sec, user)) => Some(Endpoint {
                host,
                port,
                security: security(sec)?,
                user,
            }),
            None => None,
        };
        account.imap_folders = serde_json::from_str(&folders)
            .map_err(|e| StoreError::Corrupt(format!("imap folders: {e}")))?;
        account.password_command = r.get(13)?;
        account.ca_file = r.get(14)?;
        let auth: String = r.get(15)?;
        account.auth = AuthMethod::parse(&auth)
            .ok_or_else(|| StoreError::Corrupt(format!("auth {auth:?}")))?;
        Ok(account)
    };
    Ok(build())
}
