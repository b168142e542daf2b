//! The files rendering makes: [`OutputFile`], the files that are not
//! pages (images, feeds, exports, static files, documents), the clean-up
//! of control characters every rendered file gets, and the check that no
//! two files share an output path.
//!
//! Layer 4 (render): reads the `Site` and the compiled theme.

use std::path::PathBuf;
use std::sync::Arc;

use super::links::Paths;
use super::{Renderer, exports, feeds, theme};
use crate::diag::{Diagnostic, Diagnostics};

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

impl Renderer<'_> {
    /// Every file that is not a page: images, feeds and sitemap, the
    /// theme's and the site's static files, documents.
    pub fn other_files(&self) -> Vec<OutputFile> {
        let site = self.site;
        let paths = Paths {
            kind: site.config.kind,
        };
        let mut files = self.image_files.clone();
        let rendered = feeds::render_feeds(site, &self.i18n, &self.images, paths)
            .into_iter()
            .chain(exports::render_exports(site, paths));
        files.extend(rendered.map(well_formed));
        let appended = site.config.style.appended_css();
        for (path, source) in &self.theme.statics {
            if let (Some(extra), "assets/style.css") = (&appended, path.as_str()) {
                files.push(with_site_style(path, source, extra));
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
        // The logo is published re-encoded or checked (`logo`), never as
        // the file it was made from.
        let logo = site
            .config
            .style
            .logo
            .as_ref()
            .map(|l| l.in_static(&site.config.root));
        let copied = site
            .static_files
            .iter()
            .filter(|a| Some(&a.output) != logo.as_ref());
        for asset in copied {
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

/// The theme's style sheet with the site's own style (site.yaml
/// `style:`) after it, so that pages still load one style sheet.
fn with_site_style(path: &str, source: &theme::StaticSource, extra: &str) -> OutputFile {
    let mut bytes = match source {
        theme::StaticSource::Embedded(bytes) => bytes.to_vec(),
        theme::StaticSource::File(p) => match std::fs::read(p) {
            Ok(bytes) => bytes,
            // Copied as it is: writing it then says what is wrong with it,
            // rather than publishing the site's rules without the theme's.
            Err(_) => {
                return OutputFile::Copy {
                    path: path.to_string(),
                    source: p.clone(),
                };
            }
        },
    };
    bytes.extend_from_slice(extra.as_bytes());
    OutputFile::Bytes {
        path: path.to_string(),
        bytes,
    }
}

/// A rendered file without control characters, whatever its texts held
/// (a YAML escape such as `"\b"`, a character reference such as `&#11;`
/// in Markdown): one would make a feed or the sitemap invalid XML, and
/// show as nothing or a box on a page. The loaders already left out those
/// written in the files, with a warning.
pub(super) fn well_formed(file: OutputFile) -> OutputFile {
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
            .words("output-duplicate-path")
            .arg("path", path)
            .help("rename the file in static/ (or the page) so each output path is used once");
            if let Some(OutputFile::Copy { source, .. }) = file {
                d = d.in_file(source);
            }
            diags.push(d);
        }
    }
}
