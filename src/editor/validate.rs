//! A change is checked before it is written: the site is copied into a
//! temporary folder (hard links where the system allows, so a copy costs
//! little), the changed files are written into the copy, and the one
//! pipeline's prepare step (`build::pipeline::prepare`, the step `build`,
//! `check` and `serve` all begin with) reads it. Its problems come back
//! with the site's own paths, so they read as the terminal shows them.
//!
//! Layer 8: part of `editor`.

use std::path::{Path, PathBuf};

use crate::content::LoadOptions;
use crate::diag::Diagnostics;

/// One changed file: its path in the site, and its new bytes.
pub(crate) struct Change {
    pub rel: String,
    pub bytes: Vec<u8>,
}

/// A problem found, as the terminal shows it.
#[derive(Debug, Clone)]
pub(crate) struct Problem {
    /// The file it is in, relative to the site.
    pub rel: Option<String>,
    pub line: Option<usize>,
    pub error: bool,
    /// The terminal's text, snippet included (of the changed file).
    pub text: String,
}

/// The problems the site would have with `changes` written, errors first.
pub(crate) fn validate(
    site: &Path,
    load: &LoadOptions,
    changes: &[Change],
    speak: &dyn crate::diag::Speak,
) -> std::io::Result<Vec<Problem>> {
    // The copy sits beside the site, so the folders site.yaml names
    // relative to it (`include: [../school-a]`, `theme: ../theme`) are
    // the same folders from the copy; the system's temporary folder
    // when the site's parent cannot be written.
    let beside = site.parent().and_then(|parent| {
        tempfile::Builder::new()
            .prefix(".bitimger-edit-")
            .tempdir_in(parent)
            .ok()
    });
    let tmp = match beside {
        Some(tmp) => tmp,
        None => tempfile::Builder::new()
            .prefix("bitimger-edit-")
            .tempdir()?,
    };
    let copy = tmp.path().to_path_buf();
    copy_tree(site, &copy, &load.exclude)?;
    for change in changes {
        let path = copy.join(&change.rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        // A hard link shares its bytes with the site's file: it goes first.
        let _ = std::fs::remove_file(&path);
        std::fs::write(&path, &change.bytes)?;
    }
    let mut diags = Diagnostics::new();
    let mut load = load.clone();
    load.cache = None;
    load.exclude.clear();
    let _ = crate::build::pipeline::prepare(&copy, &load, &mut diags);
    // Rendered while the copy exists: snippets show the changed text.
    Ok(diags
        .sorted()
        .into_iter()
        .map(|d| {
            let location = d.location.as_ref();
            let rel = location.and_then(|l| l.file.strip_prefix(&copy).ok());
            let mut one = Diagnostics::new();
            one.push(d.clone());
            Problem {
                rel: rel.map(|r| r.to_string_lossy().replace('\\', "/")),
                line: location.and_then(|l| l.line),
                error: d.is_error(),
                text: one.render_text(&copy, false, speak),
            }
        })
        .collect())
}

/// Copies `from` into `to`: files as hard links (copied where a link
/// cannot be made), links as links, hidden folders (`.git`) and the
/// `exclude` folders left out.
fn copy_tree(from: &Path, to: &Path, exclude: &[PathBuf]) -> std::io::Result<()> {
    let walk = walkdir::WalkDir::new(from).follow_links(false).into_iter();
    let entries = walk.filter_entry(|e| {
        let hidden = e.depth() > 0 && e.file_name().to_string_lossy().starts_with('.');
        !hidden && !exclude.iter().any(|x| e.path().starts_with(x))
    });
    for entry in entries {
        let entry = entry.map_err(std::io::Error::other)?;
        let rel = entry
            .path()
            .strip_prefix(from)
            .map_err(std::io::Error::other)?;
        let dest = to.join(rel);
        let kind = entry.file_type();
        if kind.is_dir() {
            std::fs::create_dir_all(&dest)?;
        } else if kind.is_symlink() {
            copy_link(entry.path(), &dest)?;
        } else if kind.is_file() && std::fs::hard_link(entry.path(), &dest).is_err() {
            std::fs::copy(entry.path(), &dest)?;
        }
    }
    Ok(())
}

#[cfg(unix)]
fn copy_link(from: &Path, to: &Path) -> std::io::Result<()> {
    std::os::unix::fs::symlink(std::fs::read_link(from)?, to)
}

#[cfg(not(unix))]
fn copy_link(_from: &Path, _to: &Path) -> std::io::Result<()> {
    Ok(())
}
