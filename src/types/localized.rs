//! A human-readable text in one or several languages (`Localized`), its
//! resolution for one language with a fallback (`Resolved`), and its shape
//! in the JSON Schemas of the content.
//!
//! Part of layer 1 (`types`); imports only its sibling modules `codes`
//! (`LangCode`) and `scalar` (`Scalar`).

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

use super::{LangCode, Scalar};

/// A human-readable text: one value for every language, or one per language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Localized {
    /// `name: Сенім`: the same in all languages.
    All(String),
    /// `name: {kk: Сенім, ru: Доверие}`: per language code.
    Per(BTreeMap<String, String>),
}

/// A localized text resolved for one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Resolved<'a> {
    /// The text.
    pub text: &'a str,
    /// The language the text is really in.
    pub lang: &'a str,
    /// True when the text is in another language than the one asked for.
    pub fallback: bool,
}

impl Localized {
    /// The text for `lang`, else for the first of `order` that has one, else
    /// any. Empty strings count as missing.
    pub fn resolve<'a>(&'a self, lang: &'a str, order: &'a [LangCode]) -> Resolved<'a> {
        match self {
            Localized::All(text) => Resolved {
                text,
                lang,
                fallback: false,
            },
            Localized::Per(map) => {
                let found = |l: &str| {
                    map.get_key_value(l)
                        .filter(|(_, v)| !v.trim().is_empty())
                        .map(|(k, v)| (k.as_str(), v.as_str()))
                };
                if let Some((_, text)) = found(lang) {
                    return Resolved {
                        text,
                        lang,
                        fallback: false,
                    };
                }
                let (src, text) = order
                    .iter()
                    .find_map(|l| found(l))
                    .or_else(|| map.iter().next().map(|(k, v)| (k.as_str(), v.as_str())))
                    .unwrap_or(("", ""));
                Resolved {
                    text,
                    lang: src,
                    fallback: true,
                }
            }
        }
    }

    /// True when the text exists for `lang` (or for every language).
    pub fn has(&self, lang: &str) -> bool {
        match self {
            Localized::All(t) => !t.trim().is_empty(),
            Localized::Per(map) => map.get(lang).is_some_and(|v| !v.trim().is_empty()),
        }
    }

    /// True when no language has any text.
    pub fn is_blank(&self) -> bool {
        match self {
            Localized::All(t) => t.trim().is_empty(),
            Localized::Per(map) => map.values().all(|v| v.trim().is_empty()),
        }
    }

    /// Every text it holds, for search indexes and privacy scans.
    pub fn texts(&self) -> Vec<&str> {
        match self {
            Localized::All(t) => vec![t.as_str()],
            Localized::Per(map) => map.values().map(String::as_str).collect(),
        }
    }

    /// The language codes it names (empty for a plain string).
    pub fn langs(&self) -> Vec<&str> {
        match self {
            Localized::All(_) => vec![],
            Localized::Per(map) => map.keys().map(String::as_str).collect(),
        }
    }
}

struct LocalizedVisitor;

impl<'de> Visitor<'de> for LocalizedVisitor {
    type Value = Localized;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a text, or a map of language codes to texts like {kk: \"...\", ru: \"...\"}")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Localized, E> {
        Ok(Localized::All(v.to_string()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Localized, E> {
        Ok(Localized::All(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Localized, E> {
        Ok(Localized::All(v.to_string()))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Localized, E> {
        Ok(Localized::All(v.to_string()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Localized, E> {
        Ok(Localized::All(v.to_string()))
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Localized, A::Error> {
        let raw: BTreeMap<String, Scalar> =
            Deserialize::deserialize(de::value::MapAccessDeserializer::new(map))?;
        Ok(Localized::Per(
            raw.into_iter().map(|(k, v)| (k, v.0)).collect(),
        ))
    }
}

impl<'de> Deserialize<'de> for Localized {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(LocalizedVisitor)
    }
}

/// The language codes a localized text may use as keys: BCP 47 codes
/// such as `kk`, `ru`, `en`, `kk-Latn` (whether the site has the
/// language is checked when the site is read).
pub const LANG_KEY_PATTERN: &str = "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$";

/// The shape of a localized text in the JSON Schemas of the content: a
/// text (numbers are read as text), or a map of language codes to texts.
impl schemars::JsonSchema for Localized {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "LocalizedText".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "anyOf": [
                {"type": ["string", "number"]},
                {
                    "type": "object",
                    // The built-in languages, named as the language switcher
                    // names them, for editors to offer; any other is allowed.
                    "properties": {
                        "kk": {"title": "Қазақша", "type": ["string", "number", "boolean"]},
                        "ru": {"title": "Русский", "type": ["string", "number", "boolean"]},
                        "en": {"title": "English", "type": ["string", "number", "boolean"]}
                    },
                    "propertyNames": {"pattern": LANG_KEY_PATTERN},
                    "additionalProperties": {"type": ["string", "number", "boolean"]}
                }
            ],
            "x-bitimger-kind": "localized"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_with_fallback_marking() {
        let order = vec![LangCode::new("kk"), LangCode::new("ru")];
        let per = Localized::Per(BTreeMap::from([("kk".into(), "Сенім".into())]));
        let r = per.resolve("ru", &order);
        assert_eq!((r.text, r.lang, r.fallback), ("Сенім", "kk", true));
        let r = per.resolve("kk", &order);
        assert!(!r.fallback);
        let all = Localized::All("X".into());
        assert!(!all.resolve("ru", &order).fallback);
    }
}
