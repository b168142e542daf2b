//! The language versions of a report compared: every field where one
//! differs from the version of the site's first language, each with both
//! values, at its line in the differing file, so that one run shows every
//! figure to correct.
//!
//! Layer 3 (content): part of `content::posts`.

use super::file_name;
use super::parts::Part;
use crate::content::check::path_name;
use crate::content::indicators::RawQuarterFigures;
use crate::content::model::{Figures, Indicator, Quarter};
use crate::content::raw::{RawByParties, RawIndicators, RawReport, RawReportRequired};
use crate::diag::{Diagnostic, Diagnostics};
use crate::yaml::{self, Seg, Source};

/// Whether the reference version of a report (the site's first
/// language) gives `year` and `status`, which the other versions may
/// take from it; when not, its `report/missing-field` errors.
pub(super) fn gives_required(reference: &Part<RawReport>, diags: &mut Diagnostics) -> bool {
    if reference.front.year.is_some() && reference.front.status.is_some() {
        return true;
    }
    let source = reference.source();
    let text = if source.text.trim().is_empty() {
        "{}"
    } else {
        source.text
    };
    let source = Source {
        text,
        family: "report",
        ..source
    };
    match yaml::parse::<RawReportRequired>(source) {
        Err(failed) => {
            failed.report(diags);
        }
        // Written, but empty (`status:`): read as not given.
        Ok(_) => {
            let field = if reference.front.year.is_none() {
                "year"
            } else {
                "status"
            };
            diags.push(empty_required(source, field));
        }
    }
    false
}

/// `year:` or `status:` written without a value in the reference file.
fn empty_required(source: Source<'_>, field: &'static str) -> Diagnostic {
    Diagnostic::error(
        "report/missing-field",
        format!("required field `{field}` is missing"),
    )
    .words("yaml-missing-field")
    .arg("full", field)
    .arg("field", field)
    .at(yaml::locate(source, &[Seg::Key(field)]))
    .label(format!("`{field}` is missing in this file"))
    .help(format!(
        "add a line `{field}: ...` at the start of a line (not indented)"
    ))
}

/// The other versions take `year`, `status` and `indicators` from the
/// reference where they leave them out.
pub(super) fn take_from_reference(parts: &mut [Part<RawReport>], reference: usize) {
    let Some(r) = parts.get(reference) else {
        return;
    };
    let (year, status, indicators) = (
        r.front.year.clone(),
        r.front.status,
        r.front.indicators.clone(),
    );
    for part in parts.iter_mut() {
        let front = &mut part.front;
        front.year = front.year.take().or_else(|| year.clone());
        front.status = front.status.or(status);
        front.indicators = front.indicators.take().or_else(|| indicators.clone());
    }
}

/// One field that differs: where, and its value in each file (`None`
/// when the file does not give it).
struct Difference {
    path: Vec<Seg<'static>>,
    reference: Option<String>,
    other: Option<String>,
}

/// Every difference of `other` from `reference` (the version of the
/// site's first language), as errors at their lines in `other`; the year
/// only when `compare_years` (a year that does not match its file name is
/// reported already).
pub(super) fn mismatches(
    reference: &Part<RawReport>,
    other: &Part<RawReport>,
    compare_years: bool,
) -> Vec<Diagnostic> {
    let (a, b) = (&reference.front, &other.front);
    let mut found = Vec::new();
    let mut differ = |path: Vec<Seg<'static>>, va: Option<String>, vb: Option<String>| {
        if va != vb {
            found.push(Difference {
                path,
                reference: va,
                other: vb,
            });
        }
    };
    if compare_years {
        differ(
            key("year"),
            a.year.as_ref().map(ToString::to_string),
            b.year.as_ref().map(ToString::to_string),
        );
    }
    let status = |r: &RawReport| r.status.map(|s| s.key().to_string());
    differ(key("status"), status(a), status(b));
    let none = RawIndicators::default();
    let (ia, ib) = (
        a.indicators.as_ref().unwrap_or(&none),
        b.indicators.as_ref().unwrap_or(&none),
    );
    figures(&ia.figures(), &ib.figures(), &[], &mut differ);
    let shown = |v: Option<bool>| v.map(|v| v.to_string());
    differ(
        indicator(&["trust_box"]),
        shown(ia.trust_box),
        shown(ib.trust_box),
    );
    by_parties(&ia.cases_by_parties, &ib.cases_by_parties, &mut differ);
    quarters(ia, ib, &mut differ);
    found
        .iter()
        .map(|d| diagnostic(reference, other, d))
        .collect()
}

type Differ<'a> = dyn FnMut(Vec<Seg<'static>>, Option<String>, Option<String>) + 'a;

fn key(name: &'static str) -> Vec<Seg<'static>> {
    vec![Seg::Key(name)]
}

/// `indicators.<keys…>`.
fn indicator(keys: &[&'static str]) -> Vec<Seg<'static>> {
    std::iter::once("indicators")
        .chain(keys.iter().copied())
        .map(Seg::Key)
        .collect()
}

/// Every indicator of two sets of figures, under `indicators.<within…>`.
fn figures(a: &Figures, b: &Figures, within: &[&'static str], differ: &mut Differ<'_>) {
    let shown = |f: &Figures, k: &Indicator| f.get(k).map(u64::to_string);
    for k in Indicator::ALL {
        let mut keys = within.to_vec();
        keys.push(k.key());
        differ(indicator(&keys), shown(a, k), shown(b, k));
    }
}

fn by_parties(a: &Option<RawByParties>, b: &Option<RawByParties>, differ: &mut Differ<'_>) {
    let (a, b) = (a.clone().unwrap_or_default(), b.clone().unwrap_or_default());
    let pairs = [
        ("student_student", a.student_student, b.student_student),
        ("student_teacher", a.student_teacher, b.student_teacher),
        ("teacher_parent", a.teacher_parent, b.teacher_parent),
        ("parent_parent", a.parent_parent, b.parent_parent),
        ("other", a.other, b.other),
    ];
    for (name, va, vb) in pairs {
        let shown = |v: Option<u64>| v.map(|v| v.to_string());
        differ(indicator(&["cases_by_parties", name]), shown(va), shown(vb));
    }
}

fn quarters(a: &RawIndicators, b: &RawIndicators, differ: &mut Differ<'_>) {
    let quarter = |r: &RawIndicators, q: Quarter| {
        r.quarters
            .as_ref()
            .and_then(|qs| qs.get(&q))
            .map(RawQuarterFigures::figures)
    };
    for q in Quarter::ALL {
        let (fa, fb) = (quarter(a, q), quarter(b, q));
        figures(
            &fa.unwrap_or_default(),
            &fb.unwrap_or_default(),
            &["quarters", q.key()],
            differ,
        );
    }
}

/// The error of one difference, at its line in `other`.
fn diagnostic(reference: &Part<RawReport>, other: &Part<RawReport>, d: &Difference) -> Diagnostic {
    let (this, that) = (file_name(&other.body.file), file_name(&reference.body.file));
    let field = path_name(&d.path);
    let what = match field.as_str() {
        "year" | "status" => format!("the {field}"),
        _ => format!("`{}`", field.strip_prefix("indicators.").unwrap_or(&field)),
    };
    let value = |v: &Option<String>| v.clone().unwrap_or_else(|| "missing".into());
    let (vb, va) = (value(&d.other), value(&d.reference));
    Diagnostic::error(
        "report/pair-mismatch",
        format!("{what} is {vb} in {this} but {va} in {that}"),
    )
    .words("report-pair-mismatch")
    .arg("field", &field)
    .arg("this", &this)
    .arg("value", &vb)
    .arg("that", &that)
    .arg("other", &va)
    .at(yaml::locate_value(other.source(), &d.path))
    .label(format!("{va} in {that}"))
    .help("the language versions of a report must have the same year, status and indicators; write the same figures in both files, or leave them out of this one: it then takes those of the file of the site's first language")
}
