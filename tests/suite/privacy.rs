//! Hostile input, private data: an IIN is never published however it is
//! written (entities, emphasis, YAML escapes, invisible characters, a file
//! name, spaces, dashes, full-width digits), `check` names its file and
//! line, `build` writes nothing and keeps the previous site. Phone numbers
//! and e-mails are found in the same disguises.

use crate::check::{SITE_YAML, diags, school};
use crate::harness::SiteTest;

/// A valid IIN (birth date 1990-01-15, check digit 2).
const IIN: &str = "900115300122";

const NEWS_HEAD: &str = "---\ntitle: Жаңалық\ndate: 2025-03-01\n---\n";

/// Builds a clean school site, then adds `files`: `check` must report
/// `privacy/iin` in `file` (at `line` when given), and `build` must fail
/// and leave the previous output byte for byte.
#[track_caller]
fn assert_iin_blocked(files: &[(&str, &str)], file: &str, line: Option<u64>) {
    let t = school(&[]);
    t.build().ok();
    let before = t.snapshot();
    for (path, text) in files {
        t.write(path, text);
    }
    let (run, list) = diags(&t, &[]);
    assert_eq!(run.code(), 1, "{list:#?}");
    let hit = list
        .iter()
        .find(|d| d.code == "privacy/iin" && d.file.ends_with(file))
        .unwrap_or_else(|| panic!("no privacy/iin in {file}: {list:#?}"));
    assert_eq!(hit.severity, "error");
    if line.is_some() {
        assert_eq!(hit.line, line, "{hit:?}");
    }
    let build = t.build().fails_with(1);
    assert!(build.stderr().contains("privacy/iin"), "{}", build.stderr());
    assert_eq!(
        t.snapshot(),
        before,
        "a failed build must leave the output as it was"
    );
    assert_no_iin_published(&t);
}

/// No file of the output holds the number's digits in a row.
fn assert_no_iin_published(t: &SiteTest) {
    for (path, bytes) in t.snapshot() {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !path.to_string_lossy().contains(IIN) && !text.contains(IIN),
            "{} holds the IIN",
            path.display()
        );
    }
}

fn news(body: &str) -> String {
    format!("{NEWS_HEAD}Мәтін.\n\n{body}\n")
}

#[test]
fn an_iin_written_with_character_references_is_blocked() {
    let body = news("ЖСН 90011530012&#50; және 9001&#x31;5300122.");
    assert_iin_blocked(
        &[("news/2025-03-01-a.md", &body)],
        "news/2025-03-01-a.md",
        Some(7),
    );
}

#[test]
fn an_iin_split_by_emphasis_is_blocked() {
    let body = news("ЖСН 9001**1530**0122, 9001<b>1530</b>0122.");
    assert_iin_blocked(
        &[("news/2025-03-01-a.md", &body)],
        "news/2025-03-01-a.md",
        Some(7),
    );
}

#[test]
fn an_iin_written_with_yaml_escapes_is_blocked() {
    let body = "---\ntitle: Жаңалық\ndate: 2025-03-01\nsummary: \"ЖСН \\u0039001153001\\x322\"\n---\nМәтін.\n";
    assert_iin_blocked(
        &[("news/2025-03-01-a.md", body)],
        "news/2025-03-01-a.md",
        Some(4),
    );
}

#[test]
fn an_iin_with_invisible_characters_inside_is_blocked() {
    for invisible in ['\u{200B}', '\u{2060}', '\u{00AD}', '\u{FEFF}', '\u{200D}'] {
        let body = news(&format!("ЖСН 9001{invisible}15300122."));
        assert_iin_blocked(
            &[("news/2025-03-01-a.md", &body)],
            "news/2025-03-01-a.md",
            Some(7),
        );
    }
}

#[test]
fn an_iin_in_a_file_name_is_blocked() {
    let name = format!("news/2025-03-01-{IIN}.md");
    assert_iin_blocked(&[(&name, &news("Мәтін."))], &name, None);
}

#[test]
fn an_iin_written_in_groups_with_spaces_is_blocked() {
    let body = news("ЖСН 900115 300122, ЖСН 9001 1530 0122.");
    assert_iin_blocked(
        &[("news/2025-03-01-a.md", &body)],
        "news/2025-03-01-a.md",
        Some(7),
    );
}

#[test]
fn an_iin_written_with_dashes_is_blocked() {
    let body = news("ЖСН 900115-300122, 900115–300122, 900115 — 300122.");
    assert_iin_blocked(
        &[("news/2025-03-01-a.md", &body)],
        "news/2025-03-01-a.md",
        Some(7),
    );
}

#[test]
fn an_iin_in_full_width_digits_is_blocked() {
    let body = news("ЖСН ９００１１５３００１２２.");
    assert_iin_blocked(
        &[("news/2025-03-01-a.md", &body)],
        "news/2025-03-01-a.md",
        Some(7),
    );
}

#[test]
fn an_iin_broken_over_two_yaml_lines_is_blocked() {
    let club = format!(
        "{}motto: >\n  ЖСН 900115\n  300122\n",
        crate::check::CLUB_YAML
    );
    assert_iin_blocked(
        &[("clubs/senim/club.yaml", &club)],
        "clubs/senim/club.yaml",
        Some(7),
    );
}

#[test]
fn an_iin_in_a_static_text_file_is_blocked() {
    let text = "Тізім\nЖСН 9001 1530 0122\n";
    assert_iin_blocked(&[("static/list.txt", text)], "static/list.txt", Some(2));
}

#[test]
fn an_iin_in_a_template_override_is_blocked() {
    let help = "<p class=\"my-help\">\n<a href=\"tel:111\">111</a> 9001<em>1530</em>0122\n</p>\n";
    let file = "templates/partials/help.html";
    assert_iin_blocked(&[(file, help)], file, Some(2));
}

#[test]
fn years_dates_phones_and_figures_are_no_iins() {
    let body = news(
        "2024-2025 оқу жылы. 2012-2013 2013-2014 жылдары. 01.09.2024, 2025-03-01.\n\n\
         Кездесулер: 33 19 20 18 12 240. Бұйрық № 900115300128.",
    );
    let report = "---\nyear: 2024-2025\nstatus: final\nindicators:\n  cases: 20\n  cases_resolved: 18\n  participants: 240\n---\nМәтін.\n";
    let t = school(&[
        ("news/2025-03-01-a.md", &body),
        ("clubs/senim/reports/2024-2025.md", report),
    ]);
    let (_, list) = diags(&t, &[]);
    assert!(list.iter().all(|d| d.code != "privacy/iin"), "{list:#?}");
    t.build().ok();
}

#[test]
fn phones_and_emails_are_found_in_their_disguises() {
    let body = news(
        "Тел.: 8 (7212) 55–02–14.\n\nТел.: ＋７ ７０１ ５５５ ２３ １４.\n\n\
         Пошта: a.bekova&#64;mail.kz.\n\nПошта: a.bekova＠mail.kz.\n\nПошта: a.bekova (at) mail.kz.",
    );
    let t = school(&[("news/2025-03-01-a.md", &body)]);
    let (run, list) = diags(&t, &[]);
    assert_eq!(run.code(), 0, "{list:#?}");
    let lines = |code: &str| -> Vec<u64> {
        list.iter()
            .filter(|d| d.code == code)
            .filter_map(|d| d.line)
            .collect()
    };
    assert_eq!(lines("privacy/phone-in-text"), [7, 9], "{list:#?}");
    assert_eq!(lines("privacy/email-in-text"), [11, 13, 15], "{list:#?}");
}

#[test]
fn an_iin_in_site_yaml_is_blocked() {
    let site = format!("{SITE_YAML}description: \"ЖСН 9001\\u200B15300122\"\n");
    assert_iin_blocked(&[("site.yaml", &site)], "site.yaml", Some(3));
}
