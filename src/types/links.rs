//! Links from content: a URL whose scheme is on the allow-list
//! (`SafeUrl`, `UrlKind`, `UrlProblem`) and a `tel:` link made from a phone
//! number as people write it (`tel_href`).
//!
//! Part of layer 1 (`types`); imports nothing from the crate.

use serde::Serialize;

/// What kind of link a checked URL is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum UrlKind {
    /// `https:`
    Https,
    /// `http:` (allowed, warned)
    Http,
    /// `mailto:`
    Mailto,
    /// `tel:`
    Tel,
}

/// Why a URL was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UrlProblem {
    /// Not a URL at all.
    Invalid,
    /// A scheme outside the allow-list, e.g. `javascript`.
    Scheme(String),
}

/// A URL whose scheme is on the allow-list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SafeUrl {
    /// The URL as normalized by the parser.
    pub url: String,
    /// Its scheme.
    pub kind: UrlKind,
}

impl SafeUrl {
    /// Checks a URL from content.
    pub fn parse(text: &str) -> Result<SafeUrl, UrlProblem> {
        let t = text.trim();
        let parsed = url::Url::parse(t).map_err(|_| UrlProblem::Invalid)?;
        let kind = match parsed.scheme() {
            "https" => UrlKind::Https,
            "http" => UrlKind::Http,
            "mailto" => UrlKind::Mailto,
            "tel" => UrlKind::Tel,
            other => return Err(UrlProblem::Scheme(other.to_string())),
        };
        if matches!(kind, UrlKind::Https | UrlKind::Http) && parsed.host_str().is_none() {
            return Err(UrlProblem::Invalid);
        }
        Ok(SafeUrl {
            url: parsed.to_string(),
            kind,
        })
    }
}

/// Makes a `tel:` link from a phone number as people write it
/// (`+7 707 813 7074`, `8 (7212) 41-23-45`).
pub fn tel_href(phone: &str) -> Option<String> {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    if digits.len() < 5 || digits.len() > 15 {
        return None;
    }
    let plus = phone.trim_start().starts_with('+');
    // Kazakhstan's trunk prefix: 8 7xx ... is +7 7xx ...
    if !plus && digits.len() == 11 && digits.starts_with('8') {
        return Some(format!("tel:+7{}", &digits[1..]));
    }
    Some(format!("tel:{}{digits}", if plus { "+" } else { "" }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allows_only_safe_schemes() {
        assert_eq!(
            SafeUrl::parse("https://a.kz/x").unwrap().kind,
            UrlKind::Https
        );
        assert_eq!(
            SafeUrl::parse("javascript:alert(1)"),
            Err(UrlProblem::Scheme("javascript".into()))
        );
        assert_eq!(
            SafeUrl::parse("data:text/html,x"),
            Err(UrlProblem::Scheme("data".into()))
        );
        assert_eq!(SafeUrl::parse("forms.example"), Err(UrlProblem::Invalid));
    }

    #[test]
    fn normalizes_phones() {
        assert_eq!(tel_href("+7 707 813 7074").unwrap(), "tel:+77078137074");
        assert_eq!(tel_href("8 (707) 813-70-74").unwrap(), "tel:+77078137074");
        assert_eq!(tel_href("111").as_deref(), None);
    }
}
