//! Markdown files with front matter, one per language or one for all:
//! about texts, reports, news and pages; and the YAML activity plans.
//!
//! Layer 3 (content): imports `diag`, `types` and `content::{check, names}`;
//! its parts import `fs`, `yaml` and more of `content`.

mod news;
mod only;
mod pages;
mod pair;
mod parts;
mod plans;
mod reports;

use std::path::Path;

use crate::content::check::Addresses;
use crate::content::names;
use crate::diag::{Diagnostic, Diagnostics};
use crate::types::Slug;
use parts::Files;

pub(crate) use news::load_news;
pub(crate) use pages::load_pages;
pub(crate) use parts::load_doc;
pub(crate) use plans::load_plans;
pub(crate) use reports::load_reports;
// The fuzz entry points (src/fuzz.rs) read these from bytes in memory.
#[cfg(feature = "fuzzing")]
pub(crate) use parts::{NoFront, part_from_text};
#[cfg(feature = "fuzzing")]
pub(crate) use plans::plan_from_text;

/// The texts of a folder that each have a web address (news, pages):
/// `load` makes one from its stem and files, and an address already taken
/// in the folder is reported with `duplicate` and the text left out.
fn load_addressed<T>(
    groups: impl IntoIterator<Item = (String, Files)>,
    duplicate: &'static str,
    diags: &mut Diagnostics,
    mut load: impl FnMut(&str, Files, &mut Diagnostics) -> Option<T>,
    slug: impl Fn(&T) -> &Slug,
) -> Vec<T> {
    let mut taken = Addresses::default();
    groups
        .into_iter()
        .filter_map(|(stem, files)| {
            let file = files.first()?.1.clone();
            let item = load(&stem, files, diags)?;
            names::check_address(slug(&item), &file, diags);
            taken
                .claim(slug(&item), &file, duplicate, diags)
                .then_some(item)
        })
        .collect()
}

/// The error for a report or plan file not named after an academic year.
fn not_a_year(code: &'static str, stem: &str, file: &Path, help: &str) -> Diagnostic {
    Diagnostic::error(code, format!("`{stem}` is not an academic year"))
        .words("report-plan-file-name")
        .arg("stem", stem)
        .arg(
            "kind",
            if code == "plan/file-name" {
                "plan"
            } else {
                "report"
            },
        )
        .in_file(file)
        .help(help)
}

/// The file name of `p`, for messages.
fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default()
}
