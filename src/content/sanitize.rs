//! The sanitizing policy for HTML written by authors (Markdown's output and
//! its raw HTML, HTML documents): ammonia with a fixed allow-list, and the
//! checks of Markdown links and images, which use the same URL rules.
//!
//! One place decides what is kept: [`sanitizer`] is the ammonia builder,
//! and [`removal`] answers from that builder's own lists (and the same
//! attribute filter) whether a tag or attribute goes, so the warnings of
//! [`super::rawhtml`] name exactly what the sanitizer removes.
//!
//! The serialized tags are read and mended in `tags`; the checks of
//! Markdown links and images are in `links`; both are re-exported here.
//!
//! Layer 3 (content): imports `content::urls` (and `links` also `diag`).

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

mod links;
mod tags;

pub(crate) use links::{check_link, external_image, is_own_image};
use tags::valid_tags;
pub(crate) use tags::{attribute_value, tag_length};

use super::urls::{self, Target};

/// Cleans HTML written by an author (a document's page): no form field
/// of it is kept.
pub(crate) fn clean(html: &str) -> String {
    clean_rendered(&without_inputs(html))
}

/// Cleans Markdown's HTML, whose raw HTML went through [`without_inputs`]
/// already, so that its task-list checkboxes stay.
pub(crate) fn clean_rendered(html: &str) -> String {
    valid_tags(sanitizer().clean(html).to_string())
}

/// The sanitizing policy: ammonia's safe defaults, plus what Markdown
/// itself produces (heading and footnote ids, task-list checkboxes, code
/// language classes). No scripts, styles, event handlers, frames or forms;
/// links only to http(s), mailto and tel; images only from this site;
/// every link gets rel="noopener noreferrer".
fn sanitizer() -> &'static ammonia::Builder<'static> {
    static BUILDER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    BUILDER.get_or_init(|| {
        let mut b = ammonia::Builder::default();
        b.add_generic_attributes(["id"])
            // Only task-list checkboxes reach the sanitizer as `<input>`:
            // authors' own inputs are renamed first (see `without_inputs`).
            .add_tags(["input"])
            .add_tag_attributes("input", ["type", "checked", "disabled"])
            .add_tag_attributes("code", ["class"])
            .add_tag_attributes("div", ["class"])
            .add_tag_attributes("sup", ["class"])
            .add_tag_attributes("ol", ["start"])
            .url_schemes(["http", "https", "mailto", "tel"].into_iter().collect())
            .link_rel(Some("noopener noreferrer"))
            .attribute_filter(|element, attribute, value| {
                keeps(element, attribute, value).then(|| value.into())
            });
        b
    })
}

/// The policy's own decisions beyond ammonia's lists, on every attribute
/// ammonia keeps. URLs are read as browsers read them ([`urls::classify`]).
fn keeps(element: &str, attribute: &str, value: &str) -> bool {
    match (element, attribute) {
        ("input", "type") => value.eq_ignore_ascii_case("checkbox"),
        // Only the site's own images: a page makes no third-party request.
        ("img", "src") => urls::classify(value) == Target::Own,
        (_, "href" | "cite" | "src") => urls::classify(value).is_safe_link(),
        _ => true,
    }
}

/// Why the sanitizer removes a tag or an attribute of raw HTML.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Removed {
    /// The element (`script` and `style` with their content).
    Element(String),
    /// An `on...=` attribute.
    Handler,
    /// Another attribute that is not allowed.
    Attribute(String),
    /// A link or source with a scheme that is not allowed (`javascript`, `data`).
    Scheme(String),
    /// An image from another site (its `src`).
    ExternalImage(String),
}

impl Removed {
    /// The words for it in a warning.
    pub(crate) fn describe(&self) -> String {
        match self {
            Removed::Element(e) => format!("`<{e}>`"),
            Removed::Handler => "an event handler (on...=)".to_string(),
            Removed::Attribute(a) => format!("a `{a}` attribute"),
            Removed::Scheme(s) => format!("a `{s}:` link"),
            Removed::ExternalImage(url) => format!("the image `{url}` from another site"),
        }
    }

    /// It as written in the page, for the tool's message files: `<script>`,
    /// `on...=`, `style`, `javascript:`, the image's address.
    pub(crate) fn written(&self) -> String {
        match self {
            Removed::Element(e) => format!("`<{e}>`"),
            Removed::Handler => "`on...=`".to_string(),
            Removed::Attribute(a) => format!("`{a}`"),
            Removed::Scheme(s) => format!("`{s}:`"),
            Removed::ExternalImage(url) => format!("`{url}`"),
        }
    }
}

/// What the sanitizer's lists allow, read once from the builder.
struct Lists {
    tags: HashSet<&'static str>,
    generic: HashSet<&'static str>,
    per_tag: HashMap<&'static str, HashSet<&'static str>>,
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let b = sanitizer();
        Lists {
            tags: b.clone_tags(),
            generic: b.clone_generic_attributes(),
            per_tag: b.clone_tag_attributes(),
        }
    })
}

/// Whether the sanitizer removes the element `tag` written by an author.
pub(crate) fn removes_element(tag: &str) -> bool {
    // Authors' inputs never reach the sanitizer as inputs.
    tag == "input" || !lists().tags.contains(tag)
}

/// Whether (and why) the sanitizer removes the attribute `name="value"` of
/// an allowed element `tag`.
pub(crate) fn removal(tag: &str, name: &str, value: &str) -> Option<Removed> {
    let l = lists();
    let listed = l.generic.contains(name) || l.per_tag.get(tag).is_some_and(|a| a.contains(name));
    if !listed {
        return Some(match name.starts_with("on") {
            true => Removed::Handler,
            false => Removed::Attribute(name.to_string()),
        });
    }
    if keeps(tag, name, value) {
        return None;
    }
    Some(match urls::classify(value) {
        Target::Web if tag == "img" => Removed::ExternalImage(value.trim().to_string()),
        Target::Unsafe(scheme) => Removed::Scheme(scheme),
        _ => Removed::Attribute(name.to_string()),
    })
}

/// Raw HTML with every `<input` renamed, so the sanitizer removes the
/// author's form fields; task-list checkboxes come from pulldown-cmark,
/// never from raw HTML, and are the only inputs it keeps. A tag name
/// follows `<` directly and has no character references, so this finds
/// every input tag, in any letter case.
pub(crate) fn without_inputs(raw: &str) -> Cow<'_, str> {
    let bytes = raw.as_bytes();
    let starts: Vec<usize> = (0..bytes.len())
        .filter(|&i| {
            bytes[i] == b'<'
                && bytes
                    .get(i + 1..i + 6)
                    .is_some_and(|w| w.eq_ignore_ascii_case(b"input"))
        })
        .collect();
    if starts.is_empty() {
        return Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len() + 2 * starts.len());
    let mut from = 0;
    for i in starts {
        out.push_str(&raw[from..=i]);
        out.push_str("x-");
        from = i + 1;
    }
    out.push_str(&raw[from..]);
    Cow::Owned(out)
}

/// Markdown table alignment as the `align` attribute the policy keeps:
/// pulldown-cmark writes it as a `style`, which the sanitizer (and the
/// Content-Security-Policy) would drop without a word.
pub(crate) fn aligned_cells(html: &str) -> Cow<'_, str> {
    if !html.contains(" style=\"text-align: ") {
        return Cow::Borrowed(html);
    }
    let mut out = html.to_string();
    for side in ["left", "center", "right"] {
        out = out.replace(
            &format!(" style=\"text-align: {side}\">"),
            &format!(" align=\"{side}\">"),
        );
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lists_come_from_the_sanitizer() {
        assert!(removes_element("script"));
        assert!(removes_element("input"));
        assert!(!removes_element("p"));
        assert_eq!(
            removal("p", "style", "x"),
            Some(Removed::Attribute("style".into()))
        );
        assert_eq!(removal("b", "onclick", "x"), Some(Removed::Handler));
        assert_eq!(
            removal("a", "href", "jav\tascript:x"),
            Some(Removed::Scheme("javascript".into()))
        );
        assert_eq!(
            removal("img", "src", "/\\evil.example/t.png"),
            Some(Removed::ExternalImage("/\\evil.example/t.png".into()))
        );
        assert_eq!(removal("img", "src", "a.png"), None);
        assert_eq!(removal("h2", "id", "x"), None);
    }

    #[test]
    fn clean_drops_what_removal_names() {
        for (html, gone) in [
            ("<p style=\"color:red\">a</p>", "style"),
            ("<img src=\"ht&#x09;tps://evil.example/t.png\">", "evil"),
            ("<img src=\"/&#x09;/evil.example/t.png\">", "evil"),
            ("<img src=\"\\\\evil.example\\t.png\">", "evil"),
            ("<a href=\"javascript&colon;alert(1)\">x</a>", "alert"),
            (
                "<blockquote cite=\"javascript:alert(1)\">x</blockquote>",
                "alert",
            ),
            ("<img srcset=\"https://evil.example/a.png 1x\">", "evil"),
        ] {
            let out = clean(html);
            assert!(!out.contains(gone), "{html} -> {out}");
        }
    }

    #[test]
    fn an_image_whose_source_was_removed_is_left_out() {
        assert_eq!(
            clean(
                "<p><img src=\"https://evil.example/x.png\" alt=\"x\">a<img src=\"a.png\" alt=\"y\"><img></p>"
            ),
            "<p>a<img src=\"a.png\" alt=\"y\"></p>"
        );
    }

    #[test]
    fn only_links_with_href_keep_rel() {
        assert_eq!(clean("<a id=\"x\">a</a>"), "<a id=\"x\">a</a>");
        assert_eq!(clean("<a>a</a>"), "<a>a</a>");
        assert_eq!(
            clean("<a href=\"javascript:x\" title=\"a>b\">a</a>"),
            "<a title=\"a&gt;b\">a</a>"
        );
        assert_eq!(
            clean("<a href=\"https://a.kz/\">a</a><a title=\" href=\">b</a>"),
            "<a href=\"https://a.kz/\" rel=\"noopener noreferrer\">a</a><a title=\" href=\">b</a>"
        );
        assert_eq!(
            clean("&lt;a rel=\"noopener noreferrer\"&gt;"),
            "&lt;a rel=\"noopener noreferrer\"&gt;"
        );
    }

    #[test]
    fn authors_inputs_are_renamed_in_any_case() {
        assert_eq!(without_inputs("<p>x</p>"), "<p>x</p>");
        assert_eq!(
            without_inputs("<input type=checkbox><INPUT><iNpUt x>"),
            "<x-input type=checkbox><x-INPUT><x-iNpUt x>"
        );
        assert_eq!(clean("<input type=\"checkbox\" disabled>a"), "a");
        assert_eq!(
            clean_rendered("<input disabled=\"\" type=\"checkbox\">"),
            "<input disabled=\"\" type=\"checkbox\">"
        );
    }
}
