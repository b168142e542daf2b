//! YAML that does not parse: an unclosed brace, a missing colon, tab
//! indentation, a field written twice, each at its own line.

use super::*;

#[test]
fn yaml_syntax_error_points_at_the_unclosed_brace() {
    let b = Broken::minimal(|t| {
        t.edit(
            "site.yaml",
            "ru: \"Школьная медиация\"}",
            "ru: \"Школьная медиация\"",
        );
    });
    b.error("yaml/syntax", "site.yaml", 4);
    insta::assert_snapshot!(b.stderr());
}

#[test]
fn yaml_syntax_error_in_front_matter_counts_lines_from_the_top_of_the_file() {
    let b = Broken::minimal(|t| {
        t.write(
            "news/2025-03-01-meeting.md",
            "---\ntitle: Ескерту: жиналыс\ndate: 2025-03-01\n---\nМәтін.\n",
        );
    });
    let p = b.error("yaml/syntax", "news/2025-03-01-meeting.md", 2);
    assert!(hints(&p).contains("quotes"), "{p:#?}");
    insta::assert_snapshot!(b.stderr());
}

#[test]
fn a_missing_colon_is_reported_on_its_line_not_on_the_comment_after_it() {
    let b = Broken::minimal(|t| {
        // 20 comment lines above, so the club's own lines are 21..26.
        let above = "# a note\n".repeat(20);
        let club = t
            .read(CLUB)
            .replace("  region: karaganda", "  region karaganda");
        t.write(
            CLUB,
            &format!("{above}{club}  # the region's code\n  locality: Y\n"),
        );
    });
    let p = b.error("yaml/syntax", CLUB, 24);
    assert_eq!(p.message, "this line has no `:` after its field name");
    assert!(hints(&p).contains("`name: value`"), "{p:#?}");
    assert!(
        b.stderr().contains("24 |   region karaganda\n"),
        "{}",
        b.stderr()
    );
}

#[test]
fn tab_indentation_is_explained() {
    let b = Broken::minimal(|t| {
        t.edit(CLUB, "  region: karaganda", "\tregion: karaganda");
    });
    let p = b.error("yaml/syntax", CLUB, 4);
    assert!(p.message.contains("tab"), "{p:#?}");
}

#[test]
fn duplicate_field_is_an_error_at_its_second_line() {
    let b = Broken::minimal(|t| {
        t.edit(CLUB, "school:", "name: Сенім\nschool:");
    });
    let p = b.error("club/duplicate-key", CLUB, 2);
    assert!(p.message.contains("`name`"), "{p:#?}");
}
