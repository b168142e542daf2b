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
//! Layer 1: part of `yaml`.

use serde::de::{self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, Visitor};

use super::Source;
use super::locate::tree_of;
use super::problem::{Step, segs};
use super::report::{located, too_complex};
use super::tree::Pos;
use crate::diag::Diagnostic;

/// Extra room anchors and aliases may add to a document, past its own size.
const ROOM: usize = 1024 * 1024;

/// The most a document of `text` may grow to, with its aliases written out:
/// twice the text (escapes like `\L` make a written-out text up to 1.5
/// times longer than its source, so a file without aliases always fits)
/// plus 1 MB for repeating small values, which normal files do.
pub(super) fn limit(text: &str) -> usize {
    text.len().saturating_mul(2).saturating_add(ROOM)
}

/// Why a document is refused before it is read.
#[derive(Debug)]
pub(super) enum Refused {
    /// Its aliases write out more than [`limit`]: the walk stopped at
    /// `path` (through the alias), at `at` in the anchored value.
    TooBig { path: Vec<Step>, at: Option<Pos> },
    /// Aliases nested or repeated past serde_yaml's own limits.
    TooComplex,
}

/// Walks the first document of `text` with its aliases followed. Any
/// problem other than its size or serde_yaml's limits (a syntax error, a
/// second document) is left to the real parse, which reports it.
pub(super) fn check(text: &str) -> Result<(), Refused> {
    // Without both an anchor and an alias nothing is repeated.
    if !(text.contains('&') && text.contains('*')) {
        return Ok(());
    }
    let mut walk = Walk {
        left: limit(text),
        path: Vec::new(),
        key: String::new(),
        over: false,
    };
    let budget = Budget {
        walk: &mut walk,
        key: false,
    };
    let result = budget.deserialize(serde_yaml::Deserializer::from_str(text));
    match result {
        Ok(()) => Ok(()),
        Err(e) if walk.over => Err(Refused::TooBig {
            path: walk.path,
            at: e.location().map(|l| Pos {
                line: l.line(),
                col: l.column(),
            }),
        }),
        // The walk failed on a text that reads without following its
        // aliases: it went past serde_yaml's limits for them.
        Err(_) if serde_yaml::from_str::<de::IgnoredAny>(text).is_ok() => Err(Refused::TooComplex),
        Err(_) => Ok(()),
    }
}

/// The diagnostic of a refused document: `yaml/too-big` at the alias being
/// read when the limit was passed (found by the walk's path), else where
/// serde_yaml stopped inside the anchored value.
pub(super) fn diagnostic(source: Source<'_>, refused: &Refused) -> Diagnostic {
    let Refused::TooBig { path, at } = refused else {
        return too_complex(source);
    };
    let tree = tree_of(source.text);
    let found = Some(path)
        .filter(|p| !p.is_empty())
        .and_then(|p| tree.walk(&segs(p)).at);
    let Pos { line, mut col } = found.or(*at).unwrap_or(Pos { line: 1, col: 1 });
    let alias = source
        .text
        .lines()
        .nth(line.saturating_sub(1))
        .and_then(alias_on);
    let mb = format!("{:.1}", limit(source.text) as f64 / (1024.0 * 1024.0));
    let (message, help) = match alias {
        Some((c, name)) => {
            col = c;
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
        .at(located(source, Pos { line, col }))
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

/// The state of a walk: the units it may still count, and where it is.
struct Walk {
    left: usize,
    path: Vec<Step>,
    /// The text of the map key just read.
    key: String,
    /// The count went past the limit.
    over: bool,
}

/// Counts a value and everything in it.
struct Budget<'a> {
    walk: &'a mut Walk,
    /// The value is a map key: keep its text for the path.
    key: bool,
}

impl Budget<'_> {
    fn again(&mut self) -> Budget<'_> {
        Budget {
            walk: &mut *self.walk,
            key: false,
        }
    }

    fn charge<E: de::Error>(&mut self, units: usize) -> Result<(), E> {
        match self.walk.left.checked_sub(units) {
            Some(rest) => {
                self.walk.left = rest;
                Ok(())
            }
            None => {
                self.walk.over = true;
                Err(E::custom("the aliases expand past the size limit"))
            }
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
        self.charge(v.len().saturating_add(1))?;
        // A long key cannot be a field's name: keep the path short.
        if self.key && v.len() <= 256 {
            v.clone_into(&mut self.walk.key);
        }
        Ok(())
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
        let mut index = 0;
        loop {
            // The path stays as it is when the walk stops: it tells where.
            self.walk.path.push(Step::Index(index));
            if seq.next_element_seed(self.again())?.is_none() {
                self.walk.path.pop();
                return Ok(());
            }
            self.walk.path.pop();
            index += 1;
        }
    }

    fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<(), A::Error> {
        self.charge(1)?;
        loop {
            self.walk.key.clear();
            let key = Budget {
                walk: &mut *self.walk,
                key: true,
            };
            if map.next_key_seed(key)?.is_none() {
                return Ok(());
            }
            let key = Step::Key(std::mem::take(&mut self.walk.key));
            self.walk.path.push(key);
            map.next_value_seed(self.again())?;
            self.walk.path.pop();
        }
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

    fn is_too_big(e: &Refused) -> bool {
        matches!(e, Refused::TooBig { .. })
    }

    #[test]
    fn a_text_repeated_past_the_limit_is_refused() {
        let e = check(&repeated(2000)).unwrap_err();
        assert!(is_too_big(&e), "{e:?}");
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
        assert!(is_too_big(&e), "{e:?}");
    }

    #[test]
    fn tagged_values_and_keys_are_counted() {
        let mut text = format!("a: &k {}\nm:\n", "z".repeat(4096));
        for i in 0..300 {
            text.push_str(&format!("  ? *k\n  : !t{i} [*k]\n"));
        }
        let e = check(&text).unwrap_err();
        assert!(is_too_big(&e), "{e:?}");
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
