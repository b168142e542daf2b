//! The views of news items (in a list and whole) and of documents.
//!
//! Layer 4 (render): borrows the model through the page's [`Env`].

use serde::Serialize;

use super::super::Env;
use super::super::links::PageId;
use super::{Text, url_segment};
use crate::content::{Document, News};

#[derive(Serialize)]
pub(crate) struct NewsSummary<'a> {
    title: Text<'a>,
    date: String,
    summary: Option<Text<'a>>,
    href: String,
    club: Option<ClubRef<'a>>,
}

#[derive(Serialize)]
struct ClubRef<'a> {
    name: Text<'a>,
    href: String,
}

#[derive(Serialize)]
pub(crate) struct NewsView<'a> {
    #[serde(flatten)]
    summary: NewsSummary<'a>,
    body: Option<String>,
}

#[derive(Serialize)]
pub(crate) struct DocumentView<'a> {
    title: Text<'a>,
    date: Option<String>,
    number: Option<&'a str>,
    href: String,
    ext: String,
}

impl<'a> Env<'a> {
    pub(crate) fn news_summary(&self, n: &'a News) -> NewsSummary<'a> {
        let club = n
            .club
            .as_ref()
            .and_then(|slug| self.site.club(slug))
            .map(|c| ClubRef {
                name: self.text(&c.name),
                href: self.href(&PageId::Club(c.slug.clone())),
            });
        NewsSummary {
            title: self.text(&n.title),
            date: n.date.to_string(),
            summary: self.opt(&n.summary),
            href: self.href(&PageId::News(n.club.clone(), n.slug.clone())),
            club,
        }
    }

    pub(crate) fn news(&self, n: &'a News) -> NewsView<'a> {
        NewsView {
            summary: self.news_summary(n),
            body: self.html(&n.body),
        }
    }

    pub(crate) fn document(&self, d: &'a Document) -> DocumentView<'a> {
        DocumentView {
            title: self.text(&d.title),
            date: d.date.map(|d| d.to_string()),
            number: d.number.as_deref(),
            href: format!("{}documents/{}", self.root, url_segment(&d.file)),
            ext: d
                .file
                .rsplit_once('.')
                .map(|(_, e)| e.to_uppercase())
                .unwrap_or_default(),
        }
    }
}
