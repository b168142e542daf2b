//! Control characters in text: which they are, leaving them out of a
//! content file's text with a warning (`file/control-character`), and out
//! of anything rendered.
//!
//! Part of layer 1 (`fs`).

use std::borrow::Cow;
use std::path::Path;

use crate::diag::{Diagnostic, Diagnostics, Location};

/// `text` of `path` without control characters; when there were some, a
/// warning names the first (its line, column and code point) and how many
/// more there were. Text pasted from Word carries line breaks (U+000B) and
/// page breaks (U+000C); such characters would make a feed invalid XML and
/// show as nothing or as boxes on a page.
pub fn clean_text(path: &Path, text: String, diags: &mut Diagnostics) -> String {
    let clean = match without_controls(&text) {
        Cow::Borrowed(_) => return text,
        Cow::Owned(clean) => clean,
    };
    let mut found = text.lines().enumerate().flat_map(|(i, line)| {
        line.chars()
            .enumerate()
            .filter(|(_, c)| is_control(*c))
            .map(move |(col, c)| (i + 1, col + 1, c))
    });
    if let Some((line, column, c)) = found.next() {
        let others = found.count();
        let more = match others {
            0 => String::new(),
            n => format!(" ({n} more in this file)"),
        };
        let (kind, name) = control_name(c);
        diags.push(
            Diagnostic::warning(
                "file/control-character",
                format!(
                    "an invisible control character U+{:04X} ({}) on line {line}; it is left out{more}",
                    u32::from(c),
                    name
                ),
            )
            .words("file-control-character")
            .arg("code", format!("U+{:04X}", u32::from(c)))
            .arg("kind", kind)
            .arg("line", line)
            .arg("more", others)
            .at(Location::at(path, line, column))
            .label("invisible character here")
            .help("delete it: retype the text around it, or paste text as plain text (Ctrl+Shift+V)"),
        );
    }
    clean
}

/// True for characters that are never text and make a page or a feed
/// invalid (XML forbids them): control characters other than tab, line
/// feed and carriage return (C0, DEL, C1), and the noncharacters (U+FFFE,
/// U+FFFF, U+FDD0–U+FDEF and their kin in every plane).
pub fn is_control(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || ('\u{FDD0}'..='\u{FDEF}').contains(&c)
        || (u32::from(c) & 0xFFFE) == 0xFFFE
}

/// `text` without [`is_control`] characters; the line and page breaks of
/// pasted text (U+000B, U+000C, U+0085) become spaces, so words stay apart.
pub fn without_controls(text: &str) -> Cow<'_, str> {
    if !may_hold_controls(text.as_bytes()) || !text.chars().any(is_control) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .filter_map(|c| match c {
                '\u{B}' | '\u{C}' | '\u{85}' => Some(' '),
                c if is_control(c) => None,
                c => Some(c),
            })
            .collect(),
    )
}

/// A quick look at UTF-8 bytes: false when they hold no [`is_control`]
/// character (most texts), without decoding them.
pub fn may_hold_controls(bytes: &[u8]) -> bool {
    // Most chunks of a page hold no pair of bytes that can start a control
    // character: a test of every pair without an early exit, which the
    // compiler turns into vector instructions, spares the exact test. The
    // pair matters: `C2` starts the no-break space of nearly every page,
    // and only `C2 80`–`C2 9F` are controls.
    const CHUNK: usize = 64;
    let suspect = |b: u8, next: u8| {
        ((b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r'))
            | (b == 0x7F)
            | ((b == 0xC2) & (next & 0xE0 == 0x80))
            | ((b == 0xEF) & (next | 0x08 == 0xBF))
            | (b >= 0xF0)
    };
    let mut start = 0;
    while start < bytes.len() {
        // A chunk and the byte after it, a fixed size the compiler unrolls.
        let window = bytes.get(start..start + CHUNK + 1);
        let flagged = match window.and_then(|w| <&[u8; CHUNK + 1]>::try_from(w).ok()) {
            Some(w) => (0..CHUNK).fold(false, |acc, i| acc | suspect(w[i], w[i + 1])),
            // The last bytes: the exact test.
            None => true,
        };
        let end = (start + CHUNK).min(bytes.len());
        if flagged && (start..end).any(|i| controls_at(bytes, i)) {
            return true;
        }
        start = end;
    }
    false
}

/// True when a control character starts at byte `i` of UTF-8 `bytes`.
fn controls_at(bytes: &[u8], i: usize) -> bool {
    match bytes[i] {
        0x00..=0x08 | 0x0B | 0x0C | 0x0E..=0x1F | 0x7F => true,
        0xC2 => bytes.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n)),
        0xEF => matches!(bytes.get(i + 1), Some(0xB7 | 0xBF)),
        0xF0..=0xF4 => bytes.get(i + 2) == Some(&0xBF),
        _ => false,
    }
}

/// What a control character is: the key its words choose by, and its
/// English name.
fn control_name(c: char) -> (&'static str, &'static str) {
    match c {
        '\u{0}' => ("empty", "an empty character"),
        '\u{8}' => ("backspace", "a backspace"),
        '\u{B}' => ("word-break", "a line break pasted from Word"),
        '\u{C}' => ("page-break", "a page break"),
        '\u{1B}' => ("escape", "an escape character"),
        '\u{7F}' => ("delete", "a delete character"),
        '\u{80}'..='\u{9F}' => ("encoding", "left by text saved in another encoding"),
        c if !c.is_control() => ("not-a-character", "a code that is not a character"),
        _ => ("control", "a control character"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_left_out_with_a_warning() {
        let mut diags = Diagnostics::new();
        let text = "a: ok\nb: x\u{B}y\u{8}z\u{0}\u{FFFE}\u{9C} «ж»\r\n\tc\n".to_string();
        let clean = clean_text(Path::new("f.yaml"), text, &mut diags);
        assert_eq!(clean, "a: ok\nb: x yz «ж»\r\n\tc\n");
        let d = diags.iter().next().unwrap();
        assert_eq!(d.code, "file/control-character");
        assert!(!d.is_error());
        assert!(
            d.message.contains("U+000B") && d.message.contains("line 2"),
            "{}",
            d.message
        );
        assert!(d.message.contains("4 more"), "{}", d.message);
        assert_eq!(d.location.as_ref().unwrap().column, Some(5));
        let mut none = Diagnostics::new();
        let plain = "Сенім «клуб» — 2024\u{A0}ж.\n".to_string();
        assert_eq!(clean_text(Path::new("f"), plain.clone(), &mut none), plain);
        assert!(none.is_empty());
        assert!(is_control('\u{1FFFF}') && is_control('\u{FDD0}') && !is_control('\u{FFFD}'));
    }

    #[test]
    fn the_quick_test_finds_every_control_character_wherever_it_sits() {
        // Each control, at every position around a chunk's boundary (a
        // two- or four-byte one split across two chunks among them).
        let controls = [
            "\u{0}",
            "\u{B}",
            "\u{7F}",
            "\u{85}",
            "\u{FDD0}",
            "\u{FFFE}",
            "\u{1FFFF}",
        ];
        for c in controls {
            for at in 55..70 {
                let text = format!("{}{c}{}", "ж".repeat(at / 2), "a".repeat(at % 2 + 80));
                assert!(may_hold_controls(text.as_bytes()), "{c:?} at {at}");
            }
        }
        let plain = "Сенім «клуб» — 2024\u{A0}ж. 😀 ™\t\r\n".repeat(20);
        assert!(!may_hold_controls(plain.as_bytes()));
    }
}
