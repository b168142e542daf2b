//! What every command prints the same way: the diagnostics, their counts,
//! the words of the progress bar, and an error with its exit code.
//!
//! Layer 9: part of the binary; uses the library (`bitimger::`).

use std::fmt::Display;
use std::io::IsTerminal;
use std::process::ExitCode;

use bitimger::diag::Diagnostics;
use bitimger::progress::Phase;

/// Exit code: the site has errors (content or config).
pub(crate) const SITE_ERRORS: u8 = 1;
/// Exit code: the command cannot run as asked (usage, a busy output
/// folder, a port in use).
pub(crate) const USAGE: u8 = 2;
/// Exit code: reading or writing failed, or something internal did.
pub(crate) const IO: u8 = 3;

/// Prints `error: …` and gives the exit `code`.
pub(crate) fn fail(error: impl Display, code: u8) -> ExitCode {
    anstream::eprintln!("error: {error}");
    ExitCode::from(code)
}

/// Prints every problem rustc-style, paths relative to the current folder,
/// in colour on a terminal.
pub(crate) fn print_diagnostics(diags: &Diagnostics) {
    if diags.is_empty() {
        return;
    }
    let base = std::env::current_dir().unwrap_or_default();
    let styled = std::io::stderr().is_terminal();
    anstream::eprint!("{}", diags.render_text(&base, styled));
}

/// `n word` or `n words`.
pub(crate) fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// `2 errors, 1 warning`.
pub(crate) fn counts(diags: &Diagnostics) -> String {
    format!(
        "{}, {}",
        plural(diags.error_count(), "error"),
        plural(diags.warning_count(), "warning")
    )
}

/// `, 0 errors, 2 warnings` for the end of a summary line when there are
/// warnings, else nothing.
pub(crate) fn warnings(diags: &Diagnostics) -> String {
    if diags.warning_count() > 0 {
        format!(", {}", counts(diags))
    } else {
        String::new()
    }
}

/// What the progress bar of a long build says it is doing; short, so
/// that the bar fits a narrow window.
pub(crate) fn phase_label(phase: Phase) -> String {
    match phase {
        Phase::Reading => "reading the site",
        Phase::Photos => "photos",
        Phase::Pages => "pages",
        Phase::Checking => "checking links",
        Phase::Writing => "writing",
    }
    .to_string()
}
