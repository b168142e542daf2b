//! Output integrity under faults: a build killed with SIGKILL at any moment
//! leaves the output folder exactly as the previous complete site or as the
//! new complete site, never a mix; the next build clears what a killed one
//! left behind.
//!
//! Files in the output that bitimger did not make (a `.git`, a `CNAME`)
//! are in every one of those states.
//!
//! Two builds started at once into the same output (a teacher who
//! double-clicked twice) never mix: the second waits for the first, saying
//! so once, and the output is one whole site; with `--no-wait` it stops.
//!
//! The kill moments are random (seeded) over the length of a build; what
//! is asserted holds whatever the timing.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::check::{CLUB_YAML, school};
use crate::harness::{SiteTest, bitimger};

/// News items: enough pages for a build to take a good fraction of a second.
const NEWS: usize = 120;
const KILLS: usize = 24;

type Snapshot = BTreeMap<PathBuf, Vec<u8>>;

/// The site's files with their bytes. The marker file is left out: its
/// manifest records when each file was written, which differs between two
/// builds of the same site.
fn snapshot(out: &Path) -> Snapshot {
    walkdir::WalkDir::new(out)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file() && e.file_name() != ".bitimger-output")
        .map(|e| {
            let rel = e.path().strip_prefix(out).unwrap().to_path_buf();
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

fn big_site() -> SiteTest {
    let t = school(&[("clubs/senim/club.yaml", CLUB_YAML)]);
    for i in 0..NEWS {
        let text = format!(
            "---\ntitle: {{kk: \"Жаңалық {i}\", ru: \"Новость {i}\"}}\ndate: 2025-0{}-1{}\n---\n## Тренинг\n\nКлуб медиаторлары {i}-ші тренингті өткізді. *Қатысушылар* қақтығыстарды бейбіт жолмен шешуді үйренді.\n",
            1 + i % 9,
            i % 10
        );
        t.write(&format!("news/2025-01-01-item-{i}.md"), &text);
    }
    t
}

/// Two versions of the site that differ on every page: the title.
fn set_version(t: &SiteTest, v: usize) {
    let title = ["Бірінші нұсқа", "Екінші нұсқа"][v];
    t.write(
        "site.yaml",
        &format!("title: {{kk: \"{title}\", ru: \"{title}\"}}\nlanguages: [kk, ru]\n"),
    );
}

fn leftovers(t: &SiteTest) -> Vec<String> {
    std::fs::read_dir(t.out.parent().unwrap())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.contains(".bitimger-"))
        .collect()
}

#[test]
fn a_killed_build_leaves_the_previous_or_the_new_site() {
    let t = big_site();
    let mut versions: Vec<Snapshot> = Vec::new();
    let mut build_time = Duration::ZERO;
    for v in [0, 1] {
        set_version(&t, v);
        let start = Instant::now();
        t.build().ok();
        build_time = build_time.max(start.elapsed());
        if v == 0 {
            // Files bitimger did not make: in both versions, so in every
            // state the output may be found in.
            std::fs::create_dir_all(t.out.join(".git")).unwrap();
            std::fs::write(t.out.join(".git/HEAD"), "ref: refs/heads/gh-pages\n").unwrap();
            std::fs::write(t.out.join("CNAME"), "mediation.school.kz\n").unwrap();
        }
        versions.push(snapshot(&t.out));
    }
    assert!(versions[1].contains_key(Path::new(".git/HEAD")));
    assert_ne!(versions[0], versions[1]);
    let mut current = 1;
    let mut rng = fastrand::Rng::with_seed(20_251_122);
    // Twice a build: some kills land before the swap, some after.
    let span = build_time.as_millis() as u64 * 2 + 1;
    let mut interrupted = 0;
    let mut site_version = 1;
    for kill in 0..KILLS {
        let next = 1 - current;
        set_version(&t, next);
        site_version = next;
        let mut child = bitimger()
            .arg("build")
            .arg(&t.site)
            .arg("--output")
            .arg(&t.out)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(rng.u64(0..span)));
        child.kill().unwrap(); // SIGKILL on Unix
        let status = child.wait().unwrap();
        let now = snapshot(&t.out);
        if now == versions[next] {
            current = next;
        } else {
            assert!(
                now == versions[current],
                "kill {kill}: the output is neither the previous nor the new site ({} files, status {status:?})",
                now.len()
            );
            interrupted += 1;
        }
    }
    eprintln!(
        "{interrupted} of {KILLS} kills landed before the new site was in place (build: {build_time:?})"
    );
    t.build().ok();
    assert!(snapshot(&t.out) == versions[site_version]);
    assert_eq!(
        leftovers(&t),
        Vec::<String>::new(),
        "temporary folders left behind"
    );
}

/// Text on every page of one version of the site (its title), and of no
/// page of the other.
const MARKERS: [&str; 2] = ["Бірінші нұсқа", "Екінші нұсқа"];
const ROUNDS: usize = 4;
const WAITING: &str = "another bitimger build is writing into public/; waiting for it to finish";

/// Version `v` of the site. The second lacks ten news items, so a mix of
/// the two shows in which pages there are as well as in their texts.
fn site_version(v: usize) -> SiteTest {
    let t = big_site();
    set_version(&t, v);
    if v == 1 {
        for i in 0..10 {
            t.remove(&format!("news/2025-01-01-item-{i}.md"));
        }
    }
    t
}

fn build_into(site: &Path, out: &Path) -> std::process::Child {
    bitimger()
        .arg("build")
        .arg(site)
        .arg("--output")
        .arg(out)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Asserts that `out` holds version `v` whole (every page of it, no page
/// of the other) and that its manifest lists exactly its files as they are.
fn assert_whole_site(out: &Path, v: usize, expected: &Snapshot) {
    let pages: Vec<&PathBuf> = expected
        .keys()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    assert!(pages.len() > 100, "{} pages", pages.len());
    for page in pages {
        let text = std::fs::read_to_string(out.join(page))
            .unwrap_or_else(|e| panic!("{}: missing ({e})", page.display()));
        let html = scraper::Html::parse_document(&text);
        let text: String = html.root_element().text().collect();
        assert!(
            text.contains(MARKERS[v]),
            "{}: not of version {v}",
            page.display()
        );
        assert!(
            !text.contains(MARKERS[1 - v]),
            "{}: of the other version",
            page.display()
        );
    }
    let marker = std::fs::read_to_string(out.join(".bitimger-output")).unwrap();
    let mut listed = BTreeMap::new();
    for line in marker.lines().skip(1).filter(|l| !l.starts_with('#')) {
        let parts: Vec<&str> = line.splitn(4, ' ').collect();
        let bytes = std::fs::read(out.join(parts[3])).unwrap();
        let hash = format!("{:032x}", xxhash_rust::xxh3::xxh3_128(&bytes));
        assert_eq!(
            (parts[0], parts[1]),
            (hash.as_str(), bytes.len().to_string().as_str()),
            "{}",
            parts[3]
        );
        listed.insert(PathBuf::from(parts[3]), bytes);
    }
    assert!(
        &listed == expected,
        "the manifest does not list the files of the output"
    );
}

/// Two builds of different sites started together, a few rounds, into one
/// output: each round ends with one whole site, both builds succeed, and
/// no temporary folder is left.
#[test]
fn two_builds_at_once_publish_one_whole_site() {
    let sites = [site_version(0), site_version(1)];
    let out = sites[0].out.clone();
    let mut versions: Vec<Snapshot> = Vec::new();
    for t in &sites {
        let done = build_into(&t.site, &out).wait_with_output().unwrap();
        assert!(
            done.status.success(),
            "{}",
            String::from_utf8_lossy(&done.stderr)
        );
        versions.push(snapshot(&out));
    }
    let mut waited = 0;
    for round in 0..ROUNDS {
        // A comment changes the inputs, not the pages: every build of the
        // round writes the whole site.
        for t in &sites {
            t.write(
                "site.yaml",
                &format!("{}# round {round}\n", t.read("site.yaml")),
            );
        }
        let order = if round % 2 == 0 { [0, 1] } else { [1, 0] };
        let builds: Vec<_> = order
            .iter()
            .map(|&v| build_into(&sites[v].site, &out))
            .collect();
        for build in builds {
            let done = build.wait_with_output().unwrap();
            let stderr = String::from_utf8_lossy(&done.stderr);
            assert!(done.status.success(), "round {round}: {stderr}");
            waited += stderr.matches("; waiting for it to finish").count();
        }
        let now = snapshot(&out);
        let home = std::fs::read_to_string(out.join("kk/index.html"))
            .unwrap_or_else(|e| panic!("round {round}: no home page ({e})"));
        let v = usize::from(!home.contains(MARKERS[0]));
        assert_whole_site(&out, v, &versions[v]);
        assert!(now == versions[v], "round {round}: not exactly version {v}");
        assert_eq!(leftovers(&sites[0]), Vec::<String>::new(), "round {round}");
    }
    // Started together, they met at the lock (a build takes far longer
    // than starting a process).
    assert!(
        waited >= 1,
        "no build of {ROUNDS} rounds waited for the other"
    );
}

/// Holds the output's lock file as a build does (the test plays the first
/// build), so the second build's wait is seen whatever the timing.
fn lock_file(t: &SiteTest) -> fd_lock::RwLock<std::fs::File> {
    let path = t.dir().join(".public.bitimger.lock");
    let file = std::fs::File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path);
    fd_lock::RwLock::new(file.unwrap())
}

#[test]
fn a_second_build_waits_for_the_first_then_succeeds() {
    let t = school(&[("clubs/senim/club.yaml", CLUB_YAML)]);
    let mut lock = lock_file(&t);
    let first = lock.try_write().unwrap();
    let mut second = t
        .command()
        .args(["build", "site", "--output", "public"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = second.stderr.take().unwrap();
    let (tx, lines) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        use std::io::BufRead;
        for line in std::io::BufReader::new(stderr).lines() {
            tx.send(line.unwrap()).unwrap();
        }
    });
    let said = lines.recv_timeout(Duration::from_secs(120));
    if said.is_err() {
        second.kill().ok();
    }
    assert_eq!(said.unwrap(), WAITING);
    assert!(
        second.try_wait().unwrap().is_none(),
        "the second build did not wait"
    );
    assert!(
        !t.out.exists(),
        "the second build wrote while the first held the output"
    );
    drop(first);
    assert!(second.wait().unwrap().success());
    reader.join().unwrap();
    let rest: Vec<String> = lines.try_iter().collect();
    assert!(
        rest.iter().all(|l| !l.contains("waiting")),
        "said again: {rest:?}"
    );
    assert!(rest.iter().any(|l| l.starts_with("Built ")), "{rest:?}");
    let home = scraper::Html::parse_document(&t.out_text("kk/index.html"));
    assert_eq!(home.root_element().attr("lang"), Some("kk"));
}

#[test]
fn with_no_wait_a_second_build_stops_and_writes_nothing() {
    let t = school(&[("clubs/senim/club.yaml", CLUB_YAML)]);
    t.build().ok();
    let before = t.snapshot();
    // A change, so that the build would write if it could.
    t.write("site.yaml", &format!("{}# changed\n", t.read("site.yaml")));
    let mut lock = lock_file(&t);
    let first = lock.try_write().unwrap();
    let run = t.build_with(&["--no-wait"]).fails_with(2);
    assert_eq!(
        run.stderr().trim(),
        "error: another bitimger build is writing into public; nothing was written: build again when it has finished, or leave out --no-wait to wait for it"
    );
    assert!(t.snapshot() == before);
    assert_eq!(leftovers(&t), Vec::<String>::new());
    drop(first);
    t.build_with(&["--no-wait"]).ok();
}
