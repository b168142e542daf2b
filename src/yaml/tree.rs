//! Where things are in a YAML text: every key, value and list item with
//! the line and column it starts at, from the marks of saphyr-parser's
//! event parser. The tree only answers "where": the values the program
//! uses come from serde_yaml, so no document is read two ways.
//!
//! Bounded on hostile input: aliases are leaves (never followed), nesting
//! lives on an explicit stack (the parser itself refuses flow nesting past
//! 255 levels), only the first document is kept, and past [`MAX_NODES`]
//! the rest of the text is left out, so positions there fall back to the
//! nearest place found.
//!
//! Layer 1: part of `yaml`.

use std::collections::HashMap;

use saphyr_parser::{Marker, Parser};

use super::locate::Seg;

mod build;

use build::Builder;

/// The most nodes kept: a 4 MB file of one-letter list items has about
/// two million.
const MAX_NODES: usize = 2_000_000;

/// A node of the tree: an index into it.
pub(super) type NodeId = u32;

const NONE: NodeId = NodeId::MAX;

/// A line and column in the text, both 1-based; columns count characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Pos {
    pub line: usize,
    pub col: usize,
}

impl Pos {
    fn of(m: &Marker) -> Pos {
        Pos {
            line: m.line(),
            col: m.col() + 1,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Scalar,
    Seq,
    Map,
    Alias,
}

/// How a scalar is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Style {
    Plain,
    Quoted,
    /// `|` or `>`, its text on the lines below.
    Block,
}

struct Node {
    kind: Kind,
    style: Style,
    /// Where the node starts (its anchor or tag included).
    start: Pos,
    /// The end of its first event: after the `{` or `[` of a flow
    /// collection, at the first `-` of a block list.
    head: Pos,
    /// The end of a collection, once closed.
    close: Option<Pos>,
    /// A scalar's text in `Tree::texts`.
    text: (u32, u32),
    parent: NodeId,
    /// Its place among its parent's children.
    slot: u32,
    /// The node's children in `Tree::kids`: a map's keys and values
    /// alternate.
    kids: (u32, u32),
}

/// The positions of a YAML text. See the module header.
pub(super) struct Tree {
    text: String,
    /// Byte offset of each line's start.
    lines: Vec<usize>,
    nodes: Vec<Node>,
    kids: Vec<NodeId>,
    texts: String,
    /// The first key of each name in each map.
    keys: HashMap<(NodeId, Box<str>), NodeId>,
    /// Where the parser found the text is not valid YAML.
    pub error: Option<Pos>,
    /// Where a second document starts, if any.
    pub second_document: Option<Pos>,
    /// How deeply collections nest (aliases not followed).
    pub depth: usize,
}

/// How far a path was found: the place of its last step found (a key, a
/// list item's `-`, a flow item) and the value there.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Walked {
    pub at: Option<Pos>,
    pub node: Option<NodeId>,
    pub complete: bool,
}

impl Tree {
    /// Reads the positions of `text`, up to its first syntax error.
    pub(super) fn parse(text: &str) -> Tree {
        let mut b = Builder::new(Tree {
            text: text.to_string(),
            lines: std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect(),
            nodes: Vec::new(),
            kids: Vec::new(),
            texts: String::new(),
            keys: HashMap::new(),
            error: None,
            second_document: None,
            depth: 0,
        });
        let mut parser = Parser::new_from_str(text);
        while let Some(next) = parser.next_event() {
            match next {
                Ok((event, span)) => {
                    if !b.event(event, span) {
                        break;
                    }
                }
                Err(e) => {
                    b.tree.error = Some(Pos::of(e.marker()));
                    break;
                }
            }
        }
        b.finish()
    }

    /// The text the tree was read from.
    pub(super) fn text(&self) -> &str {
        &self.text
    }

    pub(super) fn root(&self) -> Option<NodeId> {
        (!self.nodes.is_empty()).then_some(0)
    }

    pub(super) fn kind(&self, n: NodeId) -> Kind {
        self.nodes[n as usize].kind
    }

    pub(super) fn style(&self, n: NodeId) -> Style {
        self.nodes[n as usize].style
    }

    pub(super) fn start(&self, n: NodeId) -> Pos {
        self.nodes[n as usize].start
    }

    /// Where a scalar ends as written (after its closing quote), else None.
    pub(super) fn scalar_end(&self, n: NodeId) -> Option<Pos> {
        let node = &self.nodes[n as usize];
        (node.kind == Kind::Scalar).then_some(node.head)
    }

    /// A scalar's text (empty for other nodes).
    pub(super) fn scalar(&self, n: NodeId) -> &str {
        let (at, len) = self.nodes[n as usize].text;
        &self.texts[at as usize..(at + len) as usize]
    }

    /// The byte offset of `at` in the text (the end of its line when the
    /// line is shorter).
    pub(super) fn offset(&self, at: Pos) -> usize {
        let Some(&start) = self.lines.get(at.line.saturating_sub(1)) else {
            return self.text.len();
        };
        let line = self.line(at.line).unwrap_or("");
        start
            + line
                .char_indices()
                .nth(at.col.saturating_sub(1))
                .map_or(line.len(), |(i, _)| i)
    }

    /// Where a collection ends (its closing event), once closed.
    pub(super) fn close(&self, n: NodeId) -> Option<Pos> {
        self.nodes[n as usize].close
    }

    /// The node's children; a map's keys and values alternate.
    pub(super) fn children(&self, n: NodeId) -> &[NodeId] {
        self.kids(n)
    }

    fn kids(&self, n: NodeId) -> &[NodeId] {
        let (at, len) = self.nodes[n as usize].kids;
        &self.kids[at as usize..(at + len) as usize]
    }

    /// The first key `name` of the map `map`.
    pub(super) fn key(&self, map: NodeId, name: &str) -> Option<NodeId> {
        self.keys.get(&(map, name.into())).copied()
    }

    /// The keys of `map` written as `name`, in order.
    pub(super) fn keys_named<'a>(
        &'a self,
        map: NodeId,
        name: &'a str,
    ) -> impl Iterator<Item = NodeId> + 'a {
        let keys = if self.kind(map) == Kind::Map {
            self.kids(map)
        } else {
            &[]
        };
        keys.iter()
            .step_by(2)
            .copied()
            .filter(move |&k| self.kind(k) == Kind::Scalar && self.scalar(k) == name)
    }

    /// The key of the `n`-th entry of the map `map`.
    pub(super) fn entry(&self, map: NodeId, n: usize) -> Option<NodeId> {
        if self.kind(map) != Kind::Map {
            return None;
        }
        self.kids(map).get(n * 2).copied()
    }

    /// The value of the key `key`.
    pub(super) fn value_of(&self, key: NodeId) -> Option<NodeId> {
        let node = &self.nodes[key as usize];
        if node.parent == NONE {
            return None;
        }
        self.kids(node.parent).get(node.slot as usize + 1).copied()
    }

    /// Whether `n` is written in flow style: `{...}` or `[...]`.
    pub(super) fn is_flow(&self, n: NodeId) -> bool {
        self.opener(n).is_some()
    }

    /// The `{` or `[` that opens a flow collection.
    pub(super) fn opener(&self, n: NodeId) -> Option<Pos> {
        let node = &self.nodes[n as usize];
        if !matches!(node.kind, Kind::Seq | Kind::Map) || node.head <= node.start {
            return None;
        }
        let at = Pos {
            line: node.head.line,
            col: node.head.col - 1,
        };
        matches!(self.char_at(at), Some('{' | '[')).then_some(at)
    }

    /// The character at `at`, if the line has one there.
    pub(super) fn char_at(&self, at: Pos) -> Option<char> {
        self.line(at.line)?
            .chars()
            .nth(at.col.checked_sub(1)?)
            .filter(|c| *c != '\n' && *c != '\r')
    }

    /// The text of line `line` (1-based), with its line break.
    pub(super) fn line(&self, line: usize) -> Option<&str> {
        let start = *self.lines.get(line.checked_sub(1)?)?;
        let end = self.lines.get(line).copied().unwrap_or(self.text.len());
        Some(&self.text[start..end])
    }

    /// Follows `path` from the top of the document as far as it goes.
    pub(super) fn walk(&self, path: &[Seg<'_>]) -> Walked {
        let Some(mut node) = self.root() else {
            return Walked::default();
        };
        let mut walked = Walked {
            at: None,
            node: Some(node),
            complete: false,
        };
        for seg in path {
            let step = match (*seg, self.kind(node)) {
                (Seg::Key(k), Kind::Map) => self
                    .key(node, k)
                    .map(|key| (self.start(key), self.value_of(key))),
                (Seg::Index(i), Kind::Seq) => self
                    .kids(node)
                    .get(i)
                    .map(|&item| (self.item_at(node, item), Some(item))),
                _ => None,
            };
            let Some((at, next)) = step else {
                return walked;
            };
            walked.at = Some(at);
            walked.node = next;
            // A key without a value: the text stops being YAML there.
            let Some(next) = next else {
                return walked;
            };
            node = next;
        }
        walked.complete = true;
        walked
    }

    /// Where the list item `item` of `seq` is shown: its `-` in a block
    /// list, else the item itself.
    fn item_at(&self, seq: NodeId, item: NodeId) -> Pos {
        let start = self.start(item);
        if self.is_flow(seq) {
            return start;
        }
        // Every `-` of a block list is in the column of the first one.
        let first = self.nodes[seq as usize].head;
        (first.line..=start.line)
            .rev()
            .map(|line| Pos {
                line,
                col: first.col,
            })
            .find(|&at| at <= start && self.char_at(at) == Some('-'))
            .unwrap_or(start)
    }

    /// The collections that `at` is inside of (still open there, or never
    /// closed), the outermost first.
    pub(super) fn open_at(&self, at: Pos) -> Vec<NodeId> {
        (0..self.nodes.len() as NodeId)
            .filter(|&n| {
                let node = &self.nodes[n as usize];
                matches!(node.kind, Kind::Seq | Kind::Map)
                    && node.start <= at
                    && node.close.is_none_or(|close| at < close)
            })
            .collect()
    }

    /// The column where the items of a block collection start: its first
    /// key, or its first `-`.
    pub(super) fn block_column(&self, n: NodeId) -> usize {
        self.nodes[n as usize].head.col
    }
}

#[cfg(test)]
mod tests;
