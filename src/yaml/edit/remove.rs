//! Removing one item of a list: the lines of that item go (its own
//! comments with it), every other line stays as written. A list written
//! on one line (`[a, b]`) loses the item and its comma. A list left with
//! no item is written `[]`, so the key keeps meaning "a list".
//!
//! Layer 1: part of `yaml` (`edit`).

use super::super::locate::Seg;
use super::super::tree::{Kind, NodeId, Pos, Tree};
use super::{EditError, after_indicator, closing, end_of, parsed, splice};

/// Removes item `index` of the list at `path`.
pub fn remove_item(text: &str, path: &[Seg<'_>], index: usize) -> Result<String, EditError> {
    let tree = parsed(text)?;
    let walked = tree.walk(path);
    let list = walked
        .node
        .filter(|&n| walked.complete && tree.kind(n) == Kind::Seq)
        .ok_or_else(|| EditError::Shape("this field is not a list".into()))?;
    let items = tree.children(list);
    let item = *items
        .get(index)
        .ok_or_else(|| EditError::Shape("this item is no longer in the list".into()))?;
    if tree.is_flow(list) {
        return remove_flow(&tree, list, items, index);
    }
    let from = first_line_of(&tree, list, item)?;
    let end = end_of(&tree, item)?;
    let to = text[end..].find('\n').map_or(text.len(), |i| end + i + 1);
    if items.len() > 1 {
        return Ok(splice(text, from, to, ""));
    }
    // The last item: the list becomes `[]` after its key.
    let colon = walked
        .at
        .and_then(|at| after_indicator(&tree, at))
        .filter(|&c| c <= from)
        .ok_or_else(|| EditError::Shape("a list not where expected".into()))?;
    let out = splice(text, from, to, "");
    Ok(splice(&out, colon, colon, " []"))
}

/// The start of the line of the item's `-`.
fn first_line_of(tree: &Tree, list: NodeId, item: NodeId) -> Result<usize, EditError> {
    let dash = tree.block_column(list);
    let line = (1..=tree.start(item).line)
        .rev()
        .find(|&l| {
            tree.line(l).is_some_and(|s| {
                s.chars().nth(dash - 1) == Some('-') && s.chars().take(dash - 1).all(|c| c == ' ')
            })
        })
        .ok_or_else(|| EditError::Shape("a list item not where expected".into()))?;
    Ok(tree.offset(Pos { line, col: 1 }))
}

/// `[a, b, c]` without its item `index` and one comma.
fn remove_flow(
    tree: &Tree,
    list: NodeId,
    items: &[NodeId],
    index: usize,
) -> Result<String, EditError> {
    let text = tree.text();
    let start = |n: NodeId| tree.offset(tree.start(n));
    let (from, to) = match (index.checked_sub(1), items.get(index + 1)) {
        // Not the first: from the end of the one before to its own end.
        (Some(before), _) => (end_of(tree, items[before])?, end_of(tree, items[index])?),
        // The first of several: up to the next one.
        (None, Some(&next)) => (start(items[index]), start(next)),
        // The only one: everything between the brackets.
        (None, None) => {
            let open = text[..start(items[index])]
                .rfind('[')
                .ok_or_else(|| EditError::Shape("a list not where expected".into()))?;
            (open + 1, closing(tree, list, ']')?)
        }
    };
    Ok(splice(text, from, to, ""))
}
