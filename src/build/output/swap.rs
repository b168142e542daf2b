//! Putting a new output tree in place: the temporary siblings a build
//! writes into, the atomic swap, and clearing what a killed build left.

use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::fs::{self, FsError, FsResult};

pub(super) fn sibling(output: &Path, tag: &str) -> PathBuf {
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| super::DEFAULT_OUTPUT.into());
    output.with_file_name(format!(".{name}.bitimger-{tag}-{}", std::process::id()))
}

/// Removes temporary folders left by builds that were killed. Only under
/// the output's lock: another build's folders are not leftovers.
pub(super) fn remove_leftovers(output: &Path) {
    let Some(parent) = output.parent() else {
        return;
    };
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let prefix = format!(".{name}.bitimger-");
    let Ok(entries) = std::fs::read_dir(if parent.as_os_str().is_empty() {
        Path::new(".")
    } else {
        parent
    }) else {
        return;
    };
    let old_prefix = format!("{prefix}old-");
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().to_string();
        // The lock file is never removed (see `lock`), whatever the
        // names of the outputs beside it.
        if !name.starts_with(&prefix) || name.ends_with(super::LOCK_SUFFIX) {
            continue;
        }
        // A build killed between the two renames of a swap without
        // RENAME_EXCHANGE left the previous output under the old name:
        // it goes back in place (it holds the user's files too).
        if name.starts_with(&old_prefix)
            && !output.exists()
            && fs::rename(&e.path(), output).is_ok()
        {
            continue;
        }
        let _ = remove_tree(&e.path());
    }
}

/// Removes a folder tree, its subfolders in parallel.
pub(super) fn remove_tree(dir: &Path) -> io::Result<()> {
    let entries: Vec<std::fs::DirEntry> = match std::fs::read_dir(dir) {
        Ok(rd) => rd.collect::<io::Result<_>>()?,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    let remove = |e: &std::fs::DirEntry| {
        let done = if e.file_type()?.is_dir() {
            remove_tree(&e.path())
        } else {
            std::fs::remove_file(e.path())
        };
        match done {
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            other => other,
        }
    };
    match entries.par_iter().try_for_each(remove) {
        // A read-only folder (kept from the user's files, e.g. in .git)
        // in a tree being removed: made writable, then emptied.
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied && make_writable(dir) => {
            entries.par_iter().try_for_each(remove)?;
        }
        other => other?,
    }
    std::fs::remove_dir(dir)
}

#[cfg(unix)]
fn make_writable(dir: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700)).is_ok()
}

#[cfg(not(unix))]
fn make_writable(_dir: &Path) -> bool {
    false
}

/// Puts `tmp` in the place of `output` in one step where the system allows.
pub(super) fn swap_in(tmp: &Path, output: &Path) -> FsResult<()> {
    if !output.exists() {
        return fs::rename(tmp, output);
    }
    if exchange(tmp, output) {
        // `tmp` now holds the previous site.
        return remove_tree(tmp).map_err(fs_error("remove", tmp));
    }
    let old = sibling(output, "old");
    fs::rename(output, &old)?;
    fs::rename(tmp, output)?;
    remove_tree(&old).map_err(fs_error("remove", &old))
}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> bool {
    rustix::fs::renameat_with(
        rustix::fs::CWD,
        a,
        rustix::fs::CWD,
        b,
        rustix::fs::RenameFlags::EXCHANGE,
    )
    .is_ok()
}

#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, _b: &Path) -> bool {
    false
}

fn fs_error(action: &'static str, path: &Path) -> impl FnOnce(io::Error) -> FsError {
    let path = path.to_path_buf();
    move |source| FsError {
        action,
        path,
        source,
    }
}
