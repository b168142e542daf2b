//! Published images: decoded with size limits, turned upright by their EXIF
//! orientation, resized to a display size and a thumbnail, and re-encoded,
//! which drops every piece of metadata (EXIF, GPS, XMP). Originals are never
//! copied. Results are cached by file, size and modification time, so
//! `serve` does not redo them on every save.

use std::collections::HashMap;
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::SystemTime;

use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageReader, Limits};
use rayon::prelude::*;

use super::OutputFile;
use crate::content::Site;
use crate::diag::{Diagnostic, Diagnostics};
use crate::progress::{Phase, ProgressHandle};

/// Longest side of the display size.
const DISPLAY: u32 = 1600;
/// Longest side of thumbnails.
const THUMB: u32 = 480;
/// Images wider or taller than this are refused.
const MAX_SIDE: u32 = 12_000;
/// Memory a single decode may use.
const MAX_ALLOC: u64 = 512 * 1024 * 1024;

/// Image files larger than this are refused before decoding.
const MAX_FILE: u64 = 40 * 1024 * 1024;

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

struct Processed {
    info: ImageInfo,
    files: Vec<(String, Arc<Vec<u8>>)>,
}

type CacheKey = (PathBuf, u64, SystemTime, String);

fn cache() -> &'static Mutex<HashMap<CacheKey, Arc<Processed>>> {
    static CACHE: OnceLock<Mutex<HashMap<CacheKey, Arc<Processed>>>> = OnceLock::new();
    CACHE.get_or_init(Default::default)
}

/// Processes every image the site publishes: leader photos and galleries.
pub(crate) fn process_images(
    site: &Site,
    progress: &ProgressHandle,
    diags: &mut Diagnostics,
) -> (ImageMap, Vec<OutputFile>) {
    let mut jobs: Vec<(PathBuf, String)> = Vec::new();
    for club in &site.clubs {
        for leader in &club.leaders {
            if let Some(p) = &leader.photo {
                jobs.push((club.dir.join(p), format!("media/{}", club.slug)));
            }
        }
        for photo in &club.gallery.photos {
            jobs.push((photo.source.clone(), format!("media/{}", club.slug)));
        }
    }
    jobs.sort();
    jobs.dedup();
    if !jobs.is_empty() {
        progress.start(Phase::Photos, jobs.len());
    }
    let results: Vec<(PathBuf, Result<Arc<Processed>, Diagnostic>)> = jobs
        .par_iter()
        .map(|(src, dir)| {
            let done = process_cached(src, dir);
            progress.advance(1);
            (src.clone(), done)
        })
        .collect();
    let mut map = ImageMap::new();
    let mut files = Vec::new();
    for (src, result) in results {
        match result {
            Ok(p) => {
                for (path, bytes) in &p.files {
                    files.push(OutputFile::Shared {
                        path: path.clone(),
                        bytes: bytes.clone(),
                    });
                }
                map.insert(src, p.info.clone());
            }
            Err(d) => diags.push(d),
        }
    }
    (map, files)
}

fn process_cached(src: &Path, dir: &str) -> Result<Arc<Processed>, Diagnostic> {
    let meta = std::fs::metadata(src).map_err(|e| crate::fs::io_diagnostic(src, &e))?;
    let key = (
        src.to_path_buf(),
        meta.len(),
        meta.modified().unwrap_or(SystemTime::UNIX_EPOCH),
        dir.to_string(),
    );
    if let Some(hit) = cache().lock().ok().and_then(|c| c.get(&key).cloned()) {
        return Ok(hit);
    }
    let processed = Arc::new(process(src, dir)?);
    if let Ok(mut c) = cache().lock() {
        c.insert(key, processed.clone());
    }
    Ok(processed)
}

fn broken(src: &Path, why: impl std::fmt::Display) -> Diagnostic {
    Diagnostic::error("image/broken", format!("this image cannot be read: {why}"))
        .in_file(src)
        .help("open it in an image editor and save it again as JPEG or PNG, or remove it")
}

fn decode(src: &Path) -> Result<DynamicImage, Diagnostic> {
    // Opened as a regular file only (a FIFO would block), and measured
    // through the open handle.
    let file = crate::fs::open_file(src).map_err(|e| broken(src, e))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    if size > MAX_FILE {
        return Err(Diagnostic::error(
            "image/too-large",
            format!(
                "this image file is {} MB; images over {} MB are not published",
                size / (1024 * 1024),
                MAX_FILE / (1024 * 1024)
            ),
        )
        .in_file(src)
        .help("save a smaller copy (a web page shows photos at most 1600 pixels wide)"));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    std::io::Read::read_to_end(&mut { file }, &mut bytes).map_err(|e| broken(src, e))?;
    let mut reader = ImageReader::new(Cursor::new(bytes.as_slice()));
    // As `ImageReader::open` does: the extension first, then the content.
    if let Ok(format) = image::ImageFormat::from_path(src) {
        reader.set_format(format);
    }
    let mut reader = reader.with_guessed_format().map_err(|e| broken(src, e))?;
    // The JPEG decoder fills a cut-off file with grey and reports success.
    if reader.format() == Some(image::ImageFormat::Jpeg) && !jpeg_is_complete(&bytes) {
        return Err(broken(
            src,
            "the file is cut off before the end of the picture (part of it would show grey)",
        )
        .help("copy the photo again from the camera or phone, or open it in an image editor and save it again"));
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_ALLOC);
    reader.limits(limits);
    let mut decoder = reader
        .into_decoder()
        .map_err(|e| too_big_or_broken(src, e))?;
    let orientation = decoder.orientation().map_err(|e| broken(src, e))?;
    let mut img = DynamicImage::from_decoder(decoder).map_err(|e| too_big_or_broken(src, e))?;
    img.apply_orientation(orientation);
    Ok(img)
}

/// Whether a JPEG's data runs to its end-of-image marker: its segments
/// are walked by their lengths, and each scan's coded data up to the next
/// marker. Bytes between segments are skipped, as decoders do.
fn jpeg_is_complete(data: &[u8]) -> bool {
    if !data.starts_with(&[0xFF, 0xD8]) {
        return false;
    }
    let mut i = 2;
    loop {
        let Some(ff) = data
            .get(i..)
            .and_then(|d| d.iter().position(|&b| b == 0xFF))
        else {
            return false;
        };
        i += ff;
        while data.get(i) == Some(&0xFF) {
            i += 1;
        }
        let Some(&marker) = data.get(i) else {
            return false;
        };
        i += 1;
        match marker {
            0xD9 => return true,
            // Markers without a length: restarts, TEM, and a stray 0x00.
            0x00 | 0x01 | 0xD0..=0xD7 => continue,
            _ => {}
        }
        let Some(len) = data
            .get(i..i + 2)
            .map(|l| usize::from(u16::from_be_bytes([l[0], l[1]])))
        else {
            return false;
        };
        if len < 2 || i + len > data.len() {
            return false;
        }
        i += len;
        if marker == 0xDA {
            // Coded data: 0xFF is followed by 0x00 (a data byte), a restart
            // marker or fill; any other marker ends the scan.
            loop {
                let Some(ff) = data
                    .get(i..)
                    .and_then(|d| d.iter().position(|&b| b == 0xFF))
                else {
                    return false;
                };
                i += ff;
                match data.get(i + 1) {
                    None => return false,
                    Some(0x00 | 0xD0..=0xD7) => i += 2,
                    Some(0xFF) => i += 1,
                    Some(_) => break,
                }
            }
        }
    }
}

/// Decoding stops at the limits: a huge or hostile file is refused, not read.
fn too_big_or_broken(src: &Path, e: image::ImageError) -> Diagnostic {
    if matches!(e, image::ImageError::Limits(_)) {
        return Diagnostic::error(
            "image/too-large",
            format!("this image is too large to publish safely: {e}"),
        )
        .in_file(src)
        .help(format!(
            "save a smaller copy, at most {MAX_SIDE} pixels on each side (a web page shows photos at most {DISPLAY} pixels wide)"
        ));
    }
    broken(src, e)
}

fn process(src: &Path, dir: &str) -> Result<Processed, Diagnostic> {
    let img = decode(src)?;
    // Lossless WebP beats PNG for graphics; for photos it is larger than
    // the JPEG, so only non-JPEG sources get a WebP version.
    let try_webp = !src
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("jpg") || e.eq_ignore_ascii_case("jpeg"));
    let stem = crate::content::names::image_stem(src);
    let alpha = img.color().has_alpha();
    let mut files = Vec::new();
    let mut make = |max: u32| -> Result<ImageInfo, Diagnostic> {
        let sized = if img.width() > max || img.height() > max {
            img.resize(max, max, FilterType::Lanczos3)
        } else {
            img.clone()
        };
        let (ext, bytes) = encode(&sized, alpha).map_err(|e| broken(src, e))?;
        let base = format!("{dir}/{stem}-{}", sized.width().max(sized.height()));
        let webp = match try_webp {
            true => encode_webp(&sized).ok().filter(|w| w.len() < bytes.len()),
            false => None,
        };
        let path = format!("{base}.{ext}");
        files.push((path.clone(), Arc::new(bytes)));
        let webp = webp.map(|w| {
            let p = format!("{base}.webp");
            files.push((p.clone(), Arc::new(w)));
            p
        });
        Ok(ImageInfo {
            path,
            webp,
            width: sized.width(),
            height: sized.height(),
            thumb: None,
        })
    };
    let mut info = make(DISPLAY)?;
    let thumb = make(THUMB)?;
    if thumb.path != info.path {
        info.thumb = Some(Box::new(thumb));
    } else {
        // Small images: one size serves both; drop the duplicate files.
        files.truncate(files.len() - 1 - usize::from(thumb.webp.is_some()));
        info.thumb = Some(Box::new(info.clone()));
    }
    Ok(Processed { info, files })
}

/// Encodes without metadata: JPEG for photos, PNG when there is transparency.
fn encode(img: &DynamicImage, alpha: bool) -> image::ImageResult<(&'static str, Vec<u8>)> {
    let mut out = Cursor::new(Vec::new());
    if alpha {
        img.write_to(&mut out, image::ImageFormat::Png)?;
        Ok(("png", out.into_inner()))
    } else {
        let rgb = img.to_rgb8();
        JpegEncoder::new_with_quality(&mut out, 82).encode_image(&rgb)?;
        Ok(("jpg", out.into_inner()))
    }
}

/// Lossless WebP (the `image` crate's pure-Rust encoder), without metadata.
fn encode_webp(img: &DynamicImage) -> image::ImageResult<Vec<u8>> {
    let mut out = Cursor::new(Vec::new());
    let rgba = img.to_rgba8();
    image::codecs::webp::WebPEncoder::new_lossless(&mut out).encode(
        rgba.as_raw(),
        rgba.width(),
        rgba.height(),
        image::ExtendedColorType::Rgba8,
    )?;
    Ok(out.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encoded(format: image::ImageFormat) -> Vec<u8> {
        let img = DynamicImage::ImageRgb8(image::RgbImage::from_fn(64, 48, |x, y| {
            image::Rgb([(x * 4) as u8, (y * 5) as u8, 90])
        }));
        let mut out = Cursor::new(Vec::new());
        match format {
            image::ImageFormat::WebP => {
                return encode_webp(&img).unwrap();
            }
            _ => img.write_to(&mut out, format).unwrap(),
        }
        out.into_inner()
    }

    #[test]
    fn a_whole_jpeg_is_complete_and_a_cut_one_is_not() {
        let jpeg = encoded(image::ImageFormat::Jpeg);
        assert!(jpeg_is_complete(&jpeg));
        let mut trailing = jpeg.clone();
        trailing.extend_from_slice(b"camera maker's trailer");
        assert!(jpeg_is_complete(&trailing));
        for cut in [jpeg.len() - 2, jpeg.len() * 2 / 3, 40, 3] {
            assert!(!jpeg_is_complete(&jpeg[..cut]), "cut at {cut}");
        }
    }

    #[test]
    fn cut_off_images_of_every_format_are_broken() {
        let dir = tempfile::tempdir().unwrap();
        for (format, name) in [
            (image::ImageFormat::Jpeg, "a.jpg"),
            (image::ImageFormat::Png, "a.png"),
            (image::ImageFormat::WebP, "a.webp"),
        ] {
            let bytes = encoded(format);
            let whole = dir.path().join(name);
            std::fs::write(&whole, &bytes).unwrap();
            assert!(decode(&whole).is_ok(), "{name}");
            let cut = dir.path().join(format!("cut-{name}"));
            std::fs::write(&cut, &bytes[..bytes.len() * 2 / 3]).unwrap();
            let err = decode(&cut)
                .err()
                .unwrap_or_else(|| panic!("{name} cut off decodes"));
            assert_eq!(err.code, "image/broken", "{name}");
        }
    }
}
