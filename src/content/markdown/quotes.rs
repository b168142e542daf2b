//! Quotation marks in the text's language. pulldown-cmark's smart
//! punctuation turns every straight `"` into the English “ ” and does not
//! nest them (`"a "b" c"` gives “a “b” c“); here each quote it made is
//! paired again by what stands beside it, and Kazakh and Russian get their
//! own marks: «…», and „…“ inside them. Quotes typed as such are left alone.
//!
//! Part of `markdown`; imports only pulldown-cmark.

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

/// Which quotation marks a text takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Quotes {
    /// “…”, and “…” again inside (English and any language not listed).
    English,
    /// «…», and „…“ inside (Kazakh, Russian).
    Guillemets,
}

impl Quotes {
    /// The marks of language `lang` (a BCP 47 code).
    pub(crate) fn for_lang(lang: &str) -> Quotes {
        match lang.split('-').next().unwrap_or(lang) {
            "kk" | "ru" => Quotes::Guillemets,
            _ => Quotes::English,
        }
    }

    /// The opening and closing mark at nesting `depth` (1 outermost).
    fn marks(self, depth: usize) -> (&'static str, &'static str) {
        match (self, depth) {
            (Quotes::Guillemets, 0 | 1) => ("«", "»"),
            (Quotes::Guillemets, _) => ("„", "“"),
            (Quotes::English, _) => ("“", "”"),
        }
    }
}

/// Replaces the double quotes smart punctuation made in `events`, pairing
/// them within each block (paragraph, heading, list item, table cell).
pub(super) fn localize(events: &mut [Event<'_>], quotes: Quotes) {
    let mut depth = 0usize;
    let mut prev: Option<char> = None;
    for i in 0..events.len() {
        match &events[i] {
            Event::Text(t) if is_made_quote(t) => {
                let next = next_char(&events[i + 1..]);
                let mark = if opens(prev, next, depth) {
                    depth += 1;
                    quotes.marks(depth).0
                } else {
                    let mark = quotes.marks(depth).1;
                    depth = depth.saturating_sub(1);
                    mark
                };
                prev = mark.chars().next();
                events[i] = Event::Text(CowStr::Borrowed(mark));
            }
            Event::Text(t) | Event::Code(t) => prev = t.chars().last().or(prev),
            Event::SoftBreak | Event::HardBreak => prev = Some(' '),
            Event::Start(tag) if !is_inline(tag) => (depth, prev) = (0, None),
            Event::End(tag) if !is_inline_end(*tag) => (depth, prev) = (0, None),
            _ => {}
        }
    }
}

/// A double quote made by smart punctuation: a text event of that one
/// character (text the author wrote comes in longer events).
fn is_made_quote(text: &str) -> bool {
    text == "“" || text == "”"
}

/// Whether a quote between `prev` and `next` opens: after a space, a
/// bracket, a dash or another opening mark it does; before a space or
/// punctuation it closes; between letters it closes an open quote.
fn opens(prev: Option<char>, next: Option<char>, depth: usize) -> bool {
    let after_opening = prev.is_none_or(|c| c.is_whitespace() || "([{«„“-–—/".contains(c));
    if after_opening {
        return true;
    }
    let before_end =
        next.is_none_or(|c| c.is_whitespace() || c.is_ascii_punctuation() || "»“”…–—".contains(c));
    !before_end && depth == 0
}

/// The first character after a quote, across inline tags; `None` at the
/// end of the block, a space at a line break.
fn next_char(rest: &[Event<'_>]) -> Option<char> {
    for event in rest {
        match event {
            Event::Text(t) | Event::Code(t) => return t.chars().next(),
            Event::SoftBreak | Event::HardBreak => return Some(' '),
            Event::Start(tag) if is_inline(tag) => {}
            Event::End(tag) if is_inline_end(*tag) => {}
            _ => return None,
        }
    }
    None
}

/// Inline elements: their tags do not separate the text around them
/// (one definition, used by the IIN rule's reading of Markdown too).
pub(crate) fn is_inline(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

/// The end of an [`is_inline`] element.
pub(crate) fn is_inline_end(tag: TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::{Options, Parser, html};

    fn render(text: &str, quotes: Quotes) -> String {
        let opts = Options::ENABLE_SMART_PUNCTUATION;
        let mut events: Vec<Event<'_>> = Parser::new_ext(text, opts).collect();
        localize(&mut events, quotes);
        let mut out = String::new();
        html::push_html(&mut out, events.into_iter());
        out
    }

    #[test]
    fn kazakh_and_russian_take_guillemets_nested_with_low_quotes() {
        let kk = render("Клуб \"Сенім\" ашылды.", Quotes::for_lang("kk"));
        assert_eq!(kk, "<p>Клуб «Сенім» ашылды.</p>\n");
        let ru = render(
            "Он сказал: \"Клуб \"Доверие\" открыт\".",
            Quotes::for_lang("ru"),
        );
        assert_eq!(ru, "<p>Он сказал: «Клуб „Доверие“ открыт».</p>\n");
    }

    #[test]
    fn english_keeps_curly_quotes_and_pairs_them() {
        let en = render("The \"Trust\" club.", Quotes::for_lang("en"));
        assert_eq!(en, "<p>The “Trust” club.</p>\n");
        let nested = render("\"a \"b\" c\"", Quotes::English);
        assert_eq!(nested, "<p>“a “b” c”</p>\n");
    }

    #[test]
    fn pairs_across_emphasis_and_leaves_code_and_typed_quotes() {
        let html = render("\"*Сенім*\", `\"code\"` and “typed”", Quotes::Guillemets);
        assert_eq!(
            html,
            "<p>«<em>Сенім</em>», <code>\"code\"</code> and “typed”</p>\n"
        );
    }

    #[test]
    fn each_paragraph_starts_afresh() {
        let html = render("\"open\n\n\"second\"", Quotes::Guillemets);
        assert_eq!(html, "<p>«open</p>\n<p>«second»</p>\n");
    }
}
