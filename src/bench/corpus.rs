//! A generated directory site for speed measurements: N clubs, each with a
//! club.yaml that fills every section, an about text and an annual report in
//! Kazakh and Russian (Markdown with headings, lists, emphasis and links).
//!
//! Deterministic: the same N gives the same bytes. The words are drawn from
//! short kk/ru word lists, so the texts read as filler, but their size and
//! structure match real club pages (~600 words of about text and ~400 words
//! of report per language).

use std::fmt::Write as _;
use std::path::Path;

/// What to generate.
#[derive(Debug, Clone)]
pub struct CorpusOptions {
    /// Number of clubs.
    pub clubs: usize,
}

/// Region codes cycled through by the clubs.
const REGIONS: &[&str] = &[
    "abai",
    "akmola",
    "aktobe",
    "almaty-region",
    "atyrau",
    "east-kazakhstan",
    "jambyl",
    "jetisu",
    "karaganda",
    "kostanay",
    "kyzylorda",
    "mangystau",
    "north-kazakhstan",
    "pavlodar",
    "turkistan",
    "ulytau",
    "west-kazakhstan",
    "astana",
    "almaty",
    "shymkent",
];

const KK: &[&str] = &[
    "медиация",
    "клуб",
    "оқушылар",
    "жанжал",
    "келісім",
    "сенім",
    "тыңдау",
    "мектеп",
    "педагог",
    "ата-аналар",
    "тренинг",
    "жас",
    "медиатор",
    "өзара",
    "түсіністік",
    "құрмет",
    "бейбіт",
    "шешім",
    "жауапкершілік",
    "кездесу",
    "көмек",
    "қауіпсіз",
    "орта",
    "сынып",
    "жұмыс",
    "тәжірибе",
    "дағды",
    "қарым-қатынас",
];

const RU: &[&str] = &[
    "медиация",
    "клуб",
    "учащиеся",
    "конфликт",
    "соглашение",
    "доверие",
    "слушание",
    "школа",
    "педагог",
    "родители",
    "тренинг",
    "юный",
    "медиатор",
    "взаимный",
    "понимание",
    "уважение",
    "мирный",
    "решение",
    "ответственность",
    "встреча",
    "помощь",
    "безопасный",
    "среда",
    "класс",
    "работа",
    "опыт",
    "навык",
    "общение",
];

/// A small deterministic generator (an LCG), enough for filler text.
struct Words {
    state: u64,
}

impl Words {
    fn new(seed: u64) -> Self {
        Words {
            state: seed.wrapping_mul(6364136223846793005).wrapping_add(1),
        }
    }

    fn next(&mut self, n: usize) -> usize {
        self.state = self
            .state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.state >> 33) % n as u64) as usize
    }

    fn sentence(&mut self, list: &[&str], len: usize) -> String {
        let words: Vec<&str> = (0..len).map(|_| list[self.next(list.len())]).collect();
        let mut s = words.join(" ");
        if let Some(first) = s.chars().next() {
            let upper: String = first.to_uppercase().collect();
            s.replace_range(..first.len_utf8(), &upper);
        }
        s.push('.');
        s
    }

    /// Markdown of about `words` words: headings, paragraphs, a list.
    fn markdown(&mut self, list: &[&str], words: usize) -> String {
        let mut out = String::new();
        let mut written = 0;
        let mut section = 0;
        while written < words {
            section += 1;
            let _ = writeln!(out, "## {}\n", self.sentence(list, 3).trim_end_matches('.'));
            for _ in 0..2 {
                let s1 = self.sentence(list, 12);
                let s2 = self.sentence(list, 10);
                let _ = writeln!(out, "{s1} **{s2}** {}\n", self.sentence(list, 8));
                written += 30;
            }
            for _ in 0..3 {
                let _ = writeln!(out, "- {}", self.sentence(list, 6));
                written += 6;
            }
            let _ = writeln!(
                out,
                "\nСм. [{}](https://example.kz/{section}).\n",
                list[self.next(list.len())]
            );
            written += 2;
        }
        out
    }
}

/// Writes the site into `dir` (created if needed). Existing files with the
/// same names are replaced; nothing else is touched.
pub fn write_corpus(dir: &Path, options: &CorpusOptions) -> std::io::Result<()> {
    std::fs::create_dir_all(dir.join("clubs"))?;
    std::fs::write(dir.join("site.yaml"), SITE_YAML)?;
    for i in 0..options.clubs {
        write_club(dir, i)?;
    }
    Ok(())
}

const SITE_YAML: &str = "\
kind: directory
languages: [kk, ru]
title: {kk: \"Мектеп медиациясы клубтары\", ru: \"Клубы школьной медиации\"}
description: {kk: \"Өңірлік анықтамалық\", ru: \"Региональный каталог\"}
base_url: https://clubs.example.kz/
";

/// The folder name of club `i`.
pub fn club_slug(i: usize) -> String {
    format!("club-{i:05}")
}

fn write_club(dir: &Path, i: usize) -> std::io::Result<()> {
    let club = dir.join("clubs").join(club_slug(i));
    std::fs::create_dir_all(club.join("reports"))?;
    let mut w = Words::new(i as u64 + 1);
    std::fs::write(club.join("club.yaml"), club_yaml(i, &mut w))?;
    std::fs::write(club.join("about.kk.md"), w.markdown(KK, 600))?;
    std::fs::write(club.join("about.ru.md"), w.markdown(RU, 600))?;
    let front = report_front(i);
    for (lang, list) in [("kk", KK), ("ru", RU)] {
        let text = format!("{front}{}", w.markdown(list, 400));
        std::fs::write(club.join(format!("reports/2024-2025.{lang}.md")), text)?;
    }
    Ok(())
}

fn report_front(i: usize) -> String {
    let cases = 10 + i % 20;
    format!(
        "---\nyear: 2024-2025\nstatus: final\nindicators:\n  mediators_trained: {}\n  mediators_active: {}\n  cases: {cases}\n  cases_resolved: {}\n  trainings: {}\n  participants: {}\n---\n",
        12 + i % 25,
        8 + i % 12,
        cases - i % 5,
        4 + i % 9,
        100 + i % 300
    )
}

fn list(w: &mut Words, n: usize) -> String {
    let mut out = String::new();
    for _ in 0..n {
        let _ = writeln!(
            out,
            "  - {{kk: \"{}\", ru: \"{}\"}}",
            w.sentence(KK, 7),
            w.sentence(RU, 7)
        );
    }
    out
}

fn club_yaml(i: usize, w: &mut Words) -> String {
    let region = REGIONS[i % REGIONS.len()];
    let n = i + 1;
    let mut y = format!(
        "name: {{kk: \"Сенім {n}\", ru: \"Доверие {n}\"}}
unit: {{kk: \"Мектеп медиациясы клубы\", ru: \"Клуб школьной медиации\"}}
motto: {{kk: \"Тыңда. Түсін. Келіс.\", ru: \"Услышать. Понять. Договориться.\"}}
school:
  name: {{kk: \"№ {n} мектеп-гимназия\", ru: \"Школа-гимназия № {n}\"}}
  region: {region}
  locality: {{kk: \"Елді мекен {n}\", ru: \"Населённый пункт {n}\"}}
  address: {{kk: \"Абай көшесі, {n}\", ru: \"улица Абая, {n}\"}}
principles: default
leaders:
  - name: Әбенова Гүлнар {n}
    role: {{kk: \"педагог-психолог\", ru: \"педагог-психолог\"}}
    phone: \"+7 7212 55 {:02} {:02}\"
    email: psy{n}@school.example.kz
members:
  grades: {{from: 7, to: 11}}
  count: {}
  join: {{kk: \"Ерікті түрде\", ru: \"Добровольно\"}}
contacts:
  room: \"{}\"
  email: club{n}@school.example.kz
  instagram: mediation_club_{n}
feedback:
  question: https://forms.example.kz/{n}/question
  application: https://forms.example.kz/{n}/application
  anonymous: https://forms.example.kz/{n}/box
",
        i % 100,
        (i / 100) % 100,
        10 + i % 20,
        100 + i % 300,
    );
    for key in ["goals", "tasks", "activities", "directions"] {
        let _ = writeln!(y, "{key}:");
        y.push_str(&list(w, 4));
    }
    y
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_the_same_bytes_for_the_same_size() {
        let a = tempfile::tempdir().unwrap();
        let b = tempfile::tempdir().unwrap();
        write_corpus(a.path(), &CorpusOptions { clubs: 2 }).unwrap();
        write_corpus(b.path(), &CorpusOptions { clubs: 2 }).unwrap();
        let file = "clubs/club-00001/reports/2024-2025.ru.md";
        assert_eq!(
            std::fs::read(a.path().join(file)).unwrap(),
            std::fs::read(b.path().join(file)).unwrap()
        );
    }
}
