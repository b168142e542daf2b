//! `bitimger schema DIR`: the JSON Schemas of the content files
//! (`crate::schema`), one file per schema, written all or nothing like
//! `theme export` (`fresh.rs`). `init` and `new club` put them in the
//! site's `.schemas/` folder, which the YAML files they write name on
//! their first line, for editors that check YAML as it is typed.
//!
//! Part of layer 7 (`scaffold`).

use std::path::Path;

use super::{ScaffoldError, ScaffoldReport};
use crate::schema::{SITE_FOLDER, SchemaFile, schema_text};

/// Every schema file, its texts in `lang`: its name and its bytes.
fn schema_files(lang: &str) -> Vec<(String, Vec<u8>)> {
    SchemaFile::ALL
        .into_iter()
        .map(|file| (file.file_name(), schema_text(file, lang).into_bytes()))
        .collect()
}

/// Writes every schema into `dir` (made when missing), its titles and
/// descriptions in `lang`; all or nothing.
pub fn export_schemas(dir: &Path, lang: &str) -> Result<ScaffoldReport, ScaffoldError> {
    super::fresh::write_all_new(dir, schema_files(lang))
}

/// Plans the schemas in `site`'s `.schemas/` folder that are not there
/// yet (the ones there are left as they are, and not listed).
pub(super) fn plan_site_schemas(report: &mut ScaffoldReport, site: &Path, lang: &str) {
    let folder = site.join(SITE_FOLDER);
    for (name, bytes) in schema_files(lang) {
        let path = folder.join(name);
        if path.symlink_metadata().is_err() {
            report.planned.push((path, bytes));
        }
    }
}

/// `text` (a YAML file `depth` folders below the site folder) with the
/// line that names `file`'s schema first.
pub(super) fn with_modeline(file: SchemaFile, depth: usize, text: &str) -> String {
    format!("{}{text}", crate::schema::modeline(file, depth))
}
