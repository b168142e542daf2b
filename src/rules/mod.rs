//! The rules over the whole site, run by the one pipeline
//! (`build::pipeline`) for every command, so `build`, `check` and `serve`
//! apply the same ones: what must never be published (an IIN: an error),
//! what must work (internal links and anchors: errors), and what authors
//! should know (privacy, feedback links, alt texts: warnings) (DESIGN.md §5).
//!
//! [`Rules`] runs in three steps: over the loaded site before anything is
//! rendered, over every output file as it is rendered (from many threads;
//! pages are scanned and dropped, not kept), and once all are rendered.
//!
//! Layer 5: imports `render` (the output file type), `content`, `config`,
//! `diag`, `fs`; never `yaml`: the model keeps the texts the loader read
//! and the places findings point at. Every rule has a stable code, listed with all
//! others in `diag::codes` and explained in docs/check.md; warnings are
//! silenced by naming their code under `silence:` in site.yaml.

mod detect;
mod iin;
mod links;
mod placeholders;
mod privacy;
mod resolve;
#[cfg(test)]
mod rng;
mod script;
mod sources;
mod tags;
mod text;

use crate::content::Site;
use crate::diag::{Diagnostic, Diagnostics, Location};
use crate::render::OutputFile;

/// The rules of one run of the pipeline. Create one per build, check or
/// rebuild.
#[derive(Default)]
pub struct Rules {
    iin: iin::Guard,
    links: links::Scan,
}

impl Rules {
    /// A fresh set of rules, with nothing seen yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// The rules over the loaded site, before anything is rendered. An
    /// error here (an IIN in a file) means nothing may be rendered.
    pub fn site(&self, site: &Site, diags: &mut Diagnostics) {
        self.iin.site(site, diags);
        privacy::check_texts(site, diags);
        check_clubs(site, diags);
        static_images(site, diags);
        empty_alts(site, diags);
    }

    /// Looks at one output file before it goes anywhere (from many threads
    /// at once): what it shows, what it links to.
    pub fn file(&self, file: &OutputFile) {
        self.iin.file(file);
        self.links.add(file);
    }

    /// The rules over everything rendered: numbers that only the output
    /// shows, links and anchors that lead nowhere. Links are left alone
    /// when `diags` has errors already: pages that failed to render would
    /// show as broken links.
    pub fn finish(self, site: &Site, diags: &mut Diagnostics) {
        self.iin.finish(diags);
        if !diags.has_errors() {
            self.links.finish(site, diags);
        }
    }
}

/// The rules of each club, at the places the loader recorded.
fn check_clubs(site: &Site, diags: &mut Diagnostics) {
    for club in &site.clubs {
        privacy::check_club(club, diags);
        if club.feedback.is_empty() {
            diags.push(
                Diagnostic::warning("club/no-feedback", "this club has no feedback link")
                    .words("club-no-feedback")
                    .at(club.feedback_at.clone())
                    .help("add `feedback:` with at least one of `question`, `application` or `anonymous` (a form address), so pupils can reach the club"),
            );
        }
        photos_alt(club, diags);
    }
}

/// Images published as they are (static/, documents/) keep their metadata:
/// a photo's GPS position, the camera owner's name.
fn static_images(site: &Site, diags: &mut Diagnostics) {
    let files = site
        .static_files
        .iter()
        .map(|a| &a.source)
        .chain(site.documents.iter().map(|d| &d.source));
    for path in files {
        let is_image = path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
            ["jpg", "jpeg", "png", "webp"].contains(&e.to_ascii_lowercase().as_str())
        });
        // Metadata sits before or among the first pixels; a bounded read
        // keeps a multi-gigabyte file named .jpg from filling the memory.
        let head = || crate::fs::read_head(path, 64 << 20).ok();
        let Some(bytes) = is_image.then(head).flatten() else {
            continue;
        };
        let found = detect::image_metadata(&bytes);
        if !found.is_empty() {
            diags.push(
                Diagnostic::warning(
                    "privacy/static-image-metadata",
                    format!("this image is published as it is, with its {} metadata (it may hold a GPS position, a date, a name)", found.join(" and ")),
                )
                .words("privacy-static-image-metadata")
                .arg("kinds", found.join(", "))
                .in_file(path)
                .help("put photos in a club's photos/ folder, where they are published without metadata, or save a copy without metadata"),
            );
        }
    }
}

/// Markdown images written without a description: `![](photo.jpg)`.
fn empty_alts(site: &Site, diags: &mut Diagnostics) {
    for body in links::markdown_bodies(site) {
        for (i, line) in body.markdown().lines().enumerate() {
            for col in empty_alt_columns(line) {
                diags.push(
                    Diagnostic::warning("a11y/img-alt", "this image has no description (alt text)")
                        .words("a11y-img-alt-markdown")
                        .at(Location::at(&body.file, body.first_line + i, col))
                        .help("write a short description between the brackets: ![Trainees role-playing a mediation](photo.jpg)"),
                );
            }
        }
    }
}

/// The columns (1-based) of the `![]` on `line` with only blanks between
/// the brackets. One pass over the line, however many `![` it holds.
fn empty_alt_columns(line: &str) -> Vec<usize> {
    let mut found = Vec::new();
    let (mut counted, mut column) = (0, 1);
    for (at, _) in line.match_indices("![") {
        let inside = &line[at + 2..];
        // Only blanks up to the `]`: no text can be the description.
        let blank = inside.trim_start().starts_with(']');
        if blank {
            column += line[counted..at].chars().count();
            counted = at;
            found.push(column);
        }
    }
    found
}

/// Gallery photos without an `alt` in photos/photos.yaml.
fn photos_alt(club: &crate::content::Club, diags: &mut Diagnostics) {
    for photo in club.gallery.photos.iter().filter(|p| p.alt.is_none()) {
        let name = photo
            .source
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let location = photo
            .listed_at
            .clone()
            .unwrap_or_else(|| Location::file(&photo.source));
        diags.push(
            Diagnostic::warning("a11y/img-alt", format!("the photo `{name}` has no alt text"))
                .words("a11y-img-alt-photo")
                .arg("name", &name)
                .at(location)
                .help(format!(
                    "describe it in photos/photos.yaml: `- {{file: {name}, alt: {{kk: \"...\", ru: \"...\"}}}}`"
                )),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_images_without_descriptions_on_long_lines() {
        assert_eq!(empty_alt_columns("a ![](x.png) ![b](y) қ![ ](z)"), [3, 23]);
        let long = "![".repeat(100_000);
        assert!(empty_alt_columns(&long).is_empty());
    }
}
