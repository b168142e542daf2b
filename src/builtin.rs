//! Data built into the binary: the regions of Kazakhstan and the seven
//! principles of school mediation, each with kk/ru/en names.
//!
//! Layer 2: imports only `types` and `yaml`.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::types::{Localized, RegionCode};

/// A first-level administrative unit (region or city of republican significance).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    /// Code used in `school.region`, e.g. `karaganda`.
    pub code: RegionCode,
    /// ISO 3166-2 code, e.g. `KZ-35`.
    pub iso: String,
    /// Full name: «Қарағанды облысы», «Карагандинская область».
    pub name: Localized,
    /// Short name for charts: «Қарағанды обл.», never the centre's name.
    pub short: Localized,
    /// The proper name lists sort by, where the name starts with another
    /// word: «Алматы» for «Город Алматы». Per language; the name otherwise.
    #[serde(default)]
    pub sort: Option<Localized>,
    /// Administrative centre (none for the three cities).
    pub centre: Option<Localized>,
    /// Other spellings accepted by search.
    #[serde(default)]
    pub aliases: Vec<String>,
}

impl Region {
    /// What lists sort this region by in `lang`: its proper name,
    /// given the name shown (`name`, already resolved for `lang`).
    pub fn sort_name<'a>(&'a self, lang: &str, name: &'a str) -> &'a str {
        match &self.sort {
            Some(Localized::Per(map)) => map.get(lang).map_or(name, String::as_str),
            Some(Localized::All(text)) => text,
            None => name,
        }
    }

    /// True for the three cities of republican significance.
    pub fn is_city(&self) -> bool {
        self.centre.is_none()
    }
}

/// A built-in principle of mediation.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Principle {
    /// Stable key, e.g. `confidentiality`.
    pub key: String,
    /// Title.
    pub title: Localized,
    /// A sentence or two on what it means.
    pub text: Localized,
}

/// The 20 regions, in ISO code order.
pub fn regions() -> &'static [Region] {
    static REGIONS: OnceLock<Vec<Region>> = OnceLock::new();
    REGIONS.get_or_init(|| {
        crate::yaml::parse_builtin(include_str!("builtin/regions.yaml"))
            .expect("built-in regions.yaml is valid (checked by a unit test)")
    })
}

/// The region with this code.
pub fn region(code: &str) -> Option<&'static Region> {
    regions().iter().find(|r| r.code == code)
}

/// The seven built-in principles, in their canonical order.
pub fn principles() -> &'static [Principle] {
    static PRINCIPLES: OnceLock<Vec<Principle>> = OnceLock::new();
    PRINCIPLES.get_or_init(|| {
        crate::yaml::parse_builtin(include_str!("builtin/principles.yaml"))
            .expect("built-in principles.yaml is valid (checked by a unit test)")
    })
}

/// The built-in principle with this key.
pub fn principle(key: &str) -> Option<&'static Principle> {
    principles().iter().find(|p| p.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn has_twenty_regions_with_three_languages() {
        assert_eq!(regions().len(), 20);
        for r in regions() {
            for lang in ["kk", "ru", "en"] {
                assert!(r.name.has(lang), "{} lacks {lang}", r.code);
            }
        }
        let almaty_region = region("almaty-region").unwrap();
        let order = vec![crate::types::LangCode::new("kk")];
        assert_ne!(almaty_region.name.resolve("ru", &order).text, "Алматы");
    }

    #[test]
    fn has_seven_principles_in_three_languages() {
        let keys: Vec<&str> = principles().iter().map(|p| p.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "voluntariness",
                "neutrality",
                "confidentiality",
                "equality",
                "cooperation",
                "responsibility",
                "future"
            ]
        );
        for p in principles() {
            for lang in ["kk", "ru", "en"] {
                assert!(
                    p.title.has(lang) && p.text.has(lang),
                    "{} lacks {lang}",
                    p.key
                );
            }
        }
    }
}
