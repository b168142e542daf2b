//! The editor in headless chromium (tests/browser/editor.mjs), as a
//! teacher uses it: the club's motto and a report's figure changed, a news
//! item added with a photo, a wrong value refused beside its field; then
//! the files on disk (comments kept), the rebuilt preview, and axe-core
//! (0 violations) and no sideways scrolling at 360 px on every editor
//! page. Skipped, saying why, without node, its packages or chromium
//! (`BITIMGER_REQUIRE_BROWSER=1` makes that a failure).

use std::process::Command;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::harness::{SiteTest, repo};
use crate::product::tools::{self, run_bounded};

const CLUB: &str = "clubs/senim/club.yaml";

#[test]
fn a_teacher_edits_the_site_in_the_browser() {
    if tools::or_skip(tools::browser(), "a_teacher_edits_the_site_in_the_browser").is_none() {
        return;
    }
    let site = SiteTest::copy_of(&repo().join("content"));
    // Photos of photos/ are published (and shown in texts) with the gallery on.
    let club = site.read(CLUB).replace("  photos: false", "  photos: true");
    let club = format!("# Our club, kept by hand too.\n{club}");
    site.write(CLUB, &club);
    let photo = site.dir().join("Тренинг фото.png");
    std::fs::write(&photo, crate::images::png_graphic()).unwrap();
    let mut options = bitimger::serve::ServeOptions::new(site.site.clone());
    options.port = 0;
    // The editor speaks the teacher's language (the screenshot in docs/ too).
    options.lang = bitimger::messages::Lang::Kk;
    let editing = bitimger::editor::start(options, |_| {}).unwrap();
    let shot = std::env::var_os("BITIMGER_EDITOR_SCREENSHOT");
    let mut cmd = Command::new("node");
    cmd.arg(repo().join("tests/browser/editor.mjs"))
        .args(["--url", &editing.url, "--photo"])
        .arg(&photo)
        .env("BITIMGER_CHROMIUM", tools::chromium());
    if let Some(shot) = &shot {
        cmd.arg("--screenshot").arg(shot);
    }
    let done = {
        let _turn = crate::browser::one_at_a_time();
        run_bounded(
            &mut cmd,
            &site.dir().join("browser"),
            Duration::from_secs(300),
        )
        .unwrap()
    };
    assert_eq!(done.code, Some(0), "{}\n{}", done.stderr, done.stdout);
    let report: Value = serde_json::from_str(&done.stdout).unwrap();
    let steps = &report["steps"];

    // The motto: one line changed, the comment kept; the preview rebuilt.
    let after = site.read(CLUB);
    assert!(
        after.starts_with("# Our club, kept by hand too.\n"),
        "{after}"
    );
    assert!(
        after.contains("ru: \"Слушать. Понимать. Договариваться.\"}"),
        "{after}"
    );
    assert_eq!(
        club.lines().count() + 1,
        after.lines().count(),
        "the motto changed in its line, the leader's photo added"
    );
    assert_eq!(steps["afterClub"], "/kk/");
    let addr = editing.handle.addr();
    wait_for(addr, "/ru/", "Слушать. Понимать. Договариваться.");

    // The report's figure, in both languages' files.
    for lang in ["kk", "ru"] {
        let report = site.read(&format!("clubs/senim/reports/2025-2026.{lang}.md"));
        assert!(report.contains("  trainings: 5\n"), "{lang}: {report}");
    }

    // The news item, with the photo saved under a safe name.
    let photo_path = steps["photo"].as_str().unwrap();
    assert_eq!(photo_path, "photos/trening-foto.png");
    let saved = site.site.join("clubs/senim").join(photo_path);
    assert!(
        saved.is_file(),
        "{}: {:?}",
        saved.display(),
        walk(&site.site)
    );
    let news: Vec<_> = std::fs::read_dir(site.site.join("clubs/senim/news"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with("-zhana-trening.kk.md"))
        .collect();
    assert_eq!(news.len(), 1, "{news:?}");
    let text = site.read(&format!("clubs/senim/news/{}", news[0]));
    assert!(
        text.contains("![Тренинг](clubs/senim/photos/trening-foto.png)"),
        "{text}\n{report}"
    );
    let slug = news[0].trim_end_matches(".kk.md");
    let slug = slug.splitn(4, '-').nth(3).unwrap();
    wait_for(addr, &format!("/kk/clubs/senim/news/{slug}/"), "<img");

    // The wrong region: refused, its problem beside its field, nothing written.
    assert_eq!(steps["invalidStatus"], 422);
    let beside = &steps["invalidBeside"];
    assert!(
        beside["text"]
            .as_str()
            .unwrap()
            .contains("club/unknown-region"),
        "{beside}"
    );
    assert_eq!(beside["invalid"], "true");
    assert_eq!(beside["value"], "qaraganddy");
    assert!(!site.read(CLUB).contains("qaraganddy"));

    // The leader's photo: uploaded beside its field, its path saved.
    assert_eq!(steps["leaderField"], "v0:leaders/#0/photo");
    assert_eq!(steps["leaderPhoto"], "photos/trening-foto-2.png");
    assert_eq!(steps["afterLeader"], "/kk/");
    assert!(
        after.contains("\n    photo: photos/trening-foto-2.png\n"),
        "{after}"
    );
    assert!(
        site.site
            .join("clubs/senim/photos/trening-foto-2.png")
            .is_file()
    );

    // The plan: a table at 1280 px, a block per item at 360 px; the box
    // ticked and the item removed from the keyboard.
    let wide = &steps["planWide"];
    let plan = site.read("clubs/senim/plans/2025-2026.yaml");
    let before =
        std::fs::read_to_string(repo().join("content/clubs/senim/plans/2025-2026.yaml")).unwrap();
    let count = |t: &str| t.matches("\n  - when:").count();
    assert_eq!(wide["rows"], count(&before), "{wide}");
    assert_eq!(wide["headers"][0], "Қашан", "{wide}");
    assert_eq!(steps["planNarrow"]["display"], "block");
    assert_eq!(steps["planNarrow"]["label"], true, "each field labelled");
    assert_eq!(steps["planNarrow"]["role"], "row", "still a table's row");
    assert_eq!(count(&plan), count(&before) - 1, "{plan}");
    assert_eq!(steps["afterRemove"], count(&before) - 1);
    assert!(!plan.contains("Клубтың 2025–2026 оқу жылына"), "{plan}");
    let third = plan.split("\n  - when:").nth(2).unwrap();
    assert!(
        third.contains("«Сенім жәшігіне»") && third.contains("done: true"),
        "{third}"
    );
    assert!(plan.starts_with("# Activity plan"), "comments kept");

    // Every editor page: no axe violation, no sideways scrolling.
    for p in report["pages"].as_array().unwrap() {
        assert_eq!(p["violations"].as_array().map(Vec::len), Some(0), "{p}");
        assert_eq!(p["overflow"], 0, "{p}");
    }
    assert!(
        steps["mottoHint"].as_str().is_some_and(|h| !h.is_empty()),
        "each field is explained"
    );
    // The refused save is answered 422, which the browser notes; nothing else.
    let console: Vec<&Value> = (report["console"].as_array().into_iter().flatten())
        .filter(|m| !m.as_str().unwrap_or("").contains("status of 422"))
        .collect();
    assert!(console.is_empty(), "{console:?}");
}

/// Waits (bounded) until the preview's `path` holds `text`.
fn wait_for(addr: std::net::SocketAddr, path: &str, text: &str) {
    use std::io::{Read, Write};
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let mut s = std::net::TcpStream::connect(addr).unwrap();
        let req = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
        s.write_all(req.as_bytes()).unwrap();
        let mut body = String::new();
        let _ = s.read_to_string(&mut body);
        if body.contains(text) {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "{path} never showed {text:?}:\n{body}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn walk(dir: &std::path::Path) -> Vec<String> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .map(|e| e.path().display().to_string())
        .filter(|p| p.contains("photo") || p.contains("news"))
        .collect()
}
