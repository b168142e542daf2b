//! `bitimger check`: every check of a build, nothing written; the problems
//! as text or as JSON (`--format json`).
//!
//! Layer 9: part of the binary; uses the library (`bitimger::`).

use std::path::Path;
use std::process::ExitCode;

use bitimger::build::output::{DEFAULT_OUTPUT, absolute};
use bitimger::content::LoadOptions;
use bitimger::render::RenderOptions;

use super::args::Format;
use super::print::{SITE_ERRORS, counts, messages, print_diagnostics, print_schools, t};

/// What `bitimger check` was asked for, besides the site.
pub(crate) struct CheckArgs {
    pub(crate) drafts: bool,
    pub(crate) strict: bool,
    pub(crate) format: Format,
    pub(crate) skip_broken_includes: bool,
}

/// Checks `site` and prints its problems; exit code 1 when there are errors
/// (with `--strict`, warnings too).
pub(crate) fn run_check(site: &Path, args: CheckArgs) -> ExitCode {
    let load = LoadOptions {
        drafts: args.drafts,
        exclude: vec![absolute(Path::new(DEFAULT_OUTPUT))],
        skip_broken_includes: args.skip_broken_includes,
        ..LoadOptions::default()
    };
    let mut diags = bitimger::build::check(site, &load, &RenderOptions::default());
    if args.strict {
        diags.make_strict();
    }
    let diags = &diags;
    match args.format {
        Format::Json => println!("{}", diags.render_json(messages())),
        Format::Human => {
            print_diagnostics(diags);
            print_schools(diags);
            if diags.is_empty() {
                anstream::eprintln!("{}", t("check-clean", &[("site", shown(site).into())]));
            } else {
                anstream::eprintln!("{}", t("check-found", &[("counts", counts(diags).into())]));
            }
        }
    }
    if diags.has_errors() {
        ExitCode::from(SITE_ERRORS)
    } else {
        ExitCode::SUCCESS
    }
}

/// The site folder as the teacher knows it: its name when it was given as
/// `.` (the current folder), else as given.
fn shown(site: &Path) -> String {
    let named = (site == Path::new("."))
        .then(|| {
            std::env::current_dir()
                .ok()?
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
        })
        .flatten();
    named.unwrap_or_else(|| site.display().to_string())
}
