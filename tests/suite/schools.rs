//! A regional office's directory built from the schools' own folders
//! (`include:`): every problem names its school folder, all schools'
//! problems come in one run, and `--skip-broken-includes` leaves a broken
//! school out, loudly (docs/directory.md).

use crate::harness::*;

/// `bitimger <command> site/region <args>` from the temporary folder, in English.
fn run(t: &SiteTest, command: &str, args: &[&str]) -> Run {
    let mut c = t.command();
    c.arg("--lang").arg("en").arg(command).arg("site/region");
    if command == "build" {
        c.arg("--output").arg("public");
    }
    let output = c.args(args).output().unwrap();
    Run { output }
}

/// The rendered problem (`(2/3) error[code]: ...` up to the blank line)
/// with `code` and `file`.
#[track_caller]
fn block<'a>(stderr: &'a str, code: &str, file: &str) -> &'a str {
    stderr
        .split("\n\n")
        .find(|b| b.contains(&format!("[{code}]")) && b.contains(file))
        .unwrap_or_else(|| panic!("no {code} in {file}:\n{stderr}"))
}

#[test]
fn every_school_s_problems_are_listed_with_their_school_and_the_build_fails() {
    let t = SiteTest::fixture("directory_schools");
    // school-b has two errors; now school-a has one too.
    t.edit(
        "school-a/clubs/alpha/club.yaml",
        "region: karaganda",
        "region: qaragandy",
    );
    let err = run(&t, "build", &[]).fails_with(1).stderr();
    let found = [
        (
            "club/unknown-region",
            "site/school-a/clubs/alpha/club.yaml:4",
            "../school-a",
        ),
        (
            "club/unknown-region",
            "site/school-b/clubs/beta/club.yaml:4",
            "../school-b",
        ),
        (
            "club/unknown-field",
            "site/school-b/clubs/beta/club.yaml:5",
            "../school-b",
        ),
    ];
    for (code, at, school) in found {
        let b = block(&err, code, at);
        assert!(
            b.contains(&format!("note: in the school folder {school},")),
            "the problem names its school {school}:\n{b}"
        );
    }
    assert!(
        err.contains("School folder ../school-a: 1 error, 0 warnings"),
        "{err}"
    );
    assert!(
        err.contains("School folder ../school-b: 2 errors, 0 warnings"),
        "{err}"
    );
    assert!(err.contains("Build failed: 3 errors"), "{err}");
    assert!(
        !err.contains("LEFT OUT"),
        "nothing is left out without the option:\n{err}"
    );
    assert!(!t.out.exists(), "nothing is published");
}

#[test]
fn check_names_the_school_of_each_problem_in_json() {
    let t = SiteTest::fixture("directory_schools");
    let run = run(&t, "check", &["--format", "json"]).fails_with(1);
    let items: Vec<serde_json::Value> = serde_json::from_str(&run.stdout()).unwrap();
    let mut seen: Vec<(String, u64, String)> = items
        .iter()
        .map(|v| {
            (
                v["code"].as_str().unwrap().to_string(),
                v["location"]["line"].as_u64().unwrap_or(0),
                v["school"].as_str().unwrap_or("(none)").to_string(),
            )
        })
        .collect();
    seen.sort();
    let school_b = |code: &str, line| (code.to_string(), line, "../school-b".to_string());
    assert_eq!(
        seen,
        [
            school_b("club/unknown-field", 5),
            school_b("club/unknown-region", 4)
        ]
    );
}

#[test]
fn skip_broken_includes_publishes_the_good_school_and_says_which_was_left_out() {
    let t = SiteTest::fixture("directory_schools");
    let err = run(&t, "build", &["--skip-broken-includes"]).ok().stderr();
    let page = t.page("kk/index.html");
    assert_eq!(page.attrs(".club-card", "data-slug"), ["alpha"]);
    assert!(t.out_path("ru/clubs/alpha/index.html").is_file());
    assert!(
        !t.out_path("ru/clubs/beta").exists(),
        "the broken school is not published"
    );
    let b = block(&err, "site/include-skipped", "site/region/site.yaml:4");
    assert!(b.contains("warning[site/include-skipped]"), "{b}");
    assert!(
        b.contains("folder ../school-b has 2 error(s) and is LEFT OUT"),
        "{b}"
    );
    // Its problems are still listed, as warnings, with its school.
    let b = block(
        &err,
        "club/unknown-field",
        "site/school-b/clubs/beta/club.yaml:5",
    );
    assert!(b.contains("warning[club/unknown-field]"), "{b}");
    assert!(b.contains("note: in the school folder ../school-b,"), "{b}");
    assert!(
        err.contains("LEFT OUT of this site: 1 included school folder with errors (../school-b); its clubs are not published."),
        "{err}"
    );
}

#[test]
fn skipping_is_said_in_the_teacher_s_language_and_check_passes_with_it() {
    let t = SiteTest::fixture("directory_schools");
    let output = t
        .command()
        .args([
            "--lang",
            "ru",
            "check",
            "site/region",
            "--skip-broken-includes",
        ])
        .output()
        .unwrap();
    let err = Run { output }.ok().stderr();
    assert!(
        err.contains("НЕ ВКЛЮЧЕНА в этот сайт 1 подключённая папка школы"),
        "{err}"
    );
    assert!(
        err.contains("Папка школы ../school-b: 0 ошибок, 3 предупреждения"),
        "{err}"
    );
    assert!(
        err.contains("в папке школы ../school-b, указанной"),
        "{err}"
    );
    // --strict still fails on it: a left-out school is a warning.
    run(&t, "check", &["--skip-broken-includes", "--strict"]).fails_with(1);
}

#[test]
fn every_broken_school_is_left_out_and_named_in_one_line() {
    let t = SiteTest::fixture("directory_schools");
    t.edit(
        "school-a/clubs/alpha/club.yaml",
        "region: karaganda",
        "region: qaragandy",
    );
    let err = run(&t, "build", &["--skip-broken-includes"]).ok().stderr();
    assert_eq!(t.page("kk/index.html").count(".club-card"), 0);
    for (school, errors) in [("../school-a", 1), ("../school-b", 2)] {
        let says = format!("folder {school} has {errors} error(s) and is LEFT OUT");
        let b = block(&err, "site/include-skipped", &says);
        assert!(b.contains("site/region/site.yaml:4"), "{b}");
    }
    assert!(
        err.contains("LEFT OUT of this site: 2 included school folders with errors (../school-a, ../school-b); their clubs are not published."),
        "{err}"
    );
}
