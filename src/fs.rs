//! File helpers whose errors always name the path: reading and writing
//! whole files, folders, renames and copies ([`FsError`] says what was being
//! done to which path). Its submodules hold the rest: `regular` (opening only
//! regular files, streamed copies), `text` (content files read as UTF-8 text,
//! problems as diagnostics), `controls` (control characters) and `paths`
//! (paths compared and joined by name); all are re-exported here, so callers
//! write `fs::read_text`.
//!
//! Layer 1: imports only `diag`.

use std::io;
use std::path::{Path, PathBuf};

mod controls;
mod paths;
mod regular;
mod text;

pub use controls::{clean_text, is_control, may_hold_controls, without_controls};
pub use paths::{is_within, join_clean};
pub use regular::{copy_file, open_file, read_head};
pub use text::{MAX_TEXT_FILE, decode_text, io_diagnostic, read_content, read_text};

/// An I/O failure, with the path it happened on.
#[derive(Debug)]
pub struct FsError {
    /// What we were doing, e.g. "read", "create folder".
    pub action: &'static str,
    /// The path.
    pub path: PathBuf,
    /// The cause.
    pub source: io::Error,
}

impl std::fmt::Display for FsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "could not {} {}: {}",
            self.action,
            self.path.display(),
            self.source
        )
    }
}

impl std::error::Error for FsError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

/// Result of file operations.
pub type FsResult<T> = Result<T, FsError>;

fn wrap<'a>(action: &'static str, path: &'a Path) -> impl FnOnce(io::Error) -> FsError + 'a {
    move |source| FsError {
        action,
        path: path.to_path_buf(),
        source,
    }
}

/// Reads a whole file.
pub fn read(path: &Path) -> FsResult<Vec<u8>> {
    std::fs::read(path).map_err(wrap("read", path))
}

/// Writes a whole file, creating its parent folders.
pub fn write(path: &Path, bytes: &[u8]) -> FsResult<()> {
    if let Some(parent) = path.parent() {
        create_dir_all(parent)?;
    }
    std::fs::write(path, bytes).map_err(wrap("write", path))
}

/// Writes `bytes` unless the file already holds exactly them. Returns true
/// when the file was written.
pub fn write_if_changed(path: &Path, bytes: &[u8]) -> FsResult<bool> {
    if let Ok(meta) = std::fs::metadata(path)
        && meta.len() == bytes.len() as u64
        && std::fs::read(path).is_ok_and(|old| old == bytes)
    {
        return Ok(false);
    }
    write(path, bytes)?;
    Ok(true)
}

/// Creates a folder and its parents.
pub fn create_dir_all(path: &Path) -> FsResult<()> {
    std::fs::create_dir_all(path).map_err(wrap("create folder", path))
}

/// Removes a folder and everything in it; a missing folder is fine.
pub fn remove_dir_all(path: &Path) -> FsResult<()> {
    match std::fs::remove_dir_all(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        other => other.map_err(wrap("remove", path)),
    }
}

/// Renames a file or folder.
pub fn rename(from: &Path, to: &Path) -> FsResult<()> {
    std::fs::rename(from, to).map_err(wrap("rename", from))
}

/// Copies a file, creating the destination's parent folders. The source
/// must be a regular file (see [`open_file`]); it is streamed, never read
/// into memory whole.
pub fn copy(from: &Path, to: &Path) -> FsResult<()> {
    if let Some(parent) = to.parent() {
        create_dir_all(parent)?;
    }
    copy_file(from, to).map(|_| ()).map_err(wrap("copy", from))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_if_changed_skips_identical_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a/b.txt");
        assert!(write_if_changed(&p, b"x").unwrap());
        assert!(!write_if_changed(&p, b"x").unwrap());
        assert!(write_if_changed(&p, b"y").unwrap());
        assert_eq!(std::fs::read(&p).unwrap(), b"y");
    }
}
