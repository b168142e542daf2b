//! Render: `&Site` + theme + UI messages → every output file, handed to a
//! sink as it is rendered (or collected, for `serve` and tests).
//! Pages render in parallel; nothing here touches the output folder.
//!
//! Layer 4: imports `content`, `i18n`, `config`, `diag`, `types`, `builtin`,
//! `progress`.

mod charts;
mod directory;
mod exports;
mod feeds;
mod images;
mod kinds;
mod links;
mod pages;
mod qr;
mod statistics;
mod structured;
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
use crate::progress::ProgressHandle;
use crate::types::Date;
pub use images::{PhotoCounts, cache_photos_on_disk};
pub(crate) use links::{PageId, Paths};
pub(crate) use views::escape as escape_html;

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
    /// Told of the photos and pages done.
    pub progress: ProgressHandle,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            today: Date::today(),
            progress: ProgressHandle::default(),
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
    /// Posters' QR codes, shared by the languages of a poster.
    pub qr: &'a qr::QrCache,
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

/// One page of the site, rendered on its own by [`Renderer::render`]
/// (serve renders the pages of a changed club before the others).
#[derive(Debug, Clone)]
pub struct PageTask {
    job: pages::PageJob,
    club: Option<String>,
}

impl PageTask {
    /// Its path in the output, e.g. `kk/clubs/senim/index.html`.
    pub fn path(&self) -> &str {
        &self.job.file
    }

    /// The slug of the club whose content the page shows, for a club's own
    /// pages (and the home page of a school site).
    pub fn club(&self) -> Option<&str> {
        self.club.as_deref()
    }
}

/// A site ready to be rendered page by page: theme compiled, images
/// processed.
pub struct Renderer<'a> {
    site: &'a Site,
    i18n: Arc<I18n>,
    options: &'a RenderOptions,
    theme: theme::CompiledTheme,
    images: images::ImageMap,
    image_files: Vec<OutputFile>,
    photos: PhotoCounts,
    qr: qr::QrCache,
}

impl<'a> Renderer<'a> {
    /// Compiles the theme and processes the images; `None` (with the
    /// problem in `diags`) when the templates do not compile.
    pub fn new(
        site: &'a Site,
        i18n: Arc<I18n>,
        options: &'a RenderOptions,
        diags: &mut Diagnostics,
    ) -> Option<Self> {
        let theme = theme::compile_theme(site, i18n.clone(), diags)?;
        let (images, image_files, photos) = images::process_images(site, &options.progress, diags);
        Some(Renderer {
            site,
            i18n,
            options,
            theme,
            images,
            image_files,
            photos,
            qr: qr::QrCache::new(site),
        })
    }

    /// How many published images came from the photo cache, how many were
    /// encoded.
    pub fn photos(&self) -> PhotoCounts {
        self.photos
    }

    /// Every page of the site, in every language.
    pub fn pages(&self) -> Vec<PageTask> {
        self.tasks(pages::plan_pages(self.site, self.options.today))
    }

    /// The pages showing the club `slug` (its own pages, and the home page
    /// of a school site), in every language.
    pub fn club_pages(&self, slug: &str) -> Vec<PageTask> {
        let site = self.site;
        let Some(club) = site.clubs.iter().find(|c| c.slug == slug) else {
            return Vec::new();
        };
        let ids = pages::Layout::of(site).pages_showing(club);
        self.tasks(pages::jobs_for(site, &ids))
    }

    fn tasks(&self, jobs: Vec<pages::PageJob>) -> Vec<PageTask> {
        let school_club = pages::Layout::of(self.site)
            .home_club()
            .map(|c| c.slug.as_str());
        // A file of the site's static/ replaces a page of the same path.
        let shadowed: std::collections::HashSet<&str> = self
            .site
            .static_files
            .iter()
            .map(|a| a.output.as_str())
            .collect();
        jobs.into_iter()
            .filter(|job| !shadowed.contains(job.file.as_str()))
            .map(|job| {
                let club = match &job.kind {
                    pages::JobKind::Page(PageId::Home) => school_club,
                    pages::JobKind::Page(id) => id.club(),
                    _ => None,
                }
                .map(str::to_string);
                PageTask { job, club }
            })
            .collect()
    }

    /// Renders one page.
    pub fn render(&self, task: &PageTask) -> Result<OutputFile, Diagnostic> {
        let job = &task.job;
        let env = Env {
            site: self.site,
            i18n: &self.i18n,
            images: &self.images,
            paths: Paths {
                kind: self.site.config.kind,
            },
            lang: &job.lang,
            root: job.root.clone(),
            today: self.options.today,
            qr: &self.qr,
        };
        let page = pages::render_page(&env, &self.theme, job).map(well_formed);
        self.options.progress.advance(1);
        page
    }

    /// Renders `tasks` and hands them and `others` to `sink`, in parallel,
    /// each as soon as it is ready, so the rendered bytes of all pages are
    /// never in memory at once. Once `diags` holds an error (from loading,
    /// a clash of output paths or a template), nothing more goes to `sink`,
    /// and what it got must not be published; rendering still goes on, so
    /// every template problem is reported.
    pub fn render_to(
        &self,
        tasks: &[PageTask],
        others: Vec<OutputFile>,
        diags: &mut Diagnostics,
        sink: Sink<'_>,
    ) {
        let failed = AtomicBool::new(diags.has_errors());
        let stopped = AtomicBool::new(false);
        let send = |f: OutputFile| {
            if !failed.load(Ordering::Relaxed)
                && !stopped.load(Ordering::Relaxed)
                && sink(f).is_break()
            {
                stopped.store(true, Ordering::Relaxed);
            }
        };
        others.into_par_iter().for_each(send);
        let errors = Mutex::new(Vec::new());
        tasks.par_iter().for_each(|task| {
            if stopped.load(Ordering::Relaxed) {
                return;
            }
            match self.render(task) {
                Ok(f) => send(f),
                Err(d) => {
                    failed.store(true, Ordering::Relaxed);
                    errors.lock().unwrap_or_else(|e| e.into_inner()).push(d);
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

    /// Renders `tasks` in parallel; each distinct problem goes to `diags` once.
    pub fn render_tasks(&self, tasks: &[&PageTask], diags: &mut Diagnostics) -> Vec<OutputFile> {
        let results: Vec<Result<OutputFile, Diagnostic>> =
            tasks.par_iter().map(|task| self.render(task)).collect();
        let mut files = Vec::with_capacity(results.len());
        let mut seen = std::collections::HashSet::new();
        for r in results {
            match r {
                Ok(f) => files.push(f),
                Err(d) => {
                    if seen.insert(d.to_string()) {
                        diags.push(d);
                    }
                }
            }
        }
        files
    }

    /// Every file that is not a page: images, feeds and sitemap, the
    /// theme's and the site's static files, documents.
    pub fn other_files(&self) -> Vec<OutputFile> {
        let site = self.site;
        let paths = Paths {
            kind: site.config.kind,
        };
        let mut files = self.image_files.clone();
        let rendered = feeds::render_feeds(site, &self.i18n, paths)
            .into_iter()
            .chain(exports::render_exports(site, paths));
        files.extend(rendered.map(well_formed));
        for (path, source) in &self.theme.statics {
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
            files.retain(|f| f.path() != asset.output);
            files.push(OutputFile::Copy {
                path: asset.output.clone(),
                source: asset.source.clone(),
            });
        }
        for doc in &site.documents {
            let path = format!("documents/{}", doc.file);
            files.push(match &doc.cleaned {
                Some(page) => OutputFile::Shared {
                    path,
                    bytes: page.clone(),
                },
                None => OutputFile::Copy {
                    path,
                    source: doc.source.clone(),
                },
            });
        }
        files
    }
}

/// A rendered file without control characters, whatever its texts held
/// (a YAML escape such as `"\b"`, a character reference such as `&#11;`
/// in Markdown): one would make a feed or the sitemap invalid XML, and
/// show as nothing or a box on a page. The loaders already left out those
/// written in the files, with a warning.
fn well_formed(file: OutputFile) -> OutputFile {
    match file {
        OutputFile::Bytes { path, bytes } if crate::fs::may_hold_controls(&bytes) => {
            let bytes = match std::str::from_utf8(&bytes).map(crate::fs::without_controls) {
                Ok(std::borrow::Cow::Owned(clean)) => clean.into_bytes(),
                _ => bytes,
            };
            OutputFile::Bytes { path, bytes }
        }
        other => other,
    }
}

/// Two things writing the same output file would lose one of them. Checked
/// before anything is rendered.
pub fn check_unique_paths<'a>(
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
