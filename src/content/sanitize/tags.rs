//! Reading and mending the sanitizer's serialized output: the length of a
//! tag, whether it has an attribute and its value, and the tags that are
//! not valid HTML once sanitized (`rel` on an `<a>` without `href`, an
//! `<img>` without `src`) mended.
//!
//! Part of layer 3 (`content`, in `sanitize`); imports nothing from the
//! crate.

/// What the sanitizer leaves that is not valid HTML, mended: the `rel` it
/// puts on every `<a>` is taken off those without `href` (an anchor, or a
/// link whose unsafe `href` was removed), and an `<img>` whose `src` was
/// removed (an image from another site) is left out, as its warning says.
/// The sanitizer's output writes each tag as `<a name="value" ...>`,
/// values quoted with `"` (a `"` inside one escaped) and text `<` as
/// `&lt;`, so every `<a ` or `<img` is a tag.
pub(super) fn valid_tags(html: String) -> String {
    const REL: &str = " rel=\"noopener noreferrer\"";
    if !html.contains(REL) && !html.contains("<img") {
        return html;
    }
    let mut out = String::with_capacity(html.len());
    let mut rest = html.as_str();
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let tag = &rest[at..at + tag_length(&rest[at..])];
        rest = &rest[at + tag.len()..];
        if tag.starts_with("<a ") && tag.contains(REL) && !has_attribute(tag, "href") {
            out.push_str(&tag.replacen(REL, "", 1));
        } else if !is_tag(tag, "img") || has_attribute(tag, "src") {
            out.push_str(tag);
        }
    }
    out.push_str(rest);
    out
}

/// Whether `tag` (`<img ...>`) is a start tag of `name`.
fn is_tag(tag: &str, name: &str) -> bool {
    tag.strip_prefix('<')
        .and_then(|t| t.strip_prefix(name))
        .is_some_and(|t| t.starts_with([' ', '>', '/']))
}

/// The length of the tag at the start of `html`, up to its `>` outside
/// quoted values (or all of it).
pub(crate) fn tag_length(html: &str) -> usize {
    let mut quoted = false;
    for (i, b) in html.bytes().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b'>' if !quoted => return i + 1,
            _ => {}
        }
    }
    html.len()
}

/// Whether the serialized tag has the attribute `name`.
fn has_attribute(tag: &str, name: &str) -> bool {
    attribute_value(tag, name).is_some()
}

/// The value of attribute `name` of a tag as the sanitizer writes it
/// (`<p id="x">`), with where the value starts in `tag`.
pub(crate) fn attribute_value<'t>(tag: &'t str, name: &str) -> Option<(usize, &'t str)> {
    let mut quoted = false;
    for (i, b) in tag.bytes().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b' ' if !quoted => {
                let after = &tag[i + 1..];
                let Some(rest) = after.strip_prefix(name) else {
                    continue;
                };
                if let Some(value) = rest.strip_prefix("=\"") {
                    let len = value.find('"')?;
                    return Some((tag.len() - value.len(), &value[..len]));
                }
                if rest.starts_with([' ', '>', '/']) {
                    return Some((i + 1 + name.len(), ""));
                }
            }
            _ => {}
        }
    }
    None
}
