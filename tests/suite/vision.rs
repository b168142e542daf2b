//! The version for the visually impaired (issue 18 point 6): the switch on
//! every page of both example sites leads to an existing page about it in
//! the page's language (one link per language, each marked, on the root
//! pages); that page in every language; and in headless chromium, from
//! file:// and over HTTP: the switch reached with Tab turns on large text,
//! high contrast and no decorative images, a link to another page keeps
//! it, the switch turns it off again; with JavaScript off the switch leads
//! to the page about the version.

use std::time::Duration;

use fantoccini::key::Key;
use serde_json::Value;

use crate::browser::{Browser, StaticServer};
use crate::harness::{Page, SiteTest, build_site, repo, resolve_href};

/// The switch's text in each language, and the way back.
fn words(lang: &str) -> (&'static str, &'static str) {
    match lang {
        "kk" => ("Нашар көретіндерге арналған нұсқа", "Кәдімгі нұсқа"),
        "ru" => ("Версия для слабовидящих", "Обычная версия"),
        _ => ("Low-vision version", "Normal version"),
    }
}

/// The switch of one page: its links lead to existing pages and can be
/// reached with Tab; each says the version's name and the way back in the
/// language it is marked with.
fn check_switch(t: &SiteTest, page: &Page) {
    let f = &page.path;
    let hrefs = page.attrs(".lv-switch a.lv-toggle[href]", "href");
    assert!(
        !hrefs.is_empty(),
        "{f}: no switch to the low-vision version"
    );
    assert_eq!(
        page.count(".lv-switch [tabindex], .lv-switch [hidden]"),
        0,
        "{f}"
    );
    assert_eq!(page.count(".lv-switch [aria-hidden]"), 0, "{f}");
    let root = !f.contains('/');
    let langs = if root {
        page.attrs(".lv-switch a", "lang")
    } else {
        vec![page.lang()]
    };
    assert_eq!(langs.len(), hrefs.len(), "{f}: one link per language");
    for words in [".lv-switch .lv-to-on", ".lv-switch .lv-to-off"] {
        assert_eq!(page.count(words), hrefs.len(), "{f}: {words} in every link");
    }
    for ((href, lang), (on, off)) in hrefs.iter().zip(&langs).zip(
        page.texts(".lv-switch .lv-to-on")
            .into_iter()
            .zip(page.texts(".lv-switch .lv-to-off")),
    ) {
        let target = resolve_href(f, href).unwrap_or_default();
        assert_eq!(
            target,
            format!("{lang}/accessibility/index.html"),
            "{f}: {href}"
        );
        assert!(t.out_path(&target).is_file(), "{f}: {href} leads nowhere");
        assert_eq!((on.as_str(), off.as_str()), words(lang), "{f}");
    }
    if root {
        assert_eq!(langs, ["kk", "ru"], "{f}: every site language, marked");
    }
    let scripts = page.attrs("script[src]", "src");
    let vision: Vec<_> = scripts
        .iter()
        .filter(|s| s.ends_with("assets/vision.js"))
        .collect();
    assert_eq!(vision.len(), 1, "{f}: {scripts:?}");
    let script = resolve_href(f, vision[0]).unwrap_or_default();
    assert!(t.out_path(&script).is_file(), "{f}: {script}");
}

/// The example school site (content/) and the regional directory of
/// examples/ (with the school folders it includes), built.
fn examples() -> Vec<SiteTest> {
    let school = SiteTest::copy_of(&repo().join("content"));
    school.build().ok();
    let region = SiteTest::copy_of(&repo().join("examples"));
    let run = build_site(&region.site.join("region"), &region.out);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    vec![school, region]
}

#[test]
fn every_page_of_both_example_sites_has_the_switch_to_an_existing_page() {
    for t in examples() {
        let pages = t.html_pages();
        for root in ["index.html", "404.html", "kk/404.html"] {
            assert!(pages.iter().any(|p| p == root), "no {root}");
        }
        assert!(pages.iter().any(|p| p.contains("/poster/")), "no poster");
        assert!(pages.len() >= 20, "only {} pages", pages.len());
        for path in &pages {
            check_switch(&t, &t.page(path));
        }
        let size = std::fs::metadata(t.out_path("assets/vision.js"))
            .unwrap()
            .len();
        assert!(size < 2048, "assets/vision.js weighs {size} bytes");
    }
}

#[test]
fn the_page_about_the_version_explains_the_browser_s_own_settings() {
    let t = SiteTest::fixture("school_minimal");
    t.build().ok();
    for (lang, zoom) in [("kk", "Ірі мәтін"), ("ru", "Крупный текст")] {
        let page = t.page(&format!("{lang}/accessibility/index.html"));
        assert_eq!(page.lang(), lang);
        assert_eq!(page.text("h1"), words(lang).0);
        assert_eq!(page.texts("main h2").len(), 3, "{lang}");
        assert_eq!(page.texts("main h2")[0], zoom);
        assert!(page.text("main").contains("Ctrl"), "{lang}");
        // The switch on the page shows only with JavaScript, which runs it.
        assert_eq!(
            page.count(".lv-offer[hidden] button.lv-toggle"),
            1,
            "{lang}"
        );
    }
    let sitemap = t.out_text("sitemap.xml");
    assert!(sitemap.contains("https://school.example.test/ru/accessibility/"));
}

// ------------------------------------------------------------ in chromium

/// school_minimal, whose club text shows an image marked decorative
/// (empty alt) and one that is content (with alt).
fn decorated() -> SiteTest {
    let t = SiteTest::fixture("school_minimal");
    t.write(
        "static/mark.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"40\"><rect width=\"40\" height=\"40\"/></svg>\n",
    );
    t.write(
        "clubs/senim/about.md",
        "Клуб туралы.\n\n![](../mark.svg)\n\n![Клубтың белгісі](../mark.svg)\n",
    );
    t.build().ok();
    t
}

/// What the reader sees: body font size, text, link and background
/// colours, which images show, the switch's visible text.
fn look(b: &Browser) -> Value {
    b.execute(
        "const s = getComputedStyle(document.body), a = document.querySelector('.footer-privacy a');
         const shown = (css) => Array.from(document.querySelectorAll(css)).filter(e => e.getClientRects().length > 0).length;
         return { lv: document.documentElement.classList.contains('lv'),
           font: parseFloat(s.fontSize), text: s.color, bg: s.backgroundColor,
           link: getComputedStyle(a).color,
           decorative: shown('main img[alt=\"\"]'), content: shown('main img:not([alt=\"\"])'),
           switch: document.querySelector('.lv-switch .lv-toggle').innerText.trim() };",
        vec![],
    )
}

/// The contrast ratio of two CSS colours `rgb(r, g, b)` (WCAG 2).
fn contrast(a: &Value, b: &Value) -> f64 {
    let lum = |c: &Value| {
        let v: Vec<f64> = c
            .as_str()
            .unwrap_or_default()
            .trim_start_matches("rgba(")
            .trim_start_matches("rgb(")
            .trim_end_matches(')')
            .split(',')
            .take(3)
            .map(|x| x.trim().parse::<f64>().unwrap_or(0.0) / 255.0)
            .map(|x| {
                if x <= 0.04045 {
                    x / 12.92
                } else {
                    ((x + 0.055) / 1.055).powf(2.4)
                }
            })
            .collect();
        0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]
    };
    let (x, y) = (lum(a), lum(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

fn wait_for(b: &Browser, condition: &str, what: &str) {
    assert!(b.wait_until(condition, Duration::from_secs(10)), "{what}");
}

/// Clicks the element matching `css`, scrolled to at once (the theme
/// scrolls smoothly, which a click at once would miss).
fn click(b: &Browser, css: &str) {
    b.execute(
        "document.querySelector(arguments[0]).scrollIntoView({block: 'center', behavior: 'instant'});",
        vec![Value::from(css)],
    );
    b.click(css);
}

/// Every link to one of the site's pages carries the choice (`lv=1` or
/// `lv=0`), which keeps it where pages opened from file:// do not share
/// localStorage; links elsewhere (`tel:`, `#top`, files) are left alone.
fn assert_links_carry(b: &Browser, choice: &str) {
    let links = b.execute(
        "return Array.from(document.querySelectorAll('a[href]')).map(a => a.getAttribute('href'));",
        vec![],
    );
    let links: Vec<String> = serde_json::from_value(links).unwrap_or_default();
    let pages: Vec<&String> = links
        .iter()
        .filter(|h| !h.contains(':') && !h.starts_with('#'))
        .filter(|h| h.contains(".html"))
        .collect();
    assert!(pages.len() >= 5, "{links:?}");
    for h in pages {
        assert!(
            h.ends_with(&format!("?{choice}")),
            "{h} does not carry {choice}"
        );
    }
    for h in links
        .iter()
        .filter(|h| h.starts_with("tel:") || h.starts_with('#'))
    {
        assert!(!h.contains("lv="), "{h}");
    }
}

/// Tab from the top of the page to the switch, then Enter.
fn switch_with_the_keyboard(b: &Browser) {
    for _ in 0..20 {
        b.press(Key::Tab);
        let at = b.execute(
            "return !!document.activeElement.closest('.lv-switch .lv-toggle');",
            vec![],
        );
        if at == Value::Bool(true) {
            b.press(Key::Enter);
            return;
        }
    }
    panic!("Tab does not reach the switch in 20 presses");
}

/// The whole round on the home page at `home`.
fn switch_round_trip(b: &Browser, home: &str) {
    b.open(home);
    let normal = look(b);
    assert_eq!(normal["lv"], false, "{home}: {normal}");
    assert_eq!(
        normal["decorative"], 1,
        "{home}: the decorative image shows"
    );
    switch_with_the_keyboard(b);
    wait_for(
        b,
        "document.documentElement.classList.contains('lv')",
        "the switch did nothing",
    );
    let lv = look(b);
    let (font, base) = (
        lv["font"].as_f64().unwrap(),
        normal["font"].as_f64().unwrap(),
    );
    assert!(
        font >= 1.5 * base,
        "{home}: text {font}px, normally {base}px"
    );
    for key in ["text", "link"] {
        let ratio = contrast(&lv[key], &lv["bg"]);
        assert!(
            ratio >= 7.0,
            "{home}: {key} {} on {}: {ratio:.1}:1",
            lv[key],
            lv["bg"]
        );
    }
    assert_eq!(
        lv["decorative"], 0,
        "{home}: a decorative image still shows"
    );
    assert_eq!(lv["content"], 1, "{home}: the image with a text must stay");
    assert_eq!(lv["switch"], "Кәдімгі нұсқа");
    assert_links_carry(b, "lv=1");
    // Another page, reached by a link, keeps the version.
    click(b, ".footer-privacy a");
    wait_for(
        b,
        "location.pathname.indexOf('/personal-data/') > 0",
        "the link did not lead on",
    );
    wait_for(
        b,
        "document.readyState === 'complete'",
        "the page did not load",
    );
    let next = look(b);
    assert_eq!(next["lv"], true, "{home}: the next page forgot the version");
    assert!(next["font"].as_f64().unwrap() >= 1.5 * base);
    // And the switch turns it off for the pages after too.
    click(b, ".lv-switch .lv-toggle");
    wait_for(
        b,
        "!document.documentElement.classList.contains('lv')",
        "no way back",
    );
    assert_links_carry(b, "lv=0");
    click(b, ".site-title");
    wait_for(
        b,
        "location.pathname.indexOf('/personal-data/') < 0",
        "the link did not lead back",
    );
    wait_for(
        b,
        "document.readyState === 'complete'",
        "the page did not load",
    );
    assert_eq!(
        look(b)["lv"],
        false,
        "{home}: the normal version was not kept"
    );
}

#[test]
fn the_switch_works_and_is_kept_from_page_to_page_from_file_and_over_http() {
    let Some(b) = Browser::start() else { return };
    let t = decorated();
    let file = url::Url::from_file_path(t.out_path("kk/index.html")).unwrap();
    switch_round_trip(&b, file.as_str());
    let server = StaticServer::start(&t.out);
    switch_round_trip(&b, &server.url("kk/index.html"));
}

#[test]
fn without_javascript_the_switch_leads_to_the_page_about_the_version() {
    let Some(b) = Browser::start_without_javascript() else {
        return;
    };
    let t = decorated();
    let server = StaticServer::start(&t.out);
    b.open(&server.url("kk/index.html"));
    b.click(".lv-switch .lv-toggle");
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while !b.current_url().ends_with("/kk/accessibility/index.html") {
        assert!(
            std::time::Instant::now() < deadline,
            "the switch led to {}",
            b.current_url()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}
