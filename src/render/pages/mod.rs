//! Pages: which pages a site has ([`plan`]), and rendering one page: the
//! frame every page gets ([`frame`]: site, page meta, alternates; its nav
//! in [`nav`]) plus the variables of its template, from the club pages
//! ([`club`]), the site-wide pages here (news, free pages, documents, the
//! language chooser, not found), `directory` and `statistics`.
//!
//! Layer 4 (render): reads the model through the page's [`Env`]; renders
//! with the compiled theme.

mod club;
mod frame;
mod nav;
mod plan;
mod privacy;
mod root;
mod vision;

use serde::Serialize;
use tera::Context;

pub(in crate::render) use frame::{Crumb, Partial};
pub(crate) use plan::{JobKind, Layout, PageJob, jobs_for, plan_pages, published_in};

use super::kinds::PageKind;
use super::links::PageId;
use super::theme::{CompiledTheme, template_diagnostic};
use super::{Env, OutputFile};
use crate::content::{Club, Site};
use crate::diag::Diagnostic;
use crate::types::{AcademicYear, Slug};
use frame::feed_href;

/// Renders one page.
pub(crate) fn render_page(
    env: &Env<'_>,
    theme: &CompiledTheme,
    job: &PageJob,
) -> Result<OutputFile, Diagnostic> {
    let (page, extra) = match &job.kind {
        JobKind::Page(id) => page_parts(env, id)?,
        JobKind::Landing => root::landing(env),
        JobKind::RootNotFound => root::not_found(env),
    };
    let template = page.kind.template();
    let common = frame::common(env, job, page);
    let mut ctx = Context::from_serialize(&common).map_err(|e| internal(&e))?;
    for (k, v) in extra {
        ctx.insert_value(k, v);
    }
    // Rendered straight into bytes: the page is written as bytes, so there
    // is no need to check the whole page as UTF-8 again.
    let mut html = Vec::with_capacity(32 * 1024);
    theme
        .tera
        .render_to(template, &ctx, &mut html)
        .map_err(|e| template_diagnostic(&e, &theme.sources))?;
    Ok(OutputFile::Bytes {
        path: job.file.clone(),
        bytes: html,
    })
}

fn internal(e: &dyn std::fmt::Display) -> Diagnostic {
    Diagnostic::error("internal/render", format!("could not prepare a page: {e}"))
        .words("internal-render")
        .arg("error", e)
}

/// A template's own variables, already converted to Tera values (straight
/// from the borrowed views, with no intermediate JSON).
pub(super) type Extra = Vec<(&'static str, tera::Value)>;

pub(super) fn json<T: Serialize>(v: &T) -> tera::Value {
    tera::Value::try_from_serializable(v).unwrap_or_else(|_| tera::Value::none())
}

/// A page the program writes itself (personal data, accessibility), drawn
/// by the free page's template: its title from message `title_key` and
/// its text `body` (HTML made of messages, escaped).
pub(super) fn own_page(
    env: &Env<'_>,
    id: &PageId,
    title_key: &str,
    body: String,
) -> (Partial, Extra) {
    let title = env.i18n.get(env.lang, title_key);
    let p = Partial::new(PageKind::Page, &title, id.clone());
    let content = super::views::ContentView {
        title: crate::types::Resolved {
            text: &title,
            lang: env.lang,
            fallback: false,
        },
        body: Some(body),
    };
    (p, vec![("content", json(&content))])
}

/// The title of a page about academic year `year`: the UI message `key`
/// with the year.
pub(super) fn year_title(env: &Env<'_>, key: &str, year: AcademicYear) -> String {
    env.i18n
        .message(
            env.lang,
            key,
            &[("year", crate::i18n::Arg::Str(&year.label()))],
        )
        .unwrap_or_default()
}

/// Page title, kind (and so template) and variables of a page id.
fn page_parts(env: &Env<'_>, id: &PageId) -> Result<(Partial, Extra), Diagnostic> {
    let site = env.site;
    let club_of = |slug: &Slug| club_of(site, slug);
    Ok(match id {
        PageId::Home => match Layout::of(site) {
            Layout::School(club) => club::club(env, club.ok_or_else(|| internal(&"no club"))?, id),
            Layout::Directory => super::directory::home(env, id),
        },
        PageId::Regions => super::directory::regions(env, id),
        PageId::Region(code) => super::directory::region(env, id, code)
            .ok_or_else(|| internal(&format!("no region {code}")))?,
        PageId::StatisticsIndex => super::statistics::index(env, id),
        PageId::Statistics(year) => super::statistics::year(env, id, *year),
        PageId::Club(slug) => club::club(env, club_of(slug)?, id),
        PageId::Reports(slug) => club::reports(env, club_of(slug)?, id),
        PageId::Report(slug, year) => club::report(env, club_of(slug)?, id, *year)?,
        PageId::Plan(slug, year) => club::plan(env, club_of(slug)?, id, *year)?,
        PageId::Gallery(slug) => club::gallery(env, club_of(slug)?, id),
        PageId::Poster(slug) => club::poster(env, club_of(slug)?, id),
        PageId::NewsList => news_list(env, id),
        PageId::News(club, slug) => {
            let club = club.as_ref().map(club_of).transpose()?;
            news(env, id, club, slug)?
        }
        PageId::Page(slug) => free_page(env, id, slug)?,
        PageId::Documents => documents(env, id),
        PageId::PersonalData => privacy::personal_data(env, id),
        PageId::Accessibility => vision::accessibility(env, id),
        PageId::NotFound => not_found(env, id),
    })
}

fn club_of<'a>(site: &'a Site, slug: &str) -> Result<&'a Club, Diagnostic> {
    site.club(slug)
        .ok_or_else(|| internal(&format!("no club {slug}")))
}

/// All news, newest first, with the link to the feed.
fn news_list(env: &Env<'_>, id: &PageId) -> (Partial, Extra) {
    let news: Vec<_> = all_news(env.site)
        .into_iter()
        .filter(|n| n.published_in(env.lang))
        .map(|n| env.news_summary(n))
        .collect();
    let title = env.i18n.get(env.lang, "nav-news");
    let mut p = Partial::new(PageKind::NewsList, &title, id.clone());
    p.nav = "news";
    (
        p,
        vec![("news", json(&news)), ("feed_href", json(&feed_href(env)))],
    )
}

/// A news item of the site, or of `club`.
fn news(
    env: &Env<'_>,
    id: &PageId,
    club: Option<&Club>,
    slug: &Slug,
) -> Result<(Partial, Extra), Diagnostic> {
    let list = match club {
        Some(club) => &club.news,
        None => &env.site.news,
    };
    let news = list
        .iter()
        .find(|n| &n.slug == slug)
        .ok_or_else(|| internal(&"no news"))?;
    let mut p = Partial::localized(PageKind::News, env.text(&news.title), id.clone());
    p.description = news.summary.as_ref().map(|s| env.text(s).text.to_string());
    p.crumbs.push(Crumb::new(
        env.i18n.get(env.lang, "nav-news"),
        env.href(&PageId::NewsList),
    ));
    p.nav = "news";
    Ok((p, vec![("news", json(&env.news(news)))]))
}

/// A free page.
fn free_page(env: &Env<'_>, id: &PageId, slug: &Slug) -> Result<(Partial, Extra), Diagnostic> {
    let page = env
        .site
        .pages
        .iter()
        .find(|p| &p.slug == slug)
        .ok_or_else(|| internal(&"no page"))?;
    let mut p = Partial::localized(PageKind::Page, env.text(&page.title), id.clone());
    p.description = page
        .description
        .as_ref()
        .map(|s| env.text(s).text.to_string());
    let content = super::views::ContentView {
        title: env.text(&page.title),
        body: env.html(&page.body),
    };
    Ok((p, vec![("content", json(&content))]))
}

/// The documents list.
fn documents(env: &Env<'_>, id: &PageId) -> (Partial, Extra) {
    let docs: Vec<_> = env.site.documents.iter().map(|d| env.document(d)).collect();
    let title = env.i18n.get(env.lang, "nav-documents");
    let mut p = Partial::new(PageKind::Documents, &title, id.clone());
    p.nav = "documents";
    (p, vec![("documents", json(&docs))])
}

pub(super) fn not_found(env: &Env<'_>, id: &PageId) -> (Partial, Extra) {
    let title = env.i18n.get(env.lang, "err-404");
    let mut p = Partial::new(PageKind::NotFound, &title, id.clone());
    p.alternates = false;
    (p, vec![])
}

/// All news, site-wide and of every club, newest first.
pub(crate) fn all_news(site: &Site) -> Vec<&crate::content::News> {
    let mut news: Vec<_> = site
        .news
        .iter()
        .chain(site.clubs.iter().flat_map(|c| c.news.iter()))
        .collect();
    news.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.slug.cmp(&b.slug)));
    news
}
