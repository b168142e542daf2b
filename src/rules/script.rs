//! Words that mix Latin and Cyrillic letters (`text/mixed-script`):
//! «Сенiм» typed with a Latin `i` for `і`, «Mектеп» with a Latin `M`. The
//! page looks right, but search, alphabetical order and screen readers take
//! it for another word. The warning names the word and, when every Latin
//! letter of it has a Cyrillic twin, the all-Cyrillic spelling (the table
//! is `i18n::script`'s, which the search and the sorting use too).
//!
//! Only one word mixing both is found: a Latin name beside Cyrillic words
//! («Instagram арқылы», «Instagram-да») is fine. Addresses, e-mail
//! addresses, file names, code spans and fenced code blocks are left alone.
//!
//! Run by `privacy::check_texts`' pass over every line; a line that is pure
//! ASCII or has no ASCII letter beside another character costs a byte scan
//! (`script::may_mix`).
//!
//! Layer 5 (part of `rules`).

use std::ops::Range;
use std::path::Path;

use crate::diag::{Diagnostic, Diagnostics, Location};
use crate::i18n::script::{mixed_words, to_cyrillic};

/// Warns at every word of one line that mixes Latin and Cyrillic letters;
/// `code` when the line is inside a fenced code block.
pub(super) fn scan_line(file: &Path, line: usize, text: &str, code: bool, diags: &mut Diagnostics) {
    if code {
        return;
    }
    // Empty at once (`may_mix`) for nearly every line.
    let words = mixed_words(text);
    if words.is_empty() {
        return;
    }
    let skipped = skipped(text);
    for word in words {
        let inside = |r: &Range<usize>| r.start <= word.start && word.end <= r.end;
        if skipped.iter().any(inside) || names_a_file(text, &word) {
            continue;
        }
        let column = text[..word.start].chars().count() + 1;
        let word = &text[word];
        let at = Location {
            width: Some(word.chars().count()),
            ..Location::at(file, line, column)
        };
        diags.push(diagnostic(word, at));
    }
}

fn diagnostic(word: &str, at: Location) -> Diagnostic {
    // Each Latin letter once, in the order written: `e`, `i`, `q`.
    let mut letters: Vec<char> = Vec::new();
    for c in word.chars().filter(char::is_ascii_alphabetic) {
        if !letters.contains(&c) {
            letters.push(c);
        }
    }
    let latin: Vec<String> = letters.iter().map(|c| format!("`{c}`")).collect();
    let latin = latin.join(", ");
    let d = Diagnostic::warning(
        "text/mixed-script",
        format!("`{word}` mixes Latin and Cyrillic letters (Latin: {latin})"),
    );
    let d = match to_cyrillic(word) {
        Some(cyrillic) => d
            .words("text-mixed-script")
            .arg("cyrillic", format!("`{cyrillic}`"))
            .help(format!(
                "write it in Cyrillic letters only: `{cyrillic}` (the Latin letters look the same, but search and alphabetical order take it for another word)"
            )),
        None => d
            .words("text-mixed-script-other")
            .help("write the word in one alphabet: type its Latin letters again on the Kazakh or Russian keyboard"),
    };
    d.arg("word", format!("`{word}`"))
        .arg("latin", latin)
        .label("Latin and Cyrillic letters in one word")
        .at(at)
}

/// Byte ranges a word inside of which is not text to read: code spans
/// (`` `...` ``), web addresses (`https://...`, `www....`), Markdown link
/// destinations (`](...)`) and e-mail addresses or handles (`a@b.kz`).
fn skipped(text: &str) -> Vec<Range<usize>> {
    let mut out = code_spans(text);
    let b = text.as_bytes();
    let token_end = |from: usize| {
        text[from..]
            .find(|c: char| c.is_whitespace() || matches!(c, ')' | '>' | '"' | '\'' | '»'))
            .map_or(text.len(), |e| from + e)
    };
    let token_start = |to: usize| {
        text[..to]
            .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '<' | '"' | '\'' | '«' | '['))
            .map_or(0, |s| {
                s + text[s..].chars().next().map_or(1, char::len_utf8)
            })
    };
    for (at, _) in text.match_indices("://") {
        let start = (0..at)
            .rev()
            .take_while(|&i| b[i].is_ascii_alphanumeric() || b"+.-".contains(&b[i]))
            .last()
            .unwrap_or(at);
        out.push(start..token_end(at));
    }
    for (at, _) in text.match_indices("www.") {
        out.push(at..token_end(at));
    }
    for (at, _) in text.match_indices("](") {
        let end = text[at..].find(')').map_or(text.len(), |e| at + e);
        out.push(at..end);
    }
    for (at, _) in text.match_indices('@') {
        out.push(token_start(at)..token_end(at));
    }
    out
}

/// Code spans: from a run of backticks to the next run of as many.
fn code_spans(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let run = |from: usize| b[from..].iter().take_while(|&&c| c == b'`').count();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(open) = text[i..].find('`').map(|o| i + o) {
        let n = run(open);
        let mut j = open + n;
        let mut closed = None;
        while let Some(c) = text[j..].find('`').map(|o| j + o) {
            let m = run(c);
            if m == n {
                closed = Some(c + m);
                break;
            }
            j = c + m;
        }
        match closed {
            Some(end) => {
                out.push(open..end);
                i = end;
            }
            None => i = open + n,
        }
    }
    out
}

/// True when the word is part of a file name, a path or a name of the
/// web rather than of text: next to `/`, `\`, `_`, `#`, or followed by a
/// file or domain ending (`сурет.jpg`, `мектеп.kz`).
fn names_a_file(text: &str, word: &Range<usize>) -> bool {
    let before = text[..word.start].chars().next_back();
    let after = &text[word.end..];
    let joined = |c: Option<char>| c.is_some_and(|c| matches!(c, '/' | '\\' | '_' | '#'));
    let ending = after.strip_prefix('.').is_some_and(|rest| {
        let n = rest.bytes().take_while(u8::is_ascii_alphanumeric).count();
        (2..=5).contains(&n) && !rest[n..].chars().next().is_some_and(char::is_alphanumeric)
    });
    joined(before) || joined(after.chars().next()) || ending
}

/// Tracks fenced code blocks (```` ``` ```` or `~~~`) of a Markdown text, a
/// line at a time.
#[derive(Default)]
pub(super) struct Fences {
    open: Option<(u8, usize)>,
}

impl Fences {
    /// True when `line` is a fence or inside a fenced block.
    pub(super) fn code(&mut self, line: &str) -> bool {
        let t = line.trim_start_matches(' ');
        let fence = |c: u8| t.bytes().take_while(|&b| b == c).count();
        let (c, n) = match (fence(b'`'), fence(b'~')) {
            (n, _) if n >= 3 => (b'`', n),
            (_, n) if n >= 3 => (b'~', n),
            _ => return self.open.is_some(),
        };
        match self.open {
            None => self.open = Some((c, n)),
            Some((oc, on)) if oc == c && n >= on && t[n..].trim().is_empty() => self.open = None,
            Some(_) => {}
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(line: &str) -> Vec<String> {
        let mut d = Diagnostics::new();
        scan_line(Path::new("a.md"), 1, line, false, &mut d);
        d.iter()
            .map(|d| {
                d.location
                    .as_ref()
                    .map_or(0, |l| l.column.unwrap_or(0))
                    .to_string()
            })
            .collect()
    }

    #[test]
    fn finds_mixed_words_at_their_column() {
        assert_eq!(words("«Сенiм» клубы"), ["2"]);
        assert_eq!(words("Mектеп және Сенiм"), ["1", "13"]);
    }

    #[test]
    fn leaves_addresses_code_and_file_names_alone() {
        for line in [
            "Instagram арқылы, Instagram-да, WhatsApp-қа жазыңыз",
            "https://kk.wikipedia.org/wiki/Сенiм",
            "[Сайт](https://мектеп.kz/сенiм) және www.мектеп.kz/сенiм",
            "`Сенiм` деп жазыңыз, ``код `Сенiм` ``",
            "сенiм@мектеп.kz, @сенiм_клуб",
            "photo: суреттер/сенiм.jpg, сенiм_1.png, #сенiм",
        ] {
            assert!(words(line).is_empty(), "{line}: {:?}", words(line));
        }
        assert_eq!(
            words("[Сенiм](https://a.kz)"),
            ["2"],
            "the link's text is text"
        );
    }

    #[test]
    fn odd_lines_never_panic() {
        for line in [
            "`",
            "``Сенiм",
            "](",
            "://",
            "Сенiм://",
            "@",
            "Сенiм@",
            "Сенiм.",
            "Сенiм.j",
            "Сенiм.jpgж",
            "www.",
            "](Сенiм",
            "~~~Сенiм",
            "i\u{301}Сенiм",
            "«Сенiм»/",
        ] {
            words(line);
        }
        assert_eq!(
            words("Сенiм."),
            ["1"],
            "a sentence's full stop is no file ending"
        );
    }

    #[test]
    fn knows_fenced_code_blocks() {
        let mut f = Fences::default();
        let code: Vec<bool> = ["a", "```sh", "x", "~~~", "```", "b"]
            .iter()
            .map(|l| f.code(l))
            .collect();
        assert_eq!(code, [false, true, true, true, true, false]);
    }
}
