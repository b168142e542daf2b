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

/// One start tag: its name (lowercase) and its attributes in order
/// (names lowercase; a repeated attribute keeps its first value, as in a
/// browser).
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Tag<'h> {
    pub name: Cow<'h, str>,
    pub attrs: Vec<(Cow<'h, str>, Cow<'h, str>)>,
}

impl Tag<'_> {
    /// The value of attribute `name`, when the tag has it.
    pub(crate) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_ref())
    }
}

/// Elements whose content is text, not tags.
const RAW: &[&str] = &["script", "style", "textarea", "title"];

/// Calls `each` with every start tag of `html`, in order.
pub(crate) fn start_tags<'h>(html: &'h str, mut each: impl FnMut(&Tag<'h>)) {
    // One tag, its attributes' list reused from tag to tag.
    let mut tag = Tag::default();
    let mut at = 0;
    while let Some(lt) = memchr::memchr(b'<', &html.as_bytes()[at..]).map(|i| at + i) {
        let rest = &html[lt..];
        at = if rest.starts_with("<!--") {
            after(html, lt + 4, "-->")
        } else if rest.starts_with("<!") || rest.starts_with("<?") || rest.starts_with("</") {
            memchr::memchr(b'>', &html.as_bytes()[lt..]).map_or(html.len(), |i| lt + i + 1)
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
fn after(s: &str, from: usize, end: &str) -> usize {
    s[from..]
        .find(end)
        .map_or(s.len(), |i| from + i + end.len())
}

/// Past the end tag of raw text element `name`, from `from`.
fn skip_raw(html: &str, from: usize, name: &str) -> usize {
    let mut at = from;
    while let Some(i) = html[at..].find("</") {
        let start = at + i + 2;
        let matches = html
            .get(start..start + name.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name));
        if matches {
            return html[start..]
                .find('>')
                .map_or(html.len(), |i| start + i + 1);
        }
        at = start;
    }
    html.len()
}

/// Reads the tag whose name starts at `at` (just after `<`) into `tag`,
/// and says where the page goes on; `None` when no name follows (`a < b`
/// is text).
fn read_tag<'h>(html: &'h str, at: usize, tag: &mut Tag<'h>) -> Option<usize> {
    let len = html.as_bytes()[at..]
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || b == b'-' || b == b':'))
        .unwrap_or(html.len() - at);
    if len == 0 || !html[at..].starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    tag.name = lowercase(&html[at..at + len]);
    tag.attrs.clear();
    Some(attributes(html, at + len, tag))
}

/// `name` in lower case, borrowed when it is already (pages are written
/// in lower case).
fn lowercase(name: &str) -> Cow<'_, str> {
    if name.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(name.to_ascii_lowercase())
    } else {
        Cow::Borrowed(name)
    }
}

/// Skips whitespace and `/` from `at`.
fn skip_space(html: &str, at: usize) -> usize {
    at + html.as_bytes()[at..]
        .iter()
        .position(|&b| !(b.is_ascii_whitespace() || b == b'/'))
        .unwrap_or(html.len() - at)
}

/// Reads attributes from `at` up to the tag's `>`; returns where the tag
/// ends.
fn attributes<'h>(html: &'h str, mut at: usize, tag: &mut Tag<'h>) -> usize {
    loop {
        at = skip_space(html, at);
        match html[at..].chars().next() {
            None => return at,
            Some('>') => return at + 1,
            _ => {}
        }
        let len = html.as_bytes()[at..]
            .iter()
            .position(|&b| b.is_ascii_whitespace() || matches!(b, b'=' | b'>' | b'/'))
            .unwrap_or(html.len() - at)
            .max(1);
        let name = lowercase(&html[at..at + len]);
        at += len;
        let eq = at + html[at..].len() - html[at..].trim_ascii_start().len();
        let value = if html[eq..].starts_with('=') {
            let (value, next) = value(html, eq + 1);
            at = next;
            value
        } else {
            ""
        };
        if tag.attr(&name).is_none() {
            let value = if value.contains('&') {
                html_escape::decode_html_entities(value)
            } else {
                Cow::Borrowed(value)
            };
            tag.attrs.push((name, value));
        }
    }
}

/// An attribute's value from `at` (just after `=`), quoted or not, and
/// where the tag goes on.
fn value(html: &str, at: usize) -> (&str, usize) {
    let at = at + html[at..].len() - html[at..].trim_ascii_start().len();
    match html[at..].chars().next() {
        Some(q @ ('"' | '\'')) => {
            let start = at + 1;
            let end = memchr::memchr(q as u8, &html.as_bytes()[start..])
                .map_or(html.len(), |i| start + i);
            (&html[start..end], (end + 1).min(html.len()))
        }
        _ => {
            let len = html.as_bytes()[at..]
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
        start_tags(html, |t| {
            let attrs: Vec<String> = t.attrs.iter().map(|(n, v)| format!("{n}={v}")).collect();
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
        assert_eq!(tags("<script>never closed <a href=no>"), ["script"]);
    }
}
