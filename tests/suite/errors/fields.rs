//! Unknown and missing fields: a misspelt name suggests the right one
//! (in club, site and report files), a missing required field names the
//! field and its file, front matter missing or unclosed.

use super::*;

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
