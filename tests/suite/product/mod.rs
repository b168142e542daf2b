//! The generated site as a product: the poster, structured data, page weight
//! (here, from the built HTML), and — in the submodules — the checks that need
//! outside tools: a real browser (`browser`) and the W3C Nu HTML checker
//! (`validator`).
//!
//! All of them read one build of `tests/fixtures/product_site` (every page
//! type; three leaders, three feedback links and seven principles: the
//! poster's worst case), made once per test run under target/tmp/.

mod browser;
mod pages;
mod tools;
mod validator;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use scraper::Html;

use crate::harness::{Page, bitimger, copy_dir, repo};

/// The built product fixture.
pub struct Built {
    /// The site folder (a copy of the fixture, with generated photos).
    pub site: PathBuf,
    /// The output folder.
    pub out: PathBuf,
}

impl Built {
    /// An output page, parsed.
    #[track_caller]
    pub fn page(&self, path: &str) -> Page {
        let text = std::fs::read_to_string(self.out.join(path))
            .unwrap_or_else(|e| panic!("output {path}: {e}"));
        Page {
            html: Html::parse_document(&text),
            path: path.to_string(),
        }
    }

    /// Size in bytes of an output file.
    #[track_caller]
    pub fn size(&self, path: &str) -> u64 {
        std::fs::metadata(self.out.join(path))
            .unwrap_or_else(|e| panic!("output {path}: {e}"))
            .len()
    }
}

/// The product fixture, built once per test run.
pub fn built() -> &'static Built {
    static BUILT: OnceLock<Built> = OnceLock::new();
    BUILT.get_or_init(|| {
        let base = Path::new(env!("CARGO_TARGET_TMPDIR")).join("product_site");
        let _ = std::fs::remove_dir_all(&base);
        let site = base.join("site");
        let out = base.join("public");
        copy_dir(&repo().join("tests/fixtures/product_site"), &site);
        let club = site.join("clubs/senim/photos");
        std::fs::write(club.join("training.jpg"), photo(800, 600, 90)).unwrap();
        std::fs::write(club.join("leader-kovalchuk.jpg"), photo(400, 400, 200)).unwrap();
        let run = bitimger()
            .arg("build")
            .arg(&site)
            .arg("--output")
            .arg(&out)
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        assert!(
            run.status.success(),
            "the product fixture does not build:\n{}",
            String::from_utf8_lossy(&run.stderr)
        );
        Built { site, out }
    })
}

/// A small JPEG photo: a colour gradient.
fn photo(width: u32, height: u32, blue: u8) -> Vec<u8> {
    let img = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x * 255 / width) as u8, (y * 255 / height) as u8, blue])
    });
    let mut bytes = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 80)
        .encode_image(&img)
        .unwrap();
    bytes
}

/// Every page type of the fixture, as `kind=path` (the browser script's
/// arguments): the club page and the poster in both languages, a news item
/// that fell back to Kazakh on the Russian side, and the rest once.
pub const PAGES: &[(&str, &str)] = &[
    ("landing", "index.html"),
    ("club", "kk/index.html"),
    ("club", "ru/index.html"),
    ("poster", "kk/clubs/senim/poster/index.html"),
    ("poster", "ru/clubs/senim/poster/index.html"),
    ("reports", "kk/clubs/senim/reports/index.html"),
    ("report", "kk/clubs/senim/reports/2024-2025/index.html"),
    ("plan", "ru/clubs/senim/plans/2025-2026/index.html"),
    ("gallery", "kk/clubs/senim/gallery/index.html"),
    ("news_list", "kk/news/index.html"),
    ("news", "kk/clubs/senim/news/trust-box/index.html"),
    ("news", "ru/news/open-day/index.html"),
    ("page", "kk/pages/about-mediation/index.html"),
    ("documents", "ru/documents/index.html"),
    ("404", "kk/404.html"),
    ("404", "404.html"),
];

#[test]
fn fixture_has_every_page_type() {
    let b = built();
    for (kind, path) in PAGES {
        assert!(b.out.join(path).is_file(), "no {kind} page at {path}");
    }
}
