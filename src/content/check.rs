//! Field checks shared by the loaders: localized texts, URLs, dates, years.
//! Each check reports at the line of the field, in the file being read.
//!
//! This module holds [`Fields`] with its checks of texts, language codes
//! and URLs and where a field is; `values` adds the checks of dates,
//! academic years and regions; `addresses` keeps the web addresses taken
//! in a folder ([`Addresses`], re-exported here).
//!
//! Layer 3 (part of `content`): imports `config`, `diag`, `types`, `yaml`
//! and `content::unlisted`; `values` also `builtin`.

mod addresses;
mod values;

pub(crate) use addresses::Addresses;

use crate::config::{self, Config};
use crate::diag::{Diagnostic, Diagnostics, Location, did_you_mean};
use crate::types::{LangCode, Localized, SafeUrl};
use crate::yaml::{self, Seg, Source};

use super::unlisted::Unlisted;

/// The file being validated, with the site's languages. When it is
/// dropped, the texts it met in languages the site knows but does not list
/// are reported, once for the file ([`Unlisted`]).
pub(crate) struct Fields<'a, 'd> {
    pub src: Source<'a>,
    pub diags: &'d mut Diagnostics,
    config: &'a Config,
    unlisted: Unlisted,
}

impl Drop for Fields<'_, '_> {
    fn drop(&mut self) {
        self.unlisted.report(self.diags);
    }
}

impl<'a, 'd> Fields<'a, 'd> {
    /// The checks of the file `src` of a site with `config`.
    pub(crate) fn new(src: Source<'a>, config: &'a Config, diags: &'d mut Diagnostics) -> Self {
        Fields {
            src,
            diags,
            config,
            unlisted: Unlisted::default(),
        }
    }
}

impl Fields<'_, '_> {
    /// Checks a localized text: its language codes are the site's, it is
    /// not blank when `required`, and it exists in every site language
    /// (else a warning: untranslated). A text in a language the site
    /// could be published in but does not list is counted, not an error.
    pub(super) fn text(&mut self, value: &Localized, path: &[Seg<'_>], required: bool) {
        self.lang_codes(value, path);
        if value.is_blank() {
            if required {
                self.diags.push(
                    Diagnostic::error("field/empty", format!("`{}` is empty", path_name(path)))
                        .words("field-empty")
                        .arg("field", path_name(path))
                        .at(yaml::locate(self.src, path))
                        .help("write the text, or remove the line if it is optional"),
                );
            }
            return;
        }
        let missing: Vec<&str> = self
            .config
            .languages
            .iter()
            .map(LangCode::as_str)
            .filter(|l| !value.has(l))
            .collect();
        if !missing.is_empty() {
            self.diags.push(
                Diagnostic::warning(
                    "i18n/untranslated",
                    format!("`{}` has no text in: {}", path_name(path), missing.join(", ")),
                )
                .words("i18n-untranslated-field")
                .arg("field", path_name(path))
                .arg("langs", missing.join(", "))
                .arg("lang", missing[0])
                .at(yaml::locate(self.src, path))
                .help(format!(
                    "add the translation, e.g. `{}: \"...\"`; until then readers see the text in another language",
                    missing[0]
                )),
            );
        }
    }

    /// Checks the language codes of a localized text: one the site knows
    /// but does not list is counted (one warning for the file), another is
    /// an error with the code meant.
    pub(super) fn lang_codes(&mut self, value: &Localized, path: &[Seg<'_>]) {
        for lang in value.langs() {
            if self.config.languages.iter().any(|l| l == lang) {
                continue;
            }
            if self.config.knows_language(lang) {
                let src = self.src;
                self.unlisted
                    .add(lang, || yaml::locate(src, &with_key(path, lang)));
            } else {
                self.unknown_lang(lang, path);
            }
        }
    }

    /// Reports a language code of a localized text that is not one of the
    /// site's.
    fn unknown_lang(&mut self, lang: &str, path: &[Seg<'_>]) {
        let at = with_key(path, lang);
        let suggestion = did_you_mean(lang, self.config.languages.iter().map(LangCode::as_str));
        let d = Diagnostic::error(
            "lang/unknown",
            format!(
                "`{lang}` is not one of this site's languages ({})",
                self.config.languages.join(", ")
            ),
        );
        let d = match suggestion {
            Some(s) => d
                .words("lang-unknown-guess")
                .arg("suggestion", s)
                .help(format!("did you mean `{s}`?")),
            None => d
                .words("lang-unknown")
                .help("use the language codes listed in site.yaml under `languages`"),
        };
        self.diags.push(
            d.arg("lang", lang)
                .arg("langs", self.config.languages.join(", "))
                .at(yaml::locate(self.src, &at))
                .label("unknown language code"),
        );
    }

    /// Checks an optional localized text.
    pub(super) fn opt_text(&mut self, value: &Option<Localized>, path: &[Seg<'_>]) {
        if let Some(v) = value {
            self.text(v, path, false);
        }
    }

    /// Checks a list of localized texts.
    pub(super) fn texts(&mut self, values: &[Localized], key: &str) {
        for (i, v) in values.iter().enumerate() {
            self.text(v, &[Seg::Key(key), Seg::Index(i)], true);
        }
    }

    /// Checks a URL against the allow-list.
    pub(super) fn url(&mut self, url: &str, path: &[Seg<'_>]) -> Option<SafeUrl> {
        config::check_url(url, self.src, path, self.diags)
    }

    /// Where the file writes the key at `path`, for findings made after
    /// loading; the whole file when it does not write it.
    pub(super) fn key_or_file(&self, path: &[Seg<'_>]) -> Location {
        let loc = yaml::locate(self.src, path);
        let found = self.src.text.lines().enumerate().any(|(i, l)| {
            Some(i + 1) == loc.line
                && matches!(path.last(), Some(Seg::Key(k)) if l.contains(&format!("{k}:")))
        });
        if found {
            loc
        } else {
            Location::file(self.src.file)
        }
    }

    /// Where the file writes the key at `path`.
    pub(super) fn key_at(&self, path: &[Seg<'_>]) -> Location {
        yaml::locate(self.src, path)
    }

    /// Reports a problem at the value of a field.
    pub(super) fn report(&mut self, d: Diagnostic, path: &[Seg<'_>]) {
        self.diags.push(d.at(yaml::locate_value(self.src, path)));
    }
}

/// `path` with `key` after it: where the `ru:` of a localized text is.
fn with_key<'a>(path: &[Seg<'a>], key: &'a str) -> Vec<Seg<'a>> {
    let mut at = path.to_vec();
    at.push(Seg::Key(key));
    at
}

/// `school.region`, `leaders[1].email`: a path as people read it.
pub(crate) fn path_name(path: &[Seg<'_>]) -> String {
    let mut s = String::new();
    for seg in path {
        match seg {
            Seg::Key(k) => {
                if !s.is_empty() {
                    s.push('.');
                }
                s.push_str(k);
            }
            Seg::Index(i) => s.push_str(&format!("[{}]", i + 1)),
        }
    }
    s
}
