//! Send invoices: invoice PDFs (dropped on the window or chosen) and, when the user has one, a
//! CSV sheet that says where each goes; without a sheet, the customer is found by the file
//! name (a pattern the user sets, or a customer's tax id or name in it). "Check" reviews every
//! row (`outbox::batch::review`) and the table shows each mail-to-be with its problems; an
//! address can be corrected in the table and checked again. Nothing is stored until "Put N in
//! buffer", which stores the good rows in one transaction. Reviewing and storing are
//! [`Command`]s carried out after the frame.

use std::collections::BTreeMap;
use std::path::PathBuf;

use eframe::egui;

use super::command::Command;
use crate::outbox::batch::{Request, Review, Source};
use crate::store::Store;
use crate::t;

/// The Send invoices screen.
#[derive(Default)]
pub struct BulkScreen {
    accounts: Vec<String>,
    account: String,
    templates: Vec<String>,
    template: String,
    /// The invoice files, and the sheet when one was given.
    files: Vec<PathBuf>,
    sheet: Option<PathBuf>,
    pattern: String,
    /// The address fields of the table as typed, by row.
    typed: BTreeMap<u64, String>,
    /// Addresses the user corrected in the table, by row with the row's file: they replace
    /// the row's own while that line still names that file.
    corrected: BTreeMap<u64, (String, String)>,
    /// The last review, or why there is none.
    review: Option<Result<Review, String>>,
}

impl BulkScreen {
    /// Reads the accounts and template names (when the screen comes into view).
    pub fn reload(&mut self, store: &Store) {
        self.accounts = store
            .accounts()
            .map(|a| a.into_iter().map(|a| a.name).collect())
            .unwrap_or_default();
        if !self.accounts.contains(&self.account) {
            // The sandbox is the last choice: real invoices go through a real account.
            self.account = self
                .accounts
                .iter()
                .find(|a| *a != crate::sandbox::ACCOUNT)
                .or(self.accounts.first())
                .cloned()
                .unwrap_or_default();
        }
        let mut names: Vec<String> = store
            .templates()
            .map(|t| t.into_iter().map(|t| t.name).collect())
            .unwrap_or_default();
        names.dedup();
        self.templates = names;
        if !self.templates.contains(&self.template) {
            "invoice".clone_into(&mut self.template);
        }
    }

    /// Files dropped or chosen: a `.csv` is the sheet, anything else an invoice file.
    pub fn add_files(&mut self, files: Vec<PathBuf>) {
        for f in files {
            let is_sheet = f.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv"));
            if is_sheet {
                self.sheet = Some(f);
            } else if !self.files.contains(&f) {
                self.files.push(f);
            }
        }
        // The rows change: corrections of the old ones would land on others.
        self.typed.clear();
        self.corrected.clear();
        self.review = None;
    }

    /// What to review: the sheet when there is one, else the files.
    pub fn request(&self) -> Request<'_> {
        let source = match &self.sheet {
            Some(sheet) => Source::Sheet(sheet.clone()),
            None => Source::Files {
                paths: self.files.clone(),
                pattern: Some(self.pattern.clone()),
            },
        };
        Request {
            account: Some(&self.account)
                .filter(|a| !a.is_empty())
                .map(String::as_str),
            template: &self.template,
            language: crate::i18n::language(),
            source,
            resend: false,
            corrected: &self.corrected,
        }
    }

    pub fn reviewed(&mut self, review: Result<Review, String>) {
        self.typed.clear();
        self.review = Some(review);
    }

    /// The review to store, when it has good rows.
    pub fn review(&self) -> Option<&Review> {
        self.review.as_ref()?.as_ref().ok()
    }

    /// After the rows were stored: the screen starts over.
    pub fn clear(&mut self) {
        self.files.clear();
        self.sheet = None;
        self.typed.clear();
        self.corrected.clear();
        self.review = None;
    }

    pub fn show(&mut self, ui: &mut egui::Ui) -> Option<Command> {
        let mut command = None;
        ui.heading(t!("bulk-title"));
        ui.label(t!("bulk-hint"));
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            if ui.button(t!("bulk-choose-files")).clicked() {
                command = Some(Command::PickFiles);
            }
            let what = match self.sheet.as_ref().and_then(|s| s.file_name()) {
                Some(name) => t!("bulk-sheet", sheet = name.to_string_lossy().into_owned()),
                None => t!("bulk-files", count = self.files.len()),
            };
            ui.label(what);
            if (!self.files.is_empty() || self.sheet.is_some())
                && ui.button(t!("bulk-clear")).clicked()
            {
                self.clear();
            }
        });
        // A review made with another account, template or pattern is made again.
        let before = (
            self.account.clone(),
            self.template.clone(),
            self.pattern.clone(),
        );
        self.options(ui);
        ui.add_space(4.0);
        let has_input = !self.files.is_empty() || self.sheet.is_some();
        if has_input
            && before
                != (
                    self.account.clone(),
                    self.template.clone(),
                    self.pattern.clone(),
                )
        {
            command = Some(Command::ReviewBatch);
        }
        if ui
            .add_enabled(has_input, egui::Button::new(t!("bulk-check")))
            .clicked()
        {
            command = Some(Command::ReviewBatch);
        }
        ui.separator();
        match &self.review {
            None => {}
            Some(Err(why)) => {
                ui.colored_label(ui.visuals().error_fg_color, why);
            }
            Some(Ok(review)) => {
                let good = review.rows.len() - review.bad();
                if review.bad() > 0 {
                    ui.colored_label(
                        ui.visuals().warn_fg_color,
                        t!("bulk-left-out", count = review.bad()),
                    );
                }
                if ui
                    .add_enabled(good > 0, egui::Button::new(t!("bulk-queue", count = good)))
                    .clicked()
                {
                    command = Some(Command::QueueBatch);
                }
                let recheck = self.table(ui);
                if recheck {
                    command = Some(Command::ReviewBatch);
                }
            }
        }
        command
    }

    /// Account, template and, without a sheet, the file-name pattern.
    fn options(&mut self, ui: &mut egui::Ui) {
        egui::Grid::new("bulk-options")
            .num_columns(2)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                let l = ui.label(t!("field-account"));
                egui::ComboBox::from_id_salt("bulk-account")
                    .selected_text(self.account.clone())
                    .show_ui(ui, |ui| {
                        for a in &self.accounts {
                            ui.selectable_value(&mut self.account, a.clone(), a);
                        }
                    })
                    .response
                    .labelled_by(l.id);
                ui.end_row();
                let l = ui.label(t!("bulk-template"));
                egui::ComboBox::from_id_salt("bulk-template")
                    .selected_text(self.template.clone())
                    .show_ui(ui, |ui| {
                        for name in &self.templates {
                            ui.selectable_value(&mut self.template, name.clone(), name);
                        }
                    })
                    .response
                    .labelled_by(l.id);
                ui.end_row();
                if self.sheet.is_none() {
                    let l = ui.label(t!("bulk-pattern"));
                    ui.add(
                        egui::TextEdit::singleline(&mut self.pattern)
                            .hint_text("FV_{invoice_number}_{tax_id}.pdf")
                            .desired_width(320.0),
                    )
                    .labelled_by(l.id);
                    ui.end_row();
                }
            });
    }

    /// The reviewed rows; returns whether an address was corrected (to check again).
    fn table(&mut self, ui: &mut egui::Ui) -> bool {
        use egui_extras::{Column, TableBuilder};
        let Some(Ok(review)) = &self.review else {
            return false;
        };
        let mut recheck = false;
        let error = ui.visuals().error_fg_color;
        let line_height = ui.text_style_height(&egui::TextStyle::Body) + 2.0;
        // The columns share the width there is, so the Problems column stays in view in a
        // small window too (an egui_extras table does not shrink its starting widths).
        let width = ui.available_width();
        let share = |part: f32, least: f32, most: f32| (width * part).clamp(least, most);
        let to_width = share(0.25, 140.0, 230.0);
        let (file_width, subject_width) = (share(0.14, 60.0, 160.0), share(0.17, 60.0, 220.0));
        let spacing = 6.0 * ui.spacing().item_spacing.x;
        let problems_width =
            (width - 48.0 - 2.0 * file_width - to_width - subject_width - spacing).max(80.0);
        // About 7 points a character in the body font.
        let per_line = (problems_width / 7.0).max(10.0) as usize;
        // Per width: a table keeps the widths it had once, and a resized window needs new ones.
        TableBuilder::new(ui)
            .id_salt(("bulk-table", (width / 10.0).round() as i32))
            .striped(true)
            .column(Column::exact(48.0))
            .column(Column::exact(file_width).clip(true))
            .column(Column::exact(file_width).clip(true))
            .column(Column::exact(to_width).clip(true))
            .column(Column::exact(subject_width).clip(true))
            .column(Column::remainder().at_least(80.0))
            .header(line_height + 4.0, |mut header| {
                for h in [
                    t!("bulk-col-line"),
                    t!("bulk-col-file"),
                    t!("bulk-col-customer"),
                    t!("bulk-col-to"),
                    t!("bulk-col-subject"),
                    t!("bulk-col-problems"),
                ] {
                    header.col(|ui| {
                        ui.strong(h);
                    });
                }
            })
            .body(|mut body| {
                for row in &review.rows {
                    body.row(row_height(row, line_height, per_line), |mut cells| {
                        cells.col(|ui| {
                            ui.label(row.line.to_string());
                        });
                        cells.col(|ui| {
                            ui.label(row.file.clone().unwrap_or_default());
                        });
                        cells.col(|ui| {
                            ui.label(row.customer.clone().unwrap_or_default());
                        });
                        cells.col(|ui| {
                            recheck |= address_cell(
                                ui,
                                row,
                                to_width - 10.0,
                                &mut self.typed,
                                &mut self.corrected,
                            );
                        });
                        cells.col(|ui| {
                            ui.label(&row.subject);
                        });
                        cells.col(|ui| {
                            if row.is_good() {
                                ui.label("✔");
                            } else {
                                let text = row
                                    .problems
                                    .iter()
                                    .map(crate::bulk::Problem::localized)
                                    .collect::<Vec<_>>()
                                    .join("\n");
                                ui.add(
                                    egui::Label::new(egui::RichText::new(text).color(error)).wrap(),
                                );
                            }
                        });
                    });
                }
            });
        recheck
    }
}

/// A row as tall as its problems, each wrapped at about `per_line` characters.
fn row_height(row: &crate::bulk::Planned, line_height: f32, per_line: usize) -> f32 {
    let lines = row
        .problems
        .iter()
        .map(|p| 1 + p.localized().chars().count() / per_line)
        .sum::<usize>()
        .max(1);
    lines as f32 * line_height + 8.0
}

/// The row's address, editable; true when the user left it changed (to check again).
fn address_cell(
    ui: &mut egui::Ui,
    row: &crate::bulk::Planned,
    width: f32,
    typed: &mut BTreeMap<u64, String>,
    corrected: &mut BTreeMap<u64, (String, String)>,
) -> bool {
    let shown = row.to.join(", ");
    let to = typed.entry(row.line).or_insert_with(|| shown.clone());
    let edit = ui.add(
        egui::TextEdit::singleline(to)
            .id_salt(("bulk-to", row.line))
            .desired_width(width),
    );
    // Screen readers (and the tests) name the field by its row.
    let name = t!("bulk-to-of-line", line = row.line);
    edit.widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::TextInput, true, &name));
    if edit.lost_focus() && *to != shown {
        let file = row.file.clone().unwrap_or_default();
        corrected.insert(row.line, (file, to.clone()));
        return true;
    }
    false
}
