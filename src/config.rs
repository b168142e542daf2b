//! `site.yaml` → [`Config`]: the site's title, languages, kind and settings.
//!
//! Layer 2: imports `diag`, `fs`, `types`, `yaml`.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diag::{Diagnostic, Diagnostics, did_you_mean};
use crate::types::{LangCode, Localized, SafeUrl, UrlKind, UrlProblem};
use crate::yaml::{self, Seg, Source};

/// Languages whose UI messages are built in.
pub const BUILTIN_LANGS: &[&str] = &["kk", "ru", "en"];

/// `site.yaml` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSite {
    title: Localized,
    description: Option<Localized>,
    base_url: Option<String>,
    languages: Vec<String>,
    #[serde(default)]
    kind: SiteKind,
    publisher: Option<RawPublisher>,
    theme: Option<String>,
    #[serde(default)]
    include: Vec<String>,
    #[serde(default)]
    silence: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPublisher {
    name: Localized,
    url: Option<String>,
}

/// What the site is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, serde::Serialize)]
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
    /// Other site folders whose clubs join this one (directories).
    pub include: Vec<PathBuf>,
    /// Warning codes not to report.
    pub silence: Vec<String>,
}

impl Config {
    /// The default language.
    pub fn default_lang(&self) -> &LangCode {
        &self.languages[0]
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
        include: Vec::new(),
        silence: Vec::new(),
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
                    .at(yaml::locate_value(src, &[Seg::Key("theme")]))
                    .help("write `theme: default`, or the path of a theme folder relative to site.yaml"),
                );
            }
            Theme::Folder(folder)
        }
    };
    let include = validate_include(root, &include, kind, src, diags);
    Some(Config {
        root: root.to_path_buf(),
        title,
        description,
        base_url,
        languages,
        kind,
        publisher,
        theme,
        include,
        silence,
    })
}

/// The folders of `include:`, each checked: it must exist and be a site
/// folder (site.yaml or clubs/), other than this one, in a directory site.
fn validate_include(
    root: &Path,
    include: &[String],
    kind: SiteKind,
    src: Source<'_>,
    diags: &mut Diagnostics,
) -> Vec<PathBuf> {
    if !include.is_empty() && kind != SiteKind::Directory {
        diags.push(
            Diagnostic::error(
                "site/include-school",
                "`include:` joins other folders' clubs into a directory, and this is a school site",
            )
            .at(yaml::locate(src, &[Seg::Key("include")]))
            .help("write `kind: directory` in site.yaml, or remove `include:`"),
        );
        return Vec::new();
    }
    let mut folders = Vec::new();
    for (i, written) in include.iter().enumerate() {
        let at = yaml::locate(src, &[Seg::Key("include"), Seg::Index(i)]);
        let dir = crate::fs::join_clean(root, written);
        let problem = if !dir.is_dir() {
            Some(format!(
                "the included folder `{written}` ({}) does not exist",
                dir.display()
            ))
        } else if !dir.join("site.yaml").is_file() && !dir.join("clubs").is_dir() {
            Some(format!(
                "the included folder `{written}` ({}) has no site.yaml and no clubs/ folder",
                dir.display()
            ))
        } else if same_folder(&dir, root) {
            Some(format!("`{written}` is this site's own folder"))
        } else if folders.iter().any(|f: &PathBuf| same_folder(f, &dir)) {
            Some(format!("the folder `{written}` is included twice"))
        } else {
            None
        };
        match problem {
            Some(message) => diags.push(
                Diagnostic::error("site/include-missing", message)
                    .at(at)
                    .help("each entry of `include:` is the path of another site folder (with clubs/), relative to this site.yaml, e.g. ../school-a"),
            ),
            None => folders.push(dir),
        }
    }
    folders
}

fn same_folder(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

fn validate_languages(
    root: &Path,
    languages: Vec<String>,
    src: Source<'_>,
    diags: &mut Diagnostics,
) -> Option<Vec<LangCode>> {
    if languages.is_empty() {
        diags.push(
            Diagnostic::error("site/no-languages", "`languages` lists no language")
                .at(yaml::locate(src, &[Seg::Key("languages")]))
                .help("write for example `languages: [kk, ru]`; the first is the default"),
        );
        return None;
    }
    let mut ok = true;
    for (i, lang) in languages.iter().enumerate() {
        let at = yaml::locate_value(src, &[Seg::Key("languages"), Seg::Index(i)]);
        let valid_tag = lang.parse::<unic_langid::LanguageIdentifier>().is_ok()
            && lang.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        let has_messages = BUILTIN_LANGS.contains(&lang.as_str())
            || root.join("i18n").join(format!("{lang}.ftl")).is_file();
        if languages[..i].contains(lang) {
            diags.push(
                Diagnostic::error(
                    "site/duplicate-language",
                    format!("language `{lang}` is listed twice"),
                )
                .at(at)
                .help("list each language once"),
            );
            ok = false;
        } else if !valid_tag || !has_messages {
            let suggestion = did_you_mean(lang, BUILTIN_LANGS.iter().copied());
            let help = match suggestion {
                Some(s) => format!(
                    "did you mean `{s}`? Built-in languages are kk, ru and en; another language needs its UI messages in i18n/{lang}.ftl"
                ),
                None => format!(
                    "built-in languages are kk, ru and en; to add `{lang}`, create i18n/{lang}.ftl in the site folder (copy the English messages and translate them)"
                ),
            };
            let message = if valid_tag {
                format!("language `{lang}` has no UI messages: i18n/{lang}.ftl is missing")
            } else {
                format!("`{lang}` is not a language code")
            };
            diags.push(
                Diagnostic::error("site/unknown-language", message)
                    .at(at)
                    .help(help),
            );
            ok = false;
        }
    }
    ok.then(|| languages.into_iter().map(LangCode::new).collect())
}

fn validate_base_url(url: &str, src: Source<'_>, diags: &mut Diagnostics) -> Option<String> {
    let safe = check_url(url, src, &[Seg::Key("base_url")], diags)?;
    if !matches!(safe.kind, UrlKind::Https | UrlKind::Http) {
        diags.push(
            Diagnostic::error(
                "site/base-url",
                "`base_url` must be a web address (https://...)",
            )
            .at(yaml::locate_value(src, &[Seg::Key("base_url")])),
        );
        return None;
    }
    let mut u = safe.url;
    if !u.ends_with('/') {
        u.push('/');
    }
    Some(u)
}

/// Checks a URL against the allow-list, reporting at `path` in `src`.
pub fn check_url(
    url: &str,
    src: Source<'_>,
    path: &[Seg<'_>],
    diags: &mut Diagnostics,
) -> Option<SafeUrl> {
    let at = yaml::locate_value(src, path);
    match SafeUrl::parse(url) {
        Ok(safe) => {
            if safe.kind == UrlKind::Http {
                diags.push(
                    Diagnostic::warning(
                        "url/insecure",
                        format!("`{url}` is not encrypted (http:)"),
                    )
                    .at(at)
                    .help("use the https:// address if the site has one"),
                );
            }
            Some(safe)
        }
        Err(UrlProblem::Scheme(scheme)) => {
            diags.push(
                Diagnostic::error(
                    "url/scheme",
                    format!("links starting with `{scheme}:` are not allowed"),
                )
                .at(at)
                .label("unsafe link")
                .help("write a web address (https://...), an e-mail (mailto:...) or a phone (tel:...)"),
            );
            None
        }
        Err(UrlProblem::Invalid) => {
            diags.push(
                Diagnostic::error(
                    "url/invalid",
                    format!("`{url}` is not a complete web address"),
                )
                .at(at)
                .help("write the whole address, starting with https://"),
            );
            None
        }
    }
}
