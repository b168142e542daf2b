//! The `xtask` command line: `xtask bench corpus` writes the benchmark
//! corpus, `xtask bench latency` measures and prints the serve latency
//! (docs/performance.md). A developer tool, not shipped with bitimger.
//!
//! Exit codes: 0 ok, 2 usage, 3 I/O or internal (as bitimger's).

/// The allocator of the bitimger binary, so that the serve latency is
/// measured as the shipped binary would serve.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::fmt::Display;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, Subcommand};

use xtask::corpus::{CorpusOptions, write_corpus};
use xtask::latency::{LatencyOptions, median, serve_latency};

/// Developer tools of bitimger (not shipped).
#[derive(Parser)]
#[command(name = "xtask")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Measurements for developers
    Bench {
        #[command(subcommand)]
        what: Bench,
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
    Latency {
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

/// The exit code of an I/O or internal error.
const IO: u8 = 3;

fn main() -> ExitCode {
    let Command::Bench { what } = Cli::parse().command;
    // As the bitimger binary does before any command.
    bitimger::render::cache_photos_on_disk();
    match what {
        Bench::Corpus { dir, clubs, hugo } => corpus(dir, clubs, hugo),
        Bench::Latency {
            clubs,
            edits,
            gap,
            dir,
        } => latency(clubs, edits, gap, dir),
    }
}

/// Prints `error: …` and gives the exit `code`.
fn fail(error: impl Display, code: u8) -> ExitCode {
    eprintln!("error: {error}");
    ExitCode::from(code)
}

/// Writes a directory site of `clubs` clubs into `dir`.
fn corpus(dir: PathBuf, clubs: usize, hugo: Option<PathBuf>) -> ExitCode {
    match write_corpus(&dir, &CorpusOptions { clubs, hugo }) {
        Ok(()) => {
            eprintln!("Wrote {clubs} clubs into {}", dir.display());
            ExitCode::SUCCESS
        }
        Err(e) => fail(format_args!("{}: {e}", dir.display()), IO),
    }
}

/// Times `edits` saves until serve serves the changed page, in a corpus
/// written into `dir` (or a temporary folder, removed afterwards).
fn latency(clubs: usize, edits: usize, gap: u64, dir: Option<PathBuf>) -> ExitCode {
    let temp = std::env::temp_dir().join(format!("bitimger-bench-{}", std::process::id()));
    let options = LatencyOptions {
        clubs,
        edits: edits.max(1),
        gap: Duration::from_millis(gap),
        dir: dir.clone().unwrap_or_else(|| temp.clone()),
    };
    let result = serve_latency(&options);
    if dir.is_none() {
        let _ = std::fs::remove_dir_all(&temp);
    }
    match result {
        Ok(r) => {
            let ms = |d: Duration| d.as_secs_f64() * 1000.0;
            println!(
                "clubs: {clubs}, pages: {}, first build: {:.2} s",
                r.pages,
                r.first_build.as_secs_f64()
            );
            println!(
                "save -> changed page served: median {:.0} ms, min {:.0} ms, max {:.0} ms ({} saves)",
                ms(median(&r.served)),
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
        Err(e) => fail(e, IO),
    }
}
