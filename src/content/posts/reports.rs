//! Annual reports: reports/<YYYY-YYYY>[.<lang>].md, their indicators
//! checked (figures not too large, no more cases resolved than cases) and
//! their language versions compared.
//!
//! Layer 3 (content): imports `diag`, `types`, `yaml` and
//! `content::{check, model, raw}`.

use std::collections::BTreeMap;
use std::path::Path;

use super::parts::{Files, Part, doc_of, group_by_stem, read_parts, warn_missing_langs};
use super::{not_a_year, pair};
use crate::content::LoadContext;
use crate::content::check::Fields;
use crate::content::model::{Doc, Figures, MAX_FIGURE, Report, SourceText, Status};
use crate::content::raw::{RawByParties, RawIndicators, RawReport, RawYearExtras};
use crate::diag::{Diagnostic, Diagnostics};
use crate::types::AcademicYear;
use crate::yaml::Seg;

/// reports/<YYYY-YYYY>[.<lang>].md, newest first.
pub(crate) fn load_reports(
    ctx: &LoadContext<'_>,
    dir: &Path,
    diags: &mut Diagnostics,
) -> Vec<Report> {
    let mut reports: Vec<Report> = group_by_stem(ctx, dir, diags)
        .into_iter()
        .filter_map(|(stem, files)| load_report(ctx, &stem, files, diags))
        .collect();
    reports.sort_by_key(|r| std::cmp::Reverse(r.year));
    reports
}

fn load_report(
    ctx: &LoadContext<'_>,
    stem: &str,
    files: Files,
    diags: &mut Diagnostics,
) -> Option<Report> {
    let expected = AcademicYear::parse(stem);
    if expected.is_none() {
        diags.push(not_a_year(
            "report/file-name",
            stem,
            &files[0].1,
            "name report files after the academic year, e.g. reports/2024-2025.kk.md",
        ));
        return None;
    }
    let (mut parts, unread): (Vec<Part<RawReport>>, _) = read_parts(ctx, files, "report", 2, diags);
    // The version of the site's first language is the reference: it must
    // give the year and status, the others may take them (and the
    // indicators) from it; where they give them, they must agree with it.
    let default = ctx.config.default_lang();
    let reference = parts
        .iter()
        .position(|p| p.lang.as_ref() == Some(default))
        .unwrap_or(0);
    let given = pair::gives_required(parts.get(reference)?, diags);
    let checked: Vec<bool> = parts
        .iter()
        .map(|part| check_part(ctx, part, stem, expected, diags))
        .collect();
    if !given {
        return None;
    }
    pair::take_from_reference(&mut parts, reference);
    // Every difference is reported, on the other file. A year that does
    // not match its file name is already reported.
    let compare_years = checked.iter().all(|ok| *ok);
    let mut agree = true;
    for (_, other) in parts.iter().enumerate().filter(|(i, _)| *i != reference) {
        for d in pair::mismatches(&parts[reference], other, compare_years) {
            agree = false;
            diags.push(d);
        }
    }
    if !agree || checked.iter().any(|ok| !ok) {
        return None;
    }
    let doc = doc_of(&parts);
    warn_missing_langs(
        ctx,
        (&parts, &doc),
        (&unread, &[]),
        &parts[0].body.file,
        "this report",
        diags,
    );
    Some(report_of(expected?, doc, &parts))
}

/// Checks the front matter of one language version of a report: true
/// when its year is right (or left to the reference file).
fn check_part(
    ctx: &LoadContext<'_>,
    part: &Part<RawReport>,
    stem: &str,
    expected: Option<AcademicYear>,
    diags: &mut Diagnostics,
) -> bool {
    let mut f = part.fields(ctx, "report", diags);
    let name = part
        .body
        .file
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(stem);
    let year_ok = match &part.front.year {
        Some(year) => f.year(year, expected, name).is_some(),
        None => true,
    };
    if let Some(ind) = &part.front.indicators {
        check_indicators(ind, &mut f);
    }
    if let Some(t) = &part.front.title {
        f.text(t, &[Seg::Key("title")], false);
    }
    year_ok
}

/// The report of checked parts (their first one gives the figures).
fn report_of(year: AcademicYear, doc: Doc, parts: &[Part<RawReport>]) -> Report {
    // Every field is taken or said to be left: a new one cannot be dropped
    // unnoticed. The year and the title were checked above; a report's
    // title on its pages comes from its year.
    let RawReport {
        year: _,
        status,
        indicators,
        title: _,
    } = &parts[0].front;
    let (
        figures,
        RawYearExtras {
            trust_box,
            cases_by_parties,
            quarters,
        },
    ) = indicators.clone().unwrap_or_default().split();
    Report {
        year,
        status: status.unwrap_or(Status::Final),
        figures,
        trust_box,
        cases_by_parties: cases_by_parties.map(by_parties).unwrap_or_default(),
        quarters: quarters
            .unwrap_or_default()
            .iter()
            .map(|(q, fig)| (*q, fig.figures()))
            .collect(),
        body: doc,
        files: parts
            .iter()
            .map(|p| SourceText {
                file: p.body.file.clone(),
                text: p.body.text.clone(),
            })
            .collect(),
    }
}

fn check_indicators(ind: &RawIndicators, f: &mut Fields<'_, '_>) {
    too_large(keyed(&ind.figures()), &[Seg::Key("indicators")], f);
    for (q, fig) in ind.quarters.iter().flatten() {
        let at = [
            Seg::Key("indicators"),
            Seg::Key("quarters"),
            Seg::Key(q.key()),
        ];
        too_large(keyed(&fig.figures()), &at, f);
    }
    if let Some(parties) = &ind.cases_by_parties {
        let at = [Seg::Key("indicators"), Seg::Key("cases_by_parties")];
        too_large(by_parties(parties.clone()), &at, f);
    }
    resolved_over_cases(ind, f);
}

/// Figures over [`MAX_FIGURE`]: typing mistakes, and a huge number would
/// make every sum of the statistics meaningless.
fn too_large(figures: BTreeMap<&'static str, u64>, at: &[Seg<'_>], f: &mut Fields<'_, '_>) {
    for (key, value) in figures.iter().filter(|(_, v)| **v > MAX_FIGURE) {
        let mut path = at.to_vec();
        path.push(Seg::Key(key));
        f.report(
            Diagnostic::error(
                "report/figure-too-large",
                format!("`{key}` is {value}, more than any club reports in a year (at most 100,000)"),
            )
            .words("report-figure-too-large")
            .arg("field", key)
            .arg("value", value)
            .help("check the number for a typing mistake: write the figure for this club and this year only"),
            &path,
        );
    }
}

const RESOLVED_HELP: &str =
    "cases_resolved counts the cases that ended in agreement, so it cannot be more than cases";

fn resolved_over_cases(ind: &RawIndicators, f: &mut Fields<'_, '_>) {
    let resolved_over = |cases: Option<u64>, resolved: Option<u64>| matches!((cases, resolved), (Some(c), Some(r)) if r > c);
    if resolved_over(ind.cases, ind.cases_resolved) {
        let (resolved, cases) = (ind.cases_resolved.unwrap_or(0), ind.cases.unwrap_or(0));
        f.report(
            Diagnostic::error(
                "report/resolved-over-cases",
                format!("cases_resolved ({resolved}) is more than cases ({cases})"),
            )
            .words("report-resolved-over-cases")
            .arg("resolved", resolved)
            .arg("cases", cases)
            .help(RESOLVED_HELP),
            &[Seg::Key("indicators"), Seg::Key("cases_resolved")],
        );
    }
    for (q, fig) in ind.quarters.iter().flatten() {
        if resolved_over(fig.cases, fig.cases_resolved) {
            let key = q.key();
            let (resolved, cases) = (fig.cases_resolved.unwrap_or(0), fig.cases.unwrap_or(0));
            f.report(
                Diagnostic::error(
                    "report/resolved-over-cases",
                    format!("in {key}, cases_resolved ({resolved}) is more than cases ({cases})"),
                )
                .words("report-resolved-over-cases-in")
                .arg("quarter", key)
                .arg("resolved", resolved)
                .arg("cases", cases)
                .help(RESOLVED_HELP),
                &[Seg::Key("indicators"), Seg::Key("quarters"), Seg::Key(key)],
            );
        }
    }
}

/// Cases by parties, by key.
macro_rules! figures {
    ($src:expr; $($k:ident),*) => {{
        let mut f = BTreeMap::new();
        $( if let Some(v) = $src.$k { f.insert(stringify!($k), v); } )*
        f
    }};
}

/// Figures by key, in the alphabetical order the checks report them in.
fn keyed(figures: &Figures) -> BTreeMap<&'static str, u64> {
    figures.iter().map(|(k, v)| (k.key(), *v)).collect()
}

fn by_parties(b: RawByParties) -> BTreeMap<&'static str, u64> {
    figures!(b; student_student, student_teacher, teacher_parent, parent_parent, other)
}
