//! UI messages with Fluent: one bundle per site language, built once per
//! build from the embedded `i18n/*.ftl` and the site's own overrides; dates,
//! numbers and alphabetical order per language.
//!
//! This module holds [`I18n`] and its message lookups; `load` builds it,
//! `format` writes dates and numbers, `collate` sorts by each language's
//! alphabet and `script` finds Latin letters typed for Cyrillic ones.
//! What other modules use is re-exported here.
//!
//! Layer 3: imports `diag`, `fs`, `types`.

mod collate;
mod format;
mod load;
pub mod script;

use std::collections::HashMap;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

pub use collate::{collation_key, compare, sort_key};
pub use format::format_number;
pub use load::{builtin_message_files, builtin_messages, load_i18n, message_ids};

use crate::diag::did_you_mean;

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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Diagnostics;

    pub(super) fn i18n() -> I18n {
        let mut d = Diagnostics::new();
        let i = load_i18n(&["kk".into(), "ru".into(), "en".into()], &[], &mut d);
        assert!(d.is_empty(), "{d:?}");
        i
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
}
