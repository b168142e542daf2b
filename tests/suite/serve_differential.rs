//! The preview is the build: a seeded random sequence of edits on a school
//! site and on a directory with included school folders; after every step
//! the running `serve` must serve exactly what a fresh `bitimger build` of
//! the same tree writes: every path with the same bytes (apart from the
//! live-reload snippet and the error overlay), the same number of files,
//! the paths of earlier builds gone, and a refused build refused by both.
//!
//! `BITIMGER_DIFF_STEPS` sets the steps per site (200 by default) and
//! `BITIMGER_DIFF_SEED` the seed (printed when a step fails).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::time::{Duration, Instant};

use crate::harness::{SiteTest, build_site};
use crate::serve::{DEADLINE, Server};

mod edits;

use edits::Tree;

/// How long serve must stay idle before its state counts as settled.
const QUIET: Duration = Duration::from_millis(200);

const RELOAD_TAG: &str = "<script src=\"/__bitimger/reload.js\"></script>";
const OVERLAY_START: &str = "<link rel=\"stylesheet\" href=\"/__bitimger/overlay.css\">";

fn steps() -> usize {
    std::env::var("BITIMGER_DIFF_STEPS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(200)
}

fn seed(salt: u64) -> u64 {
    std::env::var("BITIMGER_DIFF_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20_261_201)
        ^ salt
}

#[test]
fn a_school_site_served_equals_its_build_after_every_edit() {
    let t = SiteTest::fixture("every_page_kind");
    let tree = Tree::new(&t.site, &[""]);
    run(&t.site, &t.out, tree, seed(1));
}

#[test]
fn a_directory_served_equals_its_build_after_edits_of_its_schools() {
    let t = SiteTest::fixture("directory_include");
    let tree = Tree::new(&t.site, &["region/", "school-a/", "school-b/"]);
    run(&t.site.join("region"), &t.out, tree, seed(2));
}

/// The reproduction of the stale page: a club's name changed, then put
/// back; then broken, then put back. Each state is served as built.
#[test]
fn a_name_changed_and_put_back_is_served_as_built() {
    let t = SiteTest::fixture("every_page_kind");
    let server = Server::start(&t);
    let mut ever = BTreeSet::new();
    let file = "clubs/senim/club.yaml";
    let original = t.read(file);
    let edited = original.replace("Сенім", "Сенім-өзгерді");
    let broken = original.replace("\"Сенім\",", "\"Сенім,");
    for (i, text) in [&edited, &original, &broken, &original, &edited, &original]
        .into_iter()
        .enumerate()
    {
        let before = status(&server).builds;
        t.write(file, text);
        let state = settle(&server, before);
        let failed = build(&t.site, &t.out);
        assert_eq!(state.failed, failed, "state {i}: serve and build disagree");
        compare(&server, &t.out, &mut ever, state.failed)
            .unwrap_or_else(|e| panic!("state {i}: {e}\nserver log:\n{}", server.log()));
    }
    let home = server.get_bytes("/kk/index.html").1;
    assert!(!String::from_utf8_lossy(&home).contains("өзгерді"));
}

/// Runs the edits on `tree` with `site` served, comparing after each.
fn run(site: &Path, out: &Path, mut tree: Tree, seed: u64) {
    let server = Server::start_at(site);
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut ever = BTreeSet::new();
    let mut failed_steps = 0;
    for step in 0..steps() {
        let before = status(&server).builds;
        let what = tree.random_edit(&mut rng);
        let state = settle(&server, before);
        let failed = build(site, out);
        failed_steps += usize::from(failed);
        let context = || {
            format!(
                "seed {seed}, step {step} ({what}); server log:\n{}",
                tail(&server.log())
            )
        };
        assert_eq!(
            state.failed,
            failed,
            "serve and build disagree on errors; {}",
            context()
        );
        if let Err(e) = compare(&server, out, &mut ever, state.failed) {
            panic!("{e}\n{}", context());
        }
    }
    // The sequence exercised both kinds of state.
    assert!(
        failed_steps > 0 && failed_steps < steps(),
        "{failed_steps} failed steps"
    );
}

/// What `/__bitimger/status` says.
#[derive(Debug, PartialEq)]
struct Status {
    builds: u64,
    busy: bool,
    failed: bool,
    files: usize,
}

fn status(server: &Server) -> Status {
    let r = server.get("/__bitimger/status");
    let v: serde_json::Value =
        serde_json::from_str(&r.body).unwrap_or_else(|e| panic!("status {:?}: {e}", r.body));
    Status {
        builds: v["builds"].as_u64().unwrap(),
        busy: v["busy"].as_bool().unwrap(),
        failed: v["failed"].as_bool().unwrap(),
        files: v["files"].as_u64().unwrap() as usize,
    }
}

/// Waits until a rebuild after `before` finished and serve stayed idle.
fn settle(server: &Server, before: u64) -> Status {
    let deadline = Instant::now() + DEADLINE;
    let mut last = loop {
        let s = status(server);
        if s.builds > before && !s.busy {
            break s;
        }
        assert!(
            Instant::now() < deadline,
            "no rebuild within {DEADLINE:?}: {s:?}\n{}",
            server.log()
        );
        std::thread::sleep(Duration::from_millis(10));
    };
    loop {
        std::thread::sleep(QUIET);
        let s = status(server);
        if s == last {
            return s;
        }
        assert!(Instant::now() < deadline, "serve never settled: {s:?}");
        last = s;
    }
}

/// Builds `site` into `out`; true when the build was refused.
fn build(site: &Path, out: &Path) -> bool {
    let run = build_site(site, out);
    let code = run.status.code();
    assert!(
        matches!(code, Some(0 | 1)),
        "build crashed ({code:?}): {}",
        String::from_utf8_lossy(&run.stderr)
    );
    code == Some(1)
}

/// Every file of `out` served with its bytes, nothing more, and the paths
/// of earlier builds (`ever`) gone.
fn compare(
    server: &Server,
    out: &Path,
    ever: &mut BTreeSet<String>,
    failed: bool,
) -> Result<(), String> {
    let built = output_files(out);
    let served = status(server).files;
    if served != built.len() {
        return Err(format!(
            "serve has {served} files, the build wrote {}",
            built.len()
        ));
    }
    for (path, bytes) in &built {
        let (code, body) = server.get_bytes(&format!("/{path}"));
        if code != 200 {
            return Err(format!("{path}: status {code}, built by the build"));
        }
        let body = if path.ends_with(".html") {
            without_serve_additions(&body, failed)
        } else {
            body
        };
        if &body != bytes {
            return Err(format!(
                "{path} differs:\n--- served\n{}\n--- built\n{}",
                excerpt(&body, bytes),
                excerpt(bytes, &body)
            ));
        }
    }
    ever.extend(built.keys().cloned());
    for gone in ever.iter().filter(|p| !built.contains_key(*p)) {
        let (code, _) = server.get_bytes(&format!("/{gone}"));
        if code != 404 {
            return Err(format!("{gone}: status {code}, not in the build any more"));
        }
    }
    Ok(())
}

/// The files of a build's output by path, without its own marker.
fn output_files(out: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(out)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file() && e.file_name() != ".bitimger-output")
        .map(|e| {
            let rel = e.path().strip_prefix(out).unwrap();
            let rel = rel.to_string_lossy().replace('\\', "/");
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

/// The page as built: serve's reload snippet (and the overlay of a failed
/// rebuild) taken out.
fn without_serve_additions(body: &[u8], failed: bool) -> Vec<u8> {
    let Ok(text) = std::str::from_utf8(body) else {
        return body.to_vec();
    };
    let Some(at) = text.rfind(RELOAD_TAG) else {
        return body.to_vec();
    };
    let start = match text[..at].rfind(OVERLAY_START) {
        Some(o) if failed => o,
        _ => at,
    };
    [&text[..start], &text[at + RELOAD_TAG.len()..]]
        .concat()
        .into_bytes()
}

/// Where `a` first differs from `b`, with some context.
fn excerpt(a: &[u8], b: &[u8]) -> String {
    let at = a
        .iter()
        .zip(b)
        .position(|(x, y)| x != y)
        .unwrap_or(a.len().min(b.len()));
    let from = at.saturating_sub(200);
    let to = (at + 200).min(a.len());
    format!(
        "(at byte {at} of {}) …{}…",
        a.len(),
        String::from_utf8_lossy(&a[from..to])
    )
}

fn tail(log: &str) -> String {
    let lines: Vec<&str> = log.lines().collect();
    lines[lines.len().saturating_sub(40)..].join("\n")
}
