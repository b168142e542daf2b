//! Examples of each edit (the property tests are in `props`).

use super::*;
use serde_yaml::{Mapping, Value};

fn read(text: &str) -> Value {
    serde_yaml::from_str(text).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

fn at<'v>(v: &'v Value, path: &[Seg<'_>]) -> Option<&'v Value> {
    path.iter().try_fold(v, |v, seg| match seg {
        Seg::Key(k) => v.get(*k),
        Seg::Index(i) => v.get(*i),
    })
}

fn at_mut<'v>(v: &'v mut Value, path: &[Seg<'_>]) -> &'v mut Value {
    path.iter().fold(v, |v, seg| match seg {
        Seg::Key(k) => {
            if !v.is_mapping() {
                *v = Value::Mapping(Mapping::new());
            }
            let m = v.as_mapping_mut().unwrap();
            m.entry(Value::String((*k).into())).or_insert(Value::Null)
        }
        Seg::Index(i) => &mut v[*i],
    })
}

fn comments(text: &str) -> Vec<&str> {
    text.lines()
        .filter(|l| l.trim_start().starts_with('#'))
        .collect()
}

const CLUB: &str = "# The club\nname: {kk: \"Сенім\", ru: \"Доверие\"}  # its name\nmotto: Тыңда. Түсін.\n\nschool:\n  # where it is\n  name: 'Гимназия № 1'\n  region: karaganda\nleaders:\n  - name: Айгүл\n    email: a@example.test\n  - name: Наталья\ncontacts:\n  room: \"214\"\n  phones: [\"+7 7212 55 02 14\"]\nabout: |\n  Line one.\n  Line two.\n\n# the end\n";

#[test]
fn changes_only_the_characters_of_the_value() {
    let out = set_value(CLUB, &[Seg::Key("motto")], Scalar::Text("Келіс.")).unwrap();
    assert_eq!(out, CLUB.replace("Тыңда. Түсін.", "Келіс."));
    let path = [Seg::Key("name"), Seg::Key("ru")];
    let out = set_value(CLUB, &path, Scalar::Text("Вера, \"да\"")).unwrap();
    assert_eq!(out, CLUB.replace("\"Доверие\"", "\"Вера, \\\"да\\\"\""));
    let out = set_value(
        CLUB,
        &[Seg::Key("school"), Seg::Key("name")],
        Scalar::Text("It's"),
    )
    .unwrap();
    assert!(out.contains("  name: 'It''s'\n"), "{out}");
}

#[test]
fn numbers_and_look_alikes_are_quoted_as_needed() {
    let out = set_value(CLUB, &[Seg::Key("motto")], Scalar::Text("2024")).unwrap();
    assert!(out.contains("motto: \"2024\"\n"), "{out}");
    let out = set_value(CLUB, &[Seg::Key("motto")], Scalar::Number("2024")).unwrap();
    assert!(out.contains("motto: 2024\n"), "{out}");
    let out = set_value(CLUB, &[Seg::Key("motto")], Scalar::Text("yes: no # x")).unwrap();
    assert_eq!(read(&out)["motto"], Value::String("yes: no # x".into()));
}

#[test]
fn block_texts_stay_block_texts() {
    let out = set_value(
        CLUB,
        &[Seg::Key("about")],
        Scalar::Text("New one.\nAnd two.\n"),
    )
    .unwrap();
    assert!(
        out.contains("about: |\n  New one.\n  And two.\n\n# the end\n"),
        "{out}"
    );
    assert_eq!(
        read(&out)["about"],
        Value::String("New one.\nAnd two.\n".into())
    );
}

#[test]
fn missing_keys_are_added_under_their_parent() {
    let out = set_value(
        CLUB,
        &[Seg::Key("school"), Seg::Key("locality")],
        Scalar::Text("Қарағанды"),
    )
    .unwrap();
    assert!(
        out.contains("  region: karaganda\n  locality: Қарағанды\nleaders:"),
        "{out}"
    );
    let path = [Seg::Key("feedback"), Seg::Key("question")];
    let out = set_value(CLUB, &path, Scalar::Text("https://forms.example.test/q")).unwrap();
    assert!(
        out.ends_with(
            "  Line two.\nfeedback:\n  question: https://forms.example.test/q\n\n# the end\n"
        ),
        "{out}"
    );
    let out = set_value(
        CLUB,
        &[Seg::Key("name"), Seg::Key("en")],
        Scalar::Text("Trust"),
    )
    .unwrap();
    assert!(
        out.contains("name: {kk: \"Сенім\", ru: \"Доверие\", en: Trust}  # its name"),
        "{out}"
    );
}

#[test]
fn a_plain_text_becomes_a_group_when_the_languages_differ() {
    let same = set_localized(CLUB, &[Seg::Key("motto")], &[("kk", "Бір"), ("ru", "Бір")]).unwrap();
    assert!(same.contains("motto: Бір\n"), "{same}");
    let out = set_localized(CLUB, &[Seg::Key("motto")], &[("kk", "Бір"), ("ru", "Один")]).unwrap();
    assert!(out.contains("motto: {kk: Бір, ru: Один}\n"), "{out}");
    let out = set_localized(
        CLUB,
        &[Seg::Key("name")],
        &[("kk", "Сенім"), ("ru", "Вера")],
    )
    .unwrap();
    assert_eq!(out, CLUB.replace("\"Доверие\"", "\"Вера\""));
}

#[test]
fn items_are_added_at_the_end_of_lists() {
    let leader = Item::Map(vec![
        ("name", Scalar::Text("Жаңа")),
        ("phone", Scalar::Text("+7 701 000 00 00")),
    ]);
    let out = append_item(CLUB, &[Seg::Key("leaders")], &leader).unwrap();
    assert!(
        out.contains("  - name: Наталья\n  - name: Жаңа\n    phone: +7 701 000 00 00\ncontacts:"),
        "{out}"
    );
    let phone = Item::Scalar(Scalar::Text("+7 701 555 23 14"));
    let out = append_item(CLUB, &[Seg::Key("contacts"), Seg::Key("phones")], &phone).unwrap();
    assert!(
        out.contains("phones: [\"+7 7212 55 02 14\", +7 701 555 23 14]"),
        "{out}"
    );
    let out = append_item(
        CLUB,
        &[Seg::Key("goals")],
        &Item::Scalar(Scalar::Text("Бейбітшілік")),
    )
    .unwrap();
    assert!(
        out.ends_with("  Line two.\ngoals:\n  - Бейбітшілік\n\n# the end\n"),
        "{out}"
    );
}

#[test]
fn an_empty_value_is_filled_after_its_key() {
    let out = set_value("a:\nb: 1\n", &[Seg::Key("a")], Scalar::Text("x")).unwrap();
    assert_eq!(out, "a: x\nb: 1\n");
    let out = set_value("", &[Seg::Key("a"), Seg::Key("b")], Scalar::Bool(true)).unwrap();
    assert_eq!(out, "a:\n  b: true\n");
}

#[test]
fn shapes_that_do_not_fit_are_refused() {
    assert!(matches!(
        set_value(CLUB, &[Seg::Key("leaders")], Scalar::Text("x")),
        Err(EditError::Shape(_))
    ));
    assert!(matches!(
        set_value("a: [\n", &[Seg::Key("a")], Scalar::Text("x")),
        Err(EditError::NotYaml(_))
    ));
}

// ---- property tests ----

const WORDS: &[&str] = &[
    "Сенім",
    "a",
    "2024",
    "true",
    "null",
    "x: y",
    "a #b",
    "'q'",
    "\"dq\"",
    "- item",
    "12.5",
    "Қарағанды облысы",
    "line\nbreak",
    " lead",
    "trail ",
    "",
    "{x}",
    "a, b",
    "№ 1",
    "~",
    "@x",
    "https://example.test/a?b=c#d",
    "2025-03-14",
    "back\\slash",
    "tab\there",
];

#[test]
fn an_item_is_removed_with_its_own_lines_only() {
    let doc = "leaders:\n  # first\n  - name: Айгүл  # lead\n    email: a@example.test\n  # second\n  - name: Наталья\n    # her role\n    role: teacher\n  # third\n  - name: Ерлан\nnext: 1\n";
    let out = remove_item(doc, &[Seg::Key("leaders")], 1).unwrap();
    assert_eq!(
        out,
        "leaders:\n  # first\n  - name: Айгүл  # lead\n    email: a@example.test\n  # second\n  # third\n  - name: Ерлан\nnext: 1\n"
    );
    let out = remove_item(doc, &[Seg::Key("leaders")], 2).unwrap();
    assert!(
        out.ends_with("    role: teacher\n  # third\nnext: 1\n"),
        "{out}"
    );
    let one = "goals:  # what we do\n  - listen\nnext: 1\n";
    let out = remove_item(one, &[Seg::Key("goals")], 0).unwrap();
    assert_eq!(out, "goals: []  # what we do\nnext: 1\n");
    let flow = "phones: [\"1\", '2', 3]  # all\n";
    for (i, want) in [
        "phones: ['2', 3]  # all\n",
        "phones: [\"1\", 3]  # all\n",
        "phones: [\"1\", '2']  # all\n",
    ]
    .iter()
    .enumerate()
    {
        assert_eq!(remove_item(flow, &[Seg::Key("phones")], i).unwrap(), *want);
    }
    assert_eq!(
        remove_item("p: [a]\n", &[Seg::Key("p")], 0).unwrap(),
        "p: []\n"
    );
    assert!(remove_item(doc, &[Seg::Key("leaders")], 3).is_err());
    assert!(remove_item(doc, &[Seg::Key("next")], 0).is_err());
}

mod props;
