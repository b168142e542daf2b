//! How the IIN rule walks a published page, once for the quick screen
//! (`screen`) and, when it lets the page through, for its texts (`html`):
//! the text between tags, each tag's name (inline tags such as `<strong>`
//! join the text around them, `<br>` is a space, any other tag ends a
//! text), and the texts of their own — comments, the content of `<script>`
//! and `<style>`, the values of wordy attributes (`alt`, `title`, `href`,
//! `data-*` ...).
//!
//! A light scan of the tags rather than html5ever's tokenizer: it runs on
//! every file of every build. The pages are bitimger's own output (its
//! templates, the sanitizer's serialization), so tags are well formed; and
//! a site's own templates are read as source files too.
//!
//! Layer 5 (part of `rules`).

/// What a walk over a page tells its reader. A method returns `true` to
/// stop the walk (the screen stops at the first text that may hold an IIN).
pub(super) trait Reader {
    /// Text of the page from `start` to `end` (byte offsets), between tags.
    fn text(&mut self, start: usize, end: usize) -> bool;
    /// The tag named `name` (closing or not) at this point of the text.
    fn tag(&mut self, name: &[u8]);
    /// A text of its own from `start` to `end`.
    fn own(&mut self, start: usize, end: usize) -> bool;
}

/// Tags that do not separate the text around them.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i",
    "ins", "kbd", "label", "mark", "nobr", "q", "s", "samp", "small", "span", "strike", "strong",
    "sub", "sup", "time", "tt", "u", "var", "wbr",
];

/// Attributes whose values are words or addresses a reader can get at
/// (not geometry such as an SVG's `viewBox` or `points`).
const WORDY: &[&str] = &[
    "alt",
    "aria-label",
    "aria-description",
    "content",
    "download",
    "href",
    "id",
    "label",
    "name",
    "placeholder",
    "src",
    "summary",
    "title",
    "value",
];

/// `name` in lower case on the stack, when it is at most `N` bytes long.
fn lower<const N: usize>(name: &[u8]) -> Option<([u8; N], usize)> {
    if name.len() > N {
        return None;
    }
    let mut out = [0u8; N];
    for (l, b) in out.iter_mut().zip(name) {
        *l = b.to_ascii_lowercase();
    }
    Some((out, name.len()))
}

/// True when tag `name` does not separate the text around it. Runs for
/// every tag of every page: matched in lower case on the stack.
pub(super) fn is_inline(name: &[u8]) -> bool {
    lower::<6>(name).is_some_and(|(l, n)| INLINE.iter().any(|i| i.as_bytes() == &l[..n]))
}

/// True when attribute `name` carries words a reader can get at.
pub(super) fn is_wordy(name: &[u8]) -> bool {
    name.get(..5)
        .is_some_and(|p| p.eq_ignore_ascii_case(b"data-"))
        || lower::<16>(name).is_some_and(|(l, n)| WORDY.iter().any(|w| w.as_bytes() == &l[..n]))
}

/// Walks the page `html`; `true` when the reader stopped it.
pub(super) fn walk(html: &[u8], r: &mut impl Reader) -> bool {
    let mut at = 0;
    while let Some(lt) = memchr::memchr(b'<', &html[at..]).map(|i| at + i) {
        if r.text(at, lt) {
            return true;
        }
        let rest = &html[lt..];
        at = if rest.starts_with(b"<!--") {
            let (inside, after) = until(html, lt + 4, b"-->");
            if r.own(lt + 4, inside) {
                return true;
            }
            after
        } else if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            memchr::memchr(b'>', rest).map_or(html.len(), |i| lt + i + 1)
        } else {
            match tag(html, lt, r) {
                Some(next) => next,
                None => return true,
            }
        };
    }
    r.text(at, html.len())
}

/// Where `end` starts at or after `from` in `s`, and where it ends (both
/// the end of `s` when it is not there).
fn until(s: &[u8], from: usize, end: &[u8]) -> (usize, usize) {
    match memchr::memmem::find(&s[from..], end) {
        Some(i) => (from + i, from + i + end.len()),
        None => (s.len(), s.len()),
    }
}

/// Reads the tag at `lt` (`<name attrs>` or `</name>`); returns where the
/// page goes on (after a script or style, after its end tag), `None` when
/// the reader stopped.
fn tag(html: &[u8], lt: usize, r: &mut impl Reader) -> Option<usize> {
    let closing = html.get(lt + 1) == Some(&b'/');
    let name_at = lt + 1 + usize::from(closing);
    let name_len = html[name_at..]
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || b == b'-' || b == b':'))
        .unwrap_or(html.len() - name_at);
    if name_len == 0 {
        // `a < b`: a `<` in the text.
        return (!r.text(lt, lt + 1)).then_some(lt + 1);
    }
    let name = &html[name_at..name_at + name_len];
    r.tag(name);
    let after = attributes(html, name_at + name_len, r)?;
    let raw = [&b"script"[..], b"style"]
        .into_iter()
        .find(|n| n.eq_ignore_ascii_case(name));
    match raw {
        Some(n) if !closing => {
            let mut end_tag = b"</".to_vec();
            end_tag.extend_from_slice(n);
            let (inside, end) = until(html, after, &end_tag);
            (!r.own(after, inside)).then_some(end)
        }
        _ => Some(after),
    }
}

/// Skips ASCII blanks (and, with `slash`, `/`) from `at`.
fn skip(html: &[u8], at: usize, slash: bool) -> usize {
    at + html[at..]
        .iter()
        .take_while(|&&b| b.is_ascii_whitespace() || slash && b == b'/')
        .count()
}

/// Reads attributes from `at` up to the tag's `>`, giving the values of
/// wordy ones to the reader; returns where the tag ends.
fn attributes(html: &[u8], mut at: usize, r: &mut impl Reader) -> Option<usize> {
    loop {
        at = skip(html, at, true);
        match html.get(at) {
            None => return Some(at),
            Some(b'>') => return Some(at + 1),
            _ => {}
        }
        let name_len = html[at..]
            .iter()
            .position(|&b| b.is_ascii_whitespace() || matches!(b, b'=' | b'>' | b'/'))
            .unwrap_or(html.len() - at)
            .max(1);
        let name = &html[at..at + name_len];
        at = skip(html, at + name_len, false);
        if html.get(at) != Some(&b'=') {
            continue;
        }
        at = skip(html, at + 1, false);
        let (start, end, next) = match html.get(at) {
            Some(&q @ (b'"' | b'\'')) => {
                let end = memchr::memchr(q, &html[at + 1..]).map_or(html.len(), |i| at + 1 + i);
                (at + 1, end, (end + 1).min(html.len()))
            }
            _ => {
                let len = html[at..]
                    .iter()
                    .position(|&b| b.is_ascii_whitespace() || b == b'>')
                    .unwrap_or(html.len() - at);
                (at, at + len, at + len)
            }
        };
        if is_wordy(name) && r.own(start, end) {
            return None;
        }
        at = next;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_matched_in_any_case() {
        assert!(
            INLINE
                .iter()
                .all(|n| n.len() <= 6 && *n == n.to_lowercase())
        );
        assert!(
            WORDY
                .iter()
                .all(|n| n.len() <= 16 && *n == n.to_lowercase())
        );
        assert!(is_inline(b"STRONG") && is_inline(b"a") && !is_inline(b"p"));
        assert!(!is_inline(b"strongest") && !is_inline(b""));
        assert!(is_wordy(b"ALT") && is_wordy(b"data-x") && is_wordy(b"Aria-Label"));
        assert!(is_wordy(b"DATA-a-name-longer-than-sixteen"));
        assert!(!is_wordy(b"class") && !is_wordy(b"data") && !is_wordy(b"viewbox"));
    }
}
