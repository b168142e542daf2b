//! A plan's items as a table: one row per item, a column per field with
//! the schema's title in the teacher's language as its header, the
//! Remove button of each item in its row. Each cell holds the field as
//! anywhere else in the form (its label kept for screen readers, hidden
//! on wide screens where the header says it). On a narrow screen the CSS
//! turns each row into a block of labelled fields; the explicit roles
//! keep the table a table for screen readers when it is shown so. The
//! descriptions of the columns are written once, under the table.
//!
//! Layer 8: part of `editor` (`form`).

use super::{Ctx, esc};
use crate::yaml::Outline;

impl Ctx<'_, '_> {
    /// Whether the list at the current path is shown as a table: a plan's
    /// items.
    pub(super) fn is_table(&self) -> bool {
        self.path == ["items"] && self.file.part.rel.contains("/plans/")
    }

    /// The fields of the items: the schema's, in its order, then any
    /// other an item has.
    fn columns(&mut self, items: &[Outline]) -> Vec<String> {
        self.path.push("#0".into());
        let d = self.file.describe.as_ref();
        let mut keys: Vec<String> = d.map(|d| d.fields(&self.path)).unwrap_or_default();
        self.path.pop();
        for item in items {
            if let Outline::Group(entries) = item {
                for (k, _) in entries {
                    if !keys.contains(k) {
                        keys.push(k.clone());
                    }
                }
            }
        }
        keys
    }

    /// The id of the description of the current path's column.
    pub(super) fn column_help_id(&self) -> Option<String> {
        let (column, _) = self.path.split_last()?;
        let d = self.file.describe.as_ref()?;
        d.description(&self.path)?;
        let key = format!("{}/{column}", self.i);
        Some(format!("c-{}", crate::editor::files::hash(key.as_bytes())))
    }

    pub(super) fn table(&mut self, items: &[Outline]) -> String {
        let columns = self.columns(items);
        let m = self.view.messages;
        let mut out = format!(
            "<div class=\"table\"><table class=\"items\" role=\"table\"><caption>{}</caption>\
<thead role=\"rowgroup\"><tr role=\"row\">",
            esc(&self.label())
        );
        for column in &columns {
            out.push_str(&format!(
                "<th scope=\"col\" role=\"columnheader\">{}</th>",
                esc(&self.column_title(column))
            ));
        }
        out.push_str(&format!(
            "<th scope=\"col\" role=\"columnheader\"><span class=\"hidden\">{}</span></th></tr></thead><tbody role=\"rowgroup\">",
            esc(&m.text("edit-remove", &[]))
        ));
        for (n, item) in items.iter().enumerate() {
            self.path.push(format!("#{n}"));
            out.push_str(&self.row(item, &columns));
            self.path.pop();
        }
        out.push_str("</tbody></table></div>");
        out.push_str(&self.column_help(&columns));
        out.push_str(&self.add_button());
        out
    }

    fn column_title(&mut self, column: &str) -> String {
        self.path.push("#0".into());
        self.path.push(column.to_string());
        let d = self.file.describe.as_ref();
        let title = d.and_then(|d| d.title(&self.path));
        self.path.truncate(self.path.len() - 2);
        title.unwrap_or_else(|| column.to_string())
    }

    /// One item's row; the current path is the item's.
    fn row(&mut self, item: &Outline, columns: &[String]) -> String {
        let empty = Vec::new();
        let entries = match item {
            Outline::Group(entries) => entries,
            _ => &empty,
        };
        let mut out = String::from("<tr role=\"row\">");
        self.in_table = true;
        for column in columns {
            self.path.push(column.clone());
            let cell = match entries.iter().find(|(k, _)| k == column) {
                Some((_, value)) => self.value(value),
                None => self.missing(),
            };
            out.push_str(&format!("<td role=\"cell\">{cell}</td>"));
            self.path.pop();
        }
        self.in_table = false;
        out.push_str(&format!(
            "<td role=\"cell\">{}</td></tr>",
            self.remove_button()
        ));
        out
    }

    /// What each column is for, once, under the table.
    fn column_help(&mut self, columns: &[String]) -> String {
        let mut out = String::new();
        self.path.push("#0".into());
        for column in columns {
            self.path.push(column.clone());
            let d = self.file.describe.as_ref();
            let text = d.and_then(|d| d.description(&self.path));
            let title = d.and_then(|d| d.title(&self.path));
            if let (Some(text), Some(id)) = (text, self.column_help_id()) {
                let title = title.unwrap_or_else(|| column.clone());
                out.push_str(&format!(
                    "<dt>{}</dt><dd id=\"{id}\">{}</dd>",
                    esc(&title),
                    esc(&text)
                ));
            }
            self.path.pop();
        }
        self.path.pop();
        if out.is_empty() {
            return out;
        }
        format!("<dl class=\"column-help\">{out}</dl>")
    }
}
