//! Languages: text missing in a language falls back to the default one,
//! marked with its own `lang` (and a notice in the reader's language for
//! Markdown); UI messages can be overridden or added by a site; a site may
//! add English (built in) or any language with its own messages.

use crate::harness::SiteTest;

const CLUB: &str = "clubs/senim/club.yaml";

#[test]
fn a_field_missing_in_russian_shows_the_kazakh_text_marked_kk() {
    let t = SiteTest::fixture("school_minimal");
    t.write(
        CLUB,
        &(t.read(CLUB) + "motto: {kk: \"Тыңда. Түсін. Келіс.\"}\n"),
    );
    t.build().ok();
    let ru = t.page("ru/index.html");
    assert_eq!(ru.lang(), "ru");
    assert_eq!(ru.texts(".club-motto [lang=kk]"), ["Тыңда. Түсін. Келіс."]);
    // On the Kazakh page it is not marked: it is in the page's language.
    let kk = t.page("kk/index.html");
    assert_eq!(kk.text(".club-motto"), "Тыңда. Түсін. Келіс.");
    assert_eq!(kk.count(".club-motto [lang]"), 0);
}

#[test]
fn a_plain_value_is_used_for_every_language_unmarked() {
    let t = SiteTest::fixture("school_minimal");
    t.edit(
        CLUB,
        "name: {kk: \"Сенім\", ru: \"Доверие\"}",
        "name: Сенім",
    );
    t.build().ok();
    for lang in ["kk", "ru"] {
        let page = t.page(&format!("{lang}/index.html"));
        assert_eq!(page.text("h1"), "Сенім");
        assert_eq!(page.count("h1 [lang]"), 0, "{lang}");
    }
}

#[test]
fn markdown_only_in_kazakh_shows_a_russian_notice_and_the_kazakh_text() {
    let t = SiteTest::fixture("school_minimal");
    t.write("clubs/senim/about.kk.md", "Клуб 2019 жылы құрылды.\n");
    let run = t.build().ok();
    assert!(
        run.stderr().contains("warning[i18n/untranslated]"),
        "{}",
        run.stderr()
    );
    let ru = t.page("ru/index.html");
    let wrapper = ".prose .fallback[lang=kk]";
    assert_eq!(ru.count(wrapper), 1);
    assert_eq!(
        ru.text(&format!("{wrapper} > [lang=ru]")),
        "Этот текст пока не переведён на русский язык. Ниже приведён оригинал."
    );
    assert_eq!(
        ru.text(&format!("{wrapper} > p:not([lang])")),
        "Клуб 2019 жылы құрылды."
    );
    let kk = t.page("kk/index.html");
    assert_eq!(kk.count(".fallback"), 0);
    assert_eq!(kk.text("#about .prose"), "Клуб 2019 жылы құрылды.");
}

#[test]
fn markdown_for_all_languages_has_no_notice() {
    let t = SiteTest::fixture("school_minimal");
    t.write("clubs/senim/about.md", "Сенім / Доверие.\n");
    let run = t.build().ok();
    assert!(!run.stderr().contains("warning"), "{}", run.stderr());
    for lang in ["kk", "ru"] {
        let page = t.page(&format!("{lang}/index.html"));
        assert_eq!(page.count(".fallback"), 0);
        assert_eq!(page.text("#about .prose"), "Сенім / Доверие.");
    }
}

#[test]
fn a_news_title_missing_in_russian_is_marked_in_the_list_and_the_page() {
    let t = SiteTest::fixture("school_minimal");
    t.write(
        "news/2025-03-01-meeting.md",
        "---\ntitle: {kk: \"Жиналыс\"}\ndate: 2025-03-01\n---\nМәтін.\n",
    );
    t.build().ok();
    let list = t.page("ru/news/index.html");
    assert_eq!(list.texts(".news-title [lang=kk]"), ["Жиналыс"]);
    let page = t.page("ru/news/meeting/index.html");
    assert_eq!(page.texts("h1 [lang=kk]"), ["Жиналыс"]);
}

#[test]
fn a_site_message_file_overrides_one_message() {
    let t = SiteTest::fixture("school_minimal");
    t.write("i18n/kk.ftl", "nav-home = Бастапқы бет\n");
    t.build().ok();
    let kk = t.page("kk/index.html");
    assert_eq!(kk.texts(".site-nav a")[0], "Бастапқы бет");
    // The other messages stay the built-in ones.
    assert_eq!(kk.text("#feedback-title"), "Кері байланыс");
    let ru = t.page("ru/index.html");
    assert_eq!(ru.texts(".site-nav a")[0], "Главная");
}

#[test]
fn english_can_be_added_with_the_built_in_messages() {
    let t = SiteTest::fixture("school_minimal");
    t.edit(
        "site.yaml",
        "languages: [kk, ru]",
        "languages: [kk, ru, en]",
    );
    let run = t.build().ok();
    // Texts without English are reported, not fatal.
    assert!(
        run.stderr().contains("warning[i18n/untranslated]"),
        "{}",
        run.stderr()
    );
    let en = t.page("en/index.html");
    assert_eq!(en.lang(), "en");
    assert_eq!(en.texts(".site-nav a")[0], "Home");
    assert_eq!(en.text("#feedback-title"), "Feedback");
    // The club name has no English: the default language's text, marked.
    assert_eq!(en.texts("h1 [lang=kk]"), ["Сенім"]);
    // Built-in principles and regions have English names.
    assert_eq!(en.text("#principle-voluntariness h3"), "Voluntariness");
    assert!(en.text(".club-school").contains("Karaganda Region"));
    assert_eq!(en.attrs(".lang-switch a", "hreflang"), ["kk", "ru"]);
    let landing = t.page("index.html");
    assert_eq!(landing.count(".landing-languages a"), 3);
}

#[test]
fn any_language_can_be_added_with_its_own_message_file() {
    let t = SiteTest::fixture("school_minimal");
    t.edit(
        "site.yaml",
        "languages: [kk, ru]",
        "languages: [kk, ru, de]",
    );
    t.write(
        "i18n/de.ftl",
        "lang-autonym = Deutsch\nnav-home = Startseite\nsec-feedback = Rückmeldung\n",
    );
    let run = t.build().ok();
    // Messages the file lacks come from English, with a warning.
    assert!(
        run.stderr().contains("warning[i18n/missing-message]"),
        "{}",
        run.stderr()
    );
    let de = t.page("de/index.html");
    assert_eq!(de.lang(), "de");
    assert_eq!(de.texts(".site-nav a")[0], "Startseite");
    assert_eq!(de.text("#feedback-title"), "Rückmeldung");
    assert_eq!(de.text(".skip-link"), "Skip to main content");
    let kk = t.page("kk/index.html");
    assert_eq!(kk.texts(".lang-switch a"), ["Русский", "Deutsch"]);
}

#[test]
fn untranslated_texts_are_listed_by_check() {
    let t = SiteTest::fixture("school_minimal");
    t.write(CLUB, &(t.read(CLUB) + "motto: {kk: \"Тыңда\"}\n"));
    let run = t.check(&[]).ok();
    assert!(
        run.stderr().contains("`motto` has no text in: ru"),
        "{}",
        run.stderr()
    );
    t.check(&["--strict"]).fails_with(1);
}

#[test]
fn menu_breadcrumbs_and_landing_mark_texts_that_fell_back() {
    let t = SiteTest::fixture("school_minimal");
    t.edit(
        "site.yaml",
        "title: {kk: \"Мектеп медиациясы\", ru: \"Школьная медиация\"}",
        "title: {kk: \"Мектеп медиациясы\"}",
    );
    t.write("pages/about.kk.md", "---\ntitle: Біз туралы\n---\nМәтін.\n");
    t.build().ok();
    let ru = t.page("ru/pages/about/index.html");
    assert_eq!(ru.texts(".site-nav a[lang=kk]"), ["Біз туралы"]);
    assert_eq!(
        ru.texts(".breadcrumbs [aria-current][lang=kk]"),
        ["Біз туралы"]
    );
    assert_eq!(ru.texts(".site-title [lang=kk]"), ["Мектеп медиациясы"]);
    let kk = t.page("kk/pages/about/index.html");
    assert_eq!(kk.count(".site-nav a[lang]"), 0);
    assert_eq!(kk.count(".breadcrumbs [lang]"), 0);
    let landing = t.page("index.html");
    assert_eq!(
        landing.attrs(".landing-title", "lang"),
        ["kk"],
        "only the Russian choice falls back"
    );
}
