//! Privacy rules (DESIGN.md §5), the warnings: phone numbers and e-mails
//! in report and news text, class labels next to personal names, staff
//! mobile numbers and galleries without consent. (IINs, an error that
//! stops a build: `iin`.)
//!
//! The text rules scan the content files line by line, front matter
//! included, so every finding has its file, line and column; the texts
//! are those the loader read and the model keeps (`text_files`), and the
//! club rules point where the loader recorded (`Club::feedback_at` ...):
//! no file is read again.

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

/// A file the site was built from, its text as the loader read it, and
/// its kind.
pub(crate) struct Text<'a> {
    pub file: PathBuf,
    pub text: &'a str,
    pub kind: Kind,
}

/// Every text file the site was built from, with its kind, as the model
/// keeps it (the loader refused files outside a site folder): no file is
/// read again.
pub(crate) fn text_files(site: &Site) -> Vec<Text<'_>> {
    let text = |file: &Path, text, kind| Text {
        file: file.to_path_buf(),
        text,
        kind,
    };
    let mut files = Vec::new();
    files.push(text(&site.config.file(), &site.config.text, Kind::Data));
    for d in &site.data {
        files.push(text(&d.file, &d.text, Kind::Data));
    }
    for club in &site.clubs {
        files.push(text(&club.dir.join("club.yaml"), &club.text, Kind::Data));
        if let Some(l) = &club.gallery.listing {
            files.push(text(&l.file, &l.text, Kind::Data));
        }
        files.extend(
            club.plans
                .iter()
                .map(|p| text(&p.file, &p.text, Kind::Data)),
        );
        files.extend(
            club.about
                .bodies()
                .map(|b| text(&b.file, &b.text, Kind::Page)),
        );
        for r in &club.reports {
            files.extend(r.files.iter().map(|f| text(&f.file, &f.text, Kind::Story)));
        }
        for n in &club.news {
            files.extend(n.body.bodies().map(|b| text(&b.file, &b.text, Kind::Story)));
        }
    }
    for n in &site.news {
        files.extend(n.body.bodies().map(|b| text(&b.file, &b.text, Kind::Story)));
    }
    for p in &site.pages {
        files.extend(p.body.bodies().map(|b| text(&b.file, &b.text, Kind::Page)));
    }
    files.sort_by(|a, b| (&a.file, a.kind).cmp(&(&b.file, b.kind)));
    files.dedup_by(|a, b| a.file == b.file);
    files
}

/// A line of a content file, for the text rules.
pub(super) struct Line<'a> {
    pub file: &'a Path,
    /// 1-based.
    pub number: usize,
    pub text: &'a str,
    pub kind: Kind,
    /// Inside a fenced code block of a Markdown text (or its fence).
    pub code: bool,
}

/// Runs `scan` on every line of every content file, files in parallel
/// (a directory site has tens of thousands).
pub(super) fn scan_files(
    site: &Site,
    diags: &mut Diagnostics,
    scan: impl Fn(&Line<'_>, &mut Diagnostics) + Sync,
) {
    let found: Vec<Diagnostics> = text_files(site)
        .par_iter()
        .map(|t| {
            let mut d = Diagnostics::new();
            let mut fences = super::script::Fences::default();
            for (i, text) in t.text.lines().enumerate() {
                let code = t.kind != Kind::Data && fences.code(text);
                let line = Line {
                    file: &t.file,
                    number: i + 1,
                    text,
                    kind: t.kind,
                    code,
                };
                scan(&line, &mut d);
            }
            d
        })
        .collect();
    for d in found {
        diags.extend(d);
    }
}

/// Scans every content file's lines with every text rule: the privacy
/// rules, the placeholders left from `init`/`new` and the words mixing
/// Latin and Cyrillic letters, in one pass.
pub(crate) fn check_texts(site: &Site, diags: &mut Diagnostics) {
    scan_files(site, diags, |l, diags| {
        scan_line(l.file, l.number, l.text, l.kind, diags);
        super::placeholders::scan_line(l.file, l.number, l.text, diags);
        super::script::scan_line(l.file, l.number, l.text, l.code, diags);
    });
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
