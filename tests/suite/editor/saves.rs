//! What a save writes: nothing on an error (shown beside its field), only
//! the changed values with every comment kept, figures as numbers in every
//! language, a directory checked with its included schools.

use super::*;

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
