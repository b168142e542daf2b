//! The command line's parts (`src/main.rs` parses and dispatches): its
//! arguments and their help in the run's language (`help.rs`), one file
//! per command, what they all print alike, and the progress bar.
//!
//! Layer 9: part of the binary; uses the library (`bitimger::`).

pub(crate) mod args;
pub(crate) mod build;
pub(crate) mod check;
pub(crate) mod explain;
pub(crate) mod help;
pub(crate) mod print;
pub(crate) mod progress;
pub(crate) mod scaffold;
pub(crate) mod serve;
