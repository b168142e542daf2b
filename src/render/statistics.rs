//! The statistics pages of a directory: an index of academic years and a
//! page per year with totals, a per-region table, quarter sums and SVG bar
//! charts. The sums come from `content::stats`; this module only lays them
//! out for the templates.

use serde::Serialize;

use super::Env;
use super::charts::{Bar, ChartText, bar_chart};
use super::kinds::PageKind;
use super::links::PageId;
use super::pages::{Crumb, Extra, Partial, json, year_title};
use super::views::Text;
use crate::content::model::{Indicator, Quarter};
use crate::content::stats::{Totals, YearStats, report_years, year_stats};
use crate::i18n::{Arg, compare, format_number};
use crate::types::AcademicYear;

/// A column of figures. The core indicators (CONTENT-FORMAT.md §5) are
/// always columns, as "no data" when nobody gave them; the others appear
/// when given.
#[derive(Serialize)]
struct Column {
    key: Indicator,
    label_key: String,
}

/// A figure with the number of clubs it comes from: each cell of a row
/// may cover other clubs (clubs report different indicators), so the
/// tables show it beside the figure (`partials/stat-cell.html`).
#[derive(Serialize)]
struct Cell {
    value: Option<u64>,
    clubs: usize,
    /// A percentage (the resolution rate), not a sum.
    percent: bool,
}

/// A row of sums: the whole directory, a region, or a quarter.
#[derive(Serialize)]
struct Row<'a> {
    key: &'a str,
    name: Option<Text<'a>>,
    short: Option<Text<'a>>,
    label_key: Option<String>,
    href: Option<String>,
    listed: usize,
    reported: usize,
    cells: Vec<Cell>,
    rate: Cell,
}

#[derive(Serialize)]
struct ChartView {
    id: String,
    title: String,
    desc: String,
    svg: String,
    head: String,
    rows: Vec<(String, Option<u64>)>,
}

#[derive(Serialize)]
struct YearLink {
    year: String,
    label: String,
    href: String,
    current: bool,
    listed: usize,
    reported: usize,
    ongoing: usize,
    cases: Option<u64>,
    rate: Option<u64>,
}

fn row<'a>(key: &'a str, totals: &Totals, columns: &[Column]) -> Row<'a> {
    Row {
        key,
        name: None,
        short: None,
        label_key: None,
        href: None,
        listed: totals.listed,
        reported: totals.reported,
        cells: columns
            .iter()
            .map(|c| {
                let sum = totals.get(c.key);
                Cell {
                    value: sum.map(|s| s.value),
                    clubs: sum.map_or(0, |s| s.clubs),
                    percent: false,
                }
            })
            .collect(),
        rate: Cell {
            value: totals.rate.percent(),
            clubs: totals.rate.clubs,
            percent: true,
        },
    }
}

/// Columns: the indicators `given` (in display order), plus every core
/// indicator when `all_core`.
fn columns_where(given: impl Fn(Indicator) -> bool, all_core: bool) -> Vec<Column> {
    Indicator::ALL
        .iter()
        .filter(|k| (all_core && k.is_core()) || given(**k))
        .map(|k| Column {
            key: *k,
            label_key: k.label_key(),
        })
        .collect()
}

impl<'a> Env<'a> {
    fn year_links(&self, current: Option<AcademicYear>) -> Vec<YearLink> {
        report_years(&self.site.clubs)
            .into_iter()
            .map(|y| {
                let s = year_stats(&self.site.clubs, y);
                YearLink {
                    year: y.slug(),
                    label: y.label(),
                    href: self.href(&PageId::Statistics(y)),
                    current: current == Some(y),
                    listed: s.total.listed,
                    reported: s.total.reported,
                    ongoing: s.ongoing,
                    cases: s.total.get(Indicator::Cases).map(|c| c.value),
                    rate: s.total.rate.percent(),
                }
            })
            .collect()
    }

    fn region_rows(&self, stats: &'a YearStats, columns: &[Column]) -> Vec<Row<'a>> {
        let mut rows: Vec<(&'a str, Row<'a>)> = stats
            .regions
            .iter()
            .map(|(code, totals)| {
                let link = self.region_link(code);
                let row = Row {
                    name: Some(link.name),
                    short: Some(link.short),
                    href: Some(link.href),
                    ..row(code, totals, columns)
                };
                (link.sort, row)
            })
            .collect();
        // By the proper name: «Город Алматы» among the A's.
        let lang = self.lang;
        rows.sort_by(|a, b| compare(lang, a.0, b.0));
        rows.into_iter().map(|(_, row)| row).collect()
    }

    fn chart(&self, id: String, title: String, desc_key: &str, bars: Vec<Bar>) -> ChartView {
        let desc = self.i18n.get(self.lang, desc_key);
        let svg = bar_chart(
            &ChartText {
                id: &id,
                title: &title,
                desc: &desc,
            },
            &bars,
        );
        ChartView {
            id,
            head: self.i18n.get(self.lang, "field-region"),
            rows: bars.into_iter().map(|b| (b.label, b.value)).collect(),
            title,
            desc,
            svg,
        }
    }

    fn bar(&self, label: String, value: Option<u64>) -> Bar {
        Bar {
            label,
            value,
            shown: value.map_or_else(
                || self.i18n.get(self.lang, "stat-no-data"),
                |v| format_number(self.lang, i64::try_from(v).unwrap_or(i64::MAX)),
            ),
        }
    }

    fn charts(
        &self,
        regions: &[Row<'_>],
        quarters: &[Row<'_>],
        columns: &[Column],
        quarter_columns: &[Column],
    ) -> Vec<ChartView> {
        let mut charts = Vec::new();
        for (i, col) in columns.iter().enumerate() {
            if !col.key.is_core() || regions.iter().all(|r| r.cells[i].value.is_none()) {
                continue;
            }
            let label = self.i18n.get(self.lang, &col.label_key);
            let title = self.message("chart-by-region", &label);
            let bars = regions
                .iter()
                .map(|r| {
                    let name = r.short.or(r.name).map(|n| n.text.to_string());
                    self.bar(name.unwrap_or_default(), r.cells[i].value)
                })
                .collect();
            charts.push(self.chart(
                format!("chart-{}", col.key.key()),
                title,
                "chart-by-region-desc",
                bars,
            ));
        }
        for (i, col) in quarter_columns.iter().enumerate() {
            let label = self.i18n.get(self.lang, &col.label_key);
            let title = self.message("chart-by-quarter", &label);
            let bars = quarters
                .iter()
                .map(|q| {
                    let name = q.label_key.as_deref().map(|k| self.i18n.get(self.lang, k));
                    self.bar(name.unwrap_or_default(), q.cells[i].value)
                })
                .collect();
            let mut chart = self.chart(
                format!("chart-q-{}", col.key.key()),
                title,
                "chart-by-quarter-desc",
                bars,
            );
            chart.head = self.i18n.get(self.lang, "report-period");
            charts.push(chart);
        }
        charts
    }

    fn message(&self, id: &str, indicator: &str) -> String {
        self.i18n
            .message(self.lang, id, &[("indicator", Arg::Str(indicator))])
            .unwrap_or_default()
    }
}

/// The statistics index: every academic year with its headline figures.
pub(super) fn index(env: &Env<'_>, id: &PageId) -> (Partial, Extra) {
    let mut p = Partial::new(
        PageKind::StatisticsIndex,
        &env.i18n.get(env.lang, "nav-statistics"),
        id.clone(),
    );
    p.nav = "statistics";
    (
        p,
        vec![
            ("years", json(&env.year_links(None))),
            ("clubs_count", json(&env.site.clubs.len())),
            ("exports", json(&exports(env))),
        ],
    )
}

/// The statistics of one academic year.
pub(super) fn year(env: &Env<'_>, id: &PageId, year: AcademicYear) -> (Partial, Extra) {
    let stats = year_stats(&env.site.clubs, year);
    let title = year_title(env, "stat-year-title", year);
    let mut p = Partial::new(PageKind::Statistics, &title, id.clone());
    p.nav = "statistics";
    p.crumbs.push(Crumb::new(
        env.i18n.get(env.lang, "nav-statistics"),
        env.href(&PageId::StatisticsIndex),
    ));
    let columns = columns_where(|k| stats.total.get(k).is_some(), true);
    let regions = env.region_rows(&stats, &columns);
    let quarter_columns = columns_where(
        |k| stats.quarters.values().any(|q| q.get(k).is_some()),
        false,
    );
    let quarters: Vec<Row<'_>> = Quarter::ALL
        .iter()
        .filter_map(|q| {
            let totals = stats.quarters.get(q)?;
            Some(Row {
                label_key: Some(format!("quarter-{}", q.key())),
                ..row(q.key(), totals, &quarter_columns)
            })
        })
        .collect();
    let charts = env.charts(&regions, &quarters, &columns, &quarter_columns);
    let total = row("total", &stats.total, &columns);
    (
        p,
        vec![
            ("year", json(&year.slug())),
            ("label", json(&year.label())),
            ("ongoing", json(&stats.ongoing)),
            ("columns", json(&columns)),
            ("total", json(&total)),
            ("regions", json(&regions)),
            ("quarter_columns", json(&quarter_columns)),
            ("quarters", json(&quarters)),
            ("charts", json(&charts)),
            ("years", json(&env.year_links(Some(year)))),
            ("exports", json(&exports(env))),
        ],
    )
}

#[derive(Serialize)]
struct Exports {
    csv: String,
    excel: String,
    json: String,
}

fn exports(env: &Env<'_>) -> Exports {
    Exports {
        csv: format!("{}data/indicators.csv", env.root),
        excel: format!("{}data/indicators-excel.csv", env.root),
        json: format!("{}data/clubs.json", env.root),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{builtin_messages, message_ids};

    #[test]
    fn every_indicator_and_quarter_has_a_label_in_every_language() {
        let labels = Indicator::ALL
            .iter()
            .map(|i| i.label_key())
            .chain(Quarter::ALL.iter().map(|q| format!("quarter-{}", q.key())));
        let labels: Vec<String> = labels.collect();
        for lang in ["kk", "ru", "en"] {
            let ids = message_ids(builtin_messages(lang).unwrap());
            for label in &labels {
                assert!(ids.contains(label), "{lang}.ftl has no `{label}`");
            }
        }
    }
}
