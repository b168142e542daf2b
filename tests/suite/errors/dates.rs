//! Dates: impossible dates and dates written in another format, in news
//! and in documents.

use super::*;

#[test]
fn impossible_news_date_is_an_error() {
    let b = Broken::minimal(|t| {
        t.write(
            "news/2025-03-01-meeting.md",
            "---\ntitle: Жиналыс\ndate: 2025-02-30\n---\nМәтін.\n",
        );
    });
    b.error("field/invalid-date", "news/2025-03-01-meeting.md", 3);
}

#[test]
fn date_in_another_format_is_an_error() {
    let b = Broken::minimal(|t| {
        t.write(
            "clubs/senim/plans/2025-2026.yaml",
            "year: 2025-2026\napproved: 01.09.2025\nitems: []\n",
        );
    });
    let p = b.error("field/invalid-date", "clubs/senim/plans/2025-2026.yaml", 2);
    assert!(hints(&p).contains("YYYY-MM-DD"), "{p:#?}");
}

#[test]
fn invalid_document_date_is_an_error() {
    let b = Broken::minimal(|t| {
        t.write("documents/order.pdf", "%PDF-1.4\n");
        t.write(
            "documents/documents.yaml",
            "- file: order.pdf\n  title: Бұйрық\n  date: 2023-13-01\n",
        );
    });
    b.error("field/invalid-date", "documents/documents.yaml", 3);
}
