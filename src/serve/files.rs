//! Files published as they are (static/, documents/, a theme's static/),
//! captured when the site is built, so that no request ever follows a
//! path again: a file swapped afterwards for a link to a secret (or for
//! another file) is not what gets served.
//!
//! At capture the file is opened, and the folder it really lies in
//! (links resolved) must be the site or the theme, checked on the opened
//! file itself (same device and inode). Small files are then held in
//! memory. Larger ones are not (a 200 MB video would be held per copy):
//! each request reopens the checked real path, without following a link,
//! and streams it only when it is still the very file checked at build
//! time (same device, inode, size and modification time).
//!
//! Layer 7 (serve): imports `config`, `content`, `render`, `diag`, `fs`.

use std::fs::{File, Metadata};
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use bytes::Bytes;
use futures_util::Stream;

use super::shared::Body;
use crate::config::Theme;
use crate::content::Site;
use crate::diag::Diagnostic;
use crate::fs::io_diagnostic;
use crate::render::OutputFile;

/// Files up to this size are held in memory; larger ones are streamed
/// from disk on each request.
pub(crate) const IN_MEMORY_MAX: u64 = 256 * 1024;

/// The most read from disk at once for a streamed file.
const CHUNK: usize = 256 * 1024;

/// What identifies one version of one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    #[cfg(unix)]
    dev: u64,
    #[cfg(unix)]
    ino: u64,
}

impl Stamp {
    fn of(meta: &Metadata) -> Stamp {
        #[cfg(unix)]
        use std::os::unix::fs::MetadataExt;
        Stamp {
            len: meta.len(),
            modified: meta.modified().ok(),
            #[cfg(unix)]
            dev: meta.dev(),
            #[cfg(unix)]
            ino: meta.ino(),
        }
    }

    /// The same file, whatever its size or time now.
    fn same_inode(&self, other: &Stamp) -> bool {
        #[cfg(unix)]
        return self.dev == other.dev && self.ino == other.ino;
        #[cfg(not(unix))]
        return self == other;
    }
}

/// A copied file as captured by a build.
#[derive(Debug)]
pub(crate) struct Copied {
    /// The path the build listed.
    source: PathBuf,
    /// Where it really is (no link in it), inside the site or the theme.
    real: PathBuf,
    stamp: Stamp,
    /// The content of a small file.
    bytes: Option<Bytes>,
}

impl PartialEq for Copied {
    /// The same version of the same file (its bytes are not compared).
    fn eq(&self, other: &Copied) -> bool {
        self.source == other.source && self.stamp == other.stamp
    }
}

impl Copied {
    /// True when `source` still names this very version: a rebuild keeps
    /// the capture instead of reading the file again.
    pub(crate) fn is_current(&self, source: &Path) -> bool {
        self.source == source
            && std::fs::metadata(source).is_ok_and(|m| Stamp::of(&m) == self.stamp)
    }

    /// Its size in bytes.
    pub(crate) fn len(&self) -> u64 {
        self.stamp.len
    }

    /// Its content, when held in memory.
    pub(crate) fn bytes(&self) -> Option<&Bytes> {
        self.bytes.as_ref()
    }

    /// Opens the file to stream it, when it is still the version checked
    /// at build time; any change (a link put in its place, another file,
    /// an edit) is refused until the next build captures it again.
    pub(crate) fn open(&self) -> io::Result<File> {
        let file = open(&self.real, false)?;
        let stamp = Stamp::of(&file.metadata()?);
        if stamp != self.stamp {
            return Err(io::Error::other("the file changed since the last build"));
        }
        Ok(file)
    }
}

/// The folders copied files may really lie in: the site and its theme.
pub(crate) fn roots(site: &Site) -> Vec<PathBuf> {
    let mut dirs = vec![site.config.root.clone()];
    if let Theme::Folder(dir) = &site.config.theme {
        dirs.push(dir.clone());
    }
    dirs.into_iter()
        .filter_map(|d| d.canonicalize().ok())
        .collect()
}

/// What serve holds for an output file: copies are captured, or kept from
/// `previous` when the file did not change since.
pub(crate) fn body_of(
    file: OutputFile,
    previous: Option<&Body>,
    roots: &[PathBuf],
) -> Result<(String, Body), Diagnostic> {
    Ok(match file {
        OutputFile::Bytes { path, bytes } => (path, Body::Bytes(Bytes::from(bytes))),
        OutputFile::Shared { path, bytes } => (path, Body::Bytes(Bytes::copy_from_slice(&bytes))),
        OutputFile::Embedded { path, bytes } => (path, Body::Bytes(Bytes::from_static(bytes))),
        OutputFile::Copy { path, source } => match previous {
            Some(Body::Copied(c)) if c.is_current(&source) => (path, Body::Copied(c.clone())),
            _ => (path, Body::Copied(Arc::new(capture(&source, roots)?))),
        },
    })
}

/// Captures `source` for serving. `roots` are the folders (real paths)
/// it must really lie in: the site, the theme.
pub(crate) fn capture(source: &Path, roots: &[PathBuf]) -> Result<Copied, Diagnostic> {
    let unreadable = |e: io::Error| io_diagnostic(source, &e);
    let mut file = open(source, true).map_err(unreadable)?;
    let meta = file.metadata().map_err(unreadable)?;
    if !meta.is_file() {
        return Err(unreadable(io::Error::other("it is not a regular file")));
    }
    let stamp = Stamp::of(&meta);
    let real = source.canonicalize().map_err(unreadable)?;
    if !roots.iter().any(|root| real.starts_with(root)) {
        return Err(link_outside(source));
    }
    // The opened file must be the one at the checked path: a link swapped
    // in between the two looks is caught here.
    let at_real = std::fs::symlink_metadata(&real).map_err(unreadable)?;
    if !Stamp::of(&at_real).same_inode(&stamp) {
        return Err(unreadable(io::Error::other(
            "it was replaced while it was read; save it again",
        )));
    }
    let bytes = if stamp.len <= IN_MEMORY_MAX {
        let mut buf = Vec::with_capacity(stamp.len as usize);
        (&mut file)
            .take(stamp.len)
            .read_to_end(&mut buf)
            .map_err(unreadable)?;
        Some(Bytes::from(buf))
    } else {
        None
    };
    Ok(Copied {
        source: source.to_path_buf(),
        real,
        stamp: Stamp {
            len: bytes.as_ref().map_or(stamp.len, |b| b.len() as u64),
            ..stamp
        },
        bytes,
    })
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

/// Opens `path` for reading without ever waiting (a named pipe put in a
/// file's place would block the open), following a final link or not.
fn open(path: &Path, follow: bool) -> io::Result<File> {
    #[cfg(unix)]
    {
        use rustix::fs::{Mode, OFlags};
        let mut flags = OFlags::RDONLY | OFlags::NONBLOCK | OFlags::CLOEXEC;
        if !follow {
            flags |= OFlags::NOFOLLOW;
        }
        Ok(File::from(rustix::fs::open(path, flags, Mode::empty())?))
    }
    #[cfg(not(unix))]
    {
        let _ = follow;
        File::open(path)
    }
}

/// The first `len` bytes of `file`, read a chunk at a time off the async
/// threads. A file that got shorter ends the stream with an error, so the
/// client sees a broken download rather than a silently short one.
pub(crate) fn stream(file: File, len: u64) -> impl Stream<Item = io::Result<Bytes>> + Send {
    futures_util::stream::try_unfold((file, 0u64), move |(mut file, sent)| async move {
        if sent >= len {
            return Ok(None);
        }
        let want = (len - sent).min(CHUNK as u64) as usize;
        let (file, chunk) = tokio::task::spawn_blocking(move || {
            let mut buf = vec![0; want];
            let n = read_full(&mut file, &mut buf)?;
            buf.truncate(n);
            Ok::<_, io::Error>((file, Bytes::from(buf)))
        })
        .await
        .map_err(io::Error::other)??;
        if chunk.is_empty() {
            return Err(io::Error::from(io::ErrorKind::UnexpectedEof));
        }
        let sent = sent + chunk.len() as u64;
        Ok(Some((chunk, (file, sent))))
    })
}

/// Reads until `buf` is full or the file ends.
fn read_full(file: &mut File, buf: &mut [u8]) -> io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match file.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roots(dir: &Path) -> Vec<PathBuf> {
        vec![dir.canonicalize().unwrap()]
    }

    #[test]
    fn small_files_are_held_in_memory() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, "x").unwrap();
        let c = capture(&p, &roots(dir.path())).unwrap();
        assert_eq!(c.bytes().unwrap().as_ref(), b"x");
        // What is served does not change with the path any more.
        std::fs::remove_file(&p).unwrap();
        std::fs::write(&p, "other").unwrap();
        assert_eq!(c.bytes().unwrap().as_ref(), b"x");
        assert!(!c.is_current(&p));
    }

    #[test]
    fn large_files_are_reopened_only_while_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("big.bin");
        std::fs::write(&p, vec![7u8; IN_MEMORY_MAX as usize + 1]).unwrap();
        let c = capture(&p, &roots(dir.path())).unwrap();
        assert!(c.bytes().is_none());
        assert!(c.is_current(&p));
        assert!(c.open().is_ok());
        std::fs::remove_file(&p).unwrap();
        std::fs::write(&p, vec![8u8; IN_MEMORY_MAX as usize + 1]).unwrap();
        assert!(c.open().is_err(), "another file at the same path");
    }

    #[cfg(unix)]
    #[test]
    fn links_out_of_the_site_are_refused_at_capture_and_after() {
        let outside = tempfile::tempdir().unwrap();
        let secret = outside.path().join("secret");
        std::fs::write(&secret, vec![1u8; IN_MEMORY_MAX as usize + 1]).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.bin");
        std::os::unix::fs::symlink(&secret, &p).unwrap();
        let d = capture(&p, &roots(dir.path())).unwrap_err();
        assert_eq!(d.code, "file/link-outside");
        std::fs::remove_file(&p).unwrap();
        std::fs::write(&p, vec![2u8; IN_MEMORY_MAX as usize + 1]).unwrap();
        let c = capture(&p, &roots(dir.path())).unwrap();
        std::fs::remove_file(&p).unwrap();
        std::os::unix::fs::symlink(&secret, &p).unwrap();
        assert!(c.open().is_err(), "the swapped link is not followed");
        assert!(!c.is_current(&p));
    }

    #[cfg(unix)]
    #[test]
    fn a_link_inside_the_site_is_served() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("real.txt"), "r").unwrap();
        let p = dir.path().join("link.txt");
        std::os::unix::fs::symlink(dir.path().join("real.txt"), &p).unwrap();
        let c = capture(&p, &roots(dir.path())).unwrap();
        assert_eq!(c.bytes().unwrap().as_ref(), b"r");
    }

    #[cfg(unix)]
    #[test]
    fn a_named_pipe_is_refused_without_waiting() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("fifo");
        use rustix::fs::{CWD, FileType, Mode, mknodat};
        mknodat(CWD, &p, FileType::Fifo, Mode::from_raw_mode(0o600), 0).unwrap();
        assert_eq!(
            capture(&p, &roots(dir.path())).unwrap_err().code,
            "file/unreadable"
        );
    }
}
