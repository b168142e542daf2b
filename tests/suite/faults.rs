//! Output integrity under faults: a build killed with SIGKILL at any moment
//! leaves the output folder exactly as the previous complete site or as the
//! new complete site, never a mix; the next build clears what a killed one
//! left behind.
//!
//! Files in the output that bitimger did not make (a `.git`, a `CNAME`)
//! are in every one of those states.
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
