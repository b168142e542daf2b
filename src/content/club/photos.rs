//! The gallery of a club: the image files of photos/ (without the
//! leaders' photos), with alt texts, captions and order from
//! photos/photos.yaml.
//!
//! Layer 3 (content): imports `fs`, `types`, `yaml` and
//! `content::{check, model, names, raw, walk}`.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::contacts::check_instagram;
use crate::content::LoadContext;
use crate::content::check::Fields;
use crate::content::model::{Gallery, Photo, SourceText};
use crate::content::raw::{RawGallery, RawPhoto};
use crate::content::{names, walk};
use crate::diag::{Diagnostic, Diagnostics, Location};
use crate::yaml::{self, Seg, Source};

use crate::types::IMAGE_EXTENSIONS;

/// The gallery, without the leaders' photos (`exclude`), which are shown
/// with the leader.
pub(super) fn validate_gallery(
    ctx: &LoadContext<'_>,
    raw: Option<RawGallery>,
    f: &mut Fields<'_, '_>,
    dir: &Path,
    exclude: &[PathBuf],
) -> Gallery {
    let at = f.key_or_file(&[Seg::Key("gallery")]);
    let photos_dir = dir.join("photos");
    let (instagram, publish, consent) = match raw {
        Some(RawGallery {
            instagram,
            photos,
            consent,
        }) => {
            let ig = instagram.and_then(|i| {
                check_instagram(&i, &[Seg::Key("gallery"), Seg::Key("instagram")], f)
            });
            (ig, photos.unwrap_or(true), consent.unwrap_or(false))
        }
        None => (None, true, false),
    };
    let (photos, listing) = if publish && photos_dir.is_dir() {
        load_photos(ctx, &photos_dir, exclude, f.diags)
    } else {
        (Vec::new(), None)
    };
    Gallery {
        instagram,
        publish,
        consent,
        photos,
        at,
        listing,
    }
}

fn load_photos(
    ctx: &LoadContext<'_>,
    photos_dir: &Path,
    exclude: &[PathBuf],
    diags: &mut Diagnostics,
) -> (Vec<Photo>, Option<SourceText>) {
    let photos = listed_photos(ctx, photos_dir, exclude, diags);
    let captions_file = photos_dir.join("photos.yaml");
    if !captions_file.is_file() || !walk::inside(ctx.root, &captions_file, diags) {
        return (photos, None);
    }
    let Some(text) = crate::fs::read_content(&captions_file, diags) else {
        return (photos, None);
    };
    let listing = Some(SourceText {
        file: captions_file.clone(),
        text: Arc::from(text.as_str()),
    });
    let src = Source {
        text: &text,
        file: &captions_file,
        line_offset: 0,
        family: "photos",
    };
    let Some(raw) = yaml::read::<Vec<RawPhoto>>(src, diags) else {
        return (photos, listing);
    };
    let mut f = Fields::new(src, ctx.config, diags);
    (with_captions(photos, raw, photos_dir, &mut f), listing)
}

/// The image files of photos/ but `exclude`, in file name order, without
/// captions; unusable file names are reported.
fn listed_photos(
    ctx: &LoadContext<'_>,
    photos_dir: &Path,
    exclude: &[PathBuf],
    diags: &mut Diagnostics,
) -> Vec<Photo> {
    // Listed safely: a link to a photo outside the site is never published.
    let mut files = walk::files(ctx.root, photos_dir, false, &ctx.exclude, diags);
    files.retain(|p| {
        !exclude.contains(p)
            && p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| IMAGE_EXTENSIONS.contains(&e.to_lowercase().as_str()))
    });
    for p in &files {
        if let Some(problem) = names::image_problem(p) {
            let name = p.file_name().unwrap_or_default().to_string_lossy();
            diags.push(names::name_diagnostic(&problem, names::Named::File, &name).in_file(p));
        }
    }
    files.sort();
    files
        .into_iter()
        .map(|source| Photo {
            source,
            alt: None,
            caption: None,
            listed_at: None,
        })
        .collect()
}

/// The photos with the alt texts and captions of photos.yaml: those it
/// lists first, in its order, then the others.
fn with_captions(
    mut photos: Vec<Photo>,
    raw: Vec<RawPhoto>,
    photos_dir: &Path,
    f: &mut Fields<'_, '_>,
) -> Vec<Photo> {
    let mut ordered = Vec::new();
    for (i, item) in raw.into_iter().enumerate() {
        let path = photos_dir.join(&item.file);
        let Some(pos) = photos.iter().position(|p| p.source == path) else {
            f.report(
                Diagnostic::error(
                    "photos/missing-file",
                    format!("`{}` is not in the photos folder", item.file),
                )
                .words("photos-missing-file")
                .arg("file", &item.file)
                .help("check the file name (letters, case and extension must match exactly)"),
                &[Seg::Index(i), Seg::Key("file")],
            );
            continue;
        };
        f.opt_text(&item.alt, &[Seg::Index(i), Seg::Key("alt")]);
        f.opt_text(&item.caption, &[Seg::Index(i), Seg::Key("caption")]);
        let mut photo = photos.remove(pos);
        // Column 1: the line is what the rules point at.
        let line = f.key_at(&[Seg::Index(i), Seg::Key("file")]).line;
        photo.listed_at = line.map(|l| Location::at(f.src.file, l, 1));
        photo.alt = item.alt;
        photo.caption = item.caption;
        ordered.push(photo);
    }
    ordered.extend(photos);
    ordered
}
