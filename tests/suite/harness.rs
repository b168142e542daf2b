//! The test harness: fixture sites copied into a temporary folder, built
//! with the real binary, and the output read back as parsed HTML.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use scraper::{Html, Selector};
use tempfile::TempDir;

/// The repository root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The photo cache of commands that are not given their own: under
/// target/, so tests never write into the user's cache folder.
pub fn shared_cache() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("photo-cache")
}

/// A command running the bitimger binary, with the photo cache in
/// [`shared_cache`], speaking English whatever the machine's language
/// (`tool_language` tests the others).
pub fn bitimger() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_bitimger"));
    c.env("BITIMGER_CACHE_DIR", shared_cache())
        .env("BITIMGER_LANG", "en");
    c
}

/// A site in a temporary folder, with an output folder beside it.
pub struct SiteTest {
    _dir: TempDir,
    /// The site folder.
    pub site: PathBuf,
    /// The output folder.
    pub out: PathBuf,
}

/// The result of running the binary.
pub struct Run {
    pub output: Output,
}

impl Run {
    pub fn code(&self) -> i32 {
        self.output.status.code().unwrap_or(-1)
    }
    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.output.stderr).to_string()
    }
    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.output.stdout).to_string()
    }
    /// Asserts success and returns self.
    #[track_caller]
    pub fn ok(self) -> Self {
        assert_eq!(self.code(), 0, "expected success, got:\n{}", self.stderr());
        self
    }
    /// Asserts failure with `code` and returns self.
    #[track_caller]
    pub fn fails_with(self, code: i32) -> Self {
        assert_eq!(
            self.code(),
            code,
            "expected exit {code}, got:\n{}",
            self.stderr()
        );
        self
    }
}

/// Runs `bitimger build SITE --output OUT` on any folders.
pub fn build_site(site: &Path, out: &Path) -> std::process::Output {
    bitimger()
        .arg("build")
        .arg(site)
        .arg("--output")
        .arg(out)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

/// Copies a folder tree.
pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(from).unwrap();
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

impl SiteTest {
    /// A copy of `tests/fixtures/<name>`.
    pub fn fixture(name: &str) -> SiteTest {
        Self::copy_of(&repo().join("tests/fixtures").join(name))
    }

    /// A copy of any site folder (e.g. the example `content/`).
    pub fn copy_of(src: &Path) -> SiteTest {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        copy_dir(src, &site);
        let out = dir.path().join("public");
        SiteTest {
            _dir: dir,
            site,
            out,
        }
    }

    /// A site made of the given files.
    pub fn files(files: &[(&str, &str)]) -> SiteTest {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        let out = dir.path().join("public");
        let t = SiteTest {
            _dir: dir,
            site,
            out,
        };
        for (path, text) in files {
            t.write(path, text);
        }
        t
    }

    /// Writes a file of the site.
    pub fn write(&self, path: &str, text: &str) -> &Self {
        let p = self.site.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
        self
    }

    /// Writes raw bytes into a file of the site.
    pub fn write_bytes(&self, path: &str, bytes: &[u8]) -> &Self {
        let p = self.site.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
        self
    }

    /// Reads a file of the site.
    pub fn read(&self, path: &str) -> String {
        std::fs::read_to_string(self.site.join(path)).unwrap()
    }

    /// Replaces text in a file of the site.
    #[track_caller]
    pub fn edit(&self, path: &str, from: &str, to: &str) -> &Self {
        let text = self.read(path);
        assert!(text.contains(from), "{path} does not contain {from:?}");
        self.write(path, &text.replacen(from, to, 1))
    }

    /// Removes a file or folder of the site.
    pub fn remove(&self, path: &str) -> &Self {
        let p = self.site.join(path);
        if p.is_dir() {
            std::fs::remove_dir_all(p).unwrap();
        } else {
            std::fs::remove_file(p).unwrap();
        }
        self
    }

    /// The temporary folder holding the site and the output.
    pub fn dir(&self) -> &Path {
        self._dir.path()
    }

    /// The photo cache of this site's commands (`cache/` in the temporary
    /// folder), so each test starts with an empty one.
    pub fn cache(&self) -> PathBuf {
        self.dir().join("cache")
    }

    /// A command running the binary from the temporary folder, so messages
    /// name files as `site/...`, the same on every machine.
    pub fn command(&self) -> Command {
        let mut c = bitimger();
        c.current_dir(self.dir())
            .env("NO_COLOR", "1")
            .env("BITIMGER_CACHE_DIR", self.cache());
        c
    }

    /// Runs `bitimger ARGS --site SITE` (the `new` commands), site given
    /// by its full path.
    pub fn run_on_site(&self, args: &[&str]) -> Run {
        let output = bitimger()
            .args(args)
            .arg("--site")
            .arg(&self.site)
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        Run { output }
    }

    /// Runs `bitimger build site --output public` with extra arguments.
    pub fn build_with(&self, args: &[&str]) -> Run {
        let output = self
            .command()
            .arg("build")
            .arg(self.rel(&self.site))
            .arg("--output")
            .arg(self.rel(&self.out))
            .args(args)
            .output()
            .unwrap();
        Run { output }
    }

    /// `path` relative to the temporary folder, when it is inside it.
    fn rel<'a>(&self, path: &'a Path) -> &'a Path {
        path.strip_prefix(self.dir()).unwrap_or(path)
    }

    /// Runs `bitimger build`.
    pub fn build(&self) -> Run {
        self.build_with(&[])
    }

    /// Renders the site through the library's pipeline and writes every
    /// file it renders into the output folder, even when the rules then
    /// refuse the build (a broken link): for tests of what rendering itself
    /// produces. Returns the problems' codes.
    pub fn render_anyway(&self) -> Vec<String> {
        use std::sync::Mutex;
        let files = Mutex::new(Vec::new());
        let (_, diags) = bitimger::build::generate(
            &self.site,
            &bitimger::content::LoadOptions::default(),
            &bitimger::render::RenderOptions::default(),
            &|f| {
                files.lock().unwrap().push(f);
                std::ops::ControlFlow::Continue(())
            },
        );
        let _ = std::fs::remove_dir_all(&self.out);
        for f in files.into_inner().unwrap() {
            let to = self.out.join(f.path());
            std::fs::create_dir_all(to.parent().unwrap()).unwrap();
            match f.bytes() {
                Some(b) => std::fs::write(&to, b).unwrap(),
                None => {
                    if let bitimger::render::OutputFile::Copy { source, .. } = &f {
                        std::fs::copy(source, &to).unwrap();
                    }
                }
            }
        }
        diags.iter().map(|d| d.code.to_string()).collect()
    }

    /// Runs `bitimger check site` with extra arguments.
    pub fn check(&self, args: &[&str]) -> Run {
        let output = self
            .command()
            .arg("check")
            .arg(self.rel(&self.site))
            .args(args)
            .output()
            .unwrap();
        Run { output }
    }

    /// Every problem `bitimger check --format json` finds.
    pub fn problems(&self) -> Vec<Problem> {
        let run = self.check(&["--format", "json"]);
        let items: Vec<serde_json::Value> = serde_json::from_str(&run.stdout())
            .unwrap_or_else(|e| panic!("check --format json: {e}\n{}", run.stdout()));
        items
            .iter()
            .map(|v| Problem {
                code: v["code"].as_str().unwrap_or("").to_string(),
                severity: v["severity"].as_str().unwrap_or("").to_string(),
                message: v["message"].as_str().unwrap_or("").to_string(),
                file: v["location"]["file"]
                    .as_str()
                    .map(|f| f.replace('\\', "/"))
                    .unwrap_or_default(),
                line: v["location"]["line"].as_u64().map(|l| l as usize),
                column: v["location"]["column"].as_u64().map(|c| c as usize),
                label: v["label"].as_str().map(str::to_string),
                help: v["help"].as_str().map(str::to_string),
            })
            .collect()
    }

    /// An output file's path.
    pub fn out_path(&self, path: &str) -> PathBuf {
        self.out.join(path)
    }

    /// An output file's text.
    #[track_caller]
    pub fn out_text(&self, path: &str) -> String {
        std::fs::read_to_string(self.out.join(path))
            .unwrap_or_else(|e| panic!("output {path}: {e}"))
    }

    /// An output page, parsed.
    #[track_caller]
    pub fn page(&self, path: &str) -> Page {
        Page {
            html: Html::parse_document(&self.out_text(path)),
            path: path.to_string(),
        }
    }

    /// Output paths (`/`-separated, relative to the output) of every HTML page.
    pub fn html_pages(&self) -> Vec<String> {
        let mut pages: Vec<String> = walkdir::WalkDir::new(&self.out)
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file())
            .filter_map(|e| {
                let rel = e.path().strip_prefix(&self.out).ok()?;
                let rel = rel.to_string_lossy().replace('\\', "/");
                rel.ends_with(".html").then_some(rel)
            })
            .collect();
        pages.sort();
        pages
    }

    /// Every file of the output with its bytes, for "nothing changed" checks.
    pub fn snapshot(&self) -> Vec<(PathBuf, Vec<u8>)> {
        let mut files: Vec<(PathBuf, Vec<u8>)> = walkdir::WalkDir::new(&self.out)
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file())
            .map(|e| (e.path().to_path_buf(), std::fs::read(e.path()).unwrap()))
            .collect();
        files.sort();
        files
    }
}

/// One problem, as `check --format json` reports it.
#[derive(Debug, Clone)]
pub struct Problem {
    pub code: String,
    pub severity: String,
    pub message: String,
    /// The file, `/`-separated, as given to the binary (`site/...`).
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub label: Option<String>,
    pub help: Option<String>,
}

/// A parsed output page.
pub struct Page {
    pub html: Html,
    pub path: String,
}

impl Page {
    /// Texts of every element matching `css`, whitespace collapsed.
    pub fn texts(&self, css: &str) -> Vec<String> {
        let sel = Selector::parse(css).unwrap();
        self.html
            .select(&sel)
            .map(|e| {
                e.text()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    /// The text of the one element matching `css`.
    #[track_caller]
    pub fn text(&self, css: &str) -> String {
        let all = self.texts(css);
        assert!(!all.is_empty(), "{}: nothing matches {css}", self.path);
        all[0].clone()
    }

    /// Values of `attr` on every element matching `css`.
    pub fn attrs(&self, css: &str, attr: &str) -> Vec<String> {
        let sel = Selector::parse(css).unwrap();
        self.html
            .select(&sel)
            .filter_map(|e| e.value().attr(attr).map(str::to_string))
            .collect()
    }

    /// Number of elements matching `css`.
    pub fn count(&self, css: &str) -> usize {
        let sel = Selector::parse(css).unwrap();
        self.html.select(&sel).count()
    }

    /// The `lang` of the root element.
    pub fn lang(&self) -> String {
        self.attrs("html", "lang").pop().unwrap_or_default()
    }
}

/// The output path that the relative link `href` on the page `from` (an
/// output path such as `kk/news/index.html`) leads to; `None` for links
/// that leave the site (`https:`, `mailto:`, `tel:`) and for `#fragments`.
/// A folder link (`../ru/`) leads to its `index.html`.
pub fn resolve_href(from: &str, href: &str) -> Option<String> {
    let path = href.split(['#', '?']).next().unwrap_or("");
    let decoded = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
    let path = decoded.as_ref();
    let scheme = path.split_once(':').is_some_and(|(s, _)| !s.contains('/'));
    if path.is_empty() || scheme {
        return None;
    }
    let mut parts: Vec<&str> = if path.starts_with('/') {
        Vec::new()
    } else {
        let mut p: Vec<&str> = from.split('/').collect();
        p.pop();
        p
    };
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    // Above the output root: a path that never exists.
                    return Some(format!("../{path}"));
                }
            }
            s => parts.push(s),
        }
    }
    let mut out = parts.join("/");
    if path.ends_with('/') || out.is_empty() {
        if !out.is_empty() {
            out.push('/');
        }
        out.push_str("index.html");
    }
    Some(out)
}
