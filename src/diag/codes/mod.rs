//! Every diagnostic code the program can emit, with its severity and what
//! it finds, in one table (`content.rs`, `site.rs`, and the field codes here): what `silence:` accepts, what the list of codes
//! in docs/check.md is generated from (a test keeps them equal), and what
//! [`super::Diagnostic`] checks its code against in debug builds (so every
//! test run finds an unregistered code).
//!
//! Layer 0 (part of `diag`).

mod content;
mod site;

use super::Severity;

/// One code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Code {
    /// The stable code, e.g. `club/unknown-region`.
    pub code: &'static str,
    /// Error or warning.
    pub severity: Severity,
    /// What it finds, in a line.
    pub summary: &'static str,
}

const fn code(code: &'static str, severity: Severity, summary: &'static str) -> Code {
    Code {
        code,
        severity,
        summary,
    }
}

use Severity::{Error, Warning};

/// The codes of one kind of file's fields (`club/unknown-field` ...), for
/// each kind of YAML file: [`family_code`] interns them.
macro_rules! families {
    ($($f:literal),*) => {
        /// The kinds of YAML files whose fields are checked one by one.
        pub const FAMILIES: &[&str] = &[$($f),*];
        /// The field codes of every kind of YAML file.
        const FIELD_CODES: &[Code] = &[$(
            code(concat!($f, "/unknown-field"), Error, "a field that does not exist (often a typo)"),
            code(concat!($f, "/invalid-value"), Error, "a value that is not one of those allowed"),
            code(concat!($f, "/missing-field"), Error, "a required field left out"),
            code(concat!($f, "/duplicate-key"), Error, "a field written twice"),
            code(concat!($f, "/wrong-type"), Error, "a value of the wrong kind (text for a number, a list for a text ...)"),
            code(concat!($f, "/invalid"), Error, "a value that cannot be read"),
        )*];
    };
}

families!(
    "site",
    "club",
    "report",
    "plan",
    "news",
    "page",
    "documents",
    "photos",
    "principles"
);

/// Every code: what the site says, the site as a whole, then the field
/// codes of every kind of YAML file.
pub fn all() -> impl Iterator<Item = &'static Code> {
    content::CONTENT.iter().chain(site::SITE).chain(FIELD_CODES)
}

/// The entry of `code`, when it is one.
pub fn find(code: &str) -> Option<&'static Code> {
    all().find(|c| c.code == code)
}

/// `family/kind` (`club/unknown-field`) as the registered code; `yaml/invalid`
/// for a family or kind not in the table.
pub fn family_code(family: &str, kind: &str) -> &'static str {
    FIELD_CODES
        .iter()
        .find(|c| c.code.split_once('/') == Some((family, kind)))
        .map_or("yaml/invalid", |c| c.code)
}

/// The list of every code as a Markdown table, for docs/check.md.
pub fn markdown_table() -> String {
    let mut out = String::from("| code | level | what it finds |\n|---|---|---|\n");
    let mut codes: Vec<&Code> = all().collect();
    codes.sort_by_key(|c| c.code);
    for c in codes {
        let level = match c.severity {
            Error => "error",
            Warning => "warning",
        };
        out.push_str(&format!("| `{}` | {level} | {} |\n", c.code, c.summary));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// docs/check.md holds the table between its `codes` markers.
    #[test]
    fn docs_list_every_code() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/check.md");
        let doc = std::fs::read_to_string(path).unwrap();
        let (start, end) = ("<!-- codes:start -->\n", "<!-- codes:end -->");
        let (before, rest) = doc.split_once(start).expect("codes:start marker");
        let (listed, after) = rest.split_once(end).expect("codes:end marker");
        let table = markdown_table();
        if std::env::var_os("BITIMGER_WRITE_CODES").is_some() {
            std::fs::write(path, format!("{before}{start}{table}{end}{after}")).unwrap();
            return;
        }
        assert_eq!(
            listed, table,
            "docs/check.md's list of codes is not src/diag/codes/'s"
        );
    }

    #[test]
    fn codes_are_listed_once_and_family_codes_are_interned() {
        let mut seen = std::collections::HashSet::new();
        for c in all() {
            assert!(seen.insert(c.code), "{} twice", c.code);
        }
        assert_eq!(family_code("club", "unknown-field"), "club/unknown-field");
        assert_eq!(family_code("nowhere", "unknown-field"), "yaml/invalid");
        assert_eq!(find("privacy/iin").map(|c| c.severity), Some(Error));
    }
}
