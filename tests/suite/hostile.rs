//! Hostile URLs in Markdown and raw HTML: every way a browser reads as
//! another host or a script (`/\host`, `ht&#x09;tps:`, `\\host`,
//! `jav&#x09;ascript:` ...) is caught, and nothing reaches a page or the
//! Atom feed (which no Content-Security-Policy protects). The output is
//! read back as a browser reads it: HTML with scraper, the feed with
//! roxmltree and its HTML content with scraper again, every URL resolved
//! with the WHATWG parser against the page's own address.

use scraper::{ElementRef, Html};
use url::Url;

use crate::harness::SiteTest;

/// A news item with every hostile image and link form that is only a
/// warning (raw HTML is removed, external Markdown images become links).
const HOSTILE_NEWS: &str = r#"---
title: Жаңалық
date: 2025-03-01
---
Мәтін [сілтеме](https://example.test/).

![a](/\evil.example/md1.png)

![a](\\\\evil.example\md2.png)

![a](ht&#x09;tps://evil.example/md3.png)

![a](/&#x09;/evil.example/md4.png)

![a](\\/evil.example/md5.png)

![a](//evil.example/md6.png)

![a](HTTPS://EVIL.EXAMPLE/md7.png)

![a](&#1;//evil.example/md8.png)

<img src="/\evil.example/raw1.png" alt="a">

<img src="ht&#x09;tps://evil.example/raw2.png" alt="a">

<img src="/&#x09;/evil.example/raw3.png" alt="a">

<img src="\\evil.example\raw4.png" alt="a">

<img src=" &#x01;//evil.example/raw5.png" alt="a">

<IMG SRC="HTTPS://evil.example/raw6.png" alt="a">

<img src="data:image/png;base64,AAAA" alt="a">

<img srcset="https://evil.example/raw7.png 1x, a.png 2x" alt="a">

Сурет <picture><source srcset="//evil.example/raw8.png"><img src="/\evil.example/raw9.png" alt="a"></picture>

<a href="javascript&colon;alert(1)">a</a>

<a href="jav&#x09;ascript:alert(2)">a</a>

Сілтеме <a href="java
script:alert(3)">a</a>

<a href=" JAVASCRIPT:alert(4)">a</a>

<a href="&#x01;javascript:alert(5)">a</a>

<a href="data:text/html,x">a</a>

<blockquote cite="javascript:alert(6)">q</blockquote>

<p style="background:url(https://evil.example/bg.png)">s</p>

Форма <input type="checkbox" checked> <input type="text" value="x">

## Тақырып {style=color:red onclick=alert(7)}

- [x] тренинг өтті
"#;

/// Markers of the lines above that hold something hostile.
const HOSTILE_MARKS: &[&str] = &[
    "evil.example",
    "javascript",
    "script:",
    "data:",
    "style=",
    "<input",
];

/// Attributes a browser fetches from (or runs) without a click.
const FETCHED: &[&str] = &[
    "src",
    "srcset",
    "poster",
    "data",
    "background",
    "action",
    "formaction",
];

/// Everything wrong with the HTML of a page whose address is `page`: a
/// request to another host, a link that runs a script, a handler, a
/// style attribute, a form field other than a task-list checkbox.
fn url_problems(page: &Url, html: &Html) -> Vec<String> {
    let mut problems = Vec::new();
    let resolve = |u: &str| page.join(u).ok();
    for el in html
        .root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
    {
        let e = el.value();
        for (name, value) in e.attrs() {
            let urls: Vec<&str> = match name {
                "srcset" => value
                    .split(',')
                    .filter_map(|c| c.split_whitespace().next())
                    .collect(),
                _ => vec![value],
            };
            let off_site = urls.iter().any(|u| {
                resolve(u).is_none_or(|r| {
                    r.host_str() != page.host_str() || !r.scheme().starts_with("http")
                })
            });
            let is_link = matches!(name, "href" | "cite" | "xlink:href");
            let runs = urls.iter().any(|u| {
                resolve(u)
                    .is_some_and(|r| !matches!(r.scheme(), "http" | "https" | "mailto" | "tel"))
            });
            if FETCHED.contains(&name) && off_site {
                problems.push(format!(
                    "<{} {name}=\"{value}\"> loads from another site",
                    e.name()
                ));
            }
            if is_link && runs {
                problems.push(format!(
                    "<{} {name}=\"{value}\"> is not a web link",
                    e.name()
                ));
            }
            if name.starts_with("on") || name == "style" {
                problems.push(format!("<{} {name}=\"{value}\">", e.name()));
            }
        }
        let checkbox = e.attr("type") == Some("checkbox") && e.attr("disabled").is_some();
        // The theme's JSON-LD is data the browser never runs; a script
        // with `src` is checked as a request above.
        let script = e.name() == "script"
            && e.attr("src").is_none()
            && e.attr("type") != Some("application/ld+json");
        if e.name() == "input" && !checkbox || script || matches!(e.name(), "iframe" | "style") {
            problems.push(format!("<{}> element", e.name()));
        }
    }
    problems
}

/// Problems of every page and feed of the output; `origin` is where the
/// site lives (its base_url, or a placeholder).
fn output_problems(t: &SiteTest, origin: &str) -> (usize, Vec<String>) {
    let origin = Url::parse(origin).unwrap();
    let mut problems = Vec::new();
    let mut scanned = 0;
    for page in t.html_pages() {
        let url = origin.join(&page).unwrap();
        let html = Html::parse_document(&t.out_text(&page));
        problems.extend(
            url_problems(&url, &html)
                .into_iter()
                .map(|p| format!("{page}: {p}")),
        );
        scanned += 1;
    }
    for lang in ["kk", "ru"] {
        let path = format!("{lang}/news/atom.xml");
        let feed_url = origin.join(&path).unwrap();
        let text = t.out_text(&path);
        let xml = roxmltree::Document::parse(&text).unwrap();
        for content in xml.descendants().filter(|n| n.has_tag_name("content")) {
            const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";
            let base = content.attribute((XML_NS, "base")).unwrap_or("");
            let entry_url = feed_url.join(base).unwrap();
            let html = Html::parse_fragment(content.text().unwrap_or(""));
            problems.extend(
                url_problems(&entry_url, &html)
                    .into_iter()
                    .map(|p| format!("{path}: {p}")),
            );
            scanned += 1;
        }
    }
    (scanned, problems)
}

fn hostile_site() -> SiteTest {
    let t = SiteTest::fixture("school_minimal");
    t.write("news/2025-03-01-x.md", HOSTILE_NEWS);
    t
}

#[test]
fn no_page_or_feed_requests_another_host_or_keeps_a_script_link() {
    for base_url in [Some("https://school.example.test/"), None] {
        let t = hostile_site();
        if base_url.is_none() {
            t.edit("site.yaml", "base_url: https://school.example.test/\n", "");
        }
        // Hostile image paths that stay on the site lead to no file, which
        // stops a build; what rendering makes of them is looked at here.
        let codes = t.render_anyway();
        assert!(
            codes
                .iter()
                .all(|c| c == "links/broken" || c.starts_with("markdown/")),
            "{codes:?}"
        );
        let (scanned, problems) = output_problems(&t, base_url.unwrap_or("https://site.test/"));
        assert!(scanned > 10, "{scanned}");
        assert!(problems.is_empty(), "{base_url:?}: {problems:#?}");
        // The feed carries the news with its (clean) text and task list.
        let feed = t.out_text("kk/news/atom.xml");
        assert!(feed.contains("тренинг өтті"), "{feed}");
        let news = t.page("kk/news/x/index.html");
        // External Markdown images became links; the task checkbox stays.
        assert!(
            news.attrs("main a", "href")
                .iter()
                .any(|h| h.contains("md6.png"))
        );
        assert_eq!(news.count("main input"), 1);
        assert_eq!(
            news.count("main input[type=checkbox][disabled][checked]"),
            1
        );
        assert_eq!(
            news.attrs("main a[href^='https://example.test']", "rel"),
            ["noopener noreferrer"]
        );
    }
}

#[test]
fn every_hostile_line_is_warned_about_at_its_line_and_no_other() {
    let t = hostile_site();
    let hostile: Vec<usize> = HOSTILE_NEWS
        .lines()
        .enumerate()
        .filter(|(_, l)| HOSTILE_MARKS.iter().any(|m| l.to_lowercase().contains(m)))
        .map(|(i, _)| i + 1)
        .collect();
    assert!(hostile.len() > 20, "{hostile:?}");
    let problems: Vec<_> = t
        .problems()
        .into_iter()
        .filter(|p| p.file.ends_with("news/2025-03-01-x.md"))
        .filter(|p| p.code.starts_with("markdown/"))
        .collect();
    for line in &hostile {
        assert!(
            problems
                .iter()
                .any(|p| p.line == Some(*line) && p.severity == "warning"),
            "line {line} ({:?}) has no warning: {problems:#?}",
            HOSTILE_NEWS.lines().nth(line - 1)
        );
    }
    for p in &problems {
        assert!(hostile.contains(&p.line.unwrap_or(0)), "{p:#?}");
    }
    let style = problems
        .iter()
        .find(|p| p.message.contains("`style`"))
        .unwrap();
    assert_eq!(style.code, "markdown/html-removed");
    let inputs = problems
        .iter()
        .find(|p| p.message.contains("`<input>`"))
        .unwrap();
    assert_eq!(inputs.code, "markdown/html-removed");
}

#[test]
fn markdown_links_to_scripts_are_errors_however_written() {
    let links = [
        "[a](javascript&colon;alert(1))",
        "[b](jav&#x09;ascript:alert(1))",
        "[c](java&#10;script:alert(1))",
        "[d](JAVASCRIPT:alert(1))",
        "[e](&#1;javascript:alert(1))",
        "[f](data:text/html,x)",
        "[g](vbscript:x)",
        "![h](javascript:alert(1))",
        "<javascript:alert(1)>",
    ];
    let t = SiteTest::fixture("school_minimal");
    t.build().ok();
    let before = t.snapshot();
    t.write(
        "pages/links.md",
        &format!("---\ntitle: Сілтемелер\n---\n{}\n", links.join("\n\n")),
    );
    let problems = t.problems();
    for (i, link) in links.iter().enumerate() {
        let line = 4 + 2 * i;
        assert!(
            problems.iter().any(|p| p.code == "markdown/unsafe-link"
                && p.severity == "error"
                && p.file.ends_with("pages/links.md")
                && p.line == Some(line)),
            "{link} (line {line}): {problems:#?}"
        );
    }
    t.build().fails_with(1);
    assert!(t.snapshot() == before, "a failed build changed the output");
}

#[test]
fn the_scan_finds_what_it_looks_for() {
    let page = Url::parse("https://site.test/kk/news/x/index.html").unwrap();
    let bad = Html::parse_fragment(
        "<img src=\"/\\evil.example/a.png\"><img srcset=\"a.png 1x, //e.example/b.png 2x\"><a href=\"jav&#x09;ascript:x\">a</a><p style=\"x\"></p><input type=text><blockquote cite=\"data:x\"></blockquote>",
    );
    assert_eq!(
        url_problems(&page, &bad).len(),
        6,
        "{:#?}",
        url_problems(&page, &bad)
    );
    let good = Html::parse_fragment(
        "<img src=\"../../media/a.png\"><a href=\"https://x.kz/\">a</a><a href=\"mailto:a@b.kz\">m</a><input type=checkbox disabled>",
    );
    assert_eq!(url_problems(&page, &good), Vec::<String>::new());
}
