//! Privacy rules (DESIGN.md §5), the warnings: phone numbers and e-mails
//! in report and news text, class labels next to personal names, staff
//! mobile numbers and galleries without consent. (IINs, an error that
//! stops a build: `iin`.)
//!
//! The text rules read the content files line by line, front matter
//! included, so every finding has its file, line and column.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::detect::{
    Found, find_class_labels_with_names, find_emails, find_phones, is_mobile, may_hold_class_label,
    may_hold_email, may_hold_phone,
};
use super::text::Folded;
use crate::content::{Club, Site};
use crate::diag::{Diagnostic, Diagnostics, Location};

/// What a content file holds, for the rules that apply to some kinds only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Kind {
    /// YAML settings and club data.
    Data,
    /// Reports and news: text about pupils and cases.
    Story,
    /// About texts and free pages.
    Page,
}

/// Every text file the site was built from, with its kind.
pub(crate) fn text_files(site: &Site) -> Vec<(PathBuf, Kind)> {
    let mut files = vec![(site.config.file(), Kind::Data)];
    let root = &site.config.root;
    for name in ["principles.yaml", "documents/documents.yaml"] {
        files.push((root.join(name), Kind::Data));
    }
    for club in &site.clubs {
        files.push((club.dir.join("club.yaml"), Kind::Data));
        files.push((club.dir.join("photos/photos.yaml"), Kind::Data));
        files.extend(club.plans.iter().map(|p| (p.file.clone(), Kind::Data)));
        files.extend(club.about.bodies().map(|b| (b.file.clone(), Kind::Page)));
        for r in &club.reports {
            files.extend(r.files.iter().map(|f| (f.clone(), Kind::Story)));
        }
        for n in &club.news {
            files.extend(n.body.bodies().map(|b| (b.file.clone(), Kind::Story)));
        }
    }
    for n in &site.news {
        files.extend(n.body.bodies().map(|b| (b.file.clone(), Kind::Story)));
    }
    for p in &site.pages {
        files.extend(p.body.bodies().map(|b| (b.file.clone(), Kind::Page)));
    }
    // Only files really inside a site folder: a link out was refused by the
    // loader and is not read here either.
    let roots: Vec<PathBuf> = std::iter::once(root.clone())
        .chain(site.clubs.iter().map(|c| c.site_root.clone()))
        .filter_map(|r| r.canonicalize().ok())
        .collect();
    files.retain(|(p, _)| {
        p.is_file()
            && p.canonicalize()
                .is_ok_and(|real| roots.iter().any(|r| real.starts_with(r)))
    });
    files.sort();
    files.dedup_by(|a, b| a.0 == b.0);
    files
}

/// Runs `scan` on every line of every content file, files in parallel
/// (a directory site has tens of thousands).
fn scan_files(
    site: &Site,
    diags: &mut Diagnostics,
    scan: impl Fn(&Path, usize, &str, Kind, &mut Diagnostics) + Sync,
) {
    let found: Vec<Diagnostics> = text_files(site)
        .par_iter()
        .map(|(file, kind)| {
            let mut d = Diagnostics::new();
            if let Ok(text) = crate::fs::read_text(file) {
                for (i, line) in text.lines().enumerate() {
                    scan(file, i + 1, line, *kind, &mut d);
                }
            }
            d
        })
        .collect();
    for d in found {
        diags.extend(d);
    }
}

/// Scans every content file's lines with every text rule.
pub(crate) fn check_texts(site: &Site, diags: &mut Diagnostics) {
    scan_files(site, diags, scan_line);
}

fn at(file: &Path, line: usize, f: &Found) -> Location {
    Location::at(file, line, f.column)
}

/// A contact found in a report or news text: its code, the id of its
/// words (`i18n/tool/diagnostics-rules.*.ftl`) and its English texts.
struct Contact {
    code: &'static str,
    id: &'static str,
    what: &'static str,
    label: &'static str,
    help: &'static str,
}

const PHONE_IN_TEXT: Contact = Contact {
    code: "privacy/phone-in-text",
    id: "privacy-phone-in-text",
    what: "a phone number",
    label: "phone number",
    help: "reports and news are about the club's work; put contact numbers in club.yaml under `contacts`, and never a pupil's or parent's number",
};

const EMAIL_IN_TEXT: Contact = Contact {
    code: "privacy/email-in-text",
    id: "privacy-email-in-text",
    what: "an e-mail address",
    label: "e-mail address",
    help: "put the club's address in club.yaml under `contacts`, and never a pupil's or parent's address",
};

fn scan_line(file: &Path, line: usize, text: &str, kind: Kind, diags: &mut Diagnostics) {
    let (phone, email) = (may_hold_phone(text), may_hold_email(text));
    if kind == Kind::Story && (phone || email) {
        // As the page shows the line: `&#64;`, `＠`, full-width digits and
        // en dashes are found too.
        let folded = Folded::line(text);
        let found = |yes: bool, find: fn(&Folded) -> Vec<Found>| {
            if yes { find(&folded) } else { Vec::new() }
        };
        let contacts = [
            (found(phone, find_phones), &PHONE_IN_TEXT),
            (found(email, find_emails), &EMAIL_IN_TEXT),
        ];
        for (found, contact) in contacts {
            for f in found {
                diags.push(
                    Diagnostic::warning(
                        contact.code,
                        format!("{} (`{}`) in a report or news text", contact.what, f.text),
                    )
                    .words(contact.id)
                    // In its backticks, so that a number stays as written
                    // (`+7...`, `8...`), not a count.
                    .arg("found", format!("`{}`", f.text))
                    .at(at(file, line, &f))
                    .label(contact.label)
                    .help(contact.help),
                );
            }
        }
    }
    if kind != Kind::Data && may_hold_class_label(text) {
        for f in find_class_labels_with_names(text) {
            diags.push(
                Diagnostic::warning(
                    "privacy/class-label",
                    format!("the class `{}` next to what looks like a person's name", f.text),
                )
                .words("privacy-class-label")
                .arg("class", &f.text)
                .at(at(file, line, &f))
                .label("class label")
                .help("a class and a first name together identify a child; write about pupils without names, e.g. «9th-grade pupils»"),
            );
        }
    }
}

/// Leaders' personal mobile numbers, and galleries published without the
/// parents' consent on file.
pub(crate) fn check_club(club: &Club, diags: &mut Diagnostics) {
    staff_mobiles(club, diags);
    if !club.gallery.photos.is_empty() && !club.gallery.consent {
        diags.push(
            Diagnostic::warning(
                "privacy/gallery-consent",
                match club.gallery.photos.len() {
                    1 => "1 photo is published without `gallery.consent: true`".to_string(),
                    n => format!("{n} photos are published without `gallery.consent: true`"),
                },
            )
            .words("privacy-gallery-consent")
            .arg("n", club.gallery.photos.len())
            .at(club.gallery.at.clone())
            .help("publish photos of children only with their parents' written consent; then write `consent: true` under `gallery:`, or set `photos: false`"),
        );
    }
}

fn staff_mobiles(club: &Club, diags: &mut Diagnostics) {
    for leader in &club.leaders {
        let Some(phone) = leader.phone.as_deref().filter(|p| is_mobile(p)) else {
            continue;
        };
        // Always known when there is a phone.
        let at = leader.phone_at.clone();
        let at = at.unwrap_or_else(|| Location::file(club.dir.join("club.yaml")));
        diags.push(Diagnostic::warning(
            "privacy/staff-mobile",
            format!("`{phone}` looks like a personal mobile number"),
        )
        .words("privacy-staff-mobile")
        // In its backticks, so that a number stays as written.
        .arg("phone", format!("`{phone}`"))
        .at(at)
        .help("publish the school's landline or the club's work number instead of a teacher's own mobile"));
    }
}
