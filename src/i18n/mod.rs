//! UI messages with Fluent: one bundle per site language, built once per
//! build from the embedded `i18n/*.ftl` and the site's own overrides; dates,
//! numbers and alphabetical order per language; the Tera `t()` function.
//!
//! Layer 3: imports `diag`, `types`, `config`.

mod collate;
pub mod script;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use include_dir::{Dir, include_dir};

pub use collate::{collation_key, compare, sort_key};

use crate::diag::{Diagnostic, Diagnostics, Location, did_you_mean};
use crate::types::{Date, LangCode};

/// The built-in message files, embedded.
static BUILTIN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/i18n");

/// The language whose messages stand in for ones a site-added language lacks.
const FALLBACK_LANG: &str = "en";

type Bundle = FluentBundle<FluentResource>;

/// The UI messages of every site language.
pub struct I18n {
    bundles: HashMap<String, Bundle>,
    fallback: Bundle,
    ids: Vec<String>,
}

impl std::fmt::Debug for I18n {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("I18n")
            .field("langs", &self.bundles.keys())
            .finish()
    }
}

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

/// A message argument.
pub enum Arg<'a> {
    /// A text.
    Str(&'a str),
    /// A number (selects plural forms).
    Num(f64),
}

impl I18n {
    /// The message `id` in `lang` with `args`; `None` when no language has it.
    pub fn message(&self, lang: &str, id: &str, args: &[(&str, Arg<'_>)]) -> Option<String> {
        let (bundle, pattern) = self.pattern(lang, id)?;
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            match v {
                Arg::Str(s) => fargs.set(*k, FluentValue::from(*s)),
                Arg::Num(n) => fargs.set(*k, FluentValue::from(*n)),
            }
        }
        let mut errors = vec![];
        let text = bundle.format_pattern(pattern, Some(&fargs), &mut errors);
        Some(text.into_owned())
    }

    /// The message `id` in `lang` when it needs no arguments (formatting it
    /// without any gives no error), for caching.
    pub fn plain(&self, lang: &str, id: &str) -> Option<String> {
        let (bundle, pattern) = self.pattern(lang, id)?;
        let mut errors = vec![];
        let text = bundle.format_pattern(pattern, None, &mut errors);
        errors.is_empty().then(|| text.into_owned())
    }

    /// The bundle that has message `id` (`lang`'s, else the fallback's) and
    /// the message's pattern.
    fn pattern(
        &self,
        lang: &str,
        id: &str,
    ) -> Option<(&Bundle, &fluent_syntax::ast::Pattern<&str>)> {
        let bundle = self
            .bundles
            .get(lang)
            .filter(|b| b.has_message(id))
            .unwrap_or(&self.fallback);
        Some((bundle, bundle.get_message(id)?.value()?))
    }

    /// Like [`message`](Self::message) without arguments, returning the id
    /// itself when the message is missing (templates then show what is wrong).
    pub fn get(&self, lang: &str, id: &str) -> String {
        self.message(lang, id, &[])
            .unwrap_or_else(|| id.to_string())
    }

    /// Every known message id.
    pub fn ids(&self) -> &[String] {
        &self.ids
    }

    /// A suggestion for an unknown message id.
    pub fn suggest(&self, id: &str) -> Option<&str> {
        did_you_mean(id, self.ids.iter().map(String::as_str))
    }

    /// True when the message exists in some language.
    pub fn has(&self, lang: &str, id: &str) -> bool {
        self.bundles.get(lang).is_some_and(|b| b.has_message(id)) || self.fallback.has_message(id)
    }

    /// «2025 жылғы 1 наурыз», «1 марта 2025 г.», "March 1, 2025".
    pub fn date_long(&self, lang: &str, date: Date) -> String {
        let month = self.get(lang, &format!("month-{}", date.month));
        let year = date.year.to_string();
        let day = date.day.to_string();
        self.message(
            lang,
            "date-long",
            &[
                ("year", Arg::Str(&year)),
                ("month", Arg::Str(&month)),
                ("day", Arg::Str(&day)),
            ],
        )
        .unwrap_or_else(|| date.to_string())
    }

    /// `01.03.2025`.
    pub fn date_short(&self, lang: &str, date: Date) -> String {
        let dd = format!("{:02}", date.day);
        let mm = format!("{:02}", date.month);
        let yyyy = format!("{:04}", date.year);
        self.message(
            lang,
            "date-short",
            &[
                ("dd", Arg::Str(&dd)),
                ("mm", Arg::Str(&mm)),
                ("yyyy", Arg::Str(&yyyy)),
            ],
        )
        .unwrap_or_else(|| format!("{dd}.{mm}.{yyyy}"))
    }
}

/// `1 240` with a no-break space (U+00A0, CLDR's group separator for kk
/// and ru), `1,240` (en).
pub fn format_number(lang: &str, n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let sep = if lang == "en" { "," } else { "\u{a0}" };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    if n < 0 {
        out.insert(0, '-');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn i18n() -> I18n {
        let mut d = Diagnostics::new();
        let i = load_i18n(&["kk".into(), "ru".into(), "en".into()], &[], &mut d);
        assert!(d.is_empty(), "{d:?}");
        i
    }

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
    fn russian_plurals_use_one_few_many() {
        let i = i18n();
        let count = |n: f64| {
            i.message("ru", "clubs-count", &[("n", Arg::Num(n))])
                .unwrap()
        };
        assert_eq!(count(1.0), "1 клуб");
        assert_eq!(count(2.0), "2 клуба");
        assert_eq!(count(5.0), "5 клубов");
        assert_eq!(count(21.0), "21 клуб");
        assert_eq!(count(11.0), "11 клубов");
    }

    #[test]
    fn dates_follow_each_language() {
        let i = i18n();
        let d = Date::parse("2024-08-05").unwrap();
        assert_eq!(i.date_long("kk", d), "2024 жылғы 5 тамыз");
        assert_eq!(i.date_long("ru", d), "5 августа 2024\u{a0}г.");
        assert_eq!(i.date_long("en", d), "August 5, 2024");
        assert_eq!(i.date_short("ru", d), "05.08.2024");
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

    #[test]
    fn formats_numbers() {
        assert_eq!(format_number("ru", 1240), "1\u{a0}240");
        assert_eq!(format_number("kk", 240), "240");
        assert_eq!(format_number("ru", 12400), "12\u{a0}400");
        assert_eq!(format_number("kk", 12400), "12\u{a0}400");
        assert_eq!(format_number("en", 1234567), "1,234,567");
    }
}
