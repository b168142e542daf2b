//! The two pages at the site's root, before a reader has chosen a
//! language: the language chooser and the 404 page a server shows for any
//! missing path. Both speak every site language at once, each part marked
//! with its own `lang` («Тілді таңдаңыз · Выберите язык»).
//!
//! Layer 4 (render): part of `pages`.

use serde::Serialize;

use super::super::Env;
use super::super::kinds::PageKind;
use super::super::links::PageId;
use super::frame::fallback_lang;
use super::{Extra, Partial, json};

/// The words of a root page in one site language.
#[derive(Serialize)]
struct RootWords<'a> {
    code: &'a str,
    autonym: String,
    choose: String,
    help_111: String,
    help_111_text: String,
    help_111_call: String,
    help_150: String,
    help_150_text: String,
    help_150_call: String,
    err_404: String,
    err_404_text: String,
    err_404_home: String,
    /// The switch to the version for the visually impaired, its way back,
    /// and the page about it in this language.
    low_vision: String,
    normal_version: String,
    vision_href: String,
}

/// The root pages' words in every site language, the default first.
fn root_words<'a>(env: &Env<'a>) -> Vec<RootWords<'a>> {
    env.site
        .config
        .languages
        .iter()
        .map(|l| {
            let get = |key: &str| env.i18n.get(l, key);
            RootWords {
                code: l,
                autonym: get("lang-autonym"),
                choose: get("landing-choose"),
                help_111: get("help-111"),
                help_111_text: get("help-111-text"),
                help_111_call: get("help-111-call"),
                help_150: get("help-trust-phone"),
                help_150_text: get("help-150-text"),
                help_150_call: get("help-150-call"),
                err_404: get("err-404"),
                err_404_text: get("err-404-text"),
                err_404_home: get("err-404-home"),
                low_vision: get("a11y-low-vision"),
                normal_version: get("a11y-normal-version"),
                vision_href: env.href_in(l, &PageId::Accessibility),
            }
        })
        .collect()
}

/// The root 404 page, in every site language.
pub(super) fn not_found(env: &Env<'_>) -> (Partial, Extra) {
    let (p, mut extra) = super::not_found(env, &PageId::NotFound);
    extra.push(("root_words", json(&root_words(env))));
    (p, extra)
}

/// The root language chooser: the site's title and description in each
/// language.
pub(super) fn landing(env: &Env<'_>) -> (Partial, Extra) {
    #[derive(Serialize)]
    struct Choice<'a> {
        code: &'a str,
        autonym: String,
        href: String,
        title: &'a str,
        /// The title's language when it is not `code` (a fallback).
        title_lang: Option<String>,
        description: Option<&'a str>,
        description_lang: Option<String>,
    }
    let config = &env.site.config;
    let choices: Vec<Choice<'_>> = config
        .languages
        .iter()
        .map(|l| {
            let title = config.title.resolve(l, &config.languages);
            let description = config
                .description
                .as_ref()
                .map(|d| d.resolve(l, &config.languages));
            Choice {
                code: l,
                autonym: env.i18n.get(l, "lang-autonym"),
                href: format!("{l}/index.html"),
                title: title.text,
                title_lang: fallback_lang(title),
                description: description.map(|d| d.text),
                description_lang: description.and_then(fallback_lang),
            }
        })
        .collect();
    let mut p = Partial::localized(PageKind::Landing, env.text(&config.title), PageId::Home);
    p.landing = true;
    (
        p,
        vec![
            ("languages", json(&choices)),
            ("root_words", json(&root_words(env))),
        ],
    )
}
