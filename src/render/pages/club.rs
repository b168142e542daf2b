//! The pages of a club: the club page (the home page of a school site),
//! its reports, each report, each plan, the gallery and the poster.
//!
//! Layer 4 (render): reads the model through the page's [`Env`].

use super::super::Env;
use super::super::kinds::PageKind;
use super::super::links::PageId;
use super::super::structured::club_json_ld;
use super::frame::{Crumb, Partial};
use super::{Extra, Layout, internal, json, year_title};
use crate::content::Club;
use crate::diag::Diagnostic;
use crate::types::AcademicYear;

/// The club page: the club with its JSON-LD.
pub(super) fn club(env: &Env<'_>, club: &Club, id: &PageId) -> (Partial, Extra) {
    let mut p = Partial::localized(PageKind::Club, env.text(&club.name), id.clone());
    p.json_ld = Some(club_json_ld(env, club, id));
    (p, vec![club_var(env, club)])
}

/// The list of a club's reports.
pub(super) fn reports(env: &Env<'_>, club: &Club, id: &PageId) -> (Partial, Extra) {
    let reports: Vec<_> = club
        .reports
        .iter()
        .map(|r| env.report_summary(club, r))
        .collect();
    let title = env.i18n.get(env.lang, "nav-reports");
    let p = Partial::new(PageKind::Reports, &title, id.clone()).under_club(env, club);
    (p, vec![club_var(env, club), ("reports", json(&reports))])
}

/// One report of a club.
pub(super) fn report(
    env: &Env<'_>,
    club: &Club,
    id: &PageId,
    year: AcademicYear,
) -> Result<(Partial, Extra), Diagnostic> {
    let report = club
        .reports
        .iter()
        .find(|r| r.year == year)
        .ok_or_else(|| internal(&"no report"))?;
    let title = year_title(env, "report-title", year);
    let mut p = Partial::new(PageKind::Report, &title, id.clone()).under_club(env, club);
    p.crumbs.push(Crumb::new(
        env.i18n.get(env.lang, "nav-reports"),
        env.href(&PageId::Reports(club.slug.clone())),
    ));
    let report = ("report", json(&env.report(club, report)));
    Ok((p, vec![club_var(env, club), report]))
}

/// One activity plan of a club.
pub(super) fn plan(
    env: &Env<'_>,
    club: &Club,
    id: &PageId,
    year: AcademicYear,
) -> Result<(Partial, Extra), Diagnostic> {
    let plan = club
        .plans
        .iter()
        .find(|p| p.year == year)
        .ok_or_else(|| internal(&"no plan"))?;
    let title = year_title(env, "plan-title", year);
    let p = Partial::new(PageKind::Plan, &title, id.clone()).under_club(env, club);
    let plan = ("plan", json(&env.plan(club, plan)));
    Ok((p, vec![club_var(env, club), plan]))
}

/// A club's gallery.
pub(super) fn gallery(env: &Env<'_>, club: &Club, id: &PageId) -> (Partial, Extra) {
    let title = env.i18n.get(env.lang, "gallery-title");
    let p = Partial::new(PageKind::Gallery, &title, id.clone()).under_club(env, club);
    let photos = ("photos", json(&env.photos(club)));
    (p, vec![club_var(env, club), photos])
}

/// A club's printable poster, with its QR codes.
pub(super) fn poster(env: &Env<'_>, club: &Club, id: &PageId) -> (Partial, Extra) {
    let qr = env.qr.codes(env.site, club);
    let title = env.i18n.get(env.lang, "club-poster");
    let p = Partial::new(PageKind::Poster, &title, id.clone()).under_club(env, club);
    (p, vec![club_var(env, club), ("qr", qr)])
}

/// The `club` variable of every club page.
fn club_var(env: &Env<'_>, club: &Club) -> (&'static str, tera::Value) {
    ("club", json(&env.club(club)))
}

impl Partial {
    /// Breadcrumbs through the club (directories) and the nav item.
    fn under_club(mut self, env: &Env<'_>, club: &Club) -> Self {
        if let Some(page) = Layout::of(env.site).club_page(club) {
            let name = env.text(&club.name);
            self.crumbs.push(Crumb::localized(name, env.href(&page)));
        }
        self.nav = match self.kind {
            PageKind::Reports | PageKind::Report => "reports",
            PageKind::Gallery => "gallery",
            _ => "",
        };
        self
    }
}
