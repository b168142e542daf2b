//! Where a link of a published page leads, as a browser reads it: another
//! site, a file of the output (with its `#fragment`), or out of the site's
//! folder. For the link rule, which resolves every link of every page.
//!
//! Most links are plain relative paths (`../news/index.html#top`); they
//! are joined to the page's folder by a few string steps that give what
//! the URL parser gives (a test compares both on random links). Anything
//! else goes through the `url` crate.
//!
//! Layer 5 (part of `rules`).

use crate::content::urls;

/// Where a link leads inside the output: the file and the fragment.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Target {
    /// Not a file of this site (another site, e-mail, phone).
    External,
    /// A path of the output and an optional fragment.
    Internal(String, Option<String>),
    /// Climbs out of the site's folder.
    Outside,
}

/// A page links are resolved from, made once per page.
pub(super) struct From {
    url: Option<url::Url>,
    /// The page's folders on its host (`["sub", "kk", "news"]`), when its
    /// path is plain (see [`plain`]).
    folders: Option<Vec<String>>,
}

/// The page at `page` (an output path); `base_path` is the site's path on
/// its host (`/`, or `/sub/` from base_url).
pub(super) fn page_from(page: &str, base_path: &str) -> From {
    let full = format!("{base_path}{page}");
    let folders = (full.starts_with('/') && plain(&full[1..])).then(|| {
        let mut folders: Vec<String> = full[1..].split('/').map(str::to_string).collect();
        folders.pop();
        folders
    });
    From {
        url: page_url(page, base_path),
        folders,
    }
}

/// The address of the page at `page` on a stand-in host; `None` when the
/// path cannot be an address.
fn page_url(page: &str, base_path: &str) -> Option<url::Url> {
    let origin = url::Url::parse("http://site.invalid/").ok()?;
    origin.join(base_path).and_then(|b| b.join(page)).ok()
}

/// True for text the URL parser keeps as it is in a path and a fragment:
/// ASCII letters, digits, `-`, `_`, `.`, `~` and `/`.
fn plain(s: &str) -> bool {
    s.bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b'/'))
}

/// Resolves `href` on the page `from`.
pub(super) fn resolve_from(from: &From, href: &str, base_path: &str) -> Target {
    if let Some(folders) = &from.folders
        && let Some(target) = join_plain(folders, href, base_path)
    {
        return target;
    }
    // A written-out scheme is never this site's own (no need to parse the
    // address to know); `//host`, `/\host`, `ht\ttps:` ...: read as the
    // browser reads them.
    const SCHEMES: [&str; 4] = ["https://", "http://", "mailto:", "tel:"];
    if SCHEMES.iter().any(|s| href.starts_with(s)) || urls::classify(href) != urls::Target::Own {
        return Target::External;
    }
    let Some(target) = from.url.as_ref().and_then(|p| p.join(href).ok()) else {
        return Target::Outside;
    };
    let decode = |s: &str| {
        percent_encoding::percent_decode_str(s)
            .decode_utf8_lossy()
            .to_string()
    };
    let path = decode(target.path());
    in_site(&path, base_path, target.fragment().map(decode))
}

/// The output file at host path `path`, when it is inside the site.
fn in_site(path: &str, base_path: &str, fragment: Option<String>) -> Target {
    let Some(rel) = path.strip_prefix(base_path) else {
        return Target::Outside;
    };
    let rel = if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel.to_string()
    };
    Target::Internal(rel, fragment.filter(|f| !f.is_empty()))
}

/// A plain relative `href` (see [`plain`]; at most one `#`, not starting
/// with `/`) joined to the page's `folders` as the URL standard joins it:
/// `.` and `..` segments removed, `..` stopping at the host's root, a path
/// ending in `/`, `.` or `..` naming a folder. `None` for any other link.
fn join_plain(folders: &[String], href: &str, base_path: &str) -> Option<Target> {
    let (path, fragment) = match href.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (href, None),
    };
    if href.is_empty() || path.starts_with('/') || !plain(path) || !fragment.is_none_or(plain) {
        return None;
    }
    if path.is_empty() {
        // `#part`: this page. Its path is not kept here.
        return None;
    }
    let mut out: Vec<&str> = folders.iter().map(String::as_str).collect();
    let mut folder = false;
    for segment in path.split('/') {
        folder = matches!(segment, "." | "..");
        match segment {
            "." => {}
            ".." => {
                out.pop();
            }
            s => out.push(s),
        }
    }
    let mut full = String::with_capacity(path.len() + 32);
    for s in &out {
        full.push('/');
        full.push_str(s);
    }
    if folder || full.is_empty() {
        full.push('/');
    }
    Some(in_site(&full, base_path, fragment.map(str::to_string)))
}

#[cfg(test)]
mod tests;
