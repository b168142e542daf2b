//! Browser helpers for any test module: a static file server for a built
//! site on 127.0.0.1, and headless Debian chromium driven through
//! chromedriver (WebDriver, with fantoccini) behind a small blocking API.
//!
//! When chromium or chromedriver is missing, [`Browser::start`] prints why
//! and returns `None`, so the test skips; with `BITIMGER_REQUIRE_BROWSER=1`
//! (set by .ci/run) it fails instead. `BITIMGER_CHROMIUM` and
//! `BITIMGER_CHROMEDRIVER` name other binaries. One browser runs at a time.

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::Value;
use tempfile::TempDir;

/// Longest time any single browser step may take.
const STEP: Duration = Duration::from_secs(30);

// ------------------------------------------------------------ the server

/// Serves a folder over HTTP on 127.0.0.1 until dropped.
pub struct StaticServer {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl StaticServer {
    /// Serves `root` on a free port.
    pub fn start(root: &Path) -> StaticServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let addr = listener.local_addr().unwrap();
        let stop = Arc::new(AtomicBool::new(false));
        let (root, flag) = (root.to_path_buf(), stop.clone());
        let thread = std::thread::spawn(move || {
            for stream in listener.incoming() {
                if flag.load(Ordering::SeqCst) {
                    break;
                }
                if let Ok(stream) = stream {
                    let root = root.clone();
                    std::thread::spawn(move || serve(stream, &root));
                }
            }
        });
        StaticServer {
            addr,
            stop,
            thread: Some(thread),
        }
    }

    /// The URL of `path` (e.g. "kk/index.html") on this server.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}/{}", self.addr, path.trim_start_matches('/'))
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(self.addr);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn serve(mut stream: TcpStream, root: &Path) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut line = String::new();
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    if reader.read_line(&mut line).is_err() {
        return;
    }
    // Skip the headers.
    let mut header = String::new();
    while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
        header.clear();
    }
    let path = line.split_whitespace().nth(1).unwrap_or("/");
    let path = path.split(['?', '#']).next().unwrap_or("/");
    let mut file = root.join(path.trim_start_matches('/'));
    if path.ends_with('/') {
        file = file.join("index.html");
    }
    let body = if path.contains("..") {
        None
    } else {
        std::fs::read(&file).ok()
    };
    let (status, body) = match body {
        Some(b) => ("200 OK", b),
        None => ("404 Not Found", b"not found".to_vec()),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        content_type(&file),
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "xml" => "application/xml",
        "csv" => "text/csv; charset=utf-8",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        _ => "application/octet-stream",
    }
}

// ----------------------------------------------------------- the browser

static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// The one-browser-at-a-time turn, for a browser started another way (the
/// product checks run chromium from node); held until dropped.
pub fn one_at_a_time() -> MutexGuard<'static, ()> {
    ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner())
}

/// Headless chromium under chromedriver, closed when dropped.
pub struct Browser {
    client: Option<Client>,
    driver: Child,
    rt: tokio::runtime::Runtime,
    _profile: TempDir,
    _turn: MutexGuard<'static, ()>,
}

fn find_binary(env: &str, names: &[&str]) -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(env) {
        return Some(PathBuf::from(p)).filter(|p| p.is_file());
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
        .find(|p| p.is_file())
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

impl Browser {
    /// Starts the browser; `None` (after printing why) when chromium or
    /// chromedriver is not installed, unless BITIMGER_REQUIRE_BROWSER=1.
    pub fn start() -> Option<Browser> {
        Browser::start_with(true)
    }

    /// Starts the browser with JavaScript switched off in its settings.
    pub fn start_without_javascript() -> Option<Browser> {
        Browser::start_with(false)
    }

    fn start_with(javascript: bool) -> Option<Browser> {
        let chromium = find_binary("BITIMGER_CHROMIUM", &["chromium", "chromium-browser"]);
        let driver = find_binary("BITIMGER_CHROMEDRIVER", &["chromedriver"]);
        let (Some(chromium), Some(driver)) = (chromium, driver) else {
            let why = "chromium or chromedriver is not installed (apt-get install chromium chromium-driver)";
            if std::env::var("BITIMGER_REQUIRE_BROWSER").is_ok_and(|v| v == "1") {
                panic!("browser tests are required (BITIMGER_REQUIRE_BROWSER=1), but {why}");
            }
            // Straight to stderr, past the test harness's capture, so the
            // skip shows in a normal `cargo test` run (once).
            static SAID: std::sync::Once = std::sync::Once::new();
            SAID.call_once(|| {
                let _ = writeln!(std::io::stderr(), "skipping browser tests: {why}");
            });
            return None;
        };
        let turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
        let port = free_port();
        let mut child = Command::new(driver)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if Instant::now() > deadline {
                let _ = child.kill();
                panic!("chromedriver did not listen on port {port} within 20 s");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let profile = tempfile::tempdir().unwrap();
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let caps = capabilities(&chromium, profile.path(), javascript);
        let mut builder =
            ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new());
        builder.capabilities(caps);
        let url = format!("http://127.0.0.1:{port}");
        let client =
            match rt.block_on(async { tokio::time::timeout(STEP, builder.connect(&url)).await }) {
                Ok(Ok(c)) => c,
                other => {
                    let _ = child.kill();
                    panic!("could not start chromium through chromedriver: {other:?}");
                }
            };
        Some(Browser {
            client: Some(client),
            driver: child,
            rt,
            _profile: profile,
            _turn: turn,
        })
    }

    fn client(&self) -> &Client {
        self.client.as_ref().expect("browser is open")
    }

    fn run<T, E: std::fmt::Debug>(
        &self,
        what: &str,
        f: impl std::future::Future<Output = Result<T, E>>,
    ) -> T {
        match self
            .rt
            .block_on(async { tokio::time::timeout(STEP, f).await })
        {
            Ok(Ok(v)) => v,
            Ok(Err(e)) => panic!("browser: {what}: {e:?}"),
            Err(_) => panic!("browser: {what}: no answer within {STEP:?}"),
        }
    }

    /// Opens `url` and waits for the page to load.
    pub fn open(&self, url: &str) {
        self.run(&format!("open {url}"), self.client().goto(url));
    }

    /// The address of the page shown now (read without JavaScript).
    pub fn current_url(&self) -> String {
        self.run("current url", self.client().current_url())
            .to_string()
    }

    /// Presses `key` on the element that has the focus (the page when none).
    pub fn press(&self, key: fantoccini::key::Key) {
        let el = self.run("find the focus", self.client().active_element());
        self.run("press a key", el.send_keys(&key.to_string()));
    }

    /// Runs JavaScript in the page (`arguments[0]`... are `args`) and
    /// returns its result.
    pub fn execute(&self, script: &str, args: Vec<Value>) -> Value {
        self.run("execute script", self.client().execute(script, args))
    }

    /// Types `text` into the element matching `css`.
    pub fn type_into(&self, css: &str, text: &str) {
        let el = self.run(
            &format!("find {css}"),
            self.client().find(Locator::Css(css)),
        );
        self.run(&format!("type into {css}"), el.send_keys(text));
    }

    /// Clears the input matching `css`.
    pub fn clear(&self, css: &str) {
        let el = self.run(
            &format!("find {css}"),
            self.client().find(Locator::Css(css)),
        );
        self.run(&format!("clear {css}"), el.clear());
    }

    /// Clicks the element matching `css`.
    pub fn click(&self, css: &str) {
        let el = self.run(
            &format!("find {css}"),
            self.client().find(Locator::Css(css)),
        );
        self.run(&format!("click {css}"), el.click());
    }

    /// Chooses the option with `value` in the select matching `css`.
    pub fn select(&self, css: &str, value: &str) {
        let el = self.run(
            &format!("find {css}"),
            self.client().find(Locator::Css(css)),
        );
        self.run(
            &format!("select {value} in {css}"),
            el.select_by_value(value),
        );
    }

    /// The rendered text of every visible element matching `css`.
    pub fn visible_texts(&self, css: &str) -> Vec<String> {
        let v = self.execute(
            "return Array.from(document.querySelectorAll(arguments[0])).filter(e => e.getClientRects().length > 0).map(e => e.innerText.trim());",
            vec![Value::from(css)],
        );
        serde_json::from_value(v).unwrap_or_default()
    }

    /// Values of `attr` on every visible element matching `css`.
    pub fn visible_attrs(&self, css: &str, attr: &str) -> Vec<String> {
        let v = self.execute(
            "return Array.from(document.querySelectorAll(arguments[0])).filter(e => e.getClientRects().length > 0).map(e => e.getAttribute(arguments[1]));",
            vec![Value::from(css), Value::from(attr)],
        );
        serde_json::from_value(v).unwrap_or_default()
    }

    /// Waits until the JavaScript expression `condition` is true; false
    /// after `within`.
    pub fn wait_until(&self, condition: &str, within: Duration) -> bool {
        let deadline = Instant::now() + within;
        let script = format!("return !!({condition});");
        while Instant::now() < deadline {
            if self.execute(&script, vec![]) == Value::Bool(true) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        false
    }
}

fn capabilities(
    chromium: &Path,
    profile: &Path,
    javascript: bool,
) -> serde_json::Map<String, Value> {
    let args = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1200,900",
    ]
    .iter()
    .map(|a| Value::from(*a))
    .chain(std::iter::once(Value::from(format!(
        "--user-data-dir={}",
        profile.display()
    ))))
    .collect::<Vec<_>>();
    let mut caps = serde_json::Map::new();
    // Chromium's content setting: 2 blocks JavaScript on every page.
    let prefs = serde_json::json!({
        "profile.managed_default_content_settings.javascript": if javascript { 1 } else { 2 }
    });
    caps.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({"binary": chromium.display().to_string(), "args": args, "prefs": prefs}),
    );
    caps
}

impl Drop for Browser {
    fn drop(&mut self) {
        if let Some(client) = self.client.take() {
            let close =
                async { tokio::time::timeout(Duration::from_secs(10), client.close()).await };
            let _ = self.rt.block_on(close);
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}
