//! `include:` of a directory's site.yaml: the other site folders whose
//! clubs join this one, each checked.
//!
//! Layer 2: imports `diag`, `fs`, `yaml`.

use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Diagnostics};
use crate::yaml::{self, Seg, Source};

use super::SiteKind;

/// The folders of `include:`, each checked: it must exist and be a site
/// folder (site.yaml or clubs/), other than this one, in a directory site.
pub(super) fn validate_include(
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
            .words("site-include-school")
            .at(yaml::locate(src, &[Seg::Key("include")]))
            .help("write `kind: directory` in site.yaml, or remove `include:`"),
        );
        return Vec::new();
    }
    let mut folders = Vec::new();
    for (i, written) in include.iter().enumerate() {
        let at = yaml::locate(src, &[Seg::Key("include"), Seg::Index(i)]);
        let dir = crate::fs::join_clean(root, written);
        let problem = include_problem(root, &dir, written, &folders);
        match problem {
            Some(d) => diags.push(
                d.arg("folder", written)
                    .arg("path", dir.display())
                    .at(at)
                    .help("each entry of `include:` is the path of another site folder (with clubs/), relative to this site.yaml, e.g. ../school-a"),
            ),
            None => folders.push(dir),
        }
    }
    folders
}

/// Why the entry `written` of `include:` (the folder `dir`) cannot be
/// included, given the `folders` included before it; None when it can.
fn include_problem(
    root: &Path,
    dir: &Path,
    written: &str,
    folders: &[PathBuf],
) -> Option<Diagnostic> {
    let error = |message: String| Diagnostic::error("site/include-missing", message);
    if !dir.is_dir() {
        Some(
            error(format!(
                "the included folder `{written}` ({}) does not exist",
                dir.display()
            ))
            .words("site-include-missing"),
        )
    } else if !dir.join("site.yaml").is_file() && !dir.join("clubs").is_dir() {
        Some(
            error(format!(
                "the included folder `{written}` ({}) has no site.yaml and no clubs/ folder",
                dir.display()
            ))
            .words("site-include-not-a-site"),
        )
    } else if same_folder(dir, root) {
        Some(error(format!("`{written}` is this site's own folder")).words("site-include-itself"))
    } else if folders.iter().any(|f: &PathBuf| same_folder(f, dir)) {
        Some(error(format!("the folder `{written}` is included twice")).words("site-include-twice"))
    } else {
        None
    }
}

/// True when both paths are the same folder on disk.
fn same_folder(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
