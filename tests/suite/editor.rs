//! `bitimger serve --edit` over HTTP: the token traded for a strict
//! cookie, writes refused without the right Host and Origin, writes
//! confined to the site's content files (`..`, links out), a file changed
//! on disk since the form answered with 409, an invalid value writing
//! nothing and shown beside its field, and a save keeping every comment
//! and every line it did not change.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use scraper::{Html, Selector};

use crate::harness::{SiteTest, repo};

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

struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        (self.headers.iter())
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
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
    fn send(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Answer {
        let mut s = TcpStream::connect(&self.addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
        let mut req = format!("{method} {path} HTTP/1.1\r\nConnection: close\r\n");
        if !headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("host")) {
            req.push_str(&format!("Host: {}\r\n", self.addr));
        }
        for (k, v) in headers {
            req.push_str(&format!("{k}: {v}\r\n"));
        }
        req.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
        s.write_all(req.as_bytes()).unwrap();
        s.write_all(body).unwrap();
        let mut raw = Vec::new();
        s.read_to_end(&mut raw).unwrap();
        let text = String::from_utf8_lossy(&raw).to_string();
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
        let mut lines = head.lines();
        let status = (lines.next().and_then(|l| l.split_whitespace().nth(1)))
            .and_then(|c| c.parse().ok())
            .unwrap_or(0);
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
            .collect();
        Answer {
            status,
            headers,
            body: body.to_string(),
        }
    }

    fn get(&self, path: &str) -> Answer {
        self.send("GET", path, &[("Cookie", &self.cookie())], b"")
    }

    /// The form's fields (inputs and text areas) by name.
    fn form(&self, page: &str) -> HashMap<String, String> {
        let a = self.get(&format!("/__bitimger/edit/?page={page}"));
        assert_eq!(a.status, 200, "{}", a.body);
        fields(&a.body)
    }

    fn post(&self, path: &str, form: &HashMap<String, String>) -> Answer {
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

#[test]
fn a_network_address_is_refused_in_every_language() {
    let t = SiteTest::fixture("serve_school");
    for (lang, word) in [("kk", "127.0.0.1"), ("ru", "Уберите"), ("en", "Leave out")] {
        let run = t
            .command()
            .args([
                "--lang", lang, "serve", "--edit", "--bind", "0.0.0.0", "--port", "0",
            ])
            .arg(&t.site)
            .output()
            .unwrap();
        assert_eq!(run.status.code(), Some(2), "{lang}");
        let err = String::from_utf8_lossy(&run.stderr);
        assert!(
            err.contains(word) && err.contains("--bind"),
            "{lang}: {err}"
        );
    }
}

#[test]
fn the_token_is_traded_for_a_strict_cookie() {
    let e = start();
    let bad = e.send("GET", &format!("/?token={}", "0".repeat(64)), &[], b"");
    assert_eq!(bad.status, 403);
    let good = e.send("GET", &format!("/kk/?token={}", e.token), &[], b"");
    assert_eq!(good.status, 303);
    assert_eq!(good.header("location"), Some("/kk/"));
    let cookie = good.header("set-cookie").unwrap();
    assert!(cookie.starts_with(&e.cookie()), "{cookie}");
    for part in ["HttpOnly", "SameSite=Strict", "Path=/"] {
        assert!(cookie.contains(part), "{cookie}");
    }
    let without = e.send("GET", "/__bitimger/edit/?page=/kk/", &[], b"");
    assert_eq!(without.status, 403);
    let wrong = e.send(
        "GET",
        "/__bitimger/edit/?page=/kk/",
        &[("Cookie", "bitimger_edit=abc")],
        b"",
    );
    assert_eq!(wrong.status, 403);
    let form = e.get("/__bitimger/edit/?page=/kk/");
    assert_eq!(form.status, 200);
    let csp = form.header("content-security-policy").unwrap();
    assert!(
        csp.contains("script-src 'self'") && csp.contains("default-src 'none'"),
        "{csp}"
    );
    // The preview's pages carry the Edit button; the site's pages do not.
    let page = e.send("GET", "/kk/", &[], b"");
    assert!(page.body.contains("id=\"bitimger-edit\""));
}

#[test]
fn writes_need_this_servers_host_and_origin() {
    let e = start();
    let before = e.site.read(CLUB);
    let mut form = e.form("/kk/");
    form.insert("l0:motto@kk".into(), "Өзгерді".into());
    let body: String = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(form.iter())
        .finish();
    let cookie = e.cookie();
    let origin = e.origin();
    for headers in [
        vec![("Cookie", cookie.as_str())],
        vec![
            ("Cookie", cookie.as_str()),
            ("Origin", "http://evil.example"),
        ],
        vec![("Cookie", cookie.as_str()), ("Origin", "null")],
        vec![("Origin", origin.as_str())],
        vec![
            ("Cookie", cookie.as_str()),
            ("Origin", "http://evil.example"),
            ("Host", "evil.example"),
        ],
    ] {
        let a = e.send("POST", "/__bitimger/edit/save", &headers, body.as_bytes());
        assert_eq!(a.status, 403, "{headers:?}");
    }
    assert_eq!(e.site.read(CLUB), before, "nothing written");
}

#[test]
fn writes_stay_in_the_sites_content_files() {
    let e = start();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("club.yaml"), "name: outside\n").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(outside.path(), e.site.site.join("clubs/linked")).unwrap();
    let form = e.form("/kk/");
    for doc in [
        "../site.yaml",
        "clubs/../../x.yaml",
        "clubs/linked/club.yaml",
        "templates/page.yaml",
        "/etc/passwd.yaml",
    ] {
        let mut f = form.clone();
        f.insert("doc".into(), doc.into());
        f.insert("v0:name".into(), "X".into());
        let a = e.post("/__bitimger/edit/save", &f);
        assert!(a.status == 403 || a.status == 404, "{doc}: {}", a.status);
    }
    assert_eq!(
        std::fs::read_to_string(outside.path().join("club.yaml")).unwrap(),
        "name: outside\n"
    );
    for club in ["..", "../..", "linked", "senim/../.."] {
        let path = format!("/__bitimger/edit/photo?club={club}&name=a.png");
        let a = e.send(
            "POST",
            &path,
            &[("Cookie", &e.cookie()), ("Origin", &e.origin())],
            b"not a photo",
        );
        assert!(a.status >= 400, "{club}");
    }
    assert!(!outside.path().join("photos").exists());
    let a = e.send(
        "POST",
        "/__bitimger/edit/photo?club=senim&name=run.sh",
        &[("Cookie", &e.cookie()), ("Origin", &e.origin())],
        b"#!/bin/sh",
    );
    assert_eq!(a.status, 422);
    let a = e.send(
        "POST",
        "/__bitimger/edit/photo?club=senim&name=a.png",
        &[("Cookie", &e.cookie()), ("Origin", &e.origin())],
        b"not a png",
    );
    assert_eq!(a.status, 422, "the photo checks refuse it");
    assert!(!e.site.site.join("clubs/senim/photos/a.png").exists());
}

#[test]
fn a_file_changed_on_disk_is_never_overwritten() {
    let e = start();
    let mut form = e.form("/kk/");
    e.site.edit(CLUB, "karaganda", "astana");
    let changed = e.site.read(CLUB);
    form.insert("l0:motto@kk".into(), "Менің өзгерісім".into());
    let a = e.post("/__bitimger/edit/save", &form);
    assert_eq!(a.status, 409);
    assert_eq!(e.site.read(CLUB), changed);
    let again = fields(&a.body);
    assert_eq!(
        again.get("l0:motto@kk").map(String::as_str),
        Some("Менің өзгерісім"),
        "the teacher's change is kept in the form"
    );
    assert_ne!(
        again.get("h0"),
        form.get("h0"),
        "the form now knows the new file"
    );
    let notice = Html::parse_document(&a.body);
    assert_eq!(
        notice
            .select(&Selector::parse(".notice[role=alert]").unwrap())
            .count(),
        1
    );
}

#[test]
fn an_invalid_value_writes_nothing_and_is_shown_beside_its_field() {
    let e = start();
    let before = e.site.read(CLUB);
    let mut form = e.form("/kk/");
    form.insert("v0:school/region".into(), "qaraganddy".into());
    let a = e.post("/__bitimger/edit/save", &form);
    assert_eq!(a.status, 422);
    assert_eq!(e.site.read(CLUB), before);
    let doc = Html::parse_document(&a.body);
    let field = Selector::parse(".field").unwrap();
    let input = Selector::parse("input[name='v0:school/region']").unwrap();
    let problem = Selector::parse("pre.problem").unwrap();
    let beside = doc
        .select(&field)
        .find(|f| f.select(&input).next().is_some())
        .expect("the region's field");
    let text: String = beside.select(&problem).flat_map(|p| p.text()).collect();
    assert!(
        text.contains("club/unknown-region") && text.contains("qaraganddy"),
        "{text}"
    );
    let field_input = beside.select(&input).next().unwrap();
    assert_eq!(field_input.value().attr("aria-invalid"), Some("true"));
    assert_eq!(
        field_input.value().attr("value"),
        Some("qaraganddy"),
        "the value given stays in the form"
    );
}

#[test]
fn a_save_changes_only_its_values_and_keeps_every_comment() {
    let e = start();
    let before = e.site.read(CLUB);
    let mut form = e.form("/kk/");
    form.insert("l0:motto@ru".into(), "Слушать, понимать".into());
    form.insert("v0:contacts/room".into(), "215".into());
    let a = e.post("/__bitimger/edit/save", &form);
    assert_eq!(a.status, 303, "{}", a.body);
    let after = e.site.read(CLUB);
    let changed: Vec<(&str, &str)> = before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(before.lines().count(), after.lines().count());
    assert_eq!(changed.len(), 2, "{changed:?}");
    assert!(after.contains("ru: \"Слушать, понимать\"}"), "{after}");
    assert!(
        after.contains("  room: \"215\"\n"),
        "a text stays a text: {after}"
    );
    for comment in [
        "# The club: edited by hand and by the editor.",
        "# Where the club works",
        "school:  # the school",
    ] {
        assert!(after.contains(comment), "{comment}");
    }
    // The preview is rebuilt from the saved file.
    let deadline = Instant::now() + Duration::from_secs(60);
    while !e
        .send("GET", "/ru/", &[], b"")
        .body
        .contains("Слушать, понимать")
    {
        assert!(Instant::now() < deadline, "the preview was not rebuilt");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_report_figure_is_written_as_a_number_in_every_language() {
    let e = start();
    let page = "/kk/clubs/senim/reports/2025-2026/";
    let mut form = e.form(page);
    assert!(
        form.contains_key("b0") && form.contains_key("b1"),
        "both languages' texts"
    );
    form.insert("v0:indicators/cases".into(), "9".into());
    let a = e.post("/__bitimger/edit/save", &form);
    assert_eq!(a.status, 303, "{}", a.body);
    let report = e.site.read("clubs/senim/reports/2025-2026.kk.md");
    assert!(report.contains("  cases: 9\n"), "{report}");
    let ru = e.site.read("clubs/senim/reports/2025-2026.ru.md");
    assert!(
        ru.contains("  cases: 9\n"),
        "the other language's figure follows: {ru}"
    );
}

#[test]
fn a_directory_with_included_schools_is_checked_with_its_schools() {
    // `include: [../school-a, ../school-b]`: the check before a save sees
    // the same schools the preview shows.
    let e = start_on(SiteTest::fixture("directory_include"), "region");
    let club = "region/clubs/home-club/club.yaml";
    let before = e.site.read(club);
    let mut form = e.form("/kk/clubs/home-club/");
    let name = form.keys().find(|k| k.starts_with("l0:name@kk")).cloned();
    let name = name.expect("the club's name is in the form");
    form.insert(name, "Жаңа атау".into());
    let a = e.post("/__bitimger/edit/save", &form);
    assert_eq!(a.status, 303, "{}", a.body);
    let after = e.site.read(club);
    assert!(after.contains("Жаңа атау"), "{after}");
    assert_eq!(before.lines().count(), after.lines().count());
    let parent = e.site.site.clone();
    let left: Vec<_> = std::fs::read_dir(&parent)
        .unwrap()
        .filter_map(|d| d.ok())
        .filter(|d| {
            d.file_name()
                .to_string_lossy()
                .starts_with(".bitimger-edit-")
        })
        .collect();
    assert!(left.is_empty(), "the checked copy is removed");
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

#[test]
fn a_remove_button_takes_out_exactly_its_item() {
    let e = start();
    let club = e.site.read(CLUB).replace(
        "  - name: Ковальчук",
        "  # the second leader, since 2023\n  - name: Ковальчук",
    );
    e.site.write(CLUB, &club);
    let html = e.get("/__bitimger/edit/?page=/kk/").body;
    let first = Html::parse_document(&html);
    let first = first
        .select(&Selector::parse("form.editor button").unwrap())
        .next();
    assert_eq!(
        first.map(|b| b.value().attr("name")),
        Some(None),
        "Enter in a field saves: the first button is a Save, never a Remove"
    );
    let mut form = fields(&html);
    form.insert("remove".into(), button(&html, "remove", "leaders/#0"));
    let a = e.post("/__bitimger/edit/save", &form);
    assert_eq!(a.status, 303, "{}", a.body);
    assert!(
        a.header("Location")
            .unwrap()
            .starts_with("/__bitimger/edit/")
    );
    let after = e.site.read(CLUB);
    assert!(!after.contains("Жақсыбекова"), "{after}");
    assert!(after.contains("leaders:\n  # the second leader, since 2023\n  - name: Ковальчук"));
    assert_eq!(
        club.lines().count() - 4,
        after.lines().count(),
        "only the item's four lines"
    );
    // An item written on one line, in a list written one item a line.
    let html = e.get("/__bitimger/edit/?page=/kk/").body;
    let mut form = fields(&html);
    form.insert("remove".into(), button(&html, "remove", "goals/#1"));
    assert_eq!(e.post("/__bitimger/edit/save", &form).status, 303);
    let goals = e.site.read(CLUB);
    assert!(!goals.contains("қауіпсіз білім беру ортасын"), "{goals}");
    assert!(goals.contains("Буллингтің және"));
}

#[test]
fn a_yes_no_field_is_a_box_written_back_as_true_or_false() {
    let e = start();
    const PLAN: &str = "clubs/senim/plans/2025-2026.yaml";
    let page = "/kk/clubs/senim/plans/2025-2026/";
    let html = e.get(&format!("/__bitimger/edit/?page={page}")).body;
    let doc = Html::parse_document(&html);
    let boxes = Selector::parse("input[type=checkbox][name='v0:items/#0/done']").unwrap();
    let first = doc.select(&boxes).next().expect("done is a box to tick");
    assert!(
        first.value().attr("checked").is_some(),
        "done: true is ticked"
    );
    let label = Selector::parse(&format!("label[for='{}']", first.value().id().unwrap())).unwrap();
    assert!(doc.select(&label).next().is_some(), "the box has its label");
    let third = Selector::parse("input[type=checkbox][name='v0:items/#2/done']").unwrap();
    let third = doc
        .select(&third)
        .next()
        .expect("offered where the file has none");
    assert!(third.value().attr("checked").is_none());
    // Every box ticked, then the first one unticked.
    let mut form = fields(&html);
    for (k, v) in form.iter_mut() {
        if k.ends_with("/done") {
            *v = "true".into();
        }
    }
    form.insert("v0:items/#0/done".into(), "false".into());
    let a = e.post("/__bitimger/edit/save", &form);
    assert_eq!(a.status, 303, "{}", a.body);
    let plan = e.site.read(PLAN);
    let items: Vec<&str> = plan.split("\n  - ").skip(1).collect();
    assert!(items[0].contains("\n    done: false"), "{}", items[0]);
    assert!(items[1].contains("\n    done: true"), "{}", items[1]);
    assert!(
        items[2].contains("done: true"),
        "added when ticked: {}",
        items[2]
    );
    assert!(
        !plan.contains("done: \"true\""),
        "a yes/no, not a text: {plan}"
    );
}

#[test]
fn a_leaders_photo_is_uploaded_beside_its_field_and_published_by_a_save() {
    let e = start();
    let html = e.get("/__bitimger/edit/?page=/kk/").body;
    let doc = Html::parse_document(&html);
    let field = Selector::parse("input[type=text][name='v0:leaders/#1/photo']").unwrap();
    let field = doc.select(&field).next().expect("offered though missing");
    let id = field.value().id().unwrap();
    let pick = Selector::parse(&format!("input[type=file][data-target='{id}']")).unwrap();
    let pick = doc
        .select(&pick)
        .next()
        .expect("an upload beside the field");
    assert_eq!(pick.value().attr("data-club"), Some("senim"));
    let upload_label =
        Selector::parse(&format!("label[for='{}']", pick.value().id().unwrap())).unwrap();
    assert!(doc.select(&upload_label).next().is_some(), "labelled");
    let help = field.value().attr("aria-describedby").unwrap();
    let help = Selector::parse(&format!("#{}", help.split(' ').next().unwrap())).unwrap();
    let help: String = doc.select(&help).next().unwrap().text().collect();
    assert!(help.contains("photos/"), "the path can be typed: {help}");
    // What the page's script sends, and the path it writes in the field.
    let send = |name: &str, bytes: &[u8]| {
        e.send(
            "POST",
            &format!("/__bitimger/edit/photo?club=senim&name={name}"),
            &[("Cookie", &e.cookie()), ("Origin", &e.origin())],
            bytes,
        )
    };
    let refused = send("leader.png", b"not a png");
    assert_eq!(refused.status, 422, "the build's photo checks");
    let a = send("Наталья.png", &crate::images::png_graphic());
    assert_eq!(a.status, 200, "{}", a.body);
    let path = serde_json::from_str::<serde_json::Value>(&a.body).unwrap()["path"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(path.starts_with("photos/") && path.is_ascii(), "{path}");
    assert!(e.site.site.join("clubs/senim").join(&path).is_file());
    let mut form = fields(&html);
    form.insert("v0:leaders/#1/photo".into(), path.clone());
    let a = e.post("/__bitimger/edit/save", &form);
    assert_eq!(a.status, 303, "{}", a.body);
    let club = e.site.read(CLUB);
    assert!(
        club.contains(&format!(
            "    email: n.kovalchuk@example.test\n    photo: {path}\n"
        )),
        "{club}"
    );
}

#[test]
fn a_plans_items_are_a_table_with_the_schemas_titles() {
    let e = start();
    let page = "/kk/clubs/senim/plans/2025-2026/";
    let html = e.get(&format!("/__bitimger/edit/?page={page}")).body;
    let doc = Html::parse_document(&html);
    let sel = |s: &str| Selector::parse(s).unwrap();
    let table = doc
        .select(&sel("form.editor table.items"))
        .next()
        .expect("a table");
    let headers: Vec<String> = (table.select(&sel("thead th[scope=col]")))
        .map(|h| h.text().collect::<String>())
        .collect();
    assert_eq!(
        headers.first().map(String::as_str),
        Some("When"),
        "{headers:?}"
    );
    assert!(
        headers.iter().any(|h| h == "Done"),
        "the tool's language: {headers:?}"
    );
    let plan = e.site.read("clubs/senim/plans/2025-2026.yaml");
    let rows: Vec<_> = table.select(&sel("tbody > tr")).collect();
    assert_eq!(rows.len(), plan.matches("\n  - when:").count());
    for (n, row) in rows.iter().enumerate() {
        let cells = row.select(&sel("td")).count();
        assert_eq!(cells, headers.len(), "a cell per column, row {n}");
        let when = format!("input[name='v0:items/#{n}/when']");
        assert!(row.select(&sel(&when)).next().is_some(), "row {n}");
        let remove = format!("button.remove[value='0:items/#{n}']");
        assert!(row.select(&sel(&remove)).next().is_some(), "row {n}");
    }
    // Every field still has its own label, for a screen reader and for
    // the narrow screen's blocks.
    for input in table.select(&sel("input[type=text], input[type=checkbox], textarea")) {
        let id = input.value().id().unwrap();
        let label = sel(&format!("label[for='{id}']"));
        assert!(doc.select(&label).next().is_some(), "{id}");
    }
    // A change made in the table is saved like any other.
    let mut form = fields(&html);
    form.insert("v0:items/#0/when".into(), "october".into());
    assert_eq!(e.post("/__bitimger/edit/save", &form).status, 303);
    let after = e.site.read("clubs/senim/plans/2025-2026.yaml");
    assert!(after.contains("  - when: october\n    title: {kk: \"Жас медиаторлар"));
}
