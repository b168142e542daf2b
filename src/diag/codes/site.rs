//! The codes of the site as a whole: its files, site.yaml, languages and
//! message files, templates, images, addresses, the YAML layer and the
//! output.
//!
//! Layer 0 (part of `diag`).

use super::{Code, code};
use crate::diag::Severity::{Error, Warning};

pub(super) const SITE: &[Code] = &[
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
        "lang/texts-not-used",
        Warning,
        "texts of a file in a language that `languages:` in site.yaml does not list (kept, not published); one warning per file",
    ),
    code(
        "lang/unknown",
        Error,
        "a language code bitimger does not know and the site gives no message file for",
    ),
    code(
        "output/duplicate-path",
        Error,
        "two files that would be written to the same output path",
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
    code(
        "site/include-skipped",
        Warning,
        "an included school folder with errors left out of the site (`--skip-broken-includes`)",
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
        "style/colour",
        Error,
        "a `style.accent` that is not a colour written as #rrggbb",
    ),
    code(
        "style/contrast",
        Error,
        "a `style.accent` too light to read on the site's backgrounds (WCAG AA)",
    ),
    code(
        "style/css",
        Error,
        "a `style.css` that is not a .css file in static/",
    ),
    code(
        "style/logo",
        Error,
        "a `style.logo` that cannot be shown: not a picture in static/, missing, or unreadable",
    ),
    code(
        "style/logo-active",
        Error,
        "an SVG logo that could run scripts or load files from other sites",
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
