//! A site's own templates are strict: a misspelt variable, field or filter
//! is an error with the template's file and line, never an empty spot in
//! a published page (issue 14 point 2).

use crate::harness::*;

const NAME: &str = "{{ club.name | loc }}";

/// The minimal school site with its own copy of the theme's club.html in
/// which the club's name is written as `written`; the line of it.
fn site_with_club_template(written: &str) -> (SiteTest, usize) {
    let t = SiteTest::fixture("school_minimal");
    let theme = std::fs::read_to_string(repo().join("themes/default/templates/club.html")).unwrap();
    let line = 1 + theme
        .lines()
        .position(|l| l.contains(NAME))
        .expect("the theme names the club");
    t.write("templates/club.html", &theme.replacen(NAME, written, 1));
    (t, line)
}

/// The build fails (nothing written) with one template problem at `line`
/// of the site's club.html, whose message has `says`.
#[track_caller]
fn fails_at(t: &SiteTest, line: usize, says: &str) {
    let err = t.build().fails_with(1).stderr();
    assert!(!t.out.exists(), "nothing is published:\n{err}");
    let problems = t.problems();
    let found: Vec<_> = problems
        .iter()
        .map(|p| (p.code.as_str(), p.file.as_str(), p.line))
        .collect();
    assert_eq!(
        found,
        [("template/error", "site/templates/club.html", Some(line))],
        "{problems:#?}"
    );
    assert!(problems[0].message.contains(says), "{problems:#?}");
}

#[test]
fn a_misspelt_field_is_an_error_at_its_line() {
    let (t, line) = site_with_club_template("{{ club.nmae }}");
    fails_at(&t, line, "nmae");
}

#[test]
fn a_misspelt_field_given_to_a_filter_is_an_error_not_an_empty_heading() {
    let (t, line) = site_with_club_template("{{ club.nmae | loc }}");
    fails_at(&t, line, "undefined");
    let (t, line) = site_with_club_template("{{ club.members | num }} {{ club.membres | num }}");
    fails_at(&t, line, "`num` is undefined");
}

#[test]
fn a_misspelt_filter_is_an_error_at_its_line() {
    let (t, line) = site_with_club_template("{{ club.name | lco }}");
    fails_at(&t, line, "Unknown filter `lco`");
}

#[test]
fn the_theme_s_own_template_copied_unchanged_still_builds() {
    let (t, _) = site_with_club_template(NAME);
    let run = t.build().ok();
    assert!(!run.stderr().contains("template/error"), "{}", run.stderr());
    assert_eq!(t.page("kk/index.html").text("h1"), "Сенім");
    // A field that is there but empty (no motto) is fine, as before.
    assert_eq!(t.page("kk/index.html").count(".club-motto"), 0);
}
