//! One text as Markdown files with front matter, one per language
//! (`stem.<lang>.md`) or one for all (`stem.md`): the files grouped by
//! stem, each read into a [`Part`], the bodies put together into a [`Doc`],
//! the localized fields merged; and the about texts, which are only that.
//!
//! Layer 3 (content): imports `diag`, `fs`, `types`, `yaml` and
//! `content::{check, markdown, walk}`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::de::DeserializeOwned;

use crate::content::LoadContext;
use crate::content::check::Fields;
use crate::content::markdown::{self, Quotes};
use crate::content::model::{Body, Doc};
use crate::diag::{Diagnostic, Diagnostics, Location};
use crate::types::{LangCode, Localized};
use crate::yaml::{self, Source};

/// The files of one text, by language (`None`: the file for all).
pub(super) type Files = Vec<(Option<LangCode>, PathBuf)>;

/// Files `stem.md` and `stem.<lang>.md` of a folder, grouped by stem.
/// The language is `None` for the file for all languages.
pub(super) fn group_by_stem(
    ctx: &LoadContext<'_>,
    dir: &Path,
    diags: &mut Diagnostics,
) -> BTreeMap<String, Files> {
    let mut groups: BTreeMap<String, Files> = BTreeMap::new();
    for path in crate::content::walk::files(ctx.root, dir, false, &ctx.exclude, diags) {
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let Some(stem) = name
            .strip_suffix(".md")
            .or_else(|| name.strip_suffix(".markdown"))
        else {
            continue;
        };
        let (stem, lang) = match stem.rsplit_once('.') {
            Some((s, l)) if looks_like_lang(l) => (s, Some(LangCode::new(l))),
            _ => (stem, None),
        };
        if let Some(l) = &lang
            && !ctx.config.languages.contains(l)
        {
            diags.push(crate::content::unlisted::file_not_used(
                ctx.config, l, &path,
            ));
            continue;
        }
        groups
            .entry(stem.to_string())
            .or_default()
            .push((lang, path));
    }
    groups
}

fn looks_like_lang(s: &str) -> bool {
    (2..=3).contains(&s.len()) && s.chars().all(|c| c.is_ascii_lowercase())
}

/// One parsed Markdown file of a group.
pub(crate) struct Part<T> {
    pub lang: Option<LangCode>,
    pub front: T,
    pub body: Body,
    pub front_offset: usize,
}

impl<T> Part<T> {
    pub(crate) fn source(&self) -> Source<'_> {
        Source {
            text: self.front_text(),
            file: &self.body.file,
            line_offset: self.front_offset,
            family: "",
        }
    }
    /// The checks of this part's front matter, with the diagnostics of
    /// `family`.
    pub(crate) fn fields<'a, 'd>(
        &'a self,
        ctx: &'a LoadContext<'_>,
        family: &'static str,
        diags: &'d mut Diagnostics,
    ) -> Fields<'a, 'd> {
        let src = Source {
            family,
            ..self.source()
        };
        Fields::new(src, ctx.config, diags)
    }
    fn front_text(&self) -> &str {
        markdown::split_front_matter(&self.body.text)
            .map(|s| s.front)
            .unwrap_or("")
    }
}

/// Reads one Markdown file: front matter (required when `T` needs fields)
/// and the rendered body.
fn read_part<T: DeserializeOwned>(
    lang: Option<LangCode>,
    path: &Path,
    family: &'static str,
    top_level: u8,
    quotes: Quotes,
    diags: &mut Diagnostics,
) -> Option<Part<T>> {
    let text = crate::fs::read_content(path, diags)?;
    part_from_text(lang, path, text, family, top_level, quotes, diags)
}

/// [`read_part`] on text already read; `quotes` are the quotation marks
/// of the file's language.
pub(crate) fn part_from_text<T: DeserializeOwned>(
    lang: Option<LangCode>,
    path: &Path,
    text: String,
    family: &'static str,
    top_level: u8,
    quotes: Quotes,
    diags: &mut Diagnostics,
) -> Option<Part<T>> {
    let split = match markdown::split_front_matter(&text) {
        Ok(s) => s,
        Err((line, message)) => {
            diags.push(
                Diagnostic::error("markdown/front-matter", message)
                    .words("markdown-front-matter")
                    .at(Location::at(path, line, 1))
                    .help("end the front matter with a line of three dashes: ---"),
            );
            return None;
        }
    };
    let front_src = Source {
        text: split.front,
        file: path,
        line_offset: split.front_offset,
        family,
    };
    let front_yaml = if split.has_front { split.front } else { "{}" };
    let front: T = match yaml::parse(Source {
        text: front_yaml,
        ..front_src
    }) {
        Ok(front) => front,
        Err(mut failed) => {
            if !split.has_front {
                for d in &mut failed.diagnostics {
                    d.message = format!("{} (this file has no front matter)", d.message);
                    d.help = Some("start the file with a block between two lines of `---`, e.g.\n---\ntitle: ...\ndate: 2025-03-01\n---".into());
                    d.location = Some(Location::at(path, 1, 1));
                }
            }
            failed.report(diags)?
        }
    };
    let rendered = markdown::render(split.body, path, split.body_line, top_level, quotes, diags);
    let (body_start, first_line) = (text.len() - split.body.len(), split.body_line);
    let front_offset = split.front_offset;
    let body = Body {
        html: rendered.html,
        file: path.to_path_buf(),
        text: Arc::from(text),
        body_start,
        first_line,
        links: rendered.links,
    };
    Some(Part {
        lang,
        front,
        body,
        front_offset,
    })
}

/// Puts the parts' bodies together into a [`Doc`].
pub(super) fn doc_of<T>(parts: &[Part<T>]) -> Doc {
    let mut doc = Doc::default();
    for p in parts {
        if p.body.markdown().trim().is_empty() {
            continue;
        }
        match &p.lang {
            Some(l) => {
                doc.per_lang.insert(l.clone(), p.body.clone());
            }
            None => doc.all = Some(p.body.clone()),
        }
    }
    doc
}

/// Reads the files of one text, one per language: the parts that could be
/// read, and the languages whose file could not (its errors are reported).
/// A file for all languages takes the default language's quotation marks.
pub(super) fn read_parts<T: DeserializeOwned>(
    ctx: &LoadContext<'_>,
    files: Files,
    family: &'static str,
    top_level: u8,
    diags: &mut Diagnostics,
) -> (Vec<Part<T>>, Vec<LangCode>) {
    let mut parts = Vec::with_capacity(files.len());
    let mut unread = Vec::new();
    for (lang, path) in files {
        let quotes = Quotes::for_lang(lang.as_ref().unwrap_or(ctx.config.default_lang()).as_str());
        match read_part(lang.clone(), &path, family, top_level, quotes, diags) {
            Some(part) => parts.push(part),
            None => unread.extend(lang),
        }
    }
    (parts, unread)
}

/// Warns for each site language that has no text of its own; a language
/// whose file is there but could not be read (`unread`) has its own errors,
/// and one the text is not published in (`only`, when not empty) needs none.
/// A file with front matter only is called empty, at its own name.
pub(super) fn warn_missing_langs<T>(
    ctx: &LoadContext<'_>,
    (parts, doc): (&[Part<T>], &Doc),
    (unread, only): (&[LangCode], &[LangCode]),
    first: &Path,
    what: &str,
    diags: &mut Diagnostics,
) {
    if doc.all.is_some() || doc.per_lang.is_empty() {
        return;
    }
    let published = |l: &LangCode| only.is_empty() || only.contains(l);
    let name = first.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let stem = name.split('.').next().unwrap_or(name);
    for lang in ctx.config.languages.iter().filter(|l| published(l)) {
        if doc.per_lang.contains_key(lang) || unread.contains(lang) {
            continue;
        }
        if let Some(empty) = parts.iter().find(|p| p.lang.as_ref() == Some(lang)) {
            diags.push(empty_version(&empty.body.file, (what, stem), lang));
            continue;
        }
        diags.push(
            Diagnostic::warning("i18n/untranslated", format!("{what} has no `{lang}` version"))
                .words("i18n-untranslated-file")
                .arg("what", what_key(what))
                .arg("stem", stem)
                .arg("lang", lang)
                .in_file(first)
                .help(format!(
                    "add {stem}.{lang}.md beside it; until then `{lang}` readers see the text in another language, with a notice"
                )),
        );
    }
}

/// The warning for a language's file that has front matter but no text.
fn empty_version(file: &Path, (what, stem): (&str, &str), lang: &LangCode) -> Diagnostic {
    Diagnostic::warning(
        "i18n/untranslated",
        format!("the `{lang}` version of {what} has no text, only its front matter"),
    )
    .words("i18n-untranslated-empty")
    .arg("what", what_key(what))
    .arg("stem", stem)
    .arg("lang", lang)
    .in_file(file)
    .help(format!(
        "write the text below the front matter's closing `---`; until then `{lang}` readers see the text in another language, with a notice"
    ))
}

/// What [`warn_missing_langs`] names (`this report` ...), as the key the
/// tool's message files select their words by.
fn what_key(what: &str) -> &'static str {
    match what {
        "this report" => "report",
        "this page" => "page",
        "this news item" => "news",
        _ => "text",
    }
}

/// `about.md`, `about.kk.md`, ... of a folder.
pub(crate) fn load_doc(
    ctx: &LoadContext<'_>,
    dir: &Path,
    stem: &str,
    diags: &mut Diagnostics,
) -> Doc {
    let mut groups = group_by_stem(ctx, dir, diags);
    let Some(files) = groups.remove(stem) else {
        return Doc::default();
    };
    let (parts, unread): (Vec<Part<NoFront>>, _) = read_parts(ctx, files, "page", 3, diags);
    let doc = doc_of(&parts);
    if let Some(p) = parts.first() {
        warn_missing_langs(
            ctx,
            (&parts, &doc),
            (&unread, &[]),
            &p.body.file,
            &format!("`{stem}`"),
            diags,
        );
    }
    doc
}

/// Front matter that must be empty (about.md may have none).
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct NoFront {}

/// The title of a per-language file is its language's text.
pub(super) fn merge_localized(parts: &[(Option<&str>, &Localized)], default: &str) -> Localized {
    if parts.len() == 1 && parts[0].0.is_none() {
        return parts[0].1.clone();
    }
    let mut map = BTreeMap::new();
    for (lang, value) in parts {
        match (lang, value) {
            (Some(l), Localized::All(t)) => {
                map.insert(l.to_string(), t.clone());
            }
            (Some(l), Localized::Per(m)) => {
                if let Some(t) = m.get(*l) {
                    map.insert(l.to_string(), t.clone());
                }
            }
            (None, Localized::All(t)) => {
                map.entry(default.to_string()).or_insert_with(|| t.clone());
            }
            (None, Localized::Per(m)) => {
                for (k, v) in m {
                    map.entry(k.clone()).or_insert_with(|| v.clone());
                }
            }
        }
    }
    Localized::Per(map)
}

/// One localized field of the parts' front matter, merged as
/// [`merge_localized`] does; `None` when no part has it.
pub(super) fn merged<T>(
    parts: &[Part<T>],
    field: impl Fn(&T) -> Option<&Localized>,
    default: &str,
) -> Option<Localized> {
    let values: Vec<(Option<&str>, &Localized)> = parts
        .iter()
        .filter_map(|p| field(&p.front).map(|v| (p.lang.as_deref(), v)))
        .collect();
    (!values.is_empty()).then(|| merge_localized(&values, default))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merges_per_language_titles() {
        let kk = Localized::All("Сенім жәшігі".into());
        let ru = Localized::All("Ящик доверия".into());
        let m = merge_localized(&[(Some("kk"), &kk), (Some("ru"), &ru)], "kk");
        assert!(m.has("kk") && m.has("ru"));
    }
}
