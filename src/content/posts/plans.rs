//! Activity plans: plans/<YYYY-YYYY>.yaml, each item's time (a month,
//! term or date) checked and the items put in academic-year order.
//!
//! Layer 3 (content): imports `diag`, `fs`, `types`, `yaml` and
//! `content::{check, model, raw, walk}`.

use std::path::Path;
use std::sync::Arc;

use super::{file_name, not_a_year};
use crate::content::LoadContext;
use crate::content::check::Fields;
use crate::content::model::{Plan, PlanItem, When};
use crate::content::raw::{RawPlan, RawPlanItem};
use crate::diag::{Diagnostic, Diagnostics, did_you_mean};
use crate::types::AcademicYear;
use crate::yaml::{self, Seg, Source};

/// plans/<YYYY-YYYY>.yaml, newest first.
pub(crate) fn load_plans(ctx: &LoadContext<'_>, dir: &Path, diags: &mut Diagnostics) -> Vec<Plan> {
    let mut plans: Vec<Plan> =
        crate::content::walk::files(ctx.root, dir, false, &ctx.exclude, diags)
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "yaml" || e == "yml"))
            .filter_map(|p| load_plan(ctx, &p, diags))
            .collect();
    plans.sort_by_key(|p| std::cmp::Reverse(p.year));
    plans
}

fn load_plan(ctx: &LoadContext<'_>, path: &Path, diags: &mut Diagnostics) -> Option<Plan> {
    let name = file_name(path);
    let stem = stem_of(&name);
    if AcademicYear::parse(stem).is_none() {
        diags.push(not_a_year(
            "plan/file-name",
            stem,
            path,
            "name plan files after the academic year, e.g. plans/2025-2026.yaml",
        ));
        return None;
    }
    let text = crate::fs::read_content(path, diags)?;
    plan_from_text(ctx, path, &text, diags)
}

/// A plan file's name without its extension.
fn stem_of(name: &str) -> &str {
    name.rsplit_once('.').map_or(name, |(s, _)| s)
}

/// Parses and checks the text of a plan file (its name gives the year).
pub(crate) fn plan_from_text(
    ctx: &LoadContext<'_>,
    path: &Path,
    text: &str,
    diags: &mut Diagnostics,
) -> Option<Plan> {
    let name = file_name(path);
    let expected = AcademicYear::parse(stem_of(&name));
    let src = Source {
        text,
        file: path,
        line_offset: 0,
        family: "plan",
    };
    let raw: RawPlan = yaml::read(src, diags)?;
    let mut f = Fields::new(src, ctx.config, diags);
    let year = f.year(&raw.year, expected, &name)?;
    let approved = raw
        .approved
        .as_ref()
        .and_then(|d| f.date(d, &[Seg::Key("approved")]));
    let mut items: Vec<PlanItem> = raw
        .items
        .into_iter()
        .enumerate()
        .filter_map(|(i, item)| plan_item(item, i, &mut f))
        .collect();
    items.sort_by_key(|i| i.when.order());
    Some(Plan {
        year,
        approved,
        items,
        file: path.to_path_buf(),
        text: Arc::from(text),
    })
}

fn plan_item(item: RawPlanItem, i: usize, f: &mut Fields<'_, '_>) -> Option<PlanItem> {
    let at = |k| [Seg::Key("items"), Seg::Index(i), Seg::Key(k)];
    f.text(&item.title, &at("title"), true);
    f.opt_text(&item.audience, &at("audience"));
    f.opt_text(&item.responsible, &at("responsible"));
    let Some(when) = When::parse(item.when.as_str()) else {
        let w = item.when.as_str().trim().to_lowercase();
        let d = Diagnostic::error(
            "plan/invalid-when",
            format!("`{}` is not a month, term or date", item.when),
        );
        let d = match did_you_mean(&w, When::suggestions()) {
            Some(s) => d
                .words("plan-invalid-when-guess")
                .arg("suggestion", s)
                .help(format!("did you mean `{s}`?")),
            None => d.words("plan-invalid-when").help("write a month (september ... may, or қыркүйек, сентябрь ...), a term (term-1 ... term-4), a date (2025-10-15), monthly or weekly"),
        };
        f.report(d.arg("value", &item.when), &at("when"));
        return None;
    };
    Some(PlanItem {
        when,
        title: item.title,
        format: item.format,
        audience: item.audience,
        responsible: item.responsible,
        done: item.done,
    })
}
