//! Listing the files of a site folder safely: no link leads out of the
//! site, link loops end, and the output folder is never read as content.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::diag::{Diagnostic, Diagnostics};

/// Files of `dir` (recursively when `deep`), sorted, skipping hidden files
/// and editor leftovers. Links are followed only when they stay inside
/// `root`; loops and links out are reported.
pub(crate) fn files(
    root: &Path,
    dir: &Path,
    deep: bool,
    exclude: &[PathBuf],
    diags: &mut Diagnostics,
) -> Vec<PathBuf> {
    if !dir.is_dir() {
        return Vec::new();
    }
    let root_real = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let walker = WalkDir::new(dir)
        .follow_links(true)
        .max_depth(if deep { 32 } else { 1 })
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            let ignored = e.depth() > 0 && is_ignored(e.file_name().to_str().unwrap_or(""));
            !ignored && !is_excluded(e.path(), exclude)
        });
    let mut out = Vec::new();
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e
                    .path()
                    .map(Path::to_path_buf)
                    .unwrap_or_else(|| dir.to_path_buf());
                let message = if e.loop_ancestor().is_some() {
                    "this link points back to a folder that contains it (a loop); it was skipped"
                        .to_string()
                } else {
                    format!("could not read this: {e}")
                };
                diags.push(
                    Diagnostic::warning("file/unreadable-path", message)
                        .in_file(path)
                        .help("remove the link, or make it point to a real folder"),
                );
                continue;
            }
        };
        if entry.path_is_symlink() {
            let target = entry.path().canonicalize();
            if !target.as_ref().is_ok_and(|t| t.starts_with(&root_real)) {
                diags.push(
                    Diagnostic::error(
                        "file/link-outside",
                        "this link leads outside the site folder",
                    )
                    .in_file(entry.path())
                    .help("copy the file into the site folder instead of linking to it"),
                );
                continue;
            }
        }
        if entry.file_type().is_file() {
            out.push(entry.into_path());
        }
    }
    out
}

/// Sub-folders of `dir`, sorted (not hidden, not links out of `root`).
pub(crate) fn dirs(
    root: &Path,
    dir: &Path,
    exclude: &[PathBuf],
    diags: &mut Diagnostics,
) -> Vec<PathBuf> {
    let Ok(read) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let root_real = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let mut out: Vec<PathBuf> = Vec::new();
    for entry in read.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().to_string();
        if is_ignored(&name) || !path.is_dir() || is_excluded(&path, exclude) {
            continue;
        }
        if entry.file_type().is_ok_and(|t| t.is_symlink())
            && !path.canonicalize().is_ok_and(|t| t.starts_with(&root_real))
        {
            diags.push(
                Diagnostic::error(
                    "file/link-outside",
                    "this link leads outside the site folder",
                )
                .in_file(&path)
                .help("copy the folder into the site folder instead of linking to it"),
            );
            continue;
        }
        out.push(path);
    }
    out.sort();
    out
}

/// True when `path` is in one of the `exclude` folders (absolute paths, as
/// the output folder is given). The site folder may be given as a relative
/// path, so the path is made absolute before comparing.
fn is_excluded(path: &Path, exclude: &[PathBuf]) -> bool {
    if exclude.is_empty() {
        return false;
    }
    let absolute = path
        .canonicalize()
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf());
    exclude
        .iter()
        .any(|x| path.starts_with(x) || absolute.starts_with(x))
}

/// Hidden files, editor backups and temporary files.
pub fn is_ignored(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('~')
        || name.starts_with("#")
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name.ends_with(".bak")
        || name.eq_ignore_ascii_case("Thumbs.db")
        || name.eq_ignore_ascii_case("desktop.ini")
}
