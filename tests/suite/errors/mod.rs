//! Errors for teachers (DESIGN.md §3): every kind of content error names its
//! code, file and line, fails the build with exit code 1 and leaves the
//! previous output byte-for-byte as it was. The exact text of a
//! representative set is snapshotted, so a change of wording is seen.
//!
//! This module holds what the themes share: the [`Broken`] site and its
//! assertions, [`at`] and [`hints`], and the report pair constants. The
//! tests are in one submodule per theme; they import from here and from
//! the suite's harness.

use crate::harness::{Problem, Run, SiteTest};

const CLUB: &str = "clubs/senim/club.yaml";

/// A report pair that agrees, for tests that break one side of it.
const REPORT_KK: &str = "---\nyear: 2024-2025\nstatus: final\nindicators:\n  cases: 5\n  cases_resolved: 4\n---\nЕсеп.\n";
const REPORT_RU: &str = "---\nyear: 2024-2025\nstatus: final\nindicators:\n  cases: 5\n  cases_resolved: 4\n---\nОтчёт.\n";

/// A site that built once, was broken by `edit`, and failed to build.
struct Broken {
    t: SiteTest,
    run: Run,
}

impl Broken {
    /// Builds `t`, applies `edit`, builds again: the second build must fail
    /// with exit code 1 and leave the first build's output untouched.
    #[track_caller]
    fn new(t: SiteTest, edit: impl FnOnce(&SiteTest)) -> Broken {
        t.build().ok();
        let before = t.snapshot();
        assert!(!before.is_empty());
        edit(&t);
        let run = t.build().fails_with(1);
        assert!(
            run.stderr().contains("Nothing was written"),
            "{}",
            run.stderr()
        );
        assert!(
            t.snapshot() == before,
            "a failed build changed the previous output"
        );
        Broken { t, run }
    }

    /// Breaks the minimal school site.
    #[track_caller]
    fn minimal(edit: impl FnOnce(&SiteTest)) -> Broken {
        Self::new(SiteTest::fixture("school_minimal"), edit)
    }

    /// Asserts that the error `code` is reported in `file` (relative to the
    /// site folder) at `line`, and returns it.
    #[track_caller]
    fn error(&self, code: &str, file: &str, line: usize) -> Problem {
        let stderr = self.run.stderr();
        assert!(
            stderr.contains(&format!("error[{code}]")),
            "no error[{code}] in:\n{stderr}"
        );
        let p = self.reported(code);
        assert_eq!(p.file, format!("site/{file}"), "{p:#?}");
        assert_eq!(p.line, Some(line), "{p:#?}");
        assert!(
            stderr.contains(&format!("site/{file}:{line}")),
            "the message does not show site/{file}:{line}:\n{stderr}"
        );
        p
    }

    /// The error `code` as `check --format json` reports it.
    #[track_caller]
    fn reported(&self, code: &str) -> Problem {
        let problems = self.t.problems();
        problems
            .iter()
            .find(|p| p.code == code && p.severity == "error")
            .unwrap_or_else(|| panic!("check does not report {code}: {problems:#?}"))
            .clone()
    }

    /// Asserts that the error `code` is reported for the whole `file` (no
    /// line: the problem is the file itself or its name).
    #[track_caller]
    fn error_in_file(&self, code: &str, file: &str) -> Problem {
        let p = self.reported(code);
        assert_eq!(p.file, format!("site/{file}"), "{p:#?}");
        assert!(
            self.run.stderr().contains(&format!("--> site/{file}")),
            "{}",
            self.run.stderr()
        );
        p
    }

    /// The whole message, as printed.
    fn stderr(&self) -> String {
        self.run.stderr()
    }

    /// Every problem reported in `file`, as (code, line), by line.
    #[track_caller]
    fn all_in(&self, file: &str) -> Vec<(String, usize)> {
        let mut found: Vec<(String, usize)> = self
            .t
            .problems()
            .into_iter()
            .filter(|p| p.file == format!("site/{file}"))
            .map(|p| (p.code, p.line.unwrap_or(0)))
            .collect();
        found.sort_by_key(|(_, line)| *line);
        found
    }
}

/// (code, line) pairs, for comparing with [`Broken::all_in`].
fn at(expected: &[(&str, usize)]) -> Vec<(String, usize)> {
    expected.iter().map(|(c, l)| (c.to_string(), *l)).collect()
}

/// Text of `p`'s label and help, for "did you mean" checks.
fn hints(p: &Problem) -> String {
    format!(
        "{} {}",
        p.label.clone().unwrap_or_default(),
        p.help.clone().unwrap_or_default()
    )
}

mod dates;
mod fields;
mod files;
mod reports;
mod syntax;
mod together;
mod urls;
mod values;
mod warnings;
