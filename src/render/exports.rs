//! Machine-readable files of a directory site (docs/directory.md documents
//! them for the people who use them):
//!
//! - `data/indicators.csv` and `data/indicators-excel.csv`: a row per club ×
//!   academic year × period (the year or a quarter), written by `spreadsheets`;
//! - `data/clubs.json`: every club with its contacts, feedback links and
//!   figures;
//! - `data/search.json`: the search index of the directory home, loaded by
//!   `assets/search.js` on first use.

use std::collections::BTreeMap;

use serde::Serialize;

use super::OutputFile;
use super::links::{PageId, Paths};
use super::spreadsheets::{self, Flavour};
use crate::builtin;
use crate::content::Site;
use crate::content::model::{Club, Contacts, Figures, Indicator, Report, School, Status};
use crate::content::slug::slugify;
use crate::i18n::script::fold_mixed;
use crate::types::{LangCode, Localized};

/// Version of the JSON files' layout; raised when a field changes meaning.
const FORMAT_VERSION: u32 = 1;

/// The export files of a directory site (none for a school site).
pub(crate) fn render_exports(site: &Site, paths: Paths) -> Vec<OutputFile> {
    if site.config.kind != crate::config::SiteKind::Directory {
        return Vec::new();
    }
    let csv = spreadsheets::indicators(site).map(|(flavour, bytes)| OutputFile::Bytes {
        path: match flavour {
            Flavour::Comma => "data/indicators.csv",
            Flavour::Excel => "data/indicators-excel.csv",
        }
        .into(),
        bytes,
    });
    csv.into_iter()
        .chain([
            OutputFile::Bytes {
                path: "data/clubs.json".into(),
                bytes: to_json(&clubs_json(site, paths)),
            },
            OutputFile::Bytes {
                path: "data/search.json".into(),
                bytes: to_json(&search_index(site)),
            },
        ])
        .collect()
}

fn to_json<T: Serialize>(value: &T) -> Vec<u8> {
    let mut bytes = serde_json::to_vec(value).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

// ------------------------------------------------------------ clubs.json

#[derive(Serialize)]
struct ClubsFile<'a> {
    version: u32,
    generator: String,
    languages: &'a [LangCode],
    indicators: &'static [Indicator],
    clubs: Vec<ClubEntry<'a>>,
}

type Texts = BTreeMap<LangCode, String>;

#[derive(Serialize)]
struct ClubEntry<'a> {
    slug: &'a str,
    name: Texts,
    unit: Option<Texts>,
    school: SchoolEntry<'a>,
    members: Option<MembersEntry>,
    leaders: Vec<LeaderEntry<'a>>,
    contacts: ContactsEntry<'a>,
    feedback: BTreeMap<&'static str, &'a str>,
    pages: BTreeMap<&'a str, String>,
    reports: Vec<ReportEntry<'a>>,
}

#[derive(Serialize)]
struct SchoolEntry<'a> {
    name: Texts,
    region: RegionEntry<'a>,
    locality: Option<Texts>,
    district: Option<Texts>,
    address: Option<Texts>,
    website: Option<&'a str>,
}

#[derive(Serialize)]
struct RegionEntry<'a> {
    code: &'a str,
    iso: Option<&'a str>,
    name: Texts,
}

#[derive(Serialize)]
struct MembersEntry {
    grades: Option<[u8; 2]>,
    count: Option<u32>,
}

#[derive(Serialize)]
struct LeaderEntry<'a> {
    name: Texts,
    role: Option<Texts>,
    phone: Option<&'a str>,
    email: Option<&'a str>,
}

#[derive(Serialize)]
struct ContactsEntry<'a> {
    room: Option<&'a str>,
    phones: Vec<&'a str>,
    email: Option<&'a str>,
    instagram: Option<String>,
}

/// A period's figures by key: clubs.json lists them in alphabetical order.
type KeyedFigures = BTreeMap<&'static str, u64>;

#[derive(Serialize)]
struct ReportEntry<'a> {
    year: String,
    status: Status,
    indicators: KeyedFigures,
    quarters: BTreeMap<&'static str, KeyedFigures>,
    trust_box: Option<bool>,
    cases_by_parties: &'a BTreeMap<&'static str, u64>,
}

/// Every site language that has the text → the text.
fn texts(value: &Localized, langs: &[LangCode]) -> Texts {
    langs
        .iter()
        .filter(|l| value.has(l))
        .map(|l| (l.clone(), value.resolve(l, langs).text.to_string()))
        .collect()
}

fn clubs_json(site: &Site, paths: Paths) -> ClubsFile<'_> {
    let langs = &site.config.languages;
    ClubsFile {
        version: FORMAT_VERSION,
        generator: format!("bitimger {}", env!("CARGO_PKG_VERSION")),
        languages: langs,
        indicators: Indicator::ALL,
        clubs: site
            .clubs
            .iter()
            .map(|c| club_entry(site, paths, c))
            .collect(),
    }
}

/// One club in clubs.json.
fn club_entry<'a>(site: &'a Site, paths: Paths, club: &'a Club) -> ClubEntry<'a> {
    let langs = &site.config.languages;
    let t = |v: &Localized| texts(v, langs);
    let page = |lang: &str| {
        let path = paths.pretty(lang, &PageId::Club(club.slug.clone()));
        match &site.config.base_url {
            Some(base) => format!("{base}{path}"),
            None => path,
        }
    };
    ClubEntry {
        slug: &club.slug,
        name: t(&club.name),
        unit: club.unit.as_ref().map(t),
        school: school_entry(&club.school, langs),
        members: club.members.as_ref().map(|m| MembersEntry {
            grades: m.grades.map(|(a, b)| [a, b]),
            count: m.count,
        }),
        leaders: club
            .leaders
            .iter()
            .map(|l| LeaderEntry {
                name: t(&l.name),
                role: l.role.as_ref().map(t),
                phone: l.phone.as_deref(),
                email: l.email.as_deref(),
            })
            .collect(),
        contacts: contacts_entry(club.contacts.as_ref()),
        feedback: club
            .feedback
            .iter()
            .map(|f| (f.kind.key(), f.url.url.as_str()))
            .collect(),
        pages: langs.iter().map(|l| (l.as_str(), page(l))).collect(),
        reports: club.reports.iter().map(report_entry).collect(),
    }
}

/// A club's school in clubs.json, with its region.
fn school_entry<'a>(school: &'a School, langs: &[LangCode]) -> SchoolEntry<'a> {
    let t = |v: &Localized| texts(v, langs);
    let region = builtin::region(&school.region);
    SchoolEntry {
        name: t(&school.name),
        region: RegionEntry {
            code: &school.region,
            iso: region.map(|r| r.iso.as_str()),
            name: region.map(|r| t(&r.name)).unwrap_or_default(),
        },
        locality: school.locality.as_ref().map(t),
        district: school.district.as_ref().map(t),
        address: school.address.as_ref().map(t),
        website: school.website.as_ref().map(|w| w.url.as_str()),
    }
}

/// How to reach a club, in clubs.json (empty fields when it has no
/// contacts).
fn contacts_entry(contacts: Option<&Contacts>) -> ContactsEntry<'_> {
    ContactsEntry {
        room: contacts.and_then(|c| c.room.as_deref()),
        phones: contacts
            .map(|c| c.phones.iter().map(String::as_str).collect())
            .unwrap_or_default(),
        email: contacts.and_then(|c| c.email.as_deref()),
        instagram: contacts
            .and_then(|c| c.instagram.as_deref())
            .map(|h| format!("https://www.instagram.com/{h}/")),
    }
}

fn report_entry(r: &Report) -> ReportEntry<'_> {
    ReportEntry {
        year: r.year.slug(),
        status: r.status,
        indicators: keyed(&r.figures),
        quarters: r
            .quarters
            .iter()
            .map(|(q, f)| (q.key(), keyed(f)))
            .collect(),
        trust_box: r.trust_box,
        cases_by_parties: &r.cases_by_parties,
    }
}

fn keyed(figures: &Figures) -> KeyedFigures {
    figures.iter().map(|(k, v)| (k.key(), *v)).collect()
}

// ----------------------------------------------------------- search.json

#[derive(Serialize)]
struct SearchIndex<'a> {
    version: u32,
    /// `[slug, region code, searchable text]` per club.
    clubs: Vec<(&'a str, &'a str, String)>,
}

/// Club, school and locality names in every language, plus their Latin
/// transliterations, so any spelling finds the club on any language's page;
/// a Latin look-alike inside a Cyrillic word is written as the Cyrillic
/// letter (`i18n::script`).
fn search_index(site: &Site) -> SearchIndex<'_> {
    let clubs = site
        .clubs
        .iter()
        .map(|c| {
            let mut names: Vec<String> = Vec::new();
            let sources = [
                Some(&c.name),
                Some(&c.school.name),
                c.school.locality.as_ref(),
            ];
            for value in sources.into_iter().flatten() {
                for text in value.texts() {
                    // «Сенiм» typed with a Latin `i` is indexed as «Сенім»;
                    // search.js folds the query the same way.
                    let text = fold_mixed(text.trim());
                    let latin = slugify(&text).replace('-', " ");
                    for name in [text.into_owned(), latin] {
                        if !name.is_empty() && !names.contains(&name) {
                            names.push(name);
                        }
                    }
                }
            }
            (c.slug.as_str(), c.school.region.as_str(), names.join(" | "))
        })
        .collect();
    SearchIndex {
        version: FORMAT_VERSION,
        clubs,
    }
}
