//! The photo cache: a photo is encoded once, and later builds and checks
//! reuse it while its bytes are unchanged. Counted, not timed: `build`
//! says how many photos it reused and how many it encoded, and the cache
//! folder shows what was written.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};
use std::time::SystemTime;

use crate::check::{CLUB_YAML, school};
use crate::harness::{Run, SiteTest};

const NEWS: &str = "clubs/senim/news/2025-03-01-meeting.md";
const NEWS_TEXT: &str = "---\ntitle: Жиналыс\ndate: 2025-03-01\n---\nБүгін жиналыс болды.\n";

/// A phone camera's size.
const LARGE: (u32, u32) = (3000, 2000);
/// Still larger than the display size, and quicker to make and encode.
const MEDIUM: (u32, u32) = (1800, 1200);

/// A photo: a gradient with grain, so it encodes like a real one rather
/// than a flat colour. Made once per test run (an unoptimized encoder is
/// slow).
fn photo((width, height): (u32, u32), seed: u64) -> Vec<u8> {
    type Made = Mutex<HashMap<(u32, u32, u64), Vec<u8>>>;
    static MADE: OnceLock<Made> = OnceLock::new();
    let made = MADE.get_or_init(Default::default);
    if let Some(bytes) = made.lock().unwrap().get(&(width, height, seed)) {
        return bytes.clone();
    }
    let bytes = make_photo(width, height, seed);
    made.lock()
        .unwrap()
        .insert((width, height, seed), bytes.clone());
    bytes
}

fn make_photo(width: u32, height: u32, seed: u64) -> Vec<u8> {
    let mut rng = fastrand::Rng::with_seed(seed);
    let img = image::RgbImage::from_fn(width, height, |x, y| {
        let grain = rng.u8(0..24);
        image::Rgb([
            (x * 200 / width) as u8 + grain,
            (y * 200 / height) as u8 + grain,
            (seed * 40) as u8,
        ])
    });
    let mut bytes = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 85)
        .encode_image(&img)
        .unwrap();
    bytes
}

/// A school site with three gallery photos of `size` and a news item.
fn photo_site(size: (u32, u32)) -> SiteTest {
    let club = format!("{CLUB_YAML}gallery:\n  consent: true\n");
    let t = school(&[("clubs/senim/club.yaml", &club), (NEWS, NEWS_TEXT)]);
    for i in 1..=3 {
        t.write_bytes(&format!("clubs/senim/photos/p{i}.jpg"), &photo(size, i));
    }
    t
}

/// (reused, new) from the build's `Photos: N reused, M new` line.
#[track_caller]
fn photos(run: &Run) -> (usize, usize) {
    let err = run.stderr();
    let line = err
        .lines()
        .find_map(|l| l.strip_prefix("Photos: "))
        .unwrap_or_else(|| panic!("no photo count in:\n{err}"));
    let n: Vec<usize> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|w| w.parse().ok())
        .collect();
    (n[0], n[1])
}

/// The cache's entries: name, bytes and modification time.
fn entries(cache: &Path) -> Vec<(String, Vec<u8>, SystemTime)> {
    let Ok(list) = std::fs::read_dir(cache.join("images")) else {
        return Vec::new();
    };
    let mut found: Vec<_> = list
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "photo"))
        .map(|e| {
            let p = e.path();
            let modified = p.metadata().unwrap().modified().unwrap();
            let name = e.file_name().to_string_lossy().into_owned();
            (name, std::fs::read(&p).unwrap(), modified)
        })
        .collect();
    found.sort();
    found
}

/// Every file of an output folder but the build's own manifest, by its
/// path in the output.
fn published(out: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = walkdir::WalkDir::new(out)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(out).unwrap();
            (
                rel.to_string_lossy().replace('\\', "/"),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .filter(|(p, _)| p != ".bitimger-output")
        .collect();
    files.sort();
    files
}

fn media(out: &Path) -> Vec<(String, Vec<u8>)> {
    let mut m = published(out);
    m.retain(|(p, _)| p.starts_with("media/"));
    assert!(!m.is_empty(), "no published photos");
    m
}

/// `build site --output <out>` with the photo cache in `cache`.
fn build_into(t: &SiteTest, out: &str, cache: &Path) -> Run {
    let output = t
        .command()
        .env("BITIMGER_CACHE_DIR", cache)
        .args(["build", "site", "--output", out])
        .output()
        .unwrap();
    Run { output }
}

fn edit_news(t: &SiteTest, n: usize) {
    t.write(NEWS, &format!("{NEWS_TEXT}Өзгеріс {n}.\n"));
}

#[test]
fn a_second_build_after_a_news_edit_encodes_no_photo() {
    let t = photo_site(LARGE);
    assert_eq!(photos(&t.build().ok()), (0, 3));
    let before = entries(&t.cache());
    assert_eq!(before.len(), 3, "one entry per photo");
    edit_news(&t, 1);
    let run = t.build().ok();
    assert_eq!(photos(&run), (3, 0));
    assert_eq!(
        entries(&t.cache()),
        before,
        "an entry was written or touched"
    );
    let news = t.page("kk/clubs/senim/news/meeting/index.html");
    assert!(
        news.text("main").contains("Өзгеріс 1"),
        "the edit was built"
    );
}

#[test]
fn a_warm_cache_builds_the_same_bytes_as_a_cold_one() {
    let t = photo_site(MEDIUM);
    assert_eq!(photos(&build_into(&t, "cold", &t.cache()).ok()), (0, 3));
    assert_eq!(photos(&build_into(&t, "warm", &t.cache()).ok()), (3, 0));
    let off = build_into(&t, "uncached", Path::new("off")).ok();
    assert_eq!(photos(&off), (0, 3));
    let cold = published(&t.dir().join("cold"));
    media(&t.dir().join("cold"));
    assert!(cold == published(&t.dir().join("warm")), "warm cache");
    assert!(cold == published(&t.dir().join("uncached")), "no cache");
}

#[test]
fn a_damaged_cache_entry_is_encoded_again() {
    let t = photo_site(MEDIUM);
    t.build().ok();
    let first = media(&t.out);
    let dir = t.cache().join("images");
    let paths: Vec<PathBuf> = entries(&t.cache())
        .into_iter()
        .map(|(name, ..)| dir.join(name))
        .collect();
    // A build killed while writing (it writes whole files, but a disk can
    // lose the end), and one changed bit.
    let whole = std::fs::read(&paths[0]).unwrap();
    std::fs::write(&paths[0], &whole[..whole.len() / 2]).unwrap();
    let mut changed = std::fs::read(&paths[1]).unwrap();
    let middle = changed.len() / 2;
    changed[middle] ^= 0x04;
    std::fs::write(&paths[1], changed).unwrap();
    edit_news(&t, 1);
    assert_eq!(photos(&t.build().ok()), (1, 2));
    assert!(media(&t.out) == first, "the photos differ after a repair");
    edit_news(&t, 2);
    assert_eq!(photos(&t.build().ok()), (3, 0), "the entries were repaired");
}

#[test]
fn a_changed_photo_is_encoded_again() {
    let t = photo_site(MEDIUM);
    t.build().ok();
    let first = media(&t.out);
    t.write_bytes("clubs/senim/photos/p2.jpg", &photo(MEDIUM, 7));
    assert_eq!(photos(&t.build().ok()), (2, 1));
    let second = media(&t.out);
    assert_eq!(entries(&t.cache()).len(), 4);
    let by_name = |files: &[(String, Vec<u8>)], name: &str| {
        files
            .iter()
            .find(|(p, _)| p.ends_with(name))
            .unwrap()
            .1
            .clone()
    };
    for name in ["p1-1600.jpg", "p3-480.jpg"] {
        assert!(by_name(&first, name) == by_name(&second, name), "{name}");
    }
    for name in ["p2-1600.jpg", "p2-480.jpg"] {
        assert!(by_name(&first, name) != by_name(&second, name), "{name}");
    }
    // What the cache made of the new photo is what a fresh encode makes.
    build_into(&t, "uncached", Path::new("off")).ok();
    assert!(media(&t.dir().join("uncached")) == second);
}

#[test]
fn check_fills_the_cache_that_build_uses() {
    let t = photo_site(MEDIUM);
    t.check(&[]).ok();
    assert_eq!(entries(&t.cache()).len(), 3);
    assert_eq!(photos(&t.build().ok()), (3, 0));
}

#[test]
fn a_broken_photo_is_reported_on_every_run_and_never_cached() {
    let club = format!("{CLUB_YAML}gallery:\n  consent: true\n");
    let t = school(&[("clubs/senim/club.yaml", &club)]);
    let good = photo((800, 600), 1);
    t.write_bytes("clubs/senim/photos/good.jpg", &good);
    t.write_bytes("clubs/senim/photos/cut.jpg", &good[..good.len() / 2]);
    for _ in 0..2 {
        let broken: Vec<String> = t
            .problems()
            .into_iter()
            .filter(|p| p.code == "image/broken")
            .map(|p| p.file)
            .collect();
        assert_eq!(broken, ["site/clubs/senim/photos/cut.jpg"]);
        assert_eq!(entries(&t.cache()).len(), 1, "only the good photo");
    }
    t.build().fails_with(1);
    t.write_bytes("clubs/senim/photos/cut.jpg", &photo((800, 600), 2));
    assert_eq!(photos(&t.build().ok()), (1, 1));
}

#[test]
fn a_cache_turned_off_or_unusable_only_costs_time() {
    let t = photo_site(MEDIUM);
    let blocked = t.dir().join("a-file");
    std::fs::write(&blocked, b"not a folder").unwrap();
    let mut n = 0;
    for cache in [Path::new("off"), Path::new("OFF"), &blocked] {
        for _ in 0..2 {
            n += 1;
            let run = build_into(&t, &format!("out-{n}"), cache).ok();
            assert_eq!(photos(&run), (0, 3));
        }
    }
    assert!(!t.cache().exists() && !t.dir().join("off").exists());
    assert_eq!(std::fs::read(&blocked).unwrap(), b"not a folder");
}

#[test]
fn a_read_only_cache_is_used_and_never_an_error() {
    use std::os::unix::fs::PermissionsExt;
    let t = photo_site(MEDIUM);
    t.build().ok();
    let images = t.cache().join("images");
    let before = entries(&t.cache());
    std::fs::set_permissions(&images, std::fs::Permissions::from_mode(0o555)).unwrap();
    // Root writes into a read-only folder anyway: then only the outcome
    // is checked, not that nothing was written.
    let writable = std::fs::write(images.join("probe"), b"").is_ok();
    let _ = std::fs::remove_file(images.join("probe"));
    t.write_bytes("clubs/senim/photos/p2.jpg", &photo(MEDIUM, 8));
    let run = t.build().ok();
    let built = media(&t.out);
    std::fs::set_permissions(&images, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(photos(&run), (2, 1));
    if !writable {
        assert_eq!(entries(&t.cache()), before, "a read-only cache was written");
    }
    build_into(&t, "uncached", Path::new("off")).ok();
    assert!(media(&t.dir().join("uncached")) == built);
}

#[test]
fn entries_that_cannot_be_replaced_only_cost_time() {
    let t = photo_site(MEDIUM);
    t.build().ok();
    let first = media(&t.out);
    // Each entry's place taken by a folder: neither read nor written,
    // whoever runs the build.
    for (name, ..) in entries(&t.cache()) {
        let path = t.cache().join("images").join(name);
        std::fs::remove_file(&path).unwrap();
        std::fs::create_dir(&path).unwrap();
    }
    for n in 1..=2 {
        edit_news(&t, n);
        assert_eq!(photos(&t.build().ok()), (0, 3));
        assert!(media(&t.out) == first);
    }
}

#[test]
fn without_the_variable_the_cache_is_in_the_users_cache_folder() {
    let t = photo_site(MEDIUM);
    let home = t.dir().join("home");
    let xdg = t.dir().join("xdg-cache");
    let build = |out: &str, xdg: Option<&Path>| {
        let mut c = t.command();
        c.env_remove("BITIMGER_CACHE_DIR").env("HOME", &home);
        match xdg {
            Some(x) => c.env("XDG_CACHE_HOME", x),
            None => c.env_remove("XDG_CACHE_HOME"),
        };
        let output = c.args(["build", "site", "--output", out]).output().unwrap();
        Run { output }.ok()
    };
    assert_eq!(photos(&build("a", Some(&xdg))), (0, 3));
    assert_eq!(entries(&xdg.join("bitimger")).len(), 3);
    assert_eq!(photos(&build("b", Some(&xdg))), (3, 0));
    assert_eq!(photos(&build("c", None)), (0, 3));
    assert_eq!(entries(&home.join(".cache/bitimger")).len(), 3);
    assert!(!t.cache().exists());
}
