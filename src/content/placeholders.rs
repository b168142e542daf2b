//! The texts `init` and `new` write for an author to replace, defined
//! once: the scaffold writes them, and the `text/placeholder` rule finds
//! those left in a site, and the example addresses (`example.kz`,
//! `example.org` ...) that stand for a school's real ones.
//!
//! Part of layer 3 (`content`); imports nothing from the crate.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

/// The title `new news` gives the Kazakh file when Kazakh is not the
/// site's first language (the first language's file gets the title given).
pub const NEWS_TITLE_KK: &str = "Жаңалықтың тақырыбы";
/// The same in Russian.
pub const NEWS_TITLE_RU: &str = "Заголовок новости";
/// The same in English, and for a language without its own.
pub const NEWS_TITLE_EN: &str = "News title";

/// Every text the scaffold writes only to be replaced: the news titles
/// above, the first lines of the report and news templates
/// (`src/scaffold/templates/*.md`, a test there checks) and the example
/// leader and phone number of `init`'s club.yaml.
pub const TEXTS: &[&str] = &[
    NEWS_TITLE_KK,
    NEWS_TITLE_RU,
    NEWS_TITLE_EN,
    "Осы жерге жыл ішіндегі жетістіктерді жазыңыз.",
    "Здесь опишите достижения года.",
    "Write the year's achievements here.",
    "Жаңалықтың мәтінін осы жерге жазыңыз.",
    "Напишите здесь текст новости.",
    "Write the news here.",
    "Әбенова Гүлнар Серікқызы",
    "+7 7212 00 00 00",
];

/// The domains reserved for examples: an address at one of them (or
/// below it: `forms.example.kz`) is never a school's own.
const EXAMPLE_DOMAINS: &[&str] = &["example.kz", "example.org", "example.com", "example.net"];

/// What [`find`] found on a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placeholder {
    /// The 1-based column (in characters) where it starts.
    pub column: usize,
    /// The text as written: a placeholder text, or a whole host
    /// (`forms.example.kz`).
    pub text: String,
    /// An example address rather than a placeholder text.
    pub address: bool,
}

/// One searcher for all of [`TEXTS`] and the example domains' first
/// label (`example.` as people write it), built once: the rule runs on
/// every line of a site, and one pass over a line for all of them (SIMD,
/// with `aho-corasick`) costs a fifth of a search per text. (Searching
/// without regard to case would cost as much as the searches per text.)
fn searcher() -> &'static AhoCorasick {
    static SEARCHER: OnceLock<AhoCorasick> = OnceLock::new();
    SEARCHER.get_or_init(|| {
        let patterns = TEXTS.iter().chain(EXAMPLE_LABELS);
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .build(patterns)
            .expect("a few short texts always make a searcher")
    })
}

/// The first label of every example domain, in the cases it is written.
const EXAMPLE_LABELS: &[&str] = &["example.", "Example.", "EXAMPLE."];

/// The placeholder texts and example addresses on `line`, in order.
pub fn find(line: &str) -> Vec<Placeholder> {
    let mut found = Vec::new();
    let mut example = false;
    for m in searcher().find_iter(line) {
        match TEXTS.get(m.pattern().as_usize()) {
            Some(text) => found.push(found_at(line, m.start(), text, false)),
            None => example = true,
        }
    }
    if example {
        let lower = line.to_ascii_lowercase();
        for domain in EXAMPLE_DOMAINS {
            for (at, _) in lower.match_indices(domain) {
                let end = at + domain.len();
                if !ends_host(&lower[end..]) || !host_char_before(&lower[..at]) {
                    continue;
                }
                let start = host_start(&lower[..at]);
                found.push(found_at(line, start, &line[start..end], true));
            }
        }
    }
    found.sort_by_key(|p| p.column);
    found
}

fn found_at(line: &str, at: usize, text: &str, address: bool) -> Placeholder {
    Placeholder {
        column: line[..at].chars().count() + 1,
        text: text.to_string(),
        address,
    }
}

fn is_host_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-'
}

/// Whether the domain's name ends where `after` begins: no more letters
/// of the name (`example.kzx`), and no further label (`example.org.kz`).
fn ends_host(after: &str) -> bool {
    let mut chars = after.chars();
    match chars.next() {
        None => true,
        Some('.') => !chars.next().is_some_and(is_host_char),
        Some(c) => !is_host_char(c),
    }
}

/// Whether the domain starts a name or a label (`@example.kz`,
/// `forms.example.kz`), and is not the end of another word
/// (`myexample.kz`).
fn host_char_before(before: &str) -> bool {
    before.chars().next_back().is_none_or(|c| !is_host_char(c))
}

/// Where the host the domain ends starts (`forms.` before it is part of
/// the host; `@`, `/` and a blank are not).
fn host_start(before: &str) -> usize {
    before
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_host_char(*c) || *c == '.')
        .last()
        .map_or(before.len(), |(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(line: &str) -> Vec<(usize, String)> {
        find(line).into_iter().map(|p| (p.column, p.text)).collect()
    }

    #[test]
    fn finds_example_hosts_and_addresses() {
        assert_eq!(
            texts("  question: https://forms.example.kz/mediation/question"),
            [(21, "forms.example.kz".to_string())]
        );
        assert_eq!(
            texts("email: mediation@school.example.kz"),
            [(18, "school.example.kz".to_string())]
        );
        assert_eq!(
            texts("Сайт: EXAMPLE.ORG."),
            [(7, "EXAMPLE.ORG".to_string())]
        );
        assert_eq!(
            texts("Форма: https://Forms.Example.Kz/q"),
            [(16, "Forms.Example.Kz".to_string())]
        );
        for other in [
            "https://myexample.kz/",
            "https://example.kzn.kz/",
            "https://example.org.kz/",
            "https://school.kz/example.html",
        ] {
            assert_eq!(texts(other), [], "{other}");
        }
    }

    #[test]
    fn finds_placeholder_texts_at_their_columns() {
        assert_eq!(
            texts("Здесь опишите достижения года."),
            [(1, "Здесь опишите достижения года.".to_string())]
        );
        let title = "title: {kk: \"Ашылды\", ru: \"Заголовок новости\"}";
        assert_eq!(texts(title), [(28, NEWS_TITLE_RU.to_string())]);
        assert_eq!(texts("Здесь опишите достижения клуба."), []);
        assert_eq!(texts("WRITE THE NEWS HERE."), []);
        assert_eq!(
            texts("Write the news here. Write the news here."),
            [
                (1, "Write the news here.".to_string()),
                (22, "Write the news here.".to_string())
            ]
        );
    }
}
