//! Text as a reader sees it, for the privacy detectors: HTML character
//! references decoded (`&#48;` is a 0 on the page), compatibility forms
//! folded by Unicode NFKC (full-width `０５` and `＠` become `05` and `@`,
//! a no-break space a space) and invisible characters dropped (zero-width
//! spaces and joiners, soft hyphens, word joiners, combining marks,
//! control characters). Each character keeps where it came from (a column
//! or a line), so a finding points at the source.
//!
//! Layer 5 (part of `rules`); imports nothing from the crate.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};
use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};

/// A published file's bytes as text. Rendered pages are valid UTF-8, so
/// the quick check nearly always borrows them; anything else is read with
/// each invalid sequence as U+FFFD, as a browser shows it.
pub(crate) fn as_text(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(bytes),
    }
}

/// Folded text: its characters, and for each where it came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Folded {
    /// The characters as a reader reads them.
    pub chars: Vec<char>,
    /// For each character, its source position (a 1-based column, or a
    /// line; 0 when nothing is known).
    pub at: Vec<usize>,
}

impl Folded {
    /// Appends `c`, folded, as coming from `at`.
    pub(crate) fn push(&mut self, c: char, at: usize) {
        if c.is_ascii() && !c.is_ascii_control() || matches!(c, '\t' | '\n' | '\r') {
            self.chars.push(c);
            self.at.push(at);
        } else if is_invisible(c) {
            // Dropped: a zero-width space inside a number does not split it.
        } else if is_nfkc_quick(std::iter::once(c)) == IsNormalized::Yes {
            self.chars.push(c);
            self.at.push(at);
        } else {
            for folded in std::iter::once(c).nfkc() {
                if !is_invisible(folded) {
                    self.chars.push(folded);
                    self.at.push(at);
                }
            }
        }
    }

    /// Appends every character of `s`, folded, as coming from `at`.
    pub(crate) fn push_str(&mut self, s: &str, at: usize) {
        for c in s.chars() {
            self.push(c, at);
        }
    }

    /// Folded text of `s`, all of it from position `at`.
    pub(crate) fn of(s: &str, at: usize) -> Folded {
        let mut f = Folded::default();
        f.push_str(s, at);
        f
    }

    /// A line of a source file, its character references decoded; each
    /// character keeps its 1-based column.
    pub(crate) fn line(line: &str) -> Folded {
        Self::decode(line, |column| column)
    }

    /// Text with its character references decoded, all of it from `at`.
    pub(crate) fn line_at(text: &str, at: usize) -> Folded {
        Self::decode(text, |_| at)
    }

    fn decode(text: &str, position: impl Fn(usize) -> usize) -> Folded {
        let mut f = Folded::default();
        let mut column = 0;
        let mut rest = text;
        while let Some(c) = rest.chars().next() {
            column += 1;
            if c == '&'
                && let Some((len, decoded)) = reference(rest)
            {
                f.push_str(&decoded, position(column));
                column += rest[1..len].chars().count();
                rest = &rest[len..];
                continue;
            }
            f.push(c, position(column));
            rest = &rest[c.len_utf8()..];
        }
        f
    }

    /// Appends `other`.
    pub(crate) fn append(&mut self, other: Folded) {
        self.chars.extend(other.chars);
        self.at.extend(other.at);
    }

    /// The characters from `start` to `end` (indexes), as a string.
    pub(crate) fn slice(&self, start: usize, end: usize) -> String {
        self.chars[start..end.min(self.chars.len())]
            .iter()
            .collect()
    }
}

/// A character reference at the start of `s` (`&#48;`, `&#x30;`, `&amp;`,
/// and the numeric forms without `;` that browsers also read): its length
/// in bytes and what it stands for.
fn reference(s: &str) -> Option<(usize, String)> {
    let body: String = s[1..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '#')
        .take(40)
        .collect();
    let with_semicolon = s[1 + body.len()..].starts_with(';');
    let numeric = body.starts_with('#') && body.len() > 1;
    if !with_semicolon && !numeric {
        return None;
    }
    let reference = format!("&{body};");
    let decoded = html_escape::decode_html_entities(&reference);
    if decoded == reference {
        return None;
    }
    let len = 1 + body.len() + usize::from(with_semicolon);
    Some((len, decoded.into_owned()))
}

/// True when `raw` (text not yet folded) has at least `n` characters
/// that are digits or may become digits once read (`&#48;`, `\u0036`,
/// `０`, `²`). Folding costs far more than this count, and most lines of
/// a text have fewer, so the detectors skip them.
pub(crate) fn may_hold_digits(raw: &str, n: usize) -> bool {
    let bytes = raw.as_bytes();
    let (plain, others) = digit_counts(bytes);
    plain >= n
        || plain + others >= n && {
            // Only the characters the count could not rule out are decoded.
            let numeric = (0..bytes.len())
                .filter(|&i| may_start_numeric(bytes[i], bytes.get(i + 1).copied().unwrap_or(0)))
                .filter(|&i| raw[i..].chars().next().is_some_and(char::is_numeric))
                .count();
            plain + numeric >= n
        }
}

/// How many bytes of `bytes` are ASCII digits, `&` or `\\` (which may
/// begin a reference or an escape of a digit), and how many may begin a
/// character beyond ASCII that is a digit ([`may_start_numeric`]).
fn digit_counts(bytes: &[u8]) -> (usize, usize) {
    let plain_byte = |b: u8| b.is_ascii_digit() | (b == b'&') | (b == b'\\');
    let Some((&last, head)) = bytes.split_last() else {
        return (0, 0);
    };
    // The last byte begins no character beyond ASCII in valid UTF-8.
    let (mut plain, mut others) = (usize::from(plain_byte(last)), 0);
    // Each byte with the next, counted in byte counters over chunks too
    // short to overflow them, without an early exit: the compiler makes
    // it vector code (a tenth of the cost of counting into a `usize`).
    for (chunk, next) in head.chunks(128).zip(bytes[1..].chunks(128)) {
        let (p, o) = chunk.iter().zip(next).fold((0u8, 0u8), |(p, o), (&b, &n)| {
            (
                p + u8::from(plain_byte(b)),
                o + u8::from(may_start_numeric(b, n)),
            )
        });
        plain += usize::from(p);
        others += usize::from(o);
    }
    (plain, others)
}

/// Whether the bytes `lead`, `next` may begin a character beyond ASCII
/// that is a digit or a number (`²`, `０`, `٣`, `½`). Those that surely
/// do not are the bulk of a Kazakh or Russian text: the letters of the
/// Cyrillic block (lead bytes D0–D3), Latin-1 punctuation and letters
/// (`«`, `»`, `é`: C2 and C3, but for ², ³, ¹, ¼, ½, ¾) and general
/// punctuation (`—`, `–`, `…`: E2 80). Branch-free, for vector code.
pub(super) fn may_start_numeric(lead: u8, next: u8) -> bool {
    let latin1_number = (lead == 0xC2) & matches!(next, 0xB2 | 0xB3 | 0xB9 | 0xBC..=0xBE);
    let plain_text =
        ((0xC2..=0xD3).contains(&lead) & !latin1_number) | ((lead == 0xE2) & (next == 0x80));
    (lead >= 0xC0) & !plain_text
}

/// True when `raw` may hold `n` digits once read with no letter among
/// them (a phone number's digits are joined by blanks, dashes, brackets
/// and dots only): a count of what may become digits that an ASCII or
/// Cyrillic letter starts again. It counts more than a reader reads, never
/// less: a reference or an escape counts as two digits and its letters do
/// not start the count again, nor does any character beyond ASCII other
/// than a Cyrillic letter (which counts as two). Run after
/// [`may_hold_digits`], on the lines that have the digits somewhere.
pub(crate) fn may_hold_digit_run(raw: &str, n: usize) -> bool {
    let b = raw.as_bytes();
    let mut count = 0;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'0'..=b'9' => count += 1,
            b'&' | b'\\' => {
                let body = b[i + 1..]
                    .iter()
                    .take(40)
                    .take_while(|c| c.is_ascii_alphanumeric() || **c == b'#')
                    .count();
                count += 2 + b[i + 1..i + 1 + body]
                    .iter()
                    .filter(|c| c.is_ascii_digit())
                    .count();
                i += body + usize::from(b.get(i + 1 + body) == Some(&b';'));
            }
            b'A'..=b'Z' | b'a'..=b'z' => count = 0,
            lead @ 0xC0..=0xFF => {
                let next = b.get(i + 1).copied().unwrap_or(0);
                // Cyrillic combining marks (U+0483–U+0489) are dropped when read.
                let cyrillic_letter = (0xD0..=0xD3).contains(&lead)
                    && !(lead == 0xD2 && (0x83..=0x89).contains(&next));
                if cyrillic_letter {
                    count = 0;
                } else {
                    count += 2;
                }
                i += b[i + 1..]
                    .iter()
                    .take_while(|c| (0x80..0xC0).contains(*c))
                    .count();
            }
            _ => {}
        }
        if count >= n {
            return true;
        }
        i += 1;
    }
    false
}

/// Characters that show nothing: format characters (zero-width space,
/// joiners, word joiner, soft hyphen, direction marks, byte-order mark),
/// combining and enclosing marks (variation selectors), and control
/// characters other than tab and line breaks.
pub(crate) fn is_invisible(c: char) -> bool {
    match c.general_category() {
        GeneralCategory::Format
        | GeneralCategory::NonspacingMark
        | GeneralCategory::EnclosingMark => true,
        GeneralCategory::Control => !matches!(c, '\t' | '\n' | '\r'),
        // Hangul fillers look like nothing.
        _ => matches!(c, '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}'),
    }
}

/// Hyphens and dashes of every kind (`-`, `‐`, `–`, `—`, `−` ...).
pub(crate) fn is_dash(c: char) -> bool {
    c.general_category() == GeneralCategory::DashPunctuation || c == '\u{2212}'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(f: &Folded) -> String {
        f.chars.iter().collect()
    }

    #[test]
    fn counts_every_character_that_may_be_a_digit() {
        // The characters that are digits or numbers, and `&` and `\\`
        // (which may begin one).
        let exact = |s: &str| {
            s.chars()
                .filter(|&c| {
                    c.is_ascii_digit() || c == '&' || c == '\\' || !c.is_ascii() && c.is_numeric()
                })
                .count()
        };
        let pieces = [
            "1", "²", "¹", "½", "«", "»", "é", "—", "–", "…", "٣", "０", "①", "Ⅻ", "₃", "⁴", "ж",
            "Ә", "a", " ", "&", "\\", "\u{a0}", "\u{2009}", "𝟗", "७",
        ];
        let mut rng = crate::rules::rng::Rng(0x9E37_79B9_7F4A_7C15);
        for _ in 0..20_000 {
            let text: String = (0..rng.next() % 30).map(|_| rng.pick(&pieces)).collect();
            let count = exact(&text);
            // The quick count decodes what it cannot rule out, so it is
            // exact: yes up to the count, no beyond it.
            assert!(
                count == 0 || may_hold_digits(&text, count),
                "{text:?} holds {count}"
            );
            assert!(
                !may_hold_digits(&text, count + 1),
                "{text:?} holds only {count}"
            );
        }
    }

    #[test]
    fn decodes_references_and_keeps_columns() {
        let f = Folded::line("a&#48;b&amp;c&#49 d");
        assert_eq!(text(&f), "a0b&c1 d");
        assert_eq!(f.at, [1, 2, 7, 8, 13, 14, 18, 19]);
        assert_eq!(
            text(&Folded::line("R&D; &copy &unknown;")),
            "R&D; &copy &unknown;"
        );
    }

    #[test]
    fn folds_full_width_forms_and_drops_invisible_characters() {
        let f = Folded::line("０５\u{200B}0\u{00AD}3\u{2060}1\u{FEFF}5 ＠ x\u{00A0}y");
        assert_eq!(text(&f), "050315 @ x y");
        assert_eq!(text(&Folded::of("1\u{FE0F}2\u{0008}3", 0)), "123");
        assert!(is_dash('–') && is_dash('-') && is_dash('−') && !is_dash('.'));
    }
}
