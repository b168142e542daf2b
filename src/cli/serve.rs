//! `bitimger serve`: the live preview started, announced (its address, a
//! warning when the network can see it), and one line per rebuild.
//!
//! Layer 9: part of the binary; uses the library (`bitimger::`).

use std::io::Write as _;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use bitimger::build::output::{DEFAULT_OUTPUT, absolute};
use bitimger::serve::{RebuildReport, ServeError, ServeHandle, ServeOptions, Watching};

use super::print::{IO, USAGE, counts, fail, phase_label, plural, print_diagnostics, warnings};
use super::progress::TermProgress;

/// The options of `serve` as given on the command line.
pub(crate) fn serve_options(site: PathBuf, port: u16, bind: IpAddr, drafts: bool) -> ServeOptions {
    let mut options = ServeOptions::new(site);
    options.port = port;
    options.bind = bind;
    options.drafts = drafts;
    options
}

/// Serves the site until the process is stopped.
pub(crate) fn run_serve(mut options: ServeOptions, open: bool) -> ExitCode {
    if !options.site.is_dir() {
        return fail(
            format_args!(
                "the site folder {} does not exist; create a site with `bitimger init {}`",
                options.site.display(),
                options.site.display()
            ),
            USAGE,
        );
    }
    options.exclude = vec![absolute(Path::new(DEFAULT_OUTPUT))];
    let progress = TermProgress::on_stderr(phase_label);
    options.progress = progress.handle();
    let site = options.site.clone();
    let report = move |r: &RebuildReport| {
        progress.clear();
        report_rebuild(r);
    };
    let handle = match bitimger::serve::start(options, report) {
        Ok(h) => h,
        Err(e) => {
            let code = match e {
                ServeError::PortInUse(_) | ServeError::Bind(..) => USAGE,
                _ => IO,
            };
            return fail(e, code);
        }
    };
    announce(&handle, &site, open);
    handle.wait();
    ExitCode::SUCCESS
}

/// Tells where the site is served and what is watched, and opens the
/// browser when asked.
fn announce(handle: &ServeHandle, site: &Path, open: bool) {
    let mut addr = handle.addr();
    if addr.ip().is_unspecified() {
        addr.set_ip(Ipv4Addr::LOCALHOST.into());
    }
    let url = format!("http://{addr}/");
    println!("Serving on {url}");
    let _ = std::io::stdout().flush();
    anstream::eprintln!(
        "Watching {} for changes. Press Ctrl+C to stop.",
        site.display()
    );
    if let Some(warning) = network_warning(handle.addr()) {
        anstream::eprintln!("{warning}");
    }
    if handle.watching() == Watching::Polling {
        anstream::eprintln!(
            "note: this computer cannot watch that many folders; changes are looked for twice a second"
        );
    }
    if open && let Err(e) = opener::open(&url) {
        anstream::eprintln!("note: could not open a web browser ({e}); open {url} yourself");
    }
}

/// The warning for a preview visible beyond this computer (`--bind` to
/// another address than loopback).
fn network_warning(addr: SocketAddr) -> Option<String> {
    if addr.ip().is_loopback() {
        return None;
    }
    let on = if addr.ip().is_unspecified() {
        format!("every address of this computer, port {}", addr.port())
    } else {
        format!("http://{addr}/")
    };
    Some(format!(
        "warning: the preview is visible on the network ({on}): other devices there can see the site, drafts included.\n  It is a preview for checking the site, not a way to publish it: publish the folder written by `bitimger build` on a web host."
    ))
}

/// Prints what a build of `serve` did: its problems, then one line.
fn report_rebuild(r: &RebuildReport) {
    print_diagnostics(&r.diagnostics);
    let ms = r.elapsed.as_secs_f64() * 1000.0;
    let line = match (r.first, r.published) {
        (true, true) => format!(
            "Built {} pages in {:.2} s{}",
            r.pages,
            r.elapsed.as_secs_f64(),
            warnings(&r.diagnostics)
        ),
        (false, true) => format!(
            "Rebuilt in {ms:.0} ms: {} changed{}",
            plural(r.changed, "file"),
            warnings(&r.diagnostics)
        ),
        (true, false) => format!(
            "Build failed: {}. The pages show the problems until they are fixed.",
            counts(&r.diagnostics)
        ),
        (false, false) => format!(
            "Rebuild failed: {}. The last good version of the site is still served.",
            counts(&r.diagnostics)
        ),
    };
    anstream::eprintln!("{line}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_network_bind_is_warned_about() {
        for addr in ["0.0.0.0:1111", "192.168.1.5:1111", "[::]:1111"] {
            let w = network_warning(addr.parse().unwrap()).unwrap();
            assert!(w.contains("visible on the network"), "{w}");
            assert!(w.contains("not a way to publish"), "{w}");
        }
        for addr in ["127.0.0.1:1111", "[::1]:1111"] {
            assert_eq!(network_warning(addr.parse().unwrap()), None, "{addr}");
        }
    }
}
