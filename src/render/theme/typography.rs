//! No-break spaces where a line must not break between a number and its
//! sign: «№ 1», «52 %», «2025 г.», «2024–2025 гг.». Authors type an
//! ordinary space; the `loc` filter puts U+00A0 in its place.
//!
//! Layer 4 (render): part of `theme`; imports nothing of the crate.

use std::borrow::Cow;

/// `text` with a no-break space after «№» before a number, and between a
/// number and «%», «г.» or «гг.».
pub(super) fn no_break(text: &str) -> Cow<'_, str> {
    if !text.contains(' ') || !(text.contains('№') || text.contains('%') || text.contains(" г"))
    {
        return Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        let keep = c == ' ' && binds(i.checked_sub(1).map(|j| chars[j]), &chars[i + 1..]);
        out.push(if keep { '\u{a0}' } else { c });
    }
    Cow::Owned(out)
}

/// Whether a space between `prev` and `rest` joins a number to its sign.
fn binds(prev: Option<char>, rest: &[char]) -> bool {
    let digit_before = prev.is_some_and(|p| p.is_ascii_digit());
    let digit_after = rest.first().is_some_and(char::is_ascii_digit);
    match rest {
        _ if prev == Some('№') => digit_after,
        ['%', ..] => digit_before,
        ['г', '.', ..] | ['г', 'г', '.', ..] => digit_before,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_numbers_to_their_signs() {
        assert_eq!(no_break("Гимназия № 1"), "Гимназия №\u{a0}1");
        assert_eq!(no_break("52 % клубов"), "52\u{a0}% клубов");
        assert_eq!(no_break("5 марта 2025 г."), "5 марта 2025\u{a0}г.");
        assert_eq!(no_break("2024–2025 гг. план"), "2024–2025\u{a0}гг. план");
    }

    #[test]
    fn leaves_other_spaces() {
        assert_eq!(no_break("№ бұйрық, 5 гимназия"), "№ бұйрық, 5 гимназия");
        assert!(matches!(no_break("Сенім клубы"), Cow::Borrowed(_)));
    }
}
