//! `bitimger bench` (hidden): the benchmark corpus written, and the serve
//! latency measured and printed.
//!
//! Layer 9: part of the binary; uses the library (`bitimger::`).

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use bitimger::bench::corpus::{CorpusOptions, write_corpus};
use bitimger::bench::{LatencyOptions, median, serve_latency};

use super::args::Bench;
use super::print::{IO, fail};

/// Runs one measurement.
pub(crate) fn run_bench(what: Bench) -> ExitCode {
    match what {
        Bench::Corpus { dir, clubs, hugo } => corpus(dir, clubs, hugo),
        Bench::Serve {
            clubs,
            edits,
            gap,
            dir,
        } => latency(clubs, edits, gap, dir),
    }
}

/// Writes a directory site of `clubs` clubs into `dir`.
fn corpus(dir: PathBuf, clubs: usize, hugo: Option<PathBuf>) -> ExitCode {
    match write_corpus(&dir, &CorpusOptions { clubs, hugo }) {
        Ok(()) => {
            anstream::eprintln!("Wrote {clubs} clubs into {}", dir.display());
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
