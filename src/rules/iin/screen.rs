//! A quick screen of a published page for the IIN rule: true when the page
//! may hold an IIN, false only when it surely does not. Most pages hold
//! no run of twelve digits, and reading a page into texts ([`super::html`])
//! costs far more than this one pass over its bytes.
//!
//! It follows the page as `html::texts_of_html` does (the same tags,
//! comments, scripts and attribute values, inline tags joining the text
//! around them) and counts, in each text, the characters since the last
//! one that surely ends a number (a letter, a `.`, a `<` written as
//! text ...). It counts more than a reader would ever read, never less:
//! a character reference counts as two digits, and so does any character
//! beyond ASCII other than a Cyrillic letter (`０`, `²`, `㉑` may become
//! digits once folded); spaces, dashes, control characters and the letters
//! of a character reference never end a count. A tested property
//! (below) ties it to the reader: whatever `texts_of_html` finds an IIN
//! in, the screen lets through.
//!
//! Layer 5 (part of `rules`).

/// Twelve digits: an IIN's length. A count that reaches it lets a page through.
const IIN_LEN: u32 = 12;

/// What a byte is to a number being counted.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Digit,
    /// Spaces, dashes and control characters: a number goes on.
    Joins,
    /// Letters and punctuation: a number ends.
    Ends,
    Amp,
    Lt,
    /// Any byte beyond ASCII.
    Wide,
}

const fn kinds() -> [Kind; 256] {
    let mut t = [Kind::Ends; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = match b as u8 {
            b'0'..=b'9' => Kind::Digit,
            b'-' | b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C => Kind::Joins,
            0..=0x1F | 0x7F => Kind::Joins,
            b'&' => Kind::Amp,
            b'<' => Kind::Lt,
            0x80..=0xFF => Kind::Wide,
            _ => Kind::Ends,
        };
        b += 1;
    }
    t
}

static KINDS: [Kind; 256] = kinds();

/// A count of the digits of the number being read in one text.
#[derive(Default, Clone, Copy)]
struct Count(u32);

impl Count {
    /// Counts the text `bytes`; true when a number may reach twelve digits.
    fn text(&mut self, bytes: &[u8]) -> bool {
        let mut i = 0;
        while i < bytes.len() {
            if self.0 == 0 {
                // Nothing counted: only a byte that raises the count matters.
                match next_raising(&bytes[i..]) {
                    Some(k) => i += k,
                    None => return false,
                }
            }
            let b = bytes[i];
            match KINDS[usize::from(b)] {
                Kind::Digit => self.0 += 1,
                Kind::Joins => {}
                Kind::Ends | Kind::Lt => self.0 = 0,
                Kind::Amp => {
                    // A reference: at most two digits once read; the
                    // letters of its name do not end the number.
                    self.0 += 2;
                    let body = &bytes[i + 1..];
                    let len = body
                        .iter()
                        .take(40)
                        .take_while(|c| c.is_ascii_alphanumeric() || **c == b'#')
                        .count();
                    self.0 += body[..len].iter().filter(|c| c.is_ascii_digit()).count() as u32;
                    i += len + usize::from(body.get(len) == Some(&b';'));
                }
                Kind::Wide => {
                    let (len, cyrillic_letter) = wide(&bytes[i..]);
                    if cyrillic_letter {
                        self.0 = 0;
                    } else {
                        self.0 += 2;
                    }
                    i += len - 1;
                }
            }
            if self.0 >= IIN_LEN {
                return true;
            }
            i += 1;
        }
        false
    }
}

/// True when byte `b` may raise a count: a digit, a `&`, or the first
/// byte of a character beyond ASCII that is not a Cyrillic letter.
#[inline]
fn raises(b: u8) -> bool {
    b.wrapping_sub(b'0') < 10 || b == b'&' || (b >= 0xC0 && b & 0xFC != 0xD0)
}

/// Where the first byte that may raise a count is, looking at 32 bytes at
/// a time in code the compiler vectorizes (most of a page raises nothing).
fn next_raising(bytes: &[u8]) -> Option<usize> {
    let mut chunks = bytes.chunks_exact(32);
    let mut off = 0;
    for chunk in &mut chunks {
        if chunk.iter().fold(false, |any, &b| any | raises(b)) {
            return chunk.iter().position(|&b| raises(b)).map(|p| off + p);
        }
        off += 32;
    }
    chunks
        .remainder()
        .iter()
        .position(|&b| raises(b))
        .map(|p| off + p)
}

/// The length of the character starting at `bytes[0]` (beyond ASCII), and
/// whether it is a Cyrillic letter (U+0400–U+04FF, apart from the
/// combining marks U+0483–U+0489, which a reader drops).
fn wide(bytes: &[u8]) -> (usize, bool) {
    let lead = bytes[0];
    let len = match lead {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF7 => 4,
        _ => 1,
    };
    let len = len.min(bytes.len());
    let cyrillic = len == 2
        && (0xD0..=0xD3).contains(&lead)
        && (0x80..=0xBF).contains(&bytes[1])
        && !(lead == 0xD2 && (0x83..=0x89).contains(&bytes[1]));
    (len, cyrillic)
}

/// True when the HTML page `html` may hold an IIN in its text, its
/// comments, scripts or the values of its wordy attributes.
pub(super) fn may_hold_iin(html: &[u8]) -> bool {
    let mut text = Count::default();
    let mut at = 0;
    while let Some(lt) = memchr::memchr(b'<', &html[at..]).map(|i| at + i) {
        if text.text(&html[at..lt]) {
            return true;
        }
        let rest = &html[lt..];
        at = if rest.starts_with(b"<!--") {
            let (inside, after) = until(html, lt + 4, b"-->");
            if Count::default().text(&html[lt + 4..inside]) {
                return true;
            }
            after
        } else if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            memchr::memchr(b'>', rest).map_or(html.len(), |i| lt + i + 1)
        } else {
            match tag(html, lt, &mut text) {
                Some(next) => next,
                None => return true,
            }
        };
    }
    text.text(&html[at..])
}

/// Where `end` starts at or after `from`, and where it ends (both the end
/// of `s` when it is not there).
fn until(s: &[u8], from: usize, end: &[u8]) -> (usize, usize) {
    match memchr::memmem::find(&s[from..], end) {
        Some(i) => (from + i, from + i + end.len()),
        None => (s.len(), s.len()),
    }
}

/// Screens the tag at `lt`: `None` when something in it may hold an IIN,
/// else where the page goes on.
fn tag(html: &[u8], lt: usize, text: &mut Count) -> Option<usize> {
    let closing = html.get(lt + 1) == Some(&b'/');
    let name_at = lt + 1 + usize::from(closing);
    let name_len = html[name_at..]
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || b == b'-' || b == b':'))
        .unwrap_or(html.len() - name_at);
    if name_len == 0 {
        // `a < b`: a `<` in the text.
        text.0 = 0;
        return Some(lt + 1);
    }
    let name = &html[name_at..name_at + name_len];
    // A tag that separates texts ends the number (nothing to end at 0).
    if text.0 > 0 && !name.eq_ignore_ascii_case(b"br") && !super::html::is_inline(name) {
        text.0 = 0;
    }
    let after = attributes(html, name_at + name_len)?;
    let raw = [&b"script"[..], b"style"]
        .into_iter()
        .find(|n| n.eq_ignore_ascii_case(name));
    match raw {
        Some(n) if !closing => {
            let mut end_tag = b"</".to_vec();
            end_tag.extend_from_slice(n);
            let (inside, end) = until(html, after, &end_tag);
            (!Count::default().text(&html[after..inside])).then_some(end)
        }
        _ => Some(after),
    }
}

/// Screens the values of wordy attributes from `at` up to the tag's `>`:
/// `None` when one may hold an IIN, else where the tag ends. The same
/// reading as `html::attributes`.
fn attributes(html: &[u8], mut at: usize) -> Option<usize> {
    loop {
        at += html[at..]
            .iter()
            .position(|&b| !(b.is_ascii_whitespace() || b == b'/'))
            .unwrap_or(html.len() - at);
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
        at += name_len;
        at += html[at..]
            .iter()
            .take_while(|b| b.is_ascii_whitespace())
            .count();
        if html.get(at) != Some(&b'=') {
            continue;
        }
        at += 1;
        at += html[at..]
            .iter()
            .take_while(|b| b.is_ascii_whitespace())
            .count();
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
        let value = &html[start..end];
        if next_raising(value).is_some()
            && super::html::is_wordy(name)
            && Count::default().text(value)
        {
            return None;
        }
        at = next;
    }
}

#[cfg(test)]
mod tests;
