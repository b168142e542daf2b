//! News: news/<YYYY-MM-DD>-<slug>[.<lang>].md of the site and of each
//! club, their language versions agreeing on the date; drafts only with
//! `--drafts`.
//!
//! Layer 3 (content): imports `diag`, `types`, `yaml` and
//! `content::{model, raw, slug}`.

use std::path::Path;

use super::parts::{Files, Part, doc_of, group_by_stem, merged, read_parts, warn_missing_langs};
use super::{file_name, load_addressed, only};
use crate::content::LoadContext;
use crate::content::model::News;
use crate::content::raw::RawNews;
use crate::content::slug;
use crate::diag::{Diagnostic, Diagnostics};
use crate::types::{Date, Slug};
use crate::yaml::Seg;

/// news/<YYYY-MM-DD>-<slug>[.<lang>].md, newest first; drafts only with `--drafts`.
pub(crate) fn load_news(
    ctx: &LoadContext<'_>,
    dir: &Path,
    club: Option<&str>,
    diags: &mut Diagnostics,
) -> Vec<News> {
    let groups = group_by_stem(ctx, dir, diags);
    let mut news = load_addressed(
        groups,
        "news/duplicate-slug",
        diags,
        |stem, files, diags| load_news_item(ctx, stem, files, club, diags),
        |item| &item.slug,
    );
    news.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.slug.cmp(&b.slug)));
    news
}

fn load_news_item(
    ctx: &LoadContext<'_>,
    stem: &str,
    files: Files,
    club: Option<&str>,
    diags: &mut Diagnostics,
) -> Option<News> {
    let (parts, unread): (Vec<Part<RawNews>>, _) = read_parts(ctx, files, "news", 2, diags);
    let first = parts.first()?;
    let date = checked_date(ctx, &parts, diags)?;
    if parts.iter().any(|p| p.front.draft == Some(true)) && !ctx.drafts {
        return None;
    }
    let languages = only::languages_of(ctx, &parts, "news", |f| f.languages.as_ref(), diags)?;
    let default = ctx.config.default_lang();
    let doc = doc_of(&parts);
    warn_missing_langs(
        ctx,
        (&parts, &doc),
        (unread.as_slice(), languages.as_slice()),
        &first.body.file,
        "this news item",
        diags,
    );
    Some(News {
        slug: news_slug(stem),
        date,
        title: merged(&parts, |front| Some(&front.title), default)?,
        summary: merged(&parts, |front| front.summary.as_ref(), default),
        body: doc,
        club: club.map(Slug::from),
        languages,
    })
}

/// Checks the front matter of each language version of a news item: the
/// date they all have, or `None` when one has none or they differ.
fn checked_date(
    ctx: &LoadContext<'_>,
    parts: &[Part<RawNews>],
    diags: &mut Diagnostics,
) -> Option<Date> {
    let first = parts.first()?;
    let mut date = None;
    for part in parts {
        let mut f = part.fields(ctx, "news", diags);
        if part.lang.is_none() {
            f.text(&part.front.title, &[Seg::Key("title")], true);
            f.opt_text(&part.front.summary, &[Seg::Key("summary")]);
        }
        let d = f.date(&part.front.date, &[Seg::Key("date")])?;
        if date.is_some_and(|prev| prev != d) {
            f.report(
                Diagnostic::error(
                    "news/pair-mismatch",
                    format!("the date differs from {}", file_name(&first.body.file)),
                )
                .words("news-pair-mismatch")
                .arg("file", file_name(&first.body.file))
                .help("the language versions of a news item must have the same date"),
                &[Seg::Key("date")],
            );
            return None;
        }
        date = Some(d);
    }
    date
}

/// The web address of a news item: its file name without the date.
fn news_slug(stem: &str) -> Slug {
    let slug = slug::from_name(strip_date_prefix(stem));
    Slug::new(if slug.is_empty() {
        "news".to_string()
    } else {
        slug
    })
}

fn strip_date_prefix(stem: &str) -> &str {
    let bytes = stem.as_bytes();
    if stem.len() > 11
        && stem.get(..10).and_then(crate::types::Date::parse).is_some()
        && bytes[10] == b'-'
    {
        &stem[11..]
    } else {
        stem
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_the_date_from_news_file_names() {
        assert_eq!(strip_date_prefix("2025-03-14-trust-box"), "trust-box");
        assert_eq!(strip_date_prefix("2025-03Жаңалық"), "2025-03Жаңалық");
        assert_eq!(strip_date_prefix("trust-box"), "trust-box");
    }
}
