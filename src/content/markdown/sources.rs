//! Links and images written by their path in the site folder
//! (`pages/rules.md`, `@/clubs/senim/photos/a.jpg`): recognised while the
//! Markdown is read, rewritten to one form, `@/<path>[#part]`, and recorded
//! with their place, so the loader can check that the file exists and the
//! renderer can point them at the right page of each language.
//!
//! Layer 3 (content): imports `diag` and `content::{model, urls}`.

use pulldown_cmark::{CowStr, Event, Tag};

use crate::content::model::SourceLink;
use crate::content::urls;
use crate::diag::Location;

/// The folders of a site whose files a link may name without `@/`.
const FOLDERS: [&str; 5] = ["clubs", "pages", "news", "documents", "static"];

/// Endings of the files a build makes under a language folder: a link
/// ending so is a link to a page, not to a source file.
const PAGE_ENDINGS: [&str; 3] = ["html", "htm", "xml"];

/// What the rendered HTML holds for a source path: `@/` and the path.
pub(crate) const MARK: &str = "@/";

/// The URL the HTML holds for `link` until a page shows it.
fn marked(link: &SourceLink) -> String {
    format!("{MARK}{}{}", link.path, link.rest)
}

/// `event` with the URL of a link or image by source path marked
/// (`@/<path>`), the link recorded in `links`; every other event as it
/// is. `source` is the Markdown the event was read from, starting at
/// `start` in the text, and `at` locates an offset of the text.
pub(super) fn mark<'m>(
    event: Event<'m>,
    (source, start): (&str, usize),
    at: impl Fn(usize) -> Location,
    links: &mut Vec<SourceLink>,
) -> Event<'m> {
    let (Event::Start(Tag::Link { dest_url, .. }) | Event::Start(Tag::Image { dest_url, .. })) =
        &event
    else {
        return event;
    };
    let Some((path, rest)) = source_path(dest_url) else {
        return event;
    };
    // Where the URL is written (after `](`), else where the link starts
    // (a reference link's URL is on another line).
    let written = dest_url.trim();
    let offset = source
        .find("](")
        .and_then(|b| source[b..].find(written).map(|u| b + u))
        .unwrap_or(0);
    let place = at(start + offset);
    let link = SourceLink {
        path,
        rest,
        line: place.line.unwrap_or(1),
        column: place.column.unwrap_or(1),
        width: written.chars().count(),
    };
    let marked = CowStr::from(marked(&link));
    links.push(link);
    match event {
        Event::Start(Tag::Link {
            link_type,
            title,
            id,
            ..
        }) => Event::Start(Tag::Link {
            link_type,
            dest_url: marked,
            title,
            id,
        }),
        Event::Start(Tag::Image {
            link_type,
            title,
            id,
            ..
        }) => Event::Start(Tag::Image {
            link_type,
            dest_url: marked,
            title,
            id,
        }),
        other => other,
    }
}

/// The source path `url` names, and what follows it (`#part`), when it is
/// one: it starts with `@/`, or it starts with a folder of the site
/// (`pages/`, `clubs/` ...) and ends with the name of a file that is not
/// a page (`rules.md`, `a.jpg`, `order.pdf`). Other URLs are left as they
/// are written.
pub(super) fn source_path(url: &str) -> Option<(String, String)> {
    let url = url.trim();
    if urls::classify(url) != urls::Target::Own {
        return None;
    }
    let split = url.find(['#', '?']).unwrap_or(url.len());
    let (path, rest) = url.split_at(split);
    let path = match path.strip_prefix(MARK) {
        Some(p) => p,
        None if names_a_source_file(path) => path,
        None => return None,
    };
    let path = percent_encoding::percent_decode_str(path)
        .decode_utf8_lossy()
        .replace('\\', "/");
    let path = path.trim_matches('/').to_string();
    Some((path, rest.to_string()))
}

/// True for `pages/rules.md`, `clubs/senim/photos/a.jpg`; false for
/// `news/`, `news/atom.xml`, `reports/2024-2025/index.html`.
fn names_a_source_file(path: &str) -> bool {
    let Some((first, _)) = path.split_once('/') else {
        return false;
    };
    let last = path.rsplit('/').next().unwrap_or("");
    let ending = last.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    FOLDERS.contains(&first)
        && ending.is_some_and(|e| !e.is_empty() && !PAGE_ENDINGS.contains(&e.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(url: &str) -> Option<(String, String)> {
        source_path(url)
    }

    fn some(p: &str, rest: &str) -> Option<(String, String)> {
        Some((p.to_string(), rest.to_string()))
    }

    #[test]
    fn source_paths_are_told_from_page_links() {
        assert_eq!(path("pages/rules.md"), some("pages/rules.md", ""));
        assert_eq!(
            path("@/pages/rules.md#goals"),
            some("pages/rules.md", "#goals")
        );
        assert_eq!(
            path("clubs/senim/photos/a%20b.JPG"),
            some("clubs/senim/photos/a b.JPG", "")
        );
        assert_eq!(path("@/clubs/senim"), some("clubs/senim", ""));
        assert_eq!(
            path("documents/Бұйрық.pdf"),
            some("documents/Бұйрық.pdf", "")
        );
        for page_link in [
            "news/",
            "news/atom.xml",
            "clubs/senim/reports/2024-2025/index.html",
            "../pages/rules/index.html",
            "reports/2024.md",
            "https://example.kz/pages/a.md",
            "#goals",
            "photo.jpg",
            "mailto:a@b.kz",
        ] {
            assert_eq!(path(page_link), None, "{page_link}");
        }
    }
}
