//! The integration suite: one binary, a module per area, a fixture site per
//! behaviour under tests/fixtures/.

// The harness serves every module; not each uses all of it.
#![allow(dead_code, unreachable_pub)]

mod browser;
mod harness;

mod directory;
mod errors;
mod example;
mod i18n;
mod loading;
mod markdown;
mod output;
mod pages;
mod search;
