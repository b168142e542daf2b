//! `bitimger schema DIR` writes every schema or nothing, in the language
//! of the run; `init` and `new club` write the site's `.schemas/`, begin
//! their YAML files with the line that names a schema, and the site still
//! builds without publishing `.schemas/`.

use std::path::Path;

use bitimger::schema::SchemaFile;
use serde_json::Value;

use super::{Validator, schema_of};
use crate::harness::{Run, SiteTest, bitimger};

/// `bitimger [--lang LANG] schema DIR` run in the test's folder.
fn export(t: &SiteTest, lang: Option<&str>, dir: &str) -> Run {
    let mut command = t.command();
    if let Some(lang) = lang {
        command.args(["--lang", lang]);
    }
    Run {
        output: command.args(["schema", dir]).output().unwrap(),
    }
}

/// The schemas in `dir`, read back.
fn read_back(dir: &Path) -> Vec<(SchemaFile, Value)> {
    SchemaFile::ALL
        .into_iter()
        .map(|f| {
            let text = std::fs::read_to_string(dir.join(f.file_name())).unwrap();
            (f, serde_json::from_str(&text).unwrap())
        })
        .collect()
}

#[test]
fn every_schema_is_written_and_is_a_draft_07_schema_in_the_language_asked_for() {
    let t = SiteTest::files(&[]);
    let run = export(&t, Some("kk"), "schemas").ok();
    let dir = t.dir().join("schemas");
    assert_eq!(
        std::fs::read_dir(&dir).unwrap().count(),
        SchemaFile::ALL.len()
    );
    assert!(
        run.stderr().contains("schemas/club.schema.json"),
        "{}",
        run.stderr()
    );
    let schemas = read_back(&dir);
    // Compiling checks each against the draft-07 meta-schema.
    let validator = Validator::from_values(&schemas);
    let club = &schemas[1].1;
    assert_eq!(club["properties"]["name"]["title"], "Клубтың атауы");
    assert_eq!(club["properties"]["name"]["x-bitimger-kind"], "localized");
    let example = std::fs::read_to_string(crate::harness::repo().join("content/site.yaml"));
    assert_eq!(
        validator.validate_text(SchemaFile::Site, &example.unwrap()),
        Ok(())
    );
    export(&t, Some("ru"), "ru").ok();
    let ru = read_back(&t.dir().join("ru"));
    assert_eq!(ru[1].1["properties"]["name"]["title"], "Название клуба");
}

#[test]
fn a_second_export_writes_nothing_and_names_every_schema_there() {
    let t = SiteTest::files(&[]);
    export(&t, None, "schemas").ok();
    let club = t.dir().join("schemas/club.schema.json");
    std::fs::write(&club, "{}").unwrap();
    let news = t.dir().join("schemas/news.schema.json");
    std::fs::remove_file(&news).unwrap();
    let run = export(&t, None, "schemas").fails_with(2);
    let said = run.stderr();
    assert!(said.contains("nothing was written"), "{said}");
    for f in SchemaFile::ALL {
        let named = format!("schemas/{}", f.file_name());
        let listed = said.lines().any(|l| l.trim() == named);
        assert_eq!(listed, f != SchemaFile::News, "{named}: {said}");
    }
    assert_eq!(std::fs::read_to_string(&club).unwrap(), "{}");
    assert!(!news.exists());
}

#[test]
fn an_export_into_a_file_is_refused_in_every_language_and_a_failed_write_exits_3() {
    let t = SiteTest::files(&[]);
    std::fs::write(t.dir().join("notes.txt"), "notes").unwrap();
    for (lang, words) in [
        ("en", "notes.txt is a file, not a folder"),
        ("kk", "қалта емес, файл"),
        ("ru", "файл, а не папка"),
    ] {
        let run = export(&t, Some(lang), "notes.txt").fails_with(2);
        assert!(run.stderr().contains(words), "{lang}: {}", run.stderr());
    }
    assert_eq!(
        std::fs::read_to_string(t.dir().join("notes.txt")).unwrap(),
        "notes"
    );
    // A folder that cannot be made (a file is on its way): exit 3.
    let run = export(&t, None, "notes.txt/schemas").fails_with(3);
    assert!(
        run.stderr().contains("could not be written"),
        "{}",
        run.stderr()
    );
}

#[cfg(unix)]
#[test]
fn an_export_through_a_link_writes_nothing_anywhere() {
    let t = SiteTest::files(&[]);
    let elsewhere = t.dir().join("elsewhere");
    std::fs::create_dir_all(&elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, t.dir().join("schemas")).unwrap();
    let run = export(&t, None, "schemas").fails_with(2);
    assert!(
        run.stderr().contains("schemas is a link to another folder"),
        "{}",
        run.stderr()
    );
    assert_eq!(std::fs::read_dir(&elsewhere).unwrap().count(), 0);
    // A link in place of one schema counts as a file there: nothing is
    // written, through it or beside it.
    std::fs::create_dir_all(t.dir().join("real")).unwrap();
    let target = elsewhere.join("mine.json");
    std::os::unix::fs::symlink(&target, t.dir().join("real/club.schema.json")).unwrap();
    let run = export(&t, None, "real").fails_with(2);
    assert!(
        run.stderr()
            .lines()
            .any(|l| l.trim() == "real/club.schema.json"),
        "{}",
        run.stderr()
    );
    assert!(!target.exists());
    assert_eq!(std::fs::read_dir(t.dir().join("real")).unwrap().count(), 1);
}

#[test]
fn schema_help_speaks_the_language_of_the_run() {
    for (lang, words) in [
        ("en", "The folder to write the schemas into"),
        ("kk", "Схемаларды жазатын қалта"),
        ("ru", "Папка, в которую записать схемы"),
    ] {
        let out = bitimger()
            .args(["--lang", lang, "schema", "--help"])
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&out.stdout);
        assert!(said.contains(words), "{lang}: {said}");
    }
}

/// `bitimger init SITE`.
fn init(t: &SiteTest) {
    let output = bitimger().arg("init").arg(&t.site).output().unwrap();
    Run { output }.ok();
}

#[test]
fn init_writes_the_schemas_and_names_them_on_the_first_line_of_each_yaml_file() {
    let t = SiteTest::files(&[]);
    init(&t);
    let schemas = read_back(&t.site.join(".schemas"));
    let validator = Validator::from_values(&schemas);
    let mut yaml = 0;
    for entry in walkdir::WalkDir::new(&t.site) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(&t.site).unwrap();
        let Some(file) = schema_of(rel) else {
            continue;
        };
        let text = std::fs::read_to_string(entry.path()).unwrap();
        assert_eq!(
            validator.validate_text(file, &text),
            Ok(()),
            "{}",
            rel.display()
        );
        if file.is_front_matter() {
            continue;
        }
        yaml += 1;
        let first = text.lines().next().unwrap();
        let target = first
            .strip_prefix("# yaml-language-server: $schema=")
            .unwrap_or_else(|| panic!("{}: {first}", rel.display()));
        let points_at = entry.path().parent().unwrap().join(target);
        assert!(points_at.is_file(), "{}: {target}", rel.display());
        assert!(
            target.ends_with(&file.file_name()),
            "{}: {target}",
            rel.display()
        );
    }
    assert_eq!(yaml, 3, "site.yaml, club.yaml and the plan");
    // The loader reads past the line; `.schemas/` is not published.
    t.build().ok();
    let published: Vec<String> = walkdir::WalkDir::new(&t.out)
        .into_iter()
        .flatten()
        .map(|e| e.path().display().to_string())
        .filter(|p| p.contains(".schemas") || p.contains("schema.json"))
        .collect();
    assert!(published.is_empty(), "{published:?}");
}

#[test]
fn new_club_adds_the_schemas_that_are_missing_and_keeps_the_others() {
    let t = SiteTest::fixture("serve_directory");
    t.write(".schemas/site.schema.json", "{\"mine\": true}\n");
    t.run_on_site(&["new", "club", "gamma"]).ok();
    assert_eq!(t.read(".schemas/site.schema.json"), "{\"mine\": true}\n");
    assert!(t.site.join(".schemas/club.schema.json").is_file());
    let club = t.read("clubs/gamma/club.yaml");
    assert!(
        club.starts_with("# yaml-language-server: $schema=../../.schemas/club.schema.json\n"),
        "{club}"
    );
    t.check(&[]).ok();
}
