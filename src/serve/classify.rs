//! What a changed path means for the site: a pure function of the folders
//! the site is read from and the path, so every rule is unit-tested
//! without a watcher.

use std::path::{Component, Path, PathBuf};

use crate::build::output::DEFAULT_OUTPUT;
use crate::config::{Config, Theme};
use crate::content::is_ignored;
use crate::fs::is_within;

/// Every folder a site is read from: its own, the school folders of a
/// directory's `include:`, and a theme folder (which may lie outside).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Roots {
    /// The site folder.
    pub(crate) site: PathBuf,
    /// The folders named in `include:`, as the loader reads them.
    pub(crate) included: Vec<PathBuf>,
    /// The theme folder named in site.yaml.
    pub(crate) theme: Option<PathBuf>,
}

impl Roots {
    /// The folders of the site in `config`.
    pub(crate) fn of(config: &Config) -> Self {
        Roots {
            site: config.root.clone(),
            included: config.include.clone(),
            theme: match &config.theme {
                Theme::Folder(dir) => Some(dir.clone()),
                Theme::Default => None,
            },
        }
    }

    /// The folders to watch: those not inside another one of them.
    pub(crate) fn to_watch(&self) -> Vec<PathBuf> {
        let mut all: Vec<PathBuf> = std::iter::once(self.site.clone())
            .chain(self.included.iter().cloned())
            .chain(self.theme.iter().cloned())
            .collect();
        all.sort();
        all.dedup();
        let inner = |d: &PathBuf| all.iter().any(|o| o != d && is_within(d, o));
        all.iter().filter(|d| !inner(d)).cloned().collect()
    }

    /// What a change of `path` means (see [`classify`] for the site folder).
    pub(crate) fn classify(&self, path: &Path) -> ChangeKind {
        if is_within(path, &self.site) {
            return classify(&self.site, path);
        }
        if let Some(dir) = self.included.iter().find(|d| is_within(path, d)) {
            return classify_included(dir, path);
        }
        match &self.theme {
            Some(dir) if is_within(path, dir) => match names(dir, path) {
                Some(parts) if parts.iter().any(|p| skipped(p)) => ChangeKind::Ignored,
                Some(parts) if parts.first() == Some(&"static") => ChangeKind::Static,
                Some(parts) if parts.first() == Some(&"i18n") => ChangeKind::I18n,
                Some(_) => ChangeKind::Template,
                None => ChangeKind::Ignored,
            },
            _ => ChangeKind::Ignored,
        }
    }
}

/// A change in an included school folder: the directory reads its clubs
/// and the settings they depend on, nothing else.
fn classify_included(dir: &Path, path: &Path) -> ChangeKind {
    let Some(parts) = names(dir, path) else {
        return ChangeKind::Ignored;
    };
    if parts.iter().any(|p| skipped(p)) {
        return ChangeKind::Ignored;
    }
    match (parts.first().copied(), parts.len()) {
        (None, _) => ChangeKind::Content,
        (Some("site.yaml" | "principles.yaml"), 1) => ChangeKind::Config,
        (Some("clubs"), _) => ChangeKind::Content,
        _ => ChangeKind::Ignored,
    }
}

/// The names of `path` below `root`; `None` outside it.
fn names<'a>(root: &Path, path: &'a Path) -> Option<Vec<&'a str>> {
    let rel = path.strip_prefix(root).ok()?;
    Some(
        rel.components()
            .filter_map(|c| match c {
                Component::Normal(s) => Some(s.to_str().unwrap_or("\u{FFFD}")),
                _ => None,
            })
            .collect(),
    )
}

/// Hidden files and editors' leftovers.
fn skipped(name: &str) -> bool {
    is_ignored(name) || is_editor_temp(name)
}

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
    /// UI messages: `i18n/*.ftl` (of the site or of a theme folder).
    I18n,
    /// Templates, or any other file of the site folder (a theme folder
    /// named in site.yaml, for one): compile the theme again.
    Template,
    /// `site.yaml` or `principles.yaml`: everything depends on them; also
    /// the site folder itself.
    Config,
}

/// Folders of `build`'s output that may sit inside a site folder.
const OUTPUT_FOLDERS: &[&str] = &[DEFAULT_OUTPUT];

/// Classifies a changed `path` (absolute, or relative to the current
/// folder like `root`) of the site in `root`.
pub fn classify(root: &Path, path: &Path) -> ChangeKind {
    let Some(parts) = names(root, path) else {
        return ChangeKind::Ignored;
    };
    let Some(first) = parts.first() else {
        return ChangeKind::Config;
    };
    if parts.iter().any(|p| skipped(p)) {
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

    fn directory() -> Roots {
        Roots {
            site: "/region".into(),
            included: vec!["/schools/a".into(), "/schools/b".into()],
            theme: Some("/themes/blue".into()),
        }
    }

    #[test]
    fn included_school_folders_are_watched_for_their_clubs_and_settings() {
        let r = directory();
        assert_eq!(
            r.classify(Path::new("/schools/b/clubs/x/club.yaml")),
            Content
        );
        assert_eq!(r.classify(Path::new("/schools/b/clubs/x")), Content);
        assert_eq!(r.classify(Path::new("/schools/b/principles.yaml")), Config);
        assert_eq!(r.classify(Path::new("/schools/b/site.yaml")), Config);
        assert_eq!(
            r.classify(Path::new("/schools/a/clubs/y/photos/a.jpg")),
            Content
        );
        // The directory does not read an included school's news or pages.
        assert_eq!(r.classify(Path::new("/schools/b/news/x.md")), Ignored);
        assert_eq!(
            r.classify(Path::new("/schools/b/clubs/x/.club.yaml.swp")),
            Ignored
        );
        assert_eq!(
            r.classify(Path::new("/schools/bb/clubs/x/club.yaml")),
            Ignored
        );
    }

    #[test]
    fn a_theme_folder_outside_the_site_is_the_theme() {
        let r = directory();
        assert_eq!(
            r.classify(Path::new("/themes/blue/templates/club.html")),
            Template
        );
        assert_eq!(
            r.classify(Path::new("/themes/blue/static/style.css")),
            Static
        );
        assert_eq!(r.classify(Path::new("/themes/blue/i18n/kk.ftl")), I18n);
        assert_eq!(
            r.classify(Path::new("/themes/blue/templates/x.html~")),
            Ignored
        );
        assert_eq!(r.classify(Path::new("/region/clubs/a/club.yaml")), Content);
    }

    #[test]
    fn folders_inside_another_are_watched_once() {
        let r = Roots {
            site: "/region".into(),
            included: vec!["/region/schools/a".into(), "/schools/b".into()],
            theme: Some("/region/theme".into()),
        };
        assert_eq!(
            r.to_watch(),
            vec![PathBuf::from("/region"), PathBuf::from("/schools/b")]
        );
    }
}
