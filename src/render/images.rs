//! Published images: decoded with size limits, turned upright by their EXIF
//! orientation, resized to a display size and a thumbnail, and re-encoded,
//! which drops every piece of metadata (EXIF, GPS, XMP). Originals are never
//! copied. What a source becomes is cached (see [`cache`]) by the hash of its
//! bytes and of the settings here, on disk between runs and in memory for
//! `serve`, so a photo is encoded once, not on every build. A logo that is
//! not SVG goes the same way, in one size of at most 512 pixels, named
//! `assets/logo.<ext>` (see `logo`); how files are made is in `encode`.

mod cache;
mod decode;
mod encode;

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use xxhash_rust::xxh3::Xxh3;

use super::OutputFile;
use crate::content::Site;
use crate::diag::{Diagnostic, Diagnostics};
use crate::progress::{Phase, ProgressHandle};
pub use cache::cache_photos_on_disk;

/// Checks a photo as a build would before publishing it (size, format,
/// a picture that decodes whole), for the editor's uploads: the same
/// diagnostics, naming `src`.
pub fn check_photo(src: &Path, bytes: &[u8]) -> Result<(), crate::diag::Diagnostic> {
    let size = bytes.len() as u64;
    if size > MAX_FILE {
        return Err(decode::too_large_file(src, size));
    }
    decode::decode(src, bytes).map(|_| ())
}
use cache::{Cache, Entry, Size};
use decode::{broken, too_large_file};
use encode::process;

/// Longest side of the display size.
const DISPLAY: u32 = 1600;
/// Longest side of thumbnails.
const THUMB: u32 = 480;
/// JPEG quality of both sizes.
const JPEG_QUALITY: u8 = 82;
/// Images wider or taller than this are refused.
const MAX_SIDE: u32 = 12_000;
/// Memory a single decode may use.
const MAX_ALLOC: u64 = 512 * 1024 * 1024;

/// Image files larger than this are refused before decoding.
const MAX_FILE: u64 = 40 * 1024 * 1024;

/// What shapes the files made of a photo. All of it is in the cache key
/// (by its `Debug` form, so a field added here is too).
#[derive(Debug, Clone, Copy)]
struct Settings {
    display: u32,
    thumb: u32,
    jpeg_quality: u8,
    /// Whether a lossless WebP is tried (never for the logo, which is
    /// published as its PNG or JPEG only).
    webp: bool,
}

/// The settings of every build.
const SETTINGS: Settings = Settings {
    display: DISPLAY,
    thumb: THUMB,
    jpeg_quality: JPEG_QUALITY,
    webp: true,
};

/// The settings of a logo: one size, small (its thumbnail is itself).
const LOGO_SETTINGS: Settings = Settings {
    display: super::logo::LOGO_SIDE,
    thumb: super::logo::LOGO_SIDE,
    jpeg_quality: JPEG_QUALITY,
    webp: false,
};

/// The version of the processing below, part of every cache key: bump it
/// when a change makes other bytes of the same source (the resize filter,
/// when WebP is tried, the order of steps...). The sizes, quality and
/// limits above, [`SETTINGS`], bitimger's version and [`ENCODERS`] are in
/// the key already.
const PROCESSING: u32 = 1;

/// The crates that decode, resize and encode (the `image` crate and what it
/// uses), as Cargo.lock pins them: a new version may make other bytes, so
/// they are part of every cache key. A unit test compares this list with
/// Cargo.lock and says what to write here after an update.
const ENCODERS: &[&str] = &[
    "adler2 2.0.1",
    "autocfg 1.5.1",
    "bitflags 2.13.2",
    "bytemuck 1.25.2",
    "byteorder-lite 0.1.0",
    "cfg-if 1.0.5",
    "crc32fast 1.5.4",
    "fdeflate 0.3.7",
    "flate2 1.1.11",
    "image 0.25.10",
    "image-webp 0.2.4",
    "miniz_oxide 0.8.9",
    "miniz_oxide 0.9.1",
    "moxcms 0.8.1",
    "num-traits 0.2.19",
    "png 0.18.1",
    "pxfm 0.1.30",
    "quick-error 2.0.1",
    "simd-adler32 0.3.10",
    "zlib-rs 0.6.8",
    "zune-core 0.5.3",
    "zune-jpeg 0.5.15",
];

/// A published image.
#[derive(Debug, Clone)]
pub(crate) struct ImageInfo {
    /// Output path, e.g. `media/senim/leader1-1600.jpg`.
    pub path: String,
    /// The same size as WebP, when that is smaller.
    pub webp: Option<String>,
    pub width: u32,
    pub height: u32,
    pub thumb: Option<Box<ImageInfo>>,
}

/// Source image → what was made of it.
pub(crate) type ImageMap = HashMap<PathBuf, ImageInfo>;

/// How many published images a run took from the photo cache, and how
/// many it had to encode (new or changed photos, or an empty cache).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PhotoCounts {
    /// Taken from the cache, unchanged since an earlier run.
    pub reused: usize,
    /// Decoded and encoded in this run.
    pub encoded: usize,
}

/// The output path and bytes of each file made of one source.
type Files = Vec<(String, Arc<Vec<u8>>)>;

struct Processed {
    info: ImageInfo,
    files: Files,
}

/// What processing one source gave, and whether it came from the cache.
type Outcome = Result<(Processed, bool), Diagnostic>;

/// What a source image is published as.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Target {
    /// A photo, in two sizes, under this folder (`media/<club>`).
    Photo(String),
    /// The site's logo: one size, `assets/logo.<ext>`.
    Logo,
}

/// Processes every image the site publishes: leader photos, galleries and
/// a logo that is not SVG (see `logo`).
pub(crate) fn process_images(
    site: &Site,
    progress: &ProgressHandle,
    diags: &mut Diagnostics,
) -> (ImageMap, Vec<OutputFile>, PhotoCounts) {
    let logo = site.config.style.logo.as_ref().filter(|l| !l.is_svg());
    let jobs = image_jobs(site);
    if jobs.is_empty() {
        // No photo: the cache folder is not even made.
        return Default::default();
    }
    progress.start(Phase::Photos, jobs.len());
    let cache = Cache::open();
    let results: Vec<(PathBuf, Outcome)> = jobs
        .par_iter()
        .map(|(src, target)| {
            let done = match target {
                Target::Photo(dir) => process_cached(src, dir, &cache, SETTINGS),
                Target::Logo => logo_cached(src, &cache).map_err(|d| match logo {
                    Some(l) => super::logo::unreadable(l, &d),
                    None => d,
                }),
            };
            progress.advance(1);
            (src.clone(), done)
        })
        .collect();
    cache.finish();
    let mut map = ImageMap::new();
    let mut files = Vec::new();
    let mut counts = PhotoCounts::default();
    for (src, result) in results {
        match result {
            Ok((p, reused)) => {
                match reused {
                    true => counts.reused += 1,
                    false => counts.encoded += 1,
                }
                for (path, bytes) in p.files {
                    files.push(OutputFile::Shared { path, bytes });
                }
                map.insert(src, p.info);
            }
            Err(d) => diags.push(d),
        }
    }
    (map, files, counts)
}

/// Every source image to publish, once, in order.
fn image_jobs(site: &Site) -> Vec<(PathBuf, Target)> {
    let mut jobs: Vec<(PathBuf, Target)> = Vec::new();
    for club in &site.clubs {
        let dir = || Target::Photo(format!("media/{}", club.slug));
        for leader in &club.leaders {
            if let Some(p) = &leader.photo {
                jobs.push((club.dir.join(p), dir()));
            }
        }
        for photo in &club.gallery.photos {
            jobs.push((photo.source.clone(), dir()));
        }
    }
    let logo = site.config.style.logo.as_ref().filter(|l| !l.is_svg());
    if let Some(l) = logo {
        jobs.push((l.file.clone(), Target::Logo));
    }
    jobs.sort();
    jobs.dedup();
    jobs
}

/// What `src` becomes under `dir`, and whether it came from the cache.
fn process_cached(src: &Path, dir: &str, cache: &Cache, settings: Settings) -> Outcome {
    let (entry, reused) = entry_cached(src, cache, settings)?;
    let stem = crate::content::names::image_stem(src);
    Ok((named(&entry, &format!("{dir}/{stem}")), reused))
}

/// What the logo `src` becomes (its display size only, named
/// `assets/logo.<ext>`), and whether it came from the cache.
fn logo_cached(src: &Path, cache: &Cache) -> Outcome {
    let (entry, reused) = entry_cached(src, cache, LOGO_SETTINGS)?;
    let size = &entry.display;
    let path = format!("assets/logo.{}", size.ext);
    let info = ImageInfo {
        path: path.clone(),
        webp: None,
        width: size.width,
        height: size.height,
        thumb: None,
    };
    let files = vec![(path, size.bytes.clone())];
    Ok((Processed { info, files }, reused))
}

/// The processed entry of `src`, and whether it came from the cache.
/// The source is read (and measured) every time: a hit needs the same
/// bytes, so it gives what encoding them again would.
fn entry_cached(
    src: &Path,
    cache: &Cache,
    settings: Settings,
) -> Result<(Arc<Entry>, bool), Diagnostic> {
    std::fs::metadata(src).map_err(|e| crate::fs::io_diagnostic(src, &e))?;
    let (bytes, key) = read_source(src, settings)?;
    match cache.get(key) {
        Some(hit) => Ok((hit, true)),
        None => {
            let entry = Arc::new(process(src, &bytes, settings)?);
            cache.put(key, &entry);
            Ok((entry, false))
        }
    }
}

/// The cache key of a source: its bytes, its extension (which decides how
/// it is decoded and whether WebP is tried), and every setting above. A
/// source that failed to decode is never stored, so a hit means these
/// bytes decoded within these limits.
fn key_hasher(src: &Path, settings: Settings) -> Xxh3 {
    let ext = src
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let settings = format!(
        "bitimger {} processing {PROCESSING}; {settings:?}; \
         limits {MAX_SIDE} px, {MAX_ALLOC} B, {MAX_FILE} B; {}; extension {ext}\n",
        env!("CARGO_PKG_VERSION"),
        ENCODERS.join(", "),
    );
    let mut hash = Xxh3::new();
    hash.update(settings.as_bytes());
    hash
}

/// The bytes of `src` (refused past [`MAX_FILE`]) and their cache key,
/// hashed piece by piece as they are read.
fn read_source(src: &Path, settings: Settings) -> Result<(Vec<u8>, u128), Diagnostic> {
    // Opened as a regular file only (a FIFO would block), and measured
    // through the open handle.
    let file = crate::fs::open_file(src).map_err(|e| broken(src, e))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    if size > MAX_FILE {
        return Err(too_large_file(src, size));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    let mut hash = key_hasher(src, settings);
    let mut piece = vec![0; 1 << 20];
    let mut file = file.take(MAX_FILE + 1);
    loop {
        let n = match file.read(&mut piece) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(broken(src, e)),
        };
        hash.update(&piece[..n]);
        bytes.extend_from_slice(&piece[..n]);
    }
    if bytes.len() as u64 > MAX_FILE {
        // It grew while it was read.
        return Err(too_large_file(src, bytes.len() as u64));
    }
    Ok((bytes, hash.digest128()))
}

/// The published files of `entry`, named `<base>-<longest side>.<format>`.
fn named(entry: &Entry, base: &str) -> Processed {
    let mut files = Vec::new();
    let mut name = |size: &Size| {
        let base = format!("{base}-{}", size.width.max(size.height));
        let path = format!("{base}.{}", size.ext);
        files.push((path.clone(), size.bytes.clone()));
        let webp = size.webp.as_ref().map(|w| {
            let p = format!("{base}.webp");
            files.push((p.clone(), w.clone()));
            p
        });
        ImageInfo {
            path,
            webp,
            width: size.width,
            height: size.height,
            thumb: None,
        }
    };
    let mut info = name(&entry.display);
    // Small images: one size serves both.
    let thumb = entry.thumb.as_ref().map_or_else(|| info.clone(), &mut name);
    info.thumb = Some(Box::new(thumb));
    Processed { info, files }
}

#[cfg(test)]
mod tests;
