//! Building [`I18n`]: the embedded message files, the site's own
//! `i18n/<lang>.ftl` over them, English for the messages a site-added
//! language lacks (with a warning), and syntax errors of a site's message
//! file as diagnostics with their line.
//!
//! Part of layer 3 (`i18n`); imports `diag`, `fs`, `types` and its parent.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;
use include_dir::{Dir, include_dir};

use super::{Bundle, I18n};
use crate::diag::{Diagnostic, Diagnostics, Location};
use crate::types::LangCode;

/// The built-in message files, embedded.
static BUILTIN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/i18n");

/// The language whose messages stand in for ones a site-added language lacks.
const FALLBACK_LANG: &str = "en";

/// The built-in message file of a language, if there is one.
pub fn builtin_messages(lang: &str) -> Option<&'static str> {
    BUILTIN.get_file(format!("{lang}.ftl"))?.contents_utf8()
}

/// The built-in message files of the sites' words (`kk.ftl`, `ru.ftl`,
/// `en.ftl`; not the tool's own), by name, for `bitimger theme export`.
pub fn builtin_message_files() -> Vec<(String, &'static [u8])> {
    BUILTIN
        .files()
        .filter(|f| f.path().extension().is_some_and(|e| e == "ftl"))
        .map(|f| (f.path().to_string_lossy().into_owned(), f.contents()))
        .collect()
}

/// Message ids of a Fluent source, in order.
pub fn message_ids(source: &str) -> Vec<String> {
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    resource
        .body
        .iter()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

fn langid(lang: &str) -> unic_langid::LanguageIdentifier {
    lang.parse().unwrap_or_default()
}

fn parse_resource(source: String, file: &Path, diags: &mut Diagnostics) -> FluentResource {
    match FluentResource::try_new(source) {
        Ok(r) => r,
        Err((r, errors)) => {
            for e in errors {
                let (line, column) = line_col(r.source(), e.pos.start);
                diags.push(
                    Diagnostic::error("i18n/syntax", format!("this message file has a syntax error: {:?}", e.kind))
                        .words("i18n-syntax")
                        .arg("error", format!("{:?}", e.kind))
                        .at(Location::at(file, line, column))
                        .help("check the line: a message is `id = text`, and continuation lines are indented"),
                );
            }
            r
        }
    }
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

fn new_bundle(lang: &str) -> Bundle {
    let mut bundle = FluentBundle::new_concurrent(vec![langid(lang)]);
    bundle.set_use_isolating(false);
    bundle
}

/// Builds the bundles for `langs`: built-in messages, then the site's
/// `i18n/<lang>.ftl` over them. A site language with no messages of its own
/// for some ids falls back to English ones, with a warning.
pub fn load_i18n(
    langs: &[LangCode],
    overrides: &[(LangCode, PathBuf)],
    diags: &mut Diagnostics,
) -> I18n {
    let fallback_src = builtin_messages(FALLBACK_LANG).unwrap_or_default();
    let ids = message_ids(fallback_src);
    let mut fallback = new_bundle(FALLBACK_LANG);
    let _ = fallback
        .add_resource(FluentResource::try_new(fallback_src.to_string()).unwrap_or_else(|(r, _)| r));
    let mut bundles = HashMap::new();
    for lang in langs {
        let mut bundle = new_bundle(lang);
        if let Some(src) = builtin_messages(lang) {
            let _ = bundle
                .add_resource(FluentResource::try_new(src.to_string()).unwrap_or_else(|(r, _)| r));
        }
        for (l, file) in overrides.iter().filter(|(l, _)| l == lang) {
            let _ = l;
            if let Some(text) = crate::fs::read_content(file, diags) {
                bundle.add_resource_overriding(parse_resource(text, file, diags));
            }
        }
        let missing: Vec<&str> = ids
            .iter()
            .map(String::as_str)
            .filter(|id| !bundle.has_message(id))
            .collect();
        if !missing.is_empty() {
            let file = overrides
                .iter()
                .find(|(l, _)| l == lang)
                .map(|(_, f)| f.clone())
                .unwrap_or_else(|| PathBuf::from(format!("i18n/{lang}.ftl")));
            let shown: Vec<&str> = missing.iter().take(8).copied().collect();
            let more = if missing.len() > shown.len() {
                ", ..."
            } else {
                ""
            };
            diags.push(
                Diagnostic::warning(
                    "i18n/missing-message",
                    format!(
                        "{} UI message(s) have no `{lang}` text and are shown in English: {}{}",
                        missing.len(),
                        shown.join(", "),
                        more
                    ),
                )
                .words("i18n-missing-message")
                .arg("n", missing.len())
                .arg("lang", lang)
                .arg("ids", format!("{}{more}", shown.join(", ")))
                .in_file(file)
                .help("copy these messages from the English file (bitimger's i18n/en.ftl) and translate them"),
            );
        }
        bundles.insert(lang.to_string(), bundle);
    }
    I18n {
        bundles,
        fallback,
        ids,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_files_have_the_same_ids() {
        let en = message_ids(builtin_messages("en").unwrap());
        assert!(en.len() > 100);
        for lang in ["kk", "ru"] {
            let mut ids = message_ids(builtin_messages(lang).unwrap());
            let mut expected = en.clone();
            ids.sort();
            expected.sort();
            assert_eq!(ids, expected, "{lang}.ftl and en.ftl differ");
        }
    }

    #[test]
    fn builtin_files_parse_without_errors() {
        for lang in ["kk", "ru", "en"] {
            let src = builtin_messages(lang).unwrap().to_string();
            assert!(
                FluentResource::try_new(src).is_ok(),
                "{lang}.ftl has syntax errors"
            );
        }
    }

    #[test]
    fn site_messages_override_builtin_ones() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("kk.ftl");
        std::fs::write(&file, "nav-home = Бастапқы бет\n").unwrap();
        let mut d = Diagnostics::new();
        let i = load_i18n(&["kk".into()], &[("kk".into(), file)], &mut d);
        assert_eq!(i.get("kk", "nav-home"), "Бастапқы бет");
        assert_eq!(i.get("kk", "nav-news"), "Жаңалықтар");
    }

    #[test]
    fn a_new_language_falls_back_to_english_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("de.ftl");
        std::fs::write(&file, "nav-home = Startseite\n").unwrap();
        let mut d = Diagnostics::new();
        let i = load_i18n(&["de".into()], &[("de".into(), file)], &mut d);
        assert_eq!(i.get("de", "nav-home"), "Startseite");
        assert_eq!(i.get("de", "nav-news"), i.get("en", "nav-news"));
        assert_eq!(d.iter().next().unwrap().code, "i18n/missing-message");
    }

    #[test]
    fn syntax_errors_in_site_messages_have_a_line() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("kk.ftl");
        std::fs::write(&file, "nav-home = A\n\nbroken {{ = x\n").unwrap();
        let mut d = Diagnostics::new();
        load_i18n(&["kk".into()], &[("kk".into(), file)], &mut d);
        let e = d.iter().find(|e| e.code == "i18n/syntax").unwrap();
        assert_eq!(e.location.as_ref().unwrap().line, Some(3));
    }
}
