//! A progress bar for long builds (`build`, the first build of `serve`):
//! photos and pages done out of how many, drawn on stderr only when it is
//! a terminal, and only once the work has taken a second, so quick builds
//! and anything a script reads (a log, CI, a pipe) show only the summary.
//! It is cleared before the summary is printed.
//!
//! The library counts (through [`bitimger::progress::Progress`]); this
//! draws, with indicatif.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::Duration;

use bitimger::progress::{Phase, Progress, ProgressHandle};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long work goes on unseen before the bar is shown.
const DELAY: Duration = Duration::from_secs(1);
/// How often the bar is redrawn while shown (the spinner turns).
const TICK: Duration = Duration::from_millis(120);
/// A phase of unknown length: a turning spinner. ASCII only, for old
/// Windows consoles.
const SPINNER: &str = "{spinner} {msg}";
/// A phase with a count: `pages  [=====>    ] 120/480`.
const COUNTED: &str = "{msg:6} [{bar:30}] {pos}/{len}";

/// The words shown for a phase (`print.rs::phase_label`, with the other
/// texts of the command line).
pub(crate) type Label = fn(Phase) -> String;

/// Progress of the command line: a [`Bar`] on stderr when it is a
/// terminal, else nothing at all.
#[derive(Clone)]
pub(crate) struct TermProgress(Option<Arc<Bar>>);

impl TermProgress {
    /// A bar on stderr if it is a terminal, naming phases with `label`.
    pub(crate) fn on_stderr(label: Label) -> Self {
        let shown = std::io::stderr().is_terminal();
        TermProgress(shown.then(|| Arc::new(Bar::new(DELAY, label, ProgressDrawTarget::stderr))))
    }

    /// What to give the library to count into.
    pub(crate) fn handle(&self) -> ProgressHandle {
        match &self.0 {
            Some(bar) => ProgressHandle::new(bar.clone()),
            None => ProgressHandle::default(),
        }
    }

    /// Removes the bar (before anything else is printed); later counts
    /// are not shown.
    pub(crate) fn clear(&self) {
        if let Some(bar) = &self.0 {
            bar.clear();
        }
    }
}

/// Makes the place the bar is drawn, when it is shown.
type Target = Box<dyn FnOnce() -> ProgressDrawTarget + Send>;

/// When the bar shows: at the end of the timer started by the first
/// phase, unless the timer's sender is dropped first.
struct Reveal {
    /// Until the first phase begins.
    target: Option<Target>,
    /// While the timer runs or has run.
    timer: Option<(mpsc::Sender<()>, JoinHandle<()>)>,
}

/// An indicatif bar, hidden until the first phase has gone on for a
/// while.
pub(crate) struct Bar {
    bar: ProgressBar,
    delay: Duration,
    label: Label,
    reveal: Mutex<Reveal>,
    /// Set by [`Bar::clear`]: later counts are ignored.
    cleared: AtomicBool,
}

impl Bar {
    /// A bar drawn on `target` once a phase has gone on for `delay`.
    fn new(
        delay: Duration,
        label: Label,
        target: impl FnOnce() -> ProgressDrawTarget + Send + 'static,
    ) -> Self {
        Bar {
            bar: ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden()),
            delay,
            label,
            reveal: Mutex::new(Reveal {
                target: Some(Box::new(target)),
                timer: None,
            }),
            cleared: AtomicBool::new(false),
        }
    }

    /// Starts the timer at the first phase.
    fn time(&self) {
        let mut reveal = self.reveal.lock().unwrap_or_else(PoisonError::into_inner);
        let Some(target) = reveal.target.take() else {
            return;
        };
        let (stop, stopped) = mpsc::channel::<()>();
        let (bar, delay) = (self.bar.clone(), self.delay);
        let timer = std::thread::spawn(move || {
            if let Err(RecvTimeoutError::Timeout) = stopped.recv_timeout(delay) {
                bar.set_draw_target(target());
                bar.enable_steady_tick(TICK);
            }
        });
        reveal.timer = Some((stop, timer));
    }

    /// Stops the timer, and clears the bar if it was shown.
    fn clear(&self) {
        self.cleared.store(true, Ordering::Relaxed);
        let timer = {
            let mut reveal = self.reveal.lock().unwrap_or_else(PoisonError::into_inner);
            reveal.target = None;
            reveal.timer.take()
        };
        if let Some((stop, timer)) = timer {
            drop(stop);
            let _ = timer.join();
        }
        self.bar.finish_and_clear();
    }
}

impl Progress for Bar {
    fn start(&self, phase: Phase, total: usize) {
        if self.cleared.load(Ordering::Relaxed) {
            return;
        }
        let style = if total == 0 {
            ProgressStyle::with_template(SPINNER).map(|s| s.tick_chars("-\\|/ "))
        } else {
            ProgressStyle::with_template(COUNTED).map(|s| s.progress_chars("=> "))
        };
        // Each change may be drawn: the words first, so that no frame
        // shows the new count under the old phase's name.
        self.bar.set_message((self.label)(phase));
        self.bar
            .set_style(style.unwrap_or_else(|_| ProgressStyle::default_spinner()));
        self.bar.set_length(total as u64);
        self.bar.set_position(0);
        self.time();
    }

    fn advance(&self, n: usize) {
        if !self.cleared.load(Ordering::Relaxed) {
            self.bar.inc(n as u64);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use indicatif::TermLike;
    use std::io;

    /// A terminal that keeps what was written to it.
    #[derive(Debug, Clone, Default)]
    struct Screen(Arc<Mutex<String>>);

    impl Screen {
        fn text(&self) -> String {
            self.0.lock().unwrap().clone()
        }
    }

    impl TermLike for Screen {
        fn width(&self) -> u16 {
            80
        }
        fn move_cursor_up(&self, _: usize) -> io::Result<()> {
            Ok(())
        }
        fn move_cursor_down(&self, _: usize) -> io::Result<()> {
            Ok(())
        }
        fn move_cursor_right(&self, _: usize) -> io::Result<()> {
            Ok(())
        }
        fn move_cursor_left(&self, _: usize) -> io::Result<()> {
            Ok(())
        }
        fn write_line(&self, s: &str) -> io::Result<()> {
            self.write_str(&format!("{s}\n"))
        }
        fn write_str(&self, s: &str) -> io::Result<()> {
            self.0.lock().unwrap().push_str(s);
            Ok(())
        }
        fn clear_line(&self) -> io::Result<()> {
            self.write_str("<clear>")
        }
        fn flush(&self) -> io::Result<()> {
            Ok(())
        }
    }

    fn bar_on(screen: &Screen, delay: Duration) -> Bar {
        let screen = screen.clone();
        Bar::new(
            delay,
            |p| format!("{p:?}").to_lowercase(),
            move || ProgressDrawTarget::term_like(Box::new(screen)),
        )
    }

    #[test]
    fn every_template_is_valid() {
        for t in [SPINNER, COUNTED] {
            assert!(ProgressStyle::with_template(t).is_ok(), "{t}");
        }
    }

    #[test]
    fn work_shorter_than_the_delay_draws_nothing() {
        let screen = Screen::default();
        let bar = bar_on(&screen, Duration::from_secs(3600));
        bar.start(Phase::Pages, 3);
        bar.advance(3);
        bar.clear();
        assert_eq!(screen.text(), "");
    }

    #[test]
    fn long_work_shows_the_phase_and_its_count_then_clears() {
        let screen = Screen::default();
        let bar = bar_on(&screen, Duration::ZERO);
        bar.start(Phase::Photos, 4);
        bar.advance(1);
        // The timer shows the bar at once; it is redrawn at every tick.
        let shown = (0..500).any(|_| {
            std::thread::sleep(Duration::from_millis(10));
            screen.text().contains("photos [=======>") && screen.text().contains("] 1/4")
        });
        assert!(shown, "never drawn: {:?}", screen.text());
        bar.clear();
        assert!(screen.text().ends_with("<clear>"), "{:?}", screen.text());
        // Counted after clearing: not drawn again.
        let before = screen.text();
        bar.start(Phase::Pages, 2);
        bar.advance(2);
        std::thread::sleep(TICK * 3);
        assert_eq!(screen.text(), before);
    }
}
