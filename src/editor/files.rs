//! Which files the editor may write, and how: only the content files of
//! the site folder that the content format knows (site.yaml, a club's
//! club.yaml, plans, reports, news, pages, photos), named by a path
//! relative to the site that passes the preview's own path checks
//! (`serve::resolve_path`: no `..`, `.`, backslashes or encodings), with
//! no hidden or temporary name, no link on the way, and the real place
//! inside the site (`content`'s rule for links). A file is written to a
//! temporary file beside it, then renamed over it, so a reader sees the
//! old file or the new one, never half of one.
//!
//! Layer 8: part of `editor`.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::diag::Diagnostics;

/// Why a path is not written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Refused {
    /// It tries to leave the site or is not a plain relative path.
    Path,
    /// It is not a file of the content format.
    Kind,
    /// A link is on its way, or it leads out of the site.
    Link,
}

/// The photo formats a club's photos/ folder takes.
pub(crate) const PHOTO_EXTENSIONS: &[&str] = &["jpg", "jpeg", "png", "webp"];

/// Whether `rel` names a file of the content format.
fn known_kind(parts: &[&str]) -> bool {
    let ext = |name: &str, exts: &[&str]| {
        name.rsplit_once('.').is_some_and(|(stem, e)| {
            !stem.is_empty() && exts.contains(&e.to_ascii_lowercase().as_str())
        })
    };
    match parts {
        ["site.yaml"] => true,
        ["clubs", _, "club.yaml"] => true,
        ["clubs", _, "plans", f] => ext(f, &["yaml"]),
        ["clubs", _, "reports" | "news", f] => ext(f, &["md"]),
        ["clubs", _, "photos", f] => ext(f, PHOTO_EXTENSIONS),
        ["clubs", _, f] => f.starts_with("about.") && ext(f, &["md"]),
        ["news" | "pages", f] => ext(f, &["md"]),
        _ => false,
    }
}

/// The file `rel` names in `site` (an absolute, canonical folder), when
/// the editor may write it.
pub(crate) fn content_path(site: &Path, rel: &str) -> Result<PathBuf, Refused> {
    if rel.starts_with('/') || rel.contains(['%', ':']) || rel.ends_with('/') {
        return Err(Refused::Path);
    }
    let key = crate::serve::resolve_path(&format!("/{rel}")).map_err(|_| Refused::Path)?;
    if key != rel {
        return Err(Refused::Path);
    }
    let parts: Vec<&str> = rel.split('/').collect();
    if parts.iter().any(|p| crate::content::is_ignored(p)) {
        return Err(Refused::Path);
    }
    if !known_kind(&parts) {
        return Err(Refused::Kind);
    }
    // No link anywhere on the way: each part that exists is a real folder
    // or, the last one, a real file.
    let mut at = site.to_path_buf();
    for (i, part) in parts.iter().enumerate() {
        at.push(part);
        match at.symlink_metadata() {
            Ok(m) if m.file_type().is_symlink() => return Err(Refused::Link),
            Ok(m) if i + 1 < parts.len() && !m.is_dir() => return Err(Refused::Path),
            Ok(m) if i + 1 == parts.len() && !m.is_file() => return Err(Refused::Kind),
            // Missing: nothing further down exists either (no link there).
            _ => {}
        }
    }
    if !crate::content::inside(site, &at, &mut Diagnostics::new()) {
        return Err(Refused::Link);
    }
    Ok(at)
}

/// The hash of a file's bytes a form was made from, to find a file that
/// changed on disk since.
pub(crate) fn hash(bytes: &[u8]) -> String {
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(bytes))
}

/// Writes `bytes` to `path` through a temporary file in the same folder
/// renamed over it (its folder is made when missing, inside the site).
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .ok_or_else(|| std::io::Error::other("no folder"))?;
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".bitimger-edit-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// A safe file name for an uploaded photo: letters transliterated, only
/// `a-z0-9-` kept, its extension checked; None for another format.
pub(crate) fn photo_name(given: &str) -> Option<String> {
    let (stem, ext) = given.rsplit_once('.')?;
    let ext = ext.to_ascii_lowercase();
    let ext = if ext == "jpeg" {
        "jpg".to_string()
    } else {
        ext
    };
    if !PHOTO_EXTENSIONS.contains(&ext.as_str()) {
        return None;
    }
    let slug = crate::content::slug::slugify(stem);
    let slug = if slug.is_empty() {
        "photo".to_string()
    } else {
        slug
    };
    Some(format!("{slug}.{ext}"))
}

/// The club of a site that has exactly one (a school site): where the
/// photos of its site-wide news and pages go.
pub(crate) fn only_club(site: &Path) -> Option<String> {
    let mut clubs = std::fs::read_dir(site.join("clubs"))
        .ok()?
        .filter_map(Result::ok)
        .filter(|d| d.path().join("club.yaml").is_file())
        .filter_map(|d| d.file_name().to_str().map(str::to_string));
    let one = clubs.next()?;
    clubs.next().is_none().then_some(one)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_content_files_inside_the_site() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().canonicalize().unwrap();
        std::fs::create_dir_all(site.join("clubs/senim")).unwrap();
        std::fs::write(site.join("clubs/senim/club.yaml"), "name: x\n").unwrap();
        assert!(content_path(&site, "clubs/senim/club.yaml").is_ok());
        let news = content_path(&site, "clubs/senim/news/2025-01-01-a.kk.md").unwrap();
        assert_eq!(
            news,
            site.join("clubs/senim/news/2025-01-01-a.kk.md"),
            "the whole path, also below a missing folder"
        );
        for bad in [
            "../x/club.yaml",
            "clubs/../site.yaml",
            "/etc/passwd",
            "clubs/senim/./club.yaml",
            "clubs\\senim\\club.yaml",
            "%2e%2e/site.yaml",
            "clubs/senim/.club.yaml.swp",
        ] {
            assert_eq!(content_path(&site, bad), Err(Refused::Path), "{bad}");
        }
        for bad in [
            "clubs/senim/run.sh",
            "templates/page.html",
            "clubs/senim/photos/a.svg",
            "static/x.js",
        ] {
            assert_eq!(content_path(&site, bad), Err(Refused::Kind), "{bad}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn links_are_never_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        let site = dir.path().canonicalize().unwrap();
        std::fs::create_dir_all(site.join("clubs")).unwrap();
        std::os::unix::fs::symlink(outside.path(), site.join("clubs/out")).unwrap();
        std::os::unix::fs::symlink(outside.path().join("s.yaml"), site.join("site.yaml")).unwrap();
        assert_eq!(
            content_path(&site, "clubs/out/club.yaml"),
            Err(Refused::Link)
        );
        assert_eq!(content_path(&site, "site.yaml"), Err(Refused::Link));
    }

    #[test]
    fn writes_replace_the_file_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a/club.yaml");
        write_atomic(&path, b"one\n").unwrap();
        write_atomic(&path, b"two\n").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two\n");
        assert_eq!(std::fs::read_dir(dir.path().join("a")).unwrap().count(), 1);
    }

    #[test]
    fn photo_names_are_safe() {
        assert_eq!(
            photo_name("Сынып фото.JPEG").as_deref(),
            Some("synyp-foto.jpg")
        );
        assert_eq!(photo_name("../../x.png").as_deref(), Some("x.png"));
        assert_eq!(photo_name("a.exe"), None);
    }
}
