//! Diagnostics: every problem found in a site, with a stable code, the file,
//! the line and column, and a hint on how to fix it.
//!
//! Layer 0: imports nothing from the crate. The library collects diagnostics
//! and never prints them; `main.rs` renders them with [`Diagnostics::render_text`]
//! or [`Diagnostics::render_json`].

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use serde::Serialize;

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The build fails.
    Error,
    /// The build goes on; `check --strict` fails.
    Warning,
}

/// A place in a file, 1-based.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Location {
    /// The file, as given to the loader (usually inside the site folder).
    pub file: PathBuf,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// 1-based column (in characters), when known.
    pub column: Option<usize>,
}

impl Location {
    /// A whole file, no line.
    pub fn file(file: impl Into<PathBuf>) -> Self {
        Location {
            file: file.into(),
            line: None,
            column: None,
        }
    }

    /// A line and column in a file.
    pub fn at(file: impl Into<PathBuf>, line: usize, column: usize) -> Self {
        Location {
            file: file.into(),
            line: Some(line),
            column: Some(column),
        }
    }
}

/// One problem, with everything a teacher needs to fix it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Stable code such as `club/unknown-field`; can be silenced by name in site.yaml.
    pub code: &'static str,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, in plain words.
    pub message: String,
    /// Where it is.
    pub location: Option<Location>,
    /// A short label under the offending text in the snippet.
    pub label: Option<String>,
    /// How to fix it.
    pub help: Option<String>,
}

impl Diagnostic {
    /// A new error.
    pub fn error(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(code, Severity::Error, message)
    }

    /// A new warning.
    pub fn warning(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(code, Severity::Warning, message)
    }

    fn new(code: &'static str, severity: Severity, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity,
            message: message.into(),
            location: None,
            label: None,
            help: None,
        }
    }

    /// Sets the location.
    pub fn at(mut self, location: Location) -> Self {
        self.location = Some(location);
        self
    }

    /// Sets the location to a whole file.
    pub fn in_file(self, file: impl Into<PathBuf>) -> Self {
        self.at(Location::file(file))
    }

    /// Sets the label shown under the snippet.
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// Sets the hint.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Sets the hint when there is one.
    pub fn maybe_help(mut self, help: Option<String>) -> Self {
        if help.is_some() {
            self.help = help;
        }
        self
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{kind}[{}]: {}", self.code, self.message)?;
        if let Some(loc) = &self.location {
            write!(f, " ({}", loc.file.display())?;
            if let Some(line) = loc.line {
                write!(f, ":{line}")?;
                if let Some(col) = loc.column {
                    write!(f, ":{col}")?;
                }
            }
            write!(f, ")")?;
        }
        if let Some(help) = &self.help {
            write!(f, "; {help}")?;
        }
        Ok(())
    }
}

/// All problems of one run, in the order found.
#[derive(Debug, Default, Clone, Serialize)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// An empty list.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one problem.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    /// Adds all problems of another list.
    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    /// True when any problem is an error.
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    /// Number of errors.
    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|d| d.is_error()).count()
    }

    /// Number of warnings.
    pub fn warning_count(&self) -> usize {
        self.items.len() - self.error_count()
    }

    /// True when there is nothing at all.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The problems, errors first, then by file and line, each kind in the
    /// order found.
    pub fn sorted(&self) -> Vec<&Diagnostic> {
        let mut items: Vec<&Diagnostic> = self.items.iter().collect();
        items.sort_by(|a, b| {
            let key = |d: &Diagnostic| {
                let loc = d.location.as_ref();
                (
                    d.severity,
                    loc.map(|l| l.file.clone()),
                    loc.and_then(|l| l.line),
                )
            };
            key(a).cmp(&key(b))
        });
        items.dedup();
        items
    }

    /// Iterates in the order found.
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }

    /// Drops the warnings whose code is in `silenced`.
    pub fn silence(&mut self, silenced: &[String]) {
        self.items
            .retain(|d| d.is_error() || !silenced.iter().any(|s| s == d.code));
    }

    /// Turns every warning into an error (`--strict`).
    pub fn make_strict(&mut self) {
        for d in &mut self.items {
            d.severity = Severity::Error;
        }
    }

    /// Renders every problem rustc-style, numbered, with a snippet of the
    /// file where the line is known. Paths are shown relative to `base`.
    pub fn render_text(&self, base: &Path, styled: bool) -> String {
        let renderer = if styled {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let sorted = self.sorted();
        let total = sorted.len();
        let mut out = String::new();
        let mut files = SourceFiles::default();
        for (i, d) in sorted.into_iter().enumerate() {
            if total > 1 {
                out.push_str(&format!("({}/{total}) ", i + 1));
            }
            out.push_str(&render_one(d, base, &renderer, &mut files));
            out.push_str("\n\n");
        }
        out
    }

    /// Renders every problem as a JSON array (for `--format json`).
    pub fn render_json(&self) -> String {
        let items: Vec<&Diagnostic> = self.sorted();
        serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".to_string())
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

/// Shows `path` relative to `base` when it is inside it.
pub fn display_path(path: &Path, base: &Path) -> String {
    path.strip_prefix(base)
        .unwrap_or(path)
        .display()
        .to_string()
}

fn render_one(d: &Diagnostic, base: &Path, renderer: &Renderer, files: &mut SourceFiles) -> String {
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let title = level.primary_title(d.message.as_str()).id(d.code);
    let mut groups: Vec<Group<'_>> = Vec::new();
    let source = d
        .location
        .as_ref()
        .and_then(|l| snippet_source(l, base, files));
    let help = d.help.as_deref().map(|h| Level::HELP.message(h));
    let group = match (&source, &d.location) {
        (Some(src), _) => {
            let snippet = Snippet::source(src.text.as_str())
                .line_start(src.first_line)
                .path(src.path.as_str())
                .annotation(
                    AnnotationKind::Primary
                        .span(src.span.clone())
                        .label(d.label.as_deref().unwrap_or("")),
                );
            let g = title.element(snippet);
            match help {
                Some(h) => g.element(h),
                None => g,
            }
        }
        (None, Some(loc)) => {
            let mut where_ = display_path(&loc.file, base);
            if let Some(line) = loc.line {
                where_.push_str(&format!(":{line}"));
                if let Some(column) = loc.column {
                    where_.push_str(&format!(":{column}"));
                }
            }
            let g = title.element(annotate_snippets::Origin::path(where_));
            match help {
                Some(h) => g.element(h),
                None => g,
            }
        }
        (None, None) => match help {
            Some(h) => title.element(h),
            None => Group::with_title(title),
        },
    };
    groups.push(group);
    renderer.render(&groups)
}

struct SnippetSource {
    path: String,
    text: String,
    first_line: usize,
    span: std::ops::Range<usize>,
}

/// Lines longer than this are not shown: `path:line:column` only. A
/// snippet of a line of megabytes helps no one, and showing it for each of
/// thousands of problems on it would take hours.
const MAX_SNIPPET_LINE: usize = 1000;

/// The files snippets are taken from, each read once per report (a report
/// of 100,000 problems in one file does not read it 100,000 times).
#[derive(Default)]
struct SourceFiles {
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
fn snippet_source(loc: &Location, base: &Path, files: &mut SourceFiles) -> Option<SnippetSource> {
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
    let end = start + word_len(&line[start..]);
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

/// The closest candidate to `word` by edit distance, when it is close enough
/// to be a likely typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let word_lower = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| {
            (
                strsim::damerau_levenshtein(&word_lower, &c.to_lowercase()),
                c,
            )
        })
        .filter(|(d, c)| *d <= (c.chars().count() / 3).max(2))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        let names = ["leaders", "members", "goals"];
        assert_eq!(did_you_mean("leaderz", names), Some("leaders"));
        assert_eq!(did_you_mean("Goals", names), Some("goals"));
        assert_eq!(did_you_mean("photographs", names), None);
    }

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

    #[test]
    fn snippets_name_the_file_once() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("club.yaml");
        std::fs::write(&file, "name: x\nleaderz: []\n").unwrap();
        let mut d = Diagnostics::new();
        d.push(
            Diagnostic::error("club/unknown-field", "unknown field").at(Location::at(&file, 2, 1)),
        );
        let text = d.render_text(dir.path(), false);
        assert!(text.contains("--> club.yaml:2:1\n"), "{text}");
    }

    #[test]
    fn errors_sort_before_warnings() {
        let mut d = Diagnostics::new();
        d.push(Diagnostic::warning("a/w", "w"));
        d.push(Diagnostic::error("a/e", "e"));
        let sorted = d.sorted();
        assert_eq!(sorted[0].code, "a/e");
        assert_eq!(d.error_count(), 1);
        assert_eq!(d.warning_count(), 1);
    }
}
