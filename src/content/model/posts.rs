//! The dated texts of the model: reports, activity plans, news and free
//! pages.
//!
//! Layer 3 (content): imports `types`.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::{Doc, Figures, PlanFormat, Quarter, SourceText, When};
use crate::types::{AcademicYear, Date, LangCode, Localized, Slug};

/// Report status, as reports write it and templates and exports see it:
/// `final` or `ongoing`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// The year is over.
    Final,
    /// The year is still running.
    Ongoing,
}

impl Status {
    /// The word a report writes (the same as its serde name).
    pub const fn key(self) -> &'static str {
        match self {
            Status::Final => "final",
            Status::Ongoing => "ongoing",
        }
    }
}

/// An annual report.
#[derive(Debug, Clone)]
pub struct Report {
    /// Academic year.
    pub year: AcademicYear,
    /// Final or ongoing.
    pub status: Status,
    /// Year figures.
    pub figures: Figures,
    /// Whether a trust box exists.
    pub trust_box: Option<bool>,
    /// Cases by the parties involved.
    pub cases_by_parties: BTreeMap<&'static str, u64>,
    /// Quarter figures.
    pub quarters: BTreeMap<Quarter, Figures>,
    /// The text.
    pub body: Doc,
    /// The files it came from, as read.
    pub files: Vec<SourceText>,
}

/// One plan item.
#[derive(Debug, Clone)]
pub struct PlanItem {
    /// When.
    pub when: When,
    /// What.
    pub title: Localized,
    /// What kind of event it is.
    pub format: Option<PlanFormat>,
    /// For whom.
    pub audience: Option<Localized>,
    /// Who is responsible (a role).
    pub responsible: Option<Localized>,
    /// Done or not.
    pub done: Option<bool>,
}

/// An activity plan for one academic year.
#[derive(Debug, Clone)]
pub struct Plan {
    /// Academic year.
    pub year: AcademicYear,
    /// Date approved.
    pub approved: Option<Date>,
    /// Items in academic-year order.
    pub items: Vec<PlanItem>,
    /// The file.
    pub file: PathBuf,
    /// The file's text as read, for the rules.
    pub text: Arc<str>,
}

/// A news item.
#[derive(Debug, Clone)]
pub struct News {
    /// URL slug (from the file name, without the date).
    pub slug: Slug,
    /// Date.
    pub date: Date,
    /// Title.
    pub title: Localized,
    /// Summary.
    pub summary: Option<Localized>,
    /// Text.
    pub body: Doc,
    /// The club slug, for club news.
    pub club: Option<Slug>,
    /// The only languages it is published in (`languages:`); empty: all.
    pub languages: Vec<LangCode>,
}

/// Whether a text published in `languages` (empty: all) is in `lang`.
fn published_in(languages: &[LangCode], lang: &str) -> bool {
    languages.is_empty() || languages.iter().any(|l| l.as_str() == lang)
}

impl News {
    /// Whether it is published in `lang`.
    pub fn published_in(&self, lang: &str) -> bool {
        published_in(&self.languages, lang)
    }
}

/// A free page.
#[derive(Debug, Clone)]
pub struct Page {
    /// URL slug.
    pub slug: Slug,
    /// Title.
    pub title: Localized,
    /// Description for search engines.
    pub description: Option<Localized>,
    /// Text.
    pub body: Doc,
    /// The only languages it is published in (`languages:`); empty: all.
    pub languages: Vec<LangCode>,
}

impl Page {
    /// Whether it is published in `lang`.
    pub fn published_in(&self, lang: &str) -> bool {
        published_in(&self.languages, lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `key()` spells what serde reads and writes, for every value.
    #[test]
    fn status_keys_are_the_words_reports_write() {
        for status in [Status::Final, Status::Ongoing] {
            let read: Status = crate::yaml::parse_builtin(status.key()).unwrap();
            assert_eq!(read, status);
            let written = serde_json::to_string(&status).unwrap();
            assert_eq!(written, format!("\"{}\"", status.key()));
        }
    }
}
