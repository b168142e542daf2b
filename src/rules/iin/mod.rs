//! The IIN rule (DESIGN.md §5): a person's IIN is never published, however
//! it is written. An error for `check` and for `build` (nothing is
//! written), found in three places:
//!
//! - the site's files, as the published page shows them: every line
//!   with character references decoded and Unicode folded (`text`), the
//!   values of YAML as the program reads them (escapes decoded), Markdown
//!   as rendered (emphasis, inline HTML and escapes gone), and file and
//!   folder names (a news file's name becomes its address). These point
//!   at the file and line. Content files and template overrides are
//!   scanned in the text the loader kept; message overrides and text
//!   files of static/, which the loader does not read, are read here.
//! - every published file: the text of each page, feed and export, and
//!   its path. What is found only there (nothing in the files explains
//!   it) is reported with the published file's name.
//!
//! This module holds the [`Guard`] that runs the rule and checks the
//! published files; `source` finds IINs in the site's files and their
//! names; `digits` finds the numbers in a text, `html`, `markdown`,
//! `page` and `screen` read what a page or a Markdown file shows.
//!
//! Layer 5 (part of `rules`).

mod digits;
mod html;
mod markdown;
mod page;
mod screen;
mod source;

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Mutex;

use super::text::Folded;
use crate::content::Site;
use crate::diag::{Diagnostic, Diagnostics};
use crate::render::OutputFile;
pub(crate) use digits::find_iins;
use source::source_hits;

/// The IIN rule over the site's files and every published file. One per
/// run of the pipeline.
#[derive(Default)]
pub(super) struct Guard {
    /// The numbers already reported from the site's files.
    reported: Mutex<BTreeSet<String>>,
    /// Numbers found in published files: (output path, digits).
    published: Mutex<Vec<(String, String)>>,
}

impl Guard {
    /// IINs in the site's files and file names.
    pub(super) fn site(&self, site: &Site, diags: &mut Diagnostics) {
        let hits = source_hits(site);
        let mut reported = lock(&self.reported);
        for hit in hits {
            reported.insert(hit.digits.clone());
            diags.push(hit.diagnostic);
        }
    }

    /// IINs in one published file: its path and what it shows.
    pub(super) fn file(&self, file: &OutputFile) {
        let path = file.path();
        let mut found: Vec<String> = Vec::new();
        if digits::may_hold_iin(path) {
            found.extend(find_iins(&Folded::of(path, 0)).into_iter().map(|f| f.text));
        }
        let copied;
        let bytes = match file {
            OutputFile::Copy { source, .. } => {
                copied = small_file(source);
                copied.as_deref()
            }
            // The theme built into bitimger holds no one's data.
            OutputFile::Embedded { .. } => None,
            _ => file.bytes(),
        };
        if let Some(texts) = bytes.and_then(|b| html::texts_of_file(path, b)) {
            found.extend(texts.iter().flat_map(find_iins).map(|f| f.text));
        }
        if !found.is_empty() {
            let mut published = lock(&self.published);
            published.extend(found.into_iter().map(|d| (path.to_string(), d)));
        }
    }

    /// Numbers the published files showed that no site file explains.
    pub(super) fn finish(&self, diags: &mut Diagnostics) {
        for d in self.unexplained() {
            diags.push(d);
        }
    }

    /// Numbers that published files show and no file of the site explains
    /// (already reported): one error each, naming a published file.
    fn unexplained(&self) -> Vec<Diagnostic> {
        let reported = lock(&self.reported);
        let mut published = lock(&self.published).clone();
        // Each number once, with the first page (by path) that shows it.
        published.sort_by(|a, b| (&a.1, &a.0).cmp(&(&b.1, &b.0)));
        published.dedup_by(|a, b| a.1 == b.1);
        published
            .into_iter()
            .filter(|(_, digits)| !reported.contains(digits))
            .map(|(path, digits)| {
                Diagnostic::error(
                    "privacy/iin",
                    format!(
                        "the published file `{path}` shows what looks like an IIN (a personal identification number starting {}…)",
                        &digits[..6]
                    ),
                )
                .words("privacy-iin-published")
                .arg("path", &path)
                // With its `…`, so that it stays text (`050312` is no number).
                .arg("start", format!("{}…", &digits[..6]))
                .help("never publish a person's IIN: find the number in the site's files (a template, a message file, a file in static/ ...) and delete it")
            })
            .collect()
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// A file copied as it is, when it is small enough to be text.
fn small_file(path: &Path) -> Option<Vec<u8>> {
    let meta = std::fs::metadata(path).ok()?;
    (meta.len() <= crate::fs::MAX_TEXT_FILE)
        .then(|| std::fs::read(path).ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(path: &str, html: &str) -> OutputFile {
        OutputFile::Bytes {
            path: path.into(),
            bytes: html.as_bytes().to_vec(),
        }
    }

    #[test]
    fn a_number_only_the_output_shows_is_reported_with_its_page() {
        let guard = Guard::default();
        guard.file(&page("kk/index.html", "<p>ЖСН 9001<b>1530</b>0122</p>"));
        guard.file(&page("ru/index.html", "<p>ЖСН 900115300122</p>"));
        guard.file(&page("kk/900115300122/index.html", "<p>x</p>"));
        guard.file(&page(
            "kk/about/index.html",
            "<p>2024-2025, +7 701 555 23 14</p>",
        ));
        let found = guard.unexplained();
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("kk/900115300122/index.html"));
        assert!(found[0].is_error());
        lock(&guard.reported).insert(IIN.into());
        assert!(
            guard.unexplained().is_empty(),
            "reported from the site's files"
        );
    }

    const IIN: &str = "900115300122";
}
