//! site.yaml `style.logo`: the school's logo in the header of every page
//! and on the poster, published as `assets/logo.<ext>` (an SVG checked,
//! a picture re-encoded and bounded), and every way a logo cannot be used
//! refused with its file and line.

use crate::harness::{Page, Problem, SiteTest, resolve_href};

const DRAWING: &str = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 120 40\">\n<rect width=\"120\" height=\"40\" fill=\"#0b5e6b\"/>\n</svg>\n";

/// school_minimal with `logo: <path>` under `style:`, and the line of
/// `logo:` in site.yaml.
fn with_logo(path: &str) -> (SiteTest, usize) {
    let t = SiteTest::fixture("school_minimal");
    let site = t.read("site.yaml");
    t.write("site.yaml", &format!("{site}style:\n  logo: {path}\n"));
    (t, site.lines().count() + 2)
}

/// The logo of a page: the output file its `src` leads to, and its alt.
fn logo_of(page: &Page, css: &str) -> (String, String) {
    let src = page.attrs(css, "src");
    assert_eq!(src.len(), 1, "{}: one logo at {css}", page.path);
    let file = resolve_href(&page.path, &src[0]).expect("a link inside the site");
    (file, page.attrs(css, "alt").remove(0))
}

fn problem(problems: &[Problem], code: &str) -> Problem {
    problems
        .iter()
        .find(|p| p.code == code)
        .cloned()
        .unwrap_or_else(|| panic!("no {code}: {problems:#?}"))
}

#[test]
fn an_svg_logo_is_in_the_header_of_every_page_and_on_the_poster() {
    let (t, _) = with_logo("static/logo.svg");
    t.write("static/logo.svg", DRAWING);
    t.build().ok();
    let pages = t.html_pages();
    assert!(pages.len() > 5, "{pages:?}");
    for path in &pages {
        let page = t.page(path);
        let (file, alt) = logo_of(&page, ".site-header a.site-title img.site-logo");
        assert_eq!(file, "assets/logo.svg", "{path}");
        // The school's name (the club's school on a school site).
        assert!(!alt.trim().is_empty(), "{path}: empty alt");
        assert_ne!(
            alt,
            page.text(".site-title"),
            "{path}: the alt repeats the link"
        );
        assert_eq!(
            page.attrs(".site-title img.site-logo", "width"),
            ["120"],
            "{path}"
        );
        assert_eq!(
            page.attrs(".site-title img.site-logo", "height"),
            ["40"],
            "{path}"
        );
    }
    let poster = t.page("kk/clubs/senim/poster/index.html");
    let (file, alt) = logo_of(&poster, ".poster-head img.site-logo");
    assert_eq!(file, "assets/logo.svg");
    assert!(!alt.is_empty());
    // Published as it is, under its own name, and not copied from static/.
    assert_eq!(t.out_text("assets/logo.svg"), DRAWING);
    assert!(!t.out_path("logo.svg").exists());
}

#[test]
fn the_alt_is_the_publisher_s_name_when_site_yaml_has_one() {
    let (t, _) = with_logo("static/logo.svg");
    t.write("static/logo.svg", DRAWING);
    let site = t.read("site.yaml");
    t.write(
        "site.yaml",
        &format!("{site}publisher:\n  name: {{kk: \"№ 1 гимназия\", ru: \"Гимназия № 1\"}}\n"),
    );
    t.build().ok();
    let alt = |path: &str| logo_of(&t.page(path), ".site-title img").1;
    assert_eq!(alt("kk/index.html"), "№ 1 гимназия");
    assert_eq!(alt("ru/index.html"), "Гимназия № 1");
}

/// A PNG of `width` × `height` with a text chunk naming its author.
fn png_with_metadata(width: u32, height: u32) -> Vec<u8> {
    let img = image::RgbaImage::from_fn(width, height, |x, y| {
        image::Rgba([(x % 256) as u8, (y % 256) as u8, 120, 255 - (x % 200) as u8])
    });
    let mut bytes = std::io::Cursor::new(Vec::new());
    img.write_to(&mut bytes, image::ImageFormat::Png).unwrap();
    let mut bytes = bytes.into_inner();
    // A tEXt chunk right after the header chunk (8 + 25 bytes).
    let data = b"Author\0Secret Person";
    let mut chunk = (data.len() as u32).to_be_bytes().to_vec();
    chunk.extend_from_slice(b"tEXt");
    chunk.extend_from_slice(data);
    chunk.extend_from_slice(&crc32(&chunk[4..]).to_be_bytes());
    bytes.splice(33..33, chunk);
    bytes
}

/// The CRC of a PNG chunk (ISO 3309).
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xEDB8_8320 & (crc & 1).wrapping_neg());
        }
    }
    !crc
}

#[test]
fn a_png_logo_is_re_encoded_bounded_and_without_its_metadata() {
    let (t, _) = with_logo("static/emblem.png");
    let original = png_with_metadata(1600, 800);
    assert!(image::load_from_memory(&original).is_ok());
    t.write_bytes("static/emblem.png", &original);
    t.build().ok();
    let page = t.page("kk/index.html");
    let (file, _) = logo_of(&page, ".site-title img.site-logo");
    assert_eq!(file, "assets/logo.png");
    let bytes = std::fs::read(t.out_path(&file)).unwrap();
    let img = image::load_from_memory(&bytes).expect("the published logo decodes");
    assert_eq!((img.width(), img.height()), (512, 256));
    assert_eq!(page.attrs("img.site-logo", "width"), ["512"]);
    assert!(
        !bytes.windows(13).any(|w| w == b"Secret Person"),
        "the original's text chunk was published"
    );
    // The original is not copied.
    assert!(!t.out_path("emblem.png").exists());
}

#[test]
fn an_svg_logo_with_a_script_or_a_handler_is_refused_at_its_line() {
    for (body, what) in [
        ("<script>alert(1)</script>", "script"),
        (
            "<rect width=\"1\" height=\"1\" onload=\"alert(1)\"/>",
            "onload",
        ),
    ] {
        let (t, _) = with_logo("static/logo.svg");
        t.write(
            "static/logo.svg",
            &format!("<svg xmlns=\"http://www.w3.org/2000/svg\">\n<g/>\n{body}\n</svg>\n"),
        );
        let p = problem(&t.problems(), "style/logo-active");
        assert_eq!(p.severity, "error");
        assert_eq!((p.file.as_str(), p.line), ("site/static/logo.svg", Some(3)));
        assert!(p.message.contains(what), "{}", p.message);
        assert!(p.help.is_some());
        t.build().fails_with(1);
    }
}

#[test]
fn a_missing_misplaced_or_broken_logo_is_an_error_at_its_line_in_site_yaml() {
    for (path, file) in [
        ("static/none.svg", None),
        ("clubs/senim/club.yaml", None),
        ("static/logo.gif", Some(&b"GIF89a"[..])),
        ("static/logo.png", Some(&b"\x89PNG\r\n\x1a\nnot really"[..])),
        ("static/logo.svg", Some(&b"<svg><unclosed></svg>"[..])),
    ] {
        let (t, line) = with_logo(path);
        if let Some(bytes) = file {
            t.write_bytes(path, bytes);
        }
        let problems = t.problems();
        let p = problem(&problems, "style/logo");
        assert_eq!(p.severity, "error", "{path}");
        assert_eq!(
            (p.file.as_str(), p.line),
            ("site/site.yaml", Some(line)),
            "{path}: {p:#?}"
        );
        assert!(p.help.is_some(), "{path}");
        t.build().fails_with(1);
    }
}
