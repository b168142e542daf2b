//! A bound on how deeply the HTML of a Markdown text nests, before it is
//! sanitized.
//!
//! The HTML parser behind the sanitizer (html5ever) looks through the open
//! elements for many tags, so its time grows with the square of the nesting
//! depth: 100,000 nested `> ` quotes or 500,000 unclosed `<div>` took
//! minutes. This pass reads the HTML with html5ever's tokenizer (linear, no
//! tree) and writes it out again well nested: end tags close what they
//! close, unclosed elements are closed, stray end tags are dropped, and
//! start tags past [`MAX_DEPTH`] open elements are left out, with their end
//! tags, so their content joins the level above. On input that is already
//! well nested and shallow (everything pulldown-cmark writes, and tidy raw
//! HTML), the sanitizer then builds the same tree as from the original.
//!
//! Safety does not rest on this pass: the sanitizer still cleans what it
//! writes.

use std::cell::RefCell;
use std::collections::HashMap;

use html5ever::TokenizerResult;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, CharacterTokens, StartTag, Tag, TagToken, Token, TokenSink, TokenSinkResult,
    Tokenizer, TokenizerOpts,
};

/// Open elements beyond this many are left out. Markdown nests a level for
/// each quote and two for each list; real texts stay below 20.
pub(crate) const MAX_DEPTH: usize = 100;

/// True when the HTML written from `events` may need [`bound`]: it holds
/// raw HTML, or its elements may nest near [`MAX_DEPTH`]. Without raw
/// HTML, pulldown-cmark writes well-nested HTML with at most three
/// elements per open event (a table's head writes `<thead><tr>`), so the
/// pass would change nothing and is skipped.
pub(super) fn may_need_bound(events: &[pulldown_cmark::Event<'_>]) -> bool {
    use pulldown_cmark::Event;
    let mut depth = 0usize;
    for event in events {
        match event {
            Event::Html(_) | Event::InlineHtml(_) => return true,
            Event::Start(_) => {
                depth += 1;
                if depth * 3 >= MAX_DEPTH {
                    return true;
                }
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

/// The HTML, well nested, and whether anything was left out.
pub(super) struct Bounded {
    pub(super) html: String,
    /// The line (1-based, in the HTML) of the first start tag left out.
    pub(super) first_left_out: Option<u64>,
}

/// Rewrites `html` well nested and at most [`MAX_DEPTH`] elements deep.
pub(super) fn bound(html: &str) -> Bounded {
    let queue = BufferQueue::default();
    queue.push_back(StrTendril::from_slice(html));
    let writer = Writer {
        state: RefCell::new(State {
            out: String::with_capacity(html.len() + html.len() / 8),
            ..State::default()
        }),
    };
    let tokenizer = Tokenizer::new(writer, TokenizerOpts::default());
    while !queue.is_empty() {
        if let TokenizerResult::Done = tokenizer.feed(&queue) {
            break;
        }
    }
    tokenizer.end();
    let mut state = tokenizer.sink.state.into_inner();
    while let Some(name) = state.open.pop() {
        close(&mut state.out, &name);
    }
    Bounded {
        html: state.out,
        first_left_out: state.first_left_out,
    }
}

/// The tokenizer's sink: writes each token out again.
struct Writer {
    state: RefCell<State>,
}

#[derive(Default)]
struct State {
    out: String,
    /// Names of the open elements, outermost first; never over MAX_DEPTH.
    open: Vec<String>,
    /// Start tags left out and not yet closed, by name.
    left_out: HashMap<String, usize>,
    first_left_out: Option<u64>,
    /// Inside `<script>`, `<style>`, `<xmp>` ...: text is written as it is.
    raw_text: bool,
    /// Open `<svg>` and `<math>` elements: inside them `<x/>` closes itself.
    foreign: usize,
}

impl TokenSink for Writer {
    type Handle = ();

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<()> {
        let mut state = self.state.borrow_mut();
        match token {
            TagToken(tag) if tag.kind == StartTag => return state.start(&tag, line),
            TagToken(tag) => state.end(&tag.name),
            CharacterTokens(text) if state.raw_text => state.out.push_str(&text),
            CharacterTokens(text) => escape_text(&mut state.out, &text),
            // Comments, doctypes and NUL characters: the sanitizer drops
            // them anyway.
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

impl State {
    fn start(&mut self, tag: &Tag, line: u64) -> TokenSinkResult<()> {
        let name: &str = &tag.name;
        if is_void(name) || (self.foreign > 0 && tag.self_closing) {
            write_start(&mut self.out, tag);
            return TokenSinkResult::Continue;
        }
        self.close_implied(name);
        if self.open.len() >= MAX_DEPTH {
            *self.left_out.entry(name.to_string()).or_default() += 1;
            self.first_left_out.get_or_insert(line);
            return TokenSinkResult::Continue;
        }
        if name == "plaintext" {
            // Everything after it is text (the sanitizer drops the tag).
            return TokenSinkResult::Plaintext;
        }
        write_start(&mut self.out, tag);
        self.open.push(name.to_string());
        if matches!(name, "svg" | "math") {
            self.foreign += 1;
        }
        // The same switches the sanitizer's parser makes, so both read the
        // text inside these elements alike.
        let kind = match name {
            "title" | "textarea" => RawKind::Rcdata,
            "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => RawKind::Rawtext,
            "script" => RawKind::ScriptData,
            _ => return TokenSinkResult::Continue,
        };
        self.raw_text = kind != RawKind::Rcdata;
        TokenSinkResult::RawData(kind)
    }

    fn end(&mut self, name: &str) {
        self.raw_text = false;
        if let Some(n) = self.left_out.get_mut(name).filter(|n| **n > 0) {
            *n -= 1;
            return;
        }
        let Some(at) = self.open.iter().rposition(|open| open == name) else {
            // `</p>` and `</br>` without a start still make an element.
            if matches!(name, "p" | "br") {
                close(&mut self.out, name);
            }
            return;
        };
        while self.open.len() > at {
            self.pop();
        }
    }

    fn pop(&mut self) {
        if let Some(name) = self.open.pop() {
            if matches!(name.as_str(), "svg" | "math") {
                self.foreign -= 1;
            }
            close(&mut self.out, &name);
        }
    }

    fn top(&self) -> &str {
        self.open.last().map_or("", String::as_str)
    }

    /// The end tags HTML leaves out (`<p>a<p>b`, `<li>a<li>b`, `<td>a<td>b`):
    /// the open element that `name` ends, when it is the innermost one.
    fn close_implied(&mut self, name: &str) {
        if self.top() == "p" && closes_p(name) {
            self.pop();
        }
        let ends: &[&str] = match name {
            "li" => &["li"],
            "dd" | "dt" => &["dd", "dt"],
            "td" | "th" => &["td", "th"],
            "tr" => &["td", "th", "tr"],
            "thead" | "tbody" | "tfoot" => &["td", "th", "tr", "thead", "tbody", "tfoot"],
            "option" => &["option"],
            "optgroup" => &["option", "optgroup"],
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => &["h1", "h2", "h3", "h4", "h5", "h6"],
            _ => &[],
        };
        while ends.contains(&self.top()) {
            self.pop();
        }
    }
}

/// Elements that never have content or an end tag.
fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "frame"
            | "hr"
            | "img"
            | "input"
            | "keygen"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

/// Start tags that end an open paragraph.
fn closes_p(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "center"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "dd"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "li"
            | "listing"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "ul"
    )
}

fn write_start(out: &mut String, tag: &Tag) {
    out.push('<');
    out.push_str(&tag.name);
    for attr in &tag.attrs {
        out.push(' ');
        out.push_str(&attr.name.local);
        out.push_str("=\"");
        for c in attr.value.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '"' => out.push_str("&quot;"),
                c => out.push(c),
            }
        }
        out.push('"');
    }
    out.push('>');
}

fn close(out: &mut String, name: &str) {
    out.push_str("</");
    out.push_str(name);
    out.push('>');
}

fn escape_text(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\u{a0}' => out.push_str("&nbsp;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_raw_html_or_deep_nesting_needs_the_pass() {
        fn events(md: &str) -> Vec<pulldown_cmark::Event<'_>> {
            pulldown_cmark::Parser::new_ext(md, super::super::OPTIONS).collect()
        }
        let plain = "# Title\n\n> quote\n\n- a\n  - b\n\n| x | y |\n|---|---|\n| 1 | 2 |\n";
        assert!(!may_need_bound(&events(plain)));
        assert!(may_need_bound(&events("text <b>bold</b>")));
        assert!(may_need_bound(&events("<div>\nblock\n</div>\n")));
        assert!(may_need_bound(&events(&"> ".repeat(40))));
        assert!(!may_need_bound(&events(&"> ".repeat(10))));
    }

    fn html(input: &str) -> String {
        bound(input).html
    }

    #[test]
    fn keeps_well_nested_html() {
        let input = "<h2 id=\"a\">T &amp; b</h2>\n<p>x <a href=\"u?a=1&amp;b=&quot;2&quot;\">l</a><br />\n<img src=\"a.png\" alt=\"\"></p>\n<pre><code class=\"language-rust\">a &lt; b\n</code></pre>\n";
        let expected = "<h2 id=\"a\">T &amp; b</h2>\n<p>x <a href=\"u?a=1&amp;b=&quot;2&quot;\">l</a><br>\n<img src=\"a.png\" alt=\"\"></p>\n<pre><code class=\"language-rust\">a &lt; b\n</code></pre>\n";
        assert_eq!(html(input), expected);
        assert!(bound(input).first_left_out.is_none());
    }

    #[test]
    fn closes_what_is_open_and_drops_stray_end_tags() {
        assert_eq!(html("<div><b>x</div>"), "<div><b>x</b></div>");
        assert_eq!(html("a</span>b<div>"), "ab<div></div>");
        assert_eq!(html("<p>a<p>b"), "<p>a</p><p>b</p>");
        assert_eq!(html("<ul><li>a<li>b</ul>"), "<ul><li>a</li><li>b</li></ul>");
        assert_eq!(
            html("<table><tr><td>1<td>2<tr><td>3</table>"),
            "<table><tr><td>1</td><td>2</td></tr><tr><td>3</td></tr></table>"
        );
    }

    #[test]
    fn text_of_scripts_is_not_read_as_tags() {
        assert_eq!(
            html("<script>if (a<b) x()</div></script><div>y</div>"),
            "<script>if (a<b) x()</div></script><div>y</div>"
        );
        assert_eq!(
            html("<textarea><b></textarea>"),
            "<textarea>&lt;b&gt;</textarea>"
        );
    }

    #[test]
    fn leaves_out_levels_past_the_limit_with_their_end_tags() {
        let n = MAX_DEPTH + 50;
        let input = format!(
            "<p>a</p>\n{}x{}\n<p>b</p>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let out = bound(&input);
        assert_eq!(out.first_left_out, Some(2));
        assert_eq!(
            out.html,
            format!(
                "<p>a</p>\n{}x{}\n<p>b</p>",
                "<div>".repeat(MAX_DEPTH),
                "</div>".repeat(MAX_DEPTH)
            )
        );
        let unclosed = html(&"<blockquote>\n".repeat(n));
        assert_eq!(unclosed.matches("<blockquote>").count(), MAX_DEPTH);
        assert_eq!(unclosed.matches("</blockquote>").count(), MAX_DEPTH);
    }
}
