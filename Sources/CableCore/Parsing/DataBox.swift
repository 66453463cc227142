/// A box of data set beside a story: a scorecard, a match report's score box, a results table,
/// a contract's or a weapon's fact file. Its lines are figures, columns or `Label: value`
/// pairs, not sentences; a line in such a box is never the page's headline, even when it reads
/// like one (`UEFA Under-21 Championship qualifying, Group F`, `Prime contractor: Diehl Defence`).
enum DataBox {
    /// A line of data: mostly figures (`England 317 (49.5 ov; Root 120; Omarzai 5-58)`), set in
    /// columns (two spaces, a tab or a `|` between cells), or a short label and its value
    /// (`Contract value: approx. €240 million`).
    static func isDataLine(_ text: String) -> Bool {
        isFigures(text) || isColumns(text) || isLabelAndValue(text)
    }

    /// Three words or more carry a digit, and they are a third of the line's words or more. A
    /// headline gives a figure or two among its words.
    static func isFigures(_ text: String) -> Bool {
        let words = Text.words(text)
        let figures = words.filter { $0.unicodeScalars.contains(where: Text.isDigit) }.count
        return figures >= 3 && figures * 3 >= words.count
    }

    /// Cells side by side: a tab, a run of two spaces, or a `|` between words.
    static func isColumns(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.contains("\t") || trimmed.contains("  ") || trimmed.contains(" | ")
    }

    /// A label of up to four words, capitalised, then a colon and a value that is no sentence
    /// (`Player of the match: Ibrahim Zadran`, `Signed: 10 March 2025`).
    static func isLabelAndValue(_ text: String) -> Bool {
        guard let colon = text.prefix(32).firstIndex(of: ":") else { return false }
        let label = text[..<colon], value = text[text.index(after: colon)...]
        let labelWords = Text.words(label)
        guard (1...4).contains(labelWords.count), Text.initialCase(labelWords[0]) == .upper,
            value.first == " ", case let shape = LineShape(String(value)), shape.wordCount >= 1, shape.wordCount <= 12 else { return false }
        return !shape.endsWithSentencePunctuation || shape.wordCount <= 4
    }

    /// A data line with a figure in it.
    static func isDataRow(_ text: String) -> Bool {
        text.unicodeScalars.contains(where: Text.isDigit) && isDataLine(text)
    }

    /// Whether the line at `index` stands in a box of data: of the other lines of its block (a
    /// box is short: thirty lines at most), more than half and two at least are data lines.
    /// Bylines, datelines and furniture are not counted: a headline's own block holds them
    /// (`Wednesday 3 January 2024 16:05 UTC`, `Share | Tweet | Email`) — except a row of cells
    /// with figures in them (`Holt 12' | Brandt 80'`), which the page's cleaning takes for a
    /// row of links.
    static func contains(_ index: Int, in lines: ArraySlice<LogicalLine>) -> Bool {
        let block = lines[index].block
        var start = index, end = index + 1
        while start > lines.startIndex, lines[start - 1].block == block, end - start <= 30 { start -= 1 }
        while end < lines.endIndex, lines[end].block == block, end - start <= 30 { end += 1 }
        let others = (start..<end).filter { other in
            other != index && lines[other].date == nil && !lines[other].isByline && (lines[other].kind != .furniture || isDataRow(lines[other].text))
        }
        guard others.count <= 30 else { return false }
        let data = others.filter { isDataLine(lines[$0].text) }.count
        return data >= 2 && data * 2 > others.count
    }
}
