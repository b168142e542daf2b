//! Building the [`Tree`] from saphyr-parser's events: nodes in document
//! order on an explicit stack of open collections, then each node's
//! children listed and each map's keys indexed.

use std::collections::HashMap;

use saphyr_parser::{Event, ScalarStyle, Span};

use super::{Kind, MAX_NODES, NONE, Node, NodeId, Pos, Style, Tree};

pub(super) struct Builder {
    pub(super) tree: Tree,
    /// The collections not closed yet.
    open: Vec<NodeId>,
    documents: usize,
}

impl Builder {
    pub(super) fn new(tree: Tree) -> Builder {
        Builder {
            tree,
            open: Vec::new(),
            documents: 0,
        }
    }

    /// Adds an event; false when the rest of the text is left out.
    pub(super) fn event(&mut self, event: Event<'_>, span: Span) -> bool {
        match event {
            Event::DocumentStart(_) => {
                self.documents += 1;
                if self.documents > 1 {
                    self.tree.second_document = Some(Pos::of(&span.start));
                    return false;
                }
                true
            }
            Event::StreamEnd => false,
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some(n) = self.open.pop() {
                    self.tree.nodes[n as usize].close = Some(Pos::of(&span.end));
                }
                true
            }
            Event::Scalar(text, style, _, _) => {
                let style = match style {
                    ScalarStyle::Plain => Style::Plain,
                    ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted => Style::Quoted,
                    ScalarStyle::Literal | ScalarStyle::Folded => Style::Block,
                };
                self.add(Kind::Scalar, style, &text, span)
            }
            Event::SequenceStart(..) => self.open(Kind::Seq, span),
            Event::MappingStart(..) => self.open(Kind::Map, span),
            Event::Alias(_) => self.add(Kind::Alias, Style::Plain, "", span),
            Event::Nothing | Event::StreamStart | Event::DocumentEnd => true,
        }
    }

    fn open(&mut self, kind: Kind, span: Span) -> bool {
        if !self.add(kind, Style::Plain, "", span) {
            return false;
        }
        self.open.push(self.tree.nodes.len() as NodeId - 1);
        self.tree.depth = self.tree.depth.max(self.open.len());
        true
    }

    fn add(&mut self, kind: Kind, style: Style, text: &str, span: Span) -> bool {
        let tree = &mut self.tree;
        if tree.nodes.len() >= MAX_NODES {
            return false;
        }
        let at = tree.texts.len() as u32;
        tree.texts.push_str(text);
        tree.nodes.push(Node {
            kind,
            style,
            start: Pos::of(&span.start),
            head: Pos::of(&span.end),
            close: None,
            text: (at, text.len() as u32),
            parent: self.open.last().copied().unwrap_or(NONE),
            slot: 0,
            kids: (0, 0),
        });
        true
    }

    /// Lists each node's children (nodes come in document order, so a
    /// node's children are in order too) and indexes the maps' keys.
    pub(super) fn finish(mut self) -> Tree {
        let tree = &mut self.tree;
        let mut counts = vec![0u32; tree.nodes.len()];
        for node in &tree.nodes {
            if node.parent != NONE {
                counts[node.parent as usize] += 1;
            }
        }
        let mut next = 0u32;
        for (node, count) in tree.nodes.iter_mut().zip(&counts) {
            node.kids = (next, 0);
            next += count;
        }
        tree.kids = vec![0; next as usize];
        for n in 0..tree.nodes.len() {
            let parent = tree.nodes[n].parent;
            if parent != NONE {
                let (at, len) = &mut tree.nodes[parent as usize].kids;
                let slot = *len;
                tree.kids[(*at + slot) as usize] = n as NodeId;
                *len += 1;
                tree.nodes[n].slot = slot;
            }
        }
        let mut keys = HashMap::new();
        for map in 0..tree.nodes.len() as NodeId {
            if tree.kind(map) != Kind::Map {
                continue;
            }
            for &key in tree.kids(map).iter().step_by(2) {
                if tree.kind(key) == Kind::Scalar {
                    let name: Box<str> = tree.scalar(key).into();
                    keys.entry((map, name)).or_insert(key);
                }
            }
        }
        tree.keys = keys;
        self.tree
    }
}
