//! A Markdown file's front matter (the YAML between `---` lines at its
//! top) split from its body, with the lines each starts on.
//!
//! Layer 3 (part of `content::markdown`); imports nothing from the crate.

/// A Markdown file split into its front matter and body.
#[derive(Debug)]
pub(crate) struct Split<'a> {
    /// The YAML between the `---` lines (empty when there is none).
    pub front: &'a str,
    /// Lines before the YAML starts (1 when it follows `---`).
    pub front_offset: usize,
    /// The Markdown body.
    pub body: &'a str,
    /// Line of the body's first line, 1-based.
    pub body_line: usize,
    /// True when a `---` block was found.
    pub has_front: bool,
}

/// Splits `---\nyaml\n---\nbody`. A file without front matter is all body.
pub(crate) fn split_front_matter(text: &str) -> Result<Split<'_>, (usize, &'static str)> {
    let first = text.lines().next().unwrap_or("");
    if first.trim_end() != "---" {
        return Ok(Split {
            front: "",
            front_offset: 0,
            body: text,
            body_line: 1,
            has_front: false,
        });
    }
    let after_first = first.len()
        + if text[first.len()..].starts_with("\r\n") {
            2
        } else {
            1
        };
    let rest = text.get(after_first..).unwrap_or("");
    let mut offset = 0;
    for (i, line) in rest.split_inclusive('\n').enumerate() {
        if line.trim_end() == "---" {
            let front = &rest[..offset];
            let body = &rest[offset + line.len()..];
            return Ok(Split {
                front,
                front_offset: 1,
                body,
                body_line: i + 3,
                has_front: true,
            });
        }
        offset += line.len();
    }
    Err((
        1,
        "the front matter starts with `---` but has no closing `---` line",
    ))
}
