//! Settings: language (the OS's by default), light or dark, bounce-check interval, and where
//! the data lives. Saved to `settings.toml` when changed (a small file, written atomically).

use eframe::egui;

use super::command::Command;
use crate::config::{Paths, Settings, Theme};
use crate::presets::{TSA_PRESETS, TsaPreset};
use crate::t;

/// A choice of the window's languages, or `none` (the system's, the window's…) as `None`.
pub fn language_choice(
    ui: &mut egui::Ui,
    id: &str,
    value: &mut Option<String>,
    none: &str,
) -> egui::Response {
    let current = value
        .as_deref()
        .and_then(|code| crate::i18n::LANGUAGES.iter().find(|(c, _)| *c == code))
        .map_or_else(|| none.to_owned(), |(_, name)| (*name).to_owned());
    egui::ComboBox::from_id_salt(id)
        .selected_text(current)
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, none);
            for (code, name) in crate::i18n::LANGUAGES {
                ui.selectable_value(value, Some(code.to_owned()), name);
            }
        })
        .response
}

pub fn show(ui: &mut egui::Ui, settings: &mut Settings, paths: &Paths) -> Option<Command> {
    ui.heading(t!("settings-title"));
    let before = settings.clone();
    let mut tsa_done = false;
    egui::Grid::new("settings")
        .num_columns(2)
        .spacing([16.0, 8.0])
        .show(ui, |ui| {
            let l = ui.label(t!("settings-language"));
            language_choice(
                ui,
                "language",
                &mut settings.language,
                &t!("settings-language-system"),
            )
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

            tsa_done = tsa_rows(ui, settings);

            ui.label(t!("settings-data-folder"));
            ui.monospace(paths.data_dir.display().to_string());
            ui.end_row();
            ui.label(t!("settings-settings-file"));
            ui.monospace(paths.settings().display().to_string());
            ui.end_row();
        });
    ui.weak(t!("settings-interval-note"));
    ui.weak(t!("settings-tsa-note"));
    if *settings != before {
        if settings.language != before.language {
            crate::i18n::set_language(crate::i18n::choose(settings.language.as_deref()));
        }
        if let Err(e) = settings.save(&paths.settings()) {
            ui.colored_label(ui.visuals().error_fg_color, e.to_string());
        }
    }
    // A new authority is used once it is chosen from the list or its fields are left (not at
    // every keystroke, nor for the "https://" that "Other" starts with).
    tsa_done.then_some(Command::TsaChanged)
}

/// The authority: a well-known one, none, or a URL and CA file typed in. True when a choice
/// was made or a field was left (the stamper is told then).
fn tsa_rows(ui: &mut egui::Ui, settings: &mut Settings) -> bool {
    let mut done = false;
    let l = ui.label(t!("settings-tsa"));
    let preset = TSA_PRESETS
        .iter()
        .find(|p| settings.tsa_url.as_deref() == Some(p.url));
    let describe = |p: &TsaPreset| {
        let mut parts = vec![p.name.to_owned()];
        if p.qualified {
            parts.push(t!("settings-tsa-qualified"));
        }
        if p.own_root {
            parts.push(t!("settings-tsa-own-root"));
        }
        parts.join(" · ")
    };
    let selected = match (preset, &settings.tsa_url) {
        (Some(p), _) => describe(p),
        (None, Some(_)) => t!("settings-tsa-other"),
        (None, None) => t!("settings-tsa-none"),
    };
    egui::ComboBox::from_id_salt("tsa")
        .selected_text(selected)
        .show_ui(ui, |ui| {
            if ui
                .selectable_label(settings.tsa_url.is_none(), t!("settings-tsa-none"))
                .clicked()
            {
                settings.tsa_url = None;
                done = true;
            }
            for p in TSA_PRESETS {
                let chosen = settings.tsa_url.as_deref() == Some(p.url);
                if ui.selectable_label(chosen, describe(p)).clicked() {
                    settings.tsa_url = Some(p.url.to_owned());
                    done = true;
                }
            }
            if ui
                .selectable_label(
                    preset.is_none() && settings.tsa_url.is_some(),
                    t!("settings-tsa-other"),
                )
                .clicked()
                && (preset.is_some() || settings.tsa_url.is_none())
            {
                // Not `done`: the authority is used once its URL is typed and the field left.
                settings.tsa_url = Some("https://".into());
            }
        })
        .response
        .labelled_by(l.id);
    ui.end_row();
    if settings.tsa_url.is_some() {
        let l = ui.label(t!("settings-tsa-url"));
        let mut url = settings.tsa_url.clone().unwrap_or_default();
        let r = ui
            .add(egui::TextEdit::singleline(&mut url).desired_width(320.0))
            .labelled_by(l.id);
        if r.changed() {
            settings.tsa_url = Some(url);
        }
        done |= r.lost_focus();
        ui.end_row();
        let l = ui.label(t!("settings-tsa-ca"));
        let mut ca = settings.tsa_ca_file.clone().unwrap_or_default();
        let r = ui
            .add(egui::TextEdit::singleline(&mut ca).desired_width(320.0))
            .labelled_by(l.id);
        if r.changed() {
            settings.tsa_ca_file = Some(ca).filter(|c| !c.trim().is_empty());
        }
        done |= r.lost_focus();
        ui.end_row();
    }
    done
}
