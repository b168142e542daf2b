//! Who may write, and where: the network refused, the token traded for a
//! strict cookie, Host and Origin, writes confined to the site's content
//! files, a file changed on disk never overwritten.

use super::*;

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
