//! `site.yaml` → [`Config`]: the site's title, languages, kind and settings.
//!
//! Layer 2: imports `diag`, `fs`, `types`, `yaml`.
//!
//! Here: the settings, read and checked as a whole; the checks of
//! `languages:` (`languages.rs`), `include:` (`include.rs`) and of web
//! addresses (`urls.rs`) are beside it.

mod include;
mod languages;
mod style;
mod urls;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;

use crate::diag::{Diagnostic, Diagnostics};
use crate::types::{LangCode, Localized, SafeUrl};
use crate::yaml::{self, Seg, Source};

pub use languages::BUILTIN_LANGS;
pub use style::{Accent, Logo, Style};
pub use urls::{base_url_option, check_url};

use include::validate_include;
use languages::validate_languages;
pub(crate) use style::RawStyle;
use style::validate_style;
use urls::validate_base_url;

/// `site.yaml` as written.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSite {
    title: Localized,
    description: Option<Localized>,
    #[schemars(extend("x-bitimger-kind" = "url"))]
    base_url: Option<String>,
    #[schemars(length(min = 1))]
    languages: Vec<String>,
    #[serde(default)]
    kind: SiteKind,
    publisher: Option<RawPublisher>,
    theme: Option<String>,
    style: Option<RawStyle>,
    #[serde(default)]
    include: Vec<String>,
    #[serde(default)]
    silence: Vec<String>,
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPublisher {
    name: Localized,
    #[schemars(extend("x-bitimger-kind" = "url"))]
    url: Option<String>,
}

/// What the site is.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, serde::Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum SiteKind {
    /// One school's club: the home page is the club's page.
    #[default]
    School,
    /// A region's directory of clubs.
    Directory,
}

/// Who runs the site.
#[derive(Debug, Clone)]
pub struct Publisher {
    /// Name.
    pub name: Localized,
    /// Web site.
    pub url: Option<SafeUrl>,
}

/// Where the theme comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Theme {
    /// The embedded default theme.
    Default,
    /// A theme folder (templates/, static/).
    Folder(PathBuf),
}

/// The validated site settings.
#[derive(Debug, Clone)]
pub struct Config {
    /// The site folder.
    pub root: PathBuf,
    /// Site title.
    pub title: Localized,
    /// Site description.
    pub description: Option<Localized>,
    /// Absolute base URL ending in `/`, when given.
    pub base_url: Option<String>,
    /// Languages; the first is the default.
    pub languages: Vec<LangCode>,
    /// School or directory.
    pub kind: SiteKind,
    /// Who runs the site.
    pub publisher: Option<Publisher>,
    /// The theme.
    pub theme: Theme,
    /// The site's own accent colour and style sheet (`style:`).
    pub style: Style,
    /// Other site folders whose clubs join this one (directories).
    pub include: Vec<PathBuf>,
    /// Warning codes not to report.
    pub silence: Vec<String>,
    /// site.yaml as read, for the rules over the whole site.
    pub text: Arc<str>,
    /// Every language the site could be published in (built in, or with
    /// i18n/<lang>.ftl), listed in `languages:` or not.
    pub known_languages: BTreeSet<String>,
}

impl Config {
    /// The default language.
    pub fn default_lang(&self) -> &LangCode {
        &self.languages[0]
    }

    /// Whether `lang` is a language the site could be published in (built
    /// in, or with i18n/<lang>.ftl), listed in `languages:` or not.
    pub fn knows_language(&self, lang: &str) -> bool {
        self.known_languages.contains(lang)
    }

    /// The path of site.yaml.
    pub fn file(&self) -> PathBuf {
        self.root.join("site.yaml")
    }

    /// The site's path on its host: `/`, or `/sub/` from base_url.
    pub fn base_path(&self) -> String {
        self.base_url
            .as_deref()
            .and_then(|u| url::Url::parse(u).ok())
            .map(|u| u.path().to_string())
            .unwrap_or_else(|| "/".to_string())
    }
}

/// Loads and checks `<root>/site.yaml`. Problems go to `diags`; `None` when
/// the file cannot be used at all.
pub fn load_config(root: &Path, diags: &mut Diagnostics) -> Option<Config> {
    let file = root.join("site.yaml");
    if !file.is_file() {
        diags.push(
            Diagnostic::error("site/missing", "there is no site.yaml in this folder")
                .words("site-missing")
                .in_file(&file)
                .help(
                    "a site is a folder with a site.yaml; create one with `bitimger init <folder>`",
                ),
        );
        return None;
    }
    let text = crate::fs::read_content(&file, diags)?;
    parse_config(root, &file, &text, diags)
}

/// Parses and checks the text of site.yaml (`file`, in `root`).
pub fn parse_config(
    root: &Path,
    file: &Path,
    text: &str,
    diags: &mut Diagnostics,
) -> Option<Config> {
    let source = Source {
        text,
        file,
        line_offset: 0,
        family: "site",
    };
    let raw: RawSite = match yaml::parse(source) {
        Ok(r) => r,
        // Read without its unknown fields: checked for more problems, and
        // the rest of the site against it; the build fails all the same.
        Err(failed) => match failed.report(diags) {
            Some(lenient) => lenient,
            None => return recover(root, source, diags),
        },
    };
    validate(root, raw, source, diags)
}

/// The parts of site.yaml that the rest of the site needs to be checked.
#[derive(Debug, Deserialize)]
struct RawSiteLenient {
    languages: Vec<String>,
    kind: Option<String>,
}

/// When site.yaml has an error (a misspelt field, a wrong value) but its
/// languages can still be read, a stand-in configuration lets the rest of
/// the site be checked in the same run. The build fails anyway: the error
/// is already reported.
fn recover(root: &Path, src: Source<'_>, diags: &mut Diagnostics) -> Option<Config> {
    let lenient: RawSiteLenient = yaml::parse(src).ok()?;
    let languages = validate_languages(root, lenient.languages, src, diags)?;
    Some(Config {
        root: root.to_path_buf(),
        title: Localized::All(String::new()),
        description: None,
        base_url: None,
        languages,
        kind: match lenient.kind.as_deref().map(str::trim) {
            Some("directory") => SiteKind::Directory,
            _ => SiteKind::School,
        },
        publisher: None,
        theme: Theme::Default,
        style: Style::default(),
        include: Vec::new(),
        silence: Vec::new(),
        text: Arc::from(src.text),
        known_languages: languages::known(root),
    })
}

fn validate(root: &Path, raw: RawSite, src: Source<'_>, diags: &mut Diagnostics) -> Option<Config> {
    let RawSite {
        title,
        description,
        base_url,
        languages,
        kind,
        publisher,
        theme,
        style,
        include,
        silence,
    } = raw;
    let languages = validate_languages(root, languages, src, diags)?;
    let base_url = base_url.and_then(|u| validate_base_url(&u, src, diags));
    let publisher = publisher.map(|p| Publisher {
        name: p.name,
        url: p
            .url
            .and_then(|u| check_url(&u, src, &[Seg::Key("publisher"), Seg::Key("url")], diags)),
    });
    let theme = match theme.as_deref().map(str::trim) {
        None | Some("default") | Some("") => Theme::Default,
        Some(path) => {
            let folder = crate::fs::join_clean(root, path);
            if !folder.join("templates").is_dir() {
                diags.push(
                    Diagnostic::error(
                        "site/theme-missing",
                        format!("the theme folder `{path}` has no templates/ folder"),
                    )
                    .words("site-theme-missing")
                    .arg("path", path)
                    .at(yaml::locate_value(src, &[Seg::Key("theme")]))
                    .help("write `theme: default`, or the path of a theme folder relative to site.yaml"),
                );
            }
            Theme::Folder(folder)
        }
    };
    let style = validate_style(root, style.unwrap_or_default(), src, diags);
    let include = validate_include(root, &include, kind, src, diags);
    validate_silence(&silence, src, diags);
    Some(Config {
        root: root.to_path_buf(),
        title,
        description,
        base_url,
        languages,
        kind,
        publisher,
        theme,
        style,
        include,
        silence,
        text: Arc::from(src.text),
        known_languages: languages::known(root),
    })
}

/// Every code under `silence:` is one the program has (diag::codes): a
/// misspelt one would silence nothing, and say nothing about it.
fn validate_silence(silence: &[String], src: Source<'_>, diags: &mut Diagnostics) {
    let known = || crate::diag::codes::all().map(|c| c.code);
    for (i, code) in silence.iter().enumerate() {
        if crate::diag::codes::find(code.trim()).is_some() {
            continue;
        }
        let help = match crate::diag::did_you_mean(code, known()) {
            Some(near) => format!("did you mean `{near}`? The codes are listed in docs/check.md"),
            None => "write a code as a warning shows it, e.g. `privacy/staff-mobile`; the codes are listed in docs/check.md".to_string(),
        };
        diags.push(
            Diagnostic::error(
                "site/unknown-silence",
                format!("`{code}` is not the code of any problem bitimger reports"),
            )
            .at(yaml::locate_value(
                src,
                &[Seg::Key("silence"), Seg::Index(i)],
            ))
            .label("no such code")
            .help(help),
        );
    }
}
