//! `style:` in site.yaml: a look of the school's own without templates.
//! The accent colour is checked against WCAG AA (4.5:1) on every
//! background the theme shows it on; one that fails is an error that
//! names the nearest colour that passes (the same hue, darker). The extra
//! style sheet is read here and appended after the theme's; the logo's
//! file is found here and published by `render::logo`.
//!
//! Layer 2 (part of `config`).

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diag::{Diagnostic, Diagnostics, Location};
use crate::types::IMAGE_EXTENSIONS;
use crate::yaml::{self, Seg, Source};

/// `style:` as written.
#[derive(Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawStyle {
    accent: Option<String>,
    logo: Option<String>,
    css: Option<String>,
}

/// The site's own look, checked.
#[derive(Debug, Clone, Default)]
pub struct Style {
    /// The accent colour and the two shades made from it.
    pub accent: Option<Accent>,
    /// The extra style sheet's text.
    pub css: Option<String>,
    /// The school's logo.
    pub logo: Option<Logo>,
}

/// The school's logo (`style.logo`): a file of static/, shown in the
/// header of every page and on the poster.
#[derive(Debug, Clone)]
pub struct Logo {
    /// As site.yaml writes it, `static/logo.svg`.
    pub written: String,
    /// The file.
    pub file: PathBuf,
    /// Where site.yaml names it.
    pub at: Location,
}

impl Logo {
    /// Its path under static/ of the site folder `root`, `logo.svg`
    /// (where static/ would publish it).
    pub fn in_static(&self, root: &Path) -> String {
        let base = crate::fs::join_clean(root, "static");
        let in_static = self.file.strip_prefix(&base).unwrap_or(&self.file);
        in_static
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/")
    }

    /// True for an SVG drawing (published as it is, once checked), false
    /// for a picture (re-encoded like photos).
    pub fn is_svg(&self) -> bool {
        self.file
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("svg"))
    }
}

impl Style {
    /// What goes after the theme's style sheet (`assets/style.css`), or
    /// `None` when the site keeps the theme's look.
    pub fn appended_css(&self) -> Option<String> {
        if self.accent.is_none() && self.css.is_none() {
            return None;
        }
        let mut out = String::from("\n/* site.yaml style: */\n");
        if let Some(a) = &self.accent {
            out.push_str(&format!(
                ":root {{ --accent: {}; --accent-dark: {}; --accent-soft: {}; }}\n",
                a.accent, a.dark, a.soft
            ));
        }
        if let Some(css) = &self.css {
            out.push_str(css);
            out.push('\n');
        }
        Some(out)
    }
}

/// An accent colour, as `#rrggbb`, with its darker and its light shade.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accent {
    /// Links, buttons, borders.
    pub accent: String,
    /// Links under the pointer.
    pub dark: String,
    /// Light backgrounds that hold links.
    pub soft: String,
}

/// The smallest contrast WCAG AA asks of text.
const AA: f64 = 4.5;
/// The theme's backgrounds that show accent-coloured text: the page, the
/// soft boxes (and white text on accent buttons is the page's contrast).
const BACKGROUNDS: [Rgb; 2] = [[0xff, 0xff, 0xff], [0xf3, 0xf6, 0xf7]];

type Rgb = [u8; 3];

pub(super) fn validate_style(
    root: &Path,
    raw: RawStyle,
    src: Source<'_>,
    diags: &mut Diagnostics,
) -> Style {
    let at = |key: &str| yaml::locate_value(src, &[Seg::Key("style"), Seg::Key(key)]);
    let accent = raw.accent.and_then(|text| match parse_colour(&text) {
        None => {
            diags.push(
                Diagnostic::error(
                    "style/colour",
                    format!("`{text}` is not a colour written as #rrggbb"),
                )
                .words("style-colour")
                .arg("value", &text)
                .at(at("accent"))
                .help("write the colour as # and six hexadecimal digits, e.g. accent: \"#0b5e6b\" (in quotes)"),
            );
            None
        }
        Some(rgb) if !passes(rgb) => {
            let near = hex(nearest_passing(rgb));
            diags.push(
                Diagnostic::error(
                    "style/contrast",
                    format!("the accent colour `{text}` is too light to read on the site's white and grey backgrounds"),
                )
                .words("style-contrast")
                .arg("value", &text)
                .arg("suggestion", &near)
                .at(at("accent"))
                .help(format!("the nearest colour that is easy to read (WCAG AA, 4.5:1) is {near}: write accent: \"{near}\"")),
            );
            None
        }
        Some(rgb) => Some(accent_of(rgb)),
    });
    let css = raw
        .css
        .and_then(|path| read_css(root, &path, at("css"), diags));
    let logo = raw
        .logo
        .and_then(|path| find_logo(root, &path, at("logo"), diags));
    Style { accent, css, logo }
}

/// Why a file named under `style:` cannot be used.
enum Misplaced {
    /// Not in static/, or not of the kind asked for.
    Place,
    /// No such file.
    Missing,
}

/// The file `path` (relative to the site folder) names, when it is in the
/// site's static/ folder, has an extension `fits` takes and is there.
fn in_static(root: &Path, path: &str, fits: impl Fn(&str) -> bool) -> Result<PathBuf, Misplaced> {
    let file = crate::fs::join_clean(root, path);
    let ext = file
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if !crate::fs::is_within(&file, &root.join("static")) || !fits(&ext) {
        Err(Misplaced::Place)
    } else if !file.is_file() {
        Err(Misplaced::Missing)
    } else {
        Ok(file)
    }
}

/// The extra style sheet's text, from a file under static/.
fn read_css(root: &Path, path: &str, at: Location, diags: &mut Diagnostics) -> Option<String> {
    let problem = match in_static(root, path, |ext| ext == "css") {
        Ok(file) => {
            return crate::fs::read_text(&file).map_err(|d| diags.push(d)).ok();
        }
        Err(Misplaced::Place) => Diagnostic::error(
            "style/css",
            format!("`{path}` is not a .css file in the site's static/ folder"),
        )
        .words("style-css-place"),
        Err(Misplaced::Missing) => {
            Diagnostic::error("style/css", format!("the file `{path}` does not exist"))
                .words("style-css-missing")
        }
    };
    diags.push(problem.arg("path", path).at(at).help(
        "put the style sheet in static/, e.g. static/extra.css, and write css: static/extra.css",
    ));
    None
}

/// The logo's file, when it is a picture of static/ (SVG, or one of the
/// kinds photos are published from). Whether it can be shown is seen
/// when it is published (`render::logo`).
fn find_logo(root: &Path, path: &str, at: Location, diags: &mut Diagnostics) -> Option<Logo> {
    let fits = |ext: &str| ext == "svg" || IMAGE_EXTENSIONS.contains(&ext);
    let problem = match in_static(root, path, fits) {
        Ok(file) => {
            return Some(Logo {
                written: path.to_string(),
                file,
                at,
            });
        }
        Err(Misplaced::Place) => Diagnostic::error(
            "style/logo",
            format!(
                "`{path}` is not a picture (.svg, .png, .jpg, .webp) in the site's static/ folder"
            ),
        )
        .words("style-logo-place"),
        Err(Misplaced::Missing) => {
            Diagnostic::error("style/logo", format!("the file `{path}` does not exist"))
                .words("style-logo-missing")
        }
    };
    diags.push(problem.arg("path", path).at(at).help(LOGO_HELP));
    None
}

/// How to give a logo.
const LOGO_HELP: &str =
    "save the logo as SVG or PNG in static/, e.g. static/logo.svg, and write logo: static/logo.svg";

/// `#rrggbb` or `#rgb`, in any case.
fn parse_colour(text: &str) -> Option<Rgb> {
    let digits = text.trim().strip_prefix('#')?;
    if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let byte = |s: &str| u8::from_str_radix(s, 16).ok();
    match digits.len() {
        6 => Some([
            byte(&digits[0..2])?,
            byte(&digits[2..4])?,
            byte(&digits[4..6])?,
        ]),
        3 => {
            let one = |i: usize| byte(&digits[i..=i]).map(|v| v * 17);
            Some([one(0)?, one(1)?, one(2)?])
        }
        _ => None,
    }
}

fn hex(rgb: Rgb) -> String {
    format!("#{:02x}{:02x}{:02x}", rgb[0], rgb[1], rgb[2])
}

/// WCAG 2.1 relative luminance.
fn luminance(rgb: Rgb) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2])
}

fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// `rgb` mixed with `other`, `t` of the way (0: `rgb`, 1: `other`).
fn mix(rgb: Rgb, other: Rgb, t: f64) -> Rgb {
    let m = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
    [
        m(rgb[0], other[0]),
        m(rgb[1], other[1]),
        m(rgb[2], other[2]),
    ]
}

/// The light shade: a tenth of the accent on white.
fn soft(rgb: Rgb) -> Rgb {
    mix(rgb, [0xff; 3], 0.9)
}

/// True when accent-coloured text reads on every background, its own
/// light shade included.
fn passes(rgb: Rgb) -> bool {
    BACKGROUNDS
        .iter()
        .chain(std::iter::once(&soft(rgb)))
        .all(|&bg| contrast(rgb, bg) >= AA)
}

/// The same hue made darker, step by step, until it passes.
fn nearest_passing(rgb: Rgb) -> Rgb {
    (1..=100)
        .map(|step| mix(rgb, [0; 3], f64::from(step) / 100.0))
        .find(|&c| passes(c))
        .unwrap_or([0; 3])
}

fn accent_of(rgb: Rgb) -> Accent {
    Accent {
        accent: hex(rgb),
        dark: hex(mix(rgb, [0; 3], 0.3)),
        soft: hex(soft(rgb)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_backgrounds_checked_are_the_default_theme_s() {
        // `--bg` and `--soft` of the theme's style sheet: a change there
        // must change what accents are checked against.
        let css = include_str!("../../themes/default/static/assets/style.css");
        let root = &css[css.find(":root").unwrap()..];
        let var = |name: &str| {
            let at = root.find(&format!("{name}: ")).unwrap() + name.len() + 2;
            let value = &root[at..at + root[at..].find(';').unwrap()];
            parse_colour(value).unwrap_or_else(|| panic!("{name}: {value}"))
        };
        assert_eq!(BACKGROUNDS, [var("--bg"), var("--soft")]);
        assert_eq!(hex(var("--accent")), "#0b5e6b");
        assert!(passes(var("--accent")));
    }

    #[test]
    fn contrast_follows_wcag() {
        assert!((contrast([0; 3], [0xff; 3]) - 21.0).abs() < 1e-9);
        // The theme's own accent passes; a light yellow does not.
        assert!(passes(parse_colour("#0b5e6b").unwrap()));
        assert!(!passes(parse_colour("#ffcc00").unwrap()));
        assert_eq!(parse_colour("#ABC"), Some([0xaa, 0xbb, 0xcc]));
        assert_eq!(parse_colour("0b5e6b"), None);
        assert_eq!(parse_colour("#0b5e6"), None);
    }

    #[test]
    fn the_nearest_passing_colour_is_the_same_hue_darker_and_passes() {
        for text in ["#ffcc00", "#ff0000", "#66ccff", "#e0e0e0"] {
            let rgb = parse_colour(text).unwrap();
            let near = nearest_passing(rgb);
            assert!(passes(near), "{text} -> {}", hex(near));
            // One step lighter would not pass: it is the nearest.
            let lighter_steps = (1..=100)
                .map(|s| mix(rgb, [0; 3], f64::from(s) / 100.0))
                .take_while(|&c| c != near);
            assert!(lighter_steps.into_iter().all(|c| !passes(c)), "{text}");
        }
    }
}
