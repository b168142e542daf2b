//! Markdown without raw HTML, made safe without the sanitizer.
//!
//! The sanitizer (ammonia: an HTML parser, a tree and a serializer) is
//! needed for what an author writes in HTML. A text without any is
//! written by pulldown-cmark alone, whose HTML is well formed and escaped;
//! of it the sanitizer changes only what is changed here, on the events
//! and on the written page, at a small part of the cost:
//! - a heading's classes and attributes (`# Title {.red style=...}`) are
//!   dropped (its id stays), as the policy keeps none of them;
//! - a link whose address is not safe (`javascript:`, `data:`) loses its
//!   address, as the sanitizer removes it (the author gets an error);
//! - every link gets `rel="noopener noreferrer"`;
//! - line ends are `\n`, as an HTML parser reads `\r\n` and `\r`.
//!
//! A test renders texts both ways and compares the parsed results.
//!
//! Part of layer 3 (`content::markdown`).

use pulldown_cmark::{CowStr, Event, LinkType, Tag};

use super::super::urls;

/// The `rel` the sanitizer puts on every link.
const REL: &str = " rel=\"noopener noreferrer\"";

/// Makes the events of a text without raw HTML what the sanitizer would
/// keep of them.
pub(super) fn events(events: &mut [Event<'_>]) {
    for event in events.iter_mut() {
        match event {
            Event::Start(Tag::Heading { classes, attrs, .. }) => {
                classes.clear();
                attrs.clear();
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                ..
            }) if !safe_address(*link_type, dest_url) => {
                *event = Event::InlineHtml(without_address(title));
            }
            _ => {}
        }
    }
}

/// Whether the sanitizer keeps the address of a link to `dest_url`: it
/// reads the address as pulldown-cmark writes it (escaped, and after
/// `mailto:` for an e-mail autolink), as a browser would.
fn safe_address(link_type: LinkType, dest_url: &str) -> bool {
    let mut written = String::new();
    if link_type == LinkType::Email {
        written.push_str("mailto:");
    }
    // Writing into a String cannot fail.
    let _ = pulldown_cmark_escape::escape_href(&mut written, dest_url);
    let value = written.replace("&amp;", "&").replace("&#x27;", "'");
    urls::classify(&value).is_safe_link()
}

/// The start tag of a link left without its address (its title kept).
fn without_address(title: &str) -> CowStr<'static> {
    if title.is_empty() {
        return CowStr::Borrowed("<a>");
    }
    let mut tag = String::from("<a title=\"");
    // Writing into a String cannot fail.
    let _ = pulldown_cmark_escape::escape_html(&mut tag, title);
    tag.push_str("\">");
    CowStr::from(tag)
}

/// The written HTML of a text without raw HTML, finished as the sanitizer
/// would: `rel` on every link, `\n` line ends. Every `<a href=` in it is
/// a tag pulldown-cmark wrote (a `<` of the text is written `&lt;`), and
/// its values are escaped, so the tag ends at the first `>`.
pub(super) fn finish(html: String) -> String {
    let html = if html.contains('\r') {
        html.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        html
    };
    if !html.contains("<a href=") {
        return html;
    }
    let mut out = String::with_capacity(html.len() + 1024);
    let mut rest = html.as_str();
    while let Some(at) = rest.find("<a href=") {
        let end = rest[at..].find('>').map_or(rest.len(), |i| at + i);
        out.push_str(&rest[..end]);
        out.push_str(REL);
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use scraper::{ElementRef, Html, Node};

    use super::super::{HeadingIds, parse_events, write_html};
    use crate::content::sanitize;
    use crate::diag::{Diagnostics, Location};

    /// The text's HTML through the sanitizer and through this module, when
    /// it has no raw HTML.
    fn both_ways(markdown: &str) -> Option<(String, String)> {
        let at = |_| Location::file(Path::new("x.md"));
        let mut ids = HeadingIds::default();
        let (mut diags, mut links) = (Diagnostics::new(), Vec::new());
        let (events, offsets, raw) =
            parse_events(markdown, (&at, &mut ids), &mut links, &mut diags);
        if raw.is_some() {
            return None;
        }
        let (html, _) = write_html(events.clone(), &offsets, markdown.len());
        let sanitized = sanitize::clean_rendered(&sanitize::aligned_cells(&html));
        let mut events = events;
        super::events(&mut events);
        let (html, _) = write_html(events, &offsets, markdown.len());
        let fast = super::finish(sanitize::aligned_cells(&html).into_owned());
        Some((sanitized, fast))
    }

    /// The parsed tree of an HTML fragment, written out with each
    /// element's attributes in order of name.
    fn tree(html: &str) -> String {
        fn element(e: ElementRef<'_>, out: &mut String) {
            let mut attrs: Vec<_> = e.value().attrs().collect();
            attrs.sort();
            out.push_str(&format!("<{} {attrs:?}>", e.value().name()));
            for child in e.children() {
                match child.value() {
                    Node::Text(t) => out.push_str(t),
                    Node::Element(_) => element(ElementRef::wrap(child).expect("an element"), out),
                    _ => {}
                }
            }
            out.push_str(&format!("</{}>", e.value().name()));
        }
        let mut out = String::new();
        element(Html::parse_fragment(html).root_element(), &mut out);
        out
    }

    const PIECES: &[&str] = &[
        "# Title {#own .red style=color:red}\n\n",
        "## Тақырып «бір»\n\n",
        "[site](https://example.test/a?b=1&c='d' \"a \\\"title\\\"\")",
        "[x](javascript:alert(1) \"t\")",
        "[y](data:text/html,hi)",
        "[z](java\tscript:x)",
        "<https://example.test/x>",
        "<a.b@example.test>",
        "[tel](tel:+77011234567)",
        "[page](../news/index.html#top)",
        "[сілтеме](документ.pdf)",
        "![photo](photo.jpg \"title\")",
        "![other](https://example.test/p.png)",
        "\n\n| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n\n",
        "Text[^1].\n\n[^1]: A note with a [link](https://example.test).\n\n",
        "\n\n- [x] done\n- [ ] open\n\n",
        "\n\n```rust\nlet a = \"<b>\" & 1;\n```\n\n",
        "\r\nline one\r\nline two\r\n",
        "a\u{a0}b \"q\" 'q' & &amp; &#64; &copy;",
        "line  \nbreak",
        "\n\n---\n\n",
        "~~del~~ *em* **strong** `code`",
        "\n\n> quote\n> > deeper\n\n1. one\n2. two\n\n",
        "ctrl\u{1}\u{b}\u{7f}char",
    ];

    #[test]
    fn markdown_without_raw_html_is_what_the_sanitizer_would_keep() {
        let mut rng = fastrand::Rng::with_seed(0x5DEE_CE66_D1CE_4E5B);
        let mut compared = 0;
        for _ in 0..2_000 {
            let text: String = (0..rng.usize(1..7))
                .map(|_| PIECES[rng.usize(..PIECES.len())])
                .collect();
            if let Some((sanitized, fast)) = both_ways(&text) {
                compared += 1;
                assert_eq!(
                    tree(&fast),
                    tree(&sanitized),
                    "{text:?}\n{fast}\n{sanitized}"
                );
            }
        }
        assert!(compared > 1_500, "{compared}");
    }

    #[test]
    fn the_example_site_and_the_fixtures_read_the_same_both_ways() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut compared = 0;
        for dir in ["content", "tests/fixtures"] {
            for entry in walkdir::WalkDir::new(root.join(dir)).into_iter().flatten() {
                let is_md = entry.path().extension().is_some_and(|e| e == "md");
                let Some(text) = is_md
                    .then(|| std::fs::read_to_string(entry.path()).ok())
                    .flatten()
                else {
                    continue;
                };
                if let Some((sanitized, fast)) = both_ways(&text) {
                    compared += 1;
                    assert_eq!(tree(&fast), tree(&sanitized), "{}", entry.path().display());
                }
            }
        }
        assert!(compared > 40, "{compared}");
    }
}
