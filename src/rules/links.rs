//! Rules over the rendered pages: every internal link and `#anchor`
//! resolves to a file of the output, and every image has alt text.
//!
//! Pages are read as they are rendered, in parallel, by a light reader of
//! their start tags (`tags`); problems are traced
//! back to the Markdown line that holds the link when there is one, else
//! they name the page (the link then comes from a template).

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Mutex;

use crate::content::{Body, Site, urls};
use crate::diag::{Diagnostic, Diagnostics, Location};
use crate::render::OutputFile;
use rayon::prelude::*;

use super::resolve::{Target, page_from, resolve_from};
use super::sources::SourcePlaces;
use super::tags;

/// What one page refers to and what it offers.
struct PageInfo {
    path: String,
    ids: HashSet<String>,
    refs: Vec<String>,
    imgs_without_alt: Vec<String>,
}

/// Reads what a page offers (ids, named anchors) and refers to (links,
/// images, scripts, `srcset` candidates), and its images without `alt`.
fn parse_page(path: &str, bytes: &[u8]) -> PageInfo {
    let mut info = PageInfo {
        path: path.to_string(),
        ids: HashSet::new(),
        refs: Vec::new(),
        imgs_without_alt: Vec::new(),
    };
    tags::start_tags(bytes, |tag| {
        let name = tag.name.as_ref();
        let id = tag.attr("id");
        let id = if name == "a" {
            id.or_else(|| tag.attr("name"))
        } else {
            id
        };
        info.ids.extend(id.map(Cow::into_owned));
        let attr = match name {
            "a" | "link" | "area" => "href",
            "img" | "source" | "script" => "src",
            _ => return,
        };
        info.refs.extend(tag.attr(attr).map(Cow::into_owned));
        if matches!(name, "img" | "source")
            && let Some(srcset) = tag.attr("srcset")
        {
            info.refs
                .extend(urls::srcset_urls(&srcset).into_iter().map(str::to_string));
        }
        if name == "img" && tag.attr("alt").is_none() {
            info.imgs_without_alt
                .push(tag.attr("src").map(Cow::into_owned).unwrap_or_default());
        }
    });
    info
}

/// A problem found on pages, before it is traced to its source.
#[derive(Default)]
struct Finding {
    pages: Vec<String>,
}

/// Checks links, anchors and alt texts of every HTML page in `files`.
/// The output's paths and what each page links to, collected while the
/// pages are rendered (from any thread); the pages themselves are not kept.
#[derive(Default)]
pub(crate) struct Scan {
    paths: Mutex<HashSet<String>>,
    pages: Mutex<Vec<PageInfo>>,
}

impl Scan {
    /// Records an output file, and parses it when it is an HTML page.
    pub(crate) fn add(&self, f: &OutputFile) {
        let info = match f.bytes() {
            Some(b) if f.path().ends_with(".html") => Some(parse_page(f.path(), b)),
            _ => None,
        };
        lock(&self.paths).insert(f.path().to_string());
        if let Some(info) = info {
            lock(&self.pages).push(info);
        }
    }

    /// Reports broken links and anchors and images without alt text.
    pub(crate) fn finish(self, site: &Site, diags: &mut Diagnostics) {
        let paths = self.paths.into_inner().unwrap_or_else(|e| e.into_inner());
        let mut pages = self.pages.into_inner().unwrap_or_else(|e| e.into_inner());
        // Pages arrive in any order; findings list them in path order.
        pages.sort_by(|a, b| a.path.cmp(&b.path));
        check_pages(site, &paths, &pages, diags);
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// What one page gets wrong: links that lead nowhere, anchors that do
/// not exist, images without alt text.
#[derive(Default)]
struct PageProblems<'p> {
    broken: Vec<&'p str>,
    anchors: Vec<&'p str>,
    no_alt: Vec<&'p str>,
}

fn page_problems<'p>(
    page: &'p PageInfo,
    paths: &HashSet<String>,
    ids: &HashMap<&str, &HashSet<String>>,
    base_path: &str,
) -> PageProblems<'p> {
    let mut found = PageProblems::default();
    let from = page_from(&page.path, base_path);
    for href in &page.refs {
        match resolve_from(&from, href, base_path) {
            Target::External => {}
            Target::Outside => found.broken.push(href),
            Target::Internal(file, fragment) => {
                let exists = paths.contains(&file) || paths.contains(&format!("{file}/index.html"));
                if !exists {
                    found.broken.push(href);
                } else if let (Some(frag), Some(targets)) = (fragment, ids.get(file.as_str()))
                    && !targets.contains(&frag)
                {
                    found.anchors.push(href);
                }
            }
        }
    }
    found.no_alt = page.imgs_without_alt.iter().map(String::as_str).collect();
    found
}

fn check_pages(site: &Site, paths: &HashSet<String>, pages: &[PageInfo], diags: &mut Diagnostics) {
    let ids: HashMap<&str, &HashSet<String>> =
        pages.iter().map(|p| (p.path.as_str(), &p.ids)).collect();
    let base_path = site.config.base_path();
    let per_page: Vec<PageProblems<'_>> = pages
        .par_iter()
        .map(|page| page_problems(page, paths, &ids, &base_path))
        .collect();
    let mut broken: BTreeMap<String, Finding> = BTreeMap::new();
    let mut anchors: BTreeMap<String, Finding> = BTreeMap::new();
    let mut no_alt: BTreeMap<String, Finding> = BTreeMap::new();
    for (page, found) in pages.iter().zip(per_page) {
        for (map, refs) in [
            (&mut broken, found.broken),
            (&mut anchors, found.anchors),
            (&mut no_alt, found.no_alt),
        ] {
            for r in refs {
                map.entry(r.to_string())
                    .or_default()
                    .pages
                    .push(page.path.clone());
            }
        }
    }
    let bodies = markdown_bodies(site);
    let needles = broken.keys().chain(anchors.keys()).chain(no_alt.keys());
    let mut tracer = Tracer::new(&bodies, needles.map(String::as_str).collect());
    let places = SourcePlaces::of(site, &bodies);
    for (href, f) in broken {
        let d = Diagnostic::error(
            "links/broken",
            format!("the link `{href}` leads to no page or file of this site{}", on_pages(&f)),
        )
        .words("links-broken")
        .arg("href", &href)
        .help("links between pages are relative to the page's own address (e.g. ../news/index.html); check the path, or link to the page's web address");
        let d = tracer.trace(page_args(d, &f), &href);
        diags.push(at_source(d, &places, &f, &href));
    }
    for (href, f) in anchors {
        let d = Diagnostic::error(
            "links/anchor",
            format!("the link `{href}` points to a part of the page that does not exist{}", on_pages(&f)),
        )
        .words("links-anchor")
        .arg("href", &href)
        .help("after `#` write the id of a heading of that page; headings get ids from their text, e.g. ## Мақсаты → #maqsaty");
        let d = tracer.trace(page_args(d, &f), &href);
        diags.push(at_source(d, &places, &f, &href));
    }
    for (src, f) in no_alt {
        let d = Diagnostic::warning(
            "a11y/img-alt",
            format!("the image `{src}` has no alt text{}", on_pages(&f)),
        )
        .words("a11y-img-alt-page")
        .arg("src", &src)
        .help("give every image a short description (alt) for readers who cannot see it");
        diags.push(tracer.trace(page_args(d, &f), &src));
    }
}

/// `d`, when the Markdown holds no place of `href`, put at the source
/// path (`pages/rules.md#goals`) that became `href` on the finding's
/// first page.
fn at_source(d: Diagnostic, places: &SourcePlaces, f: &Finding, href: &str) -> Diagnostic {
    let Some(page) = f.pages.first().filter(|_| d.location.is_none()) else {
        return d;
    };
    let base_path = places.base_path.as_str();
    let Target::Internal(file, fragment) =
        resolve_from(&page_from(page, base_path), href, base_path)
    else {
        return d;
    };
    let target = match fragment {
        Some(part) => format!("{file}#{part}"),
        None => file,
    };
    match places.find(&target) {
        Some(at) => d.at(at),
        None => d,
    }
}

/// The values [`on_pages`]'s words name: how many pages, the first, how
/// many more.
fn page_args(d: Diagnostic, f: &Finding) -> Diagnostic {
    let first = f.pages.first().map_or("", String::as_str);
    d.arg("pages", f.pages.len())
        .arg("page", first)
        .arg("more", f.pages.len().saturating_sub(1))
}

fn on_pages(f: &Finding) -> String {
    match f.pages.as_slice() {
        [] => String::new(),
        [one] => format!(" (on {one})"),
        [first, rest] => format!(" (on {first} and {rest})"),
        [first, rest @ ..] => format!(" (on {first} and {} more pages)", rest.len()),
    }
}

/// Every Markdown text of the site, to find where a link was written.
pub(super) fn markdown_bodies(site: &Site) -> Vec<&Body> {
    let mut out: Vec<&Body> = Vec::new();
    for club in &site.clubs {
        out.extend(club.about.bodies());
        out.extend(club.reports.iter().flat_map(|r| r.body.bodies()));
        out.extend(club.news.iter().flat_map(|n| n.body.bodies()));
    }
    out.extend(site.news.iter().flat_map(|n| n.body.bodies()));
    out.extend(site.pages.iter().flat_map(|p| p.body.bodies()));
    out
}

/// Finds where in the Markdown texts a link was written. Links are found in
/// one pass as the words they are written as (`[x](word)`,
/// `<a href="word">`), so many broken links do not each read every text
/// again; a link not written as a word of its own is searched for as any
/// text, for the first [`Tracer::SEARCHES`] such links.
struct Tracer<'a> {
    bodies: &'a [&'a Body],
    /// Each link's first place: text, line (0-based) and column.
    found: HashMap<&'a str, (usize, usize, usize)>,
    searches: usize,
}

impl<'a> Tracer<'a> {
    /// Full searches through every text, at most.
    const SEARCHES: usize = 50;

    fn new(bodies: &'a [&'a Body], needles: HashSet<&str>) -> Self {
        let mut found = HashMap::new();
        // Nothing to trace (every link works): no text is read at all.
        let bodies_to_read = if needles.is_empty() { &[][..] } else { bodies };
        for (b, body) in bodies_to_read.iter().enumerate() {
            for (i, line) in body.markdown().lines().enumerate() {
                let mut start: Option<(usize, usize)> = None;
                let ends = line
                    .char_indices()
                    .chain(std::iter::once((line.len(), ' ')));
                for (column, (j, c)) in ends.enumerate() {
                    let apart = c.is_whitespace()
                        || matches!(
                            c,
                            '(' | ')' | '<' | '>' | '[' | ']' | '"' | '\'' | '`' | '|'
                        );
                    match (start, apart) {
                        (None, false) => start = Some((j, column + 1)),
                        (Some((s, col)), true) => {
                            let word = &line[s..j];
                            if needles.contains(word) {
                                found.entry(word).or_insert((b, i, col));
                            }
                            start = None;
                        }
                        _ => {}
                    }
                }
            }
        }
        Tracer {
            bodies,
            found,
            searches: 0,
        }
    }

    /// Puts the diagnostic at the Markdown line that holds `needle`, when one does.
    fn trace(&mut self, d: Diagnostic, needle: &str) -> Diagnostic {
        let place = match self.found.get(needle) {
            Some(&(b, i, col)) => {
                let body = self.bodies[b];
                Some((body.file.clone(), body.first_line + i, col))
            }
            None if self.searches < Self::SEARCHES => {
                self.searches += 1;
                search(needle, self.bodies)
            }
            None => None,
        };
        match place {
            Some((file, line, col)) => d.at(Location::at(file, line, col)),
            None => d,
        }
    }
}

/// The first line of the texts that holds `needle` anywhere.
fn search(needle: &str, bodies: &[&Body]) -> Option<(std::path::PathBuf, usize, usize)> {
    bodies.iter().find_map(|b| {
        b.markdown().lines().enumerate().find_map(|(i, line)| {
            line.find(needle).map(|c| {
                (
                    b.file.clone(),
                    b.first_line + i,
                    line[..c].chars().count() + 1,
                )
            })
        })
    })
}
