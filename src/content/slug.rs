//! Slugs from folder and file names, Kazakh letters included.

/// Kazakh letters that `deunicode` would turn into odd ASCII (қ → `k'`)
/// or drop (ә), mapped as in CONTENT-FORMAT.md §4.
fn kazakh_letter(c: char) -> Option<char> {
    Some(match c {
        'ә' | 'Ә' => 'a',
        'ғ' | 'Ғ' => 'g',
        'қ' | 'Қ' => 'q',
        'ң' | 'Ң' => 'n',
        'ө' | 'Ө' => 'o',
        'ұ' | 'Ұ' | 'ү' | 'Ү' => 'u',
        'һ' | 'Һ' => 'h',
        'і' | 'І' => 'i',
        _ => return None,
    })
}

/// Turns any name into a URL slug: lowercase ASCII letters, digits and `-`.
pub fn slugify(name: &str) -> String {
    let mut pre = String::with_capacity(name.len());
    for c in name.chars() {
        match kazakh_letter(c) {
            Some(a) => pre.push(a),
            None => pre.push(c),
        }
    }
    let ascii = deunicode::deunicode(&pre).to_lowercase();
    let mut slug = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-')
            && !slug.is_empty()
            && (c.is_whitespace() || "-_./,".contains(c))
        {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_string()
}

/// True when `name` is already a valid slug.
pub fn is_slug(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// The slug of a folder or file name: the name itself when it is one
/// already, else the name [`slugify`]d.
pub fn from_name(name: &str) -> String {
    if is_slug(name) {
        name.to_string()
    } else {
        slugify(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliterates_kazakh_letters() {
        assert_eq!(slugify("Сенім"), "senim");
        assert_eq!(slugify("Қазығұрт"), "qazygurt");
        assert_eq!(slugify("Әділет және Өркен"), "adilet-zhane-orken");
        assert_eq!(slugify("Үміт-Һ"), "umit-h");
        assert_eq!(slugify("Доверие № 1"), "doverie-no-1");
    }

    #[test]
    fn keeps_ascii_slugs() {
        assert_eq!(slugify("senim-1"), "senim-1");
        assert!(is_slug("senim-1"));
        assert!(!is_slug("Сенім"));
    }
}
