//! The `bitimger` command line: parses arguments (`cli/args.rs`), runs the
//! command asked for (`cli/build.rs`, `cli/check.rs`, `cli/serve.rs`,
//! `cli/scaffold.rs`), prints diagnostics and sets the exit code. The
//! binary (this file and `cli/`) is the only part that prints.
//!
//! Exit codes: 0 ok (warnings allowed), 1 content or config errors,
//! 2 usage, 3 I/O or internal.

/// A faster allocator than the system's for many threads building small
/// values (views, template values): about a tenth off a directory build.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod cli;

use std::process::ExitCode;

use cli::args::{Command, default_site};

fn main() -> ExitCode {
    let cli = cli::help::parse();
    let site = match &cli.command {
        Command::Build { site, .. } | Command::Check { site, .. } | Command::Serve { site, .. } => {
            Some(site.clone().unwrap_or_else(default_site))
        }
        Command::New { site, .. } => Some(site.clone().unwrap_or_else(default_site)),
        _ => None,
    };
    cli::print::choose_language(cli.lang.as_deref(), site.as_deref());
    let command = cli.command;
    // Photos encoded once are reused by later runs (docs/performance.md).
    bitimger::render::cache_photos_on_disk();
    match command {
        Command::Build {
            site,
            output,
            drafts,
            no_wait,
            base_url,
            skip_broken_includes,
        } => cli::build::run_build(cli::build::BuildArgs {
            site: site.unwrap_or_else(default_site),
            output,
            drafts,
            no_wait,
            base_url,
            skip_broken_includes,
        }),
        Command::Check {
            site,
            drafts,
            strict,
            format,
            skip_broken_includes,
        } => cli::check::run_check(
            &site.unwrap_or_else(default_site),
            cli::check::CheckArgs {
                drafts,
                strict,
                format,
                skip_broken_includes,
            },
        ),
        Command::Serve {
            site,
            port,
            open,
            bind,
            drafts,
            skip_broken_includes,
            edit,
        } => {
            let site = site.unwrap_or_else(default_site);
            let mut options = cli::serve::serve_options(site, port, bind, drafts);
            options.skip_broken_includes = skip_broken_includes;
            cli::serve::run_serve(options, open, edit)
        }
        Command::Init { dir, ci } => cli::scaffold::run_init(&dir, ci.map(Into::into)),
        Command::New { site, what } => {
            cli::scaffold::run_new(&site.unwrap_or_else(default_site), what)
        }
        Command::Theme {
            what: cli::args::Theme::Export { dir },
        } => cli::scaffold::run_theme_export(&dir),
        Command::Schema { dir } => cli::scaffold::run_schema(&dir),
        Command::Explain { code } => cli::explain::run_explain(code.as_deref()),
    }
}
