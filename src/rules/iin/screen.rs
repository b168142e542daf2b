//! A quick screen of a published page for the IIN rule: true when the page
//! may hold an IIN, false only when it surely does not. Most pages hold
//! no run of twelve digits, and reading a page into texts ([`super::html`])
//! costs far more than this one pass over its bytes.
//!
//! It walks the page as `html::texts_of_html` does (`page::walk`: the
//! same tags, comments, scripts and attribute values, inline tags joining
//! the text around them) and counts, in each text, the characters since the last
//! one that surely ends a number (a letter, a `.`, a `<` written as
//! text ...). It counts more than a reader would ever read, never less:
//! a character reference counts as two digits, and so does any character
//! beyond ASCII other than a Cyrillic letter or punctuation that never
//! becomes a digit (`０`, `²`, `㉑` may, once folded; `«`, `—` never);
//! spaces, dashes, control characters, that punctuation and the letters
//! of a character reference never end a count. A tested property
//! (below) ties it to the reader: whatever `texts_of_html` finds an IIN
//! in, the screen lets through.
//!
//! Layer 5 (part of `rules`).

use super::page::{self, Reader, is_inline};
use crate::rules::text::may_start_numeric;

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
                    } else if may_start_numeric(b, bytes.get(i + 1).copied().unwrap_or(0)) {
                        self.0 += 2;
                    }
                    // Else punctuation or a space (`«`, `—`, a no-break
                    // space), never a digit: the number goes on.
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

/// Where the first byte that may raise a count is: [`first_raising`],
/// past the punctuation and spaces beyond ASCII that never become digits
/// (`«`, `»`, `—`, a no-break space: [`may_start_numeric`]).
fn next_raising(bytes: &[u8]) -> Option<usize> {
    let mut from = 0;
    loop {
        let at = from + first_raising(&bytes[from..])?;
        let next = bytes.get(at + 1).copied().unwrap_or(0);
        if bytes[at] < 0x80 || may_start_numeric(bytes[at], next) {
            return Some(at);
        }
        from = at + 1;
    }
}

/// Where the first byte that may raise a count is, looking at 32 bytes at
/// a time in code the compiler vectorizes (most of a page raises nothing).
fn first_raising(bytes: &[u8]) -> Option<usize> {
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

/// The screen as a reader of `page::walk`: one count for the text between
/// tags, a new one for each text of its own.
struct Screen<'h> {
    html: &'h [u8],
    text: Count,
}

impl Reader for Screen<'_> {
    fn text(&mut self, start: usize, end: usize) -> bool {
        self.text.text(&self.html[start..end])
    }

    fn tag(&mut self, name: &[u8]) {
        // A tag that separates texts ends the number (nothing to end at 0).
        if self.text.0 > 0 && !name.eq_ignore_ascii_case(b"br") && !is_inline(name) {
            self.text.0 = 0;
        }
    }

    fn own(&mut self, start: usize, end: usize) -> bool {
        Count::default().text(&self.html[start..end])
    }
}

/// True when the HTML page `html` may hold an IIN in its text, its
/// comments, scripts or the values of its wordy attributes.
pub(super) fn may_hold_iin(html: &[u8]) -> bool {
    page::walk(
        html,
        &mut Screen {
            html,
            text: Count::default(),
        },
    )
}

#[cfg(test)]
mod tests;
