//! Scaffolding: `init` writes a new school site that builds at once (its
//! texts to replace are `text/placeholder` warnings); `new` adds a club, a report or a news item from commented
//! templates. Existing files are never overwritten: each file is created
//! only when it is not there, and the ones already there are reported.
//! Nothing is written outside the target folder: every file is planned
//! first, and when a folder on the way to one is a link (`clubs ->
//! /elsewhere`), nothing at all is written.
//!
//! The YAML files they write begin with the line that names their JSON
//! Schema in the site's `.schemas/` folder, which they write too
//! (`schemas.rs`), so that an editor checks the file as it is typed.
//!
//! `theme export` (`theme.rs`) writes the default theme's files to edit,
//! and `schema` the JSON Schemas, all or nothing (`fresh.rs`).
//!
//! Layer 7: imports `config`, `content`, `diag`, `types`, `render`,
//! `i18n` (the default theme's and the built-in messages' files) and
//! `schema`.

mod ci;
mod error;
mod fresh;
mod schemas;
mod theme;

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::config::load_config;
use crate::content::Status;
use crate::content::placeholders;
use crate::content::slug::{is_slug, slugify};
use crate::diag::{Diagnostics, did_you_mean};
use crate::schema::SchemaFile;
use crate::types::{AcademicYear, Date, LangCode};

const SITE: &str = include_str!("templates/site.yaml");
const CLUB: &str = include_str!("templates/club.yaml");
const ABOUT_KK: &str = include_str!("templates/about.kk.md");
const ABOUT_RU: &str = include_str!("templates/about.ru.md");
const PLAN: &str = include_str!("templates/plan.yaml");
const REPORT_FRONT: &str = include_str!("templates/report.yaml");
const NEWS_FRONT: &str = include_str!("templates/news.yaml");

pub use ci::{Ci, RELEASES};
pub use error::ScaffoldError;
pub use schemas::export_schemas;
pub use theme::export_theme;

/// The club folder `init` creates.
pub const INIT_CLUB: &str = "senim";

/// What was written, and what was left as it was.
#[derive(Debug, Default)]
pub struct ScaffoldReport {
    /// Files created.
    pub created: Vec<PathBuf>,
    /// Files that were already there, untouched.
    pub skipped: Vec<PathBuf>,
    /// Things to tell the author.
    pub notes: Vec<String>,
    /// Files to write, with their bytes, until [`ScaffoldReport::write`].
    planned: Vec<(PathBuf, Vec<u8>)>,
}

/// Fills `{{key}}` placeholders.
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values.iter().fold(template.to_string(), |text, (k, v)| {
        text.replace(&format!("{{{{{k}}}}}"), v)
    })
}

/// A YAML double-quoted string (JSON strings are valid YAML).
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_string())
}

impl ScaffoldReport {
    /// Plans `path` with `text` (written by [`ScaffoldReport::write`]).
    fn create(&mut self, path: PathBuf, text: &str) -> Result<(), ScaffoldError> {
        self.planned.push((path, text.as_bytes().to_vec()));
        Ok(())
    }

    /// Writes every planned file inside `base`, each unless it exists;
    /// first checks that no folder on the way to any of them is a link,
    /// so that nothing is written outside `base`.
    fn write(mut self, base: &Path) -> Result<ScaffoldReport, ScaffoldError> {
        for (path, _) in &self.planned {
            no_link_on_the_way(base, path)?;
        }
        for (path, bytes) in std::mem::take(&mut self.planned) {
            self.create_file(path, &bytes)?;
        }
        Ok(self)
    }

    /// Creates `path` with `text` unless it exists (a link there counts as
    /// existing, and is not followed).
    fn create_file(&mut self, path: PathBuf, bytes: &[u8]) -> Result<(), ScaffoldError> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| ScaffoldError::Io(dir.to_path_buf(), e))?;
        }
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut f) => {
                f.write_all(bytes)
                    .map_err(|e| ScaffoldError::Io(path.clone(), e))?;
                self.created.push(path);
                Ok(())
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                self.skipped.push(path);
                Ok(())
            }
            Err(e) => Err(ScaffoldError::Io(path, e)),
        }
    }
}

/// Refuses when a folder between `base` and `path` (a file inside it) is a
/// link; folders not there yet are made by bitimger, as real folders.
fn no_link_on_the_way(base: &Path, path: &Path) -> Result<(), ScaffoldError> {
    let Ok(rel) = path.strip_prefix(base) else {
        return Err(ScaffoldError::Usage(format!(
            "{} is not inside {}",
            path.display(),
            base.display()
        )));
    };
    let mut dir = base.to_path_buf();
    for part in rel.parent().into_iter().flat_map(Path::components) {
        dir.push(part);
        match dir.symlink_metadata() {
            Ok(m) if m.file_type().is_symlink() => {
                return Err(ScaffoldError::Link(dir, base.to_path_buf()));
            }
            Ok(_) => {}
            Err(_) => break,
        }
    }
    Ok(())
}

/// Writes a new school site into `dir`: site.yaml, one club with every
/// section, its plan, a report and a news item, in Kazakh and Russian;
/// with `ci`, the workflow that publishes it on every push. In a folder
/// that is a site already, `ci` adds only the workflow. The JSON Schemas
/// go into `.schemas/`, their texts in `lang` (`schemas.rs`).
pub fn init(
    dir: &Path,
    today: Date,
    ci: Option<Ci>,
    lang: &str,
) -> Result<ScaffoldReport, ScaffoldError> {
    let mut report = ScaffoldReport::default();
    if let Some(ci) = ci {
        let (path, text) = ci.workflow(dir);
        report.create(path, &text)?;
        if dir.join("site.yaml").is_file() {
            return report.write(dir);
        }
    }
    let site = schemas::with_modeline(SchemaFile::Site, 0, SITE);
    report.create(dir.join("site.yaml"), &site)?;
    let club = dir.join("clubs").join(INIT_CLUB);
    write_club(&mut report, &club, "{kk: \"Сенім\", ru: \"Доверие\"}")?;
    let current = AcademicYear::containing(today);
    let plan = fill(
        PLAN,
        &[
            ("year", &current.slug()),
            ("start", &current.start.to_string()),
        ],
    );
    let plan = schemas::with_modeline(SchemaFile::Plan, 3, &plan);
    report.create(club.join(format!("plans/{}.yaml", current.slug())), &plan)?;
    let last = AcademicYear {
        start: current.start - 1,
    };
    let langs = [LangCode::new("kk"), LangCode::new("ru")];
    write_report(&mut report, &club, last, &langs, true, Status::Final)?;
    let title = "{kk: \"Сайтымыз ашылды\", ru: \"Наш сайт открыт\"}";
    write_news(
        &mut report,
        &dir.join("news"),
        today,
        "welcome",
        |_| title.to_string(),
        &langs,
    )?;
    schemas::plan_site_schemas(&mut report, dir, lang);
    report.write(dir)
}

fn write_club(report: &mut ScaffoldReport, club: &Path, name: &str) -> Result<(), ScaffoldError> {
    let text = schemas::with_modeline(SchemaFile::Club, 2, &fill(CLUB, &[("name", name)]));
    report.create(club.join("club.yaml"), &text)?;
    report.create(club.join("about.kk.md"), ABOUT_KK)?;
    report.create(club.join("about.ru.md"), ABOUT_RU)
}

fn write_report(
    report: &mut ScaffoldReport,
    club: &Path,
    year: AcademicYear,
    langs: &[LangCode],
    example_figures: bool,
    status: Status,
) -> Result<(), ScaffoldError> {
    let front = fill(
        REPORT_FRONT,
        &[
            ("year", &year.slug()),
            ("status", status.key()),
            ("c", if example_figures { "" } else { "# " }),
        ],
    );
    for lang in langs {
        let body = body_text(lang, BodyKind::Report);
        let path = club.join(format!("reports/{}.{lang}.md", year.slug()));
        report.create(path, &format!("{front}{body}"))?;
    }
    Ok(())
}

fn write_news(
    report: &mut ScaffoldReport,
    dir: &Path,
    date: Date,
    slug: &str,
    title: impl Fn(&LangCode) -> String,
    langs: &[LangCode],
) -> Result<(), ScaffoldError> {
    for lang in langs {
        let title = title(lang);
        let front = fill(
            NEWS_FRONT,
            &[("title", &title), ("date", &date.to_string())],
        );
        let path = dir.join(format!("{date}-{slug}.{lang}.md"));
        report.create(path, &format!("{front}{}", body_text(lang, BodyKind::News)))?;
    }
    Ok(())
}

#[derive(Clone, Copy)]
enum BodyKind {
    Report,
    News,
}

/// The placeholder text in `lang` (English for languages without one).
fn body_text(lang: &str, kind: BodyKind) -> &'static str {
    match (kind, lang) {
        (BodyKind::Report, "kk") => include_str!("templates/report.kk.md"),
        (BodyKind::Report, "ru") => include_str!("templates/report.ru.md"),
        (BodyKind::Report, _) => include_str!("templates/report.en.md"),
        (BodyKind::News, "kk") => include_str!("templates/news.kk.md"),
        (BodyKind::News, "ru") => include_str!("templates/news.ru.md"),
        (BodyKind::News, _) => include_str!("templates/news.en.md"),
    }
}

/// The title to replace that `new news` gives a language other than the
/// site's first (English for languages without one).
fn news_title(lang: &str) -> &'static str {
    match lang {
        "kk" => placeholders::NEWS_TITLE_KK,
        "ru" => placeholders::NEWS_TITLE_RU,
        _ => placeholders::NEWS_TITLE_EN,
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_placeholders() {
        assert_eq!(
            fill("year: {{year}}", &[("year", "2025-2026")]),
            "year: 2025-2026"
        );
    }

    #[test]
    fn every_placeholder_body_is_one_check_finds() {
        for lang in ["kk", "ru", "en"] {
            for kind in [BodyKind::Report, BodyKind::News] {
                let found = placeholders::find(body_text(lang, kind));
                assert_eq!(found.len(), 1, "{lang}: {found:?}");
            }
            assert_eq!(placeholders::find(news_title(lang)).len(), 1);
        }
    }

    #[test]
    fn quotes_titles_for_yaml() {
        assert_eq!(quoted("«Сенім» \"box\""), "\"«Сенім» \\\"box\\\"\"");
    }
}
