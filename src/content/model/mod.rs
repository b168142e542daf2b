//! The validated site: what the renderer and the checks work from.
//!
//! Everything here has been checked: region codes exist, URLs are safe,
//! years match their files, figures add up. Here the site, its files and
//! texts; a club in `club`, reports, plans, news and pages in `posts`.
//!
//! The model keeps where things came from, so the rules over the whole
//! site never read a file again nor parse YAML: the text of every file
//! it was built from as read ([`SourceText`], `Body::text`, `Club::text`,
//! `Config::text`), and the places in them that rules report at (a
//! [`Location`](crate::diag::Location) beside the value, recorded while
//! loading: `Club::feedback_at`, `Gallery::at`, `Leader::phone_at`,
//! `Photo::listed_at`).
//!
//! Layer 3 (content): imports `config`, `types` and
//! `content::{indicators, schedule, sources}`.

mod club;
mod posts;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

pub use super::indicators::{Figures, Indicator, MAX_FIGURE, Quarter};
pub use super::schedule::{PlanFormat, When};
use crate::config::Config;
use crate::types::{Date, LangCode, Localized};
pub use club::*;
pub use posts::*;

/// The whole site.
#[derive(Debug, Clone)]
pub struct Site {
    /// site.yaml.
    pub config: Config,
    /// Clubs, sorted by slug.
    pub clubs: Vec<Club>,
    /// Site-wide news, newest first.
    pub news: Vec<News>,
    /// Free pages, by slug.
    pub pages: Vec<Page>,
    /// Published documents.
    pub documents: Vec<Document>,
    /// The site's principles.yaml, replacing the built-in set.
    pub principles: Option<Vec<PrincipleText>>,
    /// Files of static/, to copy as they are.
    pub static_files: Vec<Asset>,
    /// Template overrides from templates/: (file name, text).
    pub templates: Vec<(String, String, PathBuf)>,
    /// UI message overrides from i18n/: (language, file).
    pub messages: Vec<(LangCode, PathBuf)>,
    /// The site's own data files as read: principles.yaml,
    /// documents/documents.yaml (site.yaml: `config.text`).
    pub data: Vec<SourceText>,
    /// Which file of the site folder is which page, for links by source
    /// path (`[rules](pages/rules.md)`).
    pub sources: super::SourceIndex,
}

impl Site {
    /// The club with this slug (clubs are sorted by slug, so this is a
    /// binary search, not a scan per page).
    pub fn club(&self, slug: &str) -> Option<&Club> {
        match self.clubs.binary_search_by(|c| c.slug.as_str().cmp(slug)) {
            Ok(i) => Some(&self.clubs[i]),
            Err(_) => self.clubs.iter().find(|c| c.slug == slug),
        }
    }
}

/// A file copied into the output.
#[derive(Debug, Clone)]
pub struct Asset {
    /// Where it is.
    pub source: PathBuf,
    /// Its path in the output, with `/` separators.
    pub output: String,
}

/// Markdown rendered to sanitized HTML, per language.
#[derive(Debug, Clone, Default)]
pub struct Doc {
    /// `about.md`: one text for all languages.
    pub all: Option<Body>,
    /// `about.kk.md` ...: per language.
    pub per_lang: BTreeMap<LangCode, Body>,
}

/// One rendered Markdown text.
#[derive(Debug, Clone)]
pub struct Body {
    /// Sanitized HTML.
    pub html: String,
    /// The file it came from.
    pub file: PathBuf,
    /// The whole file as read, front matter included, for the rules.
    pub text: Arc<str>,
    /// Where the Markdown starts in `text` (after the front matter).
    pub body_start: usize,
    /// Line of the first body line in the file.
    pub first_line: usize,
    /// Its links and images written by their path in the site folder
    /// (`pages/rules.md`), marked `@/<path>` in `html` until a page
    /// shows them in its language.
    pub links: Vec<SourceLink>,
}

/// A link or image of a Markdown text written by its path in the site
/// folder: `[rules](pages/rules.md)`, `![](@/clubs/senim/photos/a.jpg)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceLink {
    /// The path from the site folder, `/`-separated, decoded:
    /// `pages/rules.md`.
    pub path: String,
    /// What followed it: `#part` (or `?query`), possibly empty.
    pub rest: String,
    /// Line in the file, 1-based.
    pub line: usize,
    /// Column of the path as written, 1-based.
    pub column: usize,
    /// How many characters the path takes as written.
    pub width: usize,
}

impl Body {
    /// The Markdown source, for the rules.
    pub fn markdown(&self) -> &str {
        &self.text[self.body_start..]
    }
}

/// A file the site was built from, with its text as the loader read it:
/// the rules over the whole site scan it from here and never read the
/// file again.
#[derive(Debug, Clone)]
pub struct SourceText {
    /// The file.
    pub file: PathBuf,
    /// Its text.
    pub text: Arc<str>,
}

impl Doc {
    /// True when no language has a text.
    pub fn is_empty(&self) -> bool {
        self.all.is_none() && self.per_lang.is_empty()
    }

    /// The text for `lang`: its own, else the one for all languages, else
    /// the first language in `order` that has one. The flag is true on
    /// fallback, with the language the text is in.
    pub fn resolve<'a>(
        &'a self,
        lang: &'a str,
        order: &'a [LangCode],
    ) -> Option<(&'a Body, &'a str, bool)> {
        if let Some(b) = self.per_lang.get(lang) {
            return Some((b, lang, false));
        }
        if let Some(b) = &self.all {
            return Some((b, lang, false));
        }
        order
            .iter()
            .find_map(|l| self.per_lang.get(l).map(|b| (b, l.as_str(), true)))
            .or_else(|| {
                self.per_lang
                    .iter()
                    .next()
                    .map(|(l, b)| (b, l.as_str(), true))
            })
    }

    /// Every body, for the checks.
    pub fn bodies(&self) -> impl Iterator<Item = &Body> {
        self.all.iter().chain(self.per_lang.values())
    }
}

/// A published document.
#[derive(Debug, Clone)]
pub struct Document {
    /// The file in documents/.
    pub source: PathBuf,
    /// Its file name (also its output name under documents/).
    pub file: String,
    /// Title.
    pub title: Localized,
    /// Date.
    pub date: Option<Date>,
    /// Number.
    pub number: Option<String>,
    /// For a web page (.html), the cleaned page published instead of the
    /// file, so it cannot run scripts on the site (see docs/security.md).
    pub cleaned: Option<std::sync::Arc<Vec<u8>>>,
}
