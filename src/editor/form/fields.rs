//! The fields of the form: a list with its Add and Remove buttons, a
//! text in several languages side by side, a single value as a line or a
//! text area, a yes/no box, and a photo's path with its upload button.
//!
//! Layer 8: part of `editor` (`form`).

use super::{Ctx, esc};
use crate::yaml::Outline;

impl Ctx<'_, '_> {
    pub(super) fn list(&mut self, items: &[Outline]) -> String {
        if self.is_table() {
            return self.table(items);
        }
        let mut out = format!(
            "<fieldset class=\"list\"><legend>{}</legend>",
            esc(&self.label())
        );
        for (n, item) in items.iter().enumerate() {
            self.path.push(format!("#{n}"));
            out.push_str(&format!("<div class=\"item\">{}", self.value(item)));
            out.push_str(&self.remove_button());
            out.push_str("</div>");
            self.path.pop();
        }
        out.push_str(&self.add_button());
        out.push_str("</fieldset>");
        out
    }

    /// The "Add another" button of the list at the current path.
    pub(super) fn add_button(&self) -> String {
        format!(
            "<button type=\"submit\" name=\"add\" value=\"{}:{}\" class=\"add\">{}</button>",
            self.i,
            esc(&self.key()),
            esc(&self.view.messages.text("edit-add", &[]))
        )
    }

    /// The "Remove" button of the item at the current path, named after
    /// the item so a screen reader says which one it removes.
    pub(super) fn remove_button(&self) -> String {
        let m = self.view.messages;
        format!(
            "<button type=\"submit\" name=\"remove\" value=\"{}:{}\" class=\"remove\" aria-label=\"{}\">{}</button>",
            self.i,
            esc(&self.key()),
            esc(&m.text("edit-remove-item", &[("item", self.label().into())])),
            esc(&m.text("edit-remove", &[]))
        )
    }

    pub(super) fn localized(&mut self, entries: &[(String, Outline)]) -> String {
        let (errs, described) = self.problems_here();
        let (hint, hint_id) = self.hint();
        let described = describedby(&described, hint_id.as_deref());
        let mut out = format!(
            "<fieldset class=\"langs\"><legend>{}</legend>{hint}{errs}<div class=\"side\">",
            esc(&self.label())
        );
        let key = self.key();
        for lang in self.view.langs {
            let name = format!("l{}:{key}@{lang}", self.i);
            let current = entries.iter().find(|(k, _)| k == lang).map(|(_, v)| v);
            let text = match current {
                Some(Outline::Text(t)) => t.clone(),
                _ => String::new(),
            };
            let shown = self.view.given.get(&name).cloned().unwrap_or(text);
            // The language's own name (Қазақша, Русский), as the schema gives it.
            let mut at = self.path.clone();
            at.push(lang.clone());
            let d = self.file.describe.as_ref();
            let called = d.and_then(|d| d.title(&at)).unwrap_or_else(|| lang.clone());
            out.push_str(&format!(
                "<div class=\"field\" lang=\"{lang}\"><label for=\"{id}\">{}</label>{}</div>",
                esc(&called),
                input(&name, &id_of(&name), &shown, &described),
                id = id_of(&name),
            ));
        }
        out.push_str("</div></fieldset>");
        out
    }

    pub(super) fn scalar(&mut self, v: &Outline) -> String {
        if self
            .file
            .describe
            .as_ref()
            .is_some_and(|d| d.is_bool(&self.path))
        {
            return self.checkbox(v);
        }
        if self.kind().as_deref() == Some("photo") && self.club().is_some() {
            return self.photo(v);
        }
        let (errs, described) = self.problems_here();
        let (hint, hint_id) = self.hint();
        let described = describedby(&described, hint_id.as_deref());
        let name = format!("v{}:{}", self.i, self.key());
        let text = match v {
            Outline::Text(t) | Outline::Number(t) => t.clone(),
            Outline::Bool(b) => b.to_string(),
            _ => String::new(),
        };
        let shown = self.view.given.get(&name).cloned().unwrap_or(text);
        format!(
            "<div class=\"field\"><label for=\"{id}\">{}</label>{hint}{errs}{}</div>",
            esc(&self.label()),
            input(&name, &id_of(&name), &shown, &described),
            id = id_of(&name),
        )
    }
}

impl Ctx<'_, '_> {
    /// The club of the file (`clubs/<club>/…`), where its photos go.
    fn club(&self) -> Option<&str> {
        let mut parts = self.file.part.rel.split('/');
        (parts.next() == Some("clubs"))
            .then(|| parts.next())
            .flatten()
    }

    /// A photo's path, with a button that uploads a photo (checked as a
    /// build would, saved in the club's photos/) and writes its path in
    /// the field; without the script the path is typed.
    fn photo(&mut self, v: &Outline) -> String {
        let m = self.view.messages;
        let (errs, described) = self.problems_here();
        let name = format!("v{}:{}", self.i, self.key());
        let id = id_of(&name);
        let help_id = format!("{id}-help");
        let described = describedby(&described, Some(&help_id));
        let text = match v {
            Outline::Text(t) => t.clone(),
            _ => String::new(),
        };
        let shown = self.view.given.get(&name).cloned().unwrap_or(text);
        format!(
            "<div class=\"field photo-field\"><label for=\"{id}\">{label}</label>\
<p class=\"hint\" id=\"{help_id}\">{help}</p>{errs}{input}\
<label for=\"{id}-file\" class=\"upload\">{upload}</label>\
<input type=\"file\" id=\"{id}-file\" class=\"photo-pick\" data-club=\"{club}\" data-target=\"{id}\" \
accept=\"image/jpeg,image/png,image/webp\">\
<p class=\"photo-status\" role=\"status\" aria-live=\"polite\"></p></div>",
            label = esc(&self.label()),
            help = esc(&m.text("edit-photo-field-help", &[])),
            input = input(&name, &id, &shown, &described),
            upload = esc(&m.text("edit-photo-upload", &[])),
            club = esc(self.club().unwrap_or_default()),
        )
    }

    /// A yes/no field as a box to tick. The hidden `false` before it is
    /// what an unticked box sends (a ticked one sends `true` after it,
    /// which wins).
    fn checkbox(&mut self, v: &Outline) -> String {
        let (errs, described) = self.problems_here();
        let (hint, hint_id) = self.hint();
        let described = describedby(&described, hint_id.as_deref());
        let name = format!("v{}:{}", self.i, self.key());
        let now = matches!(v, Outline::Bool(true));
        let on = match self.view.given.get(&name) {
            Some(given) => given == "true",
            None => now,
        };
        format!(
            "<div class=\"field check\"><input type=\"hidden\" name=\"{n}\" value=\"false\">\
<input type=\"checkbox\" id=\"{id}\" name=\"{n}\" value=\"true\"{checked}{described}>\
<label for=\"{id}\">{}</label>{hint}{errs}</div>",
            esc(&self.label()),
            n = esc(&name),
            id = id_of(&name),
            checked = if on { " checked" } else { "" },
        )
    }
}

/// The `aria-describedby` of a field with problems (`described`, as
/// made by `collect`) and a description.
fn describedby(described: &str, hint: Option<&str>) -> String {
    let Some(hint) = hint else {
        return described.to_string();
    };
    match described.strip_prefix(" aria-describedby=\"") {
        Some(rest) => format!(" aria-describedby=\"{hint} {rest}"),
        None => format!(" aria-describedby=\"{hint}\""),
    }
}

/// An id for a field name (ids may not hold every character a key can).
fn id_of(name: &str) -> String {
    format!("f-{}", crate::editor::files::hash(name.as_bytes()))
}

fn input(name: &str, id: &str, value: &str, described: &str) -> String {
    if value.contains('\n') || value.chars().count() > 90 {
        format!(
            "<textarea id=\"{id}\" name=\"{}\" rows=\"3\"{described}>{}</textarea>",
            esc(name),
            esc(value)
        )
    } else {
        format!(
            "<input type=\"text\" id=\"{id}\" name=\"{}\" value=\"{}\"{described}>",
            esc(name),
            esc(value)
        )
    }
}
