//! Which folders may be the output, and claiming one for a build: the
//! output is checked under its lock (see `lock`), so what was checked is
//! still true when the build writes it.

use std::path::{Path, PathBuf};

use super::MARKER;
use super::lock::{self, LockError, OutputLock, WhenBusy};
use crate::build::keep;
use crate::fs::FsError;

/// Why the output folder was refused.
#[derive(Debug)]
pub enum OutputProblem {
    /// The output is the site folder or contains it.
    ContainsSite,
    /// The output folder holds files bitimger did not make.
    NotOurs,
    /// The output path exists and is not a folder.
    NotAFolder,
    /// The output is inside a folder the build reads (the site folder, an
    /// included folder, the theme folder): that folder.
    InsideInput(PathBuf),
    /// The new site has files of its own where the output holds files
    /// bitimger did not make (paths inside the output).
    WouldReplace(Vec<String>),
    /// Another build is writing into the output, and this one was told not
    /// to wait for it ([`WhenBusy::Stop`]).
    Busy,
}

/// Why a build may not write its output.
#[derive(Debug)]
pub enum ClaimError {
    /// The output folder (as given) cannot be used.
    Refused(PathBuf, OutputProblem),
    /// The lock file beside the output could not be made or locked.
    Io(FsError),
}

/// The default output folder, `public`: the one folder bitimger may write
/// inside the site folder (at its top), the default of `--output` when
/// building from inside the site. No loader reads it (only the folders of
/// the format are read), and every command leaves it out.
pub const DEFAULT_OUTPUT: &str = "public";

/// Claims `output` for one build of the site in `site` (which also reads
/// the folders `inputs`): checks where it is, takes its lock (waiting for
/// another build, or not, as `when` says), then checks what it holds. The
/// build writes the output while it holds the returned lock.
pub fn claim(
    output: &Path,
    site: &Path,
    inputs: &[PathBuf],
    when: &WhenBusy,
) -> Result<OutputLock, ClaimError> {
    let refused = |problem| ClaimError::Refused(output.to_path_buf(), problem);
    // Where it is first: a refused output gets no lock file, and no parent
    // folder made for one.
    check_place(output, site, inputs).map_err(refused)?;
    let held = lock::lock(output, when).map_err(|e| match e {
        LockError::Busy => refused(OutputProblem::Busy),
        LockError::Io(e) => ClaimError::Io(e),
    })?;
    check_contents(held.output()).map_err(refused)?;
    Ok(held)
}

/// Checks that `output` may be (re)written for the site in `site`, which
/// also reads the folders `inputs` (included folders, a theme folder).
/// The output may not be or hold any of them, nor be inside one of them
/// (the next `check` or build would read the published files back),
/// except `public` at the top of the site folder. A build checks with
/// [`claim`], under the output's lock.
pub fn check_output(output: &Path, site: &Path, inputs: &[PathBuf]) -> Result<(), OutputProblem> {
    check_place(output, site, inputs)?;
    check_contents(&absolute(output))
}

/// Where the output is, against the folders the build reads.
fn check_place(output: &Path, site: &Path, inputs: &[PathBuf]) -> Result<(), OutputProblem> {
    let out = absolute(output);
    let site_abs = absolute(site);
    let inputs_abs: Vec<PathBuf> = inputs.iter().map(|p| absolute(p)).collect();
    if site_abs.starts_with(&out) || inputs_abs.iter().any(|i| i.starts_with(&out)) {
        return Err(OutputProblem::ContainsSite);
    }
    if out.starts_with(&site_abs) && out != site_abs.join(DEFAULT_OUTPUT) {
        return Err(OutputProblem::InsideInput(site.to_path_buf()));
    }
    if let Some(i) = inputs_abs.iter().position(|i| out.starts_with(i)) {
        return Err(OutputProblem::InsideInput(inputs[i].clone()));
    }
    Ok(())
}

/// What the (absolute) output holds: nothing, or bitimger's files.
fn check_contents(out: &Path) -> Result<(), OutputProblem> {
    if out.exists() {
        if !out.is_dir() {
            return Err(OutputProblem::NotAFolder);
        }
        // An empty folder, or a gh-pages checkout with nothing but .git,
        // CNAME, .nojekyll, may become the output; they are kept.
        if !out.join(MARKER).is_file() && !keep::only_always_kept(out) {
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
