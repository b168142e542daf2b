//! A submitted form made into the new texts of its files: only the values
//! that differ from the file are edited (through `yaml`'s
//! format-preserving edits), so every other line stays as written.
//!
//! Layer 8: part of `editor`.

use std::collections::{BTreeMap, HashMap};

use super::form::FilePart;
use crate::yaml::{EditError, Outline, Scalar, Seg};

/// The path of a field name's `a/#0/b`.
fn segs(path: &str) -> Vec<Seg<'_>> {
    path.split('/')
        .filter(|s| !s.is_empty())
        .map(|p| match p.strip_prefix('#').and_then(|n| n.parse().ok()) {
            Some(n) => Seg::Index(n),
            None => Seg::Key(p),
        })
        .collect()
}

fn at<'o>(outline: &'o Outline, path: &[Seg<'_>]) -> Option<&'o Outline> {
    path.iter().try_fold(outline, |o, seg| match (o, seg) {
        (Outline::Group(g), Seg::Key(k)) => g.iter().find(|(n, _)| n == k).map(|(_, v)| v),
        (Outline::List(l), Seg::Index(i)) => l.get(*i),
        _ => None,
    })
}

/// Browsers send line breaks as CRLF.
fn unix(s: &str) -> String {
    s.replace("\r\n", "\n")
}

/// The new text of each file of the form that changed, by its index.
pub(crate) fn apply(
    files: &[FilePart],
    texts: &[String],
    form: &HashMap<String, String>,
    langs: &[String],
) -> Result<Vec<(usize, String)>, EditError> {
    let form = &shared_values(files, form)?;
    let mut changed = Vec::new();
    for (i, file) in files.iter().enumerate() {
        let mut yaml = file.yaml.clone();
        let old = crate::yaml::outline(&yaml).map_err(EditError::Shape)?;
        yaml = scalars(&yaml, &old, i, form, file.describe.as_ref())?;
        yaml = localized(&yaml, &old, i, form, langs)?;
        if let Some(add) = form
            .get("add")
            .and_then(|a| a.strip_prefix(&format!("{i}:")))
        {
            yaml = crate::yaml::duplicate_last(&yaml, &segs(add))?;
        }
        if let Some((list, index)) = removed(form, i) {
            yaml = crate::yaml::remove_item(&yaml, &segs(list), index)?;
        }
        let body = form.get(&format!("b{i}")).map(|b| unix(b));
        let text = rebuild(&texts[i], file, &yaml, body.as_deref());
        if text != texts[i] {
            changed.push((i, text));
        }
    }
    Ok(changed)
}

/// The list and the index of the item a "Remove" button of file `i`
/// asks to remove (`remove=0:leaders/#1`).
fn removed(form: &HashMap<String, String>, i: usize) -> Option<(&str, usize)> {
    let item = form.get("remove")?.strip_prefix(&format!("{i}:"))?;
    let (list, index) = item.rsplit_once("/#")?;
    Some((list, index.parse().ok()?))
}

/// The language versions of a document share their figures, dates and
/// status (a report's versions must agree): a value changed in one file
/// and left as it was in another that had the same is changed there too.
fn shared_values(
    files: &[FilePart],
    form: &HashMap<String, String>,
) -> Result<HashMap<String, String>, EditError> {
    let mut out = form.clone();
    if files.len() < 2 {
        return Ok(out);
    }
    let olds: Vec<Outline> = files
        .iter()
        .map(|f| crate::yaml::outline(&f.yaml).map_err(EditError::Shape))
        .collect::<Result<_, _>>()?;
    let shown = |o: Option<&Outline>| match o {
        Some(Outline::Text(t) | Outline::Number(t)) => Some(t.clone()),
        Some(Outline::Bool(b)) => Some(b.to_string()),
        _ => None,
    };
    for (i, old) in olds.iter().enumerate() {
        let prefix = format!("v{i}:");
        for (name, value) in form.iter().filter(|(k, _)| k.starts_with(&prefix)) {
            let path = &name[prefix.len()..];
            let before = shown(at(old, &segs(path)));
            if before.as_deref() == Some(unix(value).as_str()) || before.is_none() {
                continue;
            }
            for (j, other) in olds.iter().enumerate().filter(|(j, _)| *j != i) {
                let key = format!("v{j}:{path}");
                let theirs = shown(at(other, &segs(path)));
                if theirs == before && form.get(&key).map(|v| unix(v)) == theirs {
                    out.insert(key, value.clone());
                }
            }
        }
    }
    Ok(out)
}

fn scalars(
    yaml: &str,
    old: &Outline,
    i: usize,
    form: &HashMap<String, String>,
    describe: Option<&super::describe::Describe>,
) -> Result<String, EditError> {
    let prefix = format!("v{i}:");
    let mut out = yaml.to_string();
    let mut fields: Vec<(&String, &String)> = form
        .iter()
        .filter(|(k, _)| k.starts_with(&prefix))
        .collect();
    fields.sort();
    for (name, value) in fields {
        let path = segs(&name[prefix.len()..]);
        let names: Vec<String> = name[prefix.len()..]
            .split('/')
            .map(str::to_string)
            .collect();
        let number = describe.is_some_and(|d| d.is_number(&names));
        let yes_no = describe.is_some_and(|d| d.is_bool(&names));
        let value = unix(value);
        let scalar = match at(old, &path) {
            Some(Outline::Text(t)) if *t == value => continue,
            Some(Outline::Number(n)) if *n == value => continue,
            Some(Outline::Bool(b)) if b.to_string() == value => continue,
            Some(Outline::Empty) | None if value.is_empty() => continue,
            // An unticked box of a field the file does not have: still "no".
            Some(Outline::Empty) | None if yes_no && value == "false" => continue,
            _ if yes_no && (value == "true" || value == "false") => Scalar::Bool(value == "true"),
            Some(Outline::Number(_)) if value.parse::<f64>().is_ok() => Scalar::Number(&value),
            _ if number && value.parse::<f64>().is_ok() => Scalar::Number(&value),
            Some(Outline::Bool(_)) if value == "true" || value == "false" => {
                Scalar::Bool(value == "true")
            }
            _ => Scalar::Text(&value),
        };
        out = crate::yaml::set_value(&out, &path, scalar)?;
    }
    Ok(out)
}

fn localized(
    yaml: &str,
    old: &Outline,
    i: usize,
    form: &HashMap<String, String>,
    langs: &[String],
) -> Result<String, EditError> {
    let prefix = format!("l{i}:");
    let mut groups: BTreeMap<&str, Vec<(&str, String)>> = BTreeMap::new();
    for (name, value) in form {
        let Some((path, lang)) = name.strip_prefix(&prefix).and_then(|n| n.rsplit_once('@')) else {
            continue;
        };
        groups.entry(path).or_default().push((lang, unix(value)));
    }
    let mut out = yaml.to_string();
    for (path, mut values) in groups {
        values.sort_by_key(|(l, _)| langs.iter().position(|x| x == l));
        let segs = segs(path);
        let same = values.iter().all(|(lang, v)| {
            let current = match at(old, &segs) {
                Some(Outline::Group(g)) => {
                    g.iter().find(|(k, _)| k == lang).map(|(_, v)| v.clone())
                }
                Some(other) => Some(other.clone()),
                None => None,
            };
            match current {
                Some(Outline::Text(t)) => t == *v,
                Some(Outline::Empty) | None => v.is_empty(),
                _ => false,
            }
        });
        if !same {
            let pairs: Vec<(&str, &str)> = values.iter().map(|(l, v)| (*l, v.as_str())).collect();
            out = crate::yaml::set_localized(&out, &segs, &pairs)?;
        }
    }
    Ok(out)
}

/// The file's text with its YAML (and Markdown text) replaced, every other
/// character (the `---` lines) as it was.
fn rebuild(text: &str, file: &FilePart, yaml: &str, body: Option<&str>) -> String {
    if !file.part.markdown {
        return yaml.to_string();
    }
    let Ok(split) = crate::content::split_front_matter(text) else {
        return text.to_string();
    };
    let base = text.as_ptr() as usize;
    let front_at = split.front.as_ptr() as usize - base;
    let body_at = split.body.as_ptr() as usize - base;
    let mut out = String::new();
    if split.has_front {
        out.push_str(&text[..front_at]);
        out.push_str(yaml);
        out.push_str(&text[front_at + split.front.len()..body_at]);
    } else if !yaml.trim().is_empty() {
        out.push_str("---\n");
        out.push_str(yaml);
        out.push_str("---\n");
    }
    out.push_str(body.unwrap_or(split.body));
    out
}
