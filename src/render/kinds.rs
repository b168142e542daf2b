//! What a page is: its kind, named once. The name is what templates see as
//! `page.kind`; the template that renders the page is the name plus
//! `.html`, so the two cannot drift apart.

/// Writes the enum from the list below: variant = name.
macro_rules! page_kinds {
    ($($(#[$m:meta])* $v:ident = $name:literal,)*) => {
        /// The kind of a page: which template renders it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub(crate) enum PageKind {
            $($(#[$m])* $v,)*
        }

        impl PageKind {
            /// Every kind, in the order the theme's templates are listed.
            pub(crate) const ALL: &'static [PageKind] = &[$(PageKind::$v),*];

            /// Its name, `page.kind` in templates: `news_list`.
            pub(crate) const fn name(self) -> &'static str {
                match self {
                    $(PageKind::$v => $name,)*
                }
            }

            /// The template that renders it: `news_list.html`.
            pub(crate) const fn template(self) -> &'static str {
                match self {
                    $(PageKind::$v => concat!($name, ".html"),)*
                }
            }
        }
    };
}

page_kinds! {
    /// The root language chooser.
    Landing = "landing",
    /// A club (the home page of a school site).
    Club = "club",
    /// A club's reports.
    Reports = "reports",
    /// One report.
    Report = "report",
    /// One activity plan.
    Plan = "plan",
    /// A club's gallery.
    Gallery = "gallery",
    /// A club's poster.
    Poster = "poster",
    /// All news.
    NewsList = "news_list",
    /// A news item.
    News = "news",
    /// A free page.
    Page = "page",
    /// The documents list.
    Documents = "documents",
    /// The not-found page.
    NotFound = "404",
    /// The home page of a directory.
    Directory = "directory",
    /// One region's clubs.
    Region = "region",
    /// The region index.
    Regions = "regions",
    /// The statistics of one academic year.
    Statistics = "statistics",
    /// The statistics index.
    StatisticsIndex = "statistics_index",
}

/// The templates a theme provides: the base every page extends, then one
/// per kind of page.
pub(crate) fn theme_templates() -> impl Iterator<Item = &'static str> {
    std::iter::once("base.html").chain(PageKind::ALL.iter().map(|k| k.template()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_are_named_after_their_kind() {
        assert_eq!(PageKind::NewsList.name(), "news_list");
        assert_eq!(PageKind::NewsList.template(), "news_list.html");
        assert_eq!(PageKind::NotFound.template(), "404.html");
        assert_eq!(theme_templates().count(), PageKind::ALL.len() + 1);
    }
}
