//! The tool's own words in the teacher's language: the summaries of
//! `build`, `check`, `serve`, `init` and `new`, the frame of every
//! diagnostic (`error`, `warning`, `help`) and the counts with their
//! plural forms, in Kazakh, Russian or English, from the embedded Fluent
//! files `i18n/tool/{kk,ru,en}.ftl` (the same ids and variables in all
//! three: `tests/suite/tool_language.rs`).
//!
//! Which language ([`Lang::choose`]): `--lang`, else `BITIMGER_LANG`, else
//! the operating system's language when it is one of the three, else the
//! site's first language, else Kazakh.
//!
//! Layer 1: imports `diag` (the [`Speak`] trait it implements).

mod lang;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use include_dir::{Dir, include_dir};

pub use lang::Lang;

use crate::diag::Speak;

/// The tool's message files, embedded.
static TOOL: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/i18n/tool");

type Bundle = FluentBundle<FluentResource>;

/// A value given to a message: a number (which picks the plural form) or
/// a text.
#[derive(Debug, Clone)]
pub enum Arg {
    /// A count.
    Number(usize),
    /// Anything shown as it is (a path, a name, a word already said).
    Text(String),
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Number(n)
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_string())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}

/// The messages of one language, English behind them for an id the
/// language lacks.
pub struct Messages {
    lang: Lang,
    bundle: Bundle,
    english: Bundle,
}

impl std::fmt::Debug for Messages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Messages")
            .field("lang", &self.lang)
            .finish()
    }
}

/// The Fluent source of `lang`'s tool messages.
pub fn source(lang: Lang) -> &'static str {
    embedded(&format!("{}.ftl", lang.code()))
}

/// The other Fluent files of `lang`, `<part>.<lang>.ftl`: the diagnostics'
/// and `--help`'s words, whose English is in the code (so English has none),
/// and `explain`'s, in all three languages.
pub fn part_sources(lang: Lang) -> impl Iterator<Item = &'static str> {
    let suffix = format!(".{}.ftl", lang.code());
    TOOL.files()
        .filter(move |f| f.path().to_str().is_some_and(|n| n.ends_with(&suffix)))
        .filter_map(|f| f.contents_utf8())
}

fn embedded(name: &str) -> &'static str {
    TOOL.get_file(name)
        .and_then(|f| f.contents_utf8())
        .unwrap_or_default()
}

fn bundle(lang: Lang) -> Bundle {
    let id = lang
        .code()
        .parse()
        .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default());
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    bundle.set_use_isolating(false);
    for text in std::iter::once(source(lang)).chain(part_sources(lang)) {
        let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

impl Messages {
    /// The messages of `lang`.
    pub fn new(lang: Lang) -> Self {
        Messages {
            lang,
            bundle: bundle(lang),
            english: bundle(Lang::En),
        }
    }

    /// Their language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The message `id` with `args`; its id itself when no file has it (a
    /// test keeps every id the program asks for in all three files).
    pub fn text(&self, id: &str, args: &[(&str, Arg)]) -> String {
        self.find(id, args).unwrap_or_else(|| id.to_string())
    }

    fn find(&self, id: &str, args: &[(&str, Arg)]) -> Option<String> {
        [&self.bundle, &self.english]
            .into_iter()
            .find_map(|b| format(b, id, None, args))
    }

    /// Message `id` (or its `attribute`) in this language's own files only,
    /// when they have it: English stands in for nothing here.
    pub fn own(&self, id: &str, attribute: Option<&str>) -> Option<String> {
        format(&self.bundle, id, attribute, &[])
    }

    /// Message `id` (or its `attribute`) in English, when it is there.
    pub fn english(&self, id: &str, attribute: Option<&str>) -> Option<String> {
        format(&self.english, id, attribute, &[])
    }

    /// A number with its decimals written as the language writes them
    /// (`0.45` in English, `0,45` in Kazakh and Russian).
    pub fn decimal(&self, value: f64, places: usize) -> String {
        let text = format!("{value:.places$}");
        match self.lang {
            Lang::En => text,
            Lang::Kk | Lang::Ru => text.replace('.', ","),
        }
    }
}

/// Message `id` (or its `attribute`) of `bundle` with `args`.
fn format(
    bundle: &Bundle,
    id: &str,
    attribute: Option<&str>,
    args: &[(&str, Arg)],
) -> Option<String> {
    let mut fluent = FluentArgs::new();
    for (name, value) in args {
        let value = match value {
            Arg::Number(n) => FluentValue::from(*n),
            Arg::Text(s) => FluentValue::from(s.as_str()),
        };
        fluent.set(*name, value);
    }
    let message = bundle.get_message(id)?;
    let pattern = match attribute {
        None => message.value()?,
        Some(name) => message.get_attribute(name)?.value(),
    };
    let mut errors = Vec::new();
    Some(
        bundle
            .format_pattern(pattern, Some(&fluent), &mut errors)
            .into_owned(),
    )
}

impl Speak for Messages {
    fn say(&self, id: &str) -> Option<String> {
        self.find(id, &[])
    }

    /// Only the language's own file: English diagnostics carry their texts.
    fn say_with(
        &self,
        id: &str,
        attribute: Option<&str>,
        args: &[(&str, String)],
    ) -> Option<String> {
        // A whole number stays a number, so that it picks a plural form;
        // only plain digits count (no sign, no leading zero): `+7701…` and
        // `050312` are shown as written.
        let number = |v: &str| {
            let plain = v.bytes().all(|b| b.is_ascii_digit()) && (v == "0" || !v.starts_with('0'));
            plain.then(|| v.parse().ok()).flatten()
        };
        let arg = |v: &String| number(v).map_or_else(|| Arg::from(v.as_str()), Arg::Number);
        let args: Vec<(&str, Arg)> = args.iter().map(|(n, v)| (*n, arg(v))).collect();
        format(&self.bundle, id, attribute, &args)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(lang: Lang, n: usize) -> String {
        Messages::new(lang).text("count-errors", &[("n", n.into())])
    }

    #[test]
    fn counts_take_the_plural_form_of_their_language() {
        let ru: Vec<String> = [1, 2, 5, 11, 21, 22].map(|n| errors(Lang::Ru, n)).into();
        assert_eq!(
            ru,
            [
                "1 ошибка",
                "2 ошибки",
                "5 ошибок",
                "11 ошибок",
                "21 ошибка",
                "22 ошибки"
            ]
        );
        assert_eq!([1, 5].map(|n| errors(Lang::Kk, n)), ["1 қате", "5 қате"]);
        assert_eq!([1, 5].map(|n| errors(Lang::En, n)), ["1 error", "5 errors"]);
    }

    #[test]
    fn only_plain_whole_numbers_reach_fluent_as_numbers() {
        let ru = Messages::new(Lang::Ru);
        let say = |v: &str| ru.say_with("count-errors", None, &[("n", v.to_string())]);
        assert_eq!(say("2").as_deref(), Some("2 ошибки"));
        assert_eq!(say("+2").as_deref(), Some("+2 ошибок"));
        assert_eq!(say("05").as_deref(), Some("05 ошибок"));
    }

    #[test]
    fn says_the_frame_words_and_decimals_of_its_language() {
        let kk = Messages::new(Lang::Kk);
        assert_eq!(kk.say("diag-warning").as_deref(), Some("ескерту"));
        assert_eq!(kk.decimal(0.456, 2), "0,46");
        assert_eq!(Messages::new(Lang::En).decimal(0.456, 2), "0.46");
        assert_eq!(kk.text("no-such-id", &[]), "no-such-id");
    }
}
