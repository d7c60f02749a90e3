//! Amazon SES event notifications (delivered through SNS as a JSON mail body):
//! `notificationType` Bounce, Delivery or Complaint.

use serde_json::Value;

use super::{Kind, Reason, RecipientReport, Report, angle, reason, text};

fn s(v: &Value) -> Option<String> {
    v.as_str().map(str::to_owned)
}

/// A report, when `body` holds an SES notification.
pub(super) fn parse(body: &str) -> Option<Report> {
    let start = body.find('{')?;
    if !body[start..].contains("\"notificationType\"") {
        return None;
    }
    let first = |text: &str| {
        serde_json::Deserializer::from_str(text)
            .into_iter::<Value>()
            .next()
            .and_then(Result::ok)
    };
    // Long JSON lines arrive folded by mail software: unfold when the plain parse fails.
    let v = first(&body[start..]).or_else(|| {
        let unfolded = body[start..].replace("\r\n ", "").replace("\n ", "");
        first(&unfolded)
    })?;
    let v = match v.get("Message").and_then(Value::as_str) {
        // The SNS envelope around the SES event.
        Some(inner) => serde_json::from_str::<Value>(inner).ok()?,
        None => v,
    };
    let kind = v.get("notificationType").and_then(Value::as_str)?;
    let mut report = Report::empty(Kind::Dsn);
    let mail = &v["mail"];
    report.message_id = mail["headers"].as_array().and_then(|hs| {
        hs.iter()
            .find(|h| {
                h["name"]
                    .as_str()
                    .is_some_and(|n| n.eq_ignore_ascii_case("message-id"))
            })
            .and_then(|h| h["value"].as_str())
            .map(angle)
    });
    report.original_subject = s(&mail["commonHeaders"]["subject"]);
    match kind {
        "Bounce" => {
            let bounce = &v["bounce"];
            let transient = bounce["bounceType"].as_str() == Some("Transient");
            report.reporting_mta = s(&bounce["reportingMTA"]).map(|m| super::dsn::typed_value(&m));
            for r in bounce["bouncedRecipients"].as_array()? {
                let Some(address) = r["emailAddress"].as_str() else {
                    continue;
                };
                let diagnostic = s(&r["diagnosticCode"]).map(|d| super::dsn::typed_value_keep(&d));
                let status = r["status"]
                    .as_str()
                    .and_then(text::enhanced_status)
                    .or_else(|| diagnostic.as_deref().and_then(text::enhanced_status));
                let reason = status
                    .as_deref()
                    .and_then(reason::from_status)
                    .or_else(|| diagnostic.as_deref().and_then(reason::from_text))
                    .unwrap_or(Reason::Other);
                let class = if transient { '4' } else { '5' };
                report.recipients.push(RecipientReport {
                    address: address.to_lowercase(),
                    original_recipient: None,
                    action: s(&r["action"])
                        .unwrap_or_else(|| if transient { "delayed" } else { "failed" }.into()),
                    status: Some(status.unwrap_or_else(|| reason.status(class))),
                    diagnostic,
                    remote_mta: None,
                    last_attempt: None,
                    reason,
                });
            }
        }
        "Delivery" => {
            let delivery = &v["delivery"];
            let response = s(&delivery["smtpResponse"]);
            report.reporting_mta = s(&delivery["reportingMTA"]);
            for r in delivery["recipients"].as_array()? {
                let Some(address) = r.as_str() else { continue };
                report.recipients.push(RecipientReport {
                    address: address.to_lowercase(),
                    original_recipient: None,
                    action: "delivered".into(),
                    status: Some(
                        response
                            .as_deref()
                            .and_then(text::enhanced_status)
                            .unwrap_or_else(|| "2.0.0".into()),
                    ),
                    diagnostic: response.clone(),
                    remote_mta: None,
                    last_attempt: None,
                    reason: Reason::Delivered,
                });
            }
        }
        "Complaint" => return Some(Report::empty(Kind::Feedback)),
        _ => return None,
    }
    (!report.recipients.is_empty()).then_some(report)
}
