//! A club as the model holds it: its school, principles, leaders,
//! members, contacts, feedback links and gallery.
//!
//! Layer 3 (content): imports `diag` (locations) and `types`.

use std::path::PathBuf;
use std::sync::Arc;

use super::{Doc, News, Plan, Report, SourceText};
use crate::diag::Location;
use crate::types::{Localized, RegionCode, SafeUrl, Slug};

/// A mediation club.
#[derive(Debug, Clone)]
pub struct Club {
    /// URL slug (from the folder name).
    pub slug: Slug,
    /// The club folder.
    pub dir: PathBuf,
    /// The site folder it came from (differs for included sites).
    pub site_root: PathBuf,
    /// club.yaml as read, for the rules.
    pub text: Arc<str>,
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
    /// Where club.yaml writes `feedback:`, or the whole file.
    pub feedback_at: Location,
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
    /// Where club.yaml writes the phone's key.
    pub phone_at: Option<Location>,
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
#[derive(Debug, Clone)]
pub struct Gallery {
    /// Instagram handle.
    pub instagram: Option<String>,
    /// Publish photos/ as a gallery.
    pub publish: bool,
    /// Parents' consent is on file.
    pub consent: bool,
    /// Photos to publish, in file name order (or photos.yaml order).
    pub photos: Vec<Photo>,
    /// Where club.yaml writes `gallery:`, or the whole file.
    pub at: Location,
    /// photos/photos.yaml as read, when the gallery read it.
    pub listing: Option<SourceText>,
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
    /// The line of its `file:` in photos/photos.yaml, when it is listed.
    pub listed_at: Option<Location>,
}
