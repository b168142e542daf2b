//! The indicators files opened in a spreadsheet (issue 18, point 9): no
//! cell runs as a formula (CSV injection), the club's name in every site
//! language, and a `;`-separated variant for Excel set to Kazakh or
//! Russian, read back with the `csv` crate.

use crate::harness::SiteTest;

/// The directory of the statistics tests, with a club whose names start
/// like formulas.
fn hostile_names() -> SiteTest {
    let t = SiteTest::fixture("directory_totals");
    t.edit(
        "clubs/a-club/club.yaml",
        "name: {kk: \"Әділет\", ru: \"Справедливость\"}",
        "name: {kk: \"=HYPERLINK(\\\"http://evil.test\\\";\\\"Әділет\\\")\", ru: \"+7 Справедливость\"}",
    );
    t.edit(
        "clubs/a-club/club.yaml",
        "name: {kk: \"№ 1 мектеп\", ru: \"Школа № 1\"}",
        "name: {kk: \"@SUM(1+1)\", ru: \"-1 Школа\"}",
    );
    t.edit(
        "clubs/a-club/club.yaml",
        "locality: {kk: \"Алматы\", ru: \"Алматы\"}",
        "locality: {kk: \"\\tАлматы\", ru: \"Алматы\"}",
    );
    t
}

/// The rows of an output CSV (after its byte-order mark), by column name.
fn read(t: &SiteTest, file: &str, delimiter: u8) -> (Vec<String>, Vec<csv::StringRecord>) {
    let bytes = std::fs::read(t.out_path(file)).unwrap();
    let body = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or_else(|| panic!("{file} has no UTF-8 byte-order mark"));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .from_reader(body);
    let header = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader.records().map(Result::unwrap).collect();
    (header, rows)
}

#[test]
fn cells_that_start_like_formulas_are_shown_as_text() {
    let t = hostile_names();
    t.build().ok();
    let (header, rows) = read(&t, "data/indicators.csv", b',');
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let a = rows
        .iter()
        .find(|r| &r[0] == "a-club" && &r[col("year")] == "2024-2025")
        .unwrap();
    let cell = |name: &str| a[col(name)].to_string();
    assert_eq!(cell("club"), "'=HYPERLINK(\"http://evil.test\";\"Әділет\")");
    assert_eq!(cell("club_kk"), cell("club"));
    assert_eq!(cell("club_ru"), "'+7 Справедливость");
    assert_eq!(cell("school"), "'@SUM(1+1)");
    assert_eq!(cell("locality"), "'\tАлматы");
    // The figures are counts: whole numbers as they are.
    assert_eq!(cell("cases"), "10");
    assert_eq!(cell("trainings"), "0");
    // No cell of any row starts like a formula.
    for row in &rows {
        for c in row {
            assert!(
                !c.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{c:?} in {row:?}"
            );
        }
    }
}

#[test]
fn the_club_is_named_in_every_site_language() {
    let t = SiteTest::fixture("directory_totals");
    t.edit(
        "site.yaml",
        "languages: [kk, ru]",
        "languages: [kk, ru, en]",
    );
    t.edit(
        "clubs/a-club/club.yaml",
        "ru: \"Справедливость\"}",
        "ru: \"Справедливость\", en: \"Justice\"}",
    );
    t.build().ok();
    let (header, rows) = read(&t, "data/indicators.csv", b',');
    assert_eq!(&header[1..5], ["club", "club_kk", "club_ru", "club_en"]);
    let names = |slug: &str| {
        let r = rows.iter().find(|r| &r[0] == slug).unwrap();
        [&r[2], &r[3], &r[4]].map(str::to_string)
    };
    assert_eq!(names("a-club"), ["Әділет", "Справедливость", "Justice"]);
    // A club without an English name: the name the English pages show.
    let b = names("b-club");
    assert_eq!(b[2], b[0], "{b:?}");
}

#[test]
fn the_excel_file_has_the_same_cells_separated_by_semicolons() {
    let t = hostile_names();
    t.build().ok();
    let comma = read(&t, "data/indicators.csv", b',');
    let excel = read(&t, "data/indicators-excel.csv", b';');
    assert_eq!(excel.0, comma.0);
    assert_eq!(excel.1, comma.1);
    assert!(excel.0.len() > 20, "read as one column: {:?}", excel.0);
    // Semicolons between cells, and Windows line ends.
    let text = t.out_text("data/indicators-excel.csv");
    let first = text
        .trim_start_matches('\u{FEFF}')
        .split("\r\n")
        .next()
        .unwrap();
    assert!(
        first.starts_with("slug;club;club_kk;club_ru;school;"),
        "{first}"
    );
    // The statistics pages link it, in the page's language.
    let page = t.page("ru/statistics/index.html");
    let links = page.texts(".exports li");
    let excel_link = links.iter().find(|l| l.contains("Excel")).unwrap();
    assert!(excel_link.contains("точкой с запятой"), "{links:?}");
    let kk = t.page("kk/statistics/2024-2025/index.html");
    assert!(
        kk.attrs(".exports a", "href")
            .contains(&"../../../data/indicators-excel.csv".to_string())
    );
}
