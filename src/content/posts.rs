//! Markdown files with front matter, one per language or one for all:
//! about texts, reports, news and pages; and the YAML activity plans.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use super::LoadContext;
use super::check::{Addresses, Fields};
use super::markdown;
use super::model::*;
use super::raw::*;
use super::slug;
use crate::diag::{Diagnostic, Diagnostics, Location, did_you_mean};
use crate::types::{AcademicYear, LangCode, Localized, Slug};
use crate::yaml::{self, Seg, Source};

/// Files `stem.md` and `stem.<lang>.md` of a folder, grouped by stem.
/// The language is `None` for the file for all languages.
pub(crate) fn group_by_stem(
    ctx: &LoadContext<'_>,
    dir: &Path,
    diags: &mut Diagnostics,
) -> BTreeMap<String, Vec<(Option<LangCode>, PathBuf)>> {
    let mut groups: BTreeMap<String, Vec<(Option<LangCode>, PathBuf)>> = BTreeMap::new();
    for path in super::walk::files(ctx.root, dir, false, &ctx.exclude, diags) {
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let Some(stem) = name
            .strip_suffix(".md")
            .or_else(|| name.strip_suffix(".markdown"))
        else {
            continue;
        };
        let (stem, lang) = match stem.rsplit_once('.') {
            Some((s, l)) if looks_like_lang(l) => (s, Some(LangCode::new(l))),
            _ => (stem, None),
        };
        if let Some(l) = &lang
            && !ctx.config.languages.contains(l)
        {
            let suggestion = did_you_mean(l, ctx.config.languages.iter().map(LangCode::as_str));
            diags.push(
                Diagnostic::warning(
                    "lang/file-not-used",
                    format!(
                        "`{l}` is not one of this site's languages, so this file is not published"
                    ),
                )
                .in_file(&path)
                .help(match suggestion {
                    Some(s) => {
                        format!("did you mean `.{s}.md`? Or add `{l}` to `languages` in site.yaml")
                    }
                    None => format!("add `{l}` to `languages` in site.yaml, or rename the file"),
                }),
            );
            continue;
        }
        groups
            .entry(stem.to_string())
            .or_default()
            .push((lang, path));
    }
    groups
}

fn looks_like_lang(s: &str) -> bool {
    (2..=3).contains(&s.len()) && s.chars().all(|c| c.is_ascii_lowercase())
}

/// One parsed Markdown file of a group.
pub(crate) struct Part<T> {
    pub lang: Option<LangCode>,
    pub front: T,
    pub body: Body,
    pub text: String,
    pub front_offset: usize,
}

impl<T> Part<T> {
    pub(crate) fn source(&self) -> Source<'_> {
        Source {
            text: self.front_text(),
            file: &self.body.file,
            line_offset: self.front_offset,
            family: "",
        }
    }
    fn front_text(&self) -> &str {
        markdown::split_front_matter(&self.text)
            .map(|s| s.front)
            .unwrap_or("")
    }
}

/// Reads one Markdown file: front matter (required when `T` needs fields)
/// and the rendered body.
pub(crate) fn read_part<T: DeserializeOwned>(
    lang: Option<LangCode>,
    path: &Path,
    family: &'static str,
    top_level: u8,
    diags: &mut Diagnostics,
) -> Option<Part<T>> {
    let text = crate::fs::read_content(path, diags)?;
    part_from_text(lang, path, text, family, top_level, diags)
}

/// [`read_part`] on text already read.
pub(crate) fn part_from_text<T: DeserializeOwned>(
    lang: Option<LangCode>,
    path: &Path,
    text: String,
    family: &'static str,
    top_level: u8,
    diags: &mut Diagnostics,
) -> Option<Part<T>> {
    let split = match markdown::split_front_matter(&text) {
        Ok(s) => s,
        Err((line, message)) => {
            diags.push(
                Diagnostic::error("markdown/front-matter", message)
                    .at(Location::at(path, line, 1))
                    .help("end the front matter with a line of three dashes: ---"),
            );
            return None;
        }
    };
    let front_src = Source {
        text: split.front,
        file: path,
        line_offset: split.front_offset,
        family,
    };
    let front_yaml = if split.has_front { split.front } else { "{}" };
    let front: T = match yaml::parse(Source {
        text: front_yaml,
        ..front_src
    }) {
        Ok(front) => front,
        Err(mut failed) => {
            if !split.has_front {
                for d in &mut failed.diagnostics {
                    d.message = format!("{} (this file has no front matter)", d.message);
                    d.help = Some("start the file with a block between two lines of `---`, e.g.\n---\ntitle: ...\ndate: 2025-03-01\n---".into());
                    d.location = Some(Location::at(path, 1, 1));
                }
            }
            failed.report(diags)?
        }
    };
    let rendered = markdown::render(split.body, path, split.body_line, top_level, diags);
    let body = Body {
        html: rendered.html,
        markdown: split.body.to_string(),
        file: path.to_path_buf(),
        first_line: split.body_line,
    };
    let front_offset = split.front_offset;
    Some(Part {
        lang,
        front,
        body,
        text,
        front_offset,
    })
}

/// Puts the parts' bodies together into a [`Doc`].
fn doc_of<T>(parts: &[Part<T>]) -> Doc {
    let mut doc = Doc::default();
    for p in parts {
        if p.body.markdown.trim().is_empty() {
            continue;
        }
        match &p.lang {
            Some(l) => {
                doc.per_lang.insert(l.clone(), p.body.clone());
            }
            None => doc.all = Some(p.body.clone()),
        }
    }
    doc
}

/// Reads the files of one text, one per language: the parts that could be
/// read, and the languages whose file could not (its errors are reported).
fn read_parts<T: DeserializeOwned>(
    files: Vec<(Option<LangCode>, PathBuf)>,
    family: &'static str,
    top_level: u8,
    diags: &mut Diagnostics,
) -> (Vec<Part<T>>, Vec<LangCode>) {
    let mut parts = Vec::with_capacity(files.len());
    let mut unread = Vec::new();
    for (lang, path) in files {
        match read_part(lang.clone(), &path, family, top_level, diags) {
            Some(part) => parts.push(part),
            None => unread.extend(lang),
        }
    }
    (parts, unread)
}

/// Warns for each site language that has no text of its own; a language
/// whose file is there but could not be read (`unread`) has its own errors.
fn warn_missing_langs(
    ctx: &LoadContext<'_>,
    doc: &Doc,
    unread: &[LangCode],
    first: &Path,
    what: &str,
    diags: &mut Diagnostics,
) {
    if doc.all.is_some() || doc.per_lang.is_empty() {
        return;
    }
    for lang in &ctx.config.languages {
        if !doc.per_lang.contains_key(lang) && !unread.contains(lang) {
            let name = first.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let stem = name.split('.').next().unwrap_or(name);
            diags.push(
                Diagnostic::warning("i18n/untranslated", format!("{what} has no `{lang}` version"))
                    .in_file(first)
                    .help(format!(
                        "add {stem}.{lang}.md beside it; until then `{lang}` readers see the text in another language, with a notice"
                    )),
            );
        }
    }
}

/// `about.md`, `about.kk.md`, ... of a folder.
pub(crate) fn load_doc(
    ctx: &LoadContext<'_>,
    dir: &Path,
    stem: &str,
    diags: &mut Diagnostics,
) -> Doc {
    let mut groups = group_by_stem(ctx, dir, diags);
    let Some(files) = groups.remove(stem) else {
        return Doc::default();
    };
    let (parts, unread): (Vec<Part<NoFront>>, _) = read_parts(files, "page", 3, diags);
    let doc = doc_of(&parts);
    if let Some(p) = parts.first() {
        warn_missing_langs(
            ctx,
            &doc,
            &unread,
            &p.body.file,
            &format!("`{stem}`"),
            diags,
        );
    }
    doc
}

/// Front matter that must be empty (about.md may have none).
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct NoFront {}

/// The title of a per-language file is its language's text.
fn merge_localized(parts: &[(Option<&str>, &Localized)], default: &str) -> Localized {
    if parts.len() == 1 && parts[0].0.is_none() {
        return parts[0].1.clone();
    }
    let mut map = BTreeMap::new();
    for (lang, value) in parts {
        match (lang, value) {
            (Some(l), Localized::All(t)) => {
                map.insert(l.to_string(), t.clone());
            }
            (Some(l), Localized::Per(m)) => {
                if let Some(t) = m.get(*l) {
                    map.insert(l.to_string(), t.clone());
                }
            }
            (None, Localized::All(t)) => {
                map.entry(default.to_string()).or_insert_with(|| t.clone());
            }
            (None, Localized::Per(m)) => {
                for (k, v) in m {
                    map.entry(k.clone()).or_insert_with(|| v.clone());
                }
            }
        }
    }
    Localized::Per(map)
}

// ---------------------------------------------------------------- reports

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
    files: Vec<(Option<LangCode>, PathBuf)>,
    diags: &mut Diagnostics,
) -> Option<Report> {
    let expected = AcademicYear::parse(stem);
    if expected.is_none() {
        diags.push(
            Diagnostic::error(
                "report/file-name",
                format!("`{stem}` is not an academic year"),
            )
            .in_file(&files[0].1)
            .help("name report files after the academic year, e.g. reports/2024-2025.kk.md"),
        );
        return None;
    }
    let (parts, unread): (Vec<Part<RawReport>>, _) = read_parts(files, "report", 2, diags);
    let first = parts.first()?;
    let mut checked = Vec::new();
    for part in &parts {
        let src = Source {
            family: "report",
            ..part.source()
        };
        let mut f = Fields {
            src,
            langs: &ctx.config.languages,
            diags,
        };
        let name = part
            .body
            .file
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or(stem);
        let year = f.year(&part.front.year, expected, name);
        let ind = part.front.indicators.clone().unwrap_or_default();
        check_indicators(&ind, &mut f);
        if let Some(t) = &part.front.title {
            f.text(t, &[Seg::Key("title")], false);
        }
        checked.push(year.is_some());
    }
    // A kk/ru pair must agree on its figures.
    for other in &parts[1..] {
        // A year that does not match its file name is already reported.
        let compare_years = checked.iter().all(|ok| *ok);
        if let Some(d) = pair_mismatch(first, other, compare_years) {
            diags.push(d);
            return None;
        }
    }
    if checked.iter().any(|ok| !ok) {
        return None;
    }
    let doc = doc_of(&parts);
    warn_missing_langs(ctx, &doc, &unread, &first.body.file, "this report", diags);
    // Every field is taken or said to be left: a new one cannot be dropped
    // unnoticed. The year and the title were checked above; a report's
    // title on its pages comes from its year.
    let RawReport {
        year: _,
        status,
        indicators,
        title: _,
    } = &first.front;
    let (
        figures,
        RawYearExtras {
            trust_box,
            cases_by_parties,
            quarters,
        },
    ) = indicators.clone().unwrap_or_default().split();
    Some(Report {
        year: expected?,
        status: *status,
        figures,
        trust_box,
        cases_by_parties: cases_by_parties.map(by_parties).unwrap_or_default(),
        quarters: quarters
            .unwrap_or_default()
            .iter()
            .map(|(q, fig)| (*q, fig.figures()))
            .collect(),
        body: doc,
        files: parts.iter().map(|p| p.body.file.clone()).collect(),
    })
}

/// The first difference between two language versions of a report, as an
/// error at the differing line of `other`.
fn pair_mismatch(
    first: &Part<RawReport>,
    other: &Part<RawReport>,
    compare_years: bool,
) -> Option<Diagnostic> {
    let (a, b) = (&first.front, &other.front);
    let shown = |v: Option<&u64>| v.map_or("missing".to_string(), u64::to_string);
    let (path, what, va, vb): (Vec<Seg<'_>>, String, String, String) =
        if compare_years && a.year != b.year {
            let (va, vb) = (a.year.to_string(), b.year.to_string());
            (vec![Seg::Key("year")], "the year".into(), va, vb)
        } else if a.status != b.status {
            let (va, vb) = (a.status.key().to_string(), b.status.key().to_string());
            (vec![Seg::Key("status")], "the status".into(), va, vb)
        } else if a.indicators != b.indicators {
            let figures = |r: &RawReport| r.indicators.as_ref().map(RawIndicators::figures);
            let (fa, fb) = (
                figures(a).unwrap_or_default(),
                figures(b).unwrap_or_default(),
            );
            match Indicator::ALL.iter().find(|k| fa.get(k) != fb.get(k)) {
                Some(k) => (
                    vec![Seg::Key("indicators"), Seg::Key(k.key())],
                    format!("`{}`", k.key()),
                    shown(fa.get(k)),
                    shown(fb.get(k)),
                ),
                None => (
                    vec![Seg::Key("indicators")],
                    "the other indicators (quarters, trust box, cases by parties)".into(),
                    "as written there".into(),
                    "different".into(),
                ),
            }
        } else {
            return None;
        };
    let (this, that) = (file_name(&other.body.file), file_name(&first.body.file));
    Some(
        Diagnostic::error(
            "report/pair-mismatch",
            format!("{what} is {vb} in {this} but {va} in {that}"),
        )
        .at(yaml::locate_value(other.source(), &path))
        .label(format!("differs from {that}"))
        .help("the language versions of a report must have the same year, status and indicators; write the same figures in both files"),
    )
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default()
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
        f.error(
            "report/figure-too-large",
            format!("`{key}` is {value}, more than any club reports in a year (at most 100,000)"),
            &path,
            "check the number for a typing mistake: write the figure for this club and this year only",
        );
    }
}

fn resolved_over_cases(ind: &RawIndicators, f: &mut Fields<'_, '_>) {
    let resolved_over = |cases: Option<u64>, resolved: Option<u64>| matches!((cases, resolved), (Some(c), Some(r)) if r > c);
    if resolved_over(ind.cases, ind.cases_resolved) {
        f.error(
            "report/resolved-over-cases",
            format!(
                "cases_resolved ({}) is more than cases ({})",
                ind.cases_resolved.unwrap_or(0),
                ind.cases.unwrap_or(0)
            ),
            &[Seg::Key("indicators"), Seg::Key("cases_resolved")],
            "cases_resolved counts the cases that ended in agreement, so it cannot be more than cases",
        );
    }
    for (q, fig) in ind.quarters.iter().flatten() {
        if resolved_over(fig.cases, fig.cases_resolved) {
            let key = q.key();
            f.error(
                "report/resolved-over-cases",
                format!(
                    "in {key}, cases_resolved ({}) is more than cases ({})",
                    fig.cases_resolved.unwrap_or(0),
                    fig.cases.unwrap_or(0)
                ),
                &[Seg::Key("indicators"), Seg::Key("quarters"), Seg::Key(key)],
                "cases_resolved counts the cases that ended in agreement, so it cannot be more than cases",
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

// ---------------------------------------------------------------- plans

/// plans/<YYYY-YYYY>.yaml, newest first.
pub(crate) fn load_plans(ctx: &LoadContext<'_>, dir: &Path, diags: &mut Diagnostics) -> Vec<Plan> {
    let mut plans: Vec<Plan> = super::walk::files(ctx.root, dir, false, &ctx.exclude, diags)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "yaml" || e == "yml"))
        .filter_map(|p| load_plan(ctx, &p, diags))
        .collect();
    plans.sort_by_key(|p| std::cmp::Reverse(p.year));
    plans
}

fn load_plan(ctx: &LoadContext<'_>, path: &Path, diags: &mut Diagnostics) -> Option<Plan> {
    let name = file_name(path);
    let stem = name.rsplit_once('.').map_or(name.as_str(), |(s, _)| s);
    let expected = AcademicYear::parse(stem);
    if expected.is_none() {
        diags.push(
            Diagnostic::error(
                "plan/file-name",
                format!("`{stem}` is not an academic year"),
            )
            .in_file(path)
            .help("name plan files after the academic year, e.g. plans/2025-2026.yaml"),
        );
        return None;
    }
    let text = crate::fs::read_content(path, diags)?;
    plan_from_text(ctx, path, &text, diags)
}

/// Parses and checks the text of a plan file (its name gives the year).
pub(crate) fn plan_from_text(
    ctx: &LoadContext<'_>,
    path: &Path,
    text: &str,
    diags: &mut Diagnostics,
) -> Option<Plan> {
    let name = file_name(path);
    let stem = name.rsplit_once('.').map_or(name.as_str(), |(s, _)| s);
    let expected = AcademicYear::parse(stem);
    let src = Source {
        text,
        file: path,
        line_offset: 0,
        family: "plan",
    };
    let raw: RawPlan = yaml::read(src, diags)?;
    let mut f = Fields {
        src,
        langs: &ctx.config.languages,
        diags,
    };
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
    })
}

fn plan_item(item: RawPlanItem, i: usize, f: &mut Fields<'_, '_>) -> Option<PlanItem> {
    let at = |k| [Seg::Key("items"), Seg::Index(i), Seg::Key(k)];
    f.text(&item.title, &at("title"), true);
    f.opt_text(&item.audience, &at("audience"));
    f.opt_text(&item.responsible, &at("responsible"));
    let Some(when) = When::parse(item.when.as_str()) else {
        let w = item.when.as_str().trim().to_lowercase();
        let help = match did_you_mean(&w, When::words()) {
            Some(s) => format!("did you mean `{s}`?"),
            None => "write a month (september ... may), a term (term-1 ... term-4), a date (2025-10-15), monthly or weekly".to_string(),
        };
        f.error(
            "plan/invalid-when",
            format!("`{}` is not a month, term or date", item.when),
            &at("when"),
            &help,
        );
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

// ---------------------------------------------------------------- news, pages

/// news/<YYYY-MM-DD>-<slug>[.<lang>].md, newest first; drafts only with `--drafts`.
pub(crate) fn load_news(
    ctx: &LoadContext<'_>,
    dir: &Path,
    club: Option<&str>,
    diags: &mut Diagnostics,
) -> Vec<News> {
    let mut taken = Addresses::default();
    let mut news: Vec<News> = group_by_stem(ctx, dir, diags)
        .into_iter()
        .filter_map(|(stem, files)| {
            let file = files.first()?.1.clone();
            let item = load_news_item(ctx, &stem, files, club, diags)?;
            super::names::check_address(&item.slug, &file, diags);
            taken
                .claim(&item.slug, &file, "news/duplicate-slug", diags)
                .then_some(item)
        })
        .collect();
    news.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.slug.cmp(&b.slug)));
    news
}

fn load_news_item(
    ctx: &LoadContext<'_>,
    stem: &str,
    files: Vec<(Option<LangCode>, PathBuf)>,
    club: Option<&str>,
    diags: &mut Diagnostics,
) -> Option<News> {
    let (parts, unread): (Vec<Part<RawNews>>, _) = read_parts(files, "news", 2, diags);
    let first = parts.first()?;
    let mut date = None;
    for part in &parts {
        let src = Source {
            family: "news",
            ..part.source()
        };
        let mut f = Fields {
            src,
            langs: &ctx.config.languages,
            diags,
        };
        if part.lang.is_none() {
            f.text(&part.front.title, &[Seg::Key("title")], true);
            f.opt_text(&part.front.summary, &[Seg::Key("summary")]);
        }
        let d = f.date(&part.front.date, &[Seg::Key("date")])?;
        if date.is_some_and(|prev| prev != d) {
            f.error(
                "news/pair-mismatch",
                format!("the date differs from {}", file_name(&first.body.file)),
                &[Seg::Key("date")],
                "the language versions of a news item must have the same date",
            );
            return None;
        }
        date = Some(d);
    }
    if parts.iter().any(|p| p.front.draft == Some(true)) && !ctx.drafts {
        return None;
    }
    let slug_part = strip_date_prefix(stem);
    let slug = if slug::is_slug(slug_part) {
        slug_part.to_string()
    } else {
        slug::slugify(slug_part)
    };
    let default = ctx.config.default_lang();
    let titles: Vec<(Option<&str>, &Localized)> = parts
        .iter()
        .map(|p| (p.lang.as_deref(), &p.front.title))
        .collect();
    let summaries: Vec<(Option<&str>, &Localized)> = parts
        .iter()
        .filter_map(|p| p.front.summary.as_ref().map(|s| (p.lang.as_deref(), s)))
        .collect();
    let doc = doc_of(&parts);
    warn_missing_langs(
        ctx,
        &doc,
        &unread,
        &first.body.file,
        "this news item",
        diags,
    );
    Some(News {
        slug: Slug::new(if slug.is_empty() {
            "news".to_string()
        } else {
            slug
        }),
        date: date?,
        title: merge_localized(&titles, default),
        summary: (!summaries.is_empty()).then(|| merge_localized(&summaries, default)),
        body: doc,
        club: club.map(Slug::from),
    })
}

fn strip_date_prefix(stem: &str) -> &str {
    let bytes = stem.as_bytes();
    if stem.len() > 11
        && stem.get(..10).and_then(crate::types::Date::parse).is_some()
        && bytes[10] == b'-'
    {
        &stem[11..]
    } else {
        stem
    }
}

/// pages/<slug>[.<lang>].md
pub(crate) fn load_pages(ctx: &LoadContext<'_>, dir: &Path, diags: &mut Diagnostics) -> Vec<Page> {
    let mut taken = Addresses::default();
    group_by_stem(ctx, dir, diags)
        .into_iter()
        .filter_map(|(stem, files)| {
            let file = files.first()?.1.clone();
            let page = load_page(ctx, &stem, files, diags)?;
            super::names::check_address(&page.slug, &file, diags);
            taken
                .claim(&page.slug, &file, "page/duplicate-slug", diags)
                .then_some(page)
        })
        .collect()
}

fn load_page(
    ctx: &LoadContext<'_>,
    stem: &str,
    files: Vec<(Option<LangCode>, PathBuf)>,
    diags: &mut Diagnostics,
) -> Option<Page> {
    let (parts, unread): (Vec<Part<RawPage>>, _) = read_parts(files, "page", 2, diags);
    let first = parts.first()?;
    if parts.iter().any(|p| p.front.draft == Some(true)) && !ctx.drafts {
        return None;
    }
    for part in parts.iter().filter(|p| p.lang.is_none()) {
        let src = Source {
            family: "page",
            ..part.source()
        };
        let mut f = Fields {
            src,
            langs: &ctx.config.languages,
            diags,
        };
        f.text(&part.front.title, &[Seg::Key("title")], true);
    }
    let default = ctx.config.default_lang();
    let titles: Vec<_> = parts
        .iter()
        .map(|p| (p.lang.as_deref(), &p.front.title))
        .collect();
    let descs: Vec<_> = parts
        .iter()
        .filter_map(|p| p.front.description.as_ref().map(|s| (p.lang.as_deref(), s)))
        .collect();
    let doc = doc_of(&parts);
    warn_missing_langs(ctx, &doc, &unread, &first.body.file, "this page", diags);
    let slug = if slug::is_slug(stem) {
        stem.to_string()
    } else {
        slug::slugify(stem)
    };
    Some(Page {
        slug: Slug::new(slug),
        title: merge_localized(&titles, default),
        description: (!descs.is_empty()).then(|| merge_localized(&descs, default)),
        body: doc,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_the_date_from_news_file_names() {
        assert_eq!(strip_date_prefix("2025-03-14-trust-box"), "trust-box");
        assert_eq!(strip_date_prefix("2025-03Жаңалық"), "2025-03Жаңалық");
        assert_eq!(strip_date_prefix("trust-box"), "trust-box");
    }

    #[test]
    fn merges_per_language_titles() {
        let kk = Localized::All("Сенім жәшігі".into());
        let ru = Localized::All("Ящик доверия".into());
        let m = merge_localized(&[(Some("kk"), &kk), (Some("ru"), &ru)], "kk");
        assert!(m.has("kk") && m.has("ru"));
    }
}
