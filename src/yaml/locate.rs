//! The line and column of a value named by its path (`leaders[1].email`),
//! for problems found after parsing. Positions come from the [`Tree`] of
//! the text: the last text's tree is kept per thread, so the checks of one
//! file, which each ask for a place, read the file's positions once.
//!
//! Layer 1: part of `yaml`.

use std::cell::RefCell;
use std::rc::Rc;

use super::Source;
use super::tree::{Kind, Pos, Style, Tree};
use crate::diag::Location;

/// One step of a path to a value: a mapping key or a list index.
#[derive(Debug, Clone, Copy)]
pub enum Seg<'a> {
    /// `key:`
    Key(&'a str),
    /// the n-th `- ` item (0-based)
    Index(usize),
}

thread_local! {
    static LAST: RefCell<Option<Rc<Tree>>> = const { RefCell::new(None) };
}

/// The tree of `text`, read once for as long as the same text is asked
/// about.
pub(super) fn tree_of(text: &str) -> Rc<Tree> {
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        if let Some(tree) = last.as_ref().filter(|t| t.text() == text) {
            return Rc::clone(tree);
        }
        let tree = Rc::new(Tree::parse(text));
        *last = Some(Rc::clone(&tree));
        tree
    })
}

/// Finds the line and column (1-based, counted in the file, so including
/// `line_offset`) of the value at `path`: its key, or its `-` in a list.
/// Falls back to the deepest part of the path it could find, and to line 1.
pub fn locate(source: Source<'_>, path: &[Seg<'_>]) -> Location {
    let at = tree_of(source.text).walk(path).at;
    located(source, at)
}

/// Like [`locate`], but points at the value written after `key:` (or after
/// the list dash) when it is on the same line, so a snippet underlines the
/// wrong value rather than its key.
pub fn locate_value(source: Source<'_>, path: &[Seg<'_>]) -> Location {
    let at = value_in(&tree_of(source.text), path);
    located(source, at)
}

/// Like [`locate_value`], and the whole value is underlined (all of
/// `Қарағанды облысы`, not its first word) when it is written on one line.
pub fn locate_whole_value(source: Source<'_>, path: &[Seg<'_>]) -> Location {
    let tree = tree_of(source.text);
    let at = value_in(&tree, path);
    let walked = tree.walk(path);
    let end = walked
        .node
        .filter(|&n| walked.complete && Some(tree.start(n)) == at)
        .and_then(|n| tree.scalar_end(n));
    let mut location = located(source, at);
    if let (Some(at), Some(end)) = (at, end)
        && end.line == at.line
        && end.col > at.col
    {
        location.width = Some(quoted_width(&tree, at, end.col - at.col));
    }
    location
}

/// The width of a value at `at` read as `width` characters: a quoted one
/// ends at its closing quote (the parser's end may take in a comment).
fn quoted_width(tree: &Tree, at: Pos, width: usize) -> usize {
    let line = tree.line(at.line).unwrap_or("");
    let written: Vec<char> = line.chars().skip(at.col - 1).take(width).collect();
    match written.first() {
        Some(&quote @ ('"' | '\'')) => written
            .iter()
            .rposition(|&c| c == quote)
            .filter(|&end| end > 0)
            .map_or(width, |end| end + 1),
        _ => width,
    }
}

fn located(source: Source<'_>, at: Option<Pos>) -> Location {
    let at = at.unwrap_or(Pos { line: 1, col: 1 });
    Location::at(source.file, at.line + source.line_offset, at.col)
}

/// The place [`locate_value`] points at, within the text.
pub(super) fn value_in(tree: &Tree, path: &[Seg<'_>]) -> Option<Pos> {
    let walked = tree.walk(path);
    let at = walked.at?;
    let Some(value) = walked.node else {
        return Some(at);
    };
    let start = tree.start(value);
    let empty = tree.kind(value) == Kind::Scalar
        && tree.style(value) == Style::Plain
        && tree.scalar(value).is_empty();
    if empty {
        return Some(at);
    }
    if start.line == at.line && start >= at {
        return Some(start);
    }
    if tree.kind(value) == Kind::Scalar && tree.style(value) == Style::Block {
        return Some(indicator(tree, at).unwrap_or(at));
    }
    Some(at)
}

/// The `|` or `>` of a block text, written after the key or `-` at `at`.
fn indicator(tree: &Tree, at: Pos) -> Option<Pos> {
    let line = tree.line(at.line)?;
    let rest: Vec<char> = line.chars().skip(at.col - 1).collect();
    let mut i = match rest.first()? {
        '-' => 1,
        _ => rest.iter().position(|&c| c == ':')? + 1,
    };
    while rest.get(i).is_some_and(|c| *c == ' ' || *c == '\t') {
        i += 1;
    }
    matches!(rest.get(i)?, '|' | '>').then_some(Pos {
        line: at.line,
        col: at.col + i,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_at_block_texts_by_their_indicator() {
        let tree = Tree::parse("a:\n  - >\n    0115\nb: |  # note\n  x\nc:\n  d\n");
        let at = |p: &[Seg<'_>]| {
            let p = value_in(&tree, p).unwrap();
            (p.line, p.col)
        };
        assert_eq!(at(&[Seg::Key("a"), Seg::Index(0)]), (2, 5));
        assert_eq!(at(&[Seg::Key("b")]), (4, 4));
        assert_eq!(at(&[Seg::Key("c")]), (6, 1));
    }

    #[test]
    fn a_whole_value_is_as_wide_as_written() {
        let text =
            "school:\n  region: Қарағанды облысы # note\nb: {c: \"x y\", d: 1}\ne: 'x' # \"\n";
        let source = Source {
            text,
            file: std::path::Path::new("club.yaml"),
            line_offset: 0,
            family: "club",
        };
        let at = |p: &[Seg<'_>]| {
            let l = locate_whole_value(source, p);
            (l.line, l.column, l.width)
        };
        let region = [Seg::Key("school"), Seg::Key("region")];
        assert_eq!(at(&region), (Some(2), Some(11), Some(16)));
        assert_eq!(
            at(&[Seg::Key("b"), Seg::Key("c")]),
            (Some(3), Some(8), Some(5))
        );
        assert_eq!(at(&[Seg::Key("e")]), (Some(4), Some(4), Some(3)));
        assert_eq!(at(&[Seg::Key("school")]).2, None);
    }

    #[test]
    fn the_same_text_is_read_once() {
        let a = tree_of("a: 1\n");
        let b = tree_of(&String::from("a: 1\n"));
        assert!(Rc::ptr_eq(&a, &b));
        assert!(!Rc::ptr_eq(&a, &tree_of("a: 2\n")));
    }
}
