//! Which file of the site folder is which page: the index that links by
//! source path (`[rules](pages/rules.md)`, see `markdown::sources`) are
//! looked up in, and the check that each of them names a file the site
//! publishes, with the nearest paths when it does not.
//!
//! Layer 3 (content): imports `diag`, `fs`, `types` and `content::model`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::content::model::{Body, Club, Doc, Site, SourceLink};
use crate::diag::{Diagnostic, Diagnostics, Location, did_you_mean};
use crate::types::{AcademicYear, Slug};

/// What a source path names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Linked {
    /// A club's page: `clubs/<slug>/club.yaml`, `about.md`, the folder.
    Club(Slug),
    /// A report: `clubs/<slug>/reports/2024-2025.md`.
    Report(Slug, AcademicYear),
    /// An activity plan: `clubs/<slug>/plans/2025-2026.yaml`.
    Plan(Slug, AcademicYear),
    /// A news item of a club (`Some`) or of the site.
    News(Option<Slug>, Slug),
    /// A free page: `pages/rules.md`.
    Page(Slug),
    /// A published photo (a leader's or the gallery's), by its file.
    Image(PathBuf),
    /// A document, by its file name in documents/.
    Document(String),
    /// A file of static/, by its path in the output.
    Static(String),
}

/// Every path in the site folder a link may name, and what it names.
#[derive(Debug, Clone, Default)]
pub struct SourceIndex {
    map: BTreeMap<String, Linked>,
}

impl SourceIndex {
    /// The index of `site`'s files.
    pub fn of(site: &Site) -> Self {
        let mut index = SourceIndex::default();
        let root = &site.config.root;
        for club in &site.clubs {
            index.club(club);
        }
        for n in &site.news {
            let linked = Linked::News(None, n.slug.clone());
            index.doc(root, "", &n.body, &linked);
            index.add(format!("news/{}-{}.md", n.date, n.slug), linked);
        }
        for p in &site.pages {
            let linked = Linked::Page(p.slug.clone());
            index.doc(root, "", &p.body, &linked);
            index.add(format!("pages/{}.md", p.slug), linked);
        }
        for d in &site.documents {
            let linked = Linked::Document(d.file.clone());
            index.add(format!("documents/{}", d.file), linked);
        }
        for a in &site.static_files {
            index.add(
                format!("static/{}", a.output),
                Linked::Static(a.output.clone()),
            );
        }
        index
    }

    /// What `path` (from the site folder, `/`-separated) names.
    pub fn get(&self, path: &str) -> Option<&Linked> {
        self.map.get(path)
    }

    fn add(&mut self, path: String, linked: Linked) {
        self.map.entry(path).or_insert(linked);
    }

    /// The files of a club, named from `clubs/<slug>/` whichever site
    /// folder it came from (a directory's included schools too).
    fn club(&mut self, club: &Club) {
        let prefix = format!("clubs/{}/", club.slug);
        let page = Linked::Club(club.slug.clone());
        self.add(prefix.trim_end_matches('/').to_string(), page.clone());
        self.add(format!("{prefix}club.yaml"), page.clone());
        self.doc(&club.dir, &prefix, &club.about, &page);
        for r in &club.reports {
            let linked = Linked::Report(club.slug.clone(), r.year);
            self.doc(&club.dir, &prefix, &r.body, &linked);
            for f in &r.files {
                self.file(&club.dir, &prefix, &f.file, &linked);
            }
        }
        for p in &club.plans {
            let linked = Linked::Plan(club.slug.clone(), p.year);
            self.file(&club.dir, &prefix, &p.file, &linked);
        }
        for n in &club.news {
            let linked = Linked::News(Some(club.slug.clone()), n.slug.clone());
            self.doc(&club.dir, &prefix, &n.body, &linked);
            self.add(format!("{prefix}news/{}-{}.md", n.date, n.slug), linked);
        }
        let leaders = club.leaders.iter().filter_map(|l| l.photo.as_ref());
        let photos = club.gallery.photos.iter().map(|p| &p.source);
        for photo in leaders.map(|p| club.dir.join(p)).chain(photos.cloned()) {
            let linked = Linked::Image(photo.clone());
            self.file(&club.dir, &prefix, &photo, &linked);
        }
    }

    fn doc(&mut self, base: &Path, prefix: &str, doc: &Doc, linked: &Linked) {
        for body in doc.bodies() {
            self.file(base, prefix, &body.file, linked);
        }
    }

    /// `file` by its path, and a language version (`rules.kk.md`) also
    /// by the name of the text (`rules.md`).
    fn file(&mut self, base: &Path, prefix: &str, file: &Path, linked: &Linked) {
        let Some(rel) = relative(base, file) else {
            return;
        };
        if let Some(text) = without_lang(&rel) {
            self.add(format!("{prefix}{text}"), linked.clone());
        }
        self.add(format!("{prefix}{rel}"), linked.clone());
    }

    /// The paths most like `path`: a near spelling of its file name in
    /// its folder, else of the whole path, else the files of its folder
    /// (at most five).
    fn nearest(&self, path: &str) -> Vec<&str> {
        let (folder, name) = path.rsplit_once('/').unwrap_or(("", path));
        let in_folder: Vec<&str> = self
            .map
            .keys()
            .filter(|k| k.rsplit_once('/').is_some_and(|(f, _)| f == folder))
            .map(String::as_str)
            .collect();
        let names = in_folder.iter().map(|k| &k[folder.len() + 1..]);
        if let Some(near) = did_you_mean(name, names) {
            let whole = format!("{folder}/{near}");
            return in_folder.into_iter().filter(|k| *k == whole).collect();
        }
        if let Some(near) = did_you_mean(path, self.map.keys().map(String::as_str)) {
            return vec![near];
        }
        in_folder.into_iter().take(5).collect()
    }
}

/// `rules.md` for `rules.kk.md`; `None` for a name without a language.
fn without_lang(path: &str) -> Option<String> {
    let stem = path.strip_suffix(".md")?;
    let (text, lang) = stem.rsplit_once('.')?;
    let is_lang = (2..=3).contains(&lang.len()) && lang.chars().all(|c| c.is_ascii_lowercase());
    (is_lang && !text.ends_with('/')).then(|| format!("{text}.md"))
}

/// `file` from `base`, `/`-separated.
fn relative(base: &Path, file: &Path) -> Option<String> {
    let rel = file.strip_prefix(base).ok()?;
    let parts: Vec<_> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect();
    Some(parts.join("/"))
}

/// Reports every link by source path of the site's Markdown that names
/// no file the site publishes.
pub(crate) fn check_source_links(site: &Site, index: &SourceIndex, diags: &mut Diagnostics) {
    // A file that is there but did not load (its club.yaml has an error,
    // already reported) is not "no such file": saying so would send the
    // teacher looking for a mistake in a link that is right.
    let after_errors = diags.has_errors();
    let unloaded = |path: &str| after_errors && on_disk(&site.config.root, path);
    for body in bodies(site) {
        for link in &body.links {
            if index.get(&link.path).is_none() && !unloaded(&link.path) {
                diags.push(missing(body, link, index.nearest(&link.path)));
            }
        }
    }
}

/// True when `path` (from the site folder) is a file there, or names one
/// of its language versions (`rules.md` for `rules.kk.md`).
fn on_disk(root: &Path, path: &str) -> bool {
    let file = crate::fs::join_clean(root, path);
    if file.is_file() {
        return true;
    }
    let (Some(dir), Some(stem)) = (
        file.parent(),
        path.rsplit('/').next().and_then(|n| n.strip_suffix(".md")),
    ) else {
        return false;
    };
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries.flatten().any(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.strip_prefix(stem)
                .and_then(|rest| rest.strip_prefix('.'))
                .and_then(|rest| without_lang(&format!("x.{rest}")))
                .is_some()
        })
    })
}

fn missing(body: &Body, link: &SourceLink, nearest: Vec<&str>) -> Diagnostic {
    let d = Diagnostic::error(
        "links/source-path",
        format!("`{}` is not a file of this site folder", link.path),
    );
    let d = match nearest.as_slice() {
        [one] => d
            .words("links-source-path-guess")
            .arg("suggestion", *one)
            .help(format!("did you mean `{one}`? Write the path from the site folder, e.g. pages/rules.md")),
        [] => d
            .words("links-source-path")
            .help("write the path of a file from the site folder, e.g. pages/rules.md or clubs/senim/reports/2024-2025.md"),
        many => d
            .words("links-source-path-list")
            .arg("files", many.join(", "))
            .help(format!("files in that folder: {}", many.join(", "))),
    };
    let mut at = Location::at(&body.file, link.line, link.column);
    at.width = Some(link.width);
    d.arg("path", &link.path).at(at)
}

/// Every Markdown text of the site.
fn bodies(site: &Site) -> impl Iterator<Item = &Body> {
    let clubs = site.clubs.iter().flat_map(|c| {
        let reports = c.reports.iter().flat_map(|r| r.body.bodies());
        let news = c.news.iter().flat_map(|n| n.body.bodies());
        c.about.bodies().chain(reports).chain(news)
    });
    let news = site.news.iter().flat_map(|n| n.body.bodies());
    let pages = site.pages.iter().flat_map(|p| p.body.bodies());
    clubs.chain(news).chain(pages)
}
