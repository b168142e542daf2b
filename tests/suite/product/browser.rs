//! Every page type in headless chromium (tests/browser/check.mjs, run once per
//! test run): axe-core (WCAG 2.1 A/AA), no sideways scrolling at 360×740 and
//! 1280×800, landmarks and the skip link, the keyboard path to the feedback
//! buttons, requests and weight, and the poster printed to A4 PDF; pages
//! with the version for the visually impaired on pass the same checks, and
//! the documents the browser shows then pass the Nu HTML checker.

use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;
use std::time::Duration;

use serde_json::Value;

use super::tools::{self, run_bounded};
use super::{Fixture, built_fixture, validator};
use crate::harness::repo;

/// How long the whole browser run may take.
const LIMIT: Duration = Duration::from_secs(600);
/// Most a club page may transfer without photos.
const CLUB_PAGE_BUDGET: u64 = 50 * 1024;
/// Most the one script of a club page (the low-vision switch) may weigh.
const SCRIPT_BUDGET: u64 = 2 * 1024;

enum Outcome {
    Ran(Vec<Value>),
    Missing(String),
    Failed(String),
}

/// Where the screenshots of the club page go: target/screenshots/.
pub fn screenshots() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .unwrap()
        .join("screenshots")
}

/// The browser's report on every page of both fixtures, or `None` when the
/// test is skipped.
#[track_caller]
fn pages(test: &str) -> Option<Vec<&'static Value>> {
    static SCHOOL: OnceLock<Outcome> = OnceLock::new();
    static DIRECTORY: OnceLock<Outcome> = OnceLock::new();
    let mut all = Vec::new();
    for (fixture, cell) in [(Fixture::School, &SCHOOL), (Fixture::Directory, &DIRECTORY)] {
        let outcome = cell.get_or_init(|| match tools::browser() {
            Err(why) => Outcome::Missing(why),
            Ok(_) => run(fixture).map_or_else(Outcome::Failed, Outcome::Ran),
        });
        match outcome {
            Outcome::Ran(pages) => all.extend(pages),
            Outcome::Missing(why) => {
                tools::or_skip(Err::<(), _>(why.clone()), test);
                return None;
            }
            Outcome::Failed(why) => panic!(
                "{test}: the browser checks did not run on {}: {why}",
                fixture.name()
            ),
        }
    }
    Some(all)
}

fn run(fixture: Fixture) -> Result<Vec<Value>, String> {
    let b = built_fixture(fixture);
    let specs = fixture.pages();
    let mut cmd = Command::new("node");
    cmd.arg(repo().join("tests/browser/check.mjs"))
        .arg("--root")
        .arg(&b.out)
        .arg("--screenshots")
        .arg(screenshots())
        .arg("--dom")
        .arg(low_vision_dom(fixture))
        .args(specs.iter().map(|(kind, path)| format!("{kind}={path}")))
        .env("BITIMGER_CHROMIUM", tools::chromium());
    let _turn = crate::browser::one_at_a_time();
    let done = run_bounded(&mut cmd, &b.out.with_file_name("browser"), LIMIT)?;
    if done.code != Some(0) {
        return Err(format!("exit {:?}:\n{}", done.code, done.stderr));
    }
    let report: Value = serde_json::from_str(&done.stdout)
        .map_err(|e| format!("its report is not JSON ({e}):\n{}", done.stdout))?;
    let mut pages = report["pages"].as_array().cloned().unwrap_or_default();
    if pages.len() != specs.len() {
        return Err(format!(
            "it reported {} pages of {}",
            pages.len(),
            specs.len()
        ));
    }
    for p in &mut pages {
        p["fixture"] = Value::from(fixture.name());
    }
    Ok(pages)
}

/// Where the browser puts the documents it showed with the version for
/// the visually impaired on (the `low_vision` pages of `fixture`).
fn low_vision_dom(fixture: Fixture) -> PathBuf {
    built_fixture(fixture).out.with_file_name("low-vision-dom")
}

fn of_kind<'a>(pages: &[&'a Value], kind: &str) -> Vec<&'a Value> {
    pages
        .iter()
        .copied()
        .filter(|p| p["kind"] == kind)
        .collect()
}

/// The page, named with its fixture: `product_site/kk/index.html`.
fn file(p: &Value) -> String {
    format!(
        "{}/{}",
        p["fixture"].as_str().unwrap_or("?"),
        p["file"].as_str().unwrap_or("?")
    )
}

/// axe violations, sideways scrolling, missing landmarks, console errors.
fn problems(p: &Value) -> Vec<String> {
    let f = file(p);
    let mut out = Vec::new();
    if let Some(e) = p["error"].as_str() {
        out.push(format!("{f}: the browser failed on it: {e}"));
        return out;
    }
    if p["lv"] != (p["kind"] == "low_vision") {
        out.push(format!("{f}: the low-vision version is on: {}", p["lv"]));
    }
    if p["status"] != 200 {
        out.push(format!("{f}: HTTP status {}", p["status"]));
    }
    for (key, size) in [("axe", "360×740"), ("axe_wide", "1280×800")] {
        for v in p[key].as_array().into_iter().flatten() {
            let targets: Vec<&str> = v["nodes"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|n| n["target"].as_str())
                .collect();
            out.push(format!(
                "{f} at {size}: axe `{}` ({}): {} — {}",
                v["id"].as_str().unwrap_or("?"),
                v["impact"].as_str().unwrap_or("?"),
                v["help"].as_str().unwrap_or(""),
                targets.join(", ")
            ));
        }
    }
    for w in p["widths"].as_array().into_iter().flatten() {
        let (scroll, client) = (w["scrollWidth"].as_u64(), w["clientWidth"].as_u64());
        if scroll > client {
            out.push(format!(
                "{f} scrolls sideways at {}: document {}px wide in a {}px viewport; too wide: {}",
                w["viewport"].as_str().unwrap_or("?"),
                scroll.unwrap_or(0),
                client.unwrap_or(0),
                w["wide"]
            ));
        }
    }
    for e in p["console_errors"].as_array().into_iter().flatten() {
        out.push(format!("{f}: console error: {e}"));
    }
    let lm = &p["landmarks"];
    for (key, want) in [("main", 1), ("banner", 1), ("contentinfo", 1)] {
        if lm[key] != want {
            out.push(format!("{f}: {} {key} landmarks, expected {want}", lm[key]));
        }
    }
    if lm["skip_link"] != "#main" {
        out.push(format!("{f}: no skip link to #main first in <body>"));
    }
    out
}

#[track_caller]
fn assert_kind_passes(kind: &str) {
    let test = format!("{kind} pages in the browser");
    let Some(pages) = pages(&test) else { return };
    let mine = of_kind(&pages, kind);
    assert!(!mine.is_empty(), "no {kind} page was checked");
    let all: Vec<String> = mine.iter().flat_map(|p| problems(p)).collect();
    assert!(all.is_empty(), "{test}:\n{}", all.join("\n"));
}

#[test]
fn landing_page_passes_the_browser_checks() {
    assert_kind_passes("landing");
}

#[test]
fn club_page_passes_the_browser_checks() {
    assert_kind_passes("club");
}

#[test]
fn poster_page_passes_the_browser_checks() {
    assert_kind_passes("poster");
}

#[test]
fn reports_page_passes_the_browser_checks() {
    assert_kind_passes("reports");
}

#[test]
fn report_page_passes_the_browser_checks() {
    assert_kind_passes("report");
}

#[test]
fn plan_page_passes_the_browser_checks() {
    assert_kind_passes("plan");
}

#[test]
fn gallery_page_passes_the_browser_checks() {
    assert_kind_passes("gallery");
}

#[test]
fn news_list_page_passes_the_browser_checks() {
    assert_kind_passes("news_list");
}

#[test]
fn news_pages_pass_the_browser_checks() {
    assert_kind_passes("news");
}

#[test]
fn free_page_passes_the_browser_checks() {
    assert_kind_passes("page");
}

#[test]
fn documents_page_passes_the_browser_checks() {
    assert_kind_passes("documents");
}

#[test]
fn not_found_pages_pass_the_browser_checks() {
    assert_kind_passes("404");
}

#[test]
fn directory_home_page_passes_the_browser_checks() {
    assert_kind_passes("directory");
}

#[test]
fn regions_page_passes_the_browser_checks() {
    assert_kind_passes("regions");
}

#[test]
fn region_page_passes_the_browser_checks() {
    assert_kind_passes("region");
}

#[test]
fn statistics_index_page_passes_the_browser_checks() {
    assert_kind_passes("statistics_index");
}

#[test]
fn statistics_page_passes_the_browser_checks() {
    assert_kind_passes("statistics");
}

#[test]
fn low_vision_pages_pass_the_browser_checks() {
    assert_kind_passes("low_vision");
}

#[test]
fn the_low_vision_view_is_valid_html_in_the_nu_checker() {
    let test = "Nu HTML checker on the low-vision view";
    let Some(pages) = pages(test) else { return };
    if tools::or_skip(tools::validator(), test).is_none() {
        return;
    }
    for fixture in [Fixture::School, Fixture::Directory] {
        let dom = low_vision_dom(fixture);
        let shown = fixture
            .pages()
            .iter()
            .filter(|(kind, _)| *kind == "low_vision")
            .count();
        let files = std::fs::read_dir(&dom).map_or(0, |d| d.count());
        assert_eq!(
            files,
            shown,
            "{}: {}",
            dom.display(),
            of_kind(&pages, "low_vision").len()
        );
        let errors = validator::nu_errors(&dom, &dom.with_file_name("low-vision-validator"), test);
        assert!(
            errors.is_empty(),
            "{test} found {} errors in {}:\n{}",
            errors.len(),
            fixture.name(),
            errors.join("\n")
        );
    }
}

#[test]
fn keyboard_reaches_every_feedback_button_with_visible_focus() {
    let Some(pages) = pages("keyboard path") else {
        return;
    };
    for p in of_kind(&pages, "club") {
        let f = file(p);
        let kb = &p["keyboard"];
        let first = kb["first"]["cls"].as_str().unwrap_or("");
        assert!(
            first.contains("skip-link"),
            "{f}: the first Tab should focus the skip link, it focused {}",
            kb["first"]
        );
        assert_eq!(
            p["skip_link_target"], "main#main",
            "{f}: following the skip link should focus <main>"
        );
        let targets = kb["targets"].as_array().map_or(0, Vec::len);
        assert_eq!(targets, 3, "{f}: expected three feedback buttons");
        assert_eq!(
            kb["reached"].as_array().map_or(0, Vec::len),
            targets,
            "{f}: Tab did not reach every feedback button in {} presses: {kb}",
            kb["tabs"]
        );
        assert_eq!(
            kb["invisible_focus"].as_array().map_or(0, Vec::len),
            0,
            "{f}: focus not visible (no outline) or off screen on: {}",
            kb["invisible_focus"]
        );
    }
}

#[test]
fn poster_prints_on_exactly_one_a4_page_in_every_language() {
    let Some(pages) = pages("poster printing") else {
        return;
    };
    let posters = of_kind(&pages, "poster");
    assert_eq!(posters.len(), 3, "posters in kk and ru, and a directory's");
    for p in posters {
        let f = file(p);
        assert_eq!(p["pdf_pages"], 1, "{f} printed to {} pages", p["pdf_pages"]);
        assert_eq!(
            p["poster_clipped"].as_array().map_or(0, Vec::len),
            0,
            "{f}: the one-page poster cuts off {}",
            p["poster_clipped"]
        );
    }
}

#[test]
fn club_page_loads_one_stylesheet_one_small_script_no_fonts_under_50_kb() {
    let Some(pages) = pages("club page requests") else {
        return;
    };
    for p in of_kind(&pages, "club") {
        let f = file(p);
        let requests = p["requests"].as_array().cloned().unwrap_or_default();
        let of_type = |t: &str| requests.iter().filter(|r| r["type"] == t).count();
        assert_eq!(of_type("stylesheet"), 1, "{f}: {requests:?}");
        // The one script: the switch to the version for the visually impaired.
        let scripts: Vec<&Value> = requests.iter().filter(|r| r["type"] == "script").collect();
        assert_eq!(scripts.len(), 1, "{f}: {requests:?}");
        assert_eq!(scripts[0]["url"], "/assets/vision.js", "{f}");
        let script = scripts[0]["bytes"].as_u64().unwrap_or(u64::MAX);
        assert!(
            script <= SCRIPT_BUDGET,
            "{f}: vision.js weighs {script} bytes"
        );
        assert_eq!(of_type("font"), 0, "{f}: {requests:?}");
        let bytes: u64 = requests
            .iter()
            .filter(|r| r["type"] != "image")
            .filter_map(|r| r["bytes"].as_u64())
            .sum();
        assert!(
            bytes <= CLUB_PAGE_BUDGET,
            "{f} transfers {bytes} bytes without photos (at most {CLUB_PAGE_BUDGET}): {requests:?}"
        );
    }
}

#[test]
fn club_page_screenshots_are_written_at_both_sizes() {
    let Some(pages) = pages("club page screenshots") else {
        return;
    };
    for p in of_kind(&pages, "club") {
        let shots = p["screenshots"].as_array().cloned().unwrap_or_default();
        assert_eq!(shots.len(), 2, "{}: {shots:?}", file(p));
        for s in shots {
            let path = PathBuf::from(s.as_str().unwrap_or_default());
            let len = std::fs::metadata(&path).map_or(0, |m| m.len());
            assert!(
                len > 1000,
                "screenshot {} is missing or empty",
                path.display()
            );
        }
    }
}
