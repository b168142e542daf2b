//! `bitimger build`: the site written into the output folder, all or
//! nothing, and the summary of what was written, kept or failed.
//!
//! Layer 9: part of the binary; uses the library (`bitimger::`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use bitimger::build::keep::Others;
use bitimger::build::output::{MARKER, WhenBusy, WriteOutcome};
use bitimger::build::{BuildError, BuildOptions, BuildReport, build};

use super::print::{
    IO, SITE_ERRORS, USAGE, counts, fail, files, messages, phase_label, print_diagnostics,
    print_schools, t, warnings,
};
use super::progress::TermProgress;

/// What `bitimger build` was asked for.
pub(crate) struct BuildArgs {
    pub(crate) site: PathBuf,
    pub(crate) output: PathBuf,
    pub(crate) drafts: bool,
    pub(crate) no_wait: bool,
    pub(crate) base_url: Option<String>,
    pub(crate) skip_broken_includes: bool,
}

/// Builds the site into the output folder and prints what happened.
pub(crate) fn run_build(args: BuildArgs) -> ExitCode {
    let progress = TermProgress::on_stderr(phase_label);
    let output = args.output;
    let options = BuildOptions {
        site: args.site,
        output: output.clone(),
        drafts: args.drafts,
        today: None,
        when_busy: when_busy(args.no_wait),
        progress: progress.handle(),
        base_url: args.base_url,
        skip_broken_includes: args.skip_broken_includes,
    };
    let built = build(&options);
    progress.clear();
    match built {
        Err(e) => {
            let code = if matches!(e, BuildError::Io(_)) {
                IO
            } else {
                USAGE
            };
            fail(e, code)
        }
        Ok(report) => {
            print_diagnostics(&report.diagnostics);
            print_schools(&report.diagnostics);
            if report.written {
                print_built(&report, &output);
                ExitCode::SUCCESS
            } else {
                print_failed(&report, &output);
                ExitCode::from(SITE_ERRORS)
            }
        }
    }
}

/// What to do when another build writes into the same output folder:
/// stop (`--no-wait`), or say so and wait.
fn when_busy(no_wait: bool) -> WhenBusy {
    if no_wait {
        WhenBusy::Stop
    } else {
        WhenBusy::Wait {
            notify: Some(std::sync::Arc::new(|out: &Path| {
                anstream::eprintln!("{}", t("build-busy", &[("folder", folder(out).into())]));
            })),
        }
    }
}

/// The summary of a build that was written.
fn print_built(report: &BuildReport, output: &Path) {
    let changed = match &report.outcome {
        Some(WriteOutcome::Unchanged { .. }) => t("build-all-unchanged", &[]),
        Some(WriteOutcome::Replaced { written, kept, .. }) if *kept > 0 => {
            t("build-changed", &[("n", (*written).into())])
        }
        _ => String::new(),
    };
    let seconds = messages().decimal(report.elapsed.as_secs_f64(), 2);
    let line = t(
        "build-done",
        &[
            ("pages", report.pages.into()),
            ("files", files(report.files).into()),
            ("changed", changed.into()),
            ("folder", output.display().to_string().into()),
            ("seconds", seconds.into()),
            ("problems", warnings(&report.diagnostics).into()),
        ],
    );
    anstream::eprintln!("{line}");
    let photos = report.photos;
    if photos.reused + photos.encoded > 0 {
        let args = [
            ("reused", photos.reused.into()),
            ("new", photos.encoded.into()),
        ];
        anstream::eprintln!("{}", t("build-photos", &args));
    }
    if let Some(WriteOutcome::Replaced { others, .. }) = &report.outcome
        && others.files > 0
    {
        anstream::eprintln!("{}", kept_line(others));
    }
}

/// The summary of a build that failed: nothing was written.
fn print_failed(report: &BuildReport, output: &Path) {
    let previous = if output.join(MARKER).exists() {
        let folder = output.display().to_string();
        t("build-failed-previous", &[("folder", folder.into())])
    } else {
        String::new()
    };
    let args = [
        ("counts", counts(&report.diagnostics).into()),
        ("previous", previous.into()),
    ];
    anstream::eprintln!("{}", t("build-failed", &args));
}

/// A folder's path as it was given, with a `/` at the end to say it is one.
fn folder(path: &Path) -> String {
    let text = path.display().to_string();
    if text.ends_with(std::path::MAIN_SEPARATOR) {
        text
    } else {
        format!("{text}{}", std::path::MAIN_SEPARATOR)
    }
}

/// The summary line about files in the output that bitimger did not make.
fn kept_line(others: &Others) -> String {
    let mut names: Vec<&str> = others.names.iter().take(5).map(String::as_str).collect();
    let more = others.names.len().saturating_sub(5);
    let more = t("build-kept-more", &[("n", more.into())]);
    if others.names.len() > 5 {
        names.push(&more);
    }
    let args = [
        ("files", files(others.files).into()),
        ("names", names.join(", ").into()),
    ];
    t("build-kept", &args)
}
