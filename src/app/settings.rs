//! Settings: language (the OS's by default), light or dark, bounce-check interval, and where
//! the data lives. Saved to `settings.toml` when changed (a small file, written atomically).

use eframe::egui;

use crate::config::{Paths, Settings, Theme};
use crate::t;

pub fn show(ui: &mut egui::Ui, settings: &mut Settings, paths: &Paths) {
    ui.heading(t!("settings-title"));
    let before = settings.clone();
    egui::Grid::new("settings")
        .num_columns(2)
        .spacing([16.0, 8.0])
        .show(ui, |ui| {
            let l = ui.label(t!("settings-language"));
            let current = settings
                .language
                .as_deref()
                .and_then(|code| crate::i18n::LANGUAGES.iter().find(|(c, _)| *c == code))
                .map_or_else(
                    || t!("settings-language-system"),
                    |(_, name)| (*name).to_owned(),
                );
            egui::ComboBox::from_id_salt("language")
                .selected_text(current)
                .show_ui(ui, |ui| {
                    ui.selectable_value(
                        &mut settings.language,
                        None,
                        t!("settings-language-system"),
                    );
                    for (code, name) in crate::i18n::LANGUAGES {
                        ui.selectable_value(&mut settings.language, Some(code.to_owned()), name);
                    }
                })
                .response
                .labelled_by(l.id);
            ui.end_row();

            ui.label(t!("settings-theme"));
            ui.horizontal(|ui| {
                ui.selectable_value(&mut settings.theme, Theme::System, t!("theme-system"));
                ui.selectable_value(&mut settings.theme, Theme::Light, t!("theme-light"));
                ui.selectable_value(&mut settings.theme, Theme::Dark, t!("theme-dark"));
            });
            ui.end_row();

            let l = ui.label(t!("settings-scan-interval"));
            ui.add(
                egui::DragValue::new(&mut settings.scan_interval_minutes)
                    .range(1..=1440)
                    .suffix(" min"),
            )
            .labelled_by(l.id);
            ui.end_row();

            ui.label(t!("settings-data-folder"));
            ui.monospace(paths.data_dir.display().to_string());
            ui.end_row();
            ui.label(t!("settings-settings-file"));
            ui.monospace(paths.settings().display().to_string());
            ui.end_row();
        });
    ui.weak(t!("settings-interval-note"));
    if *settings != before {
        if settings.language != before.language {
            crate::i18n::set_language(crate::i18n::choose(settings.language.as_deref()));
        }
        if let Err(e) = settings.save(&paths.settings()) {
            ui.colored_label(ui.visuals().error_fg_color, e.to_string());
        }
    }
}
