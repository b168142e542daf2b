//! Loading every name and shape of CONTENT-FORMAT.md §1–6: per-language
//! Markdown files, built-in principles and regions, principles.yaml,
//! static/, templates/ overrides, drafts, and slugs from Cyrillic names.

use crate::harness::{SiteTest, resolve_href};

const CLUB: &str = "clubs/senim/club.yaml";

#[test]
fn each_language_gets_its_own_markdown_file() {
    let t = SiteTest::fixture("school_minimal");
    t.write("clubs/senim/about.kk.md", "Қазақша мәтін.\n");
    t.write("clubs/senim/about.ru.md", "Русский текст.\n");
    let run = t.build().ok();
    assert!(!run.stderr().contains("warning"), "{}", run.stderr());
    assert_eq!(
        t.page("kk/index.html").text("#about .prose"),
        "Қазақша мәтін."
    );
    assert_eq!(
        t.page("ru/index.html").text("#about .prose"),
        "Русский текст."
    );
}

#[test]
fn built_in_principles_have_kazakh_and_russian_names() {
    let t = SiteTest::fixture("school_minimal");
    t.build().ok();
    let kk = t.page("kk/index.html");
    let ru = t.page("ru/index.html");
    assert_eq!(kk.count(".principle"), 7);
    assert_eq!(
        kk.attrs(".principle", "id"),
        [
            "principle-voluntariness",
            "principle-neutrality",
            "principle-confidentiality",
            "principle-equality",
            "principle-cooperation",
            "principle-responsibility",
            "principle-future",
        ]
    );
    assert_eq!(kk.text("#principle-voluntariness h3"), "Еріктілік");
    assert_eq!(ru.text("#principle-voluntariness h3"), "Добровольность");
    assert_eq!(kk.count(".principle [lang]"), 0);
    assert_eq!(ru.count(".principle [lang]"), 0);
}

#[test]
fn a_club_may_pick_built_in_principles_and_add_its_own() {
    let t = SiteTest::fixture("school_minimal");
    t.write(
        CLUB,
        &(t.read(CLUB)
            + "principles:\n  - confidentiality\n  - title: {kk: \"Құрмет\", ru: \"Уважение\"}\n    text: {kk: \"Бір-бірімізді тыңдаймыз.\", ru: \"Слушаем друг друга.\"}\n"),
    );
    t.build().ok();
    let ru = t.page("ru/index.html");
    assert_eq!(
        ru.texts(".principle h3"),
        ["Конфиденциальность", "Уважение"]
    );
}

#[test]
fn principles_yaml_replaces_the_built_in_set() {
    let t = SiteTest::fixture("school_minimal");
    t.write(
        "principles.yaml",
        "- key: trust\n  title: {kk: \"Сенім\", ru: \"Доверие\"}\n  text: {kk: \"Біз сенеміз.\", ru: \"Мы доверяем.\"}\n- key: respect\n  title: {kk: \"Құрмет\", ru: \"Уважение\"}\n",
    );
    t.build().ok();
    let kk = t.page("kk/index.html");
    assert_eq!(
        kk.attrs(".principle", "id"),
        ["principle-trust", "principle-respect"]
    );
    assert_eq!(kk.texts(".principle h3"), ["Сенім", "Құрмет"]);
    let ru = t.page("ru/index.html");
    assert_eq!(ru.text("#principle-trust p"), "Мы доверяем.");
}

#[test]
fn unknown_principle_key_suggests_the_right_one() {
    let t = SiteTest::fixture("school_minimal");
    t.write(CLUB, &(t.read(CLUB) + "principles: [confidentality]\n"));
    t.build().fails_with(1);
    let problems = t.problems();
    let p = problems
        .iter()
        .find(|p| p.code == "club/unknown-principle")
        .unwrap_or_else(|| panic!("{problems:#?}"));
    assert_eq!(p.line, Some(7));
    assert_eq!(p.help.as_deref(), Some("did you mean `confidentiality`?"));
}

#[test]
fn regions_have_kazakh_and_russian_names() {
    let t = SiteTest::fixture("school_minimal");
    t.edit(CLUB, "region: karaganda", "region: east-kazakhstan");
    t.build().ok();
    assert!(
        t.page("kk/index.html")
            .text(".club-school")
            .contains("Шығыс Қазақстан облысы")
    );
    assert!(
        t.page("ru/index.html")
            .text(".club-school")
            .contains("Восточно-Казахстанская область")
    );
}

#[test]
fn static_files_are_copied_as_they_are() {
    let t = SiteTest::fixture("every_page_kind");
    t.write_bytes("static/images/logo.png", b"\x89PNG\r\n\x1a\nnot really");
    t.write("static/assets/style.css", "body { color: black; }\n");
    t.build().ok();
    assert_eq!(
        std::fs::read(t.out_path("images/logo.png")).unwrap(),
        b"\x89PNG\r\n\x1a\nnot really"
    );
    assert_eq!(
        t.out_text("files/readme.txt"),
        "Поставьте ссылку на этот файл.\n"
    );
    // A site file wins over the theme's file of the same name.
    assert_eq!(t.out_text("assets/style.css"), "body { color: black; }\n");
}

#[test]
fn a_template_is_overridden_by_its_file_name() {
    let t = SiteTest::fixture("every_page_kind");
    t.write(
        "templates/page.html",
        "{% extends \"base.html\" %}\n{% block main %}<article class=\"my-page\"><h1>{{ content.title | loc }}</h1>{{ content.body | safe }}</article>{% endblock main %}\n",
    );
    t.write(
        "templates/partials/help.html",
        "<p class=\"my-help\"><a href=\"tel:111\">111</a></p>\n",
    );
    let run = t.build().ok();
    assert!(!run.stderr().contains("warning"), "{}", run.stderr());
    let page = t.page("ru/pages/about-mediation/index.html");
    assert_eq!(page.text(".my-page h1"), "О медиации");
    assert_eq!(page.count(".free-page"), 0);
    // The other templates are the theme's.
    let home = t.page("ru/index.html");
    assert_eq!(home.count(".my-page"), 0);
    assert_eq!(home.count("#feedback .my-help"), 1);
    assert_eq!(home.count(".notice-confidential"), 0);
}

#[test]
fn a_template_with_a_misspelt_name_is_warned_about() {
    let t = SiteTest::fixture("school_minimal");
    t.write("templates/clubb.html", "x\n");
    let run = t.build().ok();
    assert!(
        run.stderr().contains("warning[template/unknown]"),
        "{}",
        run.stderr()
    );
    assert!(
        run.stderr().contains("did you mean `club.html`?"),
        "{}",
        run.stderr()
    );
}

#[test]
fn drafts_are_built_only_with_the_drafts_flag() {
    let t = SiteTest::fixture("school_minimal");
    t.write(
        "news/2025-03-01-meeting.md",
        "---\ntitle: Жиналыс\ndate: 2025-03-01\ndraft: true\n---\nМәтін.\n",
    );
    t.build().ok();
    assert!(!t.out_path("kk/news/meeting/index.html").exists());
    t.build_with(&["--drafts"]).ok();
    assert!(t.out_path("kk/news/meeting/index.html").is_file());
}

#[test]
fn news_slug_comes_from_the_file_name_without_its_date() {
    let t = SiteTest::fixture("school_minimal");
    t.write(
        "news/2025-03-01-Жиналыс өтеді.md",
        "---\ntitle: Жиналыс\ndate: 2025-03-01\n---\nМәтін.\n",
    );
    t.build().ok();
    assert!(t.out_path("kk/news/zhinalys-otedi/index.html").is_file());
    assert!(t.out_path("ru/news/zhinalys-otedi/index.html").is_file());
}

#[test]
fn a_cyrillic_club_folder_of_a_school_gives_a_kazakh_transliterated_slug() {
    let t = SiteTest::fixture("school_minimal");
    std::fs::rename(t.site.join("clubs/senim"), t.site.join("clubs/Сенім")).unwrap();
    t.write(
        "clubs/Сенім/reports/2024-2025.md",
        "---\nyear: 2024-2025\nstatus: final\n---\nЕсеп.\n",
    );
    t.build().ok();
    for lang in ["kk", "ru"] {
        let path = format!("{lang}/clubs/senim/reports/2024-2025/index.html");
        assert!(t.out_path(&path).is_file(), "{path}");
    }
    let home = t.page("kk/index.html");
    let reports: Vec<String> = home
        .attrs(".site-nav a", "href")
        .iter()
        .filter_map(|h| resolve_href("kk/index.html", h))
        .collect();
    assert!(
        reports.contains(&"kk/clubs/senim/reports/index.html".to_string()),
        "{reports:?}"
    );
}

/// A directory home page listing the clubs, so directory sites build
/// whatever the theme's own directory template shows.
const DIRECTORY_TEMPLATE: &str = "{% extends \"base.html\" %}\n{% block main %}<ul class=\"test-clubs\">{% for c in clubs %}<li><a href=\"{{ c.href }}\">{{ c.name | loc }}</a></li>{% endfor %}</ul>{% endblock main %}\n";

#[test]
fn cyrillic_club_folders_of_a_directory_give_kazakh_transliterated_slugs() {
    let t = SiteTest::fixture("school_minimal");
    t.edit("site.yaml", "kind: school", "kind: directory");
    t.write("templates/directory.html", DIRECTORY_TEMPLATE);
    std::fs::rename(t.site.join("clubs/senim"), t.site.join("clubs/Сенім")).unwrap();
    t.write(
        "clubs/Әділет Өркен/club.yaml",
        "name: {kk: \"Әділет\", ru: \"Справедливость\"}\nschool:\n  name: {kk: \"№ 2 мектеп\", ru: \"Школа № 2\"}\n  region: astana\n",
    );
    t.write(
        "clubs/Қазығұрт-Үміт/club.yaml",
        &t.read("clubs/Әділет Өркен/club.yaml"),
    );
    t.build().ok();
    for slug in ["senim", "adilet-orken", "qazygurt-umit"] {
        for lang in ["kk", "ru"] {
            let path = format!("{lang}/clubs/{slug}/index.html");
            assert!(t.out_path(&path).is_file(), "{path}");
        }
    }
    let links: Vec<String> = t
        .page("ru/index.html")
        .attrs(".test-clubs a", "href")
        .iter()
        .filter_map(|h| resolve_href("ru/index.html", h))
        .collect();
    assert!(
        links.contains(&"ru/clubs/senim/index.html".to_string()),
        "{links:?}"
    );
}

#[test]
fn hidden_and_editor_files_are_not_content() {
    let t = SiteTest::fixture("school_minimal");
    t.write("pages/.about.md.swp", "\u{0}binary");
    t.write("pages/about.md~", "---\ntitle: x\n---\n");
    t.write("clubs/.trash/club.yaml", "broken: [\n");
    let run = t.build().ok();
    assert!(!run.stderr().contains("warning"), "{}", run.stderr());
    assert!(!t.out_path("kk/pages/about/index.html").exists());
}

/// Every way of breaking one line of a file: deleted, cut in the middle,
/// indented with a tab, its colon removed, a quote or bracket left open.
fn broken_lines(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for i in 0..lines.len() {
        let line = lines[i];
        let half: String = line.chars().take(line.chars().count() / 2).collect();
        for changed in [
            String::new(),
            half,
            format!("\t{line}"),
            line.replacen(':', "", 1),
            format!("{line} \"{{["),
        ] {
            let mut l = lines.clone();
            l[i] = &changed;
            out.push(l.join("\n") + "\n");
        }
    }
    out
}

/// Loads the site in `dir` in this process, and checks that no problem
/// points past the end of its file.
fn load_without_panic(dir: &std::path::Path) {
    let mut diags = bitimger::diag::Diagnostics::new();
    let _ = bitimger::content::load_site(dir, &Default::default(), &mut diags);
    for d in diags.iter() {
        let Some(loc) = &d.location else { continue };
        let (Some(line), Ok(text)) = (loc.line, std::fs::read(&loc.file)) else {
            continue;
        };
        let lines = String::from_utf8_lossy(&text).lines().count().max(1);
        assert!(line <= lines + 1, "{d} points past the end ({lines} lines)");
    }
}

#[test]
fn broken_lines_of_club_yaml_and_a_report_never_panic_the_loader() {
    let t = SiteTest::fixture("club_all_sections");
    for file in [
        "clubs/senim/club.yaml",
        "clubs/senim/reports/2024-2025.ru.md",
        "clubs/senim/plans/2025-2026.yaml",
        "site.yaml",
    ] {
        let original = t.read(file);
        for text in broken_lines(&original) {
            t.write(file, &text);
            let result = std::panic::catch_unwind(|| load_without_panic(&t.site));
            assert!(result.is_ok(), "{file} made the loader panic:\n{text}");
        }
        t.write(file, &original);
    }
}
