//! The personal-data page of every site, in every language: what the site
//! publishes about people, that children's photos need the written consent
//! of their legal representatives, and whom to ask (site.yaml's
//! `publisher`, and a school site's club contacts). It is drawn by the
//! free page's template (`page.html`), so a theme needs nothing new.
//!
//! Layer 4 (render): part of `pages`.

use super::super::Env;
use super::super::links::PageId;
use super::super::views::escape;
use super::{Extra, Partial};
use crate::types::tel_href;

/// The page `personal-data/`.
pub(super) fn personal_data(env: &Env<'_>, id: &PageId) -> (Partial, Extra) {
    super::own_page(env, id, "privacy-policy", body(env))
}

/// The page's text: three sections and the contacts.
fn body(env: &Env<'_>) -> String {
    let get = |key: &str| escape(&env.i18n.get(env.lang, key));
    let mut html = format!("<p>{}</p>\n", get("privacy-intro"));
    for (head, text) in [
        ("privacy-published-title", "privacy-published"),
        ("privacy-photos-title", "privacy-photos"),
    ] {
        html.push_str(&format!("<h2>{}</h2>\n<p>{}</p>\n", get(head), get(text)));
    }
    html.push_str(&format!("<p>{}</p>\n", get("privacy-tracking")));
    html.push_str(&format!(
        "<h2>{}</h2>\n<p>{}</p>\n",
        get("privacy-contact-title"),
        get("privacy-contact")
    ));
    let contacts = contacts(env);
    if contacts.is_empty() {
        html.push_str(&format!("<p>{}</p>\n", get("privacy-contact-none")));
    } else {
        html.push_str(&format!("<ul>\n{}</ul>\n", contacts.concat()));
    }
    html
}

/// The publisher, and the one club's e-mail and phones on a school site.
fn contacts(env: &Env<'_>) -> Vec<String> {
    let config = &env.site.config;
    let mut items = Vec::new();
    if let Some(p) = &config.publisher {
        let name = escape(env.text(&p.name).text);
        items.push(match &p.url {
            Some(u) => format!("<li><a href=\"{}\">{name}</a></li>\n", escape(&u.url)),
            None => format!("<li>{name}</li>\n"),
        });
    }
    let club = super::Layout::of(env.site).home_club();
    if let Some(c) = club.and_then(|c| c.contacts.as_ref()) {
        if let Some(email) = &c.email {
            let e = escape(email);
            items.push(format!("<li><a href=\"mailto:{e}\">{e}</a></li>\n"));
        }
        for phone in &c.phones {
            if let Some(tel) = tel_href(phone) {
                let (t, shown) = (escape(&tel), escape(phone));
                items.push(format!("<li><a href=\"{t}\">{shown}</a></li>\n"));
            }
        }
    }
    items
}
