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
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::sync::{Arc, RwLock};
use std::time::Instant;

use bytes::Bytes;
use tokio::sync::{Semaphore, broadcast};

use super::classify::{ChangeKind, Roots};
use super::files::{self, Copied};
use super::watch::Watcher;
use super::{RebuildReport, ServeOptions, http};
use crate::build::{Pass, Prepared, pipeline};
use crate::content::{LoadCache, LoadOptions, Site};
use crate::diag::Diagnostics;
use crate::fs::is_within;
use crate::render::{OutputFile, PageTask, RenderOptions};
use crate::types::Date;

/// Pages rendered between two looks for newer changes.
const CHUNK: usize = 4;

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

/// What a served path holds.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Body {
    /// Bytes in memory.
    Bytes(Bytes),
    /// A file published as it is (static/, documents/), captured by the
    /// build (never a path read again at request time).
    Copied(Arc<Copied>),
}

/// Which open tabs should reload.
#[derive(Debug, Clone)]
pub(crate) enum Reload {
    /// Every tab (the overlay came or went, a style sheet changed).
    All,
    /// Tabs showing one of these output paths.
    Paths(Arc<Vec<String>>),
}

/// What the HTTP side reads.
#[derive(Debug, Default)]
pub(crate) struct Served {
    /// Output path → content.
    pub files: HashMap<String, Body>,
    /// The problems of the last build, as HTML to show over every page.
    pub overlay: Option<Arc<str>>,
    /// Builds finished (good or failed).
    pub builds: u64,
    /// True while a build runs.
    pub busy: bool,
}

/// Shared between the rebuild thread (the only writer) and the server.
pub(crate) struct Shared {
    pub served: RwLock<Served>,
    pub reload: broadcast::Sender<Reload>,
    /// Live-reload streams that may be open at once (one per open tab).
    pub event_streams: Arc<Semaphore>,
}

impl Shared {
    pub(crate) fn new(max_event_streams: usize) -> Self {
        Shared {
            served: RwLock::new(Served {
                busy: true,
                ..Served::default()
            }),
            reload: broadcast::channel(64).0,
            event_streams: Arc::new(Semaphore::new(max_event_streams)),
        }
    }

    pub(crate) fn read(&self) -> std::sync::RwLockReadGuard<'_, Served> {
        self.served.read().unwrap_or_else(|e| e.into_inner())
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, Served> {
        self.served.write().unwrap_or_else(|e| e.into_inner())
    }

    fn notify(&self, reload: Reload) {
        // No open tab means no receiver; nothing to do then.
        let _ = self.reload.send(reload);
    }
}

/// The paths changed since the last rebuild.
#[derive(Debug, Default)]
struct Changes {
    paths: Vec<PathBuf>,
    widest: Option<ChangeKind>,
    rescan: bool,
    stop: bool,
}

impl Changes {
    fn add(&mut self, roots: &Roots, signal: Signal) {
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

    fn is_empty(&self) -> bool {
        self.paths.is_empty() && !self.rescan && !self.stop
    }
}

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
        if changes.rescan || changes.widest == Some(ChangeKind::Config) {
            self.cache.clear();
        }
        for p in &changes.paths {
            self.cache.invalidate(p);
        }
        if let Some(old) = self.site.take() {
            self.cache.recycle(old);
        }
        let load = LoadOptions {
            drafts: self.options.drafts,
            exclude: self.options.exclude.clone(),
            cache: Some(self.cache.clone()),
        };
        let mut diags = Diagnostics::new();
        let prepared = pipeline::prepare(&self.options.site, &load, &mut diags);
        if let Some(p) = &prepared {
            self.follow(Roots::of(&p.site.config));
        }
        let outcome = match &prepared {
            Some(prepared) => self.render(prepared, &changes, &mut diags, signals),
            None => Outcome::Failed,
        };
        // The rules over the whole output run on every finished rebuild,
        // as in `build`: a broken link fails it too.
        let done = matches!(outcome, Outcome::Done(_));
        self.site = prepared.map(|p| match outcome {
            Outcome::Interrupted => p.site,
            _ => p.finish(&mut diags),
        });
        let outcome = match outcome {
            Outcome::Done(_) if diags.has_errors() => Outcome::Failed,
            other => other,
        };
        debug_assert!(done || !matches!(outcome, Outcome::Done(_)));
        let pages = match outcome {
            Outcome::Interrupted => return,
            Outcome::Failed => {
                self.fail(&diags);
                0
            }
            Outcome::Done(pages) => {
                self.succeed(changes.widest == Some(ChangeKind::Static));
                pages
            }
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
        let site = &prepared.site;
        let options = RenderOptions {
            today: Date::today(),
            progress: self.options.progress.clone(),
        };
        let Some(renderer) = Pass::new(prepared, &options, diags) else {
            return Outcome::Failed;
        };
        self.roots = files::roots(site);
        let mut page_diags = Diagnostics::new();
        let first: Vec<PageTask> = changed_clubs(site, &changes.paths)
            .into_iter()
            .flat_map(|slug| renderer.club_pages(slug))
            .collect();
        let first_refs: Vec<&PageTask> = first.iter().collect();
        let files = renderer.render_tasks(&first_refs, &mut page_diags);
        if page_diags.has_errors() {
            diags.extend(page_diags);
            return Outcome::Failed;
        }
        let paths = self.publish(files, &mut page_diags);
        self.notify(paths);
        let done: HashSet<&str> = first.iter().map(PageTask::path).collect();
        let tasks = renderer.tasks();
        let order = render_order(site, tasks, &done, &changes.paths);
        for chunk in order.chunks(CHUNK) {
            if self.interrupted(signals) {
                // Freeing tens of thousands of tasks takes a while: not now.
                drop_later(renderer.into_tasks());
                return Outcome::Interrupted;
            }
            let chunk: Vec<&PageTask> = chunk.iter().map(|&i| &tasks[i]).collect();
            let files = match &self.background {
                Some(pool) => pool.install(|| renderer.render_tasks(&chunk, &mut page_diags)),
                None => renderer.render_tasks(&chunk, &mut page_diags),
            };
            if page_diags.has_errors() {
                // Shown at once: the rest of a large site would take long,
                // and a template error repeats on every page anyway.
                diags.extend(page_diags);
                drop_later(renderer.into_tasks());
                return Outcome::Failed;
            }
            let paths = self.publish(files, &mut page_diags);
            self.notify(paths);
        }
        let others = renderer.other_files();
        let mut expected: HashSet<String> = tasks.iter().map(|t| t.path().to_string()).collect();
        let pages = expected.len();
        expected.extend(others.iter().map(|f| f.path().to_string()));
        let mut paths = self.publish(others, diags);
        if diags.has_errors() {
            // A copied file that cannot be served safely fails the build,
            // as it fails `bitimger build`; fail() puts the old files back.
            drop_later(renderer.into_tasks());
            return Outcome::Failed;
        }
        paths.extend(self.remove_all_but(&expected));
        self.notify(paths);
        drop_later(renderer.into_tasks());
        Outcome::Done(pages)
    }

    /// Replaces the files whose bytes differ; returns their paths. A
    /// copied file that cannot be captured is reported and left out.
    fn publish(&mut self, files: Vec<OutputFile>, diags: &mut Diagnostics) -> Vec<String> {
        let changed: Vec<(String, Body)> = {
            let served = self.shared.read();
            let mut changed = Vec::new();
            for file in files {
                let previous = served.files.get(file.path());
                match files::body_of(file, previous, &self.roots) {
                    Ok((path, body)) if previous != Some(&body) => changed.push((path, body)),
                    Ok(_) => {}
                    Err(d) => diags.push(d),
                }
            }
            changed
        };
        if changed.is_empty() {
            return Vec::new();
        }
        let mut served = self.shared.write();
        let mut paths = Vec::with_capacity(changed.len());
        for (path, body) in changed {
            let old = served.files.insert(path.clone(), body);
            self.provisional.entry(path.clone()).or_insert(old);
            paths.push(path);
        }
        paths
    }

    /// Removes the files the site no longer has (a deleted club's pages).
    fn remove_all_but(&mut self, expected: &HashSet<String>) -> Vec<String> {
        let gone: Vec<String> = {
            let served = self.shared.read();
            served
                .files
                .keys()
                .filter(|p| !expected.contains(*p))
                .cloned()
                .collect()
        };
        let mut served = self.shared.write();
        for path in &gone {
            let old = served.files.remove(path);
            self.provisional.entry(path.clone()).or_insert(old);
        }
        gone
    }

    fn notify(&mut self, paths: Vec<String>) {
        if !paths.is_empty() {
            self.changed += paths.len();
            self.shared.notify(Reload::Paths(Arc::new(paths)));
        }
    }

    /// A good build: it becomes the site to go back to; the overlay goes.
    fn succeed(&mut self, styles_changed: bool) {
        self.provisional.clear();
        let had_overlay = self.shared.write().overlay.take().is_some();
        if had_overlay || styles_changed {
            self.shared.notify(Reload::All);
        }
    }

    /// A failed build: the last good site comes back, under the overlay.
    fn fail(&mut self, diags: &Diagnostics) {
        let base = std::env::current_dir().unwrap_or_default();
        let overlay = http::overlay(&diags.render_text(&base, false), diags.error_count());
        let mut served = self.shared.write();
        for (path, old) in self.provisional.drain() {
            match old {
                Some(body) => served.files.insert(path, body),
                None => served.files.remove(&path),
            };
        }
        served.overlay = Some(overlay.into());
        drop(served);
        self.changed = 0;
        self.shared.notify(Reload::All);
    }
}

/// The order to render `tasks` in, skipping those `done`: the site's own
/// pages first when a file outside the clubs changed.
fn render_order(
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

/// The clubs with a changed file (or folder) inside.
fn changed_clubs<'a>(site: &'a Site, changed: &[PathBuf]) -> Vec<&'a str> {
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
