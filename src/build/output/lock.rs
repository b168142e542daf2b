//! One build at a time per output folder. Two builds into the same output
//! at once would each clear the other's temporary folder and race their
//! swaps, publishing a partial site; so a build holds an advisory lock
//! (flock, LockFileEx) on a file beside the output from before it looks at
//! the output until after the swap.
//!
//! The lock file is `.<name>.bitimger.lock` in the output's parent folder:
//! never inside the output, where it would be published and swapped away.
//! The system releases the lock when the process ends, however it ends, so
//! a killed build never leaves the output locked and the file needs no
//! cleaning up. It is never deleted either: a build waiting on a deleted
//! file would hold a lock nobody else sees.

use std::fmt;
use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::fs::{self, FsError};

/// The end of the lock file's name: `public` is locked by
/// `.public.bitimger.lock` beside it.
pub const LOCK_SUFFIX: &str = ".bitimger.lock";

/// The lock file of the output folder `output`.
pub fn lock_path(output: &Path) -> PathBuf {
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| super::DEFAULT_OUTPUT.into());
    output.with_file_name(format!(".{name}{LOCK_SUFFIX}"))
}

/// Told that the build waits for another one, with the output folder as
/// it was given. The library never prints: the command line says it.
pub type Notify = Arc<dyn Fn(&Path) + Send + Sync>;

/// What a build does when another build is writing into the same output.
#[derive(Clone)]
pub enum WhenBusy {
    /// Wait until the other build has finished (the default), calling
    /// `notify` once when the wait begins.
    Wait {
        /// Called before waiting; not called when nobody holds the lock.
        notify: Option<Notify>,
    },
    /// Stop at once: the build fails with [`OutputProblem::Busy`](super::OutputProblem::Busy).
    Stop,
}

impl Default for WhenBusy {
    fn default() -> Self {
        WhenBusy::Wait { notify: None }
    }
}

impl fmt::Debug for WhenBusy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WhenBusy::Wait { notify } => f
                .debug_struct("Wait")
                .field("notify", &notify.as_ref().map(|_| "callback"))
                .finish(),
            WhenBusy::Stop => f.write_str("Stop"),
        }
    }
}

/// The output folder, held by this build until dropped. Writing the output
/// ([`Writer`](super::Writer)) needs one, so nothing is written, swapped or
/// cleared without it.
#[derive(Debug)]
pub struct OutputLock {
    /// The output folder (absolute).
    output: PathBuf,
    /// Holds the lock: closing the file releases it.
    _file: fd_lock::RwLock<File>,
}

impl OutputLock {
    /// The output folder this lock holds (absolute).
    pub fn output(&self) -> &Path {
        &self.output
    }
}

/// Why the lock was not taken.
#[derive(Debug)]
pub(super) enum LockError {
    /// Another build holds it, and the build was told not to wait.
    Busy,
    /// The lock file could not be made or locked.
    Io(FsError),
}

/// Takes the lock of `output` (creating its parent folders), waiting for
/// another build that holds it unless `when` says to stop.
pub(super) fn lock(output: &Path, when: &WhenBusy) -> Result<OutputLock, LockError> {
    let absolute = super::absolute(output);
    let path = lock_path(&absolute);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(LockError::Io)?;
    }
    let io_error = |source| {
        LockError::Io(FsError {
            action: "lock",
            path: path.clone(),
            source,
        })
    };
    let mut file = fd_lock::RwLock::new(open_lock_file(&path).map_err(io_error)?);
    // The guards are forgotten, not dropped: the lock then lasts as long as
    // the open file, which `OutputLock` owns (fd-lock's guard borrows it).
    let free = match file.try_write() {
        Ok(guard) => {
            std::mem::forget(guard);
            true
        }
        Err(e) if e.kind() == io::ErrorKind::WouldBlock => false,
        Err(e) => return Err(io_error(e)),
    };
    if !free {
        let WhenBusy::Wait { notify } = when else {
            return Err(LockError::Busy);
        };
        if let Some(notify) = notify {
            notify(output);
        }
        wait_for(&mut file).map_err(io_error)?;
    }
    Ok(OutputLock {
        output: absolute,
        _file: file,
    })
}

/// Blocks until the lock is free and takes it, through signals that
/// interrupt the wait.
fn wait_for(file: &mut fd_lock::RwLock<File>) -> io::Result<()> {
    loop {
        match file.write() {
            Ok(guard) => {
                std::mem::forget(guard);
                return Ok(());
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    }
}

/// Opens (or makes) the lock file without following a link, and without
/// waiting on a named pipe someone put in its place.
fn open_lock_file(path: &Path) -> io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.create(true).truncate(false).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let flags = rustix::fs::OFlags::NOFOLLOW | rustix::fs::OFlags::NONBLOCK;
        options.custom_flags(flags.bits() as i32);
    }
    let file = options.open(path)?;
    if !file.metadata()?.is_file() {
        return Err(io::Error::other("not a regular file"));
    }
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lock_file_is_beside_the_output() {
        let path = lock_path(Path::new("/srv/site/public"));
        assert_eq!(path, Path::new("/srv/site/.public.bitimger.lock"));
    }

    #[test]
    fn a_second_lock_stops_or_waits_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("deep/public");
        let first = lock(&out, &WhenBusy::Stop).unwrap();
        assert!(dir.path().join("deep/.public.bitimger.lock").is_file());
        assert!(!out.exists(), "the lock makes no output");
        assert!(matches!(lock(&out, &WhenBusy::Stop), Err(LockError::Busy)));
        let (told, waited) = std::sync::mpsc::channel();
        let notify: Notify = Arc::new(move |p: &Path| told.send(p.to_path_buf()).unwrap());
        let when = WhenBusy::Wait {
            notify: Some(notify),
        };
        let second = std::thread::scope(|s| {
            let waiting = s.spawn(|| lock(&out, &when).map(|l| l.output().to_path_buf()));
            // Told once, then still waiting while the first is held.
            assert_eq!(waited.recv().unwrap(), out);
            assert!(!waiting.is_finished());
            drop(first);
            waiting.join().unwrap()
        });
        assert_eq!(second.unwrap(), super::super::absolute(&out));
        assert!(waited.try_recv().is_err(), "told only once");
    }

    #[test]
    fn a_free_lock_is_taken_without_telling() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let notify: Notify = Arc::new(|_: &Path| panic!("nobody holds the lock"));
        let when = WhenBusy::Wait {
            notify: Some(notify),
        };
        drop(lock(&out, &when).unwrap());
        // The file stays; taking it again works.
        assert!(lock_path(&out).is_file());
        lock(&out, &when).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_link_in_place_of_the_lock_file_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let elsewhere = dir.path().join("elsewhere");
        std::os::unix::fs::symlink(&elsewhere, lock_path(&out)).unwrap();
        assert!(matches!(lock(&out, &WhenBusy::Stop), Err(LockError::Io(_))));
        assert!(!elsewhere.exists());
    }
}
