//! Line and column of a byte offset in a Markdown text. The line starts are
//! found once and searched by bisection, and the column is counted on from
//! the last offset asked for when it is on the same line: events come in
//! order, so locating every link of a text costs about one pass over it,
//! however many links or however long its lines (counting from the start of
//! the text for each event made 100,000 links take minutes).

use std::cell::Cell;

/// Where each line of a text starts.
pub(super) struct LineIndex<'a> {
    text: &'a str,
    /// Byte offset of each line's first byte; the first is 0.
    starts: Vec<usize>,
    /// The line number of the text's first line in its file.
    first_line: usize,
    /// The last offset located, its line (0-based) and column (1-based).
    last: Cell<(usize, usize, usize)>,
}

impl<'a> LineIndex<'a> {
    /// Indexes `text`, whose first line is line `first_line` of its file.
    pub(super) fn new(text: &'a str, first_line: usize) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex {
            text,
            starts,
            first_line,
            last: Cell::new((0, 0, 1)),
        }
    }

    /// The line (in the file) and column (1-based, in characters) of the
    /// byte at `offset`.
    pub(super) fn locate(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let (last_offset, last_line, last_column) = self.last.get();
        let (from, column) = if line == last_line && offset >= last_offset {
            (last_offset, last_column)
        } else {
            (self.starts[line], 1)
        };
        let column = column + self.text[from..offset].chars().count();
        self.last.set((offset, line, column));
        (self.first_line + line, column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_offsets_in_any_order() {
        let text = "ab\nқаз x\n\nlast";
        let index = LineIndex::new(text, 5);
        let x = text.find('x').unwrap();
        assert_eq!(index.locate(x), (6, 5));
        assert_eq!(index.locate(0), (5, 1));
        assert_eq!(index.locate(1), (5, 2));
        assert_eq!(index.locate(3), (6, 1));
        assert_eq!(index.locate(x), (6, 5));
        assert_eq!(index.locate(text.len()), (8, 5));
        // Inside a character: its start.
        assert_eq!(index.locate(4), (6, 1));
        assert_eq!(index.locate(text.find('\n').unwrap() + 1), (6, 1));
    }
}
