//! Progress of long work: the library counts photos and pages up to their
//! totals (for `build` and for the first build of `serve`), and the
//! command line draws it only on a terminal: a build whose stderr is a
//! pipe or a file prints its summary and nothing else, however long it
//! takes.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bitimger::build::BuildOptions;
use bitimger::progress::{Phase, Progress, ProgressHandle};

use crate::check::{CLUB_YAML, school};
use crate::harness::SiteTest;
use crate::images::gallery_site;

/// Keeps every phase with its total and the steps counted in it.
#[derive(Default)]
struct Recorder {
    phases: Mutex<Vec<(Phase, usize)>>,
    /// Steps of each phase, by its place in `phases`.
    done: Mutex<Vec<Arc<AtomicUsize>>>,
    current: Mutex<Option<Arc<AtomicUsize>>>,
}

impl Progress for Recorder {
    fn start(&self, phase: Phase, total: usize) {
        let counter = Arc::new(AtomicUsize::new(0));
        self.phases.lock().unwrap().push((phase, total));
        self.done.lock().unwrap().push(counter.clone());
        *self.current.lock().unwrap() = Some(counter);
    }

    fn advance(&self, n: usize) {
        let current = self.current.lock().unwrap().clone();
        current
            .expect("counted before any phase began")
            .fetch_add(n, Ordering::Relaxed);
    }
}

impl Recorder {
    /// Each phase with its total and the steps counted.
    fn seen(&self) -> Vec<(Phase, usize, usize)> {
        let phases = self.phases.lock().unwrap();
        let done = self.done.lock().unwrap();
        phases
            .iter()
            .zip(done.iter())
            .map(|(&(phase, total), d)| (phase, total, d.load(Ordering::Relaxed)))
            .collect()
    }
}

#[test]
fn a_build_counts_every_photo_and_page_up_to_its_total() {
    let t = gallery_site();
    let recorder = Arc::new(Recorder::default());
    let options = BuildOptions {
        site: t.site.clone(),
        output: t.out.clone(),
        drafts: false,
        today: None,
        when_busy: Default::default(),
        progress: ProgressHandle::new(recorder.clone()),
        base_url: None,
        skip_broken_includes: false,
    };
    let report = bitimger::build::build(&options).unwrap();
    assert!(report.written, "{:?}", report.diagnostics);
    let pages = t.html_pages().len();
    assert!(pages > 10, "{pages} pages");
    assert_eq!(report.pages, pages);
    assert_eq!(
        recorder.seen(),
        [
            (Phase::Reading, 0, 0),
            (Phase::Photos, 2, 2),
            (Phase::Pages, pages, pages),
            (Phase::Checking, 0, 0),
            (Phase::Writing, 0, 0),
        ]
    );
}

#[test]
fn serve_counts_its_first_build_and_not_the_rebuilds() {
    let t = gallery_site();
    let recorder = Arc::new(Recorder::default());
    let mut options = bitimger::serve::ServeOptions::new(t.site.clone());
    options.port = 0;
    options.progress = ProgressHandle::new(recorder.clone());
    let (built, reports) = std::sync::mpsc::channel();
    let handle = bitimger::serve::start(options, move |r| {
        let _ = built.send((r.first, r.published, r.pages));
    })
    .unwrap();
    let (first, published, pages) = reports.recv().unwrap();
    assert!(first && published);
    let at_start = vec![
        (Phase::Reading, 0, 0),
        (Phase::Photos, 2, 2),
        (Phase::Pages, pages, pages),
    ];
    assert_eq!(recorder.seen(), at_start);
    t.edit("clubs/senim/club.yaml", "Сенім", "Сенім клубы");
    let (first, published, _) = reports.recv_timeout(Duration::from_secs(120)).unwrap();
    assert!(!first && published);
    drop(handle);
    assert_eq!(recorder.seen(), at_start);
}

/// A school site with `news` news items.
fn site_with_news(news: usize) -> SiteTest {
    let t = school(&[("clubs/senim/club.yaml", CLUB_YAML)]);
    for i in 0..news {
        t.write(
            &format!("news/2025-01-01-item-{i}.md"),
            &format!(
                "---\ntitle: {{kk: \"Жаңалық {i}\", ru: \"Новость {i}\"}}\ndate: 2025-01-1{}\n---\nКлуб тренинг өткізді.\n",
                i % 10
            ),
        );
    }
    t
}

/// The seconds in a build's summary line, or `None` when `line` is not
/// one: `Built N pages (M files) into public in S s`.
fn summary_seconds(line: &str) -> Option<f64> {
    let rest = line.strip_prefix("Built ")?;
    let (pages, rest) = rest.split_once(" pages (")?;
    let (files, rest) = rest.split_once(" files) into public in ")?;
    let seconds = rest.strip_suffix(" s")?;
    pages.parse::<usize>().ok()?;
    files.parse::<usize>().ok()?;
    seconds.parse().ok()
}

/// The site grows until its build takes more than the bar's second, so
/// the bar would have shown by then were stderr a terminal.
#[test]
fn a_long_build_not_on_a_terminal_prints_only_its_summary() {
    let mut news = 100;
    loop {
        let t = site_with_news(news);
        let run = t.build().ok();
        let stderr = run.stderr();
        assert!(!stderr.contains('\r'), "{stderr:?}");
        assert!(!stderr.contains('\u{1b}'), "{stderr:?}");
        let lines: Vec<&str> = stderr.lines().collect();
        let [line] = lines.as_slice() else {
            panic!("more than the summary: {stderr:?}");
        };
        let seconds = summary_seconds(line).unwrap_or_else(|| panic!("{line:?}"));
        if seconds > 1.5 {
            break;
        }
        assert!(
            news < 100 * 64,
            "{news} news items still build in {seconds} s"
        );
        news *= 4;
    }
}
