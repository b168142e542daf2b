//! A fingerprint of everything a build reads: every file and folder of the
//! site (and of its theme folder and included folders), the bitimger
//! program itself, the options and the day. When it equals the one stored
//! with the output, and the output is still as written, the build would
//! produce the same bytes again, so it is skipped.
//!
//! This is not dependency tracking: any change anywhere means a full build.
//! Hidden and temporary files, which the loaders never read, are left out,
//! so an editor's swap file does not count as a change.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;
use xxhash_rust::xxh3::Xxh3;

use crate::config::{Config, Theme};
use crate::content::is_ignored;
use crate::types::Date;

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
    let mut entries: Vec<(PathBuf, bool)> = Vec::new();
    for root in &roots {
        let walk = WalkDir::new(root).follow_links(true).into_iter();
        let walk = walk.filter_entry(|e| {
            e.depth() == 0
                || !(e.file_name().to_str().is_none_or(is_ignored)
                    || e.path().starts_with(inputs.output))
        });
        for entry in walk {
            let entry = entry.ok()?;
            entries.push((entry.path().to_path_buf(), entry.file_type().is_file()));
        }
    }
    entries.sort_unstable();
    let hashes: Vec<u128> = entries
        .par_iter()
        .map(|(path, is_file)| {
            if *is_file {
                std::fs::read(path)
                    .ok()
                    .map(|b| xxhash_rust::xxh3::xxh3_128(&b))
            } else {
                Some(0)
            }
        })
        .collect::<Option<_>>()?;
    let mut h = Xxh3::new();
    h.update(program_identity().as_bytes());
    h.update(format!("{}|{}|", inputs.drafts, inputs.today).as_bytes());
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
