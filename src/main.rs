//! The `bitimger` command line: parses arguments, runs the library, prints
//! diagnostics and sets the exit code. The only module that prints.
//!
//! Exit codes: 0 ok (warnings allowed), 1 content or config errors,
//! 2 usage, 3 I/O or internal.

/// A faster allocator than the system's for many threads building small
/// values (views, template values): about a tenth off a directory build.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use bitimger::build::output::WriteOutcome;
use bitimger::build::{BuildOptions, build, generate};
use bitimger::content::LoadOptions;
use bitimger::diag::Diagnostics;
use bitimger::render::RenderOptions;

/// bitimger — a static site generator for school mediation clubs.
///
/// Builds a bilingual (Kazakh, Russian, English...) web site for a school's
/// mediation club, or a regional directory of clubs, from a folder of YAML
/// and Markdown files.
#[derive(Parser)]
#[command(name = "bitimger", version, about, long_about = None, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder (all or nothing)
    ///
    /// Reads SITE (default: ./content when it has a site.yaml, else the
    /// current folder) and writes the web site to --output. The new site
    /// replaces the old one only when the whole build succeeded; on any
    /// error nothing is written and the previous site stays as it was.
    Build {
        /// The site folder (the one with site.yaml)
        site: Option<PathBuf>,
        /// Where to write the web site
        #[arg(short, long, default_value = "public")]
        output: PathBuf,
        /// Also publish news and pages marked `draft: true`
        #[arg(long)]
        drafts: bool,
    },
    /// Check the site without writing anything
    ///
    /// Runs every check of `build` and reports all problems with file and
    /// line. Exits with 1 when there are errors.
    Check {
        /// The site folder (the one with site.yaml)
        site: Option<PathBuf>,
        /// Also check drafts
        #[arg(long)]
        drafts: bool,
        /// Treat warnings as errors
        #[arg(long)]
        strict: bool,
        /// Output format
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// Readable text
    Human,
    /// JSON, for CI
    Json,
}

fn default_site() -> PathBuf {
    let content = PathBuf::from("content");
    if content.join("site.yaml").is_file() {
        content
    } else {
        PathBuf::from(".")
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build {
            site,
            output,
            drafts,
        } => run_build(site.unwrap_or_else(default_site), output, drafts),
        Command::Check {
            site,
            drafts,
            strict,
            format,
        } => run_check(&site.unwrap_or_else(default_site), drafts, strict, format),
    }
}

fn print_diagnostics(diags: &Diagnostics) {
    if diags.is_empty() {
        return;
    }
    let base = std::env::current_dir().unwrap_or_default();
    let styled = std::io::stderr().is_terminal();
    anstream::eprint!("{}", diags.render_text(&base, styled));
}

fn counts(diags: &Diagnostics) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    format!(
        "{}, {}",
        plural(diags.error_count(), "error"),
        plural(diags.warning_count(), "warning")
    )
}

fn run_build(site: PathBuf, output: PathBuf, drafts: bool) -> ExitCode {
    let options = BuildOptions {
        site,
        output: output.clone(),
        drafts,
        today: None,
    };
    match build(&options) {
        Err(e) => {
            anstream::eprintln!("error: {e}");
            ExitCode::from(if matches!(e, bitimger::build::BuildError::Io(_)) {
                3
            } else {
                2
            })
        }
        Ok(report) => {
            print_diagnostics(&report.diagnostics);
            if report.written {
                let changed = match report.outcome {
                    Some(WriteOutcome::Unchanged { .. }) => ", all unchanged".to_string(),
                    Some(WriteOutcome::Replaced { written, kept }) if kept > 0 => {
                        format!(", {written} changed")
                    }
                    _ => String::new(),
                };
                anstream::eprintln!(
                    "Built {} pages ({} files{changed}) into {} in {:.2} s{}",
                    report.pages,
                    report.files,
                    output.display(),
                    report.elapsed.as_secs_f64(),
                    if report.diagnostics.warning_count() > 0 {
                        format!(", {}", counts(&report.diagnostics))
                    } else {
                        String::new()
                    }
                );
                ExitCode::SUCCESS
            } else {
                anstream::eprintln!(
                    "Build failed: {}. Nothing was written{}.",
                    counts(&report.diagnostics),
                    if output.join(bitimger::build::output::MARKER).exists() {
                        format!("; {} still holds the previous site", output.display())
                    } else {
                        String::new()
                    }
                );
                ExitCode::from(1)
            }
        }
    }
}

fn run_check(site: &Path, drafts: bool, strict: bool, format: Format) -> ExitCode {
    let load = LoadOptions {
        drafts,
        exclude: vec![bitimger::build::output::absolute(Path::new("public"))],
    };
    let mut generated = generate(site, &load, &RenderOptions::default());
    if strict {
        generated.diagnostics.make_strict();
    }
    let diags = &generated.diagnostics;
    match format {
        Format::Json => println!("{}", diags.render_json()),
        Format::Human => {
            print_diagnostics(diags);
            if diags.is_empty() {
                anstream::eprintln!("No problems found in {}.", site.display());
            } else {
                anstream::eprintln!("Found {}.", counts(diags));
            }
        }
    }
    if diags.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
