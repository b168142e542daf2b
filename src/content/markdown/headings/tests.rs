//! Tests of heading ids and levels.

use super::*;

/// Every `id="..."` of the default theme's templates is reserved: a
/// literal one by name, one made from data (`principle-{{ p.key }}`)
/// by its beginning. Ids made wholly from data (`{{ c.id }}`,
/// `{{ fig_id }}-caption`) are set in the templates to reserved values
/// or are on pages without Markdown (the statistics' charts).
#[test]
fn the_themes_own_ids_are_reserved() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates");
    let mut files = vec![dir.clone()];
    let mut seen = 0;
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for part in text.split(" id=\"").skip(1) {
            let id = &part[..part.find('"').unwrap()];
            let fixed = id.split("{{").next().unwrap();
            if fixed.is_empty() {
                continue;
            }
            seen += 1;
            assert!(is_reserved(fixed), "{}: id `{id}`", path.display());
        }
    }
    assert!(seen > 40, "{seen} ids read");
}

#[test]
fn prefixes_and_explicit_ids_never_loop_or_repeat() {
    let mut ids = HeadingIds::default();
    assert_eq!(ids.unique("principle-x".into()), "text-principle-x");
    assert_eq!(ids.claim("main").as_deref(), Some("main-2"));
    assert_eq!(ids.claim("mine"), None);
    assert_eq!(ids.claim("mine").as_deref(), Some("mine-2"));
    assert_eq!(ids.unique("mine".into()), "mine-3");
    let (html, renamed) = rename_raw_ids(
        "<p id=\"top\" title=\" id=&quot;x\">a</p><b id=\"b\">".into(),
        &mut ids,
    );
    assert_eq!(
        html,
        "<p id=\"top-2\" title=\" id=&quot;x\">a</p><b id=\"b\">"
    );
    assert_eq!(
        renamed,
        [Renamed {
            id: "top".to_string(),
            given: "top-2".to_string(),
            earlier: 0
        }]
    );
}

#[test]
fn the_place_of_an_id_is_an_attribute_of_its_own() {
    let md = "<p data-id=\"top\">a</p>\n<p id=topper>b</p>\n<p\nid=top>c</p>";
    assert_eq!(id_written_at(md, "top"), md.find("id=top>"));
    assert_eq!(id_written_at("<p id='top'>", "top"), Some(3));
    assert_eq!(id_written_at("<p aid=\"top\">", "top"), None);
}

#[test]
fn ids_are_numbered_past_those_taken() {
    let mut ids = HeadingIds::default();
    let got: Vec<String> = ["h", "h-2", "h", "h", "goals", "h-4"]
        .iter()
        .map(|b| ids.unique(b.to_string()))
        .collect();
    assert_eq!(got, ["h", "h-2", "h-3", "h-4", "goals-2", "h-4-2"]);
}
