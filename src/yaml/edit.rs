//! Format-preserving edits of a YAML text, for the editor of `serve
//! --edit`: a value is changed by replacing only the characters that
//! write it, so every other value keeps its text, its comments and its
//! place. A key that is missing is added under its parent, in the file's
//! indentation; an item is added at the end of its list, or removed
//! with its lines (`remove`).
//!
//! Positions come from the [`Tree`] of the text; a new value is written
//! plain when it reads back as the same text, else quoted, and every
//! result is read again before it is handed back, so an edit never turns
//! a file into something else than was asked.
//!
//! Layer 1: part of `yaml`.

use super::locate::Seg;
use super::tree::{Kind, NodeId, Pos, Style, Tree};

mod insert;
mod range;
mod remove;
mod render;

use insert::{insert_missing, item_block, item_flow};
use range::{block_text, scalar_range};
pub use remove::remove_item;
use render::{Context, flow_map, number_ok, text};

/// A new value for a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scalar<'a> {
    /// A text: written so it reads back as exactly this text.
    Text(&'a str),
    /// A number, as written (`2024`, `12.5`).
    Number(&'a str),
    /// `true` or `false`.
    Bool(bool),
}

/// A new item for a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item<'a> {
    /// A single value.
    Scalar(Scalar<'a>),
    /// A group of fields, in this order.
    Map(Vec<(&'a str, Scalar<'a>)>),
}

/// Why an edit was not made; the text stays as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// The text is not valid YAML (line of the problem).
    NotYaml(usize),
    /// The value at the path is a list or a group, not a single value
    /// (or the other way round), or is written with an anchor or alias.
    Shape(String),
    /// The edit would not read back as asked (a bug; nothing is written).
    NotKept(String),
}

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EditError::NotYaml(line) => write!(f, "the file is not valid YAML at line {line}"),
            EditError::Shape(what) | EditError::NotKept(what) => f.write_str(what),
        }
    }
}

impl std::error::Error for EditError {}

/// Sets the value at `path` to `value`, changing only its characters; a
/// missing key is added (with any missing groups above it).
pub fn set_value(text: &str, path: &[Seg<'_>], value: Scalar<'_>) -> Result<String, EditError> {
    let tree = parsed(text)?;
    let walked = tree.walk(path);
    let out = match walked.node.filter(|_| walked.complete) {
        Some(node) if is_null(&tree, node) => {
            let at = walked.at.and_then(|at| after_indicator(&tree, at));
            let at = at.ok_or_else(|| EditError::Shape("a value not where expected".into()))?;
            let written = format!(" {}", scalar_text(value, context_of(&tree, node), None));
            splice(text, at, at, &written)
        }
        Some(node) => replace_scalar(&tree, node, |ctx, style| scalar_text(value, ctx, style))?,
        None => insert_missing(&tree, path, &Added::Scalar(value))?,
    };
    Ok(out)
}

/// Sets a text in several languages (`values`, in the site's order) at
/// `path`: a group `{kk: …, ru: …}` gets each changed language; a plain
/// text stays plain while every language has the same text and becomes a
/// group when they differ. Empty texts are left out of a new group.
pub fn set_localized(
    text: &str,
    path: &[Seg<'_>],
    values: &[(&str, &str)],
) -> Result<String, EditError> {
    let tree = parsed(text)?;
    let walked = tree.walk(path);
    let given: Vec<(&str, &str)> = values
        .iter()
        .copied()
        .filter(|(_, v)| !v.is_empty())
        .collect();
    let same = given.windows(2).all(|w| w[0].1 == w[1].1) && given.len() == values.len();
    let node = walked.node.filter(|_| walked.complete);
    match node.map(|n| tree.kind(n)) {
        Some(Kind::Map) => {
            let mut out = text.to_string();
            for (lang, value) in values {
                let mut sub = path.to_vec();
                sub.push(Seg::Key(lang));
                let t = parsed(&out)?;
                let w = t.walk(&sub);
                let old = w
                    .node
                    .filter(|_| w.complete)
                    .map(|n| t.scalar(n).to_string());
                if old.as_deref() != Some(*value) && !(old.is_none() && value.is_empty()) {
                    out = set_value(&out, &sub, Scalar::Text(value))?;
                }
            }
            Ok(out)
        }
        Some(_) if same => set_value(text, path, Scalar::Text(given.first().map_or("", |g| g.1))),
        Some(n) => replace_scalar(
            &tree,
            node.filter(|_| n == Kind::Scalar)
                .ok_or_else(|| EditError::Shape("this field is a list, not a text".into()))?,
            |ctx, _| flow_map(&given, ctx),
        ),
        None if same => insert_missing(
            &tree,
            path,
            &Added::Scalar(Scalar::Text(given.first().map_or("", |g| g.1))),
        ),
        None => insert_missing(&tree, path, &Added::Flow(flow_map(&given, Context::Flow))),
    }
}

/// Adds `item` at the end of the list at `path` (the list is made when
/// missing).
pub fn append_item(text: &str, path: &[Seg<'_>], item: &Item<'_>) -> Result<String, EditError> {
    let tree = parsed(text)?;
    let walked = tree.walk(path);
    let Some(list) = walked.node.filter(|_| walked.complete) else {
        return insert_missing(&tree, path, &Added::List(item.clone()));
    };
    if tree.kind(list) != Kind::Seq {
        return Err(EditError::Shape("this field is not a list".into()));
    }
    let items = tree.children(list);
    if tree.is_flow(list) {
        let close = closing(&tree, list, ']')?;
        let sep = if items.is_empty() { "" } else { ", " };
        let written = sep.to_string() + &item_flow(item);
        return Ok(splice(text, close, close, &written));
    }
    let dash = tree.block_column(list);
    let last = *items
        .last()
        .ok_or_else(|| EditError::Shape("an empty list".into()))?;
    let at = line_after(&tree, end_of(&tree, last)?);
    let written = item_block(item, dash - 1);
    Ok(splice(text, at, at, &written))
}

/// What [`insert_missing`] adds at the end of a path.
enum Added<'a> {
    Scalar(Scalar<'a>),
    /// A flow group already written.
    Flow(String),
    List(Item<'a>),
}

fn parsed(text: &str) -> Result<Tree, EditError> {
    let tree = Tree::parse(text);
    if let Some(at) = tree.error {
        return Err(EditError::NotYaml(at.line));
    }
    Ok(tree)
}

/// `key:` with nothing after it.
fn is_null(tree: &Tree, node: NodeId) -> bool {
    tree.kind(node) == Kind::Scalar
        && tree.style(node) == Style::Plain
        && tree.scalar(node).is_empty()
}

fn scalar_text(value: Scalar<'_>, ctx: Context, style: Option<char>) -> String {
    match value {
        Scalar::Text(s) => text(s, ctx, style),
        Scalar::Number(n) if number_ok(n) => n.to_string(),
        Scalar::Number(n) => text(n, ctx, Some('"')),
        Scalar::Bool(b) => b.to_string(),
    }
}

/// Replaces the scalar `node` with what `write` makes of the context and
/// the quote the old value used (`'`, `"`, `|` or none).
fn replace_scalar(
    tree: &Tree,
    node: NodeId,
    write: impl Fn(Context, Option<char>) -> String,
) -> Result<String, EditError> {
    if tree.kind(node) != Kind::Scalar {
        return Err(EditError::Shape(
            "this field is a list or a group, not a single value".into(),
        ));
    }
    let text = tree.text();
    let (from, to, style) = scalar_range(tree, node)?;
    let ctx = context_of(tree, node);
    let written = match style {
        Some('|') => block_text(tree, node, from, &write),
        _ => write(ctx, style),
    };
    Ok(splice(text, from, to, &written))
}

/// Whether `node` sits inside a flow collection.
fn context_of(tree: &Tree, node: NodeId) -> Context {
    let at = tree.start(node);
    let open = tree.open_at(at);
    if open.iter().any(|&n| tree.is_flow(n) && n != node) {
        Context::Flow
    } else {
        Context::Block
    }
}

/// The `}` or `]` that closes a flow collection, as a byte offset.
fn closing(tree: &Tree, n: NodeId, bracket: char) -> Result<usize, EditError> {
    let close = tree
        .close(n)
        .ok_or_else(|| EditError::Shape("an unclosed group".into()))?;
    let end = tree.offset(close);
    tree.text()[..end]
        .rfind(bracket)
        .ok_or_else(|| EditError::Shape("an unclosed group".into()))
}

/// Where the text of `node` ends, as a byte offset (for `outline`).
pub(super) fn end_of_node(tree: &Tree, node: NodeId) -> Result<usize, EditError> {
    end_of(tree, node)
}

/// Where the text of `node` ends, as a byte offset.
fn end_of(tree: &Tree, node: NodeId) -> Result<usize, EditError> {
    match tree.kind(node) {
        Kind::Scalar => Ok(scalar_range(tree, node)?.1),
        Kind::Alias => Ok(tree.scalar_end(node).map_or(0, |p| tree.offset(p))),
        Kind::Seq | Kind::Map if tree.is_flow(node) => {
            let close = tree
                .close(node)
                .ok_or_else(|| EditError::Shape("unclosed".into()))?;
            Ok(tree.offset(close))
        }
        Kind::Seq | Kind::Map => match tree.children(node).last() {
            Some(&last) => end_of(tree, last),
            None => Ok(tree.offset(tree.start(node))),
        },
    }
}

/// The start of the line after the one `at` is on (a line break is added
/// at the end of a text without one).
fn line_after(tree: &Tree, at: usize) -> usize {
    let text = tree.text();
    if at > 0 && text.as_bytes()[at - 1] == b'\n' {
        return at;
    }
    text[at..].find('\n').map_or(text.len(), |i| at + i + 1)
}

fn splice(text: &str, from: usize, to: usize, with: &str) -> String {
    let mut out = String::with_capacity(text.len() + with.len());
    out.push_str(&text[..from]);
    out.push_str(with);
    out.push_str(&text[to..]);
    out
}

/// After the `:` of the key or the `-` of the item at `at`: where the
/// value of `key:` with nothing after it is written.
fn after_indicator(tree: &Tree, at: Pos) -> Option<usize> {
    let text = tree.text();
    let from = tree.offset(at);
    let line_end = text[from..].find('\n').map_or(text.len(), |i| from + i);
    let line = &text[from..line_end];
    let i = if line.starts_with('-') {
        1
    } else {
        line.match_indices(':')
            .find(|(i, _)| {
                line[i + 1..].is_empty() || line[i + 1..].starts_with([' ', '\t', '\r'])
            })?
            .0
            + 1
    };
    Some(from + i)
}

#[cfg(test)]
mod tests;
