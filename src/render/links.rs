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
        let mut out = String::with_capacity(48);
        self.push_file(&mut out, lang, id);
        out
    }

    /// Appends the output file of `id` in `lang` to `out` (links are made
    /// by the tens of thousands: pieces pushed, not formatted).
    pub(crate) fn push_file(&self, out: &mut String, lang: &str, id: &PageId) {
        out.push_str(lang);
        out.push('/');
        if matches!(id, PageId::NotFound) {
            out.push_str("404.html");
            return;
        }
        let before = out.len();
        self.push_dir(out, id);
        if out.len() > before {
            out.push('/');
        }
        out.push_str("index.html");
    }

    /// Appends the folder of `id` under the language prefix (nothing for home).
    fn push_dir(&self, out: &mut String, id: &PageId) {
        let mut club = |slug: &str, rest: &[&str]| {
            if rest.is_empty() && self.kind == SiteKind::School {
                return;
            }
            out.push_str("clubs/");
            out.push_str(slug);
            for part in rest {
                out.push('/');
                out.push_str(part);
            }
        };
        match id {
            PageId::Home | PageId::NotFound => {}
            PageId::Club(slug) => club(slug, &[]),
            PageId::Reports(slug) => club(slug, &["reports"]),
            PageId::Report(slug, y) => club(slug, &["reports", &y.slug()]),
            PageId::Plan(slug, y) => club(slug, &["plans", &y.slug()]),
            PageId::Gallery(slug) => club(slug, &["gallery"]),
            PageId::Poster(slug) => club(slug, &["poster"]),
            PageId::News(Some(c), slug) => club(c, &["news", slug]),
            PageId::NewsList => out.push_str("news"),
            PageId::News(None, slug) => {
                out.push_str("news/");
                out.push_str(slug);
            }
            PageId::Page(slug) => {
                out.push_str("pages/");
                out.push_str(slug);
            }
            PageId::Documents => out.push_str("documents"),
            PageId::PersonalData => out.push_str("personal-data"),
            PageId::Accessibility => out.push_str("accessibility"),
            PageId::Regions => out.push_str("regions"),
            PageId::Region(code) => {
                out.push_str("regions/");
                out.push_str(code.as_str());
            }
            PageId::StatisticsIndex => out.push_str("statistics"),
            PageId::Statistics(y) => {
                out.push_str("statistics/");
                out.push_str(&y.slug());
            }
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
