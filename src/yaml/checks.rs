//! The typed checks of a file that failed to parse: serde_yaml reads it
//! into the program's own types once more, through thin wrappers
//! (`wrap`) that keep the path to the value being read and note the first
//! problem as data ([`Fault`]). Unknown fields are compared with the
//! fields the type asks for and passed over (or read as the field they
//! are a typo of), so one run finds them all; a value of the wrong kind
//! stops the run, and the next one leaves it out ([`Plan`]).
//!
//! Layer 1: part of `yaml`.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

use serde::Deserialize;

use super::problem::{Hint, Problem, Step, segs};
use super::tree::{Kind, Tree};
use crate::diag::did_you_mean;

mod access;
mod wrap;

/// What earlier runs learnt, for the next one to get past.
#[derive(Debug, Default)]
pub(super) struct Plan {
    /// The field lists of types found to refuse unknown fields.
    deny: Vec<&'static [&'static str]>,
    /// Unknown keys of maps whose type was not known up front (read
    /// through another type's map), with the fields allowed there.
    unknown: HashMap<(Vec<Step>, String), &'static [&'static str]>,
    /// Values of the wrong kind, left out.
    pub skipped: HashSet<Vec<Step>>,
}

impl Plan {
    /// Learns that the map at `path` refuses `key`, and every map of a
    /// type with these `fields` refuses unknown keys.
    pub(super) fn refuse(&mut self, path: &[Step], key: &str, fields: &'static [&'static str]) {
        if !self.deny.contains(&fields) {
            self.deny.push(fields);
        }
        self.unknown
            .insert((path.to_vec(), key.to_string()), fields);
    }
}

/// Where a fault points: at the value at its path, or at a key of the map
/// there (the n-th key written so, counting from 0), or at the key of its
/// n-th entry (a key that is not a name).
#[derive(Debug, Clone, PartialEq)]
pub(super) enum At {
    Value,
    Key(String, usize),
    Entry(usize),
}

/// The problem that stopped a run, where it happened.
#[derive(Debug, Clone)]
pub(super) struct Fault {
    pub path: Vec<Step>,
    pub at: At,
    pub problem: Problem,
    /// What the value was asked to be.
    pub hint: Hint,
}

/// An unknown field that a run passed over.
#[derive(Debug, Clone)]
pub(super) struct Unknown {
    /// The map it is in.
    pub path: Vec<Step>,
    pub key: String,
    /// Which of the keys written so it is, counting from 0.
    pub nth: usize,
    pub expected: &'static [&'static str],
    /// The field it is probably a typo of.
    pub meant: Option<&'static str>,
}

/// What one run found.
pub(super) struct Outcome<T> {
    pub value: Result<T, serde_yaml::Error>,
    pub fault: Option<Fault>,
    pub unknown: Vec<Unknown>,
}

/// Reads `text` into `T` with the checks, getting past what `plan` knows.
pub(super) fn run<'de, T: Deserialize<'de>>(
    text: &'de str,
    tree: &Tree,
    plan: &Plan,
) -> Outcome<T> {
    let ctx = Ctx {
        tree,
        plan,
        state: RefCell::default(),
    };
    let value = wrap::read(text, &ctx);
    let state = ctx.state.into_inner();
    Outcome {
        value,
        fault: state.fault,
        unknown: state.unknown,
    }
}

/// The state of one run, shared by the wrappers.
struct Ctx<'a> {
    tree: &'a Tree,
    plan: &'a Plan,
    state: RefCell<State>,
}

#[derive(Default)]
struct State {
    path: Vec<Step>,
    fault: Option<Fault>,
    unknown: Vec<Unknown>,
}

/// How to read a key of a map.
enum Read {
    /// Give the type the key as written.
    As(String),
    /// Give the type the field the key is a typo of.
    Rename(&'static str),
    /// Pass over the key and its value.
    Skip,
}

impl Ctx<'_> {
    fn push(&self, step: Step) {
        self.state.borrow_mut().path.push(step);
    }

    fn pop(&self) {
        self.state.borrow_mut().path.pop();
    }

    /// Notes `problem` as the fault of the run, unless one is noted
    /// already (the innermost wrapper sees a problem first). Hands back
    /// [`Problem::Passed`] for the wrappers further out.
    fn fail(&self, problem: Problem, hint: Hint, at: At) -> Problem {
        let mut state = self.state.borrow_mut();
        if state.fault.is_none() {
            state.fault = Some(Fault {
                path: state.path.clone(),
                at,
                problem,
                hint,
            });
        }
        Problem::Passed
    }

    /// An error of the YAML library, seen here first or passing through.
    fn passed(&self) -> Problem {
        self.fail(Problem::Passed, Hint::Any, At::Value)
    }

    /// How to read the key `key` of a map of a type with these `fields`
    /// (None when read through another type), after `renamed` typos were
    /// read as their fields.
    fn read_key(
        &self,
        fields: Option<&'static [&'static str]>,
        key: &str,
        nth: usize,
        renamed: &[&'static str],
    ) -> Read {
        let mut state = self.state.borrow_mut();
        if !self.plan.skipped.is_empty() {
            let mut child = state.path.clone();
            child.push(Step::Key(key.to_string()));
            if self.plan.skipped.contains(&child) {
                return Read::Skip;
            }
        }
        let expected = match fields {
            Some(f) if !f.contains(&key) && self.plan.deny.contains(&f) => Some(f),
            _ if self.plan.unknown.is_empty() => None,
            _ => {
                let at = (state.path.clone(), key.to_string());
                self.plan.unknown.get(&at).copied()
            }
        };
        let Some(expected) = expected else {
            return Read::As(key.to_string());
        };
        let meant = did_you_mean(key, expected.iter().copied());
        // A typo is read as the field it stands for when the map does not
        // have that field already (or its value is left out), so what
        // depends on it is checked too.
        let free = meant.filter(|m| !renamed.contains(m) && self.lacks(&state.path, m));
        let path = state.path.clone();
        state.unknown.push(Unknown {
            path,
            key: key.to_string(),
            nth,
            expected,
            meant,
        });
        match free {
            Some(m) => Read::Rename(m),
            None => Read::Skip,
        }
    }

    /// Whether the map at `path` surely has no key `name` for the type:
    /// none is written, or its value is left out.
    fn lacks(&self, path: &[Step], name: &str) -> bool {
        let mut field = path.to_vec();
        field.push(Step::Key(name.to_string()));
        if self.plan.skipped.contains(&field) {
            return true;
        }
        let walked = self.tree.walk(&segs(path));
        match walked.node {
            Some(map) if walked.complete && self.tree.kind(map) == Kind::Map => {
                self.tree.key(map, name).is_none()
            }
            _ => false,
        }
    }
}
