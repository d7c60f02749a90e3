use super::*;

fn check(reply: &str, code: Option<u16>, status: Option<&str>, id: Option<&str>) {
    let r = ParsedReply::parse(reply);
    assert_eq!(r.code, code, "code of {reply:?}");
    assert_eq!(r.enhanced_status.as_deref(), status, "status of {reply:?}");
    assert_eq!(r.queue_id.as_deref(), id, "queue id of {reply:?}");
}

#[test]
fn families() {
    check(
        "250 2.0.0 Ok: queued as 4Fq2Zk3Y5Vz9",
        Some(250),
        Some("2.0.0"),
        Some("4Fq2Zk3Y5Vz9"),
    );
    check(
        "250 2.0.0 Ok: queued as 4Fq2Zk3Y5Vz9\r",
        Some(250),
        Some("2.0.0"),
        Some("4Fq2Zk3Y5Vz9"),
    );
    check(
        "250 OK id=1l3vRq-0000HP-OZ",
        Some(250),
        None,
        Some("1l3vRq-0000HP-OZ"),
    );
    check(
        "250 2.0.0 kA50s0cL029158 Message accepted for delivery",
        Some(250),
        Some("2.0.0"),
        Some("kA50s0cL029158"),
    );
    check(
        "250 2.6.0 <a1b2c3d4e5@x.example> [InternalId=23138874] Queued mail for delivery",
        Some(250),
        Some("2.6.0"),
        Some("23138874"),
    );
    check("250 ok dirdel", Some(250), None, None);
    check("250 Data Ok: queued as freedom", Some(250), None, None);
    check("250 Queued (10.594 seconds)", Some(250), None, None);
    check(
        "250 2.0.0 <alice@example.org> OK: queued",
        Some(250),
        Some("2.0.0"),
        None,
    );
    check(
        "250 ok 1375388751 qp 26627",
        Some(250),
        None,
        Some("1375388751 qp 26627"),
    );
    check(
        "250-2.0.0 proxied\n250 2.0.0 OK id=1mwMds-00063I-S2",
        Some(250),
        Some("2.0.0"),
        Some("1mwMds-00063I-S2"),
    );
    check(
        "550 5.1.1 <x@y.cz>: Recipient address rejected: User unknown",
        Some(550),
        Some("5.1.1"),
        None,
    );
    check("", None, None, None);
    check("2", None, None, None);
    check("250", Some(250), None, None);
}

#[test]
fn never_panics_on_odd_input() {
    for s in [
        "\u{0}",
        "250-",
        "250 5.",
        "(",
        "<>",
        "<@>",
        "ok",
        "OK 1234567890",
        "é250 ü",
        "250 ))((",
    ] {
        let _ = ParsedReply::parse(s);
    }
}

/// Every line of the shared reply corpus (`tests/data/replies/`).
#[test]
fn reply_corpus() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/replies/replies.jsonl");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("the reply corpus {} is missing: {e}", path.display()));
    let mut failures = Vec::new();
    let mut n = 0;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let row: serde_json::Value = serde_json::from_str(line).unwrap();
        let reply = row["reply"].as_str().unwrap();
        let expected = row["queue_id"].as_str();
        let got = ParsedReply::parse(reply);
        n += 1;
        if got.queue_id.as_deref() != expected {
            failures.push(format!(
                "{reply:?}: expected {expected:?}, got {:?}",
                got.queue_id
            ));
        }
        if let Some(code) = row["enhanced_code"].as_str()
            && got.enhanced_status.as_deref() != Some(code)
        {
            {
                failures.push(format!(
                    "{reply:?}: status {code} expected, got {:?}",
                    got.enhanced_status
                ));
            }
        }
    }
    assert!(n > 50, "only {n} replies read");
    assert!(
        failures.is_empty(),
        "{} of {n} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
