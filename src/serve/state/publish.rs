//! Publishing a rebuild's files into the served map: only files whose
//! bytes changed are replaced, what each replaced is kept until the build
//! ends, and a failed build puts it all back under the error panel.

use std::collections::HashSet;
use std::sync::Arc;

use super::ServeState;
use crate::diag::Diagnostics;
use crate::render::OutputFile;
use crate::serve::files;
use crate::serve::http;
use crate::serve::shared::{Body, Reload};

impl ServeState {
    /// Replaces the files whose bytes differ; returns their paths. A
    /// copied file that cannot be captured is reported and left out.
    pub(super) fn publish(
        &mut self,
        files: Vec<OutputFile>,
        diags: &mut Diagnostics,
    ) -> Vec<String> {
        let changed: Vec<(String, Body)> = {
            let served = self.shared.read();
            let mut changed = Vec::new();
            for file in files {
                let previous = served.files.get(file.path());
                match files::body_of(file, previous, &self.roots) {
                    Ok((path, body)) if previous != Some(&body) => changed.push((path, body)),
                    Ok(_) => {}
                    Err(d) => diags.push(d),
                }
            }
            changed
        };
        if changed.is_empty() {
            return Vec::new();
        }
        let mut served = self.shared.write();
        let mut paths = Vec::with_capacity(changed.len());
        for (path, body) in changed {
            let old = served.files.insert(path.clone(), body);
            self.provisional.entry(path.clone()).or_insert(old);
            paths.push(path);
        }
        paths
    }

    /// Removes the files the site no longer has (a deleted club's pages).
    pub(super) fn remove_all_but(&mut self, expected: &HashSet<String>) -> Vec<String> {
        let gone: Vec<String> = {
            let served = self.shared.read();
            served
                .files
                .keys()
                .filter(|p| !expected.contains(*p))
                .cloned()
                .collect()
        };
        let mut served = self.shared.write();
        for path in &gone {
            let old = served.files.remove(path);
            self.provisional.entry(path.clone()).or_insert(old);
        }
        gone
    }

    pub(super) fn notify(&mut self, paths: Vec<String>) {
        if !paths.is_empty() {
            self.changed += paths.len();
            self.shared.notify(Reload::Paths(Arc::new(paths)));
        }
    }

    /// A good build: it becomes the site to go back to; the overlay goes.
    pub(super) fn succeed(&mut self, styles_changed: bool) {
        self.provisional.clear();
        let had_overlay = self.shared.write().overlay.take().is_some();
        if had_overlay || styles_changed {
            self.shared.notify(Reload::All);
        }
    }

    /// A failed build: the last good site comes back, under the overlay.
    pub(super) fn fail(&mut self, diags: &Diagnostics) {
        let base = std::env::current_dir().unwrap_or_default();
        let messages = &self.shared.messages;
        let text = diags.render_text(&base, false, messages);
        let overlay = http::overlay(&text, diags.error_count(), messages);
        let mut served = self.shared.write();
        for (path, old) in self.provisional.drain() {
            match old {
                Some(body) => served.files.insert(path, body),
                None => served.files.remove(&path),
            };
        }
        served.overlay = Some(overlay.into());
        drop(served);
        self.changed = 0;
        self.shared.notify(Reload::All);
    }
}
