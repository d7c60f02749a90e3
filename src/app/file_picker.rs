//! Stempel's own file picker, for attachments where the desktop offers no file dialog (no XDG
//! portal: a minimal desktop, a fresh install, a remote session). Folders and files of one
//! folder, the usual places (home, Documents, Downloads, Desktop), a path to type, several
//! files chosen at once.
//!
//! Written by hand: egui-file-dialog, the crate made for this, follows an older egui than the
//! window's, and rfd's GTK backend would make GTK's development files a build requirement.
//! Folders are read on a job thread ([`super::jobs::Jobs::list_folder`]); drawing only shows
//! the last listing.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use eframe::egui;

use super::command::Command;
use crate::t;

/// One entry of a folder, as listed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    pub is_folder: bool,
    pub size: u64,
}

/// Reads `folder` for the picker: folders first, then files, each by name (case ignored);
/// hidden entries (a leading dot) left out. Runs on a job thread.
pub fn list(folder: &Path) -> std::io::Result<Vec<Entry>> {
    let mut entries = Vec::new();
    for entry in std::fs::read_dir(folder)? {
        let Ok(entry) = entry else { continue };
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        // Through symbolic links: a link to a folder is a folder to open.
        let Ok(meta) = std::fs::metadata(entry.path()) else {
            continue;
        };
        entries.push(Entry {
            name,
            is_folder: meta.is_dir(),
            size: meta.len(),
        });
    }
    entries.sort_by_cached_key(|e| (!e.is_folder, e.name.to_lowercase()));
    Ok(entries)
}

/// The picker while it is open.
pub struct FilePicker {
    /// The folder shown (or being read).
    folder: PathBuf,
    /// The path field as typed.
    typed: String,
    /// The folder's entries once read; `Err` says why it could not be.
    listing: Option<Result<Vec<Entry>, String>>,
    chosen: BTreeSet<PathBuf>,
    /// The usual folders (home, Documents, Downloads, Desktop) with their names, found once.
    places: Vec<(String, PathBuf)>,
}

impl FilePicker {
    /// A picker on `folder`; the caller has the folder read ([`Command::PickerOpen`]).
    pub fn new(folder: PathBuf) -> Self {
        let places = directories::UserDirs::new()
            .map(|dirs| {
                [
                    (t!("picker-home"), Some(dirs.home_dir())),
                    (t!("picker-documents"), dirs.document_dir()),
                    (t!("picker-downloads"), dirs.download_dir()),
                    (t!("picker-desktop"), dirs.desktop_dir()),
                ]
                .into_iter()
                .filter_map(|(name, path)| Some((name, path?.to_path_buf())))
                .collect()
            })
            .unwrap_or_default();
        Self {
            typed: folder.display().to_string(),
            folder,
            listing: None,
            chosen: BTreeSet::new(),
            places,
        }
    }

    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// Moves to `folder` (its listing follows from the job); the choice so far is kept.
    pub fn go(&mut self, folder: PathBuf) {
        self.typed = folder.display().to_string();
        self.folder = folder;
        self.listing = None;
    }

    /// The listing of `folder` arrived; one for a folder left meanwhile is dropped.
    pub fn listed(&mut self, folder: &Path, listing: Result<Vec<Entry>, String>) {
        if folder == self.folder {
            self.listing = Some(listing);
        }
    }

    /// The picker as a dialog over the window; returns what the user asked for.
    pub fn show(&mut self, ctx: &egui::Context) -> Option<Command> {
        let mut command = None;
        egui::Modal::new(egui::Id::unique("file-picker")).show(ctx, |ui| {
            ui.set_width(620.0_f32.min(ctx.content_rect().width() - 40.0));
            ui.heading(t!("picker-title"));
            command = self.places(ui);
            let list_height = (ctx.content_rect().height() - 260.0).clamp(120.0, 420.0);
            egui::ScrollArea::vertical()
                .id_salt("picker-entries")
                .max_height(list_height)
                .min_scrolled_height(list_height)
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    if let Some(c) = self.entries(ui) {
                        command = Some(c);
                    }
                });
            ui.separator();
            ui.horizontal(|ui| {
                let n = self.chosen.len();
                if ui
                    .add_enabled(n > 0, egui::Button::new(t!("picker-add", count = n)))
                    .clicked()
                {
                    command = Some(Command::PickerDone(self.chosen.iter().cloned().collect()));
                }
                if ui.button(t!("cancel")).clicked() {
                    command = Some(Command::PickerDone(Vec::new()));
                }
            });
        });
        command
    }

    /// Up, the usual folders and the path field.
    fn places(&mut self, ui: &mut egui::Ui) -> Option<Command> {
        let mut command = None;
        ui.horizontal_wrapped(|ui| {
            if let Some(parent) = self.folder.parent()
                && ui.button(t!("picker-up")).clicked()
            {
                command = Some(Command::PickerOpen(parent.to_path_buf()));
            }
            for (name, path) in &self.places {
                if ui.button(name).clicked() {
                    command = Some(Command::PickerOpen(path.clone()));
                }
            }
        });
        ui.horizontal(|ui| {
            let label = ui.label(t!("picker-folder"));
            let field = ui
                .add(egui::TextEdit::singleline(&mut self.typed).desired_width(f32::INFINITY))
                .labelled_by(label.id);
            if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                command = Some(Command::PickerOpen(PathBuf::from(self.typed.trim())));
            }
        });
        command
    }

    /// The folder's entries: a folder opens on click, a file is chosen or unchosen.
    fn entries(&mut self, ui: &mut egui::Ui) -> Option<Command> {
        let entries = match &self.listing {
            None => {
                ui.spinner();
                return None;
            }
            Some(Err(why)) => {
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    t!("picker-unreadable", reason = why.clone()),
                );
                return None;
            }
            Some(Ok(entries)) if entries.is_empty() => {
                ui.weak(t!("picker-empty"));
                return None;
            }
            Some(Ok(entries)) => entries,
        };
        let mut command = None;
        for entry in entries {
            let path = self.folder.join(&entry.name);
            if entry.is_folder {
                if ui
                    .selectable_label(false, format!("📁 {}", entry.name))
                    .clicked()
                {
                    command = Some(Command::PickerOpen(path));
                }
            } else {
                let mut on = self.chosen.contains(&path);
                let text = format!("{}  ({})", entry.name, crate::i18n::size(entry.size));
                if ui.checkbox(&mut on, text).changed() {
                    if on {
                        self.chosen.insert(path);
                    } else {
                        self.chosen.remove(&path);
                    }
                }
            }
        }
        command
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_come_first_and_hidden_entries_stay_hidden() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("b-faktura.pdf"), b"12345").unwrap();
        std::fs::write(dir.path().join("A-faktura.pdf"), b"1").unwrap();
        std::fs::write(dir.path().join(".hidden"), b"").unwrap();
        std::fs::create_dir(dir.path().join("zamówienia")).unwrap();
        let names: Vec<_> = list(dir.path())
            .unwrap()
            .into_iter()
            .map(|e| (e.name, e.is_folder, e.size))
            .collect();
        assert_eq!(names[0].0, "zamówienia");
        assert!(names[0].1);
        assert_eq!(
            names[1..],
            [
                ("A-faktura.pdf".to_owned(), false, 1),
                ("b-faktura.pdf".to_owned(), false, 5)
            ]
        );
        assert!(list(&dir.path().join("missing")).is_err());
    }
}
