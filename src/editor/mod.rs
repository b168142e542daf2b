//! The editor of `serve --edit`: forms in the preview for teachers who do
//! not want to touch YAML. An "Edit" button on every preview page opens a
//! form for the document the page shows; saving checks the change in a
//! copy of the site with the one pipeline's prepare step and writes
//! nothing when it finds an error, then writes only the values changed,
//! each in place (`yaml::set_value` and friends), so comments and the
//! rest of the file stay as the teacher wrote them.
//!
//! Safe by construction (docs/security.md, "The editor"): loopback only,
//! a token printed in the terminal traded for a strict cookie, Host and
//! Origin checked on every write (`guard`), writes confined to the site's
//! content files (`files`), a file changed on disk since the form was made
//! is never overwritten without asking.
//!
//! Layer 8: imports `serve` (it is an extension of the preview, which
//! knows nothing of it), `scaffold` (the `new` templates), `build`,
//! `schema` (the forms' fields), `render`, `content`, `config`, `yaml`,
//! `messages`, `diag`, `types`.
//! The editor is above `serve` and `scaffold` because it needs both,
//! which share layer 7.

mod describe;
mod doc;
pub(crate) mod files;
mod form;
mod guard;
mod routes;
mod save;
mod validate;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::content::LoadOptions;
use crate::messages::Messages;
use crate::serve::{Extension, RebuildReport, ServeError, ServeHandle, ServeOptions};
use crate::types::Date;

use doc::Part;
use form::{FilePart, FormView};
use guard::Guard;
use validate::{Change, validate};

/// Why the editor did not start.
#[derive(Debug)]
pub enum EditStartError {
    /// `--edit` with an address other computers can reach.
    NotLoopback(std::net::IpAddr),
    /// The server could not start.
    Serve(ServeError),
}

impl std::fmt::Display for EditStartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EditStartError::NotLoopback(ip) => write!(
                f,
                "--edit works only on this computer's own address (127.0.0.1), not {ip}"
            ),
            EditStartError::Serve(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for EditStartError {}

/// The preview with the editor, and the address to open (with its token).
pub struct Editing {
    pub handle: ServeHandle,
    pub url: String,
}

/// What the editor's requests share.
pub(crate) struct Editor {
    /// The site folder, absolute and canonical.
    site: PathBuf,
    load: LoadOptions,
    langs: Vec<String>,
    messages: Messages,
    /// One save at a time.
    saving: Mutex<()>,
}

impl Editor {
    fn today(&self) -> Date {
        Date::today()
    }

    fn refuse(&self, status: StatusCode, id: &str) -> Response {
        let text = self.messages.text(id, &[]);
        routes::html(
            status,
            form::shell(
                &self.messages,
                &text,
                &format!(
                    "<p role=\"alert\">{}</p><p><a href=\"/\">{}</a></p>",
                    crate::render::escape_html(&text),
                    crate::render::escape_html(&self.messages.text("edit-back", &[]))
                ),
            ),
        )
    }
}

/// Starts `serve` with the editor. Refuses any address but loopback.
pub fn start(
    options: ServeOptions,
    report: impl FnMut(&RebuildReport) + Send + 'static,
) -> Result<Editing, EditStartError> {
    if !options.bind.is_loopback() {
        return Err(EditStartError::NotLoopback(options.bind));
    }
    let listener = crate::serve::listen_on(&options).map_err(EditStartError::Serve)?;
    let addr: SocketAddr = listener
        .local_addr()
        .map_err(|e| EditStartError::Serve(ServeError::Runtime(e)))?;
    let messages = Messages::new(options.lang);
    let guard = Arc::new(
        Guard::new(addr, Messages::new(options.lang))
            .map_err(|e| EditStartError::Serve(ServeError::Runtime(e)))?,
    );
    let url = format!("http://{addr}/?token={}", guard.token());
    let site = std::path::absolute(&options.site).unwrap_or(options.site.clone());
    let site = site.canonicalize().unwrap_or(site);
    let mut diags = crate::diag::Diagnostics::new();
    let langs = crate::config::load_config(&site, &mut diags)
        .map(|c| c.languages.iter().map(|l| l.to_string()).collect())
        .unwrap_or_else(|| vec!["kk".to_string(), "ru".to_string()]);
    let load = LoadOptions {
        drafts: options.drafts,
        exclude: options.exclude.clone(),
        ..LoadOptions::default()
    };
    let button = messages.text("edit-button", &[]);
    let editor = Arc::new(Editor {
        site,
        load,
        langs,
        messages,
        saving: Mutex::new(()),
    });
    let wrap_guard = guard.clone();
    let extension = Extension {
        router: routes::router(editor),
        wrap: Box::new(move |app| {
            app.layer(axum::middleware::from_fn_with_state(
                wrap_guard,
                guard::check,
            ))
        }),
        page_tag: Arc::new(move |path: &str| edit_tag(path, &button)),
    };
    let handle = crate::serve::start_with(options, listener, report, Some(extension))
        .map_err(EditStartError::Serve)?;
    Ok(Editing { handle, url })
}

/// The Edit button added to every preview page.
fn edit_tag(path: &str, label: &str) -> String {
    let page: String = url::form_urlencoded::byte_serialize(path.as_bytes()).collect();
    format!(
        "<link rel=\"stylesheet\" href=\"{css}\"><aside aria-label=\"bitimger\"><a id=\"bitimger-edit\" href=\"/__bitimger/edit/?page={page}\">{}</a></aside>",
        crate::render::escape_html(label),
        css = guard::ASSET_CSS,
    )
}

/// Saves a submitted form: refused (409) when a file changed on disk since
/// the form was made, refused (422, the problems beside the fields) when
/// the site would have errors, else written.
fn save_doc(
    editor: &Editor,
    parts: &[Part],
    form: &HashMap<String, String>,
    doc_name: &str,
    page: &str,
) -> Response {
    let Some((files, texts, changed_on_disk)) = read_for_save(editor, parts, form) else {
        return editor.refuse(StatusCode::FORBIDDEN, "edit-not-content");
    };
    let view = |problems: &[validate::Problem], notice: Option<String>| {
        form::page(&FormView {
            doc: doc_name,
            page,
            files: &files,
            langs: &editor.langs,
            given: form,
            problems,
            notice,
            messages: &editor.messages,
        })
    };
    if changed_on_disk {
        let notice = editor.messages.text("edit-conflict", &[]);
        return routes::html(StatusCode::CONFLICT, view(&[], Some(notice)));
    }
    let changed = match save::apply(&files, &texts, form, &editor.langs) {
        Ok(c) => c,
        Err(e) => {
            let notice = format!("{}: {e}", editor.messages.text("edit-failed", &[]));
            return routes::html(StatusCode::UNPROCESSABLE_ENTITY, view(&[], Some(notice)));
        }
    };
    let changes: Vec<Change> = changed
        .iter()
        .map(|(i, t)| Change {
            rel: parts[*i].rel.clone(),
            bytes: t.as_bytes().to_vec(),
        })
        .collect();
    let problems = match validate(&editor.site, &editor.load, &changes, &editor.messages) {
        Ok(p) => p,
        Err(_) => return editor.refuse(StatusCode::INTERNAL_SERVER_ERROR, "edit-failed"),
    };
    let errors: Vec<validate::Problem> = problems.into_iter().filter(|p| p.error).collect();
    if !errors.is_empty() {
        return routes::html(StatusCode::UNPROCESSABLE_ENTITY, view(&errors, None));
    }
    if write_changes(editor, &changes).is_err() {
        return editor.refuse(StatusCode::INTERNAL_SERVER_ERROR, "edit-failed");
    }
    let back = if form.contains_key("add") || form.contains_key("remove") {
        format!("/__bitimger/edit/?doc={}&page={}", enc(doc_name), enc(page))
    } else {
        page.to_string()
    };
    let mut r = StatusCode::SEE_OTHER.into_response();
    if let Ok(v) = HeaderValue::from_str(&back) {
        r.headers_mut().insert(header::LOCATION, v);
    }
    r
}

/// The files of a save as they are on disk now, their texts, and whether
/// one changed since the form was made (its `h<i>` hash); `None` for a
/// file outside the site's content.
fn read_for_save(
    editor: &Editor,
    parts: &[Part],
    form: &HashMap<String, String>,
) -> Option<(Vec<FilePart>, Vec<String>, bool)> {
    let mut files = Vec::new();
    let mut texts = Vec::new();
    let mut changed_on_disk = false;
    for (i, part) in parts.iter().enumerate() {
        let path = files::content_path(&editor.site, &part.rel).ok()?;
        let bytes = std::fs::read(&path).unwrap_or_default();
        let now = files::hash(&bytes);
        if form.get(&format!("h{i}")) != Some(&now) {
            changed_on_disk = true;
        }
        let text = String::from_utf8_lossy(&bytes).into_owned();
        files.push(file_part(part, &text, now, editor.messages.lang().code()));
        texts.push(text);
    }
    Some((files, texts, changed_on_disk))
}

/// Writes each changed file, whole, in its place.
fn write_changes(editor: &Editor, changes: &[Change]) -> Result<(), files::Refused> {
    for change in changes {
        files::content_path(&editor.site, &change.rel).and_then(|p| {
            files::write_atomic(&p, &change.bytes).map_err(|_| files::Refused::Path)
        })?;
    }
    Ok(())
}

fn enc(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

use routes::file_part;

/// Checks an uploaded photo as a build would and saves it in the club's
/// photos/ under a safe name that takes no other file's place.
fn save_photo(editor: &Editor, club: &str, name: &str, bytes: &[u8]) -> Response {
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, "jpg"));
    let free = (1..100)
        .map(|n| {
            if n == 1 {
                name.to_string()
            } else {
                format!("{stem}-{n}.{ext}")
            }
        })
        .map(|n| format!("clubs/{club}/photos/{n}"))
        .find(|rel| !editor.site.join(rel).exists());
    let Some(rel) = free else {
        return editor.refuse(StatusCode::CONFLICT, "edit-failed");
    };
    let Ok(path) = files::content_path(&editor.site, &rel) else {
        return editor.refuse(StatusCode::FORBIDDEN, "edit-not-content");
    };
    if !editor
        .site
        .join("clubs")
        .join(club)
        .join("club.yaml")
        .is_file()
    {
        return editor.refuse(StatusCode::NOT_FOUND, "edit-not-content");
    }
    if let Err(d) = crate::render::check_photo(&path, bytes) {
        let mut one = crate::diag::Diagnostics::new();
        one.push(d);
        let text = one.render_text(&editor.site, false, &editor.messages);
        let mut r = (StatusCode::UNPROCESSABLE_ENTITY, text).into_response();
        r.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/plain; charset=utf-8"),
        );
        return r;
    }
    if files::write_atomic(&path, bytes).is_err() {
        return editor.refuse(StatusCode::INTERNAL_SERVER_ERROR, "edit-failed");
    }
    // `path` for a photo field (relative to the club's folder), `text` to
    // put the photo in a Markdown text (by its path in the site).
    let file = rel.rsplit('/').next().unwrap_or(name);
    let json = serde_json::json!({
        "path": format!("photos/{file}"),
        "text": format!("![]({rel})"),
    });
    let mut r = json.to_string().into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    r
}
