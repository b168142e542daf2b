//! The output folder (DESIGN.md §1): written whole or not at all, never
//! the site folder, never read as content; every internal link relative and
//! resolving to a file of the output; hreflang alternates, sitemap.xml and
//! an Atom feed per language.

use std::collections::BTreeSet;

use crate::harness::{SiteTest, repo, resolve_href};

/// The 404 pages are served at any address, so their links start from the
/// site's base path instead of being relative.
fn is_not_found(page: &str) -> bool {
    page.ends_with("404.html")
}

/// Every `href` and `src` of every page that stays inside the site must be
/// relative and lead to a file of the output. This is what makes the output
/// work from `file://`, under any sub-path and on any static host.
fn assert_every_internal_link_resolves(t: &SiteTest) {
    let pages = t.html_pages();
    assert!(pages.len() > 10, "{pages:?}");
    let mut checked = 0;
    for path in pages.iter().filter(|p| !is_not_found(p)) {
        let page = t.page(path);
        let links = page
            .attrs("[href]", "href")
            .into_iter()
            .chain(page.attrs("[src]", "src"));
        for href in links {
            assert!(
                !href.starts_with('/'),
                "{path}: {href} is not relative (breaks file:// and sub-paths)"
            );
            let Some(target) = resolve_href(path, &href) else {
                continue;
            };
            assert!(
                t.out_path(&target).is_file(),
                "{path}: {href} leads to {target}, which is not in the output"
            );
            checked += 1;
        }
    }
    assert!(checked > pages.len() * 5, "only {checked} links checked");
}

#[test]
fn every_internal_link_of_every_page_leads_to_an_output_file() {
    let t = SiteTest::fixture("every_page_kind");
    t.build().ok();
    assert_every_internal_link_resolves(&t);
}

#[test]
fn every_internal_link_of_the_example_site_leads_to_an_output_file() {
    let t = SiteTest::copy_of(&repo().join("content"));
    t.build().ok();
    assert_every_internal_link_resolves(&t);
}

#[test]
fn not_found_pages_link_from_the_base_path() {
    let t = SiteTest::fixture("every_page_kind");
    t.build().ok();
    for path in ["404.html", "kk/404.html", "ru/404.html"] {
        let page = t.page(path);
        let css = page.attrs("link[rel=stylesheet]", "href");
        assert_eq!(css, ["/mediation/assets/style.css"], "{path}");
        for href in page.attrs("a[href]", "href") {
            assert!(
                href.starts_with("/mediation/")
                    || href.starts_with('#')
                    || href.starts_with("tel:"),
                "{path}: {href}"
            );
        }
    }
    assert_eq!(t.page("ru/404.html").lang(), "ru");
}

/// `https://school.example.test/mediation/kk/news/` → `kk/news/index.html`.
fn output_path_of(url: &str, base: &str) -> String {
    let rest = url
        .strip_prefix(base)
        .unwrap_or_else(|| panic!("{url} is not under {base}"));
    if rest.is_empty() || rest.ends_with('/') {
        format!("{rest}index.html")
    } else {
        rest.to_string()
    }
}

const BASE: &str = "https://school.example.test/mediation/";

#[test]
fn every_page_has_hreflang_alternates_with_x_default() {
    let t = SiteTest::fixture("every_page_kind");
    t.build().ok();
    let pages: Vec<String> = t
        .html_pages()
        .into_iter()
        .filter(|p| !is_not_found(p) && p != "index.html")
        .collect();
    for path in &pages {
        let page = t.page(path);
        let lang = page.lang();
        let kk = page.attrs("link[rel=alternate][hreflang=kk]", "href");
        let ru = page.attrs("link[rel=alternate][hreflang=ru]", "href");
        let x_default = page.attrs("link[rel=alternate][hreflang=x-default]", "href");
        assert_eq!((kk.len(), ru.len(), x_default.len()), (1, 1, 1), "{path}");
        // Each alternate is this page in that language, and exists.
        let own = if lang == "kk" { &kk[0] } else { &ru[0] };
        assert_eq!(output_path_of(own, BASE), *path, "{path}");
        for url in [&kk[0], &ru[0], &x_default[0]] {
            let target = output_path_of(url, BASE);
            assert!(t.out_path(&target).is_file(), "{path}: {url}");
        }
        // The other language's page names this one back.
        let other = output_path_of(if lang == "kk" { &ru[0] } else { &kk[0] }, BASE);
        let back = t
            .page(&other)
            .attrs(&format!("link[rel=alternate][hreflang={lang}]"), "href");
        assert_eq!(back, [own.as_str()], "{other} does not link back to {path}");
        // x-default is the language chooser for the home pages, else the
        // default language's page.
        let home = path.ends_with("/index.html") && path.matches('/').count() == 1;
        if home {
            assert_eq!(x_default, [BASE.to_string()], "{path}");
        } else {
            assert_eq!(x_default, kk, "{path}: x-default is the default language");
        }
        let canonical = page.attrs("link[rel=canonical]", "href");
        assert_eq!(canonical, [own.as_str()], "{path}");
    }
}

#[test]
fn landing_page_names_every_language_version_with_x_default() {
    let t = SiteTest::fixture("every_page_kind");
    t.build().ok();
    let page = t.page("index.html");
    let hreflang = |l: &str| page.attrs(&format!("link[rel=alternate][hreflang={l}]"), "href");
    assert_eq!(hreflang("kk"), [format!("{BASE}kk/")]);
    assert_eq!(hreflang("ru"), [format!("{BASE}ru/")]);
    assert_eq!(hreflang("x-default"), [BASE.to_string()]);
}

#[test]
fn sitemap_lists_every_page_with_its_alternates() {
    let t = SiteTest::fixture("every_page_kind");
    t.build().ok();
    let xml = t.out_text("sitemap.xml");
    let doc = roxmltree::Document::parse(&xml).expect("sitemap.xml is XML");
    const SITEMAP: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";
    const XHTML: &str = "http://www.w3.org/1999/xhtml";
    let root = doc.root_element();
    assert!(root.has_tag_name((SITEMAP, "urlset")));
    let mut listed = BTreeSet::new();
    for url in root.children().filter(|n| n.has_tag_name((SITEMAP, "url"))) {
        let loc = url
            .children()
            .find(|n| n.has_tag_name((SITEMAP, "loc")))
            .and_then(|n| n.text())
            .expect("<loc>");
        let path = output_path_of(loc, BASE);
        assert!(t.out_path(&path).is_file(), "{loc}");
        let home = path == "index.html"
            || (path.ends_with("/index.html") && path.matches('/').count() == 1);
        let alternates: Vec<(String, String)> = url
            .children()
            .filter(|n| n.has_tag_name((XHTML, "link")))
            .map(|n| {
                assert_eq!(n.attribute("rel"), Some("alternate"));
                (
                    n.attribute("hreflang").unwrap().to_string(),
                    n.attribute("href").unwrap().to_string(),
                )
            })
            .collect();
        let langs: Vec<&str> = alternates.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(langs, ["kk", "ru", "x-default"], "{loc}");
        assert!(alternates.iter().any(|(_, h)| h == loc), "{loc}");
        let x_default = &alternates[2].1;
        if home {
            assert_eq!(x_default, BASE, "{loc}");
        } else {
            assert_eq!(*x_default, alternates[0].1, "{loc}");
        }
        for (_, href) in &alternates {
            assert!(t.out_path(&output_path_of(href, BASE)).is_file(), "{href}");
        }
        listed.insert(path);
    }
    // Every page in every language is in it, and the language chooser
    // (not the 404 pages or the printable posters).
    let expected: BTreeSet<String> = t
        .html_pages()
        .into_iter()
        .filter(|p| !is_not_found(p) && !p.contains("/poster/"))
        .collect();
    assert_eq!(listed, expected);
}

#[test]
fn atom_feed_per_language_lists_the_news_in_that_language() {
    let t = SiteTest::fixture("every_page_kind");
    t.build().ok();
    const ATOM: &str = "http://www.w3.org/2005/Atom";
    for (lang, titles) in [
        ("kk", ["Медиаторлар тренингі", "Сенім жәшігі"]),
        ("ru", ["Тренинг медиаторов", "Ящик доверия"]),
    ] {
        let xml = t.out_text(&format!("{lang}/news/atom.xml"));
        let doc = roxmltree::Document::parse(&xml).expect("the feed is XML");
        let feed = doc.root_element();
        assert!(feed.has_tag_name((ATOM, "feed")));
        assert_eq!(
            feed.attribute(("http://www.w3.org/XML/1998/namespace", "lang")),
            Some(lang)
        );
        let entries: Vec<_> = feed
            .children()
            .filter(|n| n.has_tag_name((ATOM, "entry")))
            .collect();
        let entry_titles: Vec<&str> = entries
            .iter()
            .filter_map(|e| e.children().find(|n| n.has_tag_name((ATOM, "title"))))
            .filter_map(|n| n.text())
            .collect();
        assert_eq!(entry_titles, titles, "newest first, in {lang}");
        for e in &entries {
            let link = e
                .children()
                .find(|n| n.has_tag_name((ATOM, "link")))
                .and_then(|n| n.attribute("href"))
                .unwrap();
            assert!(t.out_path(&output_path_of(link, BASE)).is_file(), "{link}");
            assert!(
                link.starts_with(&format!("{BASE}{lang}/")),
                "{link} is a {lang} page"
            );
        }
        // The feed is announced on the news list.
        let news = t.page(&format!("{lang}/news/index.html"));
        let href = news.attrs("link[type='application/atom+xml']", "href");
        assert_eq!(
            resolve_href(&format!("{lang}/news/index.html"), &href[0]).as_deref(),
            Some(format!("{lang}/news/atom.xml").as_str())
        );
    }
}

#[test]
fn failed_build_leaves_the_previous_output_byte_for_byte() {
    let t = SiteTest::fixture("every_page_kind");
    t.build().ok();
    let before = t.snapshot();
    t.edit("clubs/senim/club.yaml", "karaganda", "qaraganda");
    t.build().fails_with(1);
    assert!(t.snapshot() == before);
    // Nothing is left beside the output either, but the lock file that
    // keeps two builds from writing it at once (empty, never published).
    let siblings: Vec<String> = std::fs::read_dir(t.dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    assert_eq!(
        std::fs::read(t.dir().join(".public.bitimger.lock")).unwrap(),
        b""
    );
    assert_eq!(
        siblings.iter().collect::<BTreeSet<_>>(),
        [".public.bitimger.lock", "public", "site"]
            .iter()
            .map(|s| s.to_string())
            .collect::<BTreeSet<_>>()
            .iter()
            .collect()
    );
}

#[test]
fn a_new_build_replaces_the_whole_output() {
    let t = SiteTest::fixture("every_page_kind");
    t.build().ok();
    assert!(t.out_path("kk/pages/about-mediation/index.html").is_file());
    t.remove("pages");
    t.build().ok();
    assert!(!t.out_path("kk/pages/about-mediation/index.html").exists());
    assert!(t.out_path("kk/index.html").is_file());
}

/// The output without the marker file, whose manifest records file times.
fn pages_snapshot(t: &SiteTest) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut files = t.snapshot();
    files.retain(|(p, _)| !p.ends_with(".bitimger-output"));
    files
}

#[test]
fn building_twice_gives_the_same_bytes() {
    let t = SiteTest::fixture("every_page_kind");
    t.build().ok();
    let first = pages_snapshot(&t);
    // A comment changes the inputs, so the second build renders everything.
    let yaml = t.read("site.yaml");
    t.write("site.yaml", &format!("{yaml}\n# comment\n"));
    t.build().ok();
    assert!(
        pages_snapshot(&t) == first,
        "the output is not reproducible"
    );
}

fn file_id(t: &SiteTest, path: &str) -> (u64, i64) {
    use std::os::unix::fs::MetadataExt;
    let m = std::fs::metadata(t.out_path(path)).unwrap();
    (m.ino(), m.mtime_nsec())
}

#[test]
fn rebuilding_an_unchanged_site_touches_no_file() {
    let t = SiteTest::fixture("every_page_kind");
    t.build().ok();
    let before = t.snapshot();
    let page = file_id(&t, "kk/index.html");
    let run = t.build().ok();
    assert!(run.stderr().contains("all unchanged"), "{}", run.stderr());
    assert_eq!(file_id(&t, "kk/index.html"), page);
    assert!(t.snapshot() == before);
}

#[test]
fn rebuilding_after_an_edit_writes_only_the_changed_pages() {
    let t = SiteTest::fixture("every_page_kind");
    t.build().ok();
    let untouched = file_id(&t, "ru/documents/index.html");
    let news = t.read("news/2025-10-20-training.kk.md");
    t.write(
        "news/2025-10-20-training.kk.md",
        &format!("{news}\nЖаңа сөйлем.\n"),
    );
    let run = t.build().ok();
    assert!(run.stderr().contains(" changed)"), "{}", run.stderr());
    assert!(
        t.out_text("kk/news/training/index.html")
            .contains("Жаңа сөйлем.")
    );
    assert_eq!(file_id(&t, "ru/documents/index.html").1, untouched.1);
}

#[test]
fn output_folder_that_is_or_contains_the_site_is_refused() {
    let t = SiteTest::fixture("school_minimal");
    for output in ["site", "."] {
        let run = t
            .command()
            .args(["build", "site", "--output", output])
            .output()
            .unwrap();
        assert_eq!(run.status.code(), Some(2), "--output {output}");
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert!(stderr.contains("contains it"), "{stderr}");
    }
    assert!(!t.site.join("kk").exists());
    assert!(!t.dir().join("kk").exists());
    assert!(t.site.join("site.yaml").is_file());
}

#[test]
fn output_folder_with_other_files_is_refused() {
    let t = SiteTest::fixture("school_minimal");
    std::fs::create_dir_all(&t.out).unwrap();
    std::fs::write(t.out.join("thesis.docx"), "x").unwrap();
    t.build().fails_with(2);
    assert!(t.out.join("thesis.docx").is_file());
    assert!(!t.out.join("kk").exists());
}

/// Runs `bitimger build site --output <inside>` twice and returns the files
/// of that output.
fn build_twice_into(t: &SiteTest, inside: &str) -> Vec<String> {
    for _ in 0..2 {
        let run = t
            .command()
            .args(["build", "site", "--output", inside])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(0), "{stderr}");
        assert!(!stderr.contains("warning"), "{stderr}");
    }
    let out = t.dir().join(inside);
    let mut files: Vec<String> = walkdir::WalkDir::new(&out)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(&out)
                .unwrap()
                .to_string_lossy()
                .to_string()
        })
        .collect();
    files.sort();
    files
}

#[test]
fn output_inside_the_site_folder_is_not_read_as_content() {
    let t = SiteTest::fixture("every_page_kind");
    let inside = build_twice_into(&t, "site/public");
    let beside = {
        t.build().ok();
        t.snapshot().len()
    };
    assert_eq!(inside.len(), beside);
}

/// An output inside the site folder would be read back as content by the
/// next `check` or build (pages as static files, clubs/x as a club...):
/// refused, whatever the folder, with nothing written. Only `public` at the
/// top of the site (the default when building from inside it) is allowed.
#[test]
fn output_inside_the_site_folder_is_refused() {
    let t = SiteTest::fixture("every_page_kind");
    for inside in [
        "site/static/site",
        "site/clubs/x",
        "site/documents",
        "site/out",
        "site/public/kk",
        "./site/../site/templates",
    ] {
        let run = t
            .command()
            .args(["build", "site", "--output", inside])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(2), "--output {inside}: {stderr}");
        assert!(
            stderr.contains("is inside site, which the build reads"),
            "{stderr}"
        );
    }
    for never_made in ["static/site", "clubs/x", "out", "public", "templates"] {
        assert!(!t.site.join(never_made).exists(), "{never_made} was made");
    }
    assert!(t.check(&[]).output.status.success());
}

/// The same for the other folders a directory reads: an included school
/// folder.
#[test]
fn output_inside_an_included_folder_is_refused() {
    let t = SiteTest::fixture("directory_include");
    let run = t
        .command()
        .args(["build", "site/region", "--output", "site/school-a/public"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("school-a, which the build reads"),
        "{stderr}"
    );
    assert!(!t.site.join("school-a/public").exists());
}

#[test]
fn without_base_url_there_is_no_sitemap_and_feeds_link_relatively() {
    let t = SiteTest::fixture("every_page_kind");
    t.edit(
        "site.yaml",
        "base_url: https://school.example.test/mediation/\n",
        "",
    );
    t.build().ok();
    assert!(!t.out_path("sitemap.xml").exists());
    assert!(!t.out_path("robots.txt").exists());
    let page = t.page("kk/index.html");
    assert_eq!(page.count("link[hreflang]"), 0);
    assert_eq!(page.count("link[rel=canonical]"), 0);
    const ATOM: &str = "http://www.w3.org/2005/Atom";
    let feed_path = "kk/news/atom.xml";
    let xml = t.out_text(feed_path);
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let links: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name((ATOM, "link")))
        .filter_map(|n| n.attribute("href"))
        .collect();
    assert_eq!(links.len(), 3, "the news list and two entries: {links:?}");
    for href in links {
        let target = resolve_href(feed_path, href).unwrap();
        assert!(t.out_path(&target).is_file(), "{href} → {target}");
    }
    // The 404 pages then assume the site is at the root of its host.
    assert_eq!(
        t.page("kk/404.html").attrs("link[rel=stylesheet]", "href"),
        ["/assets/style.css"]
    );
}
