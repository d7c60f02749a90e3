//! The mail lists (Buffer, Sent, Failed, Drafts): search, date range, sortable virtualised
//! table, multi-select actions, and the chart over the Sent list.
//!
//! The store gives the ids in order (one query per change of folder, search or sort) and the
//! rows a page at a time for what is on screen; with 100,000 mails a frame touches only the
//! visible rows.

use std::collections::{BTreeSet, HashMap};

use eframe::egui;
use egui_extras::{Column, TableBuilder};

use crate::model::{DeliveryState, MessageState};
use crate::store::{ListQuery, ListRow, SortKey, Store, StoreError};
use crate::t;

/// Rows read from the store at once when the table scrolls onto rows not read yet.
const PAGE: usize = 100;

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

/// What the user asked for; the app carries it out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    None,
    Open(i64),
    Send(Vec<i64>),
    Resend(Vec<i64>),
    Delete(Vec<i64>),
    Edit(i64),
    Reload,
    UseSandbox,
}

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

    /// Search, date range and the actions on the checked mails.
    pub fn toolbar(&mut self, ui: &mut egui::Ui) -> Action {
        let mut action = Action::None;
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
                        .hint_text("2026-01-31")
                        .desired_width(90.0),
                )
                .labelled_by(from.id)
                .changed();
            let to = ui.label(t!("date-to"));
            changed |= ui
                .add(
                    egui::TextEdit::singleline(&mut self.until_text)
                        .hint_text("2026-12-31")
                        .desired_width(90.0),
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
                        action = Action::Send(self.checked_ids());
                    }
                    if ui
                        .add_enabled(any, egui::Button::new(t!("delete-checked")))
                        .clicked()
                    {
                        action = Action::Delete(self.checked_ids());
                    }
                }
                Folder::Drafts => {
                    if ui
                        .add_enabled(any, egui::Button::new(t!("delete-checked")))
                        .clicked()
                    {
                        action = Action::Delete(self.checked_ids());
                    }
                }
                Folder::Failed | Folder::Sent => {
                    if ui
                        .add_enabled(any, egui::Button::new(t!("resend-checked")))
                        .on_hover_text(t!("resend-hint"))
                        .clicked()
                    {
                        action = Action::Resend(self.checked_ids());
                    }
                }
            }
            if ui.button(t!("refresh")).clicked() {
                action = Action::Reload;
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
            action = Action::Reload;
        }
        action
    }

    /// The table. Reads rows for what is visible; returns the user's action.
    #[allow(clippy::too_many_lines)] // the columns of one table, in order
    pub fn table(&mut self, ui: &mut egui::Ui, store: &Store, selected: Option<i64>) -> Action {
        if self.ids.is_empty() {
            ui.add_space(8.0);
            ui.weak(t!("list-empty"));
            return Action::None;
        }
        let mut action = Action::None;
        let mut sort_by = None;
        let text_height = egui::TextStyle::Body.resolve(ui.style()).size.max(16.0);
        let row_height = text_height + 8.0;
        let Self {
            ids,
            rows,
            checked,
            query,
            ..
        } = self;
        TableBuilder::new(ui)
            .id_salt("mail-table")
            .striped(true)
            .resizable(true)
            .sense(egui::Sense::click())
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::exact(26.0))
            .column(Column::exact(26.0))
            .column(Column::initial(130.0).at_least(90.0))
            .column(Column::initial(270.0).at_least(100.0).clip(true))
            .column(Column::remainder().at_least(160.0).clip(true))
            .column(Column::initial(120.0).at_least(80.0).clip(true))
            .column(Column::initial(150.0).at_least(90.0).clip(true))
            .min_scrolled_height(0.0)
            .header(22.0, |mut header| {
                header.col(|_| {});
                header.col(|ui| {
                    sort_header(ui, "", SortKey::State, query, &mut sort_by);
                });
                header.col(|ui| {
                    sort_header(ui, &t!("col-date"), SortKey::Date, query, &mut sort_by);
                });
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
                        ui.colored_label(color, icon)
                            .on_hover_text(state_label(r.state));
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
                    row.col(|ui| {
                        clicked |= cell(ui, crate::i18n::datetime(r.date).into());
                    });
                    row.col(|ui| {
                        clicked |= cell(ui, r.recipients.join(", ").into());
                    });
                    row.col(|ui| {
                        clicked |= cell(ui, r.subject.as_str().into());
                    });
                    row.col(|ui| {
                        let id = r.queue_id.as_deref().unwrap_or("");
                        clicked |= cell(ui, egui::RichText::new(id).monospace().into());
                    });
                    row.col(|ui| {
                        if let Some(d) = r.delivery_summary() {
                            // A coloured dot and plain text: readable on a selected row too.
                            let (dot, _) = ui
                                .allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
                            let color = delivery_color(d, ui.visuals());
                            ui.painter().circle_filled(dot.center(), 4.0, color);
                            clicked |= cell(ui, delivery_label(d).into());
                        }
                    });
                    if clicked {
                        action = Action::Open(id);
                    }
                    if row.response().clicked() {
                        action = Action::Open(id);
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
            action = Action::Reload;
        }
        action
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

pub fn state_icon(state: MessageState, v: &egui::Visuals) -> (&'static str, egui::Color32) {
    match state {
        MessageState::Draft => ("✏", v.weak_text_color()),
        MessageState::Queued => ("⏳", v.text_color()),
        MessageState::Sending => ("➡", v.hyperlink_color),
        MessageState::Sent => ("✔", ok_color(v)),
        MessageState::Failed => ("✖", v.error_fg_color),
        MessageState::Uncertain => ("❓", v.warn_fg_color),
    }
}

fn ok_color(v: &egui::Visuals) -> egui::Color32 {
    if v.dark_mode {
        egui::Color32::from_rgb(110, 200, 120)
    } else {
        egui::Color32::from_rgb(20, 130, 40)
    }
}

pub fn state_label(state: MessageState) -> String {
    match state {
        MessageState::Draft => t!("state-draft"),
        MessageState::Queued => t!("state-queued"),
        MessageState::Sending => t!("state-sending"),
        MessageState::Sent => t!("state-sent"),
        MessageState::Failed => t!("state-failed"),
        MessageState::Uncertain => t!("state-uncertain"),
    }
}

pub fn delivery_label(d: DeliveryState) -> String {
    match d {
        DeliveryState::Pending => t!("delivery-pending"),
        DeliveryState::Accepted => t!("delivery-accepted"),
        DeliveryState::Rejected => t!("delivery-rejected"),
        DeliveryState::Delivered => t!("delivery-delivered"),
        DeliveryState::Relayed => t!("delivery-relayed"),
        DeliveryState::Delayed => t!("delivery-delayed"),
        DeliveryState::Bounced => t!("delivery-bounced"),
        DeliveryState::Read => t!("delivery-read"),
    }
}

pub fn delivery_color(d: DeliveryState, v: &egui::Visuals) -> egui::Color32 {
    match d {
        DeliveryState::Delivered | DeliveryState::Read => ok_color(v),
        DeliveryState::Bounced | DeliveryState::Rejected => v.error_fg_color,
        DeliveryState::Delayed => v.warn_fg_color,
        DeliveryState::Pending | DeliveryState::Accepted | DeliveryState::Relayed => v.text_color(),
    }
}

impl MailList {
    /// Sends per day over the last two weeks, with delivered and problem recipients.
    pub fn chart(&self, ui: &mut egui::Ui) {
        chart(ui, &self.stats);
    }
}

fn chart(ui: &mut egui::Ui, stats: &[crate::store::DayStats]) {
    if stats.is_empty() {
        return;
    }
    // The last two weeks, days without sends included, so the bars keep their width.
    let today = jiff::Zoned::now().date();
    let days: Vec<crate::store::DayStats> = (0..14)
        .rev()
        .filter_map(|back| today.checked_sub(jiff::Span::new().days(back)).ok())
        .map(|day| {
            let name = day.to_string();
            stats
                .iter()
                .find(|s| s.day == name)
                .cloned()
                .unwrap_or(crate::store::DayStats {
                    day: name,
                    ..crate::store::DayStats::default()
                })
        })
        .collect();
    let bars = |f: fn(&crate::store::DayStats) -> u32| -> Vec<egui_plot::Bar> {
        days.iter()
            .enumerate()
            .map(|(i, d)| egui_plot::Bar::new(i as f64, f64::from(f(d))).width(0.28))
            .collect()
    };
    let sent = egui_plot::BarChart::new(t!("chart-sent"), bars(|d| d.sent))
        .color(egui::Color32::from_rgb(70, 130, 200));
    let delivered = egui_plot::BarChart::new(t!("chart-delivered"), {
        let mut b = bars(|d| d.delivered);
        for bar in &mut b {
            bar.argument += 0.3;
        }
        b
    })
    .color(egui::Color32::from_rgb(60, 170, 90));
    let problems = egui_plot::BarChart::new(t!("chart-problems"), {
        let mut b = bars(|d| d.problems);
        for bar in &mut b {
            bar.argument -= 0.3;
        }
        b
    })
    .color(egui::Color32::from_rgb(210, 80, 70));
    let labels: Vec<String> = days
        .iter()
        .map(|d| {
            d.day
                .parse::<jiff::civil::Date>()
                .map_or_else(|_| d.day.clone(), crate::i18n::day_month)
        })
        .collect();
    egui_plot::Plot::new("sent-chart")
        .height(110.0)
        .allow_scroll(false)
        .allow_zoom(false)
        .allow_drag(false)
        .show_grid([false, true])
        .legend(egui_plot::Legend::default().position(egui_plot::Corner::LeftTop))
        .include_x(-0.6)
        .include_x(13.6)
        .include_y(0.0)
        .x_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() > 0.01 || i < 0.0 {
                return String::new();
            }
            labels.get(i as usize).cloned().unwrap_or_default()
        })
        .show(ui, |plot| {
            plot.bar_chart(sent);
            plot.bar_chart(delivered);
            plot.bar_chart(problems);
        });
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
