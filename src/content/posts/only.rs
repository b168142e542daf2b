//! `languages: [kk]` in the front matter of a news item or a page: the
//! languages it is published in, checked against the site's (an unknown
//! code is an error with the code meant). A text with it is published in
//! those languages only: no copy in another language, and no warning for
//! the languages it leaves out. A language the site knows but does not
//! list (`ru` dropped from site.yaml for a while) is left out without an
//! error; a text that names only such languages is not published, with a
//! warning.
//!
//! Layer 3 (content): part of `content::posts`.

use super::parts::Part;
use crate::content::{LoadContext, unlisted};
use crate::diag::{Diagnostic, Diagnostics, did_you_mean};
use crate::types::LangCode;
use crate::yaml::Seg;

/// The languages the parts' `languages:` name (in the site's order), or
/// an empty list when none gives it (then: every language of the site);
/// `None` when one names a language the site does not have (reported).
pub(super) fn languages_of<T>(
    ctx: &LoadContext<'_>,
    parts: &[Part<T>],
    family: &'static str,
    field: impl Fn(&T) -> Option<&Vec<String>>,
    diags: &mut Diagnostics,
) -> Option<Vec<LangCode>> {
    let site = &ctx.config.languages;
    let mut named: Vec<LangCode> = Vec::new();
    let mut unlisted: Option<(LangCode, &Part<T>)> = None;
    let mut known = true;
    for part in parts {
        let Some(codes) = field(&part.front) else {
            continue;
        };
        for (i, code) in codes.iter().enumerate() {
            let lang = LangCode::new(code.trim());
            if site.contains(&lang) {
                named.push(lang);
                continue;
            }
            if ctx.config.knows_language(&lang) {
                // Kept for when the site lists it again.
                unlisted.get_or_insert((lang, part));
                continue;
            }
            known = false;
            let mut f = part.fields(ctx, family, diags);
            f.report(
                unknown(code, family, site),
                &[Seg::Key("languages"), Seg::Index(i)],
            );
        }
    }
    if !known {
        return None;
    }
    if named.is_empty()
        && let Some((lang, part)) = unlisted
    {
        // Only languages the site does not list: published in none.
        diags.push(unlisted::file_not_used(ctx.config, &lang, &part.body.file));
        return None;
    }
    Some(site.iter().filter(|l| named.contains(l)).cloned().collect())
}

fn unknown(code: &str, family: &'static str, site: &[LangCode]) -> Diagnostic {
    let all: Vec<&str> = site.iter().map(LangCode::as_str).collect();
    let d = Diagnostic::error(
        if family == "news" {
            "news/invalid-value"
        } else {
            "page/invalid-value"
        },
        format!(
            "`{code}` is not one of this site's languages ({})",
            all.join(", ")
        ),
    )
    .arg("value", code)
    .arg("languages", all.join(", "))
    .label("not a language of the site");
    match did_you_mean(code, all.iter().copied()) {
        Some(s) => d
            .words("languages-unknown-guess")
            .arg("suggestion", s)
            .help(format!("did you mean `{s}`?")),
        None => d.words("languages-unknown").help(format!(
            "name languages of `languages:` in site.yaml: {}",
            all.join(", ")
        )),
    }
}
