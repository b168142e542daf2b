//! `bitimger new`: a club, a report or a news item added to an existing
//! site, in the site's languages, from the commented templates of `init`.
//! A name that is not a club of the site suggests the one meant.
//!
//! Part of layer 7 (`scaffold`); imports `config`, `content`, `diag`,
//! `types` and its parent.

use std::path::{Path, PathBuf};

use super::{
    ScaffoldError, ScaffoldReport, news_title, quoted, schemas, write_club, write_news,
    write_report,
};
use crate::config::load_config;
use crate::content::Status;
use crate::content::slug::{is_slug, slugify};
use crate::diag::{Diagnostics, did_you_mean};
use crate::types::{AcademicYear, Date, LangCode};

/// The languages of the site in `site` (its site.yaml must be usable).
fn site_languages(site: &Path) -> Result<(Vec<LangCode>, bool), ScaffoldError> {
    let mut diags = Diagnostics::new();
    let config =
        load_config(site, &mut diags).ok_or_else(|| ScaffoldError::NotASite(site.to_path_buf()))?;
    let school = config.kind == crate::config::SiteKind::School;
    Ok((config.languages, school))
}

/// The folder names of the site's clubs.
fn club_folders(site: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(site.join("clubs"))
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().join("club.yaml").is_file())
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .collect();
    names.sort();
    names
}

/// Adds `clubs/<slug>/` with a commented club.yaml and about texts, and
/// the JSON Schemas missing from `.schemas/` (their texts in `lang`).
pub fn new_club(site: &Path, slug: &str, lang: &str) -> Result<ScaffoldReport, ScaffoldError> {
    let (_, school) = site_languages(site)?;
    if !is_slug(slug) {
        let hint = match slugify(slug) {
            s if s.is_empty() => "senim".to_string(),
            s => s,
        };
        return Err(ScaffoldError::Usage(format!(
            "`{slug}` cannot be a club's folder name: use small Latin letters, digits and `-` (it becomes the web address), e.g. `{hint}`"
        )));
    }
    let existing = club_folders(site);
    if school && let Some(club) = existing.iter().find(|c| *c != slug) {
        return Err(ScaffoldError::SchoolHasClub(club.clone()));
    }
    let mut report = ScaffoldReport::default();
    write_club(&mut report, &site.join("clubs").join(slug), &quoted(slug))?;
    schemas::plan_site_schemas(&mut report, site, lang);
    report.write(site)
}

/// Finds the club folder `name`, with a suggestion when it is misspelt.
fn find_club(site: &Path, name: &str) -> Result<PathBuf, ScaffoldError> {
    let clubs = club_folders(site);
    if clubs.iter().any(|c| c == name) {
        return Ok(site.join("clubs").join(name));
    }
    let hint = match did_you_mean(name, clubs.iter().map(String::as_str)) {
        Some(s) => format!("; did you mean `{s}`?"),
        None if clubs.is_empty() => {
            "; the site has no clubs yet (add one with `bitimger new club <name>`)".to_string()
        }
        None => format!("; the clubs are: {}", clubs.join(", ")),
    };
    Err(ScaffoldError::Usage(format!(
        "there is no club `{name}` in {}{hint}",
        site.join("clubs").display()
    )))
}

/// Adds `clubs/<club>/reports/<year>.<lang>.md` for every site language,
/// with the same front matter and the figures to fill in commented out;
/// `status: final` for a year over by `today`, else `ongoing`.
pub fn new_report(
    site: &Path,
    club: &str,
    year: &str,
    today: Date,
) -> Result<ScaffoldReport, ScaffoldError> {
    let (langs, _) = site_languages(site)?;
    let dir = find_club(site, club)?;
    let year = AcademicYear::parse(year)
        .filter(|y| y.slug() == year.trim())
        .ok_or_else(|| {
            ScaffoldError::Usage(format!(
                "`{year}` is not an academic year; write it as two years in a row, like 2025-2026"
            ))
        })?;
    let status = if year < AcademicYear::containing(today) {
        Status::Final
    } else {
        Status::Ongoing
    };
    let mut report = ScaffoldReport::default();
    write_report(&mut report, &dir, year, &langs, false, status)?;
    report.write(site)
}

/// Adds a news item dated `today`: site-wide, or in `club`'s news/.
pub fn new_news(
    site: &Path,
    club: Option<&str>,
    title: &str,
    today: Date,
) -> Result<ScaffoldReport, ScaffoldError> {
    let (langs, _) = site_languages(site)?;
    let dir = match club {
        Some(c) => find_club(site, c)?.join("news"),
        None => site.join("news"),
    };
    let slug = slugify(title);
    if slug.is_empty() {
        return Err(ScaffoldError::Usage(format!(
            "the title `{title}` has no letters or digits to make a web address from; give a title like \"Trust box opened\""
        )));
    }
    // The title is the first language's; the other files get a title to
    // replace, in their language (`check` warns until it is replaced).
    let first = langs.first().cloned();
    let title = |lang: &LangCode| match &first {
        Some(f) if f != lang => quoted(news_title(lang)),
        _ => quoted(title),
    };
    let mut report = ScaffoldReport::default();
    write_news(&mut report, &dir, today, &slug, title, &langs)?;
    report.write(site)
}
