//! Heading ids and levels of a Markdown text: each heading without
//! `{#id}` gets an id made from its text, unique in the text and never one
//! of the theme's own; headings move down under the page's own title.
//!
//! Part of `markdown`; imports `content::slug`.

use std::collections::{HashMap, HashSet};

use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag, TagEnd};

/// Ids the theme uses on its own elements; Markdown headings never take them.
const RESERVED_IDS: &[&str] = &[
    "top",
    "main",
    "about",
    "goals",
    "tasks",
    "principles",
    "leaders",
    "members",
    "directions",
    "activities",
    "plan",
    "figures",
    "news",
    "gallery",
    "contacts",
    "feedback",
    "reports",
    "documents",
    "content",
    "search",
    "regions",
    "statistics",
];

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
    /// `base`, or `base-2`, `base-3` ..., the first not used yet.
    fn unique(&mut self, base: String) -> String {
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
}

/// Gives a heading without `{#id}` an id made from its text, unique in the document.
pub(super) fn assign_heading_id(events: &mut [Event<'_>], start: usize, ids: &mut HeadingIds) {
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
mod tests {
    use super::*;

    #[test]
    fn ids_are_numbered_past_those_taken() {
        let mut ids = HeadingIds::default();
        let got: Vec<String> = ["h", "h-2", "h", "h", "goals", "h-4"]
            .iter()
            .map(|b| ids.unique(b.to_string()))
            .collect();
        assert_eq!(got, ["h", "h-2", "h-3", "h-4", "goals-2", "h-4-2"]);
    }
}
