//! Links by source path: `[rules](pages/rules.md)`,
//! `![..](@/clubs/senim/photos/a.jpg)` written from the site folder lead,
//! from any page, to the target's page in the reader's language, as
//! relative links; a path that names no file is an error at its line with
//! the nearest paths.

use crate::harness::{Page, SiteTest, resolve_href};

const REPORT: &str = "---\nyear: 2024-2025\nstatus: final\n---\n## Мақсаты\n\nМәтін.\n";

/// A gallery site with a page in two languages, a report, a club news
/// item, a document and a static file to link to.
fn linked_site() -> SiteTest {
    let t = crate::images::gallery_site();
    t.write("pages/rules.kk.md", "---\ntitle: Ережелер\n---\nМәтін.\n");
    t.write("pages/rules.ru.md", "---\ntitle: Правила\n---\nТекст.\n");
    t.write("clubs/senim/reports/2024-2025.md", REPORT);
    t.write("static/files/memo.txt", "memo\n");
    t.write(
        "documents/documents.yaml",
        "- {file: order.pdf, title: Бұйрық}\n",
    );
    t.write_bytes("documents/order.pdf", b"%PDF-1.4\n%%EOF\n");
    t
}

const LINKS: &str = "[Ережелер](pages/rules.md) [Есеп](@/clubs/senim/reports/2024-2025.md#maqsaty) \
[Бұйрық](documents/order.pdf) [Жадынама](@/static/files/memo.txt) [Клуб](@/clubs/senim/club.yaml)\n\n\
![Сынып](clubs/senim/photos/class-photo.jpg)\n";

/// Where each `.prose` link and image of `page` leads in the output.
fn targets(page: &Page, from: &str) -> Vec<String> {
    let links = page.attrs(".prose a", "href");
    let images = page.attrs(".prose img", "src");
    links
        .iter()
        .chain(&images)
        .map(|href| {
            assert!(
                !href.starts_with('/') && !href.contains(':') && !href.contains("@/"),
                "not a relative link: {href}"
            );
            resolve_href(from, href).unwrap_or_else(|| panic!("{href}"))
        })
        .collect()
}

#[test]
fn source_paths_lead_to_the_pages_in_the_readers_language_from_any_depth() {
    let t = linked_site();
    t.write("pages/about.md", &format!("---\ntitle: Біз\n---\n{LINKS}"));
    t.write(
        "clubs/senim/news/2025-03-01-trip.md",
        &format!("---\ntitle: Сапар\ndate: 2025-03-01\n---\n{LINKS}"),
    );
    let run = t.build().ok();
    assert!(!run.stderr().contains("links/"), "{}", run.stderr());
    for lang in ["kk", "ru"] {
        for from in [
            format!("{lang}/pages/about/index.html"),
            format!("{lang}/clubs/senim/news/trip/index.html"),
        ] {
            let found = targets(&t.page(&from), &from);
            assert_eq!(
                found[..5],
                [
                    format!("{lang}/pages/rules/index.html"),
                    format!("{lang}/clubs/senim/reports/2024-2025/index.html"),
                    "documents/order.pdf".to_string(),
                    "files/memo.txt".to_string(),
                    format!("{lang}/index.html"),
                ],
                "{from}"
            );
            // The photo is the published (re-encoded) one, which exists.
            assert!(found[5].starts_with("media/senim/"), "{found:?}");
            for file in &found {
                assert!(t.out_path(file).is_file(), "{from} → {file}");
            }
        }
    }
    // The anchor was kept and the report page has it.
    let page = t.page("ru/pages/about/index.html");
    assert!(page.attrs(".prose a", "href")[1].ends_with("#maqsaty"));
}

#[test]
fn a_news_feed_links_source_paths_from_the_news_page() {
    let t = linked_site();
    t.write(
        "news/2025-03-01-trip.md",
        "---\ntitle: Сапар\ndate: 2025-03-01\n---\n[Ережелер](pages/rules.md)\n",
    );
    t.build().ok();
    let feed = t.out_text("ru/news/atom.xml");
    // Relative to the news page, which is the entry's xml:base.
    let base = "xml:base=\"../../ru/news/trip/index.html\"";
    assert!(feed.contains(base), "{feed}");
    let href = feed
        .split("href=&quot;")
        .nth(1)
        .and_then(|rest| rest.split("&quot;").next())
        .unwrap_or_else(|| panic!("no link in {feed}"));
    assert_eq!(
        resolve_href("ru/news/trip/index.html", href).as_deref(),
        Some("ru/pages/rules/index.html")
    );
}

#[test]
fn a_wrong_source_path_is_an_error_at_its_line_with_the_nearest_path() {
    let t = linked_site();
    t.build().ok();
    let before = t.snapshot();
    t.write(
        "pages/about.md",
        "---\ntitle: Біз\n---\nМәтін.\n\n[Ережелер](pages/rulez.md)\n\n![](@/clubs/senim/photos/nothing-like-it.jpg)\n",
    );
    let problems = t.problems();
    let found: Vec<_> = problems
        .iter()
        .filter(|p| p.code == "links/source-path")
        .collect();
    assert_eq!(found.len(), 2, "{problems:?}");
    assert_eq!(found[0].file, "site/pages/about.md");
    assert_eq!(found[0].line, Some(6));
    assert_eq!(found[0].severity, "error");
    let help = found[0].help.as_deref().unwrap_or("");
    assert!(help.contains("`pages/rules.md`"), "{help}");
    assert_eq!(found[1].line, Some(8));
    // No near spelling: the files of that folder are named.
    let help = found[1].help.as_deref().unwrap_or("");
    assert!(
        help.contains("clubs/senim/photos/class-photo.jpg"),
        "{help}"
    );
    let run = t.build().fails_with(1);
    assert!(
        run.stderr().contains("pages/about.md:6"),
        "{}",
        run.stderr()
    );
    assert_eq!(
        t.snapshot(),
        before,
        "a failed build leaves the site as it was"
    );
}

#[test]
fn a_club_that_did_not_load_does_not_make_its_links_look_wrong() {
    // club.yaml with a YAML mistake: the club is not loaded, so its report is
    // not published; the link to the report is right and must not be
    // reported as a file that does not exist, only the real mistake.
    let t = linked_site();
    t.write(
        "pages/about.md",
        "---\ntitle: Біз\n---\n[Есеп](clubs/senim/reports/2024-2025.md) \
         [Өткен жыл](clubs/senim/reports/2023-2024.md) [Жоқ](pages/rulez.md)\n",
    );
    // A report written in one language only: named without its `.kk`.
    t.write(
        "clubs/senim/reports/2023-2024.kk.md",
        &REPORT.replace("2024-2025", "2023-2024"),
    );
    let club = t.read("clubs/senim/club.yaml");
    t.write("clubs/senim/club.yaml", &format!("{club}\nmotto Тыңда\n"));
    let problems = t.problems();
    assert!(
        problems.iter().any(|p| p.code == "yaml/syntax"),
        "{problems:#?}"
    );
    let links: Vec<_> = problems
        .iter()
        .filter(|p| p.code == "links/source-path")
        .map(|p| (p.file.as_str(), p.message.as_str()))
        .collect();
    // Only the path that names no file at all is still reported.
    assert_eq!(links.len(), 1, "{links:#?}");
    assert!(links[0].1.contains("pages/rulez.md"), "{links:#?}");
}

#[test]
fn plain_relative_links_are_left_as_written() {
    let t = linked_site();
    t.write(
        "pages/about.md",
        "---\ntitle: Біз\n---\n[Жаңалықтар](../../news/index.html) [Таспа](../../news/atom.xml)\n",
    );
    t.build().ok();
    let page = t.page("kk/pages/about/index.html");
    assert_eq!(
        page.attrs(".prose a", "href"),
        ["../../news/index.html", "../../news/atom.xml"]
    );
}

#[test]
fn a_source_path_in_a_code_sample_stays_text() {
    let t = linked_site();
    let sample = "<a href=\"@/pages/rules.md\">";
    t.write(
        "pages/about.md",
        &format!("---\ntitle: Біз\n---\nЖазылуы: `{sample}` → [Ережелер](@/pages/rules.md)\n"),
    );
    t.build().ok();
    let page = t.page("kk/pages/about/index.html");
    assert_eq!(page.texts(".prose code"), [sample]);
    assert_eq!(
        page.attrs(".prose a", "href"),
        ["../../../kk/pages/rules/index.html"]
    );
}

#[test]
fn the_wrong_path_is_said_in_the_teachers_language() {
    let t = linked_site();
    t.write(
        "pages/about.md",
        "---\ntitle: Біз\n---\n[Ережелер](pages/rulez.md)\n",
    );
    let run = t.check(&["--lang", "ru"]);
    let said = format!("{}{}", run.stdout(), run.stderr());
    assert!(said.contains("такого файла нет в папке сайта"), "{said}");
    assert!(said.contains("pages/rules.md"), "{said}");
}

#[test]
fn a_part_missing_in_one_language_is_reported_at_the_source_path() {
    let t = linked_site();
    t.remove("clubs/senim/reports/2024-2025.md");
    t.write("clubs/senim/reports/2024-2025.kk.md", REPORT);
    t.write(
        "clubs/senim/reports/2024-2025.ru.md",
        "---\nyear: 2024-2025\nstatus: final\n---\n## Цели\n\nТекст.\n",
    );
    t.write(
        "pages/about.md",
        "---\ntitle: Біз\n---\nМәтін.\n\n[Есеп](clubs/senim/reports/2024-2025.md#maqsaty)\n",
    );
    let problems = t.problems();
    let anchor: Vec<_> = problems
        .iter()
        .filter(|p| p.code == "links/anchor")
        .collect();
    assert_eq!(anchor.len(), 1, "{problems:?}");
    assert!(
        anchor[0].message.contains("ru/pages/about/index.html"),
        "{problems:?}"
    );
    assert_eq!(anchor[0].file, "site/pages/about.md");
    assert_eq!(anchor[0].line, Some(6));
}

/// The exact words, in Kazakh, Russian and English: a near spelling, and
/// a photo with none (the files of its folder are named).
#[test]
fn a_wrong_source_path_in_three_languages() {
    let t = linked_site();
    t.write(
        "pages/about.md",
        "---\ntitle: Біз\n---\n[Ережелер](pages/rulez.md)\n\n![Сурет](@/clubs/senim/photos/nothing-like-it.jpg)\n",
    );
    insta::assert_snapshot!(crate::message_snapshots::said_in_three(&t, true));
}
