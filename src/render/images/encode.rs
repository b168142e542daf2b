//! Making the published files of a source image: decoded (see `decode`),
//! resized to the sizes of its settings, and encoded without metadata
//! (JPEG, PNG when there is transparency, and lossless WebP when smaller).
//!
//! Part of `render::images`: imports `diag` and the `image` crate.

use std::io::Cursor;
use std::path::Path;
use std::sync::Arc;

use image::DynamicImage;
use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;

use super::Settings;
use super::cache::{Entry, Size};
use super::decode::{broken, decode};
use crate::diag::Diagnostic;

/// Decodes `bytes` (read from `src`) and makes both sizes.
pub(super) fn process(src: &Path, bytes: &[u8], settings: Settings) -> Result<Entry, Diagnostic> {
    let img = decode(src, bytes)?;
    // Lossless WebP beats PNG for graphics; for photos it is larger than
    // the JPEG, so only non-JPEG sources get a WebP version.
    let try_webp = settings.webp
        && !src
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("jpg") || e.eq_ignore_ascii_case("jpeg"));
    let alpha = img.color().has_alpha();
    let make = |max: u32| -> Result<Size, Diagnostic> {
        let sized = if img.width() > max || img.height() > max {
            img.resize(max, max, FilterType::Lanczos3)
        } else {
            img.clone()
        };
        let (ext, bytes) =
            encode(&sized, alpha, settings.jpeg_quality).map_err(|e| broken(src, e))?;
        let webp = match try_webp {
            true => encode_webp(&sized).ok().filter(|w| w.len() < bytes.len()),
            false => None,
        };
        Ok(Size {
            ext,
            width: sized.width(),
            height: sized.height(),
            bytes: Arc::new(bytes),
            webp: webp.map(Arc::new),
        })
    };
    let display = make(settings.display)?;
    // Small images, and settings of one size (a logo): one size serves
    // both (the same longest side, hence the same file name).
    let fits = settings.thumb == settings.display
        || (img.width() <= settings.thumb && img.height() <= settings.thumb);
    let thumb = if fits {
        None
    } else {
        Some(make(settings.thumb)?)
    };
    Ok(Entry { display, thumb })
}

/// Encodes without metadata: JPEG for photos, PNG when there is transparency.
fn encode(
    img: &DynamicImage,
    alpha: bool,
    jpeg_quality: u8,
) -> image::ImageResult<(&'static str, Vec<u8>)> {
    let mut out = Cursor::new(Vec::new());
    if alpha {
        img.write_to(&mut out, image::ImageFormat::Png)?;
        Ok(("png", out.into_inner()))
    } else {
        let rgb = img.to_rgb8();
        JpegEncoder::new_with_quality(&mut out, jpeg_quality).encode_image(&rgb)?;
        Ok(("jpg", out.into_inner()))
    }
}

/// Lossless WebP (the `image` crate's pure-Rust encoder), without metadata.
pub(super) fn encode_webp(img: &DynamicImage) -> image::ImageResult<Vec<u8>> {
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
