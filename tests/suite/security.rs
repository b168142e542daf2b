//! Every page carries the Content-Security-Policy, and no page asks
//! another site for anything: a scan of the whole output.

use scraper::{Html, Selector};

use crate::harness::{SiteTest, repo};

const NEWS: &str = "---\ntitle: Жаңалық\ndate: 2025-03-01\n---\n![logo](https://tracker.example/pixel.png)\n\n<img src=\"https://cdn.example/a.png\" alt=\"a\">\n<script src=\"https://cdn.example/x.js\"></script>\n<p style=\"color:red\" onclick=\"x()\">Мәтін</p>\n<iframe src=\"https://video.example/embed\"></iframe>\n\n[Сілтеме](https://example.test/)\n";

fn sel(css: &str) -> Selector {
    Selector::parse(css).unwrap()
}

/// Problems of one page: a missing or loose CSP, inline scripts and styles,
/// and any request to another site.
fn page_problems(path: &str, text: &str, base_url: &str) -> Vec<String> {
    let html = Html::parse_document(text);
    let mut problems = Vec::new();
    let csp: Vec<&str> = html
        .select(&sel("meta[http-equiv='Content-Security-Policy']"))
        .filter_map(|m| m.value().attr("content"))
        .collect();
    match csp.as_slice() {
        [policy] => {
            for must in [
                "default-src 'none'",
                "script-src 'self'",
                "style-src 'self'",
                "img-src 'self'",
                "base-uri 'none'",
            ] {
                if !policy.contains(must) {
                    problems.push(format!("{path}: CSP lacks {must}"));
                }
            }
            for loose in ["http", "data:", "*", "unsafe"] {
                if policy.contains(loose) {
                    problems.push(format!("{path}: CSP allows {loose}"));
                }
            }
        }
        _ => problems.push(format!("{path}: {} CSP meta tags", csp.len())),
    }
    for el in html.select(&sel(
        // JSON-LD is a data block the browser never runs; any other inline
        // script would be blocked by the CSP and is a defect.
        "script:not([src]):not([type='application/ld+json']), style, [style], iframe, object, embed, frame",
    )) {
        problems.push(format!(
            "{path}: inline or embedding element <{}>",
            el.value().name()
        ));
    }
    for el in html.select(&sel("*")) {
        for (name, value) in el.value().attrs() {
            if name.starts_with("on") {
                problems.push(format!("{path}: event handler {name}"));
            }
            let fetched = match (el.value().name(), name) {
                ("a" | "area", "href") => false,
                (_, "src" | "srcset" | "poster" | "data" | "action" | "formaction") => true,
                ("link", "href") => {
                    let rel = el.value().attr("rel").unwrap_or("");
                    !(rel.contains("canonical") || rel.contains("alternate"))
                }
                _ => false,
            };
            let off_site = |u: &str| {
                let u = u.trim().to_ascii_lowercase();
                (u.starts_with("http:") || u.starts_with("https:") || u.starts_with("//"))
                    && !u.starts_with(base_url)
            };
            let urls: Vec<&str> = if name == "srcset" {
                value
                    .split(',')
                    .filter_map(|c| c.split_whitespace().next())
                    .collect()
            } else {
                vec![value]
            };
            if fetched && urls.iter().any(|u| off_site(u)) {
                problems.push(format!(
                    "{path}: <{} {name}=\"{value}\"> loads from another site",
                    el.value().name()
                ));
            }
            if ["canonical", "alternate"]
                .iter()
                .any(|r| el.value().attr("rel").unwrap_or("").contains(r))
                && name == "href"
                && off_site(value)
                && el.value().name() == "link"
            {
                problems.push(format!(
                    "{path}: <link href=\"{value}\"> points off the site"
                ));
            }
        }
    }
    problems
}

fn scan_output(t: &SiteTest, base_url: &str) -> (usize, Vec<String>) {
    let mut problems = Vec::new();
    let mut pages = 0;
    for entry in walkdir::WalkDir::new(&t.out).into_iter().flatten() {
        let path = entry.path();
        let rel = path
            .strip_prefix(&t.out)
            .unwrap()
            .to_string_lossy()
            .to_string();
        match path.extension().and_then(|e| e.to_str()) {
            Some("html") => {
                pages += 1;
                problems.extend(page_problems(
                    &rel,
                    &std::fs::read_to_string(path).unwrap(),
                    base_url,
                ));
            }
            Some("css") => {
                let css = std::fs::read_to_string(path).unwrap().to_ascii_lowercase();
                for part in css.split("url(").skip(1) {
                    let u = part.trim_start_matches(['"', '\'', ' ']);
                    if u.starts_with("http") || u.starts_with("//") {
                        problems.push(format!("{rel}: url({u:.40}) loads from another site"));
                    }
                }
                if css.contains("@import") {
                    problems.push(format!("{rel}: @import"));
                }
            }
            _ => {}
        }
    }
    (pages, problems)
}

#[test]
fn the_example_site_makes_no_third_party_request() {
    let t = SiteTest::copy_of(&repo().join("content"));
    t.build().ok();
    let (pages, problems) = scan_output(&t, "https://gymnasium1-mediation.example.test/");
    assert!(pages > 10);
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn hostile_markdown_makes_no_third_party_request() {
    let t = crate::check::school(&[("news/2025-03-01-x.md", NEWS)]);
    let run = t.build().ok();
    assert!(
        run.stderr().contains("markdown/external-image"),
        "{}",
        run.stderr()
    );
    assert!(
        run.stderr().contains("markdown/html-removed"),
        "{}",
        run.stderr()
    );
    let (pages, problems) = scan_output(&t, "no base url");
    assert!(pages > 5);
    assert!(problems.is_empty(), "{problems:#?}");
    let news = t.page("kk/news/x/index.html");
    assert!(
        news.attrs("main a", "href")
            .contains(&"https://example.test/".to_string())
    );
    assert!(
        news.attrs("main a", "href")
            .contains(&"https://tracker.example/pixel.png".to_string())
    );
}

#[test]
fn the_scan_finds_what_it_looks_for() {
    let bad = "<html><head></head><body><img src=\"https://x.example/a.png\"><p style=\"x\">a</p><script>x()</script></body></html>";
    let problems = page_problems("x.html", bad, "https://site.kz/");
    assert_eq!(problems.len(), 4, "{problems:#?}");
}

#[test]
fn directory_and_every_page_kind_make_no_third_party_request() {
    for (fixture, base_url) in [
        ("directory_search", "no base url"),
        ("every_page_kind", "https://school.example.test/mediation/"),
    ] {
        let t = SiteTest::fixture(fixture);
        t.build().ok();
        let (pages, problems) = scan_output(&t, base_url);
        assert!(pages > 5, "{fixture}: {pages} pages");
        assert!(problems.is_empty(), "{fixture}: {problems:#?}");
    }
}
