//! What the schema of a file (`schema::schema`, the one the loader's
//! structs make) says about each field of the form: its title and
//! description in the teacher's language, its kind (a text per language,
//! a photo, a web address …), the order of the fields, and which fields a
//! file may have that it does not have yet.
//!
//! Layer 8: part of `editor`.

use serde_json::Value;

use crate::schema::{SchemaFile, schema};

/// A file's schema, to ask about its fields.
pub(crate) struct Describe {
    root: Value,
}

/// The schema of the file at `rel` (a path in the site), if it has one.
pub(crate) fn for_file(rel: &str, lang: &str) -> Option<Describe> {
    let file = SchemaFile::for_path(std::path::Path::new(rel))?;
    Some(Describe {
        root: schema(file, lang),
    })
}

/// The schemas a value may follow (`anyOf` members), itself first.
fn alternatives(node: &Value) -> Vec<&Value> {
    let mut out = vec![node];
    for key in ["anyOf", "oneOf", "allOf"] {
        if let Some(Value::Array(members)) = node.get(key) {
            out.extend(members);
        }
    }
    out
}

impl Describe {
    /// The schema of the value at `path` (`#3` for the fourth item).
    pub(crate) fn node<'s>(&'s self, path: &[String]) -> Option<&'s Value> {
        path.iter().try_fold(&self.root, |node, seg| {
            let next = |n: &'s Value| -> Option<&'s Value> {
                match seg.strip_prefix('#') {
                    Some(_) => n.get("items"),
                    None => n.get("properties").and_then(|p| p.get(seg)),
                }
            };
            alternatives(node).into_iter().find_map(next)
        })
    }

    fn text(&self, path: &[String], key: &str) -> Option<String> {
        let node = self.node(path)?;
        node.get(key).and_then(Value::as_str).map(str::to_string)
    }

    /// The field's title.
    pub(crate) fn title(&self, path: &[String]) -> Option<String> {
        self.text(path, "title")
    }

    /// What the field is for.
    pub(crate) fn description(&self, path: &[String]) -> Option<String> {
        self.text(path, "description")
    }

    /// Its `x-bitimger-kind` (an item's kind is its list's).
    pub(crate) fn kind(&self, path: &[String]) -> Option<String> {
        self.text(path, "x-bitimger-kind").or_else(|| {
            let (last, parent) = path.split_last()?;
            last.starts_with('#')
                .then(|| self.text(parent, "x-bitimger-kind"))
                .flatten()
        })
    }

    /// The JSON Schema types the value may have (`null` left out).
    fn types(&self, path: &[String]) -> Vec<&str> {
        let Some(node) = self.node(path) else {
            return Vec::new();
        };
        alternatives(node)
            .iter()
            .filter_map(|n| n.get("type"))
            .flat_map(|t| match t {
                Value::String(s) => vec![s.as_str()],
                Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
                _ => Vec::new(),
            })
            .filter(|t| *t != "null")
            .collect()
    }

    /// Whether the value is a number (and never a text).
    pub(crate) fn is_number(&self, path: &[String]) -> bool {
        let types = self.types(path);
        types.iter().any(|t| matches!(*t, "integer" | "number")) && !types.contains(&"string")
    }

    /// Whether the value is a yes or a no (`true`/`false`) and nothing else.
    pub(crate) fn is_bool(&self, path: &[String]) -> bool {
        let types = self.types(path);
        !types.is_empty() && types.iter().all(|t| *t == "boolean")
    }

    /// Whether the value is a group of named fields.
    pub(crate) fn is_group(&self, path: &[String]) -> bool {
        self.node(path).is_some_and(|n| {
            alternatives(n)
                .iter()
                .any(|a| a.get("properties").is_some())
        })
    }

    /// The fields of the group at `path`, in the form's order.
    pub(crate) fn fields(&self, path: &[String]) -> Vec<String> {
        let Some(node) = self.node(path) else {
            return Vec::new();
        };
        let Some(props) = alternatives(node)
            .into_iter()
            .find_map(|n| n.get("properties").and_then(Value::as_object))
        else {
            return Vec::new();
        };
        let mut keys: Vec<(&String, u64)> = props
            .iter()
            .map(|(k, v)| {
                (
                    k,
                    v.get("x-bitimger-order")
                        .and_then(Value::as_u64)
                        .unwrap_or(u64::MAX),
                )
            })
            .collect();
        keys.sort_by_key(|(k, o)| (*o, k.to_string()));
        keys.into_iter().map(|(k, _)| k.clone()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(path: &[&str]) -> Vec<String> {
        path.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn knows_the_fields_of_a_club() {
        let d = for_file("clubs/senim/club.yaml", "en").unwrap();
        assert_eq!(d.kind(&p(&["motto"])).as_deref(), Some("localized"));
        assert_eq!(
            d.kind(&p(&["feedback", "question"])).as_deref(),
            Some("url")
        );
        assert!(d.title(&p(&["leaders", "#0", "email"])).is_some());
        assert!(d.is_group(&p(&["school"])));
        assert_eq!(d.fields(&p(&[])).first().map(String::as_str), Some("name"));
        let r = for_file("clubs/senim/reports/2024-2025.kk.md", "kk").unwrap();
        assert!(r.is_number(&p(&["indicators", "cases"])));
        assert!(!r.is_number(&p(&["year"])));
        let plan = for_file("clubs/senim/plans/2025-2026.yaml", "en").unwrap();
        assert!(plan.is_bool(&p(&["items", "#0", "done"])));
        assert!(!plan.is_bool(&p(&["items", "#0", "when"])));
    }
}
