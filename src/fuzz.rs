//! Entry points for fuzzing and property tests: each content loader run on
//! bytes in memory, as if read from a file of a site. Not a stable API,
//! and not in the shipped binary: compiled only with the `fuzzing` feature,
//! which fuzz/ and the test suite (tests/suite/fuzz.rs) enable.
//!
//! Every function returns the diagnostics; none may panic or hang, whatever
//! the bytes.

use std::path::{Path, PathBuf};

use crate::config::{Config, SiteKind, Theme, parse_config};
use crate::content::LoadContext;
use crate::diag::Diagnostics;
use crate::types::LangCode;

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
        languages: vec![LangCode::new("kk"), LangCode::new("ru")],
        kind: SiteKind::Directory,
        publisher: None,
        theme: Theme::Default,
        style: Default::default(),
        include: Vec::new(),
        silence: Vec::new(),
        text: "".into(),
        known_languages: ["kk", "ru", "en"].map(String::from).into(),
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
        let lang = Some(LangCode::new("kk"));
        let kk = crate::content::markdown::Quotes::Guillemets;
        part_from_text::<RawReport>(lang.clone(), &file, t.clone(), "report", 2, kk, &mut diags);
        part_from_text::<RawNews>(lang.clone(), &file, t.clone(), "news", 2, kk, &mut diags);
        part_from_text::<RawPage>(lang.clone(), &file, t.clone(), "page", 2, kk, &mut diags);
        part_from_text::<NoFront>(lang, &file, t, "page", 2, kk, &mut diags);
    }
    diags
}

/// A Markdown body, rendered and sanitized; returns the HTML too.
pub fn markdown(bytes: &[u8]) -> (String, Diagnostics) {
    let mut diags = Diagnostics::new();
    let file = root().join("pages/fuzz.md");
    let html = match text(&file, bytes, &mut diags) {
        Some(t) => {
            crate::content::markdown::render(
                &t,
                &file,
                1,
                2,
                crate::content::markdown::Quotes::Guillemets,
                &mut diags,
            )
            .html
        }
        None => String::new(),
    };
    (html, diags)
}

/// The Markdown shapes that once made rendering superlinear, each `{}`
/// filled with a fragment of the input.
const SHAPES: &[(&str, &str)] = &[
    ("", "# {}\n"),
    ("", "[{}](a)\n"),
    ("", "[x](a{}) "),
    ("", "[x](javascript:{}) "),
    ("", "> "),
    ("", "- "),
    ("", "1. "),
    ("", "<div>{}\n"),
    ("", "<div><table><tr><td>{}</div>\n"),
    ("", "<b title=\"{}\">"),
    ("", "*{} _"),
    ("[r]: /u\n\n", "[{}][r] "),
    ("", "| {} "),
    ("", "![{}](x.png) "),
    ("", "![]({}) "),
];

/// A Markdown text of one of the shapes that made rendering take minutes
/// (equal headings, many links, deep nesting, unclosed tags ...), built
/// from `bytes`: the first picks the shape, the next two how many times it
/// repeats (up to 20,000), the rest (up to 64 bytes) is the text inside.
/// Returns the Markdown, its sanitized HTML and the diagnostics.
pub fn markdown_shape(bytes: &[u8]) -> (String, String, Diagnostics) {
    let (head, rest) = bytes.split_at(bytes.len().min(3));
    let pick = |i: usize| head.get(i).copied().unwrap_or(0);
    let (prefix, unit) = SHAPES[usize::from(pick(0)) % SHAPES.len()];
    let count = usize::from(u16::from_le_bytes([pick(1), pick(2)])) % 20_001;
    let fragment = String::from_utf8_lossy(&rest[..rest.len().min(64)]);
    let unit = unit.replace("{}", &fragment);
    let mut text = String::with_capacity(prefix.len() + unit.len() * count + 8);
    text.push_str(prefix);
    for _ in 0..count {
        text.push_str(&unit);
    }
    text.push_str("end\n");
    let mut diags = Diagnostics::new();
    let file = root().join("pages/fuzz.md");
    let html = crate::content::markdown::render(
        &text,
        &file,
        1,
        2,
        crate::content::markdown::Quotes::Guillemets,
        &mut diags,
    )
    .html;
    (text, html, diags)
}

/// The most open elements [`markdown_shape`] and [`markdown`] may leave in
/// their HTML: the cap before sanitizing, with room for what the HTML
/// parser adds (formatting elements it opens again).
pub const MAX_HTML_DEPTH: usize = 2 * crate::content::markdown::MAX_DEPTH + 8;

/// How deep the elements of `html` nest (the fragment's root counts one),
/// found in one walk over its tree.
pub fn html_depth(html: &str) -> usize {
    let doc = scraper::Html::parse_fragment(html);
    let mut node = doc.tree.root();
    let (mut depth, mut deepest) = (0, 0);
    loop {
        if let Some(child) = node.first_child() {
            node = child;
            depth += 1;
            deepest = deepest.max(depth);
            continue;
        }
        loop {
            if let Some(next) = node.next_sibling() {
                node = next;
                break;
            }
            match node.parent() {
                Some(parent) => {
                    node = parent;
                    depth -= 1;
                }
                None => return deepest,
            }
        }
    }
}

/// A YAML file with anchors and aliases, built from `bytes`: a text of up
/// to 64 KB marked `&a0`, lists of up to 15 aliases to the one before
/// (`&a1` ... up to `&a4`), and up to 8,191 uses of the last, read as
/// site.yaml, club.yaml, a plan or front matter by byte 0. Returns how much
/// `yaml` counts for it with its aliases followed (a byte per character of
/// text and one per value), the most it allows for this file, and the
/// diagnostics: past the limit, the file must be refused.
pub fn yaml_aliases(bytes: &[u8]) -> (usize, usize, Diagnostics) {
    let pick = |i: usize| usize::from(bytes.get(i).copied().unwrap_or(0));
    let size = (pick(1) << 8 | pick(2)) % 65_536;
    let levels = pick(3) % 5;
    let fanout = pick(4) % 16;
    let uses = (pick(5) << 8 | pick(6)) % 8_192;
    let letter = char::from(b'a' + (pick(7) % 26) as u8);
    let mut yaml = format!("a0: &a0 \"{}\"\n", letter.to_string().repeat(size));
    // The count of each anchored value, and of the whole mapping: itself,
    // each key, each value.
    let mut one = size + 1;
    let mut walked = 1 + 3 + one;
    for level in 1..=levels {
        let aliases = vec![format!("*a{}", level - 1); fanout].join(", ");
        yaml.push_str(&format!("a{level}: &a{level} [{aliases}]\n"));
        one = 1 + fanout.saturating_mul(one);
        walked = walked.saturating_add(3 + one);
    }
    yaml.push_str("uses:\n");
    for _ in 0..uses {
        yaml.push_str(&format!("  - *a{levels}\n"));
    }
    let walked = walked.saturating_add(5 + 1 + uses.saturating_mul(one));
    let limit = crate::yaml::expansion_limit(&yaml);
    let diags = match pick(0) % 4 {
        0 => site_yaml(yaml.as_bytes()),
        1 => club_yaml(yaml.as_bytes()),
        2 => plan_yaml(yaml.as_bytes()),
        _ => front_matter(format!("---\n{yaml}---\nText.\n").as_bytes()),
    };
    (walked, limit, diags)
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
