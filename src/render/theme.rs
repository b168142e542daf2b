//! The theme: Tera templates (embedded default, a theme folder, the site's
//! overrides by file name) with bitimger's functions and filters, and the
//! theme's static files.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use include_dir::{Dir, include_dir};
use tera::{Kwargs, State, Tera, Value};

use super::kinds::theme_templates;
use crate::config::Theme;
use crate::content::Site;
use crate::diag::{Diagnostic, Diagnostics, Location, did_you_mean};
use crate::i18n::{Arg, I18n, format_number};
use crate::types::{Date, LangCode};

static DEFAULT_THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// A compiled theme.
pub(crate) struct CompiledTheme {
    pub tera: Tera,
    /// Static files of the theme: output path → bytes or file.
    pub statics: Vec<(String, StaticSource)>,
    /// Where each template came from, for error locations.
    pub sources: HashMap<String, PathBuf>,
}

/// Where a theme file comes from.
pub(crate) enum StaticSource {
    Embedded(&'static [u8]),
    File(PathBuf),
}

/// Compiles the theme of `site` with `i18n` bound into `t()`.
pub(crate) fn compile_theme(
    site: &Site,
    i18n: Arc<I18n>,
    diags: &mut Diagnostics,
) -> Option<CompiledTheme> {
    let mut templates: Vec<(String, String)> = Vec::new();
    let mut sources = HashMap::new();
    let mut statics = Vec::new();
    for file in embedded_files(&DEFAULT_THEME) {
        let path = file.path().to_string_lossy().replace('\\', "/");
        if let Some(name) = path.strip_prefix("templates/") {
            templates.push((
                name.to_string(),
                file.contents_utf8().unwrap_or("").to_string(),
            ));
            sources.insert(
                name.to_string(),
                PathBuf::from(format!("themes/default/{path}")),
            );
        } else if let Some(out) = path.strip_prefix("static/") {
            statics.push((out.to_string(), StaticSource::Embedded(file.contents())));
        }
    }
    if let Theme::Folder(dir) = &site.config.theme {
        load_theme_folder(dir, &mut templates, &mut sources, &mut statics, diags);
    }
    for (name, text, path) in &site.templates {
        let known = templates.iter().any(|(n, _)| n == name) || name.starts_with("partials/");
        if !known {
            let help = match did_you_mean(name, theme_templates()) {
                Some(s) => format!(
                    "did you mean `{s}`? A file in templates/ replaces the theme's template of the same name"
                ),
                None => format!(
                    "a file in templates/ replaces the theme's template of the same name: {}",
                    theme_templates().collect::<Vec<_>>().join(", ")
                ),
            };
            diags.push(
                Diagnostic::warning("template/unknown", format!("`{name}` is not a template of the theme, so it is only used if another template includes it"))
                    .in_file(path)
                    .help(help),
            );
        }
        templates.retain(|(n, _)| n != name);
        templates.push((name.clone(), text.clone()));
        sources.insert(name.clone(), path.clone());
    }
    let mut tera = Tera::new();
    tera.autoescape_on(vec![".html", ".xml", ".svg"]);
    register(&mut tera, i18n, &site.config.languages);
    if let Err(e) = tera.add_raw_templates(templates.iter().map(|(n, t)| (n.as_str(), t.as_str())))
    {
        diags.push(template_diagnostic(&e, &sources));
        return None;
    }
    Some(CompiledTheme {
        tera,
        statics,
        sources,
    })
}

fn embedded_files(dir: &'static Dir<'static>) -> Vec<&'static include_dir::File<'static>> {
    let mut out: Vec<_> = dir.files().collect();
    for d in dir.dirs() {
        out.extend(embedded_files(d));
    }
    out
}

fn load_theme_folder(
    dir: &Path,
    templates: &mut Vec<(String, String)>,
    sources: &mut HashMap<String, PathBuf>,
    statics: &mut Vec<(String, StaticSource)>,
    diags: &mut Diagnostics,
) {
    for (sub, is_templates) in [("templates", true), ("static", false)] {
        let base = dir.join(sub);
        for entry in walkdir::WalkDir::new(&base)
            .sort_by_file_name()
            .into_iter()
            .flatten()
        {
            if !entry.file_type().is_file() {
                continue;
            }
            let rel = entry.path().strip_prefix(&base).unwrap_or(entry.path());
            let name = rel.to_string_lossy().replace('\\', "/");
            if is_templates {
                if let Some(text) = crate::fs::read_content(entry.path(), diags) {
                    templates.retain(|(n, _)| *n != name);
                    templates.push((name.clone(), text));
                    sources.insert(name, entry.path().to_path_buf());
                }
            } else {
                statics.retain(|(n, _)| *n != name);
                statics.push((name, StaticSource::File(entry.path().to_path_buf())));
            }
        }
    }
}

/// A Tera error as a diagnostic with the template's file and line.
pub(crate) fn template_diagnostic(
    e: &tera::Error,
    sources: &HashMap<String, PathBuf>,
) -> Diagnostic {
    use tera::ErrorKind;
    let report = match e.kind() {
        ErrorKind::SyntaxError(r) | ErrorKind::RenderingError(r) => Some(r),
        _ => None,
    };
    let mut message = match report {
        Some(r) => r.message().to_string(),
        None => e.to_string(),
    };
    let mut cause = std::error::Error::source(e);
    while let Some(c) = cause {
        message.push_str(&format!(": {c}"));
        cause = c.source();
    }
    let d = Diagnostic::error("template/error", format!("template problem: {message}"))
        .help("fix the template, or delete your copy in templates/ to use the theme's own");
    match report {
        Some(r) => {
            let file = sources
                .get(r.filename())
                .cloned()
                .unwrap_or_else(|| PathBuf::from(r.filename()));
            d.at(Location::at(
                file,
                r.span().start_line.max(1),
                r.span().start_col + 1,
            ))
        }
        None => d,
    }
}

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
fn register(tera: &mut Tera, i18n: Arc<I18n>, langs: &[LangCode]) {
    let i = i18n.clone();
    let plain = plain_messages(&i18n, langs);
    tera.register_function(
        "t",
        move |kwargs: Kwargs, state: &State| -> tera::TeraResult<Value> {
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
            let args: Vec<(&str, Arg<'_>)> = texts
                .iter()
                .map(|(k, v)| (k.as_str(), Arg::Str(v.as_str())))
                .chain(nums.iter().map(|(k, n)| (k.as_str(), Arg::Num(*n))))
                .collect();
            match i.message(lang, key, &args) {
                Some(text) => Ok(Value::from(text)),
                None => {
                    let hint = i
                        .suggest(key)
                        .map(|s| format!("; did you mean `{s}`?"))
                        .unwrap_or_default();
                    Err(tera::Error::message(format!(
                        "unknown message id `{key}`{hint}"
                    )))
                }
            }
        },
    );
    tera.register_filter(
        "loc",
        |value: Value, _: Kwargs, state: &State| -> tera::TeraResult<Value> {
            let Some(text) = value.get_from_path("text").and_then(|t| t.as_str()) else {
                let plain = value.as_str().unwrap_or_default();
                return Ok(Value::safe_string(&state.escape(plain)?));
            };
            let escaped = state.escape(text)?;
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
        },
    );
    let i = i18n.clone();
    tera.register_filter(
        "date",
        move |value: String, kwargs: Kwargs, state: &State| -> tera::TeraResult<Value> {
            let Some(date) = Date::parse(&value) else {
                return Ok(Value::from(value));
            };
            let lang = lang_of(state);
            let short = kwargs
                .get::<String>("format")?
                .is_some_and(|f| f == "short");
            Ok(Value::from(if short {
                i.date_short(&lang, date)
            } else {
                i.date_long(&lang, date)
            }))
        },
    );
    tera.register_filter(
        "num",
        |value: Value, _: Kwargs, state: &State| -> tera::TeraResult<Value> {
            match value.as_i64() {
                Some(n) => Ok(Value::from(format_number(&lang_of(state), n))),
                None => Ok(value),
            }
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_theme_has_a_template_for_every_page_kind() {
        for name in theme_templates() {
            let file = DEFAULT_THEME.get_file(format!("templates/{name}"));
            assert!(file.is_some(), "themes/default/templates/{name} is missing");
        }
    }
}
