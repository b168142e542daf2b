//! The photo cache on disk: entries read back as written, damaged ones are
//! misses, writers at once leave whole entries, a folder that cannot be
//! written is no error, the sweep keeps what is used within its size, and
//! the folder follows `BITIMGER_CACHE_DIR`.

use super::*;

fn size(ext: &'static str, side: u32, fill: u8, webp: bool) -> Size {
    Size {
        ext,
        width: side,
        height: side / 2,
        bytes: Arc::new(vec![fill; side as usize * 7]),
        webp: webp.then(|| Arc::new(vec![fill ^ 0xFF; side as usize])),
    }
}

fn entry(fill: u8) -> Entry {
    Entry {
        display: size("jpg", 1600, fill, false),
        thumb: Some(size("jpg", 480, fill.wrapping_add(1), true)),
    }
}

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("images")).unwrap();
    (dir, store)
}

fn bytes_of(entry: &Entry) -> Vec<u8> {
    let mut out = Vec::new();
    entry::write(entry, &mut out).unwrap();
    out
}

/// Sets a file's modification time to `days` ago.
fn age_file(path: &Path, days: u64) {
    let f = std::fs::OpenOptions::new().append(true).open(path).unwrap();
    f.set_modified(SystemTime::now() - DAY * days as u32)
        .unwrap();
}

#[test]
fn an_entry_reads_back_as_written() {
    let (_dir, store) = store();
    let small = Entry {
        display: size("png", 300, 9, true),
        thumb: None,
    };
    for (key, e) in [(1, entry(3)), (2, small)] {
        assert_eq!(store.get(key), None);
        store.put(key, &e);
        assert_eq!(store.get(key), Some(e));
    }
}

#[test]
fn a_cut_grown_or_changed_entry_is_no_entry() {
    let whole = bytes_of(&entry(5));
    assert!(entry::parse(&whole).is_some());
    for cut in [0, 1, 16, whole.len() / 2, whole.len() - 17, whole.len() - 1] {
        assert!(entry::parse(&whole[..cut]).is_none(), "cut at {cut}");
    }
    let mut grown = whole.clone();
    grown.push(0);
    assert!(entry::parse(&grown).is_none());
    for at in (0..whole.len()).step_by(97).chain([whole.len() - 1]) {
        let mut changed = whole.clone();
        changed[at] ^= 0x10;
        assert!(entry::parse(&changed).is_none(), "bit changed at {at}");
    }
}

#[test]
fn a_damaged_entry_on_disk_is_a_miss_and_is_replaced() {
    let (_dir, store) = store();
    store.put(7, &entry(1));
    let path = store.path(7);
    let whole = std::fs::read(&path).unwrap();
    std::fs::write(&path, &whole[..whole.len() / 3]).unwrap();
    assert_eq!(store.get(7), None);
    store.put(7, &entry(1));
    assert_eq!(store.get(7), Some(entry(1)));
}

#[test]
fn writers_at_once_leave_a_whole_entry_and_no_temporary_file() {
    let (_dir, store) = store();
    std::thread::scope(|s| {
        for fill in 0..6u8 {
            let store = &store;
            s.spawn(move || {
                for _ in 0..10 {
                    store.put(11, &entry(fill * 10));
                }
            });
        }
        s.spawn(|| {
            for _ in 0..200 {
                if let Some(e) = store.get(11) {
                    assert!((0..6).any(|f| e == entry(f * 10)), "a mixed entry");
                }
            }
        });
    });
    let mut names: Vec<String> = std::fs::read_dir(&store.dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, [format!("{:032x}.photo", 11), "CACHEDIR.TAG".into()]);
}

#[test]
fn a_used_entry_is_touched_so_the_sweep_keeps_it() {
    let (_dir, store) = store();
    store.put(1, &entry(1));
    age_file(&store.path(1), UNUSED_DAYS + 5);
    assert!(store.get(1).is_some());
    store.sweep(SystemTime::now(), MAX_BYTES);
    assert!(store.get(1).is_some(), "an entry used today was swept");
}

#[test]
fn the_sweep_removes_only_old_entries_and_temporary_files_at_most_once_a_day() {
    let (_dir, store) = store();
    for key in 1..=3 {
        store.put(key, &entry(key as u8));
    }
    let temp = store.dir.join(".0.1.2.tmp");
    let foreign = store.dir.join("notes.txt");
    let old_foreign = store.dir.join("old.jpg");
    for p in [&temp, &foreign, &old_foreign] {
        std::fs::write(p, b"x").unwrap();
    }
    age_file(&store.path(1), UNUSED_DAYS + 1);
    age_file(&store.path(2), UNUSED_DAYS - 1);
    age_file(&temp, 2);
    age_file(&old_foreign, 1000);
    store.sweep(SystemTime::now(), MAX_BYTES);
    let exists = |p: &Path| p.exists();
    assert!(!exists(&store.path(1)), "unused for 61 days");
    assert!(exists(&store.path(2)) && exists(&store.path(3)));
    assert!(!exists(&temp), "a killed build's temporary file");
    assert!(
        exists(&foreign) && exists(&old_foreign),
        "files the cache did not make"
    );
    // Within a day of that sweep, nothing is looked at.
    age_file(&store.path(2), UNUSED_DAYS + 1);
    store.sweep(SystemTime::now() + DAY / 2, MAX_BYTES);
    assert!(exists(&store.path(2)));
    store.sweep(SystemTime::now() + DAY + DAY / 2, MAX_BYTES);
    assert!(!exists(&store.path(2)));
    assert!(exists(&store.path(3)));
}

#[test]
fn the_folder_follows_the_variable_and_off_turns_it_off() {
    let user = Some(PathBuf::from("/home/a/.cache"));
    let mine = Some(PathBuf::from("/home/a/.cache/bitimger"));
    let var = |v: &str| cache_root(Some(OsStr::new(v)), user.clone());
    assert_eq!(cache_root(None, user.clone()), mine);
    assert_eq!(var(""), mine);
    assert_eq!(var("/tmp/c"), Some(PathBuf::from("/tmp/c")));
    assert_eq!(var("off"), None);
    assert_eq!(var("OFF"), None);
    assert_eq!(cache_root(None, None), None);
}

#[test]
fn a_folder_that_cannot_be_made_is_no_cache() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    std::fs::write(&file, b"x").unwrap();
    assert!(Store::open(&file.join("images")).is_none());
    assert!(Store::open(&file).is_none());
}

#[test]
fn memory_keeps_what_the_last_run_used() {
    let e = Arc::new(entry(0));
    let mut m: HashMap<u128, (Arc<Entry>, u64)> =
        [(1, (e.clone(), 4)), (2, (e.clone(), 5)), (3, (e, 6))].into();
    forget_unused(&mut m, 5);
    let mut keys: Vec<u128> = m.into_keys().collect();
    keys.sort();
    assert_eq!(keys, [2, 3]);
}

#[test]
fn the_sweep_keeps_the_most_recently_used_within_the_size() {
    let (_dir, store) = store();
    for key in 1..=4 {
        store.put(key, &entry(key as u8));
        age_file(&store.path(key), 10 - key as u64);
    }
    let one = std::fs::metadata(store.path(1)).unwrap().len();
    store.sweep(SystemTime::now(), one * 2 + one / 2);
    let left: Vec<u128> = (1..=4).filter(|k| store.path(*k).exists()).collect();
    assert_eq!(left, [3, 4], "the two used last fit");
    assert!(store.dir.join("CACHEDIR.TAG").exists());
}

#[test]
fn a_folder_that_cannot_be_written_is_no_error() {
    let (dir, store) = store();
    // An entry's place taken by a folder: even root cannot write there.
    std::fs::create_dir(store.path(3)).unwrap();
    store.put(3, &entry(3));
    assert_eq!(store.get(3), None);
    assert!(store.path(3).is_dir());
    // The folder gone after it was opened.
    std::fs::remove_dir_all(dir.path().join("images")).unwrap();
    store.put(4, &entry(4));
    assert_eq!(store.get(4), None);
    store.sweep(SystemTime::now(), MAX_BYTES);
    assert!(!store.dir.exists(), "the cache made its folder again");
}

#[test]
fn the_folder_is_tagged_for_backup_tools_once() {
    let (_dir, store) = store();
    let tag = store.dir.join("CACHEDIR.TAG");
    let written = std::fs::read(&tag).unwrap();
    assert!(written.starts_with(b"Signature: 8a477f597d28d172789f06886806bc55"));
    std::fs::write(&tag, b"Signature: 8a477f597d28d172789f06886806bc55\nmine\n").unwrap();
    Store::open(&store.dir).unwrap();
    assert!(std::fs::read(&tag).unwrap().ends_with(b"mine\n"));
}
