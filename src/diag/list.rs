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
}
