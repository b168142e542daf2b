//! `bitimger check`: the rules it adds to build (privacy, links, alt text,
//! feedback), their codes and locations, `--strict`, `--format json` and
//! `silence:`.

use serde_json::Value;

use crate::harness::{Run, SiteTest};

pub const SITE_YAML: &str = "title: {kk: Тест, ru: Тест}\nlanguages: [kk, ru]\n";

pub const CLUB_YAML: &str = "\
name: {kk: Сенім, ru: Доверие}
school:
  name: {kk: \"№ 1 мектеп\", ru: \"Школа № 1\"}
  region: karaganda
feedback:
  question: https://forms.example.test/q
";

/// A one-club school site with `extra` files (replacing the defaults).
pub fn school(extra: &[(&str, &str)]) -> SiteTest {
    let mut files = vec![
        ("site.yaml", SITE_YAML),
        ("clubs/senim/club.yaml", CLUB_YAML),
    ];
    for (path, text) in extra {
        files.retain(|(p, _)| p != path);
        files.push((path, text));
    }
    SiteTest::files(&files)
}

/// One diagnostic of `check --format json`.
#[derive(Debug)]
pub struct Diag {
    pub code: String,
    pub severity: String,
    pub message: String,
    pub file: String,
    pub line: Option<u64>,
}

/// Runs `check --format json` and reads its diagnostics.
pub fn diags(t: &SiteTest, args: &[&str]) -> (Run, Vec<Diag>) {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    let run = t.check(&all);
    let json: Value = serde_json::from_str(&run.stdout())
        .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}\n{}", run.stdout(), run.stderr()));
    let items = json.as_array().expect("a JSON array").iter();
    let list = items
        .map(|d| {
            let loc = &d["location"];
            Diag {
                code: d["code"].as_str().unwrap_or("").to_string(),
                severity: d["severity"].as_str().unwrap_or("").to_string(),
                message: d["message"].as_str().unwrap_or("").to_string(),
                file: loc["file"].as_str().unwrap_or("").to_string(),
                line: loc["line"].as_u64(),
            }
        })
        .collect();
    (run, list)
}

#[track_caller]
fn one<'a>(list: &'a [Diag], code: &str) -> &'a Diag {
    let found: Vec<&Diag> = list.iter().filter(|d| d.code == code).collect();
    assert_eq!(found.len(), 1, "expected one {code}, got {list:#?}");
    found[0]
}

const NEWS_HEAD: &str = "---\ntitle: Жаңалық\ndate: 2025-03-01\n---\n";

#[test]
fn an_iin_is_an_error_in_check_and_stops_the_build() {
    let news = format!("{NEWS_HEAD}Мәтін.\n\nОқушының ЖСН-і 900115300122.\n");
    let t = school(&[("news/2025-03-01-iin.md", &news)]);
    let (run, list) = diags(&t, &[]);
    assert_eq!(run.code(), 1);
    let d = one(&list, "privacy/iin");
    assert_eq!(d.severity, "error");
    assert!(d.file.ends_with("news/2025-03-01-iin.md"), "{d:?}");
    assert_eq!(d.line, Some(7));
    let build = t.build().fails_with(1);
    assert!(build.stderr().contains("privacy/iin"), "{}", build.stderr());
    assert!(!t.out.exists(), "nothing may be written");
}

#[test]
fn a_number_with_a_wrong_check_digit_is_no_iin() {
    let news = format!("{NEWS_HEAD}Бұйрық № 900115300128.\n");
    let t = school(&[("news/2025-03-01-order.md", &news)]);
    let (run, list) = diags(&t, &[]);
    assert_eq!(run.code(), 0, "{list:#?}");
    assert!(list.iter().all(|d| d.code != "privacy/iin"));
}

#[test]
fn phones_and_emails_in_news_are_warnings_and_strict_fails() {
    let news = format!(
        "{NEWS_HEAD}Хабарласыңыз: +7 701 555 23 14.\n\nНемесе жазыңыз: parent.mail@example.test\n"
    );
    let t = school(&[("news/2025-03-01-contact.md", &news)]);
    let (run, list) = diags(&t, &[]);
    assert_eq!(run.code(), 0);
    assert_eq!(one(&list, "privacy/phone-in-text").line, Some(5));
    assert_eq!(one(&list, "privacy/email-in-text").line, Some(7));
    let (strict, _) = diags(&t, &["--strict"]);
    assert_eq!(strict.code(), 1);
}

#[test]
fn class_labels_next_to_names_are_warned_about() {
    let report = "---\nyear: 2024-2025\nstatus: final\n---\nЖеңімпаз — 9Б сынып оқушысы Айгерім.\n\n8–11 сынып оқушыларына тренинг өтті.\n";
    let t = school(&[("clubs/senim/reports/2024-2025.md", report)]);
    let (_, list) = diags(&t, &[]);
    let d = one(&list, "privacy/class-label");
    assert_eq!(d.line, Some(5));
    assert!(d.message.contains("9Б сынып"), "{}", d.message);
}

#[test]
fn staff_mobiles_are_warned_about_at_the_phone_line() {
    let club = format!(
        "{CLUB_YAML}leaders:\n  - name: Ахметова Гүлнар\n    phone: \"+7 701 555 2314\"\n  - name: Смагулова Дина\n    phone: \"+7 7212 55 02 14\"\n"
    );
    let t = school(&[("clubs/senim/club.yaml", &club)]);
    let (_, list) = diags(&t, &[]);
    let d = one(&list, "privacy/staff-mobile");
    assert_eq!(d.line, Some(9));
    assert!(d.message.contains("+7 701 555 2314"));
}

#[test]
fn broken_links_and_anchors_are_traced_to_the_markdown_line() {
    let page = "---\ntitle: Бет\n---\n# Бет\n\n[Жоқ бет](../nowhere/index.html)\n\n[Бөлім](#joq)\n\n[Бар бөлім](#bet)\n";
    let t = school(&[("pages/about.md", page)]);
    let (run, list) = diags(&t, &[]);
    assert_eq!(run.code(), 1, "{list:#?}");
    let broken = one(&list, "links/broken");
    assert!(broken.file.ends_with("pages/about.md"));
    assert_eq!(broken.line, Some(6));
    let anchor = one(&list, "links/anchor");
    assert_eq!(anchor.line, Some(8));
}

#[test]
fn a_club_without_feedback_is_warned_about() {
    let club = CLUB_YAML.replace("feedback:\n  question: https://forms.example.test/q\n", "");
    let t = school(&[("clubs/senim/club.yaml", &club)]);
    let (_, list) = diags(&t, &[]);
    let d = one(&list, "club/no-feedback");
    assert!(d.file.ends_with("clubs/senim/club.yaml"));
}

#[test]
fn silence_drops_warnings_but_never_errors() {
    let news = format!("{NEWS_HEAD}Тел.: +7 701 555 23 14. ЖСН 900115300122.\n");
    let site = format!("{SITE_YAML}silence: [privacy/phone-in-text, privacy/iin]\n");
    let t = school(&[("site.yaml", &site), ("news/2025-03-01-x.md", &news)]);
    let (run, list) = diags(&t, &[]);
    assert!(
        list.iter().all(|d| d.code != "privacy/phone-in-text"),
        "{list:#?}"
    );
    one(&list, "privacy/iin");
    assert_eq!(run.code(), 1);
}

#[test]
fn human_output_names_the_file_line_and_code() {
    let news = format!("{NEWS_HEAD}Тел.: +7 701 555 23 14.\n");
    let t = school(&[("news/2025-03-01-x.md", &news)]);
    let run = t.check(&[]).ok();
    let err = run.stderr();
    assert!(err.contains("warning[privacy/phone-in-text]"), "{err}");
    assert!(err.contains("news/2025-03-01-x.md:5:7"), "{err}");
}

#[test]
fn markdown_images_without_a_description_are_warned_about() {
    let page = "---\ntitle: Бет\n---\nМәтін.\n\n![](../../../assets/icon.svg)\n";
    let t = school(&[("pages/about.md", page)]);
    let (_, list) = diags(&t, &[]);
    let d = one(&list, "a11y/img-alt");
    assert_eq!(d.line, Some(6));
}

#[test]
fn untranslated_texts_and_markdown_are_listed_with_file_line_and_field() {
    let club = CLUB_YAML.replace(
        "name: {kk: Сенім, ru: Доверие}",
        "name: {kk: Сенім, ru: Доверие}\nmotto: {kk: \"Тыңда. Түсін.\"}",
    );
    let t = school(&[
        ("clubs/senim/club.yaml", &club),
        ("clubs/senim/about.kk.md", "Біз туралы.\n"),
    ]);
    let (run, list) = diags(&t, &[]);
    assert_eq!(run.code(), 0);
    let texts: Vec<&Diag> = list
        .iter()
        .filter(|d| d.code == "i18n/untranslated")
        .collect();
    assert_eq!(texts.len(), 2, "{list:#?}");
    let motto = texts
        .iter()
        .find(|d| d.message.contains("`motto`"))
        .unwrap();
    assert!(motto.file.ends_with("clubs/senim/club.yaml"));
    assert_eq!(motto.line, Some(2));
    assert!(motto.message.contains("ru"));
    let about = texts
        .iter()
        .find(|d| d.file.ends_with("about.kk.md"))
        .unwrap();
    assert!(about.message.contains("`ru`"), "{}", about.message);
}
