//! The school's logo (site.yaml `style.logo`), published under a name of
//! its own, `assets/logo.<ext>`, for the header of every page and the
//! poster. An SVG is published as it is once `content::svg` found that it
//! only draws (else the error `style/logo-active`, at its line); another
//! picture is re-encoded like photos by `images` (bounded to
//! [`LOGO_SIDE`] pixels, without metadata). The file itself is never
//! copied from static/.
//!
//! Layer 4 (render): imports `config`, `content::svg`, `diag`, `fs`.

use std::path::Path;

use serde::Serialize;

use super::images::ImageMap;
use super::{Env, OutputFile};
use crate::config::Logo;
use crate::content::svg;
use crate::diag::{Diagnostic, Diagnostics, Location};
use crate::types::Resolved;

/// The longest side of a published logo that is not SVG, in pixels: about
/// three times its size in the header, enough for the poster.
pub(super) const LOGO_SIDE: u32 = 512;

/// An SVG logo larger than this is refused: it is loaded on every page.
const MAX_SVG: u64 = 512 * 1024;

/// The logo as published.
#[derive(Debug, Clone)]
pub(crate) struct Published {
    /// Output path, `assets/logo.svg`.
    path: String,
    /// Its size in pixels (of an SVG, its `viewBox`), when known.
    size: Option<(u32, u32)>,
}

/// What templates see: `site.logo`.
#[derive(Serialize)]
pub(super) struct LogoView<'a> {
    /// Relative to the page.
    src: String,
    /// The school's name (the publisher's, else the school's of a school
    /// site's club, else the site's title).
    alt: Resolved<'a>,
    width: Option<u32>,
    height: Option<u32>,
}

/// The site's logo, published: an SVG here (with its file), a picture
/// from what `images` made of it. `None` when the site has none, or it
/// cannot be shown (the problem is in `diags`).
pub(super) fn publish_logo(
    logo: Option<&Logo>,
    images: &ImageMap,
    diags: &mut Diagnostics,
) -> (Option<Published>, Option<OutputFile>) {
    let Some(logo) = logo else {
        return (None, None);
    };
    if !logo.is_svg() {
        let published = images.get(&logo.file).map(|info| Published {
            path: info.path.clone(),
            size: Some((info.width, info.height)),
        });
        return (published, None);
    }
    match checked_svg(logo) {
        Ok((text, size)) => {
            let path = "assets/logo.svg".to_string();
            let published = Published {
                path: path.clone(),
                size,
            };
            let file = OutputFile::Bytes {
                path,
                bytes: text.into_bytes(),
            };
            (Some(published), Some(file))
        }
        Err(d) => {
            diags.push(d);
            (None, None)
        }
    }
}

/// The SVG's text and size, when it can be read and only draws.
fn checked_svg(logo: &Logo) -> Result<(String, Option<(u32, u32)>), Diagnostic> {
    let size = std::fs::metadata(&logo.file).map_or(0, |m| m.len());
    if size > MAX_SVG {
        return Err(Diagnostic::error(
            "style/logo",
            format!(
                "the logo `{}` is {} KB; an SVG logo is at most {} KB, as every page loads it",
                logo.written,
                size / 1024,
                MAX_SVG / 1024
            ),
        )
        .words("style-logo-too-large")
        .arg("path", &logo.written)
        .arg("size", size / 1024)
        .arg("max", MAX_SVG / 1024)
        .at(logo.at.clone())
        .help("save it again from the drawing program as plain (optimised) SVG, or as PNG"));
    }
    let text = crate::fs::read_text(&logo.file).map_err(|d| unreadable(logo, &d))?;
    let inspected = svg::inspect(&text);
    match inspected.active {
        None => Ok((text, inspected.size)),
        // Broken XML is a logo that cannot be read, as a broken PNG is.
        Some((_, svg::Active::Unreadable(why))) => {
            Err(unreadable(logo, &Diagnostic::error("style/logo", why)))
        }
        Some((line, what)) => Err(active(&logo.file, line, &what)),
    }
}

/// An SVG logo that could run scripts, at its line.
fn active(file: &Path, line: usize, what: &svg::Active) -> Diagnostic {
    let (key, detail, element) = what.key();
    Diagnostic::error(
        "style/logo-active",
        format!(
            "this logo could run scripts or load files from other sites when it is opened: it has {}",
            what.english()
        ),
    )
    .words("style-logo-active")
    .arg("what", key)
    .arg("detail", detail)
    .arg("element", element)
    .at(Location::at(file, line, 1))
    .help("remove that part in the drawing program (or save the logo as PNG) and build again")
}

/// A logo that cannot be read or decoded (`why`, the problem reading it
/// gave), at `logo:` in site.yaml.
pub(super) fn unreadable(logo: &Logo, why: &Diagnostic) -> Diagnostic {
    // The reading's own words name the reason (the decoder's, in English);
    // the message around it is the logo's.
    let reason = why
        .words
        .as_ref()
        .and_then(|w| w.args.iter().find(|(k, _)| *k == "error"))
        .map_or_else(|| why.message.clone(), |(_, v)| v.clone());
    Diagnostic::error(
        "style/logo",
        format!("the logo `{}` cannot be read: {reason}", logo.written),
    )
    .words("style-logo-unreadable")
    .arg("path", &logo.written)
    .arg("error", &reason)
    .at(logo.at.clone())
    .help("open the logo in an image editor and save it again as SVG or PNG, e.g. static/logo.svg, and write logo: static/logo.svg")
}

impl Published {
    /// `site.logo` of a page.
    pub(super) fn view<'a>(&self, env: &'a Env<'a>) -> LogoView<'a> {
        let config = &env.site.config;
        let school = super::pages::Layout::of(env.site)
            .home_club()
            .map(|c| &c.school.name);
        let name = config
            .publisher
            .as_ref()
            .map(|p| &p.name)
            .or(school)
            .unwrap_or(&config.title);
        LogoView {
            src: format!("{}{}", env.root, self.path),
            alt: env.text(name),
            width: self.size.map(|s| s.0),
            height: self.size.map(|s| s.1),
        }
    }
}
