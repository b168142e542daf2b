//! The words of an activity plan's items, defined once: `when:` (a month,
//! a term, a date, `monthly`, `weekly`) and `format:`. Plans are read with
//! them, and templates see the same words as keys (`plan.items[].when`,
//! `.format`); the labels readers see are UI messages.
//!
//! Part of layer 3 (`content`).

use serde::{Deserialize, Serialize};

use crate::types::{AcademicYear, Date};

/// The months as plans write them, January first.
const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The months in Kazakh and Russian as teachers write them, January
/// first: the Kazakh name, the Russian nominative, genitive
/// (`5 сентября`) and prepositional (`в сентябре`).
const MONTHS_KK_RU: [[&str; 4]; 12] = [
    ["қаңтар", "январь", "января", "январе"],
    ["ақпан", "февраль", "февраля", "феврале"],
    ["наурыз", "март", "марта", "марте"],
    ["сәуір", "апрель", "апреля", "апреле"],
    ["мамыр", "май", "мая", "мае"],
    ["маусым", "июнь", "июня", "июне"],
    ["шілде", "июль", "июля", "июле"],
    ["тамыз", "август", "августа", "августе"],
    ["қыркүйек", "сентябрь", "сентября", "сентябре"],
    ["қазан", "октябрь", "октября", "октябре"],
    ["қараша", "ноябрь", "ноября", "ноябре"],
    ["желтоқсан", "декабрь", "декабря", "декабре"],
];

/// The month (1–12) a word names, in English, Kazakh or Russian.
fn month_of(word: &str) -> Option<u8> {
    let m = MONTHS
        .iter()
        .position(|w| *w == word)
        .or_else(|| MONTHS_KK_RU.iter().position(|forms| forms.contains(&word)))?;
    Some(m as u8 + 1)
}

/// The terms (school quarters), for suggestions.
const TERMS: [&str; 4] = ["term-1", "term-2", "term-3", "term-4"];

/// When a plan item happens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum When {
    /// A month, 1–12.
    Month(u8),
    /// A term, 1–4.
    Term(u8),
    /// A date.
    Date(Date),
    /// Every month.
    Monthly,
    /// Every week.
    Weekly,
}

impl When {
    /// Reads `when:` as written (any case, spaces around allowed).
    pub fn parse(text: &str) -> Option<When> {
        let word = text.trim().to_lowercase();
        if let Some(m) = month_of(&word) {
            Some(When::Month(m))
        } else if let Some(t) = word
            .strip_prefix("term-")
            .and_then(|t| t.parse::<u8>().ok())
            .filter(|t| (1..=4).contains(t))
        {
            Some(When::Term(t))
        } else if word == "monthly" {
            Some(When::Monthly)
        } else if word == "weekly" {
            Some(When::Weekly)
        } else {
            Date::parse(&word).map(When::Date)
        }
    }

    /// The words `when:` may be, but dates (for suggestions).
    pub fn words() -> impl Iterator<Item = &'static str> {
        MONTHS
            .iter()
            .chain(TERMS.iter())
            .copied()
            .chain(["monthly", "weekly"])
    }

    /// [`When::words`] and the Kazakh and Russian month names, which a
    /// misspelt `when:` is compared with.
    pub fn suggestions() -> impl Iterator<Item = &'static str> {
        Self::words().chain(
            MONTHS_KK_RU
                .iter()
                .flat_map(|forms| forms[..2].iter().copied()),
        )
    }

    /// The word for it, as a plan writes it: `september`, `term-2`,
    /// `2025-10-15`, `monthly`.
    pub fn key(&self) -> String {
        match self {
            When::Month(m) => MONTHS[usize::from(m - 1).min(11)].to_string(),
            When::Term(t) => format!("term-{t}"),
            When::Date(d) => d.to_string(),
            When::Monthly => "monthly".to_string(),
            When::Weekly => "weekly".to_string(),
        }
    }

    /// The month by whose end an item of academic year `year` is due: its
    /// month, its date's, a term's last (October, December, March, May),
    /// the year's last (May) for recurring items.
    pub fn due(&self, year: AcademicYear) -> Date {
        let (month, day) = match self {
            When::Date(d) => return *d,
            When::Month(m) => (*m, 31),
            When::Term(t) => ([10, 12, 3, 5][usize::from(t.saturating_sub(1)).min(3)], 31),
            When::Monthly | When::Weekly => (5, 31),
        };
        let calendar_year = if month >= 9 {
            year.start
        } else {
            year.start + 1
        };
        // Day 31 of any month: a date compares right whether or not it exists.
        Date {
            year: calendar_year,
            month,
            day,
        }
    }

    /// Sort key in academic-year order (September first); recurring items first.
    pub fn order(&self) -> (u8, u8, u8) {
        let month_pos = |m: u8| if m >= 9 { m - 9 } else { m + 3 };
        match self {
            When::Weekly => (0, 0, 0),
            When::Monthly => (0, 1, 0),
            When::Month(m) => (1 + month_pos(*m), 0, 0),
            When::Date(d) => (1 + month_pos(d.month), 1, d.day),
            When::Term(t) => (1 + [0, 2, 4, 6][usize::from(t - 1).min(3)], 2, *t),
        }
    }
}

/// What kind of event a plan item is (`format:`), as plans write it and
/// templates see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum PlanFormat {
    /// A meeting.
    Meeting,
    /// A training.
    Training,
    /// A master class.
    MasterClass,
    /// A simulation game.
    Simulation,
    /// A lesson.
    Lesson,
    /// A consultation.
    Consultation,
    /// Information work.
    Information,
    /// An exchange of experience.
    Exchange,
    /// Anything else.
    Other,
}

impl PlanFormat {
    /// Every format, in the order above.
    pub const ALL: [PlanFormat; 9] = [
        PlanFormat::Meeting,
        PlanFormat::Training,
        PlanFormat::MasterClass,
        PlanFormat::Simulation,
        PlanFormat::Lesson,
        PlanFormat::Consultation,
        PlanFormat::Information,
        PlanFormat::Exchange,
        PlanFormat::Other,
    ];

    /// The word a plan writes (the same as its serde name).
    pub const fn key(self) -> &'static str {
        match self {
            PlanFormat::Meeting => "meeting",
            PlanFormat::Training => "training",
            PlanFormat::MasterClass => "master-class",
            PlanFormat::Simulation => "simulation",
            PlanFormat::Lesson => "lesson",
            PlanFormat::Consultation => "consultation",
            PlanFormat::Information => "information",
            PlanFormat::Exchange => "exchange",
            PlanFormat::Other => "other",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_reads_back_as_itself() {
        for word in When::words() {
            let when = When::parse(word).unwrap();
            assert_eq!(when.key(), word);
        }
        let date = When::parse(" 2025-10-15 ").unwrap();
        assert_eq!(date.key(), "2025-10-15");
        assert_eq!(When::parse("September"), Some(When::Month(9)));
        assert_eq!(When::parse("term-5"), None);
        assert_eq!(When::parse("septembr"), None);
    }

    #[test]
    fn kazakh_and_russian_month_names_are_months() {
        for (word, month) in [
            ("қыркүйек", 9),
            ("Қыркүйек", 9),
            ("сентябрь", 9),
            ("СЕНТЯБРЯ", 9),
            ("в сентябре", 0),
            ("сентябре", 9),
            ("желтоқсан", 12),
            ("мая", 5),
            ("май", 5),
            ("сәуір", 4),
        ] {
            let expected = (month > 0).then_some(When::Month(month));
            assert_eq!(When::parse(word), expected, "{word}");
        }
        // Read as the English key: the pages and templates see one word.
        assert_eq!(When::parse("наурыз").unwrap().key(), "march");
        assert_eq!(When::parse("сентябрьь"), None);
    }

    #[test]
    fn format_keys_are_the_words_plans_write() {
        for format in PlanFormat::ALL {
            let read: PlanFormat = crate::yaml::parse_builtin(format.key()).unwrap();
            assert_eq!(read, format);
            let written = serde_json::to_string(&format).unwrap();
            assert_eq!(written, format!("\"{}\"", format.key()));
        }
    }
}
