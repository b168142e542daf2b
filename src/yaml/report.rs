//! The diagnostics of a file that failed to parse, in words a teacher
//! understands, each at the line of its key or value in the [`Tree`].
//!
//! Layer 1: part of `yaml`.

use super::Source;
use super::checks::{At, Fault, Unknown};
use super::problem::{Found, Hint, Problem, Step, path_name, segs};
use super::tree::{NodeId, Pos, Tree};
use crate::diag::{Diagnostic, Location, did_you_mean};

/// The diagnostic of a problem the typed checks noted; None for an error
/// of the YAML library (see `lenient`).
pub(super) fn fault(source: Source<'_>, tree: &Tree, f: &Fault) -> Option<Diagnostic> {
    let at = match &f.at {
        At::Value => value_at(tree, &f.path),
        At::Key(key, nth) => key_at(tree, &f.path, key, *nth),
        At::Entry(n) => tree.start(entry(tree, &f.path, *n)?),
    };
    Some(match &f.problem {
        Problem::UnknownField { field, expected } => {
            let meant = did_you_mean(field, expected.iter().copied());
            let nth = match f.at {
                At::Key(_, nth) => nth,
                At::Value | At::Entry(_) => 0,
            };
            let unknown = Unknown {
                path: f.path.clone(),
                key: field.clone(),
                nth,
                expected,
                meant,
            };
            unknown_field(source, tree, &unknown)
        }
        Problem::UnknownVariant { variant, expected } => {
            let d = Diagnostic::error(
                code(source.family, "invalid-value"),
                format!("`{variant}` is not an allowed value{}", within(&f.path)),
            );
            let d = match did_you_mean(variant, expected.iter().copied()) {
                Some(s) => d
                    .words("yaml-invalid-value-guess")
                    .arg("suggestion", s)
                    .label(format!("did you mean `{s}`?")),
                None => d.words("yaml-invalid-value").label("not an allowed value"),
            }
            .arg("value", variant)
            .arg("choices", expected.join(", "));
            placed(d, &f.path)
                .help(format!("write one of: {}", expected.join(", ")))
                .at(located(source, at))
        }
        Problem::MissingField(field) => missing_field(source, tree, &f.path, field),
        Problem::DuplicateField(field) => duplicate(source, tree, &f.path, field),
        Problem::WrongType { found, expected } => {
            wrong_type(source, at, &f.path, found, f.hint, expected)
        }
        // A type's own words (serde's) are not a teacher's: said plainly.
        Problem::Other(_) => unreadable(source, tree, &f.path).at(located(source, at)),
        Problem::Passed => return None,
    })
}

/// An unknown field, at its key, with the field it is probably a typo of.
pub(super) fn unknown_field(source: Source<'_>, tree: &Tree, u: &Unknown) -> Diagnostic {
    let d = Diagnostic::error(
        code(source.family, "unknown-field"),
        format!("unknown field `{}`{}", u.key, within(&u.path)),
    );
    let d = match u.meant {
        Some(s) => d
            .words("yaml-unknown-field-guess")
            .arg("suggestion", s)
            .label(format!("did you mean `{s}`?")),
        None => d.words("yaml-unknown-field").label("not a known field"),
    }
    .arg("field", &u.key)
    .arg("fields", u.expected.join(", "));
    placed(d, &u.path)
        .help(format!(
            "the fields allowed here are: {}",
            u.expected.join(", ")
        ))
        .at(located(source, key_at(tree, &u.path, &u.key, u.nth)))
}

/// A value of the wrong kind at `at`: `hint` says what was asked for,
/// else the type's own description `described`.
pub(super) fn wrong_type(
    source: Source<'_>,
    at: Pos,
    path: &[Step],
    found: &Found,
    hint: Hint,
    described: &str,
) -> Diagnostic {
    let expected = hint.words(described);
    let wrong = |message: String| {
        Diagnostic::error(
            code(source.family, "wrong-type"),
            format!("{message}{}", within(path)),
        )
    };
    let d = match found {
        Found::Huge(number) => wrong(format!(
            "the number {number} is far too large: expected {expected}"
        ))
        .words("yaml-number-too-large"),
        found => wrong(format!(
            "wrong kind of value: expected {expected}, found {found}"
        ))
        .words("yaml-wrong-type"),
    }
    .arg("expected", hint.key(described))
    .arg("choices", hint.choices())
    .arg("found", found.kind())
    .arg("value", found.shown());
    let d = match number_with_words(found, hint.key(described)) {
        Some(number) => d
            .help(format!("write only the number: {number}"))
            .arg("number", number),
        None => d,
    };
    let mut location = located(source, at);
    if let Found::Text(text) = found {
        location.width = written_width(source.text, at, text);
    }
    placed(d, path).at(location)
}

/// How many characters `text` takes where it is written at `at`, quotes
/// included, when it is written there on one line as it reads (so all of
/// `150 адам` is underlined, not its first word).
fn written_width(source: &str, at: Pos, text: &str) -> Option<usize> {
    let line = source.lines().nth(at.line.checked_sub(1)?)?;
    let written: String = line.chars().skip(at.col.checked_sub(1)?).collect();
    let quoted = ['"', '\''].iter().any(|&q| {
        written
            .strip_prefix(q)
            .is_some_and(|rest| rest.starts_with(text) && rest[text.len()..].starts_with(q))
    });
    let width = text.chars().count();
    if quoted {
        Some(width + 2)
    } else {
        written.starts_with(text).then_some(width)
    }
}

/// The number of a text like `150 адам` or `150 человек` where a number
/// is asked for (`expected` is a key of [`Hint::key`]): the digits it
/// starts with, when words without digits follow them.
fn number_with_words(found: &Found, expected: &str) -> Option<String> {
    let Found::Text(text) = found else {
        return None;
    };
    if !matches!(expected, "unsigned" | "whole" | "number") {
        return None;
    }
    let text = text.trim();
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let words = &text[digits..];
    let plain_words = words.starts_with(char::is_whitespace)
        && words.chars().any(char::is_alphabetic)
        && !words.chars().any(|c| c.is_numeric());
    (digits > 0 && plain_words).then(|| text[..digits].to_string())
}

fn missing_field(source: Source<'_>, tree: &Tree, path: &[Step], field: &str) -> Diagnostic {
    let missing = |full: &str| {
        Diagnostic::error(
            code(source.family, "missing-field"),
            format!("required field `{full}` is missing"),
        )
    };
    let d = if path.is_empty() {
        let at = Pos {
            line: first_content_line(source.text),
            col: 1,
        };
        missing(field)
            .words("yaml-missing-field")
            .arg("full", field)
            .label(format!("`{field}` is missing in this file"))
            .help(format!(
                "add a line `{field}: ...` at the start of a line (not indented)"
            ))
            .at(located(source, at))
    } else {
        let p = path_name(path);
        let full = format!("{p}.{field}");
        let at = tree.walk(&segs(path)).at.unwrap_or(START);
        missing(&full)
            .words("yaml-missing-field-in")
            .arg("full", &full)
            .arg("path", &p)
            .label(format!("`{field}` is missing under this line"))
            .help(format!(
                "add a line `{field}: ...` inside `{p}`, indented like the other fields there"
            ))
            .at(located(source, at))
    };
    d.arg("field", field)
}

/// A field written twice, at its second key.
fn duplicate(source: Source<'_>, tree: &Tree, path: &[Step], field: &str) -> Diagnostic {
    let walked = tree.walk(&segs(path));
    let second = walked
        .node
        .filter(|_| walked.complete)
        .and_then(|map| tree.keys_named(map, field).nth(1))
        .map(|key| tree.start(key));
    let d = Diagnostic::error(
        code(source.family, "duplicate-key"),
        format!("the field `{field}` is written twice{}", within(path)),
    )
    .words("yaml-duplicate-key")
    .arg("field", field);
    placed(d, path)
        .label("written again here")
        .help("keep one of the two lines and delete the other")
        .at(located(
            source,
            second.unwrap_or_else(|| value_at(tree, path)),
        ))
}

/// Nesting or aliases deeper than the YAML library reads.
pub(super) fn too_complex(source: Source<'_>) -> Diagnostic {
    // No position comes with it: show the first anchor.
    let line = source
        .text
        .lines()
        .position(|l| l.contains('&'))
        .unwrap_or(0)
        + 1;
    Diagnostic::error(
        "yaml/too-complex",
        "this file nests or repeats anchors (`&`/`*`) too deeply to be read safely",
    )
    .words("yaml-too-complex")
    .help("write the values out instead of using YAML anchors and aliases")
    .at(located(source, Pos { line, col: 1 }))
}

/// A second document in the file (a `---` line in the middle).
pub(super) fn second_document(source: Source<'_>, at: Pos) -> Diagnostic {
    Diagnostic::error(
        code(source.family, "invalid"),
        "a line `---` starts a second document here: a file holds only one",
    )
    .words("yaml-second-document")
    .help("remove the `---` line, or put the text it belongs to in quotes")
    .at(located(source, at))
}

/// Any other error of the YAML library, at the value being read.
pub(super) fn unreadable(source: Source<'_>, tree: &Tree, path: &[Step]) -> Diagnostic {
    let d = Diagnostic::error(
        code(source.family, "invalid"),
        format!("this value cannot be read{}", within(path)),
    )
    .words("yaml-unreadable");
    placed(d, path)
        .help("check that it is written like the examples in the content format")
        .at(located(source, value_at(tree, path)))
}

const START: Pos = Pos { line: 1, col: 1 };

/// ` in `school.region``, for a problem inside a group.
fn within(path: &[Step]) -> String {
    if path.is_empty() {
        String::new()
    } else {
        format!(" in `{}`", path_name(path))
    }
}

/// The place words of a problem at `path`: `path`, and `at`, `top` for the
/// file's own fields, `group` inside one (the message files select on it).
fn placed(d: Diagnostic, path: &[Step]) -> Diagnostic {
    let at = if path.is_empty() { "top" } else { "group" };
    d.arg("path", path_name(path)).arg("at", at)
}

pub(super) fn located(source: Source<'_>, at: Pos) -> Location {
    Location::at(source.file, at.line + source.line_offset, at.col)
}

/// Where the value at `path` starts, or the nearest place found.
pub(super) fn value_at(tree: &Tree, path: &[Step]) -> Pos {
    let walked = tree.walk(&segs(path));
    match walked.node {
        Some(node) if walked.complete => tree.start(node),
        _ => walked.at.unwrap_or(START),
    }
}

/// The key of the `n`-th entry of the map at `path`.
pub(super) fn entry(tree: &Tree, path: &[Step], n: usize) -> Option<NodeId> {
    let walked = tree.walk(&segs(path));
    tree.entry(walked.node.filter(|_| walked.complete)?, n)
}

/// Where the `nth` key `key` of the map at `path` is.
fn key_at(tree: &Tree, path: &[Step], key: &str, nth: usize) -> Pos {
    let walked = tree.walk(&segs(path));
    let written = walked
        .node
        .filter(|_| walked.complete)
        .and_then(|map| tree.keys_named(map, key).nth(nth));
    match written {
        Some(key) => tree.start(key),
        None => walked.at.unwrap_or(START),
    }
}

/// The first line that is not blank or a comment (1-based), else 1.
fn first_content_line(text: &str) -> usize {
    text.lines()
        .position(|l| {
            let t = l.trim_start();
            !t.is_empty() && !t.starts_with('#')
        })
        .map_or(1, |i| i + 1)
}

/// Interns `family/kind` codes so diagnostics keep `&'static str` codes
/// (the codes are listed in `diag::codes`).
pub(super) fn code(family: &'static str, kind: &'static str) -> &'static str {
    crate::diag::codes::family_code(family, kind)
}
