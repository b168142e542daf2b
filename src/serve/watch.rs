//! Watching the site folder: notify's debounced events become the paths
//! that changed. Editors save by writing a temporary file and renaming it,
//! or by deleting and creating; folders appear with files already inside.
//! The rebuild does not depend on every single event: a path names the
//! club folder (or site folder) that is read again from disk as a whole.

use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

use notify::event::{AccessKind, AccessMode};
use notify::{EventKind, PollWatcher, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, RecommendedCache, new_debouncer_opt};

use super::state::Signal;
use super::{ServeError, Watching};

/// A running watcher; dropping it stops watching.
pub(crate) struct Watcher {
    _debouncer: Box<dyn Send>,
}

fn keep<T: Send + 'static>(debouncer: T) -> Watcher {
    Watcher {
        _debouncer: Box::new(debouncer),
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
        return Ok((keep(d), Watching::Events));
    }
    let handler = move |result: DebounceEventResult| {
        let _ = signals.send(signal_of(result));
    };
    let config = notify::Config::default().with_poll_interval(Duration::from_millis(500));
    new_debouncer_opt::<_, PollWatcher, _>(quiet, None, handler, RecommendedCache::new(), config)
        .and_then(|mut d| d.watch(site, RecursiveMode::Recursive).map(|()| d))
        .map(|d| (keep(d), Watching::Polling))
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
