//! How a browser reads a URL written in content (a Markdown link or image,
//! an attribute of raw HTML), so that bitimger decides what a page loads
//! or links to exactly as the reader's browser will.
//!
//! A string check (`starts_with("https:")`) is not enough: browsers strip
//! tabs and newlines anywhere in a URL, trim spaces and control characters
//! at its ends, read `\` as `/` in web addresses, and take `//host`,
//! `/\host` or `\\host` as another host. So every URL is resolved with the
//! WHATWG URL parser (the `url` crate, the standard browsers follow)
//! against a placeholder page, and it is "this site" only when it stays on
//! the placeholder host. Character references (`&#x09;`, `&colon;`) were
//! already decoded by the HTML parser or pulldown-cmark before a URL gets
//! here, as the browser decodes them before it reads the URL.
//!
//! Layer 3 (content): imports nothing of the crate.

use std::sync::OnceLock;

use url::Url;

/// Two placeholder pages on two hosts: a relative URL stays on both hosts,
/// one that names a host (`//site.invalid/x`) cannot stay on both.
const BASES: [&str; 2] = [
    "https://a.site.invalid/page/",
    "https://b.site.invalid/page/",
];

/// Where a URL written in content leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Target {
    /// A file or page of this site: a relative or root-relative path, `#part`, `?query`.
    Own,
    /// An address on another host (`https://…`, `http://…`, `//host/…`, `/\host/…`).
    Web,
    /// An e-mail address or a phone number (`mailto:`, `tel:`).
    Contact,
    /// Any other scheme, lower case: `javascript`, `data`, `vbscript`, `file` ...
    Unsafe(String),
    /// Nothing a browser can follow (`http://[`, `https:`).
    Invalid,
}

impl Target {
    /// A link a reader may follow: this site, another web site, e-mail, phone.
    pub(crate) fn is_safe_link(&self) -> bool {
        matches!(self, Target::Own | Target::Web | Target::Contact)
    }
}

/// Reads `raw` as a browser does on a page of this site.
pub(crate) fn classify(raw: &str) -> Target {
    if plainly_relative(raw) {
        return Target::Own;
    }
    match Url::parse(raw) {
        Ok(url) => by_scheme(&url),
        Err(url::ParseError::RelativeUrlWithoutBase) => relative(raw),
        Err(_) => Target::Invalid,
    }
}

/// A path relative to the page that no browser can read otherwise
/// (`../news/index.html`, `photos/1.jpg#x`): no `:` (no scheme), no `\\`,
/// no blank or control character, and not starting with `/` (no `//host`).
/// Most links of a site are such paths; they skip the parser.
fn plainly_relative(raw: &str) -> bool {
    !raw.is_empty()
        && !raw.starts_with('/')
        && raw
            .bytes()
            .all(|b| b >= 0x80 || b.is_ascii_graphic() && !matches!(b, b':' | b'\\'))
}

/// A URL without a scheme: this site's, unless it names a host of its own.
fn relative(raw: &str) -> Target {
    static PARSED: OnceLock<Vec<Url>> = OnceLock::new();
    let bases = PARSED.get_or_init(|| BASES.iter().filter_map(|b| Url::parse(b).ok()).collect());
    if bases.len() != BASES.len() {
        return Target::Invalid;
    }
    let mut resolved = Vec::with_capacity(bases.len());
    for base in bases {
        match base.join(raw) {
            Ok(url) => resolved.push((base, url)),
            Err(_) => return Target::Invalid,
        }
    }
    let stays = resolved.iter().all(|(base, url)| {
        url.scheme() == base.scheme()
            && url.host_str() == base.host_str()
            && url.port() == base.port()
            && url.username().is_empty()
            && url.password().is_none()
    });
    match resolved.first() {
        _ if stays => Target::Own,
        Some((_, url)) => by_scheme(url),
        None => Target::Invalid,
    }
}

fn by_scheme(url: &Url) -> Target {
    match url.scheme() {
        "http" | "https" => Target::Web,
        "mailto" | "tel" => Target::Contact,
        other => Target::Unsafe(other.to_string()),
    }
}

/// The URLs of a `srcset` attribute (`a.jpg 1x, b.jpg 2x`), read as the
/// HTML standard says: a URL runs to the next space, commas at its end
/// end the candidate, and descriptors run to a comma outside brackets.
pub(crate) fn srcset_urls(srcset: &str) -> Vec<&str> {
    let is_space = |c: char| matches!(c, ' ' | '\t' | '\n' | '\x0c' | '\r');
    let mut urls = Vec::new();
    let mut rest = srcset;
    loop {
        rest = rest.trim_start_matches(|c| is_space(c) || c == ',');
        if rest.is_empty() {
            return urls;
        }
        let end = rest.find(is_space).unwrap_or(rest.len());
        let (url, after) = rest.split_at(end);
        let trimmed = url.trim_end_matches(',');
        urls.push(trimmed);
        rest = after;
        if trimmed.len() < url.len() {
            continue;
        }
        // Skip the descriptors, up to a comma outside brackets.
        let mut depth = 0usize;
        let mut cut = rest.len();
        for (i, c) in rest.char_indices() {
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                ',' if depth == 0 => {
                    cut = i;
                    break;
                }
                _ => {}
            }
        }
        rest = &rest[cut..];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quick_path_agrees_with_the_parser() {
        // Every string of up to three characters from an alphabet of the
        // characters that matter to a URL: where the quick test says "this
        // site", so does the parser.
        let alphabet = [
            "a", ".", "/", "\\", ":", "#", "?", "@", "%", " ", "\t", "ж", "j", "%2F", "&",
        ];
        let mut checked = 0;
        for a in alphabet {
            for b in alphabet {
                for c in alphabet {
                    let raw = format!("{a}{b}{c}");
                    if plainly_relative(&raw) {
                        checked += 1;
                        let parsed = match Url::parse(&raw) {
                            Ok(url) => by_scheme(&url),
                            Err(url::ParseError::RelativeUrlWithoutBase) => relative(&raw),
                            Err(_) => Target::Invalid,
                        };
                        assert_eq!(parsed, Target::Own, "{raw:?}");
                    }
                }
            }
        }
        assert!(checked > 500, "{checked}");
        for raw in [
            "javascript:x",
            "//evil",
            "/\\evil",
            "a\tb",
            "",
            "java\nscript:x",
            "a b",
        ] {
            assert!(!plainly_relative(raw), "{raw:?}");
        }
    }

    #[test]
    fn relative_paths_and_fragments_are_this_site() {
        for own in [
            "a.png",
            "../../media/a.jpg",
            "/kk/index.html",
            "#top",
            "?x=1",
            "",
            "images\\a.png",
            "  a.png  ",
            "/x/\\@evil.example",
        ] {
            assert_eq!(classify(own), Target::Own, "{own:?}");
        }
    }

    #[test]
    fn every_way_of_naming_another_host_is_another_host() {
        for web in [
            "https://evil.example/t.png",
            "HTTP://evil.example/t.png",
            "//evil.example/t.png",
            "/\\evil.example/t.png",
            "\\\\evil.example\\t.png",
            "\\/evil.example/t.png",
            "ht\ttps://evil.example/t.png",
            "/\t/evil.example/t.png",
            "/\n/evil.example/t.png",
            " \u{1}//evil.example/t.png",
            "https:evil.example/t.png",
            "//a.site.invalid/t.png",
            "//user@a.site.invalid/t.png",
        ] {
            assert_eq!(classify(web), Target::Web, "{web:?}");
        }
        // Browsers read `///host` as `//host`; the url crate finds no host
        // in it. Either way it is not this site's, so it is never loaded.
        assert_ne!(classify("///evil.example/t.png"), Target::Own);
        // Percent-encoded backslashes stay in the path: no other host.
        assert_eq!(classify("/%5Cevil.example/t.png"), Target::Own);
    }

    #[test]
    fn script_and_data_schemes_are_unsafe_however_written() {
        for bad in [
            "javascript:alert(1)",
            "JAVASCRIPT:alert(1)",
            "jav\tascript:alert(1)",
            "java\nscript:alert(1)",
            "  \u{0}\u{1f}javascript:alert(1)",
            "\u{8}javascript:alert(1)",
        ] {
            assert_eq!(
                classify(bad),
                Target::Unsafe("javascript".into()),
                "{bad:?}"
            );
        }
        assert_eq!(
            classify("data:image/png;base64,AAAA"),
            Target::Unsafe("data".into())
        );
        assert_eq!(classify("vbscript:x"), Target::Unsafe("vbscript".into()));
        assert_eq!(classify("mailto:a@b.kz"), Target::Contact);
        assert_eq!(classify("TEL:+77001234567"), Target::Contact);
        assert_eq!(classify("http://["), Target::Invalid);
    }

    #[test]
    fn srcset_is_split_like_browsers_do() {
        assert_eq!(
            srcset_urls("a.jpg 1x, https://evil.example/b.jpg 2x"),
            ["a.jpg", "https://evil.example/b.jpg"]
        );
        assert_eq!(srcset_urls("a.jpg,b.jpg"), ["a.jpg,b.jpg"]);
        assert_eq!(srcset_urls("a.jpg, b.jpg"), ["a.jpg", "b.jpg"]);
        assert_eq!(
            srcset_urls(" ,a.jpg 100w (x, y), //e/c.jpg"),
            ["a.jpg", "//e/c.jpg"]
        );
        assert!(srcset_urls(" , ").is_empty());
    }
}
