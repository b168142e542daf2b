//! The IIN rule over the site's files: every line as written, YAML values
//! as the program reads them, Markdown as rendered, templates and static
//! pages as the browser shows each line, and the names of files and
//! folders. Each hit is an error at its file and line, its label saying
//! how the number was seen.
//!
//! Part of layer 5 (`rules`); imports `content`, `diag`, `fs`, the sibling
//! `privacy` and `text` modules of `rules`, and its parent's submodules.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{digits, find_iins, html, markdown};
use crate::content::markdown::split_front_matter;
use crate::content::{Site, values_as_read};
use crate::diag::{Diagnostic, Location};
use crate::rules::privacy::{Text, text_files};
use crate::rules::text::{Folded, is_dash};

/// One IIN found in the site's files.
pub(super) struct Hit {
    pub(super) digits: String,
    pub(super) diagnostic: Diagnostic,
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
pub(super) fn source_hits(site: &Site) -> Vec<Hit> {
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
