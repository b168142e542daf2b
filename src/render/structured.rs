//! Structured data for search engines: JSON-LD (schema.org) describing a club
//! as an organization that belongs to its school.
//!
//! Layer 4 (render): reads the model through the page's [`Env`].

use serde_json::{Map, Value, json};

use super::Env;
use super::links::PageId;
use crate::content::Club;
use crate::types::tel_href;

/// The JSON-LD of a club page, ready to print inside
/// `<script type="application/ld+json">`: `<`, `>` and `&` are written as
/// JSON escapes, so no text of the club can end the element early.
pub(crate) fn club_json_ld(env: &Env<'_>, club: &Club, id: &PageId) -> String {
    let mut org = Map::new();
    org.insert("@context".into(), json!("https://schema.org"));
    org.insert("@type".into(), json!("Organization"));
    org.insert("name".into(), json!(env.text(&club.name).text));
    if let Some(unit) = &club.unit {
        org.insert("alternateName".into(), json!(env.text(unit).text));
    }
    if let Some(motto) = &club.motto {
        org.insert("slogan".into(), json!(env.text(motto).text));
    }
    if let Some(base) = &env.site.config.base_url {
        let url = format!("{base}{}", env.paths.pretty(env.lang, id));
        org.insert("url".into(), json!(url));
    }
    let address = address(env, club);
    org.insert("address".into(), address.clone());
    if let Some(c) = &club.contacts {
        if let Some(tel) = c.phones.iter().find_map(|p| tel_href(p)) {
            org.insert("telephone".into(), json!(tel.trim_start_matches("tel:")));
        }
        if let Some(email) = &c.email {
            org.insert("email".into(), json!(email.trim_start_matches("mailto:")));
        }
    }
    let same_as = same_as(club);
    if !same_as.is_empty() {
        org.insert("sameAs".into(), json!(same_as));
    }
    org.insert("parentOrganization".into(), school(env, club, address));
    script_safe(&Value::Object(org).to_string())
}

fn school(env: &Env<'_>, club: &Club, address: Value) -> Value {
    let mut school = Map::new();
    school.insert("@type".into(), json!("EducationalOrganization"));
    school.insert("name".into(), json!(env.text(&club.school.name).text));
    if let Some(site) = &club.school.website {
        school.insert("url".into(), json!(site.url));
    }
    school.insert("address".into(), address);
    Value::Object(school)
}

/// The school's postal address, as far as the club file gives it.
fn address(env: &Env<'_>, club: &Club) -> Value {
    let school = &club.school;
    let mut a = Map::new();
    a.insert("@type".into(), json!("PostalAddress"));
    if let Some(street) = &school.address {
        a.insert("streetAddress".into(), json!(env.text(street).text));
    }
    if let Some(locality) = &school.locality {
        a.insert("addressLocality".into(), json!(env.text(locality).text));
    }
    a.insert(
        "addressRegion".into(),
        json!(env.region(&school.region).name.text),
    );
    a.insert("addressCountry".into(), json!("KZ"));
    Value::Object(a)
}

/// The club's profiles elsewhere (Instagram), each once.
fn same_as(club: &Club) -> Vec<String> {
    let handles = club
        .contacts
        .as_ref()
        .and_then(|c| c.instagram.as_deref())
        .into_iter()
        .chain(club.gallery.instagram.as_deref());
    let mut urls: Vec<String> = Vec::new();
    for h in handles {
        let url = format!("https://www.instagram.com/{h}/");
        if !urls.contains(&url) {
            urls.push(url);
        }
    }
    urls
}

/// JSON that is also safe inside an HTML `<script>` element.
fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

#[cfg(test)]
mod tests {
    use super::script_safe;

    #[test]
    fn script_end_tags_cannot_close_the_element() {
        let json = serde_json::json!({"name": "</script><script>x()</script> & <!--"}).to_string();
        let safe = script_safe(&json);
        assert!(!safe.contains('<') && !safe.contains('>') && !safe.contains('&'));
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back["name"], "</script><script>x()</script> & <!--");
    }
}
