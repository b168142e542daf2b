//! Request paths of the preview: which served file a path names (its
//! folders' index.html), refusing every way out of the site (`..`,
//! encoded or double encoded, backslashes, NUL), and the content type of
//! an output file by its extension.
//!
//! Layer 7: part of `serve` (`http`).

/// Why a request path is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// It tries to leave the site (`..`, `.`, backslashes, encoded forms).
    Traversal,
    /// It is not valid percent-encoded UTF-8.
    Malformed,
}

/// The served file a request path names: `/kk/` → `kk/index.html`,
/// `/kk/clubs/senim/` → `kk/clubs/senim/index.html`, `/style.css` →
/// `style.css`. Refuses `..` and `.` segments, backslashes, NUL and any
/// percent sign left after decoding once (double encoding).
pub fn resolve_path(raw: &str) -> Result<String, Refusal> {
    let lower = raw.to_ascii_lowercase();
    if raw.contains('\\') || lower.contains("%5c") || lower.contains("%00") {
        return Err(Refusal::Traversal);
    }
    let decoded = percent_encoding::percent_decode_str(raw)
        .decode_utf8()
        .map_err(|_| Refusal::Malformed)?;
    if decoded.contains(['%', '\\', '\0']) {
        return Err(Refusal::Traversal);
    }
    let mut parts = Vec::new();
    for segment in decoded.split('/') {
        match segment {
            "" => {}
            "." | ".." => return Err(Refusal::Traversal),
            s => parts.push(s),
        }
    }
    let mut key = parts.join("/");
    if decoded.ends_with('/') || key.is_empty() {
        if !key.is_empty() {
            key.push('/');
        }
        key.push_str("index.html");
    }
    Ok(key)
}

/// The content type of an output file, by its extension.
pub(crate) fn content_type(path: &str) -> &'static str {
    let ext = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    match ext.as_deref() {
        Some("html" | "htm") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("xml") => "application/xml; charset=utf-8",
        Some("atom") => "application/atom+xml; charset=utf-8",
        Some("json") => "application/json",
        Some("csv") => "text/csv; charset=utf-8",
        Some("txt") => "text/plain; charset=utf-8",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("webp") => "image/webp",
        Some("gif") => "image/gif",
        Some("ico") => "image/x-icon",
        Some("pdf") => "application/pdf",
        Some("woff2") => "font/woff2",
        Some("woff") => "font/woff",
        _ => "application/octet-stream",
    }
}
