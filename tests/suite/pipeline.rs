//! One pipeline: `build` refuses what `check` refuses and reports the same
//! problems, for every broken input of the corpus and for the whole-site
//! rules (links, anchors, images, privacy); a refused build leaves the
//! previous site as it was.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

use crate::bad_inputs::{cases, expected, lay_out};
use crate::check::{CLUB_YAML, school};
use crate::harness::{SiteTest, bitimger, build_site};

/// The `(severity, code)` pairs of `build`'s report (its human form).
fn build_problems(stderr: &str) -> BTreeSet<(String, String)> {
    stderr
        .lines()
        .filter_map(|l| {
            let l = l.trim_start_matches(|c: char| {
                c == '(' || c.is_ascii_digit() || c == '/' || c == ')' || c == ' '
            });
            let (severity, rest) = l.split_once('[')?;
            let (code, _) = rest.split_once("]:")?;
            matches!(severity, "error" | "warning")
                .then(|| (severity.to_string(), code.to_string()))
        })
        .collect()
}

/// The `(severity, code)` pairs of `check --format json`.
fn check_problems(stdout: &[u8]) -> BTreeSet<(String, String)> {
    let items: Vec<Value> = serde_json::from_slice(stdout).unwrap_or_default();
    items
        .iter()
        .map(|d| {
            let s = |k: &str| d[k].as_str().unwrap_or("").to_string();
            (s("severity"), s("code"))
        })
        .collect()
}

/// Builds and checks `site`; returns what differs, if anything.
fn compare(name: &str, site: &Path, out: &Path) -> Option<String> {
    let run = |args: &[&str]| {
        bitimger()
            .args(args)
            .arg(site)
            .env("NO_COLOR", "1")
            .output()
            .unwrap()
    };
    let check = run(&["check", "--format", "json"]);
    let build = build_site(site, out);
    let stderr = String::from_utf8_lossy(&build.stderr);
    let (b, c) = (build_problems(&stderr), check_problems(&check.stdout));
    let codes = (build.status.code(), check.status.code());
    if c.is_empty() {
        return Some(format!("{name}: check found nothing to compare"));
    }
    if b != c || codes.0 != codes.1 {
        return Some(format!(
            "{name}: build {:?} {b:?}\ncheck {:?} {c:?}\n{stderr}",
            codes.0, codes.1
        ));
    }
    if codes.0 == Some(1) && out.exists() {
        return Some(format!("{name}: a refused build wrote {}", out.display()));
    }
    None
}

#[test]
fn build_and_check_report_the_same_problems_for_every_bad_input() {
    let failures: Vec<String> = cases()
        .iter()
        .filter_map(|case| {
            let dir = tempfile::tempdir().unwrap();
            let site = lay_out(case, &expected(case), dir.path());
            let name = case.file_name().unwrap().to_string_lossy().to_string();
            compare(&name, &site, &dir.path().join("out"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

const NEWS_HEAD: &str = "---\ntitle: Жаңалық\ndate: 2025-03-01\n---\n";

/// Whole-site findings, one site each: name, extra files.
fn rule_cases() -> Vec<(&'static str, Vec<(&'static str, String)>)> {
    let page = |body: &str| format!("---\ntitle: Бет\n---\n# Бет\n\n{body}\n");
    vec![
        (
            "broken link",
            vec![("pages/a.md", page("[Жоқ](../nowhere/index.html)"))],
        ),
        ("broken anchor", vec![("pages/a.md", page("[Бөлім](#joq)"))]),
        (
            "missing image",
            vec![("pages/a.md", page("![Сурет](missing.png)"))],
        ),
        (
            "phone in news",
            vec![(
                "news/2025-03-01-x.md",
                format!("{NEWS_HEAD}Тел.: +7 701 555 23 14.\n"),
            )],
        ),
        (
            "iin in news",
            vec![(
                "news/2025-03-01-x.md",
                format!("{NEWS_HEAD}ЖСН 900115300122.\n"),
            )],
        ),
        (
            "no feedback",
            vec![(
                "clubs/senim/club.yaml",
                CLUB_YAML.replace("feedback:\n  question: https://forms.example.test/q\n", ""),
            )],
        ),
    ]
}

#[test]
fn build_and_check_agree_on_the_whole_site_rules() {
    let failures: Vec<String> = rule_cases()
        .into_iter()
        .filter_map(|(name, files)| {
            let files: Vec<(&str, &str)> = files.iter().map(|(p, t)| (*p, t.as_str())).collect();
            let t = school(&files);
            compare(name, &t.site, &t.out)
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn a_broken_link_fails_the_build_and_keeps_the_previous_site() {
    let t = SiteTest::fixture("school_minimal");
    t.build().ok();
    let before = t.snapshot();
    t.write(
        "pages/a.md",
        "---\ntitle: Бет\n---\n# Бет\n\n[Ереже](../rules/index.html)\n",
    );
    let run = t.build().fails_with(1);
    let stderr = run.stderr();
    assert!(stderr.contains("error[links/broken]"), "{stderr}");
    assert!(stderr.contains("site/pages/a.md:6"), "{stderr}");
    assert_eq!(t.snapshot(), before, "the previous site changed");
}

#[test]
fn privacy_findings_are_warnings_in_build_and_an_iin_is_an_error() {
    let t = school(&[(
        "news/2025-03-01-x.md",
        &format!("{NEWS_HEAD}Тел.: +7 701 555 23 14.\n"),
    )]);
    let stderr = t.build().ok().stderr();
    assert!(
        stderr.contains("warning[privacy/phone-in-text]"),
        "{stderr}"
    );
    t.write(
        "news/2025-03-01-x.md",
        &format!("{NEWS_HEAD}ЖСН 900115300122.\n"),
    );
    let stderr = t.build().fails_with(1).stderr();
    assert!(stderr.contains("error[privacy/iin]"), "{stderr}");
}
