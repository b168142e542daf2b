//! Examples of each edit, and property tests: for generated documents and
//! edits, the result reads back with the intended value, every other
//! value and every comment line unchanged.

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

fn word(rng: &mut fastrand::Rng) -> &'static str {
    WORDS[rng.usize(..WORDS.len())]
}

fn scalar_src(rng: &mut fastrand::Rng, flow: bool) -> String {
    let w = word(rng);
    match rng.u8(..3) {
        0 if render::plain_ok(w, if flow { Context::Flow } else { Context::Block }) => w.into(),
        1 if !w.contains(['\n', '\t']) => format!("'{}'", w.replace('\'', "''")),
        _ => serde_json::to_string(w).unwrap(),
    }
}

/// A document of groups, lists, flow groups, block texts and comments.
fn document(rng: &mut fastrand::Rng) -> String {
    let mut out = String::from("# top comment\n");
    for k in 0..rng.usize(1..6) {
        if rng.bool() {
            out.push_str(&format!("# comment {k}\n"));
        }
        match rng.u8(..5) {
            0 => out.push_str(&format!("k{k}: {}\n", scalar_src(rng, false))),
            1 => out.push_str(&format!(
                "k{k}: {{kk: {}, ru: {}}}  # flow {k}\n",
                scalar_src(rng, true),
                scalar_src(rng, true)
            )),
            2 => {
                out.push_str(&format!("k{k}:\n"));
                for j in 0..rng.usize(1..4) {
                    out.push_str(&format!("  s{j}: {}\n", scalar_src(rng, false)));
                    if rng.bool() {
                        out.push_str("  # inner comment\n");
                    }
                }
            }
            3 => {
                out.push_str(&format!("k{k}:\n"));
                for _ in 0..rng.usize(1..4) {
                    out.push_str(&format!("  - {}\n", scalar_src(rng, false)));
                }
            }
            _ => out.push_str(&format!("k{k}: |\n  block {k}\n  text\n")),
        }
    }
    out
}

/// The paths of every scalar of `v`, and a few that are missing.
fn paths(v: &Value) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    if let Value::Mapping(m) = v {
        for (k, val) in m {
            let k = k.as_str().unwrap().to_string();
            match val {
                Value::Mapping(inner) => {
                    for ik in inner.keys() {
                        out.push(vec![k.clone(), ik.as_str().unwrap().to_string()]);
                    }
                    out.push(vec![k.clone(), "new".into()]);
                }
                Value::Sequence(items) => {
                    out.extend((0..items.len()).map(|i| vec![k.clone(), format!("#{i}")]));
                }
                _ => out.push(vec![k]),
            }
        }
    }
    out.push(vec!["added".into(), "deep".into()]);
    out
}

fn segs(path: &[String]) -> Vec<Seg<'_>> {
    path.iter()
        .map(|p| match p.strip_prefix('#') {
            Some(i) => Seg::Index(i.parse().unwrap()),
            None => Seg::Key(p),
        })
        .collect()
}

#[test]
fn property_edits_change_only_their_value() {
    let mut rng = fastrand::Rng::with_seed(17);
    for round in 0..400 {
        let doc = document(&mut rng);
        let before = read(&doc);
        let all = paths(&before);
        let path = &all[rng.usize(..all.len())];
        let segs = segs(path);
        let new = word(&mut rng);
        let out = set_value(&doc, &segs, Scalar::Text(new))
            .unwrap_or_else(|e| panic!("round {round}: {e}\n{doc}\n{path:?}"));
        let mut want = before.clone();
        *at_mut(&mut want, &segs) = Value::String(new.into());
        assert_eq!(
            read(&out),
            want,
            "round {round}: {path:?} = {new:?}\n{doc}\n---\n{out}"
        );
        assert_eq!(comments(&out), comments(&doc), "round {round}\n{out}");
        assert_eq!(at(&read(&out), &segs), Some(&Value::String(new.into())));
    }
}

#[test]
fn property_appended_items_read_back() {
    let mut rng = fastrand::Rng::with_seed(5);
    for round in 0..200 {
        let doc = document(&mut rng);
        let before = read(&doc);
        let lists: Vec<String> = before
            .as_mapping()
            .unwrap()
            .iter()
            .filter(|(_, v)| v.is_sequence())
            .map(|(k, _)| k.as_str().unwrap().to_string())
            .chain(["fresh".to_string()])
            .collect();
        let key = &lists[rng.usize(..lists.len())];
        let (a, b) = (word(&mut rng), word(&mut rng));
        let item = if rng.bool() {
            Item::Scalar(Scalar::Text(a))
        } else {
            Item::Map(vec![("name", Scalar::Text(a)), ("role", Scalar::Text(b))])
        };
        let out = append_item(&doc, &[Seg::Key(key)], &item).unwrap();
        let mut want = before.clone();
        let list = at_mut(&mut want, &[Seg::Key(key)]);
        if !list.is_sequence() {
            *list = Value::Sequence(Vec::new());
        }
        let new = match &item {
            Item::Scalar(_) => Value::String(a.into()),
            Item::Map(_) => serde_yaml::to_value(Mapping::from_iter([
                (Value::String("name".into()), Value::String(a.into())),
                (Value::String("role".into()), Value::String(b.into())),
            ]))
            .unwrap(),
        };
        list.as_sequence_mut().unwrap().push(new);
        assert_eq!(read(&out), want, "round {round}\n{doc}\n---\n{out}");
        assert_eq!(comments(&out), comments(&doc));
    }
}

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

#[test]
fn property_removed_items_take_only_their_lines() {
    let mut rng = fastrand::Rng::with_seed(23);
    for round in 0..300 {
        let mut doc = document(&mut rng);
        if rng.bool() {
            doc.push_str("fl: [a, 'b c', \"d\"]  # flow list\n");
        }
        let before = read(&doc);
        let lists: Vec<(String, usize)> = (before.as_mapping().unwrap().iter())
            .filter_map(|(k, v)| Some((k.as_str()?.to_string(), v.as_sequence()?.len())))
            .collect();
        if lists.is_empty() {
            continue;
        }
        let (key, len) = &lists[rng.usize(..lists.len())];
        let index = rng.usize(..*len);
        let out = remove_item(&doc, &[Seg::Key(key)], index)
            .unwrap_or_else(|e| panic!("round {round}: {e}\n{doc}"));
        let mut want = before.clone();
        let list = at_mut(&mut want, &[Seg::Key(key)]);
        list.as_sequence_mut().unwrap().remove(index);
        assert_eq!(read(&out), want, "round {round}\n{doc}\n---\n{out}");
        assert_eq!(comments(&out), comments(&doc), "round {round}\n{out}");
    }
}
