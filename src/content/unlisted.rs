//! Texts in a language the site knows but `languages:` does not list (a
//! school that publishes in Kazakh only for a while, its `ru:` texts kept
//! for later): not an error for each text, but one warning per file that
//! names the first such text and how many there are. A code that is no
//! language bitimger could publish (`kz:`) stays an error
//! (`lang/unknown`, in `check`).
//!
//! Layer 3 (content): imports `diag`, `config`, `types`.

use std::path::Path;

use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics, Location, did_you_mean};
use crate::types::LangCode;

/// The texts of one file in languages the site does not list.
#[derive(Default)]
pub(crate) struct Unlisted {
    first: Option<Location>,
    count: usize,
    langs: Vec<String>,
}

impl Unlisted {
    /// Counts one text in `lang`; `at` is asked only for the first.
    pub(crate) fn add(&mut self, lang: &str, at: impl FnOnce() -> Location) {
        if self.first.is_none() {
            self.first = Some(at());
        }
        self.count += 1;
        if !self.langs.iter().any(|l| l == lang) {
            self.langs.push(lang.to_string());
        }
    }

    /// The one warning of the file, when it has such texts.
    pub(crate) fn report(&mut self, diags: &mut Diagnostics) {
        let Some(at) = self.first.take() else {
            return;
        };
        let langs = self.langs.join(", ");
        let count = self.count;
        let texts = match count {
            1 => format!("1 text of this file in {langs} is"),
            n => format!("{n} texts of this file in {langs} are"),
        };
        diags.push(
            Diagnostic::warning(
                "lang/texts-not-used",
                format!(
                    "{texts} not published: `languages:` in site.yaml does not list {langs}"
                ),
            )
            .words("lang-texts-not-used")
            .arg("count", count)
            .arg("langs", &langs)
            .at(at)
            .label("the first of them")
            .help(format!(
                "to publish them, add {langs} to `languages:` in site.yaml again; or leave them: they are kept for later"
            )),
        );
    }
}

/// The warning for a Markdown file (`about.ru.md`) or a text whose
/// `languages:` names only languages the site does not list: it is not
/// published. A language the site could be published in is kept for later;
/// another code is taken for a typing mistake and given the code meant.
pub(crate) fn file_not_used(config: &Config, lang: &LangCode, file: &Path) -> Diagnostic {
    let d = Diagnostic::warning(
        "lang/file-not-used",
        format!("`{lang}` is not one of this site's languages, so this file is not published"),
    );
    let d = if config.knows_language(lang) {
        d.words("lang-file-not-listed").help(format!(
            "to publish it, add `{lang}` to `languages:` in site.yaml again; or leave it: the file is kept for later"
        ))
    } else {
        match did_you_mean(lang, config.languages.iter().map(LangCode::as_str)) {
            Some(s) => d
                .words("lang-file-not-used-guess")
                .arg("suggestion", s)
                .help(format!(
                    "did you mean `.{s}.md`? Or add `{lang}` to `languages` in site.yaml"
                )),
            None => d.words("lang-file-not-used").help(format!(
                "add `{lang}` to `languages` in site.yaml, or rename the file"
            )),
        }
    };
    d.arg("lang", lang).in_file(file)
}
