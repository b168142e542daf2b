//! Plain words for a file that is not valid YAML. The YAML library says
//! where it stopped; what is wrong is read from the text there and from
//! the [`Tree`] (which `{`, `[` or quote is still open): a teacher needs
//! to hear which bracket or quote is not closed, and where it was opened.
//!
//! Layer 1: part of `yaml`.

use super::Source;
use super::report::located;
use super::tree::{Kind, NodeId, Pos, Tree};
use crate::diag::Diagnostic;

/// The `yaml/syntax` diagnostic of a text the YAML library stopped
/// reading at `at`.
pub(super) fn diagnostic(source: Source<'_>, tree: &Tree, at: Pos) -> Diagnostic {
    let (words, start) = explain(tree, at);
    let d = Diagnostic::error("yaml/syntax", words.message).words(words.id);
    let d = if words.label.is_empty() {
        d
    } else {
        d.label(words.label)
    };
    d.help(words.help).at(located(source, start.unwrap_or(at)))
}

/// What is wrong and how to fix it, in plain words.
#[derive(Debug, PartialEq, Eq)]
struct Words {
    /// Its id in the tool's message files (i18n/tool/diagnostics-*.ftl).
    id: &'static str,
    message: &'static str,
    label: &'static str,
    help: &'static str,
}

const QUOTE: Words = Words {
    id: "yaml-syntax-quote",
    message: "a quote is opened here and never closed",
    label: "this quote needs a closing one",
    help: "end the text with the same quote it starts with; inside 'single quotes' write an apostrophe twice: 'it''s'",
};

const TAB: Words = Words {
    id: "yaml-syntax-tab",
    message: "this line starts with a tab character or another sign YAML does not allow here",
    label: "replace the tab with spaces",
    help: "indent with spaces only (most editors can turn tabs into spaces); texts starting with @, ` or % must be in quotes",
};

const BRACE: Words = Words {
    id: "yaml-syntax-brace",
    message: "a `{` is opened here and not closed with `}` on the same line",
    label: "this `{` needs a matching `}`",
    help: "close the group, e.g. `name: {kk: \"Сенім\", ru: \"Доверие\"}`; a text with a comma or a brace must be in quotes",
};

const BRACKET: Words = Words {
    id: "yaml-syntax-bracket",
    message: "a `[` is opened here and not closed with `]` on the same line",
    label: "this `[` needs a matching `]`",
    help: "close the list, e.g. `languages: [kk, ru]`; a text with a comma or a bracket must be in quotes",
};

const COLON: Words = Words {
    id: "yaml-syntax-colon",
    message: "a second `:` on one line: YAML reads it as a new field",
    label: "put the text in quotes",
    help: "a text containing `: ` must be in quotes, e.g. `title: \"Ескерту: жиналыс\"`",
};

const STAR: Words = Words {
    id: "yaml-syntax-star",
    message: "a text starts with `*`, which YAML reads as a reference",
    label: "put this text in quotes",
    help: "write texts starting with `*`, `&`, `!` or `|` in quotes, e.g. `note: \"* important\"`",
};

const ALIGN: Words = Words {
    id: "yaml-syntax-align",
    message: "this line does not line up with the lines above it",
    label: "check the indentation here",
    help: "fields of one group start at the same column, list items start with `- ` at the same column; use spaces, not tabs; a text with a quote or `#` in it must be in quotes",
};

const NO_COLON: Words = Words {
    id: "yaml-syntax-no-colon",
    message: "this line has no `:` after its field name",
    label: "add `:` and a space after the field name",
    help: "write each field as `name: value`, with a colon and a space, e.g. `region: karaganda`; a text on its own line belongs to the field above it and must be indented under it",
};

const OTHER: Words = Words {
    id: "yaml-syntax-other",
    message: "this is not valid YAML",
    label: "",
    help: "check the indentation (spaces, not tabs), that every `key:` has a space after the colon, and that texts with `:` or `#` are in quotes",
};

/// What is wrong where the parser stopped at `at`, and where the problem
/// really starts when that is elsewhere (the quote or bracket opened).
fn explain(tree: &Tree, at: Pos) -> (&'static Words, Option<Pos>) {
    if let Some(quote) = tree.error.filter(|&q| unclosed_quote(tree, q)) {
        return (&QUOTE, Some(quote));
    }
    let here = tree.char_at(at);
    if matches!(here, Some('\t' | '@' | '`')) || indented_with_tab(tree, at.line) {
        return (&TAB, None);
    }
    let open = tree.open_at(at);
    if let Some(opener) = open.last().and_then(|&n| tree.opener(n)) {
        let words = match tree.char_at(opener) {
            Some('{') => &BRACE,
            _ => &BRACKET,
        };
        return (words, Some(opener));
    }
    let before = (at.col > 1).then(|| {
        tree.char_at(Pos {
            col: at.col - 1,
            ..at
        })
    });
    let words = if here == Some(':') && key_before(tree, at) {
        &COLON
    } else if here == Some('*') || matches!(before, Some(Some('*' | '&'))) {
        &STAR
    } else if let Some(line) = without_colon(tree, at) {
        return (&NO_COLON, Some(line));
    } else if misaligned(tree, at, &open) {
        &ALIGN
    } else {
        &OTHER
    };
    (words, None)
}

/// The line that lost its `:`, when the parser stopped on or just after
/// one: looking back from `at` over blank and comment lines (and the line
/// it stopped on, when that one has its colon), the first line that is a
/// bare word or words with no `key:`. The parser only stops on the next
/// field, so the problem is reported where the teacher must fix it.
fn without_colon(tree: &Tree, at: Pos) -> Option<Pos> {
    for number in (1..=at.line).rev() {
        let line = tree.line(number)?;
        let text = line.trim();
        if text.is_empty() || text.starts_with('#') {
            continue;
        }
        let has_key = text.ends_with(':') || text.contains(": ") || text.contains(":\t");
        let other = text.starts_with(['-', '"', '\'', '{', '[', '|', '>', '&', '*', '!', '?']);
        if has_key && number == at.line {
            continue;
        }
        if has_key || other {
            return None;
        }
        let indent = line.chars().take_while(|c| *c == ' ').count();
        return Some(Pos {
            line: number,
            col: indent + 1,
        });
    }
    None
}

/// Whether a quote at `at` opens a text that is never closed.
fn unclosed_quote(tree: &Tree, at: Pos) -> bool {
    let Some(quote @ ('"' | '\'')) = tree.char_at(at) else {
        return false;
    };
    let rest = (at.line..).map_while(|l| tree.line(l));
    let mut chars = rest
        .enumerate()
        .flat_map(|(i, line)| line.chars().skip(if i == 0 { at.col } else { 0 }));
    while let Some(c) = chars.next() {
        match (quote, c) {
            ('"', '\\') => {
                chars.next();
            }
            ('\'', '\'') => {
                // `''` is an apostrophe inside the text.
                let mut ahead = chars.clone();
                if ahead.next() != Some('\'') {
                    return false;
                }
                chars = ahead;
            }
            ('"', '"') => return false,
            _ => {}
        }
    }
    true
}

/// Whether the line of `at` has a `key: ` before it.
fn key_before(tree: &Tree, at: Pos) -> bool {
    let before: String = tree
        .line(at.line)
        .unwrap_or("")
        .chars()
        .take(at.col - 1)
        .collect();
    before.contains(": ") || before.contains(":\t")
}

/// Whether the line of `at` starts in a column where none of the block
/// collections open there has its items, or starts a list item where a
/// field is expected.
fn misaligned(tree: &Tree, at: Pos, open: &[NodeId]) -> bool {
    let Some(line) = tree.line(at.line) else {
        return false;
    };
    let rest = line.trim_start_matches(' ');
    let column = line.len() - rest.len() + 1;
    let blocks: Vec<NodeId> = open.iter().copied().filter(|&n| !tree.is_flow(n)).collect();
    let Some(&innermost) = blocks.last() else {
        return false;
    };
    let item = rest.starts_with("- ") || rest.trim_end() == "-";
    !blocks.iter().any(|&n| tree.block_column(n) == column)
        || (item && tree.kind(innermost) == Kind::Map && tree.block_column(innermost) == column)
}

fn indented_with_tab(tree: &Tree, line: usize) -> bool {
    tree.line(line).is_some_and(|l| {
        l.chars()
            .take_while(|c| c.is_whitespace())
            .any(|c| c == '\t')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug)]
    struct Explained {
        message: &'static str,
        help: &'static str,
        at: Option<Pos>,
    }

    /// The explanation of `text`, stopped where serde_yaml stops.
    fn explained(text: &str) -> Explained {
        let e = serde_yaml::from_str::<serde::de::IgnoredAny>(text).unwrap_err();
        let at = e.location().unwrap();
        let at = Pos {
            line: at.line(),
            col: at.column(),
        };
        let (words, at) = explain(&Tree::parse(text), at);
        Explained {
            message: words.message,
            help: words.help,
            at,
        }
    }

    #[test]
    fn points_at_the_unclosed_brace() {
        let e = explained("name: {kk: x, ru: y\nleaders: []\n");
        assert_eq!(e.at, Some(Pos { line: 1, col: 7 }));
        assert!(e.message.contains('{'));
        let e = explained("a: [1, 2\nb: 3\n");
        assert_eq!(e.at, Some(Pos { line: 1, col: 4 }));
        assert!(e.message.contains('['));
    }

    #[test]
    fn points_at_the_unclosed_quote() {
        let e = explained("nmae: x\nmotto: \"y\n");
        assert_eq!(e.at, Some(Pos { line: 2, col: 8 }));
        assert!(e.message.contains("quote"));
    }

    #[test]
    fn explains_a_colon_a_tab_and_a_star() {
        assert!(
            explained("title: Ескерту: жиналыс\n")
                .help
                .contains("quotes")
        );
        assert!(explained("a: x\nb:\n\tc: d\n").message.contains("tab"));
        assert!(explained("a: *x\n").message.contains('*'));
        assert!(explained("a:\n  b: 1\n c: 2\n").message.contains("line up"));
        assert!(explained("a: x\n- b\n").message.contains("line up"));
    }

    #[test]
    fn a_line_without_its_colon_is_reported_where_it_is() {
        let e = explained("a: 1\nb c\nd: 2\n");
        assert_eq!(e.message, NO_COLON.message);
        assert_eq!(e.at, Some(Pos { line: 2, col: 1 }));
        let club = "school:\n  name: X\n  region karaganda\n  # the region code\n  city: Y\n";
        let e = explained(club);
        assert_eq!(
            (e.message, e.at),
            (NO_COLON.message, Some(Pos { line: 3, col: 3 }))
        );
        let e = explained("a: tru\ne\n- b: c\n");
        assert!(!e.message.contains("second `:`"), "{e:?}");
    }
}
