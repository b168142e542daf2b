//! Every problem at once: a build reports all its problems together, one
//! problem does not hide the others of the same file, and template and
//! message-file errors name their file and line.

use super::*;

#[test]
fn all_problems_of_a_build_are_reported_together() {
    let b = Broken::minimal(|t| {
        t.edit(CLUB, "region: karaganda", "region: qaraganda");
        t.edit("site.yaml", "base_url:", "base_ulr:");
        t.write(
            "news/2025-03-01-meeting.md",
            "---\ntitle: Жиналыс\ndate: 2025-02-30\n---\nМәтін.\n",
        );
    });
    b.error("club/unknown-region", CLUB, 4);
    b.error("site/unknown-field", "site.yaml", 5);
    b.error("field/invalid-date", "news/2025-03-01-meeting.md", 3);
    assert!(
        b.stderr().contains("Build failed: 3 errors"),
        "{}",
        b.stderr()
    );
}

#[test]
fn every_problem_of_a_club_is_reported_even_when_its_region_is_wrong() {
    let b = Broken::minimal(|t| {
        t.edit(CLUB, "region: karaganda", "region: qaraganda");
        t.edit(
            CLUB,
            "question: https://forms.example.test/question",
            "question: javascript:alert(1)",
        );
        t.write(
            "clubs/senim/reports/2024-2025.md",
            &REPORT_KK.replace("cases_resolved: 4", "cases_resolved: 7"),
        );
    });
    b.error("club/unknown-region", CLUB, 4);
    b.error("url/scheme", CLUB, 6);
    b.error(
        "report/resolved-over-cases",
        "clubs/senim/reports/2024-2025.md",
        6,
    );
    insta::assert_snapshot!(b.stderr());
}

#[test]
fn problems_of_reports_are_reported_when_club_yaml_does_not_parse() {
    let b = Broken::minimal(|t| {
        t.edit(CLUB, "region:", "regoin:");
        t.write(
            "clubs/senim/reports/2024-2025.md",
            &REPORT_KK.replace("cases_resolved: 4", "cases_resolved: 7"),
        );
    });
    b.error("club/unknown-field", CLUB, 4);
    b.error(
        "report/resolved-over-cases",
        "clubs/senim/reports/2024-2025.md",
        6,
    );
    assert!(
        !b.stderr().contains("internal"),
        "no internal errors: {}",
        b.stderr()
    );
    assert!(
        !b.stderr().contains("site/club-count"),
        "the club exists, it only has errors: {}",
        b.stderr()
    );
}

#[test]
fn every_typo_of_a_club_is_reported_with_its_wrong_region() {
    let b = Broken::minimal(|t| {
        t.edit(CLUB, "region: karaganda", "region: qaraganda");
        t.write(
            CLUB,
            &(t.read(CLUB) + "leaderz:\n  - name: Ахметова Гүлнар\nmoto: Бірге\n"),
        );
    });
    assert_eq!(
        b.all_in(CLUB),
        at(&[
            ("club/unknown-region", 4),
            ("club/unknown-field", 7),
            ("club/unknown-field", 9),
        ])
    );
    let motto =
        b.t.problems()
            .into_iter()
            .find(|p| p.line == Some(9))
            .unwrap();
    assert_eq!(motto.label.as_deref(), Some("did you mean `motto`?"));
    insta::assert_snapshot!(b.stderr());
}

#[test]
fn a_misspelt_required_field_does_not_hide_a_wrong_region() {
    // Without `name:` the club cannot be read at all; read as the field it
    // was meant to be, the rest of the file is checked in the same build.
    let b = Broken::minimal(|t| {
        t.edit(CLUB, "name: {kk: \"Сенім\"", "nmae: {kk: \"Сенім\"");
        t.edit(CLUB, "region: karaganda", "region: qaraganda");
    });
    assert_eq!(
        b.all_in(CLUB),
        at(&[("club/unknown-field", 1), ("club/unknown-region", 4)])
    );
}

#[test]
fn a_translation_that_fails_to_load_is_not_also_reported_missing() {
    // The kk report cannot be read (a wrong value); the ru one is fine. The
    // kk file is there, so "no `kk` version" would send the teacher the
    // wrong way.
    let b = Broken::minimal(|t| {
        t.write(
            "clubs/senim/reports/2024-2025.kk.md",
            &REPORT_KK.replace("  cases: 5", "  cases: many"),
        );
        t.write("clubs/senim/reports/2024-2025.ru.md", REPORT_RU);
    });
    assert_eq!(
        b.all_in("clubs/senim/reports/2024-2025.kk.md"),
        at(&[("report/wrong-type", 5)])
    );
    let codes: Vec<String> = b.t.problems().into_iter().map(|p| p.code).collect();
    assert!(!codes.iter().any(|c| c == "i18n/untranslated"), "{codes:?}");
}

#[test]
fn a_typo_in_report_front_matter_does_not_hide_its_figures() {
    let b = Broken::minimal(|t| {
        t.write(
            "clubs/senim/reports/2024-2025.md",
            &REPORT_KK.replace(
                "  cases_resolved: 4\n",
                "  cases_resolved: 7\n  trainigs: 2\n",
            ),
        );
    });
    // Lines count from the top of the file, the `---` included.
    assert_eq!(
        b.all_in("clubs/senim/reports/2024-2025.md"),
        at(&[
            ("report/resolved-over-cases", 6),
            ("report/unknown-field", 7),
        ])
    );
}

#[test]
fn a_wrong_number_in_report_front_matter_does_not_hide_the_typos_after_it() {
    let b = Broken::minimal(|t| {
        t.write(
            "clubs/senim/reports/2024-2025.md",
            &REPORT_KK.replace("cases: 5\n", "cases: -5\n  trainigs: 2\n"),
        );
    });
    assert_eq!(
        b.all_in("clubs/senim/reports/2024-2025.md"),
        at(&[("report/wrong-type", 5), ("report/unknown-field", 6)])
    );
}

#[test]
fn every_typo_of_site_yaml_is_reported() {
    let b = Broken::minimal(|t| {
        t.edit("site.yaml", "kind:", "knid:");
        t.edit("site.yaml", "base_url:", "base_ulr:");
    });
    assert_eq!(
        b.all_in("site.yaml"),
        at(&[("site/unknown-field", 2), ("site/unknown-field", 5)])
    );
    insta::assert_snapshot!(b.stderr());
}

#[test]
fn a_syntax_error_after_a_typo_ends_the_list() {
    let b = Broken::minimal(|t| {
        t.edit(CLUB, "region: karaganda", "regoin: \"karaganda");
        t.write(CLUB, &(t.read(CLUB) + "moto: Бірге\n"));
    });
    let found = b.all_in(CLUB);
    assert_eq!(found[0], ("club/unknown-field".to_string(), 4), "{found:?}");
    assert_eq!(found[1].0, "yaml/syntax", "{found:?}");
    assert_eq!(found.len(), 2, "the YAML cannot be read past it: {found:?}");
}

#[test]
fn template_errors_name_the_template_file_and_line() {
    let b = Broken::minimal(|t| {
        t.write(
            "templates/page.html",
            "{% extends \"base.html\" %}\n{% block main %}\n{{ content.title | loc \n{% endblock main %}\n",
        );
    });
    let problems = b.t.problems();
    let p = problems
        .iter()
        .find(|p| p.code == "template/error")
        .unwrap_or_else(|| panic!("{problems:#?}"));
    assert_eq!(p.file, "site/templates/page.html");
    assert!(p.line.is_some_and(|l| (3..=4).contains(&l)), "{p:#?}");
}

#[test]
fn message_file_syntax_errors_name_the_file_and_line() {
    let b = Broken::minimal(|t| {
        t.write("i18n/kk.ftl", "nav-home = Бастапқы\n\n-- broken\n");
    });
    b.error("i18n/syntax", "i18n/kk.ftl", 3);
}
