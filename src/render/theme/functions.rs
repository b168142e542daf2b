//! The functions and filters bitimger gives the theme's templates:
//! `t()` (a UI message in the page's language), and the filters `loc` (a
//! localized text, with no-break spaces in «№ 1», «52 %»), `date` and `num`.
//!
//! Layer 4 (render): imports `i18n` and `types`.

use std::collections::HashMap;
use std::sync::Arc;

use tera::{Kwargs, State, Tera, Value};

use super::typography::no_break;
use crate::i18n::{Arg, I18n, format_number};
use crate::types::{Date, LangCode};

/// Every message without arguments, formatted once per language, as the
/// Tera value `t()` returns.
fn plain_messages(i18n: &I18n, langs: &[LangCode]) -> HashMap<String, HashMap<String, Value>> {
    langs
        .iter()
        .map(|lang| {
            let messages = i18n
                .ids()
                .iter()
                .filter_map(|id| Some((id.clone(), Value::from(i18n.plain(lang, id)?))))
                .collect();
            (lang.to_string(), messages)
        })
        .collect()
}

fn lang_of(state: &State) -> String {
    state
        .get::<String>("lang")
        .ok()
        .flatten()
        .unwrap_or_default()
}

/// `t()`, `loc`, `date`, `num`.
pub(super) fn register(tera: &mut Tera, i18n: Arc<I18n>, langs: &[LangCode]) {
    let i = i18n.clone();
    let plain = plain_messages(&i18n, langs);
    tera.register_function(
        "t",
        move |kwargs: Kwargs, state: &State| -> tera::TeraResult<Value> {
            translate(&i, &plain, &kwargs, state)
        },
    );
    tera.register_filter("loc", localized);
    tera.register_filter(
        "date",
        move |value: String, kwargs: Kwargs, state: &State| -> tera::TeraResult<Value> {
            format_date(&i18n, value, &kwargs, state)
        },
    );
    tera.register_filter(
        "num",
        |value: Value, _: Kwargs, state: &State| -> tera::TeraResult<Value> {
            defined(&value, "num")?;
            match value.as_i64() {
                Some(n) => Ok(Value::from(format_number(&lang_of(state), n))),
                None => Ok(value),
            }
        },
    );
}

/// `t(key=…, …)`: the message `key` in the page's language, formatted
/// with the other arguments; an error naming the id when there is none.
/// `plain` holds the messages without arguments, formatted once.
fn translate(
    i18n: &I18n,
    plain: &HashMap<String, HashMap<String, Value>>,
    kwargs: &Kwargs,
    state: &State,
) -> tera::TeraResult<Value> {
    let key: &str = kwargs.must_get::<&str>("key")?;
    let lang_value = state.get::<Value>("lang")?;
    let lang = lang_value
        .as_ref()
        .and_then(Value::as_str)
        .unwrap_or_default();
    // Most calls are a message without arguments: formatted once.
    if kwargs.iter().nth(1).is_none()
        && let Some(text) = plain.get(lang).and_then(|m| m.get(key))
    {
        return Ok(text.clone());
    }
    let args = MessageArgs::of(kwargs);
    match i18n.message(lang, key, &args.list()) {
        Some(text) => Ok(Value::from(text)),
        None => {
            let hint = i18n
                .suggest(key)
                .map(|s| format!("; did you mean `{s}`?"))
                .unwrap_or_default();
            Err(tera::Error::message(format!(
                "unknown message id `{key}`{hint}"
            )))
        }
    }
}

/// The arguments of a `t()` call besides `key`: texts, and numbers.
struct MessageArgs {
    texts: Vec<(String, String)>,
    nums: Vec<(String, f64)>,
}

impl MessageArgs {
    fn of(kwargs: &Kwargs) -> Self {
        let mut texts: Vec<(String, String)> = Vec::new();
        let mut nums: Vec<(String, f64)> = Vec::new();
        for (k, v) in kwargs.iter() {
            let k = k.to_string();
            if k == "key" {
                continue;
            }
            match v.as_f64().or_else(|| v.as_i64().map(|n| n as f64)) {
                Some(n) if v.is_number() => nums.push((k, n)),
                _ => texts.push((
                    k,
                    v.as_str()
                        .map(str::to_string)
                        .unwrap_or_else(|| v.to_string()),
                )),
            }
        }
        MessageArgs { texts, nums }
    }

    /// As the messages take them: the texts, then the numbers.
    fn list(&self) -> Vec<(&str, Arg<'_>)> {
        self.texts
            .iter()
            .map(|(k, v)| (k.as_str(), Arg::Str(v.as_str())))
            .chain(self.nums.iter().map(|(k, n)| (k.as_str(), Arg::Num(*n))))
            .collect()
    }
}

/// An error when a filter is given an undefined value (a misspelt
/// variable or field, `club.nmae`), which would else print nothing; a
/// value that is there but empty (`null`) is fine.
fn defined(value: &Value, filter: &str) -> tera::TeraResult<()> {
    if value.is_undefined() {
        return Err(tera::Error::message(format!(
            "the value given to the filter `{filter}` is undefined: is a variable or field name misspelt?"
        )));
    }
    Ok(())
}

/// The filter `loc`: a localized text escaped, in a `<span lang>` when it
/// is shown in another language than the page's; a plain string escaped.
fn localized(value: Value, _: Kwargs, state: &State) -> tera::TeraResult<Value> {
    defined(&value, "loc")?;
    let Some(text) = value.get_from_path("text").and_then(|t| t.as_str()) else {
        let plain = value.as_str().unwrap_or_default();
        return Ok(Value::safe_string(&state.escape(&no_break(plain))?));
    };
    let escaped = state.escape(&no_break(text))?;
    let fallback = value
        .get_from_path("fallback")
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    if fallback {
        let lang = value
            .get_from_path("lang")
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        Ok(Value::safe_string(&format!(
            "<span lang=\"{}\">{escaped}</span>",
            state.escape(&lang)?
        )))
    } else {
        Ok(Value::safe_string(&escaped))
    }
}

/// The filter `date`: a `YYYY-MM-DD` date in the page's language, long or
/// (`format="short"`) short; anything else as it is.
fn format_date(
    i18n: &I18n,
    value: String,
    kwargs: &Kwargs,
    state: &State,
) -> tera::TeraResult<Value> {
    let Some(date) = Date::parse(&value) else {
        return Ok(Value::from(value));
    };
    let lang = lang_of(state);
    let short = kwargs
        .get::<String>("format")?
        .is_some_and(|f| f == "short");
    Ok(Value::from(if short {
        i18n.date_short(&lang, date)
    } else {
        i18n.date_long(&lang, date)
    }))
}
