//! Small value types shared by the config and the content model: localized
//! text, languages, academic years, dates, safe URLs. Each kind lives in a
//! submodule; this module re-exports them, so callers write `types::Date`.
//!
//! Layer 1: imports nothing from the crate.

mod codes;
mod dates;
mod links;
mod localized;
mod scalar;

pub use codes::{LangCode, RegionCode, Slug};
pub use dates::{AcademicYear, Date};
pub use links::{SafeUrl, UrlKind, UrlProblem, tel_href};
pub use localized::{LANG_KEY_PATTERN, Localized, Resolved};
pub use scalar::Scalar;

/// The extensions of the pictures bitimger publishes re-encoded: photos
/// of photos/ and leaders, and a logo that is not SVG.
pub const IMAGE_EXTENSIONS: &[&str] = &["jpg", "jpeg", "png", "webp"];
