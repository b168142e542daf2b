//! Plain words for the YAML parser's syntax errors. The parser speaks of
//! "flow mappings" and "block collections"; a teacher needs to hear which
//! bracket or quote is not closed, and where it was opened.

/// A syntax error explained: what is wrong, how to fix it, and where the
/// problem really starts when that is not where the parser stopped.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Explained {
    pub message: String,
    pub label: &'static str,
    pub help: &'static str,
    /// 1-based line and column to point at instead of the parser's.
    pub at: Option<(usize, usize)>,
}

/// Explains the parser's message `raw` (with its "at line L column C"
/// positions still in it).
pub(super) fn explain(raw: &str) -> Explained {
    let (problem, context) = match raw.split_once(", while ") {
        Some((p, c)) => (p, Some(c)),
        None => (raw, None),
    };
    let problem = strip_mark(problem);
    let context_mark = context.and_then(mark);
    let context_what = context.map(strip_mark).unwrap_or("");
    let explained = |message: &str, label, help, at| Explained {
        message: message.to_string(),
        label,
        help,
        at,
    };
    if context_what.starts_with("parsing a flow mapping") {
        return explained(
            "a `{` is opened here and not closed with `}` on the same line",
            "this `{` needs a matching `}`",
            "close the group, e.g. `name: {kk: \"Сенім\", ru: \"Доверие\"}`; a text with a comma or a brace must be in quotes",
            context_mark,
        );
    }
    if context_what.starts_with("parsing a flow sequence") {
        return explained(
            "a `[` is opened here and not closed with `]` on the same line",
            "this `[` needs a matching `]`",
            "close the list, e.g. `languages: [kk, ru]`; a text with a comma or a bracket must be in quotes",
            context_mark,
        );
    }
    if context_what.starts_with("scanning a quoted scalar") {
        return explained(
            "a quote is opened here and never closed",
            "this quote needs a closing one",
            "end the text with the same quote it starts with; inside 'single quotes' write an apostrophe twice: 'it''s'",
            context_mark,
        );
    }
    if problem.contains("tab character") || problem.contains("cannot start any token") {
        return explained(
            "this line starts with a tab character or another sign YAML does not allow here",
            "replace the tab with spaces",
            "indent with spaces only (most editors can turn tabs into spaces); texts starting with @, ` or % must be in quotes",
            None,
        );
    }
    if problem.starts_with("mapping values are not allowed") {
        return explained(
            "a second `:` on one line: YAML reads it as a new field",
            "put the text in quotes",
            "a text containing `: ` must be in quotes, e.g. `title: \"Ескерту: жиналыс\"`",
            None,
        );
    }
    if problem.starts_with("did not find expected key")
        || problem.starts_with("did not find expected '-' indicator")
    {
        return explained(
            "this line does not line up with the lines above it",
            "check the indentation here",
            "fields of one group start at the same column, list items start with `- ` at the same column; use spaces, not tabs; a text with a quote or `#` in it must be in quotes",
            None,
        );
    }
    if problem.starts_with("unknown anchor") {
        return explained(
            "a text starts with `*`, which YAML reads as a reference",
            "put this text in quotes",
            "write texts starting with `*`, `&`, `!` or `|` in quotes, e.g. `note: \"* important\"`",
            None,
        );
    }
    Explained {
        message: format!("this is not valid YAML: {problem}"),
        label: "",
        help: "check the indentation (spaces, not tabs), that every `key:` has a space after the colon, and that texts with `:` or `#` are in quotes",
        at: None,
    }
}

/// `text at line 3 column 8` → `text`.
fn strip_mark(text: &str) -> &str {
    text.rfind(" at line ").map_or(text, |i| &text[..i])
}

/// `... at line 3 column 8` → (3, 8).
fn mark(text: &str) -> Option<(usize, usize)> {
    let rest = &text[text.rfind(" at line ")? + " at line ".len()..];
    let (line, column) = rest.split_once(" column ")?;
    Some((line.trim().parse().ok()?, column.trim().parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_at_the_unclosed_brace() {
        let e = explain(
            "did not find expected ',' or '}' at line 2 column 2, while parsing a flow mapping at line 1 column 4",
        );
        assert_eq!(e.at, Some((1, 4)));
        assert!(e.message.contains('{'));
    }

    #[test]
    fn explains_a_colon_inside_a_text() {
        let e = explain("mapping values are not allowed in this context at line 1 column 9");
        assert_eq!(e.at, None);
        assert!(e.help.contains("quotes"));
    }

    #[test]
    fn keeps_unknown_problems_in_the_message() {
        let e = explain("something odd at line 1 column 1");
        assert_eq!(e.message, "this is not valid YAML: something odd");
    }
}
