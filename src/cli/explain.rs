//! `bitimger explain CODE`: what a problem's code means, why it matters
//! and how to fix it, with a wrong and a right example, in the language of
//! the run (`i18n/tool/explain.{kk,ru,en}.ftl`: `explain-<code>` and its
//! `.why`, `.wrong` and `.right`). A code without a long explanation yet
//! gets its line from the registry (`bitimger::diag::codes`).
//!
//! Layer 9: part of the binary; uses the library (`bitimger::`).

use std::process::ExitCode;

use bitimger::diag::codes::{self, Code};
use bitimger::diag::{Severity, did_you_mean};

use super::print::{USAGE, fail, messages, t};

/// Prints the explanation of `code`, or every code when there is none.
pub(crate) fn run_explain(code: Option<&str>) -> ExitCode {
    let Some(code) = code else {
        for c in codes::all() {
            println!("{:<32} {}", c.code, severity(c));
        }
        return ExitCode::SUCCESS;
    };
    let Some(found) = codes::find(code.trim()) else {
        let near = did_you_mean(code, codes::all().map(|c| c.code)).unwrap_or("");
        let args = [("code", code.into()), ("near", near.into())];
        return fail(t("explain-unknown", &args), USAGE);
    };
    println!("{}", explanation(found));
    ExitCode::SUCCESS
}

fn severity(c: &Code) -> String {
    let id = match c.severity {
        Severity::Error => "diag-error",
        Severity::Warning => "diag-warning",
    };
    t(id, &[])
}

/// The text `explain` prints for `c`.
fn explanation(c: &Code) -> String {
    let id = format!("explain-{}", c.code.replace('/', "-"));
    let m = messages();
    let mut out = format!("{}[{}]\n\n", severity(c), c.code);
    match m.own(&id, None).or_else(|| m.english(&id, None)) {
        Some(what) => out.push_str(&what),
        None => out.push_str(c.summary),
    }
    out.push('\n');
    for (attribute, heading) in [
        ("why", "explain-why"),
        ("wrong", "explain-wrong"),
        ("right", "explain-right"),
    ] {
        let text = m
            .own(&id, Some(attribute))
            .or_else(|| m.english(&id, Some(attribute)));
        if let Some(text) = text {
            out.push_str(&format!("\n{}\n{text}\n", t(heading, &[])));
        }
    }
    out.push_str(&format!("\n{}\n", t("explain-more", &[])));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_with_an_explanation_has_every_part() {
        let text = explanation(codes::find("privacy/phone-in-text").unwrap());
        assert!(text.starts_with("warning[privacy/phone-in-text]"), "{text}");
        assert!(text.contains("+7 701"), "{text}");
    }

    #[test]
    fn a_code_without_one_says_its_line_from_the_registry() {
        let c = codes::find("file/empty").unwrap();
        assert!(explanation(c).contains(c.summary));
    }
}
