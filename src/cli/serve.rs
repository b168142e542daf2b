//! `bitimger serve`: the live preview started, announced (its address, a
//! warning when the network can see it), and one line per rebuild.
//!
//! Layer 9: part of the binary; uses the library (`bitimger::`).

use std::io::Write as _;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use bitimger::build::output::{DEFAULT_OUTPUT, absolute};
use bitimger::editor::EditStartError;
use bitimger::serve::{RebuildReport, ServeError, ServeHandle, ServeOptions, Watching};

use super::print::{
    IO, USAGE, counts, fail, files, messages, phase_label, print_diagnostics, print_schools, t,
    warnings,
};
use super::progress::TermProgress;

/// The options of `serve` as given on the command line.
pub(crate) fn serve_options(site: PathBuf, port: u16, bind: IpAddr, drafts: bool) -> ServeOptions {
    let mut options = ServeOptions::new(site);
    options.lang = messages().lang();
    options.port = port;
    options.bind = bind;
    options.drafts = drafts;
    options
}

/// Serves the site until the process is stopped; with `edit`, with the
/// editor (loopback only: another address is refused with exit code 2).
pub(crate) fn run_serve(mut options: ServeOptions, open: bool, edit: bool) -> ExitCode {
    if !options.site.is_dir() {
        let site = options.site.display().to_string();
        return fail(t("serve-no-site", &[("site", site.into())]), USAGE);
    }
    if edit && !options.bind.is_loopback() {
        let address = options.bind.to_string();
        return fail(
            t("edit-not-loopback", &[("address", address.into())]),
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
    let started = match edit {
        true => bitimger::editor::start(options, report).map(|e| (e.handle, Some(e.url))),
        false => bitimger::serve::start(options, report)
            .map(|h| (h, None))
            .map_err(EditStartError::Serve),
    };
    let (handle, edit_url) = match started {
        Ok(h) => h,
        Err(EditStartError::Serve(e)) => {
            let code = match e {
                ServeError::PortInUse(_) | ServeError::Bind(..) => USAGE,
                _ => IO,
            };
            return fail(e, code);
        }
        Err(e @ EditStartError::NotLoopback(_)) => return fail(e, USAGE),
    };
    announce(&handle, &site, open && edit_url.is_none());
    if let Some(url) = edit_url {
        println!("{}", t("edit-open", &[("url", url.as_str().into())]));
        let _ = std::io::stdout().flush();
        if open && let Err(e) = opener::open(&url) {
            let args = [("reason", e.to_string().into()), ("url", url.into())];
            anstream::eprintln!("{}: {}", t("diag-note", &[]), t("serve-no-browser", &args));
        }
    }
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
    println!("{}", t("serve-on", &[("url", url.as_str().into())]));
    let _ = std::io::stdout().flush();
    let site = site.display().to_string();
    anstream::eprintln!("{}", t("serve-watching", &[("site", site.into())]));
    if let Some(warning) = network_warning(handle.addr()) {
        anstream::eprintln!("{}: {warning}", t("diag-warning", &[]));
    }
    let note = t("diag-note", &[]);
    if handle.watching() == Watching::Polling {
        anstream::eprintln!("{note}: {}", t("serve-polling", &[]));
    }
    if open && let Err(e) = opener::open(&url) {
        let args = [("reason", e.to_string().into()), ("url", url.into())];
        anstream::eprintln!("{note}: {}", t("serve-no-browser", &args));
    }
}

/// The warning for a preview visible beyond this computer (`--bind` to
/// another address than loopback).
fn network_warning(addr: SocketAddr) -> Option<String> {
    if addr.ip().is_loopback() {
        return None;
    }
    let on = if addr.ip().is_unspecified() {
        t(
            "serve-every-address",
            &[("port", usize::from(addr.port()).into())],
        )
    } else {
        format!("http://{addr}/")
    };
    Some(t("serve-network", &[("where", on.into())]))
}

/// Prints what a build of `serve` did: its problems, then one line.
fn report_rebuild(r: &RebuildReport) {
    print_diagnostics(&r.diagnostics);
    print_schools(&r.diagnostics);
    let ms = format!("{:.0}", r.elapsed.as_secs_f64() * 1000.0);
    let seconds = messages().decimal(r.elapsed.as_secs_f64(), 2);
    let problems = warnings(&r.diagnostics);
    let line = match (r.first, r.published) {
        (true, true) => t(
            "serve-built",
            &[
                ("pages", r.pages.into()),
                ("seconds", seconds.into()),
                ("problems", problems.into()),
            ],
        ),
        (false, true) => t(
            "serve-rebuilt",
            &[
                ("ms", ms.into()),
                ("files", files(r.changed).into()),
                ("problems", problems.into()),
            ],
        ),
        (true, false) => t(
            "serve-first-failed",
            &[("counts", counts(&r.diagnostics).into())],
        ),
        (false, false) => t(
            "serve-rebuild-failed",
            &[("counts", counts(&r.diagnostics).into())],
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
