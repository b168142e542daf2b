//! The editors' loop: build the site in memory, serve it on a local port,
//! watch the site folder, rebuild on every change and reload the open
//! browser tabs. A bad edit never stops it: the last good site stays
//! served, with the problems shown over every page until they are fixed.
//!
//! Layer 7: imports `build`, `render`, `content`, `i18n`, `config`, `diag`,
//! `progress`.
//! Nothing here prints: what happens is reported through a callback.
//!
//! Threads: the HTTP server runs on a small tokio runtime; one rebuild
//! thread owns the [`state::ServeState`] and is the only writer of the
//! served files; the watcher's own thread sends it the changed paths.

mod changes;
mod classify;
mod files;
mod host;
mod http;
mod listen;
mod shared;
mod state;
mod watch;

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc;
use std::time::Duration;

pub use classify::{ChangeKind, classify};
pub use http::{Refusal, resolve_path};

use crate::diag::Diagnostics;

/// What to serve and how.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The site folder (with site.yaml).
    pub site: PathBuf,
    /// The interface to listen on; loopback unless asked otherwise.
    pub bind: IpAddr,
    /// The port; 0 picks a free one.
    pub port: u16,
    /// Include drafts.
    pub drafts: bool,
    /// Leave a directory's included folders with errors out of the site,
    /// with a warning, instead of failing it (`--skip-broken-includes`).
    pub skip_broken_includes: bool,
    /// Folders never read as content (e.g. the output folder of `build`).
    pub exclude: Vec<PathBuf>,
    /// How long the folder must be quiet before a rebuild starts.
    pub debounce: Duration,
    /// What misbehaving clients may hold of the server.
    pub limits: ServeLimits,
    /// Told how far the build at start has got (not the rebuilds).
    pub progress: crate::progress::ProgressHandle,
    /// The language of the error panel shown over the pages.
    pub lang: crate::messages::Lang,
}

/// Limits that keep the server answering the editor's browser when other
/// clients stall or flood it (see `docs/security.md`).
#[derive(Debug, Clone)]
pub struct ServeLimits {
    /// Connections open at once (lowered to fit the open-files limit);
    /// more wait until one closes.
    pub max_connections: usize,
    /// How long a client may take to send a request's headers; also how
    /// long an idle connection is kept open.
    pub header_timeout: Duration,
    /// How long a response may make no progress (the client does not
    /// read) before its connection is closed.
    pub write_timeout: Duration,
    /// Live-reload streams (one per open tab) open at once.
    pub max_event_streams: usize,
}

impl Default for ServeLimits {
    fn default() -> Self {
        ServeLimits {
            max_connections: 1024,
            header_timeout: Duration::from_secs(10),
            write_timeout: Duration::from_secs(30),
            max_event_streams: 64,
        }
    }
}

impl ServeOptions {
    /// Defaults for `site`: 127.0.0.1, port 1111, the panel in English
    /// (the command line chooses the teacher's language).
    pub fn new(site: PathBuf) -> Self {
        ServeOptions {
            site,
            bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: DEFAULT_PORT,
            drafts: false,
            skip_broken_includes: false,
            exclude: Vec::new(),
            debounce: Duration::from_millis(15),
            limits: ServeLimits::default(),
            progress: Default::default(),
            lang: crate::messages::Lang::En,
        }
    }
}

/// The tag an [`Extension`] adds to every page before `</body>`, given
/// the request path.
pub type PageTag = Arc<dyn Fn(&str) -> String + Send + Sync>;

/// What a higher layer adds to the preview (the editor of `serve --edit`,
/// src/editor/): its routes, a wrapper around every route (the editor's
/// token and cookie), and a tag on every page (its Edit button). `build`
/// never sees any of it.
pub struct Extension {
    /// Routes of its own, merged with the site's.
    pub router: axum::Router,
    /// Wraps the whole app (inside the Host check).
    pub wrap: Box<dyn FnOnce(axum::Router) -> axum::Router + Send>,
    /// Added to every page.
    pub page_tag: PageTag,
}

/// The port `serve` uses unless told otherwise.
pub const DEFAULT_PORT: u16 = 1111;

/// What one build or rebuild did.
#[derive(Debug)]
pub struct RebuildReport {
    /// Every problem found (errors mean nothing was published).
    pub diagnostics: Diagnostics,
    /// True for the build at start.
    pub first: bool,
    /// True when the new site replaced the served one.
    pub published: bool,
    /// Pages of the site.
    pub pages: usize,
    /// Files whose bytes changed (added and removed ones included).
    pub changed: usize,
    /// From the change reported by the watcher to the last file replaced.
    pub elapsed: Duration,
}

/// Why the server could not start.
#[derive(Debug)]
pub enum ServeError {
    /// Another program listens on the port.
    PortInUse(SocketAddr),
    /// The address cannot be used.
    Bind(SocketAddr, std::io::Error),
    /// The site folder cannot be watched.
    Watch(PathBuf, String),
    /// The server could not be started.
    Runtime(std::io::Error),
}

impl std::fmt::Display for ServeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ServeError::PortInUse(addr) => write!(
                f,
                "port {} is in use; try --port {}",
                addr.port(),
                addr.port().wrapping_add(1).max(1)
            ),
            ServeError::Bind(addr, e) => write!(f, "cannot listen on {addr}: {e}"),
            ServeError::Watch(dir, e) => {
                write!(f, "cannot watch {} for changes: {e}", dir.display())
            }
            ServeError::Runtime(e) => write!(f, "cannot start the server: {e}"),
        }
    }
}

impl std::error::Error for ServeError {}

/// How changes are noticed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Watching {
    /// The system tells of every change.
    Events,
    /// The folder is scanned twice a second (the system's watch limit was
    /// reached).
    Polling,
}

/// A running server; dropping it stops the server.
pub struct ServeHandle {
    addr: SocketAddr,
    watching: Watching,
    signals: mpsc::Sender<changes::Signal>,
    rebuild: Option<std::thread::JoinHandle<()>>,
    runtime: Option<tokio::runtime::Runtime>,
}

impl ServeHandle {
    /// The address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// How changes are noticed.
    pub fn watching(&self) -> Watching {
        self.watching
    }

    /// Blocks until the server stops (normally never).
    pub fn wait(mut self) {
        if let Some(t) = self.rebuild.take() {
            let _ = t.join();
        }
    }
}

impl Drop for ServeHandle {
    fn drop(&mut self) {
        let _ = self.signals.send(changes::Signal::Stop);
        if let Some(t) = self.rebuild.take() {
            let _ = t.join();
        }
        if let Some(rt) = self.runtime.take() {
            rt.shutdown_background();
        }
    }
}

/// Builds the site, starts watching it, and serves it. Returns once the
/// first build is done and the server listens, even when that build
/// failed (the pages then show the problems). `report` is called after
/// every build from the rebuild thread.
pub fn start(
    options: ServeOptions,
    report: impl FnMut(&RebuildReport) + Send + 'static,
) -> Result<ServeHandle, ServeError> {
    let listener = listen_on(&options)?;
    start_with(options, listener, report, None)
}

/// Binds the address of `options`: a caller that needs the address
/// before the server starts (the editor's checks) binds first.
pub fn listen_on(options: &ServeOptions) -> Result<std::net::TcpListener, ServeError> {
    let addr = SocketAddr::new(options.bind, options.port);
    std::net::TcpListener::bind(addr).map_err(|e| match e.kind() {
        std::io::ErrorKind::AddrInUse => ServeError::PortInUse(addr),
        _ => ServeError::Bind(addr, e),
    })
}

/// [`start`] on a bound `listener`, with what `extension` adds.
pub fn start_with(
    options: ServeOptions,
    listener: std::net::TcpListener,
    report: impl FnMut(&RebuildReport) + Send + 'static,
    extension: Option<Extension>,
) -> Result<ServeHandle, ServeError> {
    let addr = SocketAddr::new(options.bind, options.port);
    let addr = listener
        .local_addr()
        .map_err(|e| ServeError::Bind(addr, e))?;
    let mut options = options;
    options.site = std::path::absolute(&options.site).unwrap_or(options.site);
    options.site = options.site.canonicalize().unwrap_or(options.site);
    // Only a folder inside the site can be read as content; dropping the
    // others spares the loader a look at each club folder's real path.
    let site = options.site.clone();
    options.exclude.retain(|x| crate::fs::is_within(x, &site));
    let mut shared = shared::Shared::new(options.limits.max_event_streams, options.lang);
    shared.page_tag = extension.as_ref().map(|e| e.page_tag.clone());
    let shared = Arc::new(shared);
    let limits = options.limits.clone();
    let hosts = Arc::new(host::HostRules::new(options.bind));
    let (signals, receiver) = mpsc::channel();
    let (watcher, watching) = watch::watch(&options.site, options.debounce, signals.clone())?;
    let mut serve_state = state::ServeState::new(options, shared.clone(), Box::new(report));
    serve_state.watch_with(watcher);
    serve_state.first_build();
    let rebuild = std::thread::Builder::new()
        .name("bitimger rebuild".into())
        .spawn(move || {
            serve_state.run(receiver);
        })
        .map_err(ServeError::Runtime)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("bitimger http")
        .enable_all()
        .build()
        .map_err(ServeError::Runtime)?;
    listener
        .set_nonblocking(true)
        .map_err(ServeError::Runtime)?;
    let listener = {
        let _guard = runtime.enter();
        tokio::net::TcpListener::from_std(listener).map_err(ServeError::Runtime)?
    };
    let mut app = http::router(shared);
    if let Some(extension) = extension {
        app = (extension.wrap)(extension.router.merge(app));
    }
    let app = app.layer(axum::middleware::from_fn_with_state(
        hosts,
        host::check_host,
    ));
    runtime.spawn(listen::serve(listener, app, limits));
    Ok(ServeHandle {
        addr,
        watching,
        signals,
        rebuild: Some(rebuild),
        runtime: Some(runtime),
    })
}
