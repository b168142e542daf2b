//! The exact words of a representative set of problems and summaries in
//! Kazakh, Russian and English, kept as insta snapshots
//! (tests/suite/snapshots/suite__message_snapshots__*.snap): each snapshot
//! holds what `bitimger --lang LANG check site` prints in the three
//! languages, so a change of wording in any of them is seen and reviewed
//! (`INSTA_UPDATE=always cargo test --test suite message_snapshots`).
//! The English snapshots of tests/suite/errors/ stay as they are.

use crate::harness::{SiteTest, repo};

/// What `check` (and, with `build`, the last line of `build`) prints for
/// `t` in each language, one section per language.
pub(crate) fn said_in_three(t: &SiteTest, build: bool) -> String {
    let mut out = String::new();
    for lang in ["kk", "ru", "en"] {
        let check = t
            .command()
            .args(["--lang", lang, "check", "site"])
            .output()
            .unwrap();
        assert_eq!(check.status.code(), Some(1), "check in {lang}");
        out.push_str(&format!("===== {lang}: bitimger check site\n"));
        out.push_str(&String::from_utf8_lossy(&check.stderr));
        if build {
            let run = t
                .command()
                .args(["--lang", lang, "build", "site"])
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&run.stderr).into_owned();
            let last = stderr.trim_end().lines().last().unwrap_or("").to_string();
            out.push_str(&format!(
                "===== {lang}: the last line of bitimger build site\n{last}\n"
            ));
        }
        out.push('\n');
    }
    out
}

const CLUB: &str = "clubs/senim/club.yaml";

/// A line without its `:` (line 4), with a comment after it: one error.
#[test]
fn a_yaml_syntax_error_in_three_languages() {
    let t = SiteTest::fixture("school_minimal");
    t.write(
        CLUB,
        "name: {kk: \"Сенім\", ru: \"Доверие\"}\nschool:\n  name: X\n  region karaganda\n  # the region's code\n  locality: Y\n",
    );
    insta::assert_snapshot!(said_in_three(&t, false));
}

/// A misspelt field, a text where a list goes and a number with a word:
/// the file is read no further, so these three come together.
#[test]
fn field_problems_in_three_languages() {
    let t = SiteTest::fixture("school_minimal");
    t.write(
        CLUB,
        "name: {kk: \"Сенім\", ru: \"Доверие\"}\nnmae: Сенім\nschool:\n  name: X\n  region: karaganda\ngoals: Бейбітшілік\nmembers:\n  count: 150 адам\n",
    );
    let text = said_in_three(&t, false);
    for code in ["club/unknown-field", "club/wrong-type"] {
        assert!(text.contains(&format!("[{code}]")), "no {code}:\n{text}");
    }
    insta::assert_snapshot!(text);
}

/// The content problems of files that were read: a region in words, a
/// missing photo, a date written day first, a report pair that disagrees
/// on two figures; the summaries count them with their plural forms.
#[test]
fn content_problems_in_three_languages() {
    let t = SiteTest::fixture("school_minimal");
    t.write(
        CLUB,
        "name: {kk: \"Сенім\", ru: \"Доверие\"}\nschool:\n  name: {kk: \"№ 1 гимназия\", ru: \"Гимназия № 1\"}\n  region: Қарағанды облысы\nleaders:\n  - name: Ахметова Гүлнар\n    photo: photos/leader.jpg\n",
    );
    t.write(
        "clubs/senim/plans/2024-2025.yaml",
        "year: 2024-2025\napproved: 05.09.2024\nitems: []\n",
    );
    let report = "---\nyear: 2024-2025\nstatus: final\nindicators:\n  cases: 5\n  cases_resolved: 4\n---\nМәтін.\n";
    t.write("clubs/senim/reports/2024-2025.kk.md", report);
    t.write(
        "clubs/senim/reports/2024-2025.ru.md",
        &report
            .replace("cases: 5", "cases: 6")
            .replace("cases_resolved: 4", "cases_resolved: 2"),
    );
    let text = said_in_three(&t, true);
    for code in [
        "club/unknown-region",
        "club/missing-photo",
        "field/invalid-date",
        "report/pair-mismatch",
    ] {
        assert!(text.contains(&format!("[{code}]")), "no {code}:\n{text}");
    }
    insta::assert_snapshot!(text);
}

/// The rules of the whole site: a phone number and an e-mail in a news
/// text (warnings) and a link to a page that does not exist (an error).
#[test]
fn privacy_and_link_problems_in_three_languages() {
    let t = SiteTest::fixture("school_minimal");
    t.write(
        "news/2025-03-01-meeting.md",
        "---\ntitle: {kk: Жиналыс, ru: Собрание}\ndate: 2025-03-01\n---\n\
         Сұрақтар бойынша: +7 701 555 23 14, senim@example.test.\n\n[Есеп](../nowhere.html)\n",
    );
    let text = said_in_three(&t, false);
    for code in [
        "privacy/phone-in-text",
        "privacy/email-in-text",
        "links/broken",
    ] {
        assert!(text.contains(&format!("[{code}]")), "no {code}:\n{text}");
    }
    insta::assert_snapshot!(text);
}

/// The snapshots of this file are the ones its tests make (none left
/// over from a renamed test).
#[test]
fn every_snapshot_of_this_file_has_its_test() {
    let tests = std::fs::read_to_string(repo().join("tests/suite/message_snapshots.rs")).unwrap();
    for entry in std::fs::read_dir(repo().join("tests/suite/snapshots")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if let Some(test) = name
            .strip_prefix("suite__message_snapshots__")
            .and_then(|n| n.strip_suffix(".snap"))
        {
            assert!(tests.contains(&format!("fn {test}()")), "{name}: no test");
        }
    }
}

/// A logo that could run a script (at its line in the SVG), and a PNG
/// logo that is no picture (at `logo:` in site.yaml).
#[test]
fn logo_problems_in_three_languages() {
    let mut said = String::new();
    for (path, bytes) in [
        (
            "static/logo.svg",
            &b"<svg xmlns=\"http://www.w3.org/2000/svg\">\n<rect onload=\"x()\"/>\n</svg>\n"[..],
        ),
        ("static/logo.png", &b"not a picture"[..]),
    ] {
        let t = SiteTest::fixture("school_minimal");
        let site = t.read("site.yaml");
        t.write("site.yaml", &format!("{site}style:\n  logo: {path}\n"));
        t.write_bytes(path, bytes);
        said.push_str(&said_in_three(&t, false));
    }
    insta::assert_snapshot!(said);
}
