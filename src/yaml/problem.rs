//! What can be wrong with a value, as data: the error type the typed checks
//! hand to serde (`Problem`), so that an unknown field arrives as its name
//! and the list of allowed ones, a value of the wrong kind as what was
//! found and what was asked for, never as a sentence to take apart.
//!
//! Layer 1: part of `yaml`.

use std::fmt;

use serde::de::{self, Expected, Unexpected};

use super::locate::Seg;

/// One step of the path to a value, owned.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum Step {
    Key(String),
    Index(usize),
}

/// `leaders[1].role`: a path as the messages show it.
pub(super) fn path_name(path: &[Step]) -> String {
    let mut name = String::new();
    for step in path {
        match step {
            Step::Key(k) if name.is_empty() => name.push_str(k),
            Step::Key(k) => {
                name.push('.');
                name.push_str(k);
            }
            Step::Index(i) => name.push_str(&format!("[{i}]")),
        }
    }
    name
}

/// The path as [`Seg`]s, for looking it up in the tree.
pub(super) fn segs(path: &[Step]) -> Vec<Seg<'_>> {
    path.iter()
        .map(|s| match s {
            Step::Key(k) => Seg::Key(k),
            Step::Index(i) => Seg::Index(*i),
        })
        .collect()
}

/// What a value was asked to be: the `deserialize_*` call that read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Hint {
    /// Whatever is there (the type decides on what it sees).
    Any,
    Bool,
    Unsigned,
    Signed,
    Float,
    Text,
    Unit,
    Seq,
    Map,
    Struct(&'static [&'static str]),
    Enum(&'static [&'static str]),
    Name,
}

impl Hint {
    /// What was expected, in plain words: the English of the key
    /// [`Hint::key`] gives (the message files say the others).
    pub(super) fn words(self, described: &str) -> String {
        let key = self.key(described);
        let words = match key {
            "bool" => "`true` or `false`",
            "unsigned" => "a whole number of 0 or more (no fractions, no minus sign)",
            "whole" => "a whole number",
            "number" => "a number",
            "text" => "a text",
            "name" => "a name",
            "nothing" => "an empty value",
            "list" => "a list (lines starting with `- `)",
            "group" => "a group of `name: value` lines",
            "choice" => return format!("one of: {}", self.choices()),
            "localized" => "a text, or texts by language like {kk: \"...\", ru: \"...\"}",
            "principles" => "`default`, or a list of principle keys or {title, text} items",
            "principle" => "a principle key such as `confidentiality`, or {title, text}",
            "single" => "a single value (a text or a number)",
            _ => "a value written another way (see the examples in the content format)",
        };
        words.to_string()
    }

    /// What was expected, as the key the tool's message files select
    /// their words by; for [`Hint::Any`], from the type's own description
    /// `described` (`other` for a type they have no words for).
    pub(super) fn key(self, described: &str) -> &'static str {
        match self {
            Hint::Any => described_key(described),
            Hint::Bool => "bool",
            Hint::Unsigned => "unsigned",
            Hint::Signed => "whole",
            Hint::Float => "number",
            Hint::Text => "text",
            Hint::Name => "name",
            Hint::Unit => "nothing",
            Hint::Seq => "list",
            Hint::Map | Hint::Struct(_) => "group",
            Hint::Enum(_) => "choice",
        }
    }

    /// The allowed values of an enum, else empty.
    pub(super) fn choices(self) -> String {
        match self {
            Hint::Enum(variants) => variants.join(", "),
            _ => String::new(),
        }
    }
}

/// The key of the types' own descriptions the message files have words
/// for: texts in languages, principles, single values.
fn described_key(described: &str) -> &'static str {
    const KEYS: &[(&str, &str)] = &[
        ("a text value", "text"),
        ("a text, or a map of language codes", "localized"),
        ("a name", "name"),
        ("`default`, or a list of principle keys", "principles"),
        ("a principle key", "principle"),
        ("a single value", "single"),
    ];
    KEYS.iter()
        .find(|(start, _)| described.starts_with(start))
        .map_or("other", |(_, key)| key)
}

/// A value as it was found.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Found {
    Bool(bool),
    Unsigned(u64),
    Signed(i64),
    Float(f64),
    /// A whole number past any the program keeps, as written.
    Huge(String),
    Char(char),
    Text(String),
    Unit,
    Seq,
    Map,
    /// Anything else, in serde's words for it.
    Other(String),
}

impl Found {
    pub(super) fn of(unexpected: Unexpected<'_>) -> Found {
        match unexpected {
            Unexpected::Bool(b) => Found::Bool(b),
            Unexpected::Unsigned(n) => Found::Unsigned(n),
            Unexpected::Signed(n) => Found::Signed(n),
            Unexpected::Float(f) => Found::Float(f),
            Unexpected::Char(c) => Found::Char(c),
            Unexpected::Str(s) => Found::Text(s.to_string()),
            Unexpected::Unit => Found::Unit,
            Unexpected::Seq => Found::Seq,
            Unexpected::Map => Found::Map,
            other => Found::Other(other.to_string()),
        }
    }
}

impl Found {
    /// Its kind, as the key the tool's message files select their words by.
    pub(super) fn kind(&self) -> &'static str {
        match self {
            Found::Bool(_) => "bool",
            Found::Unsigned(_) | Found::Signed(_) => "whole",
            Found::Float(_) | Found::Huge(_) => "number",
            Found::Char(_) | Found::Text(_) => "text",
            Found::Unit => "nothing",
            Found::Seq => "list",
            Found::Map => "group",
            Found::Other(_) => "other",
        }
    }

    /// The value as written, for the tool's message files: `3`, `"Сенім"`;
    /// empty for a list, a group or nothing.
    pub(super) fn shown(&self) -> String {
        match self {
            Found::Bool(b) => b.to_string(),
            Found::Unsigned(n) => n.to_string(),
            Found::Signed(n) => n.to_string(),
            Found::Float(x) if x.is_finite() && x.fract() == 0.0 && x.abs() < 1e16 => {
                format!("{x}.0")
            }
            Found::Float(x) => x.to_string(),
            Found::Huge(n) => n.clone(),
            Found::Char(c) => format!("{:?}", c.to_string()),
            Found::Text(s) => format!("{s:?}"),
            Found::Unit | Found::Seq | Found::Map | Found::Other(_) => String::new(),
        }
    }
}

impl fmt::Display for Found {
    /// The value in plain words, never the YAML library's (`string`,
    /// `integer`, `unit value`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown = self.shown();
        match self.kind() {
            "bool" => write!(f, "the value `{shown}`"),
            "whole" => write!(f, "the whole number `{shown}`"),
            "number" => write!(f, "the number `{shown}`"),
            "text" => write!(f, "the text {shown}"),
            "nothing" => f.write_str("an empty value"),
            "list" => f.write_str("a list"),
            "group" => f.write_str("a group of fields"),
            _ => f.write_str("a value of another kind"),
        }
    }
}

/// The error type of the typed checks: what serde's `Deserialize` impls
/// report, as data. `Passed` stands for an error of the YAML library
/// itself, which the checks note where it happened.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Problem {
    UnknownField {
        field: String,
        expected: &'static [&'static str],
    },
    UnknownVariant {
        variant: String,
        expected: &'static [&'static str],
    },
    MissingField(&'static str),
    DuplicateField(&'static str),
    /// A value of the wrong kind, or out of range; `expected` is the type's
    /// own description, used when the [`Hint`] does not say more.
    WrongType {
        found: Found,
        expected: String,
    },
    /// A problem a type describes in its own words.
    Other(String),
    Passed,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Only for debugging: reports are made from the data, see `report`.
        write!(f, "{self:?}")
    }
}

impl std::error::Error for Problem {}

impl de::Error for Problem {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Problem::Other(msg.to_string())
    }

    fn invalid_type(unexp: Unexpected<'_>, exp: &dyn Expected) -> Self {
        Problem::WrongType {
            found: Found::of(unexp),
            expected: exp.to_string(),
        }
    }

    fn invalid_value(unexp: Unexpected<'_>, exp: &dyn Expected) -> Self {
        Self::invalid_type(unexp, exp)
    }

    /// A list where a group (or a list of another length) is asked for.
    fn invalid_length(_len: usize, exp: &dyn Expected) -> Self {
        Problem::WrongType {
            found: Found::Seq,
            expected: exp.to_string(),
        }
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        Problem::UnknownVariant {
            variant: variant.to_string(),
            expected,
        }
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        Problem::UnknownField {
            field: field.to_string(),
            expected,
        }
    }

    fn missing_field(field: &'static str) -> Self {
        Problem::MissingField(field)
    }

    fn duplicate_field(field: &'static str) -> Self {
        Problem::DuplicateField(field)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_as_written() {
        let path = [
            Step::Key("leaders".into()),
            Step::Index(1),
            Step::Key("role".into()),
        ];
        assert_eq!(path_name(&path), "leaders[1].role");
        assert!(matches!(
            segs(&path)[..],
            [Seg::Key("leaders"), Seg::Index(1), Seg::Key("role")]
        ));
    }

    #[test]
    fn found_values_are_named_plainly() {
        assert_eq!(Found::Signed(-3).to_string(), "the whole number `-3`");
        assert_eq!(Found::Float(2.5).to_string(), "the number `2.5`");
        assert_eq!(Found::Float(1e3).to_string(), "the number `1000.0`");
        assert_eq!(
            Found::Huge("1".repeat(30)).to_string(),
            format!("the number `{}`", "1".repeat(30))
        );
        assert_eq!(Found::Seq.to_string(), "a list");
        assert_eq!(Found::Unit.to_string(), "an empty value");
        assert_eq!(Found::Bool(true).to_string(), "the value `true`");
        assert_eq!(
            Found::Text("Бейбітшілік".into()).to_string(),
            "the text \"Бейбітшілік\""
        );
        assert_eq!(
            Found::Other("newtype struct".into()).to_string(),
            "a value of another kind"
        );
    }

    #[test]
    fn expected_values_are_named_plainly() {
        assert_eq!(
            Hint::Any.words("a single value"),
            "a single value (a text or a number)"
        );
        assert!(!Hint::Any.words("any YAML value").contains("YAML"));
        assert_eq!(
            Hint::Enum(&["draft", "final"]).words(""),
            "one of: draft, final"
        );
        assert_eq!(Hint::Unit.words(""), "an empty value");
    }

    #[test]
    fn expected_and_found_values_have_keys_for_the_message_files() {
        assert_eq!(Hint::Unsigned.key(""), "unsigned");
        assert_eq!(Hint::Struct(&["a"]).key(""), "group");
        let localized = "a text, or a map of language codes to texts like {kk: \"...\"}";
        assert_eq!(Hint::Any.key(localized), "localized");
        assert_eq!(Hint::Any.key("any YAML value"), "other");
        assert_eq!(Hint::Enum(&["draft", "final"]).choices(), "draft, final");
        assert_eq!(Found::Signed(-3).kind(), "whole");
        assert_eq!(Found::Float(1e3).shown(), "1000.0");
        assert_eq!(Found::Text("Сенім".into()).shown(), "\"Сенім\"");
        assert_eq!(Found::Seq.shown(), "");
    }
}
