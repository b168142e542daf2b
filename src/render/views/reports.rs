//! The views of a club's reports and activity plans: a report in a list
//! (its figures), a whole report (with its quarters and text), a plan with
//! its items, a link to a plan; and which plan is current.
//!
//! Layer 4 (render): borrows the model through the page's [`Env`].

use serde::Serialize;

use super::super::Env;
use super::super::links::PageId;
use super::Text;
use crate::content::{Club, Figures, Indicator, Plan, PlanFormat, PlanItem, Report, Status, When};
use crate::types::{AcademicYear, Date};

#[derive(Serialize)]
pub(crate) struct IndicatorView {
    pub key: Indicator,
    pub label_key: String,
    pub value: Option<u64>,
}

/// A report in a list: on the club page and the reports page with every
/// figure given, on a directory's club card with the card indicators only.
#[derive(Serialize)]
pub(crate) struct ReportSummary {
    year: String,
    label: String,
    status: Status,
    href: String,
    indicators: Vec<IndicatorView>,
    resolution_rate: Option<u64>,
}

#[derive(Serialize)]
pub(crate) struct ReportView {
    #[serde(flatten)]
    summary: ReportSummary,
    body: Option<String>,
    quarters: Vec<QuarterView>,
}

#[derive(Serialize)]
struct QuarterView {
    key: &'static str,
    label_key: String,
    values: Vec<IndicatorView>,
}

#[derive(Serialize)]
pub(crate) struct PlanView<'a> {
    year: String,
    label: String,
    href: String,
    approved: Option<String>,
    items: Vec<PlanItemView<'a>>,
}

#[derive(Serialize)]
struct PlanItemView<'a> {
    when: String,
    when_label: String,
    title: Text<'a>,
    format: Option<PlanFormat>,
    format_label: Option<String>,
    audience: Option<Text<'a>>,
    responsible: Option<Text<'a>>,
    done: Option<bool>,
    /// Not done, and not yet due on the build date: planned, not failed.
    planned: bool,
}

#[derive(Serialize)]
pub(crate) struct PlanLink {
    year: String,
    label: String,
    href: String,
}

impl<'a> Env<'a> {
    /// The summary of report `r` of `club`, with every figure it gives.
    pub(crate) fn report_summary(&self, club: &'a Club, r: &'a Report) -> ReportSummary {
        self.report_summary_of(club, r, |_| true)
    }

    /// The summary of report `r` of `club`, with the figures it gives of
    /// the indicators `shown`.
    pub(crate) fn report_summary_of(
        &self,
        club: &'a Club,
        r: &'a Report,
        shown: impl Fn(Indicator) -> bool,
    ) -> ReportSummary {
        ReportSummary {
            year: r.year.slug(),
            label: r.year.label(),
            status: r.status,
            href: self.href(&PageId::Report(club.slug.clone(), r.year)),
            indicators: indicators(&r.figures, shown),
            resolution_rate: resolution_rate(&r.figures),
        }
    }

    pub(crate) fn report(&self, club: &'a Club, r: &'a Report) -> ReportView {
        let keys: Vec<Indicator> = Indicator::ALL
            .iter()
            .copied()
            .filter(|k| r.quarters.values().any(|q| q.contains_key(k)))
            .collect();
        ReportView {
            summary: self.report_summary(club, r),
            body: self.html(&r.body),
            quarters: r
                .quarters
                .iter()
                .map(|(q, figures)| QuarterView {
                    key: q.key(),
                    label_key: format!("quarter-{}", q.key()),
                    values: keys
                        .iter()
                        .map(|k| IndicatorView {
                            key: *k,
                            label_key: k.label_key(),
                            value: figures.get(k).copied(),
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    pub(crate) fn plan(&self, club: &'a Club, p: &'a Plan) -> PlanView<'a> {
        PlanView {
            year: p.year.slug(),
            label: p.year.label(),
            href: self.href(&PageId::Plan(club.slug.clone(), p.year)),
            approved: p.approved.map(|d| d.to_string()),
            items: p.items.iter().map(|i| self.plan_item(p, i)).collect(),
        }
    }

    fn plan_item(&self, p: &Plan, i: &'a PlanItem) -> PlanItemView<'a> {
        PlanItemView {
            when: i.when.key(),
            when_label: self.when_label(&i.when),
            title: self.text(&i.title),
            format: i.format,
            format_label: i
                .format
                .map(|f| self.i18n.get(self.lang, &format!("format-{}", f.key()))),
            audience: self.opt(&i.audience),
            responsible: self.opt(&i.responsible),
            done: i.done,
            planned: i.done == Some(false) && i.when.due(p.year) >= self.today,
        }
    }

    /// The link to plan `p` of `club`.
    pub(crate) fn plan_link(&self, club: &Club, p: &Plan) -> PlanLink {
        PlanLink {
            year: p.year.slug(),
            label: p.year.label(),
            href: self.href(&PageId::Plan(club.slug.clone(), p.year)),
        }
    }

    fn when_label(&self, when: &When) -> String {
        match when {
            When::Month(m) => self.i18n.get(self.lang, &format!("month-name-{m}")),
            When::Term(t) => self.i18n.get(self.lang, &format!("term-{t}")),
            When::Date(d) => self.i18n.date_long(self.lang, *d),
            When::Monthly => self.i18n.get(self.lang, "when-monthly"),
            When::Weekly => self.i18n.get(self.lang, "when-weekly"),
        }
    }
}

/// The plan of the academic year containing `today`, else the latest.
pub(crate) fn current_plan(club: &Club, today: Date) -> Option<&Plan> {
    let year = AcademicYear::containing(today);
    club.plans
        .iter()
        .find(|p| p.year == year)
        .or_else(|| club.plans.first())
}

/// The figures given of the indicators `shown`, in display order.
fn indicators(figures: &Figures, shown: impl Fn(Indicator) -> bool) -> Vec<IndicatorView> {
    Indicator::ALL
        .iter()
        .filter(|k| shown(**k))
        .filter_map(|k| {
            figures.get(k).map(|v| IndicatorView {
                key: *k,
                label_key: k.label_key(),
                value: Some(*v),
            })
        })
        .collect()
}

/// Whole percent of cases resolved, when both figures are given.
fn resolution_rate(figures: &Figures) -> Option<u64> {
    crate::content::stats::Rate::of(figures)?.percent()
}
