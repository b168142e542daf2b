//! The layers of README "Development" hold: a module of src/ refers only to
//! modules of lower layers (`crate::…` in the library, `bitimger::…` in
//! main.rs). The README table is the source, so the table and the code
//! cannot drift apart; a module header's `Layer N` must agree with it.
//! A few modules never use some lower ones either ([`NEVER`]): `rules`
//! never uses `yaml`.

use std::collections::BTreeMap;

use crate::harness::repo;

/// Modules that never use a lower one either, and why (README
/// "Development" says so too).
const NEVER: &[(&str, &str, &str)] = &[(
    "rules",
    "yaml",
    "the rules work from the model, which keeps the texts the loader read and the places findings point at; they never read or parse a content file again",
)];

/// Module name → layer, from the table in README.md.
fn layers() -> BTreeMap<String, u32> {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    readme
        .lines()
        .filter_map(|line| {
            let path = line.strip_prefix("src/")?;
            let (_, layer) = line.rsplit_once("layer ")?;
            let name = path.split(['/', '.', ' ']).next()?;
            Some((name.to_string(), layer.trim().parse().ok()?))
        })
        .collect()
}

/// The modules of the crate that `text` refers to through `prefix`.
fn referred<'a>(text: &'a str, prefix: &str) -> Vec<&'a str> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(prefix) {
        let before = rest[..at].chars().next_back();
        let after = &rest[at + prefix.len()..];
        let name_end = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        if !before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_') && name_end > 0 {
            found.push(&after[..name_end]);
        }
        rest = &after[name_end..];
    }
    found
}

/// Every use of `crate::{a, b}` groups too: the names right after `{`.
fn grouped<'a>(text: &'a str, prefix: &str) -> Vec<&'a str> {
    let open = format!("{prefix}{{");
    let mut found = Vec::new();
    for (at, _) in text.match_indices(&open) {
        let inner = &text[at + open.len()..];
        let mut depth = 0;
        let mut start = 0;
        for (i, c) in inner.char_indices() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => {
                    found.push(inner[start..i].trim());
                    break;
                }
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    found.push(inner[start..i].trim());
                    start = i + 1;
                }
                _ => {}
            }
        }
    }
    found
        .into_iter()
        .filter_map(|item| item.split([':', ' ', '\n']).next())
        .filter(|name| !name.is_empty())
        .collect()
}

/// The layer a module's `//! Layer N` header line names, if any.
fn header_layer(text: &str) -> Option<u32> {
    text.lines()
        .take_while(|l| l.starts_with("//!") || l.starts_with("#!") || l.trim().is_empty())
        .find_map(|l| l.strip_prefix("//! Layer "))
        .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|n| n.parse().ok())
}

#[test]
fn no_module_imports_from_a_layer_above_its_own() {
    let layers = layers();
    assert!(
        layers.len() >= 10,
        "the README table was not found: {layers:?}"
    );
    let src = repo().join("src");
    let mut problems = Vec::new();
    for entry in walkdir::WalkDir::new(&src) {
        let entry = entry.unwrap();
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let rel = path
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .to_string();
        let module = rel.split(['/', '.']).next().unwrap().to_string();
        if module == "lib" {
            continue;
        }
        let Some(&own) = layers.get(&module) else {
            problems.push(format!(
                "src/{rel}: module `{module}` is not in README's layer table"
            ));
            continue;
        };
        let text = std::fs::read_to_string(path).unwrap();
        if let Some(said) = header_layer(&text)
            && said != own
        {
            problems.push(format!(
                "src/{rel}: its header says layer {said}, the table {own}"
            ));
        }
        // The binary (main.rs and its modules in cli/) uses the library
        // by its name.
        let prefix = if module == "main" || module == "cli" {
            "bitimger::"
        } else {
            "crate::"
        };
        let mut names = referred(&text, prefix);
        names.extend(grouped(&text, prefix));
        for name in names {
            if name == module || name == "self" {
                continue;
            }
            if let Some((_, _, why)) = NEVER.iter().find(|(m, n, _)| *m == module && *n == name) {
                problems.push(format!("src/{rel} uses `{name}`: {why}"));
                continue;
            }
            match layers.get(name) {
                Some(&layer) if layer < own => {}
                Some(&layer) => problems.push(format!(
                    "src/{rel} (layer {own}) uses `{name}` (layer {layer})"
                )),
                None => problems.push(format!("src/{rel}: `{prefix}{name}` is not in the table")),
            }
        }
    }
    problems.sort();
    problems.dedup();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_reference_finder_sees_paths_and_groups() {
    let text = "use crate::content::Site;\nuse crate::{diag::X, render::{A, B}};\nlet x = crate::fs::read();\n// notcrate::y";
    assert_eq!(referred(text, "crate::"), vec!["content", "fs"]);
    assert_eq!(grouped(text, "crate::"), vec!["diag", "render"]);
}
