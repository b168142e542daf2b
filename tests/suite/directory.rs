//! Directory sites: the home page by region and locality, region pages,
//! statistics against hand-computed totals, the CSV and JSON exports, and
//! `include:` of other site folders.

use crate::harness::{Run, SiteTest, bitimger, repo};

/// Cells of the row `row` (selector) of a table, as texts.
fn cells(page: &crate::harness::Page, row: &str) -> Vec<String> {
    page.texts(&format!("{row} > td"))
}

// ------------------------------------------------------------ statistics

#[test]
fn statistics_totals_match_hand_computed_values() {
    let t = SiteTest::fixture("directory_totals");
    t.build().ok();
    let page = t.page("ru/statistics/2024-2025/index.html");
    assert_eq!(page.text("h1"), "Статистика за 2024–2025 учебный год");
    assert_eq!(page.text(".stat-reported strong"), "3 из 5");
    // Value and "clubs with data", per indicator.
    let row = |key: &str| cells(&page, &format!(".stat-totals tr[data-key='{key}']"));
    assert_eq!(row("mediators_trained"), ["12", "2 из 5"]);
    assert_eq!(row("mediators_active"), ["— Нет данных", "0 из 5"]);
    assert_eq!(row("cases"), ["18", "3 из 5"]);
    assert_eq!(row("cases_resolved"), ["9", "2 из 5"]);
    // A reported 0 stays 0; it is not "no data".
    assert_eq!(row("trainings"), ["0", "1 из 5"]);
    assert_eq!(row("participants"), ["40", "1 из 5"]);
    // 9 resolved of 13 cases, from the two clubs that gave both figures
    // (the club with 5 cases and no resolved figure is left out).
    assert_eq!(row("resolution_rate"), ["69 %", "2 из 5"]);
    // The one ongoing report is said so.
    assert_eq!(page.text(".stat-ongoing"), "Предварительных отчётов: 1");
}

#[test]
fn statistics_per_region_and_per_quarter() {
    let t = SiteTest::fixture("directory_totals");
    t.build().ok();
    let page = t.page("kk/statistics/2024-2025/index.html");
    let heads = page.texts(".stat-regions thead th");
    let col = |label: &str| heads.iter().position(|h| h == label).unwrap() - 1;
    let (cases, resolved, rate) = (
        col("Өтініштер (жағдайлар) саны"),
        col("Келісіммен аяқталған өтініштер"),
        heads.len() - 2,
    );
    let region = |code: &str| cells(&page, &format!(".stat-regions tr[data-region='{code}']"));
    let almaty = region("almaty");
    assert_eq!(almaty[0], "2 / 2");
    // Each figure with the clubs it covers: both clubs gave cases, only
    // one the resolved cases (and so the rate).
    assert_eq!(
        (&*almaty[cases], &*almaty[resolved]),
        ("15 (2 клубтан)", "8 (1 клубтан)")
    );
    assert_eq!(almaty[rate], "80 % (1 клубтан)");
    let almaty_region = region("almaty-region");
    assert_eq!(almaty_region[0], "1 / 2");
    assert_eq!(
        (&*almaty_region[cases], &*almaty_region[rate]),
        ("3 (1 клубтан)", "33 % (1 клубтан)")
    );
    let turkistan = region("turkistan");
    assert_eq!(turkistan[0], "0 / 1");
    assert!(
        turkistan[1..].iter().all(|c| c == "— Дерек жоқ"),
        "{turkistan:?}"
    );
    assert_eq!(region("total")[cases], "18 (3 клубтан)");
    // Region names are the full built-in names, never a bare «Алматы».
    let names = page.texts(".stat-regions tbody th");
    // Kazakh order: қ comes before о.
    assert_eq!(
        names,
        ["Алматы қаласы", "Алматы облысы", "Түркістан облысы"]
    );
    // Quarters: the clubs that gave each quarter, summed.
    let q1 = cells(&page, ".stat-quarters tr[data-quarter='q1']");
    let q2 = cells(&page, ".stat-quarters tr[data-quarter='q2']");
    assert_eq!(q1, ["2", "9 (2 клубтан)", "6 (2 клубтан)"]);
    assert_eq!(q2, ["1", "4 (1 клубтан)", "3 (1 клубтан)"]);
    assert_eq!(page.count(".stat-quarters tbody tr"), 2);
}

/// A 2024–2025 report of `figures` (YAML lines under `indicators:`).
fn report_2024(figures: &str) -> String {
    format!("---\nyear: 2024-2025\nstatus: final\nindicators:\n{figures}---\n")
}

#[test]
fn statistics_say_how_many_clubs_each_figure_covers() {
    // Almaty region: 17 trained by two clubs, 20 active from three others
    // (c-club gave the trained only): the row's figures cover different
    // clubs, and the table says how many each.
    let t = SiteTest::fixture("directory_totals");
    t.write(
        "clubs/d-club/reports/2024-2025.md",
        &report_2024("  mediators_trained: 10\n  mediators_active: 12\n"),
    );
    for (slug, active) in [("f-club", 5), ("g-club", 3)] {
        let club = t.read("clubs/d-club/club.yaml").replace("№ 4", "№ 9");
        t.write(&format!("clubs/{slug}/club.yaml"), &club);
        t.write(
            &format!("clubs/{slug}/reports/2024-2025.md"),
            &report_2024(&format!("  mediators_active: {active}\n")),
        );
    }
    t.build().ok();
    let page = t.page("ru/statistics/2024-2025/index.html");
    let heads = page.texts(".stat-regions thead th");
    let col = |label: &str| heads.iter().position(|h| h == label).unwrap() - 1;
    let row = cells(&page, ".stat-regions tr[data-region='almaty-region']");
    assert_eq!(row[0], "4 из 4");
    assert_eq!(row[col("Подготовлено юных медиаторов")], "17 (2 клуба)");
    assert_eq!(row[col("Действующих юных медиаторов")], "20 (3 клуба)");
    assert_eq!(row[col("Количество обращений")], "3 (1 клуб)");
    let rate = heads.len() - 2;
    assert_eq!(row[rate], "33 % (1 клуб)");
    // The value and its coverage are apart, for a reader and a test.
    let region = ".stat-regions tr[data-region='almaty-region']";
    assert_eq!(
        page.texts(&format!("{region} .stat-value"))[..2],
        ["17", "20"]
    );
    let total = cells(&page, ".stat-regions tr[data-region='total']");
    assert_eq!(total[col("Действующих юных медиаторов")], "20 (3 клуба)");
    assert_eq!(total[col("Количество обращений")], "18 (3 клуба)");
    // The note under the table says what the brackets mean, in each language.
    let note = page.texts(".stat-coverage-note");
    assert!(
        note[0].contains("в скобках — сколько таких клубов"),
        "{note:?}"
    );
    let kk = t.page("kk/statistics/2024-2025/index.html");
    let kk_row = cells(&kk, ".stat-regions tr[data-region='almaty-region']");
    assert!(kk_row.contains(&"20 (3 клубтан)".to_string()), "{kk_row:?}");
    assert!(kk.text(".stat-coverage-note").contains("жақшада"));
}

#[test]
fn statistics_charts_are_svg_with_title_description_and_table() {
    let t = SiteTest::fixture("directory_totals");
    t.build().ok();
    let page = t.page("ru/statistics/2024-2025/index.html");
    assert!(page.count("figure.chart-figure") >= 4);
    assert_eq!(
        page.attrs("script", "src"),
        ["../../../assets/vision.js"],
        "statistics need no JavaScript but the low-vision switch"
    );
    let fig = "#chart-cases";
    assert_eq!(page.attrs(&format!("{fig} svg"), "role"), ["img"]);
    assert_eq!(
        page.text(&format!("{fig} svg title")),
        "Количество обращений: по регионам"
    );
    assert!(!page.text(&format!("{fig} svg desc")).is_empty());
    let rows = page.texts(&format!("{fig} table.chart-table tbody tr"));
    assert_eq!(
        rows,
        [
            "Алматинская обл. 3",
            "г. Алматы 15",
            "Туркестанская обл. Нет данных"
        ]
    );
    // Two bars: no bar for "no data".
    assert_eq!(page.count(&format!("{fig} svg rect")), 2);
}

#[test]
fn statistics_index_lists_every_year() {
    let t = SiteTest::fixture("directory_totals");
    t.build().ok();
    let page = t.page("ru/statistics/index.html");
    let years = page.texts(".stat-years tbody tr");
    assert_eq!(
        years,
        [
            "2024–2025 учебный год (предварительный) 3 из 5 18 69 %",
            "2023–2024 учебный год 2 из 5 9 100 %"
        ]
    );
    let y = t.page("ru/statistics/2023-2024/index.html");
    assert_eq!(y.text(".stat-reported strong"), "2 из 5");
    assert_eq!(
        page.attrs(".exports a", "href"),
        [
            "../../data/indicators.csv",
            "../../data/indicators-excel.csv",
            "../../data/clubs.json"
        ]
    );
}

// ---------------------------------------------------------------- exports

#[test]
fn indicators_csv_has_a_bom_and_a_row_per_club_year_and_period() {
    let t = SiteTest::fixture("directory_totals");
    t.build().ok();
    let bytes = std::fs::read(t.out_path("data/indicators.csv")).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 byte-order mark");
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        &header[..12],
        [
            "slug",
            "club",
            "club_kk",
            "club_ru",
            "school",
            "region_code",
            "region_name",
            "locality",
            "year",
            "period",
            "mediators_trained",
            "mediators_active"
        ]
    );
    assert_eq!(header.len(), 10 + 12);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let keys: Vec<String> = rows
        .iter()
        .map(|r| format!("{} {} {}", &r[0], &r[8], &r[9]))
        .collect();
    assert_eq!(
        keys,
        [
            "a-club 2023-2024 year",
            "a-club 2024-2025 year",
            "a-club 2024-2025 q1",
            "a-club 2024-2025 q2",
            "b-club 2024-2025 year",
            "c-club 2024-2025 year",
            "c-club 2024-2025 q1",
            "e-club 2023-2024 year"
        ]
    );
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let a = &rows[1];
    let named = |c: &str| &a[col(c)];
    assert_eq!(
        [
            "club",
            "club_kk",
            "club_ru",
            "school",
            "region_code",
            "region_name",
            "locality"
        ]
        .map(named),
        [
            "Әділет",
            "Әділет",
            "Справедливость",
            "№ 1 мектеп",
            "almaty",
            "Алматы қаласы",
            "Алматы"
        ]
    );
    assert_eq!(&a[col("cases")], "10");
    assert_eq!(&a[col("trainings")], "0", "0 stays 0");
    assert_eq!(&a[col("mediators_active")], "", "no data stays empty");
    assert_eq!(&rows[3][col("cases_resolved")], "3");
    assert_eq!(&rows[5][col("region_name")], "Алматы облысы");
}

#[test]
fn clubs_json_lists_every_club_with_contacts_and_figures() {
    let t = SiteTest::fixture("directory_totals");
    t.build().ok();
    let json: serde_json::Value = serde_json::from_str(&t.out_text("data/clubs.json")).unwrap();
    assert_eq!(json["version"], 1);
    assert_eq!(json["languages"], serde_json::json!(["kk", "ru"]));
    let clubs = json["clubs"].as_array().unwrap();
    assert_eq!(clubs.len(), 5);
    let a = &clubs[0];
    assert_eq!(a["slug"], "a-club");
    assert_eq!(a["name"]["ru"], "Справедливость");
    assert_eq!(a["school"]["region"]["code"], "almaty");
    assert_eq!(a["school"]["region"]["iso"], "KZ-75");
    assert_eq!(a["school"]["region"]["name"]["ru"], "Город Алматы");
    assert_eq!(
        a["feedback"]["application"],
        "https://forms.example.test/a/apply"
    );
    assert_eq!(a["pages"]["kk"], "kk/clubs/a-club/");
    let reports = a["reports"].as_array().unwrap();
    assert_eq!(reports[0]["year"], "2024-2025");
    assert_eq!(reports[0]["indicators"]["cases"], 10);
    assert_eq!(reports[0]["indicators"]["trainings"], 0);
    assert!(reports[0]["indicators"].get("mediators_active").is_none());
    assert_eq!(reports[0]["quarters"]["q2"]["cases_resolved"], 3);
}

// ------------------------------------------------------- home and regions

#[test]
fn region_pages_list_exactly_their_clubs() {
    let t = SiteTest::fixture("directory_totals");
    t.build().ok();
    let slugs = |path: &str| t.page(path).attrs(".club-card", "data-slug");
    assert_eq!(slugs("kk/regions/almaty/index.html"), ["a-club", "b-club"]);
    assert_eq!(
        slugs("kk/regions/almaty-region/index.html"),
        ["c-club", "d-club"]
    );
    assert_eq!(slugs("ru/regions/turkistan/index.html"), ["e-club"]);
    assert!(!t.out_path("kk/regions/karaganda/index.html").exists());
    let region = t.page("ru/regions/almaty-region/index.html");
    assert_eq!(region.text("h1"), "Алматинская область");
    // The club without a locality comes last, under its own heading.
    assert_eq!(
        region.texts(".dir-locality-name"),
        ["Конаев", "Населённый пункт не указан"]
    );
    let city = t.page("kk/regions/almaty/index.html");
    assert_eq!(city.text("h1"), "Алматы қаласы");
}

#[test]
fn region_index_counts_clubs_per_region() {
    let t = SiteTest::fixture("directory_totals");
    t.build().ok();
    let page = t.page("ru/regions/index.html");
    assert_eq!(
        page.texts(".region-links li"),
        [
            "Алматинская область (2 клуба)",
            "Город Алматы (2 клуба)",
            "Туркестанская область (1 клуб)"
        ]
    );
    assert_eq!(
        page.attrs(".region-links a", "href"),
        [
            "../../ru/regions/almaty-region/index.html",
            "../../ru/regions/almaty/index.html",
            "../../ru/regions/turkistan/index.html"
        ]
    );
}

#[test]
fn home_cards_show_school_place_figures_and_application_link() {
    let t = SiteTest::fixture("directory_totals");
    t.build().ok();
    let page = t.page("ru/index.html");
    let card = ".club-card[data-slug='a-club']";
    assert_eq!(
        page.text(&format!("{card} .club-card-name")),
        "Справедливость"
    );
    assert_eq!(page.text(&format!("{card} .club-card-school")), "Школа № 1");
    assert_eq!(page.text(&format!("{card} .club-card-locality")), "Алматы");
    // The city is named once: not «Алматы, Город Алматы».
    assert_eq!(page.text(&format!("{card} .club-card-place")), "Алматы");
    assert_eq!(page.count(&format!("{card} .club-card-region")), 0);
    assert_eq!(
        page.attrs(&format!("{card} .club-card-apply a"), "href"),
        ["https://forms.example.test/a/apply"]
    );
    assert!(
        page.text(&format!("{card} .club-card-figures"))
            .contains("80 %")
    );
    // The search form is hidden until the script shows it; the region
    // links work without JavaScript.
    assert_eq!(page.attrs("form[role='search']", "hidden"), [""]);
    assert_eq!(page.count(".dir-regions .region-links a"), 3);
    assert_eq!(
        page.attrs("script", "src"),
        ["../assets/vision.js", "../assets/search.js"]
    );
    assert_eq!(
        page.attrs("form[role='search']", "data-index"),
        ["../data/search.json"]
    );
    let nav = page.texts(".site-nav a");
    assert_eq!(nav, ["Каталог клубов", "Регионы", "Статистика"]);
}

#[test]
fn home_groups_by_region_and_locality_in_each_languages_order() {
    let t = SiteTest::fixture("directory_sorting");
    t.build().ok();
    let kk = t.page("kk/index.html");
    assert_eq!(
        kk.texts(".dir-region > h2 a"),
        ["Алматы облысы", "Түркістан облысы", "Шымкент қаласы"]
    );
    let turkistan = ".dir-region[data-region='turkistan']";
    assert_eq!(
        kk.texts(&format!("{turkistan} .dir-locality-name")),
        ["Арыс", "Қазығұрт", "Өрнек", "Ұлан", "Шардара"]
    );
    let section = format!("{turkistan} .dir-locality:nth-of-type(2)");
    assert_eq!(
        kk.texts(&format!("{section} .club-card-name")),
        ["Әділет", "Бірлік", "Ынтымақ", "Іңкәр"]
    );
    let ru = t.page("ru/index.html");
    assert_eq!(
        ru.texts(".dir-region > h2 a"),
        [
            "Алматинская область",
            "Туркестанская область",
            "Город Шымкент"
        ]
    );
    assert_eq!(
        ru.texts(&format!("{turkistan} .dir-locality-name")),
        ["Арыс", "Казыгурт", "Орнек", "Улан", "Шардара"]
    );
    assert_eq!(
        ru.texts(&format!("{section} .club-card-name")),
        ["Единство", "Инкар", "Справедливость", "Ынтымак"]
    );
}

// ---------------------------------------------------------------- include

fn build_folder(t: &SiteTest, folder: &str) -> Run {
    let output = bitimger()
        .arg("build")
        .arg(t.site.join(folder))
        .arg("--output")
        .arg(&t.out)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    Run { output }
}

#[test]
fn include_joins_the_clubs_of_other_site_folders() {
    let t = SiteTest::fixture("directory_include");
    build_folder(&t, "region").ok();
    let page = t.page("kk/index.html");
    let mut slugs = page.attrs(".club-card", "data-slug");
    slugs.sort();
    assert_eq!(slugs, ["alpha", "beta", "home-club"]);
    assert!(t.out_path("ru/clubs/alpha/index.html").is_file());
    assert!(t.out_path("kk/regions/abai/index.html").is_file());
}

#[test]
fn a_slug_in_two_folders_is_an_error_naming_both() {
    let t = SiteTest::fixture("directory_include");
    t.write(
        "region/clubs/alpha/club.yaml",
        "name: Альфа\nschool:\n  name: № 12 мектеп\n  region: karaganda\n",
    );
    let run = build_folder(&t, "region").fails_with(1);
    let err = run.stderr();
    assert!(err.contains("club/duplicate-slug"), "{err}");
    for folder in ["region/clubs/alpha", "school-a/clubs/alpha"] {
        assert!(err.contains(folder), "{folder} not named in:\n{err}");
    }
    assert!(!t.out.exists(), "nothing is published");
}

#[test]
fn a_missing_included_folder_fails_the_build_with_its_path() {
    let t = SiteTest::fixture("directory_include");
    t.edit("region/site.yaml", "../school-b", "../school-c");
    let err = build_folder(&t, "region").fails_with(1).stderr();
    assert!(err.contains("site/include-missing"), "{err}");
    assert!(err.contains("../school-c"), "{err}");
    assert!(
        err.contains("site.yaml:4"),
        "points at the include line: {err}"
    );
    assert!(!t.out.exists());
}

#[test]
fn a_broken_included_folder_fails_the_whole_build_and_keeps_the_old_site() {
    let t = SiteTest::fixture("directory_include");
    build_folder(&t, "region").ok();
    let before = t.snapshot();
    t.write(
        "school-b/clubs/beta/club.yaml",
        "name: Бета\nschool: [broken\n",
    );
    let err = build_folder(&t, "region").fails_with(1).stderr();
    assert!(err.contains("school-b/clubs/beta/club.yaml"), "{err}");
    assert_eq!(t.snapshot(), before, "the previous site stays as it was");
    t.write(
        "school-b/clubs/beta/club.yaml",
        "name: Бета\nschool:\n  name: x\n  region: abai\n",
    );
    t.write(
        "school-a/site.yaml",
        "kind: school\nlanguages: [kk, xx]\ntitle: A\n",
    );
    let err = build_folder(&t, "region").fails_with(1).stderr();
    assert!(err.contains("school-a/site.yaml"), "{err}");
    assert_eq!(t.snapshot(), before);
}

// ---------------------------------------------------------------- example

#[test]
fn example_directory_builds_without_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let output = bitimger()
        .arg("build")
        .arg(repo().join("examples/region"))
        .arg("--output")
        .arg(&out)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let run = Run { output }.ok();
    assert!(!run.stderr().contains("warning"), "{}", run.stderr());
    let read = |p: &str| std::fs::read_to_string(out.join(p)).unwrap();
    let home = scraper::Html::parse_document(&read("kk/index.html"));
    let cards = scraper::Selector::parse(".club-card").unwrap();
    assert!(home.select(&cards).count() >= 6);
    let regions = scraper::Selector::parse(".dir-region").unwrap();
    assert!(home.select(&regions).count() >= 4);
    for p in [
        "ru/statistics/2023-2024/index.html",
        "ru/statistics/2024-2025/index.html",
        "kk/regions/almaty-region/index.html",
        "kk/clubs/yntymaq/index.html",
        "data/indicators.csv",
        "data/indicators-excel.csv",
        "data/clubs.json",
        "data/search.json",
    ] {
        assert!(out.join(p).is_file(), "{p}");
    }
    let xml = read("sitemap.xml");
    let sitemap = roxmltree::Document::parse(&xml).expect("sitemap.xml is XML");
    let locs: Vec<String> = sitemap
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text().map(str::to_string))
        .collect();
    for url in [
        "ru/regions/almaty-region/",
        "kk/statistics/2023-2024/",
        "kk/regions/",
    ] {
        let url = format!("https://mediation-directory.example.test/{url}");
        assert!(locs.contains(&url), "{url} not in the sitemap");
    }
}
