//! Where a scalar is written in the text: the bytes of a plain, quoted
//! or block value (from its quote or `|` to its end), which an edit
//! replaces; and a block text written again in its old indentation.
//!
//! Layer 1: part of `yaml` (`edit`).

use super::super::tree::{NodeId, Style, Tree};
use super::EditError;
use super::render::{self, Context};

/// A block text (`|`) is written again as one when the new text allows
/// it, in the indentation of the old one; else as a quoted text.
pub(super) fn block_text(
    tree: &Tree,
    node: NodeId,
    from: usize,
    write: &impl Fn(Context, Option<char>) -> String,
) -> String {
    let content_line = tree.start(node).line;
    let indent = (content_line..)
        .map_while(|l| tree.line(l))
        .skip(1)
        .find(|l| !l.trim().is_empty())
        .map_or(2, |l| l.len() - l.trim_start_matches(' ').len());
    let _ = from;
    let plain = write(Context::Block, Some('|'));
    render::block(&plain, indent).unwrap_or_else(|| write(Context::Block, Some('"')))
}

/// Byte range of a scalar as written, and its quote.
pub(super) fn scalar_range(
    tree: &Tree,
    node: NodeId,
) -> Result<(usize, usize, Option<char>), EditError> {
    let text = tree.text();
    let start = tree.start(node);
    let from = tree.offset(start);
    let first = text[from..].chars().next();
    if matches!(first, Some('&' | '!' | '*')) {
        return Err(EditError::Shape(
            "this value is written with an anchor or a tag".into(),
        ));
    }
    match tree.style(node) {
        Style::Quoted => {
            let q = first
                .filter(|c| matches!(c, '"' | '\''))
                .ok_or_else(|| EditError::Shape("a quoted value not where expected".into()))?;
            Ok((from, closing_quote(text, from, q), Some(q)))
        }
        Style::Plain if tree.scalar(node).is_empty() => {
            // `key:` with nothing after it: the value goes after the colon.
            Ok((from, from, None))
        }
        Style::Plain => {
            let end = tree.scalar_end(node).map_or(from, |p| tree.offset(p));
            let end = from + text[from..end.max(from)].trim_end().len();
            Ok((from, end, None))
        }
        Style::Block => block_range(tree, node),
    }
}

/// From the `|` or `>` of a block text to the end of its last line.
fn block_range(tree: &Tree, node: NodeId) -> Result<(usize, usize, Option<char>), EditError> {
    let text = tree.text();
    let start = tree.offset(tree.start(node));
    // The parser may place the text at its first line: the indicator is
    // the last `|` or `>` before it.
    let from = if text[start..].starts_with(['|', '>']) {
        start
    } else {
        text[..start]
            .rfind(['|', '>'])
            .ok_or_else(|| EditError::Shape("a block text not where expected".into()))?
    };
    let head_end = text[from..].find('\n').map_or(text.len(), |i| from + i + 1);
    let mut end = head_end;
    let mut indent = None;
    for line in text[head_end..].split_inclusive('\n') {
        let trimmed = line.trim_start_matches(' ');
        let this = line.len() - trimmed.len();
        if trimmed.trim().is_empty() {
            end += line.len();
            continue;
        }
        let need = *indent.get_or_insert(this);
        if this < need || need == 0 {
            break;
        }
        end += line.len();
    }
    // Blank lines after the text stay where they are.
    let end = head_end.max(from + text[from..end].trim_end().len());
    Ok((from, end, Some('|')))
}

fn closing_quote(text: &str, from: usize, q: char) -> usize {
    let mut chars = text[from + 1..].char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' if q == '"' => {
                chars.next();
            }
            c if c == q => {
                if q == '\'' && text[from + 1 + i + 1..].starts_with('\'') {
                    chars.next();
                    continue;
                }
                return from + 1 + i + 1;
            }
            _ => {}
        }
    }
    text.len()
}
