//! `init --ci github|gitlab`: a workflow that builds the site on every push
//! and publishes it to GitHub Pages or GitLab Pages from the default
//! branch, installing bitimger from the project's release of this version
//! (the binaries `.github/workflows/release.yml` builds on each tag).
//!
//! Layer 7: part of `scaffold`.

use std::path::{Path, PathBuf};

use super::fill;

const GITHUB: &str = include_str!("templates/publish.github.yml");
const GITLAB: &str = include_str!("templates/publish.gitlab-ci.yml");

/// Where the release binaries are published (the project's repository).
pub const RELEASES: &str = concat!(env!("CARGO_PKG_REPOSITORY"), "/releases");

/// Where a site is published from CI.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ci {
    /// GitHub Actions → GitHub Pages.
    Github,
    /// GitLab CI → GitLab Pages.
    Gitlab,
}

impl Ci {
    /// The workflow's file in the repository (the site folder) and its text.
    pub fn workflow(self, dir: &Path) -> (PathBuf, String) {
        let version = env!("CARGO_PKG_VERSION");
        let tag = format!("v{version}");
        let values = [
            ("version", version),
            ("tag", tag.as_str()),
            ("releases", RELEASES),
            ("site", "."),
        ];
        match self {
            Ci::Github => (
                dir.join(".github/workflows/publish.yml"),
                fill(GITHUB, &values),
            ),
            Ci::Gitlab => (dir.join(".gitlab-ci.yml"), fill(GITLAB, &values)),
        }
    }
}
