//! What the built HTML of the product fixture holds, read without a browser:
//! the poster's content, the club page's weight and requests, and the tags
//! for sharing and search engines (Open Graph, canonical, hreflang, JSON-LD).

use serde_json::Value;

use super::{Fixture, built, built_fixture};

const BASE: &str = "https://gymnasium1-mediation.example.test/";

#[test]
fn club_page_links_to_its_poster() {
    for lang in ["kk", "ru"] {
        let page = built().page(&format!("{lang}/index.html"));
        let links = page.attrs(".poster-link a", "href");
        assert_eq!(links, [format!("../{lang}/clubs/senim/poster/index.html")]);
    }
}

#[test]
fn poster_has_names_room_leaders_principles_and_a_qr_code_per_feedback_link() {
    let cases = [
        (
            "kk",
            "Сенім",
            "Қарағанды қаласы білім бөлімінің «№ 1 гимназия» КММ",
            "Мұхамеджанова Гүлназ Қайратқызы",
        ),
        (
            "ru",
            "Доверие",
            "КГУ «Гимназия № 1» отдела образования города Караганды",
            "Мұхамеджанова Гүлназ Қайратқызы",
        ),
    ];
    for (lang, club, school, third_leader) in cases {
        let page = built().page(&format!("{lang}/clubs/senim/poster/index.html"));
        assert_eq!(page.text(".poster h1"), club);
        assert!(page.text(".poster-school").starts_with(school), "{lang}");
        assert!(page.text(".poster-room").contains("214"), "{lang}");
        let leaders = page.texts(".poster-leaders li strong");
        assert_eq!(leaders.len(), 3, "{lang}: {leaders:?}");
        assert_eq!(leaders[2], third_leader);
        assert_eq!(page.count(".poster-principles li"), 7, "{lang}");
        assert_eq!(page.count(".qr-item"), 3, "{lang}");
        assert_eq!(page.count(".qr-item .qr-code svg"), 3, "{lang}: inline SVG");
        assert!(page.texts(".qr-label").iter().all(|l| !l.is_empty()));
        let urls = page.texts(".qr-url");
        assert_eq!(
            urls,
            [
                "forms.example.test/gym1-senim/question",
                "forms.example.test/gym1-senim/application",
                "forms.example.test/gym1-senim/trust-box"
            ],
            "{lang}: each link written out"
        );
        assert!(page.count(".poster-help") == 1, "{lang}: the 111 helpline");
    }
}

#[test]
fn club_page_is_light_with_one_stylesheet_one_script_and_system_fonts() {
    let b = built();
    for lang in ["kk", "ru"] {
        let path = format!("{lang}/index.html");
        let weight = b.size(&path) + b.size("assets/style.css") + b.size("assets/vision.js");
        assert!(
            weight <= 50 * 1024,
            "{path} with its stylesheet and script weighs {weight} bytes (at most 50 KB)"
        );
        let page = b.page(&path);
        assert_eq!(page.count("link[rel='stylesheet']"), 1, "{path}");
        // One script, the switch to the version for the visually impaired.
        assert_eq!(
            page.attrs("script[src]", "src"),
            ["../assets/vision.js"],
            "{path}"
        );
        assert_eq!(
            page.count("script:not([type='application/ld+json']):not([src])"),
            0,
            "{path}: only JSON-LD data blocks, no inline scripts"
        );
        assert_eq!(page.count("link[rel='preload'], link[as='font']"), 0);
    }
    let css = std::fs::read_to_string(b.out.join("assets/style.css")).unwrap();
    assert!(!css.contains("@font-face") && !css.contains("@import"));
    assert!(!css.contains("url("), "the stylesheet loads nothing else");
    assert!(css.contains("font-family: system-ui"));
}

#[test]
fn pages_carry_title_description_canonical_open_graph_and_hreflang() {
    let page = built().page("ru/clubs/senim/reports/index.html");
    let title = page.text("title");
    assert!(
        title.starts_with("Отчёты") && title.contains("Доверие"),
        "{title}"
    );
    let desc = page.attrs("meta[name='description']", "content");
    assert!(desc[0].starts_with("Служба школьной медиации"), "{desc:?}");
    let canonical = format!("{BASE}ru/clubs/senim/reports/");
    assert_eq!(
        page.attrs("link[rel='canonical']", "href"),
        [canonical.as_str()]
    );
    let og = |p: &str| page.attrs(&format!("meta[property='og:{p}']"), "content");
    assert_eq!(og("url"), [canonical.as_str()]);
    assert_eq!(og("locale"), ["ru_RU"]);
    assert_eq!(og("type"), ["website"]);
    assert_eq!(og("description"), desc);
    assert!(og("title")[0].starts_with("Отчёты"));
    assert!(og("site_name")[0].contains("Доверие"));
    let langs = page.attrs("link[rel='alternate'][hreflang]", "hreflang");
    assert_eq!(langs, ["kk", "ru", "x-default"]);
    let urls = page.attrs("link[rel='alternate'][hreflang]", "href");
    assert_eq!(urls[0], format!("{BASE}kk/clubs/senim/reports/"));
    assert_eq!(urls[2], urls[0], "x-default is the default language");
}

fn json_ld(path: &str) -> Vec<Value> {
    json_ld_of(Fixture::School, path)
}

fn json_ld_of(fixture: Fixture, path: &str) -> Vec<Value> {
    let page = built_fixture(fixture).page(path);
    page.texts("script[type='application/ld+json']")
        .iter()
        .map(|t| {
            serde_json::from_str(t).unwrap_or_else(|e| panic!("{path}: bad JSON-LD ({e}): {t}"))
        })
        .collect()
}

#[test]
fn club_page_describes_the_club_as_an_organization_of_its_school() {
    let ld = json_ld("ru/index.html");
    assert_eq!(ld.len(), 1);
    let org = &ld[0];
    assert_eq!(org["@context"], "https://schema.org");
    assert_eq!(org["@type"], "Organization");
    assert_eq!(org["name"], "Доверие");
    assert_eq!(org["url"], format!("{BASE}ru/"));
    assert_eq!(org["telephone"], "+77212550214");
    assert_eq!(org["email"], "senim.gym1@example.test");
    assert_eq!(
        org["sameAs"],
        serde_json::json!(["https://www.instagram.com/senim_gym1_mediation/"])
    );
    assert_eq!(org["address"]["@type"], "PostalAddress");
    assert_eq!(org["address"]["streetAddress"], "улица Ерубаева, 12");
    assert_eq!(org["address"]["addressLocality"], "Караганда");
    assert_eq!(org["address"]["addressCountry"], "KZ");
    let school = &org["parentOrganization"];
    assert_eq!(school["@type"], "EducationalOrganization");
    assert_eq!(
        school["name"],
        "КГУ «Гимназия № 1» отдела образования города Караганды"
    );
    assert_eq!(school["url"], "https://gymnasium1.example.test/");
    assert_eq!(json_ld("kk/index.html")[0]["name"], "Сенім");
}

#[test]
fn json_ld_is_only_on_club_pages() {
    for path in [
        "kk/clubs/senim/poster/index.html",
        "kk/news/index.html",
        "index.html",
    ] {
        assert!(json_ld(path).is_empty(), "{path}");
    }
}

#[test]
fn directory_club_pages_describe_their_club_too() {
    let ld = json_ld_of(Fixture::Directory, "kk/clubs/senim/index.html");
    assert_eq!(ld.len(), 1);
    assert_eq!(ld[0]["name"], "Сенім");
    assert_eq!(
        ld[0]["url"],
        "https://mediation.example.test/kk/clubs/senim/"
    );
    assert_eq!(ld[0]["parentOrganization"]["name"], "№ 1 гимназия");
    let home = json_ld_of(Fixture::Directory, "kk/index.html");
    assert!(home.is_empty(), "the directory's home is no club");
}

#[test]
fn the_product_checks_run_on_the_site_s_own_accent_and_style_sheet() {
    // The browser and HTML checks above are only a check of `style:` if
    // the fixture's colour and sheet really reach the published sheet.
    let b = built();
    let css = std::fs::read_to_string(b.out.join("assets/style.css")).unwrap();
    let tail = &css[css.rfind(":root").expect("the site's :root rule")..];
    assert!(tail.starts_with(":root { --accent: #7b2d8e;"), "{tail}");
    assert!(tail.contains("h1 { margin-bottom: .6em; }"), "{tail}");
}
