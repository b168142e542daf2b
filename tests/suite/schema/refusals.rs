//! What the loader refuses, the schema refuses too: for each mistake a
//! teacher makes (an unknown or misspelt field, a number where a text is
//! expected, a list where a group of fields is, a language code that is
//! no language, a word that is not one of the choices), `check` fails on
//! the file and the file fails its schema.

use std::path::Path;

use bitimger::schema::SchemaFile;

use super::{Validator, schema_of};
use crate::harness::SiteTest;

/// A mistake: in `fixture`'s file `file`, `from` replaced with `to` (once;
/// an empty `from` appends `to`).
struct Mistake {
    what: &'static str,
    fixture: &'static str,
    file: &'static str,
    from: &'static str,
    to: &'static str,
}

const CLUB: &str = "clubs/senim/club.yaml";
const REPORT: &str = "clubs/senim/reports/2024-2025.kk.md";
const NEWS: &str = "news/2025-11-05-open-day.kk.md";

/// A field in front matter, as its first line.
const FRONT: &str = "---\n";

const MISTAKES: &[Mistake] = &[
    Mistake {
        what: "an unknown field",
        fixture: "school_minimal",
        file: CLUB,
        from: "",
        to: "colour: red\n",
    },
    Mistake {
        what: "a misspelt field",
        fixture: "school_minimal",
        file: CLUB,
        from: "",
        to: "moto: \"Бірге шешеміз\"\n",
    },
    Mistake {
        what: "a misspelt field in a group",
        fixture: "school_minimal",
        file: CLUB,
        from: "  region: karaganda",
        to: "  regoin: karaganda",
    },
    Mistake {
        what: "yes/no where a text is expected",
        fixture: "school_minimal",
        file: CLUB,
        from: "",
        to: "motto: true\n",
    },
    Mistake {
        what: "a number where a text is expected",
        fixture: "school_minimal",
        file: CLUB,
        from: "",
        to: "contacts:\n  email: 5\n",
    },
    Mistake {
        what: "a text where a number is expected",
        fixture: "school_minimal",
        file: CLUB,
        from: "",
        to: "members:\n  count: many\n",
    },
    Mistake {
        what: "a number below zero",
        fixture: "school_minimal",
        file: CLUB,
        from: "",
        to: "members:\n  count: -3\n",
    },
    Mistake {
        what: "a list where a group of fields is expected",
        fixture: "school_minimal",
        file: CLUB,
        from: "",
        to: "contacts: [\"214\", club@example.test]\n",
    },
    Mistake {
        what: "a group of fields where a list is expected",
        fixture: "school_minimal",
        file: CLUB,
        from: "",
        to: "goals: {kk: \"Бірге\"}\n",
    },
    Mistake {
        what: "a list where a text is expected",
        fixture: "school_minimal",
        file: CLUB,
        from: "",
        to: "leaders:\n  - name: Асель Нурланова\n    phone: [\"+7 7212 41 00 00\"]\n",
    },
    Mistake {
        what: "a language code that is not a language",
        fixture: "school_minimal",
        file: CLUB,
        from: "ru: \"Доверие\"",
        to: "russian: \"Доверие\"",
    },
    Mistake {
        what: "a word that is not one of the choices",
        fixture: "school_minimal",
        file: CLUB,
        from: "",
        to: "principles: defualt\n",
    },
    Mistake {
        what: "an unknown field in site.yaml",
        fixture: "product_site",
        file: "site.yaml",
        from: "",
        to: "colour: red\n",
    },
    Mistake {
        what: "a text where a list of languages is expected",
        fixture: "product_site",
        file: "site.yaml",
        from: "languages: [kk, ru]",
        to: "languages: kk",
    },
    Mistake {
        what: "a kind of site that does not exist",
        fixture: "product_site",
        file: "site.yaml",
        from: "kind: school",
        to: "kind: schol",
    },
    Mistake {
        what: "a plan format that does not exist",
        fixture: "product_site",
        file: "clubs/senim/plans/2025-2026.yaml",
        from: "format: meeting",
        to: "format: party",
    },
    Mistake {
        what: "an unknown field in a plan item",
        fixture: "product_site",
        file: "clubs/senim/plans/2025-2026.yaml",
        from: "    done: true",
        to: "    finished: true",
    },
    Mistake {
        what: "a report status that does not exist",
        fixture: "product_site",
        file: REPORT,
        from: "status: final",
        to: "status: done",
    },
    Mistake {
        what: "a figure written in words",
        fixture: "product_site",
        file: REPORT,
        from: "  cases: 22",
        to: "  cases: twenty-two",
    },
    Mistake {
        what: "a figure larger than any club reports",
        fixture: "product_site",
        file: REPORT,
        from: "q2: {cases: 7",
        to: "q2: {cases: 700000",
    },
    Mistake {
        what: "a quarter that does not exist",
        fixture: "product_site",
        file: REPORT,
        from: "q3:",
        to: "q5:",
    },
    Mistake {
        what: "a figure outside `indicators`",
        fixture: "product_site",
        file: REPORT,
        from: FRONT,
        to: "---\ncases: 3\n",
    },
    Mistake {
        what: "a text where yes/no is expected",
        fixture: "product_site",
        file: NEWS,
        from: FRONT,
        to: "---\ndraft: maybe\n",
    },
    Mistake {
        what: "an unknown field in a page",
        fixture: "product_site",
        file: "pages/about-mediation.kk.md",
        from: FRONT,
        to: "---\nauthor: Асель\n",
    },
    Mistake {
        what: "a list where a text is expected in documents.yaml",
        fixture: "product_site",
        file: "documents/documents.yaml",
        from: "  date: 2023-10-05",
        to: "  date: [2023-10-05]",
    },
    Mistake {
        what: "an unknown field in photos.yaml",
        fixture: "product_site",
        file: "clubs/senim/photos/photos.yaml",
        from: "- file: training.jpg",
        to: "- file: training.jpg\n  author: Асель",
    },
];

/// `t`'s file with the mistake made.
fn make(t: &SiteTest, m: &Mistake) -> String {
    let text = t.read(m.file);
    let changed = if m.from.is_empty() {
        format!("{text}{}", m.to)
    } else {
        assert!(
            text.contains(m.from),
            "{}: no `{}` in {}",
            m.what,
            m.from,
            m.file
        );
        text.replacen(m.from, m.to, 1)
    };
    t.write(m.file, &changed);
    changed
}

#[test]
fn every_mistake_the_loader_refuses_the_schema_refuses() {
    let validator = Validator::new("en");
    let mut problems = Vec::new();
    for m in MISTAKES {
        let t = SiteTest::fixture(m.fixture);
        let file = schema_of(Path::new(m.file)).unwrap();
        let before = t.read(m.file);
        assert_eq!(validator.validate_text(file, &before), Ok(()), "{}", m.file);
        let text = make(&t, m);
        let check = t.check(&[]);
        if check.code() != 1 || !check.stderr().contains(m.file) {
            problems.push(format!(
                "{}: the loader takes it:\n{}",
                m.what,
                check.stderr()
            ));
        }
        if validator.validate_text(file, &text).is_ok() {
            problems.push(format!("{}: the schema takes it", m.what));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

#[test]
fn an_optional_field_left_empty_and_texts_by_language_pass() {
    let validator = Validator::new("en");
    let club = "name: {kk: \"Сенім\", ru: \"Доверие\", en: Trust}\nmotto:\nschool:\n  name: № 1 гимназия\n  region: karaganda\ncontacts:\n  room: 214\n  phones: [\"+7 7212 41 00 00\", 87212410001]\nprinciples: [confidentiality, {title: Бірлік, text: {kk: Бірге, ru: Вместе}}]\n";
    assert_eq!(validator.validate_text(SchemaFile::Club, club), Ok(()));
    let t = SiteTest::fixture("school_minimal");
    t.write(crate::schema::refusals::CLUB, club);
    t.check(&[]).ok();
}

#[test]
fn principles_yaml_is_checked_the_same_way() {
    let validator = Validator::new("en");
    let good = "- key: listening\n  title: {kk: Тыңдау, ru: Слушание}\n  text: Әркім тыңдалады.\n";
    let t = SiteTest::fixture("school_minimal");
    t.write("principles.yaml", good);
    assert_eq!(
        validator.validate_text(SchemaFile::Principles, good),
        Ok(())
    );
    t.check(&[]).ok();
    let bad = good.replace("  text:", "  txt:");
    t.write("principles.yaml", &bad);
    t.check(&[]).fails_with(1);
    assert!(
        validator
            .validate_text(SchemaFile::Principles, &bad)
            .is_err()
    );
}
