//! Did you mean …? The closest name to a misspelt one.
//!
//! Layer 0: imports nothing from the crate.

/// The closest candidate to `word` by edit distance, when it is close enough
/// to be a likely typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let word_lower = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| {
            (
                strsim::damerau_levenshtein(&word_lower, &c.to_lowercase()),
                c,
            )
        })
        .filter(|(d, c)| *d <= (c.chars().count() / 3).max(2))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        let names = ["leaders", "members", "goals"];
        assert_eq!(did_you_mean("leaderz", names), Some("leaders"));
        assert_eq!(did_you_mean("Goals", names), Some("goals"));
        assert_eq!(did_you_mean("photographs", names), None);
    }
}
