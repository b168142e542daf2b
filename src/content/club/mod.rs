//! One club folder → [`Club`]: club.yaml, about.md, reports, plans, news, photos.
//! Here the folder and club.yaml as a whole; its parts are checked in
//! `principles`, `people` (leaders, members), `contacts` (contacts,
//! feedback links), `qr` (their QR codes) and `photos` (the gallery).
//!
//! Layer 3 (content): imports `diag`, `fs`, `types`, `yaml` and
//! `content::{check, model, names, posts, raw, slug, walk}`.

mod contacts;
mod people;
mod photos;
mod principles;
mod qr;

use std::path::Path;
use std::sync::Arc;

use super::check::Fields;
use super::model::{Club, Doc, School};
use super::raw::{RawClub, RawSchool};
use super::{LoadContext, posts, slug};
use crate::diag::{Diagnostic, Diagnostics};
use crate::types::{RegionCode, Slug};
use crate::yaml::{self, Seg, Source};

pub(crate) use principles::custom_principle;
pub(crate) use qr::{QrMatrix, poster_qr};

/// Loads `dir` as a club; `None` when club.yaml cannot be used.
pub(crate) fn load_club(
    ctx: &LoadContext<'_>,
    dir: &Path,
    diags: &mut Diagnostics,
) -> Option<Club> {
    let folder = dir.file_name()?.to_string_lossy().to_string();
    let slug = slug::from_name(&folder);
    let file = dir.join("club.yaml");
    super::names::check_address(&slug, dir, diags);
    if slug.is_empty() {
        diags.push(
            Diagnostic::error(
                "club/bad-folder-name",
                format!("the folder name `{folder}` gives no usable web address"),
            )
            .words("club-bad-folder-name")
            .arg("folder", &folder)
            .in_file(dir)
            .help("rename the folder with letters or digits, e.g. senim"),
        );
        return None;
    }
    if !file.is_file() {
        diags.push(
            Diagnostic::error("club/missing", "this club folder has no club.yaml")
                .words("club-missing")
                .in_file(&file)
                .help("create club.yaml with at least `name`, `school.name` and `school.region`, or remove the folder"),
        );
        return None;
    }
    if !super::walk::inside(ctx.root, &file, diags) {
        return None;
    }
    let club = read_club_yaml(ctx, &file, dir, diags);
    // The club's other files are read even when club.yaml has errors, so
    // that every problem of the club is reported in one run.
    let about = posts::load_doc(ctx, dir, "about", diags);
    let reports = posts::load_reports(ctx, &dir.join("reports"), diags);
    let plans = posts::load_plans(ctx, &dir.join("plans"), diags);
    let news = posts::load_news(ctx, &dir.join("news"), Some(&slug), diags);
    let mut club = club?;
    club.slug = Slug::new(slug);
    club.about = about;
    club.reports = reports;
    club.plans = plans;
    club.news = news;
    Some(club)
}

/// club.yaml, parsed and validated.
fn read_club_yaml(
    ctx: &LoadContext<'_>,
    file: &Path,
    dir: &Path,
    diags: &mut Diagnostics,
) -> Option<Club> {
    let text = crate::fs::read_content(file, diags)?;
    club_from_text(ctx, dir, &text, diags)
}

/// Parses and checks the text of `dir`/club.yaml (reports, news and the
/// other files of the folder are not read here).
pub(crate) fn club_from_text(
    ctx: &LoadContext<'_>,
    dir: &Path,
    text: &str,
    diags: &mut Diagnostics,
) -> Option<Club> {
    let file = dir.join("club.yaml");
    let src = Source {
        text,
        file: &file,
        line_offset: 0,
        family: "club",
    };
    let raw: RawClub = yaml::read(src, diags)?;
    let mut f = Fields::new(src, ctx.config, diags);
    validate_club(ctx, raw, &mut f, dir)
}

fn validate_club(
    ctx: &LoadContext<'_>,
    raw: RawClub,
    f: &mut Fields<'_, '_>,
    dir: &Path,
) -> Option<Club> {
    let RawClub {
        name,
        unit,
        motto,
        school,
        goals,
        tasks,
        principles,
        leaders,
        members,
        activities,
        directions,
        contacts,
        feedback,
        gallery,
    } = raw;
    f.text(&name, &[Seg::Key("name")], true);
    f.opt_text(&unit, &[Seg::Key("unit")]);
    f.opt_text(&motto, &[Seg::Key("motto")]);
    // Every field is checked even when the school is wrong, so all
    // problems of the file are reported at once.
    let school = validate_school(school, f);
    for (key, list) in [
        ("goals", &goals),
        ("tasks", &tasks),
        ("activities", &activities),
        ("directions", &directions),
    ] {
        f.texts(list, key);
    }
    let principles = principles::validate_principles(ctx, principles, f);
    let leaders = people::validate_leaders(leaders, f, dir, ctx.root);
    // Leaders' photos (as validated: inside the club, existing) are shown
    // with the leader, not in the gallery.
    let leader_photos: Vec<_> = leaders
        .iter()
        .filter_map(|l| l.photo.as_ref())
        .map(|p| dir.join(p))
        .collect();
    let members = members.map(|m| people::validate_members(m, f));
    let contacts = contacts.map(|c| contacts::validate_contacts(c, f));
    let feedback = contacts::validate_feedback(feedback, f);
    let feedback_at = f.key_or_file(&[Seg::Key("feedback")]);
    let gallery = photos::validate_gallery(ctx, gallery, f, dir, &leader_photos);
    let school = school?;
    Some(Club {
        slug: Slug::new(""),
        dir: dir.to_path_buf(),
        site_root: ctx.root.to_path_buf(),
        text: Arc::from(f.src.text),
        name,
        unit,
        motto,
        school,
        about: Doc::default(),
        goals,
        tasks,
        principles,
        leaders,
        members,
        activities,
        directions,
        contacts,
        feedback,
        feedback_at,
        gallery,
        reports: Vec::new(),
        plans: Vec::new(),
        news: Vec::new(),
    })
}

fn validate_school(raw: RawSchool, f: &mut Fields<'_, '_>) -> Option<School> {
    let RawSchool {
        name,
        region,
        locality,
        district,
        address,
        website,
    } = raw;
    let at = |k| [Seg::Key("school"), Seg::Key(k)];
    f.text(&name, &at("name"), true);
    f.opt_text(&locality, &at("locality"));
    f.opt_text(&district, &at("district"));
    f.opt_text(&address, &at("address"));
    let region_ok = f.region(region.trim(), &at("region"));
    let website = website.and_then(|w| f.url(&w, &at("website")));
    region_ok.then(|| School {
        name,
        region: RegionCode::new(region.trim()),
        locality,
        district,
        address,
        website,
    })
}
