//! The chart over the Sent list: sends per day over the last two weeks, with the recipients
//! delivered and those with a problem beside them (`egui_plot`). It draws the daily counts the
//! list read with its ids; it reads nothing itself.

use eframe::egui;

use super::MailList;
use crate::store::DayStats;
use crate::t;

impl MailList {
    /// Sends per day over the last two weeks, with delivered and problem recipients.
    pub fn chart(&self, ui: &mut egui::Ui) {
        chart(ui, &self.stats);
    }
}

fn chart(ui: &mut egui::Ui, stats: &[DayStats]) {
    if stats.is_empty() {
        return;
    }
    // The last two weeks, days without sends included, so the bars keep their width.
    let today = jiff::Zoned::now().date();
    let days: Vec<DayStats> = (0..14)
        .rev()
        .filter_map(|back| today.checked_sub(jiff::Span::new().days(back)).ok())
        .map(|day| {
            let name = day.to_string();
            stats
                .iter()
                .find(|s| s.day == name)
                .cloned()
                .unwrap_or(DayStats {
                    day: name,
                    ..DayStats::default()
                })
        })
        .collect();
    let bars = |f: fn(&DayStats) -> u32| -> Vec<egui_plot::Bar> {
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
