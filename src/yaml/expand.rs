//! How big a YAML document grows when its aliases are written out.
//!
//! An alias (`*name`) stands for a copy of the value marked `&name`, and
//! serde_yaml makes that copy each time a field reads it. Its own limit
//! counts alias uses, not bytes: a 1 MB text used 20,000 times is 20 GB in
//! memory. So before a file is read into its fields, its first document is
//! walked once with every alias followed, counting one unit per value plus
//! the bytes of each text, and the walk stops as soon as the count passes
//! [`limit`]. Nothing is copied: texts are only measured. The walk is the
//! library's own (same parser, same aliases), so no document can be read
//! differently by the check and by the real parse.
//!
//! Layer 1: part of `yaml`; imports nothing from the crate.

use serde::de::{self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, Visitor};

use super::{Source, locate_in, located, parse_path};
use crate::diag::Diagnostic;

/// The message of the error the walk stops with; `yaml` turns it into the
/// `yaml/too-big` diagnostic.
pub(super) const TOO_BIG: &str = "aliases expand past the size limit";

/// Extra room anchors and aliases may add to a document, past its own size.
const ROOM: usize = 1024 * 1024;

/// The most a document of `text` may grow to, with its aliases written out:
/// twice the text (escapes like `\L` make a written-out text up to 1.5
/// times longer than its source, so a file without aliases always fits)
/// plus 1 MB for repeating small values, which normal files do.
pub(super) fn limit(text: &str) -> usize {
    text.len().saturating_mul(2).saturating_add(ROOM)
}

/// Walks the first document of `text` with its aliases followed. Fails with
/// a [`TOO_BIG`] error, located at the value being read when the limit was
/// passed, or with serde_yaml's own error for aliases nested or repeated
/// past its limits. Any other problem (a syntax error, a second document)
/// is left to the real parse, which reports it in its own words.
pub(super) fn check(text: &str) -> Result<(), serde_yaml::Error> {
    // Without both an anchor and an alias nothing is repeated.
    if !(text.contains('&') && text.contains('*')) {
        return Ok(());
    }
    let mut left = limit(text);
    let budget = Budget { left: &mut left };
    match budget.deserialize(serde_yaml::Deserializer::from_str(text)) {
        Err(e) if is_too_big(&e) || super::is_too_complex(&e.to_string()) => Err(e),
        _ => Ok(()),
    }
}

/// True when `e` is the error of [`check`] for a document that grows too big.
pub(super) fn is_too_big(e: &serde_yaml::Error) -> bool {
    e.to_string().contains(TOO_BIG)
}

/// The `yaml/too-big` diagnostic for a [`TOO_BIG`] error: at the alias
/// being read when the limit was passed, found by the error's path (the
/// place in the document, through the alias), else at `at`, the line
/// serde_yaml gives (inside the anchored value).
pub(super) fn diagnostic(source: Source<'_>, path: Option<&str>, at: (usize, usize)) -> Diagnostic {
    let (line, mut column) = path
        .filter(|p| *p != ".")
        .and_then(|p| locate_in(source.text, &parse_path(p)))
        .unwrap_or(at);
    let alias = source
        .text
        .lines()
        .nth(line.saturating_sub(1))
        .and_then(alias_on);
    let mb = format!("{:.1}", limit(source.text) as f64 / (1024.0 * 1024.0));
    let (message, help) = match alias {
        Some((col, name)) => {
            column = col;
            (
                format!(
                    "`*{name}` repeats the text marked `&{name}` so often that this YAML would grow past {mb} MB"
                ),
                format!(
                    "write the text out where it is needed instead of `*{name}`, or shorten the text marked `&{name}`"
                ),
            )
        }
        None => (
            format!(
                "aliases (`*`) repeat marked text so often that this YAML would grow past {mb} MB"
            ),
            "write the text out where it is needed instead of using `&` and `*`".to_string(),
        ),
    };
    Diagnostic::error("yaml/too-big", message)
        .label("repeated here")
        .help(format!(
            "{help}; copies made with aliases may add at most 1 MB plus the file's own size"
        ))
        .at(located(source, line, column))
}

/// The first alias on `line`: its 1-based column and its name.
fn alias_on(line: &str) -> Option<(usize, &str)> {
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        if c == '*' && (prev.is_whitespace() || matches!(prev, '[' | '{' | ',' | ':' | '-')) {
            let rest = &line[i + 1..];
            let end = rest
                .find(|c: char| c.is_whitespace() || matches!(c, ',' | '[' | ']' | '{' | '}'))
                .unwrap_or(rest.len());
            if end > 0 {
                return Some((line[..i].chars().count() + 1, &rest[..end]));
            }
        }
        prev = c;
    }
    None
}

/// The units a walk may still count before it stops.
struct Budget<'a> {
    left: &'a mut usize,
}

impl Budget<'_> {
    fn again(&mut self) -> Budget<'_> {
        Budget {
            left: &mut *self.left,
        }
    }

    fn charge<E: de::Error>(&mut self, units: usize) -> Result<(), E> {
        match self.left.checked_sub(units) {
            Some(rest) => {
                *self.left = rest;
                Ok(())
            }
            None => Err(E::custom(TOO_BIG)),
        }
    }
}

impl<'de> DeserializeSeed<'de> for Budget<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Budget<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_bool<E: de::Error>(mut self, _: bool) -> Result<(), E> {
        self.charge(1)
    }

    fn visit_i64<E: de::Error>(mut self, _: i64) -> Result<(), E> {
        self.charge(1)
    }

    fn visit_u64<E: de::Error>(mut self, _: u64) -> Result<(), E> {
        self.charge(1)
    }

    fn visit_i128<E: de::Error>(mut self, _: i128) -> Result<(), E> {
        self.charge(1)
    }

    fn visit_u128<E: de::Error>(mut self, _: u128) -> Result<(), E> {
        self.charge(1)
    }

    fn visit_f64<E: de::Error>(mut self, _: f64) -> Result<(), E> {
        self.charge(1)
    }

    fn visit_str<E: de::Error>(mut self, v: &str) -> Result<(), E> {
        self.charge(v.len().saturating_add(1))
    }

    fn visit_bytes<E: de::Error>(mut self, v: &[u8]) -> Result<(), E> {
        self.charge(v.len().saturating_add(1))
    }

    fn visit_unit<E: de::Error>(mut self) -> Result<(), E> {
        self.charge(1)
    }

    fn visit_none<E: de::Error>(mut self) -> Result<(), E> {
        self.charge(1)
    }

    fn visit_some<D: Deserializer<'de>>(mut self, d: D) -> Result<(), D::Error> {
        self.charge(1)?;
        d.deserialize_any(self)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(mut self, d: D) -> Result<(), D::Error> {
        self.charge(1)?;
        d.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<(), A::Error> {
        self.charge(1)?;
        while seq.next_element_seed(self.again())?.is_some() {}
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<(), A::Error> {
        self.charge(1)?;
        while map.next_key_seed(self.again())?.is_some() {
            map.next_value_seed(self.again())?;
        }
        Ok(())
    }

    fn visit_enum<A: EnumAccess<'de>>(mut self, data: A) -> Result<(), A::Error> {
        // A tagged value (`!tag value`): the tag, then the value.
        self.charge(1)?;
        let ((), variant) = data.variant_seed(self.again())?;
        de::VariantAccess::newtype_variant_seed(variant, self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 1 KB text, anchored, then used `uses` times.
    fn repeated(uses: usize) -> String {
        let mut text = format!("a: &big {}\nlist:\n", "x".repeat(1024));
        for _ in 0..uses {
            text.push_str("  - *big\n");
        }
        text
    }

    #[test]
    fn small_anchors_pass() {
        assert!(check(&repeated(500)).is_ok());
        assert!(check("a: &x {kk: a, ru: b}\nb: *x\nc: [*x, *x]\n").is_ok());
    }

    #[test]
    fn a_text_repeated_past_the_limit_is_refused() {
        let e = check(&repeated(2000)).unwrap_err();
        assert!(is_too_big(&e), "{e}");
    }

    #[test]
    fn nested_aliases_count_every_copy() {
        // 150 * 10 * 10 copies of a 100-byte text: 1.5 MB, in 17,000 alias
        // uses, below serde_yaml's own limit for this many values.
        let mut text = format!("a: &a [{}]\n", "y".repeat(100));
        text.push_str(&format!("b: &b [{}]\n", ["*a"; 10].join(", ")));
        text.push_str(&format!("c: &c [{}]\n", ["*b"; 10].join(", ")));
        text.push_str(&format!("d: [{}]\n", vec!["*c"; 150].join(", ")));
        let e = check(&text).unwrap_err();
        assert!(is_too_big(&e), "{e}");
    }

    #[test]
    fn tagged_values_and_keys_are_counted() {
        let mut text = format!("a: &k {}\nm:\n", "z".repeat(4096));
        for i in 0..300 {
            text.push_str(&format!("  ? *k\n  : !t{i} [*k]\n"));
        }
        let e = check(&text).unwrap_err();
        assert!(is_too_big(&e), "{e}");
    }

    #[test]
    fn files_without_aliases_always_fit() {
        let text = format!("a: \"{}\"\n", "\\L".repeat(100_000));
        assert!(check(&format!("{text}b: '&*'\n")).is_ok());
    }

    #[test]
    fn the_error_points_at_the_alias_and_names_it() {
        let text = repeated(3000);
        let source = Source {
            text: &text,
            file: std::path::Path::new("plans/2025-2026.yaml"),
            line_offset: 0,
            family: "plan",
        };
        let d = super::super::parse::<serde_yaml::Value>(source)
            .unwrap_err()
            .diagnostics
            .remove(0);
        assert_eq!(d.code, "yaml/too-big", "{d}");
        assert!(d.message.contains("`*big`"), "{}", d.message);
        let loc = d.location.unwrap();
        let line = loc.line.unwrap();
        assert!(line > 3, "{line}");
        assert_eq!(text.lines().nth(line - 1), Some("  - *big"));
        assert_eq!(loc.column, Some(5));
    }
}
