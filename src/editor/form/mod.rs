//! The editor's form for a document, as plain HTML: every value of its
//! files as a field, a text in several languages with its languages side
//! by side, a Markdown file's text as a text area, and the problems a save
//! found beside the fields they are about (the terminal's own text).
//! This module walks a file's values and gives each its place, label and
//! problems; `fields` writes each kind of field, `table` a plan's items.
//!
//! Field names say what they change: `v0:school/name` a value of the
//! first file, `l0:name@kk` one language of a text, `b1` the text of the
//! second file, `h0` the hash of the first file as the form was made.
//!
//! Layer 8: part of `editor`.

use std::collections::HashMap;

mod fields;
mod table;

use super::doc::Part;
use super::validate::Problem;
use crate::messages::Messages;
use crate::render::escape_html as esc;
use crate::yaml::{Outline, Seg};

/// One file of the form, read.
pub(crate) struct FilePart {
    pub part: Part,
    pub hash: String,
    /// The YAML (a Markdown file's front matter).
    pub yaml: String,
    /// Lines before the YAML in the file.
    pub yaml_offset: usize,
    /// A Markdown file's text, and the line it starts on.
    pub body: Option<(String, usize)>,
    /// What its schema says of its fields.
    pub describe: Option<super::describe::Describe>,
}

/// Everything a form shows.
pub(crate) struct FormView<'a> {
    pub doc: &'a str,
    pub page: &'a str,
    pub files: &'a [FilePart],
    pub langs: &'a [String],
    /// Values as submitted, shown instead of the files' (after a refusal).
    pub given: &'a HashMap<String, String>,
    pub problems: &'a [Problem],
    /// A message over the form (a file changed on disk …).
    pub notice: Option<String>,
    pub messages: &'a Messages,
}

/// The whole editor page.
pub(crate) fn page(view: &FormView<'_>) -> String {
    let m = view.messages;
    let mut used = vec![false; view.problems.len()];
    let mut fields = String::new();
    for (i, file) in view.files.iter().enumerate() {
        fields.push_str(&file_fields(view, i, file, &mut used));
    }
    let rest: Vec<&Problem> = view
        .problems
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|(p, _)| p)
        .collect();
    let mut top = String::new();
    if let Some(notice) = &view.notice {
        top.push_str(&format!(
            "<div class=\"notice\" role=\"alert\"><p>{}</p></div>",
            esc(notice)
        ));
    }
    if !view.problems.is_empty() {
        top.push_str(&format!(
            "<div class=\"problems\" role=\"alert\" id=\"problems\"><p>{}</p>{}</div>",
            esc(&m.text("edit-not-saved", &[("n", view.problems.len().into())])),
            rest.iter()
                .map(|p| format!("<pre>{}</pre>", esc(&p.text)))
                .collect::<String>()
        ));
    }
    let hashes: String = view
        .files
        .iter()
        .enumerate()
        .map(|(i, f)| {
            format!(
                "<input type=\"hidden\" name=\"h{i}\" value=\"{}\">",
                esc(&f.hash)
            )
        })
        .collect();
    // Enter in a field submits with the form's first button: a hidden
    // Save before the lists' Add and Remove buttons, so Enter saves.
    let names: Vec<&str> = view.files.iter().map(|f| f.part.rel.as_str()).collect();
    shell(
        m,
        &m.text("edit-title", &[("file", names.join(", ").into())]),
        &format!(
            "<p><a href=\"{page}\">{back}</a></p>{top}\
<form method=\"post\" action=\"/__bitimger/edit/save\" class=\"editor\">\
<input type=\"hidden\" name=\"doc\" value=\"{doc}\"><input type=\"hidden\" name=\"page\" value=\"{page}\">{hashes}\
<button type=\"submit\" class=\"hidden\" tabindex=\"-1\" aria-hidden=\"true\">{save}</button>{fields}<p class=\"actions\"><button type=\"submit\">{save}</button></p></form>",
            page = esc(view.page),
            back = esc(&m.text("edit-back", &[])),
            doc = esc(view.doc),
            save = esc(&m.text("edit-save", &[])),
        ),
    )
}

/// A page of the editor around `main`.
pub(crate) fn shell(m: &Messages, title: &str, main: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>{title}</title><link rel=\"icon\" href=\"/__bitimger/edit/icon.svg\"><link rel=\"stylesheet\" href=\"/__bitimger/edit/editor.css\">\
<script src=\"/__bitimger/edit/editor.js\" defer></script></head>\
<body><main><h1>{title}</h1>{main}</main></body></html>\n",
        lang = m.lang().code(),
        title = esc(title),
    )
}

fn file_fields(view: &FormView<'_>, i: usize, file: &FilePart, used: &mut [bool]) -> String {
    let m = view.messages;
    let outline = crate::yaml::outline(&file.yaml).unwrap_or(Outline::Group(Vec::new()));
    let lang = file.part.lang.as_deref();
    let mut out = format!(
        "<fieldset class=\"file\"{}><legend>{}</legend>",
        lang_attr(lang),
        esc(&file.part.rel)
    );
    let mut ctx = Ctx {
        view,
        i,
        file,
        used,
        path: Vec::new(),
        in_table: false,
    };
    out.push_str(&ctx.value(&outline));
    if let Some((body, line)) = &file.body {
        let name = format!("b{i}");
        let shown = view.given.get(&name).unwrap_or(body);
        let errs = ctx.problems_from(*line);
        out.push_str(&format!(
            "<div class=\"field\"><label for=\"{name}\">{}</label>{}<textarea id=\"{name}\" name=\"{name}\" rows=\"16\"{}>{}</textarea></div>",
            esc(&m.text("edit-body", &[])),
            errs.0,
            errs.1,
            esc(shown)
        ));
    }
    out.push_str("</fieldset>");
    out
}

fn lang_attr(lang: Option<&str>) -> String {
    lang.map(|l| format!(" lang=\"{}\"", esc(l)))
        .unwrap_or_default()
}

struct Ctx<'v, 'a> {
    view: &'v FormView<'a>,
    i: usize,
    file: &'v FilePart,
    used: &'v mut [bool],
    path: Vec<String>,
    /// Inside a table: a field's description is its column's, written
    /// once under the table (`table`).
    in_table: bool,
}

impl Ctx<'_, '_> {
    fn key(&self) -> String {
        self.path.join("/")
    }

    fn segs(&self) -> Vec<Seg<'_>> {
        self.path
            .iter()
            .map(|p| match p.strip_prefix('#').and_then(|n| n.parse().ok()) {
                Some(n) => Seg::Index(n),
                None => Seg::Key(p),
            })
            .collect()
    }

    /// The problems on the line of the current path: their HTML and the
    /// `aria-describedby` that ties them to the field.
    fn problems_here(&mut self) -> (String, String) {
        let line =
            crate::yaml::line_of(&self.file.yaml, &self.segs()).map(|l| l + self.file.yaml_offset);
        self.collect(|p| line.is_some() && p.line == line)
    }

    fn problems_from(&mut self, body_line: usize) -> (String, String) {
        self.collect(|p| p.line.is_some_and(|l| l >= body_line))
    }

    fn collect(&mut self, here: impl Fn(&Problem) -> bool) -> (String, String) {
        let rel = &self.file.part.rel;
        let mut html = String::new();
        let mut ids = Vec::new();
        for (n, p) in self.view.problems.iter().enumerate() {
            if !self.used[n] && p.rel.as_deref() == Some(rel) && here(p) {
                self.used[n] = true;
                let id = format!("p{}-{n}", self.i);
                html.push_str(&format!(
                    "<pre class=\"problem\" id=\"{id}\">{}</pre>",
                    esc(&p.text)
                ));
                ids.push(id);
            }
        }
        let attr = if ids.is_empty() {
            String::new()
        } else {
            format!(
                " aria-describedby=\"{}\" aria-invalid=\"true\"",
                ids.join(" ")
            )
        };
        (html, attr)
    }

    fn label(&self) -> String {
        let d = self.file.describe.as_ref();
        if let Some(title) = d.and_then(|d| d.title(&self.path)) {
            return title;
        }
        if let Some((last, parent)) = self.path.split_last()
            && let Some(n) = last.strip_prefix('#').and_then(|n| n.parse::<usize>().ok())
            && let Some(title) = d.and_then(|d| d.title(parent))
        {
            return format!("{title} {}", n + 1);
        }
        self.path
            .iter()
            .map(
                |p| match p.strip_prefix('#').and_then(|n| n.parse::<usize>().ok()) {
                    Some(n) => (n + 1).to_string(),
                    None => p.clone(),
                },
            )
            .collect::<Vec<_>>()
            .join(" › ")
    }

    /// The field's description, and its id for `aria-describedby`.
    fn hint(&self) -> (String, Option<String>) {
        if self.in_table {
            return (String::new(), self.column_help_id());
        }
        let d = self.file.describe.as_ref();
        match d.and_then(|d| d.description(&self.path)) {
            Some(text) => {
                let id = format!("d{}-{}", self.i, super::files::hash(self.key().as_bytes()));
                let html = format!("<p class=\"hint\" id=\"{id}\">{}</p>", esc(&text));
                (html, Some(id))
            }
            None => (String::new(), None),
        }
    }

    fn kind(&self) -> Option<String> {
        self.file.describe.as_ref().and_then(|d| d.kind(&self.path))
    }

    /// A field the file does not have yet, from its schema.
    fn missing(&mut self) -> String {
        let Some(d) = self.file.describe.as_ref() else {
            return String::new();
        };
        if self.kind().as_deref() == Some("localized") {
            return self.localized(&[]);
        }
        if d.is_group(&self.path) {
            return self.value(&Outline::Group(Vec::new()));
        }
        if d.node(&self.path).is_some_and(|n| n.get("items").is_some()) {
            return String::new();
        }
        self.scalar(&Outline::Empty)
    }

    fn value(&mut self, v: &Outline) -> String {
        match v {
            Outline::Group(entries) if self.is_localized(entries) => self.localized(entries),
            Outline::Text(t) if self.kind().as_deref() == Some("localized") => {
                let same: Vec<(String, Outline)> = (self.view.langs.iter())
                    .map(|l| (l.clone(), Outline::Text(t.clone())))
                    .collect();
                self.localized(&same)
            }
            Outline::Group(entries) => self.group(entries),
            Outline::List(items) => self.list(items),
            scalar => self.scalar(scalar),
        }
    }

    /// A group's fields: the schema's in its order, then any others.
    fn group(&mut self, entries: &[(String, Outline)]) -> String {
        let mut out = String::new();
        let top = self.path.is_empty();
        if !top {
            let (hint, _) = self.hint();
            let legend = esc(&self.label());
            out.push_str(&format!(
                "<fieldset class=\"group\"><legend>{legend}</legend>{hint}"
            ));
        }
        let d = self.file.describe.as_ref();
        let mut keys: Vec<String> = d.map(|d| d.fields(&self.path)).unwrap_or_default();
        for (k, _) in entries {
            if !keys.contains(k) {
                keys.push(k.clone());
            }
        }
        for k in keys {
            self.path.push(k.clone());
            match entries.iter().find(|(n, _)| *n == k) {
                Some((_, val)) => out.push_str(&self.value(val)),
                None => out.push_str(&self.missing()),
            }
            self.path.pop();
        }
        if !top {
            out.push_str("</fieldset>");
        }
        out
    }

    fn is_localized(&self, entries: &[(String, Outline)]) -> bool {
        !entries.is_empty()
            && entries.iter().all(|(k, v)| {
                self.view.langs.contains(k) && matches!(v, Outline::Text(_) | Outline::Empty)
            })
    }
}
