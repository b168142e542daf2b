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
    let mut walker = WalkDir::new(dir)
        .follow_links(true)
        .max_depth(if deep { 32 } else { 1 })
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            let ignored = e.depth() > 0 && is_ignored(e.file_name().to_str().unwrap_or(""));
            !ignored && !is_excluded(e.path(), exclude)
        });
    let mut out = Vec::new();
    while let Some(entry) = walker.next() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                diags.push(walk_error(&e, dir));
                continue;
            }
        };
        if entry.path_is_symlink()
            && !entry
                .path()
                .canonicalize()
                .is_ok_and(|t| t.starts_with(&root_real))
        {
            diags.push(link_outside(entry.path()));
            // A link to a folder outside: none of its files is read.
            walker.skip_current_dir();
            continue;
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
        // The entry's own type needs no system call; only links are followed.
        let is_dir = match entry.file_type() {
            Ok(t) if t.is_symlink() => path.is_dir(),
            Ok(t) => t.is_dir(),
            Err(_) => path.is_dir(),
        };
        if is_ignored(&name) || !is_dir || is_excluded(&path, exclude) {
            continue;
        }
        if entry.file_type().is_ok_and(|t| t.is_symlink())
            && !path.canonicalize().is_ok_and(|t| t.starts_with(&root_real))
        {
            diags.push(link_outside(&path));
            continue;
        }
        out.push(path);
    }
    // Siblings: comparing the bytes orders them as comparing components
    // would, many times faster.
    out.sort_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
    out
}

fn link_outside(path: &Path) -> Diagnostic {
    Diagnostic::error(
        "file/link-outside",
        "this link leads outside the site folder, so it is not read",
    )
    .in_file(path)
    .help("copy the file or folder into the site folder instead of linking to it")
}

fn walk_error(e: &walkdir::Error, dir: &Path) -> Diagnostic {
    let path = e
        .path()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| dir.to_path_buf());
    let dangling = e
        .io_error()
        .is_some_and(|io| io.kind() == std::io::ErrorKind::NotFound)
        && path
            .symlink_metadata()
            .is_ok_and(|m| m.file_type().is_symlink());
    let (code, message) = if e.loop_ancestor().is_some() {
        (
            "file/link-loop",
            "this link points back to a folder that contains it (a loop); it was skipped"
                .to_string(),
        )
    } else if dangling {
        (
            "file/link-broken",
            "this link points to nothing; it was skipped".to_string(),
        )
    } else {
        ("file/unreadable-path", format!("could not read this: {e}"))
    };
    Diagnostic::warning(code, message)
        .in_file(path)
        .help("remove the link, or make it point to a real file or folder inside the site")
}

/// True when `path` (a file the loader names, such as club.yaml) really is
/// inside `root`, links resolved; otherwise reports it. A missing file is
/// fine here: the loader reports it itself.
pub(crate) fn inside(root: &Path, path: &Path, diags: &mut Diagnostics) -> bool {
    let Ok(real) = path.canonicalize() else {
        return true;
    };
    let root_real = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    if real.starts_with(&root_real) {
        return true;
    }
    diags.push(link_outside(path));
    false
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
