//! Files in the output folder that bitimger did not make (a gh-pages
//! checkout's `.git`, a `CNAME`, a note) are never deleted: every build
//! carries them over, byte for byte, and says so; a build that would put a
//! file of its own in their place stops and names them.

use std::path::Path;

use crate::harness::SiteTest;

/// Someone else's files, with their bytes: a gh-pages checkout and a note.
const OTHERS: &[(&str, &[u8])] = &[
    (".git/HEAD", b"ref: refs/heads/gh-pages\n"),
    (".git/objects/ab/cdef0123", b"\x78\x01\x00\xff binary"),
    ("CNAME", b"mediation.school.kz\n"),
    (".nojekyll", b""),
    ("kk/notes.txt", "Ескертпе\n".as_bytes()),
];

fn put_others(out: &Path) {
    for (path, bytes) in OTHERS {
        let p = out.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }
    // git needs its empty folders too.
    std::fs::create_dir_all(out.join(".git/refs/tags")).unwrap();
}

#[track_caller]
fn assert_others_kept(out: &Path) {
    for (path, bytes) in OTHERS {
        let now = std::fs::read(out.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert!(now == *bytes, "{path} changed");
    }
    assert!(
        out.join(".git/refs/tags").is_dir(),
        "an empty folder was lost"
    );
}

#[test]
fn files_not_made_by_bitimger_are_kept_and_named_in_the_summary() {
    let t = SiteTest::fixture("every_page_kind");
    t.build().ok();
    put_others(&t.out);
    // A change, and a page bitimger made that is no longer made.
    t.edit("site.yaml", "title:", "# edited\ntitle:");
    t.remove("pages");
    let run = t.build().ok();
    assert_others_kept(&t.out);
    let stderr = run.stderr();
    assert!(
        stderr.contains(
            "Kept 5 files not made by bitimger, as they were: .git/, .nojekyll, CNAME, kk/notes.txt"
        ),
        "{stderr}"
    );
    assert!(!t.out_path("kk/pages/about-mediation/index.html").exists());
    assert!(t.out_path("kk/index.html").is_file());

    // Nothing changed: nothing is touched, and they stay.
    let run = t.build().ok();
    assert!(run.stderr().contains("all unchanged"), "{}", run.stderr());
    assert_others_kept(&t.out);
    // A failed build leaves them too.
    t.edit("clubs/senim/club.yaml", "karaganda", "qaraganda");
    t.build().fails_with(1);
    assert_others_kept(&t.out);
    t.edit("clubs/senim/club.yaml", "qaraganda", "karaganda");
    t.build().ok();
    assert_others_kept(&t.out);
}

#[test]
fn a_gh_pages_checkout_can_be_the_output_folder() {
    let t = SiteTest::fixture("school_minimal");
    std::fs::create_dir_all(&t.out).unwrap();
    std::fs::write(t.out.join("CNAME"), "mediation.school.kz\n").unwrap();
    std::fs::create_dir_all(t.out.join(".git/refs/heads")).unwrap();
    std::fs::write(t.out.join(".git/HEAD"), "ref: refs/heads/gh-pages\n").unwrap();
    let run = t.build().ok();
    assert!(run.stderr().contains("Kept 2 files"), "{}", run.stderr());
    assert!(t.out_path("kk/index.html").is_file());
    assert_eq!(t.out_text("CNAME"), "mediation.school.kz\n");
    assert!(t.out_path(".git/refs/heads").is_dir());
}

#[test]
fn a_new_file_where_someone_put_theirs_stops_the_build_and_names_it() {
    let t = SiteTest::fixture("every_page_kind");
    t.build().ok();
    let mine = t.out_path("kk/pages/rules/index.html");
    std::fs::create_dir_all(mine.parent().unwrap()).unwrap();
    std::fs::write(&mine, "my own page").unwrap();
    let before = t.snapshot();
    t.write("pages/rules.md", "---\ntitle: Ережелер\n---\nМәтін.\n");
    let run = t.build().fails_with(2);
    let stderr = run.stderr();
    assert!(
        stderr.contains("public/kk/pages/rules/index.html") && stderr.contains("did not make"),
        "{stderr}"
    );
    assert!(t.snapshot() == before, "the output changed");
    // Moved away, the build goes on.
    std::fs::remove_file(&mine).unwrap();
    t.build().ok();
    assert!(t.out_text("kk/pages/rules/index.html").contains("Ережелер"));
}
