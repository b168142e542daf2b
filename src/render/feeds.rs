//! Machine-readable files: Atom feeds per language, sitemap.xml with
//! hreflang alternates, robots.txt.

use super::OutputFile;
use super::images::ImageMap;
use super::links::{PageId, Paths, root_of};
use super::pages::{Layout, all_news, published_in};
use super::sources::SourceLinks;
use super::views::escape;
use crate::content::{News, Site};
use crate::i18n::I18n;
use crate::types::LangCode;

/// Feeds, sitemap and robots.txt.
pub(crate) fn render_feeds(
    site: &Site,
    i18n: &I18n,
    images: &ImageMap,
    paths: Paths,
) -> Vec<OutputFile> {
    let mut files: Vec<OutputFile> = site
        .config
        .languages
        .iter()
        .map(|lang| {
            let links = SourceLinks {
                site,
                images,
                paths,
                lang,
            };
            atom(site, i18n, links, lang)
        })
        .collect();
    if let Some(base) = &site.config.base_url {
        files.push(OutputFile::Bytes {
            path: "sitemap.xml".into(),
            bytes: sitemap(site, paths, base).into_bytes(),
        });
        files.push(OutputFile::Bytes {
            path: "robots.txt".into(),
            bytes: format!("User-agent: *\nAllow: /\n\nSitemap: {base}sitemap.xml\n").into_bytes(),
        });
    }
    files
}

fn atom(site: &Site, i18n: &I18n, links: SourceLinks<'_>, lang: &str) -> OutputFile {
    let (config, paths) = (&site.config, links.paths);
    let langs = &config.languages;
    let feed_path = format!("{lang}/news/atom.xml");
    let link = |id: &PageId| match &config.base_url {
        Some(b) => format!("{b}{}", paths.pretty(lang, id)),
        None => format!("../../{}", paths.file(lang, id)),
    };
    let mut news = all_news(site);
    news.retain(|n| n.published_in(lang));
    let updated = news
        .first()
        .map(|n| n.date.to_string())
        .unwrap_or_else(|| "2000-01-01".into());
    let title = format!(
        "{} — {}",
        config.title.resolve(lang, langs).text,
        i18n.get(lang, "nav-news")
    );
    let mut xml = String::new();
    xml.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">\n"
    ));
    xml.push_str(&format!("  <title>{}</title>\n", escape(&title)));
    let self_id = match &config.base_url {
        Some(b) => format!("{b}{feed_path}"),
        None => format!("urn:bitimger:{lang}:news"),
    };
    xml.push_str(&format!("  <id>{}</id>\n", escape(&self_id)));
    xml.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        escape(&link(&PageId::NewsList))
    ));
    if config.base_url.is_some() {
        xml.push_str(&format!(
            "  <link rel=\"self\" href=\"{}\"/>\n",
            escape(&self_id)
        ));
    }
    xml.push_str(&format!("  <updated>{updated}T00:00:00+05:00</updated>\n"));
    xml.push_str("  <generator>bitimger</generator>\n");
    let author = config.publisher.as_ref().map_or(&config.title, |p| &p.name);
    xml.push_str(&format!(
        "  <author><name>{}</name></author>\n",
        escape(author.resolve(lang, langs).text)
    ));
    for n in news.iter().take(50) {
        let id = PageId::News(n.club.clone(), n.slug.clone());
        entry(&mut xml, links, n, &link(&id), &id);
    }
    xml.push_str("</feed>\n");
    OutputFile::Bytes {
        path: feed_path,
        bytes: xml.into_bytes(),
    }
}

/// The `<entry>` of news item `n`, whose page `id` is at `href`.
fn entry(xml: &mut String, links: SourceLinks<'_>, n: &News, href: &str, id: &PageId) {
    let (config, lang) = (&links.site.config, links.lang);
    let langs = &config.languages;
    let title = n.title.resolve(lang, langs);
    xml.push_str("  <entry>\n");
    xml.push_str(&format!(
        "    <title xml:lang=\"{}\">{}</title>\n",
        title.lang,
        escape(title.text)
    ));
    xml.push_str(&format!(
        "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        escape(href)
    ));
    let entry_id = match &config.base_url {
        Some(_) => href.to_string(),
        None => format!(
            "urn:bitimger:{lang}:news:{}:{}",
            n.club.as_deref().unwrap_or("site"),
            n.slug
        ),
    };
    xml.push_str(&format!("    <id>{}</id>\n", escape(&entry_id)));
    xml.push_str(&format!(
        "    <updated>{}T00:00:00+05:00</updated>\n",
        n.date
    ));
    if let Some(s) = &n.summary {
        let s = s.resolve(lang, langs);
        xml.push_str(&format!(
            "    <summary xml:lang=\"{}\">{}</summary>\n",
            s.lang,
            escape(s.text)
        ));
    }
    if let Some((body, body_lang, _)) = n.body.resolve(lang, langs) {
        // The body's links and images are relative to the news page,
        // not to the feed: xml:base tells feed readers so.
        let root = root_of(&links.paths.file(lang, id));
        xml.push_str(&format!(
            "    <content type=\"html\" xml:lang=\"{body_lang}\" xml:base=\"{}\">{}</content>\n",
            escape(href),
            escape(&links.link(&body.html, &root))
        ));
    }
    xml.push_str("  </entry>\n");
}

fn sitemap(site: &Site, paths: Paths, base: &str) -> String {
    let langs = &site.config.languages;
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    let page = |id: &PageId, lang: &str| format!("{base}{}", paths.pretty(lang, id));
    // The root language chooser, the x-default of the home pages.
    url(&mut xml, base, &PageId::Home, base, &page, langs);
    for id in &sitemap_ids(site) {
        let langs: Vec<LangCode> = langs
            .iter()
            .filter(|l| published_in(site, id, l))
            .cloned()
            .collect();
        let Some(first) = langs.first() else {
            continue;
        };
        let x_default = match id {
            PageId::Home => base.to_string(),
            _ => page(id, first),
        };
        for lang in &langs {
            url(&mut xml, &page(id, lang), id, &x_default, &page, &langs);
        }
    }
    xml.push_str("</urlset>\n");
    xml
}

/// The pages the sitemap lists: all but the posters and the not-found
/// pages.
fn sitemap_ids(site: &Site) -> Vec<PageId> {
    let mut ids = vec![
        PageId::Home,
        PageId::NewsList,
        PageId::PersonalData,
        PageId::Accessibility,
    ];
    if !site.documents.is_empty() {
        ids.push(PageId::Documents);
    }
    let layout = Layout::of(site);
    for club in &site.clubs {
        let s = club.slug.clone();
        ids.extend(layout.club_page(club));
        ids.push(PageId::Reports(s.clone()));
        ids.extend(
            club.reports
                .iter()
                .map(|r| PageId::Report(s.clone(), r.year)),
        );
        ids.extend(club.plans.iter().map(|p| PageId::Plan(s.clone(), p.year)));
        ids.extend(
            club.news
                .iter()
                .map(|n| PageId::News(Some(s.clone()), n.slug.clone())),
        );
        if !club.gallery.photos.is_empty() {
            ids.push(PageId::Gallery(s.clone()));
        }
    }
    ids.extend(site.news.iter().map(|n| PageId::News(None, n.slug.clone())));
    ids.extend(site.pages.iter().map(|p| PageId::Page(p.slug.clone())));
    ids.extend(layout.own_pages(site));
    ids
}

/// One `<url>` of the sitemap at `loc`, with page `id` in every language
/// (`page` gives its URL) and `x_default` as its alternates.
fn url(
    xml: &mut String,
    loc: &str,
    id: &PageId,
    x_default: &str,
    page: &dyn Fn(&PageId, &str) -> String,
    langs: &[LangCode],
) {
    xml.push_str(&format!("  <url>\n    <loc>{}</loc>\n", escape(loc)));
    for alt in langs {
        xml.push_str(&format!(
            "    <xhtml:link rel=\"alternate\" hreflang=\"{alt}\" href=\"{}\"/>\n",
            escape(&page(id, alt))
        ));
    }
    xml.push_str(&format!(
        "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>\n  </url>\n",
        escape(x_default)
    ));
}
