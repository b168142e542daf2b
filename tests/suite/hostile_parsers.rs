//! Hostile input (docs/security.md, "Hostile input: YAML and Markdown").
//!
//! YAML whose aliases would grow far past its file is refused in every kind
//! of YAML file, by a binary that runs under a memory limit it would
//! otherwise blow through. Markdown shaped to make one step superlinear
//! (equal headings, many links, deep nesting, unclosed tags) takes about
//! ten times as long for ten times the text: each shape is run at 1x and
//! 10x, and the 10x run is stopped, failing, past 30 times the 1x time.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::harness::SiteTest;

/// Address space for one run: a normal site needs far less, and a
/// 1 MB text copied 20,000 times (20 GB) cannot fit.
const MEMORY_KB: u64 = 4_000_000;

/// `command` run through `sh` with the memory limit.
fn limited(t: &SiteTest, args: &[&str]) -> Command {
    let mut c = Command::new("sh");
    c.arg("-c")
        .arg(format!("ulimit -v {MEMORY_KB} && exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_bitimger"))
        .args(args)
        .current_dir(t.dir())
        .env("NO_COLOR", "1")
        .env("BITIMGER_LANG", "en")
        .env("BITIMGER_CACHE_DIR", t.cache());
    c
}

/// A 1 MB text marked `&big` in `head`, then `use_line` 20,000 times: a
/// file of 1.2 MB that would be 20 GB with its aliases written out.
fn bomb(head: &str, use_line: &str, tail: &str) -> String {
    let big = "x".repeat(1024 * 1024);
    format!(
        "{}{}{tail}",
        head.replace("BIG", &big),
        use_line.repeat(20_000)
    )
}

/// Every kind of YAML file, each with an alias bomb.
fn bombs() -> Vec<(&'static str, String)> {
    vec![
        (
            "site.yaml",
            bomb(
                "kind: school\nlanguages: [kk, ru]\ntitle: &big BIG\ndescription:\n",
                "  - *big\n",
                "",
            ),
        ),
        (
            "clubs/senim/club.yaml",
            bomb(
                "name: &big BIG\nschool: {name: x, region: karaganda}\ngoals:\n",
                "  - *big\n",
                "",
            ),
        ),
        (
            "clubs/senim/plans/2025-2026.yaml",
            bomb(
                "year: 2025-2026\nitems:\n  - when: september\n    title: &big BIG\n",
                "  - {when: october, title: *big}\n",
                "",
            ),
        ),
        (
            "pages/about.md",
            bomb(
                "---\ntitle: &big BIG\nkeywords:\n",
                "  - *big\n",
                "---\nText.\n",
            ),
        ),
        (
            "clubs/senim/news/2025-01-10-meeting.md",
            bomb(
                "---\ntitle: &big BIG\ntags:\n",
                "  - *big\n",
                "---\nText.\n",
            ),
        ),
        (
            "clubs/senim/photos/photos.yaml",
            bomb(
                "- file: a.jpg\n  alt: &big BIG\n",
                "- {file: a.jpg, alt: *big}\n",
                "",
            ),
        ),
        (
            "documents/documents.yaml",
            bomb(
                "- file: a.pdf\n  title: &big BIG\n",
                "- {file: a.pdf, title: *big}\n",
                "",
            ),
        ),
        (
            "principles.yaml",
            bomb(
                "- title: &big BIG\n  text: x\n",
                "- {title: *big, text: x}\n",
                "",
            ),
        ),
    ]
}

fn json_problems(stdout: &[u8]) -> Vec<Value> {
    serde_json::from_slice(stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(stdout)))
}

#[test]
fn yaml_aliases_that_would_grow_past_the_file_are_refused_in_every_kind_of_file() {
    for (path, text) in bombs() {
        let t = SiteTest::fixture("school_minimal");
        t.write(path, &text);
        let out = limited(&t, &["check", "site", "--format", "json"])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{path}: {stderr}");
        let problems = json_problems(&out.stdout);
        let found = problems
            .iter()
            .find(|p| p["code"] == "yaml/too-big")
            .unwrap_or_else(|| panic!("{path}: no yaml/too-big in {problems:#?}"));
        let file = found["location"]["file"].as_str().unwrap();
        assert_eq!(file, format!("site/{path}"), "{path}");
        // At an alias (a line that uses `*big`), not at the 1 MB text.
        let line = found["location"]["line"].as_u64().unwrap() as usize;
        let at = text.lines().nth(line - 1).unwrap();
        assert!(at.contains("*big"), "{path}:{line}: {at:.80}");
        let message = found["message"].as_str().unwrap();
        assert!(message.contains("`*big`"), "{path}: {message}");
    }
}

#[test]
fn a_build_refuses_an_alias_bomb_and_writes_nothing() {
    let (path, text) = bombs().remove(2);
    let t = SiteTest::fixture("school_minimal");
    t.write(path, &text);
    let out = limited(&t, &["build", "site", "--output", "public"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("error[yaml/too-big]"), "{stderr}");
    assert!(!t.out.exists());
}

#[test]
fn anchors_and_aliases_of_small_values_still_work() {
    let t = SiteTest::fixture("school_minimal");
    t.write(
        "clubs/senim/club.yaml",
        "name: &name {kk: \"Сенім\", ru: \"Доверие\"}\n\
         school:\n  name: {kk: \"№ 1 гимназия\", ru: \"Гимназия № 1\"}\n  region: karaganda\n\
         goals:\n  - &peace {kk: \"Бейбіт шешу\", ru: \"Мирное решение\"}\n  - *peace\n\
         tasks: [*peace, *name]\n\
         feedback:\n  question: https://forms.example.test/question\n",
    );
    t.build().ok();
    let page = t.page("kk/index.html");
    assert_eq!(page.texts("#goals li"), ["Бейбіт шешу", "Бейбіт шешу"]);
    assert_eq!(page.texts("#tasks li"), ["Бейбіт шешу", "Сенім"]);
}

/// A shape of text and the size of its 1x text.
struct Shape {
    name: &'static str,
    /// The file of the site it is written to.
    path: &'static str,
    /// The file's text for size `n`.
    text: fn(usize) -> String,
    n: usize,
    /// `build` (must succeed) or `check` (may report problems).
    command: &'static str,
}

/// Runs the shape's command on a site with its text, stopped at `deadline`:
/// the time it took and its exit code, or `None` when it was stopped.
fn run(shape: &Shape, n: usize, deadline: Duration) -> Option<(Duration, i32)> {
    let t = SiteTest::fixture("school_minimal");
    t.write(shape.path, &(shape.text)(n));
    if let Some(name) = shape.path.strip_prefix("documents/") {
        t.write(
            "documents/documents.yaml",
            &format!("- {{file: {name}, title: Shape}}\n"),
        );
    }
    let mut c = t.command();
    match shape.command {
        "build" => c.args(["build", "site", "--output", "public"]),
        _ => c.args(["check", "site", "--format", "json"]),
    };
    let start = Instant::now();
    let mut child = c
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return Some((start.elapsed(), status.code().unwrap_or(-1)));
        }
        if start.elapsed() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// A page of the site with `body` as its text.
fn page(body: String) -> String {
    format!("---\ntitle: Shape\n---\n{body}")
}

#[track_caller]
fn assert_linear(shape: Shape) {
    let ok = |code: i32| match shape.command {
        "build" => code == 0,
        _ => matches!(code, 0 | 1),
    };
    let (once, code) = run(&shape, shape.n, Duration::from_secs(120))
        .unwrap_or_else(|| panic!("{}: the 1x text took over 2 minutes", shape.name));
    assert!(ok(code), "{}: 1x exited with {code}", shape.name);
    let bound = once * 30 + Duration::from_secs(3);
    match run(&shape, shape.n * 10, bound) {
        Some((ten, code)) => assert!(
            ok(code),
            "{}: 10x exited with {code} after {ten:?}",
            shape.name
        ),
        None => panic!(
            "{}: 10x the text took over {bound:?} (1x: {once:?})",
            shape.name
        ),
    }
}

#[test]
fn thousands_of_equal_headings_take_linear_time() {
    assert_linear(Shape {
        name: "equal headings",
        path: "pages/shape.md",
        text: |n| page("# h\n".repeat(n)),
        n: 2_000,
        command: "build",
    });
}

#[test]
fn many_links_each_on_its_line_take_linear_time_to_check() {
    assert_linear(Shape {
        name: "broken links",
        path: "pages/shape.md",
        text: |n| page((0..n).map(|i| format!("[x](a{i})\n")).collect()),
        n: 2_000,
        command: "check",
    });
}

#[test]
fn many_links_on_one_line_take_linear_time() {
    assert_linear(Shape {
        name: "links on one line",
        path: "pages/shape.md",
        text: |n| page((0..n).map(|i| format!("[x](a{i}) ")).collect()),
        n: 2_000,
        // The links lead nowhere, which stops a build: check renders the
        // same pages and reports them all.
        command: "check",
    });
}

#[test]
fn thousands_of_errors_on_one_line_take_linear_time_to_report() {
    assert_linear(Shape {
        name: "javascript: links",
        path: "pages/shape.md",
        text: |n| page("[x](javascript:alert(1)) ".repeat(n)),
        n: 2_000,
        command: "check",
    });
}

#[test]
fn deeply_nested_quotes_take_linear_time() {
    assert_linear(Shape {
        name: "nested quotes",
        path: "pages/shape.md",
        text: |n| page("> ".repeat(n) + "x\n"),
        n: 5_000,
        command: "build",
    });
}

#[test]
fn deeply_nested_lists_take_linear_time() {
    assert_linear(Shape {
        name: "nested lists",
        path: "pages/shape.md",
        text: |n| page("- ".repeat(n) + "x\n"),
        n: 5_000,
        command: "build",
    });
}

#[test]
fn unclosed_html_tags_take_linear_time() {
    assert_linear(Shape {
        name: "unclosed divs",
        path: "pages/shape.md",
        text: |n| page("<div>\n".repeat(n)),
        n: 20_000,
        command: "build",
    });
}

#[test]
fn a_deeply_nested_html_document_takes_linear_time() {
    assert_linear(Shape {
        name: "nested divs in a document",
        path: "documents/shape.html",
        text: |n| format!("<html><body>{}</body></html>", "<div>\n".repeat(n)),
        n: 20_000,
        command: "build",
    });
}

#[test]
fn misnested_html_tables_take_linear_time() {
    assert_linear(Shape {
        name: "misnested tables",
        path: "pages/shape.md",
        text: |n| page("<div><table><tr><td></div>\n".repeat(n)),
        n: 1_000,
        command: "build",
    });
}

#[test]
fn a_big_yaml_file_with_many_typos_takes_linear_time() {
    // Each typo made the whole file be read again to find the next one.
    assert_linear(Shape {
        name: "typos in a plan",
        path: "clubs/senim/plans/2025-2026.yaml",
        text: |n| {
            let item = "  - when: september\n    title: {kk: \"Жас медиаторлар құрамын жаңарту\", ru: \"Обновление состава\"}\n";
            let mut text = String::from("year: 2025-2026\nitems:\n");
            for i in 0..n {
                text.push_str(item);
                if i % 300 == 0 {
                    text.push_str("    titel: x\n");
                }
            }
            text
        },
        n: 2_500,
        command: "check",
    });
}

/// A plan that fails to parse (`notes` is not a field) with `body` after
/// it: the failure is read again for its problems and their positions.
fn broken_plan(body: String) -> String {
    format!("year: 2025-2026\nitems: []\nnotes:{body}\n")
}

#[test]
fn a_broken_yaml_file_nested_deeply_takes_linear_time() {
    // Lists in lists on one line (`- - - x`) nest without indentation: the
    // positions of a failed file are read with an explicit stack.
    let shape = Shape {
        name: "deep lists in a broken plan",
        path: "clubs/senim/plans/2025-2026.yaml",
        text: |n| broken_plan(format!("\n  {}x", "- ".repeat(n))),
        n: 5_000,
        command: "check",
    };
    assert_linear(shape);
    let t = SiteTest::fixture("school_minimal");
    t.write(
        "clubs/senim/plans/2025-2026.yaml",
        &broken_plan(format!("\n  {}x", "- ".repeat(50_000))),
    );
    let problems = t.problems();
    assert!(
        problems
            .iter()
            .any(|p| p.code == "plan/unknown-field" && p.line == Some(3)),
        "{problems:#?}"
    );
}

#[test]
fn a_broken_yaml_file_full_of_aliases_takes_linear_time() {
    // Aliases are leaves of the positions' tree: never followed there.
    let shape = Shape {
        name: "aliases in a broken plan",
        path: "clubs/senim/plans/2025-2026.yaml",
        text: |n| broken_plan(format!(" &m [x, y]\nmore: [{}]", vec!["*m"; n].join(", "))),
        n: 10_000,
        command: "check",
    };
    assert_linear(shape);
    let t = SiteTest::fixture("school_minimal");
    t.write(
        "clubs/senim/plans/2025-2026.yaml",
        &broken_plan(format!(
            " &m [x, y]\nmore: [{}]",
            vec!["*m"; 100_000].join(", ")
        )),
    );
    let found: Vec<(String, Option<usize>)> =
        t.problems().into_iter().map(|p| (p.code, p.line)).collect();
    assert_eq!(
        found,
        [
            ("plan/unknown-field".to_string(), Some(3)),
            ("plan/unknown-field".to_string(), Some(4))
        ]
    );
}

#[test]
fn deep_nesting_is_flattened_with_a_warning_at_its_line() {
    let t = SiteTest::fixture("school_minimal");
    t.write(
        "pages/deep.md",
        &format!(
            "---\ntitle: Deep\n---\nFirst.\n\n{}deep\n\nAfter.\n",
            "> ".repeat(500)
        ),
    );
    let problems = t.problems();
    let warning = problems
        .iter()
        .find(|p| p.code == "markdown/too-deep")
        .unwrap_or_else(|| panic!("no markdown/too-deep in {problems:#?}"));
    assert_eq!(warning.severity, "warning");
    assert_eq!(warning.file, "site/pages/deep.md");
    assert_eq!(warning.line, Some(6));
    let run = t.build().ok();
    assert!(run.stderr().contains("warning[markdown/too-deep]"));
    let page = t.page("kk/pages/deep/index.html");
    let quotes = page.count(".prose blockquote");
    assert!((50..=100).contains(&quotes), "{quotes} quotes");
    let paragraphs = page.texts(".prose p");
    assert_eq!(paragraphs.first().map(String::as_str), Some("First."));
    assert_eq!(paragraphs.last().map(String::as_str), Some("After."));
    assert!(page.text(".prose blockquote").contains("deep"));
}

#[test]
fn thousands_of_equal_headings_get_distinct_ids() {
    let t = SiteTest::fixture("school_minimal");
    t.write(
        "pages/h.md",
        &format!("---\ntitle: H\n---\n# h-3\n\n{}", "# h\n\n".repeat(3000)),
    );
    t.build().ok();
    let ids = t.page("kk/pages/h/index.html").attrs(".prose h2", "id");
    assert_eq!(ids.len(), 3001);
    let distinct: std::collections::HashSet<&String> = ids.iter().collect();
    assert_eq!(distinct.len(), 3001);
    assert_eq!(ids[..4], ["h-3", "h", "h-2", "h-4"]);
}
