//! site.yaml `style:`: the school's accent colour and extra style sheet,
//! appended after the theme's style sheet (pages still load one), and a
//! colour too light to read refused with the nearest one that reads.

use crate::harness::SiteTest;

/// The `:root` custom properties the style sheet ends with.
fn last_root_rule(css: &str) -> String {
    let at = css.rfind(":root").expect("a :root rule");
    css[at..].lines().next().unwrap().to_string()
}

#[test]
fn an_accent_colour_and_an_extra_style_sheet_come_after_the_theme() {
    let t = SiteTest::fixture("school_minimal");
    let site = t.read("site.yaml");
    t.write(
        "site.yaml",
        &format!("{site}style:\n  accent: \"#7B2D8E\"\n  css: static/extra.css\n"),
    );
    t.write(
        "static/extra.css",
        ".club-name { letter-spacing: .02em; }\n",
    );
    t.build().ok();
    let css = t.out_text("assets/style.css");
    let root = last_root_rule(&css);
    assert!(root.contains("--accent: #7b2d8e;"), "{root}");
    assert!(
        root.contains("--accent-dark:") && root.contains("--accent-soft:"),
        "{root}"
    );
    // The theme's rules stay, first; the site's sheet is last.
    assert!(css.find("--accent: #0b5e6b").unwrap() < css.find("#7b2d8e").unwrap());
    assert!(
        css.trim_end()
            .ends_with(".club-name { letter-spacing: .02em; }")
    );
    let page = t.page("kk/index.html");
    assert_eq!(page.count("link[rel=stylesheet]"), 1);
}

#[test]
fn without_style_the_theme_style_sheet_is_published_as_it_is() {
    let t = SiteTest::fixture("school_minimal");
    t.build().ok();
    let css = t.out_text("assets/style.css");
    assert!(!css.contains("site.yaml style"));
    assert_eq!(last_root_rule(&css).matches("--accent:").count(), 1);
}

#[test]
fn a_colour_too_light_to_read_is_refused_with_the_nearest_that_reads() {
    let t = SiteTest::fixture("school_minimal");
    let site = t.read("site.yaml");
    t.write(
        "site.yaml",
        &format!("{site}style:\n  accent: \"#ffcc00\"\n"),
    );
    let line = site.lines().count() + 2;
    let problems = t.problems();
    let p = problems
        .iter()
        .find(|p| p.code == "style/contrast")
        .unwrap_or_else(|| panic!("{problems:#?}"));
    assert_eq!(p.severity, "error");
    assert_eq!((p.file.as_str(), p.line), ("site/site.yaml", Some(line)));
    assert!(
        p.help.as_deref().unwrap().contains("#856a00"),
        "{:?}",
        p.help
    );
    t.build().fails_with(1);
}

#[test]
fn a_colour_that_is_no_colour_and_a_missing_sheet_are_errors_at_their_lines() {
    let t = SiteTest::fixture("school_minimal");
    let site = t.read("site.yaml");
    t.write(
        "site.yaml",
        &format!("{site}style:\n  accent: teal\n  css: static/none.css\n"),
    );
    let n = site.lines().count();
    let problems = t.problems();
    let at = |code: &str| {
        problems
            .iter()
            .find(|p| p.code == code)
            .map(|p| p.line)
            .unwrap_or_else(|| panic!("{code}: {problems:#?}"))
    };
    assert_eq!(at("style/colour"), Some(n + 2));
    assert_eq!(at("style/css"), Some(n + 3));
}
