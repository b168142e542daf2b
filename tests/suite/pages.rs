//! The pages of a site, per language: club home with every section of
//! club.yaml, reports with their figures as a table, news, free pages,
//! documents, 404 pages, the root language chooser and the language
//! switcher on every page.

use crate::harness::{SiteTest, resolve_href};

const LANGS: [&str; 2] = ["kk", "ru"];

#[test]
fn club_page_shows_every_section_written_in_club_yaml() {
    let t = SiteTest::fixture("club_all_sections");
    t.build().ok();
    for lang in LANGS {
        let page = t.page(&format!("{lang}/index.html"));
        assert_eq!(page.lang(), lang);
        for section in [
            "about",
            "goals",
            "tasks",
            "principles",
            "leaders",
            "members",
            "directions",
            "activities",
            "figures",
            "news",
            "gallery",
            "contacts",
            "feedback",
        ] {
            assert_eq!(
                page.count(&format!("section#{section}")),
                1,
                "{lang}: no #{section} section"
            );
        }
        assert_eq!(page.count("h1"), 1);
    }
    let kk = t.page("kk/index.html");
    assert_eq!(kk.text("h1"), "Сенім");
    assert_eq!(kk.text(".club-motto"), "Тыңда. Түсін. Келіс.");
    assert_eq!(kk.text("#about .prose"), "Клуб 2019 жылы құрылды.");
    assert_eq!(kk.text("#goals li"), "Қақтығыстарды бейбіт шешу");
    let ru = t.page("ru/index.html");
    assert_eq!(ru.text("h1"), "Доверие");
    assert_eq!(ru.text(".club-unit"), "Клуб школьной медиации");
    assert_eq!(ru.text("#about .prose"), "Клуб создан в 2019 году.");
    assert_eq!(ru.text("#directions li"), "Профилактика буллинга");
}

#[test]
fn club_page_leaves_out_sections_that_club_yaml_does_not_have() {
    let t = SiteTest::fixture("school_minimal");
    t.build().ok();
    let page = t.page("kk/index.html");
    for section in [
        "about",
        "goals",
        "tasks",
        "leaders",
        "members",
        "directions",
        "activities",
        "figures",
        "news",
        "gallery",
        "contacts",
    ] {
        assert_eq!(page.count(&format!("#{section}")), 0, "#{section}");
    }
    assert_eq!(page.count("section#feedback"), 1);
    assert_eq!(page.count("section#principles"), 1, "built-in by default");
}

#[test]
fn feedback_buttons_come_with_the_confidentiality_line_and_the_111_helpline() {
    let t = SiteTest::fixture("club_all_sections");
    t.build().ok();
    for (lang, confidential) in [
        ("kk", "Өтініштер құпия сақталады"),
        ("ru", "Обращения конфиденциальны"),
    ] {
        let page = t.page(&format!("{lang}/index.html"));
        assert_eq!(
            page.attrs("#feedback a.button[href^='https://']", "href"),
            [
                "https://forms.example.test/question",
                "https://forms.example.test/application",
                "https://forms.example.test/trust-box",
            ]
        );
        assert_eq!(page.text("#feedback .notice-confidential"), confidential);
        assert_eq!(page.count("#feedback a[href='tel:111']"), 1, "{lang}");
        // The helpline is also in the footer of every page.
        assert_eq!(page.count("footer a[href='tel:111']"), 1);
    }
}

#[test]
fn contacts_are_tel_mailto_and_instagram_links() {
    let t = SiteTest::fixture("club_all_sections");
    t.build().ok();
    let page = t.page("kk/index.html");
    assert_eq!(
        page.attrs("#contacts a[href^='tel:']", "href"),
        ["tel:+77212550214"]
    );
    assert_eq!(
        page.attrs("#contacts a[href^='mailto:']", "href"),
        ["mailto:senim@example.test"]
    );
    assert_eq!(
        page.attrs("#contacts a[href*='instagram.com']", "href"),
        ["https://www.instagram.com/senim_mediation/"]
    );
    assert_eq!(
        page.attrs("#leaders a", "href"),
        ["tel:+77015552314", "mailto:a.zhaksybekova@example.test"]
    );
    assert_eq!(
        page.attrs("#gallery a", "href"),
        ["https://www.instagram.com/senim_mediation/"]
    );
}

/// Rows of the first `table.figures` on a page: (label, value).
fn figure_rows(page: &crate::harness::Page) -> Vec<(String, String)> {
    let labels = page.texts("table.figures tbody th");
    let values = page.texts("table.figures tbody td");
    labels.into_iter().zip(values).collect()
}

#[test]
fn report_page_shows_its_figures_as_a_table() {
    let t = SiteTest::fixture("club_all_sections");
    t.build().ok();
    let page = t.page("ru/clubs/senim/reports/2024-2025/index.html");
    assert_eq!(page.lang(), "ru");
    assert_eq!(page.count("table.figures thead th"), 2);
    let rows = figure_rows(&page);
    let values: Vec<&str> = rows.iter().map(|(_, v)| v.as_str()).collect();
    assert_eq!(values, ["33", "20", "18", "90 %"], "{rows:?}");
    assert_eq!(
        page.text(".report-body"),
        "За год рассмотрено 20 обращений."
    );
    // The club page shows the latest figures in the same table.
    let home = t.page("ru/index.html");
    assert_eq!(figure_rows(&home), rows);
}

#[test]
fn reports_list_links_every_report() {
    let t = SiteTest::fixture("club_all_sections");
    t.write(
        "clubs/senim/reports/2023-2024.md",
        "---\nyear: 2023-2024\nstatus: final\n---\n",
    );
    t.build().ok();
    let path = "kk/clubs/senim/reports/index.html";
    let page = t.page(path);
    let links: Vec<String> = page
        .attrs(".report-card h2 a", "href")
        .iter()
        .filter_map(|h| resolve_href(path, h))
        .collect();
    assert_eq!(
        links,
        [
            "kk/clubs/senim/reports/2024-2025/index.html",
            "kk/clubs/senim/reports/2023-2024/index.html",
        ],
        "newest first"
    );
}

#[test]
fn news_list_and_news_pages_in_each_language() {
    let t = SiteTest::fixture("every_page_kind");
    t.build().ok();
    for (lang, titles) in [
        ("kk", ["Медиаторлар тренингі", "Сенім жәшігі"]),
        ("ru", ["Тренинг медиаторов", "Ящик доверия"]),
    ] {
        let path = format!("{lang}/news/index.html");
        let list = t.page(&path);
        assert_eq!(list.texts(".news-title"), titles);
        for href in list.attrs(".news-title a", "href") {
            let target = resolve_href(&path, &href).unwrap();
            let news = t.page(&target);
            assert_eq!(news.lang(), lang);
            assert!(titles.contains(&news.text("h1").as_str()));
        }
    }
    let news = t.page("ru/clubs/senim/news/trust-box/index.html");
    assert_eq!(news.text(".lead"), "Установлен новый ящик доверия.");
    assert_eq!(
        news.text(".prose"),
        "Письмо можно опустить в ящик на первом этаже."
    );
    assert_eq!(news.attrs("time", "datetime"), ["2025-03-14"]);
}

#[test]
fn free_page_is_built_in_each_language_and_in_the_menu() {
    let t = SiteTest::fixture("every_page_kind");
    t.build().ok();
    let kk = t.page("kk/pages/about-mediation/index.html");
    assert_eq!(kk.text("h1"), "Медиация туралы");
    let ru = t.page("ru/pages/about-mediation/index.html");
    assert_eq!(ru.text("h1"), "О медиации");
    let home = t.page("ru/index.html");
    let menu = home.attrs(".site-nav a", "href");
    assert!(
        menu.iter()
            .any(|h| resolve_href("ru/index.html", h).as_deref()
                == Some("ru/pages/about-mediation/index.html")),
        "{menu:?}"
    );
}

#[test]
fn documents_list_links_each_published_file() {
    let t = SiteTest::fixture("every_page_kind");
    t.build().ok();
    for (lang, title) in [
        ("kk", "Медиация қызметі туралы бұйрық"),
        ("ru", "Приказ о службе медиации"),
    ] {
        let path = format!("{lang}/documents/index.html");
        let page = t.page(&path);
        assert_eq!(page.texts(".doc-title"), [title]);
        assert!(page.text(".doc-meta").contains("114"));
        let href = &page.attrs(".doc-title", "href")[0];
        let target = resolve_href(&path, href).unwrap();
        assert_eq!(target, "documents/order-2023.pdf");
    }
    assert_eq!(
        std::fs::read(t.out_path("documents/order-2023.pdf")).unwrap(),
        std::fs::read(t.site.join("documents/order-2023.pdf")).unwrap()
    );
    // documents.yaml itself is not published.
    assert!(!t.out_path("documents/documents.yaml").exists());
}

#[test]
fn not_found_page_in_each_language_and_at_the_root() {
    let t = SiteTest::fixture("school_minimal");
    t.build().ok();
    for (path, lang, heading) in [
        // The root page speaks every site language (tests/suite/native.rs).
        ("404.html", "kk", "Бет табылмады · Страница не найдена"),
        ("kk/404.html", "kk", "Бет табылмады"),
        ("ru/404.html", "ru", "Страница не найдена"),
    ] {
        let page = t.page(path);
        assert_eq!(page.lang(), lang, "{path}");
        assert_eq!(page.text("h1"), heading, "{path}");
        assert_eq!(page.attrs("meta[name=robots]", "content"), ["noindex"]);
    }
}

#[test]
fn root_page_chooses_a_language_without_redirecting() {
    let t = SiteTest::fixture("school_minimal");
    t.build().ok();
    let page = t.page("index.html");
    assert_eq!(page.count("meta[http-equiv=refresh]"), 0);
    // No script that could redirect: only the low-vision switch.
    assert_eq!(page.attrs("script", "src"), ["assets/vision.js"]);
    assert_eq!(page.count("script:not([src])"), 0);
    let links: Vec<(String, String)> = page
        .attrs(".landing-languages a", "href")
        .into_iter()
        .zip(page.attrs(".landing-languages a", "lang"))
        .collect();
    assert_eq!(
        links,
        [
            ("kk/index.html".to_string(), "kk".to_string()),
            ("ru/index.html".to_string(), "ru".to_string())
        ]
    );
    assert_eq!(
        page.texts(".landing-title"),
        ["Мектеп медиациясы", "Школьная медиация"]
    );
}

#[test]
fn language_switcher_leads_to_the_same_page_in_the_other_language() {
    let t = SiteTest::fixture("every_page_kind");
    t.build().ok();
    let pages: Vec<String> = t
        .html_pages()
        .into_iter()
        .filter(|p| !p.ends_with("404.html") && p != "index.html")
        .collect();
    assert!(pages.len() >= 20, "{pages:?}");
    for path in &pages {
        let page = t.page(path);
        let lang = page.lang();
        assert_eq!(
            page.attrs(".lang-switch [aria-current]", "lang"),
            [lang.as_str()],
            "{path}"
        );
        let links = page.attrs(".lang-switch a", "href");
        let langs = page.attrs(".lang-switch a", "hreflang");
        assert_eq!(langs.len(), 1, "{path}");
        let target = resolve_href(path, &links[0]).unwrap();
        assert!(t.out_path(&target).is_file(), "{path} → {target}");
        // The same page: same place under the other language prefix.
        assert_eq!(
            target.split_once('/').unwrap().1,
            path.split_once('/').unwrap().1,
            "{path} → {target}"
        );
        let other = t.page(&target);
        assert_eq!(other.lang(), langs[0], "{target}");
        // And back.
        let back = other.attrs(".lang-switch a", "href");
        assert_eq!(
            resolve_href(&target, &back[0]).as_deref(),
            Some(path.as_str())
        );
    }
}

#[test]
fn every_page_has_the_lang_of_its_folder() {
    let t = SiteTest::fixture("every_page_kind");
    t.build().ok();
    for path in t.html_pages() {
        let expected = match path.split_once('/') {
            Some((lang, _)) => lang.to_string(),
            None => "kk".to_string(),
        };
        assert_eq!(t.page(&path).lang(), expected, "{path}");
    }
}

#[test]
fn plan_page_lists_the_items_with_localized_months_and_formats() {
    let t = SiteTest::fixture("club_all_sections");
    t.build().ok();
    let page = t.page("ru/clubs/senim/plans/2025-2026/index.html");
    assert!(page.text("h1").contains("2025–2026"), "{}", page.text("h1"));
    let row = page.texts("table tbody tr");
    assert_eq!(row.len(), 1);
    assert!(row[0].contains("Обновление состава медиаторов"), "{row:?}");
    assert!(
        row[0].contains("Сентябрь") || row[0].contains("сентябрь"),
        "{row:?}"
    );
    assert!(row[0].to_lowercase().contains("тренинг"), "{row:?}");
}

#[test]
fn poster_has_a_qr_code_for_each_feedback_link() {
    let t = SiteTest::fixture("club_all_sections");
    t.build().ok();
    let page = t.page("kk/clubs/senim/poster/index.html");
    assert_eq!(page.count(".qr-code svg"), 3);
    assert_eq!(page.text("h1"), "Сенім");
}

#[test]
fn a_document_with_spaces_and_cyrillic_in_its_name_is_linked() {
    let t = SiteTest::fixture("school_minimal");
    t.write("documents/Бұйрық № 114.pdf", "%PDF-1.4\n");
    t.write(
        "documents/documents.yaml",
        "- file: Бұйрық № 114.pdf\n  title: {kk: \"Бұйрық\", ru: \"Приказ\"}\n",
    );
    t.build().ok();
    let path = "ru/documents/index.html";
    let href = &t.page(path).attrs(".doc-title", "href")[0];
    assert!(!href.contains(' '), "{href}");
    let target = resolve_href(path, href).unwrap();
    assert_eq!(target, "documents/Бұйрық № 114.pdf");
    assert!(t.out_path(&target).is_file());
}
