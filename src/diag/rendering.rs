//! Diagnostics as text: rustc-style, numbered, with a snippet of the file
//! where the line is known, or as a JSON array (`check --format json`).
//!
//! Layer 0: imports nothing from the crate.

use std::path::Path;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use super::snippet::{SourceFiles, snippet_source};
use super::{Diagnostic, Diagnostics, Severity};

/// The words around every diagnostic (`error`, `warning`, `help`) in the
/// reader's language, by Fluent message id (`diag-error`, `diag-warning`,
/// `diag-help`); `None` keeps the English word. The tool's messages
/// (`messages::Messages`) speak; [`English`] says the built-in words.
pub trait Speak {
    /// The text of message `id`, when there is one.
    fn say(&self, id: &str) -> Option<String>;

    /// The text of message `id` (or of its `attribute`, `label` or `help`)
    /// with `args`, when there is one in the reader's language.
    fn say_with(
        &self,
        id: &str,
        attribute: Option<&str>,
        args: &[(&str, String)],
    ) -> Option<String> {
        let _ = (id, attribute, args);
        None
    }
}

/// The built-in English words.
pub struct English;

impl Speak for English {
    fn say(&self, _id: &str) -> Option<String> {
        None
    }
}

/// A diagnostic's message, label and help in the reader's language: its
/// [`super::Words`] said by `speak`, else the English texts.
pub(super) fn said(d: &Diagnostic, speak: &dyn Speak) -> (String, Option<String>, Option<String>) {
    let say = |attribute: Option<&str>, english: Option<&String>| {
        let english = english?;
        let words = d.words.as_ref();
        let local = words.and_then(|w| speak.say_with(w.id, attribute, &w.args));
        Some(local.unwrap_or_else(|| english.clone()))
    };
    (
        say(None, Some(&d.message)).unwrap_or_default(),
        say(Some("label"), d.label.as_ref()),
        say(Some("help"), d.help.as_ref()),
    )
}

/// The help of a problem with the hint to run `bitimger explain CODE`
/// after it (`diag-explain` in the reader's language), or the hint alone.
pub(super) fn with_explain_hint(help: Option<String>, code: &str, speak: &dyn Speak) -> String {
    let hint = speak
        .say_with("diag-explain", None, &[("code", code.to_string())])
        .unwrap_or_else(|| format!("Run `bitimger explain {code}` for more."));
    match help {
        Some(help) if help.ends_with(['.', '?', '!']) => format!("{help} {hint}"),
        Some(help) => format!("{help}. {hint}"),
        None => hint,
    }
}

/// The frame's words, said once per rendering.
struct Words {
    error: String,
    warning: String,
    help: String,
    note: String,
}

impl Words {
    fn of(speak: &dyn Speak) -> Self {
        let say = |id: &str, english: &str| speak.say(id).unwrap_or_else(|| english.to_string());
        Words {
            error: say("diag-error", "error"),
            warning: say("diag-warning", "warning"),
            help: say("diag-help", "help"),
            note: say("diag-note", "note"),
        }
    }
}

impl Diagnostics {
    /// Renders every problem rustc-style, numbered, with a snippet of the
    /// file where the line is known. Paths are shown relative to `base`;
    /// the frame's words are `speak`'s.
    pub fn render_text(&self, base: &Path, styled: bool, speak: &dyn Speak) -> String {
        let words = Words::of(speak);
        let renderer = if styled {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let sorted = self.sorted();
        let total = sorted.len();
        let mut out = String::new();
        let mut files = SourceFiles::default();
        for (i, d) in sorted.into_iter().enumerate() {
            if total > 1 {
                out.push_str(&format!("({}/{total}) ", i + 1));
            }
            out.push_str(&render_one(d, base, &renderer, &mut files, &words, speak));
            out.push_str("\n\n");
        }
        out
    }

    /// Renders every problem as a JSON array (for `--format json`): the
    /// stable fields (code, English message ...), `text`, the message
    /// in `speak`'s language, and `explain`, the command that explains it.
    pub fn render_json(&self, speak: &dyn Speak) -> String {
        let items: Vec<serde_json::Value> = self
            .sorted()
            .into_iter()
            .map(|d| {
                let mut item = serde_json::to_value(d).unwrap_or_default();
                if let Some(map) = item.as_object_mut() {
                    map.insert("text".to_string(), said(d, speak).0.into());
                    let explain = format!("bitimger explain {}", d.code);
                    map.insert("explain".to_string(), explain.into());
                }
                item
            })
            .collect();
        serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".to_string())
    }
}

/// Shows `path` relative to `base` when it is inside it.
pub fn display_path(path: &Path, base: &Path) -> String {
    path.strip_prefix(base)
        .unwrap_or(path)
        .display()
        .to_string()
}

fn render_one(
    d: &Diagnostic,
    base: &Path,
    renderer: &Renderer,
    files: &mut SourceFiles,
    words: &Words,
    speak: &dyn Speak,
) -> String {
    let (message, label, help) = said(d, speak);
    let help = with_explain_hint(help, d.code, speak);
    let school = d.school.as_ref().map(|s| school_note(s, speak));
    let level = match d.severity {
        Severity::Error => Level::ERROR.with_name(words.error.as_str()),
        Severity::Warning => Level::WARNING.with_name(words.warning.as_str()),
    };
    let title = level.primary_title(message.as_str()).id(d.code);
    let source = d
        .location
        .as_ref()
        .and_then(|l| snippet_source(l, base, files));
    let group = match (&source, &d.location) {
        (Some(src), _) => {
            let snippet = Snippet::source(src.text.as_str())
                .line_start(src.first_line)
                .path(src.path.as_str())
                .annotation(
                    AnnotationKind::Primary
                        .span(src.span.clone())
                        .label(label.as_deref().unwrap_or("")),
                );
            title.element(snippet)
        }
        (None, Some(loc)) => {
            let mut where_ = display_path(&loc.file, base);
            if let Some(line) = loc.line {
                where_.push_str(&format!(":{line}"));
                if let Some(column) = loc.column {
                    where_.push_str(&format!(":{column}"));
                }
            }
            title.element(annotate_snippets::Origin::path(where_))
        }
        (None, None) => Group::with_title(title),
    };
    let mut group = group.element(
        Level::HELP
            .with_name(words.help.as_str())
            .message(help.as_str()),
    );
    if let Some(school) = &school {
        group = group.element(
            Level::NOTE
                .with_name(words.note.as_str())
                .message(school.as_str()),
        );
    }
    renderer.render(&[group])
}

/// The note under a problem of an included school folder, naming it.
fn school_note(school: &str, speak: &dyn Speak) -> String {
    speak
        .say_with("diag-school", None, &[("school", school.to_string())])
        .unwrap_or_else(|| {
            format!("in the school folder `{school}`, which the directory's `include:` names")
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Location;

    #[test]
    fn snippets_name_the_file_once() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("club.yaml");
        std::fs::write(&file, "name: x\nleaderz: []\n").unwrap();
        let mut d = Diagnostics::new();
        d.push(
            Diagnostic::error("club/unknown-field", "unknown field").at(Location::at(&file, 2, 1)),
        );
        let text = d.render_text(dir.path(), false, &super::English);
        assert!(text.contains("--> club.yaml:2:1\n"), "{text}");
    }
}
