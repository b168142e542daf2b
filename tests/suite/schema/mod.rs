//! The JSON Schemas of the content files (`bitimger schema`, src/schema/):
//! every YAML file of the example site, the examples and the fixtures that
//! the loader accepts passes its schema; what the loader refuses (an
//! unknown field, a wrong kind of value) the schema refuses too
//! (`refusals.rs`); `bitimger schema DIR` writes all or nothing, and
//! `init` and `new club` write `.schemas/` and the line that names it
//! (`export.rs`).

mod export;
mod refusals;

use std::path::Path;

use bitimger::schema::{SchemaFile, schema};
use serde_json::Value;

use crate::harness::repo;

/// The schemas of every file, compiled once per test.
pub struct Validator {
    schemas: boon::Schemas,
    compiled: Vec<(SchemaFile, boon::SchemaIndex)>,
}

impl Validator {
    /// Every schema, its texts in `lang`; each is checked against the
    /// draft-07 meta-schema as it is compiled.
    pub fn new(lang: &str) -> Validator {
        let values = SchemaFile::ALL.map(|f| (f, schema(f, lang)));
        Self::from_values(&values)
    }

    /// The schemas given as JSON values.
    pub fn from_values(values: &[(SchemaFile, Value)]) -> Validator {
        let mut schemas = boon::Schemas::new();
        let mut compiler = boon::Compiler::new();
        compiler.set_default_draft(boon::Draft::V7);
        let mut compiled = Vec::new();
        for (file, value) in values {
            let url = format!("file:///schemas/{}", file.file_name());
            compiler.add_resource(&url, value.clone()).unwrap();
            let index = compiler
                .compile(&url, &mut schemas)
                .unwrap_or_else(|e| panic!("{file:?}: {e:#}"));
            compiled.push((*file, index));
        }
        Validator { schemas, compiled }
    }

    /// Validates `value` against `file`'s schema: the error, if any.
    pub fn validate(&self, file: SchemaFile, value: &Value) -> Result<(), String> {
        let (_, index) = self.compiled.iter().find(|(f, _)| *f == file).unwrap();
        self.schemas
            .validate(value, *index)
            .map_err(|e| format!("{e}"))
    }

    /// Validates the YAML text of a file (or a Markdown file's front
    /// matter) against `file`'s schema.
    pub fn validate_text(&self, file: SchemaFile, text: &str) -> Result<(), String> {
        let yaml = if file.is_front_matter() {
            front_matter(text)
        } else {
            text
        };
        let value: Value =
            serde_yaml::from_str(yaml).map_err(|e| format!("not YAML as JSON: {e}"))?;
        self.validate(file, &value)
    }
}

/// The YAML between a Markdown file's `---` lines (empty without them).
pub fn front_matter(text: &str) -> &str {
    let Some(rest) = text.strip_prefix("---\n") else {
        return "";
    };
    match rest.find("\n---") {
        Some(end) => &rest[..end + 1],
        None => "",
    }
}

/// The schema of the file at `rel` (its path in a site folder), if one
/// describes it.
pub fn schema_of(rel: &Path) -> Option<SchemaFile> {
    SchemaFile::for_path(rel)
}

/// Every site folder of the repository: the example, the examples and
/// the fixtures (a folder with a site.yaml).
fn sites() -> Vec<std::path::PathBuf> {
    let mut sites = vec![repo().join("content")];
    for parent in ["examples", "tests/fixtures"] {
        for entry in std::fs::read_dir(repo().join(parent)).unwrap() {
            let path = entry.unwrap().path();
            if path.join("site.yaml").is_file() {
                sites.push(path);
            }
        }
    }
    sites.sort();
    sites
}

/// The files of `site` that fail their schema, with why.
fn failing(validator: &Validator, site: &Path) -> Vec<(String, String)> {
    let mut failed = Vec::new();
    for entry in walkdir::WalkDir::new(site).sort_by_file_name() {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(site).unwrap();
        let Some(file) = schema_of(rel) else {
            continue;
        };
        let text = std::fs::read_to_string(entry.path()).unwrap();
        if let Err(e) = validator.validate_text(file, &text) {
            failed.push((rel.display().to_string(), e));
        }
    }
    failed
}

#[test]
fn every_file_the_loader_accepts_passes_its_schema() {
    let validator = Validator::new("en");
    let mut checked = 0;
    for site in sites() {
        let failed = failing(&validator, &site);
        checked += 1;
        if failed.is_empty() {
            continue;
        }
        // A file may fail only when the loader refuses it too.
        let out = crate::harness::bitimger()
            .args(["check", "--format", "json"])
            .arg(&site)
            .output()
            .unwrap();
        let found: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
        let refused = |rel: &str| {
            found.iter().any(|d| {
                let file = d["location"]["file"].as_str().unwrap_or_default();
                d["severity"] == "error" && file.ends_with(rel)
            })
        };
        for (rel, why) in failed {
            assert!(
                refused(&rel),
                "{}/{rel} fails its schema but the loader takes it: {why}",
                site.display()
            );
        }
    }
    assert!(checked > 10, "{checked}");
}

#[test]
fn the_files_are_found_and_named_by_their_schema() {
    let club = schema_of(Path::new("clubs/senim/club.yaml"));
    assert_eq!(club, Some(SchemaFile::Club));
    let report = schema_of(Path::new("clubs/senim/reports/2024-2025.kk.md"));
    assert_eq!(report, Some(SchemaFile::Report));
    assert_eq!(schema_of(Path::new("clubs/senim/about.kk.md")), None);
    // The sites checked use every kind of file but principles.yaml
    // (`refusals.rs` and the unit tests cover it).
    let mut kinds = std::collections::BTreeSet::new();
    for site in sites() {
        for entry in walkdir::WalkDir::new(&site) {
            let entry = entry.unwrap();
            kinds.extend(schema_of(entry.path().strip_prefix(&site).unwrap()));
        }
    }
    let missing: Vec<_> = SchemaFile::ALL
        .into_iter()
        .filter(|f| !kinds.contains(f) && *f != SchemaFile::Principles)
        .collect();
    assert!(missing.is_empty(), "in no site: {missing:?}");
}
