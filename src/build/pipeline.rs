//! The one pipeline of every command: prepare (load → validate → site
//! rules → UI messages), then a render [`Pass`] (theme → pages and files,
//! each looked at by the rules) and the rules over the whole output.
//!
//! `build`, `check` and `serve` all run it; they differ only in where the
//! rendered files go (a folder, nowhere, memory), so no rule can be applied
//! by one command and not by another.

use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::content::{LoadOptions, Site, load_site};
use crate::diag::Diagnostics;
use crate::i18n::{I18n, load_i18n};
use crate::progress::Phase;
use crate::render::{OutputFile, PageTask, RenderOptions, Renderer, Sink};
use crate::rules::Rules;

/// A site loaded, validated and checked by the rules over the model, with
/// its UI messages: ready to render when the diagnostics have no error.
pub struct Prepared {
    /// The site.
    pub site: Site,
    /// Its UI messages.
    pub i18n: Arc<I18n>,
    rules: Rules,
    /// The included folders, each with its name as shown.
    schools: Vec<(PathBuf, String)>,
}

/// Loads the site in `dir` and runs every rule over the model. `None` when
/// site.yaml cannot be read (`diags` says why). Rendering must not start
/// when `diags` then has an error. Every problem in a directory's included
/// folder names its school; with `load.skip_broken_includes`, the school
/// folders with errors are left out (their problems become warnings, and
/// a warning says each one was left out) and the site is loaded again
/// without them, until none is left with an error.
pub fn prepare(dir: &Path, load: &LoadOptions, diags: &mut Diagnostics) -> Option<Prepared> {
    let mut load = load.clone();
    let mut skipped = Diagnostics::new();
    loop {
        let mut found = Diagnostics::new();
        let Some(prepared) = prepare_once(dir, &load, &mut found) else {
            diags.extend(skipped);
            diags.extend(found);
            return None;
        };
        found.attribute(&prepared.schools);
        let broken = match load.skip_broken_includes {
            true => super::includes::broken(&prepared.schools, &found),
            false => Vec::new(),
        };
        if broken.is_empty() {
            diags.extend(skipped);
            diags.extend(found);
            return Some(prepared);
        }
        for (folder, name, errors) in broken {
            skipped.extend(found.take_school(&name));
            let config = &prepared.site.config;
            let warning = super::includes::skipped_warning(&folder, &name, errors, config);
            skipped.push(warning);
            load.leave_out.push(folder);
        }
    }
}

/// [`prepare`] once, every included folder read but those left out.
fn prepare_once(dir: &Path, load: &LoadOptions, diags: &mut Diagnostics) -> Option<Prepared> {
    let site = load_site(dir, load, diags)?;
    let i18n = Arc::new(load_i18n(&site.config.languages, &site.messages, diags));
    let rules = Rules::new();
    // Rules read the site's files again; on a site that did not load
    // cleanly they would only repeat what the loader said.
    if !diags.has_errors() {
        rules.site(&site, diags);
    }
    let schools = super::includes::schools(dir, &site.config);
    Some(Prepared {
        site,
        i18n,
        rules,
        schools,
    })
}

/// One rendering of a prepared site: the theme compiled, the images
/// processed, the list of pages and files made, and the rules ready to
/// look at each file. Files come out of it only through methods that show
/// them to the rules first.
pub struct Pass<'a> {
    prepared: &'a Prepared,
    renderer: Renderer<'a>,
    tasks: Vec<PageTask>,
    others: Vec<OutputFile>,
}

impl<'a> Pass<'a> {
    /// Compiles the theme (its problems go to `diags` even when the content
    /// has errors), then, when nothing is wrong, processes the images and
    /// plans every output file, checking that no two share a path. `None`
    /// when there is nothing to render.
    pub fn new(
        prepared: &'a Prepared,
        options: &'a RenderOptions,
        diags: &mut Diagnostics,
    ) -> Option<Self> {
        let site = &prepared.site;
        if diags.has_errors() {
            crate::render::check_theme(site, prepared.i18n.clone(), diags);
            return None;
        }
        let renderer = Renderer::new(site, prepared.i18n.clone(), options, diags)?;
        let tasks = renderer.pages();
        let others = renderer.other_files();
        crate::render::check_unique_paths(tasks.iter().map(PageTask::path), &others, diags);
        if diags.has_errors() {
            return None;
        }
        options.progress.start(Phase::Pages, tasks.len());
        Some(Pass {
            prepared,
            renderer,
            tasks,
            others,
        })
    }

    /// How many published images this pass took from the photo cache,
    /// and how many it encoded.
    pub fn photos(&self) -> crate::render::PhotoCounts {
        self.renderer.photos()
    }

    /// Every page of the site, in every language.
    pub fn tasks(&self) -> &[PageTask] {
        &self.tasks
    }

    /// The list of pages, taken out of the pass (freeing a large site's
    /// list takes a while: the caller may drop it elsewhere).
    pub fn into_tasks(self) -> Vec<PageTask> {
        self.tasks
    }

    /// The pages showing the club `slug` (see [`Renderer::club_pages`]).
    pub fn club_pages(&self, slug: &str) -> Vec<PageTask> {
        self.renderer.club_pages(slug)
    }

    /// Renders `tasks` in parallel, each file seen by the rules; each
    /// distinct template problem goes to `diags` once.
    pub fn render_tasks(&self, tasks: &[&PageTask], diags: &mut Diagnostics) -> Vec<OutputFile> {
        let files = self.renderer.render_tasks(tasks, diags);
        for f in &files {
            self.prepared.rules.file(f);
        }
        files
    }

    /// The files that are not pages (images, feeds, exports, static files,
    /// documents), each seen by the rules.
    pub fn other_files(&self) -> Vec<OutputFile> {
        for f in &self.others {
            self.prepared.rules.file(f);
        }
        self.others.clone()
    }

    /// Renders every file in parallel into `sink`, each seen by the rules
    /// first. Once `diags` holds an error nothing more goes to `sink`, and
    /// what it got must not be published.
    pub fn render_to(self, diags: &mut Diagnostics, sink: Sink<'_>) {
        let rules = &self.prepared.rules;
        let seen = |f: OutputFile| {
            rules.file(&f);
            sink(f)
        };
        self.renderer
            .render_to(&self.tasks, self.others, diags, &seen);
    }
}

impl Prepared {
    /// The rules over everything rendered (numbers only the output shows,
    /// links and anchors), then the site's `silence:` list. Call once, after
    /// every file went through a [`Pass`] of this site.
    pub fn finish(self, diags: &mut Diagnostics) -> Site {
        self.rules.finish(&self.site, diags);
        diags.attribute(&self.schools);
        diags.silence(&self.site.config.silence);
        self.site
    }
}

/// Runs the whole pipeline on the site in `dir`: every file goes to `sink`
/// as soon as it is rendered and the rules saw it. Returns the site (when
/// site.yaml could be read) and every problem found. What `sink` got must
/// not be published when the problems include an error.
pub fn generate(
    dir: &Path,
    load: &LoadOptions,
    render: &RenderOptions,
    sink: Sink<'_>,
) -> (Option<Site>, Diagnostics) {
    let mut diags = Diagnostics::new();
    let Some(prepared) = prepare(dir, load, &mut diags) else {
        return (None, diags);
    };
    if let Some(pass) = Pass::new(&prepared, render, &mut diags) {
        pass.render_to(&mut diags, sink);
    }
    let site = prepared.finish(&mut diags);
    (Some(site), diags)
}

/// `check`: the whole pipeline, with every rendered file dropped once the
/// rules saw it. Writes nothing.
pub fn check(dir: &Path, load: &LoadOptions, render: &RenderOptions) -> Diagnostics {
    generate(dir, load, render, &|_| ControlFlow::Continue(())).1
}
