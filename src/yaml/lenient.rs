//! Finding every problem of a file that failed to parse, not only the
//! first. The typed checks (`checks`) read the file into its type once
//! more: they pass over unknown fields (so one run finds them all, once
//! a type has shown that it refuses them) and stop at the first other
//! problem. A value of the wrong kind is left out of the next run; a
//! missing or duplicate field, or a file that is not valid YAML, ends the
//! search. A syntax error is reported after the first problem, and that
//! is all: the YAML cannot be read past it.
//!
//! Layer 1: part of `yaml`.

use std::collections::HashSet;

use serde::de::{Deserialize, DeserializeOwned, IgnoredAny, Visitor};

use super::checks::{self, At, Fault, Plan};
use super::locate::tree_of;
use super::problem::{Found, Hint, Problem, Step, path_name, segs};
use super::tree::{Kind, Pos, Style, Tree};
use super::{Failed, Source, report, syntax};
use crate::diag::Diagnostic;

/// At most this many runs, and this many problems reported: a file with
/// more is not worth reading further.
const MAX_ROUNDS: usize = 100;

/// Bytes read again, at most, in the search for more problems: a 4 MB
/// file with a hundred wrong values would be read a hundred times
/// (minutes). Big files get fewer rounds.
const REPARSE_BUDGET: usize = 8 * 1024 * 1024;

/// serde_yaml reads collections nested at most this deep.
const MAX_DEPTH: usize = 128;

/// Rounds for a text of `len` bytes: [`MAX_ROUNDS`], fewer for big texts,
/// and at least two.
fn rounds(len: usize) -> usize {
    (REPARSE_BUDGET / len.max(1)).clamp(2, MAX_ROUNDS)
}

/// Collects the problems of `source`, whose strict parse failed.
pub(super) fn diagnose<T: DeserializeOwned>(source: Source<'_>) -> Failed<T> {
    let tree = tree_of(source.text);
    // Where the text stops being valid YAML, by the same parser.
    let invalid = serde_yaml::from_str::<IgnoredAny>(source.text).err();
    let mut search = Search {
        source,
        tree: &tree,
        invalid: invalid.as_ref().map(|e| {
            e.location().map(|l| Pos {
                line: l.line(),
                col: l.column(),
            })
        }),
        plan: Plan::default(),
        found: Vec::new(),
        seen: HashSet::new(),
        left_out: HashSet::new(),
    };
    let lenient = search.rounds::<T>();
    if let Some(at) = search.invalid {
        let d = match (at, tree.second_document) {
            (Some(at), _) => syntax::diagnostic(source, &tree, at),
            (None, Some(second)) => report::second_document(source, second),
            (None, None) => report::unreadable(source, &tree, &[]),
        };
        search.add(d);
    }
    let mut diagnostics = search.found;
    diagnostics.sort_by_key(|d| {
        d.location
            .as_ref()
            .map(|l| (l.line.unwrap_or(0), l.column.unwrap_or(0)))
    });
    Failed {
        diagnostics,
        lenient,
    }
}

fn same(a: &Fault, b: &Fault) -> bool {
    a.path == b.path && a.at == b.at && a.problem == b.problem
}

struct Search<'a> {
    source: Source<'a>,
    tree: &'a Tree,
    /// Where the text is not valid YAML (None inside: no position, as for
    /// a second document).
    invalid: Option<Option<Pos>>,
    plan: Plan,
    found: Vec<Diagnostic>,
    seen: HashSet<(&'static str, Option<usize>, Option<usize>, String)>,
    /// Full names of the fields left out, and of those a typo was
    /// probably meant to be: that one of them is then missing says
    /// nothing new.
    left_out: HashSet<String>,
}

impl Search<'_> {
    /// Runs the checks until the file reads, or a problem ends the search;
    /// the value read when only unknown fields were passed over.
    fn rounds<T: DeserializeOwned>(&mut self) -> Option<T> {
        let mut last: Option<Fault> = None;
        for _ in 0..rounds(self.source.text.len()) {
            let outcome = checks::run::<T>(self.source.text, self.tree, &self.plan);
            for unknown in &outcome.unknown {
                self.add(report::unknown_field(self.source, self.tree, unknown));
                self.leave_out(&unknown.path, unknown.meant);
            }
            let fault = match (outcome.value, outcome.fault) {
                (Ok(value), _) => return self.plan.skipped.is_empty().then_some(value),
                (Err(_), fault) => fault.unwrap_or_else(|| Fault {
                    path: Vec::new(),
                    at: At::Value,
                    problem: Problem::Passed,
                    hint: Hint::Any,
                }),
            };
            let again = last.as_ref().is_some_and(|l| same(l, &fault));
            if again || !self.step(&fault) || self.invalid.is_some() || self.full() {
                return None;
            }
            last = Some(fault);
        }
        None
    }

    fn add(&mut self, d: Diagnostic) {
        let at = d.location.as_ref();
        let key = (
            d.code,
            at.and_then(|l| l.line),
            at.and_then(|l| l.column),
            d.message.clone(),
        );
        if !self.full() && self.seen.insert(key) {
            self.found.push(d);
        }
    }

    fn full(&self) -> bool {
        self.found.len() >= MAX_ROUNDS
    }

    fn leave_out(&mut self, path: &[Step], field: Option<&str>) {
        let mut full = path.to_vec();
        if let Some(field) = field {
            full.push(Step::Key(field.to_string()));
        }
        self.left_out.insert(path_name(&full));
    }

    fn report(&mut self, fault: &Fault) {
        if let Some(d) = report::fault(self.source, self.tree, fault) {
            self.add(d);
        }
    }

    /// Reports the fault of a run and learns how to get past it; false
    /// when the search ends here.
    fn step(&mut self, fault: &Fault) -> bool {
        match &fault.problem {
            Problem::UnknownField { field, expected } => {
                self.plan.refuse(&fault.path, field, expected);
                self.report(fault);
                let meant = crate::diag::did_you_mean(field, expected.iter().copied());
                self.leave_out(&fault.path, meant);
                true
            }
            Problem::MissingField(field) => {
                let mut full = fault.path.clone();
                full.push(Step::Key(field.to_string()));
                if !self.left_out.contains(&path_name(&full)) {
                    self.report(fault);
                }
                false
            }
            Problem::DuplicateField(_) => {
                self.report(fault);
                false
            }
            Problem::Passed => self.untyped(fault),
            _ => {
                self.report(fault);
                self.skip(fault)
            }
        }
    }

    /// An error of the YAML library itself: a value it refused to read as
    /// what was asked, a syntax error (reported at the end), or nesting
    /// past its limit.
    fn untyped(&mut self, fault: &Fault) -> bool {
        let (source, tree) = (self.source, self.tree);
        let before_invalid = |at: Pos| match self.invalid {
            Some(Some(invalid)) => at < invalid,
            Some(None) | None => true,
        };
        if let Some((at, found)) = mismatch(tree, fault).filter(|(at, _)| before_invalid(*at)) {
            self.add(report::wrong_type(
                source,
                at,
                &fault.path,
                &found,
                fault.hint,
                "",
            ));
            return self.skip(fault);
        }
        if self.invalid.is_none() {
            self.add(if tree.depth >= MAX_DEPTH {
                report::too_complex(source)
            } else {
                report::unreadable(source, tree, &fault.path)
            });
        }
        false
    }

    /// Leaves the value of a fault out of the next run, when it is the
    /// value of a key.
    fn skip(&mut self, fault: &Fault) -> bool {
        let mut target = fault.path.clone();
        if let At::Key(key, _) = &fault.at {
            target.push(Step::Key(key.clone()));
        }
        if !matches!(target.last(), Some(Step::Key(_))) {
            return false;
        }
        self.left_out.insert(path_name(&target));
        self.plan.skipped.insert(target);
        true
    }
}

/// What the YAML library refused, when the value at the fault's path is
/// not of the kind asked for: where it is and what it is.
fn mismatch(tree: &Tree, fault: &Fault) -> Option<(Pos, Found)> {
    let node = match fault.at {
        At::Value => {
            let walked = tree.walk(&segs(&fault.path));
            walked.node.filter(|_| walked.complete)?
        }
        At::Entry(n) => report::entry(tree, &fault.path, n)?,
        At::Key(..) => return None,
    };
    let found = match (tree.kind(node), fault.hint) {
        (_, Hint::Any) | (Kind::Alias, _) => return None,
        (Kind::Seq, Hint::Seq) | (Kind::Map, Hint::Map | Hint::Struct(_)) => return None,
        (Kind::Seq, _) => Found::Seq,
        (Kind::Map, _) => Found::Map,
        // Any text is a name: a key that could not be read failed for
        // another reason.
        (Kind::Scalar, _) if matches!(fault.at, At::Entry(_)) => return None,
        (Kind::Scalar, _) => {
            let empty = tree.style(node) == Style::Plain && tree.scalar(node).is_empty();
            if empty && matches!(fault.hint, Hint::Seq | Hint::Map | Hint::Struct(_)) {
                return None;
            }
            scalar(tree, node)
        }
    };
    Some((tree.start(node), found))
}

/// A scalar as the YAML library reads it when nothing in particular is
/// asked: `5` a number, `true` a boolean, quoted text always text.
fn scalar(tree: &Tree, node: u32) -> Found {
    let text = tree.scalar(node);
    if tree.style(node) != Style::Plain {
        return Found::Text(text.to_string());
    }
    serde_yaml::from_str::<Probe>(text).map_or_else(|_| Found::Text(text.to_string()), |p| p.0)
}

struct Probe(Found);

impl<'de> Deserialize<'de> for Probe {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ProbeVisitor)
    }
}

struct ProbeVisitor;

impl Visitor<'_> for ProbeVisitor {
    type Value = Probe;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a single value")
    }

    fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<Probe, E> {
        Ok(Probe(Found::Bool(v)))
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Probe, E> {
        Ok(Probe(Found::Signed(v)))
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Probe, E> {
        Ok(Probe(Found::Unsigned(v)))
    }

    fn visit_i128<E: serde::de::Error>(self, v: i128) -> Result<Probe, E> {
        Ok(Probe(Found::Huge(v.to_string())))
    }

    fn visit_u128<E: serde::de::Error>(self, v: u128) -> Result<Probe, E> {
        Ok(Probe(Found::Huge(v.to_string())))
    }

    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Probe, E> {
        Ok(Probe(Found::Float(v)))
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Probe, E> {
        Ok(Probe(Found::Text(v.to_string())))
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Probe, E> {
        Ok(Probe(Found::Unit))
    }
}

#[cfg(test)]
mod tests;
