//! Texts left as `init` and `new` wrote them (`text/placeholder`): the
//! words written to be replaced and the example addresses (`example.kz`,
//! `example.org` ...) standing for a school's own, each at its file, line
//! and column. The texts are defined once, in `content::placeholders`.
//!
//! Layer 5 (part of `rules`).

use std::path::Path;

use crate::content::placeholders::{self, Placeholder};
use crate::diag::{Diagnostic, Diagnostics, Location};

/// Warns at every placeholder text and example address of one line of a
/// site's file (run by `privacy::check_texts`' pass over every line).
pub(super) fn scan_line(file: &Path, line: usize, text: &str, diags: &mut Diagnostics) {
    for found in placeholders::find(text) {
        diags.push(diagnostic(file, line, &found));
    }
}

fn diagnostic(file: &Path, line: usize, found: &Placeholder) -> Diagnostic {
    let at = Location::at(file, line, found.column);
    let text = &found.text;
    let d = if found.address {
        Diagnostic::warning(
            "text/placeholder",
            format!("`{text}` is an example address, not the school's own"),
        )
        .words("text-placeholder-address")
        .label("example address")
        .help("write the real address (of the school's site, the club's form or its e-mail) the way it is in a browser's address bar")
    } else {
        Diagnostic::warning(
            "text/placeholder",
            format!("`{text}` was written by `bitimger init` or `new` to be replaced"),
        )
        .words("text-placeholder")
        .label("placeholder")
        .help("write your own text here (or remove the line)")
    };
    d.arg("text", text).at(at)
}
