//! Field checks shared by the loaders: localized texts, URLs, dates, years.
//! Each check reports at the line of the field, in the file being read.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::builtin;
use crate::config::{self, Config};
use crate::diag::{Diagnostic, Diagnostics, Location, did_you_mean};
use crate::types::{AcademicYear, Date, LangCode, Localized, SafeUrl, Scalar};
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

    /// Parses a date, reporting an invalid one.
    pub(super) fn date(&mut self, value: &Scalar, path: &[Seg<'_>]) -> Option<Date> {
        let date = Date::parse(value.as_str());
        if date.is_none() {
            let d = Diagnostic::error(
                "field/invalid-date",
                format!("`{value}` is not a valid date"),
            );
            let d = match date_meant(value.as_str()) {
                Some(meant) => d
                    .words("field-invalid-date-guess")
                    .arg("suggestion", meant)
                    .help(format!(
                        "did you mean {meant}? Dates are written year-month-day"
                    )),
                None => d.words("field-invalid-date").help(
                    "write dates as year-month-day, e.g. 2025-03-01, and check that the day exists",
                ),
            };
            self.diags.push(
                d.arg("value", value)
                    .at(yaml::locate_value(self.src, path))
                    .label("expected YYYY-MM-DD"),
            );
        }
        date
    }

    /// Parses an academic year that must match `expected` (from the file name).
    pub(super) fn year(
        &mut self,
        value: &Scalar,
        expected: Option<AcademicYear>,
        file_name: &str,
    ) -> Option<AcademicYear> {
        let src = self.src;
        let at = || yaml::locate_value(src, &[Seg::Key("year")]);
        let Some(year) = AcademicYear::parse(value.as_str()) else {
            self.diags.push(
                Diagnostic::error(
                    "field/invalid-year",
                    format!("`{value}` is not an academic year"),
                )
                .words("field-invalid-year")
                .arg("value", value)
                .at(at())
                .label("expected YYYY-YYYY")
                .help("write the academic year as two consecutive years, e.g. 2024-2025"),
            );
            return None;
        };
        if let Some(exp) = expected
            && exp != year
        {
            self.diags.push(
                Diagnostic::error(
                    "field/year-mismatch",
                    format!(
                        "the year {} does not match the file name `{file_name}`",
                        year.slug()
                    ),
                )
                .words("field-year-mismatch")
                .arg("year", year.slug())
                .arg("file", file_name)
                .arg("expected", exp.slug())
                .arg("renamed", file_name.replacen(&exp.slug(), &year.slug(), 1))
                .at(at())
                .help(format!(
                    "write `year: {}`, or rename the file to {}",
                    exp.slug(),
                    file_name.replacen(&exp.slug(), &year.slug(), 1)
                )),
            );
            return None;
        }
        Some(year)
    }

    /// Checks a region code against the built-in list, suggesting the code
    /// for a name written in words.
    pub(super) fn region(&mut self, code: &str, path: &[Seg<'_>]) -> bool {
        if builtin::region(code).is_some() {
            return true;
        }
        let by_name = builtin::regions().iter().find(|r| {
            let lower = code.trim().to_lowercase();
            r.name
                .texts()
                .iter()
                .chain(r.short.texts().iter())
                .any(|t| t.to_lowercase() == lower)
                || r.aliases.iter().any(|a| a.to_lowercase() == lower)
        });
        let suggestion = by_name
            .map(|r| r.code.as_str())
            .or_else(|| did_you_mean(code, builtin::regions().iter().map(|r| r.code.as_str())));
        let d = Diagnostic::error(
            "club/unknown-region",
            format!("`{code}` is not a region code"),
        );
        let d = match suggestion {
            Some(s) => d
                .words("club-unknown-region-guess")
                .arg("suggestion", s)
                .help(format!("did you mean `{s}`?")),
            None => {
                let codes = builtin::regions()
                    .iter()
                    .map(|r| r.code.as_str())
                    .collect::<Vec<_>>()
                    .join(", ");
                d.words("club-unknown-region")
                    .arg("codes", &codes)
                    .help(format!("write one of: {codes}"))
            }
        };
        self.diags.push(
            d.arg("value", code)
                .at(yaml::locate_whole_value(self.src, path))
                .label("unknown region"),
        );
        false
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

/// The date a teacher meant by `05.09.2024`, `5/9/2024` or `2024.09.05`
/// (day first, as written in Kazakhstan, unless the year is), when the
/// day exists.
fn date_meant(text: &str) -> Option<Date> {
    let parts: Vec<&str> = text.trim().split(['.', '/', '-', ' ']).collect();
    let [a, b, c] = parts[..] else {
        return None;
    };
    let (year, month, day) = if a.len() == 4 { (a, b, c) } else { (c, b, a) };
    let all_digits = [year, month, day]
        .iter()
        .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()));
    if !all_digits || year.len() != 4 || month.len() > 2 || day.len() > 2 {
        return None;
    }
    Date::parse(&format!("{year}-{month:0>2}-{day:0>2}"))
}

/// The web addresses (slugs) already taken in one folder of news or pages,
/// so that two files that would make the same page are reported by name.
#[derive(Default)]
pub(crate) struct Addresses {
    taken: BTreeMap<String, PathBuf>,
}

impl Addresses {
    /// True when `slug` is still free (and takes it for `file`); else
    /// reports `file` and the file that took it first.
    pub(super) fn claim(
        &mut self,
        slug: &str,
        file: &Path,
        code: &'static str,
        diags: &mut Diagnostics,
    ) -> bool {
        let Some(first) = self.taken.get(slug) else {
            self.taken.insert(slug.to_string(), file.to_path_buf());
            return true;
        };
        let name = |p: &Path| {
            p.file_name()
                .map_or(String::new(), |n| n.to_string_lossy().to_string())
        };
        diags.push(
            Diagnostic::error(
                code,
                format!(
                    "{} and {} would have the same web address `{slug}`",
                    name(first),
                    name(file)
                ),
            )
            .words("address-taken")
            .arg("first", name(first))
            .arg("second", name(file))
            .arg("address", slug)
            .in_file(file)
            .help("rename one of the two files: the address is made from the file name, without its date and language"),
        );
        false
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_written_another_way_are_read_as_meant() {
        let meant = |t: &str| date_meant(t).map(|d| d.to_string());
        assert_eq!(meant("05.09.2024").as_deref(), Some("2024-09-05"));
        assert_eq!(meant("5/9/2024").as_deref(), Some("2024-09-05"));
        assert_eq!(meant("2024.09.05").as_deref(), Some("2024-09-05"));
        assert_eq!(meant("31.02.2024"), None);
        assert_eq!(meant("2024-09-05-x"), None);
        assert_eq!(meant("қыркүйек"), None);
    }
}
