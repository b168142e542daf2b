//! Warnings: the build succeeds and writes the output, and the warning
//! names its code and file (plain `http:` links, untranslated text,
//! removed HTML, a Markdown file in a language the site lacks).

use super::*;

/// Builds the minimal site changed by `edit`: it must succeed (exit 0),
/// write the output and print the warning `code` for `file`.
#[track_caller]
fn warns(edit: impl FnOnce(&SiteTest), code: &str, file: &str) -> (SiteTest, Problem) {
    let t = SiteTest::fixture("school_minimal");
    edit(&t);
    let run = t.build().ok();
    assert!(
        run.stderr().contains(&format!("warning[{code}]")),
        "{}",
        run.stderr()
    );
    assert!(t.out_path("kk/index.html").is_file());
    let problems = t.problems();
    let p = problems
        .iter()
        .find(|p| p.code == code && p.severity == "warning")
        .unwrap_or_else(|| panic!("{problems:#?}"))
        .clone();
    assert_eq!(p.file, format!("site/{file}"));
    (t, p)
}

#[test]
fn http_link_is_a_warning_at_its_line() {
    let (_, p) = warns(
        |t| {
            t.edit(CLUB, "https://forms", "http://forms");
        },
        "url/insecure",
        CLUB,
    );
    assert_eq!(p.line, Some(6));
}

#[test]
fn untranslated_text_is_a_warning() {
    let (_, p) = warns(
        |t| {
            t.write(CLUB, &(t.read(CLUB) + "motto: {kk: \"Тыңда\"}\n"));
        },
        "i18n/untranslated",
        CLUB,
    );
    assert_eq!(p.line, Some(7));
    assert!(p.message.contains("ru"), "{p:#?}");
}

#[test]
fn sanitized_html_is_a_warning_naming_the_file() {
    let (_, p) = warns(
        |t| {
            t.write(
                "pages/about.md",
                "---\ntitle: Біз туралы\n---\nМәтін <script>alert(1)</script>.\n",
            );
        },
        "markdown/html-removed",
        "pages/about.md",
    );
    assert_eq!(p.line, Some(4));
}

#[test]
fn markdown_file_in_a_language_the_site_lacks_is_a_warning() {
    let (_, p) = warns(
        |t| {
            t.write("pages/about.kz.md", "---\ntitle: Біз туралы\n---\nМәтін.\n");
        },
        "lang/file-not-used",
        "pages/about.kz.md",
    );
    assert!(hints(&p).contains(".kk.md"), "{p:#?}");
}
