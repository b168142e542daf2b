//! Decoding a source image safely: a file cut off, too large or not an
//! image is a diagnostic naming it, and decoding stops at the limits
//! before a hostile file can take the memory.
//!
//! Part of `render::images`: imports `diag` and the `image` crate.

use std::io::Cursor;
use std::path::Path;

use image::{DynamicImage, ImageDecoder, ImageReader, Limits};

use super::{DISPLAY, MAX_ALLOC, MAX_FILE, MAX_SIDE};
use crate::diag::Diagnostic;

pub(super) fn broken(src: &Path, why: impl std::fmt::Display) -> Diagnostic {
    Diagnostic::error("image/broken", format!("this image cannot be read: {why}"))
        .words("image-broken")
        .arg("error", why)
        .in_file(src)
        .help("open it in an image editor and save it again as JPEG or PNG, or remove it")
}

/// A JPEG file that ends before its picture does.
fn cut_off(src: &Path) -> Diagnostic {
    Diagnostic::error(
        "image/broken",
        "this image cannot be read: the file is cut off before the end of the picture (part of it would show grey)",
    )
    .words("image-cut-off")
    .in_file(src)
    .help("copy the photo again from the camera or phone, or open it in an image editor and save it again")
}

/// A file over [`MAX_FILE`], refused before it is decoded.
pub(super) fn too_large_file(src: &Path, size: u64) -> Diagnostic {
    Diagnostic::error(
        "image/too-large",
        format!(
            "this image file is {} MB; images over {} MB are not published",
            size / (1024 * 1024),
            MAX_FILE / (1024 * 1024)
        ),
    )
    .words("image-too-large-file")
    .arg("size", size / (1024 * 1024))
    .arg("max", MAX_FILE / (1024 * 1024))
    .in_file(src)
    .help("save a smaller copy (a web page shows photos at most 1600 pixels wide)")
}

/// Decodes the bytes read from `src` within the limits, turned upright.
pub(super) fn decode(src: &Path, bytes: &[u8]) -> Result<DynamicImage, Diagnostic> {
    let mut reader = ImageReader::new(Cursor::new(bytes));
    // As `ImageReader::open` does: the extension first, then the content.
    if let Ok(format) = image::ImageFormat::from_path(src) {
        reader.set_format(format);
    }
    let mut reader = reader.with_guessed_format().map_err(|e| broken(src, e))?;
    // The JPEG decoder fills a cut-off file with grey and reports success.
    if reader.format() == Some(image::ImageFormat::Jpeg) && !jpeg_is_complete(bytes) {
        return Err(cut_off(src));
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
        let Some(ff) = next_ff(data, i) else {
            return false;
        };
        i = ff;
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
            let Some(end) = end_of_scan(data, i) else {
                return false;
            };
            i = end;
        }
    }
}

/// Where the next 0xFF byte at or after `from` is.
fn next_ff(data: &[u8], from: usize) -> Option<usize> {
    let rest = data.get(from..)?;
    rest.iter().position(|&b| b == 0xFF).map(|at| from + at)
}

/// Where a scan's coded data starting at `from` ends: at the first marker
/// other than 0xFF 0x00 (a data byte), a restart or fill. `None` when the
/// data ends first.
fn end_of_scan(data: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    loop {
        i = next_ff(data, i)?;
        match data.get(i + 1) {
            None => return None,
            Some(0x00 | 0xD0..=0xD7) => i += 2,
            Some(0xFF) => i += 1,
            Some(_) => return Some(i),
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
        .words("image-too-large")
        .arg("error", &e)
        .arg("side", MAX_SIDE)
        .arg("display", DISPLAY)
        .in_file(src)
        .help(format!(
            "save a smaller copy, at most {MAX_SIDE} pixels on each side (a web page shows photos at most {DISPLAY} pixels wide)"
        ));
    }
    broken(src, e)
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
                return super::super::encode::encode_webp(&img).unwrap();
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
        for (format, name) in [
            (image::ImageFormat::Jpeg, "a.jpg"),
            (image::ImageFormat::Png, "a.png"),
            (image::ImageFormat::WebP, "a.webp"),
        ] {
            let bytes = encoded(format);
            let src = Path::new(name);
            assert!(decode(src, &bytes).is_ok(), "{name}");
            let err = decode(src, &bytes[..bytes.len() * 2 / 3])
                .err()
                .unwrap_or_else(|| panic!("{name} cut off decodes"));
            assert_eq!(err.code, "image/broken", "{name}");
        }
    }
}
