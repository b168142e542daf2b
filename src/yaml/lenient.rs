//! Finding every problem of a file that failed to parse, not only the first.
//! serde stops at the first problem, so the entry it stopped at is left out
//! of the text (its lines emptied, so every other line keeps its number and
//! column) and the file is parsed again with the same strict rules, until it
//! parses or a problem that cannot be got past stops it (a missing or
//! duplicate field). A file that is not valid YAML is not searched: its
//! syntax error is reported after the first problem, and that is all. An unknown field is left out where serde
//! points; a value of the wrong kind, with its key, found by its path.
//!
//! The field names come from serde's own messages (the `Raw*` structs deny
//! unknown fields), so no second list of names exists to drift from them.

use serde::de::DeserializeOwned;

use super::{
    Failed, Seg, Source, between, did_you_mean, from_str_bounded, indent_of, is_content, locate_in,
    parse_path, split_path, strip_position, to_diagnostic, unknown_name,
};
use crate::diag::Diagnostic;

/// At most this many entries are left out before giving up; a file with
/// more problems is not worth reading further.
const MAX_ROUNDS: usize = 100;

/// Bytes parsed again, at most, in the search for more problems: each
/// round parses the whole text, so a 4 MB file with a hundred typos would
/// be read a hundred times (minutes). Big files get fewer rounds.
const REPARSE_BUDGET: usize = 8 * 1024 * 1024;

/// Rounds for a text of `len` bytes: [`MAX_ROUNDS`], fewer for big texts,
/// and at least two.
fn rounds(len: usize) -> usize {
    (REPARSE_BUDGET / len.max(1)).clamp(2, MAX_ROUNDS)
}

/// Collects the problems of `source`, whose strict parse failed with `first`.
pub(super) fn parse_on<T: DeserializeOwned>(
    source: Source<'_>,
    first: serde_yaml::Error,
) -> Failed<T> {
    let mut diagnostics = vec![to_diagnostic(&first, source)];
    // serde reads the file as a stream: a syntax error after the first
    // problem would be left out with its entry, or stop the search anyway.
    if let Err(e) = serde_yaml::from_str::<serde_yaml::Value>(source.text) {
        let d = to_diagnostic(&e, source);
        if matches!(d.code, "yaml/syntax" | "yaml/too-complex" | "yaml/too-big") {
            if !diagnostics.contains(&d) {
                diagnostics.push(d);
            }
            return by_line(diagnostics, None);
        }
    }
    let mut lenient = None;
    let mut text = source.text.to_string();
    // Full names of the fields left out, and of those a typo was probably
    // meant to be (`school.region` for "unknown field `regoin` in
    // `school`"): that one of them is then missing says nothing new.
    let mut left_out: Vec<String> = Vec::new();
    // A value of the wrong kind was left out: what parses then is not the
    // file, even leniently, so the file's further checks are not run on it.
    let mut values_left_out = false;
    let mut error = first;
    for _ in 0..rounds(source.text.len()) {
        let Some(cut) = Cut::of(&error, diagnostics.last(), source, &text) else {
            break;
        };
        // A typo of a field the file does not have yet is read as that
        // field, so what depends on it is checked too (a misspelt `name:`
        // would otherwise hide every later problem behind "missing `name`").
        let renamed = cut
            .meant
            .as_deref()
            .filter(|meant| !has_sibling(&text, cut.line, meant))
            .and_then(|meant| rename_key(&text, cut.line, cut.column, &cut.key, meant))
            .map(|t| (from_str_bounded::<T>(&t), t));
        let parsed = match renamed {
            Some((result, renamed)) => {
                text = renamed;
                result
            }
            None => {
                let Some(without) = leave_out(&text, cut.line, cut.column, &cut.key) else {
                    break;
                };
                text = without;
                from_str_bounded::<T>(&text)
            }
        };
        left_out.extend(cut.names);
        values_left_out |= !cut.unknown;
        match parsed {
            Ok(value) => {
                lenient = (!values_left_out).then_some(value);
                break;
            }
            Err(e) => {
                let d = to_diagnostic(
                    &e,
                    Source {
                        text: &text,
                        ..source
                    },
                );
                if !worth_reporting(&e, d.code, &left_out) || diagnostics.contains(&d) {
                    break;
                }
                diagnostics.push(d);
                error = e;
            }
        }
    }
    by_line(diagnostics, lenient)
}

fn by_line<T>(mut diagnostics: Vec<Diagnostic>, lenient: Option<T>) -> Failed<T> {
    diagnostics.sort_by_key(|d| {
        d.location
            .as_ref()
            .map(|l| (l.line.unwrap_or(0), l.column.unwrap_or(0)))
    });
    Failed {
        diagnostics,
        lenient,
    }
}

/// The entry to leave out of the text to get past an error.
struct Cut {
    /// 1-based line and column of the key, within the text.
    line: usize,
    column: usize,
    key: String,
    /// Full names that may be missing once it is left out.
    names: Vec<String>,
    /// An unknown field (else a value of the wrong kind).
    unknown: bool,
    /// The field an unknown field is probably a typo of.
    meant: Option<String>,
}

impl Cut {
    /// How to get past `error`, reported as `reported`: an unknown field is
    /// left out where the diagnostic points; a wrong value is left out with
    /// its key, found by its path. Missing fields, duplicates and syntax
    /// errors cannot be got past.
    fn of(
        error: &serde_yaml::Error,
        reported: Option<&Diagnostic>,
        source: Source<'_>,
        text: &str,
    ) -> Option<Cut> {
        let reported = reported?;
        if let Some((key, suggestion)) = unknown_field(error) {
            let at = reported.location.as_ref()?;
            let meant = suggestion
                .as_deref()
                .map(|s| s.rsplit_once('.').map_or(s, |(_, field)| field).to_string());
            return Some(Cut {
                line: at.line?.checked_sub(source.line_offset)?,
                column: at.column?,
                key,
                names: suggestion.into_iter().collect(),
                unknown: true,
                meant,
            });
        }
        let value_error = ["/wrong-type", "/invalid-value", "/invalid"]
            .iter()
            .any(|kind| reported.code.ends_with(kind));
        if !value_error {
            return None;
        }
        let raw = error.to_string();
        let path = split_path(strip_position(&raw)).0?;
        let segs = parse_path(path);
        let Some(Seg::Key(key)) = segs.last() else {
            return None;
        };
        let (line, column) = locate_in(text, &segs)?;
        Some(Cut {
            line,
            column,
            key: key.to_string(),
            names: vec![path.to_string()],
            unknown: false,
            meant: None,
        })
    }
}

/// The field of an "unknown field" error, and the full name (with its path)
/// of the field it is probably a typo of.
fn unknown_field(e: &serde_yaml::Error) -> Option<(String, Option<String>)> {
    let raw = e.to_string();
    let (path, message) = split_path(strip_position(&raw));
    let (field, expected) = unknown_name(message, "unknown field `")?;
    let suggestion =
        did_you_mean(&field, expected.iter().map(String::as_str)).map(|s| full_name(path, s));
    Some((field, suggestion))
}

fn full_name(path: Option<&str>, field: &str) -> String {
    match path {
        Some(p) => format!("{p}.{field}"),
        None => field.to_string(),
    }
}

/// Whether a problem found after leaving unknown fields out is a real one of
/// the file, rather than a consequence of leaving them out.
fn worth_reporting(e: &serde_yaml::Error, code: &str, left_out: &[String]) -> bool {
    let raw = e.to_string();
    let (path, message) = split_path(strip_position(&raw));
    if matches!(code, "yaml/syntax" | "yaml/too-complex" | "yaml/too-big") {
        return false;
    }
    // A group whose only field was left out is now empty (a wrong `school:`
    // left empty by hand is reported by the first, strict parse).
    if message.contains("unit value") {
        return false;
    }
    match between(message, "missing field `", "`") {
        Some(field) => !left_out.contains(&full_name(path, field)),
        None => true,
    }
}

/// `text` with the entry `key: ...` that starts at `line`:`column` (1-based,
/// within `text`) emptied: the key's line from the key on, and the lines of
/// its value below it. Every line stays where it was. None when the key is
/// not there or not in block style (inside `{...}` it cannot be cut out).
fn leave_out(text: &str, line: usize, column: usize, key: &str) -> Option<String> {
    let mut lines: Vec<String> = text.split_inclusive('\n').map(str::to_string).collect();
    let l = lines.get(line.checked_sub(1)?)?;
    let at = l.char_indices().nth(column.checked_sub(1)?)?.0;
    let quoted = at > 0 && matches!(l.as_bytes()[at - 1], b'"' | b'\'');
    let start = if quoted { at - 1 } else { at };
    let head = &l[..start];
    if !head.chars().all(|c| c == ' ' || c == '-') {
        return None;
    }
    let after = l[at..]
        .strip_prefix(key)?
        .trim_start_matches(['"', '\''])
        .trim_start()
        .strip_prefix(':')?
        .trim();
    let value_below = after.is_empty() || after.starts_with('#');
    let indent = start;
    lines[line - 1] = format!("{head}{}", ending(l));
    for next in lines.iter_mut().skip(line) {
        if !is_content(next) {
            continue;
        }
        let rest = next.trim_start();
        let item_below = value_below
            && indent_of(next) == indent
            && (rest.starts_with("- ") || rest.trim_end() == "-");
        if indent_of(next) <= indent && !item_below {
            break;
        }
        *next = ending(next).to_string();
    }
    Some(lines.concat())
}

/// `text` with the key `key` at `line`:`column` (1-based) spelt `meant`.
/// None when the key is not there.
fn rename_key(text: &str, line: usize, column: usize, key: &str, meant: &str) -> Option<String> {
    let mut lines: Vec<String> = text.split_inclusive('\n').map(str::to_string).collect();
    let l = lines.get(line.checked_sub(1)?)?;
    let at = l.char_indices().nth(column.checked_sub(1)?)?.0;
    let rest = l[at..].strip_prefix(key)?;
    if !rest
        .trim_start_matches(['"', '\''])
        .trim_start()
        .starts_with(':')
    {
        return None;
    }
    lines[line - 1] = format!("{}{meant}{rest}", &l[..at]);
    Some(lines.concat())
}

/// Whether the mapping that holds the key on `line` (1-based) already has
/// the key `name` (block style: the lines at the key's column, within its
/// group or list item).
fn has_sibling(text: &str, line: usize, name: &str) -> bool {
    let lines: Vec<&str> = text.lines().collect();
    let Some(own) = lines.get(line.wrapping_sub(1)).map(|l| key_start(l)) else {
        return false;
    };
    let is_name = |l: &str| {
        let key = l[key_start(l).0..].trim_start_matches(['"', '\'']);
        key.strip_prefix(name).is_some_and(|r| {
            r.trim_start_matches(['"', '\''])
                .trim_start()
                .starts_with(':')
        })
    };
    // Below: until the group ends or the next list item starts.
    for l in lines.iter().skip(line).filter(|l| is_content(l)) {
        let (at, item) = key_start(l);
        if at < own.0 || (at == own.0 && item) {
            break;
        }
        if at == own.0 && is_name(l) {
            return true;
        }
    }
    // Above: until the group starts or this list item's first line.
    if own.1 {
        return false;
    }
    for l in lines[..line - 1].iter().rev().filter(|l| is_content(l)) {
        let (at, item) = key_start(l);
        if at < own.0 {
            break;
        }
        if at == own.0 && is_name(l) {
            return true;
        }
        if at == own.0 && item {
            break;
        }
    }
    false
}

/// Where a line's key starts (after its indent and any `- `), and whether
/// the line starts a list item.
fn key_start(line: &str) -> (usize, bool) {
    let mut at = indent_of(line);
    let mut item = false;
    while line[at..].starts_with("- ") {
        item = true;
        at += 2;
        at += indent_of(&line[at..]);
    }
    (at, item)
}

/// The line ending at the end of `line` (none on the last line).
fn ending(line: &str) -> &str {
    let trimmed = line.trim_end_matches(['\r', '\n']);
    &line[trimmed.len()..]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::parse;
    use crate::yaml::tests::Leader;
    use serde::Deserialize;
    use std::path::Path;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Club {
        name: String,
        count: Option<u32>,
        leaders: Option<Vec<Leader>>,
    }

    fn problems(text: &str) -> (Vec<(String, usize)>, bool) {
        let source = Source {
            text,
            file: Path::new("club.yaml"),
            line_offset: 3,
            family: "club",
        };
        let failed = parse::<Club>(source).unwrap_err();
        let found = failed
            .diagnostics
            .iter()
            .map(|d| {
                (
                    d.code.to_string(),
                    d.location.as_ref().unwrap().line.unwrap(),
                )
            })
            .collect();
        (found, failed.lenient.is_some())
    }

    #[test]
    fn big_texts_are_read_again_fewer_times() {
        assert_eq!(rounds(10_000), MAX_ROUNDS);
        assert_eq!(rounds(4 * 1024 * 1024), 2);
        assert_eq!(rounds(1024 * 1024), 8);
    }

    #[test]
    fn every_unknown_field_is_reported_by_line() {
        let text = "name: x\nleaderz:\n  - name: y\nleaders:\n  - name: z\n    emial: e\n";
        let (found, lenient) = problems(text);
        assert_eq!(
            found,
            [
                ("club/unknown-field".to_string(), 5),
                ("club/unknown-field".to_string(), 9)
            ]
        );
        assert!(lenient);
    }

    #[test]
    fn wrong_values_and_unknown_fields_are_all_reported() {
        let text =
            "count: many\nnmae: x\nleaders:\n  - name: y\n    email: [a]\n    emial: z\nname: y\n";
        let (found, lenient) = problems(text);
        assert_eq!(
            found,
            [
                ("club/wrong-type".to_string(), 4),
                ("club/unknown-field".to_string(), 5),
                ("club/wrong-type".to_string(), 8),
                ("club/unknown-field".to_string(), 9)
            ]
        );
        assert!(
            !lenient,
            "a file read without its wrong values is not checked further"
        );
    }

    #[test]
    fn a_missing_field_that_was_only_misspelt_is_not_repeated() {
        let (found, _) = problems("nmae: x\n");
        assert_eq!(found, [("club/unknown-field".to_string(), 4)]);
    }

    #[test]
    fn a_misspelt_field_is_read_as_meant_so_later_problems_show() {
        let (found, lenient) = problems("nmae: x\ncount: -1\n");
        assert_eq!(
            found,
            [
                ("club/unknown-field".to_string(), 4),
                ("club/wrong-type".to_string(), 5)
            ]
        );
        assert!(!lenient);
        let (found, lenient) = problems("nmae: x\ncount: 3\n");
        assert_eq!(found, [("club/unknown-field".to_string(), 4)]);
        assert!(lenient, "read as `name: x`, so the file's checks can run");
    }

    #[test]
    fn a_typo_of_a_field_already_there_is_left_out() {
        let (found, lenient) = problems("name: x\nnmae: y\n");
        assert_eq!(found, [("club/unknown-field".to_string(), 5)]);
        assert!(lenient);
    }

    #[test]
    fn siblings_are_looked_for_within_the_same_list_item() {
        let text = "name: x\nleaders:\n  - name: y\n    nmae: z\n  - nmae: w\n  - name: v\n";
        assert!(has_sibling(text, 4, "name"));
        assert!(!has_sibling(text, 5, "name"));
        let (found, lenient) = problems(text);
        assert_eq!(
            found,
            [
                ("club/unknown-field".to_string(), 7),
                ("club/unknown-field".to_string(), 8)
            ]
        );
        assert!(lenient);
    }

    #[test]
    fn an_emptied_group_is_not_reported() {
        let (found, _) = problems("name: x\nleaders:\n  - nmae: y\n");
        assert_eq!(found, [("club/unknown-field".to_string(), 6)]);
    }

    #[test]
    fn a_syntax_error_stays_one_problem() {
        let (found, _) = problems("name: x\n  bad: : :\nnmae: y\n");
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn a_field_written_twice_after_a_typo_is_reported_too() {
        let (found, _) = problems("nmae: x\nname: y\ncount: 1\nname: z\n");
        assert_eq!(
            found,
            [
                ("club/unknown-field".to_string(), 4),
                ("club/duplicate-key".to_string(), 7)
            ]
        );
    }

    #[test]
    fn a_syntax_error_after_a_typo_is_reported_too() {
        let (found, lenient) = problems("nmae: x\nmotto: \"y\n");
        assert_eq!(found[0], ("club/unknown-field".to_string(), 4));
        assert_eq!(found[1].0, "yaml/syntax");
        assert_eq!(found.len(), 2);
        assert!(!lenient);
    }

    #[test]
    fn leaves_out_an_entry_and_its_lines() {
        let text = "name: x\nleaderz:\n  - name: y\n\n    role: z\nmotto: m\n";
        assert_eq!(
            leave_out(text, 2, 1, "leaderz").unwrap(),
            "name: x\n\n\n\n\nmotto: m\n"
        );
    }

    #[test]
    fn leaves_out_a_key_after_a_dash_and_keeps_its_siblings() {
        let text = "leaders:\n  - emial: a@b.kz\n    name: y\n";
        assert_eq!(
            leave_out(text, 2, 5, "emial").unwrap(),
            "leaders:\n  - \n    name: y\n"
        );
    }

    #[test]
    fn leaves_out_a_list_written_at_the_same_indent() {
        let text = "leaderz:\n- name: y\n-\nname: x";
        assert_eq!(leave_out(text, 1, 1, "leaderz").unwrap(), "\n\n\nname: x");
    }

    #[test]
    fn keeps_line_endings_and_quoted_keys() {
        let text = "\"nmae\": x\r\nmotto: m\r\n";
        assert_eq!(leave_out(text, 1, 2, "nmae").unwrap(), "\r\nmotto: m\r\n");
    }

    #[test]
    fn refuses_flow_mappings_and_wrong_places() {
        assert_eq!(leave_out("school: {regoin: x}\n", 1, 10, "regoin"), None);
        assert_eq!(leave_out("name: x\n", 1, 1, "nmae"), None);
        assert_eq!(leave_out("name: x\n", 3, 1, "name"), None);
    }
}
