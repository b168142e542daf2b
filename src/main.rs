//! The `bitimger` command line: parses arguments, runs the library, prints
//! diagnostics and sets the exit code. The only module that prints.
//!
//! Exit codes: 0 ok (warnings allowed), 1 content or config errors,
//! 2 usage, 3 I/O or internal.

/// A faster allocator than the system's for many threads building small
/// values (views, template values): about a tenth off a directory build.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod cli;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use bitimger::build::output::{DEFAULT_OUTPUT, WhenBusy, WriteOutcome, absolute};
use bitimger::build::{BuildOptions, build};
use bitimger::content::LoadOptions;
use bitimger::diag::Diagnostics;
use bitimger::progress::Phase;
use bitimger::render::RenderOptions;
use bitimger::scaffold::{ScaffoldError, ScaffoldReport};
use bitimger::serve::{RebuildReport, ServeError, ServeOptions, Watching};
use bitimger::types::Date;

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
        /// Where to write the web site: a folder outside the site folder
        /// (or `public` in it); files there that bitimger did not make,
        /// such as .git or CNAME, are kept
        #[arg(short, long, default_value = DEFAULT_OUTPUT)]
        output: PathBuf,
        /// Also publish news and pages marked `draft: true`
        #[arg(long)]
        drafts: bool,
        /// When another build is writing into the same output folder,
        /// stop (exit code 2) instead of waiting for it to finish
        #[arg(long)]
        no_wait: bool,
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
    /// Serve the site on this computer and rebuild it on every change
    ///
    /// Builds SITE in memory and serves it at http://127.0.0.1:1111/. Every
    /// saved change rebuilds the site and reloads the open browser tabs. A
    /// mistake never stops the server: its message is shown over every
    /// page, and the last good version of the site stays served until the
    /// mistake is fixed. Nothing is written to disk.
    Serve {
        /// The site folder (the one with site.yaml)
        site: Option<PathBuf>,
        /// The port to listen on (0: any free port)
        #[arg(short, long, default_value_t = bitimger::serve::DEFAULT_PORT)]
        port: u16,
        /// Open the site in the web browser
        #[arg(long)]
        open: bool,
        /// The network address to listen on; only this computer can see the
        /// site unless you give another one (e.g. 0.0.0.0 for every device
        /// of the local network: a preview, not a way to publish)
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Also show news and pages marked `draft: true`
        #[arg(long)]
        drafts: bool,
    },
    /// Create a new school site in DIR
    ///
    /// Writes site.yaml, one club with every section, its activity plan, an
    /// annual report and a news item, in Kazakh and Russian, with comments
    /// explaining each field. Files already in DIR are never overwritten.
    Init {
        /// The folder to create the site in
        dir: PathBuf,
    },
    /// Add a club, a report or a news item to a site
    ///
    /// Files are made from commented templates; a file that is already
    /// there is never overwritten.
    New {
        /// The site folder (default: ./content when it has a site.yaml, else
        /// the current folder)
        #[arg(long, global = true)]
        site: Option<PathBuf>,
        #[command(subcommand)]
        what: New,
    },
    /// Measurements for developers
    #[command(hide = true)]
    Bench {
        #[command(subcommand)]
        what: Bench,
    },
}

#[derive(Subcommand)]
enum New {
    /// A club: clubs/SLUG/club.yaml and its about texts
    Club {
        /// The club's folder name, which becomes its web address (e.g. senim)
        slug: String,
    },
    /// A club's annual report, one file per site language
    Report {
        /// The club's folder name
        club: String,
        /// The academic year, like 2025-2026
        year: String,
    },
    /// A news item dated today: `new news "Title"` for the site,
    /// `new news CLUB "Title"` for a club
    News {
        #[arg(num_args = 1..=2, required = true, value_names = ["CLUB", "TITLE"])]
        args: Vec<String>,
    },
}

#[derive(Subcommand)]
enum Bench {
    /// Write a generated directory site of N clubs into DIR
    Corpus {
        dir: PathBuf,
        #[arg(long, default_value_t = 5000)]
        clubs: usize,
        /// Also write the same texts as a Hugo site into this folder
        #[arg(long)]
        hugo: Option<PathBuf>,
    },
    /// Time saving a file until serve serves the changed page
    Serve {
        #[arg(long, default_value_t = 5000)]
        clubs: usize,
        #[arg(long, default_value_t = 21)]
        edits: usize,
        /// Milliseconds between a save being served and the next save
        #[arg(long, default_value_t = 1000)]
        gap: u64,
        /// Where to write the corpus (default: a new temporary folder)
        #[arg(long)]
        dir: Option<PathBuf>,
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
    // Photos encoded once are reused by later runs (docs/performance.md).
    bitimger::render::cache_photos_on_disk();
    match cli.command {
        Command::Build {
            site,
            output,
            drafts,
            no_wait,
        } => run_build(site.unwrap_or_else(default_site), output, drafts, no_wait),
        Command::Check {
            site,
            drafts,
            strict,
            format,
        } => run_check(&site.unwrap_or_else(default_site), drafts, strict, format),
        Command::Serve {
            site,
            port,
            open,
            bind,
            drafts,
        } => {
            let mut options = ServeOptions::new(site.unwrap_or_else(default_site));
            options.port = port;
            options.bind = bind;
            options.drafts = drafts;
            run_serve(options, open)
        }
        Command::Init { dir } => {
            let result = bitimger::scaffold::init(&dir, Date::today());
            let code = print_scaffold(result);
            if code == ExitCode::SUCCESS {
                anstream::eprintln!(
                    "Next: edit the files, then run `bitimger serve {}` to see the site.",
                    dir.display()
                );
            }
            code
        }
        Command::New { site, what } => {
            let site = site.unwrap_or_else(default_site);
            print_scaffold(match what {
                New::Club { slug } => bitimger::scaffold::new_club(&site, &slug),
                New::Report { club, year } => bitimger::scaffold::new_report(&site, &club, &year),
                New::News { args } => {
                    let (club, title) = match args.as_slice() {
                        [club, title] => (Some(club.as_str()), title.as_str()),
                        [title] => (None, title.as_str()),
                        _ => (None, ""),
                    };
                    bitimger::scaffold::new_news(&site, club, title, Date::today())
                }
            })
        }
        Command::Bench { what } => run_bench(what),
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

fn run_build(site: PathBuf, output: PathBuf, drafts: bool, no_wait: bool) -> ExitCode {
    let progress = cli::progress::TermProgress::on_stderr(phase_label);
    let options = BuildOptions {
        site,
        output: output.clone(),
        drafts,
        today: None,
        when_busy: if no_wait {
            WhenBusy::Stop
        } else {
            WhenBusy::Wait {
                notify: Some(std::sync::Arc::new(|out: &Path| {
                    anstream::eprintln!(
                        "another bitimger build is writing into {}; waiting for it to finish",
                        folder(out)
                    );
                })),
            }
        },
        progress: progress.handle(),
    };
    let built = build(&options);
    progress.clear();
    match built {
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
                let changed = match &report.outcome {
                    Some(WriteOutcome::Unchanged { .. }) => ", all unchanged".to_string(),
                    Some(WriteOutcome::Replaced { written, kept, .. }) if *kept > 0 => {
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
                let photos = report.photos;
                if photos.reused + photos.encoded > 0 {
                    anstream::eprintln!("Photos: {} reused, {} new", photos.reused, photos.encoded);
                }
                if let Some(WriteOutcome::Replaced { others, .. }) = &report.outcome
                    && others.files > 0
                {
                    anstream::eprintln!("{}", kept_line(others));
                }
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

/// What the progress bar of a long build says it is doing; short, so
/// that the bar fits a narrow window.
fn phase_label(phase: Phase) -> String {
    match phase {
        Phase::Reading => "reading the site",
        Phase::Photos => "photos",
        Phase::Pages => "pages",
        Phase::Checking => "checking links",
        Phase::Writing => "writing",
    }
    .to_string()
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
fn kept_line(others: &bitimger::build::keep::Others) -> String {
    let n = others.files;
    let mut names: Vec<&str> = others.names.iter().take(5).map(String::as_str).collect();
    let more = others.names.len().saturating_sub(5);
    let more = format!("and {more} more");
    if others.names.len() > 5 {
        names.push(&more);
    }
    format!(
        "Kept {n} file{} not made by bitimger, as they were: {}",
        if n == 1 { "" } else { "s" },
        names.join(", ")
    )
}

fn run_check(site: &Path, drafts: bool, strict: bool, format: Format) -> ExitCode {
    let load = LoadOptions {
        drafts,
        exclude: vec![absolute(Path::new(DEFAULT_OUTPUT))],
        ..LoadOptions::default()
    };
    let mut diags = bitimger::build::check(site, &load, &RenderOptions::default());
    if strict {
        diags.make_strict();
    }
    let diags = &diags;
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

fn run_serve(mut options: ServeOptions, open: bool) -> ExitCode {
    if !options.site.is_dir() {
        anstream::eprintln!(
            "error: the site folder {} does not exist; create a site with `bitimger init {}`",
            options.site.display(),
            options.site.display()
        );
        return ExitCode::from(2);
    }
    options.exclude = vec![absolute(Path::new(DEFAULT_OUTPUT))];
    let progress = cli::progress::TermProgress::on_stderr(phase_label);
    options.progress = progress.handle();
    let site = options.site.clone();
    let report = move |r: &RebuildReport| {
        progress.clear();
        report_rebuild(r);
    };
    let handle = match bitimger::serve::start(options, report) {
        Ok(h) => h,
        Err(e) => {
            anstream::eprintln!("error: {e}");
            return ExitCode::from(match e {
                ServeError::PortInUse(_) | ServeError::Bind(..) => 2,
                _ => 3,
            });
        }
    };
    let mut addr = handle.addr();
    if addr.ip().is_unspecified() {
        addr.set_ip(std::net::Ipv4Addr::LOCALHOST.into());
    }
    let url = format!("http://{addr}/");
    println!("Serving on {url}");
    use std::io::Write as _;
    let _ = std::io::stdout().flush();
    anstream::eprintln!(
        "Watching {} for changes. Press Ctrl+C to stop.",
        site.display()
    );
    if let Some(warning) = network_warning(handle.addr()) {
        anstream::eprintln!("{warning}");
    }
    if handle.watching() == Watching::Polling {
        anstream::eprintln!(
            "note: this computer cannot watch that many folders; changes are looked for twice a second"
        );
    }
    if open && let Err(e) = opener::open(&url) {
        anstream::eprintln!("note: could not open a web browser ({e}); open {url} yourself");
    }
    handle.wait();
    ExitCode::SUCCESS
}

/// The warning for a preview visible beyond this computer (`--bind` to
/// another address than loopback).
fn network_warning(addr: std::net::SocketAddr) -> Option<String> {
    if addr.ip().is_loopback() {
        return None;
    }
    let on = if addr.ip().is_unspecified() {
        format!("every address of this computer, port {}", addr.port())
    } else {
        format!("http://{addr}/")
    };
    Some(format!(
        "warning: the preview is visible on the network ({on}): other devices there can see the site, drafts included.\n  It is a preview for checking the site, not a way to publish it: publish the folder written by `bitimger build` on a web host."
    ))
}

/// Prints what a build of `serve` did: its problems, then one line.
fn report_rebuild(r: &RebuildReport) {
    print_diagnostics(&r.diagnostics);
    let ms = r.elapsed.as_secs_f64() * 1000.0;
    let line = match (r.first, r.published) {
        (true, true) => format!(
            "Built {} pages in {:.2} s{}",
            r.pages,
            r.elapsed.as_secs_f64(),
            warnings(&r.diagnostics)
        ),
        (false, true) => format!(
            "Rebuilt in {ms:.0} ms: {} file{} changed{}",
            r.changed,
            if r.changed == 1 { "" } else { "s" },
            warnings(&r.diagnostics)
        ),
        (true, false) => format!(
            "Build failed: {}. The pages show the problems until they are fixed.",
            counts(&r.diagnostics)
        ),
        (false, false) => format!(
            "Rebuild failed: {}. The last good version of the site is still served.",
            counts(&r.diagnostics)
        ),
    };
    anstream::eprintln!("{line}");
}

fn warnings(diags: &Diagnostics) -> String {
    if diags.warning_count() > 0 {
        format!(", {}", counts(diags))
    } else {
        String::new()
    }
}

fn run_bench(what: Bench) -> ExitCode {
    match what {
        Bench::Corpus { dir, clubs, hugo } => {
            match bitimger::bench::corpus::write_corpus(
                &dir,
                &bitimger::bench::corpus::CorpusOptions { clubs, hugo },
            ) {
                Ok(()) => {
                    anstream::eprintln!("Wrote {clubs} clubs into {}", dir.display());
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    anstream::eprintln!("error: {}: {e}", dir.display());
                    ExitCode::from(3)
                }
            }
        }
        Bench::Serve {
            clubs,
            edits,
            gap,
            dir,
        } => {
            let temp = std::env::temp_dir().join(format!("bitimger-bench-{}", std::process::id()));
            let options = bitimger::bench::LatencyOptions {
                clubs,
                edits: edits.max(1),
                gap: std::time::Duration::from_millis(gap),
                dir: dir.clone().unwrap_or_else(|| temp.clone()),
            };
            let result = bitimger::bench::serve_latency(&options);
            if dir.is_none() {
                let _ = std::fs::remove_dir_all(&temp);
            }
            match result {
                Ok(r) => {
                    let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
                    let med = bitimger::bench::median;
                    println!(
                        "clubs: {clubs}, pages: {}, first build: {:.2} s",
                        r.pages,
                        r.first_build.as_secs_f64()
                    );
                    println!(
                        "save -> changed page served: median {:.0} ms, min {:.0} ms, max {:.0} ms ({} saves)",
                        ms(med(&r.served)),
                        ms(r.served[0]),
                        ms(r.served[r.served.len() - 1]),
                        r.served.len()
                    );
                    println!(
                        "last save -> every page re-rendered and checked: {:.1} s",
                        r.settle.as_secs_f64()
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    anstream::eprintln!("error: {e}");
                    ExitCode::from(3)
                }
            }
        }
    }
}

/// Lists what `init` or `new` created and left alone.
fn print_scaffold(result: Result<ScaffoldReport, ScaffoldError>) -> ExitCode {
    let report = match result {
        Ok(r) => r,
        Err(e) => {
            anstream::eprintln!("error: {e}");
            return ExitCode::from(match e {
                ScaffoldError::Io(..) => 3,
                _ => 2,
            });
        }
    };
    let base = std::env::current_dir().unwrap_or_default();
    let shown = |p: &Path| bitimger::diag::display_path(p, &base);
    for p in &report.created {
        anstream::eprintln!("created {}", shown(p));
    }
    for p in &report.skipped {
        anstream::eprintln!("kept    {} (already there, not changed)", shown(p));
    }
    for note in &report.notes {
        anstream::eprintln!("note: {note}");
    }
    if report.created.is_empty() {
        anstream::eprintln!("Nothing was created: every file was already there.");
    }
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_network_bind_is_warned_about() {
        for addr in ["0.0.0.0:1111", "192.168.1.5:1111", "[::]:1111"] {
            let w = network_warning(addr.parse().unwrap()).unwrap();
            assert!(w.contains("visible on the network"), "{w}");
            assert!(w.contains("not a way to publish"), "{w}");
        }
        for addr in ["127.0.0.1:1111", "[::1]:1111"] {
            assert_eq!(network_warning(addr.parse().unwrap()), None, "{addr}");
        }
    }
}
