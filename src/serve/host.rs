//! Which Host names the preview answers to: DNS rebinding protection.
//!
//! A web page on another site can point its own name at 127.0.0.1 (or at
//! the computer's address on the school network) and then read the
//! preview from the teacher's browser, drafts included. Such requests
//! carry that site's name in their Host header, so only the names that
//! really mean this computer are answered: `localhost`, an IP address
//! that is loopback or the one listened on (any address when listening on
//! every interface: an address cannot be rebound), and the computer's own
//! name (also with `.local`). Every other name gets a plain 403.
//!
//! Layer 7 (serve): imports nothing of the crate.

use std::net::IpAddr;
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header, uri::Authority};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// The Host names a server bound to one address answers to.
#[derive(Debug, Clone)]
pub(crate) struct HostRules {
    bind: IpAddr,
    /// Lowercase names of this computer, `localhost` first.
    names: Vec<String>,
}

impl HostRules {
    /// The rules for a server listening on `bind`, on this computer.
    pub(crate) fn new(bind: IpAddr) -> HostRules {
        HostRules::with_hostname(bind, hostname().as_deref())
    }

    fn with_hostname(bind: IpAddr, hostname: Option<&str>) -> HostRules {
        let mut names = vec!["localhost".to_string()];
        if let Some(h) = hostname.map(str::trim).filter(|h| !h.is_empty()) {
            let h = h.trim_end_matches('.').to_ascii_lowercase();
            let short = h.split('.').next().unwrap_or(&h).to_string();
            names.push(format!("{short}.local"));
            if short != h {
                names.push(h);
            }
            names.push(short);
        }
        HostRules { bind, names }
    }

    /// True when a request with this Host (or absolute URL) authority is
    /// for this server.
    pub(crate) fn allows(&self, authority: &str) -> bool {
        if authority.contains('@') {
            return false;
        }
        let Ok(authority) = authority.parse::<Authority>() else {
            return false;
        };
        let host = authority.host().trim_end_matches('.').to_ascii_lowercase();
        let literal = host
            .strip_prefix('[')
            .and_then(|h| h.strip_suffix(']'))
            .unwrap_or(&host);
        match literal.parse::<IpAddr>() {
            Ok(ip) => ip.is_loopback() || ip == self.bind || self.bind.is_unspecified(),
            Err(_) => self.names.contains(&host),
        }
    }
}

/// This computer's name, when the system tells it.
fn hostname() -> Option<String> {
    #[cfg(unix)]
    {
        let uname = rustix::system::uname();
        uname.nodename().to_str().ok().map(str::to_string)
    }
    #[cfg(not(unix))]
    {
        std::env::var("COMPUTERNAME").ok()
    }
}

/// The middleware: refuses requests for another name before any route.
pub(crate) async fn check_host(
    State(rules): State<Arc<HostRules>>,
    request: Request,
    next: Next,
) -> Response {
    let host = request
        .headers()
        .get(header::HOST)
        .map(|h| h.to_str().unwrap_or("\u{fffd}"));
    let absolute = request.uri().authority().map(Authority::as_str);
    if host.into_iter().chain(absolute).all(|h| rules.allows(h)) {
        return next.run(request).await;
    }
    let mut r = (
        StatusCode::FORBIDDEN,
        "This preview answers only to the addresses of this computer \
         (such as http://localhost or http://127.0.0.1), not to another \
         web site's name.\n",
    )
        .into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(bind: &str) -> HostRules {
        HostRules::with_hostname(bind.parse().unwrap(), Some("Teacher-PC.school.kz"))
    }

    #[test]
    fn loopback_answers_to_its_own_names_only() {
        let r = rules("127.0.0.1");
        for ok in [
            "127.0.0.1:1111",
            "127.0.0.1",
            "localhost:1111",
            "LOCALHOST.",
            "[::1]:1111",
            "127.0.0.2",
            "teacher-pc",
            "teacher-pc.school.kz:1111",
            "teacher-pc.local",
        ] {
            assert!(r.allows(ok), "{ok}");
        }
        for bad in [
            "evil.example",
            "evil.example:1111",
            "localhost.evil.example",
            "127.0.0.1.nip.io",
            "192.168.1.5:1111",
            "user@localhost",
            "",
            "local host",
        ] {
            assert!(!r.allows(bad), "{bad}");
        }
    }

    #[test]
    fn a_network_address_answers_to_it_and_to_this_computer() {
        let r = rules("192.168.1.5");
        assert!(r.allows("192.168.1.5:1111"));
        assert!(r.allows("localhost:1111"));
        assert!(r.allows("teacher-pc.local:1111"));
        assert!(!r.allows("10.0.0.7:1111"));
        assert!(!r.allows("evil.example:1111"));
    }

    #[test]
    fn every_interface_answers_to_any_address_but_no_foreign_name() {
        for bind in ["0.0.0.0", "::"] {
            let r = rules(bind);
            assert!(r.allows("10.0.0.7:1111"), "{bind}");
            assert!(r.allows("[fe80::1]:1111"), "{bind}");
            assert!(r.allows("teacher-pc:1111"), "{bind}");
            assert!(!r.allows("evil.example:1111"), "{bind}");
        }
    }
}
