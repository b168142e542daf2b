//! A document's values as a plain tree, in the order they are written,
//! for the editor's forms (the editor never sees the YAML libraries), and
//! the copy of a list's last item, for "add another".
//!
//! Layer 1: part of `yaml`.

use super::edit::EditError;
use super::locate::Seg;
use super::tree::{Kind, Tree};

/// A value of a document.
#[derive(Debug, Clone, PartialEq)]
pub enum Outline {
    /// A text (dates and codes included).
    Text(String),
    /// A number, as written.
    Number(String),
    /// `true` or `false`.
    Bool(bool),
    /// Nothing written (`key:` alone).
    Empty,
    /// A list.
    List(Vec<Outline>),
    /// A group of named values, in the order written.
    Group(Vec<(String, Outline)>),
}

/// The values of `text`; an empty document is an empty group.
pub fn outline(text: &str) -> Result<Outline, String> {
    let value: serde_yaml::Value = serde_yaml::from_str(text).map_err(|e| e.to_string())?;
    Ok(match value {
        serde_yaml::Value::Null => Outline::Group(Vec::new()),
        v => from_value(v),
    })
}

fn from_value(v: serde_yaml::Value) -> Outline {
    use serde_yaml::Value;
    match v {
        Value::Null => Outline::Empty,
        Value::Bool(b) => Outline::Bool(b),
        Value::Number(n) => Outline::Number(n.to_string()),
        Value::String(s) => Outline::Text(s),
        Value::Sequence(items) => Outline::List(items.into_iter().map(from_value).collect()),
        Value::Mapping(m) => Outline::Group(
            m.into_iter()
                .map(|(k, v)| {
                    let key = match k {
                        Value::String(s) => s,
                        other => serde_yaml::to_string(&other)
                            .unwrap_or_default()
                            .trim()
                            .to_string(),
                    };
                    (key, from_value(v))
                })
                .collect(),
        ),
        Value::Tagged(t) => from_value(t.value),
    }
}

/// The line (1-based, in `text`) of the value at `path`: its key, or its
/// `-` in a list; None when the path is not there.
pub fn line_of(text: &str, path: &[Seg<'_>]) -> Option<usize> {
    let walked = Tree::parse(text).walk(path);
    walked.complete.then_some(walked.at?.line)
}

/// Adds a copy of the last item of the block list at `path`, written as
/// it is, after it ("add another": the teacher then changes the copy).
pub fn duplicate_last(text: &str, path: &[Seg<'_>]) -> Result<String, EditError> {
    let tree = Tree::parse(text);
    let walked = tree.walk(path);
    let list = walked
        .node
        .filter(|&n| walked.complete && tree.kind(n) == Kind::Seq && !tree.is_flow(n))
        .ok_or_else(|| EditError::Shape("not a list written one item per line".into()))?;
    let last = *tree
        .children(list)
        .last()
        .ok_or_else(|| EditError::Shape("an empty list".into()))?;
    let dash = tree.block_column(list);
    let first_line = (1..=tree.start(last).line)
        .rev()
        .find(|&l| {
            tree.line(l).is_some_and(|s| {
                s.chars().nth(dash - 1) == Some('-') && s.chars().take(dash - 1).all(|c| c == ' ')
            })
        })
        .ok_or_else(|| EditError::Shape("a list item not where expected".into()))?;
    let from = tree.offset(super::tree::Pos {
        line: first_line,
        col: 1,
    });
    let end = super::edit::end_of_node(&tree, last)?;
    let to = text[end..].find('\n').map_or(text.len(), |i| end + i + 1);
    let mut copy = text[from..to].to_string();
    if !copy.ends_with('\n') {
        copy.insert(0, '\n');
    }
    let mut out = text[..to].to_string();
    out.push_str(&copy);
    out.push_str(&text[to..]);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_in_the_order_written() {
        let o = outline("b: 1\na: [x, {kk: y}]\nc:\nd: true\n").unwrap();
        let Outline::Group(g) = o else { panic!() };
        let keys: Vec<&str> = g.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["b", "a", "c", "d"]);
        assert_eq!(g[0].1, Outline::Number("1".into()));
        assert_eq!(g[2].1, Outline::Empty);
    }

    #[test]
    fn the_last_item_is_copied_as_written() {
        let text = "leaders:\n  - name: A # first\n    role: {kk: a}\n  - name: B\n    role: {kk: b}\n# end\n";
        let out = duplicate_last(text, &[Seg::Key("leaders")]).unwrap();
        assert_eq!(
            out,
            "leaders:\n  - name: A # first\n    role: {kk: a}\n  - name: B\n    role: {kk: b}\n  - name: B\n    role: {kk: b}\n# end\n"
        );
        assert_eq!(
            line_of(
                text,
                &[Seg::Key("leaders"), Seg::Index(1), Seg::Key("role")]
            ),
            Some(5)
        );
    }
}
