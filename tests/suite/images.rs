//! Published photos: re-encoded without any metadata, turned upright,
//! resized, with WebP where it is smaller; the gallery page shows them
//! with sizes, lazy loading, alt text and captions; originals never leave
//! the site folder.

use std::io::Cursor;
use std::path::PathBuf;

use image::{ImageFormat, Rgb, RgbImage, Rgba, RgbaImage};

use crate::check::{CLUB_YAML, school};

/// A 40×20 JPEG, red on the left and blue on the right, carrying EXIF
/// (orientation 6: turn 90° clockwise to show; a GPS position) and XMP.
fn jpeg_with_metadata() -> Vec<u8> {
    let img = RgbImage::from_fn(40, 20, |x, _| {
        if x < 20 {
            Rgb([220, 20, 20])
        } else {
            Rgb([20, 20, 220])
        }
    });
    let mut jpeg = Cursor::new(Vec::new());
    img.write_to(&mut jpeg, ImageFormat::Jpeg).unwrap();
    let jpeg = jpeg.into_inner();
    let mut out = jpeg[..2].to_vec(); // SOI
    out.extend(segment(0xE1, &exif()));
    out.extend(segment(
        0xE1,
        b"http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><GPSLatitude>43.2</GPSLatitude></x:xmpmeta>",
    ));
    out.extend(&jpeg[2..]);
    out
}

fn segment(marker: u8, payload: &[u8]) -> Vec<u8> {
    let len = u16::try_from(payload.len() + 2).unwrap();
    let mut s = vec![0xFF, marker];
    s.extend(len.to_be_bytes());
    s.extend(payload);
    s
}

/// Exif\0\0 + a big-endian TIFF: IFD0 {Orientation = 6, GPS IFD pointer},
/// GPS IFD {LatitudeRef = N, Latitude = 43/1 15/1 0/1}.
fn exif() -> Vec<u8> {
    let entry = |tag: u16, kind: u16, count: u32, value: [u8; 4]| {
        let mut e = tag.to_be_bytes().to_vec();
        e.extend(kind.to_be_bytes());
        e.extend(count.to_be_bytes());
        e.extend(value);
        e
    };
    let mut t = b"MM\0\x2a\0\0\0\x08".to_vec();
    t.extend(2u16.to_be_bytes());
    t.extend(entry(0x0112, 3, 1, [0, 6, 0, 0]));
    t.extend(entry(0x8825, 4, 1, 38u32.to_be_bytes()));
    t.extend(0u32.to_be_bytes());
    t.extend(2u16.to_be_bytes());
    t.extend(entry(0x0001, 2, 2, *b"N\0\0\0"));
    t.extend(entry(0x0002, 5, 3, 68u32.to_be_bytes()));
    t.extend(0u32.to_be_bytes());
    for (num, den) in [(43u32, 1u32), (15, 1), (0, 1)] {
        t.extend(num.to_be_bytes());
        t.extend(den.to_be_bytes());
    }
    assert_eq!(t.len(), 92);
    let mut e = b"Exif\0\0".to_vec();
    e.extend(t);
    e
}

/// A small graphic with transparency (PNG).
pub(crate) fn png_graphic() -> Vec<u8> {
    let img = RgbaImage::from_fn(64, 64, |x, y| {
        if (x / 16 + y / 16) % 2 == 0 {
            Rgba([0, 120, 60, 255])
        } else {
            Rgba([0, 0, 0, 0])
        }
    });
    let mut png = Cursor::new(Vec::new());
    img.write_to(&mut png, ImageFormat::Png).unwrap();
    // A text chunk naming a child and a place, right after IHDR.
    let png = png.into_inner();
    let ihdr_end = 8 + 12 + 13;
    let mut out = png[..ihdr_end].to_vec();
    out.extend(png_chunk(
        b"tEXt",
        b"Author\0Aigerim B., 9B, GPSLatitude 43.2",
    ));
    out.extend(&png[ihdr_end..]);
    out
}

fn png_chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut c = u32::try_from(data.len()).unwrap().to_be_bytes().to_vec();
    c.extend(kind);
    c.extend(data);
    let mut crc = !0u32;
    for &b in &c[4..] {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    c.extend((!crc).to_be_bytes());
    c
}

const PHOTOS_YAML: &str = "\
- file: class-photo.jpg
  alt: {kk: \"Тренингке қатысушылар\", ru: \"Участники тренинга\"}
  caption: {kk: \"Медиация тренингі\", ru: \"Тренинг по медиации\"}
- file: logo.png
  alt: {kk: \"Клуб белгісі\", ru: \"Эмблема клуба\"}
";

pub(crate) fn gallery_site() -> crate::harness::SiteTest {
    let club = format!("{CLUB_YAML}gallery:\n  consent: true\n");
    let t = school(&[
        ("clubs/senim/club.yaml", &club),
        ("clubs/senim/photos/photos.yaml", PHOTOS_YAML),
    ]);
    t.write_bytes("clubs/senim/photos/class-photo.jpg", &jpeg_with_metadata());
    t.write_bytes("clubs/senim/photos/logo.png", &png_graphic());
    t
}

fn output_images(t: &crate::harness::SiteTest) -> Vec<PathBuf> {
    walkdir::WalkDir::new(&t.out)
        .into_iter()
        .flatten()
        .map(|e| e.into_path())
        .filter(|p| {
            p.extension()
                .is_some_and(|e| ["jpg", "jpeg", "png", "webp"].contains(&e.to_str().unwrap_or("")))
        })
        .collect()
}

/// Names of metadata blocks in an image file, read from its structure.
fn metadata_blocks(bytes: &[u8]) -> Vec<String> {
    let mut found = Vec::new();
    if bytes.starts_with(&[0xFF, 0xD8]) {
        let mut i = 2;
        while i + 4 <= bytes.len() && bytes[i] == 0xFF {
            let marker = bytes[i + 1];
            if marker == 0xDA {
                break; // start of scan: no more headers
            }
            let len = usize::from(u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]));
            if (0xE1..=0xEF).contains(&marker) {
                found.push(format!("JPEG APP{}", marker - 0xE0));
            }
            i += 2 + len;
        }
    } else if bytes.starts_with(b"\x89PNG") {
        let mut i = 8;
        while i + 8 <= bytes.len() {
            let len = u32::from_be_bytes(bytes[i..i + 4].try_into().unwrap()) as usize;
            let kind = String::from_utf8_lossy(&bytes[i + 4..i + 8]).to_string();
            if ["eXIf", "iTXt", "tEXt", "zTXt", "tIME"].contains(&kind.as_str()) {
                found.push(format!("PNG {kind}"));
            }
            i += 12 + len;
        }
    } else if bytes.starts_with(b"RIFF") {
        let mut i = 12;
        while i + 8 <= bytes.len() {
            let kind = String::from_utf8_lossy(&bytes[i..i + 4]).to_string();
            let len = u32::from_le_bytes(bytes[i + 4..i + 8].try_into().unwrap()) as usize;
            if kind == "EXIF" || kind == "XMP " {
                found.push(format!("WebP {kind}"));
            }
            i += 8 + len + (len & 1);
        }
    }
    let text = String::from_utf8_lossy(bytes);
    for needle in ["Exif\0\0", "ns.adobe.com/xap", "GPSLatitude"] {
        if text.contains(needle) {
            found.push(needle.trim_end_matches('\0').to_string());
        }
    }
    found
}

#[test]
fn the_test_photo_really_carries_metadata() {
    let blocks = metadata_blocks(&jpeg_with_metadata());
    assert!(blocks.contains(&"JPEG APP1".to_string()), "{blocks:?}");
    assert!(blocks.contains(&"Exif".to_string()), "{blocks:?}");
    let blocks = metadata_blocks(&png_graphic());
    assert!(blocks.contains(&"PNG tEXt".to_string()), "{blocks:?}");
    image::load_from_memory(&png_graphic()).expect("a valid PNG");
}

#[test]
fn no_published_image_carries_metadata() {
    let t = gallery_site();
    t.build().ok();
    let images = output_images(&t);
    assert!(images.len() >= 2, "{images:?}");
    for path in &images {
        let bytes = std::fs::read(path).unwrap();
        assert_eq!(
            metadata_blocks(&bytes),
            Vec::<String>::new(),
            "{}",
            path.display()
        );
        image::load_from_memory(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
}

#[test]
fn photos_are_turned_upright_by_their_exif_orientation() {
    let t = gallery_site();
    t.build().ok();
    let jpg = output_images(&t)
        .into_iter()
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("class-photo")
        })
        .expect("the photo is published");
    let img = image::open(&jpg).unwrap().to_rgb8();
    assert_eq!(
        img.dimensions(),
        (20, 40),
        "stored 40×20 with orientation 6"
    );
    let top = img.get_pixel(10, 5);
    let bottom = img.get_pixel(10, 35);
    assert!(top[0] > 150 && top[2] < 100, "red on top: {top:?}");
    assert!(bottom[2] > 150 && bottom[0] < 100, "blue below: {bottom:?}");
}

#[test]
fn originals_are_never_copied() {
    let t = gallery_site();
    t.build().ok();
    let originals = [jpeg_with_metadata(), png_graphic()];
    for path in walkdir::WalkDir::new(&t.out).into_iter().flatten() {
        if path.file_type().is_file() {
            let bytes = std::fs::read(path.path()).unwrap();
            assert!(
                !originals.contains(&bytes),
                "{} is an original",
                path.path().display()
            );
        }
    }
}

#[test]
fn the_gallery_shows_sizes_lazy_loading_alt_and_captions() {
    let t = gallery_site();
    t.build().ok();
    let page = t.page("kk/clubs/senim/gallery/index.html");
    assert_eq!(page.count("figure img"), 2);
    assert_eq!(page.attrs("figure img", "loading"), ["lazy", "lazy"]);
    assert_eq!(page.attrs("figure img", "width"), ["20", "64"]);
    assert_eq!(page.attrs("figure img", "height"), ["40", "64"]);
    assert_eq!(
        page.attrs("figure img", "alt"),
        ["Тренингке қатысушылар", "Клуб белгісі"]
    );
    assert_eq!(page.texts("figcaption"), ["Медиация тренингі"]);
    let ru = t.page("ru/clubs/senim/gallery/index.html");
    assert_eq!(ru.texts("figcaption"), ["Тренинг по медиации"]);
}

#[test]
fn graphics_get_a_smaller_webp_in_a_picture_element() {
    let t = gallery_site();
    t.build().ok();
    let page = t.page("kk/clubs/senim/gallery/index.html");
    let sources = page.attrs("picture source[type='image/webp']", "srcset");
    assert_eq!(
        sources.len(),
        1,
        "only the PNG graphic gets a WebP: {sources:?}"
    );
    let webp = t.out_path(&format!("kk/clubs/senim/gallery/{}", sources[0]));
    let png = page.attrs("picture:has(source) img", "src").pop().unwrap();
    let png = t.out_path(&format!("kk/clubs/senim/gallery/{png}"));
    let (w, p) = (
        std::fs::metadata(&webp).unwrap().len(),
        std::fs::metadata(&png).unwrap().len(),
    );
    assert!(w < p, "WebP {w} bytes, PNG {p} bytes");
    assert_eq!(image::open(&webp).unwrap().width(), 64);
}

#[test]
fn a_broken_image_is_an_error_naming_the_file() {
    let club = format!("{CLUB_YAML}gallery:\n  consent: true\n");
    let t = school(&[("clubs/senim/club.yaml", &club)]);
    t.write_bytes(
        "clubs/senim/photos/broken.jpg",
        b"\xFF\xD8\xFF\xE0 not really a photo",
    );
    let run = t.build().fails_with(1);
    assert!(run.stderr().contains("image/broken"), "{}", run.stderr());
    assert!(run.stderr().contains("broken.jpg"), "{}", run.stderr());
}

#[test]
fn images_published_as_they_are_are_checked_for_metadata() {
    let t = school(&[]);
    t.write_bytes("static/images/trip.jpg", &jpeg_with_metadata());
    let (_, list) = crate::check::diags(&t, &[]);
    let found: Vec<_> = list
        .iter()
        .filter(|d| d.code == "privacy/static-image-metadata")
        .collect();
    assert_eq!(found.len(), 1, "{list:#?}");
    assert!(found[0].file.ends_with("static/images/trip.jpg"));
}
