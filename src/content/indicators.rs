//! The report indicators, listed once, and the figures a report gives
//! with them: per year and per quarter, each at most [`MAX_FIGURE`].
//!
//! The table at the end of this file is the only place an indicator is
//! named. From it come the [`Indicator`] enum (the model's figures, the
//! statistics columns, the export columns, the directory cards, the
//! templates' `key`s) and the raw structs that read a report's
//! `indicators:` block and its quarters. To add an indicator, add a line
//! to the table, its labels `stat-<key-with-dashes>` to i18n/*.ftl (a test
//! checks every language has them), its texts for the JSON Schemas
//! `field-report-indicators-<key>` to i18n/tool/fields.*.ftl (a test
//! checks too) and a line to docs/content-format.md.
//!
//! The raw structs keep their fields in table order, which is also the
//! order the "fields allowed here" help of `report/unknown-field` lists.
//!
//! Part of layer 3 (`content`).

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize, Serializer};

use super::raw::RawByParties;

/// Builds the enum and the raw structs from the table below.
///
/// Each line of the table is either an indicator,
/// `Variant = yaml_key, flags…;` (flags: `core`, `card`), or a field that
/// only the year's block has, `year yaml_key: Type;`. The lines are read
/// one by one into three lists (indicators, every field of the year in
/// order, the year-only fields), then `@emit` writes the items.
macro_rules! indicators {
    (@read [$($ind:tt)*] [$($all:tt)*] [$($year:tt)*]
        year $k:ident : $t:ty; $($rest:tt)*) => {
        indicators!(@read [$($ind)*] [$($all)* {$k: $t}] [$($year)* {$k: $t}] $($rest)*);
    };
    (@read [$($ind:tt)*] [$($all:tt)*] [$($year:tt)*]
        $(#[$m:meta])* $v:ident = $k:ident $(, $flag:ident)*; $($rest:tt)*) => {
        indicators!(@read
            [$($ind)* {[$(#[$m])*] $v $k [$($flag)*]}]
            [$($all)* {$k: u64}]
            [$($year)*]
            $($rest)*);
    };
    (@read [$($ind:tt)*] [$($all:tt)*] [$($year:tt)*]) => {
        indicators!(@emit [$($ind)*] [$($all)*] [$($year)*]);
    };
    (@emit [$({[$(#[$m:meta])*] $v:ident $k:ident [$($flag:ident)*]})*]
        [$({$ak:ident: $at:ty})*]
        [$({$yk:ident: $yt:ty})*]) => {
        /// A report indicator: a whole number a club gives for a year or
        /// a quarter. Ordered as reports, pages and exports show them.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Indicator {
            $($(#[$m])* $v,)*
        }

        impl Indicator {
            /// Every indicator, in display order.
            pub const ALL: &'static [Indicator] = &[$(Indicator::$v),*];

            /// Its key in reports, exports and templates, e.g. `cases_resolved`.
            pub const fn key(self) -> &'static str {
                match self {
                    $(Indicator::$v => stringify!($k),)*
                }
            }

            /// One of the six indicators of CONTENT-FORMAT.md §5: always a
            /// column of the statistics, as "no data" when nobody gave it.
            pub const fn is_core(self) -> bool {
                match self {
                    $(Indicator::$v => has_flag!(core; $($flag)*),)*
                }
            }

            /// Shown on a club's card in the directory (few: a directory
            /// may list thousands of clubs).
            pub const fn on_card(self) -> bool {
                match self {
                    $(Indicator::$v => has_flag!(card; $($flag)*),)*
                }
            }
        }

        /// `indicators:` of a report: the year's figures, the trust box,
        /// cases by parties and the quarters. Every figure is a whole
        /// number ≥ 0.
        #[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, JsonSchema)]
        #[serde(deny_unknown_fields)]
        pub(crate) struct RawIndicators {
            $(pub $ak: Option<$at>,)*
        }

        /// What the year's block gives besides the figures.
        #[derive(Debug, Clone, Default)]
        pub(crate) struct RawYearExtras {
            $(pub $yk: Option<$yt>,)*
        }

        impl RawIndicators {
            /// The year's figures that are given.
            pub(crate) fn figures(&self) -> Figures {
                let mut figures = Figures::new();
                $(if let Some(v) = self.$k { figures.insert(Indicator::$v, v); })*
                figures
            }

            /// The figures, and the rest of the block.
            pub(crate) fn split(self) -> (Figures, RawYearExtras) {
                let RawIndicators { $($ak),* } = self;
                let mut figures = Figures::new();
                $(if let Some(v) = $k { figures.insert(Indicator::$v, v); })*
                (figures, RawYearExtras { $($yk),* })
            }
        }

        /// Quarter figures: the same keys as the year, without the
        /// year-only fields.
        #[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, JsonSchema)]
        #[serde(deny_unknown_fields)]
        pub(crate) struct RawQuarterFigures {
            $(pub $k: Option<u64>,)*
        }

        impl RawQuarterFigures {
            /// The quarter's figures that are given.
            pub(crate) fn figures(&self) -> Figures {
                let mut figures = Figures::new();
                $(if let Some(v) = self.$k { figures.insert(Indicator::$v, v); })*
                figures
            }
        }
    };
    ($($table:tt)*) => {
        indicators!(@read [] [] [] $($table)*);
    };
}

/// `true` when `$want` is among the flags.
macro_rules! has_flag {
    ($want:ident;) => {
        false
    };
    (core; core $($rest:ident)*) => {
        true
    };
    (card; card $($rest:ident)*) => {
        true
    };
    ($want:ident; $other:ident $($rest:ident)*) => {
        has_flag!($want; $($rest)*)
    };
}

indicators! {
    /// Peer mediators trained.
    MediatorsTrained = mediators_trained, core;
    /// Active peer mediators.
    MediatorsActive = mediators_active, core, card;
    /// Requests (cases) handled.
    Cases = cases, core, card;
    /// Cases resolved by agreement (at most `cases`).
    CasesResolved = cases_resolved, core;
    /// Trainings and sessions held.
    Trainings = trainings, core;
    /// Participants reached by them.
    Participants = participants, core;
    /// Staff trained.
    StaffTrained = staff_trained;
    /// Parents reached.
    ParentsReached = parents_reached;
    /// Information materials.
    InfoMaterials = info_materials;
    year trust_box: bool;
    /// Trust box messages.
    TrustBoxMessages = trust_box_messages;
    /// Experience-sharing meetings.
    ExchangeMeetings = exchange_meetings;
    /// Referred to specialists.
    Referred = referred;
    year cases_by_parties: RawByParties;
    year quarters: BTreeMap<Quarter, RawQuarterFigures>;
}

/// The largest figure a report may give for one indicator. Far above
/// what a school club does in a year (a large school has some 3,000
/// pupils; a club that reaches every parent and pupil of several schools
/// stays under it), and low enough that the sums of any directory are
/// exact: a larger number is a typing mistake.
pub const MAX_FIGURE: u64 = 100_000;

/// Figures of one period: indicator → whole number; an indicator the
/// report does not give is absent ("no data", never 0).
pub type Figures = BTreeMap<Indicator, u64>;

/// A quarter of the academic year, as reports write it: `q1` … `q4`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Quarter {
    /// The first quarter.
    Q1,
    /// The second quarter.
    Q2,
    /// The third quarter.
    Q3,
    /// The fourth quarter.
    Q4,
}

impl Quarter {
    /// The quarters, in order.
    pub const ALL: [Quarter; 4] = [Quarter::Q1, Quarter::Q2, Quarter::Q3, Quarter::Q4];

    /// Its key in reports, exports and templates: `q1` … `q4`.
    pub const fn key(self) -> &'static str {
        match self {
            Quarter::Q1 => "q1",
            Quarter::Q2 => "q2",
            Quarter::Q3 => "q3",
            Quarter::Q4 => "q4",
        }
    }
}

/// Templates and exports see an indicator as its key.
impl Serialize for Indicator {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.key())
    }
}

impl Indicator {
    /// The UI message id of its label: `stat-cases-resolved`.
    pub fn label_key(self) -> String {
        format!("stat-{}", self.key().replace('_', "-"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_keeps_the_documented_order_and_flags() {
        let keys: Vec<&str> = Indicator::ALL.iter().map(|i| i.key()).collect();
        assert_eq!(
            keys,
            [
                "mediators_trained",
                "mediators_active",
                "cases",
                "cases_resolved",
                "trainings",
                "participants",
                "staff_trained",
                "parents_reached",
                "info_materials",
                "trust_box_messages",
                "exchange_meetings",
                "referred",
            ]
        );
        let core: Vec<&str> = Indicator::ALL
            .iter()
            .filter(|i| i.is_core())
            .map(|i| i.key())
            .collect();
        assert_eq!(core, keys[..6]);
        let card: Vec<Indicator> = Indicator::ALL
            .iter()
            .copied()
            .filter(|i| i.on_card())
            .collect();
        assert_eq!(card, [Indicator::MediatorsActive, Indicator::Cases]);
        assert_eq!(Indicator::CasesResolved.label_key(), "stat-cases-resolved");
    }

    #[test]
    fn quarter_keys_are_the_words_reports_write() {
        for quarter in Quarter::ALL {
            let read: Quarter = crate::yaml::parse_builtin(quarter.key()).unwrap();
            assert_eq!(read, quarter);
        }
    }

    #[test]
    fn split_keeps_every_field_of_the_year() {
        let raw = RawIndicators {
            cases: Some(3),
            trust_box: Some(true),
            quarters: Some(BTreeMap::from([(
                Quarter::Q2,
                RawQuarterFigures {
                    referred: Some(1),
                    ..Default::default()
                },
            )])),
            ..Default::default()
        };
        let (figures, rest) = raw.split();
        assert_eq!(figures, Figures::from([(Indicator::Cases, 3)]));
        assert_eq!(rest.trust_box, Some(true));
        let quarters = rest.quarters.unwrap_or_default();
        assert_eq!(
            quarters[&Quarter::Q2].figures(),
            Figures::from([(Indicator::Referred, 1)])
        );
    }
}
