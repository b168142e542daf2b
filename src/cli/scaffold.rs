//! `bitimger init` and `bitimger new`: a site, a club, a report or a news
//! item made from templates, and the list of what was created and kept;
//! `bitimger theme export`: the default theme, written to be edited;
//! `bitimger schema`: the JSON Schemas of the content files, for editors.
//!
//! Layer 9: part of the binary; uses the library (`bitimger::`).

use std::path::Path;
use std::process::ExitCode;

use bitimger::scaffold::{Ci, ScaffoldError, ScaffoldReport};
use bitimger::types::Date;

use super::args::New;
use super::print::{IO, USAGE, fail, t};

/// Creates a new school site in `dir`, with the workflow of `ci`.
pub(crate) fn run_init(dir: &Path, ci: Option<Ci>) -> ExitCode {
    let lang = super::print::messages().lang().code();
    let result = bitimger::scaffold::init(dir, Date::today(), ci, lang);
    let code = print_scaffold(result);
    if code == ExitCode::SUCCESS {
        let dir = dir.display().to_string();
        anstream::eprintln!("{}", t("init-next", &[("dir", dir.into())]));
        let next = match ci {
            Some(Ci::Github) => Some("init-next-github"),
            Some(Ci::Gitlab) => Some("init-next-gitlab"),
            None => None,
        };
        if let Some(id) = next {
            anstream::eprintln!("{}", t(id, &[]));
        }
    }
    code
}

/// Adds a club, a report or a news item to `site`.
pub(crate) fn run_new(site: &Path, what: New) -> ExitCode {
    print_scaffold(match what {
        New::Club { slug } => {
            let lang = super::print::messages().lang().code();
            bitimger::scaffold::new_club(site, &slug, lang)
        }
        New::Report { club, year } => {
            bitimger::scaffold::new_report(site, &club, &year, Date::today())
        }
        New::News { args } => {
            let (club, title) = match args.as_slice() {
                [club, title] => (Some(club.as_str()), title.as_str()),
                [title] => (None, title.as_str()),
                _ => (None, ""),
            };
            bitimger::scaffold::new_news(site, club, title, Date::today())
        }
    })
}

/// Writes the default theme into `dir` (see `bitimger::scaffold::export_theme`).
pub(crate) fn run_theme_export(dir: &Path) -> ExitCode {
    let words = ExportWords {
        done: "theme-exported",
        not_folder: "theme-export-not-folder",
        exists: "theme-export-exists",
    };
    print_export(bitimger::scaffold::export_theme(dir), dir, words)
}

/// Writes the JSON Schemas into `dir`, their texts in the language of the
/// run (see `bitimger::scaffold::export_schemas`).
pub(crate) fn run_schema(dir: &Path) -> ExitCode {
    let lang = super::print::messages().lang().code();
    let words = ExportWords {
        done: "schema-exported",
        not_folder: "schema-export-not-folder",
        exists: "schema-export-exists",
    };
    print_export(bitimger::scaffold::export_schemas(dir, lang), dir, words)
}

/// The message ids of an all-or-nothing export that differ by command.
struct ExportWords {
    /// What was written, and what to do next.
    done: &'static str,
    /// The folder given is a file.
    not_folder: &'static str,
    /// Some of the files are there already (each is listed after it).
    exists: &'static str,
}

/// Prints what an all-or-nothing export wrote into `dir`, or why it wrote
/// nothing (exit 2, or 3 when writing failed).
fn print_export(
    result: Result<ScaffoldReport, ScaffoldError>,
    dir: &Path,
    words: ExportWords,
) -> ExitCode {
    let base = std::env::current_dir().unwrap_or_default();
    let shown = |p: &Path| bitimger::diag::display_path(p, &base);
    match result {
        Ok(report) => {
            for p in &report.created {
                anstream::eprintln!("{}", t("scaffold-created", &[("path", shown(p).into())]));
            }
            let args = [
                ("n", report.created.len().into()),
                ("dir", shown(dir).into()),
            ];
            anstream::eprintln!("{}", t(words.done, &args));
            ExitCode::SUCCESS
        }
        Err(ScaffoldError::NotAFolder(p)) => {
            fail(t(words.not_folder, &[("path", shown(&p).into())]), USAGE)
        }
        Err(ScaffoldError::Exists(paths)) => {
            let args = [("n", paths.len().into()), ("dir", shown(dir).into())];
            let code = fail(t(words.exists, &args), USAGE);
            for p in &paths {
                anstream::eprintln!("  {}", shown(p));
            }
            code
        }
        Err(ScaffoldError::Link(link, _)) => {
            fail(t("export-link", &[("path", shown(&link).into())]), USAGE)
        }
        Err(ScaffoldError::Io(path, e)) => {
            let args = [
                ("path", shown(&path).into()),
                ("error", e.to_string().into()),
            ];
            fail(t("export-io", &args), IO)
        }
        Err(e) => fail(e, USAGE),
    }
}

/// Lists what `init` or `new` created and left alone.
fn print_scaffold(result: Result<ScaffoldReport, ScaffoldError>) -> ExitCode {
    let report = match result {
        Ok(r) => r,
        Err(ScaffoldError::SchoolHasClub(club)) => {
            let message = t("scaffold-school-has-club", &[("club", club.into())]);
            return fail(message, USAGE);
        }
        Err(e) => {
            let code = match e {
                ScaffoldError::Io(..) => IO,
                _ => USAGE,
            };
            return fail(e, code);
        }
    };
    let base = std::env::current_dir().unwrap_or_default();
    let shown = |p: &Path| bitimger::diag::display_path(p, &base);
    for p in &report.created {
        anstream::eprintln!("{}", t("scaffold-created", &[("path", shown(p).into())]));
    }
    for p in &report.skipped {
        anstream::eprintln!("{}", t("scaffold-kept", &[("path", shown(p).into())]));
    }
    for note in &report.notes {
        anstream::eprintln!("{}: {note}", t("diag-note", &[]));
    }
    if report.created.is_empty() {
        anstream::eprintln!("{}", t("scaffold-nothing", &[]));
    }
    ExitCode::SUCCESS
}
