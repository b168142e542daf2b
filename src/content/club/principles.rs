//! The principles of a club: `default` (the site's principles.yaml, else
//! the seven built-in ones), or a list of built-in keys and `{title, text}`
//! items.
//!
//! Layer 3 (content): imports `builtin`, `diag`, `yaml` and
//! `content::{check, model, raw}`.

use crate::builtin;
use crate::content::LoadContext;
use crate::content::check::Fields;
use crate::content::model::PrincipleText;
use crate::content::raw::{RawPrinciple, RawPrincipleItem, RawPrinciples};
use crate::diag::{Diagnostic, did_you_mean};
use crate::yaml::Seg;

pub(super) fn validate_principles(
    ctx: &LoadContext<'_>,
    raw: Option<RawPrinciples>,
    f: &mut Fields<'_, '_>,
) -> Vec<PrincipleText> {
    let defaults = || match &ctx.principles {
        Some(site) => site.clone(),
        None => builtin::principles()
            .iter()
            .map(builtin_principle)
            .collect(),
    };
    match raw {
        None | Some(RawPrinciples::Default) => defaults(),
        Some(RawPrinciples::Other(text)) => {
            let d = Diagnostic::error(
                "club/invalid-principles",
                format!("`{text}` is not a way to list principles"),
            );
            let d = if builtin::principle(text.trim()).is_some() {
                d.words("club-invalid-principles-one")
                    .arg("key", text.trim())
                    .help(format!("a list is needed even for one principle: `principles: [{}]`", text.trim()))
            } else if did_you_mean(&text, ["default"]).is_some() {
                d.words("club-invalid-principles-default")
                    .help("did you mean `default`? It stands for the seven built-in principles")
            } else {
                d.words("club-invalid-principles")
                    .help("write `principles: default` for the seven built-in principles, or a list of keys such as `[voluntariness, confidentiality]`, or of {title, text} items")
            };
            f.report(d.arg("value", &text), &[Seg::Key("principles")]);
            Vec::new()
        }
        Some(RawPrinciples::List(items)) => items
            .into_iter()
            .enumerate()
            .filter_map(|(i, item)| {
                let at = [Seg::Key("principles"), Seg::Index(i)];
                match item {
                    RawPrincipleItem::Key(key) => match builtin::principle(&key) {
                        Some(p) => Some(builtin_principle(p)),
                        None => {
                            let keys = builtin::principles().iter().map(|p| p.key.as_str());
                            let d = Diagnostic::error("club/unknown-principle", format!("`{key}` is not a built-in principle"));
                            let d = match did_you_mean(&key, keys) {
                                Some(s) => d.words("club-unknown-principle-guess").arg("suggestion", s).help(format!("did you mean `{s}`?")),
                                None => d.words("club-unknown-principle").help("the built-in keys are voluntariness, neutrality, confidentiality, equality, cooperation, responsibility, future; or write {title, text}"),
                            };
                            f.report(d.arg("key", &key), &at);
                            None
                        }
                    },
                    RawPrincipleItem::Custom(p) => Some(custom_principle(p, i, f, &at)),
                }
            })
            .collect(),
    }
}

/// A built-in principle as the model holds it.
fn builtin_principle(p: &builtin::Principle) -> PrincipleText {
    PrincipleText {
        key: p.key.clone(),
        title: p.title.clone(),
        text: Some(p.text.clone()),
    }
}

/// A `{key, title, text}` principle, checked.
pub(crate) fn custom_principle(
    p: RawPrinciple,
    i: usize,
    f: &mut Fields<'_, '_>,
    at: &[Seg<'_>],
) -> PrincipleText {
    let mut title_at = at.to_vec();
    title_at.push(Seg::Key("title"));
    f.text(&p.title, &title_at, true);
    let mut text_at = at.to_vec();
    text_at.push(Seg::Key("text"));
    f.opt_text(&p.text, &text_at);
    PrincipleText {
        key: p.key.unwrap_or_else(|| format!("principle-{}", i + 1)),
        title: p.title,
        text: p.text,
    }
}
