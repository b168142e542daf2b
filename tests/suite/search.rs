//! The directory filter in a real browser (headless chromium): text search
//! across languages and letter variants, the region filter, the count, and
//! a page opened from file:// without the index.

use std::time::Duration;

use crate::browser::{Browser, StaticServer};
use crate::harness::SiteTest;

const CARDS: &str = "#dir-list .club-card";

fn built() -> SiteTest {
    let t = SiteTest::fixture("directory_search");
    t.build().ok();
    t
}

/// The slugs of the visible cards, sorted.
fn shown(b: &Browser) -> Vec<String> {
    let mut slugs = b.visible_attrs(CARDS, "data-slug");
    slugs.sort();
    slugs
}

fn search(b: &Browser, text: &str) -> Vec<String> {
    b.clear("#dir-q");
    b.type_into("#dir-q", text);
    shown(b)
}

fn count_text(b: &Browser) -> String {
    b.visible_texts(".dir-count").pop().unwrap_or_default()
}

fn index_loaded(b: &Browser) {
    // The index arrives asynchronously; the cross-language search proves it.
    assert!(
        b.wait_until(
            "document.querySelectorAll('#dir-list .club-card:not([hidden])').length === 1",
            Duration::from_secs(10)
        ),
        "the search index did not load"
    );
}

#[test]
fn search_folds_case_and_kazakh_letters() {
    let Some(b) = Browser::start() else { return };
    let t = built();
    let server = StaticServer::start(&t.out);
    b.open(&server.url("kk/index.html"));
    assert_eq!(shown(&b).len(), 6, "every club before any search");
    assert_eq!(search(&b, "казыгурт"), ["yntymaq"]);
    assert_eq!(count_text(&b), "Табылды: 1");
    assert_eq!(search(&b, "алматы"), ["bereke", "zhuldyz"]);
    assert_eq!(count_text(&b), "Табылды: 2");
    assert_eq!(search(&b, "ҚАЗЫҒҰРТ"), ["yntymaq"]);
    assert_eq!(search(&b, "гимназия 159"), ["zhuldyz"]);
    // Empty groups hide with their clubs.
    assert_eq!(
        b.visible_texts(".dir-region > h2 a"),
        ["Алматы қаласы"],
        "only the region with matches shows"
    );
}

#[test]
fn search_finds_names_in_every_language_and_in_latin() {
    let Some(b) = Browser::start() else { return };
    let t = built();
    let server = StaticServer::start(&t.out);
    b.open(&server.url("kk/index.html"));
    // «Согласие» is the Russian name of «Татулық»: it is only in the index.
    b.type_into("#dir-q", "согласие");
    index_loaded(&b);
    assert_eq!(shown(&b), ["tatulyq"]);
    assert_eq!(search(&b, "qazygurt"), ["yntymaq"]);
    assert_eq!(search(&b, "надежда"), ["umit"]);
}

#[test]
fn region_filter_combines_with_text_and_resets() {
    let Some(b) = Browser::start() else { return };
    let t = built();
    let server = StaticServer::start(&t.out);
    b.open(&server.url("ru/index.html"));
    b.select("#dir-region", "almaty-region");
    assert_eq!(shown(&b), ["dostyq", "tatulyq"]);
    assert_eq!(count_text(&b), "Найдено: 2");
    assert_eq!(search(&b, "есик"), ["dostyq"]);
    assert_eq!(search(&b, "алматы"), Vec::<String>::new());
    assert_eq!(count_text(&b), "Ничего не найдено");
    b.click(".dir-filter button[type='reset']");
    assert!(b.wait_until(
        "document.querySelectorAll('#dir-list .club-card:not([hidden])').length === 6",
        Duration::from_secs(5)
    ));
}

#[test]
fn from_file_the_page_still_searches_what_it_shows() {
    let Some(b) = Browser::start() else { return };
    let t = built();
    let url = format!("file://{}", t.out.join("kk/index.html").display());
    b.open(&url);
    assert_eq!(b.visible_texts(".dir-regions .region-links a").len(), 4);
    assert_eq!(search(&b, "казыгурт"), ["yntymaq"]);
    assert_eq!(search(&b, "есік"), ["dostyq"]);
}

#[test]
fn latin_look_alikes_find_the_cyrillic_names_and_back() {
    let Some(b) = Browser::start() else { return };
    let t = SiteTest::fixture("directory_search");
    // «Сенiм» written with a Latin i, as keyboards without Kazakh letters type it.
    t.write(
        "clubs/senim/club.yaml",
        "name: {kk: \"Сенiм\", ru: \"Доверие\"}\nschool:\n  name: {kk: \"№ 8 мектеп\", ru: \"Школа № 8\"}\n  region: shymkent\n  locality: {kk: \"Шымкент\", ru: \"Шымкент\"}\n",
    );
    t.build().ok();
    let server = StaticServer::start(&t.out);
    b.open(&server.url("kk/index.html"));
    b.type_into("#dir-q", "доверие");
    index_loaded(&b);
    // The Kazakh spelling finds the name typed with a Latin i ...
    assert_eq!(search(&b, "сенім"), ["senim"]);
    // ... and a query typed so finds it too, and finds Cyrillic names:
    // «Бeреке» with a Latin e, «ҮMIT» with a Latin M and I.
    assert_eq!(search(&b, "Сенiм"), ["senim"]);
    assert_eq!(search(&b, "Бeреке"), ["bereke"]);
    assert_eq!(search(&b, "ҮMIT"), ["umit"]);
    // A Latin word stays Latin: the transliteration still finds it.
    assert_eq!(search(&b, "senim"), ["senim"]);
}
