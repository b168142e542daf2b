//! Latin letters typed for the Cyrillic letters they look like: «Сенiм»
//! with a Latin `i` for Kazakh `і` (keyboards without the Kazakh letters),
//! «Mектеп» with a Latin `M`. The reader sees no difference, but search,
//! alphabetical order and screen readers take it for another word.
//!
//! One table ([`LOOKALIKES`]), used by the alphabetical order (`collate`),
//! the directory's search index (`render::exports`; `assets/search.js`
//! holds a copy that a test keeps equal) and the `text/mixed-script`
//! warning of `check`. The pairs are those of Unicode's confusables
//! (UTS #39, `confusables.txt`) between Latin and Cyrillic, kept to the
//! letters of the Kazakh and Russian alphabets whose Latin twin is typed
//! for them: lower-case `a c e h i o p x y`, capital `A B C E H I K M O P
//! T X Y`. (Lower-case `k m t b n` look like small capitals, not like `к м
//! т в н`, and `ј ѕ ԁ` are not Kazakh or Russian letters.)
//!
//! Only a word that mixes the scripts changes: «Almaty» and «IT» stay
//! Latin, «Сенiм» becomes «Сенім».
//!
//! Part of layer 3 (`i18n`): imports nothing from the crate.

use std::borrow::Cow;
use std::ops::Range;

/// Latin letter → the Cyrillic letter it is typed for.
pub const LOOKALIKES: &[(char, char)] = &[
    ('a', 'а'),
    ('c', 'с'),
    ('e', 'е'),
    ('h', 'һ'),
    ('i', 'і'),
    ('o', 'о'),
    ('p', 'р'),
    ('x', 'х'),
    ('y', 'у'),
    ('A', 'А'),
    ('B', 'В'),
    ('C', 'С'),
    ('E', 'Е'),
    ('H', 'Н'),
    ('I', 'І'),
    ('K', 'К'),
    ('M', 'М'),
    ('O', 'О'),
    ('P', 'Р'),
    ('T', 'Т'),
    ('X', 'Х'),
    ('Y', 'Ү'),
];

/// The Cyrillic letter a Latin letter is typed for, when it has one.
pub fn cyrillic_for(c: char) -> Option<char> {
    if !c.is_ascii_alphabetic() {
        return None;
    }
    LOOKALIKES.iter().find(|(l, _)| *l == c).map(|(_, k)| *k)
}

/// [`char::is_alphanumeric`], answered without a table lookup for ASCII
/// and for the letters of the Cyrillic block, the bulk of a Kazakh or
/// Russian text: what a word is made of.
pub fn is_alphanumeric(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_alphanumeric(),
        '\u{400}'..='\u{481}' | '\u{48A}'..='\u{4FF}' => true,
        _ => c.is_alphanumeric(),
    }
}

/// A letter of the Cyrillic block.
fn is_cyrillic_letter(c: char) -> bool {
    matches!(c, '\u{400}'..='\u{481}' | '\u{48A}'..='\u{4FF}')
}

/// True when `text` may hold a word of Latin and Cyrillic letters: an
/// ASCII letter or digit right next to a non-ASCII byte somewhere (a word
/// holding both has such a pair). Pure ASCII lines and lines without an
/// ASCII letter beside another character, the bulk of a site, cost a
/// byte scan.
pub fn may_mix(text: &str) -> bool {
    if text.is_ascii() {
        return false;
    }
    let b = text.as_bytes();
    // Branch-free tests folded without an early exit: the compiler makes
    // it vector code (a tenth of the cost of `is_ascii_alphanumeric` on
    // byte pairs, whose ranges it does not turn into vector code).
    let alnum = |x: u8| ((x | 0x20).wrapping_sub(b'a') < 26) | (x.wrapping_sub(b'0') < 10);
    let high = |x: u8| x >= 0x80;
    b.iter().zip(&b[1..]).fold(false, |acc, (&x, &y)| {
        acc | (alnum(x) & high(y)) | (high(x) & alnum(y))
    })
}

/// The words of `text` (runs of letters and digits) that hold both an
/// ASCII Latin letter and a Cyrillic one, as byte ranges. A hyphen or an
/// apostrophe ends a word: «Instagram-да», «COVID-19» are not mixed.
pub fn mixed_words(text: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    if !may_mix(text) {
        return found;
    }
    let mut start = None;
    let (mut latin, mut cyrillic) = (false, false);
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if is_alphanumeric(c) {
            start.get_or_insert(i);
            latin |= c.is_ascii_alphabetic();
            cyrillic |= is_cyrillic_letter(c);
        } else if let Some(s) = start.take() {
            if latin && cyrillic {
                found.push(s..i);
            }
            (latin, cyrillic) = (false, false);
        }
    }
    found
}

/// `word` with every Latin look-alike in Cyrillic; `None` when one of its
/// Latin letters has no Cyrillic twin (then no spelling can be suggested).
pub fn to_cyrillic(word: &str) -> Option<String> {
    word.chars()
        .map(|c| match cyrillic_for(c) {
            Some(k) => Some(k),
            None if c.is_ascii_alphabetic() => None,
            None => Some(c),
        })
        .collect()
}

/// `text` with the Latin look-alikes of its mixed words in Cyrillic (a
/// Latin letter without a twin stays); borrowed when nothing changes.
pub fn fold_mixed(text: &str) -> Cow<'_, str> {
    let words = mixed_words(text);
    if words.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut at = 0;
    for w in words {
        out.push_str(&text[at..w.start]);
        out.extend(
            text[w.clone()]
                .chars()
                .map(|c| cyrillic_for(c).unwrap_or(c)),
        );
        at = w.end;
    }
    out.push_str(&text[at..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quick_alphanumeric_test_agrees_with_unicode() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn a_line_may_mix_exactly_when_an_ascii_letter_or_digit_touches_another_character() {
        for c in (0..0x80u8).map(char::from) {
            for other in ['ж', '«', '²', '😀'] {
                let touching = c.is_ascii_alphanumeric();
                assert_eq!(may_mix(&format!("{c}{other}")), touching, "{c:?}{other}");
                assert_eq!(may_mix(&format!(" {other}{c} ")), touching, "{other}{c:?}");
                assert!(!may_mix(&format!("{c} {other}")), "{c:?} {other}");
            }
        }
    }

    #[test]
    fn every_pair_is_a_latin_and_a_cyrillic_letter() {
        for (latin, cyrillic) in LOOKALIKES {
            assert!(latin.is_ascii_alphabetic(), "{latin}");
            assert!(is_cyrillic_letter(*cyrillic), "{cyrillic}");
            assert_eq!(latin.is_uppercase(), cyrillic.is_uppercase(), "{latin}");
        }
    }

    fn words(text: &str) -> Vec<&str> {
        mixed_words(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn finds_the_words_that_mix_scripts_only() {
        assert_eq!(words("«Сенiм» клубы"), ["Сенiм"]);
        assert_eq!(words("Mектеп және IT-сынып"), ["Mектеп"]);
        assert!(words("Instagram-да, COVID-19, Zoom арқылы, 7A сынып").is_empty());
        assert!(words("Сенім клубы").is_empty());
        assert!(words("plain ASCII text").is_empty());
        assert_eq!(words("сенiм"), ["сенiм"]);
    }

    #[test]
    fn folds_look_alikes_in_mixed_words() {
        assert_eq!(fold_mixed("«Сенiм» клубы, Almaty"), "«Сенім» клубы, Almaty");
        assert_eq!(fold_mixed("HAУРЫЗ"), "НАУРЫЗ");
        assert!(matches!(fold_mixed("Сенім"), Cow::Borrowed(_)));
        assert_eq!(to_cyrillic("Сенiм").as_deref(), Some("Сенім"));
        assert_eq!(to_cyrillic("Сенiмq"), None);
    }

    #[test]
    fn the_search_script_folds_with_the_same_table() {
        let js = include_str!("../../themes/default/static/assets/search.js");
        let table = js
            .split_once("var LOOKALIKE = {")
            .and_then(|(_, rest)| rest.split_once('}'))
            .map(|(table, _)| table)
            .expect("search.js has a LOOKALIKE table");
        let pairs: Vec<(char, char)> = table
            .split(',')
            .filter_map(|pair| {
                let mut quoted = pair.split('\'').skip(1).step_by(2);
                let (a, b) = (quoted.next()?, quoted.next()?);
                Some((a.chars().next()?, b.chars().next()?))
            })
            .collect();
        assert_eq!(pairs, LOOKALIKES);
    }

    #[test]
    fn the_quick_test_passes_every_mixed_line() {
        for line in ["Сенiм", "iСенім", "a1б", "бa", "жиhаз"] {
            assert!(may_mix(line), "{line}");
        }
        assert!(!may_mix("Сенім клубы, 2024 жыл"));
        assert!(!may_mix("ascii only"));
    }
}
