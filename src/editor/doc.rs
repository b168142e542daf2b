//! What a preview page shows, as files to edit: a club page is its
//! club.yaml, a plan its plan file, a report, a news item or a page its
//! Markdown files, one per language (`2024-2025.kk.md`, `….ru.md`, or one
//! `….md` for every language).
//!
//! Layer 8: part of `editor`.

use std::path::Path;

/// One file of a document.
#[derive(Debug, Clone)]
pub(crate) struct Part {
    /// Its path in the site (`clubs/senim/club.yaml`).
    pub rel: String,
    /// The language of a Markdown file named `….kk.md`.
    pub lang: Option<String>,
    /// Markdown with front matter, else YAML.
    pub markdown: bool,
}

/// The files a page shows, in the site's language order; empty when the
/// page shows no content file (the document list is offered then).
pub(crate) fn for_page(site: &Path, page: &str, langs: &[String]) -> Vec<Part> {
    let parts: Vec<&str> = page.split('/').filter(|s| !s.is_empty()).collect();
    let rest = match parts.split_first() {
        Some((first, rest)) if langs.iter().any(|l| l == first) => rest,
        _ => &parts[..],
    };
    match rest {
        ["clubs", club, "reports", year, ..] => group(
            site,
            &format!("clubs/{club}/reports"),
            |s| s == *year,
            langs,
        ),
        ["clubs", club, "plans", year, ..] => {
            yaml(site, &format!("clubs/{club}/plans/{year}.yaml"))
        }
        ["clubs", club, "news", slug, ..] => news(site, Some(club), slug, langs),
        ["news", slug, ..] if *slug != "atom.xml" => news(site, None, slug, langs),
        ["pages", slug, ..] => group(site, "pages", |s| s == *slug, langs),
        ["clubs", club, ..] => yaml(site, &format!("clubs/{club}/club.yaml")),
        _ => only_club(site),
    }
}

/// The files of a document named by `doc`: a YAML file, or the stem of a
/// Markdown group (`clubs/senim/news/2025-03-14-trust-box`).
pub(crate) fn named(site: &Path, doc: &str, langs: &[String]) -> Vec<Part> {
    if doc.ends_with(".yaml") {
        return yaml(site, doc);
    }
    let Some((dir, stem)) = doc.rsplit_once('/') else {
        return Vec::new();
    };
    group(site, dir, |s| s == stem, langs)
}

/// The document name of `parts` (see [`named`]).
pub(crate) fn name_of(parts: &[Part]) -> String {
    match parts.first() {
        Some(p) if !p.markdown => p.rel.clone(),
        Some(p) => {
            let stem = p.rel.trim_end_matches(".md");
            match &p.lang {
                Some(l) => stem.trim_end_matches(&format!(".{l}")).to_string(),
                None => stem.to_string(),
            }
        }
        None => String::new(),
    }
}

fn yaml(site: &Path, rel: &str) -> Vec<Part> {
    if !site.join(rel).is_file() {
        return Vec::new();
    }
    vec![Part {
        rel: rel.to_string(),
        lang: None,
        markdown: false,
    }]
}

/// The one club of a school site, else site.yaml.
fn only_club(site: &Path) -> Vec<Part> {
    let clubs: Vec<String> = std::fs::read_dir(site.join("clubs"))
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().join("club.yaml").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    match clubs.as_slice() {
        [club] => yaml(site, &format!("clubs/{club}/club.yaml")),
        _ => yaml(site, "site.yaml"),
    }
}

/// A news item: its stem is its slug, with or without the date before it.
fn news(site: &Path, club: Option<&&str>, slug: &str, langs: &[String]) -> Vec<Part> {
    let matches = |stem: &str| stem == slug || stem.ends_with(&format!("-{slug}"));
    match club {
        Some(club) => group(site, &format!("clubs/{club}/news"), matches, langs),
        None => {
            let found = group(site, "news", matches, langs);
            if !found.is_empty() {
                return found;
            }
            let clubs = std::fs::read_dir(site.join("clubs"))
                .into_iter()
                .flatten()
                .flatten();
            clubs
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .map(|club| group(site, &format!("clubs/{club}/news"), matches, langs))
                .find(|g| !g.is_empty())
                .unwrap_or_default()
        }
    }
}

/// The Markdown files of `dir` whose stem (language left out) matches:
/// the first stem found, its files in the order of `langs`.
fn group(site: &Path, dir: &str, matches: impl Fn(&str) -> bool, langs: &[String]) -> Vec<Part> {
    let mut names: Vec<String> = std::fs::read_dir(site.join(dir))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".md") && !crate::content::is_ignored(n))
        .collect();
    names.sort();
    let split = |name: &str| -> (String, Option<String>) {
        let stem = name.trim_end_matches(".md");
        match stem.rsplit_once('.') {
            Some((s, l)) if langs.iter().any(|x| x == l) => (s.to_string(), Some(l.to_string())),
            _ => (stem.to_string(), None),
        }
    };
    let Some(stem) = names.iter().map(|n| split(n).0).find(|s| matches(s)) else {
        return Vec::new();
    };
    let mut parts: Vec<Part> = names
        .iter()
        .filter(|n| split(n).0 == stem)
        .map(|n| Part {
            rel: format!("{dir}/{n}"),
            lang: split(n).1,
            markdown: true,
        })
        .collect();
    let order = |p: &Part| {
        p.lang
            .as_ref()
            .and_then(|l| langs.iter().position(|x| x == l))
    };
    parts.sort_by_key(order);
    parts
}
