//! JSON Schemas of the files a teacher edits by hand (site.yaml,
//! club.yaml, plans, the front matter of reports, news and pages, and the
//! lists of documents, photos and principles), for editors that check
//! YAML as it is typed (VS Code's YAML extension) and for the forms of
//! the preview's editor.
//!
//! The shapes are derived from the loader's own structs (`Raw*` of
//! `content::raw` and `config`, through `schemars`), so a schema cannot
//! accept a field the loader refuses or miss one it reads. Each property
//! then gets, in the language asked for, a `title` and a `description`
//! (`i18n/tool/fields.{kk,ru,en}.ftl`), an `x-bitimger-order` (the order
//! a form shows the fields in: the order of the struct) and, for the
//! fields with a special meaning, an `x-bitimger-kind` (see [`KINDS`]).
//!
//! What a schema cannot say, `build` and `check` still do: whether a file
//! exists, a web address is safe, a date is real, a language is one of
//! the site's, a year matches its file name.
//!
//! Layer 4: imports `config` and `content` (their `Raw*` structs), and
//! `messages` (the texts).

mod order;
mod shape;
mod texts;

use std::path::Path;

use serde_json::Value;

use crate::config::{RawPublisher, RawSite, RawStyle};
use crate::content::model::{MAX_FIGURE, Quarter};
use crate::content::raw::{
    RawByParties, RawClub, RawContacts, RawDocument, RawFeedback, RawGallery, RawGrades,
    RawIndicators, RawLeader, RawMembers, RawNews, RawPage, RawPhoto, RawPlan, RawPlanItem,
    RawPrinciple, RawQuarterFigures, RawReport, RawSchool,
};

/// The values of `x-bitimger-kind`: what a field means beyond its shape.
///
/// - `localized`: a text per language, `{kk: …, ru: …, en: …}`, or one
///   text for every language;
/// - `photo`: the path of a picture (jpg, png, webp), relative to the file;
/// - `email`, `phone`, `url`: an e-mail address, a phone number, a web
///   address (`https:`);
/// - `date`: a day, `2025-03-01`; `year`: an academic year, `2024-2025`.
///
/// On a list, the kind is that of each item.
pub const KINDS: &[&str] = &[
    "localized",
    "photo",
    "email",
    "phone",
    "url",
    "date",
    "year",
];

/// The folder `init` writes the schemas into, inside the site folder
/// (never published).
pub const SITE_FOLDER: &str = ".schemas";

/// A file a schema describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SchemaFile {
    /// `site.yaml`.
    Site,
    /// `clubs/<slug>/club.yaml`.
    Club,
    /// `clubs/<slug>/plans/<YYYY-YYYY>.yaml`.
    Plan,
    /// The front matter of `clubs/<slug>/reports/<YYYY-YYYY>[.<lang>].md`.
    Report,
    /// The front matter of `news/<YYYY-MM-DD>-<slug>[.<lang>].md`.
    News,
    /// The front matter of `pages/<slug>[.<lang>].md`.
    Page,
    /// `documents/documents.yaml`.
    Documents,
    /// `clubs/<slug>/photos/photos.yaml`.
    Photos,
    /// `principles.yaml`.
    Principles,
}

impl SchemaFile {
    /// Every schema, in the order of CONTENT-FORMAT.md.
    pub const ALL: [SchemaFile; 9] = [
        SchemaFile::Site,
        SchemaFile::Club,
        SchemaFile::Plan,
        SchemaFile::Report,
        SchemaFile::News,
        SchemaFile::Page,
        SchemaFile::Documents,
        SchemaFile::Photos,
        SchemaFile::Principles,
    ];

    /// Its short name: `club`.
    pub const fn key(self) -> &'static str {
        match self {
            SchemaFile::Site => "site",
            SchemaFile::Club => "club",
            SchemaFile::Plan => "plan",
            SchemaFile::Report => "report",
            SchemaFile::News => "news",
            SchemaFile::Page => "page",
            SchemaFile::Documents => "documents",
            SchemaFile::Photos => "photos",
            SchemaFile::Principles => "principles",
        }
    }

    /// The schema's file name: `club.schema.json`.
    pub fn file_name(self) -> String {
        format!("{}.schema.json", self.key())
    }

    /// The files it describes, as CONTENT-FORMAT.md names them.
    pub const fn describes(self) -> &'static str {
        match self {
            SchemaFile::Site => "site.yaml",
            SchemaFile::Club => "clubs/<slug>/club.yaml",
            SchemaFile::Plan => "clubs/<slug>/plans/<YYYY-YYYY>.yaml",
            SchemaFile::Report => "clubs/<slug>/reports/<YYYY-YYYY>[.<lang>].md (front matter)",
            SchemaFile::News => {
                "[clubs/<slug>/]news/<YYYY-MM-DD>-<slug>[.<lang>].md (front matter)"
            }
            SchemaFile::Page => "pages/<slug>[.<lang>].md (front matter)",
            SchemaFile::Documents => "documents/documents.yaml",
            SchemaFile::Photos => "clubs/<slug>/photos/photos.yaml",
            SchemaFile::Principles => "principles.yaml",
        }
    }

    /// The schema of the file at `rel`, its path in the site folder
    /// (`clubs/senim/club.yaml`), if one describes it.
    pub fn for_path(rel: &Path) -> Option<SchemaFile> {
        let parts: Vec<&str> = rel.iter().filter_map(|p| p.to_str()).collect();
        let ext = |e: &str| rel.extension().is_some_and(|x| x == e);
        let (md, yaml) = (ext("md"), ext("yaml"));
        Some(match parts.as_slice() {
            ["site.yaml"] => SchemaFile::Site,
            ["principles.yaml"] => SchemaFile::Principles,
            ["documents", "documents.yaml"] => SchemaFile::Documents,
            ["news", _] if md => SchemaFile::News,
            ["pages", _] if md => SchemaFile::Page,
            ["clubs", _, "club.yaml"] => SchemaFile::Club,
            ["clubs", _, "plans", _] if yaml => SchemaFile::Plan,
            ["clubs", _, "photos", "photos.yaml"] => SchemaFile::Photos,
            ["clubs", _, "reports", _] if md => SchemaFile::Report,
            ["clubs", _, "news", _] if md => SchemaFile::News,
            _ => return None,
        })
    }

    /// Whether the file is Markdown with the schema's YAML as front
    /// matter (editors check only whole YAML files against a schema).
    pub const fn is_front_matter(self) -> bool {
        matches!(
            self,
            SchemaFile::Report | SchemaFile::News | SchemaFile::Page
        )
    }
}

/// The JSON Schema (draft-07, self-contained: no `$ref`) of `file`, its
/// titles and descriptions in `lang` (`kk`, `ru` or `en`; English for any
/// other).
pub fn schema(file: SchemaFile, lang: &str) -> Value {
    let mut value = match file {
        SchemaFile::Site => shape::generate::<RawSite>(),
        SchemaFile::Club => shape::generate::<RawClub>(),
        SchemaFile::Plan => shape::generate::<RawPlan>(),
        SchemaFile::Report => shape::generate::<RawReport>(),
        SchemaFile::News => shape::generate::<RawNews>(),
        SchemaFile::Page => shape::generate::<RawPage>(),
        SchemaFile::Documents => shape::generate::<Vec<RawDocument>>(),
        SchemaFile::Photos => shape::generate::<Vec<RawPhoto>>(),
        SchemaFile::Principles => shape::generate::<Vec<RawPrinciple>>(),
    };
    if file == SchemaFile::Report {
        report_limits(&mut value);
    }
    texts::describe(&mut value, file, lang);
    value
}

/// What a report's loader checks beyond the struct's types and a schema
/// can say too: the quarters are `q1` … `q4` (a map keyed by an enum,
/// whose keys schemars leaves open), and every figure is at most
/// [`MAX_FIGURE`].
fn report_limits(value: &mut Value) {
    let keys: Vec<&str> = Quarter::ALL.iter().map(|q| q.key()).collect();
    let quarters = &mut value["properties"]["indicators"]["properties"]["quarters"];
    quarters["propertyNames"] = serde_json::json!({ "enum": keys });
    texts::walk(value, &mut Vec::new(), &mut |path, property| {
        let whole_number = property.get("type").is_some_and(|t| {
            t == "integer"
                || t.as_array()
                    .is_some_and(|a| a.iter().any(|t| t == "integer"))
        });
        if path.first().is_some_and(|p| p == "indicators") && whole_number {
            property.insert("maximum".into(), MAX_FIGURE.into());
        }
    });
}

/// [`schema`] as the text of its file: pretty JSON ending in a newline.
pub fn schema_text(file: SchemaFile, lang: &str) -> String {
    let mut text = serde_json::to_string_pretty(&schema(file, lang)).unwrap_or_default();
    text.push('\n');
    text
}

/// The first line of a YAML file that `file`'s schema checks, for an
/// editor with the YAML language server: `# yaml-language-server:
/// $schema=../../.schemas/club.schema.json`, where `depth` is how many
/// folders below the site folder the YAML file is (0 for site.yaml).
pub fn modeline(file: SchemaFile, depth: usize) -> String {
    format!(
        "# yaml-language-server: $schema={}{SITE_FOLDER}/{}\n",
        "../".repeat(depth),
        file.file_name()
    )
}

/// The field order of every struct a schema is made from, by its schema
/// name (see `order.rs`).
fn field_order(name: &str) -> Option<&'static [&'static str]> {
    order::lookup!(
        name;
        RawSite, RawPublisher, RawStyle, RawClub, RawSchool, RawLeader, RawMembers,
        RawGrades, RawContacts, RawFeedback, RawGallery, RawPrinciple, RawReport,
        RawIndicators, RawByParties, RawQuarterFigures, RawPlan, RawPlanItem, RawNews,
        RawPage, RawDocument, RawPhoto
    )
}

#[cfg(test)]
mod tests;
