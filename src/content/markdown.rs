//! Markdown → sanitized HTML (pulldown-cmark, then ammonia for a text
//! with raw HTML; a text without any is made safe on the way, see
//! `safe`), with warnings for what the sanitizer removes; the front
//! matter is split off in `front`.
//!
//! Every step is linear in the text, whatever its shape (many headings,
//! links, deep nesting): see `headings`, `lines` and `nesting`, and the
//! scaling tests in tests/suite/hostile_parsers.rs.

mod front;
mod headings;
mod lines;
mod nesting;
mod quotes;
mod safe;
mod sources;

use std::cell::Cell;
use std::path::Path;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

use super::rawhtml::RawHtml;
use super::{sanitize, urls};
use crate::content::model::SourceLink;
use crate::diag::{Diagnostic, Diagnostics, Location};
pub(crate) use front::split_front_matter;
use headings::{HeadingIds, assign_heading_ids, shift_headings};
use lines::LineIndex;
pub(crate) use nesting::MAX_DEPTH;
pub(crate) use quotes::{Quotes, is_inline, is_inline_end};
pub(crate) use sources::MARK as SOURCE_MARK;

/// `html` rewritten well nested and at most [`MAX_DEPTH`] elements deep,
/// and the line (1-based) of the first element left out, if any: the HTML
/// parser's time grows with the square of the depth.
pub(crate) fn bound_nesting(html: &str) -> (String, Option<u64>) {
    let b = nesting::bound(html);
    (b.html, b.first_left_out)
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
    /// The links and images written by their path in the site folder,
    /// marked in `html` as `@/<path>` until a page shows them.
    pub links: Vec<SourceLink>,
}

/// Renders Markdown to sanitized HTML, with the quotation marks of the
/// text's language. Raw HTML that the sanitizer changes and unsafe link
/// schemes are reported against `file`, with the line.
pub(crate) fn render(
    markdown: &str,
    file: &Path,
    first_line: usize,
    top_level: u8,
    quotes: Quotes,
    diags: &mut Diagnostics,
) -> Rendered {
    let lines = LineIndex::new(markdown, first_line);
    let at = |offset: usize| {
        let (line, column) = lines.locate(offset);
        Location::at(file, line, column)
    };
    let mut links = Vec::new();
    let mut ids = HeadingIds::default();
    let (mut events, offsets, raw_ids) = parse_events(markdown, (&at, &mut ids), &mut links, diags);
    let raw = raw_ids.is_some();
    if !raw {
        safe::events(&mut events);
    }
    shift_headings(&mut events, top_level);
    quotes::localize(&mut events, quotes);
    let needs_bound = nesting::may_need_bound(&events);
    let needs_rename = raw || has_footnotes(&events);
    let (html, starts) = write_html(events, &offsets, markdown.len());
    let bounded = if needs_bound {
        nesting::bound(&html)
    } else {
        nesting::Bounded {
            html,
            first_left_out: None,
        }
    };
    if let Some(html_line) = bounded.first_left_out {
        // The last event whose HTML starts on or before that line.
        let i = starts.partition_point(|&(l, _)| (l as u64) < html_line);
        let offset = starts.get(i.saturating_sub(1)).map_or(0, |&(_, o)| o);
        diags.push(too_deep(at(offset)));
    }
    // Only raw HTML needs the sanitizer; Markdown's own HTML is made safe
    // on the way (see `safe`), without copying a text that needs no change.
    let clean = if raw {
        sanitize::clean_rendered(&sanitize::aligned_cells(&bounded.html))
    } else {
        let aligned = match sanitize::aligned_cells(&bounded.html) {
            std::borrow::Cow::Owned(html) => Some(html),
            std::borrow::Cow::Borrowed(_) => None,
        };
        safe::finish(aligned.unwrap_or(bounded.html))
    };
    // Without raw HTML or footnotes (whose labels become ids), every id
    // of the page is a heading's, unique and none of the theme's already.
    let (clean, renamed) = if needs_rename {
        headings::rename_raw_ids(clean, &mut ids)
    } else {
        (clean, Vec::new())
    };
    let raw_ids = raw_ids.unwrap_or_default();
    for r in renamed {
        let written = raw_ids.iter().filter(|(id, _)| *id == r.id).nth(r.earlier);
        let offset = written
            .map(|&(_, offset)| offset)
            .or_else(|| headings::id_written_at(markdown, &r.id));
        diags.push(headings::taken(&r.id, &r.given, at(offset.unwrap_or(0))));
    }
    Rendered {
        html: wrap_tables(&clean),
        links,
    }
}

/// The events of `markdown`, where each starts in it (for the nesting
/// warning), and when it holds raw HTML, the ids of its raw HTML with
/// their offsets: images from other sites turned into links, links
/// checked, what the sanitizer will remove from raw HTML reported (`at`
/// locates an offset), headings given ids other than the raw HTML's;
/// links by source path marked and put into `links`.
fn parse_events<'m>(
    markdown: &'m str,
    (at, heading_ids): (&impl Fn(usize) -> Location, &mut HeadingIds),
    links: &mut Vec<SourceLink>,
    diags: &mut Diagnostics,
) -> (Vec<Event<'m>>, Vec<usize>, Option<RawIds>) {
    let mut events: Vec<Event<'_>> = Vec::new();
    let mut offsets: Vec<usize> = Vec::new();
    let mut headings: Vec<(usize, usize, usize)> = Vec::new();
    let mut pending_heading: Option<(usize, usize)> = None;
    let mut image_as_link = false;
    let mut raw_html = RawHtml::default();
    for (event, range) in Parser::new_ext(markdown, OPTIONS).into_offset_iter() {
        raw_html.note(&event, range.start);
        let source = (&markdown[range.clone()], range.start);
        let mut event = sources::mark(without_inputs(event), source, at, links);
        match &event {
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) if !sanitize::is_own_image(dest_url) => {
                check_other_image(dest_url, at(range.start), diags);
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
            Event::Start(Tag::Heading { .. }) => {
                pending_heading = Some((events.len(), range.start));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((start, offset)) = pending_heading.take() {
                    headings.push((start, events.len(), offset));
                }
            }
            _ => {}
        }
        events.push(event);
        offsets.push(range.start);
    }
    let raw = raw_html.any();
    let raw_ids = raw_html.report(at, diags);
    for (id, _) in &raw_ids {
        heading_ids.reserve(id);
    }
    assign_heading_ids(&mut events, &headings, heading_ids, at, diags);
    (events, offsets, raw.then_some(raw_ids))
}

/// Whether `events` hold a footnote, whose label is written as an id.
fn has_footnotes(events: &[Event<'_>]) -> bool {
    events
        .iter()
        .any(|e| matches!(e, Event::Start(Tag::FootnoteDefinition(_))))
}

/// The ids the raw HTML of a text gives its elements, with their offsets.
type RawIds = Vec<(String, usize)>;

/// Reports an image that is not the site's own (it is shown as a link).
fn check_other_image(dest_url: &str, at: Location, diags: &mut Diagnostics) {
    if urls::classify(dest_url).is_safe_link() {
        sanitize::external_image(dest_url, at, diags);
    } else {
        sanitize::check_link(dest_url, at, diags);
    }
}

/// Writes the HTML of `events`, and for each event the line of the HTML
/// (0-based) its output starts on, with its offset in the Markdown.
fn write_html(
    events: Vec<Event<'_>>,
    offsets: &[usize],
    len: usize,
) -> (String, Vec<(usize, usize)>) {
    /// Counts the lines written so far, for the event iterator to read.
    struct Counting<'a> {
        html: String,
        lines: &'a Cell<usize>,
    }
    impl std::fmt::Write for Counting<'_> {
        fn write_str(&mut self, s: &str) -> std::fmt::Result {
            self.lines
                .set(self.lines.get() + s.bytes().filter(|&b| b == b'\n').count());
            self.html.push_str(s);
            Ok(())
        }
    }
    let lines = Cell::new(0);
    let mut starts = Vec::with_capacity(events.len());
    let mut out = Counting {
        html: String::with_capacity(len * 3 / 2),
        lines: &lines,
    };
    let events = events.into_iter().zip(offsets).map(|(event, &offset)| {
        starts.push((lines.get(), offset));
        event
    });
    // Writing to a String cannot fail.
    let _ = pulldown_cmark::html::write_html_fmt(&mut out, events);
    (out.html, starts)
}

pub(crate) fn too_deep(at: Location) -> Diagnostic {
    Diagnostic::warning(
        "markdown/too-deep",
        format!(
            "quotes, lists or HTML elements are nested more than {MAX_DEPTH} levels deep here; the deeper levels are shown without their nesting"
        ),
    )
    .words("markdown-too-deep")
    .arg("n", MAX_DEPTH)
    .at(at)
    .help("nest quotes (`>`) and lists less deeply, and close each HTML tag you open (`<div>` ... `</div>`)")
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
        let r = render(text, Path::new("x.md"), 5, 2, Quotes::English, &mut d);
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
    fn a_footnote_label_never_takes_the_themes_id() {
        let (html, _) = md("Text[^main].\n\n[^main]: note\n\n## Main\n");
        assert!(!html.contains("id=\"main\""), "{html}");
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
