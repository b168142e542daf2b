//! The codes of what the site says: clubs, reports, plans, news, pages,
//! documents, photos, Markdown, and the whole-site rules (privacy, links,
//! alt texts).
//!
//! Layer 0 (part of `diag`).

use super::{Code, code};
use crate::diag::Severity::{Error, Warning};

pub(super) const CONTENT: &[Code] = &[
    code(
        "a11y/img-alt",
        Warning,
        "an image without alt text: a gallery photo without `alt` in photos.yaml, a Markdown image with empty brackets, an `<img>` without `alt`",
    ),
    code(
        "club/bad-folder-name",
        Error,
        "a club folder whose name cannot become a web address",
    ),
    code(
        "club/duplicate-slug",
        Error,
        "two club folders that would get the same web address",
    ),
    code(
        "club/invalid-email",
        Error,
        "a contact e-mail that is not an e-mail address",
    ),
    code(
        "club/invalid-grades",
        Error,
        "members' grades that are not a range of school grades (1–11)",
    ),
    code(
        "club/invalid-instagram",
        Error,
        "an Instagram contact that is neither a name nor an instagram.com address",
    ),
    code(
        "club/invalid-phone",
        Error,
        "a phone number that is not a Kazakh number",
    ),
    code(
        "club/invalid-principles",
        Error,
        "`principles` that are not a list of principle keys",
    ),
    code("club/missing", Error, "a club folder without club.yaml"),
    code(
        "club/missing-photo",
        Error,
        "a leader's `photo` file that does not exist",
    ),
    code(
        "club/no-feedback",
        Warning,
        "a club with no feedback link (question, application, anonymous)",
    ),
    code(
        "club/photo-outside",
        Error,
        "a leader's `photo` path that is absolute or leads out of the site folder",
    ),
    code(
        "club/unknown-principle",
        Error,
        "a principle key that is not one of the built-in principles",
    ),
    code(
        "club/unknown-region",
        Error,
        "a `region` that is not one of the region codes",
    ),
    code(
        "documents/active-content",
        Error,
        "a file in documents/ that could run scripts when opened (an SVG or XML with scripts, event handlers, web page elements)",
    ),
    code(
        "documents/active-type",
        Error,
        "a file in documents/ of a type that can always run scripts (.xhtml, .mht, .svgz, .php ...)",
    ),
    code(
        "documents/html-cleaned",
        Warning,
        "a web page in documents/, published cleaned of what could run",
    ),
    code(
        "documents/missing-file",
        Error,
        "a document listed in documents.yaml whose file is not in documents/",
    ),
    code(
        "documents/unlisted",
        Warning,
        "a file in documents/ that documents.yaml does not list",
    ),
    code("field/empty", Error, "a required text left empty"),
    code(
        "field/invalid-date",
        Error,
        "a date not written as YYYY-MM-DD, or a day that does not exist",
    ),
    code(
        "field/invalid-year",
        Error,
        "an academic year not written as 2025-2026",
    ),
    code(
        "field/year-mismatch",
        Error,
        "a report whose `year` differs from its file name",
    ),
    code(
        "links/anchor",
        Error,
        "a link to `#part` of a page that has no such id",
    ),
    code(
        "links/broken",
        Error,
        "an internal link or image that leads to no file of the site",
    ),
    code(
        "links/source-path",
        Error,
        "a Markdown link or image by path in the site folder (pages/rules.md) that names no file of the site",
    ),
    code(
        "markdown/external-image",
        Warning,
        "an image from another site, turned into a link",
    ),
    code(
        "markdown/front-matter",
        Error,
        "front matter (--- ... ---) that is not closed or not valid",
    ),
    code(
        "markdown/id-taken",
        Warning,
        "an id written in Markdown (`{#main}`, `<p id=\"top\">`) that the theme or an earlier heading has: it is renamed",
    ),
    code(
        "markdown/html-removed",
        Warning,
        "raw HTML in Markdown that the sanitizer removed",
    ),
    code(
        "markdown/invalid-link",
        Warning,
        "a Markdown link that is not a complete web address (removed)",
    ),
    code(
        "markdown/too-deep",
        Warning,
        "quotes, lists or HTML nested more than 100 levels deep",
    ),
    code(
        "markdown/unsafe-link",
        Error,
        "a link whose scheme is not https, http, mailto or tel (javascript:, data: ...)",
    ),
    code(
        "news/duplicate-slug",
        Error,
        "two news items that would get the same web address",
    ),
    code(
        "news/pair-mismatch",
        Error,
        "the language versions of a news item that disagree (date, draft)",
    ),
    code(
        "page/duplicate-slug",
        Error,
        "two pages that would get the same web address",
    ),
    code(
        "photos/missing-file",
        Error,
        "a photo listed in photos.yaml that is not in the photos/ folder",
    ),
    code(
        "plan/file-name",
        Error,
        "an activity plan whose file name is not an academic year",
    ),
    code(
        "plan/invalid-when",
        Error,
        "a plan item whose `when` is not a month, a term or a date",
    ),
    code(
        "poster/link-too-long",
        Warning,
        "a feedback link too long for a QR code: the poster leaves it out",
    ),
    code(
        "privacy/class-label",
        Warning,
        "a class label (9Б, 8 «А» сынып) next to a capitalized personal name",
    ),
    code(
        "privacy/email-in-text",
        Warning,
        "an e-mail address in a report or news text",
    ),
    code(
        "privacy/gallery-consent",
        Warning,
        "photos published without `gallery.consent: true`",
    ),
    code(
        "privacy/iin",
        Error,
        "a 12-digit number with a valid IIN check digit, anywhere in the site or what is published",
    ),
    code(
        "privacy/phone-in-text",
        Warning,
        "a phone number in a report or news text",
    ),
    code(
        "privacy/staff-mobile",
        Warning,
        "a leader's phone is a personal mobile number",
    ),
    code(
        "privacy/static-image-metadata",
        Warning,
        "an image in static/ or documents/ (published as it is) with EXIF, GPS or XMP metadata",
    ),
    code(
        "report/figure-too-large",
        Error,
        "a report figure over 100,000: a typing mistake",
    ),
    code(
        "report/file-name",
        Error,
        "a report whose file name is not an academic year",
    ),
    code(
        "report/pair-mismatch",
        Error,
        "the language versions of a report whose figures or fields disagree",
    ),
    code(
        "report/resolved-over-cases",
        Error,
        "more cases resolved than cases",
    ),
    code(
        "text/mixed-script",
        Warning,
        "a word that mixes Latin and Cyrillic letters («Сенiм» with a Latin i)",
    ),
    code(
        "text/placeholder",
        Warning,
        "a text left as `init` or `new` wrote it to be replaced, or an example address (example.kz, example.org)",
    ),
];
