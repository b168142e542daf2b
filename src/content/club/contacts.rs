//! How to reach a club: its contacts (phones, e-mail, Instagram) and its
//! feedback links, which the poster prints as QR codes.
//!
//! Layer 3 (content): imports `diag`, `types`, `yaml` and
//! `content::{check, model, raw}`.

use crate::content::check::Fields;
use crate::content::model::{Contacts, Feedback, FeedbackKind};
use crate::content::raw::{RawContacts, RawFeedback};
use crate::diag::Diagnostic;
use crate::types::tel_href;
use crate::yaml::{self, Seg};

pub(super) fn check_phone(phone: &str, at: &[Seg<'_>], f: &mut Fields<'_, '_>) -> bool {
    if tel_href(phone).is_some() {
        return true;
    }
    f.report(
        Diagnostic::error(
            "club/invalid-phone",
            format!("`{phone}` is not a phone number"),
        )
        .words("club-invalid-phone")
        .arg("value", phone)
        .help("write the number with its code, e.g. \"+7 707 123 4567\""),
        at,
    );
    false
}

pub(super) fn check_email(email: &str, at: &[Seg<'_>], f: &mut Fields<'_, '_>) -> bool {
    let e = email.trim().trim_start_matches("mailto:");
    let ok = e.split_once('@').is_some_and(|(user, host)| {
        !user.is_empty() && host.contains('.') && !host.starts_with('.') && !host.ends_with('.')
    }) && !e.contains(char::is_whitespace);
    if !ok {
        f.report(
            Diagnostic::error(
                "club/invalid-email",
                format!("`{email}` is not an e-mail address"),
            )
            .words("club-invalid-email")
            .arg("value", email)
            .help("write the address as name@example.kz"),
            at,
        );
    }
    ok
}

/// `mediation.doverie`, `@mediation.doverie` or a profile URL → the handle.
fn instagram_handle(value: &str) -> Option<String> {
    let v = value.trim();
    let handle = if let Some(rest) = v.split_once("instagram.com/").map(|(_, r)| r) {
        rest.split(['/', '?', '#']).next().unwrap_or("")
    } else {
        v.trim_start_matches('@')
    };
    let ok = !handle.is_empty()
        && handle.len() <= 30
        && handle
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '_');
    ok.then(|| handle.to_string())
}

pub(super) fn check_instagram(
    value: &str,
    at: &[Seg<'_>],
    f: &mut Fields<'_, '_>,
) -> Option<String> {
    let handle = instagram_handle(value);
    if handle.is_none() {
        f.report(
            Diagnostic::error(
                "club/invalid-instagram",
                format!("`{value}` is not an Instagram account name"),
            )
            .words("club-invalid-instagram")
            .arg("value", value)
            .help("write the account name (letters, digits, `.` and `_`), e.g. mediation.senim, or its https://instagram.com/... address"),
            at,
        );
    }
    handle
}

pub(super) fn validate_contacts(raw: RawContacts, f: &mut Fields<'_, '_>) -> Contacts {
    let RawContacts {
        room,
        phones,
        email,
        instagram,
    } = raw;
    let phones = phones
        .into_iter()
        .enumerate()
        .filter(|(i, p)| {
            check_phone(
                p.as_str(),
                &[Seg::Key("contacts"), Seg::Key("phones"), Seg::Index(*i)],
                f,
            )
        })
        .map(|(_, p)| p.0)
        .collect();
    let email = email.filter(|e| check_email(e, &[Seg::Key("contacts"), Seg::Key("email")], f));
    let instagram = instagram
        .and_then(|i| check_instagram(&i, &[Seg::Key("contacts"), Seg::Key("instagram")], f));
    Contacts {
        room: room.map(|r| r.0),
        phones,
        email,
        instagram,
    }
}

pub(super) fn validate_feedback(raw: Option<RawFeedback>, f: &mut Fields<'_, '_>) -> Vec<Feedback> {
    let Some(RawFeedback {
        question,
        application,
        anonymous,
    }) = raw
    else {
        return Vec::new();
    };
    [
        (FeedbackKind::Question, question),
        (FeedbackKind::Application, application),
        (FeedbackKind::Anonymous, anonymous),
    ]
    .into_iter()
    .filter_map(|(kind, url)| {
        let url = url?;
        let at = [Seg::Key("feedback"), Seg::Key(kind.key())];
        let safe = f.url(&url, &at)?;
        if !super::qr::fits_poster_qr(&safe.url) {
            f.diags.push(
                Diagnostic::warning(
                    "poster/link-too-long",
                    format!(
                        "this link is {} characters long, too long for a QR code, so the poster leaves it out",
                        safe.url.chars().count()
                    ),
                )
                .words("poster-link-too-long")
                .arg("n", safe.url.chars().count())
                .at(yaml::locate_value(f.src, &at))
                .label("too long for a QR code")
                .help("use a shorter link to the same form (most form services offer one, e.g. forms.gle/...)"),
            );
        }
        Some(Feedback { kind, url: safe })
    })
    .collect()
}
