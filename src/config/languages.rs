//! `languages:` of site.yaml: language codes that have UI messages, built
//! in or in the site's i18n/ folder.
//!
//! Layer 2: imports `diag`, `types`, `yaml`.

use std::collections::BTreeSet;
use std::path::Path;

use crate::diag::{Diagnostic, Diagnostics, did_you_mean};
use crate::types::LangCode;
use crate::yaml::{self, Seg, Source};

/// Languages whose UI messages are built in.
pub const BUILTIN_LANGS: &[&str] = &["kk", "ru", "en"];

/// Whether the site could be published in `lang`: its UI messages are
/// built in or in the site's i18n/ folder. A text in such a language that
/// `languages:` does not list is kept for later, not a typing mistake.
pub(super) fn has_messages(root: &Path, lang: &str) -> bool {
    BUILTIN_LANGS.contains(&lang)
        || (!lang.is_empty()
            && lang.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && root.join("i18n").join(format!("{lang}.ftl")).is_file())
}

/// Every language the site could be published in: the built-in ones and
/// each `i18n/<lang>.ftl` of the site folder, read once with the
/// settings rather than looked up on disk for every text.
pub(super) fn known(root: &Path) -> BTreeSet<String> {
    let mut known: BTreeSet<String> = BUILTIN_LANGS.iter().map(|l| l.to_string()).collect();
    let Ok(entries) = std::fs::read_dir(root.join("i18n")) else {
        return known;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(lang) = name.to_str().and_then(|n| n.strip_suffix(".ftl")) else {
            continue;
        };
        if has_messages(root, lang) {
            known.insert(lang.to_string());
        }
    }
    known
}

/// The languages of `languages:`, the first the default; `None` (and an
/// error for each) when one is listed twice or has no UI messages.
pub(super) fn validate_languages(
    root: &Path,
    languages: Vec<String>,
    src: Source<'_>,
    diags: &mut Diagnostics,
) -> Option<Vec<LangCode>> {
    if languages.is_empty() {
        diags.push(
            Diagnostic::error("site/no-languages", "`languages` lists no language")
                .words("site-no-languages")
                .at(yaml::locate(src, &[Seg::Key("languages")]))
                .help("write for example `languages: [kk, ru]`; the first is the default"),
        );
        return None;
    }
    let mut ok = true;
    for (i, lang) in languages.iter().enumerate() {
        let at = yaml::locate_value(src, &[Seg::Key("languages"), Seg::Index(i)]);
        let valid_tag = lang.parse::<unic_langid::LanguageIdentifier>().is_ok()
            && lang.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        let has_messages = has_messages(root, lang);
        if languages[..i].contains(lang) {
            diags.push(
                Diagnostic::error(
                    "site/duplicate-language",
                    format!("language `{lang}` is listed twice"),
                )
                .words("site-duplicate-language")
                .arg("lang", lang)
                .at(at)
                .help("list each language once"),
            );
            ok = false;
        } else if !valid_tag || !has_messages {
            let message = if valid_tag {
                format!("language `{lang}` has no UI messages: i18n/{lang}.ftl is missing")
            } else {
                format!("`{lang}` is not a language code")
            };
            let d = Diagnostic::error("site/unknown-language", message);
            let d = match did_you_mean(lang, BUILTIN_LANGS.iter().copied()) {
                Some(s) => d
                    .words("site-unknown-language-guess")
                    .arg("suggestion", s)
                    .help(format!(
                        "did you mean `{s}`? Built-in languages are kk, ru and en; another language needs its UI messages in i18n/{lang}.ftl"
                    )),
                None => d.words("site-unknown-language").help(format!(
                    "built-in languages are kk, ru and en; to add `{lang}`, create i18n/{lang}.ftl in the site folder (copy the English messages and translate them)"
                )),
            };
            let kind = if valid_tag { "messages" } else { "code" };
            diags.push(d.arg("lang", lang).arg("kind", kind).at(at));
            ok = false;
        }
    }
    ok.then(|| languages.into_iter().map(LangCode::new).collect())
}
