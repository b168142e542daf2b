//! The content files exactly as written: strict mirrors of the YAML, with
//! unknown fields rejected. `validate` turns them into the model.
//!
//! The same structs give the JSON Schemas for editors their shapes
//! (`JsonSchema`, src/schema/), so a schema knows exactly these fields;
//! `x-bitimger-kind` marks what a field holds beyond its type.

use std::fmt;

use schemars::JsonSchema;
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};

pub(crate) use super::indicators::{RawIndicators, RawQuarterFigures, RawYearExtras};
use super::model::{PlanFormat, Status};
use crate::types::{Localized, Scalar};

/// clubs/<slug>/club.yaml
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawClub {
    pub name: Localized,
    pub unit: Option<Localized>,
    pub motto: Option<Localized>,
    pub school: RawSchool,
    #[serde(default)]
    pub goals: Vec<Localized>,
    #[serde(default)]
    pub tasks: Vec<Localized>,
    pub principles: Option<RawPrinciples>,
    #[serde(default)]
    pub leaders: Vec<RawLeader>,
    pub members: Option<RawMembers>,
    #[serde(default)]
    pub activities: Vec<Localized>,
    #[serde(default)]
    pub directions: Vec<Localized>,
    pub contacts: Option<RawContacts>,
    pub feedback: Option<RawFeedback>,
    pub gallery: Option<RawGallery>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSchool {
    pub name: Localized,
    pub region: String,
    pub locality: Option<Localized>,
    pub district: Option<Localized>,
    pub address: Option<Localized>,
    #[schemars(extend("x-bitimger-kind" = "url"))]
    pub website: Option<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawLeader {
    pub name: Localized,
    pub role: Option<Localized>,
    #[schemars(extend("x-bitimger-kind" = "phone"))]
    pub phone: Option<Scalar>,
    #[schemars(extend("x-bitimger-kind" = "email"))]
    pub email: Option<String>,
    #[schemars(extend("x-bitimger-kind" = "photo"))]
    pub photo: Option<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawMembers {
    pub grades: Option<RawGrades>,
    pub count: Option<u32>,
    pub join: Option<Localized>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawGrades {
    pub from: u8,
    pub to: u8,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawContacts {
    pub room: Option<Scalar>,
    #[serde(default)]
    #[schemars(extend("x-bitimger-kind" = "phone"))]
    pub phones: Vec<Scalar>,
    #[schemars(extend("x-bitimger-kind" = "email"))]
    pub email: Option<String>,
    pub instagram: Option<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFeedback {
    #[schemars(extend("x-bitimger-kind" = "url"))]
    pub question: Option<String>,
    #[schemars(extend("x-bitimger-kind" = "url"))]
    pub application: Option<String>,
    #[schemars(extend("x-bitimger-kind" = "url"))]
    pub anonymous: Option<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawGallery {
    pub instagram: Option<String>,
    pub photos: Option<bool>,
    pub consent: Option<bool>,
}

/// `principles:` is `default`, a list of built-in keys, or a list of
/// `{title, text}`; the two list forms may be mixed.
#[derive(Debug)]
pub(crate) enum RawPrinciples {
    Default,
    List(Vec<RawPrincipleItem>),
    /// Any other text (a typo of `default`), reported when validating.
    Other(String),
}

#[derive(Debug)]
pub(crate) enum RawPrincipleItem {
    Key(String),
    Custom(RawPrinciple),
}

/// principles.yaml items, and custom items in club.yaml.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPrinciple {
    pub key: Option<String>,
    pub title: Localized,
    pub text: Option<Localized>,
}

/// `default`, or a list whose items are built-in keys or `{title, text}`.
impl JsonSchema for RawPrinciples {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "RawPrinciples".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let custom = generator.subschema_for::<RawPrinciple>();
        schemars::json_schema!({
            "anyOf": [
                {"type": "string", "enum": ["default"]},
                {"type": "array", "items": {"anyOf": [{"type": "string"}, custom]}}
            ]
        })
    }
}

impl<'de> Deserialize<'de> for RawPrinciples {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawPrinciples;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("`default`, or a list of principle keys or {title, text} items")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawPrinciples, E> {
                if v.trim() == "default" {
                    Ok(RawPrinciples::Default)
                } else {
                    Ok(RawPrinciples::Other(v.to_string()))
                }
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawPrinciples, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element::<RawPrincipleItem>()? {
                    items.push(item);
                }
                Ok(RawPrinciples::List(items))
            }
        }
        d.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for RawPrincipleItem {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawPrincipleItem;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a principle key such as `confidentiality`, or {title, text}")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawPrincipleItem, E> {
                Ok(RawPrincipleItem::Key(v.trim().to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawPrincipleItem, A::Error> {
                RawPrinciple::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(RawPrincipleItem::Custom)
            }
        }
        d.deserialize_any(V)
    }
}

/// Front matter of reports/<YYYY-YYYY>[.<lang>].md. `year` and `status`
/// are required in the file of the site's first language
/// ([`RawReportRequired`]); the other files may leave them, and
/// `indicators`, to that one.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawReport {
    #[schemars(extend("x-bitimger-kind" = "year"))]
    pub year: Option<Scalar>,
    pub status: Option<Status>,
    pub indicators: Option<RawIndicators>,
    pub title: Option<Localized>,
}

/// The fields a report's reference file (the site's first language) must
/// give: read again from that file only for its `missing-field` errors.
#[derive(Debug, Deserialize)]
pub(crate) struct RawReportRequired {
    #[serde(rename = "year")]
    _year: serde::de::IgnoredAny,
    #[serde(rename = "status")]
    _status: serde::de::IgnoredAny,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawByParties {
    pub student_student: Option<u64>,
    pub student_teacher: Option<u64>,
    pub teacher_parent: Option<u64>,
    pub parent_parent: Option<u64>,
    pub other: Option<u64>,
}

/// plans/<YYYY-YYYY>.yaml
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPlan {
    #[schemars(extend("x-bitimger-kind" = "year"))]
    pub year: Scalar,
    #[schemars(extend("x-bitimger-kind" = "date"))]
    pub approved: Option<Scalar>,
    #[serde(default)]
    pub items: Vec<RawPlanItem>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPlanItem {
    pub when: Scalar,
    pub title: Localized,
    pub format: Option<PlanFormat>,
    pub audience: Option<Localized>,
    pub responsible: Option<Localized>,
    pub done: Option<bool>,
}

/// Front matter of news/<date>-<slug>[.<lang>].md
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawNews {
    pub title: Localized,
    #[schemars(extend("x-bitimger-kind" = "date"))]
    pub date: Scalar,
    pub summary: Option<Localized>,
    pub draft: Option<bool>,
    /// Published only in these languages (`[kk]`).
    pub languages: Option<Vec<String>>,
}

/// Front matter of pages/<slug>[.<lang>].md
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPage {
    pub title: Localized,
    pub description: Option<Localized>,
    pub draft: Option<bool>,
    /// Published only in these languages (`[kk]`).
    pub languages: Option<Vec<String>>,
}

/// documents/documents.yaml items
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawDocument {
    pub file: String,
    pub title: Localized,
    #[schemars(extend("x-bitimger-kind" = "date"))]
    pub date: Option<Scalar>,
    pub number: Option<Scalar>,
}

/// photos/photos.yaml items
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPhoto {
    pub file: String,
    pub alt: Option<Localized>,
    pub caption: Option<Localized>,
}
