//! The window under `egui_kittest`: the real app state on a data folder, the real workers,
//! and the sandbox SMTP server on loopback. Controls are found by their labels, as a user (or a
//! screen reader) finds them.

use std::path::Path;
use std::time::{Duration, Instant};

use eframe::egui;
use eframe::egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use stempel::app::{Services, StempelApp};
use stempel::config::{Paths, Settings};
use stempel::store::Store;

pub struct Window {
    pub harness: Harness<'static, StempelApp>,
    pub paths: Paths,
    /// The data folder, removed on drop, when the window made it.
    dir: Option<tempfile::TempDir>,
}

/// A window on a new, empty data folder (removed when the window is dropped).
pub fn open() -> Window {
    let dir = tempfile::tempdir().unwrap();
    let mut window = open_in(dir.path(), [1280.0, 900.0]);
    window.dir = Some(dir);
    window
}

/// A window of `size` on the data folder `dir` (kept).
pub fn open_in(dir: &Path, size: [f32; 2]) -> Window {
    let paths = Paths::resolve(Some(dir)).unwrap();
    paths.create().unwrap();
    let store = Store::open(&paths.database()).unwrap();
    let p = paths.clone();
    let harness = Harness::builder().with_size(size).build_eframe(move |cc| {
        let mut services = Services::start(store, &p, Settings::default(), &cc.egui_ctx);
        // "Save proof…" writes into the data folder instead of asking (no dialog here).
        services.proof_folder = Some(p.data_dir.clone());
        // No desktop portal here: "Add files…" opens Stempel's own picker.
        services.native_dialogs = false;
        StempelApp::new(&cc.egui_ctx, services)
    });
    Window {
        harness,
        paths,
        dir: None,
    }
}

impl Window {
    /// Steps frames until `label` (a substring) is on screen; the workers run meanwhile.
    pub fn wait_for(&mut self, label: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            self.harness.step();
            if self
                .harness
                .query_all_by_label_contains(label)
                .next()
                .is_some()
            {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "{label:?} did not appear; the window shows:\n{:#?}",
                self.harness.root()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Clicks the control called `label` (a button, tab or link, not a plain text of that name).
    /// A frame is drawn first, as a user looks before clicking: what the last frame's commands
    /// changed (a warning that appeared) may have moved the control.
    pub fn click(&mut self, label: &str) {
        self.harness.step();
        let node = self
            .harness
            .query_all_by_label(label)
            .find(|n| n.accesskit_node().role() != Role::Label)
            .unwrap_or_else(|| {
                let found: Vec<_> = self
                    .harness
                    .query_all_by_label(label)
                    .map(|n| n.accesskit_node().role())
                    .collect();
                panic!("no control {label:?}; nodes of that name: {found:?}")
            });
        node.click();
        self.harness.step();
        self.harness.step();
    }

    /// Clicks the last control called `label`: the one in a dialog drawn over the window.
    pub fn click_last(&mut self, label: &str) {
        self.harness
            .query_all_by_label(label)
            .rfind(|n| n.accesskit_node().role() != Role::Label)
            .unwrap_or_else(|| panic!("no control {label:?}"))
            .click();
        self.harness.step();
        self.harness.step();
    }

    /// Whether some text on screen contains `text`.
    pub fn shows(&self, text: &str) -> bool {
        self.harness
            .query_all_by_label_contains(text)
            .next()
            .is_some()
    }

    /// Replaces the text of the (first) text field called `field`.
    pub fn replace_in(&mut self, field: &str, text: &str) {
        self.harness
            .query_all_by_role_and_label(Role::TextInput, field)
            .next()
            .unwrap_or_else(|| panic!("no text field {field:?}"))
            .focus();
        self.harness.step();
        self.harness
            .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        self.harness.step();
        self.harness
            .query_all_by_role_and_label(Role::TextInput, field)
            .next()
            .unwrap()
            .type_text(text);
        self.harness.step();
    }

    /// Types into the (first) text or password field called `field`.
    pub fn type_into(&mut self, field: &str, text: &str) {
        fn find<'h>(h: &'h Harness<'static, StempelApp>, field: &'h str) -> egui_kittest::Node<'h> {
            h.query_all_by_label(field)
                .find(|n| {
                    matches!(
                        n.accesskit_node().role(),
                        Role::TextInput | Role::PasswordInput
                    )
                })
                .unwrap_or_else(|| panic!("no text field {field:?}"))
        }
        find(&self.harness, field).focus();
        self.harness.step();
        find(&self.harness, field).type_text(text);
        self.harness.step();
    }

    /// Opens the mail whose list row shows `subject` (a click on the row's subject cell).
    pub fn open_row(&mut self, subject: &str) {
        self.harness
            .query_all_by_label_contains(subject)
            .find(|n| n.accesskit_node().role() == Role::Label)
            .unwrap_or_else(|| panic!("no row {subject:?}"))
            .click();
        self.harness.step();
    }

    /// Opens the sandbox's example mail in Compose (the first-run path).
    pub fn sandbox_compose(&mut self) {
        self.wait_for("Try the sandbox");
        self.click("Try the sandbox");
        self.wait_for("Put in buffer");
    }
}
