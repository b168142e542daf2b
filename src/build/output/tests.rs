//! Unit tests of the output writer: replacing, linking unchanged files,
//! refusing output folders, recovering from a killed swap.

use super::*;

/// The names in `dir` (sorted): the output's folder and its lock file,
/// and nothing else once a build is done.
pub(in crate::build) fn beside(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    names
}

const ONLY_OUTPUT: [&str; 2] = [".public.bitimger.lock", "public"];

pub(in crate::build) fn page(path: &str, text: &str) -> OutputFile {
    OutputFile::Bytes {
        path: path.into(),
        bytes: text.as_bytes().to_vec(),
    }
}

#[test]
fn replaces_the_whole_output() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    write_output(&out, &[page("a/index.html", "1"), page("b.txt", "x")]).unwrap();
    write_output(&out, &[page("a/index.html", "2")]).unwrap();
    assert_eq!(
        std::fs::read_to_string(out.join("a/index.html")).unwrap(),
        "2"
    );
    assert!(!out.join("b.txt").exists());
    assert_eq!(
        beside(dir.path()),
        ONLY_OUTPUT,
        "temporary folders were left behind"
    );
}

#[test]
fn a_rebuild_with_nothing_changed_touches_nothing() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let files = [page("a/index.html", "1"), page("b/index.html", "2")];
    write_output(&out, &files).unwrap();
    let before = std::fs::metadata(out.join("a/index.html")).unwrap();
    let marker = std::fs::read(out.join(MARKER)).unwrap();
    let outcome = write_output(&out, &files).unwrap();
    assert_eq!(outcome, WriteOutcome::Unchanged { files: 2 });
    let after = std::fs::metadata(out.join("a/index.html")).unwrap();
    assert_eq!(before.ino(), after.ino());
    assert_eq!(before.mtime_nsec(), after.mtime_nsec());
    assert_eq!(std::fs::read(out.join(MARKER)).unwrap(), marker);
    assert_eq!(beside(dir.path()), ONLY_OUTPUT);
}

#[test]
fn a_rebuild_writes_changed_files_and_links_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    write_output(
        &out,
        &[
            page("a/index.html", "1"),
            page("b/index.html", "2"),
            page("c.txt", "3"),
        ],
    )
    .unwrap();
    let outcome = write_output(
        &out,
        &[page("a/index.html", "1"), page("b/index.html", "two")],
    )
    .unwrap();
    assert_eq!(
        outcome,
        WriteOutcome::Replaced {
            written: 1,
            kept: 1,
            others: Others::default(),
        }
    );
    let read = |p: &str| std::fs::read_to_string(out.join(p)).unwrap();
    assert_eq!(read("a/index.html"), "1");
    assert_eq!(read("b/index.html"), "two");
    assert!(!out.join("c.txt").exists(), "a file no longer built stays");
    assert_eq!(beside(dir.path()), ONLY_OUTPUT);
}

#[test]
fn a_file_edited_in_the_output_is_written_again() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let files = [page("a/index.html", "1234")];
    write_output(&out, &files).unwrap();
    std::fs::write(out.join("a/index.html"), "abcd").unwrap();
    let outcome = write_output(&out, &files).unwrap();
    assert_eq!(
        outcome,
        WriteOutcome::Replaced {
            written: 1,
            kept: 0,
            others: Others::default(),
        }
    );
    assert_eq!(
        std::fs::read_to_string(out.join("a/index.html")).unwrap(),
        "1234"
    );
}

#[test]
fn an_abandoned_write_leaves_the_output_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    write_output(&out, &[page("a/index.html", "1")]).unwrap();
    let held = lock::lock(&out, &WhenBusy::Stop).unwrap();
    let writer = Writer::begin(&held).unwrap();
    writer.write(page("a/index.html", "2")).unwrap();
    writer.write(page("new/index.html", "3")).unwrap();
    writer.abandon();
    assert_eq!(
        std::fs::read_to_string(out.join("a/index.html")).unwrap(),
        "1"
    );
    assert!(!out.join("new").exists());
    assert_eq!(beside(dir.path()), ONLY_OUTPUT);
}

#[test]
fn refuses_outputs_that_hold_the_site_or_other_files() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    std::fs::create_dir_all(&site).unwrap();
    assert!(matches!(
        check_output(dir.path(), &site, &[]),
        Err(OutputProblem::ContainsSite)
    ));
    assert!(matches!(
        check_output(&site, &site, &[]),
        Err(OutputProblem::ContainsSite)
    ));
    let other = dir.path().join("docs");
    std::fs::create_dir_all(&other).unwrap();
    std::fs::write(other.join("thesis.docx"), "x").unwrap();
    assert!(matches!(
        check_output(&other, &site, &[]),
        Err(OutputProblem::NotOurs)
    ));
    assert!(check_output(&dir.path().join("public"), &site, &[]).is_ok());
}

#[test]
fn refuses_outputs_inside_what_the_build_reads_but_site_public() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let school = dir.path().join("school-a");
    std::fs::create_dir_all(&site).unwrap();
    std::fs::create_dir_all(&school).unwrap();
    let inputs = [school.clone()];
    for inside in [
        "site/clubs/x",
        "site/static",
        "site/public/kk",
        "site/out",
        "school-a/x",
    ] {
        let out = dir.path().join(inside);
        assert!(
            matches!(
                check_output(&out, &site, &inputs),
                Err(OutputProblem::InsideInput(_))
            ),
            "{inside}"
        );
    }
    assert!(matches!(
        check_output(dir.path(), &site, &inputs),
        Err(OutputProblem::ContainsSite)
    ));
    assert!(check_output(&site.join("public"), &site, &inputs).is_ok());
}

/// A build killed between the two renames of a swap (where the system
/// cannot exchange two folders) leaves the previous output under a
/// temporary name: the next build puts it back before anything else.
#[test]
fn a_previous_output_left_aside_by_a_killed_swap_is_put_back() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    write_output(&out, &[page("a/index.html", "1")]).unwrap();
    std::fs::write(out.join("CNAME"), "x").unwrap();
    std::fs::rename(&out, sibling(&out, "old")).unwrap();
    write_output(&out, &[page("a/index.html", "2")]).unwrap();
    assert_eq!(std::fs::read_to_string(out.join("CNAME")).unwrap(), "x");
    assert_eq!(beside(dir.path()), ONLY_OUTPUT);
}

#[test]
fn a_refused_output_gets_no_lock_file_and_no_folder() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    std::fs::create_dir_all(&site).unwrap();
    let out = site.join("clubs/x/out");
    let claimed = claim(&out, &site, &[], &WhenBusy::Stop);
    assert!(matches!(
        claimed,
        Err(ClaimError::Refused(_, OutputProblem::InsideInput(_)))
    ));
    assert!(
        !site.join("clubs").exists(),
        "a folder was made in the site"
    );
}

#[test]
fn a_claimed_output_is_refused_to_a_build_that_does_not_wait() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let out = dir.path().join("public");
    write_output(&out, &[page("a/index.html", "1")]).unwrap();
    let held = claim(&out, &site, &[], &WhenBusy::Stop).unwrap();
    assert!(matches!(
        claim(&out, &site, &[], &WhenBusy::Stop),
        Err(ClaimError::Refused(_, OutputProblem::Busy))
    ));
    drop(held);
    claim(&out, &site, &[], &WhenBusy::Stop).unwrap();
}

/// Leftovers are found by name; a lock file is never one, even of an
/// output whose name looks like a temporary folder's.
#[test]
fn lock_files_are_never_cleared_as_leftovers() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let other = lock_path(&dir.path().join("public.bitimger-new-1"));
    std::fs::write(&other, "").unwrap();
    // What a killed build (process 1) left.
    let leftover = dir.path().join(".public.bitimger-new-1");
    std::fs::create_dir_all(&leftover).unwrap();
    write_output(&out, &[page("a/index.html", "1")]).unwrap();
    assert!(other.is_file());
    assert!(lock_path(&out).is_file());
    assert!(!leftover.exists(), "a leftover was kept");
}
