//! File helpers whose errors always name the path.
//!
//! Layer 1: imports only `diag`.

use std::io;
use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Diagnostics};

mod controls;

pub use controls::{clean_text, is_control, may_hold_controls, without_controls};

/// Files larger than this are refused as content: no club.yaml or report
/// is anywhere near it, and it keeps a stray video from eating memory.
pub const MAX_TEXT_FILE: u64 = 4 * 1024 * 1024;

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

/// Streams the regular file `from` into a new file `to` (replacing it);
/// returns the number of bytes. Memory does not grow with the size: the
/// kernel copies (`copy_file_range`), and on Linux only the parts that hold
/// data, so the holes of a sparse file cost neither time nor disk.
pub fn copy_file(from: &Path, to: &Path) -> io::Result<u64> {
    use std::io::Seek;
    let mut source = open_file(from)?;
    let mut target = std::fs::File::create(to)?;
    #[cfg(target_os = "linux")]
    match copy_data_ranges(&source, &target) {
        Ok(n) => return Ok(n),
        // A file system without SEEK_DATA or copy_file_range: start again
        // with a plain copy.
        Err(_) => {
            source.rewind()?;
            target.set_len(0)?;
            target.rewind()?;
        }
    }
    io::copy(&mut source, &mut target)
}

/// Copies the data ranges of `source` (found with SEEK_DATA/SEEK_HOLE)
/// into `target` at the same offsets, then sets its length.
#[cfg(target_os = "linux")]
fn copy_data_ranges(source: &std::fs::File, target: &std::fs::File) -> io::Result<u64> {
    use rustix::fs::{SeekFrom, copy_file_range, seek};
    let len = source.metadata()?.len();
    let mut pos = 0;
    while pos < len {
        let start = match seek(source, SeekFrom::Data(pos)) {
            Ok(start) => start,
            // Only a hole is left.
            Err(rustix::io::Errno::NXIO) => break,
            Err(e) => return Err(e.into()),
        };
        let end = seek(source, SeekFrom::Hole(start))?.min(len);
        let (mut from, mut to) = (start, start);
        while from < end {
            let chunk = (end - from).min(1 << 30) as usize;
            if copy_file_range(source, Some(&mut from), target, Some(&mut to), chunk)? == 0 {
                break; // the file shrank meanwhile
            }
        }
        pos = end.max(from);
    }
    target.set_len(len)?;
    Ok(len)
}

/// Opens a file for reading, refusing anything that is not a regular file.
/// A FIFO, a device or a socket (or a link to one) would block a read or
/// never end; it is opened without blocking, looked at through the open
/// handle (so it cannot be swapped in between) and refused.
pub fn open_file(path: &Path) -> io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32);
    }
    let file = options.open(path)?;
    if !file.metadata()?.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a regular file",
        ));
    }
    Ok(file)
}

/// At most the first `limit` bytes of a regular file.
pub fn read_head(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    open_file(path)?.take(limit).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Reads a content file as UTF-8 text for the loaders. Problems an editor can
/// fix (too large, not UTF-8, empty) become diagnostics naming the file.
pub fn read_text(path: &Path) -> Result<String, Diagnostic> {
    use std::io::Read;
    let file = open_file(path).map_err(|e| io_diagnostic(path, &e))?;
    let len = file.metadata().map_err(|e| io_diagnostic(path, &e))?.len();
    // Checked before reading, so a huge file is never loaded into memory;
    // the read is bounded too, in case the file grows meanwhile.
    if len > MAX_TEXT_FILE {
        return Err(too_large(path, len));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(MAX_TEXT_FILE + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_diagnostic(path, &e))?;
    decode_text(path, bytes)
}

/// The checks of [`read_text`] on bytes already read: size, UTF-8 (with
/// the line of the first bad byte), a leading BOM dropped, not empty.
pub fn decode_text(path: &Path, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    if bytes.len() as u64 > MAX_TEXT_FILE {
        return Err(too_large(path, bytes.len() as u64));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = String::from_utf8_lossy(valid)
            .rsplit('\n')
            .next()
            .map_or(0, |l| l.chars().count())
            + 1;
        Diagnostic::error("file/not-utf8", "this file is not valid UTF-8 text")
            .words("file-not-utf8")
            .at(crate::diag::Location::at(path, line, column))
            .label("saved in another encoding, such as Windows-1251")
            .help("save the file as UTF-8 in your editor (\"Save as\" → encoding UTF-8)")
    })?;
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Diagnostic::error("file/empty", "this file is empty")
            .words("file-empty")
            .in_file(path)
            .help("write the file's fields, or delete the file"));
    }
    Ok(text)
}

/// [`read_text`] for the loaders: problems go to `diags`, and control
/// characters are left out of the text with a warning
/// (`file/control-character`).
pub fn read_content(path: &Path, diags: &mut Diagnostics) -> Option<String> {
    let text = read_text(path).map_err(|d| diags.push(d)).ok()?;
    Some(clean_text(path, text, diags))
}

fn too_large(path: &Path, len: u64) -> Diagnostic {
    Diagnostic::error(
        "file/too-large",
        format!(
            "this file is {:.1} MB; text files over {} MB are not read",
            len as f64 / (1024.0 * 1024.0),
            MAX_TEXT_FILE / (1024 * 1024)
        ),
    )
    .words("file-too-large")
    // With a decimal comma, as Kazakh and Russian write it.
    .arg(
        "size",
        format!("{:.1}", len as f64 / (1024.0 * 1024.0)).replace('.', ","),
    )
    .arg("max", MAX_TEXT_FILE / (1024 * 1024))
    .in_file(path)
    .help("a content file holds text only; put large files in documents/ or static/")
}

/// An I/O error on a content file, as a diagnostic.
pub fn io_diagnostic(path: &Path, e: &io::Error) -> Diagnostic {
    Diagnostic::error("file/unreadable", format!("could not read this file: {e}"))
        .words("file-unreadable")
        .arg("error", e)
        .in_file(path)
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

    /// A FIFO (or a link to one) named like a content file would block a
    /// plain read for ever; it is refused at once.
    #[cfg(target_os = "linux")]
    #[test]
    fn a_fifo_is_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("club.yaml");
        rustix::fs::mkfifoat(rustix::fs::CWD, &p, rustix::fs::Mode::from_raw_mode(0o644)).unwrap();
        assert_eq!(
            open_file(&p).unwrap_err().kind(),
            io::ErrorKind::InvalidInput
        );
        assert_eq!(read_text(&p).unwrap_err().code, "file/unreadable");
        assert!(copy_file(&p, &dir.path().join("copy")).is_err());
    }

    /// A sparse file is copied with its data where it was, holes as holes.
    #[test]
    fn copy_file_keeps_data_and_holes() {
        use std::io::{Seek, SeekFrom, Write};
        let dir = tempfile::tempdir().unwrap();
        let (from, to) = (dir.path().join("a"), dir.path().join("b"));
        let mut f = std::fs::File::create(&from).unwrap();
        f.write_all(b"head").unwrap();
        f.seek(SeekFrom::Start(5 << 20)).unwrap();
        f.write_all(b"middle").unwrap();
        f.set_len(9 << 20).unwrap();
        assert_eq!(copy_file(&from, &to).unwrap(), 9 << 20);
        assert!(std::fs::read(&from).unwrap() == std::fs::read(&to).unwrap());
        std::fs::write(&from, b"small").unwrap();
        copy_file(&from, &to).unwrap();
        assert_eq!(std::fs::read(&to).unwrap(), b"small");
    }

    #[test]
    fn read_text_reports_invalid_utf8_with_line() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.yaml");
        std::fs::write(&p, b"name: ok\nbad: \xff\n").unwrap();
        let d = read_text(&p).unwrap_err();
        assert_eq!(d.code, "file/not-utf8");
        assert_eq!(d.location.unwrap().line, Some(2));
    }
}

/// `base` joined with `rel`, with `.` and `..` resolved by the names alone
/// (`site/region/../school-a` becomes `site/school-a`): the form in which
/// a folder named in site.yaml is read, watched and compared with
/// [`is_within`].
pub fn join_clean(base: &Path, rel: &str) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for c in base.join(rel).components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                match out.components().next_back() {
                    Some(Component::Normal(_)) => {
                        out.pop();
                    }
                    // Above the root is the root.
                    Some(Component::RootDir | Component::Prefix(_)) => {}
                    _ => out.push(".."),
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// True when `path` is `dir` or inside it, for paths written alike (both
/// absolute, or both relative to the same folder). Compares bytes, which is
/// much faster than [`Path::starts_with`] when done thousands of times.
pub fn is_within(path: &Path, dir: &Path) -> bool {
    let p = path.as_os_str().as_encoded_bytes();
    let d = dir.as_os_str().as_encoded_bytes();
    p.starts_with(d)
        && (p.len() == d.len()
            || d.last()
                .is_some_and(|&c| std::path::is_separator(c as char))
            || std::path::is_separator(p[d.len()] as char))
}

#[cfg(test)]
mod is_within_tests {
    use super::*;

    #[test]
    fn join_clean_resolves_dots_by_name() {
        let j = |b: &str, r: &str| join_clean(Path::new(b), r);
        assert_eq!(j("/s/region", "../school-a"), PathBuf::from("/s/school-a"));
        assert_eq!(j("/s/region", "./a/./b/.."), PathBuf::from("/s/region/a"));
        assert_eq!(j("region", "../../x"), PathBuf::from("../x"));
        assert_eq!(j("/", "../x"), PathBuf::from("/x"));
        assert_eq!(j("/s", "/abs/t"), PathBuf::from("/abs/t"));
    }

    #[test]
    fn is_within_compares_whole_names() {
        assert!(is_within(
            Path::new("/s/clubs/a/club.yaml"),
            Path::new("/s/clubs/a")
        ));
        assert!(is_within(Path::new("/s/clubs/a"), Path::new("/s/clubs/a")));
        assert!(is_within(Path::new("/s/clubs/a"), Path::new("/s/")));
        assert!(!is_within(
            Path::new("/s/clubs/ab"),
            Path::new("/s/clubs/a")
        ));
        assert!(!is_within(Path::new("/s/clubs"), Path::new("/s/clubs/a")));
    }
}
