//! Files: invalid UTF-8, empty or missing club files, too many clubs, and
//! two clubs, news items or pages at the same address.

use super::*;

#[test]
fn invalid_utf8_is_reported_with_its_line() {
    let b = Broken::minimal(|t| {
        let mut bytes = t.read(CLUB).into_bytes();
        bytes.extend_from_slice(b"motto: \xcf\xf0\xe8\xe2\xe5\xf2\n");
        t.write_bytes(CLUB, &bytes);
    });
    let p = b.error("file/not-utf8", CLUB, 7);
    assert!(hints(&p).contains("UTF-8"), "{p:#?}");
    insta::assert_snapshot!(b.stderr());
}

#[test]
fn empty_club_file_is_an_error() {
    let b = Broken::minimal(|t| {
        t.write(CLUB, "\n  \n");
    });
    b.error_in_file("file/empty", CLUB);
}

#[test]
fn club_folder_without_club_yaml_is_an_error() {
    let b = Broken::minimal(|t| {
        t.remove(CLUB);
        t.write("clubs/senim/about.md", "Біз туралы.\n");
    });
    let problems = b.t.problems();
    assert!(
        problems
            .iter()
            .any(|p| p.code == "club/missing" && p.file == format!("site/{CLUB}")),
        "{problems:#?}"
    );
}

#[test]
fn two_clubs_on_a_school_site_is_an_error() {
    let b = Broken::minimal(|t| {
        t.write("clubs/umit/club.yaml", &t.read(CLUB));
    });
    let problems = b.t.problems();
    let p = problems
        .iter()
        .find(|p| p.code == "site/club-count")
        .unwrap();
    assert_eq!(p.file, "site/site.yaml");
    assert!(hints(p).contains("kind: directory"), "{p:#?}");
}

#[test]
fn two_clubs_with_the_same_slug_name_both_folders() {
    let b = Broken::minimal(|t| {
        t.edit("site.yaml", "kind: school", "kind: directory");
        t.write("clubs/Сенім/club.yaml", &t.read(CLUB));
    });
    let problems = b.t.problems();
    let p = problems
        .iter()
        .find(|p| p.code == "club/duplicate-slug")
        .unwrap_or_else(|| panic!("{problems:#?}"));
    assert!(
        p.message.contains("clubs/senim") && p.message.contains("clubs/Сенім"),
        "{p:#?}"
    );
}

#[test]
fn two_news_items_with_the_same_address_name_both_files() {
    let b = Broken::minimal(|t| {
        t.write(
            "news/2025-03-01-meeting.md",
            "---\ntitle: Жиналыс\ndate: 2025-03-01\n---\nМәтін.\n",
        );
        t.write(
            "news/2025-04-01-meeting.md",
            "---\ntitle: Жиналыс\ndate: 2025-04-01\n---\nМәтін.\n",
        );
    });
    let p = b.error_in_file("news/duplicate-slug", "news/2025-04-01-meeting.md");
    assert!(
        p.message.contains("2025-03-01-meeting.md") && p.message.contains("`meeting`"),
        "{p:#?}"
    );
    assert!(
        !b.stderr().contains("output/duplicate-path"),
        "{}",
        b.stderr()
    );
}

#[test]
fn two_pages_with_the_same_address_name_both_files() {
    let b = Broken::minimal(|t| {
        t.write(
            "pages/Біз туралы.md",
            "---\ntitle: Біз туралы\n---\nМәтін.\n",
        );
        t.write(
            "pages/biz-turaly.md",
            "---\ntitle: Біз туралы\n---\nМәтін.\n",
        );
    });
    let p = b.error_in_file("page/duplicate-slug", "pages/Біз туралы.md");
    assert!(p.message.contains("biz-turaly.md"), "{p:#?}");
}
