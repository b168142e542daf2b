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
//! `new` (`new.rs`) adds a club, a report or a news item to a site.
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
mod new;
mod schemas;
mod theme;

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::content::Status;
use crate::content::placeholders;
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
pub use new::{new_club, new_news, new_report};
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
