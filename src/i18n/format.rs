//! Dates and numbers written as each language writes them: a long and a
//! short date through the `date-long` and `date-short` messages, and
//! numbers grouped by thousands.
//!
//! Part of layer 3 (`i18n`); imports `types` and its parent.

use super::{Arg, I18n};
use crate::types::Date;

impl I18n {
    /// «2025 жылғы 1 наурыз», «1 марта 2025 г.», "March 1, 2025".
    pub fn date_long(&self, lang: &str, date: Date) -> String {
        let month = self.get(lang, &format!("month-{}", date.month));
        let year = date.year.to_string();
        let day = date.day.to_string();
        self.message(
            lang,
            "date-long",
            &[
                ("year", Arg::Str(&year)),
                ("month", Arg::Str(&month)),
                ("day", Arg::Str(&day)),
            ],
        )
        .unwrap_or_else(|| date.to_string())
    }

    /// `01.03.2025`.
    pub fn date_short(&self, lang: &str, date: Date) -> String {
        let dd = format!("{:02}", date.day);
        let mm = format!("{:02}", date.month);
        let yyyy = format!("{:04}", date.year);
        self.message(
            lang,
            "date-short",
            &[
                ("dd", Arg::Str(&dd)),
                ("mm", Arg::Str(&mm)),
                ("yyyy", Arg::Str(&yyyy)),
            ],
        )
        .unwrap_or_else(|| format!("{dd}.{mm}.{yyyy}"))
    }
}

/// `1 240` with a no-break space (U+00A0, CLDR's group separator for kk
/// and ru), `1,240` (en).
pub fn format_number(lang: &str, n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let sep = if lang == "en" { "," } else { "\u{a0}" };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    if n < 0 {
        out.insert(0, '-');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::tests::i18n;

    #[test]
    fn dates_follow_each_language() {
        let i = i18n();
        let d = Date::parse("2024-08-05").unwrap();
        assert_eq!(i.date_long("kk", d), "2024 жылғы 5 тамыз");
        assert_eq!(i.date_long("ru", d), "5 августа 2024\u{a0}г.");
        assert_eq!(i.date_long("en", d), "August 5, 2024");
        assert_eq!(i.date_short("ru", d), "05.08.2024");
    }

    #[test]
    fn formats_numbers() {
        assert_eq!(format_number("ru", 1240), "1\u{a0}240");
        assert_eq!(format_number("kk", 240), "240");
        assert_eq!(format_number("ru", 12400), "12\u{a0}400");
        assert_eq!(format_number("kk", 12400), "12\u{a0}400");
        assert_eq!(format_number("en", 1234567), "1,234,567");
    }
}
