//! Native-language details of the generated pages (issue 18): quotation
//! marks by language, no-break spaces, one term per figure, the wording
//! of statuses and plans, and the bilingual root pages.

use scraper::Selector;

use crate::harness::{Page, SiteTest};

/// The text of the first element matching `css`, as written (no-break
/// spaces kept; `Page::text` folds them into spaces).
fn raw(page: &Page, css: &str) -> String {
    let sel = Selector::parse(css).unwrap();
    let el = page.html.select(&sel).next();
    el.unwrap_or_else(|| panic!("{}: nothing matches {css}", page.path))
        .text()
        .collect()
}

fn trilingual() -> SiteTest {
    let t = SiteTest::fixture("school_minimal");
    t.edit(
        "site.yaml",
        "languages: [kk, ru]",
        "languages: [kk, ru, en]",
    );
    t.edit(
        "site.yaml",
        "ru: \"Школьная медиация\"}",
        "ru: \"Школьная медиация\", en: \"School mediation\"}",
    );
    t
}

#[test]
fn quotes_follow_the_language_of_the_markdown() {
    let t = trilingual();
    let body = "Клуб \"Сенім \"Жарық\" тобы\" ашылды.\n";
    t.write("pages/q.kk.md", &format!("---\ntitle: Q\n---\n{body}"));
    t.write("pages/q.ru.md", &format!("---\ntitle: Q\n---\n{body}"));
    t.write("pages/q.en.md", "---\ntitle: Q\n---\nThe \"Trust\" club.\n");
    t.build().ok();
    let text = |lang: &str| t.page(&format!("{lang}/pages/q/index.html")).text("main p");
    assert_eq!(text("kk"), "Клуб «Сенім „Жарық“ тобы» ашылды.");
    assert_eq!(text("ru"), "Клуб «Сенім „Жарық“ тобы» ашылды.");
    assert_eq!(text("en"), "The “Trust” club.");
}

#[test]
fn a_markdown_file_for_all_languages_takes_the_default_languages_quotes() {
    let t = SiteTest::fixture("school_minimal");
    t.write("pages/q.md", "---\ntitle: Q\n---\n\"Сенім\" клубы\n");
    t.build().ok();
    let page = t.page("ru/pages/q/index.html");
    assert_eq!(page.text("main p"), "«Сенім» клубы");
}

#[test]
fn numbers_and_signs_are_joined_by_no_break_spaces() {
    let t = SiteTest::fixture("school_minimal");
    t.write(
        "clubs/senim/reports/2024-2025.md",
        "---\nyear: 2024-2025\nstatus: final\nindicators:\n  cases: 5\n  cases_resolved: 4\n  participants: 1240\n---\nText.\n",
    );
    t.build().ok();
    for lang in ["kk", "ru"] {
        let page = t.page(&format!("{lang}/clubs/senim/reports/2024-2025/index.html"));
        let all = raw(&page, "main");
        assert!(all.contains("80\u{a0}%"), "{lang}: {all}");
        assert!(all.contains("1\u{a0}240"), "{lang}: {all}");
    }
    let ru = t.page("ru/index.html");
    assert!(raw(&ru, ".club-school").contains("Гимназия №\u{a0}1"));
    let kk = t.page("kk/index.html");
    assert!(raw(&kk, ".club-school").contains("№\u{a0}1 гимназия"));
}

#[test]
fn one_term_for_resolved_cases_and_a_not_final_report_is_preliminary() {
    let t = SiteTest::fixture("school_minimal");
    t.write(
        "clubs/senim/reports/2024-2025.md",
        "---\nyear: 2024-2025\nstatus: ongoing\nindicators:\n  cases: 5\n  cases_resolved: 4\n---\nText.\n",
    );
    t.build().ok();
    let ru = t.page("ru/clubs/senim/reports/2024-2025/index.html");
    let all = ru.text("main");
    assert!(all.contains("Завершено соглашением"), "{all}");
    assert!(
        all.contains("Доля обращений, завершённых соглашением"),
        "{all}"
    );
    assert!(!all.contains("примирен"), "{all}");
    assert_eq!(ru.text(".meta .status"), "предварительный");
    let kk = t.page("kk/clubs/senim/reports/2024-2025/index.html");
    assert_eq!(kk.text(".meta .status"), "алдын ала");
}

#[test]
fn a_plan_item_not_yet_due_is_planned_not_failed() {
    let t = SiteTest::fixture("school_minimal");
    let plan = |year: &str| {
        format!(
            "year: {year}\nitems:\n  - when: october\n    title: A\n    done: false\n  - when: may\n    title: B\n    done: true\n"
        )
    };
    t.write("clubs/senim/plans/2000-2001.yaml", &plan("2000-2001"));
    t.write("clubs/senim/plans/2099-2100.yaml", &plan("2099-2100"));
    t.build().ok();
    let done = |lang: &str, year: &str| {
        t.page(&format!("{lang}/clubs/senim/plans/{year}/index.html"))
            .texts("td.plan-done")
    };
    assert_eq!(done("ru", "2000-2001"), ["не выполнено", "✓ выполнено"]);
    assert_eq!(done("ru", "2099-2100"), ["запланировано", "✓ выполнено"]);
    assert_eq!(done("kk", "2099-2100"), ["жоспарланған", "✓ орындалды"]);
}

#[test]
fn the_help_line_gives_the_official_name_in_two_sentences() {
    let t = SiteTest::fixture("school_minimal");
    t.build().ok();
    let ru = t.page("ru/index.html").text(".footer-help");
    assert!(
        ru.starts_with("Единый контакт-центр «111» по вопросам семьи, женщин и защиты прав детей."),
        "{ru}"
    );
    assert!(ru.contains("звоните 111. Звонок бесплатный"), "{ru}");
    let kk = t.page("kk/index.html");
    assert!(
        kk.text(".feedback-intro, main")
            .contains("мазалаған кез келген сұрақ")
    );
}

#[test]
fn the_root_pages_speak_every_site_language() {
    let t = SiteTest::fixture("school_minimal");
    t.build().ok();
    let root = t.page("index.html");
    assert_eq!(
        root.texts(".landing-choose span"),
        ["Тілді таңдаңыз", "Выберите язык"]
    );
    assert_eq!(root.attrs(".landing-choose span", "lang"), ["kk", "ru"]);
    assert_eq!(
        root.text(".landing-choose"),
        "Тілді таңдаңыз · Выберите язык"
    );
    assert_eq!(root.attrs(".footer-help", "lang"), ["kk", "ru"]);
    assert!(root.texts(".footer-help")[1].contains("звоните 111"));
    let missing = t.page("404.html");
    assert_eq!(missing.attrs("h1 span", "lang"), ["kk", "ru"]);
    assert_eq!(missing.text("h1"), "Бет табылмады · Страница не найдена");
    assert_eq!(missing.attrs(".footer-help", "lang"), ["kk", "ru"]);
    // A language's own 404 stays in its language.
    let ru = t.page("ru/404.html");
    assert_eq!(ru.text("h1"), "Страница не найдена");
    assert_eq!(ru.count(".footer-help"), 1);
}

#[test]
fn the_childrens_trust_line_150_stands_beside_111() {
    let t = SiteTest::fixture("school_minimal");
    t.build().ok();
    let ru = t.page("ru/index.html");
    assert_eq!(ru.attrs(".help-150 a", "href"), ["tel:150"]);
    assert_eq!(ru.text(".help-150 strong"), "Детский телефон доверия «150»");
    assert_eq!(ru.attrs(".footer-trust a", "href"), ["tel:150"]);
    let kk = t.page("kk/index.html");
    assert_eq!(kk.text(".help-150 strong"), "«150» балалар сенім телефоны");
    let root = t.page("index.html");
    assert_eq!(root.attrs(".footer-trust", "lang"), ["kk", "ru"]);
}

#[test]
fn every_page_links_a_personal_data_page_in_its_language() {
    let t = SiteTest::fixture("school_minimal");
    t.write(
        "clubs/senim/club.yaml",
        &format!(
            "{}contacts:\n  email: club@school.example.test\n  phones: [\"+7 7212 41 23 45\"]\n",
            t.read("clubs/senim/club.yaml")
        ),
    );
    t.build().ok();
    let ru = t.page("ru/index.html");
    assert_eq!(ru.text(".footer-privacy a"), "Персональные данные");
    assert_eq!(
        ru.attrs(".footer-privacy a", "href"),
        ["../ru/personal-data/index.html"]
    );
    let page = t.page("ru/personal-data/index.html");
    assert_eq!(page.lang(), "ru");
    assert_eq!(page.text("h1"), "Персональные данные");
    let text = page.text("main");
    assert!(
        text.contains("письменного согласия их законных представителей"),
        "{text}"
    );
    assert_eq!(
        page.attrs(".prose a", "href"),
        ["mailto:club@school.example.test", "tel:+77212412345"]
    );
    let kk = t.page("kk/personal-data/index.html");
    assert_eq!(kk.text("h1"), "Дербес деректер");
    assert!(kk.text("main").contains("заңды өкілдерінің"));
    let sitemap = t.out_text("sitemap.xml");
    assert!(sitemap.contains("/kk/personal-data/"), "{sitemap}");
}
