//! Paths compared and joined by their names alone, without asking the
//! disk: `join_clean` resolves `.` and `..`, `is_within` tells whether a
//! path is in a folder.
//!
//! Part of layer 1 (`fs`); imports nothing from the crate.

use std::path::{Path, PathBuf};

/// `base` joined with `rel`, with `.` and `..` resolved by the names alone
/// (`site/region/../school-a` becomes `site/school-a`): the form in which
/// a folder named in site.yaml is read, watched and compared with
/// [`is_within`].
pub fn join_clean(base: &Path, rel: &str) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for c in base.join(rel).components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                match out.components().next_back() {
                    Some(Component::Normal(_)) => {
                        out.pop();
                    }
                    // Above the root is the root.
                    Some(Component::RootDir | Component::Prefix(_)) => {}
                    _ => out.push(".."),
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// True when `path` is `dir` or inside it, for paths written alike (both
/// absolute, or both relative to the same folder). Compares bytes, which is
/// much faster than [`Path::starts_with`] when done thousands of times.
pub fn is_within(path: &Path, dir: &Path) -> bool {
    let p = path.as_os_str().as_encoded_bytes();
    let d = dir.as_os_str().as_encoded_bytes();
    p.starts_with(d)
        && (p.len() == d.len()
            || d.last()
                .is_some_and(|&c| std::path::is_separator(c as char))
            || std::path::is_separator(p[d.len()] as char))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_clean_resolves_dots_by_name() {
        let j = |b: &str, r: &str| join_clean(Path::new(b), r);
        assert_eq!(j("/s/region", "../school-a"), PathBuf::from("/s/school-a"));
        assert_eq!(j("/s/region", "./a/./b/.."), PathBuf::from("/s/region/a"));
        assert_eq!(j("region", "../../x"), PathBuf::from("../x"));
        assert_eq!(j("/", "../x"), PathBuf::from("/x"));
        assert_eq!(j("/s", "/abs/t"), PathBuf::from("/abs/t"));
    }

    #[test]
    fn is_within_compares_whole_names() {
        assert!(is_within(
            Path::new("/s/clubs/a/club.yaml"),
            Path::new("/s/clubs/a")
        ));
        assert!(is_within(Path::new("/s/clubs/a"), Path::new("/s/clubs/a")));
        assert!(is_within(Path::new("/s/clubs/a"), Path::new("/s/")));
        assert!(!is_within(
            Path::new("/s/clubs/ab"),
            Path::new("/s/clubs/a")
        ));
        assert!(!is_within(Path::new("/s/clubs"), Path::new("/s/clubs/a")));
    }
}
