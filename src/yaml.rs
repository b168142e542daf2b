//! The one place that knows the YAML library: parsing into typed `Raw*`
//! structs, turning its errors into diagnostics for teachers, and finding the
//! line of a key for problems found after parsing.
//!
//! Layer 1: imports only `diag`. Swapping the YAML crate is a change to this
//! file alone.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::diag::{Diagnostic, Diagnostics, Location, did_you_mean};

mod expand;
mod lenient;
mod syntax;
mod values;

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
    expand::check(source.text).map_err(|e| Failed {
        diagnostics: vec![to_diagnostic(&e, source)],
        lenient: None,
    })?;
    serde_yaml::from_str(source.text).map_err(|e| lenient::parse_on(source, e))
}

/// [`parse`], with the problems added to `diags`. Returns the value when the
/// file could be read, also when only leniently: then an error has been
/// reported (so the build fails), and the value serves only to check the
/// rest of the file in the same run.
pub fn read<T: DeserializeOwned>(source: Source<'_>, diags: &mut Diagnostics) -> Option<T> {
    parse(source).map_or_else(|failed| failed.report(diags), Some)
}

/// serde_yaml's parse, after the size check of `expand`: a text changed by
/// `lenient` (a line left out can make an alias name an earlier, bigger
/// anchor) is checked again.
fn from_str_bounded<T: DeserializeOwned>(text: &str) -> Result<T, serde_yaml::Error> {
    expand::check(text)?;
    serde_yaml::from_str(text)
}

fn is_too_complex(message: &str) -> bool {
    message.contains("recursion limit") || message.contains("repetition limit")
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

fn to_diagnostic(e: &serde_yaml::Error, source: Source<'_>) -> Diagnostic {
    let raw = e.to_string();
    let mut message = strip_position(&raw).to_string();
    let (path, rest) = split_path(&message);
    let path = path.map(str::to_string);
    message = rest.to_string();
    let (mut line, mut column) = e
        .location()
        .map(|l| (l.line(), l.column()))
        .unwrap_or((1, 1));
    let family = source.family;
    let what = path
        .as_deref()
        .map(|p| format!(" in `{p}`"))
        .unwrap_or_default();

    if let Some((field, expected)) = unknown_name(&message, "unknown field `") {
        let suggestion = did_you_mean(&field, expected.iter().map(String::as_str));
        if let Some((l, c)) = find_key_line(source.text, &field, line) {
            line = l;
            column = c;
        }
        let label = suggestion
            .map(|s| format!("did you mean `{s}`?"))
            .unwrap_or_else(|| "not a known field".to_string());
        let d = Diagnostic::error(
            code(family, "unknown-field"),
            format!("unknown field `{field}`{what}"),
        )
        .label(label)
        .help(format!(
            "the fields allowed here are: {}",
            expected.join(", ")
        ));
        return d.at(located(source, line, column));
    }
    if let Some((variant, expected)) = unknown_name(&message, "unknown variant `") {
        let suggestion = did_you_mean(&variant, expected.iter().map(String::as_str));
        let label = suggestion
            .map(|s| format!("did you mean `{s}`?"))
            .unwrap_or_else(|| "not an allowed value".to_string());
        return Diagnostic::error(
            code(family, "invalid-value"),
            format!("`{variant}` is not an allowed value{what}"),
        )
        .label(label)
        .help(format!("write one of: {}", expected.join(", ")))
        .at(located(source, line, column));
    }
    if let Some(field) = between(&message, "missing field `", "`") {
        let (full, at, label) = match &path {
            Some(p) => (
                format!("{p}.{field}"),
                locate(source, &parse_path(p)),
                format!("`{field}` is missing under this line"),
            ),
            None => (
                field.to_string(),
                located(source, first_content_line(source.text), 1),
                format!("`{field}` is missing in this file"),
            ),
        };
        let help = match &path {
            Some(p) => format!(
                "add a line `{field}: ...` inside `{p}`, indented like the other fields there"
            ),
            None => format!("add a line `{field}: ...` at the start of a line (not indented)"),
        };
        return Diagnostic::error(
            code(family, "missing-field"),
            format!("required field `{full}` is missing"),
        )
        .label(label)
        .help(help)
        .at(at);
    }
    if let Some(field) = between(&message, "duplicate field `", "`") {
        let (l, c) = second_key_line(source.text, field, line, column).unwrap_or((line, column));
        return Diagnostic::error(
            code(family, "duplicate-key"),
            format!("the field `{field}` is written twice{what}"),
        )
        .label("written again here")
        .help("keep one of the two lines and delete the other")
        .at(located(source, l, c));
    }
    if message.starts_with("duplicate entry") {
        return Diagnostic::error(
            code(family, "duplicate-key"),
            format!("a field is written twice{what}"),
        )
        .label("written again here")
        .help("keep one of the two lines and delete the other")
        .at(located(source, line, column));
    }
    if message.ends_with(expand::TOO_BIG) {
        return expand::diagnostic(source, path.as_deref(), (line, column));
    }
    if is_too_complex(&message) {
        // No position comes with it: show the first anchor.
        if let Some(i) = source.text.lines().position(|l| l.contains('&')) {
            line = i + 1;
            column = 1;
        }
        return Diagnostic::error(
            "yaml/too-complex",
            "this file nests or repeats anchors (`&`/`*`) too deeply to be read safely",
        )
        .help("write the values out instead of using YAML anchors and aliases")
        .at(located(source, line, column));
    }
    if message.starts_with("invalid type") || message.starts_with("invalid value") {
        return Diagnostic::error(
            code(family, "wrong-type"),
            format!("{}{what}", explain_type_error(&message)),
        )
        .at(located(source, line, column));
    }
    if e.location().is_some() && path.is_none() {
        // A syntax error from the YAML parser itself.
        let explained = syntax::explain(&raw);
        let (line, column) = explained.at.unwrap_or((line, column));
        return Diagnostic::error("yaml/syntax", explained.message)
            .label(explained.label)
            .help(explained.help)
            .at(located(source, line, column));
    }
    Diagnostic::error(code(family, "invalid"), format!("{message}{what}"))
        .at(located(source, line, column))
}

fn located(source: Source<'_>, line: usize, column: usize) -> Location {
    Location::at(source.file, line + source.line_offset, column)
}

/// Interns `family/kind` codes so diagnostics keep `&'static str` codes.
fn code(family: &'static str, kind: &'static str) -> &'static str {
    macro_rules! codes {
        ($($f:literal),*) => {
            match (family, kind) {
                $(
                    ($f, "unknown-field") => concat!($f, "/unknown-field"),
                    ($f, "invalid-value") => concat!($f, "/invalid-value"),
                    ($f, "missing-field") => concat!($f, "/missing-field"),
                    ($f, "duplicate-key") => concat!($f, "/duplicate-key"),
                    ($f, "wrong-type") => concat!($f, "/wrong-type"),
                    ($f, "invalid") => concat!($f, "/invalid"),
                )*
                _ => "yaml/invalid",
            }
        };
    }
    codes!(
        "site",
        "club",
        "report",
        "plan",
        "news",
        "page",
        "documents",
        "photos",
        "principles"
    )
}

/// The second `key:` of the mapping that starts at `line`:`column` (where
/// serde reports a duplicate field), as 1-based line and column.
fn second_key_line(text: &str, key: &str, line: usize, column: usize) -> Option<(usize, usize)> {
    let indent = column.saturating_sub(1);
    let mut seen = 0;
    for (i, l) in text.lines().enumerate().skip(line.saturating_sub(1)) {
        if !is_content(l) {
            continue;
        }
        let rest = l.get(indent..).unwrap_or("");
        if i + 1 > line && indent_of(l) < indent {
            break;
        }
        let rest = rest.strip_prefix("- ").unwrap_or(rest);
        if indent_of(l) <= indent
            && rest
                .strip_prefix(key)
                .is_some_and(|r| r.trim_start().starts_with(':'))
        {
            seen += 1;
            if seen == 2 {
                return Some((i + 1, indent + 1));
            }
        }
    }
    None
}

/// The first line that is not blank or a comment (1-based), else 1.
fn first_content_line(text: &str) -> usize {
    text.lines().position(is_content).map_or(1, |i| i + 1)
}

/// `leaders[1].role` → the segments of [`locate`].
fn parse_path(path: &str) -> Vec<Seg<'_>> {
    let mut segs = Vec::new();
    for part in path.split('.') {
        let (key, indexes) = part.split_once('[').unwrap_or((part, ""));
        if !key.is_empty() {
            segs.push(Seg::Key(key));
        }
        for index in indexes.split('[') {
            if let Ok(n) = index.trim_end_matches(']').parse() {
                segs.push(Seg::Index(n));
            }
        }
    }
    segs
}

fn strip_position(message: &str) -> &str {
    match message.rfind(" at line ") {
        Some(i) => &message[..i],
        None => message,
    }
}

/// serde_yaml prefixes nested errors with their path: `school.region: ...`.
fn split_path(message: &str) -> (Option<&str>, &str) {
    if let Some((head, tail)) = message.split_once(": ")
        && !head.is_empty()
        && !head.contains(' ')
        && head
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '[' | ']'))
    {
        return (Some(head), tail);
    }
    (None, message)
}

fn between<'a>(s: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let i = s.find(start)? + start.len();
    let j = s[i..].find(end)? + i;
    Some(&s[i..j])
}

/// Reads serde's "unknown field `x`, expected one of `a`, `b`".
fn unknown_name(message: &str, prefix: &str) -> Option<(String, Vec<String>)> {
    let name = between(message, prefix, "`")?.to_string();
    let rest = &message[message.find(prefix)? + prefix.len() + name.len() + 1..];
    let expected = rest
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect();
    Some((name, expected))
}

fn explain_type_error(message: &str) -> String {
    let found = between(message, "invalid type: ", ", expected")
        .or_else(|| between(message, "invalid value: ", ", expected"))
        .unwrap_or("this value");
    let expected = message.rsplit(", expected ").next().unwrap_or("");
    let expected = match expected {
        e if e.starts_with("u32")
            || e.starts_with("u64")
            || e.starts_with("u8")
            || e.starts_with("u16") =>
        {
            "a whole number of 0 or more (no fractions, no minus sign)"
        }
        "a boolean" => "true or false",
        e if e.starts_with("a sequence") => "a list (lines starting with `- `)",
        e if e.starts_with("struct") || e.starts_with("a map") => "a group of `key: value` lines",
        e => e,
    };
    // A number beyond any whole number the program keeps arrives as
    // "integer `99999999999999999999` as u128".
    if let Some(number) = between(found, "integer `", "` as ") {
        return format!("the number {number} is far too large: expected {expected}");
    }
    let found = found
        .replace("sequence", "a list")
        .replace("map", "a group of fields")
        .replace("floating point", "the number");
    format!("wrong kind of value: expected {expected}, found {found}")
}

/// Finds the line (1-based, within `text`) and column of `key:` at or after
/// `from_line`, else anywhere in the text.
fn find_key_line(text: &str, key: &str, from_line: usize) -> Option<(usize, usize)> {
    let matches_key = |line: &str| {
        let t = line.trim_start().trim_start_matches("- ").trim_start();
        let t = t.trim_start_matches(['"', '\'']);
        t.strip_prefix(key)
            .map(|r| {
                r.trim_start_matches(['"', '\''])
                    .trim_start()
                    .starts_with(':')
            })
            .unwrap_or(false)
    };
    let lines: Vec<&str> = text.lines().collect();
    let pos =
        |(i, l): (usize, &&str)| (i + 1, l.find(key).map_or(1, |c| l[..c].chars().count() + 1));
    lines
        .iter()
        .enumerate()
        .skip(from_line.saturating_sub(1))
        .find(|(_, l)| matches_key(l))
        .or_else(|| lines.iter().enumerate().find(|(_, l)| matches_key(l)))
        .map(pos)
}

/// One step of a path to a value: a mapping key or a list index.
#[derive(Debug, Clone, Copy)]
pub enum Seg<'a> {
    /// `key:`
    Key(&'a str),
    /// the n-th `- ` item (0-based)
    Index(usize),
}

/// Finds the line and column (1-based, counted in the file, so including
/// `line_offset`) of the value at `path`, by reading the block structure of
/// the text. Falls back to the deepest part of the path it could find, and to
/// line 1.
pub fn locate(source: Source<'_>, path: &[Seg<'_>]) -> Location {
    let (line, col) = locate_in(source.text, path).unwrap_or((1, 1));
    Location::at(source.file, line + source.line_offset, col)
}

/// Like [`locate`], but points at the value written after `key:` (or after
/// the list dash) when it is on the same line, so a snippet underlines the
/// wrong value rather than its key.
pub fn locate_value(source: Source<'_>, path: &[Seg<'_>]) -> Location {
    let mut loc = locate(source, path);
    let (Some(line), Some(col)) = (loc.line, loc.column) else {
        return loc;
    };
    let Some(text) = source.text.lines().nth(line - 1 - source.line_offset) else {
        return loc;
    };
    let start = text
        .char_indices()
        .nth(col - 1)
        .map_or(text.len(), |(i, _)| i);
    let rest = &text[start..];
    let after = match rest.strip_prefix('-') {
        Some(r) if r.starts_with(' ') => r,
        _ => match rest.find(':') {
            Some(i) => &rest[i + 1..],
            None => return loc,
        },
    };
    let value = after.trim_start();
    if !value.is_empty() && !value.starts_with('#') {
        let offset = text.len() - value.len();
        loc.column = Some(text[..offset].chars().count() + 1);
    }
    loc
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

fn is_content(line: &str) -> bool {
    let t = line.trim_start();
    !t.is_empty() && !t.starts_with('#')
}

fn locate_in(text: &str, path: &[Seg<'_>]) -> Option<(usize, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    // The block being searched: lines [start, end), and its items' indent
    // must be greater than `parent`.
    let (mut start, mut end) = (0usize, lines.len());
    let mut parent: isize = -1;
    let mut best: Option<(usize, usize)> = None;
    for seg in path {
        let found = match *seg {
            Seg::Key(key) => find_key_in(&lines, start, end, parent, key),
            Seg::Index(n) => find_item_in(&lines, start, end, parent, n),
        };
        let Some((idx, col, indent)) = found else {
            // A flow mapping on the line found so far: `{kk: ..., ru: ...}`.
            if let (Some((l, _)), Seg::Key(key)) = (best, seg)
                && let Some(c) = lines.get(l - 1).and_then(|s| s.find(&format!("{key}:")))
            {
                return Some((l, lines[l - 1][..c].chars().count() + 1));
            }
            // A flow list on the line found so far: `[kk, ru]`.
            if let (Some((l, _)), Seg::Index(n)) = (best, seg)
                && let Some(c) = lines.get(l - 1).and_then(|s| flow_item_column(s, *n))
            {
                return Some((l, c));
            }
            return best;
        };
        best = Some((idx + 1, col));
        // The block of this entry: until the next content line at an indent
        // not deeper than its own.
        let block_end = (idx + 1..end)
            .find(|&i| is_content(lines[i]) && indent_of(lines[i]) <= indent)
            .unwrap_or(end);
        start = idx;
        end = block_end;
        parent = indent as isize - 1;
        if matches!(seg, Seg::Key(_)) {
            start = idx + 1;
            parent = indent as isize;
        }
    }
    best
}

/// The 1-based column of the `n`-th item of the `[a, b, c]` list on `line`.
fn flow_item_column(line: &str, n: usize) -> Option<usize> {
    let open = line.find('[')?;
    let mut seen = 0;
    let mut quote: Option<char> = None;
    let mut at_start = true;
    for (i, c) in line[open + 1..].char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, ']') => return None,
            (None, ',') => {
                seen += 1;
                at_start = true;
            }
            (None, c) if c.is_whitespace() => {}
            (None, c) => {
                if at_start && seen == n {
                    return Some(line[..open + 1 + i].chars().count() + 1);
                }
                at_start = false;
                if c == '"' || c == '\'' {
                    quote = Some(c);
                }
            }
        }
    }
    None
}

fn find_key_in(
    lines: &[&str],
    start: usize,
    end: usize,
    parent: isize,
    key: &str,
) -> Option<(usize, usize, usize)> {
    for (i, line) in lines.iter().enumerate().take(end).skip(start) {
        if !is_content(line) {
            continue;
        }
        // Keys after a list dash count at the dash's content column.
        let mut indent = indent_of(line);
        let mut rest = &line[indent..];
        while let Some(r) = rest.strip_prefix("- ") {
            let extra = 2 + (r.len() - r.trim_start().len());
            indent += extra;
            rest = r.trim_start();
        }
        if (indent as isize) <= parent {
            continue;
        }
        let unquoted = rest.trim_start_matches(['"', '\'']);
        if let Some(after) = unquoted.strip_prefix(key)
            && after.trim_start_matches(['"', '\'']).starts_with(':')
        {
            let col = line[..indent].chars().count() + 1;
            return Some((i, col, indent));
        }
    }
    None
}

fn find_item_in(
    lines: &[&str],
    start: usize,
    end: usize,
    parent: isize,
    n: usize,
) -> Option<(usize, usize, usize)> {
    let mut seen = 0;
    let mut item_indent: Option<usize> = None;
    for (i, line) in lines.iter().enumerate().take(end).skip(start) {
        if !is_content(line) {
            continue;
        }
        let indent = indent_of(line);
        let rest = &line[indent..];
        if (indent as isize) < parent || !(rest.starts_with("- ") || rest == "-") {
            continue;
        }
        if *item_indent.get_or_insert(indent) != indent {
            continue;
        }
        if seen == n {
            return Some((i, indent + 1, indent));
        }
        seen += 1;
    }
    None
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
    fn reads_serde_paths() {
        let segs = parse_path("leaders[1].role");
        assert!(matches!(
            segs[..],
            [Seg::Key("leaders"), Seg::Index(1), Seg::Key("role")]
        ));
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
