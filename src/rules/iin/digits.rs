//! Finding IINs (12-digit individual identification numbers) in folded
//! text, however the digits are grouped: `050315600000`,
//! `050315 600000`, `050315-600000`, `0503 1560 0000`. Only numbers with
//! a real birth date and a valid check digit count, so years, dates,
//! phone numbers and sums are not taken for IINs.
//!
//! Layer 5 (part of `rules`).

use super::super::detect::Found;
use super::super::text::{Folded, is_dash, may_hold_digits};

/// True when `digits` (12 ASCII digits) is an IIN: a real birth date in
/// the first six digits, a century-and-sex digit 0–6, and a valid check
/// digit by the official algorithm (weights 1..11, then 3..11,1,2 when the
/// first sum gives 10; a second 10 means the number is not valid).
pub(crate) fn is_iin(digits: &[u8]) -> bool {
    if digits.len() != 12 || !digits.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let d: Vec<u32> = digits.iter().map(|b| u32::from(b - b'0')).collect();
    let month = d[2] * 10 + d[3];
    let day = d[4] * 10 + d[5];
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || d[6] > 6 {
        return false;
    }
    let sum = |weights: &[u32]| d[..11].iter().zip(weights).map(|(a, w)| a * w).sum::<u32>() % 11;
    let mut check = sum(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    if check == 10 {
        check = sum(&[3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
    }
    check != 10 && check == d[11]
}

/// True when `raw` (text not yet folded) could hold an IIN: twelve
/// characters that are digits or may become digits once read
/// ([`may_hold_digits`]).
pub(crate) fn may_hold_iin(raw: &str) -> bool {
    may_hold_digits(raw, 12)
}

/// A run of digits: its first and past-the-last character index.
#[derive(Debug, Clone, Copy)]
struct Group {
    start: usize,
    end: usize,
}

/// True when the characters between two digit groups join them into one
/// number as people write it: one to three spaces or dashes, at most one
/// of them a dash (`050315 600000`, `050315 - 600000`).
fn joins(between: &[char]) -> bool {
    let dashes = between.iter().filter(|c| is_dash(**c)).count();
    (1..=3).contains(&between.len())
        && dashes <= 1
        && between.iter().all(|c| is_dash(*c) || c.is_whitespace())
}

/// Chains of digit groups joined by spaces or dashes.
fn chains(text: &[char]) -> Vec<Vec<Group>> {
    let mut chains: Vec<Vec<Group>> = Vec::new();
    let mut i = 0;
    while i < text.len() {
        if !text[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < text.len() && text[i].is_ascii_digit() {
            i += 1;
        }
        let group = Group { start, end: i };
        match chains.last_mut() {
            Some(chain) if chain.last().is_some_and(|g| joins(&text[g.end..start])) => {
                chain.push(group);
            }
            _ => chains.push(vec![group]),
        }
    }
    chains
}

/// `2012-2013 2013-2014`: academic years written in a row are not a number.
fn all_years(text: &[char], groups: &[Group]) -> bool {
    groups.len() > 1
        && groups.iter().all(|g| {
            let s: String = text[g.start..g.end].iter().collect();
            s.len() == 4 && (s.starts_with("19") || s.starts_with("20"))
        })
}

/// Every IIN in `text`: whole digit groups (never part of a longer run of
/// digits) whose digits add up to 12 and form a valid IIN. Digits after
/// `+` are a phone number. `column` is the source position of the first
/// digit.
pub(crate) fn find_iins(text: &Folded) -> Vec<Found> {
    // Most texts hold no twelve digits at all: skip them without allocating.
    if text.chars.iter().filter(|c| c.is_ascii_digit()).count() < 12 {
        return Vec::new();
    }
    let chars = &text.chars;
    let mut found = Vec::new();
    for chain in chains(chars) {
        // `+7 900 115 300 122`: a phone number, however long.
        if chain[0].start > 0 && chars[chain[0].start - 1] == '+' {
            continue;
        }
        for first in 0..chain.len() {
            let mut digits = String::new();
            for (last, g) in chain.iter().enumerate().skip(first) {
                digits.extend(&chars[g.start..g.end]);
                if digits.len() < 12 {
                    continue;
                }
                if digits.len() == 12
                    && is_iin(digits.as_bytes())
                    && !all_years(chars, &chain[first..=last])
                {
                    found.push(Found {
                        column: text.at[chain[first].start],
                        text: digits.clone(),
                    });
                }
                break;
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(line: &str) -> Vec<String> {
        find_iins(&Folded::line(line))
            .into_iter()
            .map(|f| f.text)
            .collect()
    }

    #[test]
    fn recognises_iins_by_their_check_digit() {
        // 9·1 + 1·4 + 1·5 + 5·6 + 3·7 + 1·10 + 2·11 = 101 ≡ 2 (mod 11).
        assert!(is_iin(b"900115300122"));
        assert!(!is_iin(b"900115300128"));
        // Month 13 is no birth date.
        assert!(!is_iin(b"901315300122"));
        assert_eq!(texts("ЖСН 900115300122."), ["900115300122"]);
        assert!(
            texts("1900115300122").is_empty(),
            "13 digits are not an IIN"
        );
    }

    #[test]
    fn second_weights_and_invalid_tens() {
        // Find numbers whose first sum is 10 and check both outcomes exist.
        let mut second_ok = 0;
        for n in 0..2000u32 {
            let s = format!("9001153{n:04}");
            let d: Vec<u32> = s.bytes().map(|b| u32::from(b - b'0')).collect();
            let first: u32 = d.iter().zip(1..=11).map(|(a, w)| a * w).sum::<u32>() % 11;
            if first == 10 {
                let w2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];
                let second: u32 = d.iter().zip(w2).map(|(a, w)| a * w).sum::<u32>() % 11;
                let full = format!("{s}{}", second % 10);
                assert_eq!(is_iin(full.as_bytes()), second != 10);
                second_ok += 1;
            }
        }
        assert!(second_ok > 0);
    }

    #[test]
    fn finds_iins_written_in_groups_and_disguised() {
        let iin = ["900115300122"];
        for line in [
            "ЖСН 900115 300122",
            "ЖСН 900115-300122",
            "ЖСН 900115 – 300122",
            "ЖСН 9001 1530 0122",
            "ЖСН ９００１１５３００１２２",
            "ЖСН 90011\u{200B}5300122",
            "ЖСН 9001\u{00AD}15300122",
            "ЖСН 90011530012&#50;",
            "ЖСН 2024 900115300122",
            "ЖСН 900115 30012 2",
        ] {
            assert_eq!(texts(line), iin, "{line}");
        }
        let f = find_iins(&Folded::line("ЖСН 900115 300122"));
        assert_eq!(f[0].column, 5);
    }

    #[test]
    fn years_dates_phones_and_sums_are_no_iins() {
        for line in [
            "2024-2025 оқу жылы, 2025-03-01, 01.09.2024",
            "2012-2013 2013-2014",
            "Тел.: +7 701 555 23 14, 8 (7212) 55-02-14",
            "+7 900 115 300 122",
            "33 19 20 18 12 240 1 250 000",
            "900115300128",
        ] {
            assert!(texts(line).is_empty(), "{line}: {:?}", texts(line));
        }
    }
}
