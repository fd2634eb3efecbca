//! The cells of a rate file, read with the `csv` crate: one record per line, each cell
//! unquoted (`"1,0823"`, `"Date"`) and trimmed, one trailing empty cell dropped (the ECB ends
//! every line with a comma), blank lines skipped, `\n` or `\r\n` endings.
//!
//! The design choice: a record may not span lines. CSV lets a quoted cell hold a line break,
//! but no rate file has one, and a quote left open would otherwise swallow the rest of the file
//! as one cell. Such a record is reported as [`RowProblem::UnclosedQuote`] on the line where
//! it starts, and reading resumes on the next line, so one stray quote costs one line.

use csv::{ReaderBuilder, StringRecord};

use super::RowProblem;

/// One line's cells, or why the line could not be split into cells.
pub(super) enum Line<'record> {
    Cells(Cells<'record>),
    Bad(RowProblem),
}

/// The trimmed cells of a record, without the one trailing empty cell a trailing comma makes.
/// A view of the reader's record: reading a file allocates nothing per line.
pub(super) struct Cells<'record> {
    record: &'record StringRecord,
    len: usize,
}

impl<'record> Cells<'record> {
    fn of(record: &'record StringRecord) -> Cells<'record> {
        let trailing_empty = record.len() > 1 && record.iter().next_back().is_some_and(is_blank);
        Cells {
            record,
            len: record.len() - usize::from(trailing_empty),
        }
    }

    pub(super) fn len(&self) -> usize {
        self.len
    }

    /// Cell `index` (0-based), trimmed; empty past the end.
    pub(super) fn get(&self, index: usize) -> &'record str {
        if index < self.len {
            self.record.get(index).unwrap_or_default().trim()
        } else {
            ""
        }
    }

    pub(super) fn iter(&self) -> impl Iterator<Item = &'record str> + use<'record> {
        let record = self.record;
        record.iter().take(self.len).map(str::trim)
    }
}

fn is_blank(cell: &str) -> bool {
    cell.trim().is_empty()
}

/// Reads the records of a rate file's text in file order.
pub(super) struct CellReader<'text> {
    text: &'text str,
    /// Byte offset of `reader`'s input within `text`.
    start: usize,
    reader: csv::Reader<&'text [u8]>,
    record: StringRecord,
    /// Line numbers are counted here, not taken from the reader, which counts the line breaks
    /// of skipped blank lines and of `\r\n` its own way: `line` is the number of the line
    /// holding byte `counted` of `text`.
    counted: usize,
    line: usize,
}

impl<'text> CellReader<'text> {
    pub(super) fn new(text: &'text str) -> CellReader<'text> {
        CellReader {
            text,
            start: 0,
            reader: reader_of(text.as_bytes()),
            record: StringRecord::new(),
            counted: 0,
            line: 1,
        }
    }

    /// The next non-blank line: its number and its cells. `None` at the end of the text.
    pub(super) fn next_line(&mut self) -> Option<(usize, Line<'_>)> {
        loop {
            let read = self.reader.read_record(&mut self.record);
            let relative = self.record.position().map_or(0, |at| at.byte() as usize);
            // The reader's position is where the previous record ended: before the line breaks
            // (blank lines, the `\n` of a `\r\n`) that precede this record.
            let mut record_start = (self.start + relative).min(self.text.len());
            record_start += self.text.as_bytes()[record_start..]
                .iter()
                .take_while(|byte| matches!(byte, b'\r' | b'\n'))
                .count();
            match read {
                Ok(false) => return None,
                Ok(true) if self.open_at_the_end(record_start) => {
                    let line = self.line_of(record_start);
                    let cell = self.record.len();
                    self.restart_at(self.text.len());
                    return Some((line, Line::Bad(RowProblem::UnclosedQuote { cell })));
                }
                Ok(true) if self.spans_lines() => {
                    let line = self.line_of(record_start);
                    let cell = self.open_cell();
                    // Resume on the line after the one the open quote is on.
                    let next = self.text[record_start..]
                        .find('\n')
                        .map_or(self.text.len(), |at| record_start + at + 1);
                    self.restart_at(next);
                    return Some((line, Line::Bad(RowProblem::UnclosedQuote { cell })));
                }
                Ok(true) if self.is_blank() => continue,
                Ok(true) => {
                    let line = self.line_of(record_start);
                    return Some((line, Line::Cells(Cells::of(&self.record))));
                }
                Err(error) => {
                    // Input is a `&str`, so this is not UTF-8 or I/O: say what the crate says,
                    // and stop rather than guess where the next line starts.
                    let line = self.line_of(record_start);
                    let problem = RowProblem::Unreadable {
                        reason: error.to_string(),
                    };
                    self.restart_at(self.text.len());
                    return Some((line, Line::Bad(problem)));
                }
            }
        }
    }

    /// The number of the line holding byte `offset` (offsets only grow between calls).
    fn line_of(&mut self, offset: usize) -> usize {
        let offset = offset.max(self.counted);
        self.line +=
            memchr::memchr_iter(b'\n', &self.text.as_bytes()[self.counted..offset]).count();
        self.counted = offset;
        self.line
    }

    /// The last line, without a line break, with a quote left open (the reader ends the cell
    /// at the end of the text without a word): its quotes are odd in number.
    fn open_at_the_end(&self, record_start: usize) -> bool {
        let rest = &self.text.as_bytes()[record_start..];
        memchr::memchr(b'\n', rest).is_none() && memchr::memchr_iter(b'"', rest).count() % 2 == 1
    }

    fn spans_lines(&self) -> bool {
        memchr::memchr2(b'\n', b'\r', self.record.as_slice().as_bytes()).is_some()
    }

    /// 1-based number of the first cell holding a line break.
    fn open_cell(&self) -> usize {
        let index = self
            .record
            .iter()
            .position(|cell| cell.contains(['\n', '\r']));
        index.unwrap_or(0) + 1
    }

    fn is_blank(&self) -> bool {
        self.record.len() == 1 && is_blank(&self.record[0])
    }

    fn restart_at(&mut self, start: usize) {
        self.start = start;
        self.reader = reader_of(&self.text.as_bytes()[start..]);
    }
}

fn reader_of(bytes: &[u8]) -> csv::Reader<&[u8]> {
    ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every line as `(number, cells)`, a bad one as `(number, [problem])`.
    fn lines(text: &str) -> Vec<(usize, Vec<String>)> {
        let mut reader = CellReader::new(text);
        let mut out = Vec::new();
        while let Some((number, line)) = reader.next_line() {
            let cells = match line {
                Line::Cells(cells) => cells.iter().map(str::to_owned).collect(),
                Line::Bad(problem) => vec![problem.to_string()],
            };
            out.push((number, cells));
        }
        out
    }

    fn owned(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|cell| (*cell).to_owned()).collect()
    }

    #[test]
    fn quoted_cells_keep_their_commas_and_lose_their_quotes() {
        let text = "\"Date\",\"USD\"\n2024-01-02,\"1,0823\"\n\"2024-01-03\",\"1.09\" ,\n";
        assert_eq!(
            lines(text),
            vec![
                (1, owned(&["Date", "USD"])),
                (2, owned(&["2024-01-02", "1,0823"])),
                (3, owned(&["2024-01-03", "1.09"])),
            ]
        );
    }

    #[test]
    fn blank_lines_and_crlf_keep_the_line_numbers_of_the_file() {
        let text = "a,b\r\n\r\n   \r\nc,d\r\n\nlast,";
        assert_eq!(
            lines(text),
            vec![
                (1, owned(&["a", "b"])),
                (4, owned(&["c", "d"])),
                (6, owned(&["last"]))
            ]
        );
    }

    #[test]
    fn an_unclosed_quote_costs_its_line_only() {
        let text =
            "a,b\n2024-01-02,\"1.08\n2024-01-03,1.09\n2024-01-04,\"1.1\"\"\n2024-01-05,1.2\n";
        let read = lines(text);
        assert_eq!(read[1].0, 2);
        assert!(
            read[1].1[0].contains("unclosed quote in cell 2"),
            "{read:?}"
        );
        assert_eq!(read[2], (3, owned(&["2024-01-03", "1.09"])));
        assert_eq!(read[3].0, 4, "an escaped quote that leaves the cell open");
        assert!(read[3].1[0].contains("unclosed quote"), "{read:?}");
        assert_eq!(read[4], (5, owned(&["2024-01-05", "1.2"])));
        assert_eq!(read.len(), 5);
        let at_the_end = lines("a,b\r\n1,\"2.5");
        assert_eq!(at_the_end[1].0, 2);
        assert!(
            at_the_end[1].1[0].contains("unclosed quote in cell 2"),
            "{at_the_end:?}"
        );
    }
}
