//! The example site in content/ builds cleanly and has every page.

use crate::harness::{SiteTest, repo};

#[test]
fn example_site_builds_without_warnings() {
    let t = SiteTest::copy_of(&repo().join("content"));
    let run = t.build().ok();
    assert!(!run.stderr().contains("warning"), "{}", run.stderr());
    assert!(!run.stderr().contains("error"), "{}", run.stderr());
}

#[test]
fn example_club_page_shows_every_section_in_both_languages() {
    let t = SiteTest::copy_of(&repo().join("content"));
    t.build().ok();
    for lang in ["kk", "ru"] {
        let page = t.page(&format!("{lang}/index.html"));
        assert_eq!(page.lang(), lang);
        assert_eq!(page.count("h1"), 1);
        let tel = page.attrs("a[href^='tel:']", "href");
        assert!(
            tel.contains(&"tel:111".to_string()),
            "no 111 helpline link in {lang}"
        );
        assert!(page.count("a[href^='mailto:']") >= 1);
        assert!(
            page.attrs("a", "href")
                .iter()
                .any(|h| h.starts_with("https://www.instagram.com/"))
        );
        let feedback = page.attrs("#feedback a[href^='https://']", "href");
        assert_eq!(
            feedback.len(),
            3,
            "three feedback links in {lang}: {feedback:?}"
        );
    }
}
