//! Which pages a site has: the ids of its pages and of each club's, and the
//! jobs that render them in every language (output file, language, relative
//! root).
//!
//! Layer 4 (render): reads the `Site`; knows nothing of templates.

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
    let mut ids = vec![
        PageId::Home,
        PageId::NewsList,
        PageId::Documents,
        PageId::NotFound,
    ];
    for club in &site.clubs {
        ids.extend(club_page_ids(site, club));
    }
    ids.extend(site.news.iter().map(|n| PageId::News(None, n.slug.clone())));
    ids.extend(site.pages.iter().map(|p| PageId::Page(p.slug.clone())));
    ids.extend(super::super::directory::page_ids(site));
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

/// The pages of one club: its page (directories), reports, poster,
/// gallery, each report, plan and news item.
pub(crate) fn club_page_ids(site: &Site, club: &Club) -> Vec<PageId> {
    let slug = &club.slug;
    let mut ids = Vec::new();
    if site.config.kind == SiteKind::Directory {
        ids.push(PageId::Club(slug.clone()));
    }
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

/// The jobs of `ids` in every language of the site.
pub(crate) fn jobs_for(site: &Site, ids: &[PageId]) -> Vec<PageJob> {
    let paths = Paths {
        kind: site.config.kind,
    };
    let mut jobs = Vec::with_capacity(ids.len() * site.config.languages.len());
    for lang in &site.config.languages {
        for id in ids {
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
