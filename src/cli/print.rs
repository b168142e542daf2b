//! What every command prints the same way, in the language of the run
//! (`--lang`, see `bitimger::messages`): the diagnostics, their counts,
//! the words of the progress bar, and an error with its exit code.
//!
//! Layer 9: part of the binary; uses the library (`bitimger::`).

use std::fmt::Display;
use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;
use std::sync::OnceLock;

use bitimger::diag::Diagnostics;
use bitimger::messages::{Arg, Lang, Messages};
use bitimger::progress::Phase;

/// The tool's messages in the language of this run.
static MESSAGES: OnceLock<Messages> = OnceLock::new();

/// Chooses the language of this run ([`Lang::choose`]): `flag`, the
/// environment, then the first language of the site in `site`, if any.
pub(crate) fn choose_language(flag: Option<&str>, site: Option<&Path>) {
    let site_first = || {
        let mut ignored = Diagnostics::new();
        let config = bitimger::config::load_config(site?, &mut ignored)?;
        Some(config.default_lang().to_string())
    };
    let env = |name: &str| std::env::var(name).ok();
    let lang = match flag.and_then(Lang::parse) {
        Some(lang) => lang,
        None => Lang::choose(None, env, site_first().as_deref()),
    };
    let _ = MESSAGES.set(Messages::new(lang));
}

/// The tool's messages (English until a language is chosen).
pub(crate) fn messages() -> &'static Messages {
    MESSAGES.get_or_init(|| Messages::new(Lang::En))
}

/// Message `id` with `args`, in the language of this run.
pub(crate) fn t(id: &str, args: &[(&str, Arg)]) -> String {
    messages().text(id, args)
}

/// Exit code: the site has errors (content or config).
pub(crate) const SITE_ERRORS: u8 = 1;
/// Exit code: the command cannot run as asked (usage, a busy output
/// folder, a port in use).
pub(crate) const USAGE: u8 = 2;
/// Exit code: reading or writing failed, or something internal did.
pub(crate) const IO: u8 = 3;

/// Prints `error: …` and gives the exit `code`.
pub(crate) fn fail(error: impl Display, code: u8) -> ExitCode {
    anstream::eprintln!("{}: {error}", t("diag-error", &[]));
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
    anstream::eprint!("{}", diags.render_text(&base, styled, messages()));
}

/// After the problems of a directory: a line per included school folder
/// with problems (`School folder ../school-b: 2 errors, 0 warnings`), then
/// a loud line naming the folders left out by `--skip-broken-includes`.
pub(crate) fn print_schools(diags: &Diagnostics) {
    for (school, errors, warnings) in diags.per_school() {
        let errors = t("count-errors", &[("n", errors.into())]);
        let warnings = t("count-warnings", &[("n", warnings.into())]);
        let counts = t(
            "counts",
            &[("errors", errors.into()), ("warnings", warnings.into())],
        );
        let args = [("school", school.into()), ("counts", counts.into())];
        anstream::eprintln!("{}", t("school-counts", &args));
    }
    let skipped: Vec<&str> = diags
        .iter()
        .filter(|d| d.code == "site/include-skipped")
        .filter_map(|d| d.school.as_deref())
        .collect();
    if !skipped.is_empty() {
        let args = [
            ("n", skipped.len().into()),
            ("folders", skipped.join(", ").into()),
        ];
        anstream::eprintln!("{}", t("includes-skipped", &args));
    }
}

/// `3 files`, in the language of this run.
pub(crate) fn files(n: usize) -> String {
    t("count-files", &[("n", n.into())])
}

/// `2 errors, 1 warning`.
pub(crate) fn counts(diags: &Diagnostics) -> String {
    let errors = t("count-errors", &[("n", diags.error_count().into())]);
    let warnings = t("count-warnings", &[("n", diags.warning_count().into())]);
    t(
        "counts",
        &[("errors", errors.into()), ("warnings", warnings.into())],
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
    let id = match phase {
        Phase::Reading => "phase-reading",
        Phase::Photos => "phase-photos",
        Phase::Pages => "phase-pages",
        Phase::Checking => "phase-checking",
        Phase::Writing => "phase-writing",
    };
    t(id, &[])
}
