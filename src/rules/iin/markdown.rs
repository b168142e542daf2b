//! The text of a Markdown body as the published page shows it, block by
//! block: emphasis, code spans, inline HTML tags, escapes and character
//! references are gone (`0503**1560**0000` and `05031560&#48;000` read
//! as the digits they show), each character tagged with its source line.
//! Link addresses, titles and heading ids are texts of their own.
//!
//! Layer 5 (part of `rules`).

use pulldown_cmark::{Event, Parser, Tag};

use super::super::text::Folded;
use super::digits::may_hold_iin;
use crate::content::markdown::{OPTIONS, is_inline, is_inline_end};

/// One block's text as pulldown-cmark gives it, folded only when it could
/// hold an IIN (most blocks hold a few digits at most).
#[derive(Default)]
struct Block {
    /// Pieces of text with their line; `true` for raw HTML.
    pieces: Vec<(String, usize, bool)>,
}

impl Block {
    fn add(&mut self, text: &str, line: usize, html: bool) {
        self.pieces.push((text.to_string(), line, html));
    }

    fn finish(self, out: &mut Vec<Folded>) {
        let raw: String = self.pieces.iter().map(|p| p.0.as_str()).collect();
        if !may_hold_iin(&raw) {
            return;
        }
        let mut block = Folded::default();
        for (text, line, html) in self.pieces {
            if html {
                raw_html(&text, line, &mut block);
            } else {
                block.push_str(&text, line);
            }
        }
        out.push(block);
    }
}

/// Text blocks of `markdown`, whose first line is line `first_line` of its
/// file; each character's position is its line. Only blocks that could
/// hold an IIN are returned.
pub(super) fn blocks(markdown: &str, first_line: usize) -> Vec<Folded> {
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(markdown.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_of = |offset: usize| first_line + line_starts.partition_point(|&s| s <= offset) - 1;
    let mut out = Vec::new();
    let mut block = Block::default();
    for (event, range) in Parser::new_ext(markdown, OPTIONS).into_offset_iter() {
        let line = line_of(range.start);
        match event {
            Event::Text(t) | Event::Code(t) => block.add(&t, line, false),
            Event::SoftBreak | Event::HardBreak => block.add(" ", line, false),
            Event::InlineHtml(h) | Event::Html(h) => block.add(&h, line, true),
            Event::Start(tag) => {
                if let Tag::Link {
                    dest_url, title, ..
                }
                | Tag::Image {
                    dest_url, title, ..
                } = &tag
                {
                    for text in [dest_url, title] {
                        let mut own = Block::default();
                        own.add(text, line, true);
                        own.finish(&mut out);
                    }
                }
                if let Tag::Heading { id: Some(id), .. } = &tag {
                    let mut own = Block::default();
                    own.add(id, line, true);
                    own.finish(&mut out);
                }
                if !is_inline(&tag) {
                    std::mem::take(&mut block).finish(&mut out);
                }
            }
            Event::End(tag) if !is_inline_end(tag) => std::mem::take(&mut block).finish(&mut out),
            _ => {}
        }
    }
    block.finish(&mut out);
    out
}

/// Raw HTML in Markdown: its tags join the text around them (the
/// sanitizer keeps `<b>`, `<span>` ...), its character references are
/// decoded, and `<br>` is a space.
fn raw_html(html: &str, line: usize, block: &mut Folded) {
    let mut rest = html;
    while !rest.is_empty() {
        match rest.find('<') {
            Some(0) => {
                let end = rest.find('>').map_or(rest.len(), |i| i + 1);
                if rest[..end].to_ascii_lowercase().starts_with("<br") {
                    block.push(' ', line);
                }
                rest = &rest[end..];
            }
            Some(i) => {
                block.append(Folded::line_at(&rest[..i], line));
                rest = &rest[i..];
            }
            None => {
                block.append(Folded::line_at(rest, line));
                rest = "";
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::digits::find_iins;
    use super::*;

    fn iins(markdown: &str) -> Vec<(usize, String)> {
        blocks(markdown, 5)
            .iter()
            .flat_map(find_iins)
            .map(|f| (f.column, f.text))
            .collect()
    }

    #[test]
    fn reads_numbers_as_the_page_shows_them() {
        let hit = |line| vec![(line, "900115300122".to_string())];
        assert_eq!(iins("Мәтін.\n\nЖСН 9001**1530**0122.\n"), hit(7));
        assert_eq!(iins("ЖСН 90011530012&#50;.\n"), hit(5));
        assert_eq!(iins("ЖСН 9001<b>1530</b>0122.\n"), hit(5));
        assert_eq!(iins("ЖСН 900115\\-300122.\n"), hit(5));
        assert_eq!(iins("ЖСН `9001`15300122.\n"), hit(5));
        assert_eq!(
            iins("a\nЖСН 900115\n300122\n"),
            vec![(6, "900115300122".into())]
        );
        assert_eq!(iins("[жсн](https://x.kz/?n=900115300122)\n"), hit(5));
        assert_eq!(iins("## Тақырып {#n900115300122}\n"), hit(5));
    }

    #[test]
    fn blocks_do_not_join() {
        assert!(iins("| 900115 | 300122 |\n|---|---|\n").is_empty());
        assert!(iins("- 900115\n- 300122\n").is_empty());
        assert!(iins("900115\n\n300122\n").is_empty());
    }
}
