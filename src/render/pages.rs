//! Which pages a site has, and rendering one page: its common variables
//! (site, page, nav, alternates) plus the views of its template.

use serde::Serialize;
use tera::Context;

use super::kinds::PageKind;
use super::links::{PageId, Paths, root_of};
use super::structured::club_json_ld;
use super::theme::{CompiledTheme, template_diagnostic};
use super::views::escape;
use super::{Env, OutputFile};
use crate::config::SiteKind;
use crate::content::Site;
use crate::diag::Diagnostic;
use crate::types::{Date, LangCode, Resolved};

/// The Content-Security-Policy of every page: only the site's own files.
pub(crate) const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self'; font-src 'self'; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'";

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
    ids.extend(super::directory::page_ids(site));
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
pub(crate) fn club_page_ids(site: &Site, club: &crate::content::Club) -> Vec<PageId> {
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

#[derive(Serialize)]
struct SiteView<'a> {
    title: Resolved<'a>,
    description: Option<Resolved<'a>>,
    kind: SiteKind,
    base_url: Option<&'a str>,
    publisher: Option<PublisherView<'a>>,
    languages: Vec<LangView>,
}

#[derive(Serialize)]
struct PublisherView<'a> {
    name: Resolved<'a>,
    url: Option<&'a str>,
}

#[derive(Serialize)]
struct LangView {
    code: LangCode,
    autonym: String,
}

#[derive(Serialize)]
struct Alternate {
    lang: LangCode,
    autonym: String,
    href: String,
    current: bool,
}

#[derive(Serialize)]
struct HrefLang {
    lang: LangCode,
    url: String,
}

#[derive(Serialize)]
pub(super) struct Crumb {
    pub label: String,
    pub href: String,
    /// The label's language when it fell back to another one.
    lang: Option<String>,
}

impl Crumb {
    pub(super) fn new(label: String, href: String) -> Self {
        Crumb {
            label,
            href,
            lang: None,
        }
    }
}

#[derive(Serialize)]
struct NavItem {
    key: &'static str,
    label: String,
    href: String,
    current: bool,
    /// The label's language when it fell back to another one.
    lang: Option<String>,
}

/// The language to mark a text with: its own when it fell back.
fn fallback_lang(r: Resolved<'_>) -> Option<String> {
    r.fallback.then(|| r.lang.to_string())
}

#[derive(Serialize)]
struct PageMeta {
    kind: &'static str,
    title: String,
    /// The title's language when it fell back to another one.
    title_lang: Option<String>,
    description: Option<String>,
    canonical: Option<String>,
    alternates: Vec<Alternate>,
    hreflang: Vec<HrefLang>,
    x_default: Option<String>,
    breadcrumbs: Vec<Crumb>,
    feed: Option<String>,
    csp: &'static str,
    /// JSON-LD of the page (club pages), safe to print inside `<script>`.
    json_ld: Option<String>,
}

#[derive(Serialize)]
struct Common<'a> {
    lang: &'a str,
    root: &'a str,
    site: SiteView<'a>,
    page: PageMeta,
    nav: Vec<NavItem>,
    home_href: String,
    generator: String,
}

/// Renders one page.
pub(crate) fn render_page(
    env: &Env<'_>,
    theme: &CompiledTheme,
    job: &PageJob,
) -> Result<OutputFile, Diagnostic> {
    let (page, extra) = match &job.kind {
        JobKind::Page(id) => page_parts(env, id)?,
        JobKind::Landing => landing(env),
        JobKind::RootNotFound => not_found(env, &PageId::NotFound),
    };
    let template = page.kind.template();
    let common = common(env, job, page);
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
}

/// A template's own variables, already converted to Tera values (straight
/// from the borrowed views, with no intermediate JSON).
pub(super) type Extra = Vec<(&'static str, tera::Value)>;

pub(super) fn json<T: Serialize>(v: &T) -> tera::Value {
    tera::Value::try_from_serializable(v).unwrap_or_else(|_| tera::Value::none())
}

/// Page title, kind (and so template) and variables of a page id.
fn page_parts(env: &Env<'_>, id: &PageId) -> Result<(Partial, Extra), Diagnostic> {
    let site = env.site;
    let club_of = |slug: &str| {
        site.club(slug)
            .ok_or_else(|| internal(&format!("no club {slug}")))
    };
    let t = |key: &str| env.i18n.get(env.lang, key);
    Ok(match id {
        PageId::Home if site.config.kind == SiteKind::School => {
            let club = site.clubs.first().ok_or_else(|| internal(&"no club"))?;
            let mut p = Partial::localized(PageKind::Club, env.text(&club.name), id.clone());
            p.json_ld = Some(club_json_ld(env, club, id));
            (p, vec![("club", json(&env.club(club)))])
        }
        PageId::Home => super::directory::home(env, id),
        PageId::Regions => super::directory::regions(env, id),
        PageId::Region(code) => super::directory::region(env, id, code)
            .ok_or_else(|| internal(&format!("no region {code}")))?,
        PageId::StatisticsIndex => super::statistics::index(env, id),
        PageId::Statistics(year) => super::statistics::year(env, id, *year),
        PageId::Club(slug) => {
            let club = club_of(slug)?;
            let mut p = Partial::localized(PageKind::Club, env.text(&club.name), id.clone());
            p.json_ld = Some(club_json_ld(env, club, id));
            (p, vec![("club", json(&env.club(club)))])
        }
        PageId::Reports(slug) => {
            let club = club_of(slug)?;
            let reports: Vec<_> = club
                .reports
                .iter()
                .map(|r| env.report_summary(club, r))
                .collect();
            let p = Partial::new(PageKind::Reports, &t("nav-reports"), id.clone())
                .under_club(env, club);
            (
                p,
                vec![("club", json(&env.club(club))), ("reports", json(&reports))],
            )
        }
        PageId::Report(slug, year) => {
            let club = club_of(slug)?;
            let report = club
                .reports
                .iter()
                .find(|r| r.year == *year)
                .ok_or_else(|| internal(&"no report"))?;
            let title = env
                .i18n
                .message(
                    env.lang,
                    "report-title",
                    &[("year", crate::i18n::Arg::Str(&year.label()))],
                )
                .unwrap_or_default();
            let mut p = Partial::new(PageKind::Report, &title, id.clone()).under_club(env, club);
            p.crumbs.push(Crumb::new(
                t("nav-reports"),
                env.href(&PageId::Reports(slug.clone())),
            ));
            (
                p,
                vec![
                    ("club", json(&env.club(club))),
                    ("report", json(&env.report(club, report))),
                ],
            )
        }
        PageId::Plan(slug, year) => {
            let club = club_of(slug)?;
            let plan = club
                .plans
                .iter()
                .find(|p| p.year == *year)
                .ok_or_else(|| internal(&"no plan"))?;
            let title = env
                .i18n
                .message(
                    env.lang,
                    "plan-title",
                    &[("year", crate::i18n::Arg::Str(&year.label()))],
                )
                .unwrap_or_default();
            let p = Partial::new(PageKind::Plan, &title, id.clone()).under_club(env, club);
            (
                p,
                vec![
                    ("club", json(&env.club(club))),
                    ("plan", json(&env.plan(club, plan))),
                ],
            )
        }
        PageId::Gallery(slug) => {
            let club = club_of(slug)?;
            let p = Partial::new(PageKind::Gallery, &t("gallery-title"), id.clone())
                .under_club(env, club);
            (
                p,
                vec![
                    ("club", json(&env.club(club))),
                    ("photos", json(&env.photos(club))),
                ],
            )
        }
        PageId::Poster(slug) => {
            let club = club_of(slug)?;
            let qr = env.qr.codes(site, club);
            let p =
                Partial::new(PageKind::Poster, &t("club-poster"), id.clone()).under_club(env, club);
            (p, vec![("club", json(&env.club(club))), ("qr", qr)])
        }
        PageId::NewsList => {
            let news: Vec<_> = all_news(site)
                .into_iter()
                .map(|n| env.news_summary(n))
                .collect();
            let mut p = Partial::new(PageKind::NewsList, &t("nav-news"), id.clone());
            p.nav = "news";
            (
                p,
                vec![
                    ("news", json(&news)),
                    (
                        "feed_href",
                        json(&format!("{}{}/news/atom.xml", env.root, env.lang)),
                    ),
                ],
            )
        }
        PageId::News(club_slug, slug) => {
            let list = match club_slug {
                Some(c) => &club_of(c)?.news,
                None => &site.news,
            };
            let news = list
                .iter()
                .find(|n| &n.slug == slug)
                .ok_or_else(|| internal(&"no news"))?;
            let mut p = Partial::localized(PageKind::News, env.text(&news.title), id.clone());
            p.description = news.summary.as_ref().map(|s| env.text(s).text.to_string());
            p.crumbs
                .push(Crumb::new(t("nav-news"), env.href(&PageId::NewsList)));
            p.nav = "news";
            (p, vec![("news", json(&env.news(news)))])
        }
        PageId::Page(slug) => {
            let page = site
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
            (p, vec![("content", json(&content))])
        }
        PageId::Documents => {
            let docs: Vec<_> = site.documents.iter().map(|d| env.document(d)).collect();
            let mut p = Partial::new(PageKind::Documents, &t("nav-documents"), id.clone());
            p.nav = "documents";
            (p, vec![("documents", json(&docs))])
        }
        PageId::NotFound => not_found(env, id),
    })
}

fn not_found(env: &Env<'_>, id: &PageId) -> (Partial, Extra) {
    let p = Partial::new(
        PageKind::NotFound,
        &env.i18n.get(env.lang, "err-404"),
        id.clone(),
    );
    (
        Partial {
            alternates: false,
            ..p
        },
        vec![],
    )
}

fn landing(env: &Env<'_>) -> (Partial, Extra) {
    #[derive(Serialize)]
    struct Choice<'a> {
        code: &'a str,
        autonym: String,
        href: String,
        title: &'a str,
        /// The title's language when it is not `code` (a fallback).
        title_lang: Option<String>,
        description: Option<&'a str>,
        description_lang: Option<String>,
    }
    let config = &env.site.config;
    let choices: Vec<Choice<'_>> = config
        .languages
        .iter()
        .map(|l| {
            let title = config.title.resolve(l, &config.languages);
            let description = config
                .description
                .as_ref()
                .map(|d| d.resolve(l, &config.languages));
            Choice {
                code: l,
                autonym: env.i18n.get(l, "lang-autonym"),
                href: format!("{l}/index.html"),
                title: title.text,
                title_lang: fallback_lang(title),
                description: description.map(|d| d.text),
                description_lang: description.and_then(fallback_lang),
            }
        })
        .collect();
    let p = Partial::localized(PageKind::Landing, env.text(&config.title), PageId::Home);
    (
        Partial { landing: true, ..p },
        vec![("languages", json(&choices))],
    )
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

/// The page-specific part of the common variables.
pub(super) struct Partial {
    kind: PageKind,
    title: String,
    title_lang: Option<String>,
    description: Option<String>,
    id: PageId,
    pub crumbs: Vec<Crumb>,
    pub nav: &'static str,
    alternates: bool,
    landing: bool,
    json_ld: Option<String>,
}

impl Partial {
    pub(super) fn new(kind: PageKind, title: &str, id: PageId) -> Self {
        Partial {
            kind,
            title: title.to_string(),
            title_lang: None,
            description: None,
            id,
            crumbs: Vec::new(),
            nav: "",
            alternates: true,
            landing: false,
            json_ld: None,
        }
    }

    /// A page titled with a localized text, marked when it fell back.
    pub(super) fn localized(kind: PageKind, title: Resolved<'_>, id: PageId) -> Self {
        Partial {
            title_lang: fallback_lang(title),
            ..Self::new(kind, title.text, id)
        }
    }

    /// Breadcrumbs through the club (directories) and the nav item.
    fn under_club(mut self, env: &Env<'_>, club: &crate::content::Club) -> Self {
        if env.site.config.kind == SiteKind::Directory {
            let name = env.text(&club.name);
            self.crumbs.push(Crumb {
                lang: fallback_lang(name),
                ..Crumb::new(
                    name.text.to_string(),
                    env.href(&PageId::Club(club.slug.clone())),
                )
            });
        }
        self.nav = match self.kind {
            PageKind::Reports | PageKind::Report => "reports",
            PageKind::Gallery => "gallery",
            _ => "",
        };
        self
    }
}

fn common<'a>(env: &'a Env<'a>, job: &'a PageJob, partial: Partial) -> Common<'a> {
    let site = env.site;
    let config = &site.config;
    let langs = &config.languages;
    let home = if partial.landing {
        format!("{}/index.html", env.lang)
    } else {
        env.href(&PageId::Home)
    };
    let mut crumbs = Vec::new();
    if !partial.landing
        && partial.id != PageId::Home
        && !matches!(partial.id, PageId::Club(_) if config.kind == SiteKind::School)
    {
        crumbs.push(Crumb::new(env.i18n.get(env.lang, "nav-home"), home.clone()));
    }
    crumbs.extend(partial.crumbs);
    let alternates = if !partial.alternates || partial.landing {
        Vec::new()
    } else {
        langs
            .iter()
            .map(|l| Alternate {
                lang: l.clone(),
                autonym: env.i18n.get(l, "lang-autonym"),
                href: format!("{}{}", env.root, env.paths.file(l, &partial.id)),
                current: l == env.lang,
            })
            .collect()
    };
    let absolute = |lang: &str| {
        config
            .base_url
            .as_ref()
            .map(|b| format!("{b}{}", env.paths.pretty(lang, &partial.id)))
    };
    let hreflang = || {
        langs
            .iter()
            .filter_map(|l| {
                absolute(l).map(|url| HrefLang {
                    lang: l.clone(),
                    url,
                })
            })
            .collect()
    };
    // The root language chooser is the x-default of the home pages; other
    // pages fall back to the default language's version.
    let (canonical, hreflang, x_default) = if partial.landing {
        (config.base_url.clone(), hreflang(), config.base_url.clone())
    } else if partial.alternates {
        let x_default = if partial.id == PageId::Home {
            config.base_url.clone()
        } else {
            absolute(config.default_lang())
        };
        (absolute(env.lang), hreflang(), x_default)
    } else {
        (None, Vec::new(), None)
    };
    Common {
        lang: env.lang,
        root: &job.root,
        site: SiteView {
            title: env.text(&config.title),
            description: config.description.as_ref().map(|d| env.text(d)),
            kind: config.kind,
            base_url: config.base_url.as_deref(),
            publisher: config.publisher.as_ref().map(|p| PublisherView {
                name: env.text(&p.name),
                url: p.url.as_ref().map(|u| u.url.as_str()),
            }),
            languages: langs
                .iter()
                .map(|l| LangView {
                    code: l.clone(),
                    autonym: env.i18n.get(l, "lang-autonym"),
                })
                .collect(),
        },
        page: PageMeta {
            kind: partial.kind.name(),
            title: partial.title,
            title_lang: partial.title_lang,
            description: partial.description.or_else(|| {
                config
                    .description
                    .as_ref()
                    .map(|d| env.text(d).text.to_string())
            }),
            canonical,
            alternates,
            hreflang,
            x_default,
            breadcrumbs: crumbs,
            feed: (!partial.landing).then(|| format!("{}{}/news/atom.xml", env.root, env.lang)),
            csp: CSP,
            json_ld: partial.json_ld,
        },
        nav: if partial.landing {
            Vec::new()
        } else {
            nav(env, partial.nav, &partial.id)
        },
        home_href: home,
        generator: format!("bitimger {}", env!("CARGO_PKG_VERSION")),
    }
}

fn nav(env: &Env<'_>, current: &str, id: &PageId) -> Vec<NavItem> {
    let site = env.site;
    let t = |k: &str| env.i18n.get(env.lang, k);
    let directory = site.config.kind == SiteKind::Directory;
    let mut items = vec![NavItem {
        key: "home",
        label: t(if directory {
            "nav-directory"
        } else {
            "nav-home"
        }),
        href: env.href(&PageId::Home),
        current: *id == PageId::Home,
        lang: None,
    }];
    if directory {
        items.push(NavItem {
            key: "regions",
            label: t("nav-regions"),
            href: env.href(&PageId::Regions),
            current: current == "regions",
            lang: None,
        });
        items.push(NavItem {
            key: "statistics",
            label: t("nav-statistics"),
            href: env.href(&PageId::StatisticsIndex),
            current: current == "statistics",
            lang: None,
        });
    }
    if site.config.kind == SiteKind::School
        && let Some(club) = site.clubs.first()
    {
        if !club.reports.is_empty() {
            items.push(NavItem {
                key: "reports",
                label: t("nav-reports"),
                href: env.href(&PageId::Reports(club.slug.clone())),
                current: current == "reports",
                lang: None,
            });
        }
        if !club.gallery.photos.is_empty() {
            items.push(NavItem {
                key: "gallery",
                label: t("nav-gallery"),
                href: env.href(&PageId::Gallery(club.slug.clone())),
                current: current == "gallery",
                lang: None,
            });
        }
    }
    if !site.news.is_empty() || site.clubs.iter().any(|c| !c.news.is_empty()) {
        items.push(NavItem {
            key: "news",
            label: t("nav-news"),
            href: env.href(&PageId::NewsList),
            current: current == "news",
            lang: None,
        });
    }
    for page in &site.pages {
        let pid = PageId::Page(page.slug.clone());
        let title = env.text(&page.title);
        items.push(NavItem {
            key: "page",
            label: title.text.to_string(),
            href: env.href(&pid),
            current: *id == pid,
            lang: fallback_lang(title),
        });
    }
    if !site.documents.is_empty() {
        items.push(NavItem {
            key: "documents",
            label: t("nav-documents"),
            href: env.href(&PageId::Documents),
            current: current == "documents",
            lang: None,
        });
    }
    items
}

/// Escapes text for XML.
pub(crate) fn xml_escape(s: &str) -> String {
    escape(s)
}
