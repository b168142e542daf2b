//! Render: `&Site` + theme + UI messages → every output file, handed to a
//! sink as it is rendered (or collected, for `serve` and tests).
//! Pages render in parallel; nothing here touches the output folder.
//! Here: the [`Renderer`] and its page tasks; the files themselves and
//! those that are not pages are in `files`.
//!
//! Layer 4: imports `content`, `i18n`, `config`, `diag`, `types`, `builtin`,
//! `progress`.

mod charts;
mod directory;
mod exports;
mod feeds;
mod files;
mod images;
mod kinds;
mod links;
mod logo;
mod pages;
mod qr;
mod sources;
mod spreadsheets;
mod statistics;
mod structured;
mod theme;
mod views;

use std::ops::ControlFlow;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use rayon::prelude::*;

use crate::content::Site;
use crate::diag::{Diagnostic, Diagnostics};
use crate::i18n::I18n;
use crate::progress::ProgressHandle;
use crate::types::Date;
pub use files::{OutputFile, check_unique_paths};
pub use images::{PhotoCounts, cache_photos_on_disk, check_photo};
pub(crate) use links::{PageId, Paths};
pub(crate) use sources::page_file as source_page_file;
pub use theme::default_theme_files;
pub(crate) use views::escape as escape_html;

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
    /// The site's logo, when it has one.
    pub logo: Option<&'a logo::Published>,
}

impl Env<'_> {
    /// A link from this page to `id` in this language.
    pub(crate) fn href(&self, id: &PageId) -> String {
        self.href_in(self.lang, id)
    }

    /// A link from this page to `id` in `lang`.
    pub(crate) fn href_in(&self, lang: &str, id: &PageId) -> String {
        let mut href = String::with_capacity(self.root.len() + 48);
        href.push_str(&self.root);
        self.paths.push_file(&mut href, lang, id);
        href
    }

    /// What makes this page's links by source path.
    pub(crate) fn source_links(&self) -> sources::SourceLinks<'_> {
        sources::SourceLinks {
            site: self.site,
            images: self.images,
            paths: self.paths,
            lang: self.lang,
        }
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
    logo: Option<logo::Published>,
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
        let (images, mut image_files, photos) =
            images::process_images(site, &options.progress, diags);
        let logo = site.config.style.logo.as_ref();
        let (logo, logo_file) = logo::publish_logo(logo, &images, diags);
        image_files.extend(logo_file);
        Some(Renderer {
            site,
            i18n,
            options,
            theme,
            images,
            image_files,
            photos,
            qr: qr::QrCache::new(site),
            logo,
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
            logo: self.logo.as_ref(),
        };
        let page = pages::render_page(&env, &self.theme, job).map(files::well_formed);
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
}
