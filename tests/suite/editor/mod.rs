//! `bitimger serve --edit` over HTTP: the token traded for a strict
//! cookie, writes refused without the right Host and Origin, writes
//! confined to the site's content files (`..`, links out), a file changed
//! on disk since the form answered with 409, an invalid value writing
//! nothing and shown beside its field, and a save keeping every comment
//! and every line it did not change.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use scraper::{Html, Selector};

use crate::harness::{SiteTest, repo};
use crate::serve::Response;

const CLUB: &str = "clubs/senim/club.yaml";

/// The editor in this process on the example site: its address and token.
struct Editing {
    _handle: bitimger::serve::ServeHandle,
    addr: String,
    token: String,
    site: SiteTest,
}

fn start() -> Editing {
    let site = SiteTest::copy_of(&repo().join("content"));
    let mut club = site.read(CLUB);
    club.insert_str(0, "# The club: edited by hand and by the editor.\n");
    club = club.replace(
        "\nschool:\n",
        "\n# Where the club works\nschool:  # the school\n",
    );
    site.write(CLUB, &club);
    start_on(site, "")
}

/// The editor on the folder `dir` of `site` ("" for the site itself).
fn start_on(site: SiteTest, dir: &str) -> Editing {
    let mut options = bitimger::serve::ServeOptions::new(site.site.join(dir));
    options.port = 0;
    let e = bitimger::editor::start(options, |_| {}).unwrap();
    let addr = e.handle.addr().to_string();
    let token = e.url.split_once("token=").unwrap().1.to_string();
    assert_eq!(token.len(), 64, "32 random bytes");
    assert!(e.url.starts_with(&format!("http://{addr}/?token=")));
    Editing {
        _handle: e.handle,
        addr,
        token,
        site,
    }
}

impl Editing {
    fn cookie(&self) -> String {
        format!("bitimger_edit={}", self.token)
    }

    fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Sends a request with `headers` (Host is added unless given).
    fn send(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Response {
        let mut req = format!("{method} {path} HTTP/1.1\r\nConnection: close\r\n").into_bytes();
        if !headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("host")) {
            req.extend(format!("Host: {}\r\n", self.addr).bytes());
        }
        for (k, v) in headers {
            req.extend(format!("{k}: {v}\r\n").bytes());
        }
        req.extend(format!("Content-Length: {}\r\n\r\n", body.len()).bytes());
        req.extend_from_slice(body);
        crate::serve::exchange(&self.addr, &req)
    }

    fn get(&self, path: &str) -> Response {
        self.send("GET", path, &[("Cookie", &self.cookie())], b"")
    }

    /// The form's fields (inputs and text areas) by name.
    fn form(&self, page: &str) -> HashMap<String, String> {
        let a = self.get(&format!("/__bitimger/edit/?page={page}"));
        assert_eq!(a.status, 200, "{}", a.body);
        fields(&a.body)
    }

    fn post(&self, path: &str, form: &HashMap<String, String>) -> Response {
        let body: String = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(form.iter())
            .finish();
        let headers = [
            ("Cookie", self.cookie()),
            ("Origin", self.origin()),
            (
                "Content-Type",
                "application/x-www-form-urlencoded".to_string(),
            ),
        ];
        let headers: Vec<(&str, &str)> = headers.iter().map(|(k, v)| (*k, v.as_str())).collect();
        self.send("POST", path, &headers, body.as_bytes())
    }
}

fn fields(html: &str) -> HashMap<String, String> {
    let doc = Html::parse_document(html);
    let mut out = HashMap::new();
    for e in doc.select(&Selector::parse("form.editor input[name]").unwrap()) {
        let v = e.value();
        // As a browser sends it: an unticked box leaves its hidden "false".
        if v.attr("type") == Some("checkbox") && v.attr("checked").is_none() {
            continue;
        }
        out.insert(
            v.attr("name").unwrap().to_string(),
            v.attr("value").unwrap_or("").to_string(),
        );
    }
    for e in doc.select(&Selector::parse("form.editor textarea[name]").unwrap()) {
        out.insert(
            e.value().attr("name").unwrap().to_string(),
            e.text().collect(),
        );
    }
    out
}

/// The value of the button `name` whose value ends with `end`.
fn button(html: &str, name: &str, end: &str) -> String {
    let doc = Html::parse_document(html);
    let sel = Selector::parse(&format!("form.editor button[name=\"{name}\"]")).unwrap();
    doc.select(&sel)
        .filter_map(|b| b.value().attr("value"))
        .find(|v| v.ends_with(end))
        .unwrap_or_else(|| panic!("no {name} button for {end}"))
        .to_string()
}

mod lists;
mod safety;
mod saves;
