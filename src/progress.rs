//! How far long work has got: reading the site, processing its photos,
//! rendering its pages. The library only counts, through a [`Progress`]
//! the caller gives (the command line draws a bar on a terminal); by
//! default nothing is told.
//!
//! Layer 0: imports nothing of the crate.

use std::fmt;
use std::sync::Arc;

/// A stage of a build that may take long on a large site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Phase {
    /// Loading and checking the site's files (no count is known).
    Reading,
    /// Decoding, resizing and re-encoding the published photos.
    Photos,
    /// Rendering the pages, in every language.
    Pages,
    /// The rules over every page: links and anchors.
    Checking,
    /// Putting the new site in place of the output folder.
    Writing,
}

/// Told how far a build has got. Called from many threads at once (pages
/// and photos are made in parallel), so counting must be atomic.
pub trait Progress: Send + Sync {
    /// `phase` begins, with `total` steps (0 when not known).
    fn start(&self, phase: Phase, total: usize);
    /// `n` more steps of the current phase are done.
    fn advance(&self, n: usize);
}

/// A shared [`Progress`] to put in options; does nothing by default.
#[derive(Clone, Default)]
pub struct ProgressHandle(Option<Arc<dyn Progress>>);

impl ProgressHandle {
    /// Tells `progress`.
    pub fn new(progress: Arc<dyn Progress>) -> Self {
        ProgressHandle(Some(progress))
    }

    /// `phase` begins, with `total` steps (0 when not known).
    pub fn start(&self, phase: Phase, total: usize) {
        if let Some(p) = &self.0 {
            p.start(phase, total);
        }
    }

    /// `n` more steps of the current phase are done.
    pub fn advance(&self, n: usize) {
        if let Some(p) = &self.0
            && n > 0
        {
            p.advance(n);
        }
    }
}

impl fmt::Debug for ProgressHandle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.0.is_some() {
            "ProgressHandle(told)"
        } else {
            "ProgressHandle(none)"
        })
    }
}
