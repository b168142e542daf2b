//! The one line of a file shown under a problem, and the word on it to
//! underline; each file is read once per report.
//!
//! Layer 0: imports nothing from the crate.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::Location;
use super::rendering::display_path;

/// The line of a problem, ready for the renderer.
pub(super) struct SnippetSource {
    /// The file, as shown (relative to the report's base).
    pub(super) path: String,
    /// The line.
    pub(super) text: String,
    /// Its number, 1-based.
    pub(super) first_line: usize,
    /// The bytes to underline.
    pub(super) span: std::ops::Range<usize>,
}

/// Lines longer than this are not shown: `path:line:column` only. A
/// snippet of a line of megabytes helps no one, and showing it for each of
/// thousands of problems on it would take hours.
const MAX_SNIPPET_LINE: usize = 1000;

/// The files snippets are taken from, each read once per report (a report
/// of 100,000 problems in one file does not read it 100,000 times).
#[derive(Default)]
pub(super) struct SourceFiles {
    texts: HashMap<PathBuf, Option<SourceText>>,
}

/// A file's text and where each of its lines starts.
struct SourceText {
    text: String,
    starts: Vec<usize>,
}

impl SourceFiles {
    /// Line `line_no` (1-based) of `file`, as `str::lines` gives it.
    fn line(&mut self, file: &Path, line_no: usize) -> Option<&str> {
        let source = self
            .texts
            .entry(file.to_path_buf())
            .or_insert_with(|| SourceText::read(file))
            .as_ref()?;
        let start = *source.starts.get(line_no.checked_sub(1)?)?;
        if start >= source.text.len() {
            return None;
        }
        let end = source
            .starts
            .get(line_no)
            .map_or(source.text.len(), |e| e - 1);
        let line = &source.text[start..end];
        Some(line.strip_suffix('\r').unwrap_or(line))
    }
}

impl SourceText {
    fn read(file: &Path) -> Option<Self> {
        let bytes = std::fs::read(file).ok()?;
        // Lossy, so a line with invalid UTF-8 is still shown (with �).
        let text = String::from_utf8_lossy(&bytes);
        // Columns are counted after the byte-order mark, as the loaders read it.
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_string();
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Some(SourceText { text, starts })
    }
}

/// Reads the line of the problem (and, for context, nothing more) so the
/// snippet stays one line, as teachers read it best.
pub(super) fn snippet_source(
    loc: &Location,
    base: &Path,
    files: &mut SourceFiles,
) -> Option<SnippetSource> {
    let line_no = loc.line?;
    let line = files
        .line(&loc.file, line_no)
        .filter(|l| l.len() <= MAX_SNIPPET_LINE)?;
    let col = loc.column.unwrap_or(1).max(1);
    let start = line
        .char_indices()
        .nth(col - 1)
        .map(|(i, _)| i)
        .unwrap_or(line.len());
    let rest = &line[start..];
    let end = start
        + match loc.width {
            Some(w) => rest.char_indices().nth(w).map_or(rest.len(), |(i, _)| i),
            None => word_len(rest),
        };
    Some(SnippetSource {
        // The renderer adds `:line:col` itself.
        path: display_path(&loc.file, base),
        text: line.to_string(),
        first_line: line_no,
        span: start..end,
    })
}

/// The length of the word to underline at the start of `rest`: a key up to
/// its `: `, a value up to a space or the end of a `{...}`/`[...]` item.
fn word_len(rest: &str) -> usize {
    // A `{...}` or `[...]` group: all of it when it closes on this line,
    // else only the opening bracket (the usual syntax error).
    if let Some(open) = rest.chars().next().filter(|c| matches!(c, '{' | '[')) {
        let close = if open == '{' { '}' } else { ']' };
        let mut depth = 0;
        for (i, c) in rest.char_indices() {
            if c == open {
                depth += 1;
            } else if c == close {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
        }
        return 1;
    }
    let mut chars = rest.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let key_end = c == ':' && chars.peek().is_none_or(|(_, n)| n.is_whitespace());
        if key_end || c.is_whitespace() || (i > 0 && matches!(c, ',' | '}' | ']')) {
            return i;
        }
    }
    rest.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn underlines_keys_and_whole_values() {
        assert_eq!(word_len("region: x"), 6);
        assert_eq!(word_len("javascript:alert(1)"), 19);
        assert_eq!(word_len("kz: \"Доверие\"}"), 2);
        assert_eq!(word_len("qaraganda # note"), 9);
        assert_eq!(word_len("kz, ru]"), 2);
        assert_eq!(word_len("{from: 11, to: 8} # x"), 17);
        assert_eq!(word_len("{kk: \"a\", ru: \"b\""), 1);
    }
}
