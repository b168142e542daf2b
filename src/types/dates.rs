//! Calendar values: an academic year such as 2024–2025 (`AcademicYear`)
//! and a calendar date with no time or zone (`Date`).
//!
//! Part of layer 1 (`types`); imports nothing from the crate.

use std::fmt;

use serde::Serialize;

/// An academic year such as 2024–2025.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct AcademicYear {
    /// The year it starts in (September).
    pub start: i32,
}

impl AcademicYear {
    /// Parses `2024-2025` (also with an en dash or `/`).
    pub fn parse(text: &str) -> Option<AcademicYear> {
        let t = text.trim();
        let (a, b) = t.split_once(['-', '–', '/'])?;
        let start: i32 = a.trim().parse().ok()?;
        let end: i32 = b.trim().parse().ok()?;
        (end == start + 1 && (1990..=2100).contains(&start)).then_some(AcademicYear { start })
    }

    /// `2024-2025`: file names and URLs.
    pub fn slug(&self) -> String {
        format!("{}-{}", self.start, self.start + 1)
    }

    /// `2024–2025` with an en dash: display.
    pub fn label(&self) -> String {
        format!("{}–{}", self.start, self.start + 1)
    }

    /// The academic year a date falls in (it turns on 1 September).
    pub fn containing(date: Date) -> AcademicYear {
        let start = if date.month >= 9 {
            date.year
        } else {
            date.year - 1
        };
        AcademicYear { start }
    }
}

/// A calendar date (no time, no zone).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month 1–12.
    pub month: u8,
    /// Day 1–31.
    pub day: u8,
}

impl Date {
    /// Parses `YYYY-MM-DD`, checking that the day exists.
    pub fn parse(text: &str) -> Option<Date> {
        let format = time::macros::format_description!("[year]-[month]-[day]");
        let d = time::Date::parse(text.trim(), &format).ok()?;
        Some(Date {
            year: d.year(),
            month: d.month() as u8,
            day: d.day(),
        })
    }

    /// Today in Kazakhstan (UTC+5).
    pub fn today() -> Date {
        let now = time::OffsetDateTime::now_utc() + time::Duration::hours(5);
        Date {
            year: now.year(),
            month: now.month() as u8,
            day: now.day(),
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_academic_years() {
        assert_eq!(AcademicYear::parse("2024-2025").unwrap().start, 2024);
        assert_eq!(
            AcademicYear::parse("2024–2025").unwrap().label(),
            "2024–2025"
        );
        assert!(AcademicYear::parse("2024-2026").is_none());
        assert!(AcademicYear::parse("2024").is_none());
        let d = Date::parse("2025-03-01").unwrap();
        assert_eq!(AcademicYear::containing(d).start, 2024);
    }

    #[test]
    fn rejects_impossible_dates() {
        assert!(Date::parse("2025-02-30").is_none());
        assert!(Date::parse("2024-02-29").is_some());
        assert!(Date::parse("01.03.2025").is_none());
    }
}
