//! Web addresses in site files: the allow-list check used by site.yaml
//! (`base_url`, `publisher.url`) and by the content loaders.
//!
//! Layer 2: imports `diag`, `types`, `yaml`.

use crate::diag::{Diagnostic, Diagnostics};
use crate::types::{SafeUrl, UrlKind, UrlProblem};
use crate::yaml::{self, Seg, Source};

/// `base_url`: a web address, ending in `/`.
pub(super) fn validate_base_url(
    url: &str,
    src: Source<'_>,
    diags: &mut Diagnostics,
) -> Option<String> {
    let safe = check_url(url, src, &[Seg::Key("base_url")], diags)?;
    if !matches!(safe.kind, UrlKind::Https | UrlKind::Http) {
        diags.push(
            Diagnostic::error(
                "site/base-url",
                "`base_url` must be a web address (https://...)",
            )
            .words("site-base-url")
            .at(yaml::locate_value(src, &[Seg::Key("base_url")])),
        );
        return None;
    }
    let mut u = safe.url;
    if !u.ends_with('/') {
        u.push('/');
    }
    Some(u)
}

/// `build --base-url URL`: the site's address for this build instead of
/// site.yaml's `base_url` (a preview under a sub-path), checked the same
/// way: a web address, ending in `/`; `http:` is warned about.
pub fn base_url_option(url: &str, diags: &mut Diagnostics) -> Option<String> {
    let safe = SafeUrl::parse(url.trim())
        .ok()
        .filter(|s| matches!(s.kind, UrlKind::Https | UrlKind::Http));
    let Some(safe) = safe else {
        diags.push(
            Diagnostic::error(
                "site/base-url",
                format!("`--base-url {url}` is not a web address"),
            )
            .words("option-base-url")
            .arg("url", url)
            .help("write the whole address the site will have, e.g. --base-url https://school.github.io/mediation/"),
        );
        return None;
    };
    if safe.kind == UrlKind::Http {
        diags.push(
            Diagnostic::warning("url/insecure", format!("`{url}` is not encrypted (http:)"))
                .words("url-insecure")
                .arg("url", url)
                .help("use the https:// address if the site has one"),
        );
    }
    let mut u = safe.url;
    if !u.ends_with('/') {
        u.push('/');
    }
    Some(u)
}

/// Checks a URL against the allow-list, reporting at `path` in `src`.
pub fn check_url(
    url: &str,
    src: Source<'_>,
    path: &[Seg<'_>],
    diags: &mut Diagnostics,
) -> Option<SafeUrl> {
    // Found only when there is something to say: finding a value reads
    // the file's YAML again.
    let at = || yaml::locate_value(src, path);
    match SafeUrl::parse(url) {
        Ok(safe) => {
            if safe.kind == UrlKind::Http {
                diags.push(
                    Diagnostic::warning(
                        "url/insecure",
                        format!("`{url}` is not encrypted (http:)"),
                    )
                    .words("url-insecure")
                    .arg("url", url)
                    .at(at())
                    .help("use the https:// address if the site has one"),
                );
            }
            Some(safe)
        }
        Err(UrlProblem::Scheme(scheme)) => {
            diags.push(
                Diagnostic::error(
                    "url/scheme",
                    format!("links starting with `{scheme}:` are not allowed"),
                )
                .words("url-scheme")
                .arg("scheme", &scheme)
                .at(at())
                .label("unsafe link")
                .help("write a web address (https://...), an e-mail (mailto:...) or a phone (tel:...)"),
            );
            None
        }
        Err(UrlProblem::Invalid) => {
            diags.push(
                Diagnostic::error(
                    "url/invalid",
                    format!("`{url}` is not a complete web address"),
                )
                .words("url-invalid")
                .arg("url", url)
                .at(at())
                .help("write the whole address, starting with https://"),
            );
            None
        }
    }
}
