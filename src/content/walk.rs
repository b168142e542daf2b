//! Listing the files of a site folder safely: no link is followed before
//! it is known to stay inside the site, link loops end, nothing but
//! regular files and folders is listed (a FIFO or a device would hang a
//! read), and the output folder is never read as content.

use std::io;
use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Diagnostics};

/// What a walk found at one path.
#[derive(Debug)]
pub(crate) enum Found {
    /// A regular file, or a link to one inside the root.
    File(PathBuf),
    /// A folder, or a link to one inside the root (given before its files).
    Dir(PathBuf),
    /// A link that leads out of the root: not followed, nothing behind it
    /// is opened.
    Outside(PathBuf),
    /// A link to a folder that contains it: not followed again.
    Loop(PathBuf),
    /// A link to nothing.
    Broken(PathBuf),
    /// Something that could not be looked at or listed.
    Unreadable(PathBuf, io::Error),
}

/// Walks `dir` (inside `root`) in name order, down to `max_depth` levels
/// (1: only the entries of `dir`), skipping hidden and temporary names and
/// the `exclude` folders. Each link is resolved by name first and followed
/// only when it stays inside `root`; files are never opened here.
pub(crate) fn walk_tree(
    root: &Path,
    dir: &Path,
    max_depth: usize,
    exclude: &[PathBuf],
    visit: &mut dyn FnMut(Found),
) {
    let root_real = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let real = match dir.canonicalize() {
        Ok(real) => real,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            if dir.symlink_metadata().is_ok() {
                visit(Found::Broken(dir.to_path_buf()));
            }
            return;
        }
        Err(e) => return visit(Found::Unreadable(dir.to_path_buf(), e)),
    };
    if !real.starts_with(&root_real) {
        return visit(Found::Outside(dir.to_path_buf()));
    }
    if !real.is_dir() || excluded_at(dir, &real, exclude) {
        return;
    }
    let mut walk = Walk {
        root_real,
        max_depth,
        exclude,
        ancestors: vec![real.clone()],
        visit,
    };
    walk.list(dir, &real, 1);
}

struct Walk<'a> {
    root_real: PathBuf,
    max_depth: usize,
    exclude: &'a [PathBuf],
    /// The real paths of the folders being listed, to find loops.
    ancestors: Vec<PathBuf>,
    visit: &'a mut dyn FnMut(Found),
}

impl Walk<'_> {
    /// Visits the entries of `dir` (whose real path is `real`), which are at
    /// `depth`.
    fn list(&mut self, dir: &Path, real: &Path, depth: usize) {
        let mut entries: Vec<(std::ffi::OsString, io::Result<std::fs::FileType>)> =
            match std::fs::read_dir(dir) {
                Ok(read) => read
                    .filter_map(Result::ok)
                    .map(|e| (e.file_name(), e.file_type()))
                    .collect(),
                Err(e) => return (self.visit)(Found::Unreadable(dir.to_path_buf(), e)),
            };
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        for (name, kind) in entries {
            if is_ignored(name.to_str().unwrap_or("")) {
                continue;
            }
            let path = dir.join(&name);
            match kind {
                Ok(k) if k.is_symlink() => self.link(path, depth),
                Ok(k) if k.is_dir() => {
                    let child_real = real.join(&name);
                    self.dir(path, child_real, depth);
                }
                Ok(k) if k.is_file() => (self.visit)(Found::File(path)),
                // FIFOs, sockets, devices: never listed, never opened.
                Ok(_) => {}
                Err(e) => (self.visit)(Found::Unreadable(path, e)),
            }
        }
    }

    /// A link: resolved by name, then treated as what it leads to when
    /// that is inside the root.
    fn link(&mut self, path: PathBuf, depth: usize) {
        let target = match path.canonicalize() {
            Ok(t) => t,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return (self.visit)(Found::Broken(path));
            }
            Err(e) => return (self.visit)(Found::Unreadable(path, e)),
        };
        if !target.starts_with(&self.root_real) {
            return (self.visit)(Found::Outside(path));
        }
        match std::fs::metadata(&target) {
            Ok(m) if m.is_dir() && self.ancestors.contains(&target) => {
                (self.visit)(Found::Loop(path));
            }
            Ok(m) if m.is_dir() => self.dir(path, target, depth),
            Ok(m) if m.is_file() => (self.visit)(Found::File(path)),
            Ok(_) => {}
            Err(e) => (self.visit)(Found::Unreadable(path, e)),
        }
    }

    fn dir(&mut self, path: PathBuf, real: PathBuf, depth: usize) {
        if excluded_at(&path, &real, self.exclude) {
            return;
        }
        (self.visit)(Found::Dir(path.clone()));
        if depth < self.max_depth {
            self.ancestors.push(real.clone());
            self.list(&path, &real, depth + 1);
            self.ancestors.pop();
        }
    }
}

/// Files of `dir` (recursively when `deep`), sorted, skipping hidden files
/// and editor leftovers. Links are followed only when they stay inside
/// `root`; loops and links out are reported, and only they: the files
/// after them are listed as usual.
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
    let mut out = Vec::new();
    let depth = if deep { 32 } else { 1 };
    walk_tree(root, dir, depth, exclude, &mut |found| match found {
        Found::File(p) => out.push(p),
        Found::Dir(_) => {}
        Found::Outside(p) => diags.push(link_outside(&p)),
        Found::Loop(p) => diags.push(
            link_warning(
                &p,
                "file/link-loop",
                "this link points back to a folder that contains it (a loop); it was skipped"
                    .into(),
            )
            .words("file-link-loop"),
        ),
        Found::Broken(p) => diags.push(
            link_warning(
                &p,
                "file/link-broken",
                "this link points to nothing; it was skipped".into(),
            )
            .words("file-link-broken"),
        ),
        Found::Unreadable(p, e) => diags.push(
            link_warning(
                &p,
                "file/unreadable-path",
                format!("could not read this: {e}"),
            )
            .words("file-unreadable-path")
            .arg("error", &e),
        ),
    });
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
    .words("file-link-outside")
    .in_file(path)
    .help("copy the file or folder into the site folder instead of linking to it")
}

fn link_warning(path: &Path, code: &'static str, message: String) -> Diagnostic {
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

/// [`is_excluded`] for a path whose real path (links resolved) is known.
fn excluded_at(path: &Path, real: &Path, exclude: &[PathBuf]) -> bool {
    exclude
        .iter()
        .any(|x| path.starts_with(x) || real.starts_with(x))
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

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    fn fifo(path: &Path) {
        rustix::fs::mkfifoat(
            rustix::fs::CWD,
            path,
            rustix::fs::Mode::from_raw_mode(0o644),
        )
        .unwrap();
    }

    /// A link out of the site in the middle of a folder is reported alone:
    /// the files after it are listed. The FIFO behind the link, and the one
    /// inside, are never opened (opening either would block the test).
    #[test]
    fn a_link_out_is_reported_alone_and_never_opened() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        let docs = site.join("documents");
        std::fs::create_dir_all(&docs).unwrap();
        fifo(&dir.path().join("outside-fifo"));
        std::fs::write(docs.join("a.pdf"), "a").unwrap();
        std::os::unix::fs::symlink(dir.path().join("outside-fifo"), docs.join("b.pdf")).unwrap();
        std::fs::write(docs.join("c.pdf"), "c").unwrap();
        fifo(&docs.join("d.pdf"));
        let mut diags = Diagnostics::new();
        let found = files(&site, &docs, true, &[], &mut diags);
        assert_eq!(found, [docs.join("a.pdf"), docs.join("c.pdf")]);
        let codes: Vec<&str> = diags.iter().map(|d| d.code).collect();
        assert_eq!(codes, ["file/link-outside"]);
    }

    #[test]
    fn links_inside_are_followed_and_loops_end() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path();
        let st = site.join("static");
        std::fs::create_dir_all(st.join("css")).unwrap();
        std::fs::write(st.join("css/a.css"), "a").unwrap();
        std::os::unix::fs::symlink(st.join("css"), st.join("more")).unwrap();
        std::os::unix::fs::symlink(&st, st.join("css/loop")).unwrap();
        let mut diags = Diagnostics::new();
        let found = files(site, &st, true, &[], &mut diags);
        assert_eq!(found, [st.join("css/a.css"), st.join("more/a.css")]);
        let codes: Vec<&str> = diags.iter().map(|d| d.code).collect();
        assert_eq!(codes, ["file/link-loop", "file/link-loop"]);
    }
}
