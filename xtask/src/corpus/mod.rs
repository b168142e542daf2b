//! Writes a synthetic regional directory for benchmarks: N clubs, each with
//! club.yaml, a Kazakh and a Russian about text and a report for 2024–2025,
//! about 550 words per page and language. With `--hugo` it also writes the
//! same texts as a Hugo site with minimal templates that render the same
//! pages (club, reports list, report, poster), so both generators can be
//! timed on one corpus.
//!
//! Usage: `xtask bench corpus DIR --clubs N [--hugo HUGO_DIR]`. The output
//! is the same for the same N.

mod hugo;
mod texts;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use texts::*;

/// A deterministic generator (splitmix64): the same N gives the same corpus.
pub(crate) struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
    /// `k` distinct indices of `0..n`, in order.
    fn some(&mut self, n: usize, k: usize) -> Vec<usize> {
        let mut all: Vec<usize> = (0..n).collect();
        for i in 0..k.min(n) {
            let j = i + self.below(n - i);
            all.swap(i, j);
        }
        let mut out = all[..k.min(n)].to_vec();
        out.sort_unstable();
        out
    }
}

/// One block of Markdown, the same in both languages.
pub(crate) enum Block {
    Heading(usize),
    Para(Vec<usize>),
    Bullets(Vec<usize>),
    Figures,
}

/// Everything about one club, language-independent (indices into the banks).
pub(crate) struct Club {
    pub index: usize,
    pub slug: String,
    pub number: usize,
    pub name: (&'static str, &'static str),
    pub motto: (&'static str, &'static str),
    pub region: (
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
    ),
    pub goals: Vec<usize>,
    pub tasks: Vec<usize>,
    pub activities: Vec<usize>,
    pub directions: Vec<usize>,
    pub leaders: Vec<(&'static str, String, String)>,
    pub members: (u64, u64, u64),
    pub room: u64,
    pub about: Vec<Block>,
    pub report: Vec<Block>,
    pub figures: Figures,
}

/// Report indicators.
#[derive(Clone, Copy)]
pub(crate) struct Figures {
    pub trained: u64,
    pub active: u64,
    pub cases: u64,
    pub resolved: u64,
    pub trainings: u64,
    pub participants: u64,
    pub quarters: [(u64, u64); 4],
}

fn make_club(i: usize, rng: &mut Rng) -> Club {
    let region = rng.pick(REGIONS);
    let number = 1 + rng.below(250);
    let mut quarters = [(0, 0); 4];
    for slot in quarters.iter_mut() {
        let cases = 1 + rng.below(9) as u64;
        *slot = (cases, cases - rng.below(cases as usize / 3 + 1) as u64);
    }
    let trained = 10 + rng.below(30) as u64;
    let figures = Figures {
        trained,
        active: trained - rng.below(trained as usize / 2) as u64,
        cases: quarters.iter().map(|q| q.0).sum(),
        resolved: quarters.iter().map(|q| q.1).sum(),
        trainings: 4 + rng.below(16) as u64,
        participants: 50 + rng.below(400) as u64,
        quarters,
    };
    let leader = |rng: &mut Rng, k: usize| {
        (
            rng.pick(LEADERS),
            // The school's landline (a city code 71xx), as the privacy
            // rules ask: a teacher's own mobile would warn on every club.
            format!(
                "+7 71{:02} 55 {:02} {:02}",
                10 + rng.below(90),
                rng.below(100),
                rng.below(100)
            ),
            format!("leader{k}.school{i}@example.test"),
        )
    };
    let leaders = vec![leader(rng, 1), leader(rng, 2)];
    let about = prose(rng, 8, false);
    let report = prose(rng, 7, true);
    Club {
        index: i,
        slug: format!("{}-{}-{i:05}", region.0, number),
        number,
        name: rng.pick(NAMES),
        motto: rng.pick(MOTTOS),
        region,
        goals: rng.some(GOALS.len(), 4),
        tasks: rng.some(TASKS.len(), 5),
        activities: rng.some(ACTIVITIES.len(), 6),
        directions: rng.some(DIRECTIONS.len(), 5),
        leaders,
        members: (7 + rng.below(2) as u64, 11, 10 + rng.below(20) as u64),
        room: 100 + rng.below(300) as u64,
        about,
        report,
        figures,
    }
}

/// About `paragraphs` paragraphs of 4–5 sentences with headings and lists
/// (about 420 words of Kazakh, somewhat more of Russian).
fn prose(rng: &mut Rng, paragraphs: usize, report: bool) -> Vec<Block> {
    let mut blocks = vec![Block::Para(rng.some(SENTENCES.len(), 3))];
    if report {
        blocks.push(Block::Heading(3));
        blocks.push(Block::Figures);
    }
    for p in 0..paragraphs {
        if p % 3 == 0 {
            blocks.push(Block::Heading(rng.below(HEADINGS.len())));
        }
        if p == 1 {
            blocks.push(Block::Bullets(rng.some(BULLETS.len(), 4)));
        }
        let n = 4 + rng.below(2);
        let mut s = rng.some(SENTENCES.len(), n);
        // Shuffle sentence order a little so paragraphs differ.
        if rng.below(2) == 1 {
            s.reverse();
        }
        blocks.push(Block::Para(s));
    }
    blocks
}

/// Renders blocks as Markdown in language `l` (0 = kk, 1 = ru).
pub(crate) fn markdown(blocks: &[Block], l: usize, club: &Club) -> String {
    let pick = |pair| lang_of(l, pair);
    let mut out = String::new();
    for (b, block) in blocks.iter().enumerate() {
        match block {
            Block::Heading(h) => {
                let _ = writeln!(out, "## {}\n", pick(HEADINGS[*h]));
            }
            Block::Para(s) => {
                for (k, i) in s.iter().enumerate() {
                    let text = pick(SENTENCES[*i]);
                    if k == 1 && b % 2 == 0 {
                        let _ = write!(out, "**{text}** ");
                    } else if k == 2 && b % 3 == 0 {
                        let _ = write!(
                            out,
                            "{text} ([{}](https://school{}.example.test/mediation)) ",
                            pick(("толығырақ", "подробнее")),
                            club.number
                        );
                    } else {
                        let _ = write!(out, "{text} ");
                    }
                }
                out.push_str("\n\n");
            }
            Block::Bullets(items) => {
                for i in items {
                    let _ = writeln!(out, "- {};", pick(BULLETS[*i]));
                }
                out.push('\n');
            }
            Block::Figures => {
                let f = club.figures;
                let lines: [(&str, &str, u64); 4] = [
                    (
                        "жас медиатор даярланды",
                        "юных медиаторов подготовлено",
                        f.trained,
                    ),
                    ("өтініш қаралды", "обращений рассмотрено", f.cases),
                    ("тренинг өткізілді", "тренингов проведено", f.trainings),
                    ("қатысушы қамтылды", "участников охвачено", f.participants),
                ];
                for (kk, ru, n) in lines {
                    let _ = writeln!(out, "- **{n}** {};", pick((kk, ru)));
                }
                out.push('\n');
            }
        }
    }
    out
}

/// The kk (`l == 0`) or ru text of a pair.
pub(crate) fn lang_of(l: usize, pair: (&'static str, &'static str)) -> &'static str {
    if l == 0 { pair.0 } else { pair.1 }
}

fn yaml_pair(pair: (&str, &str)) -> String {
    format!("{{kk: \"{}\", ru: \"{}\"}}", pair.0, pair.1)
}

fn club_yaml(c: &Club) -> String {
    let mut y = String::new();
    let list = |y: &mut String, key: &str, idx: &[usize], bank: &[(&str, &str)]| {
        let _ = writeln!(y, "{key}:");
        for i in idx {
            let _ = writeln!(y, "  - {}", yaml_pair(bank[*i]));
        }
    };
    let _ = writeln!(y, "name: {}", yaml_pair(c.name));
    let _ = writeln!(
        y,
        "unit: {}",
        yaml_pair(("Мектеп медиациясы клубы", "Клуб школьной медиации"))
    );
    let _ = writeln!(y, "motto: {}", yaml_pair(c.motto));
    let _ = writeln!(y, "school:");
    let _ = writeln!(
        y,
        "  name: {{kk: \"№ {n} жалпы білім беретін мектеп\", ru: \"Общеобразовательная школа № {n}\"}}",
        n = c.number
    );
    let _ = writeln!(y, "  region: {}", c.region.0);
    let _ = writeln!(y, "  locality: {}", yaml_pair((c.region.3, c.region.4)));
    let _ = writeln!(
        y,
        "  address: {{kk: \"Абай көшесі, {n}\", ru: \"улица Абая, {n}\"}}",
        n = c.room % 90 + 1
    );
    let _ = writeln!(y, "  website: https://school{}.example.test/", c.number);
    list(&mut y, "goals", &c.goals, GOALS);
    list(&mut y, "tasks", &c.tasks, TASKS);
    let _ = writeln!(y, "principles: default");
    let _ = writeln!(y, "leaders:");
    for (name, phone, email) in &c.leaders {
        let _ = writeln!(y, "  - name: {name}");
        let _ = writeln!(
            y,
            "    role: {}",
            yaml_pair(("педагог-психолог", "педагог-психолог"))
        );
        let _ = writeln!(y, "    phone: \"{phone}\"");
        let _ = writeln!(y, "    email: {email}");
    }
    let (from, to, count) = c.members;
    let _ = writeln!(
        y,
        "members:\n  grades: {{from: {from}, to: {to}}}\n  count: {count}"
    );
    let _ = writeln!(
        y,
        "  join: {}",
        yaml_pair((
            "Ерікті түрде, сұхбат арқылы",
            "Добровольно, по собеседованию"
        ))
    );
    list(&mut y, "activities", &c.activities, ACTIVITIES);
    list(&mut y, "directions", &c.directions, DIRECTIONS);
    let _ = writeln!(y, "contacts:\n  room: \"{}\"", c.room);
    let _ = writeln!(y, "  phones: [\"{}\"]", c.leaders[0].1);
    let _ = writeln!(y, "  email: club.{}@example.test", c.slug);
    let _ = writeln!(y, "  instagram: mediation.club{}", c.index);
    let _ = writeln!(y, "feedback:");
    for kind in ["question", "application", "anonymous"] {
        let _ = writeln!(y, "  {kind}: https://forms.example.test/{}/{kind}", c.slug);
    }
    let _ = writeln!(y, "gallery:\n  photos: false");
    y
}

fn report_front(c: &Club) -> String {
    format!(
        "---\nyear: 2024-2025\nstatus: final\n{}---\n",
        indicators_yaml(&c.figures)
    )
}

/// A report's `indicators:` block, the same in both generators' front matter.
pub(crate) fn indicators_yaml(f: &Figures) -> String {
    let mut y = String::from("indicators:\n");
    let _ = writeln!(y, "  mediators_trained: {}", f.trained);
    let _ = writeln!(y, "  mediators_active: {}", f.active);
    let _ = writeln!(y, "  cases: {}", f.cases);
    let _ = writeln!(y, "  cases_resolved: {}", f.resolved);
    let _ = writeln!(y, "  trainings: {}", f.trainings);
    let _ = writeln!(y, "  participants: {}", f.participants);
    y.push_str("  quarters:\n");
    for (q, (cases, resolved)) in f.quarters.iter().enumerate() {
        let _ = writeln!(
            y,
            "    q{}: {{cases: {cases}, cases_resolved: {resolved}}}",
            q + 1
        );
    }
    y
}

const SITE_YAML: &str = r#"# A synthetic regional directory for benchmarks (xtask bench corpus).
title: {kk: "Мектеп медиациясы клубтарының анықтамалығы", ru: "Справочник клубов школьной медиации"}
description: {kk: "Өңірдегі мектеп медиациясы клубтары: байланыс, есептер, жоспарлар.", ru: "Клубы школьной медиации региона: контакты, отчёты, планы."}
base_url: https://mediation.example.test/
languages: [kk, ru]
kind: directory
"#;

pub(crate) fn write(path: &Path, text: &str) -> std::io::Result<()> {
    let named =
        |e: std::io::Error| std::io::Error::new(e.kind(), format!("{}: {e}", path.display()));
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(named)?;
    }
    std::fs::write(path, text).map_err(named)
}

fn write_bitimger(out: &Path, clubs: &[Club]) -> std::io::Result<()> {
    write(&out.join("site.yaml"), SITE_YAML)?;
    for c in clubs {
        let dir = out.join("clubs").join(&c.slug);
        write(&dir.join("club.yaml"), &club_yaml(c))?;
        for (l, lang) in ["kk", "ru"].iter().enumerate() {
            write(
                &dir.join(format!("about.{lang}.md")),
                &markdown(&c.about, l, c),
            )?;
            write(
                &dir.join(format!("reports/2024-2025.{lang}.md")),
                &format!("{}{}", report_front(c), markdown(&c.report, l, c)),
            )?;
        }
    }
    Ok(())
}

/// What to generate.
#[derive(Debug, Clone, Default)]
pub struct CorpusOptions {
    /// Number of clubs.
    pub clubs: usize,
    /// Where to write the same texts as a Hugo site, if anywhere.
    pub hugo: Option<PathBuf>,
}

/// Writes the directory site of `options.clubs` clubs into `dir` (replacing
/// what was there) and, when asked, its Hugo twin.
pub fn write_corpus(dir: &Path, options: &CorpusOptions) -> std::io::Result<()> {
    let mut rng = Rng(42);
    let clubs: Vec<Club> = (0..options.clubs).map(|i| make_club(i, &mut rng)).collect();
    remove(dir)?;
    write_bitimger(dir, &clubs)?;
    if let Some(hugo_dir) = &options.hugo {
        remove(hugo_dir)?;
        hugo::write_hugo(hugo_dir, &clubs)?;
    }
    Ok(())
}

/// The club folders of a corpus written into `dir`, in name order.
pub fn club_slugs(dir: &Path) -> std::io::Result<Vec<String>> {
    let mut slugs: Vec<String> = std::fs::read_dir(dir.join("clubs"))?
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("club.yaml").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    slugs.sort();
    Ok(slugs)
}

fn remove(dir: &Path) -> std::io::Result<()> {
    match std::fs::remove_dir_all(dir) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}
