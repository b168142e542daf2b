//! The tool speaks the teacher's language: `--lang`, `BITIMGER_LANG`, the
//! computer's language, then the site's first language choose among
//! Kazakh, Russian and English; summaries and the frame of every problem
//! are said in it, with the right plural forms; the three message files
//! (i18n/tool/) hold the same ids with the same variables, and every id the
//! program asks for.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

use crate::harness::{SiteTest, repo};
use crate::serve::Server;

/// Each message id of a tool file and the variables its text uses.
fn messages(lang: &str) -> BTreeMap<String, BTreeSet<String>> {
    read_ftl(&format!("{lang}.ftl"))
}

/// Each message id (and `id.attribute`) of `i18n/tool/<name>` and the
/// variables its text uses.
fn read_ftl(name: &str) -> BTreeMap<String, BTreeSet<String>> {
    let path = repo().join("i18n/tool").join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    let resource = fluent_syntax::parser::parse(text.as_str())
        .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", path.display()));
    let mut out = BTreeMap::new();
    for entry in resource.body {
        if let Entry::Message(m) = entry {
            let mut vars = BTreeSet::new();
            if let Some(value) = &m.value {
                variables(value, &mut vars);
            }
            for a in &m.attributes {
                let mut attribute_vars = BTreeSet::new();
                variables(&a.value, &mut attribute_vars);
                out.insert(format!("{}.{}", m.id.name, a.id.name), attribute_vars);
            }
            out.insert(m.id.name.to_string(), vars);
        }
    }
    out
}

fn variables(pattern: &Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            match expression {
                Expression::Inline(inline) => inline_variable(inline, vars),
                Expression::Select { selector, variants } => {
                    inline_variable(selector, vars);
                    for v in variants {
                        variables(&v.value, vars);
                    }
                }
            }
        }
    }
}

fn inline_variable(inline: &InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    if let InlineExpression::VariableReference { id } = inline {
        vars.insert(id.name.to_string());
    }
}

#[test]
fn the_three_message_files_have_the_same_ids_and_variables() {
    let en = messages("en");
    assert!(en.len() > 30, "{en:?}");
    for lang in ["kk", "ru"] {
        let other = messages(lang);
        let ids: Vec<_> = en.keys().collect();
        assert_eq!(other.keys().collect::<Vec<_>>(), ids, "ids of {lang}.ftl");
        for (id, vars) in &en {
            assert_eq!(&other[id], vars, "variables of `{id}` in {lang}.ftl");
        }
    }
}

/// The words whose English is in the code (diagnostics, `--help`): the
/// same ids, attributes and variables in Kazakh and Russian; the
/// diagnostics' are exactly the ids the code names with `.words("…")`.
#[test]
fn the_diagnostics_words_match_in_both_languages_and_the_code() {
    let mut kk = BTreeMap::new();
    for entry in std::fs::read_dir(repo().join("i18n/tool")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        let Some(part) = name.strip_suffix(".kk.ftl") else {
            continue;
        };
        let (k, r) = (read_ftl(&name), read_ftl(&format!("{part}.ru.ftl")));
        assert_eq!(
            k, r,
            "ids, attributes and variables of {part}.kk.ftl and .ru.ftl"
        );
        // `--help`'s texts (help.*.ftl) are checked against the commands
        // by a unit test of src/cli/help.rs.
        if part.starts_with("diagnostics") {
            kk.extend(k);
        }
    }
    assert!(kk.contains_key("yaml-syntax-no-colon"), "{kk:?}");
    let mut named = BTreeSet::new();
    for entry in walkdir::WalkDir::new(repo().join("src")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        for (at, found) in text.match_indices(".words(\"") {
            let rest = &text[at + found.len()..];
            named.insert(rest[..rest.find('"').unwrap()].to_string());
        }
        for (at, found) in text.match_indices("    id: \"") {
            let rest = &text[at + found.len()..];
            named.insert(rest[..rest.find('"').unwrap()].to_string());
        }
    }
    let ids: BTreeSet<String> = kk.keys().filter(|k| !k.contains('.')).cloned().collect();
    let unused: Vec<_> = ids.difference(&named).collect();
    assert!(
        unused.is_empty(),
        "in the files, named by no code: {unused:?}"
    );
    let missing: Vec<_> = named
        .iter()
        .filter(|id| id.contains('-') && !ids.contains(*id))
        .collect();
    assert!(
        missing.is_empty(),
        "named by the code, in no file: {missing:?}"
    );
}

#[test]
fn a_problem_is_explained_in_the_language_asked_for() {
    let t = SiteTest::fixture("school_minimal");
    t.write(
        "clubs/senim/club.yaml",
        "name: Сенім\nschool:\n  name: X\n  region astana\n  # comment\nfeedback: {}\n",
    );
    let err = check_in(&t, "kk");
    assert!(
        err.contains("қате[yaml/syntax]: бұл жолда өріс атауынан кейін `:` жоқ"),
        "{err}"
    );
    assert!(err.contains("club.yaml:4:3"), "{err}");
    let out = t
        .command()
        .args(["--lang", "ru", "check", "site", "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let first = &json[0];
    assert_eq!(first["code"], "yaml/syntax");
    assert_eq!(
        first["message"],
        "this line has no `:` after its field name"
    );
    assert_eq!(first["text"], "в этой строке после названия поля нет `:`");
}

/// The first words of the tool's message ids.
const KINDS: &[&str] = &[
    "build", "check", "count", "counts", "diag", "export", "init", "phase", "scaffold", "schema",
    "serve", "theme",
];

/// Every message id written in the code that prints the tool's messages
/// (src/cli/, src/serve/) is in the English file, so no summary ever
/// prints a bare id.
#[test]
fn every_id_the_program_asks_for_is_in_the_files() {
    let en = messages("en");
    let mut asked = BTreeSet::new();
    for dir in ["src/cli", "src/serve"] {
        for entry in walkdir::WalkDir::new(repo().join(dir)) {
            let entry = entry.unwrap();
            if entry.path().extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(entry.path()).unwrap();
            for literal in text.split('"').skip(1).step_by(2) {
                let is_id = literal.chars().all(|c| c.is_ascii_lowercase() || c == '-');
                let kind = literal.split('-').next().unwrap_or("");
                if is_id && KINDS.contains(&kind) && (literal.contains('-') || literal == "counts")
                {
                    asked.insert(literal.to_string());
                }
            }
        }
    }
    assert!(
        asked.contains("phase-writing") && asked.contains("serve-panel-title"),
        "{asked:?}"
    );
    let missing: Vec<_> = asked.iter().filter(|id| !en.contains_key(*id)).collect();
    assert!(missing.is_empty(), "not in i18n/tool/en.ftl: {missing:?}");
}

/// A site with two errors: a club in a region that does not exist, with
/// a field that does not exist.
fn broken_site() -> SiteTest {
    let t = SiteTest::fixture("school_minimal");
    t.write(
        "clubs/senim/club.yaml",
        "name: Сенім\nschool: {name: X, region: nowhere}\ncolour: red\n",
    );
    t
}

fn build_in(t: &SiteTest, env: &[(&str, &str)], args: &[&str]) -> String {
    let mut c = t.command();
    c.arg("build").arg("site").args(args);
    for (k, v) in env {
        c.env(k, v);
    }
    let out = c.output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// What `bitimger --lang LANG check site` says on `t`.
fn check_in(t: &SiteTest, lang: &str) -> String {
    let out = t
        .command()
        .args(["--lang", lang, "check", "site"])
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn last_line(text: &str) -> &str {
    text.trim_end().lines().last().unwrap_or("")
}

#[test]
fn the_summary_and_the_frame_are_in_the_language_asked_for() {
    let t = broken_site();
    let ru = build_in(&t, &[], &["--lang", "ru"]);
    assert_eq!(
        last_line(&ru),
        "Сборка не удалась: 2 ошибки, 0 предупреждений. Ничего не записано."
    );
    assert!(ru.contains("ошибка[club/"), "{ru}");
    let kk = build_in(&t, &[("BITIMGER_LANG", "kk")], &[]);
    assert_eq!(
        last_line(&kk),
        "Сайт жиналмады: 2 қате, 0 ескерту. Ештеңе жазылған жоқ."
    );
    assert!(kk.contains("қате[club/"), "{kk}");
    let en = build_in(&t, &[("BITIMGER_LANG", "kk")], &["--lang", "en"]);
    assert_eq!(
        last_line(&en),
        "Build failed: 2 errors, 0 warnings. Nothing was written."
    );
}

#[test]
fn without_a_choice_the_computer_then_the_site_decide() {
    let t = broken_site();
    let unset = [("BITIMGER_LANG", ""), ("LC_ALL", ""), ("LC_MESSAGES", "")];
    let mut system = unset.to_vec();
    system.push(("LANG", "ru_RU.UTF-8"));
    assert!(last_line(&build_in(&t, &system, &[])).starts_with("Сборка не удалась"));
    let mut neither = unset.to_vec();
    neither.push(("LANG", "C.UTF-8"));
    // The site's languages are [kk, ru]: Kazakh, its first.
    assert!(last_line(&build_in(&t, &neither, &[])).starts_with("Сайт жиналмады"));
    t.write(
        "site.yaml",
        "kind: school\nlanguages: [ru, kk]\ntitle: {kk: М, ru: Ш}\n",
    );
    assert!(last_line(&build_in(&t, &neither, &[])).starts_with("Сборка не удалась"));
}

#[test]
fn check_counts_with_russian_plural_forms() {
    let t = broken_site();
    let err = check_in(&t, "ru");
    assert_eq!(last_line(&err), "Найдено: 2 ошибки, 0 предупреждений.");
    let t = SiteTest::fixture("school_minimal");
    let err = check_in(&t, "kk");
    assert_eq!(
        last_line(&err),
        "site қалтасында ешқандай мәселе табылған жоқ."
    );
}

#[test]
fn the_serve_panel_speaks_the_language_of_the_run() {
    let t = broken_site();
    let server = Server::start_with(&t.site, &["--lang", "ru"]);
    let r = server.get("/kk/");
    let page = r.page("");
    assert_eq!(page.attrs("#bitimger-overlay", "lang"), ["ru"]);
    assert_eq!(page.text("#bitimger-close"), "Скрыть");
    assert!(
        page.text(".bitimger-title").contains("2 ошибки"),
        "{}",
        page.text(".bitimger-title")
    );
    assert!(page.text("#bitimger-overlay pre").contains("ошибка["));
}

#[test]
fn help_is_in_the_language_of_the_run() {
    let help = |args: &[&str], env: &str| {
        let out = crate::harness::bitimger()
            .args(args)
            .env("BITIMGER_LANG", env)
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let kk = help(&["build", "--help"], "kk");
    assert!(kk.contains("Сайт қалтасы (site.yaml бар қалта)"), "{kk}");
    let ru = help(&["--lang", "ru", "check", "--help"], "kk");
    assert!(ru.contains("Считать предупреждения ошибками"), "{ru}");
    let en = help(&["check", "--help"], "en");
    assert!(en.contains("Treat warnings as errors"), "{en}");
}

/// `bitimger explain`: the same explanations in the three languages, each
/// of a code in docs/check.md's list, said in the language asked for.
#[test]
fn explain_says_what_a_code_means_in_three_languages() {
    let en = read_ftl("explain.en.ftl");
    assert_eq!(
        read_ftl("explain.kk.ftl"),
        en,
        "explain.kk.ftl against explain.en.ftl"
    );
    assert_eq!(
        read_ftl("explain.ru.ftl"),
        en,
        "explain.ru.ftl against explain.en.ftl"
    );
    let doc = std::fs::read_to_string(repo().join("docs/check.md")).unwrap();
    for id in en.keys().filter(|k| !k.contains('.')) {
        let code = id.strip_prefix("explain-").unwrap().replacen('-', "/", 1);
        assert!(
            doc.contains(&format!("| `{code}` |")),
            "{id}: no code {code}"
        );
    }
    let explain = |args: &[&str]| {
        let out = crate::harness::bitimger().args(args).output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        (
            out.status.code(),
            text + &String::from_utf8_lossy(&out.stderr),
        )
    };
    let (code, kk) = explain(&["--lang", "kk", "explain", "privacy/iin"]);
    assert_eq!(code, Some(0));
    assert!(kk.starts_with("қате[privacy/iin]"), "{kk}");
    assert!(kk.contains("Неге маңызды:"), "{kk}");
    let (code, ru) = explain(&["--lang", "ru", "explain", "privacy/staf-mobile"]);
    assert_eq!(code, Some(2));
    assert!(ru.contains("`privacy/staff-mobile`"), "{ru}");
    let (_, list) = explain(&["explain"]);
    assert!(
        list.lines().any(|l| l.starts_with("club/unknown-region")),
        "{list}"
    );
}

/// The text after `kind[code]: ` of each problem of `stderr` with `code`.
fn said<'a>(stderr: &'a str, kind: &str, code: &str) -> Vec<&'a str> {
    let start = format!("{kind}[{code}]: ");
    stderr
        .lines()
        .filter_map(|l| l.split_once(start.as_str()).map(|(_, text)| text))
        .collect()
}

/// The rules' and the build's problems (a broken link on two pages, a
/// class next to a name, a template the theme does not have, an
/// invisible character) in Russian and in Kazakh.
#[test]
fn the_rules_and_the_build_explain_in_the_language_asked_for() {
    let t = SiteTest::fixture("school_minimal");
    t.write(
        "clubs/senim/news/2025-03-14-training.md",
        "---\ntitle: {kk: \"Тренинг\", ru: \"Тренинг\"}\ndate: 2025-03-14\n---\n\
         9Б сыныбынан Айгерім келді.\u{b}\n\n[Есеп](../nowhere.html)\n",
    );
    t.write("templates/bas.html", "<p>x</p>\n");
    let out = t
        .command()
        .args(["--lang", "ru", "check", "site", "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let text = |code: &str| -> String {
        let items = json.as_array().unwrap();
        let item = items.iter().find(|d| d["code"] == code);
        let item = item.unwrap_or_else(|| panic!("no {code} in {json}"));
        item["text"].as_str().unwrap().to_string()
    };
    let broken = text("links/broken");
    assert!(
        broken.starts_with("ссылка `../nowhere.html` не ведёт ни на одну страницу или файл этого сайта (на странице ")
            && broken.ends_with(" и ещё на 1 странице)"),
        "{broken}"
    );
    assert_eq!(
        text("privacy/class-label"),
        "класс `9Б сыныбынан` рядом со словом, похожим на имя человека"
    );
    assert_eq!(
        text("file/control-character"),
        "невидимый управляющий символ U+000B (разрыв строки, вставленный из Word) в строке 5; он пропущен"
    );
    let err = check_in(&t, "kk");
    assert_eq!(
        said(&err, "ескерту", "template/unknown"),
        [
            "`bas.html` безендіру тақырыбының үлгісі емес, сондықтан ол басқа үлгі оны өз ішіне қосқанда ғана қолданылады"
        ],
        "{err}"
    );
    assert!(
        err.contains("кеңес: `base.html` деп жазғыңыз келді ме?"),
        "{err}"
    );
    assert_eq!(
        said(&err, "ескерту", "privacy/class-label"),
        ["сынып (`9Б сыныбынан`) адамның атына ұқсайтын сөздің қасында тұр"],
        "{err}"
    );
    let broken = said(&err, "қате", "links/broken");
    assert!(
        broken.len() == 1 && broken[0].ends_with(" бетінде және тағы 1 бетте)"),
        "{err}"
    );
}

/// The words of the checks of content and site.yaml: an unknown field, a
/// value of the wrong kind (said in teacher words, not "string" or
/// "integer"), a misspelt region and an unknown language.
#[test]
fn content_and_field_problems_are_explained_in_the_language_asked_for() {
    let t = SiteTest::fixture("school_minimal");
    t.write(
        "clubs/senim/club.yaml",
        "name: {kk: Сенім, ru: Доверие}\nschool:\n  name: {kk: X, ru: Y}\n  region: karagandy\n  nmae: x\nmembers:\n  count: \"бес\"\n",
    );
    t.write(
        "site.yaml",
        "kind: school\nlanguages: [kk, ru, kz]\ntitle: {kk: М, ru: Ш}\n",
    );
    let texts = |lang: &str| -> BTreeMap<String, String> {
        let out = t
            .command()
            .args(["--lang", lang, "check", "site", "--format", "json"])
            .output()
            .unwrap();
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let items = json.as_array().unwrap();
        items
            .iter()
            .map(|d| {
                (
                    d["code"].as_str().unwrap().to_string(),
                    d["text"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let ru = texts("ru");
    assert_eq!(
        ru["site/unknown-language"], "у языка `kz` нет текстов интерфейса: нет файла i18n/kz.ftl",
        "{ru:?}"
    );
    let kk = texts("kk");
    assert_eq!(
        kk["site/unknown-language"],
        "`kz` тілінің интерфейс мәтіндері жоқ: i18n/kz.ftl файлы жоқ"
    );
    // site.yaml fixed, the club's problems.
    t.write(
        "site.yaml",
        "kind: school\nlanguages: [kk, ru]\ntitle: {kk: М, ru: Ш}\n",
    );
    let ru = texts("ru");
    assert_eq!(
        ru["club/unknown-field"],
        "неизвестное поле `nmae` (в `school`)"
    );
    assert_eq!(
        ru["club/wrong-type"],
        "значение не того вида (в `members.count`): здесь нужно написать целое число от 0 и больше (без дробей и знака минус), а написано: текст \"бес\""
    );
    let err = check_in(&t, "kk");
    let line = |code: &str| {
        err.lines()
            .find_map(|l| {
                l.split_once(&format!("қате[{code}]: "))
                    .map(|(_, text)| text)
            })
            .unwrap_or_else(|| panic!("no {code} in {err}"))
            .to_string()
    };
    assert_eq!(
        line("club/unknown-field"),
        "белгісіз өріс `nmae` (`school` ішінде)"
    );
    assert_eq!(
        line("club/wrong-type"),
        "мәннің түрі сәйкес емес (`members.count` ішінде): мұнда 0 немесе одан үлкен бүтін сан (бөлшексіз, минуссыз) керек, ал жазылғаны — мәтін \"бес\""
    );
    for word in ["string", "integer"] {
        assert!(!err.contains(word), "{err}");
    }
    // The club's fields fixed but its region.
    t.write(
        "clubs/senim/club.yaml",
        "name: {kk: Сенім, ru: Доверие}\nschool:\n  name: {kk: X, ru: Y}\n  region: karagandy\n",
    );
    let kk = texts("kk");
    assert_eq!(kk["club/unknown-region"], "`karagandy` — өңір коды емес");
    let err = check_in(&t, "ru");
    assert!(
        err.contains("ошибка[club/unknown-region]: `karagandy` — не код региона"),
        "{err}"
    );
    assert!(
        err.contains(
            "= совет: Возможно, вы имели в виду `karaganda`? Подробнее: `bitimger explain club/unknown-region`.\n"
        ),
        "{err}"
    );
}

/// Every problem ends with the command that explains its code, in the
/// language of the run: after its help, or as its only help line; the
/// JSON report names the command too.
#[test]
fn every_help_ends_with_the_command_that_explains_the_code() {
    let t = SiteTest::fixture("school_minimal");
    t.write(
        "clubs/senim/club.yaml",
        "name: Сенім\nschool: {name: X, region: karaganda}\ncolour: red\nmembers: {count: many}\n",
    );
    let hint = [
        ("kk", "кеңес", "Толығырақ: `bitimger explain {}`."),
        ("ru", "совет", "Подробнее: `bitimger explain {}`."),
        ("en", "help", "Run `bitimger explain {}` for more."),
    ];
    for (lang, help, hint) in hint {
        let err = check_in(&t, lang);
        let mut codes = Vec::new();
        let mut helps = Vec::new();
        for line in err.lines() {
            if let Some((_, rest)) = line.split_once('[')
                && let Some((code, _)) = rest.split_once("]: ")
            {
                codes.push(code.to_string());
            }
            if let Some(text) = line.trim_start().strip_prefix(&format!("= {help}: ")) {
                helps.push(text.to_string());
            }
        }
        assert_eq!(codes.len(), 2, "{err}");
        assert_eq!(helps.len(), codes.len(), "one help line each:\n{err}");
        for (code, text) in codes.iter().zip(&helps) {
            let expected = hint.replace("{}", code);
            assert!(text.ends_with(&expected), "{lang}: `{text}` for {code}");
        }
        // The wrong kind of value has no help of its own: the hint alone.
        let wrong = codes.iter().position(|c| c == "club/wrong-type").unwrap();
        assert_eq!(helps[wrong], hint.replace("{}", "club/wrong-type"));
    }
    let out = t
        .command()
        .args(["check", "site", "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for item in json.as_array().unwrap() {
        let code = item["code"].as_str().unwrap();
        assert_eq!(item["explain"], format!("bitimger explain {code}"));
    }
}
