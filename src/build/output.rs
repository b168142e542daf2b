//! The one writer of the output folder. A build is written to a sibling
//! temporary folder and swapped in only when complete, so the output is
//! always either the previous site or the new one, whatever happens
//! (errors, Ctrl-C, a killed process, a full disk).
//!
//! Speed comes from touching as few files as possible: pages are written
//! as soon as they are rendered, from several threads, with no sync per
//! file; the marker file lists every file with a hash of its bytes, so a
//! rebuild links unchanged files from the previous output instead of
//! writing them, and a rebuild where nothing changed touches nothing.
//!
//! Files in the output that bitimger did not make are never deleted: they
//! are carried over into each new tree before the swap (see `keep`).
//!
//! One build at a time: a build claims the output (`claim`: checked under
//! an advisory lock beside it, see `lock`) and writes it only while it
//! holds that lock.

use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;

mod claim;
mod lock;
mod swap;

pub use claim::{ClaimError, DEFAULT_OUTPUT, OutputProblem, absolute, check_output, claim};
pub use lock::{LOCK_SUFFIX, Notify, OutputLock, WhenBusy, lock_path};

use super::keep::{self, KeepError, Made, Others};
use super::manifest::{self, Entry, Manifest};
use crate::fs::{self, FsError, FsResult};
use crate::render::OutputFile;
use swap::{remove_leftovers, remove_tree, sibling, swap_in};

/// The file that marks a folder as bitimger's output, so it is never
/// replaced when it holds something else.
pub const MARKER: &str = ".bitimger-output";

/// Writes `files` as the new content of `output`, atomically, waiting for
/// any build writing it meanwhile.
pub fn write_output(output: &Path, files: &[OutputFile]) -> Result<WriteOutcome, WriteError> {
    let held = lock::lock(output, &WhenBusy::default()).map_err(|e| match e {
        lock::LockError::Io(e) => WriteError::Io(e),
        // Not when waiting; said as an error all the same.
        lock::LockError::Busy => WriteError::Io(FsError {
            action: "lock",
            path: lock_path(output),
            source: io::ErrorKind::WouldBlock.into(),
        }),
    })?;
    let writer = Writer::begin(&held)?;
    files.par_iter().try_for_each(|f| writer.write(f.clone()))?;
    writer.finish(None)
}

/// The number of files of `output` when it was written by a build whose
/// inputs had the fingerprint `input` and every file is still as written:
/// building again would give the same bytes.
/// Returns (pages, files).
pub(crate) fn unchanged_since(output: &Path, input: u128) -> Option<(usize, usize)> {
    let text = std::fs::read_to_string(output.join(MARKER)).ok()?;
    if manifest::parse_input(&text)? != input {
        return None;
    }
    let listed = manifest::parse(&text)?;
    let count = listed.len();
    let pages = listed.keys().filter(|p| p.ends_with(".html")).count();
    (still_as_written(output, listed).len() == count).then_some((pages, count))
}

/// What a finished write did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteOutcome {
    /// Every file was already there with the same bytes: nothing was
    /// touched.
    Unchanged {
        /// Files in the output.
        files: usize,
    },
    /// The output was replaced by a new tree.
    Replaced {
        /// Files whose bytes were written.
        written: usize,
        /// Files that were unchanged and linked from the previous output.
        kept: usize,
        /// Files bitimger did not make, carried over into the new tree.
        others: Others,
    },
}

/// Why a write did not finish.
#[derive(Debug)]
pub enum WriteError {
    /// Reading or writing failed.
    Io(FsError),
    /// The new site has files of its own where the output holds files
    /// bitimger did not make (paths inside the output); nothing changed.
    WouldReplace(Vec<String>),
}

impl From<FsError> for WriteError {
    fn from(e: FsError) -> Self {
        WriteError::Io(e)
    }
}

/// Writes one build's files into a temporary sibling of the output, from
/// many threads, as they are rendered; [`finish`](Writer::finish) puts the
/// new tree in place in one step. Files whose bytes are the same as in the
/// previous output (by the manifest, checked against the files' size and
/// time) are not written but hard-linked from it, and when nothing at all
/// changed, nothing is touched. It lives no longer than the output's
/// lock, so the leftovers it clears and the swap are one build's alone.
pub struct Writer<'lock> {
    output: &'lock Path,
    tmp: PathBuf,
    /// The previous output's manifest, only with files still as written.
    old: Option<Manifest>,
    /// Which files of the previous output bitimger made (the others are
    /// carried over).
    made: Made,
    entries: Mutex<Vec<(String, Entry, bool)>>,
    done: bool,
}

impl<'lock> Writer<'lock> {
    /// Prepares to write the output held by `lock`: clears what killed
    /// builds left, reads and checks its manifest, and creates the
    /// temporary folder.
    pub fn begin(lock: &'lock OutputLock) -> FsResult<Writer<'lock>> {
        let output = lock.output();
        remove_leftovers(output);
        let tmp = sibling(output, "new");
        fs::remove_dir_all(&tmp)?;
        fs::create_dir_all(&tmp)?;
        let listed = std::fs::read_to_string(output.join(MARKER))
            .ok()
            .map(|text| manifest::parse(&text));
        let made = match &listed {
            Some(Some(m)) => Made::listed(m.keys()),
            Some(None) => Made::Unlisted,
            None => Made::Nothing,
        };
        let old = listed.flatten().map(|m| still_as_written(output, m));
        Ok(Writer {
            output,
            tmp,
            old,
            made,
            entries: Mutex::new(Vec::new()),
            done: false,
        })
    }

    /// Writes one file of the new output (unless it is unchanged).
    pub fn write(&self, file: OutputFile) -> FsResult<()> {
        let path = file.path().to_string();
        let (hash, size) = match &file {
            OutputFile::Copy { source, .. } => {
                manifest::hash_file(source).map_err(fs_error("read", source))?
            }
            _ => {
                let bytes = file.bytes().unwrap_or_default();
                (manifest::hash(bytes), bytes.len() as u64)
            }
        };
        if let Some(old) = self.old.as_ref().and_then(|m| m.get(&path))
            && old.hash == hash
            && old.size == size
        {
            self.record(path, *old, true);
            return Ok(());
        }
        let target = self.tmp.join(&path);
        let mtime = match &file {
            OutputFile::Copy { source, .. } => {
                with_parent(&target, || fs::copy_file(source, &target))
                    .map_err(fs_error("copy", source))?;
                std::fs::metadata(&target).map(|m| manifest::mtime(&m))
            }
            _ => with_parent(&target, || {
                let mut f = std::fs::File::create(&target)?;
                f.write_all(file.bytes().unwrap_or_default())?;
                f.metadata().map(|m| manifest::mtime(&m))
            }),
        }
        .map_err(fs_error("write", &target))?;
        self.record(path, Entry { hash, size, mtime }, false);
        Ok(())
    }

    fn record(&self, path: String, entry: Entry, kept: bool) {
        self.entries
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((path, entry, kept));
    }

    /// Puts the new output in place (or leaves the output untouched when no
    /// file changed, none was added and none removed). `input` is the
    /// fingerprint of the build's inputs, kept when the build reported no
    /// problems, so the next build can be skipped.
    pub fn finish(mut self, input: Option<u128>) -> Result<WriteOutcome, WriteError> {
        self.done = true;
        let entries = std::mem::take(&mut *self.entries.lock().unwrap_or_else(|e| e.into_inner()));
        let kept = entries.iter().filter(|e| e.2).count();
        let written = entries.len() - kept;
        let result = self.replace(entries, kept, written, input);
        if result.is_err() || matches!(result, Ok(WriteOutcome::Unchanged { .. })) {
            let _ = remove_tree(&self.tmp);
        }
        result
    }

    fn replace(
        &self,
        entries: Vec<(String, Entry, bool)>,
        kept: usize,
        written: usize,
        input: Option<u128>,
    ) -> Result<WriteOutcome, WriteError> {
        let old_len = self.old.as_ref().map_or(0, |m| m.len());
        let mut listed: Vec<(String, Entry)> =
            entries.iter().map(|(p, e, _)| (p.clone(), *e)).collect();
        let marker_text = manifest::serialize(&mut listed, input);
        if self.old.is_some() && written == 0 && kept == old_len {
            self.refresh_marker(&marker_text)?;
            return Ok(WriteOutcome::Unchanged { files: kept });
        }
        entries
            .par_iter()
            .filter(|e| e.2)
            .try_for_each(|(path, _, _)| self.link_unchanged(path))?;
        let others = match keep::carry_over(self.output, &self.tmp, &self.made) {
            Ok(others) => others,
            Err(KeepError::Clash(paths)) => return Err(WriteError::WouldReplace(paths)),
            Err(KeepError::Io(e)) => return Err(WriteError::Io(e)),
        };
        let marker = self.tmp.join(MARKER);
        std::fs::write(&marker, marker_text).map_err(fs_error("write", &marker))?;
        swap_in(&self.tmp, self.output)?;
        Ok(WriteOutcome::Replaced {
            written,
            kept,
            others,
        })
    }

    /// Every file is unchanged, but the marker may not be (the inputs'
    /// fingerprint): replaced in one rename when it differs.
    fn refresh_marker(&self, text: &str) -> FsResult<()> {
        let marker = self.output.join(MARKER);
        if std::fs::read_to_string(&marker).is_ok_and(|old| old == text) {
            return Ok(());
        }
        let tmp = self.tmp.join(MARKER);
        std::fs::write(&tmp, text).map_err(fs_error("write", &tmp))?;
        fs::rename(&tmp, &marker)
    }

    /// An unchanged file: a hard link to the previous output's file (a copy
    /// where the file system has no hard links).
    fn link_unchanged(&self, path: &str) -> FsResult<()> {
        let from = self.output.join(path);
        let to = self.tmp.join(path);
        with_parent(&to, || std::fs::hard_link(&from, &to))
            .or_else(|_| std::fs::copy(&from, &to).map(|_| ()))
            .map_err(fs_error("link", &to))
    }

    /// Drops what was written; the output stays as it was.
    pub fn abandon(mut self) {
        self.done = true;
        let _ = remove_tree(&self.tmp);
    }
}

impl Drop for Writer<'_> {
    fn drop(&mut self) {
        if !self.done {
            let _ = remove_tree(&self.tmp);
        }
    }
}

/// The entries of `manifest` whose files are still there with the size and
/// time they were written with (a file edited by hand is written again).
fn still_as_written(output: &Path, manifest: Manifest) -> Manifest {
    manifest
        .into_par_iter()
        .filter(|(path, e)| {
            std::fs::symlink_metadata(output.join(path))
                .is_ok_and(|m| m.is_file() && m.len() == e.size && manifest::mtime(&m) == e.mtime)
        })
        .collect()
}

/// Runs `op`, creating the parent folders of `target` first if it failed
/// for want of them (each page has its own folder, so trying first saves a
/// call per file).
fn with_parent<T>(target: &Path, op: impl Fn() -> io::Result<T>) -> io::Result<T> {
    match op() {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent)?;
            }
            op()
        }
        other => other,
    }
}

fn fs_error(action: &'static str, path: &Path) -> impl FnOnce(io::Error) -> FsError {
    let path = path.to_path_buf();
    move |source| FsError {
        action,
        path,
        source,
    }
}

#[cfg(test)]
pub(super) mod tests;
