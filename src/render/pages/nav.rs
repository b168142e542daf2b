//! The site's nav, on every page but the language chooser: home, the
//! directory's or the school club's sections, news, the free pages,
//! documents; the page's own section marked current.
//!
//! Layer 4 (render): reads the `Site` through the page's [`Env`].

use serde::Serialize;

use super::super::Env;
use super::super::links::PageId;
use super::frame::fallback_lang;
use super::plan::Layout;
use crate::content::Page;

#[derive(Serialize)]
pub(super) struct NavItem {
    key: &'static str,
    label: String,
    href: String,
    current: bool,
    /// The label's language when it fell back to another one.
    lang: Option<String>,
}

/// The nav of a page in section `current` (`""` when in none), page `id`.
pub(super) fn nav(env: &Env<'_>, current: &str, id: &PageId) -> Vec<NavItem> {
    let site = env.site;
    let layout = Layout::of(site);
    let home = match layout {
        Layout::School(_) => "nav-home",
        Layout::Directory => "nav-directory",
    };
    let mut items = vec![NavItem {
        current: *id == PageId::Home,
        ..section(env, "", "home", home, &PageId::Home)
    }];
    items.extend(layout_sections(env, layout, current));
    if !site.news.is_empty() || site.clubs.iter().any(|c| !c.news.is_empty()) {
        items.push(section(env, current, "news", "nav-news", &PageId::NewsList));
    }
    items.extend(
        site.pages
            .iter()
            .filter(|page| page.published_in(env.lang))
            .map(|page| free_page(env, page, id)),
    );
    if !site.documents.is_empty() {
        let documents = &PageId::Documents;
        items.push(section(
            env,
            current,
            "documents",
            "nav-documents",
            documents,
        ));
    }
    items
}

/// The sections of a directory (regions, statistics) or of a school site's
/// club (reports, gallery, when it has them).
fn layout_sections(env: &Env<'_>, layout: Layout<'_>, current: &str) -> Vec<NavItem> {
    let mut items = Vec::new();
    match layout {
        Layout::Directory => {
            items.push(section(
                env,
                current,
                "regions",
                "nav-regions",
                &PageId::Regions,
            ));
            let statistics = &PageId::StatisticsIndex;
            items.push(section(
                env,
                current,
                "statistics",
                "nav-statistics",
                statistics,
            ));
        }
        Layout::School(Some(club)) => {
            if !club.reports.is_empty() {
                let page = PageId::Reports(club.slug.clone());
                items.push(section(env, current, "reports", "nav-reports", &page));
            }
            if !club.gallery.photos.is_empty() {
                let page = PageId::Gallery(club.slug.clone());
                items.push(section(env, current, "gallery", "nav-gallery", &page));
            }
        }
        Layout::School(None) => {}
    }
    items
}

/// A free page, titled with its own title.
fn free_page(env: &Env<'_>, page: &Page, id: &PageId) -> NavItem {
    let pid = PageId::Page(page.slug.clone());
    let title = env.text(&page.title);
    NavItem {
        key: "page",
        label: title.text.to_string(),
        href: env.href(&pid),
        current: *id == pid,
        lang: fallback_lang(title),
    }
}

/// A nav item labelled with the UI message `label`, current when the page
/// is in the section `key`.
fn section(env: &Env<'_>, current: &str, key: &'static str, label: &str, page: &PageId) -> NavItem {
    NavItem {
        key,
        label: env.i18n.get(env.lang, label),
        href: env.href(page),
        current: current == key,
        lang: None,
    }
}
