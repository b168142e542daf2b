//! Parts of the command line (`src/main.rs`) that are more than a few
//! lines: what it prints while it works.
//!
//! Layer 9: part of the binary; uses the library (`bitimger::`).

pub(crate) mod progress;
