//! A directory's included school folders in the pipeline: each problem
//! named with its school, and, with `--skip-broken-includes`, a school
//! folder with errors left out of the site with a warning instead of
//! failing it.
//!
//! Part of layer 6 (`build`).

use std::path::{Component, Path, PathBuf};

use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics, Location};

/// Each included folder of the site in `dir`, with its name as shown: its
/// path from the directory's folder, as `include:` writes it (`../school-b`).
pub(crate) fn schools(dir: &Path, config: &Config) -> Vec<(PathBuf, String)> {
    config
        .include
        .iter()
        .map(|folder| (folder.clone(), relative(dir, folder)))
        .collect()
}

/// `to` as a path from `from` (both written alike: absolute, or relative
/// to the same folder), with `/` between names.
fn relative(from: &Path, to: &Path) -> String {
    let from = crate::fs::join_clean(from, ".");
    let from: Vec<Component<'_>> = from.components().collect();
    let to: Vec<Component<'_>> = to.components().collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let up = (common..from.len()).map(|_| "..".to_string());
    let down = to[common..]
        .iter()
        .map(|c| c.as_os_str().to_string_lossy().into_owned());
    let parts: Vec<String> = up.chain(down).collect();
    if parts.is_empty() {
        ".".to_string()
    } else {
        parts.join("/")
    }
}

/// The schools of `found` (attributed) that have errors, each with its
/// folder and how many errors it has.
pub(crate) fn broken(
    schools: &[(PathBuf, String)],
    found: &Diagnostics,
) -> Vec<(PathBuf, String, usize)> {
    found
        .per_school()
        .into_iter()
        .filter(|(_, errors, _)| *errors > 0)
        .filter_map(|(name, errors, _)| {
            let (dir, _) = schools.iter().find(|(_, n)| *n == name)?;
            Some((dir.clone(), name, errors))
        })
        .collect()
}

/// The warning that the school folder `name` (`folder`) with `errors`
/// errors is left out of the site, at its line of `include:`.
pub(crate) fn skipped_warning(
    folder: &Path,
    name: &str,
    errors: usize,
    config: &Config,
) -> Diagnostic {
    let mut d = Diagnostic::warning(
        "site/include-skipped",
        format!(
            "the included school folder {name} has {errors} error(s) and is LEFT OUT of this site (--skip-broken-includes): its clubs are not published"
        ),
    )
    .words("site-include-skipped")
    .arg("folder", name)
    .arg("errors", errors)
    .at(include_line(config, folder))
    .help("fix the problems listed for this folder (or ask the school to), then build again");
    d.school = Some(name.to_string());
    d
}

/// Where site.yaml names `folder` in `include:` (the whole file when it
/// cannot be found again).
fn include_line(config: &Config, folder: &Path) -> Location {
    let file = config.file();
    let Ok(text) = std::fs::read_to_string(&file) else {
        return Location::file(file);
    };
    let source = crate::yaml::Source {
        text: &text,
        file: &file,
        line_offset: 0,
        family: "site",
    };
    let names = |t: &str| crate::fs::join_clean(&config.root, t) == folder;
    crate::yaml::find_values(source, &names)
        .into_iter()
        .next()
        .map_or_else(|| Location::file(&file), |(at, _)| at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn included_folders_are_named_from_the_directory() {
        let r = |a: &str, b: &str| relative(Path::new(a), Path::new(b));
        assert_eq!(r("/s/region", "/s/school-a"), "../school-a");
        assert_eq!(r("./region", "school-a"), "../school-a");
        assert_eq!(r("region", "region/schools/a"), "schools/a");
        assert_eq!(r(".", "../school-b"), "../school-b");
        assert_eq!(r("../region", "../school-b"), "../school-b");
    }
}
