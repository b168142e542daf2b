//! Whether an SVG (or any XML) file only draws, or could run scripts or
//! load files from other sites when a browser opens it. An allow-list:
//! every SVG element must be a drawing element, links and images point
//! inside the file or at this site, CSS loads nothing, and nothing is in
//! the XHTML or MathML namespaces (which would make it a web page).
//!
//! Layer 3 (content): imports `content::urls`.

use roxmltree::{Document, Node, ParsingOptions};

use super::urls::{self, Target};

const SVG: &str = "http://www.w3.org/2000/svg";
const XLINK: &str = "http://www.w3.org/1999/xlink";

/// SVG elements that only draw, group or describe.
const DRAWING: &[&str] = &[
    "svg",
    "g",
    "defs",
    "symbol",
    "use",
    "title",
    "desc",
    "metadata",
    "switch",
    "view",
    "style",
    "path",
    "rect",
    "circle",
    "ellipse",
    "line",
    "polyline",
    "polygon",
    "text",
    "tspan",
    "textPath",
    "a",
    "image",
    "clipPath",
    "mask",
    "pattern",
    "marker",
    "linearGradient",
    "radialGradient",
    "stop",
    "filter",
    "feBlend",
    "feColorMatrix",
    "feComponentTransfer",
    "feComposite",
    "feConvolveMatrix",
    "feDiffuseLighting",
    "feDisplacementMap",
    "feDistantLight",
    "feDropShadow",
    "feFlood",
    "feFuncA",
    "feFuncB",
    "feFuncG",
    "feFuncR",
    "feGaussianBlur",
    "feImage",
    "feMerge",
    "feMergeNode",
    "feMorphology",
    "feOffset",
    "fePointLight",
    "feSpecularLighting",
    "feSpotLight",
    "feTile",
    "feTurbulence",
];

/// A part of a drawing that could do more than draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Active {
    /// XML that cannot be read (the reader's words).
    Unreadable(String),
    /// A `<?xml-stylesheet` instruction.
    StyleInstruction,
    /// A style sheet that loads files or uses escapes.
    StyleSheet,
    /// An SVG element that is not plain drawing.
    Element(String),
    /// An element of a web page (XHTML, MathML).
    PageElement(String),
    /// An event handler attribute, on an element.
    Handler { name: String, element: String },
    /// An attribute that loads or runs something (`name="value"`), on an element.
    Attribute { written: String, element: String },
}

impl Active {
    /// It in English words.
    pub(crate) fn english(&self) -> String {
        match self {
            Active::Unreadable(e) => format!("XML that cannot be read ({e})"),
            Active::StyleInstruction => "a style sheet instruction (`<?xml-stylesheet`)".into(),
            Active::StyleSheet => "a style sheet that loads files or uses escapes".into(),
            Active::Element(name) => format!("`<{name}>`"),
            Active::PageElement(name) => format!("a web page element `<{name}>`"),
            Active::Handler { name, element } => {
                format!("an event handler `{name}` on `<{element}>`")
            }
            Active::Attribute { written, element } => format!("`{written}` on `<{element}>`"),
        }
    }

    /// The key the tool's message files select their words by, what it
    /// names and the element it is on (else empty).
    pub(crate) fn key(&self) -> (&'static str, String, String) {
        let none = String::new;
        match self {
            Active::Unreadable(e) => ("unreadable", e.clone(), none()),
            Active::StyleInstruction => ("instruction", none(), none()),
            Active::StyleSheet => ("style", none(), none()),
            Active::Element(name) => ("element", name.clone(), none()),
            Active::PageElement(name) => ("page-element", name.clone(), none()),
            Active::Handler { name, element } => ("handler", name.clone(), element.clone()),
            Active::Attribute { written, element } => {
                ("attribute", written.clone(), element.clone())
            }
        }
    }
}

/// What one reading of an SVG finds: its first part that is not plain
/// drawing, and the size it asks for.
pub(crate) struct Inspected {
    /// The line and the first part that is not plain drawing; `None` when
    /// the whole file only draws.
    pub active: Option<(usize, Active)>,
    /// The size it asks for (see [`size_of`]).
    pub size: Option<(u32, u32)>,
}

/// Reads `text` once for [`Inspected`].
pub(crate) fn inspect(text: &str) -> Inspected {
    match parse(text) {
        Ok(doc) => Inspected {
            active: active_in(&doc),
            size: size_of(&doc),
        },
        Err(e) => Inspected {
            active: Some((e.pos().row as usize, Active::Unreadable(e.to_string()))),
            size: None,
        },
    }
}

/// The line and the first part of `text` that is not plain drawing;
/// `None` when the whole file only draws.
pub(crate) fn first_active(text: &str) -> Option<(usize, Active)> {
    inspect(text).active
}

/// `text` parsed as a drawing program writes it.
fn parse(text: &str) -> Result<Document<'_>, roxmltree::Error> {
    // Drawing programs write a DTD; roxmltree bounds entity expansion.
    let options = ParsingOptions {
        allow_dtd: true,
        nodes_limit: 1_000_000,
        ..ParsingOptions::default()
    };
    Document::parse_with_options(text, options)
}

/// The line and the first part of `doc` that is not plain drawing.
fn active_in(doc: &Document<'_>) -> Option<(usize, Active)> {
    let line = |n: Node<'_, '_>| doc.text_pos_at(n.range().start).row as usize;
    for node in doc.descendants() {
        if let Some(pi) = node.pi()
            && pi.target.eq_ignore_ascii_case("xml-stylesheet")
        {
            return Some((line(node), Active::StyleInstruction));
        }
        if !node.is_element() {
            if node.is_text()
                && node
                    .parent_element()
                    .is_some_and(|p| p.tag_name().name() == "style")
                && !css_is_inert(node.text().unwrap_or(""))
            {
                return Some((line(node), Active::StyleSheet));
            }
            continue;
        }
        if let Some(what) = active_element(node).or_else(|| active_attribute(node)) {
            return Some((line(node), what));
        }
    }
    None
}

/// The size a drawing asks for, in whole pixels: its `viewBox`, else its
/// `width` and `height` in pixels; `None` when it names neither.
fn size_of(doc: &Document<'_>) -> Option<(u32, u32)> {
    let root = doc.root_element();
    let whole = |v: f64| (0.5..100_000.0).contains(&v).then(|| v.round() as u32);
    let from_box = root.attribute("viewBox").and_then(|b| {
        let n: Vec<f64> = b
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|p| !p.is_empty())
            .map(|p| p.parse().ok())
            .collect::<Option<_>>()?;
        match n.as_slice() {
            [_, _, w, h] => Some((whole(*w)?, whole(*h)?)),
            _ => None,
        }
    });
    let px = |name: &str| {
        let v = root.attribute(name)?.trim();
        whole(v.strip_suffix("px").unwrap_or(v).parse().ok()?)
    };
    from_box.or_else(|| Some((px("width")?, px("height")?)))
}

fn active_element(node: Node<'_, '_>) -> Option<Active> {
    let name = node.tag_name();
    match name.namespace() {
        Some(SVG) if !DRAWING.contains(&name.name()) => Some(Active::Element(name.name().into())),
        Some(ns) if ns.contains("xhtml") || ns.contains("MathML") => {
            Some(Active::PageElement(name.name().into()))
        }
        _ => None,
    }
}

fn active_attribute(node: Node<'_, '_>) -> Option<Active> {
    let element = node.tag_name().name();
    for attr in node.attributes() {
        let (ns, name, value) = (attr.namespace(), attr.name(), attr.value());
        let what = || Active::Attribute {
            written: format!("{name}=\"{}\"", value.chars().take(60).collect::<String>()),
            element: element.to_string(),
        };
        if ns.is_none() && name.len() > 2 && name[..2].eq_ignore_ascii_case("on") {
            return Some(Active::Handler {
                name: name.to_string(),
                element: element.to_string(),
            });
        }
        if name == "base" && ns.is_some_and(|n| n.ends_with("XML/1998/namespace")) {
            return Some(what());
        }
        let is_href = name == "href" && (ns.is_none() || ns == Some(XLINK));
        if is_href && !href_is_inert(element, value) {
            return Some(what());
        }
        if !css_is_inert(value) {
            return Some(what());
        }
    }
    None
}

/// A reference inside the file, to this site, a link anyone may follow
/// (on `<a>`), or an embedded picture (on `<image>`).
fn href_is_inert(element: &str, value: &str) -> bool {
    let v = value.trim();
    if v.starts_with('#') {
        return true;
    }
    match urls::classify(v) {
        Target::Own => true,
        Target::Web | Target::Contact => element == "a",
        Target::Unsafe(s) if s == "data" => {
            let lower = v.to_ascii_lowercase();
            matches!(element, "image" | "feImage")
                && ["png", "jpeg", "jpg", "gif", "webp"].iter().any(|t| {
                    lower.starts_with(&format!("data:image/{t};"))
                        || lower.starts_with(&format!("data:image/{t},"))
                })
        }
        _ => false,
    }
}

/// CSS (a `style` element or attribute, or a presentation attribute)
/// that loads nothing: `url()` only to `#parts` of the file, no
/// `@import`, no escapes that could hide either.
fn css_is_inert(css: &str) -> bool {
    let lower = css.to_ascii_lowercase();
    const LOADS: &[&str] = &[
        "\\",
        "@import",
        "@font-face",
        "expression(",
        "-moz-binding",
        "behavior",
        "image-set(",
        "cross-fade(",
        "image(",
        "src(",
    ];
    if LOADS.iter().any(|l| lower.contains(l)) {
        return false;
    }
    lower.match_indices("url(").all(|(i, _)| {
        lower[i + 4..]
            .trim_start_matches(|c: char| c.is_whitespace() || c == '"' || c == '\'')
            .starts_with('#')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn svg(body: &str) -> String {
        format!(
            "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">\n{body}\n</svg>\n"
        )
    }

    #[test]
    fn drawings_pass() {
        let drawing = svg(
            "<defs><linearGradient id=\"g\"><stop offset=\"0\"/></linearGradient></defs>\n<rect fill=\"url(#g)\" style=\"stroke:#000\" width=\"10\" height=\"10\"/>\n<use xlink:href=\"#g\"/><a href=\"https://example.kz/\"><text>x</text></a>\n<image href=\"data:image/png;base64,AAAA\"/>",
        );
        assert_eq!(first_active(&drawing), None);
        let inkscape = "<!DOCTYPE svg [<!ENTITY ns \"http://www.w3.org/2000/svg\">]>\n<svg xmlns=\"&ns;\" xmlns:inkscape=\"http://www.inkscape.org/namespaces/inkscape\"><inkscape:grid/><path d=\"M0 0\"/></svg>";
        assert_eq!(first_active(inkscape), None);
    }

    #[test]
    fn anything_that_runs_or_loads_is_found_with_its_line() {
        for (body, line) in [
            ("<script>alert(1)</script>", 3),
            ("<g/>\n<rect onclick=\"x()\"/>", 4),
            (
                "<a xlink:href=\"javascript:alert(1)\"><text>x</text></a>",
                3,
            ),
            ("<a href=\" jav&#x09;ascript:alert(1)\"/>", 3),
            (
                "<foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\"/></foreignObject>",
                3,
            ),
            (
                "<animate attributeName=\"href\" to=\"javascript:alert(1)\"/>",
                3,
            ),
            ("<set attributeName=\"onclick\" to=\"x()\"/>", 3),
            ("<image href=\"https://evil.example/t.png\"/>", 3),
            ("<image href=\"//evil.example/t.png\"/>", 3),
            (
                "<image href=\"data:image/svg+xml,&lt;svg onload=x()/&gt;\"/>",
                3,
            ),
            ("<style>@import url(https://evil.example/a.css);</style>", 3),
            (
                "<style>rect { fill: url(https://evil.example/p.png) }</style>",
                3,
            ),
            ("<rect style=\"fill:u\\72l(https://evil.example/)\"/>", 3),
            ("<rect fill=\"url('//evil.example/x#a')\"/>", 3),
            (
                "<g xml:base=\"https://evil.example/\"><use href=\"a.svg#x\"/></g>",
                3,
            ),
            (
                "<html:script xmlns:html=\"http://www.w3.org/1999/xhtml\">x()</html:script>",
                3,
            ),
        ] {
            let text = svg(body);
            let found = first_active(&text);
            assert_eq!(found.as_ref().map(|f| f.0), Some(line), "{body}: {found:?}");
        }
        assert!(first_active("<?xml-stylesheet href=\"x.xsl\"?><svg/>").is_some());
        assert!(first_active("<svg><unclosed></svg>").is_some());
    }

    #[test]
    fn the_size_is_the_view_box_else_the_width_and_height() {
        let ns = "xmlns=\"http://www.w3.org/2000/svg\"";
        let of = |attrs: &str| inspect(&format!("<svg {ns} {attrs}><path d=\"M0 0\"/></svg>")).size;
        assert_eq!(of("viewBox=\"0 0 120 40.4\" width=\"10\""), Some((120, 40)));
        assert_eq!(of("viewBox=\"0,0,64,64\""), Some((64, 64)));
        assert_eq!(of("width=\"90px\" height=\"30\""), Some((90, 30)));
        assert_eq!(of("width=\"50%\" height=\"30\""), None);
        assert_eq!(of(""), None);
        assert_eq!(inspect("<svg").size, None);
    }
}
