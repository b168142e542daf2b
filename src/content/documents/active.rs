//! What a file of `documents/` may do once published. A browser opens an
//! HTML, SVG or XML file as a page of the site, where its scripts could
//! read and change everything the site shows; so those are checked, and
//! everything else (PDF, Word, Excel, images ...) is published as it is.
//!
//! - `.html`, `.htm`: published cleaned, through the same allow-list as
//!   Markdown's HTML, inside a page whose Content-Security-Policy allows
//!   no script; a warning names what was left out.
//! - `.svg`, `.xml`: published as they are when they only draw (an
//!   allow-list of SVG elements, links and images inside the file or on
//!   this site, no XHTML, no style sheet that loads anything); else an
//!   error naming the first active part and its line.
//! - Types that always run (`.xhtml`, `.xsl`, `.mht`, `.shtml`, `.svgz`,
//!   server scripts such as `.php`) and files of an unknown type whose
//!   first bytes look like HTML or XML (a browser would sniff them as
//!   pages): an error.
//!
//! Layer 3 (content): imports `diag`, `fs` and
//! `content::{markdown, rawhtml, sanitize, svg}`.

use std::path::Path;
use std::sync::Arc;

use scraper::{Html, Selector};

use crate::content::sanitize::{self, Removed};
use crate::content::{markdown, rawhtml, svg};
use crate::diag::{Diagnostic, Diagnostics, Location};

/// What to publish for a document.
pub(crate) enum Verdict {
    /// The file as it is.
    AsIs,
    /// A cleaned page instead of the file.
    Cleaned(Arc<Vec<u8>>),
    /// Nothing: the file could run scripts (an error was reported).
    Refused,
}

/// Extensions a browser runs, or a web server executes, whatever is inside.
const ALWAYS_ACTIVE: &[&str] = &[
    "xhtml", "xht", "xsl", "xslt", "mht", "mhtml", "shtml", "shtm", "svgz", "php", "php3", "php4",
    "php5", "phtml", "phar", "cgi", "pl", "asp", "aspx", "jsp", "jspx",
];

/// Types a browser never opens as a page: published without sniffing.
const INERT: &[&str] = &[
    "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "pps", "ppsx", "odt", "ods", "odp", "rtf",
    "txt", "csv", "zip", "rar", "7z", "jpg", "jpeg", "png", "gif", "webp", "bmp", "tif", "tiff",
    "mp3", "mp4", "m4a", "wav", "ogg", "webm", "mov", "djvu", "epub",
];

/// The Content-Security-Policy of a cleaned document: nothing may run.
const CSP: &str =
    "default-src 'none'; img-src 'self'; style-src 'self'; base-uri 'none'; form-action 'none'";

/// Decides what `file` publishes; `lang` is the site's first language.
pub(crate) fn check_document(file: &Path, lang: &str, diags: &mut Diagnostics) -> Verdict {
    let ext = file
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => clean_html(file, lang, diags),
        "svg" | "xml" => match crate::fs::read_text(file) {
            Ok(text) => match svg::first_active(&text) {
                None => Verdict::AsIs,
                Some((line, what)) => refuse_active(file, line, &what, diags),
            },
            Err(d) => refuse(d, diags),
        },
        e if ALWAYS_ACTIVE.contains(&e) => refuse(
            Diagnostic::error(
                "documents/active-type",
                format!("a `.{e}` file can run programs on the site when it is opened, so it is not published"),
            )
            .words("documents-active-type")
            .arg("extension", e)
            .in_file(file)
            .help("save it as PDF (or put it in a .zip archive), and list that file in documents.yaml instead"),
            diags,
        ),
        e if INERT.contains(&e) => Verdict::AsIs,
        _ => match sniffs_as_page(file) {
            Some(start) => refuse(
                Diagnostic::error(
                    "documents/active-type",
                    format!("this file is a web page inside (it starts with `{start}`), and a browser could open it as a page of the site"),
                )
                .words("documents-active-page")
                .arg("start", start)
                .in_file(file)
                .help("give it the extension of what it really is (.pdf, .docx ...), or save it as PDF"),
                diags,
            ),
            None => Verdict::AsIs,
        },
    }
}

fn refuse(d: Diagnostic, diags: &mut Diagnostics) -> Verdict {
    diags.push(d);
    Verdict::Refused
}

fn refuse_active(file: &Path, line: usize, what: &svg::Active, diags: &mut Diagnostics) -> Verdict {
    let (key, detail, element) = what.key();
    refuse(
        Diagnostic::error(
            "documents/active-content",
            format!(
                "this file could run scripts or load files from other sites when it is opened: it has {}",
                what.english()
            ),
        )
        .words("documents-active-content")
        .arg("what", key)
        .arg("detail", detail)
        .arg("element", element)
        .at(Location::at(file, line, 1))
        .help("save the drawing as PNG or PDF and publish that instead (or remove that part in the drawing program)"),
        diags,
    )
}

/// The page's body, cleaned, in a page of its own that runs nothing.
fn clean_html(file: &Path, lang: &str, diags: &mut Diagnostics) -> Verdict {
    let text = match crate::fs::read_text(file) {
        Ok(t) => t,
        Err(d) => return refuse(d, diags),
    };
    // Bounded first: a page nested thousands deep would take the parser
    // minutes.
    let (bounded, left_out) = markdown::bound_nesting(&text);
    if let Some(line) = left_out {
        let line = usize::try_from(line).unwrap_or(1);
        diags.push(markdown::too_deep(Location::at(file, line, 1)));
    }
    let doc = Html::parse_document(&bounded);
    let pick = |css: &str| {
        Selector::parse(css)
            .ok()
            .and_then(|s| doc.select(&s).next())
    };
    let title = pick("title")
        .map(|t| t.text().collect::<String>())
        .unwrap_or_default();
    let body = pick("body").map(|b| b.inner_html()).unwrap_or_default();
    let page = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title></head>\n<body>\n{}\n</body></html>\n",
        ammonia::clean_text(lang),
        ammonia::clean_text(title.trim()),
        sanitize::clean(&body)
    );
    warn_removed(file, &text, diags);
    Verdict::Cleaned(Arc::new(page.into_bytes()))
}

/// One warning naming everything left out, at the line of the first.
fn warn_removed(file: &Path, text: &str, diags: &mut Diagnostics) {
    // The page around the body is written anew: its own parts are not lost.
    let frame = |r: &Removed| matches!(r, Removed::Element(e) if matches!(e.as_str(), "html" | "head" | "body" | "title" | "meta"));
    let mut first = None;
    let mut all: Vec<Removed> = Vec::new();
    for (line, removed) in rawhtml::removals(text) {
        for r in removed.into_iter().filter(|r| !frame(r)) {
            first.get_or_insert(line);
            if !all.contains(&r) {
                all.push(r);
            }
        }
    }
    let Some(line) = first else { return };
    all.sort();
    let shown = all.len().min(6);
    let more = match all.len() - shown {
        0 => String::new(),
        n => format!(" and {n} more"),
    };
    diags.push(
        Diagnostic::warning(
            "documents/html-cleaned",
            format!(
                "this web page is published without {}{more}: scripts, styles and other sites' files cannot run on the site",
                rawhtml::listed(&all[..shown])
            ),
        )
        .words("documents-html-cleaned")
        .arg("items", rawhtml::written(&all[..shown]))
        .arg("more", all.len() - shown)
        .at(Location::at(file, usize::try_from(line).unwrap_or(1), 1))
        .help("to publish it exactly as it looks, save it as PDF and list the PDF in documents.yaml instead"),
    );
}

/// The start of a file a browser would take for a page, when it does not
/// know the type: the HTML and XML patterns of the WHATWG MIME sniffing
/// standard ("rules for identifying an unknown MIME type").
fn sniffs_as_page(file: &Path) -> Option<String> {
    use std::io::Read;
    let mut head = Vec::with_capacity(1445);
    std::fs::File::open(file)
        .ok()?
        .take(1445)
        .read_to_end(&mut head)
        .ok()?;
    let start = head
        .iter()
        .position(|b| !matches!(b, b'\t' | b'\n' | 0x0c | b'\r' | b' '))?;
    let rest = &head[start..];
    const TAGS: &[&str] = &[
        "<!doctype html",
        "<html",
        "<head",
        "<script",
        "<iframe",
        "<h1",
        "<div",
        "<font",
        "<table",
        "<a",
        "<style",
        "<title",
        "<b",
        "<body",
        "<br",
        "<p",
        "<!--",
    ];
    let found = TAGS.iter().find(|t| {
        rest.len() > t.len()
            && rest[..t.len()].eq_ignore_ascii_case(t.as_bytes())
            && matches!(rest[t.len()], b' ' | b'>')
    });
    match found {
        Some(t) => Some(t.to_string()),
        None if rest.starts_with(b"<?xml") => Some("<?xml".to_string()),
        None => None,
    }
}
