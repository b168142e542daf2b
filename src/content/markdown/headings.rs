//! Heading ids and levels of a Markdown text: each heading without
//! `{#id}` gets an id made from its text, unique in the text and never one
//! of the theme's own; an id the author wrote (`{#main}`, `<p id="top">`)
//! that the theme uses itself or an earlier heading has is renamed, with a
//! warning; headings move down under the page's own title.
//!
//! Part of `markdown`; imports `content::slug`, `content::sanitize`, `diag`.

use std::collections::{HashMap, HashSet};

use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag, TagEnd};

use crate::diag::{Diagnostic, Diagnostics, Location};

/// Ids the theme uses on its own elements (every literal `id="..."` of
/// themes/default/templates, a test checks); an author's heading or HTML
/// element never keeps one of them, so every id of a page is unique and
/// the skip link leads to the page's `main`.
const RESERVED_IDS: &[&str] = &[
    "top",
    "main",
    "about",
    "about-title",
    "goals",
    "goals-title",
    "tasks",
    "tasks-title",
    "principles",
    "principles-title",
    "leaders",
    "leaders-title",
    "members",
    "members-title",
    "directions",
    "directions-title",
    "activities",
    "activities-title",
    "plan",
    "plan-caption",
    "figures",
    "figures-title",
    "news",
    "news-title",
    "gallery",
    "gallery-title",
    "contacts",
    "contacts-title",
    "feedback",
    "feedback-title",
    "quarters-title",
    "quarters-caption",
    "totals-title",
    "totals-caption",
    "years-caption",
    "regions-title",
    "regions-caption",
    "other-regions-title",
    "charts-title",
    "exports-title",
    "poster-leaders-title",
    "poster-principles-title",
    "poster-qr-title",
    "dir-list",
    "dir-q",
    "dir-region",
    "dir-regions-title",
    "reports",
    "documents",
    "content",
    "search",
    "regions",
    "statistics",
];

/// Beginnings of the ids the theme makes from data (`principle-{{ key }}`,
/// `figures-{{ which }}-caption` ...).
const RESERVED_PREFIXES: &[&str] = &[
    "principle-",
    "region-",
    "loc-",
    "feedback-hint-",
    "figures-",
];

/// Whether `id` is, or could be, one of the theme's own.
pub(crate) fn is_reserved(id: &str) -> bool {
    RESERVED_IDS.contains(&id) || RESERVED_PREFIXES.iter().any(|p| id.starts_with(p))
}

/// Moves every heading down so the text's top heading is `top` (an `#` in
/// a news item becomes an h2, under the page's own h1).
pub(super) fn shift_headings(events: &mut [Event<'_>], top: u8) {
    let level_num = |l: HeadingLevel| l as u8;
    let Some(min) = events
        .iter()
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { level, .. }) => Some(level_num(*level)),
            _ => None,
        })
        .min()
    else {
        return;
    };
    if min >= top {
        return;
    }
    let shift = top - min;
    let shifted = |l: HeadingLevel| {
        HeadingLevel::try_from(usize::from((level_num(l) + shift).min(6)))
            .unwrap_or(HeadingLevel::H6)
    };
    for e in events.iter_mut() {
        match e {
            Event::Start(Tag::Heading { level, .. }) => *level = shifted(*level),
            Event::End(TagEnd::Heading(level)) => *level = shifted(*level),
            _ => {}
        }
    }
}

/// The heading ids of one text: the theme's own and those given so far,
/// and for each base id the next number to try, so a text with thousands
/// of equal headings does not try `-2`, `-3` ... again for each one.
pub(super) struct HeadingIds {
    used: HashSet<String>,
    next: HashMap<String, usize>,
}

impl Default for HeadingIds {
    fn default() -> Self {
        HeadingIds {
            used: RESERVED_IDS.iter().map(|s| s.to_string()).collect(),
            next: HashMap::new(),
        }
    }
}

impl HeadingIds {
    /// `base`, or `base-2`, `base-3` ..., the first not used yet; a base
    /// that begins like the theme's ids (`principle-`) becomes `text-...`.
    fn unique(&mut self, base: String) -> String {
        let base = if RESERVED_PREFIXES.iter().any(|p| base.starts_with(p)) {
            format!("text-{base}")
        } else {
            base
        };
        if self.used.insert(base.clone()) {
            return base;
        }
        let n = self.next.entry(base.clone()).or_insert(2);
        loop {
            let candidate = format!("{base}-{n}");
            *n += 1;
            if self.used.insert(candidate.clone()) {
                return candidate;
            }
        }
    }

    /// Keeps an id the raw HTML gives an element (`<p id="x">`) from every
    /// heading: the author's element keeps it, and a heading called `X` is
    /// given `x-2`. The theme's own ids are renamed on the written page.
    pub(super) fn reserve(&mut self, id: &str) {
        if !is_reserved(id) {
            self.used.insert(id.to_string());
        }
    }

    /// Takes an id the author wrote (`{#id}`, `id="..."`): `None` when it is
    /// free, else the id given instead.
    pub(super) fn claim(&mut self, id: &str) -> Option<String> {
        if !is_reserved(id) && self.used.insert(id.to_string()) {
            return None;
        }
        Some(self.unique(id.to_string()))
    }
}

/// Why an author's id was changed: the theme's own, or given before.
pub(super) fn taken(id: &str, given: &str, at: Location) -> Diagnostic {
    let (kind, why) = if is_reserved(id) {
        ("theme", "the theme uses it itself")
    } else {
        ("twice", "an earlier heading or element has it")
    };
    Diagnostic::warning(
        "markdown/id-taken",
        format!("the id `{id}` cannot be used here: {why}; this one gets the id `{given}`"),
    )
    .words("markdown-id-taken")
    .arg("id", id)
    .arg("given", given)
    .arg("kind", kind)
    .at(at)
    .label("id already taken")
    .help(format!(
        "choose another id, e.g. {{#{id}-text}}, and link to it; the theme's ids are listed in docs/content-format.md"
    ))
}

/// The heading events between `start` and `end`, given ids: first those the
/// author wrote (`{#id}`: kept unless the theme or an earlier heading has
/// it, then renamed, with a warning at `offsets`), then from their text.
pub(super) fn assign_heading_ids(
    events: &mut [Event<'_>],
    headings: &[(usize, usize, usize)],
    ids: &mut HeadingIds,
    at: &impl Fn(usize) -> Location,
    diags: &mut Diagnostics,
) {
    for &(start, _, offset) in headings {
        let Event::Start(Tag::Heading { id: Some(id), .. }) = &mut events[start] else {
            continue;
        };
        if let Some(given) = ids.claim(id) {
            diags.push(taken(id, &given, at(offset)));
            *id = CowStr::from(given);
        }
    }
    for &(start, end, _) in headings {
        assign_heading_id(&mut events[..end], start, ids);
    }
}

/// The sanitized HTML of a text with every id unique and none of the
/// theme's: an id of its raw HTML that the theme uses (`<p id="main">`),
/// or that an element before it has, is renamed; returns each renamed id
/// with the id given and how many elements had it before (0 for the
/// first). The raw HTML's ids were kept from the headings before
/// ([`HeadingIds::reserve`]), so no heading is renamed here.
pub(super) fn rename_raw_ids(html: String, ids: &mut HeadingIds) -> (String, Vec<Renamed>) {
    if !html.contains(" id=\"") {
        return (html, Vec::new());
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut renamed = Vec::new();
    let mut out = String::with_capacity(html.len());
    let mut rest = html.as_str();
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let tag = &rest[at..at + crate::content::sanitize::tag_length(&rest[at..])];
        rest = &rest[at + tag.len()..];
        let Some((from, id)) = crate::content::sanitize::attribute_value(tag, "id") else {
            out.push_str(tag);
            continue;
        };
        let before = seen.entry(id.to_string()).or_insert(0);
        *before += 1;
        if !is_reserved(id) && *before == 1 {
            ids.used.insert(id.to_string());
            out.push_str(tag);
            continue;
        }
        let earlier = *before - 1;
        let given = ids.unique(id.to_string());
        seen.insert(given.clone(), 1);
        out.push_str(&tag[..from]);
        out.push_str(&given);
        out.push_str(&tag[from + id.len()..]);
        renamed.push(Renamed {
            id: id.to_string(),
            given,
            earlier,
        });
    }
    out.push_str(rest);
    (out, renamed)
}

/// An id of raw HTML renamed on the written page.
#[derive(Debug, PartialEq)]
pub(super) struct Renamed {
    /// The id written.
    pub id: String,
    /// The id given instead.
    pub given: String,
    /// How many elements before this one had the id written.
    pub earlier: usize,
}

/// Where the raw HTML of `markdown` writes `id="<id>"` (or with `'`, or
/// unquoted) as an attribute of its own, not the end of `data-id=` or of
/// a longer value.
pub(super) fn id_written_at(markdown: &str, id: &str) -> Option<usize> {
    let forms = [
        format!("id=\"{id}\""),
        format!("id='{id}'"),
        format!("id={id}"),
    ];
    forms.iter().enumerate().find_map(|(n, form)| {
        markdown.match_indices(form.as_str()).find_map(|(at, _)| {
            let before = markdown[..at].chars().next_back();
            let after = markdown[at + form.len()..].chars().next();
            let own = before.is_some_and(char::is_whitespace);
            let ends = n < 2 || after.is_none_or(|c| c.is_whitespace() || c == '>' || c == '/');
            (own && ends).then_some(at)
        })
    })
}

/// Gives a heading without `{#id}` an id made from its text, unique in the document.
fn assign_heading_id(events: &mut [Event<'_>], start: usize, ids: &mut HeadingIds) {
    let text: String = events[start..]
        .iter()
        .filter_map(|e| match e {
            Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
            _ => None,
        })
        .collect();
    if let Event::Start(Tag::Heading {
        level,
        id,
        classes,
        attrs,
    }) = &events[start]
    {
        if id.is_some() {
            return;
        }
        let base = crate::content::slug::slugify(&text);
        let base = if base.is_empty() {
            "section".to_string()
        } else {
            base
        };
        let candidate = ids.unique(base);
        let level: HeadingLevel = *level;
        events[start] = Event::Start(Tag::Heading {
            level,
            id: Some(CowStr::from(candidate)),
            classes: classes.clone(),
            attrs: attrs.clone(),
        });
    }
}

#[cfg(test)]
mod tests;
