//! Views: what templates see (docs/templates.md is their contract). Built
//! per page, borrowing the model; every link is relative to the page.

use serde::Serialize;

use super::Env;
use super::images::ImageInfo;
use super::links::PageId;
use crate::content::model::*;
use crate::types::{Localized, Resolved, tel_href};

/// A localized text in the page's language.
pub(crate) type Text<'a> = Resolved<'a>;

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
    district: Option<Text<'a>>,
    address: Option<Text<'a>>,
    website: Option<&'a str>,
}

#[derive(Serialize)]
pub(crate) struct RegionView<'a> {
    pub code: &'a str,
    pub name: Text<'a>,
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
pub(crate) struct ImageView {
    pub src: String,
    /// The same image as WebP, when there is one (for `<picture>`).
    pub webp: Option<String>,
    pub width: u32,
    pub height: u32,
    pub thumb: Option<Box<ImageView>>,
}

#[derive(Serialize)]
struct MembersView<'a> {
    grades: Option<Grades>,
    count: Option<u32>,
    join: Option<Text<'a>>,
}

#[derive(Serialize)]
struct Grades {
    from: u8,
    to: u8,
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
pub(crate) struct IndicatorView {
    pub key: Indicator,
    pub label_key: String,
    pub value: Option<u64>,
}

/// A report in a list: on the club page and the reports page with every
/// figure given, on a directory's club card with the card indicators only.
#[derive(Serialize)]
pub(crate) struct ReportSummary {
    year: String,
    label: String,
    status: Status,
    href: String,
    indicators: Vec<IndicatorView>,
    resolution_rate: Option<u64>,
}

#[derive(Serialize)]
pub(crate) struct ReportView {
    #[serde(flatten)]
    summary: ReportSummary,
    body: Option<String>,
    quarters: Vec<QuarterView>,
}

#[derive(Serialize)]
struct QuarterView {
    key: &'static str,
    label_key: String,
    values: Vec<IndicatorView>,
}

#[derive(Serialize)]
pub(crate) struct PlanView<'a> {
    year: String,
    label: String,
    href: String,
    approved: Option<String>,
    items: Vec<PlanItemView<'a>>,
}

#[derive(Serialize)]
struct PlanItemView<'a> {
    when: String,
    when_label: String,
    title: Text<'a>,
    format: Option<PlanFormat>,
    format_label: Option<String>,
    audience: Option<Text<'a>>,
    responsible: Option<Text<'a>>,
    done: Option<bool>,
}

#[derive(Serialize)]
pub(crate) struct PlanLink {
    year: String,
    label: String,
    href: String,
}

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

#[derive(Serialize)]
pub(crate) struct PhotoView<'a> {
    #[serde(flatten)]
    image: ImageView,
    alt: Option<Text<'a>>,
    caption: Option<Text<'a>>,
}

#[derive(Serialize)]
pub(crate) struct ContentView<'a> {
    pub title: Text<'a>,
    pub body: Option<String>,
}

impl<'a> Env<'a> {
    /// A localized text in this page's language.
    pub(crate) fn text(&self, value: &'a Localized) -> Text<'a> {
        value.resolve(self.lang, &self.site.config.languages)
    }

    fn opt(&self, value: &'a Option<Localized>) -> Option<Text<'a>> {
        value.as_ref().map(|v| self.text(v))
    }

    fn texts(&self, values: &'a [Localized]) -> Vec<Text<'a>> {
        values.iter().map(|v| self.text(v)).collect()
    }

    /// Rendered Markdown in this language, wrapped with a notice on fallback.
    pub(crate) fn html(&self, doc: &'a Doc) -> Option<String> {
        let (body, lang, fallback) = doc.resolve(self.lang, &self.site.config.languages)?;
        if !fallback {
            return Some(body.html.clone());
        }
        let notice = self.i18n.get(self.lang, "notice-untranslated");
        Some(format!(
            "<div class=\"fallback\" lang=\"{lang}\"><p class=\"fallback-notice\" lang=\"{}\">{}</p>{}</div>",
            self.lang,
            escape(&notice),
            body.html
        ))
    }

    fn image(&self, info: Option<&ImageInfo>) -> Option<ImageView> {
        let info = info?;
        Some(ImageView {
            src: format!("{}{}", self.root, info.path),
            webp: info.webp.as_ref().map(|w| format!("{}{w}", self.root)),
            width: info.width,
            height: info.height,
            thumb: info.thumb.as_ref().map(|t| {
                Box::new(ImageView {
                    src: format!("{}{}", self.root, t.path),
                    webp: t.webp.as_ref().map(|w| format!("{}{w}", self.root)),
                    width: t.width,
                    height: t.height,
                    thumb: None,
                })
            }),
        })
    }

    pub(crate) fn region(&self, code: &'a str) -> RegionView<'a> {
        let name = crate::builtin::region(code).map(|r| self.text(&r.name));
        RegionView {
            code,
            name: name.unwrap_or(Resolved {
                text: code,
                lang: self.lang,
                fallback: false,
            }),
        }
    }

    pub(crate) fn club(&self, club: &'a Club) -> ClubView<'a> {
        let slug = club.slug.as_str();
        let reports: Vec<ReportSummary> = club
            .reports
            .iter()
            .map(|r| self.report_summary(club, r))
            .collect();
        let latest = club.reports.first().map(|r| self.report_summary(club, r));
        let current = current_plan(club, self.today);
        ClubView {
            slug,
            href: self.href(&PageId::Club(club.slug.clone())),
            name: self.text(&club.name),
            unit: self.opt(&club.unit),
            motto: self.opt(&club.motto),
            school: SchoolView {
                name: self.text(&club.school.name),
                region: self.region(&club.school.region),
                locality: self.opt(&club.school.locality),
                district: self.opt(&club.school.district),
                address: self.opt(&club.school.address),
                website: club.school.website.as_ref().map(|w| w.url.as_str()),
            },
            about: self.html(&club.about),
            goals: self.texts(&club.goals),
            tasks: self.texts(&club.tasks),
            activities: self.texts(&club.activities),
            directions: self.texts(&club.directions),
            principles: club
                .principles
                .iter()
                .map(|p| PrincipleView {
                    key: &p.key,
                    title: self.text(&p.title),
                    text: self.opt(&p.text),
                })
                .collect(),
            leaders: club
                .leaders
                .iter()
                .map(|l| LeaderView {
                    name: self.text(&l.name),
                    role: self.opt(&l.role),
                    phone: l.phone.as_deref().and_then(phone_link),
                    email: l.email.as_deref().map(email_link),
                    photo: l
                        .photo
                        .as_ref()
                        .and_then(|p| self.image(self.images.get(&club.dir.join(p)))),
                })
                .collect(),
            members: club.members.as_ref().map(|m| MembersView {
                grades: m.grades.map(|(from, to)| Grades { from, to }),
                count: m.count,
                join: self.opt(&m.join),
            }),
            contacts: club.contacts.as_ref().map(|c| ContactsView {
                room: c.room.as_deref(),
                phones: c.phones.iter().filter_map(|p| phone_link(p)).collect(),
                email: c.email.as_deref().map(email_link),
                instagram: c.instagram.as_deref().map(instagram),
            }),
            feedback: feedback(club),
            gallery: GalleryView {
                href: (!club.gallery.photos.is_empty())
                    .then(|| self.href(&PageId::Gallery(club.slug.clone()))),
                count: club.gallery.photos.len(),
                instagram: club.gallery.instagram.as_deref().map(instagram),
            },
            latest_report: latest,
            reports,
            reports_href: self.href(&PageId::Reports(club.slug.clone())),
            plan: current.map(|p| self.plan(club, p)),
            plans: club
                .plans
                .iter()
                .map(|p| PlanLink {
                    year: p.year.slug(),
                    label: p.year.label(),
                    href: self.href(&PageId::Plan(club.slug.clone(), p.year)),
                })
                .collect(),
            news: club.news.iter().map(|n| self.news_summary(n)).collect(),
            poster_href: self.href(&PageId::Poster(club.slug.clone())),
        }
    }

    /// The summary of report `r` of `club`, with every figure it gives.
    pub(crate) fn report_summary(&self, club: &'a Club, r: &'a Report) -> ReportSummary {
        self.report_summary_of(club, r, |_| true)
    }

    /// The summary of report `r` of `club`, with the figures it gives of
    /// the indicators `shown`.
    pub(crate) fn report_summary_of(
        &self,
        club: &'a Club,
        r: &'a Report,
        shown: impl Fn(Indicator) -> bool,
    ) -> ReportSummary {
        ReportSummary {
            year: r.year.slug(),
            label: r.year.label(),
            status: r.status,
            href: self.href(&PageId::Report(club.slug.clone(), r.year)),
            indicators: indicators(&r.figures, shown),
            resolution_rate: resolution_rate(&r.figures),
        }
    }

    pub(crate) fn report(&self, club: &'a Club, r: &'a Report) -> ReportView {
        let keys: Vec<Indicator> = Indicator::ALL
            .iter()
            .copied()
            .filter(|k| r.quarters.values().any(|q| q.contains_key(k)))
            .collect();
        ReportView {
            summary: self.report_summary(club, r),
            body: self.html(&r.body),
            quarters: r
                .quarters
                .iter()
                .map(|(q, figures)| QuarterView {
                    key: q.key(),
                    label_key: format!("quarter-{}", q.key()),
                    values: keys
                        .iter()
                        .map(|k| IndicatorView {
                            key: *k,
                            label_key: k.label_key(),
                            value: figures.get(k).copied(),
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    pub(crate) fn plan(&self, club: &'a Club, p: &'a Plan) -> PlanView<'a> {
        PlanView {
            year: p.year.slug(),
            label: p.year.label(),
            href: self.href(&PageId::Plan(club.slug.clone(), p.year)),
            approved: p.approved.map(|d| d.to_string()),
            items: p
                .items
                .iter()
                .map(|i| PlanItemView {
                    when: i.when.key(),
                    when_label: self.when_label(&i.when),
                    title: self.text(&i.title),
                    format: i.format,
                    format_label: i
                        .format
                        .map(|f| self.i18n.get(self.lang, &format!("format-{}", f.key()))),
                    audience: self.opt(&i.audience),
                    responsible: self.opt(&i.responsible),
                    done: i.done,
                })
                .collect(),
        }
    }

    fn when_label(&self, when: &When) -> String {
        match when {
            When::Month(m) => self.i18n.get(self.lang, &format!("month-name-{m}")),
            When::Term(t) => self.i18n.get(self.lang, &format!("term-{t}")),
            When::Date(d) => self.i18n.date_long(self.lang, *d),
            When::Monthly => self.i18n.get(self.lang, "when-monthly"),
            When::Weekly => self.i18n.get(self.lang, "when-weekly"),
        }
    }

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

/// The plan of the academic year containing `today`, else the latest.
pub(crate) fn current_plan(club: &Club, today: crate::types::Date) -> Option<&Plan> {
    let year = crate::types::AcademicYear::containing(today);
    club.plans
        .iter()
        .find(|p| p.year == year)
        .or_else(|| club.plans.first())
}

/// The figures given of the indicators `shown`, in display order.
fn indicators(figures: &Figures, shown: impl Fn(Indicator) -> bool) -> Vec<IndicatorView> {
    Indicator::ALL
        .iter()
        .filter(|k| shown(**k))
        .filter_map(|k| {
            figures.get(k).map(|v| IndicatorView {
                key: *k,
                label_key: k.label_key(),
                value: Some(*v),
            })
        })
        .collect()
}

/// Whole percent of cases resolved, when both figures are given.
fn resolution_rate(figures: &Figures) -> Option<u64> {
    crate::content::stats::Rate::of(figures)?.percent()
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

/// A file name as one segment of a URL path: spaces, `#`, `?`, `%` and
/// non-ASCII letters percent-encoded, so `Бұйрық № 114.pdf` links right.
pub(crate) fn url_segment(name: &str) -> String {
    use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};
    const SEGMENT: &AsciiSet = &CONTROLS
        .add(b' ')
        .add(b'"')
        .add(b'#')
        .add(b'%')
        .add(b'<')
        .add(b'>')
        .add(b'?')
        .add(b'`')
        .add(b'{')
        .add(b'}')
        .add(b'/')
        .add(b'\\');
    utf8_percent_encode(name, SEGMENT).to_string()
}

/// Escapes text for HTML and XML; control characters are left out.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Never valid in XML, never meant in a text.
            c if crate::fs::is_control(c) => {}
            _ => out.push(c),
        }
    }
    out
}
