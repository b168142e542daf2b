//! Render: `&Site` + theme + UI messages → every output file, in memory.
//! Pages render in parallel; nothing here touches the output folder.
//!
//! Layer 3: imports `content`, `i18n`, `config`, `diag`, `types`, `builtin`.

mod charts;
mod directory;
mod exports;
mod feeds;
mod images;
mod links;
mod pages;
mod qr;
mod statistics;
mod theme;
mod views;

use std::ops::ControlFlow;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use rayon::prelude::*;

use crate::content::Site;
use crate::diag::{Diagnostic, Diagnostics};
use crate::i18n::I18n;
use crate::types::Date;
pub(crate) use links::{PageId, Paths};

/// One file of the output.
#[derive(Debug, Clone)]
pub enum OutputFile {
    /// Rendered bytes.
    Bytes {
        /// Path in the output, `/`-separated.
        path: String,
        /// Content.
        bytes: Vec<u8>,
    },
    /// Bytes shared with a cache (processed images).
    Shared {
        /// Path in the output.
        path: String,
        /// Content.
        bytes: Arc<Vec<u8>>,
    },
    /// Bytes embedded in the binary (the default theme's files).
    Embedded {
        /// Path in the output.
        path: String,
        /// Content.
        bytes: &'static [u8],
    },
    /// A file copied as it is (static/, documents/).
    Copy {
        /// Path in the output.
        path: String,
        /// The file to copy.
        source: PathBuf,
    },
}

impl OutputFile {
    /// Its path in the output.
    pub fn path(&self) -> &str {
        match self {
            OutputFile::Bytes { path, .. }
            | OutputFile::Shared { path, .. }
            | OutputFile::Embedded { path, .. }
            | OutputFile::Copy { path, .. } => path,
        }
    }

    /// Its content in memory, when it has one (not for copies).
    pub fn bytes(&self) -> Option<&[u8]> {
        match self {
            OutputFile::Bytes { bytes, .. } => Some(bytes),
            OutputFile::Shared { bytes, .. } => Some(bytes),
            OutputFile::Embedded { bytes, .. } => Some(bytes),
            OutputFile::Copy { .. } => None,
        }
    }
}

/// Knobs of rendering.
#[derive(Debug, Clone)]
pub struct RenderOptions {
    /// The day of the build: picks the current plan.
    pub today: Date,
    /// A script tag appended to every HTML page (serve's live reload only).
    pub inject: Option<String>,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            today: Date::today(),
            inject: None,
        }
    }
}

/// What one page is rendered with.
pub(crate) struct Env<'a> {
    pub site: &'a Site,
    pub i18n: &'a I18n,
    pub images: &'a images::ImageMap,
    pub paths: Paths,
    pub lang: &'a str,
    /// Relative prefix to the output root.
    pub root: String,
    pub today: Date,
}

impl Env<'_> {
    /// A link from this page to `id` in this language.
    pub(crate) fn href(&self, id: &PageId) -> String {
        format!("{}{}", self.root, self.paths.file(self.lang, id))
    }
}

/// Compiles the theme only, reporting template errors (for a site whose
/// content has errors, so its pages are not rendered).
pub fn check_theme(site: &Site, i18n: Arc<I18n>, diags: &mut Diagnostics) {
    let _ = theme::compile_theme(site, i18n, diags);
}

/// Receives each rendered file as soon as it is ready, from several threads
/// at once; `Break` stops the rendering (the writer hit an I/O error).
pub type Sink<'s> = &'s (dyn Fn(OutputFile) -> ControlFlow<()> + Sync);

/// Renders the whole site into memory. Template problems go to `diags`; the
/// returned files (sorted by path) must not be published when `diags` has
/// errors.
pub fn render_site(
    site: &Site,
    i18n: Arc<I18n>,
    options: &RenderOptions,
    diags: &mut Diagnostics,
) -> Vec<OutputFile> {
    let files = Mutex::new(Vec::new());
    let keep = |f: OutputFile| {
        files.lock().unwrap_or_else(|e| e.into_inner()).push(f);
        ControlFlow::Continue(())
    };
    render_site_to(site, i18n, options, diags, &keep);
    let mut files = files.into_inner().unwrap_or_else(|e| e.into_inner());
    files.sort_by(|a, b| a.path().cmp(b.path()));
    files
}

/// Renders the whole site, handing every file to `sink` as soon as it is
/// rendered, so the rendered bytes of all pages are never in memory at once.
/// Pages render in parallel. Once `diags` holds an error (from loading, a
/// clash of output paths or a template), nothing more goes to `sink`, and
/// what it got must not be published; rendering still goes on, so every
/// template problem is reported.
pub fn render_site_to(
    site: &Site,
    i18n: Arc<I18n>,
    options: &RenderOptions,
    diags: &mut Diagnostics,
    sink: Sink<'_>,
) {
    let Some(theme) = theme::compile_theme(site, i18n.clone(), diags) else {
        return;
    };
    let (image_map, mut extras) = images::process_images(site, diags);
    let paths = Paths {
        kind: site.config.kind,
    };
    let groups = pages::plan_pages(site, options.today);
    extras.extend(feeds::render_feeds(site, &i18n, paths));
    extras.extend(exports::render_exports(site, paths));
    extras.extend(other_files(site, &theme));
    check_unique_paths(
        groups.iter().flatten().map(|j| j.file.as_str()),
        &extras,
        diags,
    );
    let failed = AtomicBool::new(diags.has_errors());
    let stopped = AtomicBool::new(false);
    let send = |f: OutputFile| {
        if !failed.load(Ordering::Relaxed) && !stopped.load(Ordering::Relaxed) && sink(f).is_break()
        {
            stopped.store(true, Ordering::Relaxed);
        }
    };
    extras.into_par_iter().for_each(send);
    let errors = Mutex::new(Vec::new());
    groups.par_iter().for_each(|group| {
        if stopped.load(Ordering::Relaxed) {
            return;
        }
        let shared = match group.first() {
            Some(job) => pages::Shared::of(site, &job.kind),
            None => return,
        };
        for job in group {
            let env = Env {
                site,
                i18n: &i18n,
                images: &image_map,
                paths,
                lang: &job.lang,
                root: job.root.clone(),
                today: options.today,
            };
            match pages::render_page(&env, &theme, job, &shared, options.inject.as_deref()) {
                Ok(f) => send(f),
                Err(d) => {
                    failed.store(true, Ordering::Relaxed);
                    errors.lock().unwrap_or_else(|e| e.into_inner()).push(d);
                }
            }
        }
    });
    // The same template problem shows on many pages: report it once, in
    // the same order on every run.
    let mut errors = errors.into_inner().unwrap_or_else(|e| e.into_inner());
    errors.sort_by_cached_key(|d| d.to_string());
    errors.dedup_by_key(|d| d.to_string());
    for d in errors {
        diags.push(d);
    }
}

/// Files that are not pages: the theme's and the site's static files (the
/// site's win) and the published documents.
fn other_files(site: &Site, theme: &theme::CompiledTheme) -> Vec<OutputFile> {
    let mut files = Vec::new();
    for (path, source) in &theme.statics {
        if site.static_files.iter().any(|a| &a.output == path) {
            continue;
        }
        files.push(match source {
            theme::StaticSource::Embedded(bytes) => OutputFile::Embedded {
                path: path.clone(),
                bytes,
            },
            theme::StaticSource::File(p) => OutputFile::Copy {
                path: path.clone(),
                source: p.clone(),
            },
        });
    }
    for asset in &site.static_files {
        files.push(OutputFile::Copy {
            path: asset.output.clone(),
            source: asset.source.clone(),
        });
    }
    for doc in &site.documents {
        files.push(OutputFile::Copy {
            path: format!("documents/{}", doc.file),
            source: doc.source.clone(),
        });
    }
    files
}

/// Two things writing the same output file (e.g. static/kk/index.html over a
/// page) would lose one of them. Checked before anything is rendered.
fn check_unique_paths<'a>(
    pages: impl Iterator<Item = &'a str>,
    others: &'a [OutputFile],
    diags: &mut Diagnostics,
) {
    let mut seen = std::collections::HashSet::new();
    let all = pages
        .map(|p| (p, None))
        .chain(others.iter().map(|f| (f.path(), Some(f))));
    for (path, file) in all {
        if !seen.insert(path) {
            let mut d = Diagnostic::error(
                "output/duplicate-path",
                format!("two files would be written to `{path}`"),
            )
            .help("rename the file in static/ (or the page) so each output path is used once");
            if let Some(OutputFile::Copy { source, .. }) = file {
                d = d.in_file(source);
            }
            diags.push(d);
        }
    }
}
