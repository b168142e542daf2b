//! The photo cache: what processing made of a source image, kept so that
//! the next run (`build`, `check`, every `serve` rebuild) reuses it instead
//! of decoding and encoding the photo again.
//!
//! Two layers, both keyed by a hash of the source's bytes and of every
//! setting that shapes the result (see `images::cache_key`), so a hit is
//! exactly what a fresh encode would give:
//! - in memory, for `serve`: the entries the last run used;
//! - on disk, in a folder bitimger owns ([`cache_root`]): one file per
//!   entry, written whole or not at all (a temporary file renamed into
//!   place), with a checksum so that a damaged entry is a miss. Entries
//!   hold re-encoded pixels only: no name, path or metadata of the
//!   original. Entries unused for [`UNUSED_DAYS`] days, and the least
//!   recently used past [`MAX_BYTES`], are removed by a look over the
//!   folder at most once a day.
//!
//! The disk layer is on only once the command line asked for it
//! ([`cache_photos_on_disk`]): a program using the library (the tests,
//! serve started in a test) never writes into the user's cache folder.
//!
//! Nothing here is an error: a cache that cannot be read or written only
//! means the photos are encoded again.
//!
//! Layer 4 (a part of `render::images`): imports only `fs`, and `dirs`
//! for the user's cache folder.

mod entry;

use std::collections::HashMap;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, SystemTime};

pub(super) use entry::{Entry, Size};

/// The environment variable naming bitimger's cache folder; `off` turns
/// the photo cache off.
pub(super) const CACHE_VAR: &str = "BITIMGER_CACHE_DIR";
/// Entries not used for this many days are removed.
pub(super) const UNUSED_DAYS: u64 = 60;
/// When the entries take more than this, the least recently used go (a
/// school's photos take a few hundred kilobytes each).
pub(super) const MAX_BYTES: u64 = 1024 * 1024 * 1024;
const DAY: Duration = Duration::from_secs(24 * 60 * 60);
/// The file whose modification time says when the folder was last swept.
const SWEPT: &str = "last-cleanup";
/// An entry file's name ends with this.
const ENTRY_EXT: &str = "photo";
/// A temporary file's name ends with this.
const TEMP_EXT: &str = "tmp";
/// `CACHEDIR.TAG` (<https://bford.info/cachedir/>): the folder holds
/// nothing that cannot be made again.
const TAG: &[u8] = b"Signature: 8a477f597d28d172789f06886806bc55\n\
# This file is created by bitimger: the folder holds photos it encoded\n\
# (a cache). Everything here can be deleted; it is made again as needed.\n";

/// The folder of the cache on disk, once [`cache_photos_on_disk`] set it;
/// `None` inside: the environment turned it off.
static FOLDER: OnceLock<Option<PathBuf>> = OnceLock::new();

/// Keeps processed photos on disk too, so that the next `build`, `check`
/// or `serve` reuses them: in `BITIMGER_CACHE_DIR` when it names a folder
/// (`off`: nowhere), else in `bitimger` in the user's cache folder. Called
/// by the command line before it runs a command; without it, photos are
/// cached in memory only.
pub fn cache_photos_on_disk() {
    let var = std::env::var_os(CACHE_VAR);
    FOLDER.get_or_init(|| cache_root(var.as_deref(), dirs::cache_dir()));
}

/// The folder for bitimger's caches: `var` (the value of
/// `BITIMGER_CACHE_DIR`) when set and not empty, `None` when it says
/// `off`, else `bitimger` in the user's cache folder (`user`).
pub(super) fn cache_root(var: Option<&OsStr>, user: Option<PathBuf>) -> Option<PathBuf> {
    match var {
        Some(v) if v.eq_ignore_ascii_case("off") => None,
        Some(v) if !v.is_empty() => Some(PathBuf::from(v)),
        _ => user.map(|d| d.join("bitimger")),
    }
}

/// Both layers, for one run over a site's images.
pub(super) struct Cache {
    disk: Option<Store>,
    memory: &'static Memory,
    run: u64,
}

/// Entries in memory, with the number of the last run that used each.
pub(super) type Memory = Mutex<HashMap<u128, (Arc<Entry>, u64)>>;

/// The process's entries in memory.
fn memory() -> &'static Memory {
    static MEMORY: OnceLock<Memory> = OnceLock::new();
    MEMORY.get_or_init(Default::default)
}

impl Cache {
    /// The cache for one run: in memory, and on disk when
    /// [`cache_photos_on_disk`] was called (the folder is made now).
    pub(super) fn open() -> Cache {
        let root = FOLDER.get().and_then(Option::as_ref);
        Cache::with(root.and_then(|r| Store::open(&r.join("images"))), memory())
    }

    /// The cache for one run over `disk` and `memory`.
    pub(super) fn with(disk: Option<Store>, memory: &'static Memory) -> Cache {
        static RUNS: AtomicU64 = AtomicU64::new(0);
        let run = RUNS.fetch_add(1, Ordering::Relaxed) + 1;
        Cache { disk, memory, run }
    }

    /// The entry for `key`, from memory or else from disk.
    pub(super) fn get(&self, key: u128) -> Option<Arc<Entry>> {
        if let Ok(mut m) = self.memory.lock()
            && let Some((entry, used)) = m.get_mut(&key)
        {
            *used = (*used).max(self.run);
            return Some(entry.clone());
        }
        let entry = Arc::new(self.disk.as_ref()?.get(key)?);
        self.remember(key, &entry);
        Some(entry)
    }

    /// Keeps `entry` in both layers.
    pub(super) fn put(&self, key: u128, entry: &Arc<Entry>) {
        self.remember(key, entry);
        if let Some(disk) = &self.disk {
            disk.put(key, entry);
        }
    }

    fn remember(&self, key: u128, entry: &Arc<Entry>) {
        if let Ok(mut m) = self.memory.lock() {
            m.insert(key, (entry.clone(), self.run));
        }
    }

    /// Ends the run: memory keeps only what this run (or a later one)
    /// used, so a long `serve` does not pile up every version of a photo;
    /// the disk is swept if it is due.
    pub(super) fn finish(self) {
        if let Ok(mut m) = self.memory.lock() {
            forget_unused(&mut m, self.run);
        }
        if let Some(disk) = &self.disk {
            disk.sweep(SystemTime::now(), MAX_BYTES);
        }
    }
}

/// Forgets the entries that neither `run` nor a later one used.
fn forget_unused(memory: &mut HashMap<u128, (Arc<Entry>, u64)>, run: u64) {
    memory.retain(|_, (_, used)| *used >= run);
}

/// The folder of entries on disk.
pub(super) struct Store {
    dir: PathBuf,
}

impl Store {
    /// The store in `dir`, made if missing; `None` when it cannot be.
    pub(super) fn open(dir: &Path) -> Option<Store> {
        std::fs::create_dir_all(dir).ok()?;
        if !dir.is_dir() {
            return None;
        }
        // Backup tools that know the tag skip the folder; `create_new`
        // leaves one that is there alone.
        let tag = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(dir.join("CACHEDIR.TAG"));
        let _ = tag.and_then(|mut f| std::io::Write::write_all(&mut f, TAG));
        Some(Store {
            dir: dir.to_path_buf(),
        })
    }

    fn path(&self, key: u128) -> PathBuf {
        self.dir.join(format!("{key:032x}.{ENTRY_EXT}"))
    }

    /// The entry for `key`, when there is a whole one. A used entry is
    /// touched (at most once a day) so the sweep keeps it.
    pub(super) fn get(&self, key: u128) -> Option<Entry> {
        let path = self.path(key);
        let file = crate::fs::open_file(&path).ok()?;
        let modified = file.metadata().ok()?.modified().ok();
        let entry = entry::read(file)?;
        let now = SystemTime::now();
        if modified.is_none_or(|m| now.duration_since(m).is_ok_and(|age| age > DAY)) {
            // A read-only cache still serves; it is only not touched.
            let touched = std::fs::OpenOptions::new().append(true).open(&path);
            let _ = touched.and_then(|f| f.set_modified(now));
        }
        Some(entry)
    }

    /// Writes the entry for `key` into a temporary file and renames it into
    /// place, so a reader (another build at the same time) sees the old
    /// entry, none or the whole new one, and a killed build leaves at most
    /// a temporary file, swept later.
    pub(super) fn put(&self, key: u128, entry: &Entry) {
        static SEQ: AtomicU64 = AtomicU64::new(0);
        let seq = SEQ.fetch_add(1, Ordering::Relaxed);
        let temp = self.dir.join(format!(
            ".{key:032x}.{}.{seq}.{TEMP_EXT}",
            std::process::id()
        ));
        let written = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
            .and_then(|f| entry::write(entry, std::io::BufWriter::new(f)))
            .and_then(|()| std::fs::rename(&temp, self.path(key)));
        if written.is_err() {
            let _ = std::fs::remove_file(&temp);
        }
    }

    /// At most once a day (by the time of the `last-cleanup` file):
    /// removes entries unused for [`UNUSED_DAYS`] days, then the least
    /// recently used until the rest take at most `max_bytes`, and
    /// temporary files older than a day (left by a killed build). Files
    /// the cache did not make are left alone.
    pub(super) fn sweep(&self, now: SystemTime, max_bytes: u64) {
        if !self.sweep_due(now) {
            return;
        }
        let Ok(list) = std::fs::read_dir(&self.dir) else {
            return;
        };
        // (last use, size, path) of the entries that stay.
        let mut kept: Vec<(SystemTime, u64, PathBuf)> = Vec::new();
        for item in list.flatten() {
            let path = item.path();
            let Ok(meta) = item.metadata() else { continue };
            let Ok(modified) = meta.modified() else {
                continue;
            };
            // A time from the future (a clock that was wrong) is now.
            let age = now.duration_since(modified).unwrap_or_default();
            let limit = match path.extension().and_then(OsStr::to_str) {
                Some(ENTRY_EXT) => DAY * UNUSED_DAYS as u32,
                Some(TEMP_EXT) => DAY,
                _ => continue,
            };
            if !meta.is_file() {
                continue;
            }
            if age > limit {
                let _ = std::fs::remove_file(&path);
            } else if path.extension() == Some(OsStr::new(ENTRY_EXT)) {
                kept.push((modified, meta.len(), path));
            }
        }
        kept.sort_by_key(|k| std::cmp::Reverse(k.0));
        let mut total = 0u64;
        for (_, len, path) in kept {
            total = total.saturating_add(len);
            if total > max_bytes {
                let _ = std::fs::remove_file(&path);
            }
        }
    }

    /// Whether the last sweep is a day old or more; if so, marks this one
    /// first, so that another run starting now does not sweep too. A
    /// marker from the future (a clock that was wrong) is due.
    fn sweep_due(&self, now: SystemTime) -> bool {
        let marker = self.dir.join(SWEPT);
        let age = std::fs::symlink_metadata(&marker)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|m| now.duration_since(m).ok());
        if age.is_some_and(|a| a < DAY) {
            return false;
        }
        std::fs::File::create(&marker)
            .and_then(|f| f.set_modified(now))
            .is_ok()
    }
}

#[cfg(test)]
mod tests;
