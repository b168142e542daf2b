//! Unit tests of the schemas' shapes and texts.

use super::*;
use crate::messages::{Lang, Messages};

fn every_property(file: SchemaFile) -> Vec<(Vec<String>, Map)> {
    let mut value = schema(file, "en");
    let mut found = Vec::new();
    texts::walk(&mut value, &mut Vec::new(), &mut |path, p| {
        found.push((path.to_vec(), p.clone()))
    });
    found
}

type Map = serde_json::Map<String, Value>;

#[test]
fn schemas_are_self_contained_draft_07() {
    for file in SchemaFile::ALL {
        let value = schema(file, "kk");
        let text = value.to_string();
        assert!(!text.contains("$ref"), "{file:?}: {text}");
        assert!(!text.contains("definitions"), "{file:?}: {text}");
        assert_eq!(value["$schema"], "http://json-schema.org/draft-07/schema#");
    }
}

#[test]
fn every_property_has_a_text_in_all_three_languages() {
    let mut missing = Vec::new();
    for file in SchemaFile::ALL {
        let mut ids = vec![format!("field-{}", file.key())];
        ids.extend(every_property(file).iter().map(|(p, _)| texts::id(file, p)));
        for lang in Lang::ALL {
            let m = Messages::new(lang);
            for id in &ids {
                if m.own(id, None).is_none() || m.own(id, Some("description")).is_none() {
                    missing.push(format!("{}: {id}", lang.code()));
                }
            }
        }
    }
    missing.dedup();
    assert!(
        missing.is_empty(),
        "without a text in fields.*.ftl: {missing:#?}"
    );
}

#[test]
fn every_property_has_its_place_and_every_kind_is_known() {
    for file in SchemaFile::ALL {
        for (path, property) in every_property(file) {
            assert!(
                property.contains_key("x-bitimger-order"),
                "{file:?} {path:?}: {property:?}"
            );
            if let Some(kind) = property.get("x-bitimger-kind") {
                assert!(KINDS.contains(&kind.as_str().unwrap()), "{kind}");
            }
        }
    }
}

#[test]
fn the_loader_refuses_unknown_fields_and_so_does_the_schema() {
    for file in SchemaFile::ALL {
        for (path, property) in every_property(file) {
            let object = property.get("type") == Some(&Value::from("object"));
            if object && property.contains_key("properties") {
                assert_eq!(property["additionalProperties"], false, "{file:?} {path:?}");
            }
        }
    }
    assert_eq!(
        schema(SchemaFile::Club, "en")["additionalProperties"],
        false
    );
}

#[test]
fn kinds_and_order_follow_the_structs() {
    let club = schema(SchemaFile::Club, "ru");
    let leader = &club["properties"]["leaders"]["items"]["properties"];
    assert_eq!(leader["email"]["x-bitimger-kind"], "email");
    assert_eq!(leader["photo"]["x-bitimger-kind"], "photo");
    assert_eq!(leader["name"]["x-bitimger-kind"], "localized");
    assert_eq!(leader["name"]["x-bitimger-order"], 0);
    assert_eq!(leader["photo"]["x-bitimger-order"], 4);
    let phones = &club["properties"]["contacts"]["properties"]["phones"];
    assert_eq!(phones["items"]["x-bitimger-kind"], "phone");
    assert_eq!(club["properties"]["name"]["x-bitimger-order"], 0);
    assert_eq!(club["properties"]["school"]["x-bitimger-order"], 3);
    let per_language = &club["properties"]["name"]["anyOf"][1]["properties"];
    assert_eq!(per_language["kk"]["title"], "Қазақша");
    let title = club["properties"]["name"]["title"].as_str().unwrap();
    assert!(title.chars().any(|c| ('а'..='я').contains(&c)), "{title}");
}

#[test]
fn the_modeline_points_at_the_site_schemas() {
    assert_eq!(
        modeline(SchemaFile::Club, 2),
        "# yaml-language-server: $schema=../../.schemas/club.schema.json\n"
    );
    assert_eq!(
        modeline(SchemaFile::Site, 0),
        "# yaml-language-server: $schema=.schemas/site.schema.json\n"
    );
}
