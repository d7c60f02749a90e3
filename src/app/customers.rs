//! Customers: the list with a search, the form to add or change one (name, tax id, To and Cc
//! addresses, language, notes), and the chosen customer's recent mails with their delivery
//! state. Saving and removing are [`Command`]s carried out after the frame; the recent mails
//! are read when a customer is chosen.

use eframe::egui;

use super::command::Command;
use super::labels::{delivery_color, state_icon};
use crate::bulk::split_addresses;
use crate::model::Customer;
use crate::store::{ListRow, Store};
use crate::t;

/// The Customers screen.
#[derive(Default)]
pub struct CustomersScreen {
    customers: Vec<Customer>,
    search: String,
    /// The form: the customer being edited (id 0: a new one) and its address fields as typed.
    form: Option<(Customer, String, String)>,
    /// The chosen customer's recent mails.
    mails: Vec<ListRow>,
    error: Option<String>,
}

impl CustomersScreen {
    /// Reads the customers again (when the screen comes into view or one was stored).
    pub fn reload(&mut self, store: &Store) {
        match store.customers() {
            Ok(c) => self.customers = c,
            Err(e) => self.error = Some(e.localized()),
        }
    }

    /// Opens the form for `c` with its recent mails.
    pub fn choose(&mut self, store: &Store, c: Customer) {
        self.mails = store
            .customer_mail_ids(c.id, 20)
            .and_then(|ids| store.rows(&ids))
            .unwrap_or_default();
        let (to, cc) = (c.to.join(", "), c.cc.join(", "));
        self.form = Some((c, to, cc));
        self.error = None;
    }

    pub fn saved(&mut self, store: &Store, result: Result<i64, String>) {
        match result {
            Ok(id) => {
                self.reload(store);
                if let Some(c) = self.customers.iter().find(|c| c.id == id).cloned() {
                    self.choose(store, c);
                }
            }
            Err(e) => self.error = Some(e),
        }
    }

    pub fn removed(&mut self, store: &Store) {
        self.form = None;
        self.mails.clear();
        self.reload(store);
    }

    pub fn show(&mut self, ui: &mut egui::Ui) -> Option<Command> {
        let mut command = None;
        ui.horizontal(|ui| {
            ui.heading(t!("customers-title"));
            if ui.button(t!("customers-new")).clicked() {
                self.form = Some((Customer::default(), String::new(), String::new()));
                self.mails.clear();
                self.error = None;
            }
        });
        ui.add(
            egui::TextEdit::singleline(&mut self.search)
                .hint_text(t!("customers-search"))
                .desired_width(280.0),
        );
        let needle = self.search.trim().to_lowercase();
        let chosen = self.form.as_ref().map(|(c, ..)| c.id);
        let mut pick = None;
        egui::ScrollArea::vertical()
            .id_salt("customers")
            .max_height(180.0)
            .show(ui, |ui| {
                for c in &self.customers {
                    let line = format!(
                        "{}   {}   {}",
                        c.name,
                        c.tax_id.as_deref().unwrap_or(""),
                        c.to.join(", ")
                    );
                    if !needle.is_empty() && !line.to_lowercase().contains(&needle) {
                        continue;
                    }
                    if ui.selectable_label(chosen == Some(c.id), line).clicked() {
                        pick = Some(c.id);
                    }
                }
                if self.customers.is_empty() {
                    ui.weak(t!("customers-empty"));
                }
            });
        if let Some(id) = pick {
            command = Some(Command::ChooseCustomer(id));
        }
        ui.separator();
        if self.form.is_none() && !self.customers.is_empty() {
            ui.weak(t!("customers-choose"));
        }
        if let Some(c) = self.form_ui(ui) {
            command = Some(c);
        }
        command
    }

    fn form_ui(&mut self, ui: &mut egui::Ui) -> Option<Command> {
        let (customer, to, cc) = self.form.as_mut()?;
        let mut command = None;
        egui::Grid::new("customer-form")
            .num_columns(2)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                let l = ui.label(t!("customer-name"));
                ui.add(egui::TextEdit::singleline(&mut customer.name).desired_width(320.0))
                    .labelled_by(l.id);
                ui.end_row();
                let l = ui.label(t!("customer-tax-id"));
                let mut tax = customer.tax_id.clone().unwrap_or_default();
                if ui
                    .add(egui::TextEdit::singleline(&mut tax).desired_width(200.0))
                    .labelled_by(l.id)
                    .changed()
                {
                    customer.tax_id = Some(tax).filter(|t| !t.trim().is_empty());
                }
                ui.end_row();
                let l = ui.label(t!("customer-email"));
                ui.add(egui::TextEdit::singleline(to).desired_width(320.0))
                    .labelled_by(l.id);
                ui.end_row();
                let l = ui.label(t!("customer-cc"));
                ui.add(egui::TextEdit::singleline(cc).desired_width(320.0))
                    .labelled_by(l.id);
                ui.end_row();
                let l = ui.label(t!("customer-language"));
                super::settings::language_choice(
                    ui,
                    "customer-language",
                    &mut customer.language,
                    &t!("customer-language-window"),
                )
                .labelled_by(l.id);
                ui.end_row();
                let l = ui.label(t!("customer-notes"));
                ui.add(
                    egui::TextEdit::multiline(&mut customer.notes)
                        .desired_rows(2)
                        .desired_width(320.0),
                )
                .labelled_by(l.id);
                ui.end_row();
            });
        ui.horizontal(|ui| {
            if ui.button(t!("customer-save")).clicked() {
                let mut c = customer.clone();
                c.to = split_addresses(to);
                c.cc = split_addresses(cc);
                command = Some(Command::SaveCustomer(c));
            }
            if customer.id != 0 && ui.button(t!("customer-remove")).clicked() {
                command = Some(Command::RemoveCustomer(customer.id));
            }
        });
        // Below the buttons, so they stay where they are.
        if let Some(e) = &self.error {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        command.or_else(|| self.recent_mails(ui))
    }

    /// The chosen customer's recent mails; a click shows one.
    fn recent_mails(&self, ui: &mut egui::Ui) -> Option<Command> {
        let mut command = None;
        if !self.mails.is_empty() {
            ui.add_space(6.0);
            ui.strong(t!("customer-recent-mails"));
            egui::Grid::new("customer-mails")
                .striped(true)
                .num_columns(4)
                .show(ui, |ui| {
                    for m in &self.mails {
                        ui.label(crate::i18n::datetime(m.date));
                        ui.label(m.invoice_number.clone().unwrap_or_default());
                        if ui.link(&m.subject).clicked() {
                            command = Some(Command::ShowMail(m.id));
                        }
                        let (icon, colour) = state_icon(m.state, ui.visuals());
                        // Delivery says more once a mail is sent; before, its state does.
                        let delivery = m
                            .delivery_summary()
                            .filter(|_| m.state == crate::model::MessageState::Sent);
                        match delivery {
                            Some(d) => ui.colored_label(
                                delivery_color(d, ui.visuals()),
                                format!("{icon} {}", d.label()),
                            ),
                            None => ui.colored_label(colour, format!("{icon} {}", m.state.label())),
                        };
                        ui.end_row();
                    }
                });
        }
        command
    }
}
