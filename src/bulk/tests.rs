use super::*;
use crate::template::shipped;

fn customers() -> Vec<Customer> {
    vec![
        Customer {
            id: 1,
            name: "Kowalski Sp. z o.o.".into(),
            tax_id: Some("PL 123-456-32-18".into()),
            to: vec!["faktury@kowalski.pl".into()],
            cc: vec!["ksiegowa@kowalski.pl".into()],
            language: Some("pl".into()),
            notes: String::new(),
        },
        Customer {
            id: 2,
            name: "Novák s.r.o.".into(),
            tax_id: Some("CZ12345678".into()),
            to: vec!["fakturace@novak.cz".into()],
            language: Some("cs".into()),
            ..Customer::default()
        },
    ]
}

fn plan_sheet(csv: &str) -> Result<Vec<Planned>, SheetError> {
    let customers = customers();
    let templates = shipped();
    let ctx = Context {
        customers: &customers,
        templates: &templates,
        template: "invoice",
        language: "en",
        sender_name: "Firma Nowak",
    };
    let sheet = read_sheet(csv.as_bytes())?;
    check_columns(&sheet, &ctx)?;
    Ok(plan(&sheet.rows, &ctx))
}

const HEADER: &str = "file;invoice_number;nip;email;amount;currency;due_date\n";

#[test]
fn rows_find_their_customer_and_its_language() {
    let rows = plan_sheet(&format!(
        "{HEADER}\
         a.pdf;FV/1;123-456-32-18;;1 230,00;PLN;2026-12-14\n\
         b.pdf;FV/2;CZ 12345678;;500;CZK;2026-12-14\n\
         c.pdf;FV/3;;someone@example.com;10;EUR;2026-12-14\n"
    ))
    .unwrap();
    assert!(rows[..2].iter().all(Planned::is_good), "{rows:#?}");
    assert_eq!(rows[0].to, ["faktury@kowalski.pl"]);
    assert_eq!(rows[0].cc, ["ksiegowa@kowalski.pl"]);
    assert_eq!(rows[0].subject, "Faktura FV/1");
    assert!(
        rows[0]
            .body
            .contains("dla Kowalski Sp. z o.o. na kwotę 1 230,00 PLN")
    );
    assert!(rows[0].body.ends_with("Firma Nowak\n"));
    assert_eq!(rows[1].language, "cs");
    assert!(rows[1].body.contains("500 CZK"));
    // No customer: the row's own address and the default language; the greeting needs a
    // name the row does not give.
    assert_eq!(rows[2].language, "en");
    assert_eq!(rows[2].to, ["someone@example.com"]);
    assert_eq!(
        rows[2].problems,
        [Problem::NoValue {
            field: "customer".into()
        }]
    );
}

#[test]
fn bad_rows_say_why_and_good_rows_stay_good() {
    let rows = plan_sheet(&format!(
        "{HEADER}\
         ;FV/1;1234563218;;1;PLN;x\n\
         b.pdf;FV/2;9999999999;;1;PLN;x\n\
         c.pdf;FV/3;1234563218;;;PLN;x\n\
         d.pdf;FV/4;1234563218;;1;PLN;x\n\
         e.pdf;FV/4;1234563218;;1;PLN;x\n"
    ))
    .unwrap();
    assert_eq!(rows[0].problems, [Problem::NoFile]);
    assert_eq!(
        rows[1].problems,
        [
            Problem::UnknownCustomer {
                key: "9999999999".into()
            },
            Problem::NoRecipient
        ]
    );
    assert_eq!(
        rows[2].problems,
        [Problem::NoValue {
            field: "amount".into()
        }]
    );
    assert!(rows[3].is_good());
    assert_eq!(
        rows[4].problems,
        [Problem::Repeated {
            invoice: "FV/4".into(),
            line: 5
        }]
    );
}

#[test]
fn a_placeholder_without_a_column_refuses_the_sheet_naming_it() {
    let e = plan_sheet("file;invoice_number;email;amount;currency\na.pdf;1;a@b.cz;1;PLN\n")
        .unwrap_err();
    assert!(
        matches!(&e, SheetError::MissingColumn { column, .. } if column == "due_date"),
        "{e:?}"
    );
}

#[test]
fn files_named_by_a_pattern_become_rows() {
    let customers = customers();
    let templates = shipped();
    let ctx = Context {
        customers: &customers,
        templates: &templates,
        template: "invoice",
        language: "en",
        sender_name: "Firma",
    };
    let pattern = FilePattern::parse("FV_{invoice_number}_{tax_id}.pdf").unwrap();
    let rows = rows_from_files(
        &["FV_2026-11-001_1234563218.pdf".into(), "other.pdf".into()],
        Some(&pattern),
        &customers,
    );
    let planned = plan(&rows, &ctx);
    assert_eq!(planned[0].invoice_number.as_deref(), Some("2026-11-001"));
    assert_eq!(planned[0].to, ["faktury@kowalski.pl"]);
    // The shipped invoice template needs an amount the file name does not give.
    assert!(planned[0].problems.contains(&Problem::NoValue {
        field: "amount".into()
    }));
    assert!(planned[1].problems.contains(&Problem::NoRecipient));
}

#[test]
fn a_tax_id_no_customer_has_falls_back_to_the_name_or_the_rows_address() {
    let rows = plan_sheet(
        "file;invoice_number;nip;customer;email;amount;currency;due_date\n\
         a.pdf;1;5555555555;Kowalski Sp. z o.o.;;1;PLN;x\n\
         b.pdf;2;5555555555;Nowa Firma;nowa@example.com;1;PLN;x\n\
         c.pdf;3;5555555555;Nikt;;1;PLN;x\n",
    )
    .unwrap();
    assert_eq!(rows[0].to, ["faktury@kowalski.pl"]);
    assert!(rows[0].is_good(), "{:?}", rows[0].problems);
    assert!(rows[1].is_good(), "{:?}", rows[1].problems);
    assert_eq!(
        rows[2].problems[0],
        Problem::UnknownCustomer {
            key: "5555555555".into()
        }
    );
}

#[test]
fn the_same_invoice_to_a_cc_address_is_a_repeat() {
    let rows = plan_sheet(
        "file;invoice_number;email;cc;customer;amount;currency;due_date\n\
         a.pdf;FV/1;a@example.com;B@example.com;A;1;PLN;x\n\
         b.pdf;FV/1;b@example.com;;B;1;PLN;x\n",
    )
    .unwrap();
    assert_eq!(
        rows[1].problems,
        [Problem::Repeated {
            invoice: "FV/1".into(),
            line: 2
        }]
    );
}
