//! Regular files only: opening a file while refusing a FIFO, a device or a
//! socket, reading the head of one, and streaming one into a copy (on
//! Linux by its data ranges, so a sparse file's holes stay holes).
//!
//! Part of layer 1 (`fs`); imports nothing from the crate.

use std::io;
use std::path::Path;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fs::read_text;

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
}
