/// Fitting text into columns: truncation with `…` and word wrapping, both by display width.
public enum TextLayout {
    /// `text` cut to at most `width` columns, ending in `…` when something was cut.
    public static func truncate(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let w = DisplayWidth.of(text[index])
            if used + w > width {
                // Make room for the ellipsis (one column), dropping whole graphemes.
                var kept = String(text[text.startIndex..<end])
                var keptWidth = used
                while keptWidth + 1 > width, let last = kept.popLast() {
                    keptWidth -= DisplayWidth.of(last)
                }
                return kept + "…"
            }
            used += w
            end = text.index(after: index)
        }
        return text
    }

    /// Styled text cut to at most `width` columns, ending in `…` (in the last span's style)
    /// when something was cut.
    public static func truncate(_ spans: [Span], width: Int) -> StyledLine {
        var line: StyledLine = []
        var room = width
        for (index, span) in spans.enumerated() {
            let spanWidth = DisplayWidth.of(span.text)
            let rest = spans[(index + 1)...].reduce(0) { $0 + DisplayWidth.of($1.text) }
            if spanWidth + rest <= room {
                line.append(span)
                room -= spanWidth
                continue
            }
            // This span or a later one does not fit: cut here, keeping a column for the `…`.
            let cut = truncate(span.text + (rest > 0 ? "…" : ""), width: room)
            if !cut.isEmpty { line.append(Span(cut, span.style)) }
            break
        }
        return line
    }

    /// Plain text wrapped to `width` columns.
    public static func wrap(_ text: String, width: Int) -> [String] {
        wrap([Span(text)], width: width).map { $0.map(\.text).joined() }
    }

    /// Styled text wrapped at spaces to `width` columns. Runs of spaces collapse to one; a
    /// word wider than the line is broken between graphemes (never inside one).
    public static func wrap(_ spans: [Span], width: Int) -> [StyledLine] {
        guard width > 0 else { return [] }
        var lines: [StyledLine] = []
        var line = LineBuilder()
        for word in words(in: spans) {
            let wordWidth = word.reduce(0) { $0 + DisplayWidth.of($1.character) }
            let gap = line.isEmpty ? 0 : 1
            if line.width + gap + wordWidth <= width {
                if gap == 1 { line.append(" ", style: line.lastStyle(joining: word.first?.style)) }
                for glyph in word { line.append(glyph.character, style: glyph.style) }
                continue
            }
            if wordWidth <= width {
                lines.append(line.finish())
                for glyph in word { line.append(glyph.character, style: glyph.style) }
                continue
            }
            // Too long for any line: fill what is left of this one, then continue below.
            if !line.isEmpty {
                if line.width + 2 <= width {
                    line.append(" ", style: .plain)
                } else {
                    lines.append(line.finish())
                }
            }
            for glyph in word {
                let w = DisplayWidth.of(glyph.character)
                if line.width + w > width { lines.append(line.finish()) }
                line.append(glyph.character, style: glyph.style)
            }
        }
        if !line.isEmpty { lines.append(line.finish()) }
        return lines
    }

    struct Glyph {
        var character: Character
        var style: Style
    }

    static func words(in spans: [Span]) -> [[Glyph]] {
        var words: [[Glyph]] = []
        var current: [Glyph] = []
        for span in spans {
            for character in span.text {
                if character == " " || character == "\u{00A0}" || character.isNewline {
                    if !current.isEmpty { words.append(current) }
                    current = []
                } else if DisplayWidth.of(character) > 0 {
                    current.append(Glyph(character: character, style: span.style))
                }
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// Accumulates glyphs into spans, merging neighbours of the same style.
    struct LineBuilder {
        var spans: [Span] = []
        var width = 0
        var isEmpty: Bool { spans.isEmpty }

        mutating func append(_ character: Character, style: Style) {
            width += DisplayWidth.of(character)
            if let last = spans.indices.last, spans[last].style == style {
                spans[last].text.append(character)
            } else {
                spans.append(Span(String(character), style))
            }
        }

        /// A space between two words keeps a highlight going when both sides share it.
        func lastStyle(joining next: Style?) -> Style {
            guard let previous = spans.last?.style, previous == next else { return .plain }
            return previous
        }

        mutating func finish() -> StyledLine {
            defer { self = LineBuilder() }
            return spans
        }
    }
}
