//! Words a teacher knows (issue 13, point 5): no message of the tool, in
//! Kazakh, Russian or English, calls a value a "string", an "integer", a
//! "unit value", a "sequence" or a "mapping", or names the library that
//! read it ("serde"). The message files (i18n/tool/*.ftl) are read as
//! they are; the English of the diagnostics is in the code, so every
//! string literal of src/ outside its tests is read too.

use crate::harness::repo;

/// Programmer words, as the start of a word (so plurals count too).
const ENGLISH: &[&str] = &[
    "string",
    "integer",
    "unit value",
    "serde",
    "sequence",
    "mapping",
    "scalar",
    "boolean",
];
/// The same in Russian: «строковое значение», «целочисленный», the
/// library's words. «строка» alone is a line of a file and «целое число»
/// a whole number, as GLOSSARY.md has them.
const RUSSIAN: &[&str] = &[
    "строков",
    "целочисл",
    "сериализ",
    "десериализ",
    "последовательност",
    "скаляр",
    "булев",
    "тип данных",
    "serde",
];
/// The same in Kazakh: «жолдық» (string-typed), «тізбек» (sequence).
const KAZAKH: &[&str] = &[
    "жолдық",
    "тізбек",
    "сериял",
    "скаляр",
    "логикалық мән",
    "деректер түрі",
    "serde",
];

/// The forbidden words `text` holds, each where a word starts.
fn found_in(text: &str, words: &[&str]) -> Vec<String> {
    let lower = text.to_lowercase();
    let mut found = Vec::new();
    for word in words {
        for (at, _) in lower.match_indices(word) {
            let starts_word = lower[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            if starts_word {
                found.push(word.to_string());
            }
        }
    }
    found
}

/// The language of a tool message file: `en.ftl`, `help.ru.ftl` ...
fn language_of(name: &str) -> &str {
    let stem = name.strip_suffix(".ftl").unwrap_or(name);
    stem.rsplit('.').next().unwrap_or(stem)
}

#[test]
fn no_message_file_uses_programmer_words() {
    let mut read = 0;
    let mut problems = Vec::new();
    for entry in std::fs::read_dir(repo().join("i18n/tool")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let words = match language_of(&name) {
            "en" => ENGLISH,
            "ru" => RUSSIAN,
            "kk" => KAZAKH,
            other => panic!("{name}: a tool message file of language `{other}`"),
        };
        read += 1;
        let text = std::fs::read_to_string(&path).unwrap();
        for (i, line) in text.lines().enumerate() {
            if line.trim_start().starts_with('#') {
                continue;
            }
            for word in found_in(line, words) {
                problems.push(format!("{name}:{}: `{word}` in {line}", i + 1));
            }
        }
    }
    assert!(read >= 15, "only {read} files in i18n/tool/");
    assert!(problems.is_empty(), "{problems:#?}");
}

/// The string literals of Rust `code`, comments and char literals left
/// out (enough for this crate's code: it has no raw strings).
fn string_literals(code: &str) -> Vec<String> {
    let mut literals = Vec::new();
    let mut chars = code.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                chars.by_ref().find(|&c| c == '\n');
            }
            // `'"'` and `'\''`; a lifetime `'a` has no closing quote.
            '\'' => {
                let mut ahead = chars.clone();
                let literal_end = match ahead.next() {
                    Some('\\') => ahead.nth(1) == Some('\'') || ahead.any(|c| c == '\''),
                    Some(_) => ahead.next() == Some('\''),
                    None => false,
                };
                if literal_end {
                    chars.by_ref().find(|&c| c == '\'');
                    if chars.peek() == Some(&'\'') {
                        chars.next();
                    }
                }
            }
            '"' => {
                let mut literal = String::new();
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        c => literal.push(c),
                    }
                }
                literals.push(literal);
            }
            _ => {}
        }
    }
    literals
}

/// The values of a JSON Schema's `type`.
const JSON_SCHEMA_TYPES: &[&str] = &[
    "string", "number", "integer", "boolean", "object", "array", "null",
];

#[test]
fn the_english_said_by_the_code_uses_no_programmer_words() {
    let lexed = string_literals("let a = '\"'; // \"serde\"\nlet b = \"a \\\"string\\\"\";");
    assert_eq!(lexed, ["a string"]);
    let mut problems = Vec::new();
    for entry in walkdir::WalkDir::new(repo().join("src")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for literal in string_literals(code) {
            // The type names of JSON Schema (src/schema/, the shapes of
            // `Localized` and `Scalar`) are its vocabulary, never said to
            // a teacher: the schemas' titles and descriptions are.
            if JSON_SCHEMA_TYPES.contains(&literal.as_str()) {
                continue;
            }
            for word in found_in(&literal, ENGLISH) {
                let file = entry.path().strip_prefix(repo()).unwrap().display();
                problems.push(format!("{file}: `{word}` in \"{literal}\""));
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn what_init_and_new_write_uses_no_programmer_words() {
    // The files `init` and `new` write are read by teachers line by line,
    // comments first: every language's words are looked for in each.
    let mut read = 0;
    let mut problems = Vec::new();
    for entry in std::fs::read_dir(repo().join("src/scaffold/templates")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        read += 1;
        let text = std::fs::read_to_string(&path).unwrap();
        for (i, line) in text.lines().enumerate() {
            for words in [ENGLISH, RUSSIAN, KAZAKH] {
                for word in found_in(line, words) {
                    problems.push(format!("{name}:{}: `{word}` in {line}", i + 1));
                }
            }
        }
    }
    assert!(read >= 10, "only {read} templates");
    assert!(problems.is_empty(), "{problems:#?}");
}
