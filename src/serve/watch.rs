//! Watching the site folder: notify's debounced events become the paths
//! that changed. Editors save by writing a temporary file and renaming it,
//! or by deleting and creating; folders appear with files already inside.
//! The rebuild does not depend on every single event: a path names the
//! club folder (or site folder) that is read again from disk as a whole.
//!
//! Besides the site folder, the watcher follows the folders the site is
//! read from (a directory's `include:` folders, a theme folder elsewhere):
//! after each load the rebuild hands it the current list.

use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

use notify::event::{AccessKind, AccessMode};
use notify::{EventKind, PollWatcher, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{
    DebounceEventResult, Debouncer, FileIdCache, RecommendedCache, new_debouncer_opt,
};

use super::changes::Signal;
use super::{ServeError, Watching};

/// A running watcher; dropping it stops watching.
pub(crate) struct Watcher {
    debouncer: Box<dyn Follow>,
    /// The folders watched besides the site folder.
    extra: Vec<PathBuf>,
    site: PathBuf,
}

/// A debouncer of either kind (events or polling).
trait Follow: Send {
    fn add(&mut self, dir: &Path) -> notify::Result<()>;
    fn remove(&mut self, dir: &Path);
}

impl<T: notify::Watcher + Send, C: FileIdCache + Send> Follow for Debouncer<T, C> {
    fn add(&mut self, dir: &Path) -> notify::Result<()> {
        self.watch(dir, RecursiveMode::Recursive)
    }

    fn remove(&mut self, dir: &Path) {
        // A folder that was deleted is no longer watched anyway.
        let _ = self.unwatch(dir);
    }
}

fn keep<T: Follow + 'static>(debouncer: T, site: &Path) -> Watcher {
    Watcher {
        debouncer: Box::new(debouncer),
        extra: Vec::new(),
        site: site.to_path_buf(),
    }
}

impl Watcher {
    /// Watches exactly `dirs` besides the site folder: new ones are added,
    /// those no longer named are let go. A folder that cannot be watched
    /// (it does not exist: the load reports that) is tried again next time.
    pub(crate) fn follow(&mut self, dirs: &[PathBuf]) {
        let wanted: Vec<&PathBuf> = dirs.iter().filter(|d| **d != self.site).collect();
        for old in std::mem::take(&mut self.extra) {
            if wanted.contains(&&old) {
                self.extra.push(old);
            } else {
                self.debouncer.remove(&old);
            }
        }
        for dir in wanted {
            if !self.extra.contains(dir) && self.debouncer.add(dir).is_ok() {
                self.extra.push(dir.clone());
            }
        }
    }
}

/// Starts watching `site` recursively; changed paths go to `signals` once
/// the folder was `quiet` for that long (long enough to merge the events of
/// one save, short enough that a save shows at once). When the system
/// cannot watch that many folders, the folder is polled.
pub(crate) fn watch(
    site: &Path,
    quiet: Duration,
    signals: Sender<Signal>,
) -> Result<(Watcher, Watching), ServeError> {
    let handler = {
        let signals = signals.clone();
        move |result: DebounceEventResult| {
            let _ = signals.send(signal_of(result));
        }
    };
    let events = new_debouncer_opt::<_, RecommendedWatcher, _>(
        quiet,
        None,
        handler,
        RecommendedCache::new(),
        notify::Config::default(),
    )
    .and_then(|mut d| d.watch(site, RecursiveMode::Recursive).map(|()| d));
    if let Ok(d) = events {
        return Ok((keep(d, site), Watching::Events));
    }
    let handler = move |result: DebounceEventResult| {
        let _ = signals.send(signal_of(result));
    };
    let config = notify::Config::default().with_poll_interval(Duration::from_millis(500));
    new_debouncer_opt::<_, PollWatcher, _>(quiet, None, handler, RecommendedCache::new(), config)
        .and_then(|mut d| d.watch(site, RecursiveMode::Recursive).map(|()| d))
        .map(|d| (keep(d, site), Watching::Polling))
        .map_err(|e| ServeError::Watch(site.to_path_buf(), e.to_string()))
}

/// The paths of a batch of events; a rescan when events were lost.
fn signal_of(result: DebounceEventResult) -> Signal {
    match result {
        Ok(events) => {
            if events.iter().any(|e| e.need_rescan()) {
                return Signal::Rescan;
            }
            let mut paths: Vec<PathBuf> = events
                .into_iter()
                .filter(|e| changes_content(&e.event.kind))
                .flat_map(|e| e.event.paths)
                .collect();
            paths.sort();
            paths.dedup();
            Signal::Paths(paths)
        }
        Err(_) => Signal::Rescan,
    }
}

/// Reading a file (which every build does) is no change; closing a file
/// written to is.
fn changes_content(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}
