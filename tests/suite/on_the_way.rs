//! Bugs found on the way (issue 18, point 12): a relative link with an
//! escaped `:`, leaders' photos in the gallery, a translation with no
//! text, `rel` on a link without `href`, authors' ids equal to the
//! theme's, and photo names found inside other names.

use std::collections::BTreeMap;
use std::io::Cursor;

use image::{ImageFormat, Rgb, RgbImage};

use crate::check::{CLUB_YAML, school};
use crate::harness::Page;

fn jpeg(shade: u8) -> Vec<u8> {
    let img = RgbImage::from_fn(16, 12, |x, _| Rgb([shade, x as u8 * 8, 90]));
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, ImageFormat::Jpeg).unwrap();
    out.into_inner()
}

#[test]
fn a_colon_after_a_character_no_scheme_has_is_a_relative_link() {
    // `foo):` has no scheme: a scheme is a letter, then letters, digits,
    // `+`, `-`, `.` up to the `:`.
    let t = school(&[(
        "pages/links.md",
        "---\ntitle: Сілтемелер\n---\n[a](foo\\)\\:)\n\n[b](a+b.c-d:x)\n\n[c]( JaVaScRiPt:alert(1))\n\n[d](javascript&#58;alert(1))\n\n[e](&#106;avascript:alert(1))\n\n[f](1a:x)\n",
    )]);
    let problems = t.problems();
    let unsafe_lines: Vec<usize> = problems
        .iter()
        .filter(|p| p.code == "markdown/unsafe-link")
        .filter_map(|p| p.line)
        .collect();
    // `a+b.c-d:` is a scheme (not an allowed one); `1a:` starts with a digit.
    assert_eq!(unsafe_lines, [6, 8, 10, 12], "{problems:#?}");

    let t = school(&[(
        "pages/links.md",
        "---\ntitle: Сілтемелер\n---\n[a](foo\\)\\:)\n\n[f](1a:x)\n",
    )]);
    t.render_anyway();
    let page = t.page("kk/pages/links/index.html");
    let hrefs = page.attrs("main a", "href");
    assert!(hrefs.iter().any(|h| h == "foo):"), "{hrefs:?}");
    assert!(hrefs.iter().any(|h| h == "1a:x"), "{hrefs:?}");
}

#[test]
fn leaders_photos_stay_out_of_the_gallery_however_written() {
    let club = format!(
        "{CLUB_YAML}gallery:\n  consent: true\nleaders:\n  - photo: photos/leader1.jpg\n    name: Ахметова Гүлнар\n  - {{name: Смагулова Дина, photo: ./photos//leader2.jpg}}\n"
    );
    let t = school(&[("clubs/senim/club.yaml", &club)]);
    for (i, name) in ["class.jpg", "leader1.jpg", "leader2.jpg"]
        .iter()
        .enumerate()
    {
        t.write_bytes(&format!("clubs/senim/photos/{name}"), &jpeg(40 * i as u8));
    }
    t.build().ok();
    let gallery = t.page("kk/clubs/senim/gallery/index.html");
    assert_eq!(gallery.count("main figure img"), 1, "only the class photo");
    let club = t.page("kk/index.html");
    assert_eq!(club.count("#leaders img"), 2, "both leaders' photos");
}

#[test]
fn a_translation_without_text_is_called_empty_not_missing() {
    let t = school(&[
        ("pages/about.kk.md", "---\ntitle: Біз туралы\n---\nМәтін.\n"),
        ("pages/about.ru.md", "---\ntitle: О нас\n---\n\n  \n"),
    ]);
    let problems = t.problems();
    let untranslated: Vec<_> = problems
        .iter()
        .filter(|p| p.code == "i18n/untranslated")
        .collect();
    assert_eq!(untranslated.len(), 1, "{problems:#?}");
    let p = untranslated[0];
    assert_eq!(p.file, "site/pages/about.ru.md");
    assert_eq!(p.severity, "warning");
    assert!(p.message.contains("no text"), "{}", p.message);
    let help = p.help.as_deref().unwrap_or("");
    assert!(!help.contains("add about.ru.md"), "{help}");
}

#[test]
fn a_link_without_href_has_no_rel_and_an_image_without_src_is_gone() {
    let t = school(&[(
        "pages/links.md",
        "---\ntitle: Сілтемелер\n---\n<a id=\"here\">мұнда</a> <a href=\"javascript:alert(1)\">x</a> <a href=\"https://example.test/\">web</a> <a>bos</a>\n\n<img src=\"https://evil.example/t.png\" alt=\"t\">\n",
    )]);
    t.build().ok();
    let page = t.page("kk/pages/links/index.html");
    assert_eq!(page.count("main img:not([src])"), 0, "an img needs its src");
    let sel = scraper::Selector::parse("main a").unwrap();
    let links: Vec<_> = page.html.select(&sel).collect();
    assert_eq!(links.len(), 4);
    for a in links {
        let has_href = a.value().attr("href").is_some();
        assert_eq!(a.value().attr("rel").is_some(), has_href, "{}", a.html());
    }
    // The image left out is said, at its line.
    let images: Vec<_> = t
        .problems()
        .into_iter()
        .filter(|p| p.code == "markdown/external-image")
        .collect();
    assert_eq!(images.len(), 1, "{images:?}");
    assert_eq!(images[0].file, "site/pages/links.md");
    assert_eq!(images[0].line, Some(6));
}

/// Every id of the page with how often it appears.
fn ids(page: &Page) -> BTreeMap<String, usize> {
    let sel = scraper::Selector::parse("[id]").unwrap();
    let mut ids = BTreeMap::new();
    for e in page.html.select(&sel) {
        *ids.entry(e.value().attr("id").unwrap().to_string())
            .or_insert(0) += 1;
    }
    ids
}

#[test]
fn authors_ids_never_repeat_the_themes() {
    let body = "## Басы {#main}\n\n## Main\n\n## Іздеу {#dir-q}\n\n## Top {#top}\n\n<p id=\"main\">p</p>\n\n## Бір {#same}\n\n## Same\n\n<p id=\"x\">x</p>\n\n## X\n\n[Басына](#main)\n\n## Y {#x}\n";
    let t = school(&[
        ("pages/ids.md", &format!("---\ntitle: Бет\n---\n{body}")),
        ("clubs/senim/about.md", body),
        (
            "news/2025-10-01-ids.md",
            &format!("---\ntitle: Жаңалық\ndate: 2025-10-01\n---\n{body}"),
        ),
    ]);
    t.build().ok();
    for path in [
        "kk/pages/ids/index.html",
        "kk/index.html",
        "kk/news/ids/index.html",
    ] {
        let page = t.page(path);
        let twice: Vec<_> = ids(&page).into_iter().filter(|(_, n)| *n > 1).collect();
        assert!(twice.is_empty(), "{path}: {twice:?}");
        let skip = page.attrs("a.skip-link", "href");
        assert_eq!(skip, ["#main"], "{path}");
        assert_eq!(
            page.attrs("main", "id"),
            ["main"],
            "{path}: the skip link's target"
        );
    }
    // The author's `<p id="x">` keeps its id; the headings are given
    // others: `## Y {#x}` first (ids written come before those made from
    // a heading's text), then `## X`.
    let page = t.page("kk/pages/ids/index.html");
    assert_eq!(page.texts("#x"), ["x"], "the element keeps its id");
    assert_eq!(page.texts("p#x"), ["x"]);
    assert_eq!(page.texts("#x-2"), ["Y"], "the heading is renamed");
    assert_eq!(page.texts("#x-3"), ["X"], "the heading is renamed");
    // Each warning points at the id written twice or the theme's: the
    // headings' `{#main}`, `{#dir-q}`, `{#top}`, the `<p id="main">` and
    // `## Y {#x}`; none at the `<p id="x">` (line 18), which keeps its id.
    let problems = t.problems();
    let mut lines: Vec<usize> = problems
        .iter()
        .filter(|p| p.code == "markdown/id-taken" && p.file == "site/pages/ids.md")
        .filter_map(|p| p.line)
        .collect();
    lines.sort_unstable();
    assert_eq!(lines, [4, 8, 10, 12, 24], "{problems:#?}");
}

#[test]
fn a_photo_without_alt_is_found_by_its_whole_name() {
    let club = format!("{CLUB_YAML}gallery:\n  consent: true\n");
    let t = school(&[
        ("clubs/senim/club.yaml", &club),
        (
            "clubs/senim/photos/photos.yaml",
            "- file: 11.jpg\n  alt: {kk: Тренинг, ru: Тренинг}\n- file: 1.jpg\n",
        ),
    ]);
    t.write_bytes("clubs/senim/photos/1.jpg", &jpeg(10));
    t.write_bytes("clubs/senim/photos/11.jpg", &jpeg(200));
    let problems = t.problems();
    let alt: Vec<_> = problems
        .iter()
        .filter(|p| p.code == "a11y/img-alt")
        .collect();
    assert_eq!(alt.len(), 1, "{problems:#?}");
    assert_eq!(alt[0].file, "site/clubs/senim/photos/photos.yaml");
    assert_eq!(alt[0].line, Some(3), "the line of 1.jpg, not of 11.jpg");
    assert!(alt[0].message.contains("`1.jpg`"), "{}", alt[0].message);
}
