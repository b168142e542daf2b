//! QR codes of a club's feedback links, for its poster, as inline SVG.
//!
//! Encoding is `content::club::poster_qr` (the `qrcode` crate, with the
//! mask chosen on bit rows: scoring masks module by module was the largest
//! cost of a directory build). The SVG is drawn here from the module matrix with
//! one path segment per horizontal run of dark modules, which keeps a code
//! about four times smaller than one rectangle per module.

use std::sync::OnceLock;

use serde::Serialize;

use crate::content::club::QrMatrix;
use crate::content::{Club, Site};

/// Every club's QR codes, made on first use and shared by the poster's
/// languages (the links are the same in all of them).
pub(crate) struct QrCache {
    codes: Vec<OnceLock<tera::Value>>,
}

impl QrCache {
    /// An empty cache for the clubs of `site`.
    pub(crate) fn new(site: &Site) -> Self {
        QrCache {
            codes: site.clubs.iter().map(|_| OnceLock::new()).collect(),
        }
    }

    /// The QR codes of `club`, as the template value `qr`.
    pub(crate) fn codes(&self, site: &Site, club: &Club) -> tera::Value {
        let make = || super::pages::json(&poster_codes(club));
        match site.clubs.binary_search_by(|c| c.slug.cmp(&club.slug)) {
            Ok(i) if i < self.codes.len() => self.codes[i].get_or_init(make).clone(),
            _ => make(),
        }
    }
}

/// Quiet zone around a code, in modules (the standard asks for four).
const QUIET: usize = 4;

/// A QR code of a poster.
#[derive(Serialize)]
pub(crate) struct QrView {
    kind: &'static str,
    label_key: &'static str,
    href: String,
    url: String,
    svg: String,
}

/// QR codes (SVG) for each feedback link of a club.
pub(crate) fn poster_codes(club: &Club) -> Vec<QrView> {
    club.feedback
        .iter()
        .filter_map(|f| {
            // A link too long for a code is left out; loading the club
            // warned about it (`poster/link-too-long`).
            let code = crate::content::club::poster_qr(&f.url.url)?;
            let display = f
                .url
                .url
                .trim_start_matches("https://")
                .trim_start_matches("mailto:")
                .trim_start_matches("tel:");
            Some(QrView {
                kind: f.kind.key(),
                label_key: f.kind.label_key(),
                href: f.url.url.clone(),
                url: display.trim_end_matches('/').to_string(),
                svg: svg(&code),
            })
        })
        .collect()
}

/// The code as an SVG element, black on white, 4 px per module by default
/// (the theme's style sheet scales it).
fn svg(code: &QrMatrix) -> String {
    let n = code.width;
    let side = n + 2 * QUIET;
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" aria-hidden=\"true\" focusable=\"false\" width=\"{px}\" height=\"{px}\" viewBox=\"0 0 {side} {side}\" shape-rendering=\"crispEdges\"><rect width=\"{side}\" height=\"{side}\" fill=\"#ffffff\"/><path fill=\"#000000\" d=\"",
        px = side * 4
    );
    for y in 0..n {
        let mut x = 0;
        while x < n {
            if !code.dark(x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while x < n && code.dark(x, y) {
                x += 1;
            }
            // `M{x} {y}h{run}v1h-{run}z`, written without the formatting
            // machinery: a code has hundreds of runs, and a poster a few codes.
            let run = x - start;
            out.push('M');
            push_number(&mut out, start + QUIET);
            out.push(' ');
            push_number(&mut out, y + QUIET);
            out.push('h');
            push_number(&mut out, run);
            out.push_str("v1h-");
            push_number(&mut out, run);
            out.push('z');
        }
    }
    out.push_str("\"/></svg>");
    out
}

/// Appends `n` in decimal digits.
fn push_number(out: &mut String, n: usize) {
    out.push_str(itoa::Buffer::new().format(n));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rasterizes the SVG path back into pixels and decodes it, so the
    /// drawing (not only the encoder) is checked.
    fn decode_svg(svg: &str) -> Option<String> {
        let side: usize = svg
            .split("viewBox=\"0 0 ")
            .nth(1)?
            .split(' ')
            .next()?
            .parse()
            .ok()?;
        let mut dark = vec![false; side * side];
        let d = svg.split(" d=\"").nth(1)?.split('"').next()?;
        for seg in d.split('M').filter(|s| !s.is_empty()) {
            let (xy, rest) = seg.split_once('h')?;
            let (x, y) = xy.split_once(' ')?;
            let (x, y): (usize, usize) = (x.parse().ok()?, y.parse().ok()?);
            let len: usize = rest.split('v').next()?.parse().ok()?;
            for i in x..x + len {
                dark[y * side + i] = true;
            }
        }
        let scale = 4;
        let mut img =
            rqrr::PreparedImage::prepare_from_greyscale(side * scale, side * scale, |x, y| {
                if dark[(y / scale) * side + x / scale] {
                    0
                } else {
                    255
                }
            });
        let grids = img.detect_grids();
        grids.first()?.decode().ok().map(|(_, text)| text)
    }

    #[test]
    fn poster_codes_decode_to_their_links() {
        for url in [
            "https://forms.example.kz/gym1-senim/question",
            "https://docs.google.com/forms/d/e/1FAIpQLSd-very-long-form-identifier-0123456789/viewform?usp=sf_link",
            "mailto:senim.gym1@example.kz",
        ] {
            let code = crate::content::club::poster_qr(url).unwrap();
            assert_eq!(decode_svg(&svg(&code)).as_deref(), Some(url));
        }
    }

    #[test]
    fn the_byte_capacity_is_where_codes_stop() {
        let url = |n: usize| format!("https://forms.example.kz/{}", "a".repeat(n - 25));
        assert!(crate::content::club::poster_qr(&url(2331)).is_some());
        assert!(crate::content::club::poster_qr(&url(2332)).is_none());
    }
}
