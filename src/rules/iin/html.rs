//! The text of a published file as its reader gets it, for the IIN rule:
//! an HTML page's text content (character references decoded, inline tags
//! such as `<strong>` joining the text around them, blocks and table cells
//! kept apart), its comments, scripts (JSON-LD) and the attributes that
//! carry words (`alt`, `title`, `href` ...); a feed's entries, whose HTML
//! is read again; a JSON file's values; any other text file line by line.
//!
//! Pages are walked by `page::walk`, the same walk as the quick screen's.
//!
//! Layer 5 (part of `rules`).

use super::super::text::Folded;
use super::digits::may_hold_iin;
use super::page::{self, Reader, is_inline};

/// How many characters of `text` are digits or may become digits once
/// read (a character reference, a full-width digit ...): the cheap test
/// that spares folding most texts.
fn digitish(text: &[u8]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < text.len() {
        let b = text[i];
        if b.is_ascii_digit() || b == b'&' {
            n += 1;
        } else if (0xD0..=0xD3).contains(&b) {
            // A Cyrillic letter (U+0400–U+04FF): never a digit.
            i += 1;
        } else if b >= 0xC0 {
            let len = match b {
                0xC0..=0xDF => 2,
                0xE0..=0xEF => 3,
                _ => 4,
            };
            let c = std::str::from_utf8(&text[i..(i + len).min(text.len())])
                .ok()
                .and_then(|s| s.chars().next());
            n += usize::from(c.is_some_and(char::is_numeric));
            i += len - 1;
        }
        i += 1;
    }
    n
}

/// A piece that stands for a space (a `<br>`), not for a part of the page.
const SPACE: (usize, usize) = (usize::MAX, usize::MAX);

/// Texts gathered from a page: the current text is kept as byte ranges
/// of the page (the pieces between inline tags) and copied only when it
/// could hold an IIN.
struct Texts<'h> {
    html: &'h str,
    out: Vec<Folded>,
    pieces: Vec<(usize, usize)>,
    count: usize,
    /// XML: texts may hold escaped markup (an Atom entry's HTML content).
    xml: bool,
}

impl Texts<'_> {
    fn text(&mut self, start: usize, end: usize) {
        if start < end {
            self.count += digitish(&self.html.as_bytes()[start..end]);
            self.pieces.push((start, end));
        }
    }

    fn flush(&mut self) {
        if self.count >= 12 {
            let raw: String = self
                .pieces
                .iter()
                .map(|&(a, b)| {
                    if (a, b) == SPACE {
                        " "
                    } else {
                        &self.html[a..b]
                    }
                })
                .collect();
            self.keep(&raw);
        }
        self.pieces.clear();
        self.count = 0;
    }

    /// A text of its own (an attribute's value, a comment, a script).
    fn own(&mut self, start: usize, end: usize) {
        if digitish(&self.html.as_bytes()[start..end]) >= 12 {
            self.keep(&self.html[start..end]);
        }
    }

    fn keep(&mut self, raw: &str) {
        let text = Folded::line_at(raw, 0);
        if self.xml && text.chars.contains(&'<') {
            let decoded: String = text.chars.iter().collect();
            self.out.extend(texts_of_html(&decoded, false));
        } else {
            self.out.push(text);
        }
    }
}

impl Reader for Texts<'_> {
    fn text(&mut self, start: usize, end: usize) -> bool {
        Texts::text(self, start, end);
        false
    }

    fn tag(&mut self, name: &[u8]) {
        if name.eq_ignore_ascii_case(b"br") {
            self.pieces.push(SPACE);
        } else if !is_inline(name) {
            self.flush();
        }
    }

    fn own(&mut self, start: usize, end: usize) -> bool {
        Texts::own(self, start, end);
        false
    }
}

/// The texts of an HTML page (or, with `xml`, an XML file whose texts may
/// hold HTML).
pub(super) fn texts_of_html(html: &str, xml: bool) -> Vec<Folded> {
    let mut t = Texts {
        html,
        out: Vec::new(),
        pieces: Vec::new(),
        count: 0,
        xml,
    };
    page::walk(html.as_bytes(), &mut t);
    t.flush();
    t.out
}

/// The texts of a published file, by its kind; `None` for files that are
/// not text (images, PDFs).
pub(super) fn texts_of_file(path: &str, bytes: &[u8]) -> Option<Vec<Folded>> {
    let ext = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase())?;
    if matches!(ext.as_str(), "html" | "htm") && !super::screen::may_hold_iin(bytes) {
        return Some(Vec::new());
    }
    let text = match ext.as_str() {
        "html" | "htm" | "xml" | "svg" | "xhtml" | "json" | "csv" | "txt" | "md" | "css" | "js"
        | "ics" | "vcf" | "webmanifest" => super::super::text::as_text(bytes),
        _ => return None,
    };
    Some(match ext.as_str() {
        "html" | "htm" => texts_of_html(&text, false),
        "xml" | "svg" | "xhtml" => texts_of_html(&text, true),
        "json" | "webmanifest" => match serde_json::from_str(&text) {
            Ok(value) => texts_of_json(&value),
            Err(_) => lines(&text),
        },
        _ => lines(&text),
    })
}

/// Texts not read as HTML: kept as they are (no references decoded).
fn push_text(out: &mut Vec<Folded>, text: &str) {
    if may_hold_iin(text) {
        out.push(Folded::of(text, 0));
    }
}

fn lines(text: &str) -> Vec<Folded> {
    let mut out = Vec::new();
    for line in text.lines() {
        push_text(&mut out, line);
    }
    out
}

fn texts_of_json(value: &serde_json::Value) -> Vec<Folded> {
    let mut out = Vec::new();
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        match v {
            serde_json::Value::String(s) => push_text(&mut out, s),
            serde_json::Value::Number(n) => push_text(&mut out, &n.to_string()),
            serde_json::Value::Array(items) => stack.extend(items),
            serde_json::Value::Object(map) => {
                for (k, v) in map {
                    push_text(&mut out, k);
                    stack.push(v);
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::digits::find_iins;
    use super::*;

    fn iins(path: &str, text: &str) -> usize {
        texts_of_file(path, text.as_bytes())
            .unwrap_or_default()
            .iter()
            .map(|t| find_iins(t).len())
            .sum()
    }

    #[test]
    fn reads_pages_as_a_reader_does() {
        assert_eq!(
            iins("a.html", "<p>ЖСН 9001<strong>1530</strong>0122</p>"),
            1
        );
        assert_eq!(iins("a.html", "<p>ЖСН 90011530012&#50;</p>"), 1);
        assert_eq!(iins("a.html", "<p>ЖСН 900115&nbsp;300122</p>"), 1);
        assert_eq!(
            iins("a.html", "<img alt=\"900115300122\" src=\"a.jpg\">"),
            1
        );
        assert_eq!(iins("a.html", "<td>900115</td><td>300122</td>"), 0);
        assert_eq!(iins("a.html", "<svg viewBox=\"900115 300122\"></svg>"), 0);
        let feed = "<feed><content type=\"html\">&lt;p&gt;9001&lt;b&gt;1530&lt;/b&gt;0122&lt;/p&gt;</content></feed>";
        assert_eq!(iins("kk/news/atom.xml", feed), 1);
        assert_eq!(iins("data/clubs.json", "[{\"n\": \"900115 300122\"}]"), 1);
        assert_eq!(
            iins("data/indicators.csv", "a,900115,300122\nb,900115300122\n"),
            1
        );
        assert_eq!(iins("photo.jpg", "900115300122"), 0);
        assert_eq!(iins("a.html", "<p title='9001 1530 0122'>x</p>"), 1);
        assert_eq!(iins("a.html", "<a href=/n/900115300122>x</a>"), 1);
        assert_eq!(iins("a.html", "<!-- 900115300122 --><p>1 < 2</p>"), 1);
        let ld = "<script type=\"application/ld+json\">{\"n\":\"900115-300122\"}</script>";
        assert_eq!(iins("a.html", ld), 1);
        assert_eq!(iins("a.html", "<p>a < b 900115 <i>300122</i></p>"), 1);
        assert_eq!(iins("a.html", "<p>900115</p>\n<p>300122</p>"), 0);
    }
}
