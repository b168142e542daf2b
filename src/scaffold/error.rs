//! Why `init` or `new` wrote nothing.
//!
//! Layer 7: part of `scaffold`.

use std::path::PathBuf;

/// Why nothing could be created.
#[derive(Debug)]
pub enum ScaffoldError {
    /// Reading or writing failed.
    Io(PathBuf, std::io::Error),
    /// The folder is not a site (no usable site.yaml).
    NotASite(PathBuf),
    /// A folder on the way to a file is a link (to somewhere else): the
    /// link, the target folder.
    Link(PathBuf, PathBuf),
    /// An argument is wrong; the message says how to write it.
    Usage(String),
    /// `new club` on a school site that has its club already (its folder
    /// name): a school site has exactly one.
    SchoolHasClub(String),
    /// `theme export` into a path that is a file.
    NotAFolder(PathBuf),
    /// `theme export` into a folder that has some of the theme's files
    /// already (each of them); nothing was written.
    Exists(Vec<PathBuf>),
}

impl std::fmt::Display for ScaffoldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ScaffoldError::Io(p, e) => write!(f, "{}: {e}", p.display()),
            ScaffoldError::NotASite(p) => write!(
                f,
                "{} is not a site folder (it has no usable site.yaml); run this inside a site, give --site, or create one with `bitimger init <folder>`",
                p.display()
            ),
            ScaffoldError::Link(link, base) => write!(
                f,
                "{} is a link to another folder; bitimger writes only inside {} and never through links, so nothing was written: replace the link with a real folder, or choose another folder",
                link.display(),
                base.display()
            ),
            ScaffoldError::Usage(m) => f.write_str(m),
            ScaffoldError::NotAFolder(p) => write!(
                f,
                "{} is a file, not a folder; give the folder to write the theme into (it is made when missing)",
                p.display()
            ),
            ScaffoldError::Exists(paths) => write!(
                f,
                "nothing was written: {} file(s) of the theme are there already and are never overwritten: {}; export into a new folder, or move those files away first",
                paths.len(),
                paths
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            ScaffoldError::SchoolHasClub(club) => write!(
                f,
                "this is a school site and it has its club already (clubs/{club}); nothing was written: a school site has exactly one club, and for more clubs write `kind: directory` in site.yaml"
            ),
        }
    }
}

impl std::error::Error for ScaffoldError {}
