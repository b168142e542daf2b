//! Free pages: pages/<slug>[.<lang>].md, each with its own web address;
//! drafts only with `--drafts`.
//!
//! Layer 3 (content): imports `diag`, `types`, `yaml` and
//! `content::{model, raw, slug}`.

use std::path::Path;

use super::parts::{Files, Part, doc_of, group_by_stem, merged, read_parts, warn_missing_langs};
use super::{load_addressed, only};
use crate::content::LoadContext;
use crate::content::model::Page;
use crate::content::raw::RawPage;
use crate::content::slug;
use crate::diag::Diagnostics;
use crate::types::Slug;
use crate::yaml::Seg;

/// pages/<slug>[.<lang>].md
pub(crate) fn load_pages(ctx: &LoadContext<'_>, dir: &Path, diags: &mut Diagnostics) -> Vec<Page> {
    let groups = group_by_stem(ctx, dir, diags);
    load_addressed(
        groups,
        "page/duplicate-slug",
        diags,
        |stem, files, diags| load_page(ctx, stem, files, diags),
        |page| &page.slug,
    )
}

fn load_page(
    ctx: &LoadContext<'_>,
    stem: &str,
    files: Files,
    diags: &mut Diagnostics,
) -> Option<Page> {
    let (parts, unread): (Vec<Part<RawPage>>, _) = read_parts(ctx, files, "page", 2, diags);
    let first = parts.first()?;
    if parts.iter().any(|p| p.front.draft == Some(true)) && !ctx.drafts {
        return None;
    }
    for part in parts.iter().filter(|p| p.lang.is_none()) {
        let mut f = part.fields(ctx, "page", diags);
        f.text(&part.front.title, &[Seg::Key("title")], true);
    }
    let languages = only::languages_of(ctx, &parts, "page", |f| f.languages.as_ref(), diags)?;
    let default = ctx.config.default_lang();
    let doc = doc_of(&parts);
    let missing = (unread.as_slice(), languages.as_slice());
    warn_missing_langs(
        ctx,
        (&parts, &doc),
        missing,
        &first.body.file,
        "this page",
        diags,
    );
    Some(Page {
        slug: Slug::new(slug::from_name(stem)),
        title: merged(&parts, |front| Some(&front.title), default)?,
        description: merged(&parts, |front| front.description.as_ref(), default),
        body: doc,
        languages,
    })
}
