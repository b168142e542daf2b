//! Class labels next to personal names (`9Б сынып оқушысы Айгерім`):
//! the quick test that spares reading most lines, and the detector.
//!
//! Layer 5 (part of `rules::detect`).

use super::Found;
use crate::i18n::script::is_alphanumeric;

/// True when `line` could hold a class label: a grade (1 to 12, in ASCII
/// digits) followed by an uppercase letter, at once (`9Б`) or after
/// characters that are not letters or digits (`8 «А»`). It says yes more
/// often than the detector finds a label, never less; most lines with
/// figures (`2024 жылы`, `15 оқушы`) are turned away after a look at the
/// characters around their numbers only.
pub(crate) fn may_hold_class_label(line: &str) -> bool {
    let b = line.as_bytes();
    let mut i = 0;
    while let Some(k) = b[i..].iter().position(u8::is_ascii_digit) {
        let start = i + k;
        let end = start + b[start..].iter().take_while(|c| c.is_ascii_digit()).count();
        i = end;
        if !grade(&line[start..end]) {
            continue;
        }
        // The first letter or digit after the number: it must be an
        // uppercase letter; a hyphen right after the number joins it to
        // what follows (`9-11`), which is no label.
        let mut rest = line[end..].chars();
        let next = match rest.next() {
            Some('-') => continue,
            Some(c) if is_alphanumeric(c) => Some(c),
            Some(_) => rest.find(|&c| is_alphanumeric(c)),
            None => None,
        };
        if next.is_some_and(char::is_uppercase) {
            return true;
        }
    }
    false
}

/// Words that name a class: «8 "А" сынып», «9Б класс», «7A».
/// (Kazakh inflects сынып as сыныбы, сыныбында ...; Russian класс as класса ...)
const CLASS_WORDS: &[&str] = &["сынып", "сыныб", "класс", "grade", "class"];

/// A word of a line: its first character's index and its text.
struct Word {
    start: usize,
    text: String,
}

fn words(chars: &[char]) -> Vec<Word> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if is_alphanumeric(chars[i]) {
            let start = i;
            while i < chars.len() && (is_alphanumeric(chars[i]) || chars[i] == '-') {
                i += 1;
            }
            out.push(Word {
                start,
                text: chars[start..i].iter().collect(),
            });
        } else {
            i += 1;
        }
    }
    out
}

fn is_class_letter(s: &str) -> bool {
    let mut it = s.chars();
    matches!((it.next(), it.next()), (Some(c), None) if c.is_uppercase())
}

fn grade(s: &str) -> bool {
    s.parse::<u8>().is_ok_and(|n| (1..=12).contains(&n))
}

/// Index ranges (in words) of class labels in a line.
fn class_labels(ws: &[Word], chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, w) in ws.iter().enumerate() {
        let digits: String = w.text.chars().take_while(char::is_ascii_digit).collect();
        if digits.is_empty() || !grade(&digits) {
            continue;
        }
        let rest = &w.text[digits.len()..];
        let class_word_after = |k: usize| {
            ws.get(k).is_some_and(|n| {
                let lower = n.text.to_lowercase();
                CLASS_WORDS.iter().any(|c| lower.starts_with(c))
            })
        };
        if is_class_letter(rest) {
            // 9Б, 7A (a class word may follow)
            let end = if class_word_after(i + 1) { i + 1 } else { i };
            out.push((i, end));
        } else if rest.is_empty() && ws.get(i + 1).is_some_and(|n| is_class_letter(&n.text)) {
            // 8 "А" сынып, 8 А класс: the letter must be quoted or followed by a class word
            let between: String = chars[w.start + w.text.chars().count()..ws[i + 1].start]
                .iter()
                .collect();
            let quoted = between.contains(['«', '"', '“', '\'', '„']);
            if quoted || class_word_after(i + 2) {
                let end = if class_word_after(i + 2) {
                    i + 2
                } else {
                    i + 1
                };
                out.push((i, end));
            }
        }
    }
    out
}

/// True when the word at `i` starts a sentence (or the line, or a list item).
fn starts_sentence(ws: &[Word], chars: &[char], i: usize) -> bool {
    let before_end = if i == 0 {
        0
    } else {
        ws[i - 1].start + ws[i - 1].text.chars().count()
    };
    let gap: String = chars[before_end..ws[i].start].iter().collect();
    i == 0 || gap.contains(['.', '!', '?', ':', '—', '–', '#', '*', '|'])
}

/// Looks like a personal name: Capitalized, at least two letters, the rest
/// lowercase, not quoted (titles of events are quoted) and not at the start
/// of a sentence.
fn is_name_like(ws: &[Word], chars: &[char], i: usize) -> bool {
    let w = &ws[i].text;
    let mut it = w.chars();
    let capital = it.next().is_some_and(char::is_uppercase);
    let rest_lower = it.clone().all(|c| c.is_lowercase() || c == '-');
    let long = w.chars().count() >= 2 && w.chars().all(char::is_alphabetic);
    let quoted = ws[i].start > 0 && matches!(chars[ws[i].start - 1], '«' | '"' | '“' | '„');
    capital && rest_lower && long && !quoted && !starts_sentence(ws, chars, i)
}

/// Class labels with a capitalized personal name within four words of
/// them, in the same sentence: «9Б сынып оқушысы Айгерім». Returns the
/// label's column and text.
pub(crate) fn find_class_labels_with_names(line: &str) -> Vec<Found> {
    let chars: Vec<char> = line.chars().collect();
    let ws = words(&chars);
    let mut found = Vec::new();
    for (first, last) in class_labels(&ws, &chars) {
        let lo = first.saturating_sub(4);
        let hi = (last + 4).min(ws.len().saturating_sub(1));
        let near_name = (lo..=hi)
            .filter(|&k| k < first || k > last)
            .filter(|&k| !crosses_sentence(&ws, &chars, k, first, last))
            .any(|k| is_name_like(&ws, &chars, k));
        if near_name {
            let end = ws[last].start + ws[last].text.chars().count();
            found.push(Found {
                column: ws[first].start + 1,
                text: chars[ws[first].start..end].iter().collect(),
            });
        }
    }
    found
}

/// True when a sentence boundary lies between word `k` and the label.
fn crosses_sentence(ws: &[Word], chars: &[char], k: usize, first: usize, last: usize) -> bool {
    let (a, b) = if k < first {
        (k + 1, first)
    } else {
        (last + 1, k)
    };
    (a..=b).any(|i| i < ws.len() && i > 0 && starts_sentence(ws, chars, i))
}
