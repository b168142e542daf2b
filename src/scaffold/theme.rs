//! `bitimger theme export DIR`: the default theme's templates and static
//! files and the built-in UI messages, written into DIR laid out as a
//! theme folder (`templates/`, `static/`, `i18n/`), so that
//! `theme: DIR` in site.yaml builds the same site until they are edited.
//!
//! All or nothing, like `schema` (`fresh.rs`): when any of those files is
//! in DIR already, nothing is written and the error names every one (an
//! edited theme is never overwritten, and a half-new theme never mixes
//! with an old one).
//!
//! Layer 7 (part of `scaffold`): imports `render` and `i18n` for the files.

use std::path::Path;

use super::{ScaffoldError, ScaffoldReport};

/// Every file of an exported theme: its path in DIR and its bytes.
fn theme_files() -> Vec<(String, &'static [u8])> {
    let mut files = crate::render::default_theme_files();
    files.extend(
        crate::i18n::builtin_message_files()
            .into_iter()
            .map(|(name, bytes)| (format!("i18n/{name}"), bytes)),
    );
    files.sort();
    files
}

/// Writes the default theme and the built-in UI messages into `dir`
/// (made when missing), all or nothing (see `fresh.rs`).
pub fn export_theme(dir: &Path) -> Result<ScaffoldReport, ScaffoldError> {
    let files = theme_files()
        .into_iter()
        .map(|(path, bytes)| (path, bytes.to_vec()))
        .collect();
    super::fresh::write_all_new(dir, files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_theme_has_its_templates_its_style_sheet_and_the_messages() {
        let names: Vec<String> = theme_files().into_iter().map(|(n, _)| n).collect();
        for name in [
            "templates/base.html",
            "templates/partials/logo.html",
            "static/assets/style.css",
            "i18n/kk.ftl",
            "i18n/ru.ftl",
            "i18n/en.ftl",
        ] {
            assert!(names.iter().any(|n| n == name), "{name}: {names:?}");
        }
        // The tool's own messages are not the site's.
        assert!(!names.iter().any(|n| n.contains("tool")), "{names:?}");
    }
}
