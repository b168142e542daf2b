//! The one owned state of `serve` and its rebuild loop: changes in, a new
//! site model out, pages rendered (the changed club's first), and only the
//! files whose bytes changed replaced in the served map.
//!
//! Every rebuild re-validates the whole model and re-renders every page, so
//! a page can never stay stale; what makes it fast is that unchanged club
//! folders are not read again ([`LoadCache`]) and that the pages of the
//! changed club are published before the rest is rendered. A rebuild that
//! finds an error puts back every file replaced since the last good build,
//! so the last good site stays served, with the overlay on top.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::Instant;

use super::changes::{Changes, Signal, changed_clubs, render_order};
use super::classify::{ChangeKind, Roots};
use super::files;
use super::shared::{Body, Shared};
use super::watch::Watcher;
use super::{RebuildReport, ServeOptions};
use crate::build::{Pass, Prepared, pipeline};
use crate::content::{LoadCache, LoadOptions, Site};
use crate::diag::Diagnostics;
use crate::render::{PageTask, RenderOptions};
use crate::types::Date;

mod publish;

/// Pages rendered between two looks for newer changes.
const CHUNK: usize = 4;

/// How a rebuild ended.
enum Outcome {
    /// Published; the count of pages.
    Done(usize),
    /// Errors: nothing of it stays published.
    Failed,
    /// Newer changes arrived; the next rebuild takes over.
    Interrupted,
}

/// Everything `serve` keeps between rebuilds.
pub(crate) struct ServeState {
    options: ServeOptions,
    shared: Arc<Shared>,
    report: Box<dyn FnMut(&RebuildReport) + Send>,
    cache: Arc<LoadCache>,
    /// The last model loaded, handed back to the cache before the next load.
    site: Option<Site>,
    /// What each file replaced since the last good build held before.
    provisional: HashMap<String, Option<Body>>,
    /// Changes that arrived during a rebuild.
    pending: Changes,
    /// Files changed by the running rebuild.
    changed: usize,
    /// The folders a copied file may really lie in (site, theme).
    roots: Vec<PathBuf>,
    /// The folders the site was last read from, and their watcher.
    watched: Roots,
    watcher: Option<Watcher>,
    /// Renders the pages after the first ones, leaving a core free for the
    /// server and the editor; `None` uses every core.
    background: Option<rayon::ThreadPool>,
}

impl ServeState {
    pub(crate) fn new(
        options: ServeOptions,
        shared: Arc<Shared>,
        report: Box<dyn FnMut(&RebuildReport) + Send>,
    ) -> Self {
        let watched = Roots {
            site: options.site.clone(),
            ..Roots::default()
        };
        ServeState {
            options,
            shared,
            report,
            cache: Arc::new(LoadCache::new()),
            site: None,
            provisional: HashMap::new(),
            pending: Changes::default(),
            changed: 0,
            roots: Vec::new(),
            watched,
            watcher: None,
            background: background_pool(),
        }
    }

    /// Keeps `watcher` following the folders the site is read from.
    pub(crate) fn watch_with(&mut self, watcher: Watcher) {
        self.watcher = Some(watcher);
    }

    /// The build at start: everything, not interrupted.
    pub(crate) fn first_build(&mut self) {
        let changes = Changes {
            rescan: true,
            ..Changes::default()
        };
        // Nothing to keep responsive yet: use every core.
        let background = self.background.take();
        self.options
            .progress
            .start(crate::progress::Phase::Reading, 0);
        self.rebuild(changes, None, true);
        // Rebuilds are quick and each says what it did: no progress.
        self.options.progress = Default::default();
        self.background = background;
    }

    /// Rebuilds on every change until told to stop.
    pub(crate) fn run(mut self, signals: Receiver<Signal>) {
        loop {
            if self.pending.is_empty() {
                match signals.recv() {
                    Ok(s) => self.pending.add(&self.watched, s),
                    Err(_) => return,
                }
            }
            while let Ok(s) = signals.try_recv() {
                self.pending.add(&self.watched, s);
            }
            let changes = std::mem::take(&mut self.pending);
            if changes.stop {
                return;
            }
            if !changes.is_empty() {
                self.rebuild(changes, Some(&signals), false);
            }
        }
    }

    /// True when a change worth a rebuild (or a stop) arrived meanwhile.
    fn interrupted(&mut self, signals: Option<&Receiver<Signal>>) -> bool {
        let Some(rx) = signals else { return false };
        loop {
            match rx.try_recv() {
                Ok(s) => self.pending.add(&self.watched, s),
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => self.pending.stop = true,
            }
            if self.pending.stop {
                break;
            }
        }
        !self.pending.is_empty()
    }

    fn rebuild(&mut self, changes: Changes, signals: Option<&Receiver<Signal>>, first: bool) {
        let start = Instant::now();
        self.shared.write().busy = true;
        self.changed = 0;
        self.forget(&changes);
        let mut diags = Diagnostics::new();
        let Some(pages) = self.build(&changes, signals, &mut diags) else {
            return;
        };
        {
            let mut served = self.shared.write();
            served.busy = false;
            served.builds += 1;
        }
        (self.report)(&RebuildReport {
            published: !diags.has_errors(),
            diagnostics: diags,
            first,
            pages,
            changed: self.changed,
            elapsed: start.elapsed(),
        });
    }

    /// Lets the load cache forget what `changes` touched; the model of the
    /// last build goes back to it for the clubs that did not change.
    fn forget(&mut self, changes: &Changes) {
        if changes.rescan || changes.widest == Some(ChangeKind::Config) {
            self.cache.clear();
        }
        for p in &changes.paths {
            self.cache.invalidate(p);
        }
        if let Some(old) = self.site.take() {
            self.cache.recycle(old);
        }
    }

    /// Runs the pipeline and publishes its files: the pages of the site
    /// when it is good, 0 when it failed (the last good site is back),
    /// `None` when newer changes interrupted it.
    fn build(
        &mut self,
        changes: &Changes,
        signals: Option<&Receiver<Signal>>,
        diags: &mut Diagnostics,
    ) -> Option<usize> {
        let load = LoadOptions {
            drafts: self.options.drafts,
            exclude: self.options.exclude.clone(),
            cache: Some(self.cache.clone()),
            base_url: None,
            skip_broken_includes: self.options.skip_broken_includes,
            leave_out: Vec::new(),
        };
        let prepared = pipeline::prepare(&self.options.site, &load, diags);
        if let Some(p) = &prepared {
            self.follow(Roots::of(&p.site.config));
        }
        let outcome = match &prepared {
            Some(prepared) => self.render(prepared, changes, diags, signals),
            None => Outcome::Failed,
        };
        // The rules over the whole output run on every finished rebuild,
        // as in `build`: a broken link fails it too.
        self.site = prepared.map(|p| match outcome {
            Outcome::Interrupted => p.site,
            _ => p.finish(diags),
        });
        match outcome {
            Outcome::Interrupted => None,
            Outcome::Done(pages) if !diags.has_errors() => {
                self.succeed(changes.widest == Some(ChangeKind::Static));
                Some(pages)
            }
            _ => {
                self.fail(diags);
                Some(0)
            }
        }
    }

    /// Watches the folders the site is now read from (`include:` or the
    /// theme may have changed).
    fn follow(&mut self, roots: Roots) {
        if roots != self.watched {
            if let Some(w) = &mut self.watcher {
                w.follow(&roots.to_watch());
            }
            self.watched = roots;
        }
    }

    /// Renders `site` and publishes what changed: first the pages of the
    /// clubs that changed, then every page, looking for newer changes in
    /// between; last the other files, and what the site no longer has
    /// goes. Stops at the first pages that fail to render.
    fn render(
        &mut self,
        prepared: &Prepared,
        changes: &Changes,
        diags: &mut Diagnostics,
        signals: Option<&Receiver<Signal>>,
    ) -> Outcome {
        let options = RenderOptions {
            today: Date::today(),
            progress: self.options.progress.clone(),
        };
        let Some(pass) = Pass::new(prepared, &options, diags) else {
            return Outcome::Failed;
        };
        self.roots = files::roots(&prepared.site);
        let outcome = self.render_pass(&pass, &prepared.site, changes, diags, signals);
        // Freeing tens of thousands of tasks takes a while: not now.
        drop_later(pass.into_tasks());
        outcome
    }

    /// The pages of `pass`, the changed clubs' first, published chunk by
    /// chunk; then the other files.
    fn render_pass(
        &mut self,
        pass: &Pass<'_>,
        site: &Site,
        changes: &Changes,
        diags: &mut Diagnostics,
        signals: Option<&Receiver<Signal>>,
    ) -> Outcome {
        let first: Vec<PageTask> = changed_clubs(site, &changes.paths)
            .into_iter()
            .flat_map(|slug| pass.club_pages(slug))
            .collect();
        let first_refs: Vec<&PageTask> = first.iter().collect();
        if !self.render_and_publish(pass, &first_refs, diags) {
            return Outcome::Failed;
        }
        let done: HashSet<&str> = first.iter().map(PageTask::path).collect();
        let tasks = pass.tasks();
        let order = render_order(site, tasks, &done, &changes.paths);
        for chunk in order.chunks(CHUNK) {
            if self.interrupted(signals) {
                return Outcome::Interrupted;
            }
            let chunk: Vec<&PageTask> = chunk.iter().map(|&i| &tasks[i]).collect();
            if !self.render_and_publish(pass, &chunk, diags) {
                return Outcome::Failed;
            }
        }
        self.publish_the_rest(pass, diags)
    }

    /// Renders `tasks` (after the first ones on the background pool) and
    /// publishes them; false when a page failed to render or a file could
    /// not be captured. The problems go to `diags` as in `build`; a failure
    /// is shown at once: the rest of a large site would take long, and a
    /// template error repeats on every page anyway.
    fn render_and_publish(
        &mut self,
        pass: &Pass<'_>,
        tasks: &[&PageTask],
        diags: &mut Diagnostics,
    ) -> bool {
        let files = match &self.background {
            Some(pool) => pool.install(|| pass.render_tasks(tasks, diags)),
            None => pass.render_tasks(tasks, diags),
        };
        if diags.has_errors() {
            return false;
        }
        let paths = self.publish(files, diags);
        self.notify(paths);
        !diags.has_errors()
    }

    /// Publishes the files other than pages, and removes what the site no
    /// longer has.
    fn publish_the_rest(&mut self, pass: &Pass<'_>, diags: &mut Diagnostics) -> Outcome {
        let others = pass.other_files();
        let mut expected: HashSet<String> =
            pass.tasks().iter().map(|t| t.path().to_string()).collect();
        let pages = expected.len();
        expected.extend(others.iter().map(|f| f.path().to_string()));
        let mut paths = self.publish(others, diags);
        if diags.has_errors() {
            // A copied file that cannot be served safely fails the build,
            // as it fails `bitimger build`; fail() puts the old files back.
            return Outcome::Failed;
        }
        paths.extend(self.remove_all_but(&expected));
        self.notify(paths);
        Outcome::Done(pages)
    }
}

/// Drops `value` on another thread: freeing a whole site's worth of small
/// allocations would delay the next rebuild.
fn drop_later<T: Send + 'static>(value: T) {
    if std::thread::Builder::new()
        .name("bitimger free".into())
        .spawn(move || drop(value))
        .is_err()
    {
        // No thread: the value was moved into the failed closure and is
        // dropped with it, here.
    }
}

/// A pool with one thread less than the machine has (none on one core).
fn background_pool() -> Option<rayon::ThreadPool> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    (cores > 1)
        .then(|| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(cores - 1)
                .thread_name(|i| format!("bitimger render {i}"))
                .build()
                .ok()
        })
        .flatten()
}
