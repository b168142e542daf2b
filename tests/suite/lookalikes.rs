//! Latin letters typed for the Cyrillic ones they look like (issue 18,
//! point 8): «Сенiм» with a Latin `i`. `check` and `build` warn at the
//! word (`text/mixed-script`) with the all-Cyrillic spelling, and leave
//! Latin names, addresses and code alone; the directory sorts the word as
//! Cyrillic and indexes it so for its search (the search itself, in a
//! browser: `search.rs`).

use crate::harness::{Problem, SiteTest};

fn mixed(t: &SiteTest) -> Vec<Problem> {
    t.problems()
        .into_iter()
        .filter(|p| p.code == "text/mixed-script")
        .collect()
}

const NEWS: &str = "---
title: «Сенiм» клубының тренингі
date: 2025-03-01
---
Mектеп оқушылары «Сенім» клубына келді.
Instagram-да және WhatsApp арқылы жазыңыз: https://kk.wikipedia.org/wiki/Сенiм
[Сайт](https://мектеп.kz/сенiм), `Сенiм`, сенiм@мектеп.kz, суреттер/сенiм.jpg

```
Сенiм
```
";

#[test]
fn check_names_each_word_that_mixes_latin_and_cyrillic_letters() {
    let t = SiteTest::fixture("school_minimal");
    t.write("news/2025-03-01-senim.kk.md", NEWS);
    let found = mixed(&t);
    let at: Vec<(&str, Option<usize>, Option<usize>)> = found
        .iter()
        .map(|p| (p.file.as_str(), p.line, p.column))
        .collect();
    let file = "site/news/2025-03-01-senim.kk.md";
    // The title's «Сенiм» (line 2, after `title: «`) and «Mектеп» (line 5);
    // the Latin names, the addresses, the code span, the file name and the
    // fenced block are not words of the text.
    assert_eq!(
        at,
        [(file, Some(2), Some(9)), (file, Some(5), Some(1))],
        "{found:#?}"
    );
    assert!(found.iter().all(|p| p.severity == "warning"));
    assert!(found[0].message.contains("`Сенiм`"), "{:?}", found[0]);
    let help = found[0].help.as_deref().unwrap_or_default();
    assert!(help.contains("`Сенім`"), "{help}");
    assert!(
        found[1]
            .help
            .as_deref()
            .unwrap_or_default()
            .contains("`Мектеп`")
    );
}

#[test]
fn the_warning_speaks_kazakh_and_russian_and_build_says_it_too() {
    let t = SiteTest::fixture("school_minimal");
    t.edit("clubs/senim/club.yaml", "kk: \"Сенім\"", "kk: \"Сенiм\"");
    for (lang, words) in [
        ("kk", "сөзінде латын және кирилл әріптері аралас"),
        ("ru", "смешаны латинские и кириллические буквы"),
    ] {
        let run = t.check(&["--lang", lang]);
        let text = run.stderr();
        assert!(text.contains(words), "{text}");
        assert!(text.contains("site/clubs/senim/club.yaml:1:13"), "{text}");
        // The spelling to write instead, in the teacher's language.
        let help = text
            .lines()
            .find(|l| l.contains("`Сенім`"))
            .unwrap_or_default();
        assert!(
            help.contains(if lang == "kk" {
                "кирилл"
            } else {
                "кириллицей"
            }),
            "{text}"
        );
    }
    let run = t.build().ok();
    assert!(
        run.stderr().contains("warning[text/mixed-script]"),
        "{}",
        run.stderr()
    );
    assert!(
        run.stderr().contains("site/clubs/senim/club.yaml:1"),
        "{}",
        run.stderr()
    );
}

/// The directory's `t1` locality (Қазығұрт) with one more club, whose
/// name starts with a Latin `I` typed for `І`.
fn sorting_with_latin_i() -> SiteTest {
    let t = SiteTest::fixture("directory_sorting");
    let t1 = t.read("clubs/t1/club.yaml");
    let club = t1.replace(
        "name: {kk: \"Ынтымақ\", ru: \"Ынтымак\"}",
        "name: {kk: \"Iзгiлiк\", ru: \"Iзгiлiк\"}",
    );
    assert_ne!(club, t1);
    t.write("clubs/t9/club.yaml", &club);
    t
}

#[test]
fn a_latin_i_sorts_as_the_kazakh_letter_and_is_indexed_as_it() {
    let t = sorting_with_latin_i();
    t.build().ok();
    let section =
        ".dir-region[data-region='turkistan'] .dir-locality:nth-of-type(2) .club-card-name";
    // Not first (where Latin letters go), but among the І-words.
    assert_eq!(
        t.page("kk/index.html").texts(section),
        ["Әділет", "Бірлік", "Ынтымақ", "Iзгiлiк", "Іңкәр"]
    );
    // Russian order: і right after и.
    assert_eq!(
        t.page("ru/index.html").texts(section),
        ["Единство", "Инкар", "Iзгiлiк", "Справедливость", "Ынтымак"]
    );
    let index: serde_json::Value = serde_json::from_str(&t.out_text("data/search.json")).unwrap();
    let row = index["clubs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r[0] == "t9")
        .unwrap();
    let text = row[2].as_str().unwrap();
    assert!(
        text.contains("Ізгілік") && !text.contains("Iзгiлiк"),
        "{text}"
    );
    let found = mixed(&t);
    assert_eq!(found.len(), 2, "the kk and ru names: {found:#?}");
    assert!(
        found
            .iter()
            .all(|p| p.file == "site/clubs/t9/club.yaml" && p.line == Some(1))
    );
}

/// The exact words of the warning, with and without a spelling to suggest,
/// as `check` prints them in Kazakh, Russian and English.
#[test]
fn the_warning_in_three_languages() {
    let t = SiteTest::fixture("school_minimal");
    t.edit("clubs/senim/club.yaml", "kk: \"Сенім\"", "kk: \"Сенiм\"");
    t.edit(
        "clubs/senim/club.yaml",
        "ru: \"Доверие\"",
        "ru: \"Довeрieq\"",
    );
    let mut out = String::new();
    for lang in ["kk", "ru", "en"] {
        let check = t
            .command()
            .args(["--lang", lang, "check", "site"])
            .output()
            .unwrap();
        assert_eq!(check.status.code(), Some(0), "warnings only, in {lang}");
        out.push_str(&format!("===== {lang}: bitimger check site\n"));
        out.push_str(&String::from_utf8_lossy(&check.stderr));
        out.push('\n');
    }
    insta::assert_snapshot!(out);
}
