//! The machine-readable parts of reports: RFC 3464 `message/delivery-status` and RFC 8098
//! `message/disposition-notification`, as header-like field groups. mail-parser hands these
//! parts back as bytes, so their fields are read here.

/// One `Name: value` field, continuation lines unfolded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    /// Lowercase.
    pub name: String,
    pub value: String,
}

/// Fields in groups separated by blank lines.
#[must_use]
pub fn field_groups(text: &str) -> Vec<Vec<Field>> {
    let mut groups: Vec<Vec<Field>> = Vec::new();
    let mut current: Vec<Field> = Vec::new();
    for raw in text.lines() {
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !current.is_empty() {
                groups.push(std::mem::take(&mut current));
            }
            continue;
        }
        if line.starts_with([' ', '\t']) {
            if let Some(last) = current.last_mut() {
                last.value.push(' ');
                last.value.push_str(line.trim());
            }
            continue;
        }
        if let Some((name, value)) = line.split_once(':') {
            let name = name.trim();
            if !name.is_empty() && !name.contains(' ') {
                current.push(Field {
                    name: name.to_ascii_lowercase(),
                    value: value.trim().to_owned(),
                });
            }
        }
    }
    if !current.is_empty() {
        groups.push(current);
    }
    groups
}

/// The per-message fields of a DSN.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PerMessage {
    pub reporting_mta: Option<String>,
    pub envelope_id: Option<String>,
}

/// The per-recipient fields of a DSN.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PerRecipient {
    pub final_recipient: Option<String>,
    pub original_recipient: Option<String>,
    pub action: Option<String>,
    pub status: Option<String>,
    pub diagnostic: Option<String>,
    pub remote_mta: Option<String>,
    pub last_attempt: Option<String>,
}

/// `rfc822; a@b` → `a@b` (type prefix and angle brackets removed).
#[must_use]
pub fn typed_value(v: &str) -> String {
    let v = v.trim();
    let v = match v.split_once(';') {
        Some((ty, rest)) if !ty.contains('@') && ty.len() < 20 => rest,
        _ => v,
    };
    v.trim().trim_matches(['<', '>', '"']).trim().to_owned()
}

/// `smtp; 550 5.1.1 …` → `550 5.1.1 …`: the diagnostic without its type.
#[must_use]
pub fn typed_value_keep(v: &str) -> String {
    let v = v.trim();
    match v.split_once(';') {
        Some((ty, rest)) if !ty.contains(' ') && ty.len() < 20 => rest.trim().to_owned(),
        _ => v.to_owned(),
    }
}

/// Reads a delivery-status body into per-message and per-recipient fields. Tolerates reports
/// that omit the blank line between groups: a second recipient field starts a new recipient.
#[must_use]
pub fn delivery_status(text: &str) -> (PerMessage, Vec<PerRecipient>) {
    let mut message = PerMessage::default();
    let mut recipients: Vec<PerRecipient> = Vec::new();
    for group in field_groups(text) {
        let mut current: Option<PerRecipient> = None;
        for f in group {
            let v = f.value.clone();
            match f.name.as_str() {
                "reporting-mta" => message.reporting_mta = Some(typed_value(&v)),
                "original-envelope-id" => message.envelope_id = Some(v.trim().to_owned()),
                "final-recipient" | "original-recipient" | "x-actual-recipient" => {
                    let addr = typed_value(&v);
                    // A field the current recipient already has starts the next recipient.
                    let starts_new = current.as_ref().is_some_and(|c| match f.name.as_str() {
                        "final-recipient" => c.final_recipient.is_some(),
                        "original-recipient" => c.original_recipient.is_some(),
                        _ => false,
                    });
                    if starts_new && let Some(done) = current.take() {
                        recipients.push(done);
                    }
                    let r = current.get_or_insert_with(PerRecipient::default);
                    match f.name.as_str() {
                        "final-recipient" => r.final_recipient = Some(addr),
                        "original-recipient" => r.original_recipient = Some(addr),
                        _ => {
                            if r.final_recipient.is_none() {
                                r.final_recipient = Some(addr);
                            }
                        }
                    }
                }
                "action" => {
                    current.get_or_insert_with(PerRecipient::default).action = Some(
                        v.split_whitespace()
                            .next()
                            .unwrap_or("")
                            .to_ascii_lowercase(),
                    );
                }
                "status" => current.get_or_insert_with(PerRecipient::default).status = Some(v),
                "diagnostic-code" => {
                    current.get_or_insert_with(PerRecipient::default).diagnostic = Some(v);
                }
                "remote-mta" => {
                    current.get_or_insert_with(PerRecipient::default).remote_mta =
                        Some(typed_value(&v));
                }
                "last-attempt-date" => {
                    current
                        .get_or_insert_with(PerRecipient::default)
                        .last_attempt = Some(v);
                }
                _ => {}
            }
        }
        if let Some(r) = current {
            if r.final_recipient.is_some() || r.original_recipient.is_some() {
                recipients.push(r);
            } else if let Some(last) = recipients.last_mut() {
                // Fields after a stray blank line belong to the recipient before them.
                last.action = last.action.take().or(r.action);
                last.status = last.status.take().or(r.status);
                last.diagnostic = last.diagnostic.take().or(r.diagnostic);
                last.remote_mta = last.remote_mta.take().or(r.remote_mta);
            }
        }
    }
    (message, recipients)
}

/// The fields of an MDN that matter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Disposition {
    pub final_recipient: Option<String>,
    pub original_message_id: Option<String>,
    /// `displayed`, `deleted`, `dispatched`, `processed`, …
    pub disposition: Option<String>,
}

#[must_use]
pub fn disposition(text: &str) -> Disposition {
    let mut d = Disposition::default();
    for f in field_groups(text).into_iter().flatten() {
        match f.name.as_str() {
            "final-recipient" => d.final_recipient = Some(typed_value(&f.value)),
            "original-message-id" => d.original_message_id = Some(f.value.trim().to_owned()),
            "disposition" => {
                // "manual-action/MDN-sent-manually; displayed"
                let kind = f.value.rsplit(';').next().unwrap_or("").trim();
                let kind = kind
                    .split(['/', ' '])
                    .next()
                    .unwrap_or("")
                    .to_ascii_lowercase();
                d.disposition = Some(kind);
            }
            _ => {}
        }
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_and_recipients() {
        let text = "Reporting-MTA: dns; mx.example\nOriginal-Envelope-Id: abc123\n\n\
            Final-Recipient: rfc822; a@example.com\nOriginal-Recipient: rfc822;a@example.com\n\
            Action: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 <a@example.com>:\n    User unknown\n\n\
            Final-Recipient: rfc822; <b@example.com>\nAction: delayed\nStatus: 4.4.1\n";
        let (m, r) = delivery_status(text);
        assert_eq!(m.reporting_mta.as_deref(), Some("mx.example"));
        assert_eq!(m.envelope_id.as_deref(), Some("abc123"));
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].final_recipient.as_deref(), Some("a@example.com"));
        assert_eq!(
            r[0].diagnostic.as_deref(),
            Some("smtp; 550 5.1.1 <a@example.com>: User unknown")
        );
        assert_eq!(r[1].final_recipient.as_deref(), Some("b@example.com"));
        assert_eq!(r[1].action.as_deref(), Some("delayed"));
    }

    #[test]
    fn recipients_without_blank_lines() {
        let text = "Final-Recipient: rfc822; a@x.com\nAction: failed\nStatus: 5.1.1\n\
                    Final-Recipient: rfc822; b@x.com\nAction: failed\nStatus: 5.2.2\n";
        let (_, r) = delivery_status(text);
        assert_eq!(r.len(), 2);
        assert_eq!(r[1].status.as_deref(), Some("5.2.2"));
    }

    #[test]
    fn mdn_fields() {
        let d = disposition(
            "Final-Recipient: rfc822; klient@example.com\nOriginal-Message-ID: <x@firma.pl>\n\
             Disposition: manual-action/MDN-sent-manually; displayed\n",
        );
        assert_eq!(d.disposition.as_deref(), Some("displayed"));
        assert_eq!(d.original_message_id.as_deref(), Some("<x@firma.pl>"));
    }
}
