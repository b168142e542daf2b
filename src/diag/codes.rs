//! Every diagnostic code the program can emit, with its severity and what
//! it finds, in one table: what `silence:` accepts, what the list of codes
//! in docs/check.md is generated from (a test keeps them equal), and what
//! [`super::Diagnostic`] checks its code against in debug builds (so every
//! test run finds an unregistered code).
//!
//! Layer 0 (part of `diag`).

use super::Severity;

/// One code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Code {
    /// The stable code, e.g. `club/unknown-region`.
    pub code: &'static str,
    /// Error or warning.
    pub severity: Severity,
    /// What it finds, in a line.
    pub summary: &'static str,
}

const fn code(code: &'static str, severity: Severity, summary: &'static str) -> Code {
    Code {
        code,
        severity,
        summary,
    }
}

use Severity::{Error, Warning};

/// The codes of one kind of file's fields (`club/unknown-field` ...), for
/// each kind of YAML file: [`family_code`] interns them.
macro_rules! families {
    ($($f:literal),*) => {
        /// The kinds of YAML files whose fields are checked one by one.
        pub const FAMILIES: &[&str] = &[$($f),*];
        /// The field codes of every kind of YAML file.
        const FIELD_CODES: &[Code] = &[$(
            code(concat!($f, "/unknown-field"), Error, "a field that does not exist (often a typo)"),
            code(concat!($f, "/invalid-value"), Error, "a value that is not one of those allowed"),
            code(concat!($f, "/missing-field"), Error, "a required field left out"),
            code(concat!($f, "/duplicate-key"), Error, "a field written twice"),
            code(concat!($f, "/wrong-type"), Error, "a value of the wrong kind (text for a number, a list for a text ...)"),
            code(concat!($f, "/invalid"), Error, "a value that cannot be read"),
        )*];
    };
}

families!(
    "site",
    "club",
    "report",
    "plan",
    "news",
    "page",
    "documents",
    "photos",
    "principles"
);

/// The other codes.
const CODES: &[Code] = &[
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
        "file/control-character",
        Warning,
        "an invisible control character in a text file (often pasted from Word)",
    ),
    code("file/empty", Error, "an empty text file"),
    code(
        "file/link-broken",
        Warning,
        "a symbolic link that leads to nothing",
    ),
    code(
        "file/link-loop",
        Warning,
        "symbolic links that lead to each other",
    ),
    code(
        "file/link-outside",
        Error,
        "a symbolic link that leads out of the site folder (never followed)",
    ),
    code(
        "file/name-invalid",
        Error,
        "a file or folder name that not every file system can hold",
    ),
    code(
        "file/name-too-long",
        Error,
        "a file or folder name, or the web address made from it, over 255 bytes",
    ),
    code("file/not-utf8", Error, "a text file not saved as UTF-8"),
    code("file/too-large", Error, "a text file over 4 MB"),
    code("file/unreadable", Error, "a file that cannot be read"),
    code(
        "file/unreadable-path",
        Warning,
        "a path in the site folder that cannot be read",
    ),
    code(
        "i18n/missing-message",
        Warning,
        "a site language's message file without some of the interface's texts (English stands in)",
    ),
    code(
        "i18n/syntax",
        Error,
        "a message file (i18n/<lang>.ftl) that is not valid Fluent",
    ),
    code(
        "i18n/untranslated",
        Warning,
        "a text or Markdown file without its version in one of the site's languages",
    ),
    code(
        "image/broken",
        Error,
        "a photo that cannot be decoded, or is cut off",
    ),
    code(
        "image/too-large",
        Error,
        "a photo too large to decode safely",
    ),
    code(
        "internal/render",
        Error,
        "a page that could not be rendered (a fault of bitimger or of a template)",
    ),
    code(
        "lang/file-not-used",
        Warning,
        "a file whose language suffix (.xx.md) is not one of the site's languages",
    ),
    code(
        "lang/unknown",
        Error,
        "a language code bitimger does not know and the site gives no message file for",
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
        "output/duplicate-path",
        Error,
        "two files that would be written to the same output path",
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
        "site/base-url",
        Error,
        "a `base_url` that is not a complete https:// address",
    ),
    code(
        "site/club-count",
        Error,
        "a school site without exactly one club",
    ),
    code(
        "site/duplicate-language",
        Error,
        "a language listed twice in `languages`",
    ),
    code(
        "site/include-missing",
        Error,
        "a folder in `include:` that does not exist or has no site.yaml",
    ),
    code(
        "site/include-nested",
        Warning,
        "an included folder that itself includes others (not followed)",
    ),
    code(
        "site/include-school",
        Error,
        "`include:` in a school site (only a directory includes schools)",
    ),
    code("site/missing", Error, "a site folder without site.yaml"),
    code("site/no-languages", Error, "`languages` left empty"),
    code(
        "site/theme-missing",
        Error,
        "a `theme` folder without templates/",
    ),
    code(
        "site/unknown-language",
        Error,
        "a language code that is not a language",
    ),
    code(
        "site/unknown-silence",
        Error,
        "a code in `silence:` that no problem has",
    ),
    code(
        "template/error",
        Error,
        "a template that cannot be compiled or rendered",
    ),
    code(
        "template/unknown",
        Warning,
        "a template in templates/ that the theme does not use",
    ),
    code(
        "url/insecure",
        Warning,
        "an http:// address (not encrypted)",
    ),
    code("url/invalid", Error, "an address that is not complete"),
    code(
        "url/scheme",
        Error,
        "an address whose scheme is unsafe (javascript:, data: ...)",
    ),
    code("yaml/invalid", Error, "a YAML value that cannot be read"),
    code("yaml/syntax", Error, "a file that is not valid YAML"),
    code(
        "yaml/too-big",
        Error,
        "YAML whose aliases would make it far larger than its file",
    ),
    code("yaml/too-complex", Error, "YAML nested too deeply to read"),
];

/// Every code, the other codes in order, then the field codes.
pub fn all() -> impl Iterator<Item = &'static Code> {
    CODES.iter().chain(FIELD_CODES)
}

/// The entry of `code`, when it is one.
pub fn find(code: &str) -> Option<&'static Code> {
    all().find(|c| c.code == code)
}

/// `family/kind` (`club/unknown-field`) as the registered code; `yaml/invalid`
/// for a family or kind not in the table.
pub fn family_code(family: &str, kind: &str) -> &'static str {
    FIELD_CODES
        .iter()
        .find(|c| c.code.split_once('/') == Some((family, kind)))
        .map_or("yaml/invalid", |c| c.code)
}

/// The list of every code as a Markdown table, for docs/check.md.
pub fn markdown_table() -> String {
    let mut out = String::from("| code | level | what it finds |\n|---|---|---|\n");
    let mut codes: Vec<&Code> = all().collect();
    codes.sort_by_key(|c| c.code);
    for c in codes {
        let level = match c.severity {
            Error => "error",
            Warning => "warning",
        };
        out.push_str(&format!("| `{}` | {level} | {} |\n", c.code, c.summary));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// docs/check.md holds the table between its `codes` markers.
    #[test]
    fn docs_list_every_code() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/check.md");
        let doc = std::fs::read_to_string(path).unwrap();
        let (start, end) = ("<!-- codes:start -->\n", "<!-- codes:end -->");
        let (before, rest) = doc.split_once(start).expect("codes:start marker");
        let (listed, after) = rest.split_once(end).expect("codes:end marker");
        let table = markdown_table();
        if std::env::var_os("BITIMGER_WRITE_CODES").is_some() {
            std::fs::write(path, format!("{before}{start}{table}{end}{after}")).unwrap();
            return;
        }
        assert_eq!(
            listed, table,
            "docs/check.md's list of codes is not src/diag/codes.rs's"
        );
    }

    #[test]
    fn codes_are_listed_once_and_family_codes_are_interned() {
        let mut seen = std::collections::HashSet::new();
        for c in all() {
            assert!(seen.insert(c.code), "{} twice", c.code);
        }
        assert_eq!(family_code("club", "unknown-field"), "club/unknown-field");
        assert_eq!(family_code("nowhere", "unknown-field"), "yaml/invalid");
        assert_eq!(find("privacy/iin").map(|c| c.severity), Some(Error));
    }
}
