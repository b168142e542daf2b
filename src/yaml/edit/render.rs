//! How a new value is written: plain when it reads back as the same
//! text, in the quotes the old value used when it had some, else in
//! double quotes (JSON's escapes are YAML's too).

/// Where a value is written: a flow group or list (`{…}`, `[…]`) forbids
/// more characters in plain values than a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Context {
    Block,
    Flow,
}

/// `s` written so it reads back as `s`; `old` is the quote the old value
/// used (`"`, `'`, `|`), kept when possible.
pub(super) fn text(s: &str, ctx: Context, old: Option<char>) -> String {
    match old {
        Some('"') => double(s),
        Some('\'') if !s.contains(['\n', '\r', '\t']) && !s.chars().any(char::is_control) => {
            format!("'{}'", s.replace('\'', "''"))
        }
        Some('|') => s.to_string(),
        _ if plain_ok(s, ctx) => s.to_string(),
        _ => double(s),
    }
}

fn double(s: &str) -> String {
    // serde_json escapes `"`, `\` and control characters; every JSON
    // escape means the same in a YAML double-quoted text.
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// Whether `s` can be written without quotes and read back as the same
/// text (not a number, `true`, `null`, a date-like key …).
pub(super) fn plain_ok(s: &str, ctx: Context) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    if s.trim() != s
        || s.chars().any(|c| c.is_control() || c == '\u{feff}')
        || "-?:,[]{}#&*!|>'\"%@`".contains(first)
        || s.contains(": ")
        || s.contains(" #")
        || s.ends_with(':')
        || (ctx == Context::Flow && s.contains([',', '[', ']', '{', '}']))
    {
        return false;
    }
    matches!(
        serde_yaml::from_str::<serde_yaml::Value>(&format!("k: {s}\n")),
        Ok(serde_yaml::Value::Mapping(m))
            if m.get("k") == Some(&serde_yaml::Value::String(s.to_string()))
    )
}

/// Whether `n` reads as a number when written plain.
pub(super) fn number_ok(n: &str) -> bool {
    matches!(
        serde_yaml::from_str::<serde_yaml::Value>(n),
        Ok(serde_yaml::Value::Number(_))
    ) && n.trim() == n
        && !n.is_empty()
}

/// `{kk: "…", ru: "…"}`.
pub(super) fn flow_map(values: &[(&str, &str)], _ctx: Context) -> String {
    let inner: Vec<String> = values
        .iter()
        .map(|(k, v)| {
            format!(
                "{}: {}",
                text(k, Context::Flow, None),
                text(v, Context::Flow, None)
            )
        })
        .collect();
    format!("{{{}}}", inner.join(", "))
}

/// `s` as a block text (`|` or `|-` by how it ends) with its lines
/// indented by `indent`; None when a block cannot say it (leading spaces,
/// tabs or control characters, spaces at the end of a line).
pub(super) fn block(s: &str, indent: usize) -> Option<String> {
    let body = s.trim_end_matches('\n');
    let trailing = s.len() - body.len();
    if body.is_empty()
        || body.starts_with([' ', '\t'])
        || body.chars().any(|c| c.is_control() && c != '\n')
        || body.lines().any(|l| l.ends_with([' ', '\t']))
    {
        return None;
    }
    let chomp = match trailing {
        0 => "-",
        1 => "",
        _ => return None,
    };
    let pad = " ".repeat(indent.max(1));
    let mut out = format!("|{chomp}\n");
    for line in body.split('\n') {
        if !line.is_empty() {
            out.push_str(&pad);
            out.push_str(line);
        }
        out.push('\n');
    }
    // The range replaced ends before the old text's final line break.
    out.pop();
    Some(out)
}
