//! Publishing: `build --base-url` for a preview under a sub-path.

use crate::harness::SiteTest;

// --- build --base-url ---------------------------------------------------

fn canonical(t: &SiteTest, page: &str) -> String {
    t.page(page).attrs("link[rel=canonical]", "href").concat()
}

#[test]
fn base_url_option_replaces_site_yaml_base_url_in_every_absolute_address() {
    let t = SiteTest::fixture("school_minimal");
    t.build().ok();
    assert_eq!(
        canonical(&t, "kk/index.html"),
        "https://school.example.kz/kk/"
    );
    // Another address for the same files: the build is not skipped as
    // unchanged, and every absolute address follows it.
    t.build_with(&["--base-url", "https://preview.example.org/pr-7"])
        .ok();
    assert_eq!(
        canonical(&t, "ru/index.html"),
        "https://preview.example.org/pr-7/ru/"
    );
    let sitemap = t.out_text("sitemap.xml");
    assert!(sitemap.contains("<loc>https://preview.example.org/pr-7/kk/</loc>"));
    assert!(!sitemap.contains("school.example.kz"), "{sitemap}");
    assert!(
        t.out_text("robots.txt")
            .contains("https://preview.example.org/pr-7/sitemap.xml")
    );
    // Pages still link to each other relatively (file:// keeps working).
    let hrefs = t.page("kk/index.html").attrs("a[href]", "href");
    assert!(
        hrefs.iter().all(|h| !h.contains("preview.example.org")),
        "{hrefs:?}"
    );
}

#[test]
fn a_wrong_base_url_option_is_an_error_and_nothing_is_written() {
    let t = SiteTest::fixture("school_minimal");
    t.build().ok();
    let before = t.snapshot();
    for wrong in [
        "school.github.io/site",
        "ftp://school.kz/",
        "javascript:alert(1)",
    ] {
        let run = t.build_with(&["--base-url", wrong]).fails_with(1);
        assert!(
            run.stderr().contains("error[site/base-url]"),
            "{}",
            run.stderr()
        );
        assert!(run.stderr().contains("--base-url"), "{}", run.stderr());
        assert_eq!(t.snapshot(), before, "{wrong}");
    }
}

#[test]
fn an_unencrypted_base_url_option_is_a_warning() {
    let t = SiteTest::fixture("school_minimal");
    let run = t
        .build_with(&["--base-url", "http://192.168.1.10/site/"])
        .ok();
    assert!(
        run.stderr().contains("warning[url/insecure]"),
        "{}",
        run.stderr()
    );
    assert_eq!(
        canonical(&t, "kk/index.html"),
        "http://192.168.1.10/site/kk/"
    );
}

#[test]
fn the_base_url_option_is_said_in_kazakh_and_russian() {
    let t = SiteTest::fixture("school_minimal");
    for (lang, words) in [("kk", "веб-мекенжай емес"), ("ru", "не веб-адрес")]
    {
        let run = t
            .build_with(&["--lang", lang, "--base-url", "nowhere"])
            .fails_with(1);
        assert!(run.stderr().contains(words), "{lang}: {}", run.stderr());
    }
}
