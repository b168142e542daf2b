//! The editor's requests: the form of a page's document, saving it (checked
//! first, refused on a file changed since the form was made), a new news
//! item or report from the `new` templates, and photo uploads.
//!
//! Layer 8: part of `editor`.

use std::collections::HashMap;
use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

use super::Editor;
use super::doc::{self, Part};
use super::files::{content_path, hash, photo_name};
use super::form::{FilePart, FormView, page as form_page, shell};
use crate::render::escape_html as esc;

const JS: &str = include_str!("assets/editor.js");
const CSS: &str = include_str!("assets/editor.css");
const ICON: &str = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 16 16\"><rect width=\"16\" height=\"16\" rx=\"3\" fill=\"#0b57d0\"/></svg>";

/// The most a photo upload may send (the photo checks refuse files over
/// 40 MB with their own message).
const MAX_UPLOAD: usize = 48 * 1024 * 1024;

pub(crate) fn router(editor: Arc<Editor>) -> Router {
    Router::new()
        .route(
            super::guard::ASSET_JS,
            get(|| async { asset(JS, "text/javascript; charset=utf-8") }),
        )
        .route(
            super::guard::ASSET_CSS,
            get(|| async { asset(CSS, "text/css; charset=utf-8") }),
        )
        .route(
            super::guard::ASSET_ICON,
            get(|| async { asset(ICON, "image/svg+xml") }),
        )
        .route("/__bitimger/edit/", get(open))
        .route("/__bitimger/edit/save", post(save))
        .route("/__bitimger/edit/new", post(new_doc))
        .route(
            "/__bitimger/edit/photo",
            post(photo).layer(DefaultBodyLimit::max(MAX_UPLOAD)),
        )
        .with_state(editor)
}

fn asset(text: &'static str, content_type: &'static str) -> Response {
    let mut r = text.into_response();
    r.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    r
}

/// An editor page, with a policy that allows only the editor's own files.
pub(crate) fn html(status: StatusCode, body: String) -> Response {
    let mut r = (status, body).into_response();
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    r
}

fn see_other(to: &str) -> Response {
    let mut r = StatusCode::SEE_OTHER.into_response();
    if let Ok(v) = HeaderValue::from_str(to) {
        r.headers_mut().insert(header::LOCATION, v);
    }
    r
}

/// A page path to go back to: only a path of this site.
fn safe_page(page: &str) -> String {
    if page.starts_with('/') && !page.starts_with("//") && !page.contains(['\\', '\r', '\n']) {
        page.to_string()
    } else {
        "/".to_string()
    }
}

/// Reads the files of a document.
fn read_parts(editor: &Editor, parts: &[Part]) -> Result<(Vec<FilePart>, Vec<String>), Response> {
    let mut files = Vec::new();
    let mut texts = Vec::new();
    for part in parts {
        let path = content_path(&editor.site, &part.rel)
            .map_err(|_| editor.refuse(StatusCode::FORBIDDEN, "edit-not-content"))?;
        let bytes = std::fs::read(&path)
            .map_err(|_| editor.refuse(StatusCode::NOT_FOUND, "edit-not-content"))?;
        let text = String::from_utf8_lossy(&bytes).into_owned();
        files.push(file_part(
            part,
            &text,
            hash(&bytes),
            editor.messages.lang().code(),
        ));
        texts.push(text);
    }
    Ok((files, texts))
}

pub(super) fn file_part(part: &Part, text: &str, hash: String, lang: &str) -> FilePart {
    let describe = super::describe::for_file(&part.rel, lang);
    if !part.markdown {
        return FilePart {
            part: part.clone(),
            hash,
            yaml: text.to_string(),
            yaml_offset: 0,
            body: None,
            describe,
        };
    }
    match crate::content::split_front_matter(text) {
        Ok(s) => FilePart {
            part: part.clone(),
            hash,
            yaml: s.front.to_string(),
            yaml_offset: s.front_offset,
            body: Some((s.body.to_string(), s.body_line)),
            describe,
        },
        Err(_) => FilePart {
            part: part.clone(),
            hash,
            yaml: String::new(),
            yaml_offset: 0,
            body: Some((text.to_string(), 1)),
            describe,
        },
    }
}

async fn open(
    State(editor): State<Arc<Editor>>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let page = safe_page(q.get("page").map_or("/", String::as_str));
    let parts = match q.get("doc") {
        Some(d) => doc::named(&editor.site, d, &editor.langs),
        None => doc::for_page(&editor.site, &page, &editor.langs),
    };
    if parts.is_empty() {
        return editor.refuse(StatusCode::NOT_FOUND, "edit-not-content");
    }
    let (files, _) = match read_parts(&editor, &parts) {
        Ok(f) => f,
        Err(r) => return r,
    };
    let name = doc::name_of(&parts);
    let view = FormView {
        doc: &name,
        page: &page,
        files: &files,
        langs: &editor.langs,
        given: &HashMap::new(),
        problems: &[],
        notice: None,
        messages: &editor.messages,
    };
    html(
        StatusCode::OK,
        with_new_buttons(&editor, form_page(&view), &parts, &page),
    )
}

/// The "New news" and "New report" forms, under the document's form.
fn with_new_buttons(editor: &Editor, page: String, parts: &[Part], back: &str) -> String {
    let m = &editor.messages;
    // A site-wide news item or page of a school site puts its photos in
    // the site's one club (a text shows them as `clubs/<club>/photos/…`).
    let only = super::files::only_club(&editor.site);
    let club = parts
        .first()
        .and_then(|p| p.rel.strip_prefix("clubs/"))
        .and_then(|r| r.split('/').next())
        .or(only.as_deref());
    let club_field = club
        .map(|c| format!("<input type=\"hidden\" name=\"club\" value=\"{}\">", esc(c)))
        .unwrap_or_default();
    let year = crate::types::AcademicYear::containing(editor.today()).slug();
    let forms = format!(
        "<section class=\"new\"><h2>{new}</h2>\
<form method=\"post\" action=\"/__bitimger/edit/new\"><input type=\"hidden\" name=\"kind\" value=\"news\">{club_field}<input type=\"hidden\" name=\"page\" value=\"{back}\">\
<label for=\"new-title\">{title}</label><input id=\"new-title\" name=\"title\" type=\"text\" required><button type=\"submit\">{news}</button></form>{report}\
<form class=\"photo\" data-club=\"{club}\"><label for=\"photo-file\">{photo}</label><input id=\"photo-file\" type=\"file\" accept=\"image/jpeg,image/png,image/webp\"><p class=\"photo-status\" role=\"status\" aria-live=\"polite\"></p></form></section>",
        new = esc(&m.text("edit-new", &[])),
        back = esc(back),
        title = esc(&m.text("edit-new-title", &[])),
        news = esc(&m.text("edit-new-news", &[])),
        report = club
            .map(|_| format!(
                "<form method=\"post\" action=\"/__bitimger/edit/new\"><input type=\"hidden\" name=\"kind\" value=\"report\">{club_field}<input type=\"hidden\" name=\"page\" value=\"{}\"><label for=\"new-year\">{}</label><input id=\"new-year\" name=\"year\" type=\"text\" value=\"{year}\" required><button type=\"submit\">{}</button></form>",
                esc(back),
                esc(&m.text("edit-new-year", &[])),
                esc(&m.text("edit-new-report", &[])),
            ))
            .unwrap_or_default(),
        club = esc(club.unwrap_or("")),
        photo = esc(&m.text("edit-photo", &[])),
    );
    page.replacen("</main>", &format!("{forms}</main>"), 1)
}

fn parse_form(body: &Bytes) -> HashMap<String, String> {
    url::form_urlencoded::parse(body).into_owned().collect()
}

async fn save(State(editor): State<Arc<Editor>>, body: Bytes) -> Response {
    let form = parse_form(&body);
    let page = safe_page(form.get("page").map_or("/", String::as_str));
    let doc_name = form.get("doc").cloned().unwrap_or_default();
    let parts = doc::named(&editor.site, &doc_name, &editor.langs);
    if parts.is_empty() {
        return editor.refuse(StatusCode::NOT_FOUND, "edit-not-content");
    }
    let editor2 = editor.clone();
    let result = tokio::task::spawn_blocking(move || {
        let _one = editor2.saving.lock().unwrap_or_else(|e| e.into_inner());
        super::save_doc(&editor2, &parts, &form, &doc_name, &page)
    })
    .await;
    result.unwrap_or_else(|_| editor.refuse(StatusCode::INTERNAL_SERVER_ERROR, "edit-failed"))
}

async fn new_doc(State(editor): State<Arc<Editor>>, body: Bytes) -> Response {
    let form = parse_form(&body);
    let club = form
        .get("club")
        .map(String::as_str)
        .filter(|c| !c.is_empty());
    let today = editor.today();
    let made = match form.get("kind").map(String::as_str) {
        Some("news") => crate::scaffold::new_news(
            &editor.site,
            club,
            form.get("title").map_or("", String::as_str),
            today,
        ),
        Some("report") => match club {
            Some(c) => crate::scaffold::new_report(
                &editor.site,
                c,
                form.get("year").map_or("", String::as_str),
                today,
            ),
            None => return editor.refuse(StatusCode::BAD_REQUEST, "edit-failed"),
        },
        _ => return editor.refuse(StatusCode::BAD_REQUEST, "edit-failed"),
    };
    match made {
        Ok(report) => {
            let created = report.created.first().and_then(|p| {
                p.strip_prefix(&editor.site)
                    .ok()
                    .map(|r| r.to_string_lossy().replace('\\', "/"))
            });
            let parts = created
                .map(|rel| {
                    vec![Part {
                        lang: None,
                        markdown: true,
                        rel,
                    }]
                })
                .unwrap_or_default();
            let stem = doc::name_of(&parts);
            let stem = editor.langs.iter().fold(stem, |s, l| {
                s.trim_end_matches(&format!(".{l}")).to_string()
            });
            let to = format!(
                "/__bitimger/edit/?doc={}",
                url::form_urlencoded::byte_serialize(stem.as_bytes()).collect::<String>()
            );
            see_other(&to)
        }
        Err(e) => {
            let text = e.to_string();
            html(
                StatusCode::UNPROCESSABLE_ENTITY,
                shell(
                    &editor.messages,
                    &editor.messages.text("edit-failed", &[]),
                    &format!("<p role=\"alert\">{}</p>", esc(&text)),
                ),
            )
        }
    }
}

async fn photo(
    State(editor): State<Arc<Editor>>,
    Query(q): Query<HashMap<String, String>>,
    body: Bytes,
) -> Response {
    let club = q.get("club").map_or("", String::as_str);
    let Some(name) = q.get("name").and_then(|n| photo_name(n)) else {
        return editor.refuse(StatusCode::UNPROCESSABLE_ENTITY, "edit-photo-format");
    };
    let editor2 = editor.clone();
    let club = club.to_string();
    let done =
        tokio::task::spawn_blocking(move || super::save_photo(&editor2, &club, &name, &body)).await;
    done.unwrap_or_else(|_| editor.refuse(StatusCode::INTERNAL_SERVER_ERROR, "edit-failed"))
}
