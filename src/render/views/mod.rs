//! Views: what templates see (docs/templates.md is their contract). Built
//! per page, borrowing the model; every link is relative to the page.
//! Here: localized texts, rendered Markdown, images, regions, escaping and
//! URL segments; the club's view in [`club`], reports and plans in
//! [`reports`], news and documents in [`posts`].
//!
//! Layer 4 (render): borrows the model through the page's [`Env`].

mod club;
mod posts;
mod reports;

use serde::Serialize;

pub(crate) use club::Grades;
pub(crate) use reports::ReportSummary;

use super::Env;
use super::images::ImageInfo;
use crate::content::Doc;
use crate::types::{Localized, Resolved};

/// A localized text in the page's language.
pub(crate) type Text<'a> = Resolved<'a>;

#[derive(Serialize)]
pub(crate) struct RegionView<'a> {
    pub code: &'a str,
    pub name: Text<'a>,
}

#[derive(Serialize)]
pub(crate) struct ImageView {
    pub src: String,
    /// The same image as WebP, when there is one (for `<picture>`).
    pub webp: Option<String>,
    pub width: u32,
    pub height: u32,
    pub thumb: Option<Box<ImageView>>,
}

#[derive(Serialize)]
pub(crate) struct ContentView<'a> {
    pub title: Text<'a>,
    pub body: Option<String>,
}

impl<'a> Env<'a> {
    /// A localized text in this page's language.
    pub(crate) fn text(&self, value: &'a Localized) -> Text<'a> {
        value.resolve(self.lang, &self.site.config.languages)
    }

    fn opt(&self, value: &'a Option<Localized>) -> Option<Text<'a>> {
        value.as_ref().map(|v| self.text(v))
    }

    fn texts(&self, values: &'a [Localized]) -> Vec<Text<'a>> {
        values.iter().map(|v| self.text(v)).collect()
    }

    /// Rendered Markdown in this language, wrapped with a notice on fallback.
    pub(crate) fn html(&self, doc: &'a Doc) -> Option<String> {
        let (body, lang, fallback) = doc.resolve(self.lang, &self.site.config.languages)?;
        let html = self.source_links().link(&body.html, &self.root);
        if !fallback {
            return Some(html.into_owned());
        }
        let notice = self.i18n.get(self.lang, "notice-untranslated");
        Some(format!(
            "<div class=\"fallback\" lang=\"{lang}\"><p class=\"fallback-notice\" lang=\"{}\">{}</p>{}</div>",
            self.lang,
            escape(&notice),
            html
        ))
    }

    /// A processed image with its thumbnail, linked from this page.
    fn image(&self, info: Option<&ImageInfo>) -> Option<ImageView> {
        let info = info?;
        Some(ImageView {
            thumb: info.thumb.as_ref().map(|t| Box::new(self.image_size(t))),
            ..self.image_size(info)
        })
    }

    /// One size of a processed image, without a thumbnail.
    fn image_size(&self, info: &ImageInfo) -> ImageView {
        ImageView {
            src: format!("{}{}", self.root, info.path),
            webp: info.webp.as_ref().map(|w| format!("{}{w}", self.root)),
            width: info.width,
            height: info.height,
            thumb: None,
        }
    }

    /// True when the school's locality names its region, one of the three
    /// cities («Алматы» in «Город Алматы»): a place line says it once.
    pub(crate) fn names_the_city(&self, school: &crate::content::School) -> bool {
        let (Some(region), Some(locality)) = (
            crate::builtin::region(&school.region),
            school.locality.as_ref(),
        ) else {
            return false;
        };
        let names: Vec<&str> = [&region.name, &region.short]
            .into_iter()
            .chain(region.sort.as_ref())
            .flat_map(|l| l.texts())
            .collect();
        let same = |a: &str| {
            names
                .iter()
                .any(|n| n.trim().to_lowercase() == a.trim().to_lowercase())
        };
        region.is_city() && locality.texts().into_iter().any(same)
    }

    pub(crate) fn region(&self, code: &'a str) -> RegionView<'a> {
        let name = crate::builtin::region(code).map(|r| self.text(&r.name));
        RegionView {
            code,
            name: name.unwrap_or(Resolved {
                text: code,
                lang: self.lang,
                fallback: false,
            }),
        }
    }
}

/// A file name as one segment of a URL path: spaces, `#`, `?`, `%` and
/// non-ASCII letters percent-encoded, so `Бұйрық № 114.pdf` links right.
pub(crate) fn url_segment(name: &str) -> String {
    use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};
    const SEGMENT: &AsciiSet = &CONTROLS
        .add(b' ')
        .add(b'"')
        .add(b'#')
        .add(b'%')
        .add(b'<')
        .add(b'>')
        .add(b'?')
        .add(b'`')
        .add(b'{')
        .add(b'}')
        .add(b'/')
        .add(b'\\');
    utf8_percent_encode(name, SEGMENT).to_string()
}

/// Escapes text for HTML and XML; control characters are left out.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Never valid in XML, never meant in a text.
            c if crate::fs::is_control(c) => {}
            _ => out.push(c),
        }
    }
    out
}
