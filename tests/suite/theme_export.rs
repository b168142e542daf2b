//! `bitimger theme export DIR`: the default theme and the site's words,
//! written to be edited; a site with `theme: DIR` is built byte for byte
//! as with the embedded theme; nothing is ever overwritten.

use std::path::{Path, PathBuf};

use crate::harness::{SiteTest, repo};

/// `bitimger theme export DIR` run in `cwd`: exit code and what it said.
fn export(t: &SiteTest, dir: &str) -> (i32, String) {
    let out = t.command().args(["theme", "export", dir]).output().unwrap();
    let said = String::from_utf8_lossy(&out.stderr).into_owned();
    (out.status.code().unwrap_or(-1), said)
}

/// Every file of the site in the output folder, by its path in it, with
/// its bytes (not the marker file, whose manifest holds the times the
/// files were written).
fn output(t: &SiteTest) -> Vec<(PathBuf, Vec<u8>)> {
    t.snapshot()
        .into_iter()
        .map(|(p, bytes)| (p.strip_prefix(&t.out).unwrap().to_path_buf(), bytes))
        .filter(|(p, _)| p != Path::new(".bitimger-output"))
        .collect()
}

/// The site built with the embedded theme, then with the theme exported
/// beside it (`theme: ../theme`): the same files, the same bytes.
fn builds_the_same_with_the_exported_theme(t: &SiteTest) {
    t.build().ok();
    let embedded = output(t);
    let (code, said) = export(t, "theme");
    assert_eq!(code, 0, "{said}");
    assert!(t.dir().join("theme/templates/base.html").is_file());
    assert!(t.dir().join("theme/static/assets/style.css").is_file());
    assert!(t.dir().join("theme/i18n/kk.ftl").is_file());
    let site = t.read("site.yaml");
    t.write("site.yaml", &format!("{site}theme: ../theme\n"));
    std::fs::remove_dir_all(&t.out).unwrap();
    t.build().ok();
    let exported = output(t);
    let paths =
        |files: &[(PathBuf, Vec<u8>)]| files.iter().map(|f| f.0.clone()).collect::<Vec<_>>();
    assert_eq!(paths(&exported), paths(&embedded));
    for ((path, a), (_, b)) in exported.iter().zip(&embedded) {
        assert!(a == b, "{} differs", path.display());
    }
}

#[test]
fn a_site_built_with_the_exported_theme_is_byte_for_byte_the_same() {
    let t = SiteTest::fixture("school_minimal");
    let site = t.read("site.yaml");
    // With the site's own look too: it goes after the theme folder's sheet.
    t.write(
        "site.yaml",
        &format!("{site}style:\n  accent: \"#7b2d8e\"\n  logo: static/logo.svg\n"),
    );
    t.write(
        "static/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 8 8\"><rect width=\"8\" height=\"8\"/></svg>\n",
    );
    builds_the_same_with_the_exported_theme(&t);
}

#[test]
fn the_example_site_built_with_the_exported_theme_is_the_same() {
    let t = SiteTest::copy_of(&repo().join("content"));
    builds_the_same_with_the_exported_theme(&t);
}

#[test]
fn an_edit_of_the_exported_words_shows_on_the_site() {
    let t = SiteTest::fixture("school_minimal");
    let (code, said) = export(&t, "theme");
    assert_eq!(code, 0, "{said}");
    let kk = t.dir().join("theme/i18n/kk.ftl");
    let text = std::fs::read_to_string(&kk).unwrap();
    let line = text.lines().find(|l| l.starts_with("nav-home =")).unwrap();
    std::fs::write(&kk, text.replace(line, "nav-home = Басты бет (тақырып)")).unwrap();
    let site = t.read("site.yaml");
    t.write("site.yaml", &format!("{site}theme: ../theme\n"));
    t.build().ok();
    let nav = t.page("kk/index.html").texts(".site-nav a");
    assert!(nav.iter().any(|l| l == "Басты бет (тақырып)"), "{nav:?}");
}

#[test]
fn a_second_export_writes_nothing_and_names_every_file_there() {
    let t = SiteTest::fixture("school_minimal");
    assert_eq!(export(&t, "theme").0, 0);
    let base = t.dir().join("theme/templates/base.html");
    std::fs::write(&base, "my own base").unwrap();
    // One file gone: it is not written either, as the others are there.
    let icon = t.dir().join("theme/static/assets/icon.svg");
    std::fs::remove_file(&icon).unwrap();
    let (code, said) = export(&t, "theme");
    assert_eq!(code, 2, "{said}");
    assert!(said.contains("nothing was written"), "{said}");
    for named in [
        "theme/templates/base.html",
        "theme/i18n/ru.ftl",
        "theme/static/assets/style.css",
    ] {
        assert!(said.lines().any(|l| l.trim() == named), "{named}: {said}");
    }
    assert!(!said.contains("icon.svg"), "{said}");
    assert_eq!(std::fs::read_to_string(&base).unwrap(), "my own base");
    assert!(!icon.exists());
}

#[test]
fn an_export_into_a_file_is_refused_and_names_it() {
    let t = SiteTest::fixture("school_minimal");
    let file = t.dir().join("notes.txt");
    std::fs::write(&file, "notes").unwrap();
    let (code, said) = export(&t, "notes.txt");
    assert_eq!(code, 2, "{said}");
    assert!(said.contains("notes.txt is a file, not a folder"), "{said}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "notes");
    assert!(!Path::new(&t.dir().join("notes.txt/templates")).exists());
}

#[test]
fn the_export_speaks_kazakh_and_russian() {
    let t = SiteTest::fixture("school_minimal");
    std::fs::write(t.dir().join("f"), "").unwrap();
    for (lang, words) in [("kk", "қалта емес, файл"), ("ru", "файл, а не папка")]
    {
        let out = t
            .command()
            .args(["--lang", lang, "theme", "export", "f"])
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(said.contains(words), "{lang}: {said}");
    }
}

#[cfg(unix)]
#[test]
fn an_export_through_a_link_writes_nothing_anywhere() {
    let t = SiteTest::fixture("school_minimal");
    let elsewhere = t.dir().join("elsewhere");
    std::fs::create_dir_all(&elsewhere).unwrap();
    std::fs::create_dir_all(t.dir().join("theme")).unwrap();
    std::os::unix::fs::symlink(&elsewhere, t.dir().join("theme/templates")).unwrap();
    let (code, said) = export(&t, "theme");
    assert_eq!(code, 2, "{said}");
    assert!(said.contains("is a link to another folder"), "{said}");
    assert_eq!(std::fs::read_dir(&elsewhere).unwrap().count(), 0);
    assert!(!t.dir().join("theme/static").exists());
}
