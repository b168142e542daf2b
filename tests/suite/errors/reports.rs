//! Reports and plans: the year in the file name, resolved cases within
//! cases, a report pair agreeing on its figures and status, plan months.

use super::*;

#[test]
fn report_year_must_match_its_file_name() {
    let b = Broken::minimal(|t| {
        t.write(
            "clubs/senim/reports/2024-2025.kk.md",
            &REPORT_KK.replace("year: 2024-2025", "year: 2023-2024"),
        );
        t.write("clubs/senim/reports/2024-2025.ru.md", REPORT_RU);
    });
    b.error(
        "field/year-mismatch",
        "clubs/senim/reports/2024-2025.kk.md",
        2,
    );
    insta::assert_snapshot!(b.stderr());
}

#[test]
fn report_file_must_be_named_after_a_year() {
    let b = Broken::minimal(|t| {
        t.write("clubs/senim/reports/annual.md", REPORT_KK);
    });
    b.error_in_file("report/file-name", "clubs/senim/reports/annual.md");
}

#[test]
fn resolved_cases_cannot_exceed_cases() {
    let b = Broken::minimal(|t| {
        t.write(
            "clubs/senim/reports/2024-2025.md",
            &REPORT_KK.replace("cases_resolved: 4", "cases_resolved: 7"),
        );
    });
    let p = b.error(
        "report/resolved-over-cases",
        "clubs/senim/reports/2024-2025.md",
        6,
    );
    assert!(p.message.contains('7') && p.message.contains('5'), "{p:#?}");
}

#[test]
fn resolved_cases_cannot_exceed_cases_in_a_quarter() {
    let b = Broken::minimal(|t| {
        t.write(
            "clubs/senim/reports/2024-2025.md",
            &REPORT_KK.replace(
                "---\nЕсеп",
                "  quarters:\n    q1: {cases: 1, cases_resolved: 2}\n---\nЕсеп",
            ),
        );
    });
    b.error(
        "report/resolved-over-cases",
        "clubs/senim/reports/2024-2025.md",
        8,
    );
}

#[test]
fn report_pair_must_agree_on_its_figures() {
    let b = Broken::minimal(|t| {
        t.write("clubs/senim/reports/2024-2025.kk.md", REPORT_KK);
        t.write(
            "clubs/senim/reports/2024-2025.ru.md",
            &REPORT_RU.replace("cases: 5", "cases: 6"),
        );
    });
    let p = b.error(
        "report/pair-mismatch",
        "clubs/senim/reports/2024-2025.ru.md",
        5,
    );
    assert!(
        p.message.contains("2024-2025.kk.md") && p.message.contains("2024-2025.ru.md"),
        "{p:#?}"
    );
    insta::assert_snapshot!(b.stderr());
}

#[test]
fn every_difference_of_a_report_pair_is_reported_at_once_with_both_values() {
    let ru = "clubs/senim/reports/2024-2025.ru.md";
    let b = Broken::minimal(|t| {
        t.write("clubs/senim/reports/2024-2025.kk.md", REPORT_KK);
        let changed = REPORT_RU
            .replace("status: final", "status: ongoing")
            .replace("cases: 5", "cases: 7")
            .replace(
                "  cases_resolved: 4\n",
                "  cases_resolved: 3\n  trainings: 2\n",
            );
        t.write(ru, &changed);
    });
    assert_eq!(
        b.all_in(ru),
        at(&[
            ("report/pair-mismatch", 3),
            ("report/pair-mismatch", 5),
            ("report/pair-mismatch", 6),
            ("report/pair-mismatch", 7),
        ])
    );
    let mut messages: Vec<String> = b.t.problems().into_iter().map(|p| p.message).collect();
    messages.sort();
    assert_eq!(
        messages,
        [
            "`cases_resolved` is 3 in 2024-2025.ru.md but 4 in 2024-2025.kk.md",
            "`cases` is 7 in 2024-2025.ru.md but 5 in 2024-2025.kk.md",
            "`trainings` is 2 in 2024-2025.ru.md but missing in 2024-2025.kk.md",
            "the status is ongoing in 2024-2025.ru.md but final in 2024-2025.kk.md",
        ]
    );
    assert!(b.all_in("clubs/senim/reports/2024-2025.kk.md").is_empty());
}

#[test]
fn a_report_pair_is_compared_with_the_file_of_the_sites_first_language() {
    let kk = "clubs/senim/reports/2024-2025.kk.md";
    let b = Broken::minimal(|t| {
        t.edit("site.yaml", "languages: [kk, ru]", "languages: [ru, kk]");
        t.write(kk, &REPORT_KK.replace("cases: 5", "cases: 6"));
        t.write("clubs/senim/reports/2024-2025.ru.md", REPORT_RU);
    });
    let p = b.error("report/pair-mismatch", kk, 5);
    assert_eq!(
        p.message,
        "`cases` is 6 in 2024-2025.kk.md but 5 in 2024-2025.ru.md"
    );
    assert_eq!(p.label.as_deref(), Some("5 in 2024-2025.ru.md"));
}

#[test]
fn report_pair_must_agree_on_its_status() {
    let b = Broken::minimal(|t| {
        t.write("clubs/senim/reports/2024-2025.kk.md", REPORT_KK);
        t.write(
            "clubs/senim/reports/2024-2025.ru.md",
            &REPORT_RU.replace("status: final", "status: ongoing"),
        );
    });
    b.error(
        "report/pair-mismatch",
        "clubs/senim/reports/2024-2025.ru.md",
        3,
    );
}

#[test]
fn plan_year_must_match_its_file_name() {
    let b = Broken::minimal(|t| {
        t.write(
            "clubs/senim/plans/2025-2026.yaml",
            "year: 2024-2025\nitems:\n  - when: september\n    title: Жиналыс\n",
        );
    });
    b.error("field/year-mismatch", "clubs/senim/plans/2025-2026.yaml", 1);
}

#[test]
fn plan_month_typo_suggests_the_month() {
    let b = Broken::minimal(|t| {
        t.write(
            "clubs/senim/plans/2025-2026.yaml",
            "year: 2025-2026\nitems:\n  - when: septmber\n    title: Жиналыс\n",
        );
    });
    let p = b.error("plan/invalid-when", "clubs/senim/plans/2025-2026.yaml", 3);
    assert!(hints(&p).contains("`september`"), "{p:#?}");
}
