//! Files that would run on the site or publish something broken without a
//! word: web pages and drawings in documents/, a feedback link too long
//! for the poster's QR code, a photo cut off in copying.

use scraper::Html;

use crate::harness::SiteTest;

const DOCS_YAML: &str = "\
- file: order.pdf
  title: {kk: Бұйрық, ru: Приказ}
- file: rules.html
  title: {kk: Ереже, ru: Правила}
- file: scheme.svg
  title: {kk: Сызба, ru: Схема}
";

const RULES_HTML: &str = "<!DOCTYPE html>
<html><head><title>Ереже</title>
<style>body { background: url(https://evil.example/bg.png) }</style>
<script src=\"https://evil.example/x.js\"></script></head>
<body onload=\"steal()\">
<h1>Медиация ережесі</h1>
<p style=\"color:red\">Бірінші тармақ.</p>
<img src=\"//evil.example/pixel.png\" alt=\"\">
<form action=\"https://evil.example/\"><input name=\"iin\"></form>
<iframe src=\"https://evil.example/\"></iframe>
<a href=\"jav&#x09;ascript:alert(1)\">сілтеме</a>
</body></html>
";

const SCHEME_SVG: &str = "<?xml version=\"1.0\"?>
<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">
<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"20\" height=\"20\"><rect width=\"20\" height=\"20\" fill=\"#0b5f6b\"/></svg>
";

fn site_with_documents() -> SiteTest {
    let t = SiteTest::fixture("school_minimal");
    t.write("documents/documents.yaml", DOCS_YAML)
        .write(
            "documents/order.pdf",
            "%PDF-1.4\n<script>not a page</script>\n",
        )
        .write("documents/rules.html", RULES_HTML)
        .write("documents/scheme.svg", SCHEME_SVG);
    t
}

#[test]
fn an_html_document_is_published_cleaned_with_a_warning() {
    let t = site_with_documents();
    t.build().ok();
    // PDFs and drawings that only draw are published byte for byte.
    for file in ["order.pdf", "scheme.svg"] {
        assert_eq!(
            std::fs::read(t.out_path(&format!("documents/{file}"))).unwrap(),
            std::fs::read(t.site.join(format!("documents/{file}"))).unwrap(),
            "{file}"
        );
    }
    let page = Html::parse_document(&t.out_text("documents/rules.html"));
    let csp: Vec<_> = page
        .select(&scraper::Selector::parse("meta[http-equiv='Content-Security-Policy']").unwrap())
        .filter_map(|m| m.value().attr("content"))
        .collect();
    assert_eq!(csp.len(), 1);
    assert!(
        csp[0].contains("default-src 'none'") && !csp[0].contains("script-src"),
        "{csp:?}"
    );
    let text = t.out_text("documents/rules.html");
    for gone in [
        "<script",
        "<style",
        "style=",
        "onload",
        "<iframe",
        "<form",
        "<input",
        "evil.example",
        "javascript",
    ] {
        assert!(!text.to_lowercase().contains(gone), "{gone} in:\n{text}");
    }
    assert!(
        text.contains("Медиация ережесі") && text.contains("Бірінші тармақ."),
        "{text}"
    );
    assert!(text.contains("<title>Ереже</title>"), "{text}");
    let problems = t.problems();
    let cleaned: Vec<_> = problems
        .iter()
        .filter(|p| p.code == "documents/html-cleaned")
        .collect();
    assert_eq!(cleaned.len(), 1, "{problems:#?}");
    assert_eq!(cleaned[0].file, "site/documents/rules.html");
    assert_eq!(cleaned[0].line, Some(3));
    assert_eq!(cleaned[0].severity, "warning");
    for what in [
        "`<script>`",
        "`<style>`",
        "`<iframe>`",
        "`<form>`",
        "a `style` attribute",
    ] {
        assert!(
            cleaned[0].message.contains(what),
            "{what}: {}",
            cleaned[0].message
        );
    }
}

#[test]
fn documents_that_could_run_scripts_are_refused_with_file_and_line() {
    let cases = [
        (
            "a.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<script>alert(1)</script>\n</svg>\n",
            "documents/active-content",
            Some(2),
        ),
        (
            "b.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"\n onload=\"alert(1)\"/>\n",
            "documents/active-content",
            Some(1),
        ),
        (
            "c.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:x=\"http://www.w3.org/1999/xlink\">\n<image x:href=\"https://evil.example/t.png\"/>\n</svg>\n",
            "documents/active-content",
            Some(2),
        ),
        (
            "d.xml",
            "<?xml version=\"1.0\"?>\n<r><h:script xmlns:h=\"http://www.w3.org/1999/xhtml\">alert(1)</h:script></r>\n",
            "documents/active-content",
            Some(2),
        ),
        (
            "e.xhtml",
            "<html xmlns=\"http://www.w3.org/1999/xhtml\"/>\n",
            "documents/active-type",
            None,
        ),
        (
            "f",
            "\n  <HTML><script>alert(1)</script>\n",
            "documents/active-type",
            None,
        ),
        (
            "g.dat",
            "<?xml version=\"1.0\"?><x/>",
            "documents/active-type",
            None,
        ),
    ];
    let t = SiteTest::fixture("school_minimal");
    t.build().ok();
    let before = t.snapshot();
    let mut yaml = String::new();
    for (file, text, _, _) in &cases {
        t.write(&format!("documents/{file}"), text);
        yaml.push_str(&format!(
            "- file: {file}\n  title: {{kk: Құжат, ru: Документ}}\n"
        ));
    }
    t.write("documents/documents.yaml", &yaml);
    let problems = t.problems();
    for (file, _, code, line) in &cases {
        let found = problems
            .iter()
            .find(|p| p.file == format!("site/documents/{file}"))
            .unwrap_or_else(|| panic!("{file}: {problems:#?}"));
        assert_eq!(
            (found.code.as_str(), found.severity.as_str()),
            (*code, "error"),
            "{file}"
        );
        if line.is_some() {
            assert_eq!(found.line, *line, "{file}");
        }
    }
    t.build().fails_with(1);
    assert!(
        t.snapshot() == before,
        "a refused document changed the output"
    );
}

#[test]
fn a_feedback_link_too_long_for_a_qr_code_is_warned_about_and_left_off_the_poster() {
    let t = SiteTest::fixture("school_minimal");
    let long = format!("https://forms.example.test/box?id={}", "x".repeat(2400));
    t.edit(
        "clubs/senim/club.yaml",
        "  question: https://forms.example.test/question\n",
        &format!("  question: https://forms.example.test/question\n  anonymous: {long}\n"),
    );
    t.build().ok();
    let poster = t.page("kk/clubs/senim/poster/index.html");
    assert_eq!(poster.count(".qr-code svg"), 1);
    let problems = t.problems();
    let p = problems
        .iter()
        .find(|p| p.code == "poster/link-too-long")
        .unwrap_or_else(|| panic!("{problems:#?}"));
    assert_eq!(p.file, "site/clubs/senim/club.yaml");
    assert_eq!(p.line, Some(7));
    assert_eq!(p.severity, "warning");
    assert!(
        p.help.as_deref().unwrap_or("").contains("shorter link"),
        "{p:#?}"
    );
    // A link that fits is not warned about.
    let t = SiteTest::fixture("school_minimal");
    assert!(
        !t.problems()
            .iter()
            .any(|p| p.code == "poster/link-too-long")
    );
}

#[test]
fn a_photo_cut_off_in_copying_is_broken_not_grey() {
    let img = image::RgbImage::from_fn(64, 48, |x, y| {
        image::Rgb([(x * 4) as u8, (y * 5) as u8, 90])
    });
    let mut jpeg = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(img)
        .write_to(&mut jpeg, image::ImageFormat::Jpeg)
        .unwrap();
    let jpeg = jpeg.into_inner();
    let t = SiteTest::fixture("school_minimal");
    t.edit(
        "clubs/senim/club.yaml",
        "feedback:",
        "gallery:\n  consent: true\nfeedback:",
    );
    t.write_bytes("clubs/senim/photos/whole.jpg", &jpeg);
    t.build().ok();
    let before = t.snapshot();
    t.write_bytes("clubs/senim/photos/cut.jpg", &jpeg[..jpeg.len() * 2 / 3]);
    let problems = t.problems();
    let broken: Vec<_> = problems
        .iter()
        .filter(|p| p.code == "image/broken")
        .collect();
    assert_eq!(broken.len(), 1, "{problems:#?}");
    assert_eq!(broken[0].file, "site/clubs/senim/photos/cut.jpg");
    assert!(broken[0].message.contains("cut off"), "{:#?}", broken[0]);
    t.build().fails_with(1);
    assert!(t.snapshot() == before);
}
