//! Files in the output folder that bitimger did not make: a `.git` folder
//! (a gh-pages checkout), a `CNAME`, a `.nojekyll`, a note someone put
//! there. A build never deletes them: they are carried over into the new
//! output before it is swapped in, as hard links (the same files, byte for
//! byte, with their times and modes), so the swap stays one atomic step.
//! A build that would put one of its own files where such a file is stops
//! instead, naming it.
//!
//! Which files bitimger made is told by the manifest of the previous
//! output (see `manifest`): everything it does not list is someone else's.

use std::collections::HashSet;
use std::io;
use std::path::Path;

use crate::fs::FsError;

/// Names kept in an output folder even before bitimger first wrote it:
/// what a gh-pages checkout or a static host needs. Any other file makes
/// a folder without bitimger's marker "not ours" (see `check_output`).
pub const ALWAYS_KEPT: &[&str] = &[".git", "CNAME", ".nojekyll"];

/// Which files of the previous output bitimger made.
pub(crate) enum Made {
    /// The paths its manifest lists.
    Listed(HashSet<String>, HashSet<String>),
    /// A marker without a manifest (written by an older bitimger): all
    /// but the hidden entries of the top folder and `CNAME`.
    Unlisted,
    /// No previous output: none.
    Nothing,
}

impl Made {
    /// From the previous manifest's paths.
    pub(crate) fn listed<'a>(paths: impl Iterator<Item = &'a String>) -> Made {
        let files: HashSet<String> = paths.cloned().collect();
        let mut dirs = HashSet::new();
        for path in &files {
            let mut rest = path.as_str();
            while let Some((parent, _)) = rest.rsplit_once('/') {
                if !dirs.insert(parent.to_string()) {
                    break;
                }
                rest = parent;
            }
        }
        Made::Listed(files, dirs)
    }

    /// True when bitimger made the file at `rel` (`/`-separated).
    fn file(&self, rel: &str) -> bool {
        match self {
            Made::Listed(files, _) => files.contains(rel),
            Made::Unlisted => !kept_on_upgrade(rel),
            Made::Nothing => false,
        }
    }

    /// True when the folder `rel` holds files bitimger made.
    fn dir(&self, rel: &str) -> bool {
        match self {
            Made::Listed(_, dirs) => dirs.contains(rel),
            Made::Unlisted => !kept_on_upgrade(rel),
            Made::Nothing => false,
        }
    }
}

fn kept_on_upgrade(rel: &str) -> bool {
    let top = rel.split('/').next().unwrap_or(rel);
    top.starts_with('.') || top == "CNAME"
}

/// Files bitimger did not make, kept by a build.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Others {
    /// How many files (a folder's files each count).
    pub files: usize,
    /// What they are, shortest first level: a folder that holds only such
    /// files is named once, as `name/`.
    pub names: Vec<String>,
}

/// Why the files could not be carried over.
#[derive(Debug)]
pub(crate) enum KeepError {
    /// The new build has files of its own at these paths.
    Clash(Vec<String>),
    /// Reading or linking failed.
    Io(FsError),
}

/// Carries every file of `output` that `made` does not claim into `tmp`
/// (the new output, already written), keeping folders (empty ones too:
/// git needs them) and the files' bytes, times and modes.
pub(crate) fn carry_over(output: &Path, tmp: &Path, made: &Made) -> Result<Others, KeepError> {
    let mut carry = Carry {
        made,
        others: Others::default(),
        clashes: Vec::new(),
    };
    if output.is_dir() {
        carry.folder(output, tmp, "", true)?;
    }
    if carry.clashes.is_empty() {
        carry.others.names.sort();
        Ok(carry.others)
    } else {
        carry.clashes.sort();
        Err(KeepError::Clash(carry.clashes))
    }
}

struct Carry<'a> {
    made: &'a Made,
    others: Others,
    clashes: Vec<String>,
}

impl Carry<'_> {
    /// Carries what `from` holds into `to`. `named`: the entries are to be
    /// named in [`Others::names`] (the folder itself is bitimger's).
    fn folder(&mut self, from: &Path, to: &Path, rel: &str, named: bool) -> Result<(), KeepError> {
        let entries = std::fs::read_dir(from).map_err(io_error("read", from))?;
        for entry in entries {
            let entry = entry.map_err(io_error("read", from))?;
            let name = entry.file_name();
            if rel.is_empty() && name == super::output::MARKER {
                continue;
            }
            let path_rel = match rel {
                "" => name.to_string_lossy().to_string(),
                _ => format!("{rel}/{}", name.to_string_lossy()),
            };
            // A name that is not UTF-8 is none that bitimger writes.
            let utf8 = name.to_str().is_some();
            let kind = entry.file_type().map_err(io_error("read", &entry.path()))?;
            let (src, dst) = (entry.path(), to.join(&name));
            if kind.is_dir() {
                let ours = utf8 && self.made.dir(&path_rel);
                if !ours {
                    if named {
                        self.others.names.push(format!("{path_rel}/"));
                    }
                    if !self.make_dir(&src, &dst, &path_rel)? {
                        continue;
                    }
                }
                self.folder(&src, &dst, &path_rel, named && ours)?;
                if !ours {
                    copy_mode(&src, &dst);
                }
            } else if !utf8 || !self.made.file(&path_rel) {
                if named {
                    self.others.names.push(path_rel.clone());
                }
                self.others.files += 1;
                self.link(&src, &dst, path_rel)?;
            }
        }
        Ok(())
    }

    /// Makes the folder `dst` for the folder `src` of someone else; false
    /// (and a clash) when the new output has a file there.
    fn make_dir(&mut self, src: &Path, dst: &Path, rel: &str) -> Result<bool, KeepError> {
        match std::fs::create_dir_all(dst) {
            Ok(()) => Ok(true),
            Err(_) if dst.symlink_metadata().is_ok_and(|m| !m.is_dir()) => {
                self.clashes.push(rel.to_string());
                Ok(false)
            }
            Err(e) if is_clash(&e) => {
                self.clashes.push(rel.to_string());
                Ok(false)
            }
            Err(e) => Err(io_error("create folder", src)(e)),
        }
    }

    /// Puts the file `src` at `dst`: a hard link, or a copy where the file
    /// system has none.
    fn link(&mut self, src: &Path, dst: &Path, rel: String) -> Result<(), KeepError> {
        let first = std::fs::hard_link(src, dst).or_else(|e| match e.kind() {
            io::ErrorKind::NotFound => {
                // The folder is bitimger's and the new build has none there.
                let parent = dst.parent().unwrap_or(dst);
                std::fs::create_dir_all(parent)?;
                std::fs::hard_link(src, dst)
            }
            _ => Err(e),
        });
        match first {
            Ok(()) => Ok(()),
            Err(e) if is_clash(&e) || dst.symlink_metadata().is_ok() => {
                self.clashes.push(rel);
                Ok(())
            }
            Err(_) => copy_entry(src, dst).map_err(io_error("copy", src)),
        }
    }
}

/// The new output already has something where the kept file would go (or
/// a file where its folder would go).
fn is_clash(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::AlreadyExists | io::ErrorKind::NotADirectory | io::ErrorKind::IsADirectory
    )
}

/// A copy for file systems without hard links: a link stays a link, a
/// regular file is streamed; anything else cannot be kept.
fn copy_entry(src: &Path, dst: &Path) -> io::Result<()> {
    let meta = src.symlink_metadata()?;
    if meta.file_type().is_symlink() {
        return copy_link(src, dst);
    }
    crate::fs::copy_file(src, dst)?;
    std::fs::set_permissions(dst, meta.permissions())
}

#[cfg(unix)]
fn copy_link(src: &Path, dst: &Path) -> io::Result<()> {
    std::os::unix::fs::symlink(std::fs::read_link(src)?, dst)
}

#[cfg(not(unix))]
fn copy_link(src: &Path, _dst: &Path) -> io::Result<()> {
    Err(io::Error::new(
        io::ErrorKind::Unsupported,
        format!("cannot copy the link {}", src.display()),
    ))
}

fn copy_mode(src: &Path, dst: &Path) {
    if let Ok(meta) = src.metadata() {
        let _ = std::fs::set_permissions(dst, meta.permissions());
    }
}

fn io_error(action: &'static str, path: &Path) -> impl FnOnce(io::Error) -> KeepError {
    let path = path.to_path_buf();
    move |source| {
        KeepError::Io(FsError {
            action,
            path,
            source,
        })
    }
}

/// True when `dir` holds nothing but [`ALWAYS_KEPT`] names.
pub(crate) fn only_always_kept(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries.flatten().all(|e| {
            e.file_name()
                .to_str()
                .is_some_and(|n| ALWAYS_KEPT.contains(&n))
        })
    })
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::MetadataExt;

    use super::*;
    use crate::build::output::tests::{beside, page};
    use crate::build::output::{MARKER, WriteError, WriteOutcome, check_output, write_output};

    fn put(out: &Path, path: &str, text: &str) {
        let p = out.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    #[test]
    fn files_bitimger_did_not_make_are_carried_over_as_they_are() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_output(&out, &[page("kk/index.html", "1"), page("old.html", "o")]).unwrap();
        put(&out, ".git/HEAD", "ref: refs/heads/gh-pages\n");
        std::fs::create_dir_all(out.join(".git/refs/tags")).unwrap();
        put(&out, "CNAME", "mediation.school.kz\n");
        put(&out, "kk/notes.txt", "notes");
        let cname = std::fs::metadata(out.join("CNAME")).unwrap();
        let outcome = write_output(&out, &[page("kk/index.html", "2")]).unwrap();
        let WriteOutcome::Replaced { others, .. } = outcome else {
            panic!("{outcome:?}");
        };
        assert_eq!(others.files, 3);
        assert_eq!(others.names, [".git/", "CNAME", "kk/notes.txt"]);
        let read = |p: &str| std::fs::read_to_string(out.join(p)).unwrap();
        assert_eq!(read(".git/HEAD"), "ref: refs/heads/gh-pages\n");
        assert_eq!(read("kk/notes.txt"), "notes");
        assert_eq!(read("kk/index.html"), "2");
        assert!(
            out.join(".git/refs/tags").is_dir(),
            "an empty folder was lost"
        );
        let after = std::fs::metadata(out.join("CNAME")).unwrap();
        assert_eq!(
            (after.ino(), after.mtime_nsec()),
            (cname.ino(), cname.mtime_nsec())
        );
        assert!(
            !out.join("old.html").exists(),
            "a page no longer built stays"
        );
        assert_eq!(beside(dir.path()), [".public.bitimger.lock", "public"]);
    }

    #[test]
    fn a_new_file_where_the_user_has_one_stops_the_write() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_output(&out, &[page("kk/index.html", "1")]).unwrap();
        put(&out, "kk/pages/rules/index.html", "mine");
        put(&out, "robots.txt", "mine");
        let files = [
            page("kk/index.html", "2"),
            page("kk/pages/rules/index.html", "new"),
            page("robots.txt/index.html", "new"),
        ];
        match write_output(&out, &files) {
            Err(WriteError::WouldReplace(paths)) => {
                assert_eq!(paths, ["kk/pages/rules/index.html", "robots.txt"]);
            }
            other => panic!("{other:?}"),
        }
        let read = |p: &str| std::fs::read_to_string(out.join(p)).unwrap();
        assert_eq!(read("kk/pages/rules/index.html"), "mine");
        assert_eq!(read("kk/index.html"), "1", "the output changed");
        assert_eq!(beside(dir.path()), [".public.bitimger.lock", "public"]);
    }

    #[test]
    fn an_output_of_an_older_bitimger_keeps_hidden_files_and_cname() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        put(&out, MARKER, crate::build::manifest::HEADER);
        put(&out, "kk/index.html", "old");
        put(&out, ".git/HEAD", "x");
        put(&out, "CNAME", "x");
        write_output(&out, &[page("ru/index.html", "new")]).unwrap();
        assert!(out.join(".git/HEAD").is_file() && out.join("CNAME").is_file());
        assert!(!out.join("kk").exists());
    }

    #[test]
    fn a_gh_pages_checkout_may_become_the_output() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        let out = dir.path().join("public");
        put(&out, ".git/HEAD", "x");
        put(&out, "CNAME", "x");
        assert!(check_output(&out, &site, &[]).is_ok());
        write_output(&out, &[page("index.html", "new")]).unwrap();
        assert!(out.join(".git/HEAD").is_file() && out.join("index.html").is_file());
        put(&dir.path().join("docs"), "thesis.docx", "x");
        assert!(check_output(&dir.path().join("docs"), &site, &[]).is_err());
    }
}
