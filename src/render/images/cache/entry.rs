//! One cache entry as bytes: a magic line, a small JSON header (format,
//! size and length of each image), the images' bytes, and an xxh3-128
//! checksum of all that. A file cut short, grown or changed by one bit
//! fails the checksum or the lengths and is read as no entry.
//!
//! Part of `render::images::cache`: imports only `std`, `serde`, `xxhash`.

use std::io::{Read, Write};
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::{Xxh3, xxh3_128};

/// The first bytes of every entry; a change of layout changes it.
const MAGIC: &[u8] = b"bitimger photo cache entry 1\n";
/// Entries longer than this are not read (a display size and a thumbnail
/// are a few megabytes at most).
const MAX_ENTRY: u64 = 256 * 1024 * 1024;
const CHECKSUM: usize = 16;

/// One size of a processed image, without its name (names come from the
/// source's file name and club, which the entry does not depend on).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Size {
    /// `jpg` or `png`.
    pub ext: &'static str,
    pub width: u32,
    pub height: u32,
    pub bytes: Arc<Vec<u8>>,
    /// The same picture as WebP, when that is smaller.
    pub webp: Option<Arc<Vec<u8>>>,
}

/// What processing made of one source image.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Entry {
    pub display: Size,
    /// `None` when the image is small enough to be its own thumbnail.
    pub thumb: Option<Size>,
}

impl Entry {
    fn sizes(&self) -> impl Iterator<Item = &Size> {
        std::iter::once(&self.display).chain(&self.thumb)
    }
}

#[derive(Serialize, Deserialize)]
struct Header {
    sizes: Vec<SizeHeader>,
}

#[derive(Serialize, Deserialize)]
struct SizeHeader {
    ext: String,
    width: u32,
    height: u32,
    bytes: u64,
    webp: Option<u64>,
}

/// Writes `entry` to `out`.
pub(super) fn write(entry: &Entry, mut out: impl Write) -> std::io::Result<()> {
    let header = Header {
        sizes: entry
            .sizes()
            .map(|s| SizeHeader {
                ext: s.ext.to_string(),
                width: s.width,
                height: s.height,
                bytes: s.bytes.len() as u64,
                webp: s.webp.as_ref().map(|w| w.len() as u64),
            })
            .collect(),
    };
    let header = serde_json::to_vec(&header).map_err(std::io::Error::other)?;
    let header_len = u32::try_from(header.len()).map_err(std::io::Error::other)?;
    let mut hash = Xxh3::new();
    let mut put = |bytes: &[u8]| {
        hash.update(bytes);
        out.write_all(bytes)
    };
    put(MAGIC)?;
    put(&header_len.to_le_bytes())?;
    put(&header)?;
    for size in entry.sizes() {
        put(&size.bytes)?;
        if let Some(webp) = &size.webp {
            put(webp)?;
        }
    }
    out.write_all(&hash.digest128().to_le_bytes())?;
    out.flush()
}

/// Reads a whole entry from `file`; `None` when it is not one.
pub(super) fn read(file: std::fs::File) -> Option<Entry> {
    let len = file.metadata().ok()?.len();
    if len > MAX_ENTRY {
        return None;
    }
    let mut data = Vec::with_capacity(usize::try_from(len).ok()?);
    file.take(MAX_ENTRY).read_to_end(&mut data).ok()?;
    parse(&data)
}

/// The entry in `data`, when it is a whole one.
pub(super) fn parse(data: &[u8]) -> Option<Entry> {
    let body = data.len().checked_sub(CHECKSUM).map(|n| &data[..n])?;
    let sum = u128::from_le_bytes(data[body.len()..].try_into().ok()?);
    if xxh3_128(body) != sum {
        return None;
    }
    let mut rest = body.strip_prefix(MAGIC)?;
    let header_len = u32::from_le_bytes(take(&mut rest, 4)?.try_into().ok()?);
    let header: Header = serde_json::from_slice(take(&mut rest, header_len as u64)?).ok()?;
    let mut sizes = Vec::with_capacity(2);
    for h in header.sizes.iter().take(3) {
        sizes.push(size(h, &mut rest)?);
    }
    let mut sizes = sizes.into_iter();
    let entry = Entry {
        display: sizes.next()?,
        thumb: sizes.next(),
    };
    (rest.is_empty() && sizes.next().is_none()).then_some(entry)
}

fn size(h: &SizeHeader, rest: &mut &[u8]) -> Option<Size> {
    let ext = ["jpg", "png"].into_iter().find(|e| *e == h.ext)?;
    let bytes = Arc::new(take(rest, h.bytes)?.to_vec());
    let webp = match h.webp {
        Some(n) => Some(Arc::new(take(rest, n)?.to_vec())),
        None => None,
    };
    (h.width > 0 && h.height > 0).then_some(Size {
        ext,
        width: h.width,
        height: h.height,
        bytes,
        webp,
    })
}

/// The next `n` bytes of `rest`, when there are that many.
fn take<'a>(rest: &mut &'a [u8], n: u64) -> Option<&'a [u8]> {
    let n = usize::try_from(n).ok()?;
    let (head, tail) = (rest.get(..n)?, rest.get(n..)?);
    *rest = tail;
    Some(head)
}
