//! The checks of Markdown links and images, by the same URL rules as the
//! sanitizer: an image only from this site (another site's becomes a link,
//! with a warning), a link only to a web page, an e-mail address or a
//! phone (anything else is an error).
//!
//! Part of layer 3 (`content`, in `sanitize`); imports `diag` and
//! `content::urls`.

use crate::content::urls::{self, Target};
use crate::diag::{Diagnostic, Diagnostics, Location};

/// True when a Markdown image may stay an image: a file of this site.
pub(crate) fn is_own_image(url: &str) -> bool {
    urls::classify(url) == Target::Own
}

/// Pages load nothing from other sites (no tracking of readers, and the
/// Content-Security-Policy would block it anyway): the image becomes a link.
pub(crate) fn external_image(url: &str, at: Location, diags: &mut Diagnostics) {
    diags.push(
        Diagnostic::warning(
            "markdown/external-image",
            format!("the image `{url}` is on another site, so it is shown as a link"),
        )
        .words("markdown-external-image-link")
        .arg("url", url)
        .at(at)
        .help("download the image, put it in the site's static/ folder and link it from there, e.g. ![text](../../images/photo.jpg)"),
    );
}

/// A Markdown link or image may lead to a web page, an e-mail address or
/// a phone; anything else is an error, and the sanitizer drops it.
pub(crate) fn check_link(url: &str, at: Location, diags: &mut Diagnostics) {
    match urls::classify(url) {
        Target::Own | Target::Web | Target::Contact => {}
        Target::Unsafe(scheme) => diags.push(
            Diagnostic::error(
                "markdown/unsafe-link",
                format!("links starting with `{scheme}:` are not allowed"),
            )
            .words("markdown-unsafe-link")
            .arg("scheme", &scheme)
            .at(at)
            .label("unsafe link")
            .help(
                "link to a web address (https://...), an e-mail (mailto:...) or a phone (tel:...)",
            ),
        ),
        Target::Invalid => diags.push(
            Diagnostic::warning(
                "markdown/invalid-link",
                format!("`{}` is not a complete web address, so the link was removed", url.trim()),
            )
            .words("markdown-invalid-link")
            .arg("url", url.trim())
            .at(at)
            .label("not a web address")
            .help("copy the whole address from the browser's address bar, e.g. https://example.kz/page"),
        ),
    }
}
