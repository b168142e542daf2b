//! Entry points for fuzzing and property tests: each content loader run on
//! bytes in memory, as if read from a file of a site. Not a stable API.
//!
//! Every function returns the diagnostics; none may panic or hang, whatever
//! the bytes.

use std::path::{Path, PathBuf};

use crate::config::{Config, SiteKind, Theme, parse_config};
use crate::content::LoadContext;
use crate::diag::Diagnostics;

/// The folder the fuzzed files pretend to be in (never read: it does not exist).
fn root() -> PathBuf {
    PathBuf::from("/nonexistent/bitimger-fuzz/site")
}

fn config() -> Config {
    Config {
        root: root(),
        title: crate::types::Localized::All("Fuzz".into()),
        description: None,
        base_url: None,
        languages: vec!["kk".into(), "ru".into()],
        kind: SiteKind::Directory,
        publisher: None,
        theme: Theme::Default,
        include: Vec::new(),
        silence: Vec::new(),
    }
}

fn text(file: &Path, bytes: &[u8], diags: &mut Diagnostics) -> Option<String> {
    crate::fs::decode_text(file, bytes.to_vec())
        .map_err(|d| diags.push(d))
        .ok()
}

/// site.yaml.
pub fn site_yaml(bytes: &[u8]) -> Diagnostics {
    let mut diags = Diagnostics::new();
    let file = root().join("site.yaml");
    if let Some(t) = text(&file, bytes, &mut diags) {
        parse_config(&root(), &file, &t, &mut diags);
    }
    diags
}

/// clubs/fuzz/club.yaml.
pub fn club_yaml(bytes: &[u8]) -> Diagnostics {
    let mut diags = Diagnostics::new();
    let config = config();
    let ctx = context(&config);
    let dir = root().join("clubs/fuzz");
    if let Some(t) = text(&dir.join("club.yaml"), bytes, &mut diags) {
        crate::content::club::club_from_text(&ctx, &dir, &t, &mut diags);
    }
    diags
}

/// clubs/fuzz/plans/2025-2026.yaml.
pub fn plan_yaml(bytes: &[u8]) -> Diagnostics {
    let mut diags = Diagnostics::new();
    let config = config();
    let ctx = context(&config);
    let file = root().join("clubs/fuzz/plans/2025-2026.yaml");
    if let Some(t) = text(&file, bytes, &mut diags) {
        crate::content::posts::plan_from_text(&ctx, &file, &t, &mut diags);
    }
    diags
}

/// A Markdown file with front matter, read as a report, a news item and a
/// page (front matter and body).
pub fn front_matter(bytes: &[u8]) -> Diagnostics {
    use crate::content::posts::{NoFront, part_from_text};
    use crate::content::raw::{RawNews, RawPage, RawReport};
    let mut diags = Diagnostics::new();
    let file = root().join("clubs/fuzz/reports/2024-2025.kk.md");
    if let Some(t) = text(&file, bytes, &mut diags) {
        let lang = Some("kk".to_string());
        part_from_text::<RawReport>(lang.clone(), &file, t.clone(), "report", 2, &mut diags);
        part_from_text::<RawNews>(lang.clone(), &file, t.clone(), "news", 2, &mut diags);
        part_from_text::<RawPage>(lang.clone(), &file, t.clone(), "page", 2, &mut diags);
        part_from_text::<NoFront>(lang, &file, t, "page", 2, &mut diags);
    }
    diags
}

/// A Markdown body, rendered and sanitized; returns the HTML too.
pub fn markdown(bytes: &[u8]) -> (String, Diagnostics) {
    let mut diags = Diagnostics::new();
    let file = root().join("pages/fuzz.md");
    let html = match text(&file, bytes, &mut diags) {
        Some(t) => crate::content::markdown::render(&t, &file, 1, 2, &mut diags).html,
        None => String::new(),
    };
    (html, diags)
}

/// The load context of the fuzzed site: no drafts, no cache, nothing excluded.
fn context(config: &Config) -> LoadContext<'_> {
    LoadContext {
        config,
        root: &config.root,
        drafts: false,
        exclude: Vec::new(),
        principles: None,
        cache: None,
    }
}
