//! The one place that knows the YAML libraries: parsing into typed `Raw*`
//! structs, turning every problem into diagnostics for teachers, and
//! finding the line of a key for problems found after parsing.
//!
//! serde_yaml (pinned) reads every file into its type. When that fails,
//! nothing is learnt from its error messages: the typed checks
//! (`checks`) read the file again through wrappers that keep the path of
//! each value and get each problem as data (an unknown field with the
//! fields allowed, a value with the kind asked for), and the positions of
//! keys and values come from the marks of a second, event-only parser,
//! saphyr-parser (`tree`), which is never used for values.
//!
//! - `expand`: refuses documents whose aliases grow too big, before parsing
//! - `checks`, `problem`: the typed checks and their error type
//! - `lenient`: every problem of a file in one run, and the value read
//!   without them, for checking the rest of the file
//! - `report`, `syntax`: the diagnostics, in plain words
//! - `tree`, `locate`: lines and columns of keys and values
//! - `values`: the values of a document, for whole-site rules
//! - `edit`, `outline`: format-preserving edits and a document's values
//!   as a plain tree, for the editor of `serve --edit`
//!
//! Layer 1: imports only `diag`. Swapping a YAML crate is a change to this
//! module alone.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::diag::{Diagnostic, Diagnostics};

mod checks;
mod edit;
mod expand;
mod lenient;
mod locate;
mod outline;
mod problem;
mod report;
mod syntax;
mod tree;
mod values;

pub use edit::{EditError, Item, Scalar, append_item, remove_item, set_localized, set_value};
pub use locate::{Seg, locate, locate_value, locate_whole_value};
pub use outline::{Outline, duplicate_last, line_of, outline};
pub use values::find_values;

/// What kind of file is being read, for the messages: "club.yaml",
/// "front matter of 2024-2025.kk.md" ...
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    /// The file's text.
    pub text: &'a str,
    /// The file, for locations.
    pub file: &'a Path,
    /// Lines before `text` starts in the file (front matter starts after `---`).
    pub line_offset: usize,
    /// The code family of its diagnostics: `site`, `club`, `report` ...
    pub family: &'static str,
}

/// What [`parse`] found wrong with a file.
#[derive(Debug)]
pub struct Failed<T> {
    /// Every problem found in the file, by line; never empty. Each names the
    /// file, line and column, says what is wrong in plain words and, for
    /// typos, suggests the right name.
    pub diagnostics: Vec<Diagnostic>,
    /// The file read once more with its unknown fields left out, when that
    /// worked and no other problem was found: only for finding more
    /// problems in the same run (the checks that come after parsing), never
    /// for building, since `diagnostics` holds at least one error.
    pub lenient: Option<T>,
}

impl<T> Failed<T> {
    /// Adds the diagnostics to `diags` and hands back the lenient value.
    pub fn report(self, diags: &mut Diagnostics) -> Option<T> {
        for d in self.diagnostics {
            diags.push(d);
        }
        self.lenient
    }
}

/// Parses `source.text` into `T`. On failure, reports every problem that
/// can be found in one run: each unknown field and each value of the wrong
/// kind (the parse goes on without it), up to a missing or duplicate field.
/// A syntax error stays the only problem: the YAML cannot be read past it.
pub fn parse<T: DeserializeOwned>(source: Source<'_>) -> Result<T, Failed<T>> {
    // Every alias is followed once up front, so a document that grows too
    // big is refused before any field copies a value (see `expand`).
    expand::check(source.text).map_err(|refused| Failed {
        diagnostics: vec![expand::diagnostic(source, &refused)],
        lenient: None,
    })?;
    serde_yaml::from_str(source.text).map_err(|_| lenient::diagnose(source))
}

/// [`parse`], with the problems added to `diags`. Returns the value when the
/// file could be read, also when only leniently: then an error has been
/// reported (so the build fails), and the value serves only to check the
/// rest of the file in the same run.
pub fn read<T: DeserializeOwned>(source: Source<'_>, diags: &mut Diagnostics) -> Option<T> {
    parse(source).map_or_else(|failed| failed.report(diags), Some)
}

/// The most a YAML document of `text` may grow to with its aliases written
/// out (in bytes of text, plus one per value); past it, `yaml/too-big`.
pub fn expansion_limit(text: &str) -> usize {
    expand::limit(text)
}

/// Parses data shipped inside the binary (regions, principles).
pub fn parse_builtin<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    serde_yaml::from_str(text).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        name: String,
        leaders: Option<Vec<Leader>>,
    }

    /// A nested group, for the tests here and in `lenient`.
    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    pub(super) struct Leader {
        name: String,
        email: Option<String>,
    }

    fn src(text: &str) -> Source<'_> {
        Source {
            text,
            file: Path::new("club.yaml"),
            line_offset: 0,
            family: "club",
        }
    }

    #[test]
    fn unknown_field_gets_a_suggestion_and_its_line() {
        let text = "name: x\nleaderz:\n  - name: y\n";
        let d = parse::<Doc>(src(text)).unwrap_err().diagnostics.remove(0);
        assert_eq!(d.code, "club/unknown-field");
        assert_eq!(d.label.as_deref(), Some("did you mean `leaders`?"));
        assert_eq!(d.location.unwrap().line, Some(2));
    }

    #[test]
    fn nested_unknown_field_is_found_on_its_line() {
        let text = "name: x\nleaders:\n  - name: y\n    emial: a@b.kz\n";
        let d = parse::<Doc>(src(text)).unwrap_err().diagnostics.remove(0);
        assert_eq!(d.location.unwrap().line, Some(4));
        assert_eq!(d.label.as_deref(), Some("did you mean `email`?"));
    }

    #[test]
    fn syntax_errors_have_a_line() {
        let d = parse::<Doc>(src("name: x\n  bad: : :\n\tfoo"))
            .unwrap_err()
            .diagnostics
            .remove(0);
        assert_eq!(d.code, "yaml/syntax");
        assert!(d.location.unwrap().line.is_some());
    }

    #[test]
    fn duplicate_fields_point_at_the_second_line() {
        let d = parse::<Doc>(src("name: x\nleaders: []\nname: y\n"))
            .unwrap_err()
            .diagnostics
            .remove(0);
        assert_eq!(d.code, "club/duplicate-key");
        assert_eq!(d.location.unwrap().line, Some(3));
    }

    #[test]
    fn alias_bombs_are_refused_wherever_they_are() {
        let mut text = String::from("name: x\na: &a [x, x, x, x, x, x, x, x, x]\n");
        for (prev, name) in ["a", "b", "c", "d", "e", "f", "g", "h"]
            .iter()
            .zip(["b", "c", "d", "e", "f", "g", "h", "i"])
        {
            text.push_str(&format!("{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
        }
        let d = parse::<Doc>(src(&text)).unwrap_err().diagnostics.remove(0);
        assert_eq!(d.code, "yaml/too-complex", "{d}");
    }

    #[test]
    fn missing_field_is_named() {
        let d = parse::<Doc>(src("leaders: []\n"))
            .unwrap_err()
            .diagnostics
            .remove(0);
        assert_eq!(d.code, "club/missing-field");
        assert!(d.message.contains("`name`"), "{}", d.message);
    }

    #[test]
    fn locates_nested_keys_and_items() {
        let text = "name: x\nschool:\n  name: y\n  region: qaraganda\nleaders:\n  - name: a\n  - name: b\n    email: bad\n";
        let s = src(text);
        let at = |p: &[Seg<'_>]| locate(s, p).line.unwrap();
        assert_eq!(at(&[Seg::Key("school"), Seg::Key("region")]), 4);
        assert_eq!(
            at(&[Seg::Key("leaders"), Seg::Index(1), Seg::Key("email")]),
            8
        );
        assert_eq!(at(&[Seg::Key("leaders"), Seg::Index(1)]), 7);
        assert_eq!(at(&[Seg::Key("name")]), 1);
    }

    #[test]
    fn missing_nested_field_points_at_its_parent() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct School {
            name: String,
            region: String,
        }
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct Club {
            name: String,
            school: School,
        }
        let text = "name: x\nschool:\n  name: y\n  locality: z\n";
        let d = parse::<Club>(src(text)).unwrap_err().diagnostics.remove(0);
        assert_eq!(d.message, "required field `school.region` is missing");
        assert_eq!(d.location.unwrap().line, Some(2));
    }

    #[test]
    fn locates_values_after_their_keys() {
        let text = "school:\n  region: qaraganda\ngoals:\n  - x\nname: {kk: a, ru: b}\n";
        let s = src(text);
        let at = |p: &[Seg<'_>]| {
            let l = locate_value(s, p);
            (l.line.unwrap(), l.column.unwrap())
        };
        assert_eq!(at(&[Seg::Key("school"), Seg::Key("region")]), (2, 11));
        assert_eq!(at(&[Seg::Key("goals"), Seg::Index(0)]), (4, 5));
        assert_eq!(at(&[Seg::Key("name"), Seg::Key("ru")]), (5, 19));
        assert_eq!(at(&[Seg::Key("school")]), (1, 1));
    }

    #[test]
    fn locates_items_of_flow_lists() {
        let text = "title: x\nlanguages: [kk, \"ru\", kz]\n";
        let loc = locate(src(text), &[Seg::Key("languages"), Seg::Index(2)]);
        assert_eq!((loc.line, loc.column), (Some(2), Some(23)));
    }

    #[test]
    fn syntax_errors_point_at_the_unclosed_brace() {
        let d = parse::<serde_yaml::Value>(src("name: {kk: x, ru: y\nleaders: []\n"))
            .unwrap_err()
            .diagnostics
            .remove(0);
        assert_eq!(d.code, "yaml/syntax");
        let loc = d.location.unwrap();
        assert_eq!((loc.line, loc.column), (Some(1), Some(7)));
    }

    #[test]
    fn locates_keys_in_flow_maps() {
        let text = "name: {kk: a, kz: b}\n";
        let loc = locate(src(text), &[Seg::Key("name"), Seg::Key("kz")]);
        assert_eq!((loc.line, loc.column), (Some(1), Some(15)));
    }
}
