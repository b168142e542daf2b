//! `--help` in the language of the run: the English texts are the doc
//! comments of `args.rs`; for Kazakh and Russian each command's and each
//! option's text comes from `i18n/tool/help.{kk,ru}.ftl`, by the ids
//! `help-<command>` (its `.long` attribute for the long description) and
//! `help-<command>--<option>`.
//!
//! The language has to be known before clap prints anything, so `--lang`
//! is read from the raw arguments; the site's first language is not known
//! yet then (the environment and the computer's language still count).
//!
//! Layer 9: part of the binary; uses the library (`bitimger::`).

use std::ffi::OsString;

use clap::{CommandFactory, FromArgMatches};

use bitimger::messages::{Lang, Messages};

use super::args::Cli;

/// Parses the command line, `--help` and errors said in the language asked
/// for.
pub(crate) fn parse() -> Cli {
    let args: Vec<OsString> = std::env::args_os().collect();
    let env = |name: &str| std::env::var(name).ok();
    let lang = Lang::choose(lang_flag(&args).as_deref(), env, None);
    let command = localized(Cli::command(), &Messages::new(lang), "help");
    let matches = command.get_matches_from(args);
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}

/// The value of `--lang X` or `--lang=X` among `args`.
fn lang_flag(args: &[OsString]) -> Option<String> {
    let args: Vec<String> = args
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    args.iter()
        .enumerate()
        .find_map(|(i, a)| match a.strip_prefix("--lang") {
            Some("") => args.get(i + 1).cloned(),
            Some(rest) => rest.strip_prefix('=').map(str::to_string),
            None => None,
        })
}

/// `command` with the texts of `messages` under `id`, and its
/// subcommands' under `id-<name>`; English keeps the doc comments.
fn localized(mut command: clap::Command, messages: &Messages, id: &str) -> clap::Command {
    if messages.lang() == Lang::En {
        return command;
    }
    if let Some(about) = messages.own(id, None) {
        command = command.about(about);
    }
    if let Some(long) = messages.own(id, Some("long")) {
        command = command.long_about(long);
    }
    let options: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for option in options {
        let key = format!("{id}--{}", option.replace('_', "-"));
        if let Some(help) = messages.own(&key, None) {
            command = command.mut_arg(option, |a| a.help(help));
        }
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for name in names {
        let sub_id = format!("{id}-{name}");
        command = command.mut_subcommand(name, |c| localized(c, messages, &sub_id));
    }
    headings(command, messages)
}

/// The words clap writes itself (`Usage:`, `Options:`, `Print help`,
/// `[default: …]`, `[possible values: …]`) in the language of `messages`,
/// from `help-label-*`.
fn headings(command: clap::Command, messages: &Messages) -> clap::Command {
    let label = |key: &str| messages.own(&format!("help-label-{key}"), None);
    let (Some(usage), Some(commands), Some(arguments), Some(options)) = (
        label("usage"),
        label("commands"),
        label("arguments"),
        label("options"),
    ) else {
        return command;
    };
    let default = label("default").unwrap_or_else(|| "default".into());
    let values = label("values").unwrap_or_else(|| "possible values".into());
    let mut command = command
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{usage}: {{usage}}\n\n{{all-args}}{{after-help}}"
        ))
        .subcommand_help_heading(commands)
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .help(label("help").unwrap_or_else(|| "Print help".into())),
        );
    if command.get_version().is_some() && !command.is_disable_version_flag_set() {
        command = command.disable_version_flag(true).arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(clap::ArgAction::Version)
                .help(label("version").unwrap_or_else(|| "Print version".into())),
        );
    }
    let ids: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        command = command.mut_arg(id, |a| {
            // A flag's `true`/`false` are no values to tell.
            let takes_value = a.get_action().takes_values();
            let mut notes = Vec::new();
            let defaults: Vec<String> = a
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .collect();
            if takes_value && !defaults.is_empty() {
                notes.push(format!("{default}: {}", defaults.join(", ")));
            }
            let possible: Vec<String> = a
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_string())
                .collect();
            if takes_value && !possible.is_empty() {
                notes.push(format!("{values}: {}", possible.join(", ")));
            }
            let heading = if a.is_positional() {
                &arguments
            } else {
                &options
            };
            let help = a.get_help().map(ToString::to_string).unwrap_or_default();
            let a = a
                .help_heading(heading.clone())
                .hide_default_value(takes_value)
                .hide_possible_values(takes_value);
            if notes.is_empty() {
                a
            } else {
                a.help(format!("{help} [{}]", notes.join("; ")))
            }
        });
    }
    command
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every id a command or an option of the command line asks for.
    fn ids(command: &clap::Command, id: &str, out: &mut Vec<String>) {
        if command.is_hide_set() {
            return;
        }
        out.push(id.to_string());
        // Before clap builds the command, each has only its own options.
        for a in command.get_arguments() {
            let option = a.get_id().as_str();
            out.push(format!("{id}--{}", option.replace('_', "-")));
        }
        for c in command.get_subcommands() {
            ids(c, &format!("{id}-{}", c.get_name()), out);
        }
    }

    #[test]
    fn every_command_and_option_has_its_kazakh_and_russian_help() {
        let mut wanted = Vec::new();
        ids(&Cli::command(), "help", &mut wanted);
        for lang in [Lang::Kk, Lang::Ru] {
            let messages = Messages::new(lang);
            let missing: Vec<&String> = wanted
                .iter()
                .filter(|id| messages.own(id, None).is_none())
                .collect();
            assert!(missing.is_empty(), "{lang:?}: {missing:?}");
        }
    }

    #[test]
    fn clap_s_own_words_are_in_kazakh_and_russian() {
        for (lang, usage, options) in [
            (Lang::Kk, "Қалай жазылады:", "Баптаулар:"),
            (Lang::Ru, "Как писать:", "Параметры:"),
        ] {
            let mut command = localized(Cli::command(), &Messages::new(lang), "help");
            for path in [&["serve"][..], &["init"], &["theme", "export"], &[]] {
                let mut c = command.clone();
                for name in path {
                    c = c.find_subcommand(name).unwrap().clone();
                }
                let help = c.render_help().to_string();
                assert!(help.contains(usage) && help.contains(options), "{help}");
                assert!(!help.contains("true, false"), "a flag's values: {help}");
                for english in [
                    "Usage:",
                    "Options:",
                    "Arguments:",
                    "Commands:",
                    "Print help",
                    "[default:",
                    "[possible values:",
                ] {
                    assert!(
                        !help.contains(english),
                        "{lang:?} {path:?}: {english} in\n{help}"
                    );
                }
            }
            let serve = command
                .find_subcommand_mut("serve")
                .unwrap()
                .render_help()
                .to_string();
            assert!(
                serve.contains("127.0.0.1"),
                "the default is still said: {serve}"
            );
        }
    }

    #[test]
    fn reads_the_language_flag_in_both_spellings() {
        let args = |a: &[&str]| a.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            lang_flag(&args(&["b", "--lang", "ru", "build"])).as_deref(),
            Some("ru")
        );
        assert_eq!(
            lang_flag(&args(&["b", "check", "--lang=kk"])).as_deref(),
            Some("kk")
        );
        assert_eq!(lang_flag(&args(&["b", "check"])), None);
    }

    #[test]
    fn the_help_of_build_is_in_russian() {
        let command = localized(Cli::command(), &Messages::new(Lang::Ru), "help");
        let build = command.find_subcommand("build").unwrap();
        assert_eq!(
            build.get_about().map(|s| s.to_string()).as_deref(),
            Some("Собрать сайт в папку вывода (всё или ничего)")
        );
        let output = build
            .get_arguments()
            .find(|a| a.get_id() == "output")
            .unwrap();
        assert!(
            output
                .get_help()
                .unwrap()
                .to_string()
                .starts_with("Куда записать сайт")
        );
    }
}
