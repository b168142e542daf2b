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
//! Layer 5 (part of `rules`).

mod digits;
mod html;
mod markdown;
mod page;
mod screen;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;

use super::privacy::{Text, text_files};
use super::text::{Folded, is_dash};
use crate::content::markdown::split_front_matter;
use crate::content::{Site, values_as_read};
use crate::diag::{Diagnostic, Diagnostics, Location};
use crate::render::OutputFile;
pub(crate) use digits::find_iins;

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

/// One IIN found in the site's files.
struct Hit {
    digits: String,
    diagnostic: Diagnostic,
}

fn hit(digits: String, location: Location, seen: Seen) -> Hit {
    Hit {
        digits,
        diagnostic: Diagnostic::error(
            "privacy/iin",
            "this looks like an IIN (a personal identification number)",
        )
        .words("privacy-iin")
        .arg("seen", seen.key())
        .at(location)
        .label(seen.label())
        .help("never publish a person's IIN: delete the number"),
    }
}

/// How an IIN was seen in a site's file: its label, and the key its
/// words choose by.
#[derive(Debug, Clone, Copy)]
enum Seen {
    /// In a line as it is written.
    Line,
    /// In a YAML value as the program reads it.
    Read,
    /// In Markdown as the page shows it.
    PageText,
    /// In a line of HTML as the page shows it.
    PageLine,
    /// In a file or folder name.
    Name,
}

impl Seen {
    fn label(self) -> &'static str {
        match self {
            Seen::Line => "valid IIN check digit",
            Seen::Read => "valid IIN check digit, once this text is read (escapes, folded lines)",
            Seen::PageText => "valid IIN check digit, as the page shows this text",
            Seen::PageLine => "valid IIN check digit, as the page shows this line",
            Seen::Name => "in the file or folder name, which becomes the page's address",
        }
    }

    fn key(self) -> &'static str {
        match self {
            Seen::Line => "line",
            Seen::Read => "read",
            Seen::PageText => "page-text",
            Seen::PageLine => "page-line",
            Seen::Name => "name",
        }
    }
}

/// Every file the site publishes from that could hold text, with its
/// text when the loader kept it: content files and template overrides;
/// message overrides and text files of static/ are read here.
fn files_to_scan<'a>(site: &'a Site, content: &[Text<'a>]) -> Vec<(PathBuf, Option<&'a str>)> {
    let mut files: Vec<(PathBuf, Option<&str>)> = content
        .iter()
        .map(|t| (t.file.clone(), Some(t.text)))
        .collect();
    files.extend(
        site.templates
            .iter()
            .map(|(_, text, p)| (p.clone(), Some(text.as_str()))),
    );
    files.extend(site.messages.iter().map(|(_, p)| (p.clone(), None)));
    files.extend(
        site.static_files
            .iter()
            .filter(|a| html::texts_of_file(&a.output, b"").is_some())
            .map(|a| (a.source.clone(), None)),
    );
    files.sort_by(|a, b| a.0.cmp(&b.0));
    files.dedup_by(|a, b| a.0 == b.0);
    files
}

/// IINs in the site's files and file names, with their locations; each
/// number once per file.
fn source_hits(site: &Site) -> Vec<Hit> {
    let content = text_files(site);
    let mut hits: Vec<Hit> = files_to_scan(site, &content)
        .par_iter()
        .flat_map_iter(|(file, kept)| match kept {
            Some(text) => file_hits(file, text),
            None => crate::fs::read_text(file).map_or_else(|_| Vec::new(), |t| file_hits(file, &t)),
        })
        .collect();
    hits.extend(name_hits(
        site,
        content.into_iter().map(|t| t.file).collect(),
    ));
    hits
}

/// IINs in one file's `text`: its lines, then what only its YAML values
/// or its rendered Markdown show.
fn file_hits(file: &Path, text: &str) -> Vec<Hit> {
    if !digits::may_hold_iin(text) {
        return Vec::new();
    }
    let mut hits = line_hits(file, text);
    let mut seen: BTreeSet<String> = hits.iter().map(|h| h.digits.clone()).collect();
    let mut more = |digits: String, location: Location, how: Seen| {
        if seen.insert(digits.clone()) {
            hits.push(hit(digits, location, how));
        }
    };
    let ext = file.extension().and_then(|e| e.to_str()).unwrap_or("");
    match ext {
        "yaml" | "yml" if reading_may_differ(text) => {
            value_hits(file, text, 0, &mut more);
        }
        "md" => markdown_hits(file, text, &mut more),
        "html" | "htm" | "svg" | "xml" => html_hits(file, text, &mut more),
        _ => {}
    }
    hits
}

/// IINs in the lines of `text` as they are written.
fn line_hits(file: &Path, text: &str) -> Vec<Hit> {
    let mut hits = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if !digits::may_hold_iin(line) {
            continue;
        }
        for f in find_iins(&Folded::line(line)) {
            hits.push(hit(f.text, Location::at(file, i + 1, f.column), Seen::Line));
        }
    }
    hits
}

/// IINs in the values of YAML `text` (starting after `line_offset` lines
/// of `file`) as the program reads them, given to `more`.
fn value_hits(
    file: &Path,
    text: &str,
    line_offset: usize,
    more: &mut impl FnMut(String, Location, Seen),
) {
    for (location, value) in values_as_read(file, text, line_offset, &has_iin) {
        for f in find_iins(&Folded::of(&value, 0)) {
            more(f.text, location.clone(), Seen::Read);
        }
    }
}

/// IINs in a Markdown file's front matter as read and in its body as
/// rendered, given to `more`.
fn markdown_hits(file: &Path, text: &str, more: &mut impl FnMut(String, Location, Seen)) {
    let Ok(split) = split_front_matter(text) else {
        return;
    };
    if reading_may_differ(split.front) {
        value_hits(file, split.front, split.front_offset, more);
    }
    for block in markdown::blocks(split.body, split.body_line) {
        for f in find_iins(&block) {
            let location = Location::at(file, f.column, 1);
            more(f.text, location, Seen::PageText);
        }
    }
}

/// IINs in templates and static pages, as the browser shows each line,
/// given to `more`.
fn html_hits(file: &Path, text: &str, more: &mut impl FnMut(String, Location, Seen)) {
    for (i, line) in text.lines().enumerate() {
        for f in html::texts_of_html(line, false).iter().flat_map(find_iins) {
            let location = Location::at(file, i + 1, 1);
            more(f.text, location, Seen::PageLine);
        }
    }
}

/// True when reading YAML could show digits that its lines do not: an
/// escape (`"\u0036"`), or a number broken over two lines (which a
/// folded or multi-line text joins). Otherwise the lines say it all, and
/// the file need not be read again.
fn reading_may_differ(text: &str) -> bool {
    text.contains('\\')
        || text.lines().zip(text.lines().skip(1)).any(|(a, b)| {
            a.trim_end()
                .ends_with(|c: char| c.is_ascii_digit() || is_dash(c))
                && b.trim_start().starts_with(|c: char| c.is_ascii_digit())
        })
}

fn has_iin(text: &str) -> bool {
    digits::may_hold_iin(text) && !find_iins(&Folded::of(text, 0)).is_empty()
}

/// IINs in the names of files and folders: a name becomes part of a
/// published address (news, pages, photos, documents).
fn name_hits(site: &Site, content: Vec<PathBuf>) -> Vec<Hit> {
    let mut paths: Vec<(PathBuf, &Path)> = Vec::new();
    let root = site.config.root.as_path();
    for club in &site.clubs {
        let base = club.site_root.as_path();
        paths.push((club.dir.clone(), base));
        paths.extend(club.gallery.photos.iter().map(|p| (p.source.clone(), base)));
    }
    paths.extend(site.documents.iter().map(|d| (d.source.clone(), root)));
    paths.extend(site.static_files.iter().map(|a| (a.source.clone(), root)));
    for file in content {
        let base = site
            .clubs
            .iter()
            .map(|c| c.site_root.as_path())
            .find(|r| file.starts_with(r))
            .unwrap_or(root);
        paths.push((file, base));
    }
    paths.sort();
    paths.dedup();
    // A folder's name is reported once, not again for each file in it.
    let mut seen = BTreeSet::new();
    let mut hits = Vec::new();
    for (path, base) in paths {
        let name = path.strip_prefix(base).unwrap_or(&path).to_string_lossy();
        if !digits::may_hold_iin(&name) {
            continue;
        }
        for f in find_iins(&Folded::of(&name, 0)) {
            if seen.insert(f.text.clone()) {
                hits.push(hit(f.text, Location::file(&path), Seen::Name));
            }
        }
    }
    hits
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
