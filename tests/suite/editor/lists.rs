//! Lists and special fields: Remove, yes/no boxes, a leader's photo
//! upload, a plan's items as a table.

use super::*;

#[test]
fn a_remove_button_takes_out_exactly_its_item() {
    let e = start();
    let club = e.site.read(CLUB).replace(
        "  - name: Ковальчук",
        "  # the second leader, since 2023\n  - name: Ковальчук",
    );
    e.site.write(CLUB, &club);
    let html = e.get("/__bitimger/edit/?page=/kk/").body;
    let first = Html::parse_document(&html);
    let first = first
        .select(&Selector::parse("form.editor button").unwrap())
        .next();
    assert_eq!(
        first.map(|b| b.value().attr("name")),
        Some(None),
        "Enter in a field saves: the first button is a Save, never a Remove"
    );
    let mut form = fields(&html);
    form.insert("remove".into(), button(&html, "remove", "leaders/#0"));
    let a = e.post("/__bitimger/edit/save", &form);
    assert_eq!(a.status, 303, "{}", a.body);
    assert!(
        a.header("Location")
            .unwrap()
            .starts_with("/__bitimger/edit/")
    );
    let after = e.site.read(CLUB);
    assert!(!after.contains("Жақсыбекова"), "{after}");
    assert!(after.contains("leaders:\n  # the second leader, since 2023\n  - name: Ковальчук"));
    assert_eq!(
        club.lines().count() - 4,
        after.lines().count(),
        "only the item's four lines"
    );
    // An item written on one line, in a list written one item a line.
    let html = e.get("/__bitimger/edit/?page=/kk/").body;
    let mut form = fields(&html);
    form.insert("remove".into(), button(&html, "remove", "goals/#1"));
    assert_eq!(e.post("/__bitimger/edit/save", &form).status, 303);
    let goals = e.site.read(CLUB);
    assert!(!goals.contains("қауіпсіз білім беру ортасын"), "{goals}");
    assert!(goals.contains("Буллингтің және"));
}

#[test]
fn a_yes_no_field_is_a_box_written_back_as_true_or_false() {
    let e = start();
    const PLAN: &str = "clubs/senim/plans/2025-2026.yaml";
    let page = "/kk/clubs/senim/plans/2025-2026/";
    let html = e.get(&format!("/__bitimger/edit/?page={page}")).body;
    let doc = Html::parse_document(&html);
    let boxes = Selector::parse("input[type=checkbox][name='v0:items/#0/done']").unwrap();
    let first = doc.select(&boxes).next().expect("done is a box to tick");
    assert!(
        first.value().attr("checked").is_some(),
        "done: true is ticked"
    );
    let label = Selector::parse(&format!("label[for='{}']", first.value().id().unwrap())).unwrap();
    assert!(doc.select(&label).next().is_some(), "the box has its label");
    let third = Selector::parse("input[type=checkbox][name='v0:items/#2/done']").unwrap();
    let third = doc
        .select(&third)
        .next()
        .expect("offered where the file has none");
    assert!(third.value().attr("checked").is_none());
    // Every box ticked, then the first one unticked.
    let mut form = fields(&html);
    for (k, v) in form.iter_mut() {
        if k.ends_with("/done") {
            *v = "true".into();
        }
    }
    form.insert("v0:items/#0/done".into(), "false".into());
    let a = e.post("/__bitimger/edit/save", &form);
    assert_eq!(a.status, 303, "{}", a.body);
    let plan = e.site.read(PLAN);
    let items: Vec<&str> = plan.split("\n  - ").skip(1).collect();
    assert!(items[0].contains("\n    done: false"), "{}", items[0]);
    assert!(items[1].contains("\n    done: true"), "{}", items[1]);
    assert!(
        items[2].contains("done: true"),
        "added when ticked: {}",
        items[2]
    );
    assert!(
        !plan.contains("done: \"true\""),
        "a yes/no, not a text: {plan}"
    );
}

#[test]
fn a_leaders_photo_is_uploaded_beside_its_field_and_published_by_a_save() {
    let e = start();
    let html = e.get("/__bitimger/edit/?page=/kk/").body;
    let doc = Html::parse_document(&html);
    let field = Selector::parse("input[type=text][name='v0:leaders/#1/photo']").unwrap();
    let field = doc.select(&field).next().expect("offered though missing");
    let id = field.value().id().unwrap();
    let pick = Selector::parse(&format!("input[type=file][data-target='{id}']")).unwrap();
    let pick = doc
        .select(&pick)
        .next()
        .expect("an upload beside the field");
    assert_eq!(pick.value().attr("data-club"), Some("senim"));
    let upload_label =
        Selector::parse(&format!("label[for='{}']", pick.value().id().unwrap())).unwrap();
    assert!(doc.select(&upload_label).next().is_some(), "labelled");
    let help = field.value().attr("aria-describedby").unwrap();
    let help = Selector::parse(&format!("#{}", help.split(' ').next().unwrap())).unwrap();
    let help: String = doc.select(&help).next().unwrap().text().collect();
    assert!(help.contains("photos/"), "the path can be typed: {help}");
    // What the page's script sends, and the path it writes in the field.
    let send = |name: &str, bytes: &[u8]| {
        e.send(
            "POST",
            &format!("/__bitimger/edit/photo?club=senim&name={name}"),
            &[("Cookie", &e.cookie()), ("Origin", &e.origin())],
            bytes,
        )
    };
    let refused = send("leader.png", b"not a png");
    assert_eq!(refused.status, 422, "the build's photo checks");
    let a = send("Наталья.png", &crate::images::png_graphic());
    assert_eq!(a.status, 200, "{}", a.body);
    let path = serde_json::from_str::<serde_json::Value>(&a.body).unwrap()["path"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(path.starts_with("photos/") && path.is_ascii(), "{path}");
    assert!(e.site.site.join("clubs/senim").join(&path).is_file());
    let mut form = fields(&html);
    form.insert("v0:leaders/#1/photo".into(), path.clone());
    let a = e.post("/__bitimger/edit/save", &form);
    assert_eq!(a.status, 303, "{}", a.body);
    let club = e.site.read(CLUB);
    assert!(
        club.contains(&format!(
            "    email: n.kovalchuk@example.test\n    photo: {path}\n"
        )),
        "{club}"
    );
}

#[test]
fn a_plans_items_are_a_table_with_the_schemas_titles() {
    let e = start();
    let page = "/kk/clubs/senim/plans/2025-2026/";
    let html = e.get(&format!("/__bitimger/edit/?page={page}")).body;
    let doc = Html::parse_document(&html);
    let sel = |s: &str| Selector::parse(s).unwrap();
    let table = doc
        .select(&sel("form.editor table.items"))
        .next()
        .expect("a table");
    let headers: Vec<String> = (table.select(&sel("thead th[scope=col]")))
        .map(|h| h.text().collect::<String>())
        .collect();
    assert_eq!(
        headers.first().map(String::as_str),
        Some("When"),
        "{headers:?}"
    );
    assert!(
        headers.iter().any(|h| h == "Done"),
        "the tool's language: {headers:?}"
    );
    let plan = e.site.read("clubs/senim/plans/2025-2026.yaml");
    let rows: Vec<_> = table.select(&sel("tbody > tr")).collect();
    assert_eq!(rows.len(), plan.matches("\n  - when:").count());
    for (n, row) in rows.iter().enumerate() {
        let cells = row.select(&sel("td")).count();
        assert_eq!(cells, headers.len(), "a cell per column, row {n}");
        let when = format!("input[name='v0:items/#{n}/when']");
        assert!(row.select(&sel(&when)).next().is_some(), "row {n}");
        let remove = format!("button.remove[value='0:items/#{n}']");
        assert!(row.select(&sel(&remove)).next().is_some(), "row {n}");
    }
    // Every field still has its own label, for a screen reader and for
    // the narrow screen's blocks.
    for input in table.select(&sel("input[type=text], input[type=checkbox], textarea")) {
        let id = input.value().id().unwrap();
        let label = sel(&format!("label[for='{id}']"));
        assert!(doc.select(&label).next().is_some(), "{id}");
    }
    // A change made in the table is saved like any other.
    let mut form = fields(&html);
    form.insert("v0:items/#0/when".into(), "october".into());
    assert_eq!(e.post("/__bitimger/edit/save", &form).status, 303);
    let after = e.site.read("clubs/senim/plans/2025-2026.yaml");
    assert!(after.contains("  - when: october\n    title: {kk: \"Жас медиаторлар"));
}

#[test]
fn a_school_sites_news_puts_its_photos_in_the_sites_one_club() {
    // Site-wide news (news/) of a school site: photos go to its one club,
    // and the upload gives the line that shows the photo in a text.
    let e = start();
    let html = e
        .get("/__bitimger/edit/?page=/kk/news/2025-10-20-mediators-training/")
        .body;
    let doc = Html::parse_document(&html);
    let form = Selector::parse("form.photo").unwrap();
    let form = doc
        .select(&form)
        .next()
        .expect("a photo form under the news form");
    assert_eq!(form.value().attr("data-club"), Some("senim"));
    let a = e.send(
        "POST",
        "/__bitimger/edit/photo?club=senim&name=training.png",
        &[("Cookie", &e.cookie()), ("Origin", &e.origin())],
        &crate::images::png_graphic(),
    );
    assert_eq!(a.status, 200, "{}", a.body);
    let saved: serde_json::Value = serde_json::from_str(&a.body).unwrap();
    assert_eq!(saved["path"], "photos/training.png");
    assert_eq!(saved["text"], "![](clubs/senim/photos/training.png)");
    assert!(
        e.site
            .site
            .join("clubs/senim/photos/training.png")
            .is_file()
    );
}
