//! Request paths (folders, encodings, every form of traversal), content
//! types, and the overlay's escaping.

use super::*;

#[test]
fn folders_serve_their_index() {
    assert_eq!(resolve_path("/").unwrap(), "index.html");
    assert_eq!(resolve_path("/kk/").unwrap(), "kk/index.html");
    assert_eq!(
        resolve_path("/kk/clubs/senim/").unwrap(),
        "kk/clubs/senim/index.html"
    );
    assert_eq!(resolve_path("/style.css").unwrap(), "style.css");
    assert_eq!(resolve_path("/kk").unwrap(), "kk");
}

#[test]
fn decodes_percent_encoding_once() {
    assert_eq!(resolve_path("/kk/%D0%B0.html").unwrap(), "kk/а.html");
}

#[test]
fn refuses_every_form_of_traversal() {
    for raw in [
        "/../etc/passwd",
        "/kk/../../etc/passwd",
        "/%2e%2e/etc/passwd",
        "/%2E%2E/%2E%2E/etc/passwd",
        "/.%2e/etc/passwd",
        "/%252e%252e/etc/passwd",
        "/..%2fetc%2fpasswd",
        "/..%252fetc",
        "/..\\etc\\passwd",
        "/%5c..%5cetc",
        "/kk/./index.html",
        "/kk%00.html",
    ] {
        assert_eq!(resolve_path(raw), Err(Refusal::Traversal), "{raw}");
    }
}

#[test]
fn refuses_malformed_encoding() {
    assert_eq!(resolve_path("/%ff%fe"), Err(Refusal::Malformed));
}

#[test]
fn knows_the_content_types_of_the_output() {
    assert_eq!(content_type("kk/index.html"), "text/html; charset=utf-8");
    assert_eq!(content_type("style.css"), "text/css; charset=utf-8");
    assert_eq!(content_type("data/clubs.json"), "application/json");
    assert_eq!(content_type("media/a/b.JPG"), "image/jpeg");
    assert_eq!(content_type("documents/order.pdf"), "application/pdf");
    assert_eq!(
        content_type("kk/news/atom.xml"),
        "application/xml; charset=utf-8"
    );
    assert_eq!(content_type("LICENSE"), "application/octet-stream");
}

#[test]
fn the_overlay_escapes_the_problems() {
    let html = overlay(
        "error: <script>alert(1)</script> in club.yaml",
        1,
        &Messages::new(crate::messages::Lang::En),
    );
    assert!(!html.contains("<script>"));
    assert!(html.contains("&lt;script&gt;"));
}
