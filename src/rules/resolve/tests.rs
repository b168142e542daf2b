use super::*;

fn resolve(page: &str, href: &str, base_path: &str) -> Target {
    resolve_from(&page_from(page, base_path), href, base_path)
}

/// The same through the URL parser alone.
fn by_url(page: &str, href: &str, base_path: &str) -> Target {
    let from = From {
        url: page_url(page, base_path),
        folders: None,
    };
    resolve_from(&from, href, base_path)
}

fn internal(p: &str, f: Option<&str>) -> Target {
    Target::Internal(p.to_string(), f.map(str::to_string))
}

#[test]
fn resolves_relative_links() {
    assert_eq!(
        resolve("kk/news/x/index.html", "../../index.html#top", "/"),
        internal("kk/index.html", Some("top"))
    );
    assert_eq!(
        resolve("kk/index.html", "news/", "/"),
        internal("kk/news/index.html", None)
    );
    assert_eq!(
        resolve("kk/index.html", "#main", "/"),
        internal("kk/index.html", Some("main"))
    );
    assert_eq!(
        resolve("kk/index.html", "../../../x", "/"),
        internal("x", None)
    );
    assert_eq!(
        resolve("kk/index.html", "https://a.kz/", "/"),
        Target::External
    );
    assert_eq!(
        resolve("kk/index.html", "mailto:a@b.kz", "/"),
        Target::External
    );
    for href in ["http://a.kz/x", "tel:+77011234567", "https://[", "https:x"] {
        assert_eq!(
            resolve("kk/index.html", href, "/"),
            Target::External,
            "{href}"
        );
    }
    assert_eq!(
        resolve("kk/index.html", "/\\evil.example/t.png", "/"),
        Target::External
    );
    assert_eq!(
        resolve("404.html", "/sub/kk/index.html", "/sub/"),
        internal("kk/index.html", None)
    );
    assert_eq!(resolve("404.html", "/other/", "/sub/"), Target::Outside);
    assert_eq!(
        resolve("kk/index.html", "../../x.html", "/sub/"),
        Target::Outside
    );
    assert_eq!(
        resolve("kk/index.html", "media/%D0%B0.jpg", "/"),
        internal("kk/media/а.jpg", None)
    );
}

#[test]
fn plain_links_resolve_as_the_url_parser_resolves_them() {
    const PARTS: &[&str] = &[
        "..",
        ".",
        "a",
        "news",
        "index.html",
        "",
        "x.jpg",
        "...",
        "~b",
        "-_",
        "#top",
        "#",
        "?q",
        "%2e",
        "а",
        ":",
        "\\",
    ];
    const PAGES: &[&str] = &[
        "index.html",
        "kk/index.html",
        "kk/news/x/index.html",
        "404.html",
    ];
    let mut rng = crate::rules::rng::Rng(0x2545_F491_4F6C_DD1D);
    let mut next = || rng.next();
    let mut plain_links = 0;
    for _ in 0..20_000 {
        let n = 1 + next() % 5;
        let href: Vec<&str> = (0..n).map(|_| PARTS[next() % PARTS.len()]).collect();
        let href = href.join("/");
        let page = PAGES[next() % PAGES.len()];
        let base = if next().is_multiple_of(2) {
            "/"
        } else {
            "/sub/"
        };
        let folders = page_from(page, base).folders.unwrap_or_default();
        plain_links += usize::from(join_plain(&folders, &href, base).is_some());
        assert_eq!(
            resolve(page, &href, base),
            by_url(page, &href, base),
            "{href:?} on {page} under {base}"
        );
    }
    assert!(plain_links > 2_000, "only {plain_links} plain links");
}
