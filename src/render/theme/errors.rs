//! Tera's errors as diagnostics, each with the template's file and line.
//!
//! Part of layer 4 (`render::theme`).

use std::collections::HashMap;
use std::path::PathBuf;

use crate::diag::{Diagnostic, Location};

/// The problems of compiling the templates: Tera reports the names a
/// template uses that do not exist (`{{ x | lco }}`: an unknown filter,
/// test or function) as one text of reports, each becoming a problem with
/// its file and line here; any other error is one problem.
pub(super) fn compile_diagnostics(
    e: &tera::Error,
    sources: &HashMap<String, PathBuf>,
) -> Vec<Diagnostic> {
    let found = match e.kind() {
        tera::ErrorKind::Msg(text) => reference_diagnostics(text, sources),
        _ => Vec::new(),
    };
    if found.is_empty() {
        vec![template_diagnostic(e, sources)]
    } else {
        found
    }
}

/// Each report of `text` (`error: Unknown filter `lco`` then
/// ` --> club.html:5:20` ...) that names its place.
fn reference_diagnostics(text: &str, sources: &HashMap<String, PathBuf>) -> Vec<Diagnostic> {
    text.split("\n\n")
        .filter_map(|report| {
            let message = report.lines().next()?.strip_prefix("error: ")?.trim();
            let at = report
                .lines()
                .find_map(|l| l.trim_start().strip_prefix("--> "))?;
            let mut parts = at.trim().rsplitn(3, ':');
            let column: usize = parts.next()?.parse().ok()?;
            let line: usize = parts.next()?.parse().ok()?;
            let name = parts.next()?;
            let file = sources
                .get(name)
                .cloned()
                .unwrap_or_else(|| PathBuf::from(name));
            Some(problem(message).at(Location::at(file, line.max(1), column.max(1))))
        })
        .collect()
}

/// The problem `message` of a template.
fn problem(message: &str) -> Diagnostic {
    Diagnostic::error("template/error", format!("template problem: {message}"))
        .words("template-error")
        .arg("error", message)
        .help("fix the template, or delete your copy in templates/ to use the theme's own")
}

/// A Tera error as a diagnostic with the template's file and line.
pub(crate) fn template_diagnostic(
    e: &tera::Error,
    sources: &HashMap<String, PathBuf>,
) -> Diagnostic {
    use tera::ErrorKind;
    let report = match e.kind() {
        ErrorKind::SyntaxError(r) | ErrorKind::RenderingError(r) => Some(r),
        _ => None,
    };
    let mut message = match report {
        Some(r) => r.message().to_string(),
        None => e.to_string(),
    };
    let mut cause = std::error::Error::source(e);
    while let Some(c) = cause {
        message.push_str(&format!(": {c}"));
        cause = c.source();
    }
    let d = problem(&message);
    match report {
        Some(r) => {
            let file = sources
                .get(r.filename())
                .cloned()
                .unwrap_or_else(|| PathBuf::from(r.filename()));
            d.at(Location::at(
                file,
                r.span().start_line.max(1),
                r.span().start_col + 1,
            ))
        }
        None => d,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_unknown_name_is_a_problem_at_its_line() {
        let text = "error: Unknown filter `lco`\n --> club.html:5:20\n  |\n5 | x\n\nerror: Unknown function `tt`\n --> partials/a.html:2:4\n  |";
        let sources = HashMap::from([(
            "club.html".to_string(),
            PathBuf::from("site/templates/club.html"),
        )]);
        let found = reference_diagnostics(text, &sources);
        let at: Vec<_> = found
            .iter()
            .map(|d| {
                let l = d.location.as_ref().unwrap();
                (d.message.as_str(), l.file.clone(), l.line, l.column)
            })
            .collect();
        assert_eq!(
            at,
            [
                (
                    "template problem: Unknown filter `lco`",
                    "site/templates/club.html".into(),
                    Some(5),
                    Some(20)
                ),
                (
                    "template problem: Unknown function `tt`",
                    "partials/a.html".into(),
                    Some(2),
                    Some(4)
                ),
            ]
        );
    }
}
