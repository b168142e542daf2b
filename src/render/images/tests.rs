//! The cache key of a source image, the names of what it becomes, the
//! list of encoder crates that the key holds, and the cache seen from a
//! build: a hit, and a miss on other bytes, other settings, a damaged entry
//! or a folder that cannot be written.

use std::collections::{BTreeSet, HashMap};
use std::io::Cursor;

use super::*;

/// Every package that `image` pulls in, as `name version`, from Cargo.lock.
fn image_crates_in_cargo_lock() -> BTreeSet<String> {
    let lock = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.lock")).unwrap();
    let field = |block: &str, name: &str| {
        let start = format!("\n{name} = \"");
        let at = block.find(&start)? + start.len();
        Some(block[at..].split('"').next()?.to_string())
    };
    let mut packages: HashMap<String, Vec<(String, Vec<String>)>> = HashMap::new();
    for block in lock.split("[[package]]").skip(1) {
        let deps = block
            .split("dependencies = [")
            .nth(1)
            .map(|d| d.split(']').next().unwrap_or(""))
            .unwrap_or("");
        let deps = deps
            .split('"')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect();
        let (name, version) = (
            field(block, "name").unwrap(),
            field(block, "version").unwrap(),
        );
        packages.entry(name).or_default().push((version, deps));
    }
    let mut found = BTreeSet::new();
    let mut todo = vec!["image".to_string()];
    while let Some(dep) = todo.pop() {
        let (name, version) = dep
            .split_once(' ')
            .map_or((dep.as_str(), None), |(n, v)| (n, Some(v)));
        let choices = &packages[name];
        let (v, deps) = choices
            .iter()
            .find(|(v, _)| version.is_none_or(|want| want == v))
            .unwrap();
        if found.insert(format!("{name} {v}")) {
            todo.extend(deps.iter().cloned());
        }
    }
    found
}

#[test]
fn the_encoders_in_the_cache_key_are_those_of_cargo_lock() {
    let locked = image_crates_in_cargo_lock();
    let listed: BTreeSet<String> = ENCODERS.iter().map(|s| s.to_string()).collect();
    assert_eq!(
        listed, locked,
        "the crates that make the published images changed: a new version may make other \
         bytes, so write this list as ENCODERS in src/render/images.rs (it is part of the photo \
         cache key):\n{locked:#?}"
    );
}

fn key_of(dir: &Path, name: &str, bytes: &[u8]) -> u128 {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    let (read, key) = read_source(&path, SETTINGS).unwrap();
    assert_eq!(read, bytes);
    key
}

#[test]
fn the_key_follows_the_bytes_and_the_extension_not_the_name() {
    let dir = tempfile::tempdir().unwrap();
    let bytes: Vec<u8> = (0..3_000_000u32).map(|i| (i % 251) as u8).collect();
    let a = key_of(dir.path(), "a.jpg", &bytes);
    assert_eq!(key_of(dir.path(), "другое имя.JPG", &bytes), a);
    assert_ne!(key_of(dir.path(), "a.png", &bytes), a);
    let mut changed = bytes.clone();
    changed[2_500_000] ^= 1;
    assert_ne!(key_of(dir.path(), "a.jpg", &changed), a);
}

#[test]
fn a_file_past_the_limit_is_too_large_before_the_cache_is_asked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.jpg");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(MAX_FILE + 1).unwrap();
    assert_eq!(
        read_source(&path, SETTINGS).unwrap_err().code,
        "image/too-large"
    );
}

fn png(width: u32, height: u32) -> Vec<u8> {
    let img = image::RgbaImage::from_fn(width, height, |x, y| {
        image::Rgba([
            (x % 200) as u8,
            (y % 200) as u8,
            40,
            if x < 8 { 0 } else { 255 },
        ])
    });
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

#[test]
fn files_are_named_by_the_club_the_stem_and_the_longest_side() {
    let big = process(Path::new("a.png"), &png(1000, 600), SETTINGS).unwrap();
    let p = named(&big, "media/senim/a");
    assert_eq!(p.info.path, "media/senim/a-1000.png");
    assert_eq!((p.info.width, p.info.height), (1000, 600));
    let thumb = p.info.thumb.as_ref().unwrap();
    assert_eq!(thumb.path, "media/senim/a-480.png");
    assert_eq!((thumb.width, thumb.height), (480, 288));
    let small = process(Path::new("b.png"), &png(64, 32), SETTINGS).unwrap();
    assert!(small.thumb.is_none());
    let p = named(&small, "media/x/b");
    assert_eq!(p.info.thumb.as_ref().unwrap().path, "media/x/b-64.png");
    assert_eq!(p.info.webp.as_deref(), Some("media/x/b-64.webp"));
    assert_eq!(p.files.len(), 2, "one size: its PNG and its WebP");
}

#[test]
fn a_large_logo_is_encoded_once_without_webp() {
    let logo = process(Path::new("logo.png"), &png(900, 300), LOGO_SETTINGS).unwrap();
    assert!(logo.thumb.is_none(), "the thumbnail of a logo is itself");
    assert!(
        logo.display.webp.is_none(),
        "a logo is published without WebP"
    );
    assert_eq!((logo.display.width, logo.display.height), (512, 171));
}

/// A PNG unlike any other test's: the memory layer is shared.
fn unique_png(seed: u8) -> Vec<u8> {
    let img = image::RgbImage::from_fn(700, 500, |x, y| {
        image::Rgb([(x % 251) as u8, (y % 241) as u8, seed])
    });
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

/// A run of the cache over the store in `dir`, with a memory of its own
/// (as a new process has).
fn fresh_run(dir: &Path) -> Cache {
    Cache::with(cache::Store::open(dir), Box::leak(Box::default()))
}

/// (files, reused) of `src` in a run over the store in `dir`.
fn run(dir: &Path, src: &Path, settings: Settings) -> (Files, bool) {
    let cache = fresh_run(dir);
    let (p, reused) = process_cached(src, "media/x", &cache, settings).unwrap();
    cache.finish();
    (p.files, reused)
}

/// The entry files in `dir`.
fn entry_files(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "photo"))
        .collect();
    found.sort();
    found
}

#[test]
fn an_unchanged_photo_is_reused_and_a_changed_one_is_encoded_again() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("images");
    let src = dir.path().join("a.png");
    std::fs::write(&src, unique_png(1)).unwrap();
    let (first, reused) = run(&store, &src, SETTINGS);
    assert!(!reused, "an empty cache");
    let (again, reused) = run(&store, &src, SETTINGS);
    assert!(reused, "the same bytes and settings");
    assert_eq!(again, first);
    std::fs::write(&src, unique_png(2)).unwrap();
    let (changed, reused) = run(&store, &src, SETTINGS);
    assert!(!reused, "other bytes");
    assert_ne!(changed, first);
    assert_eq!(entry_files(&store).len(), 2);
}

#[test]
fn other_settings_are_a_miss_and_make_other_files() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("images");
    let src = dir.path().join("a.jpg");
    let img = image::load_from_memory(&unique_png(3)).unwrap().to_rgb8();
    img.save(&src).unwrap();
    let (first, _) = run(&store, &src, SETTINGS);
    let others = [
        Settings {
            jpeg_quality: 60,
            ..SETTINGS
        },
        Settings {
            display: 600,
            ..SETTINGS
        },
        Settings {
            thumb: 200,
            ..SETTINGS
        },
    ];
    for settings in others {
        let (files, reused) = run(&store, &src, settings);
        assert!(!reused, "{settings:?}");
        assert_ne!(files, first, "{settings:?}");
        assert!(run(&store, &src, settings).1, "{settings:?} again");
    }
    assert!(run(&store, &src, SETTINGS).1);
}

#[test]
fn a_damaged_entry_is_encoded_again_and_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("images");
    let src = dir.path().join("a.png");
    std::fs::write(&src, unique_png(4)).unwrap();
    let (first, _) = run(&store, &src, SETTINGS);
    let [entry] = &entry_files(&store)[..] else {
        panic!("not one entry")
    };
    let whole = std::fs::read(entry).unwrap();
    std::fs::write(entry, &whole[..whole.len() - 100]).unwrap();
    let (again, reused) = run(&store, &src, SETTINGS);
    assert!(!reused, "a cut entry was used");
    assert_eq!(again, first);
    assert_eq!(
        std::fs::read(entry).unwrap(),
        whole,
        "the entry was not made again"
    );
    assert!(run(&store, &src, SETTINGS).1);
}

#[test]
fn a_cache_that_cannot_be_written_encodes_every_time_without_error() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("a.png");
    std::fs::write(&src, unique_png(5)).unwrap();
    // A file where the cache folder should be: it cannot be made.
    let blocked = dir.path().join("blocked");
    std::fs::write(&blocked, b"x").unwrap();
    let (first, reused) = run(&blocked.join("images"), &src, SETTINGS);
    assert!(!reused);
    let (again, reused) = run(&blocked.join("images"), &src, SETTINGS);
    assert!(!reused);
    assert_eq!(again, first);
    assert_eq!(std::fs::read(&blocked).unwrap(), b"x");
}

#[test]
fn runs_at_once_over_one_folder_leave_whole_entries() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("images");
    let sources: Vec<PathBuf> = (0..3)
        .map(|i| {
            let src = dir.path().join(format!("p{i}.png"));
            std::fs::write(&src, unique_png(10 + i)).unwrap();
            src
        })
        .collect();
    let results: Vec<Vec<_>> = std::thread::scope(|s| {
        let runs: Vec<_> = (0..4)
            .map(|_| {
                s.spawn(|| {
                    sources
                        .iter()
                        .map(|src| run(&store, src, SETTINGS).0)
                        .collect()
                })
            })
            .collect();
        runs.into_iter().map(|r| r.join().unwrap()).collect()
    });
    assert!(results.windows(2).all(|w| w[0] == w[1]));
    assert_eq!(entry_files(&store).len(), 3);
    for (src, files) in sources.iter().zip(&results[0]) {
        let (again, reused) = run(&store, src, SETTINGS);
        assert!(reused, "{}", src.display());
        assert_eq!(&again, files);
    }
}
