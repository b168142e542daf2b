//! Codes that travel through the whole pipeline as text: a language code
//! (`kk`), a region code (`karaganda`), a slug (`senim`). Each has its own
//! type, so one cannot be passed where another is meant. Templates and exports see
//! them as plain text (`#[serde(transparent)]`), and they read as a `&str`
//! wherever one is wanted.
//!
//! Part of layer 1 (`types`).

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;

use serde::{Deserialize, Serialize};

/// Writes a code type: a `String` with its own name, shown and serialized
/// as the text itself, compared with `str` and looked up by `&str` in maps.
macro_rules! code_type {
    ($(#[$m:meta])* $name:ident) => {
        $(#[$m])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// The code as written.
            pub fn new(code: impl Into<String>) -> Self {
                $name(code.into())
            }

            /// The code.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl From<&str> for $name {
            fn from(code: &str) -> Self {
                $name(code.to_string())
            }
        }

        impl From<String> for $name {
            fn from(code: String) -> Self {
                $name(code)
            }
        }

        impl Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }

        impl PartialEq<$name> for str {
            fn eq(&self, other: &$name) -> bool {
                self == other.0
            }
        }

        impl PartialEq<$name> for &str {
            fn eq(&self, other: &$name) -> bool {
                *self == other.0
            }
        }
    };
}

code_type! {
    /// A language code of the site, as site.yaml lists it: `kk`, `ru`,
    /// `en` (a BCP 47 tag; checked when site.yaml is read). Pages are
    /// written under `/<code>/`.
    LangCode
}

code_type! {
    /// A region code of Kazakhstan as `school.region` writes it:
    /// `karaganda`, `almaty-region` (one of the built-in regions; checked
    /// when club.yaml is read). A directory's region pages live under
    /// `/regions/<code>/`.
    RegionCode
}

code_type! {
    /// The name of a club, news item or page in its web address: small
    /// Latin letters, digits and `-` (`senim`, `trust-box`), its folder or
    /// file name when that is one, else that name transliterated
    /// (`content::slug`).
    Slug
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn a_code_reads_and_serializes_as_its_text() {
        let kk = LangCode::new("kk");
        assert_eq!(kk, "kk");
        assert_eq!(kk.to_string(), "kk");
        assert_eq!(serde_json::to_string(&kk).unwrap(), "\"kk\"");
        assert_eq!(
            serde_json::to_string(std::slice::from_ref(&kk)).unwrap(),
            "[\"kk\"]"
        );
        let texts = BTreeMap::from([(kk, "Сенім")]);
        assert_eq!(texts.get("kk"), Some(&"Сенім"));
        assert_eq!(["kk", "ru"].map(LangCode::new).join(", "), "kk, ru");
    }
}
