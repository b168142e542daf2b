//! Plain words for a file that is not valid YAML. The YAML library says
//! where it stopped; what is wrong is read from the text there and from
//! the [`Tree`] (which `{`, `[` or quote is still open): a teacher needs
//! to hear which bracket or quote is not closed, and where it was opened.
//!
//! Layer 0: part of `yaml`.

use super::Source;
use super::report::located;
use super::tree::{Kind, NodeId, Pos, Tree};
use crate::diag::Diagnostic;

/// The `yaml/syntax` diagnostic of a text the YAML library stopped
/// reading at `at`.
pub(super) fn diagnostic(source: Source<'_>, tree: &Tree, at: Pos) -> Diagnostic {
    let e = explain(tree, at);
    let d = Diagnostic::error("yaml/syntax", e.message);
    let d = if e.label.is_empty() {
        d
    } else {
        d.label(e.label)
    };
    d.help(e.help).at(located(source, e.at.unwrap_or(at)))
}

/// A syntax error explained: what is wrong, how to fix it, and where the
/// problem really starts when that is not where the parser stopped.
#[derive(Debug, PartialEq, Eq)]
struct Explained {
    message: &'static str,
    label: &'static str,
    help: &'static str,
    at: Option<Pos>,
}

fn explain(tree: &Tree, at: Pos) -> Explained {
    let here = tree.char_at(at);
    let before = at
        .col
        .checked_sub(1)
        .and_then(|col| tree.char_at(Pos { col, ..at }));
    let explained = |message, label, help, at| Explained {
        message,
        label,
        help,
        at,
    };
    if let Some(quote) = tree.error.filter(|&q| unclosed_quote(tree, q)) {
        return explained(
            "a quote is opened here and never closed",
            "this quote needs a closing one",
            "end the text with the same quote it starts with; inside 'single quotes' write an apostrophe twice: 'it''s'",
            Some(quote),
        );
    }
    if matches!(here, Some('\t' | '@' | '`')) || indented_with_tab(tree, at.line) {
        return explained(
            "this line starts with a tab character or another sign YAML does not allow here",
            "replace the tab with spaces",
            "indent with spaces only (most editors can turn tabs into spaces); texts starting with @, ` or % must be in quotes",
            None,
        );
    }
    let open = tree.open_at(at);
    if let Some(opener) = open.last().and_then(|&n| tree.opener(n)) {
        return if tree.char_at(opener) == Some('{') {
            explained(
                "a `{` is opened here and not closed with `}` on the same line",
                "this `{` needs a matching `}`",
                "close the group, e.g. `name: {kk: \"Сенім\", ru: \"Доверие\"}`; a text with a comma or a brace must be in quotes",
                Some(opener),
            )
        } else {
            explained(
                "a `[` is opened here and not closed with `]` on the same line",
                "this `[` needs a matching `]`",
                "close the list, e.g. `languages: [kk, ru]`; a text with a comma or a bracket must be in quotes",
                Some(opener),
            )
        };
    }
    match here {
        Some(':') if key_before(tree, at) => explained(
            "a second `:` on one line: YAML reads it as a new field",
            "put the text in quotes",
            "a text containing `: ` must be in quotes, e.g. `title: \"Ескерту: жиналыс\"`",
            None,
        ),
        _ if here == Some('*') || matches!(before, Some('*' | '&')) => explained(
            "a text starts with `*`, which YAML reads as a reference",
            "put this text in quotes",
            "write texts starting with `*`, `&`, `!` or `|` in quotes, e.g. `note: \"* important\"`",
            None,
        ),
        _ if misaligned(tree, at, &open) => explained(
            "this line does not line up with the lines above it",
            "check the indentation here",
            "fields of one group start at the same column, list items start with `- ` at the same column; use spaces, not tabs; a text with a quote or `#` in it must be in quotes",
            None,
        ),
        _ => explained(
            "this is not valid YAML",
            "",
            "check the indentation (spaces, not tabs), that every `key:` has a space after the colon, and that texts with `:` or `#` are in quotes",
            None,
        ),
    }
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

    /// The explanation of `text`, stopped where serde_yaml stops.
    fn explained(text: &str) -> Explained {
        let e = serde_yaml::from_str::<serde::de::IgnoredAny>(text).unwrap_err();
        let at = e.location().unwrap();
        explain(
            &Tree::parse(text),
            Pos {
                line: at.line(),
                col: at.column(),
            },
        )
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
    fn a_line_without_its_colon_is_not_called_misaligned() {
        let e = explained("a: 1\nb c\nd: 2\n");
        assert_eq!(e.message, "this is not valid YAML");
        let e = explained("a: tru\ne\n- b: c\n");
        assert!(!e.message.contains("second `:`"), "{e:?}");
    }
}
