//! Hostile input, text that would break the output: control characters
//! (pasted from Word, or written as YAML escapes and character
//! references) never reach a page, a feed or the sitemap, which stay
//! well-formed XML; implausible report figures are errors with their line,
//! and sums never overflow.

use crate::check::{CLUB_YAML, diags, school};

const SITE: &str =
    "title: {kk: Тест, ru: Тест}\nlanguages: [kk, ru]\nbase_url: https://example.test/\n";

/// Every control character the output may never hold (tab and line
/// breaks aside).
fn has_control(text: &str) -> bool {
    text.chars().any(|c| {
        (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
    })
}

#[test]
fn control_characters_are_left_out_with_a_warning_and_feeds_stay_xml() {
    // U+000B and U+000C as Word pastes them, a backspace, a NUL; a YAML
    // escape and character references that decode to control characters.
    let news = "---\ntitle: \"Жаңалық\u{B}бірінші\"\ndate: 2025-03-01\nsummary: \"Қысқаша\\bмәтін\\x1b\"\n---\nМәтін\u{C}жалғасы\u{8}.\n\nБелгі &#11; және &#xFFFE; &#x1F;.\n";
    let club = format!("{CLUB_YAML}motto: \"Сенім\u{0}\u{7F}\u{9C}\"\n");
    let t = school(&[
        ("site.yaml", SITE),
        ("clubs/senim/club.yaml", &club),
        ("news/2025-03-01-a.md", news),
    ]);
    let (run, list) = diags(&t, &[]);
    assert_eq!(run.code(), 0, "{list:#?}");
    let warned: Vec<(&str, Option<u64>)> = list
        .iter()
        .filter(|d| d.code == "file/control-character")
        .map(|d| (d.file.rsplit('/').next().unwrap_or(""), d.line))
        .collect();
    assert!(warned.contains(&("2025-03-01-a.md", Some(2))), "{list:#?}");
    assert!(warned.contains(&("club.yaml", Some(7))), "{list:#?}");
    let w = list
        .iter()
        .find(|d| d.code == "file/control-character" && d.file.ends_with("club.yaml"))
        .unwrap();
    assert!(
        w.message.contains("U+0000") && w.message.contains("line 7"),
        "{w:?}"
    );
    t.build().ok();
    for lang in ["kk", "ru"] {
        let xml = t.out_text(&format!("{lang}/news/atom.xml"));
        roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{lang} atom.xml: {e}"));
        assert!(xml.contains("Жаңалық бірінші"), "words stay apart: {xml}");
    }
    roxmltree::Document::parse(&t.out_text("sitemap.xml")).expect("sitemap.xml is XML");
    for (path, bytes) in t.snapshot() {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !has_control(&text),
            "{} holds a control character",
            path.display()
        );
    }
}

#[test]
fn a_control_character_written_as_a_yaml_escape_never_reaches_the_output() {
    let club = format!("{CLUB_YAML}motto: \"a\\u0008b\\x0Bc\\uFFFEd\"\n");
    let t = school(&[("site.yaml", SITE), ("clubs/senim/club.yaml", &club)]);
    t.build().ok();
    for (path, bytes) in t.snapshot() {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !has_control(&text),
            "{} holds a control character",
            path.display()
        );
    }
    let page = t.page("kk/index.html");
    assert!(
        page.texts("body").concat().contains("ab cd"),
        "the motto, without its controls"
    );
}

const REPORT_HEAD: &str = "---\nyear: 2024-2025\nstatus: final\nindicators:\n";

#[test]
fn a_huge_figure_is_an_error_with_its_line_and_nothing_is_written() {
    let t = crate::harness::SiteTest::fixture("directory_totals");
    t.build().ok();
    let before = t.snapshot();
    for (line, figures) in [
        (6, "  mediators_trained: 5\n  cases: 18446744073709551615\n"),
        (7, "  cases: 10\n  quarters:\n    q1: {cases: 100001}\n"),
        (
            7,
            "  cases: 10\n  cases_by_parties:\n    student_student: 250000\n",
        ),
    ] {
        let report = format!("{REPORT_HEAD}{figures}---\n");
        t.write("clubs/a-club/reports/2024-2025.md", &report);
        let (run, list) = diags(&t, &[]);
        assert_eq!(run.code(), 1, "{list:#?}");
        let d = list
            .iter()
            .find(|d| d.code == "report/figure-too-large")
            .unwrap_or_else(|| panic!("{figures}: {list:#?}"));
        assert!(
            d.file.ends_with("clubs/a-club/reports/2024-2025.md"),
            "{d:?}"
        );
        assert_eq!(d.line, Some(line), "{figures}: {d:?}");
        t.build().fails_with(1);
        assert_eq!(t.snapshot(), before, "nothing may be written");
    }
}

#[test]
fn a_figure_too_large_for_a_whole_number_is_an_error_with_its_line() {
    let t = crate::harness::SiteTest::fixture("directory_totals");
    let report = format!("{REPORT_HEAD}  cases: 99999999999999999999999\n---\n");
    t.write("clubs/a-club/reports/2024-2025.md", &report);
    let (run, list) = diags(&t, &[]);
    assert_eq!(run.code(), 1, "{list:#?}");
    let d = list
        .iter()
        .find(|d| d.file.ends_with("reports/2024-2025.md") && d.line == Some(5))
        .unwrap_or_else(|| panic!("{list:#?}"));
    assert!(d.message.contains("far too large"), "{d:?}");
    assert!(!d.message.contains("u128"), "no programmer's words: {d:?}");
}

#[test]
fn figures_at_the_limit_sum_exactly_on_every_statistics_output() {
    let t = crate::harness::SiteTest::fixture("directory_totals");
    for club in ["a-club", "b-club", "c-club"] {
        let report = format!(
            "{REPORT_HEAD}  cases: 100000\n  cases_resolved: 100000\n  quarters:\n    q1: {{cases: 100000}}\n---\n"
        );
        t.write(&format!("clubs/{club}/reports/2024-2025.md"), &report);
    }
    t.build().ok();
    let page = t.page("ru/statistics/2024-2025/index.html");
    let row = |key: &str| page.texts(&format!(".stat-totals tr[data-key='{key}'] > td"));
    assert_eq!(row("cases"), ["300 000", "3 из 5"]);
    assert_eq!(row("cases_resolved"), ["300 000", "3 из 5"]);
    assert_eq!(row("resolution_rate"), ["100 %", "3 из 5"]);
    let svg = page.texts("svg.chart .chart-value").join(" ");
    assert!(svg.contains("300 000") || svg.contains("200 000"), "{svg}");
    let csv = t.out_text("data/indicators.csv");
    assert!(csv.matches(",100000").count() >= 3, "{csv}");
}
