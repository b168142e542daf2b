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
            ScaffoldError::SchoolHasClub(club) => write!(
                f,
                "this is a school site and it has its club already (clubs/{club}); nothing was written: a school site has exactly one club, and for more clubs write `kind: directory` in site.yaml"
            ),
        }
    }
}

impl std::error::Error for ScaffoldError {}
