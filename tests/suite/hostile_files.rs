//! Hostile files in the site folder: huge files are read in pieces, links
//! out of the site and special files (FIFOs) are never opened, a link in a
//! folder does not hide the files after it, and names that no common file
//! system can hold are refused by `check` and `build` alike.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::harness::SiteTest;

/// Peak memory allowed to a build whatever the size of static files.
const MAX_RSS_MIB: u64 = 300;

fn build_command(t: &SiteTest) -> Command {
    let mut c = t.command();
    c.args(["build", "site", "--output", "public"]);
    c
}

/// Runs `cmd` and returns its exit code, its standard error and the peak
/// memory (maximum resident set) of that process alone, in MiB: `wait4`
/// reports the usage of the one child it reaps, whatever other tests run.
fn run_measured(mut cmd: Command) -> (i32, String, u64) {
    let err = tempfile::NamedTempFile::new().unwrap();
    // Reaped by wait4 below, not by `Child::wait`, to get its own usage.
    #[allow(clippy::zombie_processes)]
    let child = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::from(err.reopen().unwrap()))
        .spawn()
        .unwrap();
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value of this plain C struct.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waits for our own child, writing into two locals.
    let pid = unsafe { libc::wait4(child.id() as i32, &mut status, 0, &mut usage) };
    assert_eq!(pid, child.id() as i32, "wait4 failed");
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -1
    };
    let stderr = std::fs::read_to_string(err.path()).unwrap();
    // ru_maxrss is in KiB on Linux.
    let mib = usage.ru_maxrss as u64 / 1024;
    assert!(mib > 0, "no memory usage was measured");
    (code, stderr, mib)
}

#[test]
fn a_huge_static_file_is_built_and_rebuilt_with_bounded_memory() {
    let t = SiteTest::fixture("school_minimal");
    std::fs::create_dir_all(t.site.join("static")).unwrap();
    let size: u64 = 2 << 30;
    // Sparse: 2 GiB to read, almost nothing on disk in the site.
    std::fs::File::create(t.site.join("static/lesson.mp4"))
        .unwrap()
        .set_len(size)
        .unwrap();
    let (code, stderr, mib) = run_measured(build_command(&t));
    assert_eq!(code, 0, "{stderr}");
    assert!(mib < MAX_RSS_MIB, "first build peaked at {mib} MiB");
    assert_eq!(t.out_path("lesson.mp4").metadata().unwrap().len(), size);

    let (code, stderr, mib) = run_measured(build_command(&t));
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("all unchanged"), "{stderr}");
    assert!(mib < MAX_RSS_MIB, "the no-op rebuild peaked at {mib} MiB");

    // A change elsewhere: the big file is hashed again and kept.
    t.write("static/note.txt", "x");
    let (code, stderr, mib) = run_measured(build_command(&t));
    assert_eq!(code, 0, "{stderr}");
    assert!(mib < MAX_RSS_MIB, "the rebuild peaked at {mib} MiB");
    assert_eq!(t.out_path("lesson.mp4").metadata().unwrap().len(), size);
}

fn fifo(path: &Path) {
    rustix::fs::mkfifoat(
        rustix::fs::CWD,
        path,
        rustix::fs::Mode::from_raw_mode(0o644),
    )
    .unwrap();
}

/// Runs `cmd`, killing it (and failing) if it has not ended within a
/// minute: opening a FIFO with no writer blocks for ever.
#[track_caller]
fn run_bounded(mut cmd: Command) -> (i32, String) {
    let err = tempfile::NamedTempFile::new().unwrap();
    let mut child = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::from(err.reopen().unwrap()))
        .spawn()
        .unwrap();
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > Duration::from_secs(60) {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("bitimger hung: it opened a FIFO");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let stderr = std::fs::read_to_string(err.path()).unwrap();
    (status.code().unwrap_or(-1), stderr)
}

#[test]
fn links_out_of_the_site_and_fifos_are_never_opened() {
    let t = SiteTest::fixture("school_minimal");
    let outside = t.dir().join("outside-fifo");
    fifo(&outside);
    // A folder the loaders never read: only the change fingerprint walks it.
    std::fs::create_dir_all(t.site.join("notes")).unwrap();
    std::os::unix::fs::symlink(&outside, t.site.join("notes/pipe")).unwrap();
    // A FIFO inside the site, where a published file could be.
    std::fs::create_dir_all(t.site.join("static")).unwrap();
    fifo(&t.site.join("static/pipe.css"));
    for _ in 0..2 {
        let (code, stderr) = run_bounded(build_command(&t));
        assert_eq!(code, 0, "{stderr}");
    }
    assert!(!t.out_path("pipe.css").exists(), "a FIFO was published");

    // A link out of the site where the loader reads: refused, not opened.
    std::os::unix::fs::symlink(&outside, t.site.join("static/secret.txt")).unwrap();
    let (code, stderr) = run_bounded(build_command(&t));
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("file/link-outside"), "{stderr}");
    let (code, stderr) = run_bounded({
        let mut c = t.command();
        c.args(["check", "site"]);
        c
    });
    assert_eq!(code, 1, "{stderr}");
}

/// A link out of documents/ is reported once, as a link; the documents
/// listed after it are published as usual.
#[test]
fn a_link_out_of_documents_is_the_only_problem_reported() {
    let t = SiteTest::fixture("school_minimal");
    t.write("documents/a-order.pdf", "%PDF a");
    t.write("documents/c-plan.pdf", "%PDF c");
    t.write("documents/d-rules.pdf", "%PDF d");
    std::os::unix::fs::symlink("/etc/hostname", t.site.join("documents/b-link.pdf")).unwrap();
    let listing = |files: &[&str]| {
        files
            .iter()
            .map(|f| format!("- file: {f}\n  title: {{kk: \"Құжат\", ru: \"Документ\"}}\n"))
            .collect::<String>()
    };
    let docs = ["a-order.pdf", "b-link.pdf", "c-plan.pdf", "d-rules.pdf"];
    t.write("documents/documents.yaml", &listing(&docs));
    let problems = t.problems();
    let found: Vec<(&str, &str)> = problems
        .iter()
        .map(|p| (p.code.as_str(), p.file.as_str()))
        .collect();
    assert_eq!(
        found,
        [("file/link-outside", "site/documents/b-link.pdf")],
        "{problems:#?}"
    );
    // The same in templates/: the template after the link is still read,
    // and its own mistake reported.
    t.write(
        "templates/club.html",
        "{% extends \"base.html\" %}\n{% block main %}\n{% if %}\n{% endblock main %}\n",
    );
    std::os::unix::fs::symlink("/etc/hostname", t.site.join("templates/a-link.html")).unwrap();
    let codes: Vec<(String, String)> = t.problems().into_iter().map(|p| (p.code, p.file)).collect();
    assert!(
        codes.contains(&("template/error".into(), "site/templates/club.html".into())),
        "{codes:?}"
    );
    t.remove("templates");
    t.remove("documents/b-link.pdf");
    t.write(
        "documents/documents.yaml",
        &listing(&["a-order.pdf", "c-plan.pdf", "d-rules.pdf"]),
    );
    t.build().ok();
    for doc in ["a-order.pdf", "c-plan.pdf", "d-rules.pdf"] {
        assert!(t.out_path(&format!("documents/{doc}")).is_file(), "{doc}");
    }
}

/// `check` and `build` agree on names that cannot be written: each is an
/// error with its file (and line, when the name is written in YAML), and
/// the build writes nothing instead of failing halfway.
#[test]
fn names_no_file_system_can_hold_are_refused_by_check_and_build() {
    // A Cyrillic folder name of 200 bytes makes a 400-letter web address.
    let long_club = "щ".repeat(100);
    type Case = (Box<dyn Fn(&SiteTest)>, &'static str, String, Option<usize>);
    let cases: Vec<Case> = vec![
        (
            Box::new(move |t: &SiteTest| {
                std::fs::rename(
                    t.site.join("clubs/senim"),
                    t.site.join("clubs").join(&long_club),
                )
                .unwrap();
            }),
            "file/name-too-long",
            format!("site/clubs/{}", "щ".repeat(100)),
            None,
        ),
        (
            Box::new(|t: &SiteTest| {
                t.write(&format!("news/2025-03-01-{}.md", "щ".repeat(70)), NEWS);
            }),
            "file/name-too-long",
            format!("site/news/2025-03-01-{}.md", "щ".repeat(70)),
            None,
        ),
        (
            Box::new(|t: &SiteTest| {
                t.write("static/files/plan: 2025?.txt", "x");
            }),
            "file/name-invalid",
            "site/static/files/plan: 2025?.txt".to_string(),
            None,
        ),
        (
            Box::new(|t: &SiteTest| {
                t.write("documents/order|12.pdf", "%PDF");
                t.write(
                    "documents/documents.yaml",
                    "- file: \"order|12.pdf\"\n  title: {kk: \"Бұйрық\", ru: \"Приказ\"}\n",
                );
            }),
            "file/name-invalid",
            "site/documents/documents.yaml".to_string(),
            Some(1),
        ),
    ];
    for (make, code, file, line) in cases {
        let t = SiteTest::fixture("school_minimal");
        make(&t);
        let problems = t.problems();
        assert!(
            problems
                .iter()
                .any(|p| p.code == code && p.file == file && (line.is_none() || p.line == line)),
            "{code} at {file}: {problems:#?}"
        );
        let run = t.build().fails_with(1);
        assert!(run.stderr().contains(code), "{}", run.stderr());
        assert!(!t.out.exists(), "the build wrote something");
    }
}

const NEWS: &str =
    "---\ntitle: {kk: \"Жаңалық\", ru: \"Новость\"}\ndate: 2025-03-01\n---\nМәтін.\n";

/// Files under `dir`, relative.
fn files_under(dir: &Path) -> Vec<String> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| !e.file_type().is_dir())
        .map(|e| e.path().strip_prefix(dir).unwrap().display().to_string())
        .collect()
}

/// `init` and `new` write only inside the target folder: a folder on the
/// way that is a link (`my-school/clubs -> /elsewhere`) stops them before
/// anything is written, and nothing is written where it leads.
#[test]
fn init_and_new_never_write_through_a_linked_folder() {
    let t = SiteTest::files(&[]);
    let elsewhere = t.dir().join("elsewhere");
    std::fs::create_dir_all(&elsewhere).unwrap();
    std::fs::create_dir_all(&t.site).unwrap();
    std::os::unix::fs::symlink(&elsewhere, t.site.join("clubs")).unwrap();
    let scaffold = |args: &[&str]| {
        let out = t.command().args(args).output().unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).to_string(),
        )
    };
    let (code, stderr) = scaffold(&["init", "site"]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("site/clubs is a link"), "{stderr}");
    assert_eq!(files_under(&t.site), ["clubs"], "init wrote something");
    assert!(
        files_under(&elsewhere).is_empty(),
        "init wrote through the link"
    );

    // A site whose club folder or news folder is a link out.
    std::fs::remove_file(t.site.join("clubs")).unwrap();
    let (code, stderr) = scaffold(&["init", "site"]);
    assert_eq!(code, Some(0), "{stderr}");
    let club = t.site.join("clubs/senim");
    std::fs::rename(&club, elsewhere.join("senim")).unwrap();
    std::os::unix::fs::symlink(elsewhere.join("senim"), &club).unwrap();
    std::fs::remove_dir_all(t.site.join("news")).unwrap();
    std::os::unix::fs::symlink(&elsewhere, t.site.join("news")).unwrap();
    let before = files_under(&elsewhere);
    for args in [
        &["new", "report", "senim", "2030-2031", "--site", "site"][..],
        &["new", "news", "senim", "Жаңалық", "--site", "site"],
        &["new", "news", "Жаңалық", "--site", "site"],
    ] {
        let (code, stderr) = scaffold(args);
        assert_eq!(code, Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains("is a link"), "{stderr}");
    }
    assert_eq!(files_under(&elsewhere), before, "new wrote through a link");
}
