//! The command line's arguments: the commands, their options and the help
//! texts `--help` shows (clap), and the site folder used when none is given.
//!
//! Layer 9: part of the binary; uses the library (`bitimger::`).

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use bitimger::build::output::DEFAULT_OUTPUT;

/// bitimger — a static site generator for school mediation clubs.
///
/// Builds a bilingual (Kazakh, Russian, English...) web site for a school's
/// mediation club, or a regional directory of clubs, from a folder of YAML
/// and Markdown files.
#[derive(Parser)]
#[command(name = "bitimger", version, about, long_about = None, propagate_version = true)]
pub(crate) struct Cli {
    /// The language bitimger speaks in: kk, ru or en (default: the
    /// BITIMGER_LANG variable, else the computer's language, else the
    /// site's first language)
    #[arg(long, global = true, value_name = "LANG", value_parser = ["kk", "ru", "en"])]
    pub(crate) lang: Option<String>,
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Subcommand)]
pub(crate) enum Command {
    /// Build the site into the output folder (all or nothing)
    ///
    /// Reads SITE (default: ./content when it has a site.yaml, else the
    /// current folder) and writes the web site to --output. The new site
    /// replaces the old one only when the whole build succeeded; on any
    /// error nothing is written and the previous site stays as it was.
    Build {
        /// The site folder (the one with site.yaml)
        site: Option<PathBuf>,
        /// Where to write the web site: a folder outside the site folder
        /// (or `public` in it); files there that bitimger did not make,
        /// such as .git or CNAME, are kept
        #[arg(short, long, default_value = DEFAULT_OUTPUT)]
        output: PathBuf,
        /// Also publish news and pages marked `draft: true`
        #[arg(long)]
        drafts: bool,
        /// When another build is writing into the same output folder,
        /// stop (exit code 2) instead of waiting for it to finish
        #[arg(long)]
        no_wait: bool,
        /// The site's web address for this build, instead of `base_url` in
        /// site.yaml (e.g. a preview at https://school.github.io/mediation/)
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// In a directory: leave out each included school folder that has
        /// errors (its clubs are not published, and a warning names it)
        /// instead of failing the whole site
        #[arg(long)]
        skip_broken_includes: bool,
    },
    /// Check the site without writing anything
    ///
    /// Runs every check of `build` and reports all problems with file and
    /// line. Exits with 1 when there are errors.
    Check {
        /// The site folder (the one with site.yaml)
        site: Option<PathBuf>,
        /// Also check drafts
        #[arg(long)]
        drafts: bool,
        /// Treat warnings as errors
        #[arg(long)]
        strict: bool,
        /// Output format
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// In a directory: leave out each included school folder that has
        /// errors (its clubs are not published, and a warning names it)
        /// instead of failing the whole site
        #[arg(long)]
        skip_broken_includes: bool,
    },
    /// Serve the site on this computer and rebuild it on every change
    ///
    /// Builds SITE in memory and serves it at http://127.0.0.1:1111/. Every
    /// saved change rebuilds the site and reloads the open browser tabs. A
    /// mistake never stops the server: its message is shown over every
    /// page, and the last good version of the site stays served until the
    /// mistake is fixed. Nothing is written to disk.
    Serve {
        /// The site folder (the one with site.yaml)
        site: Option<PathBuf>,
        /// The port to listen on (0: any free port)
        #[arg(short, long, default_value_t = bitimger::serve::DEFAULT_PORT)]
        port: u16,
        /// Open the site in the web browser
        #[arg(long)]
        open: bool,
        /// The network address to listen on; only this computer can see the
        /// site unless you give another one (e.g. 0.0.0.0 for every device
        /// of the local network: a preview, not a way to publish)
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Also show news and pages marked `draft: true`
        #[arg(long)]
        drafts: bool,
        /// In a directory: leave out each included school folder that has
        /// errors (its clubs are not published, and a warning names it)
        /// instead of failing the whole site
        #[arg(long)]
        skip_broken_includes: bool,
        /// Add an Edit button to every page: forms that change the site's
        /// files (only on this computer; open the address printed with its key)
        #[arg(long)]
        edit: bool,
    },
    /// Create a new school site in DIR
    ///
    /// Writes site.yaml, one club with every section, its activity plan, an
    /// annual report and a news item, in Kazakh and Russian, with comments
    /// explaining each field. Files already in DIR are never overwritten.
    Init {
        /// The folder to create the site in
        dir: PathBuf,
        /// Also write the workflow that builds the site and publishes it on
        /// every push: to GitHub Pages (.github/workflows/publish.yml) or
        /// GitLab Pages (.gitlab-ci.yml); see docs/publish.md
        #[arg(long, value_enum, value_name = "HOST")]
        ci: Option<CiHost>,
    },
    /// Add a club, a report or a news item to a site
    ///
    /// Files are made from commented templates; a file that is already
    /// there is never overwritten.
    New {
        /// The site folder (default: ./content when it has a site.yaml, else
        /// the current folder)
        #[arg(long, global = true)]
        site: Option<PathBuf>,
        #[command(subcommand)]
        what: New,
    },
    /// Work with the site's theme: `theme export DIR`
    Theme {
        #[command(subcommand)]
        what: Theme,
    },
    /// Write the JSON Schemas of the content files into DIR, for editors
    ///
    /// Writes one file per kind of content file (site.yaml, club.yaml,
    /// plans, the front matter of reports, news and pages, documents.yaml,
    /// photos.yaml, principles.yaml), with a title and a description of
    /// every field in the language of the run, so that an editor such as
    /// VS Code with its YAML extension completes fields and underlines
    /// mistakes as you type (docs/schema.md). Nothing is ever overwritten:
    /// when any of these files is in DIR already, nothing is written and
    /// each one is named.
    Schema {
        /// The folder to write the schemas into (made when missing)
        dir: PathBuf,
    },
    /// Explain a problem's code: what it means, why it matters, how to fix it
    ///
    /// CODE is the code in brackets of a message, e.g. `bitimger explain
    /// privacy/phone-in-text`. Without CODE, every code is listed.
    Explain {
        /// The code, e.g. privacy/iin
        code: Option<String>,
    },
}

#[derive(Subcommand)]
pub(crate) enum New {
    /// A club: clubs/SLUG/club.yaml and its about texts
    Club {
        /// The club's folder name, which becomes its web address (e.g. senim)
        slug: String,
    },
    /// A club's annual report, one file per site language
    Report {
        /// The club's folder name
        club: String,
        /// The academic year, like 2025-2026
        year: String,
    },
    /// A news item dated today: `new news "Title"` for the site,
    /// `new news CLUB "Title"` for a club
    News {
        #[arg(num_args = 1..=2, required = true, value_names = ["CLUB", "TITLE"])]
        args: Vec<String>,
    },
}

#[derive(Subcommand)]
pub(crate) enum Theme {
    /// Write the default theme into DIR, to change it
    ///
    /// Writes the default theme's templates (DIR/templates/), its style
    /// sheet and icons (DIR/static/) and the site's words in every built-in
    /// language (DIR/i18n/*.ftl). With `theme: DIR` in site.yaml the site
    /// is built from them, the same as before until you edit them. Nothing
    /// is ever overwritten: when any of these files is in DIR already,
    /// nothing is written and each one is named.
    Export {
        /// The folder to write the theme into (made when missing)
        dir: PathBuf,
    },
}

/// Where `init --ci` publishes the site from.
#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum CiHost {
    Github,
    Gitlab,
}

impl From<CiHost> for bitimger::scaffold::Ci {
    fn from(host: CiHost) -> Self {
        match host {
            CiHost::Github => bitimger::scaffold::Ci::Github,
            CiHost::Gitlab => bitimger::scaffold::Ci::Gitlab,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum Format {
    /// Readable text
    Human,
    /// JSON, for CI
    Json,
}

/// The site folder when none is given: ./content when it has a
/// site.yaml, else the current folder.
pub(crate) fn default_site() -> PathBuf {
    let content = PathBuf::from("content");
    if content.join("site.yaml").is_file() {
        content
    } else {
        PathBuf::from(".")
    }
}
