//! Errors for teachers (DESIGN.md §3): every kind of content error names its
//! code, file and line, fails the build with exit code 1 and leaves the
//! previous output byte-for-byte as it was. The exact text of a
//! representative set is snapshotted, so a change of wording is seen.

use crate::harness::{Problem, Run, SiteTest};

const CLUB: &str = "clubs/senim/club.yaml";

/// A report pair that agrees, for tests that break one side of it.
const REPORT_KK: &str = "---\nyear: 2024-2025\nstatus: final\nindicators:\n  cases: 5\n  cases_resolved: 4\n---\nЕсеп.\n";
const REPORT_RU: &str = "---\nyear: 2024-2025\nstatus: final\nindicators:\n  cases: 5\n  cases_resolved: 4\n---\nОтчёт.\n";

/// A site that built once, was broken by `edit`, and failed to build.
struct Broken {
    t: SiteTest,
    run: Run,
}

impl Broken {
    /// Builds `t`, applies `edit`, builds again: the second build must fail
    /// with exit code 1 and leave the first build's output untouched.
    #[track_caller]
    fn new(t: SiteTest, edit: impl FnOnce(&SiteTest)) -> Broken {
        t.build().ok();
        let before = t.snapshot();
        assert!(!before.is_empty());
        edit(&t);
        let run = t.build().fails_with(1);
        assert!(
            run.stderr().contains("Nothing was written"),
            "{}",
            run.stderr()
        );
        assert!(
            t.snapshot() == before,
            "a failed build changed the previous output"
        );
        Broken { t, run }
    }

    /// Breaks the minimal school site.
    #[track_caller]
    fn minimal(edit: impl FnOnce(&SiteTest)) -> Broken {
        Self::new(SiteTest::fixture("school_minimal"), edit)
    }

    /// Asserts that the error `code` is reported in `file` (relative to the
    /// site folder) at `line`, and returns it.
    #[track_caller]
    fn error(&self, code: &str, file: &str, line: usize) -> Problem {
        let stderr = self.run.stderr();
        assert!(
            stderr.contains(&format!("error[{code}]")),
            "no error[{code}] in:\n{stderr}"
        );
        let problems = self.t.problems();
        let p = problems
            .iter()
            .find(|p| p.code == code && p.severity == "error")
            .unwrap_or_else(|| panic!("check does not report {code}: {problems:#?}"));
        assert_eq!(p.file, format!("site/{file}"), "{p:#?}");
        assert_eq!(p.line, Some(line), "{p:#?}");
        assert!(
            stderr.contains(&format!("site/{file}:{line}")),
            "the message does not show site/{file}:{line}:\n{stderr}"
        );
        p.clone()
    }

    /// Asserts that the error `code` is reported for the whole `file` (no
    /// line: the problem is the file itself or its name).
    #[track_caller]
    fn error_in_file(&self, code: &str, file: &str) -> Problem {
        let problems = self.t.problems();
        let p = problems
            .iter()
            .find(|p| p.code == code && p.severity == "error")
            .unwrap_or_else(|| panic!("check does not report {code}: {problems:#?}"));
        assert_eq!(p.file, format!("site/{file}"), "{p:#?}");
        assert!(
            self.run.stderr().contains(&format!("--> site/{file}")),
            "{}",
            self.run.stderr()
        );
        p.clone()
    }

    /// The whole message, as printed.
    fn stderr(&self) -> String {
        self.run.stderr()
    }

    /// Every problem reported in `file`, as (code, line), by line.
    #[track_caller]
    fn all_in(&self, file: &str) -> Vec<(String, usize)> {
        let mut found: Vec<(String, usize)> = self
            .t
            .problems()
            .into_iter()
            .filter(|p| p.file == format!("site/{file}"))
            .map(|p| (p.code, p.line.unwrap_or(0)))
            .collect();
        found.sort_by_key(|(_, line)| *line);
        found
    }
}

/// (code, line) pairs, for comparing with [`Broken::all_in`].
fn at(expected: &[(&str, usize)]) -> Vec<(String, usize)> {
    expected.iter().map(|(c, l)| (c.to_string(), *l)).collect()
}

/// Text of `p`'s label and help, for "did you mean" checks.
fn hints(p: &Problem) -> String {
    format!(
        "{} {}",
        p.label.clone().unwrap_or_default(),
        p.help.clone().unwrap_or_default()
    )
}

// ------------------------------------------------------------ YAML syntax

#[test]
fn yaml_syntax_error_points_at_the_unclosed_brace() {
    let b = Broken::minimal(|t| {
        t.edit(
            "site.yaml",
            "ru: \"Школьная медиация\"}",
            "ru: \"Школьная медиация\"",
        );
    });
    b.error("yaml/syntax", "site.yaml", 4);
    insta::assert_snapshot!(b.stderr());
}

#[test]
fn yaml_syntax_error_in_front_matter_counts_lines_from_the_top_of_the_file() {
    let b = Broken::minimal(|t| {
        t.write(
            "news/2025-03-01-meeting.md",
            "---\ntitle: Ескерту: жиналыс\ndate: 2025-03-01\n---\nМәтін.\n",
        );
    });
    let p = b.error("yaml/syntax", "news/2025-03-01-meeting.md", 2);
    assert!(hints(&p).contains("quotes"), "{p:#?}");
    insta::assert_snapshot!(b.stderr());
}

#[test]
fn a_missing_colon_is_reported_on_its_line_not_on_the_comment_after_it() {
    let b = Broken::minimal(|t| {
        // 20 comment lines above, so the club's own lines are 21..26.
        let above = "# a note\n".repeat(20);
        let club = t
            .read(CLUB)
            .replace("  region: karaganda", "  region karaganda");
        t.write(
            CLUB,
            &format!("{above}{club}  # the region's code\n  locality: Y\n"),
        );
    });
    let p = b.error("yaml/syntax", CLUB, 24);
    assert_eq!(p.message, "this line has no `:` after its field name");
    assert!(hints(&p).contains("`name: value`"), "{p:#?}");
    assert!(
        b.stderr().contains("24 |   region karaganda\n"),
        "{}",
        b.stderr()
    );
}

#[test]
fn tab_indentation_is_explained() {
    let b = Broken::minimal(|t| {
        t.edit(CLUB, "  region: karaganda", "\tregion: karaganda");
    });
    let p = b.error("yaml/syntax", CLUB, 4);
    assert!(p.message.contains("tab"), "{p:#?}");
}

#[test]
fn duplicate_field_is_an_error_at_its_second_line() {
    let b = Broken::minimal(|t| {
        t.edit(CLUB, "school:", "name: Сенім\nschool:");
    });
    let p = b.error("club/duplicate-key", CLUB, 2);
    assert!(p.message.contains("`name`"), "{p:#?}");
}

// ------------------------------------------------------------ unknown fields

#[test]
fn unknown_field_suggests_the_right_name() {
    let b = Broken::minimal(|t| {
        t.write(
            CLUB,
            &(t.read(CLUB) + "leaderz:\n  - name: Ахметова Гүлнар\n"),
        );
    });
    let p = b.error("club/unknown-field", CLUB, 7);
    assert_eq!(p.label.as_deref(), Some("did you mean `leaders`?"));
    insta::assert_snapshot!(b.stderr());
}

#[test]
fn unknown_nested_field_suggests_the_right_name() {
    let b = Broken::minimal(|t| {
        t.edit(CLUB, "region:", "regoin:");
    });
    let p = b.error("club/unknown-field", CLUB, 4);
    assert_eq!(p.label.as_deref(), Some("did you mean `region`?"));
    assert!(p.message.contains("`school`"), "{p:#?}");
    insta::assert_snapshot!(b.stderr());
}

#[test]
fn unknown_field_in_site_yaml_is_rejected() {
    let b = Broken::minimal(|t| {
        t.edit("site.yaml", "base_url:", "base_ulr:");
    });
    let p = b.error("site/unknown-field", "site.yaml", 5);
    assert_eq!(p.label.as_deref(), Some("did you mean `base_url`?"));
}

#[test]
fn unknown_indicator_in_a_report_is_found_below_the_dashes() {
    let b = Broken::minimal(|t| {
        t.write(
            "clubs/senim/reports/2024-2025.md",
            "---\nyear: 2024-2025\nstatus: final\nindicators:\n  case: 5\n---\nЕсеп.\n",
        );
    });
    let p = b.error(
        "report/unknown-field",
        "clubs/senim/reports/2024-2025.md",
        5,
    );
    assert_eq!(p.label.as_deref(), Some("did you mean `cases`?"));
}

// ------------------------------------------------------------ missing fields

#[test]
fn missing_school_region_points_at_school() {
    let b = Broken::minimal(|t| {
        t.edit(CLUB, "  region: karaganda\n", "");
    });
    let p = b.error("club/missing-field", CLUB, 2);
    assert!(p.message.contains("`school.region`"), "{p:#?}");
    insta::assert_snapshot!(b.stderr());
}

#[test]
fn missing_club_name_names_the_field_and_the_file() {
    let b = Broken::minimal(|t| {
        t.edit(CLUB, "name: {kk: \"Сенім\", ru: \"Доверие\"}\n", "");
    });
    let p = b.error("club/missing-field", CLUB, 1);
    assert!(p.message.contains("`name`"), "{p:#?}");
}

#[test]
fn missing_site_title_is_an_error() {
    let b = Broken::minimal(|t| {
        t.edit(
            "site.yaml",
            "title: {kk: \"Мектеп медиациясы\", ru: \"Школьная медиация\"}\n",
            "",
        );
    });
    let p = b.error("site/missing-field", "site.yaml", 2);
    assert!(p.message.contains("`title`"), "{p:#?}");
}

#[test]
fn missing_report_status_names_the_report() {
    let b = Broken::minimal(|t| {
        t.write(
            "clubs/senim/reports/2024-2025.md",
            "---\nyear: 2024-2025\n---\nЕсеп.\n",
        );
    });
    let p = b.error(
        "report/missing-field",
        "clubs/senim/reports/2024-2025.md",
        2,
    );
    assert!(p.message.contains("`status`"), "{p:#?}");
}

#[test]
fn news_without_front_matter_says_so() {
    let b = Broken::minimal(|t| {
        t.write("news/2025-03-01-meeting.kk.md", "Жиналыс болады.\n");
    });
    let p = b.error("news/missing-field", "news/2025-03-01-meeting.kk.md", 1);
    assert!(p.message.contains("no front matter"), "{p:#?}");
}

#[test]
fn unclosed_front_matter_is_an_error() {
    let b = Broken::minimal(|t| {
        t.write("pages/about.md", "---\ntitle: Біз туралы\n\nМәтін.\n");
    });
    b.error("markdown/front-matter", "pages/about.md", 1);
}

// ------------------------------------------------------------ wrong values

#[test]
fn unknown_region_suggests_the_code() {
    let b = Broken::minimal(|t| {
        t.edit(CLUB, "region: karaganda", "region: qaraganda");
    });
    let p = b.error("club/unknown-region", CLUB, 4);
    assert!(hints(&p).contains("did you mean `karaganda`?"), "{p:#?}");
    insta::assert_snapshot!(b.stderr());
}

#[test]
fn region_written_as_its_name_suggests_the_code_under_the_whole_name() {
    for (name, quoted) in [
        ("Қарағанды облысы", "Қарағанды облысы"),
        ("Карагандинская область", "\"Карагандинская область\""),
    ] {
        let b = Broken::minimal(|t| {
            t.edit(
                CLUB,
                "region: karaganda",
                &format!("region: {quoted} # note"),
            );
        });
        let p = b.error("club/unknown-region", CLUB, 4);
        assert_eq!(p.message, format!("`{name}` is not a region code"));
        assert!(
            p.help
                .as_deref()
                .unwrap_or("")
                .starts_with("did you mean `karaganda`?"),
            "{p:#?}"
        );
        // The caret is under every character of the value as written.
        let carets = format!(
            "{}{} unknown region\n",
            " ".repeat(11),
            "^".repeat(quoted.chars().count())
        );
        let stderr = b.stderr();
        let line = stderr.lines().find(|l| l.contains('^')).unwrap_or("");
        assert_eq!(
            format!("{}\n", &line[line.find('|').unwrap() + 1..]),
            carets,
            "{stderr}"
        );
    }
}

#[test]
fn a_date_written_day_first_suggests_the_date_meant() {
    let b = Broken::minimal(|t| {
        t.write(
            "clubs/senim/plans/2024-2025.yaml",
            "year: 2024-2025\napproved: 05.09.2024\nitems: []\n",
        );
    });
    let p = b.error("field/invalid-date", "clubs/senim/plans/2024-2025.yaml", 2);
    assert_eq!(p.message, "`05.09.2024` is not a valid date");
    assert!(
        p.help
            .as_deref()
            .unwrap_or("")
            .starts_with("did you mean 2024-09-05?"),
        "{p:#?}"
    );
}

#[test]
fn a_number_written_with_a_word_says_to_write_only_the_number() {
    let b = Broken::minimal(|t| {
        t.write(CLUB, &(t.read(CLUB) + "members:\n  count: 150 адам\n"));
        t.write("clubs/senim/reports/2024-2025.kk.md", REPORT_KK);
        t.write(
            "clubs/senim/reports/2024-2025.ru.md",
            &REPORT_RU.replace("cases: 5", "cases: 5 случаев"),
        );
    });
    let p = b.error("club/wrong-type", CLUB, 8);
    assert_eq!(
        p.help.as_deref(),
        Some("write only the number: 150"),
        "{p:#?}"
    );
    assert!(p.message.contains("the text \"150 адам\""), "{p:#?}");
    let report = "clubs/senim/reports/2024-2025.ru.md";
    let p = b.error("report/wrong-type", report, 5);
    assert_eq!(
        p.help.as_deref(),
        Some("write only the number: 5"),
        "{p:#?}"
    );
}

#[test]
fn unknown_site_language_suggests_a_code() {
    let b = Broken::minimal(|t| {
        t.edit("site.yaml", "languages: [kk, ru]", "languages: [kz, ru]");
    });
    let p = b.error("site/unknown-language", "site.yaml", 3);
    assert!(hints(&p).contains("did you mean `kk`?"), "{p:#?}");
    assert!(p.message.contains("i18n/kz.ftl"), "{p:#?}");
    insta::assert_snapshot!(b.stderr());
}

#[test]
fn unknown_language_key_in_a_localized_value_suggests_kk() {
    let b = Broken::minimal(|t| {
        t.edit(CLUB, "name: {kk: \"Сенім\"", "name: {kz: \"Сенім\"");
    });
    let p = b.error("lang/unknown", CLUB, 1);
    assert!(hints(&p).contains("did you mean `kk`?"), "{p:#?}");
}

#[test]
fn wrong_kind_of_value_is_explained() {
    let b = Broken::minimal(|t| {
        t.write(CLUB, &(t.read(CLUB) + "members:\n  count: many\n"));
    });
    let p = b.error("club/wrong-type", CLUB, 8);
    assert_eq!(
        p.message,
        "wrong kind of value: expected a whole number of 0 or more (no fractions, no minus sign), found the text \"many\" in `members.count`"
    );
    assert_eq!(p.help, None, "{p:#?}");
}

#[test]
fn negative_figures_are_refused() {
    let b = Broken::minimal(|t| {
        t.write(
            "clubs/senim/reports/2024-2025.md",
            "---\nyear: 2024-2025\nstatus: final\nindicators:\n  cases: -3\n---\nЕсеп.\n",
        );
    });
    let p = b.error("report/wrong-type", "clubs/senim/reports/2024-2025.md", 5);
    assert!(p.message.contains("whole number"), "{p:#?}");
}

#[test]
fn leader_without_a_name_points_at_the_leader() {
    let b = Broken::minimal(|t| {
        t.write(
            CLUB,
            &(t.read(CLUB)
                + "leaders:\n  - name: Ахметова Гүлнар\n  - role: педагог-психолог\n    phone: \"+7 701 555 2314\"\n"),
        );
    });
    let p = b.error("club/missing-field", CLUB, 9);
    assert!(p.message.contains("`leaders[1].name`"), "{p:#?}");
}

#[test]
fn phone_email_and_instagram_are_checked_at_their_lines() {
    let b = Broken::minimal(|t| {
        t.write(
            CLUB,
            &(t.read(CLUB)
                + "contacts:\n  phones: [\"+7 701 555 2314\", \"12\"]\n  email: senim.example.test\n  instagram: \"@senim mediation\"\n"),
        );
    });
    let p = b.error("club/invalid-phone", CLUB, 8);
    assert!(p.message.contains("`12`"), "{p:#?}");
    b.error("club/invalid-email", CLUB, 9);
    b.error("club/invalid-instagram", CLUB, 10);
}

#[test]
fn a_byte_order_mark_does_not_shift_lines_or_columns() {
    let b = Broken::minimal(|t| {
        let text = t.read(CLUB).replace("karaganda", "qaraganda");
        t.write_bytes(
            CLUB,
            &[b"\xef\xbb\xbf".as_slice(), text.as_bytes()].concat(),
        );
    });
    b.error("club/unknown-region", CLUB, 4);
    assert!(b.stderr().contains("club.yaml:4:11"), "{}", b.stderr());
}

#[test]
fn misspelt_default_principles_suggest_default() {
    let b = Broken::minimal(|t| {
        t.write(CLUB, &(t.read(CLUB) + "principles: defualt\n"));
    });
    let p = b.error("club/invalid-principles", CLUB, 7);
    assert!(hints(&p).contains("did you mean `default`?"), "{p:#?}");
}

#[test]
fn impossible_grades_are_an_error() {
    let b = Broken::minimal(|t| {
        t.write(
            CLUB,
            &(t.read(CLUB) + "members:\n  grades: {from: 11, to: 8}\n"),
        );
    });
    b.error("club/invalid-grades", CLUB, 8);
}

#[test]
fn a_missing_leader_photo_is_an_error() {
    let b = Broken::minimal(|t| {
        t.write(
            CLUB,
            &(t.read(CLUB) + "leaders:\n  - name: Ахметова Гүлнар\n    photo: photos/leader.jpg\n"),
        );
    });
    b.error("club/missing-photo", CLUB, 9);
}

#[test]
fn misspelt_site_kind_suggests_the_right_one() {
    let b = Broken::minimal(|t| {
        t.edit("site.yaml", "kind: school", "kind: schol");
    });
    let p = b.error("site/invalid-value", "site.yaml", 2);
    assert_eq!(p.label.as_deref(), Some("did you mean `school`?"));
}

#[test]
fn a_site_without_languages_is_an_error() {
    let b = Broken::minimal(|t| {
        t.edit("site.yaml", "languages: [kk, ru]", "languages: []");
    });
    b.error("site/no-languages", "site.yaml", 3);
}

#[test]
fn a_file_too_large_to_be_content_is_an_error() {
    let b = Broken::minimal(|t| {
        let big = format!("---\ntitle: x\n---\n{}\n", "ә".repeat(3 * 1024 * 1024));
        t.write("pages/big.md", &big);
    });
    b.error_in_file("file/too-large", "pages/big.md");
}

#[cfg(unix)]
#[test]
fn a_link_out_of_the_site_folder_is_an_error() {
    let b = Broken::minimal(|t| {
        let outside = t.dir().join("secret.md");
        std::fs::write(&outside, "---\ntitle: x\n---\nсекрет\n").unwrap();
        std::fs::create_dir_all(t.site.join("pages")).unwrap();
        std::os::unix::fs::symlink(&outside, t.site.join("pages/secret.md")).unwrap();
    });
    b.error_in_file("file/link-outside", "pages/secret.md");
}

// ------------------------------------------------------------ URLs

#[test]
fn javascript_feedback_link_is_an_error_at_its_line() {
    let b = Broken::minimal(|t| {
        t.edit(
            CLUB,
            "question: https://forms.example.test/question",
            "question: javascript:alert(1)",
        );
    });
    b.error("url/scheme", CLUB, 6);
    insta::assert_snapshot!(b.stderr());
}

#[test]
fn data_url_is_an_error() {
    let b = Broken::minimal(|t| {
        t.edit(
            CLUB,
            "question: https://forms.example.test/question",
            "question: data:text/html,hello",
        );
    });
    b.error("url/scheme", CLUB, 6);
}

#[test]
fn publisher_url_outside_the_allow_list_is_an_error() {
    let b = Broken::minimal(|t| {
        t.write(
            "site.yaml",
            &(t.read("site.yaml")
                + "publisher:\n  name: Білім бөлімі\n  url: ftp://edu.example.test/\n"),
        );
    });
    b.error("url/scheme", "site.yaml", 8);
}

#[test]
fn incomplete_web_address_is_an_error() {
    let b = Broken::minimal(|t| {
        t.edit(
            CLUB,
            "question: https://forms.example.test/question",
            "question: forms.example.test/question",
        );
    });
    let p = b.error("url/invalid", CLUB, 6);
    assert!(hints(&p).contains("https://"), "{p:#?}");
}

#[test]
fn javascript_link_in_markdown_is_an_error() {
    let b = Broken::minimal(|t| {
        t.write(
            "pages/about.md",
            "---\ntitle: Біз туралы\n---\nМәтін.\n\n[басыңыз](javascript:alert(1))\n",
        );
    });
    b.error("markdown/unsafe-link", "pages/about.md", 6);
}

// ------------------------------------------------------------ reports and plans

#[test]
fn report_year_must_match_its_file_name() {
    let b = Broken::minimal(|t| {
        t.write(
            "clubs/senim/reports/2024-2025.kk.md",
            &REPORT_KK.replace("year: 2024-2025", "year: 2023-2024"),
        );
        t.write("clubs/senim/reports/2024-2025.ru.md", REPORT_RU);
    });
    b.error(
        "field/year-mismatch",
        "clubs/senim/reports/2024-2025.kk.md",
        2,
    );
    insta::assert_snapshot!(b.stderr());
}

#[test]
fn report_file_must_be_named_after_a_year() {
    let b = Broken::minimal(|t| {
        t.write("clubs/senim/reports/annual.md", REPORT_KK);
    });
    b.error_in_file("report/file-name", "clubs/senim/reports/annual.md");
}

#[test]
fn resolved_cases_cannot_exceed_cases() {
    let b = Broken::minimal(|t| {
        t.write(
            "clubs/senim/reports/2024-2025.md",
            &REPORT_KK.replace("cases_resolved: 4", "cases_resolved: 7"),
        );
    });
    let p = b.error(
        "report/resolved-over-cases",
        "clubs/senim/reports/2024-2025.md",
        6,
    );
    assert!(p.message.contains('7') && p.message.contains('5'), "{p:#?}");
}

#[test]
fn resolved_cases_cannot_exceed_cases_in_a_quarter() {
    let b = Broken::minimal(|t| {
        t.write(
            "clubs/senim/reports/2024-2025.md",
            &REPORT_KK.replace(
                "---\nЕсеп",
                "  quarters:\n    q1: {cases: 1, cases_resolved: 2}\n---\nЕсеп",
            ),
        );
    });
    b.error(
        "report/resolved-over-cases",
        "clubs/senim/reports/2024-2025.md",
        8,
    );
}

#[test]
fn report_pair_must_agree_on_its_figures() {
    let b = Broken::minimal(|t| {
        t.write("clubs/senim/reports/2024-2025.kk.md", REPORT_KK);
        t.write(
            "clubs/senim/reports/2024-2025.ru.md",
            &REPORT_RU.replace("cases: 5", "cases: 6"),
        );
    });
    let p = b.error(
        "report/pair-mismatch",
        "clubs/senim/reports/2024-2025.ru.md",
        5,
    );
    assert!(
        p.message.contains("2024-2025.kk.md") && p.message.contains("2024-2025.ru.md"),
        "{p:#?}"
    );
    insta::assert_snapshot!(b.stderr());
}

#[test]
fn every_difference_of_a_report_pair_is_reported_at_once_with_both_values() {
    let ru = "clubs/senim/reports/2024-2025.ru.md";
    let b = Broken::minimal(|t| {
        t.write("clubs/senim/reports/2024-2025.kk.md", REPORT_KK);
        let changed = REPORT_RU
            .replace("status: final", "status: ongoing")
            .replace("cases: 5", "cases: 7")
            .replace(
                "  cases_resolved: 4\n",
                "  cases_resolved: 3\n  trainings: 2\n",
            );
        t.write(ru, &changed);
    });
    assert_eq!(
        b.all_in(ru),
        at(&[
            ("report/pair-mismatch", 3),
            ("report/pair-mismatch", 5),
            ("report/pair-mismatch", 6),
            ("report/pair-mismatch", 7),
        ])
    );
    let mut messages: Vec<String> = b.t.problems().into_iter().map(|p| p.message).collect();
    messages.sort();
    assert_eq!(
        messages,
        [
            "`cases_resolved` is 3 in 2024-2025.ru.md but 4 in 2024-2025.kk.md",
            "`cases` is 7 in 2024-2025.ru.md but 5 in 2024-2025.kk.md",
            "`trainings` is 2 in 2024-2025.ru.md but missing in 2024-2025.kk.md",
            "the status is ongoing in 2024-2025.ru.md but final in 2024-2025.kk.md",
        ]
    );
    assert!(b.all_in("clubs/senim/reports/2024-2025.kk.md").is_empty());
}

#[test]
fn a_report_pair_is_compared_with_the_file_of_the_sites_first_language() {
    let kk = "clubs/senim/reports/2024-2025.kk.md";
    let b = Broken::minimal(|t| {
        t.edit("site.yaml", "languages: [kk, ru]", "languages: [ru, kk]");
        t.write(kk, &REPORT_KK.replace("cases: 5", "cases: 6"));
        t.write("clubs/senim/reports/2024-2025.ru.md", REPORT_RU);
    });
    let p = b.error("report/pair-mismatch", kk, 5);
    assert_eq!(
        p.message,
        "`cases` is 6 in 2024-2025.kk.md but 5 in 2024-2025.ru.md"
    );
    assert_eq!(p.label.as_deref(), Some("5 in 2024-2025.ru.md"));
}

#[test]
fn report_pair_must_agree_on_its_status() {
    let b = Broken::minimal(|t| {
        t.write("clubs/senim/reports/2024-2025.kk.md", REPORT_KK);
        t.write(
            "clubs/senim/reports/2024-2025.ru.md",
            &REPORT_RU.replace("status: final", "status: ongoing"),
        );
    });
    b.error(
        "report/pair-mismatch",
        "clubs/senim/reports/2024-2025.ru.md",
        3,
    );
}

#[test]
fn plan_year_must_match_its_file_name() {
    let b = Broken::minimal(|t| {
        t.write(
            "clubs/senim/plans/2025-2026.yaml",
            "year: 2024-2025\nitems:\n  - when: september\n    title: Жиналыс\n",
        );
    });
    b.error("field/year-mismatch", "clubs/senim/plans/2025-2026.yaml", 1);
}

#[test]
fn plan_month_typo_suggests_the_month() {
    let b = Broken::minimal(|t| {
        t.write(
            "clubs/senim/plans/2025-2026.yaml",
            "year: 2025-2026\nitems:\n  - when: septmber\n    title: Жиналыс\n",
        );
    });
    let p = b.error("plan/invalid-when", "clubs/senim/plans/2025-2026.yaml", 3);
    assert!(hints(&p).contains("`september`"), "{p:#?}");
}

// ------------------------------------------------------------ dates

#[test]
fn impossible_news_date_is_an_error() {
    let b = Broken::minimal(|t| {
        t.write(
            "news/2025-03-01-meeting.md",
            "---\ntitle: Жиналыс\ndate: 2025-02-30\n---\nМәтін.\n",
        );
    });
    b.error("field/invalid-date", "news/2025-03-01-meeting.md", 3);
}

#[test]
fn date_in_another_format_is_an_error() {
    let b = Broken::minimal(|t| {
        t.write(
            "clubs/senim/plans/2025-2026.yaml",
            "year: 2025-2026\napproved: 01.09.2025\nitems: []\n",
        );
    });
    let p = b.error("field/invalid-date", "clubs/senim/plans/2025-2026.yaml", 2);
    assert!(hints(&p).contains("YYYY-MM-DD"), "{p:#?}");
}

#[test]
fn invalid_document_date_is_an_error() {
    let b = Broken::minimal(|t| {
        t.write("documents/order.pdf", "%PDF-1.4\n");
        t.write(
            "documents/documents.yaml",
            "- file: order.pdf\n  title: Бұйрық\n  date: 2023-13-01\n",
        );
    });
    b.error("field/invalid-date", "documents/documents.yaml", 3);
}

// ------------------------------------------------------------ files

#[test]
fn invalid_utf8_is_reported_with_its_line() {
    let b = Broken::minimal(|t| {
        let mut bytes = t.read(CLUB).into_bytes();
        bytes.extend_from_slice(b"motto: \xcf\xf0\xe8\xe2\xe5\xf2\n");
        t.write_bytes(CLUB, &bytes);
    });
    let p = b.error("file/not-utf8", CLUB, 7);
    assert!(hints(&p).contains("UTF-8"), "{p:#?}");
    insta::assert_snapshot!(b.stderr());
}

#[test]
fn empty_club_file_is_an_error() {
    let b = Broken::minimal(|t| {
        t.write(CLUB, "\n  \n");
    });
    b.error_in_file("file/empty", CLUB);
}

#[test]
fn club_folder_without_club_yaml_is_an_error() {
    let b = Broken::minimal(|t| {
        t.remove(CLUB);
        t.write("clubs/senim/about.md", "Біз туралы.\n");
    });
    let problems = b.t.problems();
    assert!(
        problems
            .iter()
            .any(|p| p.code == "club/missing" && p.file == format!("site/{CLUB}")),
        "{problems:#?}"
    );
}

#[test]
fn two_clubs_on_a_school_site_is_an_error() {
    let b = Broken::minimal(|t| {
        t.write("clubs/umit/club.yaml", &t.read(CLUB));
    });
    let problems = b.t.problems();
    let p = problems
        .iter()
        .find(|p| p.code == "site/club-count")
        .unwrap();
    assert_eq!(p.file, "site/site.yaml");
    assert!(hints(p).contains("kind: directory"), "{p:#?}");
}

#[test]
fn two_clubs_with_the_same_slug_name_both_folders() {
    let b = Broken::minimal(|t| {
        t.edit("site.yaml", "kind: school", "kind: directory");
        t.write("clubs/Сенім/club.yaml", &t.read(CLUB));
    });
    let problems = b.t.problems();
    let p = problems
        .iter()
        .find(|p| p.code == "club/duplicate-slug")
        .unwrap_or_else(|| panic!("{problems:#?}"));
    assert!(
        p.message.contains("clubs/senim") && p.message.contains("clubs/Сенім"),
        "{p:#?}"
    );
}

#[test]
fn two_news_items_with_the_same_address_name_both_files() {
    let b = Broken::minimal(|t| {
        t.write(
            "news/2025-03-01-meeting.md",
            "---\ntitle: Жиналыс\ndate: 2025-03-01\n---\nМәтін.\n",
        );
        t.write(
            "news/2025-04-01-meeting.md",
            "---\ntitle: Жиналыс\ndate: 2025-04-01\n---\nМәтін.\n",
        );
    });
    let p = b.error_in_file("news/duplicate-slug", "news/2025-04-01-meeting.md");
    assert!(
        p.message.contains("2025-03-01-meeting.md") && p.message.contains("`meeting`"),
        "{p:#?}"
    );
    assert!(
        !b.stderr().contains("output/duplicate-path"),
        "{}",
        b.stderr()
    );
}

#[test]
fn two_pages_with_the_same_address_name_both_files() {
    let b = Broken::minimal(|t| {
        t.write(
            "pages/Біз туралы.md",
            "---\ntitle: Біз туралы\n---\nМәтін.\n",
        );
        t.write(
            "pages/biz-turaly.md",
            "---\ntitle: Біз туралы\n---\nМәтін.\n",
        );
    });
    let p = b.error_in_file("page/duplicate-slug", "pages/Біз туралы.md");
    assert!(p.message.contains("biz-turaly.md"), "{p:#?}");
}

// ------------------------------------------------------------ all together

#[test]
fn all_problems_of_a_build_are_reported_together() {
    let b = Broken::minimal(|t| {
        t.edit(CLUB, "region: karaganda", "region: qaraganda");
        t.edit("site.yaml", "base_url:", "base_ulr:");
        t.write(
            "news/2025-03-01-meeting.md",
            "---\ntitle: Жиналыс\ndate: 2025-02-30\n---\nМәтін.\n",
        );
    });
    b.error("club/unknown-region", CLUB, 4);
    b.error("site/unknown-field", "site.yaml", 5);
    b.error("field/invalid-date", "news/2025-03-01-meeting.md", 3);
    assert!(
        b.stderr().contains("Build failed: 3 errors"),
        "{}",
        b.stderr()
    );
}

#[test]
fn every_problem_of_a_club_is_reported_even_when_its_region_is_wrong() {
    let b = Broken::minimal(|t| {
        t.edit(CLUB, "region: karaganda", "region: qaraganda");
        t.edit(
            CLUB,
            "question: https://forms.example.test/question",
            "question: javascript:alert(1)",
        );
        t.write(
            "clubs/senim/reports/2024-2025.md",
            &REPORT_KK.replace("cases_resolved: 4", "cases_resolved: 7"),
        );
    });
    b.error("club/unknown-region", CLUB, 4);
    b.error("url/scheme", CLUB, 6);
    b.error(
        "report/resolved-over-cases",
        "clubs/senim/reports/2024-2025.md",
        6,
    );
    insta::assert_snapshot!(b.stderr());
}

#[test]
fn problems_of_reports_are_reported_when_club_yaml_does_not_parse() {
    let b = Broken::minimal(|t| {
        t.edit(CLUB, "region:", "regoin:");
        t.write(
            "clubs/senim/reports/2024-2025.md",
            &REPORT_KK.replace("cases_resolved: 4", "cases_resolved: 7"),
        );
    });
    b.error("club/unknown-field", CLUB, 4);
    b.error(
        "report/resolved-over-cases",
        "clubs/senim/reports/2024-2025.md",
        6,
    );
    assert!(
        !b.stderr().contains("internal"),
        "no internal errors: {}",
        b.stderr()
    );
    assert!(
        !b.stderr().contains("site/club-count"),
        "the club exists, it only has errors: {}",
        b.stderr()
    );
}

// ------------------------------------------------------------ every problem of one file

#[test]
fn every_typo_of_a_club_is_reported_with_its_wrong_region() {
    let b = Broken::minimal(|t| {
        t.edit(CLUB, "region: karaganda", "region: qaraganda");
        t.write(
            CLUB,
            &(t.read(CLUB) + "leaderz:\n  - name: Ахметова Гүлнар\nmoto: Бірге\n"),
        );
    });
    assert_eq!(
        b.all_in(CLUB),
        at(&[
            ("club/unknown-region", 4),
            ("club/unknown-field", 7),
            ("club/unknown-field", 9),
        ])
    );
    let motto =
        b.t.problems()
            .into_iter()
            .find(|p| p.line == Some(9))
            .unwrap();
    assert_eq!(motto.label.as_deref(), Some("did you mean `motto`?"));
    insta::assert_snapshot!(b.stderr());
}

#[test]
fn a_misspelt_required_field_does_not_hide_a_wrong_region() {
    // Without `name:` the club cannot be read at all; read as the field it
    // was meant to be, the rest of the file is checked in the same build.
    let b = Broken::minimal(|t| {
        t.edit(CLUB, "name: {kk: \"Сенім\"", "nmae: {kk: \"Сенім\"");
        t.edit(CLUB, "region: karaganda", "region: qaraganda");
    });
    assert_eq!(
        b.all_in(CLUB),
        at(&[("club/unknown-field", 1), ("club/unknown-region", 4)])
    );
}

#[test]
fn a_translation_that_fails_to_load_is_not_also_reported_missing() {
    // The kk report cannot be read (a wrong value); the ru one is fine. The
    // kk file is there, so "no `kk` version" would send the teacher the
    // wrong way.
    let b = Broken::minimal(|t| {
        t.write(
            "clubs/senim/reports/2024-2025.kk.md",
            &REPORT_KK.replace("  cases: 5", "  cases: many"),
        );
        t.write("clubs/senim/reports/2024-2025.ru.md", REPORT_RU);
    });
    assert_eq!(
        b.all_in("clubs/senim/reports/2024-2025.kk.md"),
        at(&[("report/wrong-type", 5)])
    );
    let codes: Vec<String> = b.t.problems().into_iter().map(|p| p.code).collect();
    assert!(!codes.iter().any(|c| c == "i18n/untranslated"), "{codes:?}");
}

#[test]
fn a_typo_in_report_front_matter_does_not_hide_its_figures() {
    let b = Broken::minimal(|t| {
        t.write(
            "clubs/senim/reports/2024-2025.md",
            &REPORT_KK.replace(
                "  cases_resolved: 4\n",
                "  cases_resolved: 7\n  trainigs: 2\n",
            ),
        );
    });
    // Lines count from the top of the file, the `---` included.
    assert_eq!(
        b.all_in("clubs/senim/reports/2024-2025.md"),
        at(&[
            ("report/resolved-over-cases", 6),
            ("report/unknown-field", 7),
        ])
    );
}

#[test]
fn a_wrong_number_in_report_front_matter_does_not_hide_the_typos_after_it() {
    let b = Broken::minimal(|t| {
        t.write(
            "clubs/senim/reports/2024-2025.md",
            &REPORT_KK.replace("cases: 5\n", "cases: -5\n  trainigs: 2\n"),
        );
    });
    assert_eq!(
        b.all_in("clubs/senim/reports/2024-2025.md"),
        at(&[("report/wrong-type", 5), ("report/unknown-field", 6)])
    );
}

#[test]
fn every_typo_of_site_yaml_is_reported() {
    let b = Broken::minimal(|t| {
        t.edit("site.yaml", "kind:", "knid:");
        t.edit("site.yaml", "base_url:", "base_ulr:");
    });
    assert_eq!(
        b.all_in("site.yaml"),
        at(&[("site/unknown-field", 2), ("site/unknown-field", 5)])
    );
    insta::assert_snapshot!(b.stderr());
}

#[test]
fn a_syntax_error_after_a_typo_ends_the_list() {
    let b = Broken::minimal(|t| {
        t.edit(CLUB, "region: karaganda", "regoin: \"karaganda");
        t.write(CLUB, &(t.read(CLUB) + "moto: Бірге\n"));
    });
    let found = b.all_in(CLUB);
    assert_eq!(found[0], ("club/unknown-field".to_string(), 4), "{found:?}");
    assert_eq!(found[1].0, "yaml/syntax", "{found:?}");
    assert_eq!(found.len(), 2, "the YAML cannot be read past it: {found:?}");
}

#[test]
fn template_errors_name_the_template_file_and_line() {
    let b = Broken::minimal(|t| {
        t.write(
            "templates/page.html",
            "{% extends \"base.html\" %}\n{% block main %}\n{{ content.title | loc \n{% endblock main %}\n",
        );
    });
    let problems = b.t.problems();
    let p = problems
        .iter()
        .find(|p| p.code == "template/error")
        .unwrap_or_else(|| panic!("{problems:#?}"));
    assert_eq!(p.file, "site/templates/page.html");
    assert!(p.line.is_some_and(|l| (3..=4).contains(&l)), "{p:#?}");
}

#[test]
fn message_file_syntax_errors_name_the_file_and_line() {
    let b = Broken::minimal(|t| {
        t.write("i18n/kk.ftl", "nav-home = Бастапқы\n\n-- broken\n");
    });
    b.error("i18n/syntax", "i18n/kk.ftl", 3);
}

// ------------------------------------------------------------ warnings

/// Builds the minimal site changed by `edit`: it must succeed (exit 0),
/// write the output and print the warning `code` for `file`.
#[track_caller]
fn warns(edit: impl FnOnce(&SiteTest), code: &str, file: &str) -> (SiteTest, Problem) {
    let t = SiteTest::fixture("school_minimal");
    edit(&t);
    let run = t.build().ok();
    assert!(
        run.stderr().contains(&format!("warning[{code}]")),
        "{}",
        run.stderr()
    );
    assert!(t.out_path("kk/index.html").is_file());
    let problems = t.problems();
    let p = problems
        .iter()
        .find(|p| p.code == code && p.severity == "warning")
        .unwrap_or_else(|| panic!("{problems:#?}"))
        .clone();
    assert_eq!(p.file, format!("site/{file}"));
    (t, p)
}

#[test]
fn http_link_is_a_warning_at_its_line() {
    let (_, p) = warns(
        |t| {
            t.edit(CLUB, "https://forms", "http://forms");
        },
        "url/insecure",
        CLUB,
    );
    assert_eq!(p.line, Some(6));
}

#[test]
fn untranslated_text_is_a_warning() {
    let (_, p) = warns(
        |t| {
            t.write(CLUB, &(t.read(CLUB) + "motto: {kk: \"Тыңда\"}\n"));
        },
        "i18n/untranslated",
        CLUB,
    );
    assert_eq!(p.line, Some(7));
    assert!(p.message.contains("ru"), "{p:#?}");
}

#[test]
fn sanitized_html_is_a_warning_naming_the_file() {
    let (_, p) = warns(
        |t| {
            t.write(
                "pages/about.md",
                "---\ntitle: Біз туралы\n---\nМәтін <script>alert(1)</script>.\n",
            );
        },
        "markdown/html-removed",
        "pages/about.md",
    );
    assert_eq!(p.line, Some(4));
}

#[test]
fn markdown_file_in_a_language_the_site_lacks_is_a_warning() {
    let (_, p) = warns(
        |t| {
            t.write("pages/about.kz.md", "---\ntitle: Біз туралы\n---\nМәтін.\n");
        },
        "lang/file-not-used",
        "pages/about.kz.md",
    );
    assert!(hints(&p).contains(".kk.md"), "{p:#?}");
}
