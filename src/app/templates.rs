//! Templates: the shipped ones and the user's, each a subject and a text in one language with
//! placeholders. The form checks the placeholders as they are typed (`Template::check`, pure)
//! and saving one the check refuses is not offered. Saving and removing are [`Command`]s.

use eframe::egui;

use super::command::Command;
use crate::store::Store;
use crate::t;
use crate::template::{STANDARD_FIELDS, Template};

/// The Templates screen.
#[derive(Default)]
pub struct TemplatesScreen {
    templates: Vec<Template>,
    /// The template being edited, and its extra fields as typed.
    form: Option<(Template, String)>,
    error: Option<String>,
}

impl TemplatesScreen {
    pub fn reload(&mut self, store: &Store) {
        match store.templates() {
            Ok(t) => self.templates = t,
            Err(e) => self.error = Some(e.localized()),
        }
    }

    /// Opens the form on the template `name` in `language`, if there is one.
    pub fn choose(&mut self, name: &str, language: &str) {
        if let Some(t) = self
            .templates
            .iter()
            .find(|t| t.name == name && t.language == language)
        {
            self.form = Some((t.clone(), t.fields.join(", ")));
        }
    }

    pub fn saved(&mut self, store: &Store, result: Result<(), String>) {
        match result {
            Ok(()) => {
                self.reload(store);
                self.error = None;
                if let Some((t, _)) = &mut self.form {
                    t.shipped = false;
                }
            }
            Err(e) => self.error = Some(e),
        }
    }

    pub fn show(&mut self, ui: &mut egui::Ui) -> Option<Command> {
        let mut command = None;
        ui.horizontal(|ui| {
            ui.heading(t!("templates-title"));
            if ui.button(t!("templates-new")).clicked() {
                self.form = Some((
                    Template {
                        name: String::new(),
                        language: crate::i18n::language().to_owned(),
                        subject: String::new(),
                        body: String::new(),
                        fields: Vec::new(),
                        shipped: false,
                    },
                    String::new(),
                ));
            }
        });
        let editing = self
            .form
            .as_ref()
            .map(|(t, _)| (t.name.clone(), t.language.clone()));
        egui::ScrollArea::vertical()
            .id_salt("templates")
            .max_height(260.0)
            .show(ui, |ui| {
                for t in &self.templates {
                    let origin = if t.shipped {
                        t!("templates-shipped")
                    } else {
                        t!("templates-own")
                    };
                    let line = format!("{} · {} — {}   ({origin})", t.name, t.language, t.subject);
                    let chosen = editing.as_ref() == Some(&(t.name.clone(), t.language.clone()));
                    if ui.selectable_label(chosen, line).clicked() {
                        self.form = Some((t.clone(), t.fields.join(", ")));
                        self.error = None;
                    }
                }
            });
        ui.separator();
        if self.form.is_none() {
            ui.weak(t!("templates-choose"));
        }
        if let Some(c) = self.form_ui(ui) {
            command = Some(c);
        }
        command
    }

    fn form_ui(&mut self, ui: &mut egui::Ui) -> Option<Command> {
        let (template, fields) = self.form.as_mut()?;
        let mut command = None;
        egui::Grid::new("template-form")
            .num_columns(2)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                let l = ui.label(t!("template-name"));
                ui.add(egui::TextEdit::singleline(&mut template.name).desired_width(200.0))
                    .labelled_by(l.id);
                ui.end_row();
                let l = ui.label(t!("customer-language"));
                ui.add(egui::TextEdit::singleline(&mut template.language).desired_width(60.0))
                    .labelled_by(l.id);
                ui.end_row();
                let l = ui.label(t!("field-subject"));
                ui.add(egui::TextEdit::singleline(&mut template.subject).desired_width(420.0))
                    .labelled_by(l.id);
                ui.end_row();
                let l = ui.label(t!("template-fields"));
                ui.add(
                    egui::TextEdit::singleline(fields)
                        .hint_text("order_ref, project")
                        .desired_width(420.0),
                )
                .labelled_by(l.id);
                ui.end_row();
            });
        ui.add(
            egui::TextEdit::multiline(&mut template.body)
                .desired_rows(8)
                .desired_width(f32::INFINITY),
        );
        template.fields = fields
            .split([',', ' ', ';'])
            .map(str::trim)
            .filter(|f| !f.is_empty())
            .map(str::to_owned)
            .collect();
        ui.weak(t!(
            "template-placeholders",
            fields = STANDARD_FIELDS.map(|f| format!("{{{f}}}")).join(" ")
        ));
        let check = template.check();
        if let Err(e) = &check {
            ui.colored_label(ui.visuals().error_fg_color, e.localized());
        } else if let Some(e) = &self.error {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        ui.horizontal(|ui| {
            if ui
                .add_enabled(check.is_ok(), egui::Button::new(t!("template-save")))
                .clicked()
            {
                command = Some(Command::SaveTemplate(template.clone()));
            }
            if !template.shipped && ui.button(t!("template-remove")).clicked() {
                command = Some(Command::RemoveTemplate(
                    template.name.clone(),
                    template.language.clone(),
                ));
            }
        });
        command
    }
}
