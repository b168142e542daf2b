//! Small value types shared by the config and the content model: localized
//! text, languages, academic years, dates, safe URLs.
//!
//! Layer 1: imports nothing from the crate but `diag`.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

mod codes;

pub use codes::{LangCode, RegionCode, Slug};

/// The extensions of the pictures bitimger publishes re-encoded: photos
/// of photos/ and leaders, and a logo that is not SVG.
pub const IMAGE_EXTENSIONS: &[&str] = &["jpg", "jpeg", "png", "webp"];

/// A scalar YAML value read as text: strings, numbers and booleans alike,
/// so `room: 214` and `room: "214"` mean the same.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Scalar(pub String);

impl Scalar {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Scalar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

struct ScalarVisitor;

impl Visitor<'_> for ScalarVisitor {
    type Value = Scalar;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a text value")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
        Ok(Scalar(v.to_string()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Scalar, E> {
        Ok(Scalar(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar, E> {
        Ok(Scalar(v.to_string()))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
        Ok(Scalar(v.to_string()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Scalar, E> {
        Ok(Scalar(v.to_string()))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Scalar, E> {
        Ok(Scalar(v.to_string()))
    }
}

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ScalarVisitor)
    }
}

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

/// A scalar for JSON Schemas: a text, a number or yes/no.
impl schemars::JsonSchema for Scalar {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PlainValue".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({"type": ["string", "number", "boolean"]})
    }
}

/// An academic year such as 2024–2025.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct AcademicYear {
    /// The year it starts in (September).
    pub start: i32,
}

impl AcademicYear {
    /// Parses `2024-2025` (also with an en dash or `/`).
    pub fn parse(text: &str) -> Option<AcademicYear> {
        let t = text.trim();
        let (a, b) = t.split_once(['-', '–', '/'])?;
        let start: i32 = a.trim().parse().ok()?;
        let end: i32 = b.trim().parse().ok()?;
        (end == start + 1 && (1990..=2100).contains(&start)).then_some(AcademicYear { start })
    }

    /// `2024-2025`: file names and URLs.
    pub fn slug(&self) -> String {
        format!("{}-{}", self.start, self.start + 1)
    }

    /// `2024–2025` with an en dash: display.
    pub fn label(&self) -> String {
        format!("{}–{}", self.start, self.start + 1)
    }

    /// The academic year a date falls in (it turns on 1 September).
    pub fn containing(date: Date) -> AcademicYear {
        let start = if date.month >= 9 {
            date.year
        } else {
            date.year - 1
        };
        AcademicYear { start }
    }
}

/// A calendar date (no time, no zone).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month 1–12.
    pub month: u8,
    /// Day 1–31.
    pub day: u8,
}

impl Date {
    /// Parses `YYYY-MM-DD`, checking that the day exists.
    pub fn parse(text: &str) -> Option<Date> {
        let format = time::macros::format_description!("[year]-[month]-[day]");
        let d = time::Date::parse(text.trim(), &format).ok()?;
        Some(Date {
            year: d.year(),
            month: d.month() as u8,
            day: d.day(),
        })
    }

    /// Today in Kazakhstan (UTC+5).
    pub fn today() -> Date {
        let now = time::OffsetDateTime::now_utc() + time::Duration::hours(5);
        Date {
            year: now.year(),
            month: now.month() as u8,
            day: now.day(),
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// What kind of link a checked URL is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum UrlKind {
    /// `https:`
    Https,
    /// `http:` (allowed, warned)
    Http,
    /// `mailto:`
    Mailto,
    /// `tel:`
    Tel,
}

/// Why a URL was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UrlProblem {
    /// Not a URL at all.
    Invalid,
    /// A scheme outside the allow-list, e.g. `javascript`.
    Scheme(String),
}

/// A URL whose scheme is on the allow-list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SafeUrl {
    /// The URL as normalized by the parser.
    pub url: String,
    /// Its scheme.
    pub kind: UrlKind,
}

impl SafeUrl {
    /// Checks a URL from content.
    pub fn parse(text: &str) -> Result<SafeUrl, UrlProblem> {
        let t = text.trim();
        let parsed = url::Url::parse(t).map_err(|_| UrlProblem::Invalid)?;
        let kind = match parsed.scheme() {
            "https" => UrlKind::Https,
            "http" => UrlKind::Http,
            "mailto" => UrlKind::Mailto,
            "tel" => UrlKind::Tel,
            other => return Err(UrlProblem::Scheme(other.to_string())),
        };
        if matches!(kind, UrlKind::Https | UrlKind::Http) && parsed.host_str().is_none() {
            return Err(UrlProblem::Invalid);
        }
        Ok(SafeUrl {
            url: parsed.to_string(),
            kind,
        })
    }
}

/// Makes a `tel:` link from a phone number as people write it
/// (`+7 707 813 7074`, `8 (7212) 41-23-45`).
pub fn tel_href(phone: &str) -> Option<String> {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    if digits.len() < 5 || digits.len() > 15 {
        return None;
    }
    let plus = phone.trim_start().starts_with('+');
    // Kazakhstan's trunk prefix: 8 7xx ... is +7 7xx ...
    if !plus && digits.len() == 11 && digits.starts_with('8') {
        return Some(format!("tel:+7{}", &digits[1..]));
    }
    Some(format!("tel:{}{digits}", if plus { "+" } else { "" }))
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

    #[test]
    fn parses_academic_years() {
        assert_eq!(AcademicYear::parse("2024-2025").unwrap().start, 2024);
        assert_eq!(
            AcademicYear::parse("2024–2025").unwrap().label(),
            "2024–2025"
        );
        assert!(AcademicYear::parse("2024-2026").is_none());
        assert!(AcademicYear::parse("2024").is_none());
        let d = Date::parse("2025-03-01").unwrap();
        assert_eq!(AcademicYear::containing(d).start, 2024);
    }

    #[test]
    fn rejects_impossible_dates() {
        assert!(Date::parse("2025-02-30").is_none());
        assert!(Date::parse("2024-02-29").is_some());
        assert!(Date::parse("01.03.2025").is_none());
    }

    #[test]
    fn allows_only_safe_schemes() {
        assert_eq!(
            SafeUrl::parse("https://a.kz/x").unwrap().kind,
            UrlKind::Https
        );
        assert_eq!(
            SafeUrl::parse("javascript:alert(1)"),
            Err(UrlProblem::Scheme("javascript".into()))
        );
        assert_eq!(
            SafeUrl::parse("data:text/html,x"),
            Err(UrlProblem::Scheme("data".into()))
        );
        assert_eq!(SafeUrl::parse("forms.example"), Err(UrlProblem::Invalid));
    }

    #[test]
    fn normalizes_phones() {
        assert_eq!(tel_href("+7 707 813 7074").unwrap(), "tel:+77078137074");
        assert_eq!(tel_href("8 (707) 813-70-74").unwrap(), "tel:+77078137074");
        assert_eq!(tel_href("111").as_deref(), None);
    }
}
