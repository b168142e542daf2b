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
mod statistics;
mod theme;
mod views;

use std::path::PathBuf;
use std::sync::Arc;

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

/// Renders the whole site. Template problems go to `diags`; the returned
/// files must not be published when `diags` has errors.
pub fn render_site(
    site: &Site,
    i18n: Arc<I18n>,
    options: &RenderOptions,
    diags: &mut Diagnostics,
) -> Vec<OutputFile> {
    let Some(theme) = theme::compile_theme(site, i18n.clone(), diags) else {
        return Vec::new();
    };
    let (image_map, mut files) = images::process_images(site, diags);
    let paths = Paths {
        kind: site.config.kind,
    };
    let jobs = pages::plan_pages(site, options.today);
    let results: Vec<Result<OutputFile, Diagnostic>> = jobs
        .par_iter()
        .map(|job| {
            let env = Env {
                site,
                i18n: &i18n,
                images: &image_map,
                paths,
                lang: &job.lang,
                root: job.root.clone(),
                today: options.today,
            };
            pages::render_page(&env, &theme, job, options.inject.as_deref())
        })
        .collect();
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
    files.extend(feeds::render_feeds(site, &i18n, paths));
    files.extend(exports::render_exports(site, paths));
    for (path, source) in &theme.statics {
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
        files.push(OutputFile::Copy {
            path: format!("documents/{}", doc.file),
            source: doc.source.clone(),
        });
    }
    files
}
