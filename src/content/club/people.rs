//! The people of a club: its leaders (staff, with their phones, e-mails
//! and photos) and its members (counts and grades only, never names).
//!
//! Layer 3 (content): imports `yaml` and `content::{check, model, names,
//! raw}`.

use std::path::{Path, PathBuf};

use super::contacts::{check_email, check_phone};
use crate::content::check::Fields;
use crate::content::model::{Leader, Members};
use crate::content::names;
use crate::content::raw::{RawLeader, RawMembers};
use crate::diag::Diagnostic;
use crate::yaml::{self, Seg};

/// The leaders of club.yaml, each checked.
pub(super) fn validate_leaders(
    raw: Vec<RawLeader>,
    f: &mut Fields<'_, '_>,
    dir: &Path,
    root: &Path,
) -> Vec<Leader> {
    raw.into_iter()
        .enumerate()
        .map(|(i, l)| validate_leader(l, i, f, dir, root))
        .collect()
}

fn validate_leader(
    raw: RawLeader,
    i: usize,
    f: &mut Fields<'_, '_>,
    dir: &Path,
    root: &Path,
) -> Leader {
    let RawLeader {
        name,
        role,
        phone,
        email,
        photo,
    } = raw;
    let at = |k| [Seg::Key("leaders"), Seg::Index(i), Seg::Key(k)];
    f.text(&name, &at("name"), true);
    f.opt_text(&role, &at("role"));
    let phone = phone
        .map(|p| p.0)
        .filter(|p| check_phone(p, &at("phone"), f));
    let phone_at = phone.is_some().then(|| f.key_at(&at("phone")));
    let email = email.filter(|e| check_email(e, &at("email"), f));
    let photo = photo.and_then(|p| leader_photo(p, &at("photo"), f, dir, root));
    Leader {
        name,
        role,
        phone,
        phone_at,
        email,
        photo,
    }
}

/// A leader's photo, relative to the club folder: `None`, with an error,
/// when it is outside the site, has an unusable name or is missing.
fn leader_photo(
    p: String,
    at: &[Seg<'_>],
    f: &mut Fields<'_, '_>,
    dir: &Path,
    root: &Path,
) -> Option<PathBuf> {
    let path = dir.join(&p);
    let outside = Path::new(&p).is_absolute()
        || p.contains("..")
        || path.canonicalize().is_ok_and(|real| {
            !real.starts_with(root.canonicalize().unwrap_or_else(|_| root.to_path_buf()))
        });
    if outside {
        f.report(
            Diagnostic::error(
                "club/photo-outside",
                format!("the photo `{p}` is outside the site folder, so it is not published"),
            )
            .words("club-photo-outside")
            .arg("file", &p)
            .help("put the photo in the club folder, e.g. photos/leader1.jpg, and write that path"),
            at,
        );
        None
    } else if let Some(problem) = names::image_problem(&path) {
        let at = yaml::locate_value(f.src, at);
        f.diags
            .push(names::name_diagnostic(&problem, names::Named::Photo, &p).at(at));
        None
    } else if path.is_file() {
        Some(PathBuf::from(p))
    } else {
        f.report(
            Diagnostic::error(
                "club/missing-photo",
                format!("the photo `{p}` does not exist"),
            )
            .words("club-missing-photo")
            .arg("file", &p)
            .help("write the path relative to the club folder, e.g. photos/leader1.jpg, and check the file name"),
            at,
        );
        None
    }
}

pub(super) fn validate_members(raw: RawMembers, f: &mut Fields<'_, '_>) -> Members {
    let RawMembers {
        grades,
        count,
        join,
    } = raw;
    f.opt_text(&join, &[Seg::Key("members"), Seg::Key("join")]);
    let grades = grades.and_then(|g| {
        let ok = (1..=12).contains(&g.from) && (1..=12).contains(&g.to) && g.from <= g.to;
        if !ok {
            f.report(
                Diagnostic::error(
                    "club/invalid-grades",
                    format!("grades from {} to {} are not possible", g.from, g.to),
                )
                .words("club-invalid-grades")
                .arg("from", g.from)
                .arg("to", g.to)
                .help("write grades between 1 and 11 (or 12), with `from` not above `to`, e.g. {from: 8, to: 11}"),
                &[Seg::Key("members"), Seg::Key("grades")],
            );
        }
        ok.then_some((g.from, g.to))
    });
    Members {
        grades,
        count,
        join,
    }
}
