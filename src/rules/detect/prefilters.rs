//! The quick tests that spare reading a line never turn away a line in
//! which the detectors find a phone number, an e-mail address or a class
//! label next to a name.

use super::super::text::Folded;
use super::{
    find_class_labels_with_names, find_emails, find_phones, may_hold_class_label, may_hold_email,
    may_hold_phone,
};
use crate::rules::rng::Rng;

const PHONES: &[&str] = &[
    "+7 701 555 23 14",
    "8 (7212) 55-02-14",
    "87015552314",
    "+7&nbsp;701&#32;555 23 14",
    "8\u{200b}701 555\u{a0}23\u{2013}14",
    "＋７ ７０１ ５５５ ２３ １４",
    "&#56;7015552314",
    "8.701.555.23.14",
    "8&ThinSpace;7015552314",
];

const EMAILS: &[&str] = &[
    "a.bekova@mail.kz",
    "a.bekova＠mail.kz",
    "a.bekova (at) mail.kz",
    "a.bekova[AT]mail(dot)kz",
    "a.bekova{\u{200b}at}mail.kz",
    "a.bekova (ａｔ) mail.kz",
    "a.bekova&#64;mail.kz",
];

const NOISE: &[&str] = &[
    "Клуб",
    " ",
    "жылы",
    "2024",
    "—",
    "«",
    "»",
    "[подробнее](https://s.example.test/x)",
    ".",
    ",",
    "a",
    "Ж",
    "(",
    ")",
    "&amp;",
    "\\u0036",
    "12",
    "№ 214",
    "\u{483}",
    "-",
];

fn line(rng: &mut Rng, found: &[&str]) -> String {
    let mut out = String::new();
    for _ in 0..rng.next() % 6 {
        out.push_str(rng.pick(NOISE));
    }
    out.push_str(rng.pick(found));
    for _ in 0..rng.next() % 6 {
        out.push_str(rng.pick(NOISE));
    }
    out
}

#[test]
fn never_turn_away_a_line_the_detectors_find_something_in() {
    let mut rng = Rng(0x1234_5678_9ABC_DEF1);
    let (mut phones, mut emails) = (0, 0);
    for _ in 0..20_000 {
        let phone = line(&mut rng, PHONES);
        if !find_phones(&Folded::line(&phone)).is_empty() {
            phones += 1;
            assert!(may_hold_phone(&phone), "turned away: {phone:?}");
        }
        let email = line(&mut rng, EMAILS);
        if !find_emails(&Folded::line(&email)).is_empty() {
            emails += 1;
            assert!(may_hold_email(&email), "turned away: {email:?}");
        }
    }
    assert!(
        phones > 5_000 && emails > 5_000,
        "{phones} phones, {emails} e-mails"
    );
}

/// Pieces of lines about classes: labels written every way the detector
/// reads them and some it does not, names, and figures that are no label.
const LABELS: &[&str] = &[
    "9Б",
    "7A",
    "8 «А»",
    "11 \"Б\" класса",
    "3 В сынып",
    "012Б",
    "9-Б",
    "8 А",
    "8–11 сынып",
    "10 ә",
    "٣Б",
    "2024 Ж.",
    "12В",
];
const NAMES: &[&str] = &["Айгерім", "Дана", "Тимур", "Асель Б.", "оқушысы", "Ж."];
const PIECES: &[&str] = &[
    " ",
    " ",
    " ",
    "—",
    "-",
    ".",
    ",",
    "2024",
    "15",
    "№",
    "(",
    "сынып",
    "класса",
    "«",
    "»",
];

#[test]
fn never_turn_away_a_line_with_a_class_label_next_to_a_name() {
    let mut rng = Rng(0x0F1E_2D3C_4B5A_6978);
    let (mut labels, mut turned_away) = (0, 0);
    for _ in 0..20_000 {
        let mut line = String::new();
        for list in [PIECES, LABELS, PIECES, NAMES, PIECES] {
            let n = if list == PIECES { rng.next() % 3 } else { 1 };
            for _ in 0..n {
                line.push_str(rng.pick(list));
            }
            line.push_str(rng.pick(&[" ", "", " — "]));
        }
        let may = may_hold_class_label(&line);
        if !find_class_labels_with_names(&line).is_empty() {
            labels += 1;
            assert!(may, "turned away: {line:?}");
        } else if !may {
            turned_away += 1;
        }
    }
    // Both kinds are common, so the test says something.
    assert!(
        labels > 1_500 && turned_away > 3_000,
        "{labels} labels, {turned_away} turned away"
    );
}

#[test]
fn lines_with_links_and_figures_are_not_read() {
    let line = "Клуб 2024–2025 оқу жылында 15 оқушыны оқытты, 12 жиналыс өткізді, 3 дау шешілді ([подробнее](https://school75.example.test/mediation)).";
    assert!(!may_hold_phone(line));
    assert!(!may_hold_email(line));
    assert!(!may_hold_class_label(line));
}
