//! `bitimger init` and `bitimger new`: what they create builds cleanly, and
//! nothing that is already there is ever overwritten.

use crate::harness::{Run, SiteTest, bitimger};

fn run(args: &[&str], t: &SiteTest) -> Run {
    t.run_on_site(args)
}

fn init(t: &SiteTest) -> Run {
    let output = bitimger()
        .arg("init")
        .arg(&t.site)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    Run { output }
}

/// The front matter of a Markdown file, between the `---` lines.
fn front_matter(text: &str) -> &str {
    text.split("---").nth(1).unwrap_or("")
}

fn today() -> String {
    bitimger::types::Date::today().to_string()
}

/// The codes of every problem `check` finds but `text/placeholder`, the
/// texts `init` and `new` write to be replaced.
fn other_problems(t: &SiteTest) -> Vec<String> {
    t.problems()
        .into_iter()
        .filter(|p| p.code != "text/placeholder")
        .map(|p| format!("{} {}:{:?}", p.code, p.file, p.line))
        .collect()
}

#[test]
fn init_creates_a_school_site_that_builds_warning_only_of_its_placeholders() {
    let t = SiteTest::files(&[]);
    init(&t).ok();
    t.build().ok();
    t.check(&[]).ok();
    assert_eq!(other_problems(&t), Vec::<String>::new());
    for lang in ["kk", "ru"] {
        let home = t.page(&format!("{lang}/index.html"));
        assert_eq!(home.lang(), lang);
        assert_eq!(home.count(".club-motto"), 1, "{lang}: the motto");
        assert!(
            home.count("#feedback a[href^='https://']") >= 3,
            "{lang}: feedback"
        );
    }
    let files: Vec<String> = walkdir::WalkDir::new(&t.site)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(&t.site)
                .unwrap()
                .to_string_lossy()
                .to_string()
        })
        .collect();
    for want in [
        "site.yaml",
        "clubs/senim/club.yaml",
        "clubs/senim/about.kk.md",
    ] {
        assert!(files.iter().any(|f| f == want), "{want} in {files:?}");
    }
    assert!(
        files
            .iter()
            .any(|f| f.starts_with("clubs/senim/reports/") && f.ends_with(".ru.md"))
    );
    assert!(files.iter().any(|f| f.starts_with("clubs/senim/plans/")));
    assert!(
        files
            .iter()
            .any(|f| f.starts_with("news/") && f.ends_with(".kk.md"))
    );
}

#[test]
fn init_explains_each_field_in_comments() {
    let t = SiteTest::files(&[]);
    init(&t).ok();
    let club = t.read("clubs/senim/club.yaml");
    for field in [
        "name:",
        "school:",
        "region:",
        "leaders:",
        "feedback:",
        "gallery:",
    ] {
        let line = club
            .lines()
            .position(|l| l.trim_start().starts_with(field))
            .unwrap();
        let above = club.lines().nth(line - 1).unwrap();
        assert!(
            above.trim_start().starts_with('#'),
            "no comment above {field}"
        );
    }
}

#[test]
fn init_never_overwrites_existing_files() {
    let t = SiteTest::files(&[("site.yaml", "# mine\n")]);
    let run = init(&t).ok();
    assert_eq!(t.read("site.yaml"), "# mine\n");
    assert!(run.stderr().contains("kept"), "{}", run.stderr());
    assert!(t.site.join("clubs/senim/club.yaml").is_file());
    let again = init(&t).ok();
    assert!(
        again.stderr().contains("Nothing was created"),
        "{}",
        again.stderr()
    );
}

#[test]
fn new_club_adds_a_club_that_builds() {
    let t = SiteTest::fixture("serve_directory");
    run(&["new", "club", "gamma"], &t).ok();
    t.build().ok();
    assert_eq!(t.page("kk/clubs/gamma/index.html").lang(), "kk");
    t.write(
        "clubs/gamma/club.yaml",
        "name: Mine\nschool: {name: S, region: astana}\n",
    );
    run(&["new", "club", "gamma"], &t).ok();
    assert!(t.read("clubs/gamma/club.yaml").starts_with("name: Mine"));
}

#[test]
fn new_club_refuses_a_name_that_is_no_web_address() {
    let t = SiteTest::fixture("serve_directory");
    let r = run(&["new", "club", "Сенім клубы"], &t).fails_with(2);
    assert!(r.stderr().contains("`senim-kluby`"), "{}", r.stderr());
}

#[test]
fn new_report_writes_each_language_with_the_same_front_matter() {
    let t = SiteTest::fixture("serve_school");
    run(&["new", "report", "alpha", "2025-2026"], &t).ok();
    let kk = t.read("clubs/alpha/reports/2025-2026.kk.md");
    let ru = t.read("clubs/alpha/reports/2025-2026.ru.md");
    assert_eq!(front_matter(&kk), front_matter(&ru));
    assert!(front_matter(&kk).contains("year: 2025-2026"));
    t.build().ok();
    assert_eq!(other_problems(&t), Vec::<String>::new());
    let page = t.page("ru/clubs/alpha/reports/2025-2026/index.html");
    assert_eq!(
        page.count(".figures"),
        0,
        "no figure is published until filled in"
    );
    assert_eq!(page.lang(), "ru");
}

#[test]
fn new_report_explains_a_wrong_year_or_club() {
    let t = SiteTest::fixture("serve_directory");
    let r = run(&["new", "report", "alpha", "2025"], &t).fails_with(2);
    assert!(r.stderr().contains("like 2025-2026"), "{}", r.stderr());
    let r = run(&["new", "report", "alpah", "2025-2026"], &t).fails_with(2);
    assert!(
        r.stderr().contains("did you mean `alpha`"),
        "{}",
        r.stderr()
    );
    assert!(!t.site.join("clubs/alpah").exists());
}

#[test]
fn new_news_goes_to_the_site_or_to_a_club() {
    let t = SiteTest::fixture("serve_school");
    run(&["new", "news", "Сенім жәшігі ашылды"], &t).ok();
    run(&["new", "news", "alpha", "Trust box"], &t).ok();
    let date = today();
    let site_news = format!("news/{date}-senim-zhashigi-ashyldy.kk.md");
    assert!(t.site.join(&site_news).is_file(), "{site_news}");
    let club_news = format!("clubs/alpha/news/{date}-trust-box.ru.md");
    assert!(t.site.join(&club_news).is_file(), "{club_news}");
    t.build().ok();
    assert_eq!(other_problems(&t), Vec::<String>::new());
    let page = t.page("kk/news/senim-zhashigi-ashyldy/index.html");
    assert_eq!(page.text("h1"), "Сенім жәшігі ашылды");
    let page = t.page("kk/clubs/alpha/news/trust-box/index.html");
    assert_eq!(page.text("h1"), "Trust box");
}

#[test]
fn new_outside_a_site_says_how_to_start_one() {
    let t = SiteTest::files(&[("notes.txt", "x")]);
    let r = run(&["new", "club", "gamma"], &t).fails_with(2);
    assert!(r.stderr().contains("bitimger init"), "{}", r.stderr());
}
