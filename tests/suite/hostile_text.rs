//! Hostile input, text that would break the output: control characters
//! (pasted from Word, or written as YAML escapes and character
//! references) never reach a page, a feed or the sitemap, which stay
//! well-formed XML; implausible report figures are errors with their line,
//! and sums never overflow.

use crate::check::{CLUB_YAML, diags, school};

const SITE: &str =
    "title: {kk: Тест, ru: Тест}\nlanguages: [kk, ru]\nbase_url: https://example.kz/\n";

/// Every control character the output may never hold (tab and line
/// breaks aside).
fn has_control(text: &str) -> bool {
    text.chars().any(|c| {
        (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
    })
}

#[test]
fn control_characters_are_left_out_with_a_warning_and_feeds_stay_xml() {
    // U+000B and U+000C as Word pastes them, a backspace, a NUL; a YAML
    // escape and character references that decode to control characters.
    let news = "---\ntitle: \"Жаңалық\u{B}бірінші\"\ndate: 2025-03-01\nsummary: \"Қысқаша\\bмәтін\\x1b\"\n---\nМәтін\u{C}жалғасы\u{8}.\n\nБелгі &#11; және &#xFFFE; &#x1F;.\n";
    let club = format!("{CLUB_YAML}motto: \"Сенім\u{0}\u{7F}\u{9C}\"\n");
    let t = school(&[
        ("site.yaml", SITE),
        ("clubs/senim/club.yaml", &club),
        ("news/2025-03-01-a.md", news),
    ]);
    let (run, list) = diags(&t, &[]);
    assert_eq!(run.code(), 0, "{list:#?}");
    let warned: Vec<(&str, Option<u64>)> = list
        .iter()
        .filter(|d| d.code == "file/control-character")
        .map(|d| (d.file.rsplit('/').next().unwrap_or(""), d.line))
        .collect();
    assert!(warned.contains(&("2025-03-01-a.md", Some(2))), "{list:#?}");
    assert!(warned.contains(&("club.yaml", Some(7))), "{list:#?}");
    let w = list
        .iter()
        .find(|d| d.code == "file/control-character" && d.file.ends_with("club.yaml"))
        .unwrap();
    assert!(
        w.message.contains("U+0000") && w.message.contains("line 7"),
        "{w:?}"
    );
    t.build().ok();
    for lang in ["kk", "ru"] {
        let xml = t.out_text(&format!("{lang}/news/atom.xml"));
        roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{lang} atom.xml: {e}"));
        assert!(xml.contains("Жаңалық бірінші"), "words stay apart: {xml}");
    }
    roxmltree::Document::parse(&t.out_text("sitemap.xml")).expect("sitemap.xml is XML");
    for (path, bytes) in t.snapshot() {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !has_control(&text),
            "{} holds a control character",
            path.display()
        );
    }
}

#[test]
fn a_control_character_written_as_a_yaml_escape_never_reaches_the_output() {
    let club = format!("{CLUB_YAML}motto: \"a\\u0008b\\x0Bc\\uFFFEd\"\n");
    let t = school(&[("site.yaml", SITE), ("clubs/senim/club.yaml", &club)]);
    t.build().ok();
    for (path, bytes) in t.snapshot() {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !has_control(&text),
            "{} holds a control character",
            path.display()
        );
    }
    let page = t.page("kk/index.html");
    assert!(
        page.texts("body").concat().contains("ab cd"),
        "the motto, without its controls"
    );
}
