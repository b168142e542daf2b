//! Less typing, same format (issue 18, point 7): a report's figures
//! written once, month names in Kazakh and Russian, what `new` writes, and
//! the warnings for what `init` and `new` left to be replaced.

use crate::harness::{Run, SiteTest, bitimger};

const KK_REPORT: &str = "---\nyear: 2024-2025\nstatus: final\nindicators:\n  cases: 20\n  cases_resolved: 18\n---\nЖыл бойы жұмыс істедік.\n";

fn new(args: &[&str], t: &SiteTest) -> Run {
    t.run_on_site(&[&["new"], args].concat())
}

fn school_with_report(ru: &str) -> SiteTest {
    let t = SiteTest::fixture("serve_school");
    t.write("clubs/alpha/reports/2024-2025.kk.md", KK_REPORT);
    t.write("clubs/alpha/reports/2024-2025.ru.md", ru);
    t
}

#[test]
fn a_report_pair_takes_year_status_and_figures_from_the_first_language() {
    let t = school_with_report("Работали весь год.\n");
    let run = t.build().ok();
    assert!(!run.stderr().contains("warning"), "{}", run.stderr());
    for lang in ["kk", "ru"] {
        let page = t.page(&format!("{lang}/clubs/alpha/reports/2024-2025/index.html"));
        assert_eq!(page.lang(), lang);
        assert_eq!(page.count(".status-final"), 1, "{lang}: the status");
        let figures = page.texts(".figures td.num");
        assert!(figures.iter().any(|v| v == "20"), "{lang}: {figures:?}");
        assert!(figures.iter().any(|v| v == "18"), "{lang}: {figures:?}");
    }
    let ru = t.page("ru/clubs/alpha/reports/2024-2025/index.html");
    assert!(ru.text("main").contains("Работали весь год."));
}

#[test]
fn a_report_field_given_again_must_still_agree() {
    let t = school_with_report("---\nstatus: ongoing\n---\nРаботали.\n");
    let problems = t.problems();
    let p = problems
        .iter()
        .find(|p| p.code == "report/pair-mismatch")
        .unwrap_or_else(|| panic!("{problems:?}"));
    assert_eq!(p.file, "site/clubs/alpha/reports/2024-2025.ru.md");
    assert_eq!(p.line, Some(2));
    assert!(p.message.contains("ongoing") && p.message.contains("final"));
}

#[test]
fn the_first_language_file_must_give_year_and_status() {
    let t = SiteTest::fixture("serve_school");
    t.write(
        "clubs/alpha/reports/2024-2025.kk.md",
        "---\nindicators: {cases: 3}\n---\nМәтін.\n",
    );
    t.write(
        "clubs/alpha/reports/2024-2025.ru.md",
        "---\nyear: 2024-2025\nstatus: final\n---\nТекст.\n",
    );
    let problems = t.problems();
    let missing: Vec<_> = problems
        .iter()
        .filter(|p| p.code == "report/missing-field")
        .collect();
    // The first one missing, as for every required field.
    assert_eq!(missing.len(), 1, "{problems:?}");
    assert!(missing[0].message.contains("`year`"), "{missing:?}");
    assert_eq!(missing[0].line, Some(2), "{missing:?}");
    assert!(
        missing
            .iter()
            .all(|p| p.file == "site/clubs/alpha/reports/2024-2025.kk.md"),
        "{missing:?}"
    );
    t.build().fails_with(1);
}

#[test]
fn an_empty_status_in_the_first_language_file_is_missing() {
    let t = SiteTest::fixture("serve_school");
    t.write(
        "clubs/alpha/reports/2024-2025.kk.md",
        "---\nyear: 2024-2025\nstatus:\n---\nМәтін.\n",
    );
    let problems = t.problems();
    let p = problems
        .iter()
        .find(|p| p.code == "report/missing-field")
        .unwrap_or_else(|| panic!("{problems:?}"));
    assert_eq!(
        (p.file.as_str(), p.line),
        ("site/clubs/alpha/reports/2024-2025.kk.md", Some(3))
    );
    assert!(p.message.contains("`status`"), "{p:?}");
}

#[test]
fn plan_months_may_be_written_in_kazakh_and_russian() {
    let t = SiteTest::fixture("serve_school");
    t.write(
        "clubs/alpha/plans/2025-2026.yaml",
        "year: 2025-2026\nitems:\n  - when: Қазан\n    title: {kk: Екінші, ru: Второе}\n  - when: сентября\n    title: {kk: Бірінші, ru: Первое}\n  - when: march\n    title: {kk: Үшінші, ru: Третье}\n",
    );
    t.build().ok();
    let page = t.page("ru/clubs/alpha/plans/2025-2026/index.html");
    assert_eq!(page.texts(".plan-what"), ["Первое", "Второе", "Третье"]);
    let when = page.texts(".plan-when");
    assert!(when[0].to_lowercase().contains("сентябр"), "{when:?}");
    assert!(when[1].to_lowercase().contains("октябр"), "{when:?}");
}

#[test]
fn a_misspelt_kazakh_month_is_an_error_with_the_month_meant() {
    let t = SiteTest::fixture("serve_school");
    t.write(
        "clubs/alpha/plans/2025-2026.yaml",
        "year: 2025-2026\nitems:\n  - when: қыркүек\n    title: {kk: Бір, ru: Одно}\n",
    );
    let problems = t.problems();
    let p = problems
        .iter()
        .find(|p| p.code == "plan/invalid-when")
        .unwrap_or_else(|| panic!("{problems:?}"));
    assert_eq!(
        (p.file.as_str(), p.line),
        ("site/clubs/alpha/plans/2025-2026.yaml", Some(3))
    );
    assert!(
        p.help.as_deref().unwrap_or("").contains("қыркүйек"),
        "{p:?}"
    );
}

#[test]
fn new_report_for_a_past_year_is_final_and_for_this_year_ongoing() {
    let t = SiteTest::fixture("serve_school");
    let today = bitimger::types::Date::today();
    let this = bitimger::types::AcademicYear::containing(today);
    let last = bitimger::types::AcademicYear {
        start: this.start - 1,
    };
    new(&["report", "alpha", &last.slug()], &t).ok();
    new(&["report", "alpha", &this.slug()], &t).ok();
    let status = |year: &str| {
        let text = t.read(&format!("clubs/alpha/reports/{year}.ru.md"));
        let line = text.lines().find(|l| l.starts_with("status:")).unwrap();
        line.to_string()
    };
    assert_eq!(status(&last.slug()), "status: final");
    assert_eq!(status(&this.slug()), "status: ongoing");
    t.build().ok();
    let page = t.page(&format!(
        "kk/clubs/alpha/reports/{}/index.html",
        last.slug()
    ));
    assert_eq!(page.count(".status-final"), 1);
}

#[test]
fn new_news_gives_the_russian_file_a_russian_title_to_replace() {
    let t = SiteTest::fixture("serve_school");
    new(&["news", "Сенім жәшігі ашылды"], &t).ok();
    t.build().ok();
    let kk = t.page("kk/news/senim-zhashigi-ashyldy/index.html");
    assert_eq!(kk.text("h1"), "Сенім жәшігі ашылды");
    let ru = t.page("ru/news/senim-zhashigi-ashyldy/index.html");
    assert_eq!(ru.text("h1"), "Заголовок новости");
    let problems = t.problems();
    let date = bitimger::types::Date::today();
    let title = problems
        .iter()
        .find(|p| p.code == "text/placeholder" && p.message.contains("Заголовок новости"))
        .unwrap_or_else(|| panic!("{problems:?}"));
    assert_eq!(
        title.file,
        format!("site/news/{date}-senim-zhashigi-ashyldy.ru.md")
    );
}

#[test]
fn new_club_on_a_school_site_with_its_club_writes_nothing() {
    let t = SiteTest::fixture("serve_school");
    let files = || -> Vec<_> {
        walkdir::WalkDir::new(&t.site)
            .into_iter()
            .flatten()
            .map(|e| e.path().to_path_buf())
            .collect()
    };
    let before = files();
    let r = new(&["club", "beta"], &t).fails_with(2);
    assert!(r.stderr().contains("clubs/alpha"), "{}", r.stderr());
    assert!(r.stderr().contains("kind: directory"), "{}", r.stderr());
    assert!(!t.site.join("clubs/beta").exists());
    assert_eq!(files(), before);
}

#[test]
fn check_lists_what_init_left_to_replace_at_its_lines() {
    let t = SiteTest::files(&[]);
    let output = bitimger()
        .arg("init")
        .arg(&t.site)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    Run { output }.ok();
    let problems = t.problems();
    let placeholders: Vec<_> = problems
        .iter()
        .filter(|p| p.code == "text/placeholder")
        .collect();
    assert!(
        placeholders.iter().all(|p| p.severity == "warning"),
        "{placeholders:?}"
    );
    let club = t.read("clubs/senim/club.yaml");
    let line_of = |text: &str| club.lines().position(|l| l.contains(text)).unwrap() + 1;
    let at = |file: &str, line: usize| {
        placeholders
            .iter()
            .any(|p| p.file == format!("site/{file}") && p.line == Some(line))
    };
    assert!(
        at(
            "clubs/senim/club.yaml",
            line_of("forms.example.kz/mediation/question")
        ),
        "{placeholders:?}"
    );
    assert!(
        at("clubs/senim/club.yaml", line_of("Әбенова")),
        "{placeholders:?}"
    );
    let reports: Vec<_> = placeholders
        .iter()
        .filter(|p| p.file.starts_with("site/clubs/senim/reports/"))
        .collect();
    assert_eq!(reports.len(), 2, "one in each language: {reports:?}");
    // build warns the same way, and still builds.
    let run = t.build().ok();
    assert!(
        run.stderr().contains("text/placeholder"),
        "{}",
        run.stderr()
    );
    // Once replaced, the warnings are gone.
    for (file, from, to) in [
        ("clubs/senim/club.yaml", "example.kz", "mektep1.test"),
        (
            "clubs/senim/club.yaml",
            "Әбенова Гүлнар Серікқызы",
            "Сәрсенова Айгүл Маратқызы",
        ),
        (
            "clubs/senim/club.yaml",
            "+7 7212 00 00 00",
            "+7 7212 41 23 45",
        ),
        ("site.yaml", "example.kz", "mektep1.test"),
    ] {
        let text = t.read(file).replace(from, to);
        t.write(file, &text);
    }
    let left: Vec<_> = t
        .problems()
        .into_iter()
        .filter(|p| p.code == "text/placeholder")
        .map(|p| p.file)
        .collect();
    assert!(
        left.iter()
            .all(|f| f.contains("/reports/") || f.starts_with("site/news/")),
        "{left:?}"
    );
}

#[test]
fn a_text_in_kazakh_only_is_published_only_in_kazakh() {
    let t = SiteTest::fixture("serve_school");
    t.write(
        "news/2025-03-01-kk-only.kk.md",
        "---\ntitle: Тек қазақша\ndate: 2025-03-01\nlanguages: [kk]\n---\nМәтін.\n",
    );
    t.write(
        "news/2025-03-02-both.kk.md",
        "---\ntitle: Екі тілде\ndate: 2025-03-02\n---\nМәтін.\n",
    );
    t.write(
        "pages/rules.md",
        "---\ntitle: {kk: Ережелер, ru: Правила}\nlanguages: [kk]\n---\nМәтін.\n",
    );
    t.build().ok();
    // The untranslated warning is only for the item without `languages:`.
    let warned: Vec<_> = t.problems().into_iter().map(|p| (p.code, p.file)).collect();
    assert_eq!(
        warned,
        [(
            "i18n/untranslated".to_string(),
            "site/news/2025-03-02-both.kk.md".to_string()
        )]
    );
    let kk = t.page("kk/news/kk-only/index.html");
    assert_eq!(kk.text("h1"), "Тек қазақша");
    assert_eq!(
        kk.count(".lang-switch"),
        0,
        "no other language to switch to"
    );
    assert_eq!(kk.count(".fallback"), 0);
    assert!(!t.out_path("ru/news/kk-only").exists());
    assert!(!t.out_path("ru/pages/rules").exists());
    assert_eq!(t.page("kk/pages/rules/index.html").text("h1"), "Ережелер");
    let links = |page: &str| t.page(page).attrs("a", "href");
    let listed = |page: &str, what: &str| links(page).iter().any(|h| h.contains(what));
    assert!(listed("kk/news/index.html", "kk-only"));
    assert!(!listed("ru/news/index.html", "kk-only"));
    assert!(
        listed("ru/news/index.html", "news/both"),
        "the other item stays"
    );
    assert!(listed("kk/index.html", "pages/rules"), "kk menu");
    assert!(!listed("ru/index.html", "pages/rules"), "ru menu");
    let both = t.page("ru/news/both/index.html");
    assert_eq!(both.count(".fallback"), 1, "without `languages:`, a copy");
    let feed = t.out_text("ru/news/atom.xml");
    assert!(!feed.contains("kk-only"), "{feed}");
}

#[test]
fn an_unknown_language_in_languages_is_an_error_naming_the_one_meant() {
    let t = SiteTest::fixture("serve_school");
    t.write(
        "news/2025-03-01-x.kk.md",
        "---\ntitle: Жаңалық\ndate: 2025-03-01\nlanguages: [kk, kz]\n---\nМәтін.\n",
    );
    let problems = t.problems();
    let p = problems
        .iter()
        .find(|p| p.code == "news/invalid-value")
        .unwrap_or_else(|| panic!("{problems:?}"));
    assert_eq!(
        (p.file.as_str(), p.line),
        ("site/news/2025-03-01-x.kk.md", Some(4))
    );
    assert!(p.message.contains("`kz`"), "{p:?}");
    assert!(p.help.as_deref().unwrap_or("").contains("`kk`"), "{p:?}");
    t.build().fails_with(1);
}
