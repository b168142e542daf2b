//! Markdown with pulldown-cmark (tables, footnotes, strikethrough, task
//! lists, heading anchors) and raw HTML sanitized with ammonia: no scripts,
//! no event handlers, no javascript: URLs, with a warning naming the file.

use crate::harness::{Page, SiteTest};

/// Builds the minimal site with `pages/test.md` holding `body`, and returns
/// the stderr and the Kazakh page.
fn page_with(body: &str) -> (String, Page) {
    let t = SiteTest::fixture("school_minimal");
    t.write("pages/test.md", &format!("---\ntitle: Тест\n---\n{body}"));
    let run = t.build().ok();
    (run.stderr(), t.page("kk/pages/test/index.html"))
}

#[test]
fn tables_footnotes_strikethrough_and_task_lists_are_rendered() {
    let (stderr, page) = page_with(
        "| Тоқсан | Өтініштер |\n|---|---:|\n| I | 5 |\n| II | 7 |\n\n\
         ~~ескі~~ жаңа[^1]\n\n\
         - [x] тренинг өтті\n- [ ] есеп жазу\n\n\
         [^1]: Ескерту.\n",
    );
    assert!(!stderr.contains("warning"), "{stderr}");
    assert_eq!(page.texts(".prose table th"), ["Тоқсан", "Өтініштер"]);
    assert_eq!(page.texts(".prose table tbody td"), ["I", "5", "II", "7"]);
    // Column alignment survives sanitizing (as `align`, not a style).
    assert_eq!(page.attrs(".prose td[align=right]", "align").len(), 2);
    assert_eq!(page.count(".prose [style]"), 0);
    assert_eq!(page.texts(".prose del"), ["ескі"]);
    assert_eq!(page.count(".prose input[type=checkbox][disabled]"), 2);
    assert_eq!(page.count(".prose input[type=checkbox][checked]"), 1);
    // The footnote reference links to its definition on the same page.
    let refs = page.attrs(".prose sup a", "href");
    assert_eq!(refs.len(), 1);
    let id = refs[0].strip_prefix('#').expect("a fragment link");
    assert_eq!(page.count(&format!(".prose [id='{id}']")), 1, "{id}");
}

#[test]
fn headings_get_transliterated_unique_anchors() {
    let (_, page) = page_with("## Мақсаты\n\nМәтін.\n\n## Мақсаты\n\n### Өз атауы {#own}\n");
    assert_eq!(page.attrs(".prose h2", "id"), ["maqsaty", "maqsaty-2"]);
    assert_eq!(page.attrs(".prose h3", "id"), ["own"]);
}

#[test]
fn scripts_event_handlers_and_javascript_urls_are_removed_with_a_warning() {
    let (stderr, page) = page_with(
        "Мәтін <script>alert(1)</script> және <b onclick=\"steal()\">қалың</b>.\n\n\
         <a href=\"javascript:alert(2)\">сілтеме</a> <img src=\"../../../assets/icon.svg\" onerror=\"alert(3)\">\n\n\
         <iframe src=\"https://example.com/\"></iframe>\n",
    );
    assert!(
        stderr.contains("warning[markdown/html-removed]"),
        "{stderr}"
    );
    assert!(stderr.contains("site/pages/test.md:4"), "{stderr}");
    assert_eq!(page.count("main script"), 0);
    assert_eq!(page.count("iframe"), 0);
    // Harmless markup stays.
    assert_eq!(page.texts(".prose b"), ["қалың"]);
    for element in page.html.root_element().descendants() {
        let Some(e) = element.value().as_element() else {
            continue;
        };
        for (name, value) in e.attrs() {
            assert!(!name.starts_with("on"), "<{} {name}>", e.name());
            assert!(
                !value.trim_start().to_lowercase().starts_with("javascript:"),
                "<{} {name}={value}>",
                e.name()
            );
        }
    }
}

#[test]
fn links_to_other_sites_do_not_pass_the_page() {
    let (_, page) = page_with("[Білім министрлігі](https://www.gov.kz/)\n");
    assert_eq!(page.attrs(".prose a", "rel"), ["noopener noreferrer"]);
}

#[test]
fn markdown_line_numbers_count_the_front_matter() {
    let t = SiteTest::fixture("school_minimal");
    t.write(
        "pages/test.md",
        "---\ntitle: Тест\ndescription: Сипаттама\n---\n\nБірінші.\n\n<script>x()</script>\n",
    );
    t.build().ok();
    let problems = t.problems();
    let p = problems
        .iter()
        .find(|p| p.code == "markdown/html-removed")
        .unwrap_or_else(|| panic!("{problems:#?}"));
    assert_eq!((p.file.as_str(), p.line), ("site/pages/test.md", Some(8)));
}
