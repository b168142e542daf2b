//! The validated site: what the renderer and the checks work from.
//!
//! Everything here has been checked: region codes exist, URLs are safe,
//! years match their files, figures add up.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

pub use super::indicators::{Figures, Indicator, MAX_FIGURE, Quarter};
pub use super::schedule::{PlanFormat, When};
use crate::config::Config;
use crate::types::{AcademicYear, Date, LangCode, Localized, RegionCode, SafeUrl, Slug};

/// The whole site.
#[derive(Debug, Clone)]
pub struct Site {
    /// site.yaml.
    pub config: Config,
    /// Clubs, sorted by slug.
    pub clubs: Vec<Club>,
    /// Site-wide news, newest first.
    pub news: Vec<News>,
    /// Free pages, by slug.
    pub pages: Vec<Page>,
    /// Published documents.
    pub documents: Vec<Document>,
    /// The site's principles.yaml, replacing the built-in set.
    pub principles: Option<Vec<PrincipleText>>,
    /// Files of static/, to copy as they are.
    pub static_files: Vec<Asset>,
    /// Template overrides from templates/: (file name, text).
    pub templates: Vec<(String, String, PathBuf)>,
    /// UI message overrides from i18n/: (language, file).
    pub messages: Vec<(LangCode, PathBuf)>,
}

impl Site {
    /// The club with this slug (clubs are sorted by slug, so this is a
    /// binary search, not a scan per page).
    pub fn club(&self, slug: &str) -> Option<&Club> {
        match self.clubs.binary_search_by(|c| c.slug.as_str().cmp(slug)) {
            Ok(i) => Some(&self.clubs[i]),
            Err(_) => self.clubs.iter().find(|c| c.slug == slug),
        }
    }
}

/// A file copied into the output.
#[derive(Debug, Clone)]
pub struct Asset {
    /// Where it is.
    pub source: PathBuf,
    /// Its path in the output, with `/` separators.
    pub output: String,
}

/// Markdown rendered to sanitized HTML, per language.
#[derive(Debug, Clone, Default)]
pub struct Doc {
    /// `about.md`: one text for all languages.
    pub all: Option<Body>,
    /// `about.kk.md` ...: per language.
    pub per_lang: BTreeMap<LangCode, Body>,
}

/// One rendered Markdown text.
#[derive(Debug, Clone)]
pub struct Body {
    /// Sanitized HTML.
    pub html: String,
    /// The Markdown source, for the checks.
    pub markdown: String,
    /// The file it came from.
    pub file: PathBuf,
    /// Line of the first body line in the file.
    pub first_line: usize,
}

impl Doc {
    /// True when no language has a text.
    pub fn is_empty(&self) -> bool {
        self.all.is_none() && self.per_lang.is_empty()
    }

    /// The text for `lang`: its own, else the one for all languages, else
    /// the first language in `order` that has one. The flag is true on
    /// fallback, with the language the text is in.
    pub fn resolve<'a>(
        &'a self,
        lang: &'a str,
        order: &'a [LangCode],
    ) -> Option<(&'a Body, &'a str, bool)> {
        if let Some(b) = self.per_lang.get(lang) {
            return Some((b, lang, false));
        }
        if let Some(b) = &self.all {
            return Some((b, lang, false));
        }
        order
            .iter()
            .find_map(|l| self.per_lang.get(l).map(|b| (b, l.as_str(), true)))
            .or_else(|| {
                self.per_lang
                    .iter()
                    .next()
                    .map(|(l, b)| (b, l.as_str(), true))
            })
    }

    /// Every body, for the checks.
    pub fn bodies(&self) -> impl Iterator<Item = &Body> {
        self.all.iter().chain(self.per_lang.values())
    }
}

/// A mediation club.
#[derive(Debug, Clone)]
pub struct Club {
    /// URL slug (from the folder name).
    pub slug: Slug,
    /// The club folder.
    pub dir: PathBuf,
    /// The site folder it came from (differs for included sites).
    pub site_root: PathBuf,
    /// Name.
    pub name: Localized,
    /// What the school calls it.
    pub unit: Option<Localized>,
    /// Motto.
    pub motto: Option<Localized>,
    /// The school.
    pub school: School,
    /// about.md.
    pub about: Doc,
    /// Goals.
    pub goals: Vec<Localized>,
    /// Tasks.
    pub tasks: Vec<Localized>,
    /// Principles, resolved (built-in or custom).
    pub principles: Vec<PrincipleText>,
    /// Leaders.
    pub leaders: Vec<Leader>,
    /// Members.
    pub members: Option<Members>,
    /// Activities.
    pub activities: Vec<Localized>,
    /// Directions of work.
    pub directions: Vec<Localized>,
    /// Contacts.
    pub contacts: Option<Contacts>,
    /// Feedback links, in the order question, application, anonymous.
    pub feedback: Vec<Feedback>,
    /// Gallery settings and photos.
    pub gallery: Gallery,
    /// Reports, newest first.
    pub reports: Vec<Report>,
    /// Activity plans, newest first.
    pub plans: Vec<Plan>,
    /// Club news, newest first.
    pub news: Vec<News>,
}

/// The school a club belongs to.
#[derive(Debug, Clone)]
pub struct School {
    /// Name.
    pub name: Localized,
    /// Region code (checked against the built-in list).
    pub region: RegionCode,
    /// City, town or village.
    pub locality: Option<Localized>,
    /// District.
    pub district: Option<Localized>,
    /// Address.
    pub address: Option<Localized>,
    /// Web site.
    pub website: Option<SafeUrl>,
}

/// A principle with its texts.
#[derive(Debug, Clone)]
pub struct PrincipleText {
    /// Key (built-in key, or generated for custom ones).
    pub key: String,
    /// Title.
    pub title: Localized,
    /// Explanation.
    pub text: Option<Localized>,
}

/// A club leader (staff, never a pupil).
#[derive(Debug, Clone)]
pub struct Leader {
    /// Full name.
    pub name: Localized,
    /// Role, e.g. педагог-психолог.
    pub role: Option<Localized>,
    /// Phone as written.
    pub phone: Option<String>,
    /// E-mail.
    pub email: Option<String>,
    /// Photo, relative to the club folder.
    pub photo: Option<PathBuf>,
}

/// Members: counts only, never names.
#[derive(Debug, Clone)]
pub struct Members {
    /// Grades from–to.
    pub grades: Option<(u8, u8)>,
    /// Number of members.
    pub count: Option<u32>,
    /// How to join.
    pub join: Option<Localized>,
}

/// Contacts.
#[derive(Debug, Clone)]
pub struct Contacts {
    /// Room.
    pub room: Option<String>,
    /// Phones as written.
    pub phones: Vec<String>,
    /// E-mail.
    pub email: Option<String>,
    /// Instagram handle without @.
    pub instagram: Option<String>,
}

/// The three feedback channels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum FeedbackKind {
    /// Ask a question.
    Question,
    /// Apply for mediation.
    Application,
    /// Anonymous trust box.
    Anonymous,
}

impl FeedbackKind {
    /// The name used in club.yaml and views.
    pub fn key(self) -> &'static str {
        match self {
            FeedbackKind::Question => "question",
            FeedbackKind::Application => "application",
            FeedbackKind::Anonymous => "anonymous",
        }
    }

    /// The UI message id of its button.
    pub fn label_key(self) -> &'static str {
        match self {
            FeedbackKind::Question => "act-ask",
            FeedbackKind::Application => "act-apply",
            FeedbackKind::Anonymous => "act-trust-box",
        }
    }
}

/// One feedback link.
#[derive(Debug, Clone)]
pub struct Feedback {
    /// Which channel.
    pub kind: FeedbackKind,
    /// Where it leads.
    pub url: SafeUrl,
}

/// The gallery.
#[derive(Debug, Clone, Default)]
pub struct Gallery {
    /// Instagram handle.
    pub instagram: Option<String>,
    /// Publish photos/ as a gallery.
    pub publish: bool,
    /// Parents' consent is on file.
    pub consent: bool,
    /// Photos to publish, in file name order (or photos.yaml order).
    pub photos: Vec<Photo>,
}

/// A gallery photo.
#[derive(Debug, Clone)]
pub struct Photo {
    /// The original file (never copied as is).
    pub source: PathBuf,
    /// Alt text.
    pub alt: Option<Localized>,
    /// Caption.
    pub caption: Option<Localized>,
}

/// Report status, as reports write it and templates and exports see it:
/// `final` or `ongoing`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
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
    /// The files it came from.
    pub files: Vec<PathBuf>,
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
}

/// A published document.
#[derive(Debug, Clone)]
pub struct Document {
    /// The file in documents/.
    pub source: PathBuf,
    /// Its file name (also its output name under documents/).
    pub file: String,
    /// Title.
    pub title: Localized,
    /// Date.
    pub date: Option<Date>,
    /// Number.
    pub number: Option<String>,
    /// For a web page (.html), the cleaned page published instead of the
    /// file, so it cannot run scripts on the site (see docs/security.md).
    pub cleaned: Option<std::sync::Arc<Vec<u8>>>,
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
