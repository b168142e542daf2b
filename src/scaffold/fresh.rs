//! Writing a set of files into a folder all or nothing, for the commands
//! that hand out files to edit (`theme export`, `schema`): when the path
//! is a file, a folder on the way is a link, or any of the files is there
//! already, nothing is written and the error names every such file (an
//! edited file is never overwritten, and a half-new set never mixes with
//! an old one).
//!
//! Part of layer 7 (`scaffold`).

use std::path::{Path, PathBuf};

use super::{ScaffoldError, ScaffoldReport};

/// Writes `files` (paths relative to `dir`, and their bytes) into `dir`,
/// made when missing; refuses, writing nothing, when `dir` is a link or
/// not a folder, a link is on the way below it, or any of the files
/// exists (a link there counts as existing).
pub(super) fn write_all_new(
    dir: &Path,
    files: Vec<(String, Vec<u8>)>,
) -> Result<ScaffoldReport, ScaffoldError> {
    if dir
        .symlink_metadata()
        .is_ok_and(|m| m.file_type().is_symlink())
    {
        return Err(ScaffoldError::Link(dir.to_path_buf(), dir.to_path_buf()));
    }
    if dir.exists() && !dir.is_dir() {
        return Err(ScaffoldError::NotAFolder(dir.to_path_buf()));
    }
    let there: Vec<PathBuf> = files
        .iter()
        .map(|(path, _)| dir.join(path))
        .filter(|p| p.symlink_metadata().is_ok())
        .collect();
    if !there.is_empty() {
        return Err(ScaffoldError::Exists(there));
    }
    let mut report = ScaffoldReport::default();
    for (path, bytes) in files {
        report.planned.push((dir.join(path), bytes));
    }
    report.write(dir)
}
