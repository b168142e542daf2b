//! The corpus of broken inputs in tests/bad-inputs/: each case is a few
//! files laid over a small valid site (`_base/`), and an `expected.txt`
//! with the code, a fragment of the message, the file and the line that
//! `bitimger check` must report. No case may make bitimger panic or hang.
//!
//! expected.txt: `# what the case shows`, then `code:`, `message:`,
//! `file:` (relative to the site), optional `line:`, and optional
//! `grow: <file> <MB>` (the test pads the file to that size, so the corpus
//! stays small in git).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::harness::{bitimger, repo};

fn corpus() -> PathBuf {
    repo().join("tests/bad-inputs")
}

/// Copies a folder, keeping symbolic links as links.
fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).follow_links(false) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        let kind = entry.file_type();
        if kind.is_symlink() {
            let link = std::fs::read_link(entry.path()).unwrap();
            let _ = std::fs::remove_file(&target);
            std::os::unix::fs::symlink(link, &target).unwrap();
        } else if kind.is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

pub(crate) struct Expected {
    code: String,
    message: String,
    file: String,
    line: Option<u64>,
    grow: Option<(String, u64)>,
}

pub(crate) fn expected(case: &Path) -> Expected {
    let text = std::fs::read_to_string(case.join("expected.txt"))
        .unwrap_or_else(|e| panic!("{}: expected.txt: {e}", case.display()));
    let field = |name: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(&format!("{name}: ")))
            .map(str::to_string)
    };
    let grow = field("grow").map(|g| {
        let (file, mb) = g.rsplit_once(' ').unwrap();
        (file.to_string(), mb.parse().unwrap())
    });
    Expected {
        code: field("code").expect("code:"),
        message: field("message").expect("message:"),
        file: field("file").expect("file:"),
        line: field("line").map(|l| l.parse().unwrap()),
        grow,
    }
}

fn pad(file: &Path, megabytes: u64) {
    use std::io::Write;
    let mut f = std::fs::OpenOptions::new().append(true).open(file).unwrap();
    let line = format!("# {}\n", "x".repeat(98));
    for _ in 0..(megabytes * 1024 * 1024 / 100 + 1) {
        f.write_all(line.as_bytes()).unwrap();
    }
}

/// Runs one case; returns what went wrong, if anything.
fn run_case(case: &Path) -> Option<String> {
    let name = case.file_name().unwrap().to_string_lossy().to_string();
    let want = expected(case);
    let dir = tempfile::tempdir().unwrap();
    let site = lay_out(case, &want, dir.path());
    let start = Instant::now();
    let out = bitimger()
        .args(["check", "--format", "json"])
        .arg(&site)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    if stderr.contains("panicked") || !matches!(out.status.code(), Some(0 | 1)) {
        return Some(format!("{name}: crashed ({:?}):\n{stderr}", out.status));
    }
    if start.elapsed() > Duration::from_secs(30) {
        return Some(format!("{name}: took {:?}", start.elapsed()));
    }
    let items: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap_or_default();
    let site_real = site.canonicalize().unwrap();
    let found = items.iter().any(|d| {
        let loc = &d["location"];
        let file = PathBuf::from(loc["file"].as_str().unwrap_or(""));
        let rel = file
            .strip_prefix(&site)
            .or_else(|_| file.strip_prefix(&site_real))
            .unwrap_or(&file);
        d["code"] == want.code.as_str()
            && d["message"].as_str().unwrap_or("").contains(&want.message)
            && rel == Path::new(&want.file)
            && (want.line.is_none() || loc["line"].as_u64() == want.line)
    });
    (!found).then(|| {
        format!(
            "{name}: expected {} `{}` at {}:{:?}; got:\n{}",
            want.code,
            want.message,
            want.file,
            want.line,
            serde_json::to_string_pretty(&items).unwrap()
        )
    })
}

/// The cases of the corpus (not `_base`), sorted.
pub(crate) fn cases() -> Vec<PathBuf> {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(corpus())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir() && !p.file_name().unwrap().to_string_lossy().starts_with('_'))
        .collect();
    cases.sort();
    cases
}

/// The site of `case` in `dir`/site: `_base` with the case's files over
/// it, grown as `want` says.
pub(crate) fn lay_out(case: &Path, want: &Expected, dir: &Path) -> PathBuf {
    let site = dir.join("site");
    copy_tree(&corpus().join("_base"), &site);
    copy_tree(&case.join("site"), &site);
    if let Some((file, mb)) = &want.grow {
        pad(&site.join(file), *mb);
    }
    site
}

#[test]
fn every_bad_input_is_reported_with_its_code_file_and_line() {
    let cases = cases();
    assert!(cases.len() >= 30, "only {} cases", cases.len());
    let failures: Vec<String> = cases.iter().filter_map(|c| run_case(c)).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_base_site_is_clean() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    copy_tree(&corpus().join("_base"), &site);
    let out = bitimger()
        .args(["check", "--strict"])
        .arg(&site)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
