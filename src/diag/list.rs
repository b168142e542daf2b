//! [`Diagnostics`]: all problems of one run, counted, sorted, silenced or
//! made strict.
//!
//! Layer 0: imports nothing from the crate.

use serde::Serialize;

use super::{Diagnostic, Severity};

/// All problems of one run, in the order found.
#[derive(Debug, Default, Clone, Serialize)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// An empty list.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one problem.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    /// Adds all problems of another list.
    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    /// True when any problem is an error.
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    /// Number of errors.
    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|d| d.is_error()).count()
    }

    /// Number of warnings.
    pub fn warning_count(&self) -> usize {
        self.items.len() - self.error_count()
    }

    /// True when there is nothing at all.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The problems, errors first, then by file and line, each kind in the
    /// order found.
    pub fn sorted(&self) -> Vec<&Diagnostic> {
        let mut items: Vec<&Diagnostic> = self.items.iter().collect();
        items.sort_by(|a, b| {
            let key = |d: &Diagnostic| {
                let loc = d.location.as_ref();
                (
                    d.severity,
                    loc.map(|l| l.file.clone()),
                    loc.and_then(|l| l.line),
                )
            };
            key(a).cmp(&key(b))
        });
        items.dedup();
        items
    }

    /// Iterates in the order found.
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }

    /// Drops the warnings whose code is in `silenced`.
    pub fn silence(&mut self, silenced: &[String]) {
        self.items
            .retain(|d| d.is_error() || !silenced.iter().any(|s| s == d.code));
    }

    /// Names the school of every problem in a file inside one of `schools`
    /// (a directory's included folders, each with its name as shown, e.g.
    /// `../school-b`); problems already named keep their school.
    pub fn attribute(&mut self, schools: &[(std::path::PathBuf, String)]) {
        for d in self.items.iter_mut().filter(|d| d.school.is_none()) {
            let Some(file) = d.location.as_ref().map(|l| &l.file) else {
                continue;
            };
            // The deepest folder wins when one is inside another.
            d.school = schools
                .iter()
                .filter(|(dir, _)| file.starts_with(dir))
                .max_by_key(|(dir, _)| dir.components().count())
                .map(|(_, name)| name.clone());
        }
    }

    /// Each school named by some problem, in the order of its name, with
    /// its number of errors and of warnings.
    pub fn per_school(&self) -> Vec<(String, usize, usize)> {
        let mut counts: std::collections::BTreeMap<&str, (usize, usize)> = Default::default();
        for d in self.sorted() {
            if let Some(school) = &d.school {
                let c = counts.entry(school).or_default();
                if d.is_error() {
                    c.0 += 1;
                } else {
                    c.1 += 1;
                }
            }
        }
        counts
            .into_iter()
            .map(|(s, (e, w))| (s.to_string(), e, w))
            .collect()
    }

    /// Takes out the problems of `school`, its errors turned into warnings
    /// (the school is left out of the build, so they no longer stop it).
    pub fn take_school(&mut self, school: &str) -> Diagnostics {
        let (taken, kept) = std::mem::take(&mut self.items)
            .into_iter()
            .partition(|d| d.school.as_deref() == Some(school));
        self.items = kept;
        let mut taken = Diagnostics { items: taken };
        for d in &mut taken.items {
            d.severity = Severity::Warning;
        }
        taken
    }

    /// Turns every warning into an error (`--strict`).
    pub fn make_strict(&mut self) {
        for d in &mut self.items {
            d.severity = Severity::Error;
        }
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_sort_before_warnings() {
        let mut d = Diagnostics::new();
        d.push(Diagnostic::warning("club/no-feedback", "w"));
        d.push(Diagnostic::error("club/missing", "e"));
        let sorted = d.sorted();
        assert_eq!(sorted[0].code, "club/missing");
        assert_eq!(d.error_count(), 1);
        assert_eq!(d.warning_count(), 1);
    }

    #[test]
    fn problems_in_an_included_folder_name_its_school() {
        let mut d = Diagnostics::new();
        let at = |f: &str| super::super::Location::file(f);
        d.push(Diagnostic::error("club/missing", "e").at(at("/s/b/clubs/x/club.yaml")));
        d.push(Diagnostic::warning("club/no-feedback", "w").at(at("/s/b/clubs/y/club.yaml")));
        d.push(Diagnostic::error("club/missing", "e").at(at("/s/region/clubs/z/club.yaml")));
        d.push(Diagnostic::error("club/missing", "e").at(at("/s/bb/clubs/z/club.yaml")));
        d.attribute(&[("/s/b".into(), "../b".into())]);
        assert_eq!(d.per_school(), [("../b".to_string(), 1, 1)]);
        let taken = d.take_school("../b");
        assert_eq!((taken.error_count(), taken.warning_count()), (0, 2));
        assert_eq!(d.error_count(), 2, "the others stay errors");
    }
}
