//! Content: walk the site folder, parse YAML and Markdown, validate, and
//! produce the [`Site`] model. No templates, no UI messages here.
//!
//! Layer 3: imports `diag`, `fs`, `types`, `yaml`, `builtin`, `config`.

mod cache;
mod check;
pub(crate) mod club;
mod documents;
mod indicators;
pub(crate) mod markdown;
pub mod model;
pub(crate) mod names;
pub mod placeholders;
pub(crate) mod posts;
pub(crate) mod raw;
mod rawhtml;
pub(crate) mod sanitize;
mod schedule;
pub mod slug;
mod sources;
pub mod stats;
pub(crate) mod svg;
pub(crate) mod unlisted;
pub(crate) mod urls;
mod walk;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

pub use cache::LoadCache;
pub(crate) use markdown::{SOURCE_MARK, split_front_matter};
pub use model::*;
pub use sources::{Linked, SourceIndex};
pub use walk::is_ignored;
pub(crate) use walk::{Found, inside, walk_tree};

use crate::config::{Config, SiteKind, load_config};
use crate::diag::{Diagnostic, Diagnostics, Location};
use crate::types::LangCode;
use crate::yaml::{self, Seg, Source};
use check::Fields;
use raw::RawPrinciple;

/// Knobs of loading.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Include drafts.
    pub drafts: bool,
    /// Folders never read as content (the output folder).
    pub exclude: Vec<PathBuf>,
    /// Clubs kept from an earlier load (serve); `None` reads everything.
    pub cache: Option<Arc<LoadCache>>,
    /// The site's address for this run instead of site.yaml's
    /// `base_url` (`build --base-url`), checked like it.
    pub base_url: Option<String>,
    /// A directory's included folders with errors are left out of the
    /// site, with a warning, instead of failing it (`--skip-broken-includes`).
    pub skip_broken_includes: bool,
    /// Included folders not read (those left out as broken).
    pub leave_out: Vec<PathBuf>,
}

/// What every loader needs to know.
pub(crate) struct LoadContext<'a> {
    pub config: &'a Config,
    /// The folder being read (the site, or an included site).
    pub root: &'a Path,
    pub drafts: bool,
    pub exclude: Vec<PathBuf>,
    /// The site's principles.yaml, when it has one.
    pub principles: Option<Vec<PrincipleText>>,
    /// Clubs kept from an earlier load.
    pub cache: Option<&'a LoadCache>,
}

/// The language codes of site.yaml's texts (`title`, `description`, the
/// publisher's `name`), checked as those of every other file.
fn site_texts(config: &Config, diags: &mut Diagnostics) {
    let file = config.file();
    let src = Source {
        text: &config.text,
        file: &file,
        line_offset: 0,
        family: "site",
    };
    let mut f = Fields::new(src, config, diags);
    f.lang_codes(&config.title, &[Seg::Key("title")]);
    if let Some(d) = &config.description {
        f.lang_codes(d, &[Seg::Key("description")]);
    }
    if let Some(p) = &config.publisher {
        f.lang_codes(&p.name, &[Seg::Key("publisher"), Seg::Key("name")]);
    }
}

/// Loads and validates the site in `root`. Every problem goes to `diags`;
/// the site is returned whenever site.yaml itself could be read, so `check`
/// can go on, but must not be published when `diags` has errors.
pub fn load_site(root: &Path, options: &LoadOptions, diags: &mut Diagnostics) -> Option<Site> {
    let mut config = load_config(root, diags)?;
    if let Some(url) = &options.base_url {
        config.base_url = crate::config::base_url_option(url, diags);
    }
    if let Some(cache) = &options.cache {
        cache.check_context(root, options.drafts);
    }
    let mut ctx = LoadContext {
        config: &config,
        root,
        drafts: options.drafts,
        exclude: options.exclude.clone(),
        principles: None,
        cache: options.cache.as_deref(),
    };
    site_texts(&config, diags);
    let mut data = Vec::new();
    ctx.principles = load_principles(&ctx, &mut data, diags);
    let (mut clubs, mut folders) = load_clubs(&ctx, root, diags);
    let read = config
        .include
        .iter()
        .filter(|d| !options.leave_out.contains(d));
    for included in read {
        let (more, n) = load_included(&config, included, options, diags);
        clubs.extend(more);
        folders += n;
    }
    check_duplicate_slugs(&clubs, diags);
    clubs.sort_by(|a, b| a.slug.cmp(&b.slug));
    check_kind(&config, folders, diags);
    let news = posts::load_news(&ctx, &root.join("news"), None, diags);
    let pages = posts::load_pages(&ctx, &root.join("pages"), diags);
    let documents = documents::load_documents(&ctx, &mut data, diags);
    let static_files: Vec<Asset> =
        walk::files(root, &root.join("static"), true, &ctx.exclude, diags)
            .into_iter()
            .filter_map(|p| asset(&root.join("static"), p))
            .collect();
    for a in &static_files {
        if let Some(problem) = names::path_problem(&a.output) {
            diags.push(
                names::name_diagnostic(&problem, names::Named::Name, &a.output).in_file(&a.source),
            );
        }
    }
    let templates = load_templates(&ctx, diags);
    let messages = message_files(&config, &ctx.exclude, diags);
    let principles = ctx.principles.take();
    let mut site = Site {
        config,
        clubs,
        news,
        pages,
        documents,
        principles,
        static_files,
        templates,
        messages,
        data,
        sources: SourceIndex::default(),
    };
    site.sources = SourceIndex::of(&site);
    sources::check_source_links(&site, &site.sources, diags);
    Some(site)
}

/// The clubs of `root`, and how many club folders there are (a club with
/// errors is not loaded, but still counts as the school's one club). Clubs
/// load in parallel, each with its own diagnostics, merged in folder order
/// so reports read the same on every run.
fn load_clubs(ctx: &LoadContext<'_>, root: &Path, diags: &mut Diagnostics) -> (Vec<Club>, usize) {
    let dirs = walk::dirs(root, &root.join("clubs"), &ctx.exclude, diags);
    // Each club loads on its own thread with its own diagnostics, merged
    // in folder order so reports read the same on every run.
    let loaded: Vec<(Option<Club>, Diagnostics)> = dirs
        .par_iter()
        .map(|dir| {
            let mut own = Diagnostics::new();
            let club = match ctx.cache {
                None => club::load_club(ctx, dir, &mut own),
                Some(cache) => cache.club(dir, &mut own, |d| club::load_club(ctx, dir, d)),
            };
            (club, own)
        })
        .collect();
    let clubs = loaded
        .into_iter()
        .filter_map(|(club, own)| {
            diags.extend(own);
            club
        })
        .collect();
    (clubs, dirs.len())
}

/// Clubs of another site folder named in `include:` (config/include.rs checked that
/// it exists). Its site.yaml, when it has one, is checked too, so a broken
/// school folder fails the directory's build with its own path.
fn load_included(
    config: &Config,
    dir: &Path,
    options: &LoadOptions,
    diags: &mut Diagnostics,
) -> (Vec<Club>, usize) {
    if dir.join("site.yaml").is_file()
        && let Some(own) = load_config(dir, diags)
        && !own.include.is_empty()
    {
        diags.push(
            Diagnostic::warning(
                "site/include-nested",
                format!(
                    "the included folder {} has its own `include:`, which the directory does not follow",
                    dir.display()
                ),
            )
            .words("site-include-nested")
            .arg("folder", dir.display())
            .in_file(own.file())
            .help("name every school folder in the directory's own site.yaml"),
        );
    }
    let ctx = LoadContext {
        config,
        root: dir,
        drafts: options.drafts,
        exclude: options.exclude.clone(),
        principles: None,
        cache: options.cache.as_deref(),
    };
    let principles = load_principles(&ctx, &mut Vec::new(), diags);
    let ctx = LoadContext { principles, ..ctx };
    load_clubs(&ctx, dir, diags)
}

fn check_duplicate_slugs(clubs: &[Club], diags: &mut Diagnostics) {
    // A map, not a scan of the earlier clubs: directories have thousands.
    let mut first: std::collections::HashMap<&str, &Club> = std::collections::HashMap::new();
    for a in clubs {
        let b = *first.entry(&a.slug).or_insert(a);
        if !std::ptr::eq(a, b) {
            diags.push(
                Diagnostic::error(
                    "club/duplicate-slug",
                    format!(
                        "two clubs have the web address `{}`: {} and {}",
                        a.slug,
                        b.dir.display(),
                        a.dir.display()
                    ),
                )
                .words("club-duplicate-slug")
                .arg("address", &a.slug)
                .arg("first", b.dir.display())
                .arg("second", a.dir.display())
                .in_file(a.dir.join("club.yaml"))
                .help("rename one of the two folders"),
            );
        }
    }
}

fn check_kind(config: &Config, club_folders: usize, diags: &mut Diagnostics) {
    if config.kind == SiteKind::School && club_folders != 1 {
        let d = if club_folders == 0 {
            Diagnostic::error(
                "site/club-count",
                "a school site needs one club, and clubs/ has none",
            )
            .words("site-club-count-none")
        } else {
            Diagnostic::error(
                "site/club-count",
                format!("a school site has exactly one club, and clubs/ has {club_folders}"),
            )
            .words("site-club-count")
            .arg("n", club_folders)
        };
        diags.push(
            d.in_file(config.file())
                .help("put the club in clubs/<name>/club.yaml; for a region with many clubs, write `kind: directory` in site.yaml"),
        );
    }
}

/// The site's principles.yaml, when it has one; its text goes to `kept`.
fn load_principles(
    ctx: &LoadContext<'_>,
    kept: &mut Vec<SourceText>,
    diags: &mut Diagnostics,
) -> Option<Vec<PrincipleText>> {
    let file = ctx.root.join("principles.yaml");
    if !file.is_file() || !walk::inside(ctx.root, &file, diags) {
        return None;
    }
    let text = crate::fs::read_content(&file, diags)?;
    kept.push(SourceText {
        file: file.clone(),
        text: Arc::from(text.as_str()),
    });
    let src = Source {
        text: &text,
        file: &file,
        line_offset: 0,
        family: "principles",
    };
    let raw: Vec<RawPrinciple> = yaml::read(src, diags)?;
    let mut f = Fields::new(src, ctx.config, diags);
    Some(
        raw.into_iter()
            .enumerate()
            .map(|(i, p)| club::custom_principle(p, i, &mut f, &[Seg::Index(i)]))
            .collect(),
    )
}

/// The texts and numbers of YAML `text` (a file, or front matter that
/// starts after `line_offset` lines of `file`) as the loader reads them:
/// escapes decoded, folded lines joined. Each comes with the location of
/// its value; `wanted` chooses. For the rules that look at what is
/// published, on the text the model kept.
pub(crate) fn values_as_read(
    file: &Path,
    text: &str,
    line_offset: usize,
    wanted: &dyn Fn(&str) -> bool,
) -> Vec<(Location, String)> {
    let source = Source {
        text,
        file,
        line_offset,
        family: "site",
    };
    yaml::find_values(source, wanted)
}

/// The UI message files over the built-in ones, in the order they apply:
/// a theme folder's `i18n/<lang>.ftl`, then the site's own (which wins).
fn message_files(
    config: &Config,
    exclude: &[PathBuf],
    diags: &mut Diagnostics,
) -> Vec<(LangCode, PathBuf)> {
    let theme = match &config.theme {
        crate::config::Theme::Folder(dir) => Some(dir.as_path()),
        crate::config::Theme::Default => None,
    };
    theme
        .into_iter()
        .chain(std::iter::once(config.root.as_path()))
        .flat_map(|dir| walk::files(dir, &dir.join("i18n"), false, exclude, diags))
        .filter_map(|p| {
            let lang = LangCode::new(p.file_name()?.to_str()?.strip_suffix(".ftl")?);
            Some((lang, p))
        })
        .collect()
}

fn asset(base: &Path, path: PathBuf) -> Option<Asset> {
    let rel = path.strip_prefix(base).ok()?;
    let output = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/");
    Some(Asset {
        source: path,
        output,
    })
}

fn load_templates(
    ctx: &LoadContext<'_>,
    diags: &mut Diagnostics,
) -> Vec<(String, String, PathBuf)> {
    let dir = ctx.root.join("templates");
    walk::files(ctx.root, &dir, true, &ctx.exclude, diags)
        .into_iter()
        .filter_map(|p| {
            let name = asset(&dir, p.clone())?.output;
            let text = crate::fs::read_content(&p, diags)?;
            Some((name, text, p))
        })
        .collect()
}
