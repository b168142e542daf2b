//! Where every page lives, and relative links between pages.
//!
//! Pages pair across languages by [`PageId`]: the same id in another
//! language is the same page, so the language switcher and hreflang always
//! point at it.

use crate::config::SiteKind;
use crate::types::{AcademicYear, RegionCode, Slug};

/// A page, independent of its language.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum PageId {
    /// This language's home page.
    Home,
    /// A club page (the home page of a school site).
    Club(Slug),
    /// A club's reports.
    Reports(Slug),
    /// One report.
    Report(Slug, AcademicYear),
    /// One activity plan.
    Plan(Slug, AcademicYear),
    /// A club's gallery.
    Gallery(Slug),
    /// A club's poster.
    Poster(Slug),
    /// All news.
    NewsList,
    /// A news item: club slug (for club news) and news slug.
    News(Option<Slug>, Slug),
    /// A free page.
    Page(Slug),
    /// The documents list.
    Documents,
    /// What the site publishes about people, and whom to ask.
    PersonalData,
    /// The version for the visually impaired: what it does, how to switch
    /// it on, and the browser's own settings that do the same.
    Accessibility,
    /// The not-found page.
    NotFound,
    /// The region index of a directory.
    Regions,
    /// One region's clubs, by region code.
    Region(RegionCode),
    /// The statistics index of a directory.
    StatisticsIndex,
    /// The statistics of one academic year.
    Statistics(AcademicYear),
}

impl PageId {
    /// The slug of the club this page belongs to, for a club's own pages.
    pub(crate) fn club(&self) -> Option<&str> {
        match self {
            PageId::Club(slug)
            | PageId::Reports(slug)
            | PageId::Report(slug, _)
            | PageId::Plan(slug, _)
            | PageId::Gallery(slug)
            | PageId::Poster(slug)
            | PageId::News(Some(slug), _) => Some(slug),
            _ => None,
        }
    }
}

/// Maps pages to output paths for one site.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Paths {
    pub kind: SiteKind,
}

impl Paths {
    /// The output file of `id` in `lang`, e.g. `kk/clubs/senim/reports/index.html`.
    pub(crate) fn file(&self, lang: &str, id: &PageId) -> String {
        let dir = self.dir(id);
        match id {
            PageId::NotFound => format!("{lang}/404.html"),
            _ if dir.is_empty() => format!("{lang}/index.html"),
            _ => format!("{lang}/{dir}/index.html"),
        }
    }

    /// The folder of `id` under the language prefix ("" for home).
    fn dir(&self, id: &PageId) -> String {
        let club = |slug: &str| match self.kind {
            SiteKind::School => String::new(),
            SiteKind::Directory => format!("clubs/{slug}"),
        };
        let under = |slug: &str, rest: &str| format!("clubs/{slug}/{rest}");
        match id {
            PageId::Home | PageId::NotFound => String::new(),
            PageId::Club(slug) => club(slug),
            PageId::Reports(slug) => under(slug, "reports"),
            PageId::Report(slug, y) => under(slug, &format!("reports/{}", y.slug())),
            PageId::Plan(slug, y) => under(slug, &format!("plans/{}", y.slug())),
            PageId::Gallery(slug) => under(slug, "gallery"),
            PageId::Poster(slug) => under(slug, "poster"),
            PageId::NewsList => "news".to_string(),
            PageId::News(None, slug) => format!("news/{slug}"),
            PageId::News(Some(club), slug) => under(club, &format!("news/{slug}")),
            PageId::Page(slug) => format!("pages/{slug}"),
            PageId::Documents => "documents".to_string(),
            PageId::PersonalData => "personal-data".to_string(),
            PageId::Accessibility => "accessibility".to_string(),
            PageId::Regions => "regions".to_string(),
            PageId::Region(code) => format!("regions/{code}"),
            PageId::StatisticsIndex => "statistics".to_string(),
            PageId::Statistics(y) => format!("statistics/{}", y.slug()),
        }
    }

    /// The pretty URL path of `id` (for canonical URLs and sitemaps):
    /// `kk/clubs/senim/` — the file path without `index.html`.
    pub(crate) fn pretty(&self, lang: &str, id: &PageId) -> String {
        let file = self.file(lang, id);
        file.strip_suffix("index.html")
            .map(str::to_string)
            .unwrap_or(file)
    }
}

/// The relative prefix from `file` (an output path) to the output root.
pub(crate) fn root_of(file: &str) -> String {
    "../".repeat(file.matches('/').count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn school_club_page_is_the_home_page() {
        let p = Paths {
            kind: SiteKind::School,
        };
        assert_eq!(p.file("kk", &PageId::Club("senim".into())), "kk/index.html");
        assert_eq!(
            p.file(
                "ru",
                &PageId::Report("senim".into(), AcademicYear { start: 2024 })
            ),
            "ru/clubs/senim/reports/2024-2025/index.html"
        );
        let d = Paths {
            kind: SiteKind::Directory,
        };
        assert_eq!(
            d.file("kk", &PageId::Club("senim".into())),
            "kk/clubs/senim/index.html"
        );
        assert_eq!(d.pretty("kk", &PageId::Home), "kk/");
        assert_eq!(
            d.file("ru", &PageId::Region("almaty-region".into())),
            "ru/regions/almaty-region/index.html"
        );
        assert_eq!(
            d.pretty("kk", &PageId::Statistics(AcademicYear { start: 2024 })),
            "kk/statistics/2024-2025/"
        );
    }

    #[test]
    fn roots_climb_to_the_output_root() {
        assert_eq!(root_of("index.html"), "");
        assert_eq!(root_of("kk/index.html"), "../");
        assert_eq!(root_of("kk/news/x/index.html"), "../../../");
    }
}
