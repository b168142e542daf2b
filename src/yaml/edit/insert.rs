//! Adding what is missing: a key under its parent group (with the groups
//! above it that are missing too), in the file's indentation, and items at
//! the end of lists.

use super::render::{Context, text};
use super::{Added, EditError, Item, closing, end_of, line_after, scalar_text, splice};
use crate::yaml::locate::Seg;
use crate::yaml::tree::{Kind, Tree};

/// Adds the missing keys at the end of `path` under the deepest group
/// that exists.
pub(super) fn insert_missing(
    tree: &Tree,
    path: &[Seg<'_>],
    added: &Added<'_>,
) -> Result<String, EditError> {
    let text = tree.text();
    let (parent, have) = (0..path.len())
        .rev()
        .find_map(|i| {
            let w = tree.walk(&path[..i]);
            (w.complete && w.node.is_some()).then_some((w.node, i))
        })
        .unwrap_or((None, 0));
    let keys: Vec<&str> = path[have..]
        .iter()
        .map(|s| match s {
            Seg::Key(k) => Ok(*k),
            Seg::Index(_) => Err(EditError::Shape("a list item that does not exist".into())),
        })
        .collect::<Result<_, _>>()?;
    let step = indent_step(tree);
    let parent = parent
        .filter(|&p| !(tree.kind(p) == Kind::Scalar && tree.scalar(p).is_empty() && have == 0));
    match parent.map(|p| (p, tree.kind(p))) {
        None => {
            let at = text.len();
            let lead = if text.is_empty() || text.ends_with('\n') {
                ""
            } else {
                "\n"
            };
            Ok(splice(
                text,
                at,
                at,
                &(lead.to_string() + &nested_block(&keys, 0, step, added)),
            ))
        }
        Some((map, Kind::Map)) if tree.is_flow(map) => {
            let close = closing(tree, map, '}')?;
            let sep = if tree.children(map).is_empty() {
                ""
            } else {
                ", "
            };
            Ok(splice(
                text,
                close,
                close,
                &(sep.to_string() + &nested_flow(&keys, added)),
            ))
        }
        Some((map, Kind::Map)) => {
            let col = tree.block_column(map) - 1;
            let last = *tree
                .children(map)
                .last()
                .ok_or_else(|| EditError::Shape("empty".into()))?;
            let at = line_after(tree, end_of(tree, last)?);
            Ok(splice(text, at, at, &nested_block(&keys, col, step, added)))
        }
        Some(_) => Err(EditError::Shape(
            "this field is a single value or a list, not a group".into(),
        )),
    }
}

/// The file's indentation step: how far the first nested block group is
/// indented from its parent, else 2.
fn indent_step(tree: &Tree) -> usize {
    let Some(root) = tree.root() else { return 2 };
    if tree.kind(root) != Kind::Map || tree.is_flow(root) {
        return 2;
    }
    let base = tree.block_column(root);
    tree.children(root)
        .iter()
        .skip(1)
        .step_by(2)
        .find(|&&v| matches!(tree.kind(v), Kind::Map | Kind::Seq) && !tree.is_flow(v))
        .map(|&v| tree.block_column(v).saturating_sub(base))
        .filter(|&s| (1..=8).contains(&s))
        .unwrap_or(2)
}

/// `a:\n  b: value\n` at column `col`.
fn nested_block(keys: &[&str], col: usize, step: usize, added: &Added<'_>) -> String {
    let mut out = String::new();
    for (depth, key) in keys.iter().enumerate() {
        let pad = " ".repeat(col + depth * step);
        out.push_str(&pad);
        out.push_str(&text(key, Context::Block, None));
        out.push(':');
        if depth + 1 < keys.len() {
            out.push('\n');
            continue;
        }
        match added {
            Added::Scalar(v) => {
                out.push(' ');
                out.push_str(&scalar_text(*v, Context::Block, None));
                out.push('\n');
            }
            Added::Flow(f) => {
                out.push(' ');
                out.push_str(f);
                out.push('\n');
            }
            Added::List(item) => {
                out.push('\n');
                out.push_str(&item_block(item, col + depth * step + step));
            }
        }
    }
    out
}

/// `a: {b: value}` inside a flow group.
fn nested_flow(keys: &[&str], added: &Added<'_>) -> String {
    let inner = match added {
        Added::Scalar(v) => scalar_text(*v, Context::Flow, None),
        Added::Flow(f) => f.clone(),
        Added::List(item) => format!("[{}]", item_flow(item)),
    };
    keys.iter().rev().enumerate().fold(inner, |acc, (i, key)| {
        let pair = format!("{}: {acc}", text(key, Context::Flow, None));
        if i + 1 < keys.len() {
            format!("{{{pair}}}")
        } else {
            pair
        }
    })
}

pub(super) fn item_flow(item: &Item<'_>) -> String {
    match item {
        Item::Scalar(v) => scalar_text(*v, Context::Flow, None),
        Item::Map(fields) => {
            let inner: Vec<String> = fields
                .iter()
                .map(|(k, v)| {
                    format!(
                        "{}: {}",
                        text(k, Context::Flow, None),
                        scalar_text(*v, Context::Flow, None)
                    )
                })
                .collect();
            format!("{{{}}}", inner.join(", "))
        }
    }
}

/// `- value` or `- a: 1\n  b: 2` with its dash at column `col`.
pub(super) fn item_block(item: &Item<'_>, col: usize) -> String {
    let pad = " ".repeat(col);
    match item {
        Item::Scalar(v) => format!("{pad}- {}\n", scalar_text(*v, Context::Block, None)),
        Item::Map(fields) if fields.is_empty() => format!("{pad}- {{}}\n"),
        Item::Map(fields) => fields
            .iter()
            .enumerate()
            .map(|(i, (k, v))| {
                let lead = if i == 0 { "- " } else { "  " };
                format!(
                    "{pad}{lead}{}: {}\n",
                    text(k, Context::Block, None),
                    scalar_text(*v, Context::Block, None)
                )
            })
            .collect(),
    }
}
