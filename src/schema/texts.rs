//! The texts of a schema: for the schema itself and for each property, a
//! `title` (the field's name in the teacher's words) and a `description`
//! (what to write there), from `i18n/tool/fields.{kk,ru,en}.ftl`.
//!
//! A property's message id is `field-<file>-<path>`, the path being the
//! names of the properties from the top, lists and maps left out:
//! `field-club-leaders-email`. The quarters of a report take the texts of
//! the year's figures (`field-report-indicators-cases`); the schema itself
//! is `field-<file>`.
//!
//! Part of layer 4 (`schema`).

use serde_json::{Map, Value};

use super::SchemaFile;
use crate::messages::{Lang, Messages};

/// Adds the titles and descriptions in `lang` to `schema`, made for `file`.
pub(super) fn describe(schema: &mut Value, file: SchemaFile, lang: &str) {
    let messages = Messages::new(Lang::parse(lang).unwrap_or(Lang::En));
    let say = |id: &str, object: &mut Map<String, Value>| {
        let title = messages
            .own(id, None)
            .or_else(|| messages.english(id, None));
        let description = messages
            .own(id, Some("description"))
            .or_else(|| messages.english(id, Some("description")));
        if let Some(title) = title {
            object.insert("title".into(), title.into());
        }
        if let Some(description) = description {
            object.insert("description".into(), description.into());
        }
    };
    if let Some(root) = schema.as_object_mut() {
        say(&format!("field-{}", file.key()), root);
    }
    walk(schema, &mut Vec::new(), &mut |path, property| {
        say(&id(file, path), property);
    });
}

/// The message id of the property at `path` of `file`'s schema.
pub(super) fn id(file: SchemaFile, path: &[String]) -> String {
    let mut parts: Vec<&str> = path.iter().map(String::as_str).collect();
    if file == SchemaFile::Report && parts.len() > 2 && parts[..2] == ["indicators", "quarters"] {
        parts.remove(1);
    }
    format!("field-{}-{}", file.key(), parts.join("-"))
}

/// What [`walk`] calls with each property: its path and its schema.
pub(super) type Visit<'a> = dyn FnMut(&[String], &mut Map<String, Value>) + 'a;

/// Calls `visit` with the path and the schema of every property of
/// `schema`, at any depth (not the languages of a localized text).
pub(super) fn walk(schema: &mut Value, path: &mut Vec<String>, visit: &mut Visit<'_>) {
    let Value::Object(object) = schema else {
        return;
    };
    // The languages of a localized text are no fields of their own.
    if super::shape::is_localized(object) {
        return;
    }
    if let Some(Value::Object(properties)) = object.get_mut("properties") {
        for (name, property) in properties.iter_mut() {
            path.push(name.clone());
            if let Value::Object(p) = property {
                visit(path, p);
            }
            walk(property, path, visit);
            path.pop();
        }
    }
    for key in ["items", "additionalProperties"] {
        if let Some(inner) = object.get_mut(key) {
            walk(inner, path, visit);
        }
    }
    for key in ["anyOf", "oneOf", "allOf"] {
        if let Some(Value::Array(branches)) = object.get_mut(key) {
            for branch in branches {
                walk(branch, path, visit);
            }
        }
    }
}
