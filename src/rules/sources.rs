//! Where a link by source path (`[rules](pages/rules.md#goals)`) was
//! written, for the link rule: a link of a rendered page that leads
//! nowhere, and that a source path became, is reported at the Markdown
//! line of that source path instead of only naming the page.
//!
//! Layer 5: imports `content`, `diag`, `render`.

use std::collections::HashMap;

use crate::content::{Body, Site};
use crate::diag::Location;
use crate::render::{Paths, source_page_file};

/// The place of every link by source path to a page, by the output file
/// (and `#part`) it leads to in each language.
pub(super) struct SourcePlaces {
    by_target: HashMap<String, Location>,
    /// The site's path on its host (`/`, or `/sub/` from base_url).
    pub base_path: String,
}

impl SourcePlaces {
    /// The places of the source paths written in `bodies`.
    pub(super) fn of(site: &Site, bodies: &[&Body]) -> Self {
        let paths = Paths {
            kind: site.config.kind,
        };
        let mut by_target = HashMap::new();
        for body in bodies {
            for link in &body.links {
                let Some(linked) = site.sources.get(&link.path) else {
                    continue;
                };
                for lang in &site.config.languages {
                    if let Some(file) = source_page_file(paths, linked, lang) {
                        let at = Location::at(&body.file, link.line, link.column);
                        by_target
                            .entry(format!("{file}{}", link.rest))
                            .or_insert(at);
                    }
                }
            }
        }
        SourcePlaces {
            by_target,
            base_path: site.config.base_path(),
        }
    }

    /// Where a source path leading to `target` (`ru/pages/rules/index.html#goals`)
    /// was written, when one does.
    pub(super) fn find(&self, target: &str) -> Option<Location> {
        self.by_target.get(target).cloned()
    }
}
