//! The integration suite: one binary, a module per area, a fixture site per
//! behaviour under tests/fixtures/.

// The harness serves every module; not each uses all of it.
#![allow(dead_code, unreachable_pub)]

mod harness;

mod accidents;
mod bad_inputs;
mod bench;
mod browser;
mod check;
mod directory;
mod dropped_language;
mod editor;
mod editor_browser;
mod errors;
mod example;
mod faults;
mod fuzz;
mod hostile;
mod hostile_files;
mod hostile_parsers;
mod hostile_text;
mod i18n;
mod images;
mod kept_files;
mod layers;
mod less_typing;
mod loading;
mod logo;
mod lookalikes;
mod markdown;
mod message_snapshots;
mod native;
mod on_the_way;
mod output;
mod pages;
mod photo_cache;
mod pipeline;
mod privacy;
mod product;
mod progress;
mod publish;
mod scaffold;
mod schema;
mod schools;
mod search;
mod security;
mod serve;
mod serve_differential;
mod serve_safety;
mod source_links;
mod spreadsheets;
mod strict_templates;
mod style;
mod teacher_words;
mod theme_export;
mod tool_language;
mod vision;
