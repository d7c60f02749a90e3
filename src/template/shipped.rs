//! The templates Stempel ships: an invoice, a corrected invoice and a payment reminder in each
//! language of the window. The user may change them; a changed one is stored and shadows the
//! shipped one of the same name and language, and removing it brings the shipped one back.

use super::Template;

/// (name, language, subject, text)
const SHIPPED: &[(&str, &str, &str, &str)] = &[
    (
        "invoice",
        "en",
        "Invoice {invoice_number}",
        "Dear {customer},\n\nplease find attached invoice {invoice_number} for {amount} {currency}, \
         due on {due_date}.\n\nKind regards,\n{sender_name}\n",
    ),
    (
        "corrected-invoice",
        "en",
        "Corrected invoice {invoice_number}",
        "Dear {customer},\n\nplease find attached the corrected invoice {invoice_number}. It \
         replaces the invoice sent earlier; the amount now due is {amount} {currency}, by \
         {due_date}.\n\nKind regards,\n{sender_name}\n",
    ),
    (
        "payment-reminder",
        "en",
        "Payment reminder: invoice {invoice_number}",
        "Dear {customer},\n\naccording to our records, invoice {invoice_number} for {amount} \
         {currency}, due on {due_date}, has not been paid yet. Please find it attached \
         again.\n\nIf you have already paid, please disregard this message.\n\nKind \
         regards,\n{sender_name}\n",
    ),
    (
        "invoice",
        "pl",
        "Faktura {invoice_number}",
        "Szanowni Państwo,\n\nw załączeniu przesyłamy fakturę nr {invoice_number} dla {customer} \
         na kwotę {amount} {currency}, płatną do {due_date}.\n\nZ poważaniem\n{sender_name}\n",
    ),
    (
        "corrected-invoice",
        "pl",
        "Faktura korygująca {invoice_number}",
        "Szanowni Państwo,\n\nw załączeniu przesyłamy fakturę korygującą nr {invoice_number} dla \
         {customer}. Kwota do zapłaty po korekcie: {amount} {currency}, termin płatności: \
         {due_date}.\n\nZ poważaniem\n{sender_name}\n",
    ),
    (
        "payment-reminder",
        "pl",
        "Przypomnienie o płatności: faktura {invoice_number}",
        "Szanowni Państwo,\n\nuprzejmie przypominamy, że faktura nr {invoice_number} dla \
         {customer} na kwotę {amount} {currency}, płatna do {due_date}, nie została jeszcze \
         opłacona. Fakturę przesyłamy ponownie w załączeniu.\n\nJeśli płatność została już \
         dokonana, prosimy zignorować tę wiadomość.\n\nZ poważaniem\n{sender_name}\n",
    ),
    (
        "invoice",
        "cs",
        "Faktura {invoice_number}",
        "Dobrý den,\n\nv příloze zasíláme fakturu č. {invoice_number} pro {customer} na částku \
         {amount} {currency} se splatností {due_date}.\n\nS pozdravem\n{sender_name}\n",
    ),
    (
        "corrected-invoice",
        "cs",
        "Opravný daňový doklad {invoice_number}",
        "Dobrý den,\n\nv příloze zasíláme opravný daňový doklad č. {invoice_number} pro \
         {customer}. Částka k úhradě po opravě: {amount} {currency}, splatnost: \
         {due_date}.\n\nS pozdravem\n{sender_name}\n",
    ),
    (
        "payment-reminder",
        "cs",
        "Upomínka: faktura {invoice_number}",
        "Dobrý den,\n\ndovolujeme si Vás upozornit, že faktura č. {invoice_number} pro \
         {customer} na částku {amount} {currency} se splatností {due_date} dosud nebyla \
         uhrazena. Fakturu zasíláme znovu v příloze.\n\nPokud jste již platbu provedli, \
         považujte prosím tuto zprávu za bezpředmětnou.\n\nS pozdravem\n{sender_name}\n",
    ),
    (
        "invoice",
        "de",
        "Rechnung {invoice_number}",
        "Sehr geehrte Damen und Herren,\n\nanbei erhalten Sie die Rechnung {invoice_number} für \
         {customer} über {amount} {currency}, zahlbar bis {due_date}.\n\nMit freundlichen \
         Grüßen\n{sender_name}\n",
    ),
    (
        "corrected-invoice",
        "de",
        "Rechnungskorrektur {invoice_number}",
        "Sehr geehrte Damen und Herren,\n\nanbei erhalten Sie die Rechnungskorrektur \
         {invoice_number} für {customer}. Der korrigierte Betrag von {amount} {currency} ist \
         zahlbar bis {due_date}.\n\nMit freundlichen Grüßen\n{sender_name}\n",
    ),
    (
        "payment-reminder",
        "de",
        "Zahlungserinnerung: Rechnung {invoice_number}",
        "Sehr geehrte Damen und Herren,\n\nsicher ist Ihrer Aufmerksamkeit entgangen, dass die \
         Rechnung {invoice_number} für {customer} über {amount} {currency}, fällig am \
         {due_date}, noch offen ist. Die Rechnung finden Sie nochmals im Anhang.\n\nSollten Sie \
         die Zahlung bereits geleistet haben, betrachten Sie dieses Schreiben bitte als \
         gegenstandslos.\n\nMit freundlichen Grüßen\n{sender_name}\n",
    ),
];

/// Every shipped template.
#[must_use]
pub fn shipped() -> Vec<Template> {
    SHIPPED
        .iter()
        .map(|(name, language, subject, body)| Template {
            name: (*name).to_owned(),
            language: (*language).to_owned(),
            subject: (*subject).to_owned(),
            body: (*body).to_owned(),
            fields: Vec::new(),
            shipped: true,
        })
        .collect()
}
