//! The web addresses (slugs) already taken in one folder of news or
//! pages: a second file that would make the same page is an error naming
//! both files.
//!
//! Part of layer 3 (`content`, in `check`); imports `diag`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Diagnostics};

/// The web addresses (slugs) already taken in one folder of news or pages,
/// so that two files that would make the same page are reported by name.
#[derive(Default)]
pub(crate) struct Addresses {
    taken: BTreeMap<String, PathBuf>,
}

impl Addresses {
    /// True when `slug` is still free (and takes it for `file`); else
    /// reports `file` and the file that took it first.
    pub(in crate::content) fn claim(
        &mut self,
        slug: &str,
        file: &Path,
        code: &'static str,
        diags: &mut Diagnostics,
    ) -> bool {
        let Some(first) = self.taken.get(slug) else {
            self.taken.insert(slug.to_string(), file.to_path_buf());
            return true;
        };
        let name = |p: &Path| {
            p.file_name()
                .map_or(String::new(), |n| n.to_string_lossy().to_string())
        };
        diags.push(
            Diagnostic::error(
                code,
                format!(
                    "{} and {} would have the same web address `{slug}`",
                    name(first),
                    name(file)
                ),
            )
            .words("address-taken")
            .arg("first", name(first))
            .arg("second", name(file))
            .arg("address", slug)
            .in_file(file)
            .help("rename one of the two files: the address is made from the file name, without its date and language"),
        );
        false
    }
}
