//! The serve latency (`xtask bench latency`): the time from saving a file
//! to `serve` serving the changed page, in a generated corpus.
//!
//! Not part of the product: the xtask crate, a developer tool; uses only
//! bitimger's public serve API (`bitimger::serve`).

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use bitimger::serve::{ServeOptions, start};

use crate::corpus::{CorpusOptions, club_slugs, write_corpus};

/// What to measure.
#[derive(Debug, Clone)]
pub struct LatencyOptions {
    /// Clubs in the generated directory.
    pub clubs: usize,
    /// Saves to time.
    pub edits: usize,
    /// Where to write the corpus.
    pub dir: PathBuf,
    /// Pause after a save was served, before the next one; the rest of the
    /// site is still being re-rendered meanwhile, as when an editor types.
    pub gap: Duration,
}

/// What was measured.
#[derive(Debug, Clone)]
pub struct LatencyReport {
    /// HTML pages of the site.
    pub pages: usize,
    /// The build at start.
    pub first_build: Duration,
    /// Save → changed page served, one per save, sorted.
    pub served: Vec<Duration>,
    /// Last save → every page re-rendered and checked.
    pub settle: Duration,
}

/// The median of sorted samples.
pub fn median(sorted: &[Duration]) -> Duration {
    sorted.get(sorted.len() / 2).copied().unwrap_or_default()
}

/// Generates a directory of `clubs` clubs, serves it, and times `edits`
/// saves, alternating a club.yaml and a report, written in place or by
/// rename like editors do, `gap` apart.
pub fn serve_latency(options: &LatencyOptions) -> Result<LatencyReport, String> {
    let clubs = options.clubs.max(1);
    let corpus = CorpusOptions { clubs, hugo: None };
    write_corpus(&options.dir, &corpus).map_err(|e| e.to_string())?;
    let slugs = club_slugs(&options.dir).map_err(|e| e.to_string())?;
    let built: Arc<Mutex<Option<(usize, Duration)>>> = Arc::default();
    let seen = built.clone();
    let mut serve = ServeOptions::new(options.dir.clone());
    serve.port = 0;
    let handle = start(serve, move |r| {
        if r.first {
            *seen.lock().unwrap_or_else(|e| e.into_inner()) = Some((r.pages, r.elapsed));
        }
    })
    .map_err(|e| e.to_string())?;
    let addr = handle.addr();
    let (pages, first_build) = built
        .lock()
        .map_err(|e| e.to_string())?
        .ok_or("the first build did not report")?;
    let mut served = Vec::new();
    let mut last_save = Instant::now();
    for i in 0..options.edits {
        let slug = &slugs[(i * 7919 + 13) % slugs.len()];
        let club = options.dir.join("clubs").join(slug);
        let token = format!("bench-{i}-{}", std::process::id());
        last_save = Instant::now();
        let page = if i % 2 == 0 {
            edit(&club.join("club.yaml"), i % 4 == 0, |text| {
                replace_line(text, "motto:", &format!("motto: \"{token}\""))
            })?;
            format!("/kk/clubs/{slug}/")
        } else {
            edit(&club.join("reports/2024-2025.kk.md"), i % 4 == 1, |text| {
                format!("{text}\n{token}\n")
            })?;
            format!("/kk/clubs/{slug}/reports/2024-2025/")
        };
        wait_for(addr, &page, &token)?;
        served.push(last_save.elapsed());
        std::thread::sleep(options.gap);
    }
    loop {
        if !status(addr)?.1 {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let settle = last_save.elapsed();
    drop(handle);
    served.sort();
    Ok(LatencyReport {
        pages,
        first_build,
        served,
        settle,
    })
}

/// Saves `path` with `change` applied: in place, or as editors that write a
/// temporary file and rename it over the old one.
fn edit(path: &Path, by_rename: bool, change: impl FnOnce(&str) -> String) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let new = change(&text);
    let result = if by_rename {
        let tmp = path.with_extension("bench-tmp~");
        std::fs::write(&tmp, new).and_then(|()| std::fs::rename(&tmp, path))
    } else {
        std::fs::write(path, new)
    };
    result.map_err(|e| format!("{}: {e}", path.display()))
}

fn replace_line(text: &str, prefix: &str, line: &str) -> String {
    text.lines()
        .map(|l| if l.starts_with(prefix) { line } else { l })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

/// Polls `page` until its body contains `token` (at most 60 s).
fn wait_for(addr: SocketAddr, page: &str, token: &str) -> Result<(), String> {
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        let (_, body) = get(addr, page).map_err(|e| e.to_string())?;
        if body.windows(token.len()).any(|w| w == token.as_bytes()) {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    Err(format!("{page} did not change within 60 s"))
}

/// Builds finished and whether one is running, from serve's status.
fn status(addr: SocketAddr) -> Result<(u64, bool), String> {
    let (_, body) = get(addr, "/__bitimger/status").map_err(|e| e.to_string())?;
    let v: serde_json::Value = serde_json::from_slice(&body).map_err(|e| e.to_string())?;
    Ok((
        v["builds"].as_u64().unwrap_or(0),
        v["busy"].as_bool().unwrap_or(true),
    ))
}

/// A plain HTTP/1.1 GET: status and body.
fn get(addr: SocketAddr, path: &str) -> std::io::Result<(u16, Vec<u8>)> {
    let mut stream = TcpStream::connect(addr)?;
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw)?;
    Ok(status_and_body(&raw))
}

/// The status code (0 when there is none) and the body of a raw HTTP
/// response read to its end (also used by the suite's serve tests).
pub fn status_and_body(raw: &[u8]) -> (u16, Vec<u8>) {
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or(raw.len());
    let head = String::from_utf8_lossy(&raw[..split]);
    let code = head
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    (code, raw.get(split + 4..).unwrap_or_default().to_vec())
}
