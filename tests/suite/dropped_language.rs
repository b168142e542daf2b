//! Dropping a language from `languages:` (issue 18, point 11): the texts
//! in it are kept for later, one warning per file, the site builds in the
//! languages left; a code that is no language (`kz:`) stays an error.

use std::collections::BTreeMap;

use crate::harness::{Problem, SiteTest};

/// The text of `main` on every Kazakh page of the last build (but the
/// 404 page, whose `main` holds the link to the Russian site).
fn kk_pages(t: &SiteTest) -> BTreeMap<String, String> {
    t.html_pages()
        .into_iter()
        .filter(|p| p.starts_with("kk/") && p != "kk/404.html")
        .map(|p| {
            let main = t.page(&p).text("main");
            (p, main)
        })
        .collect()
}

fn drop_ru(t: &SiteTest) {
    t.edit("site.yaml", "languages: [kk, ru]", "languages: [kk]");
}

fn of_code<'a>(problems: &'a [Problem], code: &str) -> Vec<&'a Problem> {
    problems.iter().filter(|p| p.code == code).collect()
}

#[test]
fn dropping_russian_leaves_one_warning_per_file_and_the_kazakh_site() {
    let t = SiteTest::fixture("club_all_sections");
    t.build().ok();
    let before = kk_pages(&t);
    assert!(t.out_path("ru").is_dir());
    drop_ru(&t);

    let problems = t.problems();
    assert!(
        problems.iter().all(|p| p.severity == "warning"),
        "{problems:#?}"
    );
    let texts = of_code(&problems, "lang/texts-not-used");
    let mut files: Vec<&str> = texts.iter().map(|p| p.file.as_str()).collect();
    files.sort();
    assert_eq!(
        files,
        [
            "site/clubs/senim/club.yaml",
            "site/clubs/senim/news/2025-03-14-trust-box.md",
            "site/clubs/senim/plans/2025-2026.yaml",
            "site/site.yaml",
        ],
        "one warning per file with `ru:` texts: {problems:#?}"
    );
    let club = texts
        .iter()
        .find(|p| p.file.ends_with("club.yaml"))
        .unwrap();
    // The first `ru:` of club.yaml is on its first line; 12 lines have one each.
    assert_eq!(club.line, Some(1));
    assert!(club.message.starts_with("12 texts"), "{}", club.message);
    let help = club.help.as_deref().unwrap_or("");
    assert!(help.contains("add ru to `languages:`"), "{help}");
    // The Russian Markdown files: one warning each, saying how to publish them.
    let files = of_code(&problems, "lang/file-not-used");
    assert_eq!(files.len(), 2, "{problems:#?}");
    for p in files {
        assert!(p.file.ends_with(".ru.md"), "{p:?}");
        let help = p.help.as_deref().unwrap_or("");
        assert!(
            help.contains("add `ru` to `languages:`") && !help.contains("did you mean"),
            "{help}"
        );
    }

    let _ = std::fs::remove_dir_all(&t.out);
    t.build().ok();
    assert!(!t.out_path("ru").exists(), "no Russian pages");
    assert_eq!(kk_pages(&t), before, "the Kazakh pages say the same");
}

#[test]
fn a_code_that_is_no_language_stays_an_error_with_the_code_meant() {
    let t = SiteTest::fixture("club_all_sections");
    drop_ru(&t);
    t.edit(
        "clubs/senim/club.yaml",
        "motto: {kk: \"Тыңда. Түсін. Келіс.\", ru:",
        "motto: {kk: \"Тыңда. Түсін. Келіс.\", kz:",
    );
    let problems = t.problems();
    let unknown = of_code(&problems, "lang/unknown");
    assert_eq!(unknown.len(), 1, "{problems:#?}");
    assert_eq!(unknown[0].severity, "error");
    assert_eq!(unknown[0].file, "site/clubs/senim/club.yaml");
    assert_eq!(unknown[0].line, Some(3));
    assert!(
        unknown[0].help.as_deref().unwrap_or("").contains("`kk`"),
        "{:?}",
        unknown[0]
    );
    // The `ru:` texts are still one warning.
    assert_eq!(of_code(&problems, "lang/texts-not-used").len(), 4);
    t.build().fails_with(1);
}

#[test]
fn a_text_published_only_in_a_dropped_language_is_left_out() {
    let t = SiteTest::fixture("school_minimal");
    t.write(
        "news/2025-10-01-kk-ru.md",
        "---\ntitle: Жаңалық\ndate: 2025-10-01\nlanguages: [kk, ru]\n---\nМәтін.\n",
    );
    t.write(
        "news/2025-10-02-ru.md",
        "---\ntitle: Новость\ndate: 2025-10-02\nlanguages: [ru]\n---\nТекст.\n",
    );
    drop_ru(&t);
    let problems = t.problems();
    assert!(
        problems.iter().all(|p| p.severity == "warning"),
        "{problems:#?}"
    );
    let left_out = of_code(&problems, "lang/file-not-used");
    assert_eq!(left_out.len(), 1, "{problems:#?}");
    assert_eq!(left_out[0].file, "site/news/2025-10-02-ru.md");
    t.build().ok();
    let pages = t.html_pages();
    assert!(
        pages.contains(&"kk/news/kk-ru/index.html".to_string()),
        "{pages:?}"
    );
    assert!(!pages.iter().any(|p| p.contains("news/ru/")), "{pages:?}");
}
