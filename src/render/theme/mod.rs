//! The theme: Tera templates (embedded default, a theme folder, the site's
//! overrides by file name) with bitimger's functions and filters
//! (`functions`), and the theme's static files.
//!
//! Layer 4 (render): imports `config`, `content`, `diag`, `i18n` and
//! `render::kinds`.

mod errors;
mod functions;
mod typography;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use include_dir::{Dir, include_dir};
use tera::Tera;

use super::kinds::theme_templates;
use crate::config::Theme;
use crate::content::Site;
use crate::diag::{Diagnostic, Diagnostics, did_you_mean};
use crate::i18n::I18n;
pub(crate) use errors::template_diagnostic;
use functions::register;

static DEFAULT_THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// A compiled theme.
pub(crate) struct CompiledTheme {
    pub tera: Tera,
    /// Static files of the theme: output path → bytes or file.
    pub statics: Vec<(String, StaticSource)>,
    /// Where each template came from, for error locations.
    pub sources: HashMap<String, PathBuf>,
}

/// Where a theme file comes from.
pub(crate) enum StaticSource {
    Embedded(&'static [u8]),
    File(PathBuf),
}

/// Compiles the theme of `site` with `i18n` bound into `t()`.
pub(crate) fn compile_theme(
    site: &Site,
    i18n: Arc<I18n>,
    diags: &mut Diagnostics,
) -> Option<CompiledTheme> {
    let mut files = ThemeFiles::embedded();
    if let Theme::Folder(dir) = &site.config.theme {
        load_theme_folder(dir, &mut files, diags);
    }
    for (name, text, path) in &site.templates {
        let known = files.templates.iter().any(|(n, _)| n == name) || name.starts_with("partials/");
        if !known {
            diags.push(unknown_template(name, path));
        }
        files.set_template(name.clone(), text.clone(), path.clone());
    }
    let ThemeFiles {
        templates,
        sources,
        statics,
    } = files;
    let mut tera = Tera::new();
    tera.autoescape_on(vec![".html", ".xml", ".svg"]);
    register(&mut tera, i18n, &site.config.languages);
    if let Err(e) = tera.add_raw_templates(templates.iter().map(|(n, t)| (n.as_str(), t.as_str())))
    {
        errors::compile_diagnostics(&e, &sources)
            .into_iter()
            .for_each(|d| diags.push(d));
        return None;
    }
    Some(CompiledTheme {
        tera,
        statics,
        sources,
    })
}

/// The files a theme is compiled from.
struct ThemeFiles {
    /// Template name and text, in the order they were added.
    templates: Vec<(String, String)>,
    /// Where each template came from.
    sources: HashMap<String, PathBuf>,
    /// Static files: output path → bytes or file.
    statics: Vec<(String, StaticSource)>,
}

impl ThemeFiles {
    /// The default theme, embedded in bitimger.
    fn embedded() -> Self {
        let mut files = ThemeFiles {
            templates: Vec::new(),
            sources: HashMap::new(),
            statics: Vec::new(),
        };
        for file in embedded_files(&DEFAULT_THEME) {
            let path = file.path().to_string_lossy().replace('\\', "/");
            if let Some(name) = path.strip_prefix("templates/") {
                files.templates.push((
                    name.to_string(),
                    file.contents_utf8().unwrap_or("").to_string(),
                ));
                files.sources.insert(
                    name.to_string(),
                    PathBuf::from(format!("themes/default/{path}")),
                );
            } else if let Some(out) = path.strip_prefix("static/") {
                files
                    .statics
                    .push((out.to_string(), StaticSource::Embedded(file.contents())));
            }
        }
        files
    }

    /// Puts the template `name`, read from `source`, in place of the one
    /// of that name.
    fn set_template(&mut self, name: String, text: String, source: PathBuf) {
        self.templates.retain(|(n, _)| *n != name);
        self.templates.push((name.clone(), text));
        self.sources.insert(name, source);
    }
}

/// The warning for a file of the site's templates/ that replaces no
/// template of the theme.
fn unknown_template(name: &str, path: &Path) -> Diagnostic {
    let message = format!(
        "`{name}` is not a template of the theme, so it is only used if another template includes it"
    );
    let d = match did_you_mean(name, theme_templates()) {
        Some(s) => Diagnostic::warning("template/unknown", message)
            .words("template-unknown-suggest")
            .arg("name", name)
            .arg("suggestion", s)
            .help(format!(
                "did you mean `{s}`? A file in templates/ replaces the theme's template of the same name"
            )),
        None => {
            let all = theme_templates().collect::<Vec<_>>().join(", ");
            Diagnostic::warning("template/unknown", message)
                .words("template-unknown")
                .arg("name", name)
                .arg("templates", &all)
                .help(format!(
                    "a file in templates/ replaces the theme's template of the same name: {all}"
                ))
        }
    };
    d.in_file(path)
}

/// The default theme's files, by their path in the theme
/// (`templates/base.html`, `static/assets/style.css`), for
/// `bitimger theme export`.
pub fn default_theme_files() -> Vec<(String, &'static [u8])> {
    embedded_files(&DEFAULT_THEME)
        .into_iter()
        .map(|f| (f.path().to_string_lossy().replace('\\', "/"), f.contents()))
        .collect()
}

fn embedded_files(dir: &'static Dir<'static>) -> Vec<&'static include_dir::File<'static>> {
    let mut out: Vec<_> = dir.files().collect();
    for d in dir.dirs() {
        out.extend(embedded_files(d));
    }
    out
}

fn load_theme_folder(dir: &Path, files: &mut ThemeFiles, diags: &mut Diagnostics) {
    for (sub, is_templates) in [("templates", true), ("static", false)] {
        let base = dir.join(sub);
        for entry in walkdir::WalkDir::new(&base)
            .sort_by_file_name()
            .into_iter()
            .flatten()
        {
            if !entry.file_type().is_file() {
                continue;
            }
            let rel = entry.path().strip_prefix(&base).unwrap_or(entry.path());
            let name = rel.to_string_lossy().replace('\\', "/");
            if is_templates {
                if let Some(text) = crate::fs::read_content(entry.path(), diags) {
                    files.set_template(name, text, entry.path().to_path_buf());
                }
            } else {
                files.statics.retain(|(n, _)| *n != name);
                files
                    .statics
                    .push((name, StaticSource::File(entry.path().to_path_buf())));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_theme_has_a_template_for_every_page_kind() {
        for name in theme_templates() {
            let file = DEFAULT_THEME.get_file(format!("templates/{name}"));
            assert!(file.is_some(), "themes/default/templates/{name} is missing");
        }
    }
}
