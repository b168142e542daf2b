//! Which pages a site has: the ids of its pages and of each club's, and the
//! jobs that render them in every language (output file, language, relative
//! root). [`Layout`] is the one place that tells what the kind of site
//! changes in its pages.
//!
//! Layer 4 (render): reads the `Site`; knows nothing of templates.

use super::super::directory;
use super::super::links::{PageId, Paths, root_of};
use crate::config::SiteKind;
use crate::content::{Club, Site};
use crate::types::{Date, LangCode};

/// What a page is.
#[derive(Debug, Clone)]
pub(crate) enum JobKind {
    /// A page in a language.
    Page(PageId),
    /// The root language chooser.
    Landing,
    /// The root 404 page.
    RootNotFound,
}

/// One page to render.
#[derive(Debug, Clone)]
pub(crate) struct PageJob {
    pub kind: JobKind,
    pub lang: LangCode,
    pub file: String,
    pub root: String,
}

/// Every page of the site, in every language.
pub(crate) fn plan_pages(site: &Site, today: Date) -> Vec<PageJob> {
    let _ = today;
    let layout = Layout::of(site);
    let mut ids = vec![
        PageId::Home,
        PageId::NewsList,
        PageId::Documents,
        PageId::PersonalData,
        PageId::Accessibility,
        PageId::NotFound,
    ];
    for club in &site.clubs {
        ids.extend(layout.club_page_ids(club));
    }
    ids.extend(site.news.iter().map(|n| PageId::News(None, n.slug.clone())));
    ids.extend(site.pages.iter().map(|p| PageId::Page(p.slug.clone())));
    ids.extend(layout.own_pages(site));
    let default = site.config.default_lang().clone();
    let mut jobs = vec![
        PageJob {
            kind: JobKind::Landing,
            lang: default.clone(),
            file: "index.html".into(),
            root: String::new(),
        },
        PageJob {
            kind: JobKind::RootNotFound,
            lang: default,
            file: "404.html".into(),
            root: site.config.base_path(),
        },
    ];
    jobs.extend(jobs_for(site, &ids));
    jobs
}

/// What the kind of site (school site or regional directory) changes in
/// which pages it has. Page planning, the sitemap and the nav ask this, in
/// this one place, instead of the site kind: a school site's one club is
/// its home page; a directory gives each club a page of its own and has
/// region and statistics pages.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Layout<'a> {
    /// A school site, with its club (a valid one has exactly one).
    School(Option<&'a Club>),
    /// A regional directory.
    Directory,
}

impl<'a> Layout<'a> {
    /// The layout of `site`.
    pub(crate) fn of(site: &'a Site) -> Self {
        match site.config.kind {
            SiteKind::School => Layout::School(site.clubs.first()),
            SiteKind::Directory => Layout::Directory,
        }
    }

    /// The club the home page shows: a school site's.
    pub(crate) fn home_club(self) -> Option<&'a Club> {
        match self {
            Layout::School(club) => club,
            Layout::Directory => None,
        }
    }

    /// The page of `club` itself: a directory's club page (a school site's
    /// club is its home page).
    pub(crate) fn club_page(self, club: &Club) -> Option<PageId> {
        match self {
            Layout::School(_) => None,
            Layout::Directory => Some(PageId::Club(club.slug.clone())),
        }
    }

    /// The pages only this kind of site has: a directory's regions and
    /// statistics.
    pub(crate) fn own_pages(self, site: &Site) -> Vec<PageId> {
        match self {
            Layout::School(_) => Vec::new(),
            Layout::Directory => directory::page_ids(site),
        }
    }

    /// The pages showing `club`: its own, and the home page of a school
    /// site.
    pub(crate) fn pages_showing(self, club: &Club) -> Vec<PageId> {
        let mut ids = self.club_page_ids(club);
        if let Layout::School(_) = self {
            ids.insert(0, PageId::Home);
        }
        ids
    }

    /// The pages of one club: its page (directories), reports, poster,
    /// gallery, each report, plan and news item.
    pub(crate) fn club_page_ids(self, club: &Club) -> Vec<PageId> {
        let slug = &club.slug;
        let mut ids: Vec<PageId> = self.club_page(club).into_iter().collect();
        ids.push(PageId::Reports(slug.clone()));
        ids.push(PageId::Poster(slug.clone()));
        if !club.gallery.photos.is_empty() {
            ids.push(PageId::Gallery(slug.clone()));
        }
        ids.extend(
            club.reports
                .iter()
                .map(|r| PageId::Report(slug.clone(), r.year)),
        );
        ids.extend(
            club.plans
                .iter()
                .map(|p| PageId::Plan(slug.clone(), p.year)),
        );
        ids.extend(
            club.news
                .iter()
                .map(|n| PageId::News(Some(slug.clone()), n.slug.clone())),
        );
        ids
    }
}

/// Whether page `id` is published in `lang`: every page is, but a news
/// item or a page whose `languages:` leaves `lang` out.
pub(crate) fn published_in(site: &Site, id: &PageId, lang: &str) -> bool {
    match id {
        PageId::News(club, slug) => {
            let list = match club {
                Some(c) => site.club(c.as_str()).map_or(&[][..], |c| &c.news[..]),
                None => &site.news[..],
            };
            list.iter()
                .find(|n| &n.slug == slug)
                .is_none_or(|n| n.published_in(lang))
        }
        PageId::Page(slug) => site
            .pages
            .iter()
            .find(|p| &p.slug == slug)
            .is_none_or(|p| p.published_in(lang)),
        _ => true,
    }
}

/// The jobs of `ids` in every language of the site (that each is
/// published in).
pub(crate) fn jobs_for(site: &Site, ids: &[PageId]) -> Vec<PageJob> {
    let paths = Paths {
        kind: site.config.kind,
    };
    let mut jobs = Vec::with_capacity(ids.len() * site.config.languages.len());
    for lang in &site.config.languages {
        for id in ids.iter().filter(|id| published_in(site, id, lang)) {
            let file = paths.file(lang, id);
            let root = if *id == PageId::NotFound {
                site.config.base_path()
            } else {
                root_of(&file)
            };
            jobs.push(PageJob {
                kind: JobKind::Page(id.clone()),
                lang: lang.clone(),
                file,
                root,
            });
        }
    }
    jobs
}
