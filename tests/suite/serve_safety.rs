//! `bitimger serve` against hostile input: files swapped for links out of
//! the site, request paths that try to leave it, foreign Host names (DNS
//! rebinding), large files, and clients that stall or stop reading. The
//! real binary where the defaults matter; the library with small limits
//! where waiting for the default timeouts would make slow tests.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::time::{Duration, Instant};

use bitimger::serve::{ServeHandle, ServeLimits, ServeOptions};

use crate::harness::SiteTest;
use crate::serve::{DEADLINE, Server};

const SECRET: &str = "TOP-SECRET-PASSWORD";

/// The served site's /__bitimger/status.
fn status(server: &Server) -> serde_json::Value {
    serde_json::from_str(&server.get("/__bitimger/status").body).unwrap()
}

/// Replaces `path` by a link to `target` in one step (rename), so no
/// rebuild sees the file missing.
#[cfg(unix)]
fn swap_for_link(path: &Path, target: &Path) {
    let tmp = path.with_extension("swap");
    std::os::unix::fs::symlink(target, &tmp).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

#[cfg(unix)]
#[test]
fn files_swapped_for_links_out_of_the_site_are_never_served() {
    let t = SiteTest::fixture("serve_school");
    let private = t.dir().join("private");
    std::fs::create_dir_all(&private).unwrap();
    // Large enough to be streamed from disk rather than held in memory.
    let big_secret = format!("{SECRET}\n").repeat(40_000);
    std::fs::write(private.join("secret.txt"), &big_secret).unwrap();
    std::fs::write(private.join("c.txt"), SECRET).unwrap();
    let big = "b".repeat(600_000);
    t.write("static/a.txt", "small file");
    t.write("static/big.txt", &big);
    t.write("static/sub/c.txt", "in a folder");
    t.write("documents/documents.yaml", "- file: order.txt\n  title: {kk: Бұйрық, ru: Приказ}\n  date: 2025-01-10\n  number: \"1\"\n");
    t.write("documents/order.txt", "the order");
    let server = Server::start(&t);
    assert_eq!(server.get("/a.txt").body, "small file");
    assert_eq!(server.get("/big.txt").body, big);
    assert_eq!(server.get("/sub/c.txt").body, "in a folder");
    assert_eq!(
        server.get("/documents/order.txt").body,
        "the order",
        "{}",
        server.log()
    );
    let builds = status(&server)["builds"].as_u64().unwrap();

    let secret = private.join("secret.txt");
    swap_for_link(&t.site.join("static/a.txt"), &secret);
    swap_for_link(&t.site.join("static/big.txt"), &secret);
    swap_for_link(&t.site.join("documents/order.txt"), &secret);
    std::fs::rename(t.site.join("static/sub"), t.dir().join("old-sub")).unwrap();
    std::os::unix::fs::symlink(&private, t.site.join("static/sub")).unwrap();

    // Asked again and again from the swap until the rebuild that refuses
    // the links is done, and after: the secret never comes out.
    let deadline = Instant::now() + DEADLINE;
    let mut rounds_after = 0;
    while rounds_after < 5 {
        for path in ["/a.txt", "/big.txt", "/sub/c.txt", "/documents/order.txt"] {
            let r = server.get(path);
            assert!(!r.body.contains(SECRET), "{path} served the secret");
        }
        let s = status(&server);
        if s["builds"].as_u64().unwrap() > builds && s["failed"] == true {
            rounds_after += 1;
        }
        assert!(
            Instant::now() < deadline,
            "no failed rebuild; log:\n{}",
            server.log()
        );
    }
    assert!(
        server.log().contains("file/link-outside"),
        "{}",
        server.log()
    );
    // The last good version stays served where it was held in memory.
    assert_eq!(server.get("/a.txt").body, "small file");
    assert_eq!(server.get("/documents/order.txt").body, "the order");
}

#[test]
fn request_paths_never_reach_outside_the_built_site() {
    let t = SiteTest::fixture("serve_school");
    t.write("secret.txt", "the secret");
    let server = Server::start(&t);
    let site = t.site.canonicalize().unwrap();
    let addr = &server.addr;
    let targets = [
        "/etc/passwd".to_string(),
        "//etc/passwd".to_string(),
        "/%2Fetc%2Fpasswd".to_string(),
        format!("{}/secret.txt", site.display()),
        format!("/{}/site.yaml", site.display()),
        "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd".to_string(),
        "/.%2E/.%2E/secret.txt".to_string(),
        "/%2e%2e%2fsecret.txt".to_string(),
        "/..%c0%af..%c0%afsecret.txt".to_string(),
        "/static/../secret.txt".to_string(),
        "/..;/secret.txt".to_string(),
        "/%5c..%5csecret.txt".to_string(),
        "/\\..\\secret.txt".to_string(),
        "/C:\\Windows\\win.ini".to_string(),
        "/C:/Windows/win.ini".to_string(),
        format!("http://{addr}/../secret.txt"),
        format!("http://{addr}/%2e%2e/%2e%2e/etc/passwd"),
        format!("http://{addr}{}/secret.txt", site.display()),
    ];
    for target in &targets {
        let r = server.send(&format!(
            "GET {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
        ));
        assert!(
            r.status == 400 || r.status == 404,
            "{target}: status {}",
            r.status
        );
        assert!(!r.body.contains("the secret"), "{target}");
        assert!(!r.body.contains("root:"), "{target}");
        assert!(!r.body.contains("region: karaganda"), "{target}");
    }
}

#[test]
fn requests_for_another_host_name_are_refused() {
    let t = SiteTest::fixture("serve_school");
    let server = Server::start(&t);
    let addr = &server.addr;
    let port = addr.rsplit_once(':').unwrap().1;
    let ask = |target: &str, host: &str| {
        server.send(&format!(
            "GET {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
        ))
    };
    for host in [
        "evil.example".to_string(),
        format!("evil.example:{port}"),
        format!("127.0.0.1.nip.io:{port}"),
        format!("localhost.evil.example:{port}"),
    ] {
        for path in [
            "/",
            "/kk/",
            "/assets/style.css",
            "/__bitimger/status",
            "/__bitimger/events",
        ] {
            let r = ask(path, &host);
            assert_eq!(r.status, 403, "{host} {path}");
            assert!(
                r.body
                    .contains("answers only to the addresses of this computer"),
                "{host} {path}"
            );
            assert!(!r.body.contains("<html"), "{host} {path}");
        }
    }
    let absolute = ask("http://evil.example/kk/", addr);
    assert_eq!(absolute.status, 403, "an absolute URL naming another site");
    for host in [
        addr.to_string(),
        format!("localhost:{port}"),
        "localhost".to_string(),
    ] {
        assert_eq!(ask("/kk/", &host).status, 200, "{host}");
    }
}

/// Starts serve in this process with `limits`; the first build is done.
fn start_with(t: &SiteTest, limits: ServeLimits) -> ServeHandle {
    let mut options = ServeOptions::new(t.site.clone());
    options.port = 0;
    options.limits = limits;
    bitimger::serve::start(options, |_| {}).unwrap()
}

/// Opens a connection that sends half a request, then nothing.
fn stalled(addr: &str) -> TcpStream {
    let mut s = TcpStream::connect(addr).unwrap();
    s.write_all(b"GET /kk/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        .unwrap();
    s
}

/// The status of a GET of `path`, and the body's length.
fn get(addr: &str, path: &str) -> (u16, usize) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(DEADLINE)).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8_lossy(&raw);
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = text.split_once("\r\n\r\n").map_or(0, |(_, b)| b.len());
    (status, body)
}

#[test]
fn stalled_connections_do_not_delay_other_requests() {
    let t = SiteTest::fixture("serve_school");
    let server = Server::start(&t);
    let held: Vec<TcpStream> = (0..300).map(|_| stalled(&server.addr)).collect();
    let start = Instant::now();
    let r = server.get("/kk/");
    assert_eq!(r.status, 200);
    // Well under the header timeout (10 s): nothing waited for a stalled
    // connection to be closed.
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "{:?}",
        start.elapsed()
    );
    drop(held);
}

#[test]
fn a_connection_that_never_finishes_its_headers_is_closed() {
    let t = SiteTest::fixture("serve_school");
    let limits = ServeLimits {
        header_timeout: Duration::from_secs(1),
        ..ServeLimits::default()
    };
    let handle = start_with(&t, limits);
    let mut s = stalled(&handle.addr().to_string());
    s.set_read_timeout(Some(DEADLINE)).unwrap();
    let mut rest = Vec::new();
    match s.read_to_end(&mut rest) {
        Ok(_) => {} // closed (possibly after a 408)
        Err(e) => assert_eq!(e.kind(), std::io::ErrorKind::ConnectionReset, "{e}"),
    }
}

#[test]
fn a_full_server_answers_once_stalled_connections_time_out() {
    let t = SiteTest::fixture("serve_school");
    let limits = ServeLimits {
        max_connections: 4,
        header_timeout: Duration::from_secs(1),
        ..ServeLimits::default()
    };
    let handle = start_with(&t, limits);
    let addr = handle.addr().to_string();
    let held: Vec<TcpStream> = (0..12).map(|_| stalled(&addr)).collect();
    assert_eq!(get(&addr, "/kk/").0, 200);
    drop(held);
}

/// A sparse file of `len` bytes with `marks` written at their offsets.
fn sparse(path: &Path, len: u64, marks: &[(u64, &[u8])]) {
    use std::io::{Seek, SeekFrom};
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let mut f = std::fs::File::create(path).unwrap();
    f.set_len(len).unwrap();
    for (at, bytes) in marks {
        f.seek(SeekFrom::Start(*at)).unwrap();
        f.write_all(bytes).unwrap();
    }
}

#[test]
fn a_client_that_stops_reading_is_disconnected() {
    let t = SiteTest::fixture("serve_school");
    let len = 64 << 20;
    sparse(&t.site.join("static/video.bin"), len, &[]);
    let limits = ServeLimits {
        write_timeout: Duration::from_secs(1),
        ..ServeLimits::default()
    };
    let handle = start_with(&t, limits);
    let addr = handle.addr().to_string();
    let mut s = TcpStream::connect(&addr).unwrap();
    write!(s, "GET /video.bin HTTP/1.1\r\nHost: {addr}\r\n\r\n").unwrap();
    std::thread::sleep(Duration::from_secs(4));
    s.set_read_timeout(Some(DEADLINE)).unwrap();
    let mut got = 0u64;
    let mut buf = vec![0u8; 1 << 16];
    while let Ok(n) = s.read(&mut buf) {
        if n == 0 {
            break;
        }
        got += n as u64;
    }
    assert!(
        got < len,
        "the whole file was sent to a client that did not read"
    );
}

/// Reads the response to a GET of `path`: its Content-Length and every
/// byte at `marks`, counting the body without keeping it.
fn download(addr: &str, path: &str, marks: &[u64]) -> (Option<u64>, u64, Vec<u8>) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(DEADLINE)).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut reader = BufReader::new(s);
    let mut line = String::new();
    let mut length = None;
    reader.read_line(&mut line).unwrap();
    assert!(line.contains(" 200 "), "{line}");
    while {
        line.clear();
        reader.read_line(&mut line).unwrap() > 0 && line != "\r\n"
    } {
        if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
            length = v.trim().parse().ok();
        }
    }
    let (mut at, mut seen) = (0u64, Vec::new());
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = reader.read(&mut buf).unwrap();
        if n == 0 {
            break;
        }
        for &m in marks {
            if (at..at + n as u64).contains(&m) {
                seen.push(buf[(m - at) as usize]);
            }
        }
        at += n as u64;
    }
    (length, at, seen)
}

#[test]
fn a_large_file_is_streamed_with_bounded_memory() {
    let t = SiteTest::fixture("serve_school");
    let len: u64 = 200 << 20;
    sparse(
        &t.site.join("static/video.bin"),
        len,
        &[(0, b"S"), (len / 2, b"M"), (len - 1, b"E")],
    );
    let server = Server::start(&t);
    let marks = [0, 1, len / 2, len - 1];
    let downloads: Vec<_> = (0..2)
        .map(|_| {
            let addr = server.addr.clone();
            std::thread::spawn(move || download(&addr, "/video.bin", &marks))
        })
        .collect();
    for d in downloads {
        let (length, got, seen) = d.join().unwrap();
        assert_eq!(length, Some(len));
        assert_eq!(got, len);
        assert_eq!(seen, b"S\0ME");
    }
    #[cfg(target_os = "linux")]
    {
        let status = std::fs::read_to_string(format!("/proc/{}/status", server.pid())).unwrap();
        let peak_kb: u64 = status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap();
        // Reading the file whole even once would take 200 MB.
        assert!(peak_kb < 128 * 1024, "serve used {peak_kb} kB at its peak");
    }
}
