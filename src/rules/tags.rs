//! A light reader of the start tags of an HTML page, for the link rule:
//! each tag's name and attributes, values with their character references
//! decoded, as a browser reads them. Comments, doctypes and the text of
//! `<script>`, `<style>`, `<textarea>` and `<title>` are skipped.
//!
//! It reads pages rather than parsing them into a tree (html5ever's tree
//! builder and selector matching cost a clean build more than rendering
//! the pages did). The pages are bitimger's own output (its templates and
//! the sanitizer's serialization), so their tags are well formed.
//!
//! Layer 5 (part of `rules`); imports nothing from the crate.

use std::borrow::Cow;

/// One start tag: its name (lowercase) and its attributes in order, as
/// written; a value is decoded only when asked for.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Tag<'h> {
    pub name: Cow<'h, str>,
    attrs: Vec<(&'h [u8], &'h [u8])>,
}

impl<'h> Tag<'h> {
    /// The value of attribute `name` (lowercase), character references
    /// decoded, when the tag has it; a repeated attribute keeps its first
    /// value, as in a browser.
    pub(crate) fn attr(&self, name: &str) -> Option<Cow<'h, str>> {
        let (_, value) = self
            .attrs
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name.as_bytes()))?;
        Some(match text(value) {
            Cow::Borrowed(v) if v.contains('&') => html_escape::decode_html_entities(v),
            Cow::Owned(v) if v.contains('&') => {
                Cow::Owned(html_escape::decode_html_entities(&v).into_owned())
            }
            v => v,
        })
    }
}

/// Elements whose content is text, not tags.
const RAW: &[&str] = &["script", "style", "textarea", "title"];

/// Calls `each` with every start tag of `html`, in order. The page is read
/// as bytes: only names and values are taken as text (an invalid sequence
/// in one reads as U+FFFD, as a browser shows it), so a page is never
/// checked as UTF-8 as a whole.
pub(crate) fn start_tags<'h>(html: &'h [u8], mut each: impl FnMut(&Tag<'h>)) {
    // One tag, its attributes' list reused from tag to tag.
    let mut tag = Tag::default();
    let mut at = 0;
    while let Some(lt) = memchr::memchr(b'<', &html[at..]).map(|i| at + i) {
        let rest = &html[lt..];
        at = if rest.starts_with(b"<!--") {
            after(html, lt + 4, b"-->")
        } else if rest.starts_with(b"<!") || rest.starts_with(b"<?") || rest.starts_with(b"</") {
            memchr::memchr(b'>', &html[lt..]).map_or(html.len(), |i| lt + i + 1)
        } else {
            match read_tag(html, lt + 1, &mut tag) {
                None => lt + 1,
                Some(next) => {
                    each(&tag);
                    match RAW.iter().find(|r| **r == tag.name) {
                        Some(raw) => skip_raw(html, next, raw),
                        None => next,
                    }
                }
            }
        };
    }
}

/// Where `end` ends, searched from `from` (the end of `s` when it is not
/// there).
fn after(s: &[u8], from: usize, end: &[u8]) -> usize {
    memchr::memmem::find(&s[from..], end).map_or(s.len(), |i| from + i + end.len())
}

/// Past the end tag of raw text element `name`, from `from`.
fn skip_raw(html: &[u8], from: usize, name: &str) -> usize {
    let mut at = from;
    while let Some(i) = memchr::memmem::find(&html[at..], b"</") {
        let start = at + i + 2;
        let matches = html
            .get(start..start + name.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()));
        if matches {
            return memchr::memchr(b'>', &html[start..]).map_or(html.len(), |i| start + i + 1);
        }
        at = start;
    }
    html.len()
}

/// Reads the tag whose name starts at `at` (just after `<`) into `tag`,
/// and says where the page goes on; `None` when no name follows (`a < b`
/// is text).
fn read_tag<'h>(html: &'h [u8], at: usize, tag: &mut Tag<'h>) -> Option<usize> {
    let len = html[at..]
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || b == b'-' || b == b':'))
        .unwrap_or(html.len() - at);
    if len == 0 || !html[at].is_ascii_alphabetic() {
        return None;
    }
    tag.name = lowercase(&html[at..at + len]);
    tag.attrs.clear();
    Some(attributes(html, at + len, tag))
}

/// `bytes` as text: borrowed when valid UTF-8 (always, for bitimger's own
/// pages), an invalid sequence as U+FFFD otherwise.
fn text(bytes: &[u8]) -> Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(bytes),
    }
}

/// `name` in lower case, borrowed when it is already (pages are written
/// in lower case).
fn lowercase(name: &[u8]) -> Cow<'_, str> {
    if name.iter().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(text(name).to_ascii_lowercase())
    } else {
        text(name)
    }
}

/// Skips whitespace and `/` from `at`.
fn skip_space(html: &[u8], at: usize) -> usize {
    at + html[at..]
        .iter()
        .position(|&b| !(b.is_ascii_whitespace() || b == b'/'))
        .unwrap_or(html.len() - at)
}

/// Skips whitespace from `at`.
fn skip_blank(html: &[u8], at: usize) -> usize {
    at + html[at..]
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(html.len() - at)
}

/// Reads attributes from `at` up to the tag's `>`; returns where the tag
/// ends.
fn attributes<'h>(html: &'h [u8], mut at: usize, tag: &mut Tag<'h>) -> usize {
    loop {
        at = skip_space(html, at);
        match html.get(at) {
            None => return at,
            Some(b'>') => return at + 1,
            _ => {}
        }
        let len = html[at..]
            .iter()
            .position(|&b| b.is_ascii_whitespace() || matches!(b, b'=' | b'>' | b'/'))
            .unwrap_or(html.len() - at)
            .max(1);
        let name = &html[at..at + len];
        at += len;
        let eq = skip_blank(html, at);
        let value: &[u8] = if html.get(eq) == Some(&b'=') {
            let (value, next) = value(html, eq + 1);
            at = next;
            value
        } else {
            b""
        };
        tag.attrs.push((name, value));
    }
}

/// An attribute's value from `at` (just after `=`), quoted or not, and
/// where the tag goes on.
fn value(html: &[u8], at: usize) -> (&[u8], usize) {
    let at = skip_blank(html, at);
    match html.get(at) {
        Some(&q @ (b'"' | b'\'')) => {
            let start = at + 1;
            let end = memchr::memchr(q, &html[start..]).map_or(html.len(), |i| start + i);
            (&html[start..end], (end + 1).min(html.len()))
        }
        _ => {
            let len = html[at..]
                .iter()
                .position(|&b| b.is_ascii_whitespace() || b == b'>')
                .unwrap_or(html.len() - at);
            (&html[at..at + len], at + len)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(html: &str) -> Vec<String> {
        let mut out = Vec::new();
        start_tags(html.as_bytes(), |t| {
            let mut names: Vec<String> = Vec::new();
            for (n, _) in &t.attrs {
                let n = text(n).to_ascii_lowercase();
                if !names.contains(&n) {
                    names.push(n);
                }
            }
            let attrs: Vec<String> = names
                .iter()
                .map(|n| format!("{n}={}", t.attr(n).unwrap_or_default()))
                .collect();
            out.push(format!("{} {}", t.name, attrs.join(" ")).trim().to_string());
        });
        out
    }

    #[test]
    fn reads_tags_and_decoded_attributes() {
        assert_eq!(
            tags("<A HREF=\"a?b=1&amp;c=2\" id=x>t</a><img src='p.jpg' alt><br/>"),
            ["a href=a?b=1&c=2 id=x", "img src=p.jpg alt=", "br"]
        );
        assert_eq!(tags("<p class=a id=b/c>"), ["p class=a id=b/c"]);
        assert_eq!(tags("<a href=x href=y>"), ["a href=x"]);
    }

    #[test]
    fn an_invalid_byte_reads_as_a_replacement_character() {
        let mut out = Vec::new();
        start_tags(b"<p>\xff</p><a href=\"x\xffy\" title=\xc3>", |t| {
            out.push((t.name.to_string(), t.attr("href").map(Cow::into_owned)));
        });
        assert_eq!(
            out,
            [
                ("p".to_string(), None),
                ("a".to_string(), Some("x\u{FFFD}y".to_string()))
            ]
        );
    }

    #[test]
    fn skips_comments_raw_text_and_stray_less_than_signs() {
        assert_eq!(
            tags(
                "<!DOCTYPE html><!-- <a href=no> --><p>1 < 2</p><script>if (a<b) '<a href=no>'</script ><i>"
            ),
            ["p", "script", "i"]
        );
        assert_eq!(
            tags("<title><a href=no></title><style>a<b{}</STYLE><b>"),
            ["title", "style", "b"]
        );
        assert_eq!(tags("<a href=\"unfinished"), ["a href=unfinished"]);
        assert_eq!(tags("<a href=x"), ["a href=x"]);
        assert_eq!(tags("<script>never closed <a href=no>"), ["script"]);
    }
}
