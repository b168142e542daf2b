//! Diagnostics: every problem found in a site, with a stable code, the file,
//! the line and column, and a hint on how to fix it.
//!
//! Layer 0: imports nothing from the crate. The library collects diagnostics
//! and never prints them; the command line (`src/main.rs`, `src/cli/`)
//! renders them with [`Diagnostics::render_text`] or
//! [`Diagnostics::render_json`].
//!
//! One problem is a [`Diagnostic`] (here); the list of one run is
//! [`Diagnostics`] (`list.rs`); `rendering.rs` shows them rustc-style or as
//! JSON, with a one-line snippet of the file (`snippet.rs`); `suggest.rs`
//! finds the did-you-mean of a misspelt name; `codes.rs` lists every code.

pub mod codes;
mod list;
mod rendering;
mod snippet;
mod suggest;

use std::fmt;
use std::path::PathBuf;

use serde::Serialize;

pub use list::Diagnostics;
pub use rendering::{English, Speak, display_path};
pub use suggest::did_you_mean;

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
    /// How many characters from the column to underline, when the whole
    /// value is known (else the word there is).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub width: Option<usize>,
}

impl Location {
    /// A whole file, no line.
    pub fn file(file: impl Into<PathBuf>) -> Self {
        Location {
            file: file.into(),
            line: None,
            column: None,
            width: None,
        }
    }

    /// A line and column in a file.
    pub fn at(file: impl Into<PathBuf>, line: usize, column: usize) -> Self {
        Location {
            file: file.into(),
            line: Some(line),
            column: Some(column),
            width: None,
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
    /// The school folder of a directory's `include:` it comes from, as a
    /// path from the directory's folder (`../school-b`); see
    /// [`Diagnostics::attribute`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub school: Option<String>,
    /// Its words in the tool's message files, for readers of another
    /// language than English (the texts above are the English ones).
    #[serde(skip)]
    pub words: Option<Words>,
}

/// The message id of a diagnostic's words in `i18n/tool/diagnostics-<part>.<lang>.ftl`
/// (its `.label` and `.help` attributes too), and the values they name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Words {
    /// The message id, e.g. `club-unknown-region`.
    pub id: &'static str,
    /// The values, by the names the messages use.
    pub args: Vec<(&'static str, String)>,
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
        debug_assert!(
            codes::find(code).is_some(),
            "the diagnostic code `{code}` is not in src/diag/codes/"
        );
        Diagnostic {
            code,
            severity,
            message: message.into(),
            location: None,
            label: None,
            help: None,
            school: None,
            words: None,
        }
    }

    /// Names its words in the tool's message files (`id`); the English
    /// texts stay what an English reader sees.
    pub fn words(mut self, id: &'static str) -> Self {
        self.words = Some(Words {
            id,
            args: Vec::new(),
        });
        self
    }

    /// A value its words name (after [`Diagnostic::words`]).
    pub fn arg(mut self, name: &'static str, value: impl fmt::Display) -> Self {
        if let Some(words) = &mut self.words {
            words.args.push((name, value.to_string()));
        }
        self
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
