//! The view of a club (its page, the home page of a school site, and the
//! `club` variable of every club page): school, people, contacts, feedback
//! links, gallery, reports and plans in short, news; and its gallery's
//! photos.
//!
//! Layer 4 (render): borrows the model through the page's [`Env`].

use serde::Serialize;

use super::super::Env;
use super::super::links::PageId;
use super::posts::NewsSummary;
use super::reports::{PlanLink, PlanView, ReportSummary, current_plan};
use super::{ImageView, RegionView, Text};
use crate::content::{Club, Contacts, Leader, Members, PrincipleText, School};
use crate::types::tel_href;

#[derive(Serialize)]
pub(crate) struct ClubView<'a> {
    slug: &'a str,
    href: String,
    name: Text<'a>,
    unit: Option<Text<'a>>,
    motto: Option<Text<'a>>,
    school: SchoolView<'a>,
    about: Option<String>,
    goals: Vec<Text<'a>>,
    tasks: Vec<Text<'a>>,
    activities: Vec<Text<'a>>,
    directions: Vec<Text<'a>>,
    principles: Vec<PrincipleView<'a>>,
    leaders: Vec<LeaderView<'a>>,
    members: Option<MembersView<'a>>,
    contacts: Option<ContactsView<'a>>,
    feedback: Vec<FeedbackView<'a>>,
    gallery: GalleryView,
    latest_report: Option<ReportSummary>,
    reports: Vec<ReportSummary>,
    reports_href: String,
    plan: Option<PlanView<'a>>,
    plans: Vec<PlanLink>,
    news: Vec<NewsSummary<'a>>,
    poster_href: String,
}

#[derive(Serialize)]
pub(crate) struct SchoolView<'a> {
    name: Text<'a>,
    region: RegionView<'a>,
    locality: Option<Text<'a>>,
    /// The locality is the region itself, a city (see `Env::names_the_city`).
    city_named: bool,
    district: Option<Text<'a>>,
    address: Option<Text<'a>>,
    website: Option<&'a str>,
}

#[derive(Serialize)]
struct PrincipleView<'a> {
    key: &'a str,
    title: Text<'a>,
    text: Option<Text<'a>>,
}

#[derive(Serialize)]
struct LeaderView<'a> {
    name: Text<'a>,
    role: Option<Text<'a>>,
    phone: Option<Link>,
    email: Option<Link>,
    photo: Option<ImageView>,
}

/// A phone or e-mail with its link.
#[derive(Serialize)]
pub(crate) struct Link {
    display: String,
    href: String,
}

#[derive(Serialize)]
pub(crate) struct InstagramView {
    handle: String,
    href: String,
}

#[derive(Serialize)]
struct MembersView<'a> {
    grades: Option<Grades>,
    count: Option<u32>,
    join: Option<Text<'a>>,
}

/// Grades from–to (a club's members; a directory's club cards).
#[derive(Serialize)]
pub(crate) struct Grades {
    from: u8,
    to: u8,
}

impl Grades {
    pub(crate) fn new((from, to): (u8, u8)) -> Self {
        Grades { from, to }
    }
}

#[derive(Serialize)]
struct ContactsView<'a> {
    room: Option<&'a str>,
    phones: Vec<Link>,
    email: Option<Link>,
    instagram: Option<InstagramView>,
}

#[derive(Serialize)]
pub(crate) struct FeedbackView<'a> {
    pub kind: &'static str,
    pub label_key: &'static str,
    pub href: &'a str,
}

#[derive(Serialize)]
struct GalleryView {
    href: Option<String>,
    count: usize,
    instagram: Option<InstagramView>,
}

#[derive(Serialize)]
pub(crate) struct PhotoView<'a> {
    #[serde(flatten)]
    image: ImageView,
    alt: Option<Text<'a>>,
    caption: Option<Text<'a>>,
}

impl<'a> Env<'a> {
    pub(crate) fn club(&self, club: &'a Club) -> ClubView<'a> {
        let slug = &club.slug;
        let reports: Vec<ReportSummary> = club
            .reports
            .iter()
            .map(|r| self.report_summary(club, r))
            .collect();
        let latest = club.reports.first().map(|r| self.report_summary(club, r));
        let current = current_plan(club, self.today);
        ClubView {
            slug: slug.as_str(),
            href: self.href(&PageId::Club(slug.clone())),
            name: self.text(&club.name),
            unit: self.opt(&club.unit),
            motto: self.opt(&club.motto),
            school: self.school(&club.school),
            about: self.html(&club.about),
            goals: self.texts(&club.goals),
            tasks: self.texts(&club.tasks),
            activities: self.texts(&club.activities),
            directions: self.texts(&club.directions),
            principles: club.principles.iter().map(|p| self.principle(p)).collect(),
            leaders: club.leaders.iter().map(|l| self.leader(club, l)).collect(),
            members: club.members.as_ref().map(|m| self.members(m)),
            contacts: club.contacts.as_ref().map(contacts),
            feedback: feedback(club),
            gallery: self.gallery(club),
            latest_report: latest,
            reports,
            reports_href: self.href(&PageId::Reports(slug.clone())),
            plan: current.map(|p| self.plan(club, p)),
            plans: club.plans.iter().map(|p| self.plan_link(club, p)).collect(),
            news: club
                .news
                .iter()
                .filter(|n| n.published_in(self.lang))
                .map(|n| self.news_summary(n))
                .collect(),
            poster_href: self.href(&PageId::Poster(slug.clone())),
        }
    }

    fn school(&self, school: &'a School) -> SchoolView<'a> {
        SchoolView {
            name: self.text(&school.name),
            region: self.region(&school.region),
            locality: self.opt(&school.locality),
            city_named: self.names_the_city(school),
            district: self.opt(&school.district),
            address: self.opt(&school.address),
            website: school.website.as_ref().map(|w| w.url.as_str()),
        }
    }

    fn principle(&self, p: &'a PrincipleText) -> PrincipleView<'a> {
        PrincipleView {
            key: &p.key,
            title: self.text(&p.title),
            text: self.opt(&p.text),
        }
    }

    fn leader(&self, club: &Club, l: &'a Leader) -> LeaderView<'a> {
        LeaderView {
            name: self.text(&l.name),
            role: self.opt(&l.role),
            phone: l.phone.as_deref().and_then(phone_link),
            email: l.email.as_deref().map(email_link),
            photo: l
                .photo
                .as_ref()
                .and_then(|p| self.image(self.images.get(&club.dir.join(p)))),
        }
    }

    fn members(&self, m: &'a Members) -> MembersView<'a> {
        MembersView {
            grades: m.grades.map(Grades::new),
            count: m.count,
            join: self.opt(&m.join),
        }
    }

    fn gallery(&self, club: &Club) -> GalleryView {
        GalleryView {
            href: (!club.gallery.photos.is_empty())
                .then(|| self.href(&PageId::Gallery(club.slug.clone()))),
            count: club.gallery.photos.len(),
            instagram: club.gallery.instagram.as_deref().map(instagram),
        }
    }

    pub(crate) fn photos(&self, club: &'a Club) -> Vec<PhotoView<'a>> {
        club.gallery
            .photos
            .iter()
            .filter_map(|p| {
                let image = self.image(self.images.get(&p.source))?;
                Some(PhotoView {
                    image,
                    alt: self.opt(&p.alt),
                    caption: self.opt(&p.caption),
                })
            })
            .collect()
    }
}

fn contacts(c: &Contacts) -> ContactsView<'_> {
    ContactsView {
        room: c.room.as_deref(),
        phones: c.phones.iter().filter_map(|p| phone_link(p)).collect(),
        email: c.email.as_deref().map(email_link),
        instagram: c.instagram.as_deref().map(instagram),
    }
}

fn phone_link(phone: &str) -> Option<Link> {
    Some(Link {
        display: phone.trim().to_string(),
        href: tel_href(phone)?,
    })
}

fn email_link(email: &str) -> Link {
    let e = email.trim().trim_start_matches("mailto:");
    Link {
        display: e.to_string(),
        href: format!("mailto:{e}"),
    }
}

fn instagram(handle: &str) -> InstagramView {
    InstagramView {
        handle: format!("@{handle}"),
        href: format!("https://www.instagram.com/{handle}/"),
    }
}

pub(crate) fn feedback(club: &Club) -> Vec<FeedbackView<'_>> {
    club.feedback
        .iter()
        .map(|f| FeedbackView {
            kind: f.kind.key(),
            label_key: f.kind.label_key(),
            href: f.url.url.as_str(),
        })
        .collect()
}
