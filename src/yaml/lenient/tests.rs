//! Every problem of a file in one run: the search's behaviour.

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
fn typos_in_flow_groups_and_quoted_keys_are_found_too() {
    let (found, lenient) = problems("\"nmae\": x\r\nleaders: [{name: y, emial: z}]\r\n");
    assert_eq!(
        found,
        [
            ("club/unknown-field".to_string(), 4),
            ("club/unknown-field".to_string(), 5)
        ]
    );
    assert!(lenient);
}

#[test]
fn a_thousand_typos_are_reported_up_to_a_hundred() {
    let typos: String = (0..1000).map(|i| format!("nmae{i}: y\n")).collect();
    let text = format!("name: x\n{typos}");
    let source = Source {
        text: &text,
        file: Path::new("club.yaml"),
        line_offset: 0,
        family: "club",
    };
    let failed = parse::<Club>(source).unwrap_err();
    assert_eq!(failed.diagnostics.len(), MAX_ROUNDS);
    assert!(failed.lenient.is_some());
}
