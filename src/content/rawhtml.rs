//! What the sanitizer removes from raw HTML, found before it does, so that
//! every removed element or attribute is a warning at its line.
//!
//! Raw HTML is read with html5ever's tokenizer (the HTML parser ammonia
//! itself uses, so character references, letter case and odd quoting are
//! read as the browser reads them), and each start tag is judged by
//! [`super::sanitize`]'s own lists. An HTML block is read as a whole, so
//! a tag spread over several lines is still one tag.
//!
//! Layer 3 (content): imports `diag` and `content::sanitize`.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use pulldown_cmark::{Event, Tag as MdTag, TagEnd};

use super::sanitize::{self, Removed};
use crate::diag::{Diagnostic, Diagnostics, Location};

/// A stretch of raw HTML and the source offset of each of its lines.
#[derive(Default)]
struct Piece {
    text: String,
    lines: Vec<usize>,
}

impl Piece {
    fn push(&mut self, text: &str, offset: usize) {
        self.lines.push(offset);
        // A tag written over several lines inside one event.
        let mut at = 0;
        while let Some(i) = text[at..].find('\n') {
            at += i + 1;
            if at < text.len() {
                self.lines.push(offset + at);
            }
        }
        self.text.push_str(text);
    }
}

/// The raw HTML of one Markdown text, collected from its events, and the
/// attributes of headings (`# Title {.class style=...}`) the sanitizer drops.
#[derive(Default)]
pub(crate) struct RawHtml {
    pieces: Vec<Piece>,
    block: Option<Piece>,
    headings: Vec<(usize, Vec<Removed>)>,
}

impl RawHtml {
    /// Notes `event`, which starts at `offset` in the Markdown source.
    pub(crate) fn note(&mut self, event: &Event<'_>, offset: usize) {
        match event {
            Event::Start(MdTag::HtmlBlock) => self.block = Some(Piece::default()),
            Event::End(TagEnd::HtmlBlock) => self.pieces.extend(self.block.take()),
            Event::Start(MdTag::Heading {
                level,
                classes,
                attrs,
                ..
            }) => {
                let tag = format!("{level}");
                let classes = (!classes.is_empty()).then(|| ("class", classes.join(" ")));
                let attrs = attrs
                    .iter()
                    .map(|(k, v)| (k.as_ref(), v.as_deref().unwrap_or("").to_string()));
                let removed: BTreeSet<Removed> = classes
                    .into_iter()
                    .chain(attrs)
                    .filter_map(|(k, v)| sanitize::removal(&tag, k, &v))
                    .collect();
                if !removed.is_empty() {
                    self.headings.push((offset, removed.into_iter().collect()));
                }
            }
            Event::Html(text) | Event::InlineHtml(text) => match &mut self.block {
                Some(block) => block.push(text, offset),
                None => {
                    let mut piece = Piece::default();
                    piece.push(text, offset);
                    self.pieces.push(piece);
                }
            },
            _ => {}
        }
    }

    /// Whether the text held any raw HTML (a block or inline).
    pub(crate) fn any(&self) -> bool {
        !self.pieces.is_empty() || self.block.is_some()
    }

    /// Reports what the sanitizer removes: one warning per line, and each
    /// image from another site on its own. `at` turns a source offset into
    /// a location. Returns the ids the raw HTML gives its elements that
    /// the sanitizer keeps, in the order written, each with its offset.
    pub(crate) fn report(
        self,
        at: impl Fn(usize) -> Location,
        diags: &mut Diagnostics,
    ) -> Vec<(String, usize)> {
        for (offset, removed) in &self.headings {
            diags.push(
                Diagnostic::warning(
                    "markdown/html-removed",
                    format!(
                        "{} on a heading {} removed from the page",
                        listed(removed),
                        if removed.len() == 1 { "was" } else { "were" }
                    ),
                )
                .words("markdown-html-removed-heading")
                .arg("items", written(removed))
                .at(at(*offset))
                .help("a heading may only set its id: `## Title {#id}`; the site's style sheet gives headings their look"),
            );
        }
        let mut ids = Vec::new();
        for piece in self.pieces.into_iter().chain(self.block) {
            let offset = |line: u64| {
                let index = usize::try_from(line.saturating_sub(1)).unwrap_or(usize::MAX);
                let offset = piece.lines.get(index).or(piece.lines.last());
                offset.copied().unwrap_or(0)
            };
            let read = read(&piece.text);
            ids.extend(read.ids.into_iter().map(|(id, line)| (id, offset(line))));
            for (line, removed) in read.removals {
                let location = at(offset(line));
                let (images, others): (Vec<_>, Vec<_>) = removed
                    .into_iter()
                    .partition(|r| matches!(r, Removed::ExternalImage(_)));
                for image in images {
                    if let Removed::ExternalImage(url) = image {
                        external_raw_image(&url, location.clone(), diags);
                    }
                }
                if !others.is_empty() {
                    diags.push(html_removed(&others).at(location));
                }
            }
        }
        ids
    }
}

/// What the sanitizer removes from `html`, by line (1-based) of `html`.
pub(crate) fn removals(html: &str) -> BTreeMap<u64, BTreeSet<Removed>> {
    read(html).removals
}

/// What one reading of raw HTML finds.
struct Read {
    /// What the sanitizer removes, by line (1-based).
    removals: BTreeMap<u64, BTreeSet<Removed>>,
    /// The ids of the elements it keeps, in order, with their line.
    ids: Vec<(String, u64)>,
}

/// Reads `html` once with the tokenizer.
fn read(html: &str) -> Read {
    let sink = Sink::default();
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let queue = BufferQueue::default();
    queue.push_back(StrTendril::from_slice(html));
    let _ = tokenizer.feed(&queue);
    tokenizer.end();
    Read {
        removals: tokenizer.sink.found.into_inner(),
        ids: tokenizer.sink.ids.into_inner(),
    }
}

/// `raw HTML with `<script>` and a `style` attribute was removed ...`
pub(crate) fn html_removed(removed: &[Removed]) -> Diagnostic {
    Diagnostic::warning(
        "markdown/html-removed",
        format!("raw HTML with {} was removed from the page", listed(removed)),
    )
    .words("markdown-html-removed")
    .arg("items", written(removed))
    .help("pages cannot run scripts, embed other sites or set their own styles; write plain Markdown (bold, lists, tables, links) instead")
}

/// `<script>`, `style`: what was removed, as written, for the tool's
/// message files.
pub(crate) fn written(removed: &[Removed]) -> String {
    let words: Vec<String> = removed.iter().map(Removed::written).collect();
    words.join(", ")
}

/// `a`, `a and b`, `a, b and c`.
pub(crate) fn listed(removed: &[Removed]) -> String {
    let words: Vec<String> = removed.iter().map(Removed::describe).collect();
    match words.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

fn external_raw_image(url: &str, at: Location, diags: &mut Diagnostics) {
    diags.push(
        Diagnostic::warning(
            "markdown/external-image",
            format!("the image `{url}` is on another site, so it is left out of the page"),
        )
        .words("markdown-external-image-removed")
        .arg("url", url)
        .at(at)
        .help("download the image, put it in the site's static/ folder and link it from there, e.g. <img src=\"../../images/photo.jpg\" alt=\"...\">"),
    );
}

/// Collects removals per line, and the ids kept, as the tokenizer reads.
#[derive(Default)]
struct Sink {
    found: RefCell<BTreeMap<u64, BTreeSet<Removed>>>,
    ids: RefCell<Vec<(String, u64)>>,
}

impl Sink {
    fn judge(&self, tag: &Tag, line: u64) {
        let name: &str = &tag.name;
        let mut found = self.found.borrow_mut();
        if sanitize::removes_element(name) {
            found
                .entry(line)
                .or_default()
                .insert(Removed::Element(name.to_string()));
            return;
        }
        for attr in &tag.attrs {
            if let Some(r) = sanitize::removal(name, &attr.name.local, &attr.value) {
                found.entry(line).or_default().insert(r);
            } else if &*attr.name.local == "id" {
                self.ids.borrow_mut().push((attr.value.to_string(), line));
            }
        }
    }
}

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<()> {
        let Token::TagToken(tag) = token else {
            return TokenSinkResult::Continue;
        };
        if tag.kind != TagKind::StartTag {
            return TokenSinkResult::Continue;
        }
        self.judge(&tag, line);
        // The text of these elements is not markup, as in a browser.
        match &*tag.name {
            "script" => TokenSinkResult::RawData(RawKind::ScriptData),
            "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
                TokenSinkResult::RawData(RawKind::Rawtext)
            }
            "textarea" | "title" => TokenSinkResult::RawData(RawKind::Rcdata),
            "plaintext" => TokenSinkResult::Plaintext,
            _ => TokenSinkResult::Continue,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(html: &str) -> Vec<(u64, String)> {
        removals(html)
            .into_iter()
            .map(|(line, r)| (line, listed(&r.into_iter().collect::<Vec<_>>())))
            .collect()
    }

    #[test]
    fn names_each_removed_element_and_attribute_at_its_line() {
        assert_eq!(
            found(
                "<p style=\"color:red\">a</p>\n<b onclick=\"x()\">b</b>\n<script>\n<img src=x onerror=y>\n</script>"
            ),
            [
                (1, "a `style` attribute".to_string()),
                (2, "an event handler (on...=)".to_string()),
                (3, "`<script>`".to_string()),
            ]
        );
        assert_eq!(
            found("<p\n  STYLE=x>a</p>"),
            [(2, "a `style` attribute".to_string())]
        );
        assert_eq!(
            found("<a href=\"jav&#x09;ascript:alert(1)\" target=_blank>x</a>"),
            [(
                1,
                "a `target` attribute and a `javascript:` link".to_string()
            )]
        );
        assert_eq!(found("<p id=a title=b>x</p><!-- note -->"), []);
        assert_eq!(
            found("<input type=checkbox>"),
            [(1, "`<input>`".to_string())]
        );
    }

    #[test]
    fn heading_attributes_the_sanitizer_drops_are_reported() {
        let mut raw = RawHtml::default();
        let options = pulldown_cmark::Options::ENABLE_HEADING_ATTRIBUTES;
        let md = "# Title {#own .red style=color:red onclick=x}\n\n## Plain {#ok}\n";
        for (event, range) in pulldown_cmark::Parser::new_ext(md, options).into_offset_iter() {
            raw.note(&event, range.start);
        }
        let mut diags = Diagnostics::new();
        raw.report(
            |o| Location::at("x.md", 1 + md[..o].matches('\n').count(), 1),
            &mut diags,
        );
        let messages: Vec<String> = diags.iter().map(|d| d.message.clone()).collect();
        assert_eq!(
            messages,
            [
                "an event handler (on...=), a `class` attribute and a `style` attribute on a heading were removed from the page"
            ]
        );
    }
}
