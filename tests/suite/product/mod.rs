//! The generated site as a product: the poster, structured data, page weight
//! (here, from the built HTML), and — in the submodules — the checks that need
//! outside tools: a real browser (`browser`) and the W3C Nu HTML checker
//! (`validator`).
//!
//! All of them read one build of `tests/fixtures/product_site` (every page
//! type of a school site; three leaders, three feedback links and seven
//! principles: the poster's worst case) and of `product_directory` (the
//! pages only a regional directory has), made once per test run under
//! target/tmp/.

mod browser;
mod pages;
pub(crate) mod tools;
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

/// The two product fixtures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fixture {
    /// `product_site`: a school site with every page type.
    School,
    /// `product_directory`: the page types of a regional directory.
    Directory,
}

impl Fixture {
    /// Its folder under tests/fixtures/.
    pub fn name(self) -> &'static str {
        match self {
            Fixture::School => "product_site",
            Fixture::Directory => "product_directory",
        }
    }

    /// Its pages to check in the browser.
    pub fn pages(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Fixture::School => SCHOOL_PAGES,
            Fixture::Directory => DIRECTORY_PAGES,
        }
    }
}

/// The product fixture, built once per test run.
pub fn built() -> &'static Built {
    built_fixture(Fixture::School)
}

/// A product fixture, built once per test run under target/tmp/.
pub fn built_fixture(fixture: Fixture) -> &'static Built {
    static SCHOOL: OnceLock<Built> = OnceLock::new();
    static DIRECTORY: OnceLock<Built> = OnceLock::new();
    let cell = match fixture {
        Fixture::School => &SCHOOL,
        Fixture::Directory => &DIRECTORY,
    };
    cell.get_or_init(|| build(fixture))
}

fn build(fixture: Fixture) -> Built {
    let base = Path::new(env!("CARGO_TARGET_TMPDIR")).join(fixture.name());
    let _ = std::fs::remove_dir_all(&base);
    let site = base.join("site");
    let out = base.join("public");
    copy_dir(&repo().join("tests/fixtures").join(fixture.name()), &site);
    if fixture == Fixture::School {
        let photos = site.join("clubs/senim/photos");
        std::fs::write(photos.join("training.jpg"), photo(800, 600, 90)).unwrap();
        std::fs::write(photos.join("leader-kovalchuk.jpg"), photo(400, 400, 200)).unwrap();
    }
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
        "the fixture {} does not build:\n{}",
        fixture.name(),
        String::from_utf8_lossy(&run.stderr)
    );
    Built { site, out }
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

/// Every page type of the school fixture, as `kind=path` (the browser
/// script's arguments): the club page and the poster in both languages, a
/// news item that fell back to Kazakh on the Russian side, and the rest once;
/// `low_vision`: pages opened with the version for the visually impaired on
/// (`?lv=1`).
pub const SCHOOL_PAGES: &[(&str, &str)] = &[
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
    ("page", "ru/accessibility/index.html"),
    ("404", "kk/404.html"),
    ("404", "404.html"),
    ("low_vision", "index.html?lv=1"),
    ("low_vision", "kk/index.html?lv=1"),
    (
        "low_vision",
        "ru/clubs/senim/reports/2024-2025/index.html?lv=1",
    ),
    (
        "low_vision",
        "ru/clubs/senim/plans/2025-2026/index.html?lv=1",
    ),
    ("low_vision", "kk/clubs/senim/gallery/index.html?lv=1"),
    ("low_vision", "kk/clubs/senim/poster/index.html?lv=1"),
    ("low_vision", "kk/accessibility/index.html?lv=1"),
    ("low_vision", "404.html?lv=1"),
];

/// The page types only a directory has, and its club page and poster.
pub const DIRECTORY_PAGES: &[(&str, &str)] = &[
    ("directory", "kk/index.html"),
    ("directory", "ru/index.html"),
    ("regions", "kk/regions/index.html"),
    ("region", "ru/regions/karaganda/index.html"),
    ("statistics_index", "kk/statistics/index.html"),
    ("statistics", "kk/statistics/2024-2025/index.html"),
    ("club", "ru/clubs/senim/index.html"),
    ("poster", "kk/clubs/dostyq/poster/index.html"),
    ("low_vision", "kk/index.html?lv=1"),
    ("low_vision", "ru/regions/karaganda/index.html?lv=1"),
    ("low_vision", "kk/statistics/2024-2025/index.html?lv=1"),
];

#[test]
fn fixtures_have_every_page_type() {
    for fixture in [Fixture::School, Fixture::Directory] {
        let b = built_fixture(fixture);
        for (kind, path) in fixture.pages() {
            let file = path.split('?').next().unwrap_or(path);
            assert!(b.out.join(file).is_file(), "no {kind} page at {path}");
        }
    }
}
