//! The monitoring figures of a directory as spreadsheet files
//! (docs/directory.md documents them):
//!
//! - `data/indicators.csv`: RFC 4180 (comma, CRLF), UTF-8 with a
//!   byte-order mark, for any program;
//! - `data/indicators-excel.csv`: the same rows separated by `;`, which is
//!   what Excel expects when Windows is set to Kazakh or Russian (their
//!   decimal separator is the comma, so the list separator is `;`; a
//!   comma file opens there as one column). The figures are whole numbers,
//!   written without a thousands separator, so there is no decimal comma
//!   to write.
//!
//! A text cell that a spreadsheet would run as a formula (starting with
//! `=`, `+`, `-`, `@`, a tab or a carriage return: OWASP's CSV injection)
//! gets a `'` in front, so it shows as the text it is. The figures are
//! counts, never negative (`u64`), so no figure is touched.
//!
//! Part of layer 4 (`render`).

use std::borrow::Cow;

use crate::builtin;
use crate::content::Site;
use crate::content::model::{Indicator, Quarter};
use crate::types::Localized;

/// The fixed columns before the indicators; `club` is followed by a
/// `club_<lang>` column per site language.
const COLUMNS: &[&str] = &[
    "slug",
    "club",
    "school",
    "region_code",
    "region_name",
    "locality",
    "year",
    "period",
];

/// How a file separates its cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Flavour {
    /// Commas (RFC 4180).
    Comma,
    /// Semicolons, for Excel set to Kazakh or Russian.
    Excel,
}

/// The indicators files, with commas and for Excel: a header, then a row
/// per club × academic year × period (the year, then each quarter given).
/// Names are in the site's first language, the club's also in each site
/// language; an empty cell is "no data", 0 is zero. The rows are made
/// once for both files.
pub(super) fn indicators(site: &Site) -> [(Flavour, Vec<u8>); 2] {
    let records = records(site);
    [Flavour::Comma, Flavour::Excel].map(|flavour| (flavour, written(&records, flavour)))
}

/// `records` written as a CSV file in `flavour`.
fn written(records: &[Vec<String>], flavour: Flavour) -> Vec<u8> {
    let delimiter = match flavour {
        Flavour::Comma => b',',
        Flavour::Excel => b';',
    };
    let mut out = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(csv::Terminator::CRLF)
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    for record in records {
        let _ = out.write_record(record.iter().map(|c| c.as_bytes()));
    }
    out.into_inner().unwrap_or_default()
}

/// The header and every row, each text cell neutralized.
fn records(site: &Site) -> Vec<Vec<String>> {
    let langs = &site.config.languages;
    let lang = site.config.default_lang();
    let text = |v: &Localized| v.resolve(lang, langs).text.to_string();
    let mut header: Vec<String> = Vec::new();
    for column in COLUMNS {
        header.push((*column).to_string());
        if *column == "club" {
            header.extend(langs.iter().map(|l| format!("club_{l}")));
        }
    }
    header.extend(Indicator::ALL.iter().map(|i| i.key().to_string()));
    let mut records = vec![header];
    for club in &site.clubs {
        let region = builtin::region(&club.school.region)
            .map(|r| r.name.resolve(lang, langs).text.to_string())
            .unwrap_or_default();
        let mut fixed = vec![club.slug.to_string(), text(&club.name)];
        // Every site language: the name in it, or the one the site shows
        // in its place.
        fixed.extend(
            langs
                .iter()
                .map(|l| club.name.resolve(l, langs).text.to_string()),
        );
        fixed.extend([
            text(&club.school.name),
            club.school.region.to_string(),
            region,
            club.school.locality.as_ref().map(text).unwrap_or_default(),
        ]);
        let fixed: Vec<String> = fixed.iter().map(|c| neutralized(c).into_owned()).collect();
        for report in club.reports.iter().rev() {
            let periods = std::iter::once(("year", &report.figures)).chain(
                Quarter::ALL
                    .iter()
                    .filter_map(|q| report.quarters.get(q).map(|f| (q.key(), f))),
            );
            for (period, figures) in periods {
                let mut record = fixed.clone();
                record.push(report.year.slug());
                record.push(period.to_string());
                record.extend(
                    Indicator::ALL
                        .iter()
                        .map(|k| figures.get(k).map(u64::to_string).unwrap_or_default()),
                );
                records.push(record);
            }
        }
    }
    records
}

/// `cell` as a spreadsheet shows it, never run: a text starting with a
/// character that starts a formula gets a `'` in front (OWASP, "CSV
/// Injection").
fn neutralized(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_get_a_quote_and_other_texts_stay() {
        for cell in ["=1+2", "+7 701", "-Сенім", "@SUM(A1)", "\t=1", "\r=1"] {
            assert_eq!(neutralized(cell), format!("'{cell}"), "{cell:?}");
        }
        for cell in ["Сенім", "№ 1 мектеп", "", "2024-2025", "a=b"] {
            assert!(matches!(neutralized(cell), Cow::Borrowed(_)), "{cell:?}");
        }
    }
}
