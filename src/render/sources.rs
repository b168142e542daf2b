//! Links by source path (`[rules](pages/rules.md)`), which the loader
//! marked `@/pages/rules.md` in a text's HTML, made into links relative to
//! the page that shows the text, to the target's page in that page's
//! language: `../pages/rules/index.html` from a page of `kk/news/`.
//!
//! Layer 4 (render): imports `content` and `render::{images, links, views}`.

use std::borrow::Cow;

use super::images::ImageMap;
use super::links::{PageId, Paths};
use super::views::url_segment;
use crate::content::{Linked, SOURCE_MARK, Site};

/// What turns a source path into a link: the site, its published photos
/// and where its pages live, in one language.
#[derive(Clone, Copy)]
pub(crate) struct SourceLinks<'a> {
    pub site: &'a Site,
    pub images: &'a ImageMap,
    pub paths: Paths,
    pub lang: &'a str,
}

impl SourceLinks<'_> {
    /// `html` (a text's HTML, shown on a page whose way up to the output
    /// root is `root`, `../../`) with every marked source path made a
    /// relative link. A path the site has no file for is left as it is
    /// (the loader reported it).
    pub(crate) fn link<'h>(&self, html: &'h str, root: &str) -> Cow<'h, str> {
        let needle = format!("=\"{SOURCE_MARK}");
        if !html.contains(&needle) {
            return Cow::Borrowed(html);
        }
        let mut out = String::with_capacity(html.len());
        let mut rest = html;
        // Whether the text up to `rest` ends inside a tag: only attribute
        // values are links; `href="@/..."` in a code sample is text.
        let mut in_tag = false;
        while let Some(at) = rest.find(&needle) {
            let value_start = at + 2;
            let Some(len) = rest[value_start..].find('"') else {
                break;
            };
            let before = &rest[..at];
            in_tag = match (before.rfind('<'), before.rfind('>')) {
                (Some(open), Some(close)) => open > close,
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (None, None) => in_tag,
            };
            out.push_str(&rest[..value_start]);
            let value = &rest[value_start..value_start + len];
            match self.target(value).filter(|_| in_tag) {
                Some(url) => out.push_str(&format!("{root}{url}")),
                None => out.push_str(value),
            }
            rest = &rest[value_start + len..];
        }
        out.push_str(rest);
        Cow::Owned(out)
    }

    /// The output path (and `#part`) of a marked value, as written in an
    /// attribute: `@/pages/rules.md#goals` → `kk/pages/rules/index.html#goals`.
    fn target(&self, value: &str) -> Option<String> {
        let value = value.replace("&amp;", "&");
        let marked = value.strip_prefix(SOURCE_MARK)?;
        let split = marked.find(['#', '?']).unwrap_or(marked.len());
        let (path, rest) = marked.split_at(split);
        let path = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
        let file = self.file(self.site.sources.get(&path)?)?;
        Some(format!("{file}{rest}").replace('&', "&amp;"))
    }

    /// Where `linked` is in the output, in this language.
    fn file(&self, linked: &Linked) -> Option<String> {
        match linked {
            Linked::Image(source) => self.images.get(source).map(|i| i.path.clone()),
            Linked::Document(file) => Some(format!("documents/{}", url_segment(file))),
            Linked::Static(output) => {
                let segments: Vec<String> = output.split('/').map(url_segment).collect();
                Some(segments.join("/"))
            }
            page => page_file(self.paths, page, self.lang),
        }
    }
}

/// The output file of the page `linked` names in `lang`
/// (`ru/pages/rules/index.html`); `None` for a file that is no page.
pub(crate) fn page_file(paths: Paths, linked: &Linked, lang: &str) -> Option<String> {
    let id = match linked {
        Linked::Club(slug) => PageId::Club(slug.clone()),
        Linked::Report(slug, year) => PageId::Report(slug.clone(), *year),
        Linked::Plan(slug, year) => PageId::Plan(slug.clone(), *year),
        Linked::News(club, slug) => PageId::News(club.clone(), slug.clone()),
        Linked::Page(slug) => PageId::Page(slug.clone()),
        Linked::Image(_) | Linked::Document(_) | Linked::Static(_) => return None,
    };
    Some(paths.file(lang, &id))
}
