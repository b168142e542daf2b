//! Positions of keys, items and flow collections, parse errors, aliases
//! and deep nesting read without recursion.

use super::*;

fn at(tree: &Tree, path: &[Seg<'_>]) -> (usize, usize) {
    let p = tree.walk(path).at.unwrap();
    (p.line, p.col)
}

#[test]
fn finds_keys_items_and_flow_items() {
    let tree =
        Tree::parse("name: x\nleaders:\n  - name: a\n  -\n    name: c\nlangs: [kk, \"ru\", kz]\n");
    assert_eq!(at(&tree, &[Seg::Key("leaders")]), (2, 1));
    assert_eq!(at(&tree, &[Seg::Key("leaders"), Seg::Index(1)]), (4, 3));
    assert_eq!(
        at(
            &tree,
            &[Seg::Key("leaders"), Seg::Index(1), Seg::Key("name")]
        ),
        (5, 5)
    );
    assert_eq!(at(&tree, &[Seg::Key("langs"), Seg::Index(2)]), (6, 19));
    let partial = tree.walk(&[Seg::Key("leaders"), Seg::Index(5)]);
    assert!(!partial.complete);
    assert_eq!(partial.at.map(|p| p.line), Some(2));
}

#[test]
fn knows_flow_collections_and_where_they_open() {
    let tree = Tree::parse("a: &x {b: 1}\nc: [1]\nd:\n  - 1\n");
    let a = tree.walk(&[Seg::Key("a")]).node.unwrap();
    assert_eq!(tree.opener(a), Some(Pos { line: 1, col: 7 }));
    let d = tree.walk(&[Seg::Key("d")]).node.unwrap();
    assert!(!tree.is_flow(d));
}

#[test]
fn an_unclosed_brace_stays_open_at_the_error() {
    let tree = Tree::parse("name: {kk: x, ru: y\nleaders: []\n");
    let error = tree.error.unwrap();
    let open = *tree.open_at(error).last().unwrap();
    assert_eq!(tree.opener(open), Some(Pos { line: 1, col: 7 }));
}

#[test]
fn aliases_are_leaves_and_documents_are_counted() {
    let tree = Tree::parse("a: &x [1, 2]\nb: *x\n---\nc: 1\n");
    let b = tree.walk(&[Seg::Key("b")]).node.unwrap();
    assert_eq!(tree.kind(b), Kind::Alias);
    assert!(!tree.walk(&[Seg::Key("b"), Seg::Index(0)]).complete);
    assert_eq!(tree.second_document.map(|p| p.line), Some(3));
}

#[test]
fn deep_nesting_is_read_without_recursion() {
    let text: String = (0..5_000)
        .map(|i| format!("{}-\n", "  ".repeat(i)))
        .collect();
    let tree = Tree::parse(&text);
    assert!(tree.depth > 1_000, "{}", tree.depth);
    let flow = format!("a: {}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(Tree::parse(&flow).error.is_some());
}
