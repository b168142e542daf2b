//! A fingerprint of everything a build reads: every file and folder of the
//! site (and of its theme folder and included folders), the bitimger
//! program itself, the options and the day. When it equals the one stored
//! with the output, and the output is still as written, the build would
//! produce the same bytes again, so it is skipped.
//!
//! This is not dependency tracking: any change anywhere means a full build.
//! Hidden and temporary files, which the loaders never read, are left out,
//! so an editor's swap file does not count as a change.
//!
//! Files are read the way the loaders read them: a link is followed only
//! when it stays inside its folder (a link out counts by what it says, and
//! is never opened), nothing but regular files is opened, and each file is
//! hashed in pieces, so a video of several gigabytes in static/ costs no
//! memory.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use xxhash_rust::xxh3::Xxh3;

use crate::config::{Config, Theme};
use crate::content::{Found, walk_tree};
use crate::types::Date;

/// Deeper than any folder the loaders read (they stop at 32 levels under
/// static/ and templates/), and a bound on a maze of links.
const MAX_DEPTH: usize = 64;

/// What one entry of the walk is, for hashing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    File,
    Dir,
    Link,
}

/// What besides the files decides a build's output.
pub(crate) struct Inputs<'a> {
    /// The site folder.
    pub site: &'a Path,
    /// The site's settings (for its theme folder and included folders).
    pub config: &'a Config,
    /// The output folder (absolute), never read as input.
    pub output: &'a Path,
    /// Drafts published.
    pub drafts: bool,
    /// `--base-url`, when given.
    pub base_url: Option<&'a str>,
    /// The build date.
    pub today: Date,
}

/// The fingerprint, or `None` when some input could not be read (the build
/// then runs in full and reports the problem).
pub(crate) fn fingerprint(inputs: &Inputs<'_>) -> Option<u128> {
    let mut roots: Vec<PathBuf> = vec![inputs.site.to_path_buf()];
    if let Theme::Folder(dir) = &inputs.config.theme {
        roots.push(dir.clone());
    }
    roots.extend(inputs.config.include.iter().cloned());
    let roots: Vec<PathBuf> = roots.iter().map(|r| super::output::absolute(r)).collect();
    // `public` in the site is an output folder (the default one, when
    // building from inside the site) that no loader reads.
    let exclude = [
        inputs.output.to_path_buf(),
        super::output::absolute(&inputs.site.join(super::output::DEFAULT_OUTPUT)),
    ];
    let mut entries: Vec<(PathBuf, Kind)> = Vec::new();
    let mut unreadable = false;
    for root in &roots {
        walk_tree(root, root, MAX_DEPTH, &exclude, &mut |found| match found {
            Found::File(p) => entries.push((p, Kind::File)),
            Found::Dir(p) => entries.push((p, Kind::Dir)),
            Found::Outside(p) | Found::Loop(p) | Found::Broken(p) => {
                entries.push((p, Kind::Link));
            }
            Found::Unreadable(..) => unreadable = true,
        });
    }
    if unreadable {
        return None;
    }
    entries.sort_unstable();
    let hashes: Vec<u128> = entries
        .par_iter()
        .map(|(path, kind)| match kind {
            Kind::File => super::manifest::hash_file(path).ok().map(|(h, _)| h),
            Kind::Dir => Some(0),
            // What the link says, not what is behind it: the loaders
            // refuse or skip it, and it is never opened.
            Kind::Link => std::fs::read_link(path)
                .ok()
                .map(|t| xxhash_rust::xxh3::xxh3_128(t.as_os_str().as_encoded_bytes())),
        })
        .collect::<Option<_>>()?;
    let mut h = Xxh3::new();
    h.update(program_identity().as_bytes());
    h.update(format!("{}|{}|{:?}|", inputs.drafts, inputs.today, inputs.base_url).as_bytes());
    for ((path, _), hash) in entries.iter().zip(hashes) {
        h.update(path.as_os_str().as_encoded_bytes());
        h.update(&hash.to_le_bytes());
    }
    Some(h.digest128())
}

/// The version, and the size and time of the running program, so a new
/// build of bitimger (with other templates or code) never reuses an output.
fn program_identity() -> String {
    let exe = std::env::current_exe()
        .ok()
        .and_then(|p| std::fs::metadata(p).ok())
        .map(|m| format!("{}:{}", m.len(), super::manifest::mtime(&m)))
        .unwrap_or_default();
    format!("{}|{exe}|", env!("CARGO_PKG_VERSION"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> (tempfile::TempDir, Config) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("site.yaml"),
            "title: T\nlanguages: [kk]\nkind: school\n",
        )
        .unwrap();
        let mut diags = crate::diag::Diagnostics::new();
        let config = crate::config::load_config(dir.path(), &mut diags).unwrap();
        (dir, config)
    }

    fn print(dir: &Path, config: &Config) -> u128 {
        let output = dir.join("public");
        fingerprint(&Inputs {
            site: dir,
            config,
            output: &output,
            drafts: false,
            base_url: None,
            today: Date::parse("2025-03-01").unwrap(),
        })
        .unwrap()
    }

    #[test]
    fn changes_with_any_file_but_not_with_hidden_ones_or_the_output() {
        let (dir, config) = site();
        let first = print(dir.path(), &config);
        std::fs::create_dir_all(dir.path().join("public/kk")).unwrap();
        std::fs::write(dir.path().join("public/kk/index.html"), "x").unwrap();
        std::fs::write(dir.path().join(".site.yaml.swp"), "x").unwrap();
        assert_eq!(print(dir.path(), &config), first);
        std::fs::create_dir_all(dir.path().join("clubs/new")).unwrap();
        let with_folder = print(dir.path(), &config);
        assert_ne!(with_folder, first, "a new empty folder is a change");
        std::fs::write(dir.path().join("clubs/new/club.yaml"), "name: A\n").unwrap();
        assert_ne!(print(dir.path(), &config), with_folder);
    }
}
