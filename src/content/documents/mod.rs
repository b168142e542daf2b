//! The school's documents: documents/documents.yaml → [`Document`]s, each
//! listed file checked to exist and be safe to publish (`active`), and
//! every file of documents/ that the list leaves out warned about.
//!
//! Layer 3 (content): imports `diag`, `fs`, `types`, `yaml` and
//! `content::{check, model, names, raw, walk}`.

mod active;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::check::Fields;
use super::model::{Document, SourceText};
use super::raw::RawDocument;
use super::{LoadContext, names, walk};
use crate::diag::{Diagnostic, Diagnostics};
use crate::types::LangCode;
use crate::yaml::{self, Seg, Source};
use active::{Verdict, check_document};

/// The documents listed in documents/documents.yaml that can be published;
/// the text of documents.yaml goes to `kept`.
pub(super) fn load_documents(
    ctx: &LoadContext<'_>,
    kept: &mut Vec<SourceText>,
    diags: &mut Diagnostics,
) -> Vec<Document> {
    let dir = ctx.root.join("documents");
    let file = dir.join("documents.yaml");
    let present = walk::files(ctx.root, &dir, false, &ctx.exclude, diags);
    if !file.is_file() {
        for p in present {
            diags.push(unlisted(p, "documents/documents.yaml"));
        }
        return Vec::new();
    }
    if !walk::inside(ctx.root, &file, diags) {
        return Vec::new();
    }
    let Some(text) = crate::fs::read_content(&file, diags) else {
        return Vec::new();
    };
    kept.push(SourceText {
        file: file.clone(),
        text: Arc::from(text.as_str()),
    });
    let src = Source {
        text: &text,
        file: &file,
        line_offset: 0,
        family: "documents",
    };
    let Some(raw) = yaml::read::<Vec<RawDocument>>(src, diags) else {
        return Vec::new();
    };
    let mut f = Fields::new(src, ctx.config, diags);
    let docs: Vec<Document> = raw
        .into_iter()
        .enumerate()
        .filter_map(|(i, d)| document(ctx, &dir, &present, i, d, &mut f))
        .collect();
    for p in present {
        if p != file && !docs.iter().any(|d| d.source == p) {
            f.diags.push(unlisted(p, "documents.yaml"));
        }
    }
    docs
}

/// The `i`th entry of documents.yaml, checked; `None` when it is not
/// published (the problem has been reported).
fn document(
    ctx: &LoadContext<'_>,
    dir: &Path,
    present: &[PathBuf],
    i: usize,
    d: RawDocument,
    f: &mut Fields<'_, '_>,
) -> Option<Document> {
    let at = |k| [Seg::Index(i), Seg::Key(k)];
    f.text(&d.title, &at("title"), true);
    let date = d.date.as_ref().and_then(|v| f.date(v, &at("date")));
    let source = dir.join(&d.file);
    let safe_name = !d.file.contains(['/', '\\']) && !d.file.starts_with('.');
    if safe_name && !present.contains(&source) && source.is_symlink() {
        // A link out of the site, a loop or a dangling link: the walk
        // has reported it already, once.
        return None;
    }
    if !safe_name || !present.contains(&source) {
        f.report(
            Diagnostic::error(
                "documents/missing-file",
                format!("`{}` is not in the documents folder", d.file),
            )
            .words("documents-missing-file")
            .arg("file", &d.file)
            .help("put the file in documents/ beside documents.yaml and write its exact name"),
            &at("file"),
        );
        return None;
    }
    if let Some(problem) = names::name_problem(&d.file) {
        let at = yaml::locate_value(f.src, &at("file"));
        f.diags
            .push(names::name_diagnostic(&problem, names::Named::File, &d.file).at(at));
    }
    let lang = ctx.config.languages.first().map_or("", LangCode::as_str);
    let cleaned = match check_document(&source, lang, f.diags) {
        Verdict::AsIs => None,
        Verdict::Cleaned(page) => Some(page),
        Verdict::Refused => return None,
    };
    Some(Document {
        source,
        file: d.file,
        title: d.title,
        date,
        number: d.number.map(|n| n.0),
        cleaned,
    })
}

/// The warning for a file of documents/ that `list` does not name.
fn unlisted(file: PathBuf, list: &str) -> Diagnostic {
    Diagnostic::warning(
        "documents/unlisted",
        format!("this document is not listed in {list}, so it is not published"),
    )
    .words("documents-unlisted")
    .arg("list", list)
    .in_file(file)
    .help("add it to documents.yaml with `file`, `title`, `date` and `number`")
}
