//! What changed since the last rebuild, and what it means for the order
//! of the work: the changed clubs' pages first, the site's own pages next
//! when a file outside the clubs changed.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::classify::{ChangeKind, Roots};
use crate::content::Site;
use crate::fs::is_within;
use crate::render::PageTask;

/// What the watcher and the handle tell the rebuild thread.
#[derive(Debug)]
pub(crate) enum Signal {
    /// These paths changed.
    Paths(Vec<PathBuf>),
    /// Events were lost: read everything again.
    Rescan,
    /// The server stops.
    Stop,
}

/// The paths changed since the last rebuild.
#[derive(Debug, Default)]
pub(crate) struct Changes {
    pub(crate) paths: Vec<PathBuf>,
    pub(crate) widest: Option<ChangeKind>,
    pub(crate) rescan: bool,
    pub(crate) stop: bool,
}

impl Changes {
    pub(crate) fn add(&mut self, roots: &Roots, signal: Signal) {
        match signal {
            Signal::Stop => self.stop = true,
            Signal::Rescan => self.rescan = true,
            Signal::Paths(paths) => {
                for p in paths {
                    let kind = roots.classify(&p);
                    if kind != ChangeKind::Ignored {
                        self.widest = self.widest.max(Some(kind));
                        self.paths.push(p);
                    }
                }
            }
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.paths.is_empty() && !self.rescan && !self.stop
    }
}

/// The order to render `tasks` in, skipping those `done`: the site's own
/// pages first when a file outside the clubs changed.
pub(crate) fn render_order(
    site: &Site,
    tasks: &[PageTask],
    done: &HashSet<&str>,
    changed: &[PathBuf],
) -> Vec<usize> {
    let site_first = changed.iter().any(|p| site_level(site, p));
    let (mut order, later): (Vec<usize>, Vec<usize>) = (0..tasks.len())
        .filter(|&i| !done.contains(tasks[i].path()))
        .partition(|&i| site_first && tasks[i].club().is_none());
    order.extend(later);
    order
}

/// The clubs with a changed file (or folder) inside.
pub(crate) fn changed_clubs<'a>(site: &'a Site, changed: &[PathBuf]) -> Vec<&'a str> {
    site.clubs
        .iter()
        .filter(|c| changed.iter().any(|p| is_within(p, &c.dir)))
        .map(|c| c.slug.as_str())
        .collect()
}

/// True for a change outside every club folder (news, pages, documents).
fn site_level(site: &Site, path: &Path) -> bool {
    !is_within(path, &site.config.root.join("clubs"))
        && site.clubs.iter().all(|c| !is_within(path, &c.dir))
}
