//! Alphabetical order per language. Kazakh letters sort inside the Kazakh
//! alphabet (А Ә Б ... Қ ... Ү ... І ...), not after Я as code points would.
//! A small table rather than ICU collation data: the alphabets are fixed and
//! the binary stays small.

use std::cmp::Ordering;

/// The Kazakh Cyrillic alphabet in its standard order.
const KAZAKH: &str = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя";
/// The Russian alphabet, with the Kazakh letters placed after the Russian
/// letters they resemble, as Russian dictionaries of Kazakh names do.
const RUSSIAN: &str = "аәбвгғдеёжзиійкқлмнңоөпрстуұүфхһцчшщъыьэюя";

fn alphabet(lang: &str) -> &'static str {
    if lang == "kk" { KAZAKH } else { RUSSIAN }
}

/// A sort key for `text` in `lang`: digits, then Latin, then Cyrillic in the
/// language's order; case and punctuation are ignored at first, then break ties.
/// A Latin look-alike inside a Cyrillic word sorts as the Cyrillic letter it
/// stands for («Сенiм» as «Сенім»: `script`).
pub fn collation_key(lang: &str, text: &str) -> Vec<u32> {
    let alpha = alphabet(lang);
    let text = super::script::fold_mixed(text);
    let mut key = Vec::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        let rank = if c.is_ascii_digit() {
            Some(100 + c as u32 - '0' as u32)
        } else if c.is_ascii_lowercase() {
            Some(200 + c as u32 - 'a' as u32)
        } else if let Some(pos) = alpha.chars().position(|a| a == c) {
            Some(300 + pos as u32)
        } else if c.is_alphabetic() {
            Some(1000 + c as u32)
        } else {
            None
        };
        if let Some(r) = rank {
            key.push(r);
        }
    }
    key
}

/// Compares two texts in `lang`'s alphabetical order.
pub fn compare(lang: &str, a: &str, b: &str) -> Ordering {
    sort_key(lang, a).cmp(&sort_key(lang, b))
}

/// The key that orders texts as [`compare`] does, for sorting many texts
/// with `sort_by_cached_key` (each key computed once, not per comparison).
pub fn sort_key<'t>(lang: &str, text: &'t str) -> (Vec<u32>, &'t str) {
    (collation_key(lang, text), text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kazakh_letters_sort_inside_the_alphabet() {
        let mut names = vec![
            "Яссы",
            "Қарағанды",
            "Көкшетау",
            "Әлем",
            "Бөрлі",
            "Ақтөбе",
            "Іле",
            "Ысты",
        ];
        names.sort_by(|a, b| compare("kk", a, b));
        assert_eq!(
            names,
            [
                "Ақтөбе",
                "Әлем",
                "Бөрлі",
                "Көкшетау",
                "Қарағанды",
                "Ысты",
                "Іле",
                "Яссы"
            ]
        );
    }

    #[test]
    fn a_latin_look_alike_in_a_cyrillic_word_sorts_as_the_cyrillic_letter() {
        // Latin `i` typed for `і`: among the і-words, after ы, not among the
        // Latin letters before every Cyrillic one.
        let mut names = vec!["Сенiм", "Сенім", "Сеныр", "Сенат", "Senim"];
        names.sort_by(|a, b| compare("kk", a, b));
        assert_eq!(names, ["Senim", "Сенат", "Сеныр", "Сенiм", "Сенім"]);
        assert_eq!(collation_key("kk", "Сенiм"), collation_key("kk", "Сенім"));
        assert_eq!(collation_key("ru", "Mектеп"), collation_key("ru", "Мектеп"));
    }

    #[test]
    fn russian_order_keeps_yo_after_ye() {
        let mut names = vec!["Ёлка", "Жаркент", "Екибастуз", "Атырау"];
        names.sort_by(|a, b| compare("ru", a, b));
        assert_eq!(names, ["Атырау", "Екибастуз", "Ёлка", "Жаркент"]);
    }
}
