//! Pure detectors over one line of text: phone numbers, e-mail addresses
//! and class labels next to personal names (`classes`; IINs: `iin::digits`). Phones
//! and e-mails are found in folded text ([`Folded`]: references decoded,
//! full-width forms folded, invisible characters dropped). Each returns the
//! character column (1-based) and the text found.
//!
//! Layer 5 (part of `rules`).

mod classes;

pub(crate) use classes::{find_class_labels_with_names, may_hold_class_label};

use super::text::{Folded, is_dash};

/// A match in a line: 1-based column in characters, and the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    pub column: usize,
    pub text: String,
}

/// Characters between the digits of a phone number: spaces and dashes of
/// every kind (the text is folded, so a no-break space is a space),
/// brackets and dots.
fn is_phone_separator(c: char) -> bool {
    c.is_whitespace() || is_dash(c) || matches!(c, '(' | ')' | '.')
}

/// Kazakhstan phone numbers as people write them: `+7 701 555 23 14`,
/// `8 (7212) 55–02–14`, `87015552314`, `＋７ ７０１…` — eleven digits
/// starting 77 or 87.
pub(crate) fn find_phones(text: &Folded) -> Vec<Found> {
    let chars = &text.chars;
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let starts = (chars[i] == '+' || chars[i].is_ascii_digit())
            && (i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '+'));
        if !starts {
            i += 1;
            continue;
        }
        let (end, digits) = phone_at(chars, i);
        let ok = digits.len() == 11
            && (digits.starts_with("77") || digits.starts_with("87"))
            && !chars.get(end).is_some_and(char::is_ascii_digit);
        if ok {
            found.push(Found {
                column: text.at[i],
                text: text
                    .slice(i, end)
                    .trim_end_matches(is_phone_separator)
                    .to_string(),
            });
            i = end;
        } else {
            i += 1;
        }
    }
    found
}

/// Reads digits and separators from `start` (a `+` or a digit) up to 11
/// digits; returns where it stopped and the digits.
fn phone_at(chars: &[char], start: usize) -> (usize, String) {
    let mut digits = String::new();
    let mut j = start + usize::from(chars[start] == '+');
    let mut last_sep = 0;
    while j < chars.len() && digits.len() < 11 {
        let c = chars[j];
        if c.is_ascii_digit() {
            digits.push(c);
            last_sep = 0;
        } else if is_phone_separator(c) && last_sep < 2 {
            last_sep += 1;
        } else {
            break;
        }
        j += 1;
    }
    (j, digits)
}

/// True when a phone number is a Kazakh mobile number (operator codes
/// 700–709, 747, 750–779), that is a person's own phone.
pub(crate) fn is_mobile(phone: &str) -> bool {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    let national = match digits.len() {
        11 if digits.starts_with('7') || digits.starts_with('8') => &digits[1..],
        10 => &digits[..],
        _ => return false,
    };
    let code = &national[..3];
    code == "747" || ["70", "75", "76", "77"].iter().any(|p| code.starts_with(p))
}

/// True when `raw` (a line not yet folded) could hold an e-mail address
/// once read: an `@` in any of its forms (`＠`, `﹫`, `&#64;`) or a bracket
/// that may open a spelled-out `(at)`. Spares folding most lines.
pub(crate) fn may_hold_email(raw: &str) -> bool {
    // `＠` and `﹫` begin with 0xEF: one quick search finds all but `(at)`.
    memchr::memchr3(b'@', b'&', 0xEF, raw.as_bytes()).is_some() || may_spell_at(raw.as_bytes())
}

/// True when a bracket in `raw` may open a spelled-out `(at)`: it is
/// followed by an `a`, or by a character that reading may drop or turn
/// into one (a control character, or one beyond ASCII other than a
/// Cyrillic letter). Markdown's links (`[text](address)`) are not.
fn may_spell_at(raw: &[u8]) -> bool {
    memchr::memchr3_iter(b'(', b'[', b'{', raw).any(|i| {
        let Some(&a) = raw.get(i + 1) else {
            return false;
        };
        let b = raw.get(i + 2).copied().unwrap_or(0);
        let cyrillic_letter =
            (0xD0..=0xD3).contains(&a) && !(a == 0xD2 && (0x83..=0x89).contains(&b));
        matches!(a, b'a' | b'A') || a.is_ascii_control() || a >= 0x80 && !cyrillic_letter
    })
}

/// True when `raw` could hold a phone number once read: eleven characters
/// that are or may become digits.
pub(crate) fn may_hold_phone(raw: &str) -> bool {
    super::text::may_hold_digits(raw, 11) && super::text::may_hold_digit_run(raw, 11)
}

/// E-mail addresses: `name@host.tld`, also written `name＠host.tld`,
/// `name&#64;host.tld` (the text is folded) or `name (at) host (dot) tld`.
pub(crate) fn find_emails(text: &Folded) -> Vec<Found> {
    let text = spelled_out(text);
    let is_part = |c: char| c.is_alphanumeric() || "._%+-".contains(c);
    let chars = &text.chars;
    let mut found = Vec::new();
    for (at, _) in chars.iter().enumerate().filter(|(_, c)| **c == '@') {
        let start = (0..at).rev().take_while(|&k| is_part(chars[k])).last();
        let end = (at + 1..chars.len())
            .take_while(|&k| is_part(chars[k]))
            .last()
            .map(|k| k + 1);
        let (Some(start), Some(end)) = (start, end) else {
            continue;
        };
        let host = text.slice(at + 1, end);
        let host = host.trim_end_matches('.');
        let has_tld = host
            .rsplit_once('.')
            .is_some_and(|(h, tld)| !h.is_empty() && tld.chars().count() >= 2);
        if has_tld {
            found.push(Found {
                column: text.at[start],
                text: text.slice(start, at + 1) + host,
            });
        }
    }
    found
}

/// `(at)`, `[at]`, `{at}` (with a space around or not) read as `@`, and
/// `(dot)` ... as `.`.
fn spelled_out(text: &Folded) -> Folded {
    let mut out = Folded::default();
    let mut i = 0;
    while i < text.chars.len() {
        let (len, c) = spelled_at(&text.chars, i).unwrap_or((1, text.chars[i]));
        out.chars.push(c);
        out.at.push(text.at[i]);
        i += len;
    }
    out
}

fn spelled_at(c: &[char], i: usize) -> Option<(usize, char)> {
    let open = i + usize::from(c[i] == ' ');
    let close = match c.get(open)? {
        '(' => ')',
        '[' => ']',
        '{' => '}',
        _ => return None,
    };
    for (word, symbol) in [("at", '@'), ("dot", '.')] {
        let from = open + 1;
        let to = from + word.len();
        let same = c.get(from..to).is_some_and(|w| {
            w.iter()
                .zip(word.chars())
                .all(|(a, b)| a.to_ascii_lowercase() == b)
        });
        if same && c.get(to) == Some(&close) {
            let end = to + 1 + usize::from(c.get(to + 1) == Some(&' '));
            return Some((end - i, symbol));
        }
    }
    None
}

/// Metadata blocks in an image file's bytes (EXIF, XMP, IPTC, PNG text),
/// read from the file's structure: JPEG APPn segments, PNG chunks, WebP
/// RIFF chunks.
pub(crate) fn image_metadata(bytes: &[u8]) -> Vec<&'static str> {
    let mut found = Vec::new();
    if bytes.starts_with(&[0xFF, 0xD8]) {
        let mut i = 2;
        while i + 4 <= bytes.len() && bytes[i] == 0xFF && bytes[i + 1] != 0xDA {
            let len = usize::from(u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]));
            let body = &bytes[(i + 4).min(bytes.len())..(i + 2 + len).min(bytes.len())];
            match bytes[i + 1] {
                0xE1 if body.starts_with(b"Exif") => found.push("EXIF"),
                0xE1 => found.push("XMP"),
                0xED => found.push("IPTC"),
                _ => {}
            }
            i += 2 + len;
        }
    } else if bytes.starts_with(b"\x89PNG") {
        let mut i = 8;
        while i + 8 <= bytes.len() {
            let len =
                u32::from_be_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]) as usize;
            match &bytes[i + 4..i + 8] {
                b"eXIf" => found.push("EXIF"),
                b"iTXt" | b"tEXt" | b"zTXt" => found.push("text"),
                _ => {}
            }
            i = i.saturating_add(12).saturating_add(len);
        }
    } else if bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        let mut i = 12;
        while i + 8 <= bytes.len() {
            let len = u32::from_le_bytes([bytes[i + 4], bytes[i + 5], bytes[i + 6], bytes[i + 7]])
                as usize;
            match &bytes[i..i + 4] {
                b"EXIF" => found.push("EXIF"),
                b"XMP " => found.push("XMP"),
                _ => {}
            }
            i = i
                .saturating_add(8)
                .saturating_add(len)
                .saturating_add(len & 1);
        }
    }
    found.dedup();
    found
}

#[cfg(test)]
mod prefilters;

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(found: Vec<Found>) -> Vec<String> {
        found.into_iter().map(|f| f.text).collect()
    }

    fn phones(line: &str) -> Vec<String> {
        texts(find_phones(&Folded::line(line)))
    }

    fn emails(line: &str) -> Vec<String> {
        texts(find_emails(&Folded::line(line)))
    }

    #[test]
    fn finds_kazakh_phone_numbers() {
        assert_eq!(
            phones("Тел.: +7 701 555 23 14, 8 (7212) 55-02-14."),
            ["+7 701 555 23 14", "8 (7212) 55-02-14"]
        );
        assert!(phones("2024-2025 оқу жылы, 111 желісі").is_empty());
        assert!(phones("ИИН 900115300122").is_empty());
    }

    #[test]
    fn finds_phones_written_with_other_dashes_and_full_width_digits() {
        assert_eq!(phones("8 (7212) 55–02–14"), ["8 (7212) 55–02–14"]);
        assert_eq!(phones("8 701 555\u{00A0}23\u{00A0}14"), ["8 701 555 23 14"]);
        assert_eq!(phones("＋７ ７０１ ５５５ ２３ １４"), ["+7 701 555 23 14"]);
        assert_eq!(phones("+7&#32;701 555 23&#8203;14"), ["+7 701 555 2314"]);
        let f = find_phones(&Folded::line("Тел: ＋７ ７０１ ５５５ ２３ １４"));
        assert_eq!(f[0].column, 6);
    }

    #[test]
    fn finds_emails_written_around_the_at_sign() {
        for line in [
            "a.bekova&#64;mail.kz",
            "a.bekova＠mail.kz",
            "a.bekova (at) mail.kz",
            "a.bekova[at]mail(dot)kz",
            "a.bekova@\u{200B}mail.kz",
        ] {
            assert_eq!(emails(line), ["a.bekova@mail.kz"], "{line}");
        }
        assert!(emails("Meet (at) school, [dot] point").is_empty());
    }

    #[test]
    fn tells_mobiles_from_landlines() {
        assert!(is_mobile("+7 701 555 2314"));
        assert!(is_mobile("8 747 555 8127"));
        assert!(is_mobile("+7 777 567 8958"));
        assert!(!is_mobile("+7 7212 55 02 14"));
        assert!(!is_mobile("+7 727 255 02 14"));
    }

    #[test]
    fn reads_image_metadata_blocks() {
        let jpeg = [
            0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x08, b'E', b'x', b'i', b'f', 0, 0, 0xFF, 0xDA,
        ];
        assert_eq!(image_metadata(&jpeg), ["EXIF"]);
        let plain = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0, 0, 0xFF, 0xDA];
        assert!(image_metadata(&plain).is_empty());
        assert!(image_metadata(b"\x89PNG\r\n\x1a\n\x00\x00\x00\x01tEXtx").contains(&"text"));
        assert!(image_metadata(b"\x89PNG\r\n\x1a\n\xff\xff\xff\xff").is_empty());
    }

    #[test]
    fn finds_emails() {
        assert_eq!(emails("Жазыңыз: a.bekova@mail.kz."), ["a.bekova@mail.kz"]);
        assert!(emails("@senim_gym1 және 5@ сынып").is_empty());
    }

    #[test]
    fn finds_class_labels_next_to_names() {
        let hits = |s: &str| texts(find_class_labels_with_names(s));
        assert_eq!(hits("Жеңімпаз — 9Б сынып оқушысы Айгерім Б."), ["9Б сынып"]);
        assert_eq!(hits("Победила Асель из 8 «А» класса."), ["8 «А» класса"]);
        assert_eq!(hits("Ученик 7A Тимур выступил."), ["7A"]);
        assert!(hits("9Б сыныбында «Достық» тренингі өтті.").is_empty());
        assert_eq!(
            hits("Жүлдегер: 9 «Б» сыныбының оқушысы Дана."),
            ["9 «Б» сыныбының"]
        );
        assert!(hits("8–11 сынып оқушыларына арналған тренинг.").is_empty());
        assert!(hits("Тренинг для 7A. Дина провела его.").is_empty());
    }

    #[test]
    fn the_quick_tests_pass_every_line_a_detector_finds_something_in() {
        for line in [
            "Тел.: +7 701 555 23 14, 8 (7212) 55-02-14.",
            "8 (7212) 55–02–14",
            "＋７ ７０１ ５５５ ２３ １４",
            "+7&#32;701 555 23&#8203;14",
            "a.bekova&#64;mail.kz",
            "a.bekova＠mail.kz",
            "a.bekova﹫mail.kz",
            "a.bekova (at) mail.kz",
            "a.bekova[at]mail(dot)kz",
            "Жеңімпаз — 9Б сынып оқушысы Айгерім Б.",
        ] {
            let folded = Folded::line(line);
            if !find_phones(&folded).is_empty() {
                assert!(may_hold_phone(line), "{line}");
            }
            if !find_emails(&folded).is_empty() {
                assert!(may_hold_email(line), "{line}");
            }
            if !find_class_labels_with_names(line).is_empty() {
                assert!(may_hold_class_label(line), "{line}");
            }
        }
        assert!(!may_hold_phone("Клуб 2024 жылы 15 оқушыны оқытты."));
        assert!(!may_hold_email("Медиация — келісімге келу тәсілі."));
        assert!(!may_hold_class_label("Сынып оқушылары Айгерім мен Дана."));
    }
}
