//! The screen never turns away a page in which the reader finds an IIN.

use super::super::digits::find_iins;
use super::super::html::texts_of_html;
use super::may_hold_iin;
use crate::rules::rng::Rng;

fn reader_finds(html: &str) -> bool {
    texts_of_html(html, false)
        .iter()
        .any(|t| !find_iins(t).is_empty())
}

#[test]
fn lets_through_what_the_reader_finds() {
    for page in [
        "<p>ЖСН 9001<strong>1530</strong>0122</p>",
        "<p>ЖСН 90011530012&#50;</p>",
        "<p>ЖСН 900115&nbsp;300122</p>",
        "<img alt=\"900115300122\" src=\"a.jpg\">",
        "<p title='9001 1530 0122'>x</p>",
        "<a href=/n/900115300122>x</a>",
        "<!-- 900115300122 --><p>1 < 2</p>",
        "<script type=\"application/ld+json\">{\"n\":\"900115-300122\"}</script>",
        "<p>a < b 900115 <i>300122</i></p>",
        "<p>９００１１５３００１２２</p>",
        "<p>9001<a title=\"x>y\">1530</a>0122</p>",
        "<p>9001 <!-- a > b --> 1530 0122</p>",
        "<p>900115&#x2D;300122</p>",
        "<p>9001\u{200b}15300122</p>",
    ] {
        assert!(reader_finds(page), "the reader finds none in {page}");
        assert!(may_hold_iin(page.as_bytes()), "{page}");
    }
}

#[test]
fn turns_away_pages_without_long_numbers() {
    for page in [
        "<p>Телефон: +7 7212 41 22 33</p><p>05.09.2024</p>",
        "<table><tr><td>2024</td><td>12</td><td>345</td><td>6789</td></tr></table>",
        "<svg viewBox=\"0 0 300 300 400 500 600\"><path d=\"M4 4h7v1H4z\"/></svg>",
        "<p>№ 214 кабинет, 8–11-сыныптар</p>",
        "<a href=\"../clubs/senim/reports/2024-2025.html\">2024–2025</a>",
    ] {
        assert!(!may_hold_iin(page.as_bytes()), "{page}");
    }
}

const IINS: &[&str] = &["900115300122", "050315600000"];

const JOINS: &[&str] = &[
    "",
    " ",
    "-",
    " - ",
    "&nbsp;",
    "\u{a0}",
    "<b>",
    "</b>",
    "<span class=\"x>y\">",
    "</span>",
    "<br>",
    "&#32;",
    "\u{200b}",
    "<!-- c -->",
    "\u{483}",
    "\u{2013}",
    "\u{2009}",
    "\u{202f}",
    "«",
    "  ",
    "<i title=1>",
];

const NOISE: &[&str] = &[
    "Ж",
    "a",
    ".",
    "<",
    "&a",
    "&#x;",
    ">",
    "㉑",
    "7",
    "12",
    " ",
    "<p>",
    "</p>",
    "+",
    "&amp;",
    "\"",
    "'",
    "=",
    "<td>",
    "<!--",
    "-->",
    "<script>",
    "</script>",
    "\u{a0}",
    "<img alt=\"",
    "«",
    "»",
    "—",
    "…",
    "©",
    "é",
    "²",
    "½",
];

const WRAPS: &[(&str, &str)] = &[
    ("<p>", "</p>"),
    ("<img alt=\"", "\">"),
    ("<a title='", "' href=x>t</a>"),
    ("<!-- ", " -->"),
    ("<script>", "</script>"),
    ("<td>", "</td>"),
    ("<div data-n=", ">x</div>"),
    ("", ""),
];

/// A digit as a page may write it.
fn digit(rng: &mut Rng, d: char) -> String {
    let v = d as u32 - '0' as u32;
    match rng.next() % 8 {
        0 => format!("&#{};", 48 + v),
        1 => format!("&#x{:x};", 48 + v),
        2 => char::from_u32(0xFF10 + v).unwrap_or(d).to_string(),
        _ => d.to_string(),
    }
}

fn number(rng: &mut Rng) -> String {
    let iin = IINS[rng.next() % IINS.len()];
    let mut out = String::new();
    for (i, d) in iin.chars().enumerate() {
        if i > 0 && rng.next().is_multiple_of(4) {
            out.push_str(rng.pick(JOINS));
        }
        out.push_str(&digit(rng, d));
    }
    out
}

fn page(rng: &mut Rng) -> String {
    let mut out = String::new();
    for _ in 0..rng.next() % 4 {
        out.push_str(rng.pick(NOISE));
    }
    let (open, close) = WRAPS[rng.next() % WRAPS.len()];
    out.push_str(open);
    for _ in 0..rng.next() % 3 {
        out.push_str(rng.pick(NOISE));
    }
    out.push_str(&number(rng));
    for _ in 0..rng.next() % 3 {
        out.push_str(rng.pick(NOISE));
    }
    out.push_str(close);
    for _ in 0..rng.next() % 4 {
        out.push_str(rng.pick(NOISE));
    }
    out
}

#[test]
fn never_turns_away_a_page_the_reader_finds_an_iin_in() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut found = 0;
    for _ in 0..50_000 {
        let page = page(&mut rng);
        if reader_finds(&page) {
            found += 1;
            assert!(may_hold_iin(page.as_bytes()), "turned away: {page:?}");
        }
    }
    // The generator must exercise the property, not only noise.
    assert!(found > 10_000, "only {found} pages held an IIN");
}
