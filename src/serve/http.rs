//! The HTTP side of `serve`: the built site as the last build captured it
//! (from memory, large copied files streamed from the very file the build
//! checked; never from disk by request path), the live-reload script and
//! event stream, and the overlay of problems over every page while the last
//! build failed.
//!
//! A request path only ever selects a key of the served map, so it cannot
//! reach a file outside the site; paths that try (`..`, encoded or double
//! encoded, backslashes) are refused all the same (`path`).

use std::convert::Infallible;
use std::sync::Arc;

use axum::Router;
use axum::body::Body as HttpBody;
use axum::extract::State;
use axum::http::{HeaderValue, Method, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use futures_util::Stream;
use tokio::sync::broadcast::error::RecvError;

mod path;

pub(crate) use path::content_type;
pub use path::{Refusal, resolve_path};

use super::files::{self, Copied};
use super::shared::{Body, Reload, Shared};
use crate::messages::Messages;
use crate::render::escape_html;

/// The tag `serve` adds to every page: the live-reload script, served as a
/// file because the pages' Content-Security-Policy forbids inline scripts.
pub(crate) const RELOAD_TAG: &str = "<script src=\"/__bitimger/reload.js\"></script>";

const RELOAD_JS: &str = include_str!("assets/reload.js");
const OVERLAY_CSS: &str = include_str!("assets/overlay.css");

/// The routes: the site, and serve's own files under `/__bitimger/`.
pub(crate) fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route(
            "/__bitimger/reload.js",
            get(|| async { asset(RELOAD_JS, "text/javascript; charset=utf-8") }),
        )
        .route(
            "/__bitimger/overlay.css",
            get(|| async { asset(OVERLAY_CSS, "text/css; charset=utf-8") }),
        )
        .route("/__bitimger/events", get(events))
        .route("/__bitimger/status", get(status))
        .fallback(site_file)
        .with_state(shared)
}

fn asset(text: &'static str, content_type: &'static str) -> Response {
    respond(StatusCode::OK, content_type, HttpBody::from(text))
}

fn respond(status: StatusCode, content_type: &str, body: HttpBody) -> Response {
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(content_type) {
        headers.insert(header::CONTENT_TYPE, v);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

async fn site_file(State(shared): State<Arc<Shared>>, method: Method, uri: Uri) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return respond(
            StatusCode::METHOD_NOT_ALLOWED,
            "text/plain; charset=utf-8",
            HttpBody::from("only GET and HEAD\n"),
        );
    }
    let key = match resolve_path(uri.path()) {
        Ok(key) => key,
        Err(_) => {
            return respond(
                StatusCode::BAD_REQUEST,
                "text/plain; charset=utf-8",
                HttpBody::from("bad path\n"),
            );
        }
    };
    let (found, overlay) = lookup(&shared, &key);
    let tag = shared.page_tag.as_ref().map(|tag| tag(uri.path()));
    match found {
        Found::File(body) => send(StatusCode::OK, &key, body, overlay, tag).await,
        Found::Folder => {
            let mut to = format!("{}/", uri.path());
            if let Some(q) = uri.query() {
                to = format!("{to}?{q}");
            }
            let mut r = respond(
                StatusCode::PERMANENT_REDIRECT,
                "text/plain; charset=utf-8",
                HttpBody::empty(),
            );
            if let Ok(v) = HeaderValue::from_str(&to) {
                r.headers_mut().insert(header::LOCATION, v);
            }
            r
        }
        Found::Missing(Some((path, body))) => {
            send(StatusCode::NOT_FOUND, &path, body, overlay, None).await
        }
        Found::Missing(None) => {
            let page = placeholder(overlay.is_some(), &shared.messages);
            send_html(
                StatusCode::SERVICE_UNAVAILABLE,
                page.into_bytes(),
                overlay,
                None,
            )
        }
    }
}

enum Found {
    File(Body),
    /// `key` is a folder with an index.html: redirect to `key/`.
    Folder,
    /// Not there: the 404 page to send (none before the first good build).
    Missing(Option<(String, Body)>),
}

fn lookup(shared: &Shared, key: &str) -> (Found, Option<Arc<str>>) {
    let served = shared.read();
    let overlay = served.overlay.clone();
    if let Some(body) = served.files.get(key) {
        return (Found::File(body.clone()), overlay);
    }
    if served.files.contains_key(&format!("{key}/index.html")) {
        return (Found::Folder, overlay);
    }
    // The 404 page of the language the path is under, else the root one.
    let lang_404 = key
        .split_once('/')
        .map(|(lang, _)| format!("{lang}/404.html"));
    let page = lang_404
        .into_iter()
        .chain(["404.html".to_string()])
        .find_map(|p| served.files.get(&p).map(|b| (p, b.clone())));
    (Found::Missing(page), overlay)
}

async fn send(
    status: StatusCode,
    path: &str,
    body: Body,
    overlay: Option<Arc<str>>,
    tag: Option<String>,
) -> Response {
    let bytes = match body {
        Body::Bytes(b) => b,
        Body::Copied(copied) => match copied.bytes() {
            Some(b) => b.clone(),
            None => return stream(status, path, copied).await,
        },
    };
    let content_type = content_type(path);
    if content_type.starts_with("text/html") {
        return send_html(status, bytes.to_vec(), overlay, tag);
    }
    respond(status, content_type, HttpBody::from(bytes))
}

/// A large copied file, streamed from disk when it is still the file the
/// build captured (large pages get no overlay: they are not read whole).
async fn stream(status: StatusCode, path: &str, copied: Arc<Copied>) -> Response {
    let len = copied.len();
    let opened = tokio::task::spawn_blocking(move || copied.open()).await;
    let Ok(Ok(file)) = opened else {
        return respond(
            StatusCode::NOT_FOUND,
            "text/plain; charset=utf-8",
            HttpBody::from("this file changed or was removed since the last build\n"),
        );
    };
    let mut r = respond(
        status,
        content_type(path),
        HttpBody::from_stream(files::stream(file, len)),
    );
    r.headers_mut()
        .insert(header::CONTENT_LENGTH, HeaderValue::from(len));
    r
}

/// An HTML page with the live-reload script, the overlay when there is
/// one, and the editor's tag with `--edit`, added before `</body>`: the
/// page itself is the one `build` writes.
fn send_html(
    status: StatusCode,
    page: Vec<u8>,
    overlay: Option<Arc<str>>,
    tag: Option<String>,
) -> Response {
    let mut html = String::from_utf8_lossy(&page).into_owned();
    let at = html.rfind("</body>").unwrap_or(html.len());
    html.insert_str(at, RELOAD_TAG);
    if let Some(tag) = tag {
        html.insert_str(at, &tag);
    }
    if let Some(overlay) = overlay {
        html.insert_str(at, &overlay);
    }
    respond(status, "text/html; charset=utf-8", HttpBody::from(html))
}

/// What is shown before the first good build.
fn placeholder(failed: bool, messages: &Messages) -> String {
    let id = if failed {
        "serve-placeholder-failed"
    } else {
        "serve-placeholder-building"
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>bitimger serve</title></head>\n<body><p>{}</p></body></html>\n",
        messages.lang().code(),
        escape_html(&messages.text(id, &[])),
    )
}

/// The overlay listing the problems of a failed build: the same text as
/// the terminal shows, escaped, in a fixed panel over the page.
pub(crate) fn overlay(text: &str, errors: usize, messages: &Messages) -> String {
    let title = messages.text("serve-panel-title", &[("errors", errors.into())]);
    format!(
        "<link rel=\"stylesheet\" href=\"/__bitimger/overlay.css\"><div id=\"bitimger-overlay\" role=\"alert\" lang=\"{}\"><p class=\"bitimger-title\">{}</p><pre>{}</pre><button type=\"button\" id=\"bitimger-close\">{}</button></div>",
        messages.lang().code(),
        escape_html(&title),
        escape_html(text.trim_end()),
        escape_html(&messages.text("serve-panel-hide", &[])),
    )
}

/// The live-reload stream of one tab. Each holds a connection for as long
/// as the tab is open, so their number is capped: a flood of them cannot
/// take every connection the server allows.
async fn events(State(shared): State<Arc<Shared>>) -> Response {
    let Ok(permit) = shared.event_streams.clone().try_acquire_owned() else {
        return respond(
            StatusCode::SERVICE_UNAVAILABLE,
            "text/plain; charset=utf-8",
            HttpBody::from("too many open tabs: close some, then reload this one\n"),
        );
    };
    let rx = shared.reload.subscribe();
    let stream = futures_util::stream::unfold((rx, permit), |(mut rx, permit)| async move {
        let reload = match rx.recv().await {
            Ok(r) => r,
            Err(RecvError::Lagged(_)) => Reload::All,
            Err(RecvError::Closed) => return None,
        };
        Some((Ok::<Event, Infallible>(reload_event(&reload)), (rx, permit)))
    });
    sse(stream)
}

fn sse<S: Stream<Item = Result<Event, Infallible>> + Send + 'static>(stream: S) -> Response {
    let mut r = Sse::new(stream)
        .keep_alive(KeepAlive::default())
        .into_response();
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

fn reload_event(reload: &Reload) -> Event {
    let data = match reload {
        Reload::All => serde_json::json!({ "all": true }),
        Reload::Paths(paths) => serde_json::json!({ "paths": paths.as_slice() }),
    };
    Event::default().event("reload").data(data.to_string())
}

async fn status(State(shared): State<Arc<Shared>>) -> Response {
    let json = {
        let served = shared.read();
        serde_json::json!({
            "builds": served.builds,
            "busy": served.busy,
            "failed": served.overlay.is_some(),
            "files": served.files.len(),
        })
    };
    respond(
        StatusCode::OK,
        "application/json",
        HttpBody::from(json.to_string()),
    )
}

#[cfg(test)]
mod tests;
