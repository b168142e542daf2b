//! bitimger: a static site generator for school mediation club portals.
//!
//! The pipeline (docs/architecture.md): `config` reads site.yaml, `content`
//! loads and validates the site, `i18n` holds the UI messages, `render`
//! turns the site into pages streamed to a sink, `rules` look at the model
//! and at every file, and `build::pipeline` runs all of it for `build`,
//! `check` and `serve` alike (they differ only in where files go).
//! Modules import only from layers below them (README "Development",
//! enforced by tests/suite/layers.rs); the library never prints.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod build;
pub mod builtin;
pub mod config;
pub mod content;
pub mod diag;
pub mod editor;
pub mod fs;
#[cfg(feature = "fuzzing")]
#[doc(hidden)]
pub mod fuzz;
pub mod i18n;
pub mod messages;
pub mod progress;
pub mod render;
pub mod rules;
pub mod scaffold;
pub mod schema;
pub mod serve;
pub mod types;
pub mod yaml;
