//! Monitoring statistics of a directory: the clubs' report figures summed
//! per academic year, per region and per quarter. Pure functions over the
//! model, so the sums are unit-tested against hand-computed values.
//!
//! An absent figure is "no data", never 0: a sum exists only when at least
//! one club gave that figure, and every sum knows how many clubs it came
//! from. The resolution rate uses only clubs that gave both `cases` and
//! `cases_resolved`.
//!
//! Figures are at most [`MAX_FIGURE`](super::model::MAX_FIGURE) (checked
//! when reports are loaded), so sums are exact for any directory; still,
//! every addition saturates instead of overflowing, so no input can make
//! a sum wrap around to a small number or panic.
//!
//! Part of layer 2 (`content`): imports only the model and `types`.

use std::collections::BTreeMap;

use super::model::{Club, Figures, Indicator, Quarter, Report, Status};
use crate::types::{AcademicYear, RegionCode};

/// A sum of one indicator over the clubs that gave it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sum {
    /// The total.
    pub value: u64,
    /// How many clubs gave this figure.
    pub clubs: usize,
}

/// Cases and resolved cases of the clubs that gave both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Rate {
    /// Resolved cases of those clubs.
    pub resolved: u64,
    /// Cases of those clubs.
    pub cases: u64,
    /// How many clubs gave both figures.
    pub clubs: usize,
}

impl Rate {
    /// Whole percent, rounded half up; `None` when no club gave both
    /// figures or they handled no case. Computed in 128 bits: exact for
    /// any figures.
    pub fn percent(&self) -> Option<u64> {
        let (resolved, cases) = (u128::from(self.resolved), u128::from(self.cases));
        (cases > 0).then(|| u64::try_from((resolved * 100 + cases / 2) / cases).unwrap_or(u64::MAX))
    }

    /// The rate of one report's figures, when it gives both.
    pub fn of(figures: &Figures) -> Option<Rate> {
        Some(Rate {
            resolved: *figures.get(&Indicator::CasesResolved)?,
            cases: *figures.get(&Indicator::Cases)?,
            clubs: 1,
        })
    }
}

/// Sums of one group of clubs (the whole directory, a region, a quarter).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Totals {
    /// Clubs in the group.
    pub listed: usize,
    /// Clubs that gave figures for the period.
    pub reported: usize,
    /// Indicator → sum; an indicator is absent when no club gave it.
    pub figures: BTreeMap<Indicator, Sum>,
    /// The resolution rate's parts.
    pub rate: Rate,
}

impl Totals {
    /// Adds one club's figures (a report or a quarter), or none.
    fn add(&mut self, figures: Option<&Figures>) {
        self.listed += 1;
        let Some(figures) = figures else {
            return;
        };
        self.reported += 1;
        for (key, value) in figures {
            let sum = self
                .figures
                .entry(*key)
                .or_insert(Sum { value: 0, clubs: 0 });
            sum.value = sum.value.saturating_add(*value);
            sum.clubs += 1;
        }
        if let Some(rate) = Rate::of(figures) {
            self.rate.cases = self.rate.cases.saturating_add(rate.cases);
            self.rate.resolved = self.rate.resolved.saturating_add(rate.resolved);
            self.rate.clubs += 1;
        }
    }

    /// The sum of `indicator`, or `None` for "no data".
    pub fn get(&self, indicator: Indicator) -> Option<Sum> {
        self.figures.get(&indicator).copied()
    }
}

/// The statistics of one academic year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearStats {
    /// The year.
    pub year: AcademicYear,
    /// Every club of the directory.
    pub total: Totals,
    /// Per region code (only regions with clubs), in code order.
    pub regions: BTreeMap<RegionCode, Totals>,
    /// Quarter sums over the clubs that gave that quarter's figures; a
    /// quarter no club gave is absent.
    pub quarters: BTreeMap<Quarter, Totals>,
    /// Reports of this year still marked `ongoing`.
    pub ongoing: usize,
}

/// The academic years with at least one report, newest first.
pub fn report_years(clubs: &[Club]) -> Vec<AcademicYear> {
    let mut years: Vec<AcademicYear> = clubs
        .iter()
        .flat_map(|c| c.reports.iter().map(|r| r.year))
        .collect();
    years.sort_by(|a, b| b.cmp(a));
    years.dedup();
    years
}

/// The report of `club` for `year`.
pub fn report_of(club: &Club, year: AcademicYear) -> Option<&Report> {
    club.reports.iter().find(|r| r.year == year)
}

/// Sums the figures of `year` over `clubs`.
pub fn year_stats(clubs: &[Club], year: AcademicYear) -> YearStats {
    let mut stats = YearStats {
        year,
        total: Totals::default(),
        regions: BTreeMap::new(),
        quarters: BTreeMap::new(),
        ongoing: 0,
    };
    for club in clubs {
        let report = report_of(club, year);
        let figures = report.map(|r| &r.figures);
        stats.total.add(figures);
        stats
            .regions
            .entry(club.school.region.clone())
            .or_default()
            .add(figures);
        let Some(report) = report else {
            continue;
        };
        if report.status == Status::Ongoing {
            stats.ongoing += 1;
        }
        for (q, figures) in &report.quarters {
            stats.quarters.entry(*q).or_default().add(Some(figures));
        }
    }
    stats
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::model::*;
    use crate::diag::Location;
    use crate::types::Localized;
    use Indicator::*;
    use Quarter::*;

    fn club(slug: &str, region: &str, reports: Vec<Report>) -> Club {
        Club {
            slug: slug.into(),
            dir: slug.into(),
            site_root: ".".into(),
            text: "".into(),
            name: Localized::All(slug.into()),
            unit: None,
            motto: None,
            school: School {
                name: Localized::All("school".into()),
                region: region.into(),
                locality: None,
                district: None,
                address: None,
                website: None,
            },
            about: Doc::default(),
            goals: vec![],
            tasks: vec![],
            principles: vec![],
            leaders: vec![],
            members: None,
            activities: vec![],
            directions: vec![],
            contacts: None,
            feedback: vec![],
            feedback_at: Location::file("club.yaml"),
            gallery: Gallery {
                instagram: None,
                publish: false,
                consent: false,
                photos: vec![],
                at: Location::file("club.yaml"),
                listing: None,
            },
            reports,
            plans: vec![],
            news: vec![],
        }
    }

    fn report(
        start: i32,
        figures: &[(Indicator, u64)],
        quarters: &[(Quarter, &[(Indicator, u64)])],
    ) -> Report {
        Report {
            year: AcademicYear { start },
            status: Status::Final,
            figures: figures.iter().copied().collect(),
            trust_box: None,
            cases_by_parties: BTreeMap::new(),
            quarters: quarters
                .iter()
                .map(|(q, f)| (*q, f.iter().copied().collect()))
                .collect(),
            body: Doc::default(),
            files: vec![],
        }
    }

    fn sample() -> Vec<Club> {
        vec![
            club(
                "a",
                "almaty",
                vec![report(
                    2024,
                    &[(Cases, 10), (CasesResolved, 8), (Trainings, 4)],
                    &[(Q1, &[(Cases, 6)]), (Q2, &[(Cases, 4)])],
                )],
            ),
            club(
                "b",
                "almaty",
                vec![report(2024, &[(Cases, 5), (Trainings, 0)], &[])],
            ),
            club(
                "c",
                "almaty-region",
                vec![report(
                    2024,
                    &[(Cases, 3), (CasesResolved, 3)],
                    &[(Q1, &[(Cases, 1), (CasesResolved, 1)])],
                )],
            ),
            club("d", "almaty-region", vec![report(2023, &[(Cases, 7)], &[])]),
            club("e", "turkistan", vec![]),
        ]
    }

    #[test]
    fn sums_only_the_clubs_that_gave_a_figure() {
        let s = year_stats(&sample(), AcademicYear { start: 2024 });
        assert_eq!((s.total.listed, s.total.reported), (5, 3));
        assert_eq!(
            s.total.get(Cases),
            Some(Sum {
                value: 18,
                clubs: 3
            })
        );
        assert_eq!(
            s.total.get(CasesResolved),
            Some(Sum {
                value: 11,
                clubs: 2
            })
        );
        // 0 is a figure: the club counts, the sum stays 4.
        assert_eq!(s.total.get(Trainings), Some(Sum { value: 4, clubs: 2 }));
        // Nobody gave participants: no data, not 0.
        assert_eq!(s.total.get(Participants), None);
    }

    #[test]
    fn resolution_rate_uses_only_clubs_with_both_figures() {
        let s = year_stats(&sample(), AcademicYear { start: 2024 });
        // Clubs a (8 of 10) and c (3 of 3); b gave cases only.
        assert_eq!(
            s.total.rate,
            Rate {
                resolved: 11,
                cases: 13,
                clubs: 2
            }
        );
        assert_eq!(s.total.rate.percent(), Some(85));
        assert_eq!(Rate::default().percent(), None);
    }

    #[test]
    fn regions_count_their_own_clubs() {
        let s = year_stats(&sample(), AcademicYear { start: 2024 });
        let codes: Vec<&str> = s.regions.keys().map(RegionCode::as_str).collect();
        assert_eq!(codes, ["almaty", "almaty-region", "turkistan"]);
        let almaty = &s.regions["almaty"];
        assert_eq!((almaty.listed, almaty.reported), (2, 2));
        assert_eq!(
            almaty.get(Cases),
            Some(Sum {
                value: 15,
                clubs: 2
            })
        );
        let region = &s.regions["almaty-region"];
        assert_eq!((region.listed, region.reported), (2, 1));
        assert_eq!(region.get(Cases).map(|s| s.value), Some(3));
        let t = &s.regions["turkistan"];
        assert_eq!((t.listed, t.reported, t.get(Cases)), (1, 0, None));
    }

    #[test]
    fn quarters_sum_where_given() {
        let s = year_stats(&sample(), AcademicYear { start: 2024 });
        let keys: Vec<Quarter> = s.quarters.keys().copied().collect();
        assert_eq!(keys, [Q1, Q2]);
        assert_eq!(s.quarters[&Q1].get(Cases), Some(Sum { value: 7, clubs: 2 }));
        assert_eq!(s.quarters[&Q1].reported, 2);
        assert_eq!(s.quarters[&Q2].get(CasesResolved), None);
    }

    #[test]
    fn figures_at_the_limit_sum_exactly_and_nothing_overflows() {
        use crate::content::model::MAX_FIGURE;
        let max = MAX_FIGURE;
        let at_limit: Vec<Club> = (0..3)
            .map(|i| {
                let r = report(2024, &[(Cases, max), (CasesResolved, max)], &[]);
                club(&format!("c{i}"), "almaty", vec![r])
            })
            .collect();
        let s = year_stats(&at_limit, AcademicYear { start: 2024 });
        assert_eq!(
            s.total.get(Cases),
            Some(Sum {
                value: 3 * max,
                clubs: 3
            })
        );
        assert_eq!(s.total.rate.percent(), Some(100));
        // Never loaded (the loader refuses them), but no sum may wrap.
        let huge: Vec<Club> = [u64::MAX, 43]
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let r = report(2024, &[(Cases, *v), (CasesResolved, *v)], &[]);
                club(&format!("h{i}"), "almaty", vec![r])
            })
            .collect();
        let s = year_stats(&huge, AcademicYear { start: 2024 });
        assert_eq!(s.total.get(Cases).map(|s| s.value), Some(u64::MAX));
        assert!(s.total.rate.percent().is_some());
        let r = Rate {
            resolved: u64::MAX,
            cases: u64::MAX,
            clubs: 1,
        };
        assert_eq!(r.percent(), Some(100));
    }

    #[test]
    fn years_are_listed_newest_first() {
        let years: Vec<i32> = report_years(&sample()).iter().map(|y| y.start).collect();
        assert_eq!(years, [2024, 2023]);
    }
}
