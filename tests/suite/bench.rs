//! The benchmark corpus (`xtask bench corpus`, xtask/src/corpus/): the site
//! it generates must be a valid directory that the real binary checks and
//! builds clean, or the figures in docs/performance.md would time error
//! reports instead of builds.

use xtask::corpus::{CorpusOptions, write_corpus};

use crate::harness::SiteTest;

#[test]
fn the_benchmark_corpus_builds_and_checks_without_a_problem() {
    let t = SiteTest::files(&[]);
    let hugo = t.dir().join("hugo");
    let options = CorpusOptions {
        clubs: 6,
        hugo: Some(hugo.clone()),
    };
    write_corpus(&t.site, &options).unwrap();

    let problems = t.problems();
    assert!(problems.is_empty(), "{problems:#?}");
    t.build().ok();

    // Six clubs, each with its pages in both languages, listed on the home page.
    let home = t.page("kk/index.html");
    let cards = home.attrs(".club-card-name a", "href");
    let clubs: Vec<_> = std::fs::read_dir(t.site.join("clubs")).unwrap().collect();
    assert_eq!(clubs.len(), 6);
    for club in clubs {
        let slug = club.unwrap().file_name().to_string_lossy().into_owned();
        for lang in ["kk", "ru"] {
            let page = t.page(&format!("{lang}/clubs/{slug}/index.html"));
            assert_eq!(page.lang(), lang);
            assert!(!page.text("h1").is_empty());
            let report = t.page(&format!("{lang}/clubs/{slug}/reports/2024-2025/index.html"));
            // Four quarters with their figures, and the report's text.
            assert_eq!(report.count("table.quarters tbody tr"), 4);
            assert!(report.text(".report-body").split_whitespace().count() > 200);
            let poster = t.page(&format!("{lang}/clubs/{slug}/poster/index.html"));
            assert_eq!(poster.count("svg"), 3, "three QR codes on {slug}'s poster");
        }
        assert!(
            cards.iter().any(|h| h.contains(&slug)),
            "{slug} has a card on the home page: {cards:?}"
        );
    }

    // The Hugo twin holds the same clubs in both languages.
    assert!(hugo.join("config.toml").is_file());
    for lang in ["kk", "ru"] {
        let n = std::fs::read_dir(hugo.join("content").join(lang).join("clubs"))
            .unwrap()
            .filter(|e| e.as_ref().unwrap().path().is_dir())
            .count();
        assert_eq!(n, 6);
    }
}
