//! The mail lists (Buffer, Sent, Failed, Drafts): search, date range, sortable virtualised
//! table, multi-select actions, and the chart over the Sent list.
//!
//! The store gives the ids in order (one query per change of folder, search or sort) and the
//! rows a page at a time for what is on screen; with 100,000 mails a frame touches only the
//! visible rows.

mod chart;

use std::collections::{BTreeSet, HashMap};

use eframe::egui;
use egui_extras::{Column, TableBuilder};

use super::command::Command;
use super::labels::{delivery_color, state_icon};
use crate::model::MessageState;
use crate::store::{ListQuery, ListRow, SortKey, Store, StoreError};
use crate::t;

/// Below this width the table leaves out the date column.
const DATE_COLUMN_MIN_WIDTH: f32 = 700.0;

/// Rows read from the store at once when the table scrolls onto rows not read yet.
const PAGE: usize = 100;

/// A list of mails, named for the states it holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Folder {
    Buffer,
    Sent,
    Failed,
    Drafts,
}

impl Folder {
    pub const ALL: [Self; 4] = [Self::Buffer, Self::Sent, Self::Failed, Self::Drafts];

    pub fn label(self) -> String {
        match self {
            Self::Buffer => t!("folder-buffer"),
            Self::Sent => t!("folder-sent"),
            Self::Failed => t!("folder-failed"),
            Self::Drafts => t!("folder-drafts"),
        }
    }

    #[must_use]
    pub fn states(self) -> &'static [MessageState] {
        match self {
            Self::Buffer => &[MessageState::Queued, MessageState::Sending],
            Self::Sent => &[MessageState::Sent],
            Self::Failed => &[MessageState::Failed, MessageState::Uncertain],
            Self::Drafts => &[MessageState::Draft],
        }
    }
}

/// One list on screen: its query, the ids in order and the rows read so far.
pub struct MailList {
    folder: Folder,
    query: ListQuery,
    /// Date range as typed (`YYYY-MM-DD`), parsed into the query.
    since_text: String,
    until_text: String,
    date_error: bool,
    ids: Vec<i64>,
    rows: HashMap<i64, ListRow>,
    checked: BTreeSet<i64>,
    /// Sends per day for the chart over the Sent list, read with the ids.
    stats: Vec<crate::store::DayStats>,
    pub focus_search: bool,
    /// The width the table's columns were last fitted to.
    laid_out_width: f32,
}

impl MailList {
    pub fn new(folder: Folder) -> Self {
        Self {
            folder,
            query: ListQuery {
                states: folder.states().to_vec(),
                descending: true,
                ..ListQuery::default()
            },
            since_text: String::new(),
            until_text: String::new(),
            date_error: false,
            ids: Vec::new(),
            rows: HashMap::new(),
            checked: BTreeSet::new(),
            stats: Vec::new(),
            focus_search: false,
            laid_out_width: 0.0,
        }
    }

    pub fn set_folder(&mut self, folder: Folder) {
        self.folder = folder;
        self.query.states = folder.states().to_vec();
        self.checked.clear();
    }

    /// Re-reads the ids; rows are read again as they are shown.
    pub fn reload(&mut self, store: &Store) -> Result<(), StoreError> {
        self.ids = store.list_ids(&self.query)?;
        self.stats = if self.folder == Folder::Sent {
            let since = jiff::Timestamp::now() - jiff::SignedDuration::from_hours(24 * 15);
            store.daily_stats(since)?
        } else {
            Vec::new()
        };
        self.rows.clear();
        let present: BTreeSet<i64> = self.ids.iter().copied().collect();
        self.checked.retain(|id| present.contains(id));
        Ok(())
    }

    /// The first mail in the list's order.
    pub fn first(&self) -> Option<i64> {
        self.ids.first().copied()
    }

    fn checked_ids(&self) -> Vec<i64> {
        self.checked.iter().copied().collect()
    }

    /// Search, date range and the actions on the checked mails; returns what was asked for.
    pub fn toolbar(&mut self, ui: &mut egui::Ui) -> Option<Command> {
        let mut command = None;
        let mut changed = false;
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(t!("search"));
            let search = ui.add(
                egui::TextEdit::singleline(&mut self.query.search)
                    .hint_text(t!("search-hint"))
                    .desired_width(220.0),
            );
            let search = search.labelled_by(label.id);
            if self.focus_search {
                search.request_focus();
                self.focus_search = false;
            }
            changed |= search.changed();
            let from = ui.label(t!("date-from"));
            changed |= ui
                .add(
                    egui::TextEdit::singleline(&mut self.since_text)
                        .hint_text(t!("date-hint"))
                        .desired_width(100.0),
                )
                .labelled_by(from.id)
                .changed();
            let to = ui.label(t!("date-to"));
            changed |= ui
                .add(
                    egui::TextEdit::singleline(&mut self.until_text)
                        .hint_text(t!("date-hint"))
                        .desired_width(100.0),
                )
                .labelled_by(to.id)
                .changed();
            if self.date_error {
                ui.colored_label(ui.visuals().error_fg_color, t!("date-invalid"));
            }
            ui.separator();
            let n = self.checked.len();
            if n > 0 {
                ui.label(t!("checked-count", count = n));
            }
            let any = n > 0;
            match self.folder {
                Folder::Buffer => {
                    if ui
                        .add_enabled(any, egui::Button::new(t!("send-checked")))
                        .clicked()
                    {
                        command = Some(Command::Send(self.checked_ids()));
                    }
                    if ui
                        .add_enabled(any, egui::Button::new(t!("delete-checked")))
                        .clicked()
                    {
                        command = Some(Command::Delete(self.checked_ids()));
                    }
                }
                Folder::Drafts => {
                    if ui
                        .add_enabled(any, egui::Button::new(t!("delete-checked")))
                        .clicked()
                    {
                        command = Some(Command::Delete(self.checked_ids()));
                    }
                }
                Folder::Failed | Folder::Sent => {
                    if self.folder == Folder::Failed
                        && ui
                            .add_enabled(any, egui::Button::new(t!("delete-checked")))
                            .clicked()
                    {
                        command = Some(Command::Delete(self.checked_ids()));
                    }
                    if ui
                        .add_enabled(any, egui::Button::new(t!("resend-checked")))
                        .on_hover_text(t!("resend-hint"))
                        .clicked()
                    {
                        command = Some(Command::Resend(self.checked_ids()));
                    }
                }
            }
            if ui.button(t!("refresh")).clicked() {
                command = Some(Command::Reload);
            }
        });
        if changed {
            let since = parse_day(&self.since_text);
            let until = parse_day(&self.until_text);
            self.date_error = since.is_err() || until.is_err();
            self.query.since = since.ok().flatten();
            // "until 2026-12-31" includes that day.
            self.query.until = until
                .ok()
                .flatten()
                .map(|t| t + jiff::SignedDuration::from_hours(24));
            command = Some(Command::Reload);
        }
        command
    }

    /// The table. Reads rows for what is visible; returns what the user asked for.
    #[allow(clippy::too_many_lines)] // the columns of one table, in order
    pub fn table(
        &mut self,
        ui: &mut egui::Ui,
        store: &Store,
        selected: Option<i64>,
    ) -> Option<Command> {
        if self.ids.is_empty() {
            ui.add_space(8.0);
            ui.weak(t!("list-empty"));
            return None;
        }
        let mut command = None;
        let mut sort_by = None;
        let text_height = egui::TextStyle::Body.resolve(ui.style()).size.max(16.0);
        let row_height = text_height + 8.0;
        let Self {
            ids,
            rows,
            checked,
            query,
            laid_out_width,
            ..
        } = self;
        let width = ui.available_width();
        // The date goes first when the window is narrow: the mail's pane shows it, while the
        // queue id and the delivery state are what the list is read for.
        let with_date = width >= DATE_COLUMN_MIN_WIDTH;
        let mut table = TableBuilder::new(ui)
            .id_salt("mail-table")
            .striped(true)
            .resizable(true)
            .sense(egui::Sense::click())
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
        if (width - *laid_out_width).abs() > 0.5 {
            // Widths dragged in a wider window would push the last columns out of sight.
            table.reset();
            *laid_out_width = width;
        }
        table = table
            .column(Column::exact(26.0))
            .column(Column::exact(26.0));
        if with_date {
            table = table.column(Column::initial(130.0).at_least(90.0));
        }
        let recipients = ((width - 520.0) * 0.4).clamp(100.0, 300.0);
        table
            .column(Column::initial(recipients).at_least(70.0).clip(true))
            .column(Column::remainder().at_least(90.0).clip(true))
            .column(Column::initial(115.0).at_least(70.0).clip(true))
            .column(Column::initial(140.0).at_least(80.0).clip(true))
            .min_scrolled_height(0.0)
            .header(22.0, |mut header| {
                header.col(|_| {});
                header.col(|ui| {
                    sort_header(ui, "", SortKey::State, query, &mut sort_by);
                });
                if with_date {
                    header.col(|ui| {
                        sort_header(ui, &t!("col-date"), SortKey::Date, query, &mut sort_by);
                    });
                }
                header.col(|ui| {
                    sort_header(ui, &t!("col-to"), SortKey::Recipient, query, &mut sort_by);
                });
                header.col(|ui| {
                    sort_header(
                        ui,
                        &t!("col-subject"),
                        SortKey::Subject,
                        query,
                        &mut sort_by,
                    );
                });
                header.col(|ui| {
                    sort_header(
                        ui,
                        &t!("col-queue-id"),
                        SortKey::QueueId,
                        query,
                        &mut sort_by,
                    );
                });
                header.col(|ui| {
                    ui.strong(t!("col-delivery"));
                });
            })
            .body(|body| {
                body.rows(row_height, ids.len(), |mut row| {
                    let index = row.index();
                    let Some(&id) = ids.get(index) else { return };
                    if !rows.contains_key(&id) {
                        // A page from here on: the next rows are about to be shown too.
                        let end = (index + PAGE).min(ids.len());
                        if let Ok(page) = store.rows(&ids[index..end]) {
                            rows.extend(page.into_iter().map(|r| (r.id, r)));
                        }
                    }
                    let Some(r) = rows.get(&id) else { return };
                    row.set_selected(selected == Some(id));
                    row.col(|ui| {
                        let mut on = checked.contains(&id);
                        let check = ui.checkbox(&mut on, "");
                        // A screen reader names the box by its mail.
                        check.widget_info(|| {
                            egui::WidgetInfo::selected(
                                egui::Role::CheckBox,
                                true,
                                on,
                                t!("check-mail", subject = r.subject.clone()),
                            )
                        });
                        if check.on_hover_text(t!("check-row")).changed() {
                            if on {
                                checked.insert(id);
                            } else {
                                checked.remove(&id);
                            }
                        }
                    });
                    row.col(|ui| {
                        let (icon, color) = state_icon(r.state, ui.visuals());
                        ui.colored_label(color, icon).on_hover_text(r.state.label());
                    });
                    // Each cell opens the mail too (a screen reader clicks cells, not rows).
                    let mut clicked = false;
                    let cell = |ui: &mut egui::Ui, text: egui::WidgetText| {
                        ui.add(
                            egui::Label::new(text)
                                .sense(egui::Sense::click())
                                .truncate(),
                        )
                        .clicked()
                    };
                    if with_date {
                        row.col(|ui| {
                            clicked |= cell(ui, crate::i18n::datetime(r.date).into());
                        });
                    }
                    row.col(|ui| {
                        clicked |= cell(ui, r.recipients.join(", ").into());
                    });
                    row.col(|ui| {
                        // The invoice number is shown when the subject does not say it.
                        let mut subject = match &r.invoice_number {
                            Some(n) if !r.subject.contains(n.as_str()) => {
                                format!("{n} · {}", r.subject)
                            }
                            _ => r.subject.clone(),
                        };
                        if r.attachments > 0 {
                            subject = format!("📎 {subject}");
                        }
                        clicked |= cell(ui, subject.into());
                    });
                    row.col(|ui| {
                        let id = r.queue_id.as_deref().unwrap_or("");
                        clicked |= cell(ui, egui::RichText::new(id).monospace().into());
                    });
                    row.col(|ui| {
                        if r.state == MessageState::Failed {
                            // Refused: no recipient's delivery will follow. Plain text: the
                            // row's red ✖ says it, and red is unreadable on a selected row.
                            clicked |= cell(ui, r.state.label().into());
                        } else if let Some(at) = r.next_attempt_at.filter(|_| r.is_retry()) {
                            let text = t!("list-retry-at", time = crate::i18n::datetime(at));
                            clicked |= cell(ui, egui::RichText::new(text).weak().into());
                        } else if let Some(d) = r.delivery_summary() {
                            // A coloured dot and plain text: readable on a selected row too.
                            let (dot, _) = ui
                                .allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
                            let color = delivery_color(d, ui.visuals());
                            ui.painter().circle_filled(dot.center(), 4.0, color);
                            clicked |= cell(ui, d.label().into());
                        }
                    });
                    if clicked {
                        command = Some(Command::Open(id));
                    }
                    if row.response().clicked() {
                        command = Some(Command::Open(id));
                    }
                });
            });
        if let Some(key) = sort_by {
            if query.sort == key {
                query.descending = !query.descending;
            } else {
                query.sort = key;
                query.descending = key == SortKey::Date;
            }
            command = Some(Command::Reload);
        }
        command
    }
}

fn sort_header(
    ui: &mut egui::Ui,
    name: &str,
    key: SortKey,
    query: &ListQuery,
    sort_by: &mut Option<SortKey>,
) {
    let arrow = match (query.sort == key, query.descending) {
        (true, true) => " ⏷",
        (true, false) => " ⏶",
        (false, _) => "",
    };
    let text = egui::RichText::new(format!("{name}{arrow}")).strong();
    if ui
        .add(egui::Button::new(text).frame(false))
        .on_hover_text(t!("sort-hint"))
        .clicked()
    {
        *sort_by = Some(key);
    }
}

/// A `YYYY-MM-DD` day as the start of that day in the user's time zone; empty is none.
fn parse_day(text: &str) -> Result<Option<jiff::Timestamp>, ()> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let date: jiff::civil::Date = text.parse().map_err(|_| ())?;
    date.to_zoned(jiff::tz::TimeZone::system())
        .map(|z| Some(z.timestamp()))
        .map_err(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_parse_or_refuse() {
        assert_eq!(parse_day(""), Ok(None));
        assert!(parse_day("2026-02-30").is_err());
        assert!(parse_day("yesterday").is_err());
        assert!(parse_day(" 2026-11-23 ").unwrap().is_some());
    }
}
