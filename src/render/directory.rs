//! The pages of a directory site: the directory home (every club as a card,
//! grouped by region and locality), the region index and the region pages.
//! Everything is sorted in the page language's alphabetical order.

use serde::Serialize;

use super::Env;
use super::kinds::PageKind;
use super::links::PageId;
use super::pages::{Crumb, Extra, Partial, json};
use super::views::{Grades, RegionView, ReportSummary, Text};
use crate::builtin;
use crate::content::stats::report_years;
use crate::content::{Club, FeedbackKind, Indicator, Site};
use crate::i18n::sort_key;
use crate::types::RegionCode;

/// The pages a directory has beyond the club pages: regions with clubs,
/// statistics per academic year (asked through `pages::Layout`).
pub(crate) fn page_ids(site: &Site) -> Vec<PageId> {
    let mut ids = vec![PageId::Regions, PageId::StatisticsIndex];
    ids.extend(region_codes(site).into_iter().map(PageId::Region));
    ids.extend(
        report_years(&site.clubs)
            .into_iter()
            .map(PageId::Statistics),
    );
    ids
}

/// Codes of the regions that have clubs, in code order.
pub(crate) fn region_codes(site: &Site) -> Vec<RegionCode> {
    let mut codes: Vec<RegionCode> = site.clubs.iter().map(|c| c.school.region.clone()).collect();
    codes.sort();
    codes.dedup();
    codes
}

/// A club as a card of the directory.
#[derive(Serialize)]
pub(crate) struct ClubCard<'a> {
    slug: &'a str,
    href: String,
    name: Text<'a>,
    unit: Option<Text<'a>>,
    school: Text<'a>,
    locality: Option<Text<'a>>,
    region: RegionView<'a>,
    /// The locality is the region itself, a city: «Алматы», not «Алматы, Город Алматы».
    city_named: bool,
    grades: Option<Grades>,
    members: Option<u32>,
    latest: Option<ReportSummary>,
    apply: Option<&'a str>,
}

/// Clubs of one locality.
#[derive(Serialize)]
pub(crate) struct LocalityGroup<'a> {
    id: String,
    name: Option<Text<'a>>,
    clubs: Vec<ClubCard<'a>>,
}

/// A region with its clubs, by locality.
#[derive(Serialize)]
pub(crate) struct RegionGroup<'a> {
    #[serde(flatten)]
    link: RegionLink<'a>,
    localities: Vec<LocalityGroup<'a>>,
}

/// A region of the directory, with a link to its page.
#[derive(Serialize)]
pub(crate) struct RegionLink<'a> {
    pub code: &'a str,
    pub iso: Option<&'a str>,
    pub name: Text<'a>,
    pub short: Text<'a>,
    pub centre: Option<Text<'a>>,
    pub href: String,
    pub count: usize,
    /// The proper name lists sort by («Алматы» for «Город Алматы»).
    #[serde(skip)]
    pub sort: &'a str,
}

impl<'a> Env<'a> {
    /// The card of `club`.
    pub(crate) fn club_card(&self, club: &'a Club) -> ClubCard<'a> {
        // Few figures on a card: a directory may list thousands of clubs.
        let latest = club
            .reports
            .first()
            .map(|r| self.report_summary_of(club, r, Indicator::on_card));
        ClubCard {
            slug: &club.slug,
            href: self.href(&PageId::Club(club.slug.clone())),
            name: self.text(&club.name),
            unit: club.unit.as_ref().map(|u| self.text(u)),
            school: self.text(&club.school.name),
            locality: club.school.locality.as_ref().map(|l| self.text(l)),
            region: self.region(&club.school.region),
            city_named: self.names_the_city(&club.school),
            grades: club
                .members
                .as_ref()
                .and_then(|m| m.grades)
                .map(Grades::new),
            members: club.members.as_ref().and_then(|m| m.count),
            latest,
            apply: club
                .feedback
                .iter()
                .find(|f| f.kind == FeedbackKind::Application)
                .map(|f| f.url.url.as_str()),
        }
    }

    /// The link to region `code`, with its number of clubs.
    pub(crate) fn region_link(&self, code: &'a str) -> RegionLink<'a> {
        let region = builtin::region(code);
        let fallback = self.region(code).name;
        let name = region.map_or(fallback, |r| self.text(&r.name));
        RegionLink {
            code,
            iso: region.map(|r| r.iso.as_str()),
            name,
            sort: region.map_or(name.text, |r| r.sort_name(self.lang, name.text)),
            short: region.map_or(fallback, |r| self.text(&r.short)),
            centre: region.and_then(|r| r.centre.as_ref()).map(|c| self.text(c)),
            href: self.href(&PageId::Region(code.into())),
            count: self
                .site
                .clubs
                .iter()
                .filter(|c| c.school.region == code)
                .count(),
        }
    }

    /// Every region with clubs, in alphabetical order of its proper name.
    pub(crate) fn region_links(&self) -> Vec<RegionLink<'a>> {
        let mut links: Vec<RegionLink<'a>> = self
            .site
            .clubs
            .iter()
            .map(|c| c.school.region.as_str())
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .map(|code| self.region_link(code))
            .collect();
        links.sort_by_cached_key(|l| sort_key(self.lang, l.sort));
        links
    }

    /// The clubs of region `code` grouped by locality, localities and clubs
    /// in alphabetical order; clubs without a locality come last.
    fn localities(&self, code: &str) -> Vec<LocalityGroup<'a>> {
        let mut cards: Vec<ClubCard<'a>> = self
            .site
            .clubs
            .iter()
            .filter(|c| c.school.region == code)
            .map(|c| self.club_card(c))
            .collect();
        let lang = self.lang;
        // Clubs without a locality last; keys computed once per club.
        cards.sort_by_cached_key(|c| {
            (
                c.locality.is_none(),
                c.locality.map(|l| sort_key(lang, l.text)),
                sort_key(lang, c.name.text),
                sort_key(lang, c.school.text),
            )
        });
        let mut groups: Vec<LocalityGroup<'a>> = Vec::new();
        for card in cards {
            let name = card.locality;
            match groups.last_mut() {
                Some(g) if g.name.map(|n| n.text) == name.map(|n| n.text) => g.clubs.push(card),
                _ => groups.push(LocalityGroup {
                    id: format!("{code}-{}", groups.len() + 1),
                    name,
                    clubs: vec![card],
                }),
            }
        }
        groups
    }

    /// Every region with its clubs, for the directory home.
    fn region_groups(&self) -> Vec<RegionGroup<'a>> {
        self.region_links()
            .into_iter()
            .map(|link| RegionGroup {
                localities: self.localities(link.code),
                link,
            })
            .collect()
    }
}

/// The directory home: the search form and every club by region (`groups`),
/// and every club in one list (`clubs`) for templates that want no grouping.
pub(super) fn home(env: &Env<'_>, id: &PageId) -> (Partial, Extra) {
    let site = env.site;
    let p = Partial::localized(
        PageKind::Directory,
        env.text(&site.config.title),
        id.clone(),
    );
    let groups = env.region_groups();
    let regions: Vec<&RegionLink<'_>> = groups.iter().map(|g| &g.link).collect();
    let mut clubs: Vec<ClubCard<'_>> = site.clubs.iter().map(|c| env.club_card(c)).collect();
    clubs.sort_by_cached_key(|c| sort_key(env.lang, c.name.text));
    (
        p,
        vec![
            ("clubs", json(&clubs)),
            ("regions", json(&regions)),
            ("groups", json(&groups)),
            ("clubs_count", json(&site.clubs.len())),
            (
                "search_index",
                json(&format!("{}data/search.json", env.root)),
            ),
            (
                "search_script",
                json(&format!("{}assets/search.js", env.root)),
            ),
        ],
    )
}

/// The region index.
pub(super) fn regions(env: &Env<'_>, id: &PageId) -> (Partial, Extra) {
    let mut p = Partial::new(
        PageKind::Regions,
        &env.i18n.get(env.lang, "nav-regions"),
        id.clone(),
    );
    p.nav = "regions";
    (
        p,
        vec![
            ("regions", json(&env.region_links())),
            ("clubs_count", json(&env.site.clubs.len())),
        ],
    )
}

/// One region's page: its clubs by locality; `None` for a region without clubs.
pub(super) fn region(env: &Env<'_>, id: &PageId, code: &str) -> Option<(Partial, Extra)> {
    let code = env
        .site
        .clubs
        .iter()
        .map(|c| c.school.region.as_str())
        .find(|c| *c == code)?;
    let link = env.region_link(code);
    let mut p = Partial::localized(PageKind::Region, link.name, id.clone());
    p.nav = "regions";
    p.crumbs.push(Crumb::new(
        env.i18n.get(env.lang, "nav-regions"),
        env.href(&PageId::Regions),
    ));
    Some((
        p,
        vec![
            ("localities", json(&env.localities(code))),
            ("region", json(&link)),
            ("regions", json(&env.region_links())),
        ],
    ))
}
