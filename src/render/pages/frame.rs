//! The frame of every page: the variables each template gets besides its
//! own (site, page meta, breadcrumbs, language alternates, hreflang and
//! canonical URLs, the nav of [`super::nav`]), built from a page's
//! [`Partial`].
//!
//! Layer 4 (render): reads the site's config through the page's [`Env`].

use serde::Serialize;

use super::super::Env;
use super::super::kinds::PageKind;
use super::super::links::PageId;
use super::super::logo::LogoView;
use super::nav;
use super::plan::PageJob;
use crate::config::SiteKind;
use crate::types::{LangCode, Resolved};

/// The Content-Security-Policy of every page: only the site's own files.
pub(crate) const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self'; font-src 'self'; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'";

#[derive(Serialize)]
struct SiteView<'a> {
    title: Resolved<'a>,
    description: Option<Resolved<'a>>,
    kind: SiteKind,
    base_url: Option<&'a str>,
    publisher: Option<PublisherView<'a>>,
    languages: Vec<LangView>,
    /// The school's logo (site.yaml `style.logo`).
    logo: Option<LogoView<'a>>,
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
pub(in crate::render) struct Crumb {
    pub label: String,
    pub href: String,
    /// The label's language when it fell back to another one.
    lang: Option<String>,
}

impl Crumb {
    pub(in crate::render) fn new(label: String, href: String) -> Self {
        Crumb {
            label,
            href,
            lang: None,
        }
    }

    /// A crumb labelled with a localized text, marked when it fell back.
    pub(super) fn localized(label: Resolved<'_>, href: String) -> Self {
        Crumb {
            lang: fallback_lang(label),
            ..Crumb::new(label.text.to_string(), href)
        }
    }
}

/// The language to mark a text with: its own when it fell back.
pub(super) fn fallback_lang(r: Resolved<'_>) -> Option<String> {
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

/// The variables every page gets.
#[derive(Serialize)]
pub(super) struct Common<'a> {
    lang: &'a str,
    root: &'a str,
    site: SiteView<'a>,
    page: PageMeta,
    nav: Vec<nav::NavItem>,
    home_href: String,
    /// The personal-data page, linked from every page's footer.
    privacy_href: String,
    /// The page about the version for the visually impaired, which the
    /// switch at the top of every page leads to without JavaScript.
    vision_href: String,
    generator: String,
}

/// The page-specific part of the common variables.
pub(in crate::render) struct Partial {
    pub(super) kind: PageKind,
    title: String,
    title_lang: Option<String>,
    pub(super) description: Option<String>,
    id: PageId,
    pub crumbs: Vec<Crumb>,
    pub nav: &'static str,
    pub(super) alternates: bool,
    pub(super) landing: bool,
    pub(super) json_ld: Option<String>,
}

impl Partial {
    pub(in crate::render) fn new(kind: PageKind, title: &str, id: PageId) -> Self {
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
    pub(in crate::render) fn localized(kind: PageKind, title: Resolved<'_>, id: PageId) -> Self {
        Partial {
            title_lang: fallback_lang(title),
            ..Self::new(kind, title.text, id)
        }
    }
}

/// The link to the news feed in the page's language.
pub(super) fn feed_href(env: &Env<'_>) -> String {
    format!("{}{}/news/atom.xml", env.root, env.lang)
}

/// The variables every page gets, around the page's own `partial`.
pub(super) fn common<'a>(env: &'a Env<'a>, job: &'a PageJob, partial: Partial) -> Common<'a> {
    let home = if partial.landing {
        format!("{}/index.html", env.lang)
    } else {
        env.href(&PageId::Home)
    };
    let nav = if partial.landing {
        Vec::new()
    } else {
        nav::nav(env, partial.nav, &partial.id)
    };
    Common {
        lang: env.lang,
        root: &job.root,
        site: site_view(env),
        page: page_meta(env, partial, &home),
        nav,
        home_href: home,
        privacy_href: env.href(&PageId::PersonalData),
        vision_href: env.href(&PageId::Accessibility),
        generator: format!("bitimger {}", env!("CARGO_PKG_VERSION")),
    }
}

fn site_view<'a>(env: &'a Env<'a>) -> SiteView<'a> {
    let config = &env.site.config;
    SiteView {
        title: env.text(&config.title),
        description: config.description.as_ref().map(|d| env.text(d)),
        kind: config.kind,
        base_url: config.base_url.as_deref(),
        publisher: config.publisher.as_ref().map(|p| PublisherView {
            name: env.text(&p.name),
            url: p.url.as_ref().map(|u| u.url.as_str()),
        }),
        languages: config
            .languages
            .iter()
            .map(|l| LangView {
                code: l.clone(),
                autonym: env.i18n.get(l, "lang-autonym"),
            })
            .collect(),
        logo: env.logo.map(|l| l.view(env)),
    }
}

fn page_meta(env: &Env<'_>, partial: Partial, home: &str) -> PageMeta {
    let config = &env.site.config;
    let alternates = alternates(env, &partial);
    let (canonical, hreflang, x_default) = urls(env, &partial);
    let breadcrumbs = home_crumb(env, &partial, home)
        .into_iter()
        .chain(partial.crumbs)
        .collect();
    PageMeta {
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
        breadcrumbs,
        feed: (!partial.landing).then(|| feed_href(env)),
        csp: CSP,
        json_ld: partial.json_ld,
    }
}

/// The first breadcrumb, home, on every page but the home page itself.
fn home_crumb(env: &Env<'_>, partial: &Partial, home: &str) -> Option<Crumb> {
    let is_home = partial.id == PageId::Home
        || matches!(partial.id, PageId::Club(_) if env.site.config.kind == SiteKind::School);
    (!partial.landing && !is_home)
        .then(|| Crumb::new(env.i18n.get(env.lang, "nav-home"), home.to_string()))
}

/// The same page in every language, for the language switcher.
fn alternates(env: &Env<'_>, partial: &Partial) -> Vec<Alternate> {
    if !partial.alternates || partial.landing {
        return Vec::new();
    }
    env.site
        .config
        .languages
        .iter()
        .filter(|l| super::published_in(env.site, &partial.id, l))
        .map(|l| Alternate {
            lang: l.clone(),
            autonym: env.i18n.get(l, "lang-autonym"),
            href: format!("{}{}", env.root, env.paths.file(l, &partial.id)),
            current: l == env.lang,
        })
        .collect()
}

/// The canonical URL, the hreflang alternates and the x-default of a page,
/// when the site has a base URL. The root language chooser is the
/// x-default of the home pages; other pages fall back to the default
/// language's version.
fn urls(env: &Env<'_>, partial: &Partial) -> (Option<String>, Vec<HrefLang>, Option<String>) {
    let config = &env.site.config;
    let absolute = |lang: &str| {
        config
            .base_url
            .as_ref()
            .map(|b| format!("{b}{}", env.paths.pretty(lang, &partial.id)))
    };
    let published = |l: &&LangCode| super::published_in(env.site, &partial.id, l);
    let hreflang = || {
        config
            .languages
            .iter()
            .filter(published)
            .filter_map(|l| {
                absolute(l).map(|url| HrefLang {
                    lang: l.clone(),
                    url,
                })
            })
            .collect()
    };
    if partial.landing {
        (config.base_url.clone(), hreflang(), config.base_url.clone())
    } else if partial.alternates {
        let x_default = if partial.id == PageId::Home {
            config.base_url.clone()
        } else {
            // The first language it is published in: the default one,
            // unless its `languages:` leaves that out.
            let first = config.languages.iter().find(published);
            absolute(first.unwrap_or(config.default_lang()))
        };
        (absolute(env.lang), hreflang(), x_default)
    } else {
        (None, Vec::new(), None)
    }
}
