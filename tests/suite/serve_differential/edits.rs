//! The random edits of the differential test, as a teacher (or an editor
//! program) makes them: a field changed, YAML broken, an earlier text put
//! back, clubs, reports, news and photos added, removed and renamed, in
//! the site and in the school folders a directory includes. Files are
//! saved in place or by writing a temporary file and renaming it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The folders being edited, and every text each file had.
pub(crate) struct Tree {
    root: PathBuf,
    /// Site folders below `root` with clubs/ ("" for `root` itself, else
    /// ending in `/`); the first one is the site being served.
    sites: Vec<String>,
    history: BTreeMap<String, Vec<String>>,
    /// Makes every new name and text unique.
    counter: usize,
}

type Edit = fn(&mut Tree, &mut fastrand::Rng) -> Option<String>;

const EDITS: &[Edit] = &[
    Tree::edit_name,
    Tree::edit_name,
    Tree::edit_report,
    Tree::edit_news,
    Tree::edit_settings,
    Tree::break_yaml,
    Tree::restore,
    Tree::restore,
    Tree::add_club,
    Tree::remove_club,
    Tree::rename_club,
    Tree::add_report,
    Tree::remove_report,
    Tree::add_news,
    Tree::remove_news,
    Tree::add_photo,
    Tree::remove_photo,
];

const WORDS: &[&str] = &["Сенім", "Достық", "Бірлік", "Келісім", "Мирный", "Ынтымақ"];

impl Tree {
    /// The tree in `root` with clubs in the given `sites` folders.
    pub(crate) fn new(root: &Path, sites: &[&str]) -> Tree {
        let mut tree = Tree {
            root: root.to_path_buf(),
            sites: sites.iter().map(|s| s.to_string()).collect(),
            history: BTreeMap::new(),
            counter: 0,
        };
        for entry in walkdir::WalkDir::new(root) {
            let entry = entry.unwrap();
            if let Ok(text) = std::fs::read_to_string(entry.path()) {
                let rel = tree.rel(entry.path());
                tree.history.insert(rel, vec![text]);
            }
        }
        tree
    }

    /// Makes one random edit; says which.
    pub(crate) fn random_edit(&mut self, rng: &mut fastrand::Rng) -> String {
        loop {
            let edit = EDITS[rng.usize(..EDITS.len())];
            if let Some(what) = edit(self, rng) {
                return what;
            }
        }
    }

    fn rel(&self, path: &Path) -> String {
        let rel = path.strip_prefix(&self.root).unwrap();
        rel.to_string_lossy().replace('\\', "/")
    }

    fn next(&mut self) -> usize {
        self.counter += 1;
        self.counter
    }

    /// Saves `text` as `rel`: in place, or through a temporary file
    /// renamed over it, as editors do. None when nothing would change.
    fn save(&mut self, rng: &mut fastrand::Rng, rel: &str, text: String) -> Option<()> {
        let path = self.root.join(rel);
        if std::fs::read_to_string(&path).ok().as_deref() == Some(text.as_str()) {
            return None;
        }
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        if rng.bool() {
            let tmp = path.with_file_name(format!(".{}.tmp", self.next()));
            std::fs::write(&tmp, &text).unwrap();
            std::fs::rename(&tmp, &path).unwrap();
        } else {
            std::fs::write(&path, &text).unwrap();
        }
        self.history.entry(rel.to_string()).or_default().push(text);
        Some(())
    }

    fn pick<T: Clone>(rng: &mut fastrand::Rng, items: &[T]) -> Option<T> {
        (!items.is_empty()).then(|| items[rng.usize(..items.len())].clone())
    }

    /// Files below `dir` (relative to the root) whose names end in `suffix`.
    fn files(&self, dir: &str, suffix: &str) -> Vec<String> {
        walkdir::WalkDir::new(self.root.join(dir))
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| self.rel(e.path()))
            .filter(|r| r.ends_with(suffix) && !r.split('/').any(|p| p.starts_with('.')))
            .collect()
    }

    /// The club folders of every site, as `site/clubs/slug`.
    fn clubs(&self) -> Vec<String> {
        let mut clubs = Vec::new();
        for site in &self.sites {
            let Ok(dir) = std::fs::read_dir(self.root.join(format!("{site}clubs"))) else {
                continue;
            };
            for e in dir.filter_map(Result::ok) {
                if e.path().is_dir() {
                    clubs.push(self.rel(&e.path()));
                }
            }
        }
        clubs.sort();
        clubs
    }

    fn edit_name(&mut self, rng: &mut fastrand::Rng) -> Option<String> {
        let file = Self::pick(rng, &self.files("", "/club.yaml"))?;
        let text = std::fs::read_to_string(self.root.join(&file)).ok()?;
        let word = format!("{} {}", WORDS[rng.usize(..WORDS.len())], self.next());
        let line = format!("name: {{kk: \"{word}\", ru: \"{word}\"}}");
        let text = match text.lines().position(|l| l.starts_with("name:")) {
            Some(i) => replace_line(&text, i, &line),
            None => format!("{line}\n{text}"),
        };
        self.save(rng, &file, text)?;
        Some(format!("name of {file} → {word}"))
    }

    fn edit_report(&mut self, rng: &mut fastrand::Rng) -> Option<String> {
        let file = Self::pick(rng, &self.files("", ".md"))?;
        if !file.contains("/reports/") {
            return None;
        }
        let text = std::fs::read_to_string(self.root.join(&file)).ok()?;
        let i = text
            .lines()
            .position(|l| l.trim_start().starts_with("cases_resolved:"))?;
        let n = rng.usize(0..25);
        let text = replace_line(&text, i, &format!("  cases_resolved: {n}"));
        self.save(rng, &file, text)?;
        Some(format!("cases_resolved of {file} → {n}"))
    }

    fn edit_news(&mut self, rng: &mut fastrand::Rng) -> Option<String> {
        let file = Self::pick(rng, &self.files("", ".md"))?;
        if !file.contains("news/") {
            return None;
        }
        let text = std::fs::read_to_string(self.root.join(&file)).ok()?;
        let text = format!("{text}\nЖаңа сөйлем {}.\n", self.next());
        self.save(rng, &file, text)?;
        Some(format!("a sentence added to {file}"))
    }

    fn edit_settings(&mut self, rng: &mut fastrand::Rng) -> Option<String> {
        let site = Self::pick(rng, &self.sites)?;
        let file = format!("{site}site.yaml");
        let text = std::fs::read_to_string(self.root.join(&file)).ok()?;
        let i = text.lines().position(|l| l.starts_with("title:"))?;
        let n = self.next();
        let line = format!("title: {{kk: \"Клубтар {n}\", ru: \"Клубы {n}\"}}");
        self.save(rng, &file, replace_line(&text, i, &line))?;
        Some(format!("title of {file} → {n}"))
    }

    fn break_yaml(&mut self, rng: &mut fastrand::Rng) -> Option<String> {
        let mut files = self.files("", ".yaml");
        files.extend(
            self.files("", ".md")
                .into_iter()
                .filter(|f| f.contains("/reports/")),
        );
        let file = Self::pick(rng, &files)?;
        let text = std::fs::read_to_string(self.root.join(&file)).ok()?;
        let broken = match rng.usize(..3) {
            0 => text.replacen(": ", ": {", 1),
            1 => text.replacen("\n", "\n\tbad: [1\n", 1),
            _ => text
                .replacen("name:", "nmae:", 1)
                .replacen("year:", "yaer:", 1),
        };
        self.save(rng, &file, broken)?;
        Some(format!("{file} broken"))
    }

    fn restore(&mut self, rng: &mut fastrand::Rng) -> Option<String> {
        let candidates: Vec<String> = self
            .history
            .iter()
            .filter(|(path, texts)| {
                texts.len() > 1 && self.root.join(path).parent().is_some_and(Path::is_dir)
            })
            .map(|(path, _)| path.clone())
            .collect();
        let file = Self::pick(rng, &candidates)?;
        let texts = &self.history[&file];
        let i = rng.usize(..texts.len() - 1);
        let text = texts[i].clone();
        self.save(rng, &file, text)?;
        Some(format!("{file} put back as it was (version {i})"))
    }

    fn add_club(&mut self, rng: &mut fastrand::Rng) -> Option<String> {
        let site = Self::pick(rng, &self.sites)?;
        let n = self.next();
        let file = format!("{site}clubs/club-{n}/club.yaml");
        let text = format!(
            "name: {{kk: \"Клуб {n}\", ru: \"Клуб {n}\"}}\nschool:\n  name: {{kk: \"№ {n} мектеп\", ru: \"Школа № {n}\"}}\n  region: karaganda\n"
        );
        self.save(rng, &file, text)?;
        Some(format!("{file} added"))
    }

    fn remove_club(&mut self, rng: &mut fastrand::Rng) -> Option<String> {
        let clubs = self.clubs();
        if clubs.len() < 2 {
            return None;
        }
        let club = Self::pick(rng, &clubs)?;
        std::fs::remove_dir_all(self.root.join(&club)).unwrap();
        Some(format!("{club} removed"))
    }

    fn rename_club(&mut self, rng: &mut fastrand::Rng) -> Option<String> {
        let club = Self::pick(rng, &self.clubs())?;
        let to = format!("{}/renamed-{}", club.rsplit_once('/')?.0, self.next());
        std::fs::rename(self.root.join(&club), self.root.join(&to)).unwrap();
        let moved: Vec<(String, Vec<String>)> = self
            .history
            .iter()
            .filter(|(p, _)| p.starts_with(&format!("{club}/")))
            .map(|(p, t)| (p.replacen(&club, &to, 1), t.clone()))
            .collect();
        self.history.extend(moved);
        Some(format!("{club} renamed to {to}"))
    }

    fn add_report(&mut self, rng: &mut fastrand::Rng) -> Option<String> {
        let club = Self::pick(rng, &self.clubs())?;
        let y = 2015 + rng.usize(..15);
        let (cases, resolved) = (rng.usize(1..30), rng.usize(0..30));
        for lang in ["kk", "ru"] {
            let file = format!("{club}/reports/{y}-{}.{lang}.md", y + 1);
            let text = format!(
                "---\nyear: {y}-{}\nstatus: final\nindicators:\n  cases: {cases}\n  cases_resolved: {resolved}\n---\nЕсеп {}.\n",
                y + 1,
                self.next()
            );
            self.save(rng, &file, text);
        }
        Some(format!("report {y} added to {club}"))
    }

    fn add_news(&mut self, rng: &mut fastrand::Rng) -> Option<String> {
        let mut places: Vec<String> = vec![format!("{}news", self.sites[0])];
        places.extend(self.clubs().into_iter().map(|c| format!("{c}/news")));
        let dir = Self::pick(rng, &places)?;
        let (day, n) = (1 + rng.usize(..28), self.next());
        for (lang, title) in [("kk", "Жаңалық"), ("ru", "Новость")] {
            let file = format!("{dir}/2025-11-{day:02}-item-{n}.{lang}.md");
            let text =
                format!("---\ntitle: {title} {n}\ndate: 2025-11-{day:02}\n---\nМәтін {n}.\n");
            self.save(rng, &file, text);
        }
        Some(format!("news {n} added to {dir}"))
    }

    fn remove_report(&mut self, rng: &mut fastrand::Rng) -> Option<String> {
        self.remove_one(rng, ".md", "/reports/")
    }

    fn remove_news(&mut self, rng: &mut fastrand::Rng) -> Option<String> {
        self.remove_one(rng, ".md", "news/")
    }

    fn remove_photo(&mut self, rng: &mut fastrand::Rng) -> Option<String> {
        self.remove_one(rng, ".png", "/photos/")
    }

    /// Deletes one file ending in `suffix` whose path contains `part`.
    fn remove_one(&mut self, rng: &mut fastrand::Rng, suffix: &str, part: &str) -> Option<String> {
        let files: Vec<String> = self
            .files("", suffix)
            .into_iter()
            .filter(|f| f.contains(part))
            .collect();
        let file = Self::pick(rng, &files)?;
        std::fs::remove_file(self.root.join(&file)).unwrap();
        Some(format!("{file} removed"))
    }

    fn add_photo(&mut self, rng: &mut fastrand::Rng) -> Option<String> {
        let club = Self::pick(rng, &self.clubs())?;
        let n = self.next();
        let file = self.root.join(format!("{club}/photos/photo-{n}.png"));
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        png(n as u8).save(&file).unwrap();
        Some(format!("photo {n} added to {club}"))
    }
}

/// `text` with its line `i` replaced by `line`.
fn replace_line(text: &str, i: usize, line: &str) -> String {
    let mut lines: Vec<&str> = text.lines().collect();
    lines[i] = line;
    lines.join("\n") + "\n"
}

/// A small picture, different for each `seed`.
fn png(seed: u8) -> image::RgbImage {
    image::RgbImage::from_fn(48, 32, |x, y| {
        image::Rgb([seed.wrapping_mul(37), (x * 5) as u8, (y * 7) as u8])
    })
}
