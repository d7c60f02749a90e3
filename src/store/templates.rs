//! The user's templates, over the shipped ones.

use rusqlite::params;

use super::{Result, Store, StoreError, now_ms};
use crate::template::{Template, shipped};

impl Store {
    /// Every template: the stored ones, and each shipped one no stored template shadows; by
    /// name, then language.
    pub fn templates(&self) -> Result<Vec<Template>> {
        let mut stmt = self
            .conn
            .prepare("SELECT name, language, subject, body, fields FROM templates")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                Template {
                    name: r.get(0)?,
                    language: r.get(1)?,
                    subject: r.get(2)?,
                    body: r.get(3)?,
                    fields: Vec::new(),
                    shipped: false,
                },
                r.get::<_, String>(4)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (mut t, fields) = row?;
            t.fields = serde_json::from_str(&fields)
                .map_err(|e| StoreError::Corrupt(format!("template fields: {e}")))?;
            out.push(t);
        }
        for t in shipped() {
            if !out
                .iter()
                .any(|o| o.name == t.name && o.language == t.language)
            {
                out.push(t);
            }
        }
        out.sort_by(|a, b| (&a.name, &a.language).cmp(&(&b.name, &b.language)));
        Ok(out)
    }

    /// Saves a template after [`Template::check`]: one with an unknown placeholder is refused.
    pub fn save_template(&mut self, t: &Template) -> Result<()> {
        t.check()?;
        let fields = serde_json::to_string(&t.fields)
            .map_err(|e| StoreError::Corrupt(format!("template fields: {e}")))?;
        let tx = self.write_tx()?;
        tx.execute(
            "INSERT OR REPLACE INTO templates (name, language, subject, body, fields, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                t.name.trim(),
                t.language.trim(),
                t.subject,
                t.body,
                fields,
                now_ms()
            ],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Removes a stored template; a shipped one of the same name and language shows again.
    pub fn remove_template(&mut self, name: &str, language: &str) -> Result<()> {
        let tx = self.write_tx()?;
        tx.execute(
            "DELETE FROM templates WHERE name = ?1 AND language = ?2",
            params![name, language],
        )?;
        tx.commit()?;
        Ok(())
    }
}
