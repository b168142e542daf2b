//! What a load read, kept for the next load (`serve`): each club folder is
//! parsed again only after a change inside it was reported with
//! [`LoadCache::invalidate`], or after the site settings changed.
//!
//! Loaded clubs are moved into the site, not copied; [`LoadCache::recycle`]
//! takes a site back so its clubs can be moved out again. A club that was not
//! handed back is simply read again. The problems found while reading a club
//! are kept with it and reported again on every load, so a cached load
//! reports exactly what a fresh one would.

use std::collections::HashMap;
use std::ffi::OsString;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;
use std::sync::Mutex;

use super::model::{Club, Site};
use crate::diag::Diagnostics;
use crate::fs::is_within;

/// Parsed clubs between loads. Shared with the loader through
/// [`super::LoadOptions::cache`].
#[derive(Default)]
pub struct LoadCache {
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    /// Fingerprint of what every club depends on (site.yaml, principles.yaml,
    /// drafts); a change empties the cache.
    context: u64,
    /// By club folder; keyed by the path's bytes, which hash far faster
    /// than a `PathBuf` (hashed component by component).
    clubs: HashMap<OsString, Entry>,
}

/// One club folder as last read.
struct Entry {
    /// The club, while it is not lent out to a site.
    club: Option<Club>,
    /// False when the folder had no usable club: nothing to lend.
    loaded: bool,
    /// What reading it reported.
    diags: Diagnostics,
}

impl std::fmt::Debug for LoadCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let n = self.lock().clubs.len();
        write!(f, "LoadCache({n} clubs)")
    }
}

impl LoadCache {
    /// An empty cache.
    pub fn new() -> Self {
        Self::default()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        // A panic while holding the lock leaves only a cache behind; use it.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Forgets every club folder that contains `path` or lies inside it
    /// (a file saved, a folder created, renamed or deleted). A change to a
    /// file every club depends on empties the cache.
    pub fn invalidate(&self, path: &Path) {
        let shared = path
            .file_name()
            .is_some_and(|n| n == "site.yaml" || n == "principles.yaml");
        let mut inner = self.lock();
        if shared {
            inner.clubs.clear();
            return;
        }
        inner
            .clubs
            .retain(|dir, _| !is_within(path, Path::new(dir)) && !is_within(Path::new(dir), path));
    }

    /// Forgets everything.
    pub fn clear(&self) {
        self.lock().clubs.clear();
    }

    /// Takes back the clubs of a site loaded earlier, so the next load can
    /// reuse them without reading or copying.
    pub fn recycle(&self, site: Site) {
        let mut inner = self.lock();
        for club in site.clubs {
            if let Some(entry) = inner.clubs.get_mut(club.dir.as_os_str())
                && entry.loaded
                && entry.club.is_none()
            {
                entry.club = Some(club);
            }
        }
    }

    /// Empties the cache when the fingerprint of what clubs depend on
    /// changed since the last load.
    pub(crate) fn check_context(&self, root: &Path, drafts: bool) {
        let mut h = DefaultHasher::new();
        drafts.hash(&mut h);
        for name in ["site.yaml", "principles.yaml"] {
            std::fs::read(root.join(name)).ok().hash(&mut h);
        }
        let context = h.finish();
        let mut inner = self.lock();
        if inner.context != context {
            inner.context = context;
            inner.clubs.clear();
        }
    }

    /// The club in `dir`: the cached one when it is there, else `load` reads
    /// it. Its problems are added to `diags` either way.
    pub(crate) fn club(
        &self,
        dir: &Path,
        diags: &mut Diagnostics,
        load: impl FnOnce(&mut Diagnostics) -> Option<Club>,
    ) -> Option<Club> {
        {
            let mut inner = self.lock();
            if let Some(entry) = inner.clubs.get_mut(dir.as_os_str()) {
                if !entry.loaded {
                    diags.extend(entry.diags.clone());
                    return None;
                }
                if let Some(club) = entry.club.take() {
                    diags.extend(entry.diags.clone());
                    return Some(club);
                }
            }
        }
        let mut own = Diagnostics::new();
        let club = load(&mut own);
        self.lock().clubs.insert(
            dir.as_os_str().to_owned(),
            Entry {
                club: None,
                loaded: club.is_some(),
                diags: own.clone(),
            },
        );
        diags.extend(own);
        club
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn entry(cache: &LoadCache, dir: &str) {
        cache.lock().clubs.insert(
            OsString::from(dir),
            Entry {
                club: None,
                loaded: false,
                diags: Diagnostics::new(),
            },
        );
    }

    fn dirs(cache: &LoadCache) -> Vec<PathBuf> {
        let mut v: Vec<PathBuf> = cache.lock().clubs.keys().map(PathBuf::from).collect();
        v.sort();
        v
    }

    #[test]
    fn forgets_the_club_holding_a_changed_file() {
        let cache = LoadCache::new();
        entry(&cache, "/s/clubs/a");
        entry(&cache, "/s/clubs/b");
        cache.invalidate(Path::new("/s/clubs/a/reports/2024-2025.kk.md"));
        assert_eq!(dirs(&cache), vec![PathBuf::from("/s/clubs/b")]);
    }

    #[test]
    fn forgets_every_club_inside_a_changed_folder() {
        let cache = LoadCache::new();
        entry(&cache, "/s/clubs/a");
        entry(&cache, "/s/clubs/b");
        entry(&cache, "/s/other/c");
        cache.invalidate(Path::new("/s/clubs"));
        assert_eq!(dirs(&cache), vec![PathBuf::from("/s/other/c")]);
    }

    #[test]
    fn forgets_everything_when_site_settings_change() {
        let cache = LoadCache::new();
        entry(&cache, "/s/clubs/a");
        cache.invalidate(Path::new("/s/principles.yaml"));
        assert!(dirs(&cache).is_empty());
    }

    #[test]
    fn keeps_clubs_elsewhere() {
        let cache = LoadCache::new();
        entry(&cache, "/s/clubs/ab");
        cache.invalidate(Path::new("/s/clubs/a"));
        cache.invalidate(Path::new("/s/news/2025-01-01-x.md"));
        assert_eq!(dirs(&cache), vec![PathBuf::from("/s/clubs/ab")]);
    }
}
