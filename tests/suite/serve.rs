//! `bitimger serve`: the real binary on an ephemeral loopback port, edits
//! made to the site folder, pages fetched over HTTP until they change.
//! Every wait has a deadline; the server is killed when a test ends.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use scraper::Html;

use crate::harness::{Page, SiteTest, bitimger};

/// How long anything may take before a test fails.
pub(crate) const DEADLINE: Duration = Duration::from_secs(30);

/// A running `bitimger serve`, killed on drop.
pub(crate) struct Server {
    child: Child,
    pub(crate) addr: String,
    stderr: Arc<Mutex<String>>,
}

/// One HTTP response.
pub(crate) struct Response {
    pub(crate) status: u16,
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) body: String,
}

impl Response {
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub(crate) fn page(&self, path: &str) -> Page {
        Page {
            html: Html::parse_document(&self.body),
            path: path.to_string(),
        }
    }
}

/// Sends `request` (the whole request, as written, the server closing the
/// connection after it) to `addr` and reads the answer.
pub(crate) fn exchange(addr: &str, request: &[u8]) -> Response {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream.set_read_timeout(Some(DEADLINE)).unwrap();
    stream.write_all(request).unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8_lossy(&raw).to_string();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    Response {
        status,
        headers,
        body: body.to_string(),
    }
}

impl Server {
    pub(crate) fn start(t: &SiteTest) -> Server {
        Self::start_at(&t.site)
    }

    /// Serves the site folder `site` (e.g. a directory beside its schools).
    pub(crate) fn start_at(site: &std::path::Path) -> Server {
        Self::start_with(site, &[])
    }

    /// Serves `site` with more arguments (`--lang ru`).
    pub(crate) fn start_with(site: &std::path::Path, args: &[&str]) -> Server {
        let mut child = bitimger()
            .args(["serve", "--port", "0"])
            .args(args)
            .arg(site)
            .env("NO_COLOR", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = Arc::new(Mutex::new(String::new()));
        let sink = stderr.clone();
        let mut err = child.stderr.take().unwrap();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = err.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        let (tx, rx) = mpsc::channel();
        let out = child.stdout.take().unwrap();
        std::thread::spawn(move || {
            let mut first = String::new();
            let _ = BufReader::new(out).read_line(&mut first);
            let _ = tx.send(first);
        });
        let mut server = Server {
            child,
            addr: String::new(),
            stderr,
        };
        let first = rx
            .recv_timeout(Duration::from_secs(120))
            .unwrap_or_default();
        // "Serving on http://…/" in the language of the run.
        let addr = first
            .trim()
            .split_once("http://")
            .and_then(|(_, a)| a.strip_suffix('/'))
            .unwrap_or_else(|| panic!("no address in {first:?}; stderr:\n{}", server.log()));
        server.addr = addr.to_string();
        server
    }

    /// The server's process id.
    pub(crate) fn pid(&self) -> u32 {
        self.child.id()
    }

    pub(crate) fn log(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// A GET of `path` sent exactly as written (no client normalization).
    pub(crate) fn get(&self, path: &str) -> Response {
        self.send(&format!(
            "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.addr
        ))
    }

    /// A GET of `path` (percent-encoded here) over HTTP/1.0, so no answer is
    /// chunked: (no chunked answers): status and body bytes.
    pub(crate) fn get_bytes(&self, path: &str) -> (u16, Vec<u8>) {
        let mut stream = TcpStream::connect(&self.addr).unwrap();
        stream.set_read_timeout(Some(DEADLINE)).unwrap();
        let request = format!(
            "GET {} HTTP/1.0\r\nHost: {}\r\n\r\n",
            encode(path),
            self.addr
        );
        stream.write_all(request.as_bytes()).unwrap();
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).unwrap();
        xtask::latency::status_and_body(&raw)
    }

    /// Sends `request` (the whole request, as written) and reads the answer.
    pub(crate) fn send(&self, request: &str) -> Response {
        exchange(&self.addr, request.as_bytes())
    }

    fn page(&self, path: &str) -> Page {
        self.get(path).page(path)
    }

    /// Polls until `check` holds for the page at `path`.
    #[track_caller]
    fn wait_for(&self, path: &str, what: &str, check: impl Fn(&Response) -> bool) -> Response {
        let deadline = Instant::now() + DEADLINE;
        loop {
            let r = self.get(path);
            if check(&r) {
                return r;
            }
            assert!(
                Instant::now() < deadline,
                "{path}: {what} did not happen within {DEADLINE:?}; server log:\n{}",
                self.log()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Percent-encodes what may not stand in a request line.
fn encode(path: &str) -> String {
    path.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn motto(r: &Response) -> String {
    r.page("").texts(".club-motto").join(" ")
}

fn has_overlay(r: &Response) -> bool {
    r.page("").count("#bitimger-overlay") == 1
}

#[test]
fn an_edit_changes_the_served_page() {
    let t = SiteTest::fixture("serve_school");
    let server = Server::start(&t);
    assert_eq!(motto(&server.get("/kk/")), "Бірінші ұран");
    t.edit("clubs/alpha/club.yaml", "Бірінші ұран", "Екінші ұран");
    server.wait_for("/kk/", "the new motto", |r| motto(r) == "Екінші ұран");
    assert!(!has_overlay(&server.get("/kk/")));
}

#[test]
fn saves_by_rename_and_by_delete_and_create_are_seen() {
    let t = SiteTest::fixture("serve_school");
    let server = Server::start(&t);
    let file = t.site.join("clubs/alpha/club.yaml");
    let text = t.read("clubs/alpha/club.yaml");
    let tmp = t.site.join("clubs/alpha/.club.yaml.swp");
    std::fs::write(&tmp, text.replace("Бірінші ұран", "Ауыстырылды")).unwrap();
    std::fs::rename(&tmp, &file).unwrap();
    server.wait_for("/kk/", "the renamed save", |r| motto(r) == "Ауыстырылды");
    std::fs::remove_file(&file).unwrap();
    std::fs::write(&file, text.replace("Бірінші ұран", "Қайта жазылды")).unwrap();
    server.wait_for("/kk/", "the re-created file", |r| {
        motto(r) == "Қайта жазылды" && !has_overlay(r)
    });
}

#[test]
fn an_invalid_edit_shows_the_overlay_over_the_last_good_page() {
    let t = SiteTest::fixture("serve_school");
    let server = Server::start(&t);
    t.edit("clubs/alpha/club.yaml", "motto:", "leaderz: [\nmotto:");
    let r = server.wait_for("/kk/", "the overlay", has_overlay);
    assert_eq!(motto(&r), "Бірінші ұран", "the last good page stays");
    let text = r.page("").text("#bitimger-overlay pre");
    assert!(text.contains("clubs/alpha/club.yaml:"), "{text}");
    let news = server.wait_for("/ru/", "the overlay on every page", has_overlay);
    assert_eq!(news.status, 200);
    assert!(
        server.log().contains("club.yaml"),
        "the terminal shows it too"
    );
}

#[test]
fn the_next_good_save_removes_the_overlay() {
    let t = SiteTest::fixture("serve_school");
    let server = Server::start(&t);
    let good = t.read("clubs/alpha/club.yaml");
    t.write("clubs/alpha/club.yaml", "name: [unclosed\n");
    server.wait_for("/kk/", "the overlay", has_overlay);
    t.write("clubs/alpha/club.yaml", &good.replace("Бірінші", "Жаңа"));
    server.wait_for("/kk/", "recovery", |r| {
        !has_overlay(r) && motto(r) == "Жаңа ұран"
    });
}

#[test]
fn bad_edits_of_every_kind_keep_the_server_serving() {
    let t = SiteTest::fixture("serve_school");
    let server = Server::start(&t);
    let site_yaml = t.read("site.yaml");
    let bad: [(&str, &[u8]); 5] = [
        ("templates/club.html", b"{% if %}"),
        (
            "templates/club.html",
            b"{% extends \"base.html\" %}{% block main %}{{ no_such.x }}{% endblock main %}",
        ),
        ("clubs/alpha/about.kk.md", &[0xff, 0xfe, 0x00, 0x01, 0x9c]),
        ("news/2025-01-01-half.kk.md", b"---\ntitle: \"half"),
        ("site.yaml", b"kind: school\nlanguages: [kk,"),
    ];
    for (path, bytes) in bad {
        t.write_bytes(path, bytes);
        let r = server.wait_for("/kk/", &format!("the overlay for {path}"), has_overlay);
        assert_eq!(
            motto(&r),
            "Бірінші ұран",
            "{path}: the last good page stays"
        );
        if path == "site.yaml" {
            t.write("site.yaml", &site_yaml);
        } else {
            t.remove(path);
        }
        server.wait_for("/kk/", &format!("recovery from {path}"), |r| {
            !has_overlay(r)
        });
    }
    t.remove("site.yaml");
    let r = server.wait_for("/kk/", "the overlay for a deleted site.yaml", has_overlay);
    assert!(
        r.page("")
            .text("#bitimger-overlay pre")
            .contains("site.yaml")
    );
    t.write("site.yaml", &site_yaml);
    server.wait_for("/kk/", "recovery", |r| !has_overlay(r));
}

#[test]
fn a_first_build_that_fails_still_serves_the_overlay() {
    let t = SiteTest::fixture("serve_school");
    t.write(
        "clubs/alpha/club.yaml",
        "name: Сенім\nschool: {name: X, region: nowhere}\n",
    );
    let server = Server::start(&t);
    let r = server.get("/kk/");
    assert!(has_overlay(&r), "{}", r.body);
    assert!(r.page("").text("#bitimger-overlay pre").contains("nowhere"));
    t.write(
        "clubs/alpha/club.yaml",
        "name: Сенім\nmotto: Түзелді\nschool: {name: X, region: astana}\n",
    );
    server.wait_for("/kk/", "the fixed site", |r| {
        r.status == 200 && !has_overlay(r) && motto(r) == "Түзелді"
    });
}

#[test]
fn deleting_a_club_removes_its_pages() {
    let t = SiteTest::fixture("serve_directory");
    let server = Server::start(&t);
    assert_eq!(server.get("/kk/clubs/beta/").status, 200);
    t.remove("clubs/beta");
    let r = server.wait_for("/kk/clubs/beta/", "404", |r| r.status == 404);
    assert_eq!(r.page("").lang(), "kk", "the language's 404 page");
    assert_eq!(server.get("/kk/clubs/alpha/").status, 200);
}

#[test]
fn a_new_club_folder_appears_with_its_files() {
    let t = SiteTest::fixture("serve_directory");
    let server = Server::start(&t);
    let text = t.read("clubs/alpha/club.yaml").replace("alpha", "gamma");
    t.write(
        "clubs/gamma/reports/2024-2025.md",
        "---\nyear: 2024-2025\nstatus: final\n---\nReport.\n",
    );
    t.write("clubs/gamma/club.yaml", &text);
    let r = server.wait_for("/kk/clubs/gamma/", "the new club", |r| r.status == 200);
    assert_eq!(r.page("").texts(".club-motto"), vec!["Motto of gamma"]);
    server.wait_for("/kk/clubs/gamma/reports/2024-2025/", "its report", |r| {
        r.status == 200
    });
}

#[test]
fn traversal_attempts_are_refused() {
    let t = SiteTest::fixture("serve_school");
    t.write("secret.txt", "the secret");
    let server = Server::start(&t);
    for path in [
        "/../secret.txt",
        "/kk/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/%2e%2e/etc/passwd",
        "/.%2e/secret.txt",
        "/%252e%252e/secret.txt",
        "/..%2fsecret.txt",
        "/..%5csecret.txt",
        "/..\\secret.txt",
        "/kk/..%255c..%255csecret.txt",
        "/site.yaml",
        "/clubs/alpha/club.yaml",
        "/../../../../../../etc/passwd",
    ] {
        let r = server.get(path);
        assert!(
            r.status == 400 || r.status == 404,
            "{path}: status {}",
            r.status
        );
        assert!(!r.body.contains("the secret"), "{path}");
        assert!(!r.body.contains("root:"), "{path}");
        assert!(!r.body.contains("region: karaganda"), "{path}");
    }
}

#[test]
fn unknown_paths_get_the_404_page() {
    let t = SiteTest::fixture("serve_school");
    let server = Server::start(&t);
    let r = server.get("/kk/no-such-page/");
    assert_eq!(r.status, 404);
    assert_eq!(r.page("").lang(), "kk");
    assert_eq!(server.get("/nothing-here.html").status, 404);
}

#[test]
fn files_have_their_content_types() {
    let t = SiteTest::fixture("serve_school");
    t.write("static/data.json", "{}");
    t.write("static/note.txt", "note");
    let server = Server::start(&t);
    for (path, ty) in [
        ("/", "text/html"),
        ("/kk/", "text/html"),
        ("/assets/style.css", "text/css"),
        ("/kk/news/atom.xml", "xml"),
        ("/data.json", "application/json"),
        ("/note.txt", "text/plain"),
        ("/__bitimger/reload.js", "text/javascript"),
    ] {
        let r = server.get(path);
        assert_eq!(r.status, 200, "{path}");
        let got = r.header("content-type").unwrap_or("");
        assert!(got.contains(ty), "{path}: {got}");
    }
    assert_eq!(
        server.get("/kk").status,
        308,
        "a folder without / is redirected"
    );
}

#[test]
fn only_serve_adds_the_reload_script() {
    let t = SiteTest::fixture("serve_school");
    t.build().ok();
    let built = t.page("kk/index.html");
    assert!(
        built
            .attrs("script", "src")
            .iter()
            .all(|s| !s.contains("__bitimger"))
    );
    let server = Server::start(&t);
    let served = server.page("/kk/");
    assert!(
        served
            .attrs("script", "src")
            .contains(&"/__bitimger/reload.js".to_string())
    );
}

#[test]
fn open_tabs_are_told_which_pages_changed() {
    let t = SiteTest::fixture("serve_school");
    let server = Server::start(&t);
    let mut events = TcpStream::connect(&server.addr).unwrap();
    events.set_read_timeout(Some(DEADLINE)).unwrap();
    write!(
        events,
        "GET /__bitimger/events HTTP/1.1\r\nHost: {}\r\n\r\n",
        server.addr
    )
    .unwrap();
    // The stream is open once its headers arrived.
    let mut reader = BufReader::new(events);
    let mut line = String::new();
    while reader.read_line(&mut line).unwrap() > 0 && line != "\r\n" {
        line.clear();
    }
    t.edit("clubs/alpha/club.yaml", "Бірінші ұран", "Жаңа ұран");
    let deadline = Instant::now() + DEADLINE;
    let mut seen = String::new();
    while !seen.contains("kk/index.html") {
        assert!(Instant::now() < deadline, "no reload event: {seen}");
        line.clear();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            break;
        }
        seen.push_str(&line);
    }
    assert!(seen.contains("event: reload"), "{seen}");
    assert!(seen.contains("\"kk/index.html\""), "{seen}");
}

#[test]
fn a_busy_port_gives_a_clear_message() {
    let t = SiteTest::fixture("serve_school");
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let mut child = bitimger()
        .args(["serve", "--port", &port.to_string()])
        .arg(&t.site)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + DEADLINE;
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("serve did not stop on a busy port");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert_eq!(status.code(), Some(2), "{err}");
    let want = format!("port {port} is in use; try --port {}", port + 1);
    assert!(err.contains(&want), "{err}");
}

#[test]
fn a_theme_folder_outside_the_site_is_watched() {
    let t = SiteTest::fixture("serve_school");
    let templates = t.dir().join("theme/templates");
    std::fs::create_dir_all(&templates).unwrap();
    let page =
        std::fs::read_to_string(crate::harness::repo().join("themes/default/templates/404.html"))
            .unwrap();
    let with = |mark: &str| page.replace("<h1>", &format!("<p id=\"mark\">{mark}</p><h1>"));
    std::fs::write(templates.join("404.html"), with("Бірінші")).unwrap();
    t.edit("site.yaml", "kind: school", "kind: school\ntheme: ../theme");
    let server = Server::start(&t);
    let mark = |r: &Response| r.page("").text("#mark");
    assert_eq!(mark(&server.get("/nowhere")), "Бірінші");
    std::fs::write(templates.join("404.html"), with("Екінші")).unwrap();
    server.wait_for("/nowhere", "the edited theme", |r| mark(r) == "Екінші");
}

#[test]
fn the_logo_is_served_as_build_writes_it_and_a_script_added_to_it_is_refused() {
    let t = SiteTest::fixture("serve_school");
    let site = t.read("site.yaml");
    t.write(
        "site.yaml",
        &format!("{site}style:\n  logo: static/logo.svg\n"),
    );
    let drawing = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 8 8\">\n<rect width=\"8\" height=\"8\"/>\n</svg>\n";
    t.write("static/logo.svg", drawing);
    t.build().ok();
    let server = Server::start(&t);
    let built = std::fs::read(t.out_path("assets/logo.svg")).unwrap();
    assert_eq!(server.get_bytes("/assets/logo.svg"), (200, built));
    let src = |page: &Page| page.attrs(".site-title img.site-logo", "src");
    assert_eq!(src(&server.page("/kk/")), src(&t.page("kk/index.html")));
    t.edit("static/logo.svg", "<rect ", "<rect onclick=\"x()\" ");
    let r = server.wait_for("/kk/", "the overlay", has_overlay);
    let text = r.page("").text("#bitimger-overlay pre");
    assert!(text.contains("static/logo.svg:2"), "{text}");
    assert_eq!(src(&r.page("kk/index.html")), src(&t.page("kk/index.html")));
    t.write("static/logo.svg", drawing);
    server.wait_for("/kk/", "no overlay", |r| !has_overlay(r));
}
