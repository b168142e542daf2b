//! Names of output files and folders that every common file system can
//! hold. A name is checked where the loader makes it (a club's web address
//! from its folder name, a document's file name from documents.yaml ...),
//! so `check` and `build` refuse the same names, with the file and line,
//! instead of `build` failing halfway when it writes the file, or the site
//! failing later when it is copied to a USB stick or a Windows computer.

use std::path::Path;

use crate::diag::{Diagnostic, Diagnostics};

/// The longest name (in bytes of UTF-8) Linux file systems allow; NTFS,
/// FAT and APFS allow 255 characters, which is never fewer.
pub(crate) const MAX_NAME_BYTES: usize = 255;

/// Characters Windows, FAT and exFAT (USB sticks) refuse in names.
const FORBIDDEN: &str = "<>:\"/\\|?*";

/// Names Windows reserves for devices, with any extension.
const RESERVED: &[&str] = &[
    "CON", "PRN", "AUX", "NUL", "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7",
    "COM8", "COM9", "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

/// What is wrong with an output name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum NameProblem {
    /// Longer than [`MAX_NAME_BYTES`]: this many bytes.
    TooLong(usize),
    /// Not allowed on common file systems, for this reason.
    Invalid(Why),
}

/// Why a name is not allowed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Why {
    /// An invisible control character.
    Control,
    /// A character Windows refuses.
    Char(char),
    /// A dot or a space at the end.
    End,
    /// A device name Windows reserves (as written).
    Reserved(String),
}

impl Why {
    /// The reason in English words.
    fn english(&self) -> String {
        match self {
            Why::Control => "an invisible control character".to_string(),
            Why::Char(c) => format!("the character {c}"),
            Why::End => "a dot or a space at the end".to_string(),
            Why::Reserved(stem) => format!("`{stem}`, a name Windows keeps for itself"),
        }
    }

    /// The key the tool's message files select their words by, and the
    /// character or name it is about.
    fn key(&self) -> (&'static str, String) {
        match self {
            Why::Control => ("control", String::new()),
            Why::Char(c) => ("char", c.to_string()),
            Why::End => ("end", String::new()),
            Why::Reserved(stem) => ("reserved", stem.clone()),
        }
    }
}

/// What a checked name is, for the messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Named {
    /// A file's name.
    File,
    /// A photo's file name, written in club.yaml.
    Photo,
    /// A path under static/.
    Name,
    /// The web address made from a folder's or a file's name.
    Address,
}

impl Named {
    fn english(self, name: &str) -> String {
        match self {
            Named::File => format!("the file name `{name}`"),
            Named::Photo => format!("the photo's file name `{name}`"),
            Named::Name => format!("the name `{name}`"),
            Named::Address => format!("the web address `{name}` made from this name"),
        }
    }

    fn key(self) -> &'static str {
        match self {
            Named::File => "file",
            Named::Photo => "photo",
            Named::Name => "name",
            Named::Address => "address",
        }
    }
}

/// The problem of `name` as the name of one output file or folder, if any.
pub(crate) fn name_problem(name: &str) -> Option<NameProblem> {
    if name.len() > MAX_NAME_BYTES {
        return Some(NameProblem::TooLong(name.len()));
    }
    if let Some(c) = name
        .chars()
        .find(|&c| c.is_control() || FORBIDDEN.contains(c))
    {
        let why = if c.is_control() {
            Why::Control
        } else {
            Why::Char(c)
        };
        return Some(NameProblem::Invalid(why));
    }
    if name.ends_with('.') || name.ends_with(' ') {
        return Some(NameProblem::Invalid(Why::End));
    }
    let stem = name.split('.').next().unwrap_or(name).trim_end();
    if RESERVED.iter().any(|r| r.eq_ignore_ascii_case(stem)) {
        return Some(NameProblem::Invalid(Why::Reserved(stem.to_string())));
    }
    None
}

/// The problem of each part of a `/`-separated output path.
pub(crate) fn path_problem(path: &str) -> Option<NameProblem> {
    path.split('/').find_map(name_problem)
}

/// The diagnostic for `problem` in `name` (shortened in the message),
/// which is what `named` says; the caller adds the location.
pub(crate) fn name_diagnostic(problem: &NameProblem, named: Named, name: &str) -> Diagnostic {
    let short = shortened(name);
    let what = named.english(&short);
    let d = match problem {
        NameProblem::TooLong(bytes) => Diagnostic::error(
            "file/name-too-long",
            format!(
                "{what} is too long to be a file name: {bytes} bytes, and file systems allow {MAX_NAME_BYTES} (about 255 Latin or 127 Cyrillic letters)"
            ),
        )
        .words("file-name-too-long")
        .arg("bytes", bytes)
        .arg("max", MAX_NAME_BYTES)
        .help("give the file or folder a shorter name"),
        NameProblem::Invalid(why) => {
            let (key, detail) = why.key();
            Diagnostic::error(
                "file/name-invalid",
                format!(
                    "{what} has {}, which Windows and USB sticks do not allow in file names",
                    why.english()
                ),
            )
            .words("file-name-invalid")
            .arg("why", key)
            .arg("detail", detail)
            .help(
                "rename it without < > : \" / \\ | ? *, not ending in a dot or a space, and not CON, PRN, AUX, NUL, COM1 or LPT1",
            )
        }
    };
    d.arg("what", named.key()).arg("name", short)
}

/// Reports a web address (a folder of the output) made from the name of
/// `file` (a club folder, a news or page file) that no file system holds.
pub(crate) fn check_address(slug: &str, file: &Path, diags: &mut Diagnostics) {
    if let Some(problem) = name_problem(slug) {
        diags.push(name_diagnostic(&problem, Named::Address, slug).in_file(file));
    }
}

/// The start of the names of a published image's files: its file name
/// made a web address (`Фото 1.jpg` → `foto-1`), then `-<size>.<format>`.
pub(crate) fn image_stem(source: &Path) -> String {
    source
        .file_stem()
        .map(|s| super::slug::slugify(&s.to_string_lossy()))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "image".to_string())
}

/// The problem of the longest file name made for the image `source`.
pub(crate) fn image_problem(source: &Path) -> Option<NameProblem> {
    name_problem(&format!("{}-00000.webp", image_stem(source)))
}

/// A short form of a long name for messages: its first 40 characters.
pub(crate) fn shortened(name: &str) -> String {
    match name.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &name[..i]),
        None => name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_every_file_system_can_hold_pass() {
        for ok in [
            "index.html",
            "order 12.pdf",
            "Бұйрық №5.pdf",
            "a-b_c.d.txt",
            "console.css",
        ] {
            assert_eq!(name_problem(ok), None, "{ok}");
        }
        assert_eq!(name_problem(&"я".repeat(127)), None);
    }

    #[test]
    fn long_forbidden_and_reserved_names_are_problems() {
        assert_eq!(
            name_problem(&"я".repeat(128)),
            Some(NameProblem::TooLong(256))
        );
        for bad in [
            "a:b.pdf",
            "what?.txt",
            "tab\there",
            "end.",
            "end ",
            "con",
            "NUL.txt",
            "com1.js",
        ] {
            assert!(
                matches!(name_problem(bad), Some(NameProblem::Invalid(_))),
                "{bad}"
            );
        }
        assert!(path_problem("files/a|b/c.txt").is_some());
        assert!(path_problem("files/readme.txt").is_none());
    }
}
