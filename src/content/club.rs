//! One club folder → [`Club`]: club.yaml, about.md, reports, plans, news, photos.

use std::path::{Path, PathBuf};

use super::check::Fields;
use super::model::*;
use super::raw::*;
use super::{LoadContext, posts, slug};
use crate::builtin;
use crate::diag::{Diagnostic, Diagnostics};
use crate::types::{LangCode, Localized, RegionCode, Slug, tel_href};
use crate::yaml::{self, Seg, Source};

/// Image files published from photos/.
pub(crate) const IMAGE_EXTENSIONS: &[&str] = &["jpg", "jpeg", "png", "webp"];

/// Loads `dir` as a club; `None` when club.yaml cannot be used.
pub(crate) fn load_club(
    ctx: &LoadContext<'_>,
    dir: &Path,
    diags: &mut Diagnostics,
) -> Option<Club> {
    let folder = dir.file_name()?.to_string_lossy().to_string();
    let slug = slug::from_name(&folder);
    let file = dir.join("club.yaml");
    super::names::check_address(&slug, dir, diags);
    if slug.is_empty() {
        diags.push(
            Diagnostic::error(
                "club/bad-folder-name",
                format!("the folder name `{folder}` gives no usable web address"),
            )
            .in_file(dir)
            .help("rename the folder with letters or digits, e.g. senim"),
        );
        return None;
    }
    if !file.is_file() {
        diags.push(
            Diagnostic::error("club/missing", "this club folder has no club.yaml")
                .in_file(&file)
                .help("create club.yaml with at least `name`, `school.name` and `school.region`, or remove the folder"),
        );
        return None;
    }
    if !super::walk::inside(ctx.root, &file, diags) {
        return None;
    }
    let club = read_club_yaml(ctx, &file, dir, diags);
    // The club's other files are read even when club.yaml has errors, so
    // that every problem of the club is reported in one run.
    let about = posts::load_doc(ctx, dir, "about", diags);
    let reports = posts::load_reports(ctx, &dir.join("reports"), diags);
    let plans = posts::load_plans(ctx, &dir.join("plans"), diags);
    let news = posts::load_news(ctx, &dir.join("news"), Some(&slug), diags);
    let mut club = club?;
    club.slug = Slug::new(slug);
    club.about = about;
    club.reports = reports;
    club.plans = plans;
    club.news = news;
    Some(club)
}

/// club.yaml, parsed and validated.
fn read_club_yaml(
    ctx: &LoadContext<'_>,
    file: &Path,
    dir: &Path,
    diags: &mut Diagnostics,
) -> Option<Club> {
    let text = crate::fs::read_content(file, diags)?;
    club_from_text(ctx, dir, &text, diags)
}

/// Parses and checks the text of `dir`/club.yaml (reports, news and the
/// other files of the folder are not read here).
pub(crate) fn club_from_text(
    ctx: &LoadContext<'_>,
    dir: &Path,
    text: &str,
    diags: &mut Diagnostics,
) -> Option<Club> {
    let file = dir.join("club.yaml");
    let src = Source {
        text,
        file: &file,
        line_offset: 0,
        family: "club",
    };
    let raw: RawClub = yaml::read(src, diags)?;
    let mut f = Fields {
        src,
        langs: &ctx.config.languages,
        diags,
    };
    validate_club(ctx, raw, &mut f, dir)
}

fn validate_club(
    ctx: &LoadContext<'_>,
    raw: RawClub,
    f: &mut Fields<'_, '_>,
    dir: &Path,
) -> Option<Club> {
    let RawClub {
        name,
        unit,
        motto,
        school,
        goals,
        tasks,
        principles,
        leaders,
        members,
        activities,
        directions,
        contacts,
        feedback,
        gallery,
    } = raw;
    f.text(&name, &[Seg::Key("name")], true);
    f.opt_text(&unit, &[Seg::Key("unit")]);
    f.opt_text(&motto, &[Seg::Key("motto")]);
    // Every field is checked even when the school is wrong, so all
    // problems of the file are reported at once.
    let school = validate_school(school, f);
    for (key, list) in [
        ("goals", &goals),
        ("tasks", &tasks),
        ("activities", &activities),
        ("directions", &directions),
    ] {
        f.texts(list, key);
    }
    let principles = validate_principles(ctx, principles, f);
    let leaders = leaders
        .into_iter()
        .enumerate()
        .map(|(i, l)| validate_leader(l, i, f, dir, ctx.root))
        .collect();
    let members = members.map(|m| validate_members(m, f));
    let contacts = contacts.map(|c| validate_contacts(c, f));
    let feedback = validate_feedback(feedback, f);
    let gallery = validate_gallery(ctx, gallery, f, dir);
    let school = school?;
    Some(Club {
        slug: Slug::new(""),
        dir: dir.to_path_buf(),
        site_root: ctx.root.to_path_buf(),
        name,
        unit,
        motto,
        school,
        about: Doc::default(),
        goals,
        tasks,
        principles,
        leaders,
        members,
        activities,
        directions,
        contacts,
        feedback,
        gallery,
        reports: Vec::new(),
        plans: Vec::new(),
        news: Vec::new(),
    })
}

fn validate_school(raw: RawSchool, f: &mut Fields<'_, '_>) -> Option<School> {
    let RawSchool {
        name,
        region,
        locality,
        district,
        address,
        website,
    } = raw;
    let at = |k| [Seg::Key("school"), Seg::Key(k)];
    f.text(&name, &at("name"), true);
    f.opt_text(&locality, &at("locality"));
    f.opt_text(&district, &at("district"));
    f.opt_text(&address, &at("address"));
    let region_ok = f.region(region.trim(), &at("region"));
    let website = website.and_then(|w| f.url(&w, &at("website")));
    region_ok.then(|| School {
        name,
        region: RegionCode::new(region.trim()),
        locality,
        district,
        address,
        website,
    })
}

fn validate_principles(
    ctx: &LoadContext<'_>,
    raw: Option<RawPrinciples>,
    f: &mut Fields<'_, '_>,
) -> Vec<PrincipleText> {
    let defaults = || match &ctx.principles {
        Some(site) => site.clone(),
        None => builtin::principles()
            .iter()
            .map(builtin_principle)
            .collect(),
    };
    match raw {
        None | Some(RawPrinciples::Default) => defaults(),
        Some(RawPrinciples::Other(text)) => {
            let help = if builtin::principle(text.trim()).is_some() {
                format!("a list is needed even for one principle: `principles: [{}]`", text.trim())
            } else if crate::diag::did_you_mean(&text, ["default"]).is_some() {
                "did you mean `default`? It stands for the seven built-in principles".to_string()
            } else {
                "write `principles: default` for the seven built-in principles, or a list of keys such as `[voluntariness, confidentiality]`, or of {title, text} items".to_string()
            };
            f.error(
                "club/invalid-principles",
                format!("`{text}` is not a way to list principles"),
                &[Seg::Key("principles")],
                &help,
            );
            Vec::new()
        }
        Some(RawPrinciples::List(items)) => items
            .into_iter()
            .enumerate()
            .filter_map(|(i, item)| {
                let at = [Seg::Key("principles"), Seg::Index(i)];
                match item {
                    RawPrincipleItem::Key(key) => match builtin::principle(&key) {
                        Some(p) => Some(builtin_principle(p)),
                        None => {
                            let keys = builtin::principles().iter().map(|p| p.key.as_str());
                            let help = match crate::diag::did_you_mean(&key, keys) {
                                Some(s) => format!("did you mean `{s}`?"),
                                None => "the built-in keys are voluntariness, neutrality, confidentiality, equality, cooperation, responsibility, future; or write {title, text}".to_string(),
                            };
                            f.error("club/unknown-principle", format!("`{key}` is not a built-in principle"), &at, &help);
                            None
                        }
                    },
                    RawPrincipleItem::Custom(p) => Some(custom_principle(p, i, f, &at)),
                }
            })
            .collect(),
    }
}

/// A built-in principle as the model holds it.
pub(crate) fn builtin_principle(p: &builtin::Principle) -> PrincipleText {
    PrincipleText {
        key: p.key.clone(),
        title: p.title.clone(),
        text: Some(p.text.clone()),
    }
}

/// A `{key, title, text}` principle, checked.
pub(crate) fn custom_principle(
    p: RawPrinciple,
    i: usize,
    f: &mut Fields<'_, '_>,
    at: &[Seg<'_>],
) -> PrincipleText {
    let mut title_at = at.to_vec();
    title_at.push(Seg::Key("title"));
    f.text(&p.title, &title_at, true);
    let mut text_at = at.to_vec();
    text_at.push(Seg::Key("text"));
    f.opt_text(&p.text, &text_at);
    PrincipleText {
        key: p.key.unwrap_or_else(|| format!("principle-{}", i + 1)),
        title: p.title,
        text: p.text,
    }
}

fn validate_leader(
    raw: RawLeader,
    i: usize,
    f: &mut Fields<'_, '_>,
    dir: &Path,
    root: &Path,
) -> Leader {
    let RawLeader {
        name,
        role,
        phone,
        email,
        photo,
    } = raw;
    let at = |k| [Seg::Key("leaders"), Seg::Index(i), Seg::Key(k)];
    f.text(&name, &at("name"), true);
    f.opt_text(&role, &at("role"));
    let phone = phone
        .map(|p| p.0)
        .filter(|p| check_phone(p, &at("phone"), f));
    let email = email.filter(|e| check_email(e, &at("email"), f));
    let photo = photo.and_then(|p| {
        let path = dir.join(&p);
        let outside = Path::new(&p).is_absolute()
            || p.contains("..")
            || path
                .canonicalize()
                .is_ok_and(|real| !real.starts_with(root.canonicalize().unwrap_or_else(|_| root.to_path_buf())));
        if outside {
            f.error(
                "club/photo-outside",
                format!("the photo `{p}` is outside the site folder, so it is not published"),
                &at("photo"),
                "put the photo in the club folder, e.g. photos/leader1.jpg, and write that path",
            );
            None
        } else if let Some(problem) = super::names::image_problem(&path) {
            let what = format!("the photo's file name `{}`", super::names::shortened(&p));
            let at = yaml::locate_value(f.src, &at("photo"));
            f.diags
                .push(super::names::name_diagnostic(&problem, &what).at(at));
            None
        } else if path.is_file() {
            Some(PathBuf::from(p))
        } else {
            f.error(
                "club/missing-photo",
                format!("the photo `{p}` does not exist"),
                &at("photo"),
                "write the path relative to the club folder, e.g. photos/leader1.jpg, and check the file name",
            );
            None
        }
    });
    Leader {
        name,
        role,
        phone,
        email,
        photo,
    }
}

fn check_phone(phone: &str, at: &[Seg<'_>], f: &mut Fields<'_, '_>) -> bool {
    if tel_href(phone).is_some() {
        return true;
    }
    f.error(
        "club/invalid-phone",
        format!("`{phone}` is not a phone number"),
        at,
        "write the number with its code, e.g. \"+7 707 123 4567\"",
    );
    false
}

fn check_email(email: &str, at: &[Seg<'_>], f: &mut Fields<'_, '_>) -> bool {
    let e = email.trim().trim_start_matches("mailto:");
    let ok = e.split_once('@').is_some_and(|(user, host)| {
        !user.is_empty() && host.contains('.') && !host.starts_with('.') && !host.ends_with('.')
    }) && !e.contains(char::is_whitespace);
    if !ok {
        f.error(
            "club/invalid-email",
            format!("`{email}` is not an e-mail address"),
            at,
            "write the address as name@example.kz",
        );
    }
    ok
}

fn validate_members(raw: RawMembers, f: &mut Fields<'_, '_>) -> Members {
    let RawMembers {
        grades,
        count,
        join,
    } = raw;
    f.opt_text(&join, &[Seg::Key("members"), Seg::Key("join")]);
    let grades = grades.and_then(|g| {
        let ok = (1..=12).contains(&g.from) && (1..=12).contains(&g.to) && g.from <= g.to;
        if !ok {
            f.error(
                "club/invalid-grades",
                format!("grades from {} to {} are not possible", g.from, g.to),
                &[Seg::Key("members"), Seg::Key("grades")],
                "write grades between 1 and 11 (or 12), with `from` not above `to`, e.g. {from: 8, to: 11}",
            );
        }
        ok.then_some((g.from, g.to))
    });
    Members {
        grades,
        count,
        join,
    }
}

/// `mediation.doverie`, `@mediation.doverie` or a profile URL → the handle.
pub(crate) fn instagram_handle(value: &str) -> Option<String> {
    let v = value.trim();
    let handle = if let Some(rest) = v.split_once("instagram.com/").map(|(_, r)| r) {
        rest.split(['/', '?', '#']).next().unwrap_or("")
    } else {
        v.trim_start_matches('@')
    };
    let ok = !handle.is_empty()
        && handle.len() <= 30
        && handle
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '_');
    ok.then(|| handle.to_string())
}

fn check_instagram(value: &str, at: &[Seg<'_>], f: &mut Fields<'_, '_>) -> Option<String> {
    let handle = instagram_handle(value);
    if handle.is_none() {
        f.error(
            "club/invalid-instagram",
            format!("`{value}` is not an Instagram account name"),
            at,
            "write the account name (letters, digits, `.` and `_`), e.g. mediation.senim, or its https://instagram.com/... address",
        );
    }
    handle
}

fn validate_contacts(raw: RawContacts, f: &mut Fields<'_, '_>) -> Contacts {
    let RawContacts {
        room,
        phones,
        email,
        instagram,
    } = raw;
    let phones = phones
        .into_iter()
        .enumerate()
        .filter(|(i, p)| {
            check_phone(
                p.as_str(),
                &[Seg::Key("contacts"), Seg::Key("phones"), Seg::Index(*i)],
                f,
            )
        })
        .map(|(_, p)| p.0)
        .collect();
    let email = email.filter(|e| check_email(e, &[Seg::Key("contacts"), Seg::Key("email")], f));
    let instagram = instagram
        .and_then(|i| check_instagram(&i, &[Seg::Key("contacts"), Seg::Key("instagram")], f));
    Contacts {
        room: room.map(|r| r.0),
        phones,
        email,
        instagram,
    }
}

fn validate_feedback(raw: Option<RawFeedback>, f: &mut Fields<'_, '_>) -> Vec<Feedback> {
    let Some(RawFeedback {
        question,
        application,
        anonymous,
    }) = raw
    else {
        return Vec::new();
    };
    [
        (FeedbackKind::Question, question),
        (FeedbackKind::Application, application),
        (FeedbackKind::Anonymous, anonymous),
    ]
    .into_iter()
    .filter_map(|(kind, url)| {
        let url = url?;
        let at = [Seg::Key("feedback"), Seg::Key(kind.key())];
        let safe = f.url(&url, &at)?;
        if !fits_poster_qr(&safe.url) {
            f.diags.push(
                Diagnostic::warning(
                    "poster/link-too-long",
                    format!(
                        "this link is {} characters long, too long for a QR code, so the poster leaves it out",
                        safe.url.chars().count()
                    ),
                )
                .at(yaml::locate_value(f.src, &at))
                .label("too long for a QR code")
                .help("use a shorter link to the same form (most form services offer one, e.g. forms.gle/...)"),
            );
        }
        Some(Feedback { kind, url: safe })
    })
    .collect()
}

/// The QR code of a feedback link on the poster (error correction M:
/// still readable with a seventh of it smudged or folded).
pub(crate) fn poster_qr(text: &str) -> Option<fast_qr::QRCode> {
    fast_qr::QRBuilder::new(text.as_bytes())
        .ecl(fast_qr::ECL::M)
        .build()
        .ok()
}

/// Whether `url` fits in a poster's QR code. Any text of up to 2,331
/// bytes fits (the largest code at level M, in byte mode, the least dense
/// mode); only longer ones are encoded to find out.
fn fits_poster_qr(url: &str) -> bool {
    url.len() <= 2331 || poster_qr(url).is_some()
}

fn leaders_photos(dir: &Path, src: Source<'_>) -> Vec<PathBuf> {
    // Leader photos are shown with the leader, not in the gallery.
    src.text
        .lines()
        .filter_map(|l| l.trim().strip_prefix("photo:"))
        .map(|p| dir.join(p.trim().trim_matches(['"', '\''])))
        .collect()
}

fn validate_gallery(
    ctx: &LoadContext<'_>,
    raw: Option<RawGallery>,
    f: &mut Fields<'_, '_>,
    dir: &Path,
) -> Gallery {
    let exclude = leaders_photos(dir, f.src);
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
    let photos = if publish && photos_dir.is_dir() {
        load_photos(ctx, &photos_dir, &exclude, f.langs, f.diags)
    } else {
        Vec::new()
    };
    Gallery {
        instagram,
        publish,
        consent,
        photos,
    }
}

fn load_photos(
    ctx: &LoadContext<'_>,
    photos_dir: &Path,
    exclude: &[PathBuf],
    langs: &[LangCode],
    diags: &mut Diagnostics,
) -> Vec<Photo> {
    // Listed safely: a link to a photo outside the site is never published.
    let mut files = super::walk::files(ctx.root, photos_dir, false, &ctx.exclude, diags);
    files.retain(|p| {
        !exclude.contains(p)
            && p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| IMAGE_EXTENSIONS.contains(&e.to_lowercase().as_str()))
    });
    for p in &files {
        if let Some(problem) = super::names::image_problem(p) {
            let name = p.file_name().unwrap_or_default().to_string_lossy();
            let what = format!("the file name `{}`", super::names::shortened(&name));
            diags.push(super::names::name_diagnostic(&problem, &what).in_file(p));
        }
    }
    files.sort();
    let captions_file = photos_dir.join("photos.yaml");
    let mut photos: Vec<Photo> = files
        .into_iter()
        .map(|source| Photo {
            source,
            alt: None,
            caption: None,
        })
        .collect();
    if !captions_file.is_file() || !super::walk::inside(ctx.root, &captions_file, diags) {
        return photos;
    }
    let Some(text) = crate::fs::read_content(&captions_file, diags) else {
        return photos;
    };
    let src = Source {
        text: &text,
        file: &captions_file,
        line_offset: 0,
        family: "photos",
    };
    let Some(raw) = yaml::read::<Vec<RawPhoto>>(src, diags) else {
        return photos;
    };
    let mut f = Fields { src, langs, diags };
    let mut ordered = Vec::new();
    for (i, item) in raw.into_iter().enumerate() {
        let path = photos_dir.join(&item.file);
        let Some(pos) = photos.iter().position(|p| p.source == path) else {
            f.error(
                "photos/missing-file",
                format!("`{}` is not in the photos folder", item.file),
                &[Seg::Index(i), Seg::Key("file")],
                "check the file name (letters, case and extension must match exactly)",
            );
            continue;
        };
        f.opt_text(&item.alt, &[Seg::Index(i), Seg::Key("alt")]);
        f.opt_text(&item.caption, &[Seg::Index(i), Seg::Key("caption")]);
        let mut photo = photos.remove(pos);
        photo.alt = item.alt;
        photo.caption = item.caption;
        ordered.push(photo);
    }
    ordered.extend(photos);
    ordered
}

/// Shorthand for a localized text made from one string.
#[allow(dead_code)]
pub(crate) fn all(text: &str) -> Localized {
    Localized::All(text.to_string())
}
