//! Wrong values: regions, dates, numbers, languages, kinds of value,
//! contacts, grades, photos, site kinds, file sizes and links out of the
//! site folder, each reported at its line with a suggestion where one fits.

use super::*;

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
