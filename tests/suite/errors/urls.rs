//! Web addresses: `javascript:` and `data:` links, publishers outside
//! the allow-list and incomplete addresses are errors at their lines.

use super::*;

#[test]
fn javascript_feedback_link_is_an_error_at_its_line() {
    let b = Broken::minimal(|t| {
        t.edit(
            CLUB,
            "question: https://forms.example.test/question",
            "question: javascript:alert(1)",
        );
    });
    b.error("url/scheme", CLUB, 6);
    insta::assert_snapshot!(b.stderr());
}

#[test]
fn data_url_is_an_error() {
    let b = Broken::minimal(|t| {
        t.edit(
            CLUB,
            "question: https://forms.example.test/question",
            "question: data:text/html,hello",
        );
    });
    b.error("url/scheme", CLUB, 6);
}

#[test]
fn publisher_url_outside_the_allow_list_is_an_error() {
    let b = Broken::minimal(|t| {
        t.write(
            "site.yaml",
            &(t.read("site.yaml")
                + "publisher:\n  name: Білім бөлімі\n  url: ftp://edu.example.test/\n"),
        );
    });
    b.error("url/scheme", "site.yaml", 8);
}

#[test]
fn incomplete_web_address_is_an_error() {
    let b = Broken::minimal(|t| {
        t.edit(
            CLUB,
            "question: https://forms.example.test/question",
            "question: forms.example.test/question",
        );
    });
    let p = b.error("url/invalid", CLUB, 6);
    assert!(hints(&p).contains("https://"), "{p:#?}");
}

#[test]
fn javascript_link_in_markdown_is_an_error() {
    let b = Broken::minimal(|t| {
        t.write(
            "pages/about.md",
            "---\ntitle: Біз туралы\n---\nМәтін.\n\n[басыңыз](javascript:alert(1))\n",
        );
    });
    b.error("markdown/unsafe-link", "pages/about.md", 6);
}
