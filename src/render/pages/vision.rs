//! The page about the version for the visually impaired, in every
//! language (`accessibility/`): what the version changes, the switch (a
//! button that only shows with JavaScript, which `assets/vision.js` runs),
//! and the browser's and system's own settings that do the same without
//! it. The switch at the top of every page leads here when JavaScript is
//! off. It is drawn by the free page's template (`page.html`), so a theme
//! needs nothing new.
//!
//! Layer 4 (render): part of `pages`.

use super::super::Env;
use super::super::links::PageId;
use super::super::views::escape;
use super::{Extra, Partial};

/// The page `accessibility/`.
pub(super) fn accessibility(env: &Env<'_>, id: &PageId) -> (Partial, Extra) {
    super::own_page(env, id, "a11y-low-vision", body(env))
}

/// The page's text: what the version does, the switch, and three sections
/// on the browser's own settings.
fn body(env: &Env<'_>) -> String {
    let get = |key: &str| escape(&env.i18n.get(env.lang, key));
    let mut html = format!("<p>{}</p>\n", get("a11y-intro"));
    // Hidden until vision.js shows it: without JavaScript it could not work.
    html.push_str(&format!(
        "<p class=\"lv-offer\" hidden><button type=\"button\" class=\"button lv-toggle\">\
         <span class=\"lv-to-on\">{}</span><span class=\"lv-to-off\">{}</span></button></p>\n",
        get("a11y-low-vision"),
        get("a11y-normal-version")
    ));
    for key in ["a11y-switch-hint", "a11y-no-switch"] {
        html.push_str(&format!("<p>{}</p>\n", get(key)));
    }
    for (head, text) in [
        ("a11y-zoom-title", "a11y-zoom"),
        ("a11y-contrast-title", "a11y-contrast"),
        ("a11y-reader-title", "a11y-reader"),
    ] {
        html.push_str(&format!("<h2>{}</h2>\n<p>{}</p>\n", get(head), get(text)));
    }
    html
}
