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

/// A command running the bitimger binary.
pub fn bitimger() -> Command {
    Command::new(env!("CARGO_BIN_EXE_bitimger"))
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

    /// Runs `bitimger build <site> --output <out>` with extra arguments.
    pub fn build_with(&self, args: &[&str]) -> Run {
        let output = bitimger()
            .arg("build")
            .arg(&self.site)
            .arg("--output")
            .arg(&self.out)
            .args(args)
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        Run { output }
    }

    /// Runs `bitimger build`.
    pub fn build(&self) -> Run {
        self.build_with(&[])
    }

    /// Runs `bitimger check <site>` with extra arguments.
    pub fn check(&self, args: &[&str]) -> Run {
        let output = bitimger()
            .arg("check")
            .arg(&self.site)
            .args(args)
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        Run { output }
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
