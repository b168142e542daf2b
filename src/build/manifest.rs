//! The output's manifest: every file bitimger wrote, with a hash of its
//! bytes, its size and its modification time. It lives in the marker file
//! (`.bitimger-output`), so the next build can tell which files are
//! unchanged without reading them, and that nobody edited them since.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::Read;
use std::path::Path;

/// The first line of the marker file, for people who open it.
pub(crate) const HEADER: &str =
    "This folder is written by bitimger; it is replaced on every build.\n";
const VERSION_LINE: &str = "# bitimger output manifest 1: xxh3-128 size mtime-ns path\n";

/// What the manifest knows about one output file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Entry {
    /// xxh3-128 of the bytes.
    pub hash: u128,
    /// Size in bytes.
    pub size: u64,
    /// Modification time in nanoseconds since the epoch, as written.
    pub mtime: i128,
}

/// Output path (with `/`) → entry.
pub(crate) type Manifest = HashMap<String, Entry>;

/// The hash of some bytes.
pub(crate) fn hash(bytes: &[u8]) -> u128 {
    xxhash_rust::xxh3::xxh3_128(bytes)
}

/// The hash of a file's bytes, read in pieces (static files may be large:
/// memory stays at one buffer whatever the size). Only a regular file is
/// opened.
pub(crate) fn hash_file(path: &Path) -> std::io::Result<(u128, u64)> {
    let mut file = crate::fs::open_file(path)?;
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    // Most inputs are small texts: a buffer of their size (not a whole
    // 256 KiB one zeroed for each) is enough to read them in one piece.
    let size_hint = file.metadata().map_or(0, |m| m.len());
    let mut buf = vec![0u8; size_hint.clamp(4096, 256 * 1024) as usize];
    let mut size = 0u64;
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        size += n as u64;
        hasher.update(&buf[..n]);
    }
    Ok((hasher.digest128(), size))
}

/// Modification time of `meta` in nanoseconds (0 when the system has none).
pub(crate) fn mtime(meta: &std::fs::Metadata) -> i128 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as i128)
}

const INPUT_PREFIX: &str = "# input ";

/// The fingerprint of the inputs of the build that wrote a marker file, when
/// that build had no problems to report (see `fingerprint`).
pub(crate) fn parse_input(text: &str) -> Option<u128> {
    let rest = text.strip_prefix(HEADER)?.strip_prefix(VERSION_LINE)?;
    let line = rest.lines().next()?.strip_prefix(INPUT_PREFIX)?;
    u128::from_str_radix(line, 16).ok()
}

/// Reads a marker file's manifest; `None` for a marker without one (an
/// older bitimger) or one that does not parse.
pub(crate) fn parse(text: &str) -> Option<Manifest> {
    let mut rest = text.strip_prefix(HEADER)?.strip_prefix(VERSION_LINE)?;
    if rest.starts_with(INPUT_PREFIX) {
        rest = rest.split_once('\n').map_or("", |(_, r)| r);
    }
    let mut manifest = Manifest::new();
    for line in rest.lines() {
        let mut parts = line.splitn(4, ' ');
        let hash = u128::from_str_radix(parts.next()?, 16).ok()?;
        let size = parts.next()?.parse().ok()?;
        let mtime = parts.next()?.parse().ok()?;
        let path = parts.next()?;
        manifest.insert(path.to_string(), Entry { hash, size, mtime });
    }
    Some(manifest)
}

/// The marker file's text for `entries`, sorted by path so that the same
/// output gives the same marker, with the inputs' fingerprint if any.
pub(crate) fn serialize(entries: &mut [(String, Entry)], input: Option<u128>) -> String {
    entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let mut out = String::with_capacity(HEADER.len() + entries.len() * 100);
    out.push_str(HEADER);
    out.push_str(VERSION_LINE);
    if let Some(input) = input {
        let _ = writeln!(out, "{INPUT_PREFIX}{input:032x}");
    }
    for (path, e) in entries.iter() {
        // A path with a line break cannot be listed; it is then written
        // again on every build, which is correct, only slower.
        if !path.contains(['\n', '\r']) {
            let _ = writeln!(out, "{:032x} {} {} {path}", e.hash, e.size, e.mtime);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifest_round_trips_with_spaces_in_paths() {
        let e = Entry {
            hash: hash(b"page"),
            size: 4,
            mtime: 1_700_000_000_123_456_789,
        };
        let mut entries = vec![
            ("kk/index.html".to_string(), e),
            ("documents/order 12.pdf".to_string(), e),
        ];
        let text = serialize(&mut entries, Some(7));
        let parsed = parse(&text).unwrap();
        assert_eq!(parsed.len(), 2);
        assert_eq!(parsed["documents/order 12.pdf"], e);
        assert_eq!(parse_input(&text), Some(7));
        assert_eq!(parse_input(&serialize(&mut entries, None)), None);
    }

    #[test]
    fn a_marker_without_manifest_has_none() {
        assert!(parse(HEADER).is_none());
        assert!(parse("something else").is_none());
    }
}
