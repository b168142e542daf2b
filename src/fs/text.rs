//! Content files read as UTF-8 text for the loaders: the size limit, the
//! encoding (with the line of the first bad byte), a leading BOM, an empty
//! file, and I/O errors, each a diagnostic naming the file.
//!
//! Part of layer 1 (`fs`); imports `diag` and its sibling modules
//! `regular` and `controls`.

use std::io;
use std::path::Path;

use super::{clean_text, open_file};
use crate::diag::{Diagnostic, Diagnostics};

/// Files larger than this are refused as content: no club.yaml or report
/// is anywhere near it, and it keeps a stray video from eating memory.
pub const MAX_TEXT_FILE: u64 = 4 * 1024 * 1024;

/// Reads a content file as UTF-8 text for the loaders. Problems an editor can
/// fix (too large, not UTF-8, empty) become diagnostics naming the file.
pub fn read_text(path: &Path) -> Result<String, Diagnostic> {
    use std::io::Read;
    let file = open_file(path).map_err(|e| io_diagnostic(path, &e))?;
    let len = file.metadata().map_err(|e| io_diagnostic(path, &e))?.len();
    // Checked before reading, so a huge file is never loaded into memory;
    // the read is bounded too, in case the file grows meanwhile.
    if len > MAX_TEXT_FILE {
        return Err(too_large(path, len));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(MAX_TEXT_FILE + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_diagnostic(path, &e))?;
    decode_text(path, bytes)
}

/// The checks of [`read_text`] on bytes already read: size, UTF-8 (with
/// the line of the first bad byte), a leading BOM dropped, not empty.
pub fn decode_text(path: &Path, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    if bytes.len() as u64 > MAX_TEXT_FILE {
        return Err(too_large(path, bytes.len() as u64));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = String::from_utf8_lossy(valid)
            .rsplit('\n')
            .next()
            .map_or(0, |l| l.chars().count())
            + 1;
        Diagnostic::error("file/not-utf8", "this file is not valid UTF-8 text")
            .words("file-not-utf8")
            .at(crate::diag::Location::at(path, line, column))
            .label("saved in another encoding, such as Windows-1251")
            .help("save the file as UTF-8 in your editor (\"Save as\" → encoding UTF-8)")
    })?;
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Diagnostic::error("file/empty", "this file is empty")
            .words("file-empty")
            .in_file(path)
            .help("write the file's fields, or delete the file"));
    }
    Ok(text)
}

/// [`read_text`] for the loaders: problems go to `diags`, and control
/// characters are left out of the text with a warning
/// (`file/control-character`).
pub fn read_content(path: &Path, diags: &mut Diagnostics) -> Option<String> {
    let text = read_text(path).map_err(|d| diags.push(d)).ok()?;
    Some(clean_text(path, text, diags))
}

fn too_large(path: &Path, len: u64) -> Diagnostic {
    Diagnostic::error(
        "file/too-large",
        format!(
            "this file is {:.1} MB; text files over {} MB are not read",
            len as f64 / (1024.0 * 1024.0),
            MAX_TEXT_FILE / (1024 * 1024)
        ),
    )
    .words("file-too-large")
    // With a decimal comma, as Kazakh and Russian write it.
    .arg(
        "size",
        format!("{:.1}", len as f64 / (1024.0 * 1024.0)).replace('.', ","),
    )
    .arg("max", MAX_TEXT_FILE / (1024 * 1024))
    .in_file(path)
    .help("a content file holds text only; put large files in documents/ or static/")
}

/// An I/O error on a content file, as a diagnostic.
pub fn io_diagnostic(path: &Path, e: &io::Error) -> Diagnostic {
    Diagnostic::error("file/unreadable", format!("could not read this file: {e}"))
        .words("file-unreadable")
        .arg("error", e)
        .in_file(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_text_reports_invalid_utf8_with_line() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.yaml");
        std::fs::write(&p, b"name: ok\nbad: \xff\n").unwrap();
        let d = read_text(&p).unwrap_err();
        assert_eq!(d.code, "file/not-utf8");
        assert_eq!(d.location.unwrap().line, Some(2));
    }
}
