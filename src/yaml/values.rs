//! The values of a YAML document as the program reads them, for rules
//! that look at what is published rather than at the lines written:
//! `"\u0036"` is a 6, a folded block joins its lines.
//!
//! Part of layer 1 (`yaml`).

use serde_yaml::Value;

use super::{Seg, Source, locate_value};
use crate::diag::Location;

/// The texts and numbers of the document that `wanted` accepts, each with
/// the location of its value (the line of its key; the first line of a
/// block). Empty when the document cannot be read: the loader reports why.
pub fn find_values(source: Source<'_>, wanted: &dyn Fn(&str) -> bool) -> Vec<(Location, String)> {
    // Bounded like every parse here: serde_yaml limits nesting and alias
    // expansion.
    let Ok(value) = serde_yaml::from_str::<Value>(source.text) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    let mut path = Vec::new();
    walk(&value, &mut path, &mut |path, text| {
        if wanted(text) {
            found.push((locate_value(source, path), text.to_string()));
        }
    });
    found
}

fn walk<'v>(value: &'v Value, path: &mut Vec<Seg<'v>>, visit: &mut dyn FnMut(&[Seg<'_>], &str)) {
    match value {
        Value::String(s) => visit(path, s),
        Value::Number(n) => visit(path, &n.to_string()),
        Value::Sequence(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(Seg::Index(i));
                walk(item, path, visit);
                path.pop();
            }
        }
        Value::Mapping(map) => {
            for (key, item) in map {
                match key {
                    Value::String(k) => {
                        path.push(Seg::Key(k));
                        walk(item, path, visit);
                        path.pop();
                    }
                    other => {
                        walk(other, path, visit);
                        walk(item, path, visit);
                    }
                }
            }
        }
        Value::Tagged(t) => walk(&t.value, path, visit),
        Value::Bool(_) | Value::Null => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_escapes_and_folded_lines_and_locates_them() {
        let text = "a: x\nb:\n  - \"\\u0039\\x30 1\"\n  - >\n    0115\n    30\nc: 7\n";
        let source = Source {
            text,
            file: std::path::Path::new("f.yaml"),
            line_offset: 2,
            family: "club",
        };
        let found = find_values(source, &|s: &str| s.chars().any(|c| c.is_ascii_digit()));
        let got: Vec<(Option<usize>, &str)> =
            found.iter().map(|(l, s)| (l.line, s.as_str())).collect();
        assert_eq!(
            got,
            [(Some(5), "90 1"), (Some(6), "0115 30\n"), (Some(9), "7")]
        );
        let bad = Source {
            text: "a: [",
            ..source
        };
        assert!(find_values(bad, &|_: &str| true).is_empty());
    }
}
