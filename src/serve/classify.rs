//! What a changed path means for the site: a pure function of the site
//! folder and the path, so every rule is unit-tested without a watcher.

use std::path::{Component, Path};

use crate::content::is_ignored;

/// The kind of a change, from the cheapest to handle to the widest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ChangeKind {
    /// Nothing the site is made of: hidden and editor temporary files, the
    /// output folder of `build`, paths outside the site.
    Ignored,
    /// A file copied as it is: `static/`.
    Static,
    /// Club folders, news, pages, documents: re-read what changed.
    Content,
    /// UI messages: `i18n/*.ftl`.
    I18n,
    /// Templates, or any other file of the site folder (a theme folder
    /// named in site.yaml, for one): compile the theme again.
    Template,
    /// `site.yaml` or `principles.yaml`: everything depends on them; also
    /// the site folder itself.
    Config,
}

/// Folders of `build`'s output that may sit inside a site folder.
const OUTPUT_FOLDERS: &[&str] = &["public"];

/// Classifies a changed `path` (absolute, or relative to the current
/// folder like `root`) of the site in `root`.
pub fn classify(root: &Path, path: &Path) -> ChangeKind {
    let Ok(rel) = path.strip_prefix(root) else {
        return ChangeKind::Ignored;
    };
    let parts: Vec<&str> = rel
        .components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s.to_str().unwrap_or("\u{FFFD}")),
            _ => None,
        })
        .collect();
    let Some(first) = parts.first() else {
        return ChangeKind::Config;
    };
    if parts.iter().any(|p| is_ignored(p) || is_editor_temp(p)) {
        return ChangeKind::Ignored;
    }
    match (*first, parts.len()) {
        ("site.yaml" | "principles.yaml", 1) => ChangeKind::Config,
        (name, _) if OUTPUT_FOLDERS.contains(&name) => ChangeKind::Ignored,
        ("clubs" | "news" | "pages" | "documents", _) => ChangeKind::Content,
        ("static", _) => ChangeKind::Static,
        ("i18n", _) => ChangeKind::I18n,
        ("templates", _) => ChangeKind::Template,
        _ => ChangeKind::Template,
    }
}

/// Temporary files of editors and browsers that `is_ignored` (which the
/// loader also uses) does not know: vim's write test, Kate and JetBrains
/// swap files, downloads in progress.
fn is_editor_temp(name: &str) -> bool {
    name == "4913"
        || name.ends_with(".kate-swp")
        || name.ends_with("___jb_tmp___")
        || name.ends_with("___jb_old___")
        || name.ends_with(".crdownload")
        || name.ends_with(".part")
}

#[cfg(test)]
mod tests {
    use super::*;
    use ChangeKind::*;

    fn kind(path: &str) -> ChangeKind {
        classify(Path::new("/site"), Path::new(path))
    }

    #[test]
    fn site_settings_are_config() {
        assert_eq!(kind("/site/site.yaml"), Config);
        assert_eq!(kind("/site/principles.yaml"), Config);
        assert_eq!(kind("/site"), Config);
    }

    #[test]
    fn club_files_and_folders_are_content() {
        assert_eq!(kind("/site/clubs/senim/club.yaml"), Content);
        assert_eq!(kind("/site/clubs/senim/reports/2024-2025.kk.md"), Content);
        assert_eq!(kind("/site/clubs/senim"), Content);
        assert_eq!(kind("/site/clubs"), Content);
        assert_eq!(kind("/site/clubs/senim/photos/a.jpg"), Content);
        assert_eq!(kind("/site/news/2025-03-01-x.ru.md"), Content);
        assert_eq!(kind("/site/pages/about.md"), Content);
        assert_eq!(kind("/site/documents/documents.yaml"), Content);
    }

    #[test]
    fn a_site_yaml_inside_a_folder_is_not_the_settings() {
        assert_eq!(kind("/site/clubs/senim/site.yaml"), Content);
    }

    #[test]
    fn theme_messages_and_static_files_have_their_kinds() {
        assert_eq!(kind("/site/templates/club.html"), Template);
        assert_eq!(kind("/site/templates/partials/head.html"), Template);
        assert_eq!(kind("/site/i18n/kk.ftl"), I18n);
        assert_eq!(kind("/site/static/style.css"), Static);
    }

    #[test]
    fn unknown_files_compile_the_theme_again() {
        assert_eq!(kind("/site/mytheme/templates/club.html"), Template);
        assert_eq!(kind("/site/README.md"), Template);
    }

    #[test]
    fn editor_leftovers_and_hidden_files_are_ignored() {
        assert_eq!(kind("/site/clubs/senim/.club.yaml.swp"), Ignored);
        assert_eq!(kind("/site/clubs/senim/club.yaml~"), Ignored);
        assert_eq!(kind("/site/clubs/senim/#club.yaml#"), Ignored);
        assert_eq!(kind("/site/clubs/senim/club.yaml.tmp"), Ignored);
        assert_eq!(kind("/site/.git/index"), Ignored);
        assert_eq!(kind("/site/clubs/.hidden/club.yaml"), Ignored);
        assert_eq!(kind("/site/site.yaml.bak"), Ignored);
        assert_eq!(kind("/site/clubs/senim/4913"), Ignored);
        assert_eq!(kind("/site/clubs/senim/club.yaml.kate-swp"), Ignored);
        assert_eq!(kind("/site/clubs/senim/club.yaml___jb_tmp___"), Ignored);
        assert_eq!(kind("/site/static/photo.jpg.crdownload"), Ignored);
    }

    #[test]
    fn the_output_folder_and_outside_paths_are_ignored() {
        assert_eq!(kind("/site/public/kk/index.html"), Ignored);
        assert_eq!(kind("/site/public"), Ignored);
        assert_eq!(kind("/elsewhere/site.yaml"), Ignored);
        assert_eq!(kind("/sitex/site.yaml"), Ignored);
    }
}
