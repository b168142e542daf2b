//! Developer tools of bitimger, kept out of the shipped library and binary
//! (`cargo run -p xtask --release -- bench …`): the benchmark corpus that
//! bench/run.sh times bitimger and Hugo on, and the serve latency.
//!
//! Not part of the product: it uses bitimger only through its public API
//! (`bitimger::serve`), and the test suite uses the corpus
//! (tests/suite/bench.rs).

pub mod corpus;
pub mod latency;
