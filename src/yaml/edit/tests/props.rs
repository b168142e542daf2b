//! Property tests of the edits: generated documents and edits; the
//! result reads back with the intended value, every other value and every
//! comment line unchanged.

use super::*;

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
