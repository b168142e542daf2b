//! The one pipeline ([`pipeline`]: load → validate → rules → render →
//! rules over the output) used by every command, and `build`, which sends
//! its files into the output folder. Owns the output folder (through
//! [`output`]); returns a [`BuildReport`].
//!
//! Layer 6: imports `rules`, `render`, `content`, `i18n`, `config`,
//! `diag`, `fs`, `types`, `progress`.

mod fingerprint;
mod includes;
pub mod keep;
mod manifest;
pub mod output;
pub mod pipeline;

pub use pipeline::{Pass, Prepared, check, generate, prepare};

use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crate::config::Config;
use crate::content::LoadOptions;
use crate::diag::Diagnostics;
use crate::progress::{Phase, ProgressHandle};
use crate::render::{OutputFile, RenderOptions};
use crate::types::Date;

/// What to build and where.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site folder (with site.yaml).
    pub site: PathBuf,
    /// The output folder.
    pub output: PathBuf,
    /// Include drafts.
    pub drafts: bool,
    /// The build date (defaults to today in Kazakhstan).
    pub today: Option<Date>,
    /// What to do when another build is writing into the same output:
    /// wait for it (and be told), or stop.
    pub when_busy: output::WhenBusy,
    /// Told how far the build has got (nothing by default).
    pub progress: ProgressHandle,
    /// The site's address for this build instead of site.yaml's
    /// `base_url` (`--base-url`: a preview under a sub-path).
    pub base_url: Option<String>,
    /// Leave a directory's included folders with errors out of the site,
    /// with a warning, instead of failing it (`--skip-broken-includes`).
    pub skip_broken_includes: bool,
}

/// What a build did.
#[derive(Debug)]
pub struct BuildReport {
    /// Every problem found.
    pub diagnostics: Diagnostics,
    /// HTML pages rendered.
    pub pages: usize,
    /// Files in the output.
    pub files: usize,
    /// True when the build succeeded and the output holds the new site.
    pub written: bool,
    /// What the writer did: replaced the output (how many files were
    /// written, how many kept), or found every file unchanged.
    pub outcome: Option<output::WriteOutcome>,
    /// Time taken.
    pub elapsed: Duration,
    /// Photos taken from the photo cache, and photos encoded.
    pub photos: crate::render::PhotoCounts,
}

/// A failure that is not the content's fault.
#[derive(Debug)]
pub enum BuildError {
    /// The output folder cannot be used.
    Output(PathBuf, output::OutputProblem),
    /// Reading or writing failed.
    Io(crate::fs::FsError),
}

impl std::fmt::Display for BuildError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BuildError::Output(p, output::OutputProblem::ContainsSite) => write!(
                f,
                "the output folder {} is the site folder or contains it; choose another with --output, e.g. --output {}",
                p.display(),
                output::DEFAULT_OUTPUT
            ),
            BuildError::Output(p, output::OutputProblem::NotOurs) => write!(
                f,
                "the output folder {} already holds files that bitimger did not make, and a build would replace them; choose another folder with --output, or empty this one",
                p.display()
            ),
            BuildError::Output(p, output::OutputProblem::NotAFolder) => {
                write!(
                    f,
                    "the output path {} is a file, not a folder; choose another with --output",
                    p.display()
                )
            }
            BuildError::Output(p, output::OutputProblem::InsideInput(input)) => write!(
                f,
                "the output folder {} is inside {}, which the build reads: the published files would be read back as part of the site; choose a folder outside it with --output, e.g. --output public beside the site folder",
                p.display(),
                input.display()
            ),
            BuildError::Output(p, output::OutputProblem::WouldReplace(paths)) => write!(
                f,
                "the output folder {} holds files that bitimger did not make where the new site has files of its own: {}; nothing was written: move or rename them, then build again",
                p.display(),
                list_paths(p, paths)
            ),
            BuildError::Output(p, output::OutputProblem::Busy) => write!(
                f,
                "another bitimger build is writing into {}; nothing was written: build again when it has finished, or leave out --no-wait to wait for it",
                p.display()
            ),
            BuildError::Io(e) => write!(f, "{e}"),
        }
    }
}

impl From<output::ClaimError> for BuildError {
    fn from(e: output::ClaimError) -> Self {
        match e {
            output::ClaimError::Refused(p, problem) => BuildError::Output(p, problem),
            output::ClaimError::Io(e) => BuildError::Io(e),
        }
    }
}

impl std::error::Error for BuildError {}

/// Up to ten paths inside `dir`, and how many more.
fn list_paths(dir: &Path, paths: &[String]) -> String {
    let mut shown: Vec<String> = paths
        .iter()
        .take(10)
        .map(|p| dir.join(p).display().to_string())
        .collect();
    if paths.len() > 10 {
        shown.push(format!("and {} more", paths.len() - 10));
    }
    shown.join(", ")
}

/// Builds the site into the output folder: the one pipeline
/// ([`pipeline`]), with every file written as it is rendered into a
/// temporary folder that replaces the output only when the whole build
/// succeeded. Content problems are in the report (nothing is written when
/// there is an error); I/O problems and a refused output folder are errors.
pub fn build(options: &BuildOptions) -> Result<BuildReport, BuildError> {
    let start = Instant::now();
    // Read once here for the folders the build reads besides the site;
    // when it cannot be read, the full load below reports why.
    let config = crate::config::load_config(&options.site, &mut Diagnostics::new());
    let inputs = other_inputs(config.as_ref());
    // Held until the build returns: one build at a time writes the output.
    let lock = output::claim(&options.output, &options.site, &inputs, &options.when_busy)?;
    options.progress.start(Phase::Reading, 0);
    let today = options.today.unwrap_or_else(Date::today);
    let mut report = BuildReport {
        diagnostics: Diagnostics::new(),
        pages: 0,
        files: 0,
        written: false,
        outcome: None,
        elapsed: Duration::ZERO,
        photos: Default::default(),
    };
    let input = config
        .as_ref()
        .and_then(|config| input_fingerprint(options, config, today));
    if let Some(input) = input
        && let Some((pages, files)) = output::unchanged_since(&options.output, input)
    {
        // Same inputs, same program, same day, output as written: the
        // build would give the same bytes, and the last one had no problems.
        (report.pages, report.files) = (pages, files);
        report.written = true;
        report.outcome = Some(output::WriteOutcome::Unchanged { files });
    } else {
        render_and_write(options, &lock, today, input, &mut report)?;
    }
    report.elapsed = start.elapsed();
    Ok(report)
}

/// The folders the build reads besides the site: its `include:` folders
/// and a theme folder.
fn other_inputs(config: Option<&Config>) -> Vec<PathBuf> {
    let mut inputs: Vec<PathBuf> = Vec::new();
    if let Some(config) = config {
        inputs.extend(config.include.iter().cloned());
        if let crate::config::Theme::Folder(dir) = &config.theme {
            inputs.push(dir.clone());
        }
    }
    inputs
}

/// Runs the pipeline with every file written into a temporary folder,
/// which replaces the output when the build has no error (`input`, the
/// fingerprint of the inputs, is kept with it when there is nothing to
/// report). Fills `report`.
fn render_and_write(
    options: &BuildOptions,
    lock: &output::OutputLock,
    today: Date,
    input: Option<u128>,
    report: &mut BuildReport,
) -> Result<(), BuildError> {
    let load = LoadOptions {
        drafts: options.drafts,
        exclude: vec![output::absolute(&options.output)],
        base_url: options.base_url.clone(),
        skip_broken_includes: options.skip_broken_includes,
        ..LoadOptions::default()
    };
    let render = RenderOptions {
        today,
        progress: options.progress.clone(),
    };
    let diags = &mut report.diagnostics;
    let Some(prepared) = pipeline::prepare(&options.site, &load, diags) else {
        return Ok(());
    };
    let Some(pass) = pipeline::Pass::new(&prepared, &render, diags) else {
        prepared.finish(diags);
        return Ok(());
    };
    let writer = output::Writer::begin(lock).map_err(BuildError::Io)?;
    report.photos = pass.photos();
    let (counts, failure) = write_files(pass, &writer, diags);
    options.progress.start(Phase::Checking, 0);
    prepared.finish(diags);
    (report.pages, report.files) = counts;
    if let Some(e) = failure {
        writer.abandon();
        return Err(BuildError::Io(e));
    }
    publish(options, writer, input, report)
}

/// Renders every file of `pass` into `writer`: how many pages and files
/// went to it, and the first write that failed (which stops the pass).
fn write_files(
    pass: pipeline::Pass<'_>,
    writer: &output::Writer<'_>,
    diags: &mut Diagnostics,
) -> ((usize, usize), Option<crate::fs::FsError>) {
    let counts = Counts::default();
    let failure: Mutex<Option<crate::fs::FsError>> = Mutex::new(None);
    let sink = |f: OutputFile| {
        counts.add(&f);
        match writer.write(f) {
            Ok(()) => ControlFlow::Continue(()),
            Err(e) => {
                *failure.lock().unwrap_or_else(|e| e.into_inner()) = Some(e);
                ControlFlow::Break(())
            }
        }
    };
    pass.render_to(diags, &sink);
    (
        counts.get(),
        failure.into_inner().unwrap_or_else(|e| e.into_inner()),
    )
}

/// Abandons the written files when the build has an error; otherwise
/// swaps them in as the output.
fn publish(
    options: &BuildOptions,
    writer: output::Writer<'_>,
    input: Option<u128>,
    report: &mut BuildReport,
) -> Result<(), BuildError> {
    if report.diagnostics.has_errors() {
        writer.abandon();
        return Ok(());
    }
    // Only a build with nothing to report may be skipped next time, so
    // that warnings are shown again on every build until fixed.
    let keep = report.diagnostics.is_empty().then_some(input).flatten();
    options.progress.start(Phase::Writing, 0);
    report.outcome = Some(writer.finish(keep).map_err(|e| match e {
        output::WriteError::Io(e) => BuildError::Io(e),
        output::WriteError::WouldReplace(paths) => BuildError::Output(
            options.output.clone(),
            output::OutputProblem::WouldReplace(paths),
        ),
    })?);
    report.written = true;
    Ok(())
}

/// The fingerprint of everything the build would read (`None` when some
/// of it cannot be read: the full build then reports why).
fn input_fingerprint(options: &BuildOptions, config: &Config, today: Date) -> Option<u128> {
    fingerprint::fingerprint(&fingerprint::Inputs {
        site: &options.site,
        config,
        output: &output::absolute(&options.output),
        drafts: options.drafts,
        base_url: options.base_url.as_deref(),
        today,
    })
}

/// Pages and files handed to the writer, counted from many threads.
#[derive(Default)]
struct Counts {
    pages: AtomicUsize,
    files: AtomicUsize,
}

impl Counts {
    fn add(&self, f: &OutputFile) {
        if f.path().ends_with(".html") {
            self.pages.fetch_add(1, Ordering::Relaxed);
        }
        self.files.fetch_add(1, Ordering::Relaxed);
    }

    fn get(&self) -> (usize, usize) {
        (
            self.pages.load(Ordering::Relaxed),
            self.files.load(Ordering::Relaxed),
        )
    }
}
