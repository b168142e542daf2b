//! Markdown → sanitized HTML (pulldown-cmark, then ammonia), with front
//! matter splitting and warnings for what the sanitizer removes.

use std::collections::HashSet;
use std::path::Path;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::rawhtml::RawHtml;
use super::{sanitize, urls};
use crate::diag::{Diagnostics, Location};

/// A Markdown file split into its front matter and body.
#[derive(Debug)]
pub(crate) struct Split<'a> {
    /// The YAML between the `---` lines (empty when there is none).
    pub front: &'a str,
    /// Lines before the YAML starts (1 when it follows `---`).
    pub front_offset: usize,
    /// The Markdown body.
    pub body: &'a str,
    /// Line of the body's first line, 1-based.
    pub body_line: usize,
    /// True when a `---` block was found.
    pub has_front: bool,
}

/// Splits `---\nyaml\n---\nbody`. A file without front matter is all body.
pub(crate) fn split_front_matter(text: &str) -> Result<Split<'_>, (usize, &'static str)> {
    let first = text.lines().next().unwrap_or("");
    if first.trim_end() != "---" {
        return Ok(Split {
            front: "",
            front_offset: 0,
            body: text,
            body_line: 1,
            has_front: false,
        });
    }
    let after_first = first.len()
        + if text[first.len()..].starts_with("\r\n") {
            2
        } else {
            1
        };
    let rest = text.get(after_first..).unwrap_or("");
    let mut offset = 0;
    for (i, line) in rest.split_inclusive('\n').enumerate() {
        if line.trim_end() == "---" {
            let front = &rest[..offset];
            let body = &rest[offset + line.len()..];
            return Ok(Split {
                front,
                front_offset: 1,
                body,
                body_line: i + 3,
                has_front: true,
            });
        }
        offset += line.len();
    }
    Err((
        1,
        "the front matter starts with `---` but has no closing `---` line",
    ))
}

/// The Markdown extensions bitimger reads (the checks parse with the same).
pub(crate) const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_TASKLISTS)
    .union(Options::ENABLE_HEADING_ATTRIBUTES)
    .union(Options::ENABLE_SMART_PUNCTUATION);

/// The result of rendering one Markdown text.
pub(crate) struct Rendered {
    pub html: String,
}

/// Renders Markdown to sanitized HTML. Raw HTML that the sanitizer changes
/// and unsafe link schemes are reported against `file`, with the line.
pub(crate) fn render(
    markdown: &str,
    file: &Path,
    first_line: usize,
    top_level: u8,
    diags: &mut Diagnostics,
) -> Rendered {
    let options = OPTIONS;
    let at = |offset: usize| {
        let before = &markdown[..offset.min(markdown.len())];
        let line = first_line + before.matches('\n').count();
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Location::at(file, line, column)
    };
    let mut events: Vec<Event<'_>> = Vec::new();
    let mut heading_ids: HashSet<String> = RESERVED_IDS.iter().map(|s| s.to_string()).collect();
    let mut pending_heading: Option<usize> = None;
    let mut image_as_link = false;
    let mut raw_html = RawHtml::default();
    for (event, range) in Parser::new_ext(markdown, options).into_offset_iter() {
        raw_html.note(&event, range.start);
        let mut event = without_inputs(event);
        match &event {
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) if !sanitize::is_own_image(dest_url) => {
                if urls::classify(dest_url).is_safe_link() {
                    sanitize::external_image(dest_url, at(range.start), diags);
                } else {
                    sanitize::check_link(dest_url, at(range.start), diags);
                }
                event = Event::Start(Tag::Link {
                    link_type: *link_type,
                    dest_url: dest_url.clone(),
                    title: title.clone(),
                    id: id.clone(),
                });
                image_as_link = true;
            }
            Event::End(TagEnd::Image) if image_as_link => {
                event = Event::End(TagEnd::Link);
                image_as_link = false;
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                sanitize::check_link(dest_url, at(range.start), diags);
            }
            Event::Start(Tag::Heading { .. }) => pending_heading = Some(events.len()),
            Event::End(TagEnd::Heading(_)) => {
                if let Some(start) = pending_heading.take() {
                    assign_heading_id(&mut events, start, &mut heading_ids);
                }
            }
            _ => {}
        }
        events.push(event);
    }
    raw_html.report(at, diags);
    shift_headings(&mut events, top_level);
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    let clean = sanitize::clean_rendered(&sanitize::aligned_cells(&html));
    Rendered {
        html: wrap_tables(&clean),
    }
}

/// Ids the theme uses on its own elements; Markdown headings never take them.
const RESERVED_IDS: &[&str] = &[
    "top",
    "main",
    "about",
    "goals",
    "tasks",
    "principles",
    "leaders",
    "members",
    "directions",
    "activities",
    "plan",
    "figures",
    "news",
    "gallery",
    "contacts",
    "feedback",
    "reports",
    "documents",
    "content",
    "search",
    "regions",
    "statistics",
];

/// Moves every heading down so the text's top heading is `top` (an `#` in
/// a news item becomes an h2, under the page's own h1).
fn shift_headings(events: &mut [Event<'_>], top: u8) {
    let level_num = |l: HeadingLevel| l as u8;
    let Some(min) = events
        .iter()
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { level, .. }) => Some(level_num(*level)),
            _ => None,
        })
        .min()
    else {
        return;
    };
    if min >= top {
        return;
    }
    let shift = top - min;
    let shifted = |l: HeadingLevel| {
        HeadingLevel::try_from(usize::from((level_num(l) + shift).min(6)))
            .unwrap_or(HeadingLevel::H6)
    };
    for e in events.iter_mut() {
        match e {
            Event::Start(Tag::Heading { level, .. }) => *level = shifted(*level),
            Event::End(TagEnd::Heading(level)) => *level = shifted(*level),
            _ => {}
        }
    }
}

/// Wide tables scroll inside their own box instead of the page.
fn wrap_tables(html: &str) -> String {
    if !html.contains("<table>") {
        return html.to_string();
    }
    html.replace(
        "<table>",
        "<div class=\"table-wrap\" tabindex=\"0\"><table>",
    )
    .replace("</table>", "</table></div>")
}

/// Gives a heading without `{#id}` an id made from its text, unique in the document.
fn assign_heading_id(events: &mut [Event<'_>], start: usize, used: &mut HashSet<String>) {
    let text: String = events[start..]
        .iter()
        .filter_map(|e| match e {
            Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
            _ => None,
        })
        .collect();
    if let Event::Start(Tag::Heading {
        level,
        id,
        classes,
        attrs,
    }) = &events[start]
    {
        if id.is_some() {
            return;
        }
        let base = super::slug::slugify(&text);
        let base = if base.is_empty() {
            "section".to_string()
        } else {
            base
        };
        let mut candidate = base.clone();
        let mut n = 1;
        while !used.insert(candidate.clone()) {
            n += 1;
            candidate = format!("{base}-{n}");
        }
        let level: HeadingLevel = *level;
        events[start] = Event::Start(Tag::Heading {
            level,
            id: Some(CowStr::from(candidate)),
            classes: classes.clone(),
            attrs: attrs.clone(),
        });
    }
}

/// Raw HTML with the author's `<input>` tags renamed (see
/// [`sanitize::without_inputs`]); other events as they are.
fn without_inputs(event: Event<'_>) -> Event<'_> {
    let renamed = |raw: &str| match sanitize::without_inputs(raw) {
        std::borrow::Cow::Owned(s) => Some(CowStr::from(s)),
        std::borrow::Cow::Borrowed(_) => None,
    };
    match event {
        Event::Html(raw) => Event::Html(renamed(&raw).unwrap_or(raw)),
        Event::InlineHtml(raw) => Event::InlineHtml(renamed(&raw).unwrap_or(raw)),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(text: &str) -> (String, Diagnostics) {
        let mut d = Diagnostics::new();
        let r = render(text, Path::new("x.md"), 5, 2, &mut d);
        (r.html, d)
    }

    #[test]
    fn removes_scripts_and_warns_with_line() {
        let (html, d) = md("Hello\n\n<script>alert(1)</script>\n");
        assert!(!html.contains("script"));
        let w = d.iter().next().unwrap();
        assert_eq!(w.code, "markdown/html-removed");
        assert_eq!(w.location.as_ref().unwrap().line, Some(7));
    }

    #[test]
    fn removes_event_handlers() {
        let (html, d) = md("<img src=\"a.png\" onerror=\"alert(1)\">\n");
        assert!(!html.contains("onerror"));
        assert_eq!(d.warning_count(), 1);
    }

    #[test]
    fn javascript_links_are_errors_and_removed() {
        let (html, d) = md("[x](javascript:alert(1))\n");
        assert!(!html.contains("javascript"));
        assert_eq!(d.error_count(), 1);
    }

    #[test]
    fn external_images_become_links() {
        let (html, d) = md(
            "![logo](https://tracker.example/p.png)\n\n<img src=\"https://x.example/a.png\" alt=\"a\">\n",
        );
        assert!(!html.contains("<img src=\"https"), "{html}");
        assert!(
            html.contains("<a href=\"https://tracker.example/p.png\""),
            "{html}"
        );
        assert_eq!(
            d.iter()
                .filter(|w| w.code == "markdown/external-image")
                .count(),
            2
        );
    }

    #[test]
    fn keeps_markdown_features() {
        let (html, d) = md(
            "## Мақсаты\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n\n~~old~~ text[^1]\n\n[^1]: note\n",
        );
        assert!(d.is_empty());
        assert!(html.contains("<h2 id=\"maqsaty\">"), "{html}");
        assert!(html.contains("<div class=\"table-wrap\""));
        assert!(html.contains("<table>"));
        assert!(html.contains("type=\"checkbox\""));
        assert!(html.contains("<del>"));
        assert!(html.contains("footnote"));
    }

    #[test]
    fn shifts_headings_below_the_page_title_and_avoids_theme_ids() {
        let (html, _) = md("# Goals\n\n## Sub\n");
        assert!(html.contains("<h2 id=\"goals-2\">"), "{html}");
        assert!(html.contains("<h3 id=\"sub\">"), "{html}");
    }

    #[test]
    fn splits_front_matter_with_lines() {
        let s = split_front_matter("---\na: 1\nb: 2\n---\nbody\n").unwrap();
        assert_eq!(s.front, "a: 1\nb: 2\n");
        assert_eq!(s.body, "body\n");
        assert_eq!(s.body_line, 5);
        assert!(split_front_matter("---\na: 1\n").is_err());
    }
}
