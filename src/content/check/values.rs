//! The checks of [`Fields`] for values that must be one of a kind: a date
//! (suggesting the date meant when it is written day first), an academic
//! year matching its file name, a region code from the built-in list
//! (suggesting the code for a name written in words).
//!
//! Part of layer 3 (`content`, in `check`); imports `builtin`, `diag`,
//! `types`, `yaml`.

use super::Fields;
use crate::builtin;
use crate::diag::{Diagnostic, did_you_mean};
use crate::types::{AcademicYear, Date, Scalar};
use crate::yaml::{self, Seg};

impl Fields<'_, '_> {
    /// Parses a date, reporting an invalid one.
    pub(in crate::content) fn date(&mut self, value: &Scalar, path: &[Seg<'_>]) -> Option<Date> {
        let date = Date::parse(value.as_str());
        if date.is_none() {
            let d = Diagnostic::error(
                "field/invalid-date",
                format!("`{value}` is not a valid date"),
            );
            let d = match date_meant(value.as_str()) {
                Some(meant) => d
                    .words("field-invalid-date-guess")
                    .arg("suggestion", meant)
                    .help(format!(
                        "did you mean {meant}? Dates are written year-month-day"
                    )),
                None => d.words("field-invalid-date").help(
                    "write dates as year-month-day, e.g. 2025-03-01, and check that the day exists",
                ),
            };
            self.diags.push(
                d.arg("value", value)
                    .at(yaml::locate_value(self.src, path))
                    .label("expected YYYY-MM-DD"),
            );
        }
        date
    }

    /// Parses an academic year that must match `expected` (from the file name).
    pub(in crate::content) fn year(
        &mut self,
        value: &Scalar,
        expected: Option<AcademicYear>,
        file_name: &str,
    ) -> Option<AcademicYear> {
        let src = self.src;
        let at = || yaml::locate_value(src, &[Seg::Key("year")]);
        let Some(year) = AcademicYear::parse(value.as_str()) else {
            self.diags.push(
                Diagnostic::error(
                    "field/invalid-year",
                    format!("`{value}` is not an academic year"),
                )
                .words("field-invalid-year")
                .arg("value", value)
                .at(at())
                .label("expected YYYY-YYYY")
                .help("write the academic year as two consecutive years, e.g. 2024-2025"),
            );
            return None;
        };
        if let Some(exp) = expected
            && exp != year
        {
            self.diags.push(
                Diagnostic::error(
                    "field/year-mismatch",
                    format!(
                        "the year {} does not match the file name `{file_name}`",
                        year.slug()
                    ),
                )
                .words("field-year-mismatch")
                .arg("year", year.slug())
                .arg("file", file_name)
                .arg("expected", exp.slug())
                .arg("renamed", file_name.replacen(&exp.slug(), &year.slug(), 1))
                .at(at())
                .help(format!(
                    "write `year: {}`, or rename the file to {}",
                    exp.slug(),
                    file_name.replacen(&exp.slug(), &year.slug(), 1)
                )),
            );
            return None;
        }
        Some(year)
    }

    /// Checks a region code against the built-in list, suggesting the code
    /// for a name written in words.
    pub(in crate::content) fn region(&mut self, code: &str, path: &[Seg<'_>]) -> bool {
        if builtin::region(code).is_some() {
            return true;
        }
        let by_name = builtin::regions().iter().find(|r| {
            let lower = code.trim().to_lowercase();
            r.name
                .texts()
                .iter()
                .chain(r.short.texts().iter())
                .any(|t| t.to_lowercase() == lower)
                || r.aliases.iter().any(|a| a.to_lowercase() == lower)
        });
        let suggestion = by_name
            .map(|r| r.code.as_str())
            .or_else(|| did_you_mean(code, builtin::regions().iter().map(|r| r.code.as_str())));
        let d = Diagnostic::error(
            "club/unknown-region",
            format!("`{code}` is not a region code"),
        );
        let d = match suggestion {
            Some(s) => d
                .words("club-unknown-region-guess")
                .arg("suggestion", s)
                .help(format!("did you mean `{s}`?")),
            None => {
                let codes = builtin::regions()
                    .iter()
                    .map(|r| r.code.as_str())
                    .collect::<Vec<_>>()
                    .join(", ");
                d.words("club-unknown-region")
                    .arg("codes", &codes)
                    .help(format!("write one of: {codes}"))
            }
        };
        self.diags.push(
            d.arg("value", code)
                .at(yaml::locate_whole_value(self.src, path))
                .label("unknown region"),
        );
        false
    }
}

/// The date a teacher meant by `05.09.2024`, `5/9/2024` or `2024.09.05`
/// (day first, as written in Kazakhstan, unless the year is), when the
/// day exists.
fn date_meant(text: &str) -> Option<Date> {
    let parts: Vec<&str> = text.trim().split(['.', '/', '-', ' ']).collect();
    let [a, b, c] = parts[..] else {
        return None;
    };
    let (year, month, day) = if a.len() == 4 { (a, b, c) } else { (c, b, a) };
    let all_digits = [year, month, day]
        .iter()
        .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()));
    if !all_digits || year.len() != 4 || month.len() > 2 || day.len() > 2 {
        return None;
    }
    Date::parse(&format!("{year}-{month:0>2}-{day:0>2}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_written_another_way_are_read_as_meant() {
        let meant = |t: &str| date_meant(t).map(|d| d.to_string());
        assert_eq!(meant("05.09.2024").as_deref(), Some("2024-09-05"));
        assert_eq!(meant("5/9/2024").as_deref(), Some("2024-09-05"));
        assert_eq!(meant("2024.09.05").as_deref(), Some("2024-09-05"));
        assert_eq!(meant("31.02.2024"), None);
        assert_eq!(meant("2024-09-05-x"), None);
        assert_eq!(meant("қыркүйек"), None);
    }
}
