//! Who may use the editor: the browser of the teacher who started `serve
//! --edit`. The terminal prints an address with a random token (32 bytes
//! from the system's generator); its first visit trades it for a cookie
//! that scripts cannot read (HttpOnly) and other sites cannot make the
//! browser send (SameSite=Strict). Every editor request needs the cookie;
//! every write also needs Host and Origin to be the loopback address the
//! server listens on, so a page of another site cannot post a form here.
//!
//! Layer 8: part of `editor`.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::messages::Messages;

/// The cookie's name.
pub(crate) const COOKIE: &str = "bitimger_edit";

/// Where the editor's own routes live.
pub(crate) const PREFIX: &str = "/__bitimger/edit/";

/// The editor's script and style sheet, served to anyone (they hold
/// nothing of the site).
pub(crate) const ASSET_JS: &str = "/__bitimger/edit/editor.js";
pub(crate) const ASSET_CSS: &str = "/__bitimger/edit/editor.css";
pub(crate) const ASSET_ICON: &str = "/__bitimger/edit/icon.svg";

/// The token and the addresses a write may come from.
pub(crate) struct Guard {
    token: String,
    /// `127.0.0.1:1111`, `localhost:1111` …: the Host values allowed.
    hosts: Vec<String>,
    pub(crate) messages: Messages,
}

impl Guard {
    /// A guard with a fresh token, for a server listening on `addr`.
    pub(crate) fn new(addr: SocketAddr, messages: Messages) -> std::io::Result<Guard> {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes).map_err(|e| std::io::Error::other(e.to_string()))?;
        let token = bytes.iter().map(|b| format!("{b:02x}")).collect();
        Ok(Guard::with_token(addr, token, messages))
    }

    fn with_token(addr: SocketAddr, token: String, messages: Messages) -> Guard {
        let port = addr.port();
        let mut hosts = vec![addr.to_string(), format!("localhost:{port}")];
        if addr.is_ipv4() {
            hosts.push(format!("127.0.0.1:{port}"));
        }
        Guard {
            token,
            hosts,
            messages,
        }
    }

    /// The token, for the address printed in the terminal.
    pub(crate) fn token(&self) -> &str {
        &self.token
    }

    fn is_token(&self, given: &str) -> bool {
        // Compared in constant time: every byte is looked at.
        given.len() == self.token.len()
            && given
                .bytes()
                .zip(self.token.bytes())
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                == 0
    }

    /// Whether the request carries the cookie.
    pub(crate) fn has_cookie(&self, headers: &HeaderMap) -> bool {
        headers
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .filter_map(|pair| pair.trim().split_once('='))
            .any(|(name, value)| name == COOKIE && self.is_token(value))
    }

    /// Whether Host and Origin name this server on loopback.
    pub(crate) fn same_origin(&self, headers: &HeaderMap) -> bool {
        let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
        let origin = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok());
        let Some(host) = host.filter(|h| self.hosts.iter().any(|a| a == h)) else {
            return false;
        };
        origin.is_some_and(|o| o == format!("http://{host}"))
    }
}

/// The middleware: trades `?token=` for the cookie on any page, and lets
/// through to the editor's routes only requests with the cookie (and, for
/// writes, the right Host and Origin).
pub(crate) async fn check(
    State(guard): State<Arc<Guard>>,
    request: Request,
    next: Next,
) -> Response {
    let uri = request.uri().clone();
    if let Some(given) = uri.query().and_then(token_in) {
        if !guard.is_token(&given) {
            return refuse(&guard, StatusCode::FORBIDDEN, "edit-bad-token");
        }
        let mut r = StatusCode::SEE_OTHER.into_response();
        let cookie = format!(
            "{COOKIE}={}; HttpOnly; SameSite=Strict; Path=/",
            guard.token
        );
        if let Ok(v) = HeaderValue::from_str(&cookie) {
            r.headers_mut().insert(header::SET_COOKIE, v);
        }
        if let Ok(v) = HeaderValue::from_str(uri.path()) {
            r.headers_mut().insert(header::LOCATION, v);
        }
        return r;
    }
    let asset = [ASSET_JS, ASSET_CSS, ASSET_ICON].contains(&uri.path());
    if !uri.path().starts_with(PREFIX) || asset {
        return next.run(request).await;
    }
    if !guard.has_cookie(request.headers()) {
        return refuse(&guard, StatusCode::FORBIDDEN, "edit-no-cookie");
    }
    let writes = !matches!(*request.method(), Method::GET | Method::HEAD);
    if writes && !guard.same_origin(request.headers()) {
        return refuse(&guard, StatusCode::FORBIDDEN, "edit-bad-origin");
    }
    next.run(request).await
}

/// The value of `token=` in a query.
fn token_in(query: &str) -> Option<String> {
    query
        .split('&')
        .find_map(|pair| pair.strip_prefix("token="))
        .map(str::to_string)
}

fn refuse(guard: &Guard, status: StatusCode, id: &str) -> Response {
    let text = guard.messages.text(id, &[]);
    let mut r = (status, format!("{text}\n")).into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::Lang;

    fn guard() -> Guard {
        let addr: SocketAddr = "127.0.0.1:1111".parse().unwrap();
        Guard::with_token(addr, "ab".repeat(32), Messages::new(Lang::En))
    }

    fn headers(pairs: &[(header::HeaderName, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(k, HeaderValue::from_str(v).unwrap());
        }
        h
    }

    #[test]
    fn the_cookie_must_hold_the_token() {
        let g = guard();
        let good = format!("a=b; {COOKIE}={}", "ab".repeat(32));
        assert!(g.has_cookie(&headers(&[(header::COOKIE, &good)])));
        let bad = format!("{COOKIE}={}", "ac".repeat(32));
        assert!(!g.has_cookie(&headers(&[(header::COOKIE, &bad)])));
        assert!(!g.has_cookie(&HeaderMap::new()));
    }

    #[test]
    fn writes_come_from_this_server_only() {
        let g = guard();
        let ok = headers(&[
            (header::HOST, "127.0.0.1:1111"),
            (header::ORIGIN, "http://127.0.0.1:1111"),
        ]);
        assert!(g.same_origin(&ok));
        let local = headers(&[
            (header::HOST, "localhost:1111"),
            (header::ORIGIN, "http://localhost:1111"),
        ]);
        assert!(g.same_origin(&local));
        for (host, origin) in [
            ("127.0.0.1:1111", "http://evil.example"),
            ("evil.example:1111", "http://evil.example:1111"),
            ("127.0.0.1:1111", "null"),
            ("127.0.0.1:2222", "http://127.0.0.1:2222"),
        ] {
            assert!(
                !g.same_origin(&headers(&[(header::HOST, host), (header::ORIGIN, origin)])),
                "{host} {origin}"
            );
        }
        assert!(!g.same_origin(&headers(&[(header::HOST, "127.0.0.1:1111")])));
    }

    #[test]
    fn tokens_are_random_and_long() {
        let addr: SocketAddr = "127.0.0.1:1".parse().unwrap();
        let a = Guard::new(addr, Messages::new(Lang::En)).unwrap();
        let b = Guard::new(addr, Messages::new(Lang::En)).unwrap();
        assert_eq!(a.token().len(), 64);
        assert_ne!(a.token(), b.token());
    }
}
