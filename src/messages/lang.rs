//! The languages the tool speaks, and which one a run uses.
//!
//! Layer 1 (part of `messages`); imports nothing from the crate.

/// A language of the tool's messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// Kazakh, the state language.
    Kk,
    /// Russian.
    Ru,
    /// English.
    En,
}

impl Lang {
    /// Every language, Kazakh first.
    pub const ALL: [Lang; 3] = [Lang::Kk, Lang::Ru, Lang::En];

    /// Its code: `kk`, `ru` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Kk => "kk",
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }

    /// The language a code or locale names: `kk`, `ru-RU`, `en_US.UTF-8`
    /// (case ignored); `None` for any other.
    pub fn parse(text: &str) -> Option<Lang> {
        let code = text
            .split(['_', '-', '.', '@'])
            .next()?
            .trim()
            .to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The language of this run: `flag` (`--lang`), else `BITIMGER_LANG`,
    /// else the operating system's language (`LC_ALL`, `LC_MESSAGES`,
    /// `LANG`, then the system's own setting) when it is one of the three,
    /// else the site's first language, else Kazakh. `env` reads a variable.
    pub fn choose(
        flag: Option<&str>,
        env: impl Fn(&str) -> Option<String>,
        site_first: Option<&str>,
    ) -> Lang {
        let named = |v: Option<String>| v.filter(|s| !s.is_empty());
        flag.and_then(Lang::parse)
            .or_else(|| named(env("BITIMGER_LANG")).as_deref().and_then(Lang::parse))
            .or_else(|| {
                // The first of these that is set names the system's language.
                ["LC_ALL", "LC_MESSAGES", "LANG"]
                    .into_iter()
                    .find_map(|v| named(env(v)))
                    .or_else(sys_locale::get_locale)
                    .as_deref()
                    .and_then(Lang::parse)
            })
            .or_else(|| site_first.and_then(Lang::parse))
            .unwrap_or(Lang::Kk)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn reads_codes_and_locales() {
        assert_eq!(Lang::parse("kk"), Some(Lang::Kk));
        assert_eq!(Lang::parse("ru_RU.UTF-8"), Some(Lang::Ru));
        assert_eq!(Lang::parse("en-GB"), Some(Lang::En));
        assert_eq!(Lang::parse("KK_kz"), Some(Lang::Kk));
        assert_eq!(Lang::parse("de_DE.UTF-8"), None);
        assert_eq!(Lang::parse("C.UTF-8"), None);
    }

    #[test]
    fn the_flag_then_the_variable_then_the_system_then_the_site() {
        let all = [("BITIMGER_LANG", "ru"), ("LANG", "en_US.UTF-8")];
        assert_eq!(Lang::choose(Some("en"), env(&all), Some("kk")), Lang::En);
        assert_eq!(Lang::choose(None, env(&all), Some("kk")), Lang::Ru);
        let system = [
            ("BITIMGER_LANG", ""),
            ("LC_ALL", "ru_KZ.UTF-8"),
            ("LANG", "en_US"),
        ];
        assert_eq!(Lang::choose(None, env(&system), Some("kk")), Lang::Ru);
        let other = [("LANG", "de_DE.UTF-8")];
        assert_eq!(Lang::choose(None, env(&other), Some("ru")), Lang::Ru);
        assert_eq!(Lang::choose(Some("fr"), env(&other), None), Lang::Kk);
    }
}
