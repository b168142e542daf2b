//! The same corpus as a Hugo site: per-language content folders, the club's
//! fields as front matter, the built-in principles as data, UI words in
//! Hugo's i18n files, and minimal templates that render the pages bitimger
//! renders for a club (club, reports list, report, poster) and a home page
//! listing every club.

use std::fmt::Write as _;
use std::path::Path;

use super::texts::*;
use super::{Club, indicators_yaml, lang_of, markdown, write};

const CONFIG: &str = r#"baseURL = "https://mediation.example.test/"
title = "Мектеп медиациясы клубтарының анықтамалығы"
defaultContentLanguage = "kk"
defaultContentLanguageInSubdir = true
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
enableRobotsTXT = false

[languages.kk]
languageName = "Қазақша"
title = "Мектеп медиациясы клубтарының анықтамалығы"
contentDir = "content/kk"
weight = 1

[languages.ru]
languageName = "Русский"
title = "Справочник клубов школьной медиации"
contentDir = "content/ru"
weight = 2

[markup.goldmark.renderer]
unsafe = false
[markup.goldmark.extensions]
typographer = true
"#;

const BASEOF: &str = r#"<!doctype html>
<html lang="{{ .Lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} — {{ .Site.Title }}</title>
<link rel="stylesheet" href="{{ "style.css" | relURL }}">
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Lang }}" href="{{ .Permalink }}">
{{ end }}</head>
<body>
<header><a href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a>
<nav>{{ range .Translations }}<a href="{{ .RelPermalink }}" hreflang="{{ .Lang }}">{{ .Language.LanguageName }}</a> {{ end }}</nav>
</header>
<main id="main">{{ block "main" . }}{{ end }}</main>
<footer><p>{{ i18n "confidential" }}</p></footer>
</body>
</html>
"#;

const HOME: &str = r#"{{ define "main" }}<h1>{{ .Site.Title }}</h1>
<ul class="clubs">{{ with .Site.GetPage "/clubs" }}{{ range .Sections }}<li><a href="{{ .RelPermalink }}">{{ .Params.name }}</a> — {{ .Params.school.name }}, {{ .Params.school.locality }}</li>
{{ end }}{{ end }}</ul>{{ end }}
"#;

const LIST: &str = r#"{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Sections }}<li><a href="{{ .RelPermalink }}">{{ .Params.name }}</a></li>
{{ end }}</ul>{{ end }}
"#;

const SINGLE: &str = r#"{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}
"#;

const FIGURES: &str = r#"{{ define "partials/figures.html" }}<dl class="figures">{{ range $k, $v := .indicators }}{{ if ne $k "quarters" }}<dt>{{ i18n $k }}</dt><dd>{{ $v }}</dd>{{ end }}{{ end }}</dl>{{ end }}
"#;

const CLUB: &str = r#"{{ define "main" }}<h1>{{ .Params.name }}</h1>
<p class="unit">{{ .Params.unit }}</p>
{{ with .Params.motto }}<p class="motto">{{ . }}</p>{{ end }}
<section id="school"><h2>{{ i18n "school" }}</h2>
<p>{{ .Params.school.name }}, {{ .Params.school.locality }}, {{ .Params.school.region }}</p>
<p>{{ .Params.school.address }}</p>
<p><a href="{{ .Params.school.website }}">{{ .Params.school.website }}</a></p></section>
<section id="feedback"><h2>{{ i18n "feedback" }}</h2>
{{ range $k, $v := .Params.feedback }}<a class="button" href="{{ $v }}">{{ i18n $k }}</a> {{ end }}
<p>{{ i18n "confidential" }}</p></section>
<section id="about">{{ .Content }}</section>
<section id="goals"><h2>{{ i18n "goals" }}</h2><ul>{{ range .Params.goals }}<li>{{ . }}</li>{{ end }}</ul></section>
<section id="tasks"><h2>{{ i18n "tasks" }}</h2><ul>{{ range .Params.tasks }}<li>{{ . }}</li>{{ end }}</ul></section>
<section id="principles"><h2>{{ i18n "principles" }}</h2>{{ $lang := .Lang }}{{ range .Site.Data.principles }}<h3>{{ index .title $lang }}</h3><p>{{ index .text $lang }}</p>{{ end }}</section>
<section id="leaders"><h2>{{ i18n "leaders" }}</h2><ul>{{ range .Params.leaders }}<li>{{ .name }}, {{ .role }}<br><a href="tel:{{ .tel }}">{{ .phone }}</a> <a href="mailto:{{ .email }}">{{ .email }}</a></li>{{ end }}</ul></section>
<section id="members"><h2>{{ i18n "members" }}</h2><p>{{ .Params.members.from }}–{{ .Params.members.to }}, {{ .Params.members.count }}</p><p>{{ .Params.members.join }}</p></section>
<section id="activities"><h2>{{ i18n "activities" }}</h2><ul>{{ range .Params.activities }}<li>{{ . }}</li>{{ end }}</ul></section>
<section id="directions"><h2>{{ i18n "directions" }}</h2><ul>{{ range .Params.directions }}<li>{{ . }}</li>{{ end }}</ul></section>
{{ with .GetPage "reports/2024-2025" }}<section id="figures"><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>{{ partial "figures.html" .Params }}</section>{{ end }}
<section id="contacts"><h2>{{ i18n "contacts" }}</h2><p>{{ i18n "room" }} {{ .Params.contacts.room }}</p>
<p>{{ range .Params.contacts.phones }}<a href="tel:{{ . }}">{{ . }}</a> {{ end }}</p>
<p><a href="mailto:{{ .Params.contacts.email }}">{{ .Params.contacts.email }}</a> <a href="https://www.instagram.com/{{ .Params.contacts.instagram }}/">@{{ .Params.contacts.instagram }}</a></p></section>
<p><a href="reports/">{{ i18n "reports" }}</a> · <a href="poster/">{{ i18n "poster" }}</a></p>
{{ end }}
"#;

const REPORTS: &str = r#"{{ define "main" }}<h1>{{ i18n "reports" }}</h1>
<p><a href="{{ .Parent.RelPermalink }}">{{ .Parent.Params.name }}</a></p>
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ partial "figures.html" .Params }}</li>{{ end }}</ul>{{ end }}
"#;

const REPORT: &str = r#"{{ define "main" }}<nav class="crumbs"><a href="{{ .Parent.Parent.RelPermalink }}">{{ .Parent.Parent.Params.name }}</a> › <a href="{{ .Parent.RelPermalink }}">{{ i18n "reports" }}</a></nav>
<h1>{{ .Title }}</h1>
{{ partial "figures.html" .Params }}
<table><tr><th></th><th>{{ i18n "cases" }}</th><th>{{ i18n "cases_resolved" }}</th></tr>
{{ range $q, $v := .Params.indicators.quarters }}<tr><th>{{ $q }}</th><td>{{ $v.cases }}</td><td>{{ $v.cases_resolved }}</td></tr>{{ end }}</table>
{{ .Content }}{{ end }}
"#;

const POSTER: &str = r#"{{ define "main" }}{{ with .Parent }}<h1>{{ .Params.name }}</h1>
<p>{{ .Params.school.name }}</p><p>{{ i18n "room" }} {{ .Params.contacts.room }}</p>
<ul>{{ range .Params.leaders }}<li>{{ .name }}, {{ .role }}, {{ .phone }}</li>{{ end }}</ul>
{{ range $k, $v := .Params.feedback }}<p>{{ i18n $k }}: <a href="{{ $v }}">{{ $v }}</a></p>{{ end }}{{ end }}{{ end }}
"#;

const I18N: [&str; 2] = [
    "school: Мектеп\nfeedback: Кері байланыс\nquestion: Сұрақ қою\napplication: Өтініш беру\nanonymous: Сенім жәшігі\nconfidential: Өтініштер құпия сақталады. Шұғыл жағдайда 111 нөміріне қоңырау шалыңыз.\ngoals: Мақсаттары\ntasks: Міндеттері\nprinciples: Қағидаттар\nleaders: Жетекшілер\nmembers: Мүшелері\nactivities: Іс-шаралар\ndirections: Бағыттар\ncontacts: Байланыс\nroom: Кабинет\nreports: Есептер\nposter: Плакат\ncases: Өтініштер\ncases_resolved: Келісіммен аяқталды\nmediators_trained: Даярланған медиаторлар\nmediators_active: Белсенді медиаторлар\ntrainings: Тренингтер\nparticipants: Қатысушылар\n",
    "school: Школа\nfeedback: Обратная связь\nquestion: Задать вопрос\napplication: Подать заявку\nanonymous: Ящик доверия\nconfidential: Обращения конфиденциальны. В экстренной ситуации звоните 111.\ngoals: Цели\ntasks: Задачи\nprinciples: Принципы\nleaders: Руководители\nmembers: Участники\nactivities: Мероприятия\ndirections: Направления\ncontacts: Контакты\nroom: Кабинет\nreports: Отчёты\nposter: Плакат\ncases: Обращения\ncases_resolved: Завершились договорённостью\nmediators_trained: Подготовлено медиаторов\nmediators_active: Активных медиаторов\ntrainings: Тренинги\nparticipants: Участники\n",
];

/// Writes the Hugo site into `out`.
pub(crate) fn write_hugo(out: &Path, clubs: &[Club]) -> std::io::Result<()> {
    write(&out.join("config.toml"), CONFIG)?;
    let layouts = [
        ("_default/baseof.html", BASEOF),
        ("index.html", HOME),
        ("_default/list.html", LIST),
        ("_default/single.html", SINGLE),
        ("partials/figures.html", FIGURES),
        ("club/list.html", CLUB),
        ("reports/list.html", REPORTS),
        ("report/single.html", REPORT),
        ("poster/single.html", POSTER),
    ];
    for (name, text) in layouts {
        // Hugo partial files hold the template itself, not a `define`.
        let text = if name.starts_with("partials/") {
            text.trim_start_matches("{{ define \"partials/figures.html\" }}")
                .trim_end()
                .trim_end_matches("{{ end }}")
                .to_string()
        } else {
            text.to_string()
        };
        write(&out.join("layouts").join(name), &text)?;
    }
    write(&out.join("i18n/kk.yaml"), I18N[0])?;
    write(&out.join("i18n/ru.yaml"), I18N[1])?;
    write(
        &out.join("static/style.css"),
        "body{font-family:sans-serif;max-width:50rem;margin:auto}\n",
    )?;
    write(&out.join("data/principles.yaml"), &principles())?;
    for (l, lang) in ["kk", "ru"].iter().enumerate() {
        let content = out.join("content").join(lang);
        let title = if l == 0 {
            "Клубтар"
        } else {
            "Клубы"
        };
        write(&content.join("_index.md"), "---\ntitle: \"\"\n---\n")?;
        write(
            &content.join("clubs/_index.md"),
            &format!("---\ntitle: {title}\n---\n"),
        )?;
        for c in clubs {
            let dir = content.join("clubs").join(&c.slug);
            write(
                &dir.join("_index.md"),
                &format!("{}{}", club_front(c, l), markdown(&c.about, l, c)),
            )?;
            let reports = if l == 0 {
                "Есептер"
            } else {
                "Отчёты"
            };
            write(
                &dir.join("reports/_index.md"),
                &format!("---\ntitle: {reports}\ntype: reports\n---\n"),
            )?;
            write(
                &dir.join("reports/2024-2025.md"),
                &format!("{}{}", report_front(c, l), markdown(&c.report, l, c)),
            )?;
            write(
                &dir.join("poster.md"),
                "---\ntitle: Poster\ntype: poster\n---\n",
            )?;
        }
    }
    Ok(())
}

/// bitimger's built-in principles file (src/builtin/principles.yaml) is
/// already a list of `{key, title: {kk, ru, en}, text: {...}}`, which Hugo
/// reads as data.
fn principles() -> String {
    include_str!("../../../src/builtin/principles.yaml").to_string()
}

fn club_front(c: &Club, l: usize) -> String {
    let p = |pair| lang_of(l, pair);
    let mut y = String::from("---\ntype: club\n");
    let _ = writeln!(y, "title: \"{}\"", p(c.name));
    let _ = writeln!(y, "name: \"{}\"", p(c.name));
    let _ = writeln!(
        y,
        "unit: \"{}\"",
        p(("Мектеп медиациясы клубы", "Клуб школьной медиации"))
    );
    let _ = writeln!(y, "motto: \"{}\"", p(c.motto));
    let school = if l == 0 {
        format!("№ {} жалпы білім беретін мектеп", c.number)
    } else {
        format!("Общеобразовательная школа № {}", c.number)
    };
    let _ = writeln!(y, "school:\n  name: \"{school}\"");
    let _ = writeln!(
        y,
        "  region: \"{}\"",
        if l == 0 { c.region.1 } else { c.region.2 }
    );
    let _ = writeln!(
        y,
        "  locality: \"{}\"",
        if l == 0 { c.region.3 } else { c.region.4 }
    );
    let n = c.room % 90 + 1;
    let address = if l == 0 {
        format!("Абай көшесі, {n}")
    } else {
        format!("улица Абая, {n}")
    };
    let _ = writeln!(y, "  address: \"{address}\"");
    let _ = writeln!(y, "  website: https://school{}.example.test/", c.number);
    for (key, idx, bank) in [
        ("goals", &c.goals, GOALS),
        ("tasks", &c.tasks, TASKS),
        ("activities", &c.activities, ACTIVITIES),
        ("directions", &c.directions, DIRECTIONS),
    ] {
        let _ = writeln!(y, "{key}:");
        for i in idx {
            let _ = writeln!(y, "  - \"{}\"", p(bank[*i]));
        }
    }
    let _ = writeln!(y, "leaders:");
    for (name, phone, email) in &c.leaders {
        let tel: String = phone
            .chars()
            .filter(|ch| ch.is_ascii_digit() || *ch == '+')
            .collect();
        let _ = writeln!(
            y,
            "  - {{name: \"{name}\", role: \"педагог-психолог\", phone: \"{phone}\", tel: \"{tel}\", email: \"{email}\"}}"
        );
    }
    let (from, to, count) = c.members;
    let join = p((
        "Ерікті түрде, сұхбат арқылы",
        "Добровольно, по собеседованию",
    ));
    let _ = writeln!(
        y,
        "members: {{from: {from}, to: {to}, count: {count}, join: \"{join}\"}}"
    );
    let _ = writeln!(
        y,
        "contacts: {{room: \"{}\", phones: [\"{}\"], email: \"club.{}@example.test\", instagram: \"mediation.club{}\"}}",
        c.room, c.leaders[0].1, c.slug, c.index
    );
    let _ = writeln!(y, "feedback:");
    for kind in ["question", "application", "anonymous"] {
        let _ = writeln!(y, "  {kind}: https://forms.example.test/{}/{kind}", c.slug);
    }
    y.push_str("---\n");
    y
}

fn report_front(c: &Club, l: usize) -> String {
    let title = if l == 0 {
        "2024–2025 оқу жылының есебі"
    } else {
        "Отчёт за 2024–2025 учебный год"
    };
    format!(
        "---\ntitle: \"{title}\"\ntype: report\n{}---\n",
        indicators_yaml(&c.figures)
    )
}
