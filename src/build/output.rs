//! The one writer of the output folder. A build is written to a sibling
//! temporary folder and swapped in only when complete, so the output is
//! always either the previous site or the new one, whatever happens
//! (errors, Ctrl-C, a killed process, a full disk).

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::fs::{self, FsError, FsResult};
use crate::render::OutputFile;

/// The file that marks a folder as bitimger's output, so it is never
/// replaced when it holds something else.
pub const MARKER: &str = ".bitimger-output";

/// Why the output folder was refused.
#[derive(Debug)]
pub enum OutputProblem {
    /// The output is the site folder or contains it.
    ContainsSite,
    /// The output folder holds files bitimger did not make.
    NotOurs,
    /// The output path exists and is not a folder.
    NotAFolder,
}

/// Checks that `output` may be (re)written for the site in `site`.
pub fn check_output(output: &Path, site: &Path) -> Result<(), OutputProblem> {
    let out = absolute(output);
    let site = absolute(site);
    if site.starts_with(&out) {
        return Err(OutputProblem::ContainsSite);
    }
    if out.exists() {
        if !out.is_dir() {
            return Err(OutputProblem::NotAFolder);
        }
        let empty = std::fs::read_dir(&out)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        if !empty && !out.join(MARKER).is_file() {
            return Err(OutputProblem::NotOurs);
        }
    }
    Ok(())
}

/// The absolute, normalized form of a path that may not exist yet.
pub fn absolute(path: &Path) -> PathBuf {
    if let Ok(real) = path.canonicalize() {
        return real;
    }
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    // Resolve the deepest existing ancestor, keep the rest as written.
    let mut existing = abs.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.file_name(), existing.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name.to_os_string());
                existing = parent.to_path_buf();
            }
            _ => return abs,
        }
    }
    let mut out = existing.canonicalize().unwrap_or(existing);
    for part in rest.into_iter().rev() {
        out.push(part);
    }
    out
}

fn sibling(output: &Path, tag: &str) -> PathBuf {
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "public".into());
    output.with_file_name(format!(".{name}.bitimger-{tag}-{}", std::process::id()))
}

/// Removes temporary folders left by builds that were killed.
fn remove_leftovers(output: &Path) {
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
    for e in entries.flatten() {
        if e.file_name().to_string_lossy().starts_with(&prefix) {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

/// Writes `files` as the new content of `output`, atomically.
pub fn write_output(output: &Path, files: &[OutputFile]) -> FsResult<()> {
    let output = absolute(output);
    remove_leftovers(&output);
    let tmp = sibling(&output, "new");
    fs::remove_dir_all(&tmp)?;
    fs::create_dir_all(&tmp)?;
    let result = write_tree(&tmp, files).and_then(|()| swap_in(&tmp, &output));
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&tmp);
    }
    result
}

fn write_tree(dir: &Path, files: &[OutputFile]) -> FsResult<()> {
    let mut folders: Vec<PathBuf> = files
        .iter()
        .filter_map(|f| dir.join(f.path()).parent().map(Path::to_path_buf))
        .collect();
    folders.sort();
    folders.dedup();
    for folder in &folders {
        fs::create_dir_all(folder)?;
    }
    files.par_iter().try_for_each(|f| {
        let target = dir.join(f.path());
        match f {
            OutputFile::Copy { source, .. } => fs::copy(source, &target),
            _ => std::fs::write(&target, f.bytes().unwrap_or_default()).map_err(|source| FsError {
                action: "write",
                path: target.clone(),
                source,
            }),
        }
    })?;
    std::fs::write(
        dir.join(MARKER),
        b"This folder is written by bitimger; it is replaced on every build.\n",
    )
    .map_err(|source| FsError {
        action: "write",
        path: dir.join(MARKER),
        source,
    })?;
    sync_dir(dir);
    Ok(())
}

fn sync_dir(dir: &Path) {
    if let Ok(f) = std::fs::File::open(dir) {
        let _ = f.sync_all();
    }
}

/// Puts `tmp` in the place of `output` in one step where the system allows.
fn swap_in(tmp: &Path, output: &Path) -> FsResult<()> {
    if !output.exists() {
        return fs::rename(tmp, output);
    }
    if exchange(tmp, output) {
        // `tmp` now holds the previous site.
        return fs::remove_dir_all(tmp);
    }
    let old = sibling(output, "old");
    fs::rename(output, &old)?;
    fs::rename(tmp, output)?;
    fs::remove_dir_all(&old)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn page(path: &str, text: &str) -> OutputFile {
        OutputFile::Bytes {
            path: path.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    #[test]
    fn replaces_the_whole_output() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_output(&out, &[page("a/index.html", "1"), page("b.txt", "x")]).unwrap();
        write_output(&out, &[page("a/index.html", "2")]).unwrap();
        assert_eq!(
            std::fs::read_to_string(out.join("a/index.html")).unwrap(),
            "2"
        );
        assert!(!out.join("b.txt").exists());
        let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1, "temporary folders were left behind");
    }

    #[test]
    fn refuses_outputs_that_hold_the_site_or_other_files() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        std::fs::create_dir_all(&site).unwrap();
        assert!(matches!(
            check_output(dir.path(), &site),
            Err(OutputProblem::ContainsSite)
        ));
        assert!(matches!(
            check_output(&site, &site),
            Err(OutputProblem::ContainsSite)
        ));
        let other = dir.path().join("docs");
        std::fs::create_dir_all(&other).unwrap();
        std::fs::write(other.join("thesis.docx"), "x").unwrap();
        assert!(matches!(
            check_output(&other, &site),
            Err(OutputProblem::NotOurs)
        ));
        assert!(check_output(&dir.path().join("public"), &site).is_ok());
    }
}
